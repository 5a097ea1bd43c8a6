/**
 * The Google Drive side of «Настроить таблицу»: the documents folder and the two template Docs.
 * Whatever is blank or no longer accessible is created (the folder «Партнёрство — документы», the
 * default templates rendered into it) and its ID written into «Настройки» in one batched write.
 * Idempotent: when everything is in place, nothing is created or written.
 */
import type { CellWrite, TemplateKind, WorkbookPort } from '../ports';
import { docsMsg } from '../messages/gas';
import { COL, SETTING, SETTINGS_SPEC, SHEET, type SettingKey } from '../core/data/schema';
import { locateTable, normalizeHeader } from '../core/data/table';
import { defaultTemplate } from '../core/letters/templates';
import { renderToFolder } from './documents';
import { createFolder, DOC_MIME, findFile, findFolder, folderUrl } from './drive';

export interface DocsSetupReport {
  /** What was created, with links. */
  created: { name: string; url: string }[];
  /** Russian lines for the setup alert (empty when nothing was done). */
  lines: string[];
}

function templateOk(id: string): boolean {
  if (!id) return false;
  const file = findFile(id);
  return file !== null && !file.trashed && file.mimeType === DOC_MIME;
}

export function ensureDocsSetup(wb: WorkbookPort): DocsSetupReport {
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
  const writes: CellWrite[] = [];
  const write = (key: SettingKey, value: string): void => {
    const row = rowOf(key);
    if (row === null) report.lines.push(docsMsg.settingsNotWritten(SETTING[key]));
    else writes.push({ row, col: valueCol, value });
  };

  let folder = findFolder(valueOf('folder'))?.id ?? null;
  if (!folder) {
    folder = createFolder(docsMsg.rootFolderName);
    const url = folderUrl(folder);
    report.created.push({ name: docsMsg.rootFolderName, url });
    report.lines.push(docsMsg.createdFolder(url));
    write('folder', folder);
  }
  const kinds: [TemplateKind, SettingKey][] = [
    ['invitation', 'invitationTemplate'],
    ['thanks', 'thanksTemplate'],
  ];
  for (const [kind, key] of kinds) {
    if (templateOk(valueOf(key))) continue;
    const name = docsMsg.templateName[kind];
    const made = renderToFolder(defaultTemplate(kind), folder, name);
    report.created.push({ name, url: made.url });
    report.lines.push(docsMsg.createdTemplate(name, made.url));
    write(key, made.id);
  }
  if (writes.length > 0) wb.writeCells(SHEET.settings, writes);
  return report;
}
