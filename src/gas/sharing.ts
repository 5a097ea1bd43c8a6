/**
 * Who the documents belong to and who may use them: the owner of the documents folder is recorded at
 * setup (in script properties, which every user of the script shares:
 * https://developers.google.com/apps-script/guides/properties), so that a colleague who cannot see the
 * folder is told whom to ask; and setup opens the folder and the templates to every editor of the
 * spreadsheet (`Drive.Permissions`, writer role, no notification email).
 */
import { errorText } from '../core/errors';
import { docsMsg } from '../messages/gas';
import { SETTING } from '../core/data/schema';
import { type DriveEntry, editorsOf, shareForEditing } from './drive';

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
 * Opens the folder, and the templates kept outside it, to every editor of the spreadsheet who cannot
 * edit them yet. Returns the Russian lines for the setup alert; nothing when everyone already can.
 * A user who may not share the folder (view only) is told so and whom to ask; templates outside the
 * folder that this user may not share are left as they are (a job then names their owner).
 */
export function shareWithEditors(folder: DriveEntry, templates: DriveEntry[], editors: string[], owner: string, untilMs = Number.POSITIVE_INFINITY): string[] {
  if (!folder.canShare) return [docsMsg.folderReadOnly(SETTING.folder, owner)];
  const lines: string[] = [];
  const opened = new Set<string>();
  // A call per editor and file: past the deadline the rest wait for the next run of setup, which says so.
  const later = new Set<string>();
  for (const file of [folder, ...templates.filter((t) => t.canShare)]) {
    if (Date.now() > untilMs) {
      editors.forEach((e) => later.add(e));
      continue;
    }
    const can = editorsOf(file.id);
    for (const email of editors.filter((e) => !can.has(e.toLowerCase()))) {
      if (Date.now() > untilMs) {
        later.add(email);
        continue;
      }
      try {
        shareForEditing(file.id, email);
        opened.add(email);
      } catch (e) {
        lines.push(docsMsg.shareFailed(email, errorText(e).split('\n')[0] ?? ''));
      }
    }
  }
  if (opened.size > 0) lines.unshift(docsMsg.sharedWith([...opened]));
  if (later.size > 0) lines.push(docsMsg.shareLater([...later]));
  return lines;
}
