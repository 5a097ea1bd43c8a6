/**
 * The document port over Google Docs and Drive: letters are copies of the staff's template Doc with
 * every placeholder replaced in ONE Docs API `batchUpdate` (literal, so `$1`, `{{x}}`, `<b>` stay
 * text); print-ready bundles put one filled letter per page; reports are rendered into a new Doc.
 * Documents go into a subfolder (by name) of the folder from «Настройки».
 */
import type { Attachment, Block, ChartSpec, ColumnAlign, DocModel, DocumentPort, DocumentSettings, MadeDocument, PageSetup, TemplateKind } from '../ports';
import { errorText, UncertainEffectError, UserError } from '../core/errors';
import { docsMsg } from '../messages/gas';
import { SETTING } from '../core/data/schema';
import { PLACEHOLDER_PATTERN, placeholderSyntaxProblems } from '../core/letters/templates';
import { childFiles, childFolder, copyFile, createDocument, createFolder, DOC_MIME, FOLDER_MIME, lookUp, renameFile, trashFile } from './drive';
import { recordedOwner } from './sharing';

type Body = GoogleAppsScript.Document.Body;

export const PDF_MIME = 'application/pdf';

/** An attachment made here: it carries the Blob MailApp sends. */
export interface GasAttachment extends Attachment {
  readonly blob: GoogleAppsScript.Base.Blob;
}

export function isGasAttachment(a: Attachment): a is GasAttachment {
  return typeof (a as Partial<GasAttachment>).blob === 'object' && (a as Partial<GasAttachment>).blob !== null;
}

const TEMPLATE_LABEL: Record<TemplateKind, string> = { invitation: SETTING.invitationTemplate, thanks: SETTING.thanksTemplate, envelope: SETTING.envelopeTemplate };

/** The URL of a Google Doc by its ID (saves a call per letter). */
export const docUrl = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;

/** The ID in a Doc's URL (what the journal links to), or null when it is not one. */
export function docIdOf(link: string): string | null {
  const match = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(link);
  return match ? match[1] : null;
}

/** The raw placeholder tokens of a text by name: `Имя` → [`{{Имя}}`, `{{ Имя }}`]. */
export function placeholderTokens(text: string): Map<string, string[]> {
  const pattern = new RegExp(PLACEHOLDER_PATTERN.source, 'g');
  const tokens = new Map<string, string[]>();
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const name = m[1].trim();
    const list = tokens.get(name) ?? [];
    if (!list.includes(m[0])) list.push(m[0]);
    tokens.set(name, list);
  }
  return tokens;
}

/**
 * Where the sentinel mark is looked for: box drawing, block elements, geometric shapes, miscellaneous
 * symbols and dingbats (U+2500–U+27BF), 704 ordinary printable characters. Not private-use characters:
 * the Docs API strips "characters from the Unicode Basic Multilingual Plane Private Use Area
 * (U+E000-U+F8FF)" and some control characters from inserted text
 * (https://developers.google.com/workspace/docs/api/concepts/rules-behavior, "Insert text"), so a
 * sentinel made of them would come out of phase one as bare digits and phase two would find nothing.
 */
const MARK_FIRST = 0x2500;
const MARK_LAST = 0x27bf;

/** A character found nowhere in the text, from the ordinary range above. */
export function sentinelMark(text: string): string {
  const used = new Set(text);
  for (let code = MARK_FIRST; code <= MARK_LAST; code++) {
    const mark = String.fromCharCode(code);
    if (!used.has(mark)) return mark;
  }
  // Only a text holding all 704 of these symbols gets here.
  throw new Error('No sentinel character is free: the template and its values use every character of U+2500–U+27BF');
}

/**
 * The `replaceAllText` requests that fill a template literally in one batch. Requests run in order,
 * so a value containing another token (`{{Дата}}`) would be replaced again; hence two phases: every
 * token becomes a sentinel `‹mark›N‹mark›`, then each sentinel becomes its value. The mark is one
 * ordinary character found nowhere in the template text or the values, so a sentinel can match only
 * where phase one put it: never inside a value, nor across a value's edge (one character cannot be
 * made of two), nor another sentinel (each is closed by the mark, so `‹m›1‹m›` is not part of `‹m›12‹m›`).
 */
