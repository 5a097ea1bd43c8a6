/**
 * Fakes of DocumentApp, the Docs advanced service, DriveApp and Charts over one shared in-memory Drive.
 * A Google Doc is a Drive file with a document model; its PDF (`getAs('application/pdf')`) is a blob
 * whose bytes are the document's text, so tests can read what a letter says.
 */
import { type Fake, type FakeEnv, Instrumented } from './env';
import { blobOf, FakeBlob } from './services';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const PDF_MIME = 'application/pdf';

export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;
export const HorizontalAlignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;
export const ElementType = {
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  INLINE_IMAGE: 'INLINE_IMAGE',
  PAGE_BREAK: 'PAGE_BREAK',
  BODY_SECTION: 'BODY_SECTION',
  TEXT: 'TEXT',
} as const;

export interface ParagraphElement {
  kind: 'paragraph';
  text: string;
  heading: string;
  alignment: string | null;
  bold: boolean;
  indentFirstLine: number | null;
  listItem: boolean;
}
export interface TableElement {
  kind: 'table';
  rows: string[][];
  borderWidth: number | null;
  /** Rows made bold through `TableRow.editAsText().setBold(true)`. */
  boldRows?: number[];
}
export interface ImageElement {
  kind: 'image';
  contentType: string;
  bytes: Uint8Array;
  width: number | null;
  height: number | null;
}
export interface PageBreakElement {
  kind: 'pageBreak';
}
export type DocElement = ParagraphElement | TableElement | ImageElement | PageBreakElement;

export interface DocModel {
  id: string;
  body: DocElement[];
  header: DocElement[] | null;
  footer: DocElement[] | null;
}

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** For Google Docs. */
  doc?: DocModel;
  /** For uploaded files. */
  bytes?: Uint8Array;
  /** Fake clock time of creation. */
  created: number;
  /**
   * Made through the Drive API by this script (or, for seeded items, as if setup had made them): the
   * only files the Drive API shows under the per-file `drive.file` scope. Unset counts as false.
   */
  appCreated?: boolean;
}

/** The shared Drive: files and folders by id. `root` is My Drive. */
export class DriveModel {
  readonly items = new Map<string, DriveItem>();
  private next = 0;
  constructor() {
    this.items.set('root', { id: 'root', name: 'Мой диск', mimeType: FOLDER_MIME, parents: [], trashed: false, created: 0 });
  }
  newId(prefix: string): string {
    this.next++;
    return `${prefix}-${String(this.next).padStart(4, '0')}`;
  }
  add(item: Omit<DriveItem, 'id'>, prefix = 'file'): DriveItem {
    const full = { ...item, id: this.newId(prefix) };
    this.items.set(full.id, full);
    return full;
  }
  /** A Google Doc with the given paragraphs (seeding templates; by default as if setup made it). */
  addDocument(name: string, paragraphs: string[], folderId = 'root', appCreated = true): DriveItem {
    const item = this.add({ name, mimeType: DOC_MIME, parents: [folderId], trashed: false, created: 0, appCreated }, 'doc');
    item.doc = { id: item.id, body: paragraphs.map(paragraph), header: null, footer: null };
    return item;
  }
  addFolder(name: string, parentId = 'root', appCreated = true): DriveItem {
    return this.add({ name, mimeType: FOLDER_MIME, parents: [parentId], trashed: false, created: 0, appCreated }, 'folder');
  }
  /** The Google Docs in a folder (not trashed). */
  filesIn(folderId: string): DriveItem[] {
    return [...this.items.values()].filter((i) => i.parents.includes(folderId) && i.mimeType !== FOLDER_MIME && !i.trashed);
  }
}

export function paragraph(text: string): ParagraphElement {
  return { kind: 'paragraph', text, heading: ParagraphHeading.NORMAL, alignment: null, bold: false, indentFirstLine: null, listItem: false };
}

/** The text of a section like `Body.getText()`: paragraphs by lines, table cells by tabs. */
export function sectionText(elements: DocElement[]): string {
  return elements
    .map((e) => {
      if (e.kind === 'paragraph') return e.text;
      if (e.kind === 'table') return e.rows.map((r) => r.join('\t')).join('\n');
      return '';
    })
    .join('\n');
}

/** The whole text of a document: header, body, footer. */
export function documentText(doc: DocModel): string {
  return [doc.header, doc.body, doc.footer]
    .filter((s): s is DocElement[] => s !== null)
    .map(sectionText)
    .join('\n');
}

/** A deep copy of one element (what `Element.copy()` gives). */
export function cloneElement<E extends DocElement>(e: E): E {
  if (e.kind === 'table') return { ...e, rows: e.rows.map((r) => [...r]), boldRows: e.boldRows ? [...e.boldRows] : undefined };
  if (e.kind === 'image') return { ...e, bytes: e.bytes.slice() };
  return { ...e };
}

function cloneDoc(doc: DocModel, id: string): DocModel {
  const copy = (s: DocElement[] | null): DocElement[] | null => (s === null ? null : s.map(cloneElement));
  return { id, body: copy(doc.body) ?? [], header: copy(doc.header), footer: copy(doc.footer) };
}

/** A detached element (from `copy()`) belongs to no document. */
const detached = (): DocSession => ({ model: { id: '', body: [], header: null, footer: null }, closed: false });

/** Removes `element` from the list that holds it (`removeFromParent`). */
function removeFrom(env: FakeEnv, session: DocSession, owner: (() => DocElement[]) | null, element: DocElement): void {
  editable(env, session);
  if (!owner) return;
  const list = owner();
  const i = list.indexOf(element);
  if (i < 0) return;
  const last = list.filter((e) => e.kind === 'paragraph').length === 1 && element.kind === 'paragraph';
  if (last && session.model.body === list) throw env.error("Can't remove the last paragraph in a document section.");
  list.splice(i, 1);
}

