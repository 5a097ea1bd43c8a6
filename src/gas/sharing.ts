/**
 * Who the documents belong to and who may use them: the owner of the documents folder is recorded at
 * setup (in script properties, which every user of the script shares:
 * https://developers.google.com/apps-script/guides/properties), so that a colleague who cannot see the
 * folder is told whom to ask; and setup opens the folder and the templates to every editor of the
 * spreadsheet (`Drive.Permissions`, writer role, no notification email).
 */
import { errorText } from '../core/errors';
import { docsMsg } from '../messages/gas';
import { type DriveEntry, shareForEditing, sharedWith } from './drive';

export const DOCS_OWNER_KEY = 'partnerstvo.docsOwner';

/** The address of the person whose setup made the documents folder, or ''. */
export function recordedOwner(): string {
  try {
    return PropertiesService.getScriptProperties().getProperty(DOCS_OWNER_KEY) ?? '';
  } catch (e) {
    console.error(`recorded owner: ${errorText(e)}`);
    return '';
  }
}

export function recordOwner(email: string): void {
  if (email && email !== recordedOwner()) PropertiesService.getScriptProperties().setProperty(DOCS_OWNER_KEY, email);
}

/** The editors of the bound spreadsheet (owner included). */
export function spreadsheetEditors(): string[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return [];
  return spreadsheet
    .getEditors()
    .map((user) => user.getEmail())
    .filter((email) => email !== '');
}

/**
 * Opens each file (the folder, and templates kept outside it) to every editor who cannot edit it yet.
 * Returns the Russian lines for the setup alert; nothing when everyone already has access.
 */
export function shareWithEditors(files: DriveEntry[], editors: string[], owner: string): string[] {
  const lines: string[] = [];
  const opened = new Set<string>();
  for (const file of files) {
    const has = sharedWith(file.id);
    const missing = editors.filter((email) => !has.has(email.toLowerCase()));
    if (missing.length === 0) continue;
    if (!file.canShare) {
      lines.push(docsMsg.cannotShare(missing, owner));
      continue;
    }
    for (const email of missing) {
      try {
        shareForEditing(file.id, email);
        opened.add(email);
      } catch (e) {
        lines.push(docsMsg.shareFailed(email, errorText(e).split('\n')[0] ?? ''));
      }
    }
  }
  if (opened.size > 0) lines.unshift(docsMsg.sharedWith([...opened]));
  return lines;
}