export function replaceRequests(templateText: string, tokens: Map<string, string[]>, values: Record<string, string>): GoogleAppsScript.Docs.Schema.Request[] {
  const used = [...tokens.entries()].filter(([name]) => Object.prototype.hasOwnProperty.call(values, name));
  if (used.length === 0) return [];
  const mark = sentinelMark(templateText + used.map(([name]) => values[name]).join(''));
  const replace = (text: string, by: string): GoogleAppsScript.Docs.Schema.Request => ({
    replaceAllText: { containsText: { text, matchCase: true }, replaceText: by },
  });
  const first: GoogleAppsScript.Docs.Schema.Request[] = [];
  const second: GoogleAppsScript.Docs.Schema.Request[] = [];
  used.forEach(([name, raws], i) => {
    const sentinel = `${mark}${i}${mark}`;
    for (const raw of raws) first.push(replace(raw, sentinel));
    second.push(replace(sentinel, values[name]));
  });
  return [...first, ...second];
}

/** The Docs advanced service (declared in appsscript.json); a Russian error when it is off. */
function docsService(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  const documents = typeof Docs === 'undefined' || !Docs ? undefined : Docs.Documents;
  if (!documents) throw new UserError(docsMsg.docsServiceOff);
  return documents;
}

/** Text of a document's body, header and footer. */
function documentText(doc: GoogleAppsScript.Document.Document): string {
  const parts = [doc.getBody().getText()];
  const header = doc.getHeader();
  if (header) parts.push(header.getText());
  const footer = doc.getFooter();
  if (footer) parts.push(footer.getText());
  return parts.join('\n');
}

class DocsMadeDocument implements MadeDocument {
  private attachment: GasAttachment | null = null;
  readonly link: string;
  constructor(
    private readonly id: string,
    private readonly name: string,
  ) {
    this.link = docUrl(id);
  }
  pdf(): Attachment {
    if (!this.attachment) {
      // Through DocumentApp (the documents scope): DriveApp's File.getAs would need the full drive scope.
      // getAs would replace whatever follows the last dot of the name («ООО «А.Б»»): name it ourselves.
      const fileName = `${this.name}.pdf`;
      const blob = DocumentApp.openById(this.id).getAs(PDF_MIME).setName(fileName);
      this.attachment = { fileName, mimeType: PDF_MIME, blob };
    }
    return this.attachment;
  }
}

interface Template {
  id: string;
  text: string;
  tokens: Map<string, string[]>;
}

const POINTS_PER_PERCENT = 4.8; // A4 text width ≈ 480 pt
const FIRST_LINE_INDENT = 35.4; // 1.25 cm

export class DocsDocuments implements DocumentPort {
  private rootCache: string | null = null;
  private readonly folders = new Map<string, string>();
  private readonly templates = new Map<TemplateKind, Template>();

  /** Building it costs no calls: the folder and the templates are looked up on first use. */
  constructor(private readonly settings: DocumentSettings) {}

  /**
   * The ID of the folder from «Настройки»; a Russian error naming the setting and who can fix it when
   * it is blank, not visible to this user, read-only for them, or gone.
   */
  root(): string {
    if (this.rootCache) return this.rootCache;
    const found = lookUp(this.settings.folder, FOLDER_MIME);
    if (found.kind === 'blank') throw new UserError(docsMsg.folderBlank(SETTING.folder));
    if (found.kind === 'unseen') throw new UserError(docsMsg.folderUnseen(SETTING.folder, recordedOwner()));
    if (found.kind === 'gone') throw new UserError(docsMsg.folderGone(SETTING.folder));
    if (!found.entry.canEdit) throw new UserError(docsMsg.folderReadOnly(SETTING.folder, found.entry.owner || recordedOwner()));
    return (this.rootCache = found.entry.id);
  }

