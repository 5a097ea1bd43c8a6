/**
 * The Google Drive side of «Настроить таблицу»: the documents folder and the template Docs (the two
 * letters and the envelope, in the format «Формат конверта» says), shared
 * with every editor of the spreadsheet. Whatever is blank, or visibly gone (in the trash, or not a
 * folder/Doc), is created (the folder «Партнёрство — документы», the default templates rendered into
 * it) and its ID written into «Настройки» and flushed at once, so a kill right after leaves it found, not
 * orphaned (a template is renamed from its draft name only when complete). An ID this user cannot see is kept as
 * it is: it may be a colleague's folder not shared with this user yet, and replacing it would orphan
 * their folder and templates; the alert says whom to ask. Re-runnable: a later run opens the folder to
 * editors added since; when everything is in place and shared, nothing is created or written.
 */
import type { CellWrite, TemplateKind, WorkbookPort } from '../ports';
import { docsMsg } from '../messages/gas';
import { COL, SETTING, SETTINGS_SPEC, SHEET, type SettingKey } from '../core/data/schema';
import { locateTable, normalizeHeader } from '../core/data/table';
import { defaultTemplate } from '../core/letters/templates';
import { renderToFolder } from './documents';
import { createFolder, DOC_MIME, type DriveEntry, findFile, FOLDER_MIME, folderUrl, lookUp } from './drive';
import { recordedOwner, recordOwner, shareWithEditors, spreadsheetEditors } from './sharing';

export interface DocsSetupReport {
  /** What was created, with links. */
  created: { name: string; url: string }[];
  /** Russian lines for the setup alert (empty when nothing was done). */
  lines: string[];
}

const KINDS: [TemplateKind, SettingKey][] = [
  ['invitation', 'invitationTemplate'],
  ['thanks', 'thanksTemplate'],
  ['envelope', 'envelopeTemplate'],
];

/** `untilMs`: the clock's ms by which setup must be done (the sharing stops there and says who is left). */
export function ensureDocsSetup(wb: WorkbookPort, editors: () => string[] = spreadsheetEditors, untilMs = Number.POSITIVE_INFINITY): DocsSetupReport {
  const report: DocsSetupReport = { created: [], lines: [] };
  const values = wb.readSheet(SHEET.settings);
  if (!values) return report;
  const { headerRow, columns } = locateTable(values, SETTINGS_SPEC);
  const paramCol = columns[COL.parameter];
  const valueCol = columns[COL.value];
  if (paramCol === undefined || valueCol === undefined) return report;

  const rowOf = (key: SettingKey): number | null => {
    for (let r = headerRow; r < values.length; r++) if (normalizeHeader(values[r]?.[paramCol - 1]) === normalizeHeader(SETTING[key])) return r + 1;
    return null;
  };
  const valueOf = (key: SettingKey): string => {
    const row = rowOf(key);
    return row === null ? '' : String(values[row - 1]?.[valueCol - 1] ?? '').trim();
  };
  // Each ID as soon as its folder or template exists, made durable before the next step.
  const write = (key: SettingKey, value: string): void => {
    const row = rowOf(key);
    if (row === null) {
      report.lines.push(docsMsg.settingsNotWritten(SETTING[key]));
      return;
    }
    const cell: CellWrite = { row, col: valueCol, value };
    wb.writeCells(SHEET.settings, [cell]);
    SpreadsheetApp.flush();
  };

  const found = lookUp(valueOf('folder'), FOLDER_MIME);
  if (found.kind === 'unseen') {
    // Nothing can be made without the folder, and a new one would orphan the colleague's.
    report.lines.push(docsMsg.setupKeptUnseen(SETTING.folder, recordedOwner()));
    return report;
  }
  let folder: DriveEntry | null = found.kind === 'ok' ? found.entry : null;
  if (!folder) {
    const id = createFolder(docsMsg.rootFolderName);
    write('folder', id);
    const url = folderUrl(id);
    report.created.push({ name: docsMsg.rootFolderName, url });
    report.lines.push(docsMsg.createdFolder(url));
    folder = findFile(id);
    if (!folder) throw new Error(`Drive does not show the folder ${id} it has just created`);
  }
  recordOwner(folder.owner);

  const outside: DriveEntry[] = [];
  for (const [kind, key] of KINDS) {
    // Without its row the ID could not be written: a template made now would be orphaned, and made again next time.
    if (rowOf(key) === null) {
      report.lines.push(docsMsg.settingsNotWritten(SETTING[key]));
      continue;
    }
    const template = lookUp(valueOf(key), DOC_MIME);
    if (template.kind === 'ok') {
      // A template kept outside the folder does not inherit its sharing: share it too.
      if (!template.entry.parents.includes(folder.id)) outside.push(template.entry);
      continue;
    }
    if (template.kind === 'unseen') {
      report.lines.push(docsMsg.setupKeptUnseen(SETTING[key], recordedOwner()));
      continue;
    }
    const name = docsMsg.templateName[kind];
    const made = renderToFolder(defaultTemplate(kind, valueOf('envelopeFormat')), folder.id, name, untilMs);
    write(key, made.id);
    report.created.push({ name, url: made.url });
    report.lines.push(docsMsg.createdTemplate(name, made.url));
  }
  report.lines.push(...shareWithEditors(folder, outside, editors(), folder.owner || recordedOwner(), untilMs));
  return report;
}
