/**
 * Fake of DocumentApp (https://developers.google.com/apps-script/reference/document/document-app):
 * `create` and `openById` give a Document over a Google Doc of the shared Drive (see drive-model.ts),
 * whose Body, HeaderSection and FooterSection hold the elements faked in document-elements.ts.
 * Like Apps Script, a document is only exported as PDF, and `saveAndClose` ends its editing.
 */
import { type Fake, type FakeEnv, Instrumented } from './env';
import { blobOf, type FakeBlob } from './services';
import {
  childIndexError,
  type DocSession,
  DocumentPart,
  ElementType,
  FakeInlineImage,
  FakePageBreak,
  FakeParagraph,
  FakeTable,
  HorizontalAlignment,
  ParagraphHeading,
} from './document-elements';
import {
  cloneElement,
  conversionError,
  type DocElement,
  type DocModel,
  DOC_MIME,
  documentPdf,
  type DriveItem,
  type DriveModel,
  type ImageElement,
  paragraph,
  type PageModel,
  type ParagraphElement,
  PDF_MIME,
  replaceInSections,
  sectionText,
  type TableElement,
} from './drive-model';

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
  | 'setText'
  | 'setPageWidth'
  | 'setPageHeight'
  | 'setMarginTop'
  | 'setMarginRight'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'getPageWidth'
  | 'getPageHeight';

/** Body, HeaderSection and FooterSection: a list of elements. */
export class FakeSection extends DocumentPart implements Fake<GoogleAppsScript.Document.Body, SectionMethods> {
  private readonly elements: () => DocElement[];
  constructor(env: FakeEnv, session: DocSession, elements: () => DocElement[], type: string) {
    super(env, session, type);
    this.elements = elements;
  }
  /**
   * The page setup, in points, is the Body's: setPageWidth, setPageHeight, setMarginTop/Right/Bottom/Left
   * and the getters (https://developers.google.com/apps-script/reference/document/body); one per
   * document, kept by a Drive copy. The reference gives no limits: any finite positive number is taken.
   */
  private setPage(field: keyof PageModel, points: number): this {
    this.edit();
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) throw this.env.error(`Invalid argument: ${String(points)}`);
    const model = this.session.model;
    model.page = { ...(model.page ?? {}), [field]: points };
    return this;
  }
  setPageWidth(points: number): this {
    return this.setPage('width', points);
  }
  setPageHeight(points: number): this {
    return this.setPage('height', points);
  }
  setMarginTop(points: number): this {
    return this.setPage('marginTop', points);
  }
  setMarginRight(points: number): this {
    return this.setPage('marginRight', points);
  }
  setMarginBottom(points: number): this {
    return this.setPage('marginBottom', points);
  }
  setMarginLeft(points: number): this {
    return this.setPage('marginLeft', points);
  }
  /** Docs' default page when none was set: A4 (595.3 × 841.9 pt), the default in Russian locales. */
  getPageWidth(): number {
    return this.session.model.page?.width ?? 595.3;
  }
  getPageHeight(): number {
    return this.session.model.page?.height ?? 841.9;
  }
  private paragraphOf(e: ParagraphElement): FakeParagraph {
    return new FakeParagraph(this.env, this.session, e, this.elements);
  }
  private tableOf(e: TableElement): FakeTable {
    return new FakeTable(this.env, this.session, e, this.elements);
  }
  private wrap(e: DocElement): FakeParagraph | FakeTable | FakeInlineImage | FakePageBreak {
    if (e.kind === 'paragraph') return this.paragraphOf(e);
    if (e.kind === 'table') return this.tableOf(e);
    if (e.kind === 'image') return new FakeInlineImage(this.env, this.session, e);
    return new FakePageBreak(this.env);
  }
  /** A string makes a plain paragraph; a (copied) Paragraph keeps its heading, alignment and bold. */
  appendParagraph(text: string | GoogleAppsScript.Document.Paragraph): FakeParagraph {
    this.edit();
    let e: ParagraphElement;
    if (typeof text === 'string') e = paragraph(text);
    else if (text instanceof FakeParagraph) {
      if (text.element.listItem) throw this.env.error("The parameters (DocumentApp.ListItem) don't match the method signature for DocumentApp.Body.appendParagraph.");
      e = cloneElement(text.element);
    } else e = paragraph(text.getText());
    this.elements().push(e);
    return this.paragraphOf(e);
  }
  appendListItem(text: string | GoogleAppsScript.Document.ListItem): FakeParagraph {
    this.edit();
    const e = text instanceof FakeParagraph ? cloneElement(text.element) : paragraph(typeof text === 'string' ? text : text.getText());
    e.listItem = true;
    this.elements().push(e);
    return this.paragraphOf(e);
  }
  insertParagraph(childIndex: number, text: string | GoogleAppsScript.Document.Paragraph): FakeParagraph {
    this.edit();
    const list = this.elements();
    if (childIndex < 0 || childIndex > list.length) throw this.env.error('Index (' + childIndex + ') must be less than or equal to the number of child elements (' + list.length + ').');
    const e = paragraph(typeof text === 'string' ? text : text.getText());
    list.splice(childIndex, 0, e);
    return new FakeParagraph(this.env, this.session, e);
  }
  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table): FakeTable {
    this.edit();
    if (cells instanceof FakeTable) {
      const copy = cloneElement(cells.element);
      this.elements().push(copy);
      return this.tableOf(copy);
    }
    const rows = Array.isArray(cells) ? cells.map((r) => r.map((c) => String(c))) : [];
    if (rows.length > 0 && new Set(rows.map((r) => r.length)).size > 1) throw this.env.error('All rows in a table must have the same number of cells.');
    const e: TableElement = { kind: 'table', rows, borderWidth: null };
    this.elements().push(e);
    return this.tableOf(e);
  }
  appendImage(image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage): FakeInlineImage {
    this.edit();
    const blob = blobOf(this.env, image);
    if (!/^image\//.test(blob.contentType ?? '')) throw this.env.error('Invalid image data.');
    const e: ImageElement = { kind: 'image', contentType: blob.contentType ?? '', bytes: blob.bytes.slice(), width: null, height: null };
    this.elements().push(e);
    return new FakeInlineImage(this.env, this.session, e);
  }
  appendPageBreak(): FakePageBreak {
    this.edit();
    this.elements().push({ kind: 'pageBreak' });
    return new FakePageBreak(this.env);
  }
  getText(): string {
    return sectionText(this.elements());
  }
  setText(text: string): this {
    this.edit();
    const list = this.elements();
    list.splice(0, list.length, ...String(text).split('\n').map(paragraph));
    return this;
  }
  /** Regex search (JavaScript syntax standing in for RE2); the replacement is inserted literally. */
  replaceText(searchPattern: string, replacement: string): null {
    this.edit();
    const re = new RegExp(searchPattern, 'g');
    replaceInSections([this.elements()], (t) => t.replace(re, () => replacement));
    return null;
  }
  clear(): this {
    this.edit();
    const list = this.elements();
    list.splice(0, list.length, paragraph(''));
    return this;
  }
  getNumChildren(): number {
    return this.elements().length;
  }
  getChild(childIndex: number): FakeParagraph | FakeTable | FakeInlineImage | FakePageBreak {
    const e = this.elements()[childIndex];
    if (!e) throw childIndexError(this.env, childIndex, this.elements().length);
    return this.wrap(e);
  }
  getParagraphs(): FakeParagraph[] {
    return this.elements()
      .filter((e): e is ParagraphElement => e.kind === 'paragraph')
      .map((e) => this.paragraphOf(e));
  }
  getTables(): FakeTable[] {
    return this.elements()
      .filter((e): e is TableElement => e.kind === 'table')
      .map((e) => this.tableOf(e));
  }
}

