/**
 * Fills `.docx` templates with `{{placeholders}}` (docxtemplater + pizzip). Every tag is a plain
 * field: docxtemplater's loop (`{{#x}}`), raw-XML (`{{@x}}`) and delimiter-change (`{{=…=}}`) syntax
 * is switched off, so a template cannot inject XML and a value is never interpreted — `$1`, `{{x}}`,
 * `<b>`, `=1+1` come out exactly as given; newlines become line breaks.
 */
import { errorText, UserError } from '../core/errors';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { DOC_MSG } from '../messages/documents';

export type PlaceholderScan = { ok: true; names: string[] } | { ok: false; problem: string };

const DELIMITERS = { start: '{{', end: '}}' };
/** Letters, digits, `_`, and inner spaces, hyphens or dots: `Дата_письма`, `Дата письма`. */
const NAME = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_ .-]*[\p{L}\p{N}_.])?$/u;
/** Characters XML 1.0 forbids; a value containing one would make the document unreadable. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** `{{ Обращение }}` and `{{Обращение}}` are the same field. */
export function normaliseName(tag: string): string {
  return tag.replace(/\u00A0/g, ' ').trim().replace(/\s+/g, ' ');
}

/** Treats every tag as a simple field, before docxtemplater's own modules look at its prefix. */
type Matcher = ReturnType<NonNullable<Docxtemplater.DXT.Module['matchers']>>[number];
const matchEveryTag = [
  // docxtemplater accepts a function as the prefix and null as the module; its typings list strings only.
  (content: string) => content,
  null,
  (values: string[]) => ({ value: values[1], priority: 1e9 }),
] as unknown as Matcher;
/** A fresh module per template: docxtemplater refuses to attach one module object twice. */
const literalTags = (): Docxtemplater.DXT.Module => ({ name: 'PartnerstvoLiteralTags', matchers: () => [matchEveryTag] });

interface TemplateErrorLike {
  message?: string;
  properties?: { id?: string; context?: string; xtag?: string; explanation?: string; errors?: TemplateErrorLike[] };
}

function describeTemplateError(error: unknown): string {
  const e = (error ?? {}) as TemplateErrorLike;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  const texts = list.map((item) => {
    const p = item.properties ?? {};
    const context = (p.context ?? p.xtag ?? '').trim();
    switch (p.id) {
      case 'unopened_tag':
        return DOC_MSG.templateUnopenedTag(context);
      case 'unclosed_tag':
        return DOC_MSG.templateUnclosedTag(context);
      case 'duplicate_open_tag':
        return DOC_MSG.templateDuplicateOpen(context);
      case 'duplicate_close_tag':
        return DOC_MSG.templateDuplicateClose(context);
      default:
        return DOC_MSG.templateOtherError(p.explanation ?? item.message ?? String(error));
    }
  });
  return DOC_MSG.templateProblemsJoined([...new Set(texts)]);
}

const hasValue = (values: Record<string, string>, name: string): boolean =>
  Object.prototype.hasOwnProperty.call(values, name) && typeof values[name] === 'string';

interface Compiled {
  doc: Docxtemplater<PizZip>;
  /** Normalised field names in order of first use. */
  names: string[];
}

/** Opens and compiles a template; throws an Error with a Russian problem text. */
function compile(docx: Uint8Array, values?: Record<string, string>): Compiled {
  let zip: PizZip;
  try {
    zip = new PizZip(docx);
  } catch (error) {
    throw new UserError(DOC_MSG.templateUnreadable('.docx', errorText(error)));
  }
  if (!zip.file('word/document.xml')) throw new UserError(DOC_MSG.templateUnreadable('.docx', ''));
  const seen: string[] = [];
  let doc: Docxtemplater<PizZip>;
  try {
    doc = new Docxtemplater(zip, {
      delimiters: DELIMITERS,
      modules: [literalTags()],
      paragraphLoop: false,
      linebreaks: true,
      errorLogging: false,
      stripInvalidXMLChars: true,
      syntax: { changeDelimiterPrefix: null },
      parser: (tag: string) => {
        const name = normaliseName(tag);
        seen.push(name);
        return {
          get: (): string => {
            const value = values && hasValue(values, name) ? values[name] : undefined;
            if (value === undefined) throw new UserError(DOC_MSG.missingValues([name]));
            return value.replace(XML_INVALID, '');
          },
        };
      },
      nullGetter: (part) => {
        throw new UserError(DOC_MSG.missingValues([normaliseName(String(part.value))]));
      },
    });
  } catch (error) {
    throw new UserError(describeTemplateError(error));
  }
  const names = [...new Set(seen)];
  const problems: string[] = [];
  for (const name of names) {
    if (name === '') problems.push(DOC_MSG.templateEmptyTag);
    else if (!NAME.test(name)) problems.push(DOC_MSG.templateBadTagName(name));
  }
  if (problems.length > 0) throw new UserError(DOC_MSG.templateProblemsJoined(problems));
  return { doc, names };
}