/** Replaces text in every paragraph and cell of the sections; `replace` returns the new text. */
function replaceInSections(sections: (DocElement[] | null)[], replace: (text: string) => string): void {
  for (const section of sections) {
    if (!section) continue;
    for (const e of section) {
      if (e.kind === 'paragraph') e.text = replace(e.text);
      else if (e.kind === 'table') e.rows = e.rows.map((r) => r.map(replace));
    }
  }
}

// ------------------------------------------------------------------------------------- DocumentApp

/** One opened copy of a document; after `saveAndClose` it cannot be edited any more. */
interface DocSession {
  model: DocModel;
  closed: boolean;
}

function editable(env: FakeEnv, session: DocSession): void {
  if (session.closed) throw env.error('Document is closed, its contents cannot be updated.');
}

export class FakeText extends Instrumented implements Fake<GoogleAppsScript.Document.Text, 'getText' | 'setBold'> {
  private readonly session: DocSession;
  private readonly element: ParagraphElement;
  constructor(env: FakeEnv, session: DocSession, element: ParagraphElement) {
    super(env, 'DocumentApp', 'Text');
    this.session = session;
    this.element = element;
  }
  getText(): string {
    return this.element.text;
  }
  setBold(a: boolean | number, _end?: number, bold?: boolean): this {
    editable(this.env, this.session);
    this.element.bold = typeof a === 'boolean' ? a : Boolean(bold);
    return this;
  }
  setFontSize(): this {
    editable(this.env, this.session);
    return this;
  }
  setItalic(): this {
    editable(this.env, this.session);
    return this;
  }
}

export class FakeParagraph
  extends Instrumented
  implements Fake<GoogleAppsScript.Document.Paragraph, 'getText' | 'setText' | 'setHeading' | 'getHeading' | 'setAlignment' | 'getAlignment' | 'appendText' | 'editAsText' | 'setIndentFirstLine'>
{
  private readonly session: DocSession;
  readonly element: ParagraphElement;
  private readonly owner: (() => DocElement[]) | null;
  constructor(env: FakeEnv, session: DocSession, element: ParagraphElement, owner: (() => DocElement[]) | null = null) {
    super(env, 'DocumentApp', element.listItem ? 'ListItem' : 'Paragraph');
    this.session = session;
    this.element = element;
    this.owner = owner;
  }
  getType(): string {
    return this.element.listItem ? ElementType.LIST_ITEM : ElementType.PARAGRAPH;
  }
  copy(): FakeParagraph {
    return new FakeParagraph(this.env, detached(), cloneElement(this.element));
  }
  asParagraph(): this {
    if (this.element.listItem) throw this.env.error('Cannot cast ListItem to Paragraph.');
    return this;
  }
  asListItem(): this {
    if (!this.element.listItem) throw this.env.error('Cannot cast Paragraph to ListItem.');
    return this;
  }
  removeFromParent(): this {
    removeFrom(this.env, this.session, this.owner, this.element);
    return this;
  }
  getText(): string {
    return this.element.text;
  }
  setText(text: string): this {
    editable(this.env, this.session);
    this.element.text = String(text);
    return this;
  }
  appendText(text: string | GoogleAppsScript.Document.Text): FakeText {
    editable(this.env, this.session);
    this.element.text += typeof text === 'string' ? text : text.getText();
    return new FakeText(this.env, this.session, this.element);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    editable(this.env, this.session);
    if (!Object.values(ParagraphHeading).includes(heading as unknown as keyof typeof ParagraphHeading)) throw this.env.error('Invalid argument: heading');
    this.element.heading = heading as unknown as string;
    return this;
  }
  getHeading(): string {
    return this.element.heading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    editable(this.env, this.session);
    if (!Object.values(HorizontalAlignment).includes(alignment as unknown as keyof typeof HorizontalAlignment)) throw this.env.error('Invalid argument: alignment');
    this.element.alignment = alignment as unknown as string;
    return this;
  }
  getAlignment(): string | null {
    return this.element.alignment;
  }
  setIndentFirstLine(indentFirstLine: number): this {
    editable(this.env, this.session);
    this.element.indentFirstLine = indentFirstLine;
    return this;
  }
  editAsText(): FakeText {
    return new FakeText(this.env, this.session, this.element);
  }
  setBold(bold: boolean): this {
    editable(this.env, this.session);
    this.element.bold = bold;
    return this;
  }
}

export class FakeTableCell extends Instrumented implements Fake<GoogleAppsScript.Document.TableCell, 'getText' | 'setText' | 'setBackgroundColor'> {
  private readonly session: DocSession;
  private readonly table: TableElement;
  private readonly r: number;
  private readonly c: number;
  constructor(env: FakeEnv, session: DocSession, table: TableElement, r: number, c: number) {
    super(env, 'DocumentApp', 'TableCell');
    this.session = session;
    this.table = table;
    this.r = r;
    this.c = c;
  }
  getText(): string {
    return this.table.rows[this.r]?.[this.c] ?? '';
  }
  setText(text: string): this {
    editable(this.env, this.session);
    const row = this.table.rows[this.r];
    if (row) row[this.c] = String(text);
    return this;
  }
  setBackgroundColor(): this {
    editable(this.env, this.session);
    return this;
  }
  setWidth(): this {
    editable(this.env, this.session);
    return this;
  }
}