  /** The ID of a subfolder of the root by name, found or created once per run; '' is the root itself. */
  folder(name: string): string {
    const root = this.root();
    if (name.trim() === '') return root;
    const cached = this.folders.get(name);
    if (cached) return cached;
    const folder = childFolder(root, name) ?? createFolder(name, root);
    this.folders.set(name, folder);
    return folder;
  }

  private template(kind: TemplateKind): Template {
    const cached = this.templates.get(kind);
    if (cached) return cached;
    // Letters are Drive copies of the template, so Drive must see it, as well as DocumentApp.
    const found = lookUp(this.settings.templates[kind] ?? '', DOC_MIME);
    if (found.kind === 'blank') throw new UserError(docsMsg.templateBlank(TEMPLATE_LABEL[kind]));
    if (found.kind === 'unseen') throw new UserError(docsMsg.templateUnseen(TEMPLATE_LABEL[kind], recordedOwner()));
    if (found.kind === 'gone') throw new UserError(docsMsg.templateGone(TEMPLATE_LABEL[kind]));
    const id = found.entry.id;
    let template: Template;
    try {
      const text = documentText(DocumentApp.openById(id));
      template = { id, text, tokens: placeholderTokens(text) };
    } catch (e) {
      console.error(`template ${id}: ${errorText(e)}`);
      throw new UserError(docsMsg.templateUnseen(TEMPLATE_LABEL[kind], found.entry.owner || recordedOwner()));
    }
    this.templates.set(kind, template);
    return template;
  }

  /** Also checks the documents folder, so a bad folder is reported before anything is sent. */
  templatePlaceholders(kind: TemplateKind): string[] {
    const template = this.template(kind);
    const problems = placeholderSyntaxProblems(template.text);
    if (problems.length > 0) throw new UserError(problems.join(' '));
    this.root();
    return [...template.tokens.keys()];
  }

  templateText(kind: TemplateKind): string {
    return this.template(kind).text;
  }

  /** A filled copy of the template: one Drive copy, one batchUpdate; its ID. */
  private filledCopy(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): string {
    const template = this.template(kind);
    const id = copyFile(template.id, name, folder);
    const requests = replaceRequests(template.text, template.tokens, values);
    if (requests.length > 0) docsService().batchUpdate({ requests }, id);
    return id;
  }

