/**
 * The Apps Script API v1 calls of `deploy` (googleapis, Node only), as clasp makes them
 * (google/clasp src/core/project.ts `createScript`, src/core/files.ts `push`):
 * - `projects.create` with `parentId` = the Sheet's Drive ID makes a script bound to that Sheet
 *   (https://developers.google.com/apps-script/api/reference/rest/v1/projects/create);
 * - `projects.updateContent` replaces ALL files of the project with the given ones; one of them must be
 *   the manifest, named `appsscript`, of type JSON
 *   (https://developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent,
 *   File: https://developers.google.com/apps-script/api/reference/rest/v1/File — `name` without extension,
 *   `type` SERVER_JS | HTML | JSON, `source`).
 */
import type { OAuth2Client } from 'google-auth-library';
import { script } from 'googleapis/build/src/apis/script';
import { callGoogle } from './failure';
import { serviceRoot } from './transport';
import type { GoogleSettings } from './settings';

export type ScriptFileType = 'SERVER_JS' | 'HTML' | 'JSON';

export interface ScriptFile {
  name: string;
  type: ScriptFileType;
  source: string;
}

function scriptApi(auth: OAuth2Client, settings: GoogleSettings) {
  return script({ version: 'v1', auth, ...serviceRoot(settings) });
}

/** Creates a script project bound to the Drive file `parentId`; its script ID. */
export async function createBoundScript(auth: OAuth2Client, settings: GoogleSettings, title: string, parentId: string): Promise<string> {
  const res = await callGoogle('createScript', () => scriptApi(auth, settings).projects.create({ requestBody: { title, parentId } }));
  const id = res.data.scriptId;
  if (!id) throw new Error('projects.create answered without a scriptId');
  return id;
}

/** Replaces the script's files with `files` (the push). */
export async function pushFiles(auth: OAuth2Client, settings: GoogleSettings, scriptId: string, files: readonly ScriptFile[]): Promise<void> {
  await callGoogle('push', () => scriptApi(auth, settings).projects.updateContent({ scriptId, requestBody: { files: files.map((f) => ({ ...f })) } }));
}