export class FakeTableRow extends Instrumented implements Fake<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getCell' | 'appendTableCell'> {
  private readonly session: DocSession;
  private readonly table: TableElement;
  private readonly r: number;
  constructor(env: FakeEnv, session: DocSession, table: TableElement, r: number) {
    super(env, 'DocumentApp', 'TableRow');
    this.session = session;
    this.table = table;
    this.r = r;
  }
  getNumCells(): number {
    return this.table.rows[this.r]?.length ?? 0;
  }
  getCell(cellIndex: number): FakeTableCell {
    if (cellIndex < 0 || cellIndex >= this.getNumCells()) throw this.env.error('Child index (' + cellIndex + ') must be less than the number of child elements (' + this.getNumCells() + ').');
    return new FakeTableCell(this.env, this.session, this.table, this.r, cellIndex);
  }
  /** Only `setBold` on the whole row is modelled. */
  editAsText(): { setBold(bold: boolean): unknown } {
    const table = this.table;
    const r = this.r;
    const session = this.session;
    const env = this.env;
    return {
      setBold(bold: boolean) {
        editable(env, session);
        const rows = new Set(table.boldRows ?? []);
        if (bold) rows.add(r);
        else rows.delete(r);
        table.boldRows = [...rows].sort((a, b) => a - b);
        return this;
      },
    };
  }
  appendTableCell(text?: string | GoogleAppsScript.Document.TableCell | null): FakeTableCell {
    editable(this.env, this.session);
    const row = this.table.rows[this.r] ?? [];
    row.push(typeof text === 'string' ? text : (text?.getText() ?? ''));
    return new FakeTableCell(this.env, this.session, this.table, this.r, row.length - 1);
  }
}