  fillTemplate(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument {
    return new DocsMadeDocument(this.filledCopy(kind, values, this.folder(folder), name), name);
  }

  /**
   * A print-ready Doc, a letter per page: itself a filled copy of the template (so it keeps the
   * template's page setup, header and footer — the letterhead). One Drive copy, one batchUpdate.
   */
  startBundle(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument {
    return new DocsMadeDocument(this.filledCopy(kind, values, this.folder(folder), name), name);
  }

  /**
   * One more letter at the end of the bundle, after a page break: its body comes from a temporary
   * filled copy (a Drive copy and a batchUpdate), which goes to the trash. The bundle is saved before
   * this returns ("saveAndClose … causes pending updates to be flushed and applied",
   * https://developers.google.com/apps-script/reference/document/document#saveAndClose()), so a
   * letter journaled as made is in the Doc even if the execution is killed right after.
   */
  appendToBundle(kind: TemplateKind, link: string, values: Record<string, string>, folder: string): void {
    const id = docIdOf(link);
    if (!id) throw new UserError(docsMsg.bundleGone(link));
    const copy = this.filledCopy(kind, values, this.folder(folder), docsMsg.bundleCopyName);
    const letter = DocumentApp.openById(copy).getBody();
    const bundle = DocumentApp.openById(id);
    try {
      // From here the bundle is being changed, and an open Doc is saved when the execution ends: a
      // failure now may leave the letter in it, so it is not retried by itself.
      const body = bundle.getBody();
      body.appendPageBreak();
      appendBodyOf(letter, body);
      bundle.saveAndClose();
    } catch (e) {
      throw new UncertainEffectError(errorText(e));
    }
    try {
      trashFile(copy);
    } catch (e) {
      // The letter is in the bundle; a temporary copy left over is only clutter.
      console.error(`temporary copy ${copy}: ${errorText(e)}`);
    }
  }

  render(model: DocModel, folder: string, name: string, untilMs?: number): MadeDocument {
    const made = renderToFolder(model, this.folder(folder), name, untilMs);
    return new DocsMadeDocument(made.id, name);
  }
}

/**
 * Renders a document model into a new Google Doc in the folder. The Doc is created through Drive, in
 * place: a Doc from DocumentApp.create lands in My Drive and could only be moved with DriveApp.
 *
 * A large report is many DocumentApp calls, so the Doc is made under a draft name and renamed when
 * complete: a kill in between leaves only a draft, which the next render of that name trashes — never
 * a half document under the report's (or a template's) name. Past `untilMs` (the clock's ms) it stops
 * between two blocks, trashes the draft and says so, rather than be killed.
 */
export function renderToFolder(model: DocModel, folderId: string, name: string, untilMs = Number.POSITIVE_INFINITY): { id: string; url: string } {
  const draft = docsMsg.draftName(name);
  for (const left of childFiles(folderId, draft, DOC_MIME)) {
    try {
      trashFile(left);
    } catch (e) {
      // Someone else's draft (only its owner may trash it): it stays, named as a draft.
      console.error(`draft ${left}: ${errorText(e)}`);
    }
  }
  const id = createDocument(draft, folderId);
  const doc = DocumentApp.openById(id);
  const body = doc.getBody();
  const placeholder = body.getNumChildren() > 0 ? body.getChild(0) : null;
  if (model.page) setPage(body, model.page);
  for (const block of model.blocks) {
    if (Date.now() > untilMs) {
      trashFile(id);
      throw new UserError(docsMsg.renderTooLong(name));
    }
    renderBlock(body, block);
  }
  if (placeholder && model.blocks.length > 0 && placeholder.getType() === DocumentApp.ElementType.PARAGRAPH && placeholder.asParagraph().getText() === '')
    placeholder.removeFromParent();
  if (model.footer && model.footer.length > 0) renderFooter(doc, model.footer);
  doc.saveAndClose();
  renameFile(id, name);
  return { id, url: docUrl(id) };
}

/**
 * The model's footer paragraphs in the Doc's footer (on every page: a letter's performer, small,
 * bottom left). `Document.addFooter` makes a footer section with one empty paragraph
 * (https://developers.google.com/apps-script/reference/document/document#addFooter()); the first
 * paragraph takes its text, the others are appended.
 */
function renderFooter(doc: GoogleAppsScript.Document.Document, paragraphs: NonNullable<DocModel['footer']>): void {
  const footer = doc.getFooter() ?? doc.addFooter();
  paragraphs.forEach((block, i) => {
    const existing = i === 0 ? footer.getParagraphs()[0] : undefined;
    if (existing) existing.setText(block.text);
    styleParagraph(existing ?? footer.appendParagraph(block.text), block);
  });
}

/** Alignment, first-line indent, bold and point size of a model paragraph. */
function styleParagraph(p: GoogleAppsScript.Document.Paragraph, block: Extract<Block, { kind: 'paragraph' }>): void {
  if (block.align) p.setAlignment(DocumentApp.HorizontalAlignment[ALIGN[block.align]]);
  if (block.indent) p.setIndentFirstLine(FIRST_LINE_INDENT);
  if (block.bold && block.text !== '') p.editAsText().setBold(true);
  // Text.setFontSize(size): https://developers.google.com/apps-script/reference/document/text#setFontSize(Number)
  if (block.size && block.text !== '') p.editAsText().setFontSize(block.size);
}

const POINTS_PER_MM = 72 / 25.4;

/**
 * The page size and margins of the Doc (an envelope, a landscape register), in points: Body's
 * setPageWidth, setPageHeight and setMarginTop/Right/Bottom/Left
 * (https://developers.google.com/apps-script/reference/document/body). A Doc has one page setup,
 * so a bundle that is a copy of this Doc keeps it. The text size stays the Doc's own.
 */
function setPage(body: Body, page: PageSetup): void {
  const pt = (mm: number) => Math.round(mm * POINTS_PER_MM * 100) / 100;
  body
    .setPageWidth(pt(page.widthMm))
    .setPageHeight(pt(page.heightMm))
    .setMarginTop(pt(page.margins.top))
    .setMarginRight(pt(page.margins.right))
    .setMarginBottom(pt(page.margins.bottom))
    .setMarginLeft(pt(page.margins.left));
}

/** Appends copies of the paragraphs, list items and tables of `from` to `to`. */
function appendBodyOf(from: Body, to: Body): void {
  const T = DocumentApp.ElementType;
  const n = from.getNumChildren();
  for (let i = 0; i < n; i++) {
    const child = from.getChild(i);
    const type = child.getType();
    if (type === T.PARAGRAPH) to.appendParagraph(child.copy().asParagraph());
    else if (type === T.LIST_ITEM) to.appendListItem(child.copy().asListItem());
    else if (type === T.TABLE) to.appendTable(child.copy().asTable());
  }
}

const HEADINGS = { 1: 'HEADING1', 2: 'HEADING2', 3: 'HEADING3' } as const;
const ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' } as const;

function renderBlock(body: Body, block: Block): void {
  switch (block.kind) {
    case 'heading':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading[HEADINGS[block.level]]);
      return;
    case 'paragraph':
      styleParagraph(body.appendParagraph(block.text), block);
      return;
    case 'table': {
      const hasHeader = block.header.length > 0;
      const cells = hasHeader ? [block.header, ...block.rows] : block.rows;
      if (cells.length === 0) return;
      const width = Math.max(...cells.map((r) => r.length));
      const table = body.appendTable(cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
      if (hasHeader) table.getRow(0).editAsText().setBold(true);
      else table.setBorderWidth(0);
      block.widths?.forEach((w, i) => {
        if (i < width) table.setColumnWidth(i, Math.round(w * POINTS_PER_PERCENT));
      });
      alignColumns(table, (block.align ?? []).slice(0, width), hasHeader ? 1 : 0, cells.length);
      return;
    }
    case 'chart':
      body.appendImage(chartPng(block.chart));
      return;
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

/**
 * Aligns the body cells of the columns that are not left-aligned (numbers right). A cell made by
 * `appendTable(cells)` holds one paragraph: `getCell(r, c).getChild(0).asParagraph().setAlignment(…)`,
 * as https://developers.google.com/apps-script/reference/document/horizontal-alignment shows.
 */
function alignColumns(table: GoogleAppsScript.Document.Table, align: readonly ColumnAlign[], firstRow: number, rows: number): void {
  align.forEach((a, c) => {
    if (a === 'left') return;
    for (let r = firstRow; r < rows; r++) table.getCell(r, c).getChild(0).asParagraph().setAlignment(DocumentApp.HorizontalAlignment[ALIGN[a]]);
  });
}

/** The chart as a PNG: columns for a few short labels, horizontal bars otherwise. */
function chartPng(spec: ChartSpec): GoogleAppsScript.Base.Blob {
  const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, '').addColumn(Charts.ColumnType.NUMBER, spec.valueLabel);
  spec.labels.forEach((label, i) => table.addRow([label, spec.values[i] ?? 0]));
  const columns = spec.labels.length <= 6 && spec.labels.every((l) => l.length <= 14);
  const builder = columns ? Charts.newColumnChart() : Charts.newBarChart();
  return builder
    .setDataTable(table)
    .setTitle(spec.title)
    .setLegendPosition(Charts.Position.NONE)
    .setDimensions(640, Math.max(320, 40 * spec.labels.length + 80))
    .build()
    .getAs('image/png');
}