/** The field names a template uses, in order of first use, without repeats; or the problem found. */
export function placeholdersOf(docx: Uint8Array): PlaceholderScan {
  try {
    return { ok: true, names: compile(docx).names };
  } catch (error) {
    return { ok: false, problem: errorText(error) };
  }
}

/** The template with every field replaced literally by its value. A field without a value is an error. */
export function fillDocx(docx: Uint8Array, values: Record<string, string>): Uint8Array {
  const { doc, names } = compile(docx, values);
  const missing = names.filter((n) => !hasValue(values, n));
  if (missing.length > 0) throw new UserError(DOC_MSG.missingValues(missing));
  try {
    doc.render();
  } catch (error) {
    throw new UserError(describeTemplateError(error));
  }
  return doc.toUint8Array({ compression: 'DEFLATE' });
}

/** A template compiled once, filled many times: what a run of many letters uses. */
export interface CompiledTemplate {
  /** Field names in order of first use. */
  names: string[];
  /** The same document `fillDocx(template, values)` makes. */
  fill(values: Record<string, string>): Uint8Array;
}

// Private-use marks around each field's value in the one render that finds where values go.
const OPEN = '\uE000';
const SPLIT = '\uE002';
const RESUME = '\uE003';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE002([\s\S]*?)\uE003\1\uE001/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

const W_T_PRESERVE = '<w:t xml:space="preserve">';
const W_T_END = '</w:t>';

/** What docxtemplater's space-preserve module does after rendering: an empty `<w:t …></w:t>` becomes `<w:t/>`. */
function collapseEmptyText(parts: string[]): string[] {
  let last = -1;
  let endsPreserve = false;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    if (endsPreserve && parts[i].startsWith(W_T_END)) {
      parts[last] = `${parts[last].slice(0, -W_T_PRESERVE.length)}<w:t/>`;
      parts[i] = parts[i].slice(W_T_END.length);
    }
    endsPreserve = parts[i].endsWith(W_T_PRESERVE);
    last = i;
  }
  return parts;
}

/**
 * Compiles the template once: docxtemplater renders it a single time with a mark for each field
 * (holding a line break, so the run markup docxtemplater puts between the lines of a value is
 * learnt too), and every letter is then that XML with the marks replaced by its escaped values —
 * no unzipping and re-parsing per letter. A template that already holds such marks is filled the
 * ordinary way. Tests hold the two ways to the same output.
 */