export class FakeTable extends Instrumented implements Fake<GoogleAppsScript.Document.Table, 'getNumRows' | 'getRow' | 'getCell' | 'appendTableRow' | 'setBorderWidth' | 'getText'> {
  private readonly session: DocSession;
  readonly element: TableElement;
  private readonly owner: (() => DocElement[]) | null;
  constructor(env: FakeEnv, session: DocSession, element: TableElement, owner: (() => DocElement[]) | null = null) {
    super(env, 'DocumentApp', 'Table');
    this.session = session;
    this.element = element;
    this.owner = owner;
  }
  getType(): string {
    return ElementType.TABLE;
  }
  copy(): FakeTable {
    return new FakeTable(this.env, detached(), cloneElement(this.element));
  }
  asTable(): this {
    return this;
  }
  removeFromParent(): this {
    removeFrom(this.env, this.session, this.owner, this.element);
    return this;
  }
  getNumRows(): number {
    return this.element.rows.length;
  }
  getRow(rowIndex: number): FakeTableRow {
    if (rowIndex < 0 || rowIndex >= this.element.rows.length) throw this.env.error('Child index (' + rowIndex + ') must be less than the number of child elements (' + this.element.rows.length + ').');
    return new FakeTableRow(this.env, this.session, this.element, rowIndex);
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  appendTableRow(): FakeTableRow {
    editable(this.env, this.session);
    this.element.rows.push([]);
    return new FakeTableRow(this.env, this.session, this.element, this.element.rows.length - 1);
  }
  setBorderWidth(width: number): this {
    editable(this.env, this.session);
    this.element.borderWidth = width;
    return this;
  }
  setColumnWidth(): this {
    editable(this.env, this.session);
    return this;
  }
  getText(): string {
    return sectionText([this.element]);
  }
}

export class FakeInlineImage extends Instrumented implements Fake<GoogleAppsScript.Document.InlineImage, 'setWidth' | 'setHeight' | 'getWidth' | 'getHeight'> {
  private readonly session: DocSession;
  readonly element: ImageElement;
  constructor(env: FakeEnv, session: DocSession, element: ImageElement) {
    super(env, 'DocumentApp', 'InlineImage');
    this.session = session;
    this.element = element;
  }
  setWidth(width: number): this {
    editable(this.env, this.session);
    this.element.width = width;
    return this;
  }
  setHeight(height: number): this {
    editable(this.env, this.session);
    this.element.height = height;
    return this;
  }
  getWidth(): number {
    return this.element.width ?? 400;
  }
  getType(): string {
    return ElementType.INLINE_IMAGE;
  }
  getHeight(): number {
    return this.element.height ?? 300;
  }
}

export class FakePageBreak extends Instrumented {
  constructor(env: FakeEnv) {
    super(env, 'DocumentApp', 'PageBreak');
  }
  getType(): string {
    return 'PAGE_BREAK';
  }
}

type SectionMethods =
  | 'appendParagraph'
  | 'appendTable'
  | 'appendImage'
  | 'appendPageBreak'
  | 'appendListItem'
  | 'getText'
  | 'replaceText'
  | 'clear'
  | 'getNumChildren'
  | 'getParagraphs'
  | 'getTables'
  | 'insertParagraph'
  | 'setText';

/** Body, HeaderSection and FooterSection: a list of elements. */
export class FakeSection extends Instrumented implements Fake<GoogleAppsScript.Document.Body, SectionMethods> {
  private readonly session: DocSession;
  private readonly elements: () => DocElement[];
  constructor(env: FakeEnv, session: DocSession, elements: () => DocElement[], type: string) {
    super(env, 'DocumentApp', type);
    this.session = session;
    this.elements = elements;
  }
  private wrap(e: DocElement): FakeParagraph | FakeTable | FakeInlineImage | FakePageBreak {
    if (e.kind === 'paragraph') return new FakeParagraph(this.env, this.session, e, this.elements);
    if (e.kind === 'table') return new FakeTable(this.env, this.session, e, this.elements);
    if (e.kind === 'image') return new FakeInlineImage(this.env, this.session, e);
    return new FakePageBreak(this.env);
  }
  /** A string makes a plain paragraph; a (copied) Paragraph keeps its heading, alignment and bold. */
  appendParagraph(text: string | GoogleAppsScript.Document.Paragraph): FakeParagraph {
    editable(this.env, this.session);
    let e: ParagraphElement;
    if (typeof text === 'string') e = paragraph(text);
    else if (text instanceof FakeParagraph) {
      if (text.element.listItem) throw this.env.error("The parameters (DocumentApp.ListItem) don't match the method signature for DocumentApp.Body.appendParagraph.");
      e = cloneElement(text.element);
    } else e = paragraph(text.getText());
    this.elements().push(e);
    return new FakeParagraph(this.env, this.session, e, this.elements);
  }
  appendListItem(text: string | GoogleAppsScript.Document.ListItem): FakeParagraph {
    editable(this.env, this.session);
    const e = text instanceof FakeParagraph ? cloneElement(text.element) : paragraph(typeof text === 'string' ? text : text.getText());
    e.listItem = true;
    this.elements().push(e);
    return new FakeParagraph(this.env, this.session, e, this.elements);
  }
  insertParagraph(childIndex: number, text: string | GoogleAppsScript.Document.Paragraph): FakeParagraph {
    editable(this.env, this.session);
    const list = this.elements();
    if (childIndex < 0 || childIndex > list.length) throw this.env.error('Index (' + childIndex + ') must be less than or equal to the number of child elements (' + list.length + ').');
    const e = paragraph(typeof text === 'string' ? text : text.getText());
    list.splice(childIndex, 0, e);
    return new FakeParagraph(this.env, this.session, e);
  }
  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table): FakeTable {
    editable(this.env, this.session);
    if (cells instanceof FakeTable) {
      const copy = cloneElement(cells.element);
      this.elements().push(copy);
      return new FakeTable(this.env, this.session, copy, this.elements);
    }
    const rows = Array.isArray(cells) ? cells.map((r) => r.map((c) => String(c))) : [];
    if (rows.length > 0 && new Set(rows.map((r) => r.length)).size > 1) throw this.env.error('All rows in a table must have the same number of cells.');
    const e: TableElement = { kind: 'table', rows, borderWidth: null };
    this.elements().push(e);
    return new FakeTable(this.env, this.session, e, this.elements);
  }
  appendImage(image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage): FakeInlineImage {
    editable(this.env, this.session);
    const blob = blobOf(this.env, image);
    if (!/^image\//.test(blob.contentType ?? '')) throw this.env.error('Invalid image data.');
    const e: ImageElement = { kind: 'image', contentType: blob.contentType ?? '', bytes: blob.bytes.slice(), width: null, height: null };
    this.elements().push(e);
    return new FakeInlineImage(this.env, this.session, e);
  }
  appendPageBreak(): FakePageBreak {
    editable(this.env, this.session);
    this.elements().push({ kind: 'pageBreak' });
    return new FakePageBreak(this.env);
  }
  getText(): string {
    return sectionText(this.elements());
  }
  setText(text: string): this {
    editable(this.env, this.session);
    const list = this.elements();
    list.splice(0, list.length, ...String(text).split('\n').map(paragraph));
    return this;
  }
  /** Regex search (JavaScript syntax standing in for RE2); the replacement is inserted literally. */
  replaceText(searchPattern: string, replacement: string): null {
    editable(this.env, this.session);
    const re = new RegExp(searchPattern, 'g');
    replaceInSections([this.elements()], (t) => t.replace(re, () => replacement));
    return null;
  }
  clear(): this {
    editable(this.env, this.session);
    const list = this.elements();
    list.splice(0, list.length, paragraph(''));
    return this;
  }
  getNumChildren(): number {
    return this.elements().length;
  }
  getChild(childIndex: number): FakeParagraph | FakeTable | FakeInlineImage | FakePageBreak {
    const e = this.elements()[childIndex];
    if (!e) throw this.env.error('Child index (' + childIndex + ') must be less than the number of child elements (' + this.elements().length + ').');
    return this.wrap(e);
  }
  getParagraphs(): FakeParagraph[] {
    return this.elements()
      .filter((e): e is ParagraphElement => e.kind === 'paragraph')
      .map((e) => new FakeParagraph(this.env, this.session, e, this.elements));
  }
  getTables(): FakeTable[] {
    return this.elements()
      .filter((e): e is TableElement => e.kind === 'table')
      .map((e) => new FakeTable(this.env, this.session, e, this.elements));
  }
}

export class FakeDocument
  extends Instrumented
  implements Fake<GoogleAppsScript.Document.Document, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'getHeader' | 'addHeader' | 'getFooter' | 'addFooter' | 'saveAndClose'>
{
  private readonly drive: DriveModel;
  private readonly session: DocSession;
  constructor(env: FakeEnv, drive: DriveModel, session: DocSession) {
    super(env, 'DocumentApp', 'Document');
    this.drive = drive;
    this.session = session;
  }
  private item(): DriveItem {
    const item = this.drive.items.get(this.session.model.id);
    if (!item) throw this.env.error('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
    return item;
  }
  getId(): string {
    return this.session.model.id;
  }
  getName(): string {
    return this.item().name;
  }
  setName(name: string): this {
    editable(this.env, this.session);
    this.item().name = name;
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.session.model.id}/edit`;
  }
  getBody(): FakeSection {
    return new FakeSection(this.env, this.session, () => this.session.model.body, 'Body');
  }
  getHeader(): FakeSection | null {
    const model = this.session.model;
    return model.header ? new FakeSection(this.env, this.session, () => model.header ?? [], 'HeaderSection') : null;
  }
  addHeader(): FakeSection {
    editable(this.env, this.session);
    const model = this.session.model;
    if (model.header) throw this.env.error('Document tab already contains a header.');
    model.header = [paragraph('')];
    return new FakeSection(this.env, this.session, () => model.header ?? [], 'HeaderSection');
  }
  getFooter(): FakeSection | null {
    const model = this.session.model;
    return model.footer ? new FakeSection(this.env, this.session, () => model.footer ?? [], 'FooterSection') : null;
  }
  addFooter(): FakeSection {
    editable(this.env, this.session);
    const model = this.session.model;
    if (model.footer) throw this.env.error('Document tab already contains a footer.');
    model.footer = [paragraph('')];
    return new FakeSection(this.env, this.session, () => model.footer ?? [], 'FooterSection');
  }
  saveAndClose(): void {
    this.session.closed = true;
  }
  /** Only PDF, like Apps Script; the bytes are the document's text. */
  getAs(contentType: string): FakeBlob {
    if (contentType !== PDF_MIME) throw this.env.error(`Converting from ${DOC_MIME} to ${contentType} is not supported.`);
    return FakeBlob.fromText(this.env, documentText(this.session.model), PDF_MIME, `${this.item().name}.pdf`, 'DocumentApp');
  }
}

export class FakeDocumentApp extends Instrumented implements Fake<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById'> {
  readonly ParagraphHeading = ParagraphHeading;
  readonly ElementType = ElementType;
  readonly HorizontalAlignment = HorizontalAlignment;
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'DocumentApp', 'DocumentApp');
    this.drive = drive;
  }
  create(name: string): FakeDocument {
    // Made by the Docs service, not the Drive API: not assumed visible under drive.file.
    const item = this.drive.addDocument(String(name), [''], 'root', false);
    item.created = this.env.clock.now();
    return new FakeDocument(this.env, this.drive, { model: item.doc as DocModel, closed: false });
  }
  openById(id: string): FakeDocument {
    const item = this.drive.items.get(id);
    if (!item || !item.doc || item.trashed) throw this.env.error(`Document is missing (perhaps it was deleted, or you don't have read access?)`);
    return new FakeDocument(this.env, this.drive, { model: item.doc, closed: false });
  }
}

// ----------------------------------------------------------------------------- Docs advanced service

export class FakeDocsDocuments extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Docs', 'Documents');
    this.drive = drive;
  }
  private doc(documentId: string): DocModel {
    const item = this.drive.items.get(documentId);
    if (!item?.doc || item.trashed) throw this.env.error(`API call to docs.documents.batchUpdate failed with error: Requested entity was not found.`);
    return item.doc;
  }
  /** Supports `replaceAllText` requests, applied literally (no patterns, no `$` groups). */
  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const doc = this.doc(documentId);
    const replies: GoogleAppsScript.Docs.Schema.Response[] = [];
    for (const request of resource.requests ?? []) {
      const r = request.replaceAllText;
      if (!r) throw this.env.error(`Fake Docs supports only replaceAllText; got ${Object.keys(request).join(', ')}`);
      const find = r.containsText?.text ?? '';
      if (find === '') throw this.env.error('API call to docs.documents.batchUpdate failed with error: Invalid requests[0].replaceAllText: Text must not be empty.');
      const replacement = r.replaceText ?? '';
      const matchCase = r.containsText?.matchCase ?? false;
      const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(escaped, matchCase ? 'g' : 'gi');
      let changed = 0;
      replaceInSections([doc.header, doc.body, doc.footer], (t) =>
        t.replace(re, () => {
          changed++;
          return replacement;
        }),
      );
      replies.push({ replaceAllText: { occurrencesChanged: changed } });
    }
    return { documentId, replies };
  }
  get(documentId: string): { documentId: string; title: string; body: { content: { paragraph?: { elements: { textRun: { content: string } }[] } }[] } } {
    const doc = this.doc(documentId);
    const title = this.drive.items.get(documentId)?.name ?? '';
    const content = doc.body.map((e) => ({ paragraph: { elements: [{ textRun: { content: `${sectionText([e])}\n` } }] } }));
    return { documentId, title, body: { content } };
  }
}

