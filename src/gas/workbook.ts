/**
 * The workbook port over a Google Sheet. Reads are one `getValues` per sheet per run (cached and kept
 * in step with our own writes); writes are batched into contiguous blocks so that cells in between,
 * which may hold formulas, are never overwritten; an appended row (a journal claim) is flushed
 * before `appendRow` returns, a rewritten row rides along with the next flush.
 */
import type { Cell, CellNote, CellWrite, ColumnLayout, ColumnValidation, LocalDateTime, SetupStep, WorkbookPort } from '../ports';
import { gasMsg, validationHelp } from '../messages/gas';
import { UserError } from '../core/errors';
import { HEADER_SEARCH_ROWS } from '../core/data/table';
import { ZoneOffsets } from './time-zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A rectangle of cells to write with one call: `values[r][c]` goes to (row + r, col + c). */
export interface Block<T> {
  row: number;
  col: number;
  values: T[][];
}

/**
 * Groups cell writes into blocks: contiguous vertical runs per column, then neighbouring columns whose
 * runs cover exactly the same rows are merged. No block covers a cell that was not asked for; a later
 * write to the same cell wins.
 */
export function blocksOf<T>(cells: readonly { row: number; col: number; value: T }[]): Block<T>[] {
  const byCol = new Map<number, Map<number, T>>();
  for (const c of cells) {
    if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 1 || c.col < 1) throw new RangeError(`Bad cell ${c.row}:${c.col}`);
    const col = byCol.get(c.col) ?? new Map<number, T>();
    col.set(c.row, c.value);
    byCol.set(c.col, col);
  }
  const runs: { col: number; row: number; values: T[] }[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(col) as Map<number, T>;
    let run: { col: number; row: number; values: T[] } | null = null;
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      if (run && run.row + run.values.length === row) run.values.push(rows.get(row) as T);
      else {
        run = { col, row, values: [rows.get(row) as T] };
        runs.push(run);
      }
    }
  }
  const blocks: Block<T>[] = [];
  const open = new Map<string, Block<T>>(); // key: row span; value: the block ending at the previous column
  for (const run of runs) {
    const span = `${run.row}:${run.values.length}`;
    const block = open.get(span);
    if (block && block.col + (block.values[0]?.length ?? 0) === run.col) {
      run.values.forEach((v, i) => block.values[i]?.push(v));
    } else {
      const fresh: Block<T> = { row: run.row, col: run.col, values: run.values.map((v) => [v]) };
      blocks.push(fresh);
      open.set(span, fresh);
    }
  }
  return blocks;
}

function ruleFor(validation: ColumnValidation): GoogleAppsScript.Spreadsheet.DataValidation | null {
  switch (validation.kind) {
    case 'list':
      return SpreadsheetApp.newDataValidation()
        .requireValueInList([...validation.options], true)
        .setAllowInvalid(validation.allowOther ?? false)
        .setHelpText(validationHelp.list(validation.options))
        .build();
    case 'checkbox':
      return SpreadsheetApp.newDataValidation().requireCheckbox().build();
    case 'date':
      return SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true).setHelpText(validationHelp.date).build();
    case 'number':
      return SpreadsheetApp.newDataValidation()
        .requireNumberGreaterThanOrEqualTo(validation.min ?? 0)
        .setAllowInvalid(true)
        .setHelpText(validationHelp.number(validation.min ?? 0))
        .build();
    case 'none':
      return null;
  }
}

export class SheetsWorkbook implements WorkbookPort {
  private readonly ss: Spreadsheet;
  private readonly values = new Map<string, Cell[][] | null>();
  private readonly notes = new Map<string, string[][]>();
  private zone: string | null = null;
  /** Date cells and the clock read through the same offsets. */
  readonly offsets = new ZoneOffsets(() => this.timeZone());
  private writes = 0;

  constructor(spreadsheet: Spreadsheet) {
    this.ss = spreadsheet;
  }

  get revision(): number {
    return this.writes;
  }

