/**
 * Google Drive through the advanced Drive service (v3, declared in appsscript.json). Not DriveApp:
 * every DriveApp method requires the full `drive` (or `drive.readonly`) scope, and with only
 * `drive.file` declared Apps Script refuses each call ("You do not have permission to call
 * DriveApp.getFolderById"). The Drive API itself honours `drive.file`: the script sees the folders and
 * documents it created through this API, which is all it needs (setup creates the folder and the
 * templates; letters are copies of those templates).
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
}

function files(): FilesCollection {
  const collection = typeof Drive === 'undefined' || !Drive ? undefined : Drive.Files;
  if (!collection) throw new UserError(docsMsg.driveServiceOff);
  return collection;
}

/** A Drive API query string literal. */
const literal = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The file's metadata, or null when there is no such file or this script may not see it. */
export function findFile(id: string): DriveEntry | null {
  const collection = files();
  try {
    const f = collection.get(id, { fields: 'id,name,mimeType,trashed', supportsAllDrives: true });
    return { id: f.id ?? id, name: f.name ?? '', mimeType: f.mimeType ?? '', trashed: f.trashed === true };
  } catch (e) {
    console.error(`Drive file ${id}: ${errorText(e)}`);
    return null;
  }
}

/** A live folder by ID, or null. */
export function findFolder(id: string): DriveEntry | null {
  const entry = id.trim() === '' ? null : findFile(id.trim());
  return entry && !entry.trashed && entry.mimeType === FOLDER_MIME ? entry : null;
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

export const folderUrl = (id: string): string => `https://drive.google.com/drive/folders/${id}`;