export class FakeDocs extends Instrumented {
  readonly Documents: FakeDocsDocuments;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Docs', 'Docs');
    this.Documents = new FakeDocsDocuments(env, drive);
  }
}

// ---------------------------------------------------------------------------- Drive advanced service

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** A Drive query split at the ` and ` outside quoted literals (`\\'` escapes a quote). */
function splitQuery(q: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i] ?? '';
    if (quoted && ch === '\\') {
      current += ch + (q[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && q.startsWith(' and ', i)) {
      clauses.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') clauses.push(current);
  return clauses;
}

/**
 * `Drive.Files` (Drive API v3). Under `drive.file` (no full `drive` scope declared) it sees only the
 * items this script created through the API, and answers 404 for the others, like Google.
 * `list` understands the `q` clauses `'id' in parents`, `name = '…'`, `mimeType = '…'`, `trashed = false|true`.
 */
export class FakeDriveFiles extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Files');
    this.drive = drive;
  }
  private visible(item: DriveItem | undefined): item is DriveItem {
    if (!item || item.id === 'root') return false;
    return this.env.scopes === null || this.env.scopes.has('https://www.googleapis.com/auth/drive') || item.appCreated === true;
  }
  private item(method: string, fileId: string): DriveItem {
    const item = this.drive.items.get(fileId);
    if (!this.visible(item)) throw this.env.error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: File not found: ${fileId}.`);
    return item;
  }
  private parentsOf(method: string, resource: DriveFile): string[] {
    const parents = resource.parents ?? [];
    if (parents.length > 1) throw this.env.error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: A shared drive item must have exactly one parent.`);
    for (const p of parents) if (p !== 'root' && this.item(method, p).mimeType !== FOLDER_MIME) throw this.env.error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: The parent is not a folder.`);
    return parents.length > 0 ? [...parents] : ['root'];
  }
  private static out(item: DriveItem): DriveFile {
    return { kind: 'drive#file', id: item.id, name: item.name, mimeType: item.mimeType, trashed: item.trashed, parents: [...item.parents] };
  }
  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFile {
    if (optionalArgs?.alt === 'media') throw this.env.error('Fake Drive: alt=media is not supported');
    return FakeDriveFiles.out(this.item('get', fileId));
  }
  list(optionalArgs: Record<string, unknown> = {}): { files: DriveFile[] } {
    const filters: ((i: DriveItem) => boolean)[] = [];
    const q = typeof optionalArgs.q === 'string' ? optionalArgs.q : '';
    const lit = (text: string): string => text.replace(/\\(.)/g, '$1');
    for (const clause of splitQuery(q)) {
      let m: RegExpExecArray | null;
      if ((m = /^'((?:[^'\\]|\\.)*)' in parents$/.exec(clause.trim()))) {
        const parent = lit(m[1] ?? '');
        filters.push((i) => i.parents.includes(parent));
      } else if ((m = /^(name|mimeType) = '((?:[^'\\]|\\.)*)'$/.exec(clause.trim()))) {
        const [field, value] = [m[1] as 'name' | 'mimeType', lit(m[2] ?? '')];
        filters.push((i) => i[field] === value);
      } else if ((m = /^trashed = (true|false)$/.exec(clause.trim()))) {
        const trashed = m[1] === 'true';
        filters.push((i) => i.trashed === trashed);
      } else throw this.env.error(`GoogleJsonResponseException: API call to drive.files.list failed with error: Invalid Value (fake: unsupported clause ${clause})`);
    }
    const found = [...this.drive.items.values()].filter((i) => this.visible(i) && filters.every((f) => f(i)));
    const size = typeof optionalArgs.pageSize === 'number' ? optionalArgs.pageSize : 100;
    return { files: found.slice(0, size).map(FakeDriveFiles.out) };
  }
  create(resource: DriveFile, mediaData?: unknown): DriveFile {
    if (mediaData !== undefined) throw this.env.error('Fake Drive: uploads are not supported');
    const mimeType = resource.mimeType ?? 'application/octet-stream';
    const item = this.drive.add(
      { name: resource.name ?? 'Untitled', mimeType, parents: this.parentsOf('create', resource), trashed: false, created: this.env.clock.now(), appCreated: true },
      mimeType === FOLDER_MIME ? 'folder' : mimeType === DOC_MIME ? 'doc' : 'file',
    );
    if (mimeType === DOC_MIME) item.doc = { id: item.id, body: [paragraph('')], header: null, footer: null };
    return FakeDriveFiles.out(item);
  }
  copy(resource: DriveFile, fileId: string): DriveFile {
    const source = this.item('copy', fileId);
    if (source.mimeType === FOLDER_MIME) throw this.env.error('GoogleJsonResponseException: API call to drive.files.copy failed with error: This file cannot be copied by the user.');
    const parents = resource.parents ? this.parentsOf('copy', resource) : [...source.parents];
    const copy = this.drive.add(
      { name: resource.name ?? `Копия ${source.name}`, mimeType: source.mimeType, parents, trashed: false, created: this.env.clock.now(), bytes: source.bytes?.slice(), appCreated: true },
      source.doc ? 'doc' : 'file',
    );
    if (source.doc) copy.doc = cloneDoc(source.doc, copy.id);
    return FakeDriveFiles.out(copy);
  }
  update(resource: DriveFile, fileId: string): DriveFile {
    const item = this.item('update', fileId);
    if (resource.parents !== undefined) throw this.env.error('GoogleJsonResponseException: API call to drive.files.update failed with error: The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    if (resource.name !== undefined && resource.name !== null) item.name = resource.name;
    if (resource.trashed !== undefined && resource.trashed !== null) item.trashed = resource.trashed;
    return FakeDriveFiles.out(item);
  }
}

export class FakeDrive extends Instrumented {
  readonly Files: FakeDriveFiles;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Drive');
    this.Files = new FakeDriveFiles(env, drive);
  }
}

// ------------------------------------------------------------------------------------------ DriveApp

export class FakeIterator<T> extends Instrumented {
  private readonly items: T[];
  constructor(env: FakeEnv, items: T[], type: string) {
    super(env, 'DriveApp', type);
    this.items = [...items];
  }
  hasNext(): boolean {
    return this.items.length > 0;
  }
  next(): T {
    const item = this.items.shift();
    if (item === undefined) throw this.env.error('Cannot retrieve the next object: iterator has reached the end.');
    return item;
  }
}

function driveUrl(item: DriveItem): string {
  if (item.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${item.id}`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}

