/**
 * The one in-memory Drive that the fakes of DocumentApp, the Docs and Drive advanced services and
 * DriveApp all read and write: files and folders by id, and for a Google Doc its document content
 * (body, header, footer as lists of elements). A Google Doc's PDF (`getAs('application/pdf')`) is a
 * blob whose bytes are the document's text, so tests can read what a letter says.
 */
import type { FakeEnv } from './env';
import { FakeBlob } from './services';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const PDF_MIME = 'application/pdf';

// ---------------------------------------------------------------------------------- Document content

export interface ParagraphElement {
  kind: 'paragraph';
  text: string;
  /** A `DocumentApp.ParagraphHeading` value. */
  heading: string;
  /** A `DocumentApp.HorizontalAlignment` value, or null for the default. */
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
  /** Alignment of a cell's paragraph by `row:column`, set through `getCell(r, c).getChild(0).asParagraph()`. */
  cellAlignments?: Record<string, string>;
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

export function paragraph(text: string): ParagraphElement {
  return { kind: 'paragraph', text, heading: 'NORMAL', alignment: null, bold: false, indentFirstLine: null, listItem: false };
}

/** A document with a body of plain paragraphs and no header or footer. */
export function newDoc(id: string, paragraphs: string[]): DocModel {
  return { id, body: paragraphs.map(paragraph), header: null, footer: null };
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
  if (e.kind === 'table')
    return { ...e, rows: e.rows.map((r) => [...r]), boldRows: e.boldRows ? [...e.boldRows] : undefined, cellAlignments: e.cellAlignments ? { ...e.cellAlignments } : undefined };
  if (e.kind === 'image') return { ...e, bytes: e.bytes.slice() };
  return { ...e };
}

function cloneDoc(doc: DocModel, id: string): DocModel {
  const copy = (s: DocElement[] | null): DocElement[] | null => (s === null ? null : s.map(cloneElement));
  return { id, body: copy(doc.body) ?? [], header: copy(doc.header), footer: copy(doc.footer) };
}

/** Replaces text in every paragraph and cell of the sections; `replace` returns the new text. */
export function replaceInSections(sections: (DocElement[] | null)[], replace: (text: string) => string): void {
  for (const section of sections) {
    if (!section) continue;
    for (const e of section) {
      if (e.kind === 'paragraph') e.text = replace(e.text);
      else if (e.kind === 'table') e.rows = e.rows.map((r) => r.map(replace));
    }
  }
}

/** The error Apps Script gives for `getAs` to a type it cannot convert to. */
export function conversionError(env: FakeEnv, from: string, to: string): Error {
  return env.error(`Converting from ${from} to ${to} is not supported.`);
}

/** A Google Doc as PDF (the only conversion Apps Script offers for a Doc); the bytes are its text. */
export function documentPdf(env: FakeEnv, doc: DocModel, name: string, service: string): FakeBlob {
  return FakeBlob.fromText(env, documentText(doc), PDF_MIME, `${name}.pdf`, service);
}

// ------------------------------------------------------------------------------------------- Drive

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
  addDocument(name: string, paragraphs: string[], folderId = 'root', appCreated = true, created = 0): DriveItem {
    const item = this.add({ name, mimeType: DOC_MIME, parents: [folderId], trashed: false, created, appCreated }, 'doc');
    item.doc = newDoc(item.id, paragraphs);
    return item;
  }
  addFolder(name: string, parentId = 'root', appCreated = true, created = 0): DriveItem {
    return this.add({ name, mimeType: FOLDER_MIME, parents: [parentId], trashed: false, created, appCreated }, 'folder');
  }
  /** A copy of a file with its content, named «Копия …» unless a name is given (as Drive does). */
  copy(source: DriveItem, fields: { name?: string | null; parents: string[]; created: number; appCreated?: boolean }): DriveItem {
    const { name, ...rest } = fields;
    const copy = this.add({ name: name ?? `Копия ${source.name}`, mimeType: source.mimeType, trashed: false, bytes: source.bytes?.slice(), ...rest }, source.doc ? 'doc' : 'file');
    if (source.doc) copy.doc = cloneDoc(source.doc, copy.id);
    return copy;
  }
  /** The files in a folder (not trashed). */
  filesIn(folderId: string): DriveItem[] {
    return this.childrenOf(folderId).filter((i) => i.mimeType !== FOLDER_MIME);
  }
  /** The folders in a folder (not trashed). */
  foldersIn(folderId: string): DriveItem[] {
    return this.childrenOf(folderId).filter((i) => i.mimeType === FOLDER_MIME);
  }
  private childrenOf(folderId: string): DriveItem[] {
    return [...this.items.values()].filter((i) => i.parents.includes(folderId) && !i.trashed);
  }
}
