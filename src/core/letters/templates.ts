/**
 * The default letter templates (what setup puts into a new Google Doc or `.docx`) and the
 * placeholders each kind of letter knows. Templates are plain document models: staff edit the
 * resulting documents freely, so nothing here is needed at fill time except the placeholder syntax.
 *
 * Layout follows ГОСТ Р 7.0.97 for business letters: letterhead centred, date on the left,
 * addressee block on the right, salutation centred, justified body with a first-line indent,
 * signature as a two-column borderless row, performer in small print at the bottom.
 */
import type { Block, DocModel, TemplateKind } from '../../ports';
import { DOC_MSG } from '../../messages/documents';
import { PLACEHOLDER_HELP, type PlaceholderInfo } from '../../messages/placeholders';
import { letterTemplateMsg as T } from '../../messages/letter-templates';
import { envelopeFormat, envelopeTemplate } from '../invite/envelope';

export type { PlaceholderInfo };

/**
 * `{{name}}` with optional spaces inside the braces; group 1 is the name (trim it).
 * Global: use it with `String.prototype.replace`/`matchAll` or copy it
 * (`new RegExp(PLACEHOLDER_PATTERN.source, 'g')`) before calling `exec`, whose state it keeps.
 */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}\s][^{}]*?)\s*\}\}/g;

/** The placeholder names used in `text`, trimmed, in order of first use, without repeats. */
export function placeholdersIn(text: string): string[] {
  const pattern = new RegExp(PLACEHOLDER_PATTERN.source, 'g');
  const names: string[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const name = m[1].trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Braces that do not make a placeholder: `{{Дата_письма` without its `}}`, a stray `}}`, an empty
 * `{{}}`. Such text would go into every letter as it is, so it is reported like an unknown field.
 */
export function placeholderSyntaxProblems(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    const rest = line.replace(new RegExp(PLACEHOLDER_PATTERN.source, 'g'), (m) => ' '.repeat(m.length));
    if (/\{\{\s*\}\}/.test(rest)) {
      problems.push(DOC_MSG.templateEmptyTag);
      continue;
    }
    const open = rest.indexOf('{{');
    if (open >= 0) problems.push(DOC_MSG.templateUnclosedTag(line.slice(open, open + 40).trim()));
    const close = rest.indexOf('}}');
    if (close >= 0 && (open < 0 || close < open)) problems.push(DOC_MSG.templateUnopenedTag(line.slice(Math.max(0, close - 40), close + 2).trim()));
  }
  return [...new Set(problems)];
}

/** Every piece of text of a document model, block by block (table cells row by row). */
export function modelTexts(model: DocModel): string[] {
  const texts: string[] = [model.title];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        texts.push(block.text);
        break;
      case 'table':
        texts.push(...block.header);
        for (const row of block.rows) texts.push(...row);
        break;
      case 'chart':
        texts.push(block.chart.title, ...block.chart.labels, block.chart.valueLabel);
        break;
      case 'pageBreak':
        break;
    }
  }
  return texts;
}

/** The placeholders a document model uses, in order of first use. */
export function modelPlaceholders(model: DocModel): string[] {
  return placeholdersIn(modelTexts(model).join('\n'));
}

/** The placeholders each kind of letter knows, with the Russian explanations of the help and the check. */
export const PLACEHOLDERS: Record<TemplateKind, readonly PlaceholderInfo[]> = PLACEHOLDER_HELP;

/** Letterhead and date line shared by both letters. */
function letterhead(): Block[] {
  return [
    { kind: 'paragraph', text: T.letterhead.centre, align: 'center', bold: true },
    { kind: 'paragraph', text: T.letterhead.contacts, align: 'center' },
    { kind: 'paragraph', text: '' },
    { kind: 'paragraph', text: T.letterhead.date, align: 'left' },
  ];
}

/** Signature row and performer line shared by both letters. */
function signature(): Block[] {
  return [
    { kind: 'paragraph', text: '' },
    // No header row: renderers draw a table with an empty header as plain rows.
    { kind: 'table', header: [], rows: [[T.signature.position, T.signature.name]], widths: [60, 40] },
    { kind: 'paragraph', text: '' },
    { kind: 'paragraph', text: T.performer, align: 'left' },
  ];
}

const body = (text: string): Block => ({ kind: 'paragraph', text, align: 'justify', indent: true });

function invitation(): DocModel {
  const t = T.invitation;
  return {
    title: t.title,
    blocks: [
      ...letterhead(),
      { kind: 'paragraph', text: t.addressee, align: 'right' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: t.salutation, align: 'center' },
      ...t.body.map(body),
      ...signature(),
    ],
  };
}

function thanks(): DocModel {
  const t = T.thanks;
  return {
    title: t.title,
    blocks: [
      ...letterhead(),
      { kind: 'paragraph', text: '' },
      // A centred bold paragraph rather than a heading: headings have no alignment in the model.
      { kind: 'paragraph', text: t.heading, align: 'center', bold: true },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: t.salutation, align: 'center' },
      ...t.body.map(body),
      ...signature(),
    ],
  };
}

/**
 * A fresh copy of the default template of this kind (callers may change it); the envelope in the
 * format of the setting «Формат конверта» (DL unless it says C5).
 */
export function defaultTemplate(kind: TemplateKind, envelope = ''): DocModel {
  if (kind === 'envelope') return envelopeTemplate(envelopeFormat(envelope));
  return kind === 'invitation' ? invitation() : thanks();
}