export class FakeFile
  extends Instrumented
  implements Fake<GoogleAppsScript.Drive.File, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getMimeType' | 'makeCopy' | 'getAs' | 'getBlob' | 'setTrashed' | 'isTrashed' | 'moveTo'>
{
  private readonly drive: DriveModel;
  readonly item: DriveItem;
  constructor(env: FakeEnv, drive: DriveModel, item: DriveItem) {
    super(env, 'DriveApp', 'File');
    this.drive = drive;
    this.item = item;
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  setName(name: string): this {
    this.item.name = name;
    return this;
  }
  getUrl(): string {
    return driveUrl(this.item);
  }
  getMimeType(): string {
    return this.item.mimeType;
  }
  makeCopy(name?: string | GoogleAppsScript.Drive.Folder, destination?: GoogleAppsScript.Drive.Folder): FakeFile {
    const folder = typeof name === 'object' ? name : destination;
    const copyName = typeof name === 'string' ? name : `Копия ${this.item.name}`;
    if (folder !== undefined && !(folder instanceof FakeFolder)) throw this.env.error('Invalid argument: destination');
    const parents = folder ? [folder.item.id] : [...this.item.parents];
    const copy = this.drive.add(
      { name: copyName, mimeType: this.item.mimeType, parents, trashed: false, created: this.env.clock.now(), bytes: this.item.bytes?.slice() },
      this.item.doc ? 'doc' : 'file',
    );
    if (this.item.doc) copy.doc = cloneDoc(this.item.doc, copy.id);
    return new FakeFile(this.env, this.drive, copy);
  }
  getAs(contentType: string): FakeBlob {
    if (this.item.doc) {
      if (contentType !== PDF_MIME) throw this.env.error(`Converting from ${DOC_MIME} to ${contentType} is not supported.`);
      return FakeBlob.fromText(this.env, documentText(this.item.doc), PDF_MIME, `${this.item.name}.pdf`, 'DriveApp');
    }
    if (contentType !== this.item.mimeType) throw this.env.error(`Converting from ${this.item.mimeType} to ${contentType} is not supported.`);
    return this.getBlob();
  }
  getBlob(): FakeBlob {
    if (this.item.doc) return this.getAs(PDF_MIME);
    return new FakeBlob(this.env, this.item.bytes?.slice() ?? new Uint8Array(), this.item.mimeType, this.item.name, 'DriveApp');
  }
  setTrashed(trashed: boolean): this {
    this.item.trashed = trashed;
    return this;
  }
  isTrashed(): boolean {
    return this.item.trashed;
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): this {
    if (!(destination instanceof FakeFolder)) throw this.env.error('Invalid argument: destination');
    this.item.parents = [destination.item.id];
    return this;
  }
}

export class FakeFolder
  extends Instrumented
  implements Fake<GoogleAppsScript.Drive.Folder, 'getId' | 'getName' | 'getUrl' | 'createFolder' | 'createFile' | 'getFiles' | 'getFilesByName' | 'getFoldersByName' | 'setTrashed' | 'isTrashed'>
{
  private readonly drive: DriveModel;
  readonly item: DriveItem;
  constructor(env: FakeEnv, drive: DriveModel, item: DriveItem) {
    super(env, 'DriveApp', 'Folder');
    this.drive = drive;
    this.item = item;
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  getUrl(): string {
    return driveUrl(this.item);
  }
  createFolder(name: string): FakeFolder {
    const item = this.drive.addFolder(name, this.item.id);
    item.created = this.env.clock.now();
    return new FakeFolder(this.env, this.drive, item);
  }
  createFile(a: string | GoogleAppsScript.Base.BlobSource, content?: string, mimeType?: string): FakeFile {
    const blob = typeof a === 'string' ? FakeBlob.fromText(this.env, content ?? '', mimeType ?? 'text/plain', a) : blobOf(this.env, a);
    const item = this.drive.add({
      name: blob.name ?? 'Untitled',
      mimeType: blob.contentType ?? 'application/octet-stream',
      parents: [this.item.id],
      trashed: false,
      created: this.env.clock.now(),
      bytes: blob.bytes.slice(),
    });
    return new FakeFile(this.env, this.drive, item);
  }
  getFiles(): FakeIterator<FakeFile> {
    return new FakeIterator(this.env, this.drive.filesIn(this.item.id).map((i) => new FakeFile(this.env, this.drive, i)), 'FileIterator');
  }
  getFilesByName(name: string): FakeIterator<FakeFile> {
    const files = this.drive.filesIn(this.item.id).filter((i) => i.name === name);
    return new FakeIterator(this.env, files.map((i) => new FakeFile(this.env, this.drive, i)), 'FileIterator');
  }
  getFoldersByName(name: string): FakeIterator<FakeFolder> {
    const folders = [...this.drive.items.values()].filter((i) => i.mimeType === FOLDER_MIME && i.parents.includes(this.item.id) && i.name === name && !i.trashed);
    return new FakeIterator(this.env, folders.map((i) => new FakeFolder(this.env, this.drive, i)), 'FolderIterator');
  }
  setTrashed(trashed: boolean): this {
    this.item.trashed = trashed;
    return this;
  }
  isTrashed(): boolean {
    return this.item.trashed;
  }
}

const NOT_FOUND = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class FakeDriveApp extends Instrumented implements Fake<GoogleAppsScript.Drive.DriveApp, 'getFileById' | 'getFolderById' | 'createFolder' | 'getRootFolder' | 'createFile'> {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'DriveApp', 'DriveApp');
    this.drive = drive;
  }
  getFileById(id: string): FakeFile {
    const item = this.drive.items.get(id);
    if (!item || item.mimeType === FOLDER_MIME) throw this.env.error(NOT_FOUND);
    return new FakeFile(this.env, this.drive, item);
  }
  getFolderById(id: string): FakeFolder {
    const item = this.drive.items.get(id);
    if (!item || item.mimeType !== FOLDER_MIME) throw this.env.error(NOT_FOUND);
    return new FakeFolder(this.env, this.drive, item);
  }
  getRootFolder(): FakeFolder {
    return new FakeFolder(this.env, this.drive, this.drive.items.get('root') as DriveItem);
  }
  createFolder(name: string): FakeFolder {
    const item = this.drive.addFolder(name, 'root');
    item.created = this.env.clock.now();
    return new FakeFolder(this.env, this.drive, item);
  }
  createFile(a: string | GoogleAppsScript.Base.BlobSource, content?: string, mimeType?: string): FakeFile {
    const root = new FakeFolder(this.env, this.drive, this.drive.items.get('root') as DriveItem);
    return root.createFile(a, content, mimeType);
  }
}

