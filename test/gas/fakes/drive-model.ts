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
  /** Point size set through `editAsText().setFontSize(size)`; absent: the document's default. */
  fontSize?: number;
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

/** A Doc's page setup in points, as Body's setPageWidth/…/setMarginLeft set it; absent: Docs' default (Letter or A4 by locale). */
export interface PageModel {
  width?: number;
  height?: number;
  marginTop?: number;
  marginRight?: number;
  marginBottom?: number;
  marginLeft?: number;
}

export interface DocModel {
  id: string;
  body: DocElement[];
  header: DocElement[] | null;
  footer: DocElement[] | null;
  /** One per document: a Drive copy keeps it. */
  page?: PageModel;
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
  const copied: DocModel = { id, body: copy(doc.body) ?? [], header: copy(doc.header), footer: copy(doc.footer) };
  if (doc.page) copied.page = { ...doc.page };
  return copied;
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

/** A role on a Drive item (https://developers.google.com/workspace/drive/api/guides/ref-roles). */
export type Role = 'owner' | 'writer' | 'commenter' | 'reader';
const RANK: Record<Role, number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

/** At least this role. */
export function atLeast(role: Role | null, wanted: Role): boolean {
  return role !== null && RANK[role] >= RANK[wanted];
}

/** A permission on an item (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions). */
export interface DrivePermission {
  id: string;
  type: 'user' | 'anyone';
  role: Role;
  emailAddress?: string;
  /** Whether Drive was asked to email the person about it. */
  notified: boolean;
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
  /** The account that owns it (My Drive: whoever created it). */
  owner: string;
  /** Permissions given on the item itself; items inherit those of their folders. */
  permissions: DrivePermission[];
  /**
   * The users for whom this script has per-file access under the `drive.file` scope: who created it
   * through the Drive API in a run of this script, or opened it with the app (Google Picker). The grant
   * is per user: another user's run of the same script does not see the file
   * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth: drive.file covers
   * files "that you open with an app or that the user shares with an app while using the Google
   * Picker API").
   */
  appUsers: string[];
}

/** How a seeded item came to be: by default owned by the model's default user, as if setup made it. */
export interface SeedOptions {
  owner?: string;
  /** Made by this script for its owner (drive.file access for the owner); default true. */
  appCreated?: boolean;
  created?: number;
}

const seedOf = (seed: boolean | SeedOptions | undefined): SeedOptions => (typeof seed === 'boolean' ? { appCreated: seed } : (seed ?? {}));

/** The shared Drive: files and folders by id. `root` stands for each user's own My Drive. */
export class DriveModel {
  readonly items = new Map<string, DriveItem>();
  private next = 0;
  /** Who owns seeded items unless told otherwise. */
  defaultUser: string;
  constructor(defaultUser = 'staff@rovesnik.example') {
    this.defaultUser = defaultUser;
    this.items.set('root', { id: 'root', name: 'Мой диск', mimeType: FOLDER_MIME, parents: [], trashed: false, created: 0, owner: '', permissions: [], appUsers: [] });
  }
  newId(prefix: string): string {
    this.next++;
    return `${prefix}-${String(this.next).padStart(4, '0')}`;
  }
  add(item: Omit<DriveItem, 'id' | 'permissions' | 'appUsers' | 'owner'> & Partial<Pick<DriveItem, 'permissions' | 'appUsers' | 'owner'>>, prefix = 'file'): DriveItem {
    const full: DriveItem = { permissions: [], appUsers: [], owner: this.defaultUser, ...item, id: this.newId(prefix) };
    this.items.set(full.id, full);
    return full;
  }
  private seeded(seed: boolean | SeedOptions | undefined, created: number): Pick<DriveItem, 'owner' | 'appUsers' | 'created'> {
    const s = seedOf(seed);
    const owner = s.owner ?? this.defaultUser;
    return { owner, appUsers: s.appCreated === false ? [] : [owner], created: s.created ?? created };
  }
  /** A Google Doc with the given paragraphs (seeding templates; by default as if setup made it). */
  addDocument(name: string, paragraphs: string[], folderId = 'root', seed: boolean | SeedOptions = true, created = 0): DriveItem {
    const item = this.add({ name, mimeType: DOC_MIME, parents: [folderId], trashed: false, ...this.seeded(seed, created) }, 'doc');
    item.doc = newDoc(item.id, paragraphs);
    return item;
  }
  addFolder(name: string, parentId = 'root', seed: boolean | SeedOptions = true, created = 0): DriveItem {
    return this.add({ name, mimeType: FOLDER_MIME, parents: [parentId], trashed: false, ...this.seeded(seed, created) }, 'folder');
  }
  /** A copy of a file with its content, named «Копия …» unless a name is given (as Drive does). */
  copy(source: DriveItem, fields: { name?: string | null; parents: string[]; created: number; owner: string; appUsers: string[] }): DriveItem {
    const { name, ...rest } = fields;
    const copy = this.add({ name: name ?? `Копия ${source.name}`, mimeType: source.mimeType, trashed: false, bytes: source.bytes?.slice(), ...rest }, source.doc ? 'doc' : 'file');
    if (source.doc) copy.doc = cloneDoc(source.doc, copy.id);
    return copy;
  }
  /** Gives a user a role on an item directly (what sharing in the Drive UI does). */
  share(item: DriveItem, email: string, role: Role, notified = false): DrivePermission {
    const existing = item.permissions.find((p) => p.type === 'user' && p.emailAddress?.toLowerCase() === email.toLowerCase());
    if (existing) {
      if (RANK[role] > RANK[existing.role]) existing.role = role;
      return existing;
    }
    const permission: DrivePermission = { id: this.newId('perm'), type: 'user', role, emailAddress: email, notified };
    item.permissions.push(permission);
    return permission;
  }
  /**
   * The user's role on an item: owner, a permission on it, or one inherited from a folder it is in
   * (https://developers.google.com/workspace/drive/api/guides/manage-sharing: files in a folder inherit
   * the folder's permissions). Null: the user cannot reach it at all.
   */
  roleOf(item: DriveItem, email: string): Role | null {
    if (item.id === 'root') return 'owner';
    const me = email.toLowerCase();
    let best: Role | null = null;
    const better = (role: Role): void => {
      if (!best || RANK[role] > RANK[best]) best = role;
    };
    const seen = new Set<string>();
    const visit = (it: DriveItem | undefined): void => {
      if (!it || it.id === 'root' || seen.has(it.id)) return;
      seen.add(it.id);
      if (it.owner.toLowerCase() === me) better('owner');
      for (const p of it.permissions) if (p.type === 'anyone' || p.emailAddress?.toLowerCase() === me) better(p.role);
      for (const parent of it.parents) visit(this.items.get(parent));
    };
    visit(item);
    return best;
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
