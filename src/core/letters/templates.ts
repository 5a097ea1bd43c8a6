/**
 * The default letter templates (what setup puts into a new Google Doc or `.docx`) and the
 * placeholders each kind of letter knows. Templates are plain document models: staff edit the
 * resulting documents freely, so nothing here is needed at fill time except the placeholder syntax.
 *
 * Layout follows ГОСТ Р 7.0.97-2025 for business letters: letterhead centred with the centre's
 * contacts, date and registration number on the left, the addressee block as a left-aligned block in
 * the right half, the heading to the text, salutation centred, justified body with a first-line
 * indent, signature as a two-column borderless row, the performer in small print at the foot.
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

/** Every piece of text of a document model, block by block (table cells row by row), the footer last. */
export function modelTexts(model: DocModel): string[] {
  const texts: string[] = [model.title];
  for (const block of [...model.blocks, ...(model.footer ?? [])]) {
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

/** The letterhead: the centre's name and its contacts (address, phone, email, site), centred. */
function letterhead(): Block[] {
  return [
    { kind: 'paragraph', text: T.letterhead.centre, align: 'center', bold: true },
    { kind: 'paragraph', text: T.letterhead.contacts, align: 'center', size: CONTACTS_PT },
    { kind: 'paragraph', text: '' },
  ];
}

/**
 * Date and registration number on the left, the addressee block in the right half, left-aligned
 * within it: a borderless two-column row, so both runtimes lay it out alike.
 */
function requisites(addressee: string): Block {
  return { kind: 'table', header: [], rows: [[T.letterhead.date, addressee]], widths: [50, 50], align: ['left', 'left'] };
}

/** Signature row; the performer goes into the footer (see `performerFooter`). */
function signature(): Block[] {
  return [
    { kind: 'paragraph', text: '' },
    // No header row: renderers draw a table with an empty header as plain rows.
    { kind: 'table', header: [], rows: [[T.signature.position, T.signature.name]], widths: [60, 40] },
  ];
}

/**
 * The performer, small, at the bottom left: the page footer. Letters take one page, so that is
 * the foot of the last page; a print-ready bundle, a letter per page, has it under each letter.
 */
function performerFooter(): NonNullable<DocModel['footer']> {
  return T.performer.map((text) => ({ kind: 'paragraph' as const, text, align: 'left' as const, size: PERFORMER_PT }));
}

/** Point sizes of the small print (ГОСТ Р 7.0.97-2025 allows 10–12 pt for the performer). */
export const PERFORMER_PT = 11;
const CONTACTS_PT = 12;

const body = (text: string): Block => ({ kind: 'paragraph', text, align: 'justify', indent: true });

function invitation(): DocModel {
  const t = T.invitation;
  return {
    title: t.title,
    blocks: [
      ...letterhead(),
      requisites(t.addressee),
      // The heading to the text, on the left above it (ГОСТ Р 7.0.97-2025, requisite 19).
      { kind: 'paragraph', text: t.heading, align: 'left', bold: true },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: t.salutation, align: 'center' },
      ...t.body.map(body),
      ...signature(),
    ],
    footer: performerFooter(),
  };
}

function thanks(): DocModel {
  const t = T.thanks;
  return {
    title: t.title,
    blocks: [
      ...letterhead(),
      requisites(t.addressee),
      // A centred bold paragraph rather than a heading: headings have no alignment in the model.
      { kind: 'paragraph', text: t.heading, align: 'center', bold: true },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: t.salutation, align: 'center' },
      ...t.body.map(body),
      ...signature(),
    ],
    footer: performerFooter(),
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