  /** The spreadsheet's time zone (read once). */
  timeZone(): string {
    if (this.zone === null) this.zone = this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  /** Sheet handles and their sizes, looked up once per run: a letter's journal writes stay cheap. */
  private readonly handles = new Map<string, Sheet>();
  private readonly sizes = new Map<string, { rows: number; cols: number }>();

  private sheet(name: string): Sheet {
    const known = this.handles.get(name);
    if (known) return known;
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new UserError(gasMsg.noSheet(name));
    this.handles.set(name, sheet);
    return sheet;
  }

  readSheet(name: string): Cell[][] | null {
    if (!this.values.has(name)) {
      const sheet = this.ss.getSheetByName(name);
      let rows: Cell[][] | null = null;
      if (sheet) {
        rows = sheet.getDataRange().getValues() as Cell[][];
        if (rows.length === 1 && rows[0]?.length === 1 && rows[0][0] === '') rows = [];
      }
      this.values.set(name, rows);
    }
    const cached = this.values.get(name) ?? null;
    return cached && cached.map((r) => r.slice());
  }

  private readonly merges = new Map<string, { row: number; col: number; rows: number; cols: number }[]>();

  /**
   * Merged blocks among the rows where a header may be (one call per sheet per run): a header
   * merged over its neighbours hides theirs, since covered cells read blank.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   */
  readMerges(name: string): { row: number; col: number; rows: number; cols: number }[] {
    if (!this.merges.has(name)) {
      const values = this.readSheet(name);
      const rows = Math.min(values?.length ?? 0, HEADER_SEARCH_ROWS);
      const cols = values?.[0]?.length ?? 0;
      const sheet = rows > 0 && cols > 0 ? this.ss.getSheetByName(name) : null;
      const found = sheet
        ? sheet
            .getRange(1, 1, rows, cols)
            .getMergedRanges()
            .map((r) => ({ row: r.getRow(), col: r.getColumn(), rows: r.getNumRows(), cols: r.getNumColumns() }))
        : [];
      this.merges.set(name, found);
    }
    return (this.merges.get(name) ?? []).map((m) => ({ ...m }));
  }

  readNotes(name: string): string[][] {
    if (!this.notes.has(name)) {
      const sheet = this.ss.getSheetByName(name);
      let notes: string[][] = [];
      if (sheet) {
        notes = sheet.getDataRange().getNotes();
        if (notes.length === 1 && notes[0]?.length === 1 && notes[0][0] === '' && (this.readSheet(name)?.length ?? 0) === 0) notes = [];
      }
      this.notes.set(name, notes);
    }
    return (this.notes.get(name) ?? []).map((r) => r.slice());
  }

  /** Keeps the cached copy of a sheet in step with a write we made. */
  private remember<T>(cache: Map<string, T[][] | null>, sheet: string, row: number, col: number, value: T, blank: T): void {
    const rows = cache.get(sheet);
    if (!rows) return;
    while (rows.length < row) rows.push(new Array<T>(rows[0]?.length ?? 0).fill(blank));
    const width = Math.max(rows[0]?.length ?? 0, col);
    if (col > (rows[0]?.length ?? 0)) for (const r of rows) while (r.length < width) r.push(blank);
    const r = rows[row - 1];
    if (r) {
      while (r.length < width) r.push(blank);
      r[col - 1] = value;
    }
  }

  /** Makes sure the sheet has at least this many rows and columns (its size is asked once per run). */
  private ensureSize(name: string | null, sheet: Sheet, rows: number, cols: number): void {
    // `null`: during setup, which reshapes sheets, ask every time.
    let size = name === null ? undefined : this.sizes.get(name);
    if (!size) {
      size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() };
      if (name !== null) this.sizes.set(name, size);
    }
    if (rows > size.rows) {
      sheet.insertRowsAfter(size.rows, rows - size.rows);
      size.rows = rows;
    }
    if (cols > size.cols) {
      sheet.insertColumnsAfter(size.cols, cols - size.cols);
      size.cols = cols;
    }
  }

  writeCells(sheetName: string, cells: CellWrite[]): void {
    if (cells.length === 0) return;
    this.writes++;
    const sheet = this.sheet(sheetName);
    const blocks = blocksOf(cells);
    this.ensureSize(sheetName, sheet, Math.max(...cells.map((c) => c.row)), Math.max(...cells.map((c) => c.col)));
    for (const b of blocks) sheet.getRange(b.row, b.col, b.values.length, b.values[0]?.length ?? 1).setValues(b.values);
    for (const c of cells) this.remember(this.values, sheetName, c.row, c.col, c.value, '');
  }