export function compileTemplate(docx: Uint8Array): CompiledTemplate {
  const { names } = compile(docx);
  const slow: CompiledTemplate = { names, fill: (values) => fillDocx(docx, values) };
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${SPLIT}\n${RESUME}${i}${CLOSE}`]));
  const { doc } = compile(docx, marks);
  const zip = new PizZip(docx);
  if (Object.values(zip.files).some((f) => !f.dir && /\.(xml|rels)$/.test(f.name) && /[\uE000-\uE003]/.test(f.asText()))) return slow;
  try {
    doc.render();
  } catch (error) {
    throw new UserError(describeTemplateError(error));
  }
  const rendered = doc.getZip();
  const parts: { name: string; pieces: (string | { field: string; lineBreak: string })[] }[] = [];
  for (const file of Object.values(rendered.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(file.name)) continue;
    const text = file.asText();
    if (!text.includes(OPEN)) continue;
    const pieces: (string | { field: string; lineBreak: string })[] = [];
    let at = 0;
    for (const m of text.matchAll(SLOT)) {
      pieces.push(text.slice(at, m.index), { field: names[Number(m[1])], lineBreak: m[2] });
      at = (m.index ?? 0) + m[0].length;
    }
    pieces.push(text.slice(at));
    if (pieces.some((p) => typeof p === 'string' && /[\uE000-\uE003]/.test(p))) return slow;
    parts.push({ name: file.name, pieces });
  }
  // Re-read once packed: every part the render touched is then held compressed, and each letter
  // compresses only the parts its values go into.
  const base = new PizZip(rendered.generate({ type: 'uint8array', compression: 'DEFLATE' }));
  return {
    names,
    fill(values) {
      const missing = names.filter((n) => !hasValue(values, n));
      if (missing.length > 0) throw new UserError(DOC_MSG.missingValues(missing));
      for (const part of parts) {
        const chunks: string[] = [];
        for (const p of part.pieces) {
          if (typeof p === 'string') chunks.push(p);
          else
            values[p.field]
              .replace(XML_INVALID, '')
              .split('\n')
              .forEach((line, i) => (i === 0 ? chunks.push(escapeXml(line)) : chunks.push(p.lineBreak, escapeXml(line))));
        }
        base.file(part.name, collapseEmptyText(chunks).join(''));
      }
      return base.generate({ type: 'uint8array', compression: 'DEFLATE' });
    },
  };
}

const BODY = /<w:body>([\s\S]*)<\/w:body>/;
const FINAL_SECTION = /<w:sectPr\b(?:[^>]*\/>|[\s\S]*?<\/w:sectPr>)\s*$/;
const PAGE_BREAK_RUN = '<w:r><w:br w:type="page"/></w:r>';

function splitBody(xml: string): { before: string; content: string; section: string; after: string } {
  const match = BODY.exec(xml);
  if (!match || match.index === undefined) throw new UserError(DOC_MSG.templateUnreadable('.docx', 'word/document.xml'));
  const inner = match[1];
  const section = FINAL_SECTION.exec(inner);
  const content = section ? inner.slice(0, section.index) : inner;
  return {
    before: xml.slice(0, match.index),
    content,
    section: section ? section[0] : '',
    after: xml.slice(match.index + match[0].length),
  };
}

/** Ends the body with a page break: inside its last paragraph when it ends with one. */
function withPageBreak(content: string): string {
  const trimmed = content.replace(/\s+$/, '');
  if (trimmed.endsWith('</w:p>')) return trimmed.slice(0, -'</w:p>'.length) + PAGE_BREAK_RUN + '</w:p>';
  return trimmed + `<w:p>${PAGE_BREAK_RUN}</w:p>`;
}

/** The body of a filled letter to go into a bundle: without the paragraph ids and bookmarks the first letter has too. */
function bundleBody(xml: string): string {
  return splitBody(xml)
    .content.replace(/\s(?:w14:paraId|w14:textId)="[^"]*"/g, '')
    .replace(/<w:bookmark(?:Start|End)\b[^>]*\/>/g, '');
}

/**
 * A bundle (a filled letter, or one `fillBundle` or this made) with one more filled letter after a
 * page break: the bundle keeps its own section (page setup, header, footer).
 */
export function appendLetter(bundle: Uint8Array, letter: Uint8Array): Uint8Array {
  const zip = new PizZip(bundle);
  const head = splitBody(zip.file('word/document.xml')?.asText() ?? '');
  const body = bundleBody(new PizZip(letter).file('word/document.xml')?.asText() ?? '');
  zip.file('word/document.xml', `${head.before}<w:body>${withPageBreak(head.content)}${body}${head.section}</w:body>${head.after}`);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One document holding one filled copy of the template per letter, each starting on a new page. */
export function fillBundle(docx: Uint8Array, letters: Record<string, string>[], fill: (values: Record<string, string>) => Uint8Array = (v) => fillDocx(docx, v)): Uint8Array {
  if (letters.length === 0) throw new UserError(DOC_MSG.bundleEmpty);
  const filled = letters.map(fill);
  const first = new PizZip(filled[0]);
  const firstXml = first.file('word/document.xml')?.asText() ?? '';
  const head = splitBody(firstXml);
  const bodies = filled.map((bytes, i) => {
    if (i === 0) return head.content;
    // Copies must not repeat paragraph ids or bookmarks of the first letter.
    return bundleBody(new PizZip(bytes).file('word/document.xml')?.asText() ?? '');
  });
  const joined = bodies.map((b, i) => (i < bodies.length - 1 ? withPageBreak(b) : b)).join('');
  first.file('word/document.xml', `${head.before}<w:body>${joined}${head.section}</w:body>${head.after}`);
  return first.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Plain text of a Word XML part: paragraphs and line breaks as `\n`, tabs as `\t`. */
export function wordXmlText(xml: string): string {
  const out: string[] = [];
  const token = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:tab\/>|<w:br\b[^>]*\/>|<w:cr\/>|<\/w:p>/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const tag = m[0];
    if (m[1] !== undefined) out.push(decodeXml(m[1]));
    else if (tag.startsWith('<w:tab')) out.push('\t');
    else if (tag.startsWith('<w:br') || tag.startsWith('<w:cr') || tag === '</w:p>') out.push('\n');
  }
  return out.join('').replace(/\n+$/, '');
}

/** The whole text of the main document part of a `.docx`. */
export function templateTextOf(docx: Uint8Array): string {
  let zip: PizZip;
  try {
    zip = new PizZip(docx);
  } catch (error) {
    throw new UserError(DOC_MSG.templateUnreadable('.docx', errorText(error)));
  }
  const xml = zip.file('word/document.xml')?.asText();
  if (xml === undefined) throw new UserError(DOC_MSG.templateUnreadable('.docx', ''));
  return wordXmlText(xml);
}