// -------------------------------------------------------------------------------------------- Charts

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface ChartRecord {
  type: string;
  title: string;
  columns: { type: string; label: string }[];
  rows: unknown[][];
  width: number | null;
  height: number | null;
  options: Record<string, unknown>;
}

export class FakeDataTable extends Instrumented {
  readonly columns: { type: string; label: string }[];
  readonly rows: unknown[][];
  constructor(env: FakeEnv, columns: { type: string; label: string }[], rows: unknown[][]) {
    super(env, 'Charts', 'DataTable');
    this.columns = columns;
    this.rows = rows;
  }
  getNumberOfRows(): number {
    return this.rows.length;
  }
  getDataTable(): this {
    return this;
  }
}

export class FakeDataTableBuilder extends Instrumented implements Fake<GoogleAppsScript.Charts.DataTableBuilder, 'addColumn' | 'addRow' | 'build'> {
  private readonly columns: { type: string; label: string }[] = [];
  private readonly rows: unknown[][] = [];
  constructor(env: FakeEnv) {
    super(env, 'Charts', 'DataTableBuilder');
  }
  addColumn(type: GoogleAppsScript.Charts.ColumnType, label: string): this {
    this.columns.push({ type: String(type), label });
    return this;
  }
  addRow(values: unknown[]): this {
    if (values.length !== this.columns.length) throw this.env.error('Row has ' + values.length + ' values but the table has ' + this.columns.length + ' columns.');
    this.rows.push([...values]);
    return this;
  }
  build(): FakeDataTable {
    return new FakeDataTable(this.env, [...this.columns], this.rows.map((r) => [...r]));
  }
}