  setNotes(sheetName: string, notes: CellNote[]): void {
    if (notes.length === 0) return;
    const sheet = this.sheet(sheetName);
    const blocks = blocksOf(notes.map((n) => ({ row: n.row, col: n.col, value: n.note })));
    this.ensureSize(sheetName, sheet, Math.max(...notes.map((n) => n.row)), Math.max(...notes.map((n) => n.col)));
    for (const b of blocks) sheet.getRange(b.row, b.col, b.values.length, b.values[0]?.length ?? 1).setNotes(b.values);
    for (const n of notes) this.remember(this.notes, sheetName, n.row, n.col, n.note, '');
  }

  appendRow(sheetName: string, values: Cell[]): number {
    this.writes++;
    const sheet = this.sheet(sheetName);
    // `appendRow` writes after the last row with content, which is the data range we read. Jobs
    // append only to «Журнал», which only the program writes, and only while holding the lock, so
    // the cached length is the sheet's; without a cached read, ask the sheet.
    const cached = this.values.get(sheetName);
    sheet.appendRow(values);
    SpreadsheetApp.flush();
    const row = cached ? cached.length + 1 : sheet.getLastRow();
    const size = this.sizes.get(sheetName);
    if (size) {
      size.rows = Math.max(size.rows, row);
      size.cols = Math.max(size.cols, values.length);
    }
    values.forEach((v, i) => this.remember(this.values, sheetName, row, i + 1, v, ''));
    return row;
  }

  applySetup(steps: SetupStep[]): void {
    this.writes++;
    this.sizes.clear(); // setup inserts rows and columns
    for (const step of steps) {
      switch (step.kind) {
        case 'createSheet': {
          if (this.ss.getSheetByName(step.sheet)) throw new UserError(gasMsg.sheetExists(step.sheet));
          const sheet = this.ss.insertSheet(step.sheet, this.ss.getNumSheets());
          this.layColumns(sheet, 1, 1, step.columns);
          sheet.setFrozenRows(1);
          if (step.rows && step.rows.length > 0) this.appendBlock(sheet, 2, step.rows);
          break;
        }
        case 'addColumns': {
          const sheet = this.sheet(step.sheet);
          // After whatever is used in any row, so no user data ends up under a new header.
          const after = Math.max(step.afterCol, sheet.getLastColumn());
          this.layColumns(sheet, step.headerRow, after + 1, step.columns);
          break;
        }
        case 'appendRows': {
          const sheet = this.sheet(step.sheet);
          if (step.rows.length > 0) this.appendBlock(sheet, sheet.getLastRow() + 1, step.rows);
          break;
        }
        case 'freezeHeader': {
          const sheet = this.sheet(step.sheet);
          if (sheet.getFrozenRows() !== step.headerRow) sheet.setFrozenRows(step.headerRow);
          break;
        }
      }
      this.values.delete(step.sheet);
      this.notes.delete(step.sheet);
      this.merges.delete(step.sheet);
    }
    if (steps.length > 0) SpreadsheetApp.flush();
    this.sizes.clear();
  }

  private appendBlock(sheet: Sheet, row: number, rows: Cell[][]): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const padded = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    this.ensureSize(null, sheet, row + rows.length - 1, width);
    sheet.getRange(row, 1, rows.length, width).setValues(padded);
  }

  /** Header cells, bold, widths, validation and formats from the row below the header down, hints as notes. */
  private layColumns(sheet: Sheet, headerRow: number, firstCol: number, columns: ColumnLayout[]): void {
    if (columns.length === 0) return;
    const lastCol = firstCol + columns.length - 1;
    this.ensureSize(null, sheet, headerRow + 1, lastCol);
    const header = sheet.getRange(headerRow, firstCol, 1, columns.length);
    header.setValues([columns.map((c) => c.header)]);
    header.setFontWeight('bold');
    if (columns.some((c) => c.hint)) header.setNotes([columns.map((c) => c.hint ?? '')]);
    const maxRows = sheet.getMaxRows();
    const dataRows = maxRows - headerRow;
    columns.forEach((c, i) => {
      const col = firstCol + i;
      sheet.setColumnWidth(col, c.width);
      if (dataRows < 1) return;
      const rule = ruleFor(c.validation);
      if (rule || c.numberFormat) {
        const range = sheet.getRange(headerRow + 1, col, dataRows, 1);
        if (rule) range.setDataValidation(rule);
        if (c.numberFormat) range.setNumberFormat(c.numberFormat);
      }
    });
  }

  cellDate(value: Date): LocalDateTime {
    return this.offsets.wall(value.getTime());
  }

  toCellDate(value: LocalDateTime): Date {
    return this.offsets.instant(value);
  }
}
