/**
 * «Настроить таблицу»: plans what is missing (sheets, columns, settings rows, blank IDs) and applies
 * it. It only adds: it never deletes, moves or overwrites anything, so running it twice is a no-op.
 */
import type { Cell, SetupStep, WorkbookPort } from '../../ports';
import { checkMsg, setupMsg } from '../../messages/data';
import { workbookData } from './snapshot';
import { COL, layoutFor, SETTING, SETTING_DEFAULTS, SETTINGS_SPEC, SHEET_SPECS, type SettingKey, type SheetSpec } from './schema';
import { lastUsedColumn, locateTable, normalizeHeader } from './table';

export interface SetupReport {
  steps: SetupStep[];
  /** IDs written into blank ID cells. */
  assignedIds: number;
  /** What was done, in Russian, one sentence per line. */
  summary: string;
}

/**
 * The settings rows that are missing, each with its name and default under the `Параметр` and
 * `Значение` headers wherever they stand (`columns`: 1-based, after the columns setup adds).
 */
function settingsRows(existing: Cell[][] | null, spec: SheetSpec, columns: Record<string, number>): Cell[][] {
  const present = new Set<string>();
  const paramCol = columns[COL.parameter] ?? 1;
  const valueCol = columns[COL.value] ?? 2;
  if (existing) {
    const { headerRow } = locateTable(existing, spec);
    for (const row of existing.slice(headerRow)) present.add(normalizeHeader(row[paramCol - 1]));
  }
  return (Object.keys(SETTING) as SettingKey[])
    .filter((key) => !present.has(normalizeHeader(SETTING[key])))
    .map((key) => {
      const row: Cell[] = new Array<Cell>(Math.max(paramCol, valueCol)).fill('');
      row[paramCol - 1] = SETTING[key];
      row[valueCol - 1] = SETTING_DEFAULTS[key];
      return row;
    });
}

/** What setup would do to this workbook; empty when everything is in place. */
export function planSetup(wb: WorkbookPort): SetupStep[] {
  const steps: SetupStep[] = [];
  for (const spec of SHEET_SPECS) {
    const values = wb.readSheet(spec.name);
    const isSettings = spec.name === SETTINGS_SPEC.name;
    if (values === null) {
      const step: SetupStep = { kind: 'createSheet', sheet: spec.name, columns: spec.columns.map(layoutFor) };
      if (isSettings) step.rows = settingsRows(null, spec, { [COL.parameter]: 1, [COL.value]: 2 });
      steps.push(step);
      continue;
    }
    const { headerRow, columns } = locateTable(values, spec);
    const missing = spec.columns.filter((c) => columns[c.header] === undefined);
    const afterCol = lastUsedColumn(values[headerRow - 1]);
    if (missing.length > 0) {
      steps.push({
        kind: 'addColumns',
        sheet: spec.name,
        headerRow,
        afterCol,
        columns: missing.map(layoutFor),
      });
      steps.push({ kind: 'freezeHeader', sheet: spec.name, headerRow });
    }
    if (isSettings) {
      const planned = { ...columns };
      missing.forEach((c, i) => (planned[c.header] = afterCol + 1 + i));
      const rows = settingsRows(values, spec, planned);
      if (rows.length > 0) steps.push({ kind: 'appendRows', sheet: spec.name, rows });
    }
  }
  return steps;
}

function describe(steps: SetupStep[]): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    if (step.kind === 'createSheet') lines.push(setupMsg.createdSheet(step.sheet));
    else if (step.kind === 'addColumns') lines.push(setupMsg.addedColumns(step.sheet, step.columns.map((c) => c.header)));
    else if (step.kind === 'appendRows') lines.push(setupMsg.addedSettings(step.rows.length));
  }
  return lines;
}

/** Runs setup: adds what is missing, then fills blank IDs. */
export function runSetup(wb: WorkbookPort): SetupReport {
  const steps = planSetup(wb);
  if (steps.length > 0) wb.applySetup(steps);
  const data = workbookData(wb);
  const assigned = writeAssignedIds(wb, data.assignedIds);
  const lines = describe(steps);
  if (assigned > 0) lines.push(checkMsg.assignedIds(assigned));
  const summary = lines.length === 0 ? setupMsg.nothing : [setupMsg.done, ...lines].join('\n');
  return { steps, assignedIds: assigned, summary };
}

/** Writes planned IDs into their blank cells (one batched write per sheet). */
export function writeAssignedIds(wb: WorkbookPort, assigned: { sheet: string; row: number; col: number; id: string }[]): number {
  const bySheet = new Map<string, { row: number; col: number; value: Cell }[]>();
  for (const a of assigned) {
    const list = bySheet.get(a.sheet) ?? [];
    list.push({ row: a.row, col: a.col, value: a.id });
    bySheet.set(a.sheet, list);
  }
  for (const [sheet, cells] of bySheet) wb.writeCells(sheet, cells);
  return assigned.length;
}
