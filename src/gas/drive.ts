/**
 * Google Drive through the advanced Drive service (v3, declared in appsscript.json).
 *
 * Which scope, and why `drive`: the spreadsheet is shared by several staff, and every editor must be
 * able to run every job, with all letters in ONE folder from templates edited once. Under `drive.file`
 * the script reaches only files "that you open with an app or that the user shares with an app while
 * using the Google Picker API" (https://developers.google.com/workspace/drive/api/guides/api-specific-auth)
 * — a per-user grant: a folder or template that one editor's run created is "File not found" for
 * another editor's run, even when it is shared with them, until that editor picks it with the Google
 * Picker (https://developers.google.com/workspace/drive/picker/guides/overview: a Google Cloud project,
 * an API key and the Picker API — too heavy for this centre). `documents` lets DocumentApp and the Docs
 * API open every Doc the user can open, but copying a template and creating a letter or a subfolder in
 * the shared folder are Drive API calls that need Drive access to that folder. So the narrowest scope
 * that meets the requirement is `drive`. The code still touches only its own folder and the templates,
 * by the IDs in «Настройки»; setup shares the folder (and so the templates and letters in it, which
 * inherit its permissions: https://developers.google.com/workspace/drive/api/guides/manage-sharing)
 * with the spreadsheet's editors through `Drive.Permissions`.
 *
 * Not DriveApp: the advanced service gives the owner and the capabilities of a file in one call, and
 * keeps one way of reaching Drive whatever scope is declared.
 */
import { errorText, UserError } from '../core/errors';
import { docsMsg } from '../messages/gas';

type FilesCollection = GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection;

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';

/** What the program needs to know about a Drive file. */
export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
  /** The owner's address ('' when Drive does not say). */
  owner: string;
  /** Whether this user may change it (for a folder: add files to it). */
  canEdit: boolean;
  canShare: boolean;
  parents: string[];
}

const FILE_FIELDS = 'id,name,mimeType,trashed,parents,owners(emailAddress),capabilities(canEdit,canAddChildren,canShare)';

function files(): FilesCollection {
  const collection = typeof Drive === 'undefined' || !Drive ? undefined : Drive.Files;
  if (!collection) throw new UserError(docsMsg.driveServiceOff);
  return collection;
}

/** A Drive API query string literal. */
const literal = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The file's metadata, or null when there is no such file or this user may not see it (Drive answers
 * both with 404 "File not found", so the two cannot be told apart).
 */
export function findFile(id: string): DriveEntry | null {
  const collection = files();
  try {
    const f = collection.get(id, { fields: FILE_FIELDS, supportsAllDrives: true });
    const mimeType = f.mimeType ?? '';
    const can = f.capabilities ?? {};
    return {
      id: f.id ?? id,
      name: f.name ?? '',
      mimeType,
      trashed: f.trashed === true,
      owner: f.owners?.[0]?.emailAddress ?? '',
      canEdit: (mimeType === FOLDER_MIME ? can.canAddChildren : can.canEdit) === true,
      canShare: can.canShare === true,
      parents: f.parents ?? [],
    };
  } catch (e) {
    console.error(`Drive file ${id}: ${errorText(e)}`);
    return null;
  }
}

/** What an ID from «Настройки» leads to, for this user. */
export type Lookup = { kind: 'blank' } | { kind: 'unseen' } | { kind: 'gone'; entry: DriveEntry } | { kind: 'ok'; entry: DriveEntry };

/** Looks an ID up: blank, not visible to this user, trashed or of the wrong kind, or usable. */
export function lookUp(id: string, mimeType: string): Lookup {
  const trimmed = id.trim();
  if (trimmed === '') return { kind: 'blank' };
  const entry = findFile(trimmed);
  if (!entry) return { kind: 'unseen' };
  return entry.trashed || entry.mimeType !== mimeType ? { kind: 'gone', entry } : { kind: 'ok', entry };
}

/** The ID of a folder named `name` inside `parentId` (not trashed), or null. */
export function childFolder(parentId: string, name: string): string | null {
  const q = `${literal(parentId)} in parents and name = ${literal(name)} and mimeType = ${literal(FOLDER_MIME)} and trashed = false`;
  const list = files().list({ q, fields: 'files(id)', pageSize: 1, supportsAllDrives: true, includeItemsFromAllDrives: true });
  return list.files?.[0]?.id ?? null;
}

function created(f: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): string {
  if (!f.id) throw new Error('Drive returned no file ID');
  return f.id;
}

/** A new folder (in My Drive when no parent is given); its ID. */
export function createFolder(name: string, parentId?: string): string {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name, mimeType: FOLDER_MIME };
  if (parentId) resource.parents = [parentId];
  return created(files().create(resource));
}

/** A new, empty Google Doc in the folder; its ID. */
export function createDocument(name: string, parentId: string): string {
  return created(files().create({ name, mimeType: DOC_MIME, parents: [parentId] }));
}

/** A copy of a file in the folder; its ID. */
export function copyFile(id: string, name: string, parentId: string): string {
  return created(files().copy({ name, parents: [parentId] }, id, { supportsAllDrives: true }));
}

export function trashFile(id: string): void {
  files().update({ trashed: true }, id);
}

/** The IDs of the files of this name and type in a folder, not trashed (at most 20: leftovers, not a listing). */
export function childFiles(parentId: string, name: string, mimeType: string): string[] {
  const q = `${literal(parentId)} in parents and name = ${literal(name)} and mimeType = ${literal(mimeType)} and trashed = false`;
  const list = files().list({ q, fields: 'files(id)', pageSize: 20, supportsAllDrives: true, includeItemsFromAllDrives: true });
  return (list.files ?? []).flatMap((f) => (f.id ? [f.id] : []));
}

export function renameFile(id: string, name: string): void {
  files().update({ name }, id);
}

function permissions(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection {
  const collection = typeof Drive === 'undefined' || !Drive ? undefined : Drive.Permissions;
  if (!collection) throw new UserError(docsMsg.driveServiceOff);
  return collection;
}

const EDITING_ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);

/** The lower-case addresses of the people who may edit the file (its owner included). */
export function editorsOf(id: string): Set<string> {
  const list = permissions().list(id, { fields: 'permissions(id,type,role,emailAddress)', supportsAllDrives: true });
  return new Set((list.permissions ?? []).flatMap((p) => (p.emailAddress && EDITING_ROLES.has(p.role ?? '') ? [p.emailAddress.toLowerCase()] : [])));
}

/** Lets a person edit the file (a folder: everything in it); no notification email is sent. */
export function shareForEditing(id: string, email: string): void {
  permissions().create({ type: 'user', role: 'writer', emailAddress: email }, id, { sendNotificationEmail: false, supportsAllDrives: true });
}

export const folderUrl = (id: string): string => `https://drive.google.com/drive/folders/${id}`;
