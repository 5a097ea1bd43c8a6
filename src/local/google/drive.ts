/**
 * The Drive API v3 calls of `deploy` and `pull` (googleapis, Node only).
 * - Upload with conversion: `files.create` with a media upload whose metadata names the Google Sheets
 *   type; Drive then imports the `.xlsx` into a new Google Sheet
 *   (https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs,
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create).
 * - Download: `files.export` with the xlsx type; the exported content is limited to 10 MB
 *   (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/export).
 */
import { Readable } from 'node:stream';
import type { OAuth2Client } from 'google-auth-library';
import { drive } from 'googleapis/build/src/apis/drive';
import { callGoogle } from './failure';
import { serviceRoot } from './transport';
import type { GoogleSettings } from './settings';

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sheet: 'application/vnd.google-apps.spreadsheet',
} as const;

export interface SheetFile {
  id: string;
  name: string;
  mimeType: string;
  link: string;
}

/** The address of a Google Sheet for people. */
export const sheetLink = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

/**
 * The root is given to the service and again to each call: googleapis takes a media upload's
 * address from the call's options only (drive/v3 `files.create` `mediaUrl`).
 */
function driveApi(auth: OAuth2Client, settings: GoogleSettings) {
  return drive({ version: 'v3', auth, ...serviceRoot(settings) });
}

/** Uploads an .xlsx file's bytes as a new Google Sheet named `name`. */
export async function uploadAsSheet(auth: OAuth2Client, settings: GoogleSettings, xlsx: Buffer, name: string): Promise<SheetFile> {
  const res = await callGoogle('upload', () =>
    driveApi(auth, settings).files.create({
      requestBody: { name, mimeType: MIME.sheet },
      media: { mimeType: MIME.xlsx, body: Readable.from([xlsx]) },
      fields: 'id,name,mimeType,webViewLink',
    }, serviceRoot(settings)),
  );
  const id = res.data.id ?? '';
  return { id, name: res.data.name ?? name, mimeType: res.data.mimeType ?? MIME.sheet, link: res.data.webViewLink ?? sheetLink(id) };
}

/** The name and type of a Drive file: is it there, is it a Sheet, what to call the download. */
export async function fileInfo(auth: OAuth2Client, settings: GoogleSettings, id: string): Promise<SheetFile> {
  const res = await callGoogle('metadata', () => driveApi(auth, settings).files.get({ fileId: id, fields: 'id,name,mimeType,webViewLink', supportsAllDrives: true }));
  return { id, name: res.data.name ?? id, mimeType: res.data.mimeType ?? '', link: res.data.webViewLink ?? sheetLink(id) };
}

/** The Sheet as an .xlsx file's bytes. */
export async function exportXlsx(auth: OAuth2Client, settings: GoogleSettings, id: string): Promise<Buffer> {
  const res = await callGoogle('export', () => driveApi(auth, settings).files.export({ fileId: id, mimeType: MIME.xlsx }, { responseType: 'arraybuffer', ...serviceRoot(settings) }));
  return Buffer.from(res.data as ArrayBuffer);
}