/**
 * What `openById` says for a document that does not exist or that the user cannot open. The reference
 * does not document the text; this is the text Apps Script gives (seen in scripts' logs, e.g. "Document
 * 1Yjk… is missing (perhaps it was deleted, or you don't have read access?)").
 */
const documentMissing = (id: string): string => `Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`;
const SECTION_TYPES = { header: 'HeaderSection', footer: 'FooterSection' } as const;

export class FakeDocument
  extends DocumentPart
  implements Fake<GoogleAppsScript.Document.Document, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'getHeader' | 'addHeader' | 'getFooter' | 'addFooter' | 'saveAndClose'>
{
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel, session: DocSession) {
    super(env, session, 'Document');
    this.drive = drive;
  }
  private item(): DriveItem {
    const item = this.drive.items.get(this.session.model.id);
    if (!item) throw this.env.error(documentMissing(this.session.model.id));
    return item;
  }
  getId(): string {
    return this.session.model.id;
  }
  getName(): string {
    return this.item().name;
  }
  setName(name: string): this {
    this.edit();
    this.item().name = name;
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.session.model.id}/edit`;
  }
  getBody(): FakeSection {
    return new FakeSection(this.env, this.session, () => this.session.model.body, 'Body');
  }
  private section(part: keyof typeof SECTION_TYPES): FakeSection {
    const model = this.session.model;
    return new FakeSection(this.env, this.session, () => model[part] ?? [], SECTION_TYPES[part]);
  }
  private existing(part: keyof typeof SECTION_TYPES): FakeSection | null {
    return this.session.model[part] ? this.section(part) : null;
  }
  /** A new header or footer with one empty paragraph; a document tab has at most one of each. */
  private added(part: keyof typeof SECTION_TYPES): FakeSection {
    this.edit();
    const model = this.session.model;
    if (model[part]) throw this.env.error(`Document tab already contains a ${part}.`);
    model[part] = [paragraph('')];
    return this.section(part);
  }
  getHeader(): FakeSection | null {
    return this.existing('header');
  }
  addHeader(): FakeSection {
    return this.added('header');
  }
  getFooter(): FakeSection | null {
    return this.existing('footer');
  }
  addFooter(): FakeSection {
    return this.added('footer');
  }
  saveAndClose(): void {
    this.session.closed = true;
  }
  /** Only PDF, like Apps Script; the bytes are the document's text. */
  getAs(contentType: string): FakeBlob {
    if (contentType !== PDF_MIME) throw conversionError(this.env, DOC_MIME, contentType);
    return documentPdf(this.env, this.session.model, this.item().name, 'DocumentApp');
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
  /** A new Doc in the user's My Drive. Made by the Docs service, not the Drive API: not assumed visible under drive.file. */
  create(name: string): FakeDocument {
    const item = this.drive.addDocument(String(name), [''], 'root', { owner: this.env.effectiveUser(), appCreated: false, created: this.env.clock.now() });
    return new FakeDocument(this.env, this.drive, { model: item.doc as DocModel, closed: false });
  }
  /**
   * Under the `documents` scope DocumentApp opens any Google Doc the user can open
   * (https://developers.google.com/apps-script/reference/document/document-app#openById(String));
   * one the user may only view opens, but an edit is refused.
   */
  openById(id: string): FakeDocument {
    const item = this.drive.items.get(id);
    const role = item ? this.drive.roleOf(item, this.env.effectiveUser()) : null;
    if (!item || !item.doc || item.trashed || role === null) throw this.env.error(documentMissing(String(id)));
    return new FakeDocument(this.env, this.drive, { model: item.doc, closed: false, canEdit: role === 'owner' || role === 'writer' });
  }
}