export class FakeChart extends Instrumented implements Fake<GoogleAppsScript.Charts.Chart, 'getAs' | 'getBlob'> {
  readonly record: ChartRecord;
  constructor(env: FakeEnv, record: ChartRecord) {
    super(env, 'Charts', 'Chart');
    this.record = record;
  }
  /** A PNG signature followed by the chart as JSON. */
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'image/png') throw this.env.error(`Converting to ${contentType} is not supported.`);
    const json = new TextEncoder().encode(JSON.stringify(this.record));
    const bytes = new Uint8Array(PNG_SIGNATURE.length + json.length);
    bytes.set(PNG_SIGNATURE, 0);
    bytes.set(json, PNG_SIGNATURE.length);
    return new FakeBlob(this.env, bytes, 'image/png', `${this.record.title || 'chart'}.png`, 'Charts');
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

/** Reads back what a fake chart PNG describes. */
export function chartOfPng(bytes: Uint8Array): ChartRecord | null {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  return JSON.parse(new TextDecoder().decode(bytes.slice(PNG_SIGNATURE.length))) as ChartRecord;
}

export class FakeChartBuilder extends Instrumented {
  private readonly record: ChartRecord;
  constructor(env: FakeEnv, type: string) {
    super(env, 'Charts', `${type}Builder`);
    this.record = { type, title: '', columns: [], rows: [], width: null, height: null, options: {} };
  }
  setTitle(title: string): this {
    this.record.title = title;
    return this;
  }
  setDataTable(table: unknown): this {
    const t = table instanceof FakeDataTableBuilder ? table.build() : table;
    if (!(t instanceof FakeDataTable)) throw this.env.error('Invalid argument: tableBuilder');
    this.record.columns = t.columns;
    this.record.rows = t.rows;
    return this;
  }
  setDimensions(width: number, height: number): this {
    this.record.width = width;
    this.record.height = height;
    return this;
  }
  setXAxisTitle(title: string): this {
    this.record.options.xAxisTitle = title;
    return this;
  }
  setYAxisTitle(title: string): this {
    this.record.options.yAxisTitle = title;
    return this;
  }
  setLegendPosition(position: unknown): this {
    this.record.options.legendPosition = position;
    return this;
  }
  setColors(colors: string[]): this {
    this.record.options.colors = colors;
    return this;
  }
  setStacked(): this {
    this.record.options.stacked = true;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.record.options[option] = value;
    return this;
  }
  build(): FakeChart {
    if (this.record.columns.length === 0) throw this.env.error('Data table is required to build a chart.');
    return new FakeChart(this.env, JSON.parse(JSON.stringify(this.record)) as ChartRecord);
  }
}

export class FakeCharts extends Instrumented implements Fake<GoogleAppsScript.Charts.Charts, 'newBarChart' | 'newColumnChart' | 'newPieChart' | 'newLineChart' | 'newDataTable'> {
  readonly ColumnType = { STRING: 'STRING', NUMBER: 'NUMBER', DATE: 'DATE' } as const;
  readonly Position = { NONE: 'NONE', TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM' } as const;
  readonly ChartType = { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } as const;
  constructor(env: FakeEnv) {
    super(env, 'Charts', 'Charts');
  }
  newBarChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'BarChart');
  }
  newColumnChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'ColumnChart');
  }
  newPieChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'PieChart');
  }
  newLineChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'LineChart');
  }
  newDataTable(): FakeDataTableBuilder {
    return new FakeDataTableBuilder(this.env);
  }
}
