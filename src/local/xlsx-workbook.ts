/**
 * The workbook port over an `.xlsx` file (exceljs), for the offline command line.
 *
 * Reads give what Apps Script's `getValues` gives: `''` for blank, numbers, booleans, `Date` for
 * date cells (exceljs dates are UTC-midnight based: the wall clock is in the UTC fields), plain
 * strings for text, rich text and hyperlinks; formulas give their cached result (`''` without one)
 * and error values their text (`#N/A`, `#REF!` …) as Sheets shows them.
 *
 * The user's workbook is never rewritten: the program's writes go to the sidecar file
 * `<workbook>.partnerstvo.jsonl` (see `overlay.ts` for the format and how it is replayed), and
 * `saveMerged` writes a NEW file with them applied (`partnerstvo export`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Cell, CellNote, CellWrite, LocalDateTime, SetupStep, WorkbookPort } from '../ports';
import { cliMsg, PRODUCT_NAME, sidecarMsg } from '../messages/cli';
import { cellAddress } from '../core/data/table';
import { WorkbookFileError } from './exit';
import { displayCell, OverlayBook, sameCell, sidecarPathFor, type LoadedSheet, type PendingChanges, type SidecarRecord } from './overlay';
import { SidecarDamagedError, SidecarFile, type SidecarIo } from './sidecar';
import { nearestExisting } from './paths';
import { freezeRows, layColumns, LISTS_SHEET } from './xlsx-layout';

/** An exceljs value as `getValues` would give it. */
export function valueFromExcel(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : valueFromExcel(value.result);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (typeof text === 'object' && text !== null && 'richText' in text) return valueFromExcel(text as ExcelJS.CellRichTextValue);
    return value.hyperlink;
  }
  return '';
}

export function cellFromExcel(cell: ExcelJS.Cell): Cell {
  // The covered cells of a merge read blank in Sheets; exceljs would give the master's value.
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return valueFromExcel(cell.value);
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function toExcel(value: Cell): ExcelJS.CellValue {
  return value === '' ? null : value;
}

const fileMsg = cliMsg.file;

function fileError(code: string | undefined, file: string): WorkbookFileError {
  if (code === 'ENOENT' || code === 'ENOTDIR') return new WorkbookFileError('missing', file, fileMsg.missing(file));
  return new WorkbookFileError('unreadable', file, fileMsg.unreadable(file));
}

/**
 * The folder a new file goes into is missing or is not a folder: the usage error naming it (a
 * bare «нет доступа или диск переполнен» would send the user looking for the wrong problem).
 */
export function folderProblem(file: string): WorkbookFileError | null {
  const folder = path.dirname(file);
  const found = nearestExisting(folder);
  if (!found) return null;
  if (!found.stat.isDirectory()) return new WorkbookFileError('noFolder', file, fileMsg.notAFolder(file, found.path));
  return found.path === folder ? null : new WorkbookFileError('noFolder', file, fileMsg.noFolder(file, folder));
}

/** Reads the file's bytes, turning every way it can fail into a clear Russian usage error. */
function readWorkbookBytes(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw fileError((error as NodeJS.ErrnoException).code, file);
  }
  if (stat.isDirectory()) throw new WorkbookFileError('isDirectory', file, fileMsg.isDirectory(file));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw fileError((error as NodeJS.ErrnoException).code, file);
  }
  // Every .xlsx is a zip archive: `PK\x03\x04`.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookFileError('notXlsx', file, fileMsg.notXlsx(file));
  }
  return bytes;
}

export type MergedRange = { row: number; col: number; rows: number; cols: number };

/** `B1:C2` → its first cell and size. */
function mergedRange(text: string): MergedRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text.replace(/\$/g, ''));
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1, c2, r2] = [col(m[1]), Number(m[2]), col(m[3]), Number(m[4])];
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

function loadSheets(book: ExcelJS.Workbook): { sheets: LoadedSheet[]; notes: Map<string, Map<string, string>>; merges: Map<string, MergedRange[]> } {
  const sheets: LoadedSheet[] = [];
  const notes = new Map<string, Map<string, string>>();
  const merges = new Map<string, MergedRange[]>();
  for (const ws of book.worksheets) {
    if (ws.name === LISTS_SHEET) continue;
    // exceljs keeps the merged ranges as `A1:B1` texts in the sheet's model.
    const ranges = ((ws.model as { merges?: string[] }).merges ?? []).map(mergedRange).filter((r): r is MergedRange => r !== null);
    if (ranges.length > 0) merges.set(ws.name, ranges);
    const rows: Cell[][] = [];
    const sheetNotes = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const value = cellFromExcel(cell);
        if (value !== '') {
          while (values.length < c - 1) values.push('');
          values[c - 1] = value;
        }
        const note = noteText(cell.note);
        if (note) sheetNotes.set(`${r}:${c}`, note);
      });
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = values;
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    sheets.push({ name: ws.name, rows });
    notes.set(ws.name, sheetNotes);
  }
  return { sheets, notes, merges };
}

export interface SaveOptions {
  /** Replace the target when it exists (never the workbook itself or its sidecar). */
  overwrite?: boolean;
  /** Creation time written into the file's properties (fixed for reproducible files). */
  created?: Date;
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly warningList: string[];
  private writes = 0;
  private merges = new Map<string, MergedRange[]>();

  private constructor(
    private readonly book: ExcelJS.Workbook,
    private readonly overlay: OverlayBook,
    private readonly notes: Map<string, Map<string, string>>,
    /** The workbook file, or null for a workbook that exists only in memory. */
    readonly path: string | null,
    readonly sidecarPath: string | null,
    warnings: string[],
    private readonly sidecar: SidecarFile | null = null,
  ) {
    this.warningList = warnings;
  }

  /** Puts everything written on disk and closes the sidecar (a run's end; exiting does it too). */
  close(): void {
    this.sidecar?.close();
  }

  /** Rows of «Журнал» journaled `отправлено` by a version-1 record (see `OverlayBook.legacySentRows`). */
  legacySentRows(): ReadonlySet<number> {
    return this.overlay.legacySentRows();
  }

  /**
   * Loads the whole workbook into memory and replays the sidecar over it. `persist: false` keeps the program's writes in memory
   * (for `setup --out`, which only writes a new file): neither the workbook nor its sidecar changes.
   */
  static async open(file: string, options: { persist?: boolean; sidecarIo?: SidecarIo } = {}): Promise<XlsxWorkbook> {
    const bytes = readWorkbookBytes(file);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new WorkbookFileError('damaged', file, fileMsg.damaged(file));
    }
    if (book.worksheets.length === 0) throw new WorkbookFileError('notXlsx', file, fileMsg.notXlsx(file));
    const { sheets, notes, merges } = loadSheets(book);

    const sidecarPath = sidecarPathFor(file);
    const sidecar = new SidecarFile(sidecarPath, file, options.sidecarIo);
    let read: ReturnType<SidecarFile['read']>;
    try {
      read = sidecar.read();
    } catch (error) {
      if (error instanceof SidecarDamagedError) throw error;
      throw fileError((error as NodeJS.ErrnoException).code, sidecarPath);
    }
    const persist = (record: SidecarRecord, durable: boolean): void => {
      try {
        sidecar.append(record, durable);
      } catch {
        throw new WorkbookFileError('cannotWrite', sidecarPath, fileMsg.sidecarUnwritable(sidecarPath));
      }
    };
    const overlay = new OverlayBook(sheets, options.persist === false ? null : persist);
    overlay.replay(read.records);
    const wb = new XlsxWorkbook(book, overlay, notes, file, sidecarPath, overlay.warnings, sidecar);
    wb.merges = merges;
    return wb;
  }

  /** An empty workbook in memory only (writes are not persisted until `saveMerged`). */
  static blank(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    return new XlsxWorkbook(book, new OverlayBook([], null), new Map(), null, null, []);
  }

  /** Writes a new workbook laid out by the setup steps and opens it; refuses an existing file. */
  static async create(file: string, steps: SetupStep[], options: Pick<SaveOptions, 'created'> = {}): Promise<XlsxWorkbook> {
    const wb = XlsxWorkbook.blank();
    wb.applySetup(steps);
    await wb.saveMerged(file, { ...options, overwrite: false });
    return XlsxWorkbook.open(file);
  }

  /** Problems met while replaying the sidecar (changes that no longer fit the workbook). */
  warnings(): string[] {
    return this.warningList.slice();
  }

  /** What the program wrote that the xlsx itself does not hold. */
  pending(): PendingChanges {
    return this.overlay.pending();
  }

  /** How many cells, rows and sheets `saveMerged` adds to the xlsx. */
  pendingCount(): number {
    const p = this.pending();
    return p.cells.length + p.newSheets.length + p.appendedRows.reduce((sum, a) => sum + a.count, 0);
  }

  /** A Russian notice of what the sidecar holds that the xlsx does not, or null when nothing. */
  pendingNotice(maxCells = 20): string | null {
    if (!this.path || !this.sidecarPath) return null;
    const p = this.pending();
    if (p.cells.length === 0 && p.appendedRows.length === 0 && p.newSheets.length === 0) return null;
    const workbook = path.basename(this.path);
    const lines = [sidecarMsg.pendingHeader(workbook, path.basename(this.sidecarPath))];
    for (const sheet of p.newSheets) lines.push(sidecarMsg.pendingSheet(sheet));
    for (const cell of p.cells.slice(0, maxCells)) {
      lines.push(sidecarMsg.pendingCell(cellAddress(cell.sheet, cell.row, cell.col), displayCell(cell.value)));
    }
    if (p.cells.length > maxCells) lines.push(sidecarMsg.pendingMoreCells(p.cells.length - maxCells));
    for (const added of p.appendedRows) lines.push(sidecarMsg.pendingRows(added.sheet, added.count));
    lines.push(sidecarMsg.pendingHint(this.path));
    return lines.join('\n');
  }

  // --- WorkbookPort ---------------------------------------------------------------------------

  get revision(): number {
    return this.writes;
  }

  sheetNames(): string[] {
    return this.overlay.sheetNames();
  }

  readSheet(name: string): Cell[][] | null {
    return this.overlay.readSheet(name);
  }

  readMerges(name: string): MergedRange[] {
    return (this.merges.get(name) ?? []).map((m) => ({ ...m }));
  }

  readNotes(name: string): string[][] {
    const values = this.overlay.readSheet(name);
    if (!values) return [];
    const notes = this.notes.get(name);
    return values.map((row, r) => row.map((_v, c) => notes?.get(`${r + 1}:${c + 1}`) ?? ''));
  }

  writeCells(sheet: string, cells: CellWrite[]): void {
    this.writes++;
    this.overlay.writeCells(sheet, cells);
  }

  /** Notes are kept in memory only: offline nobody sees them, and the xlsx is never rewritten. */
  setNotes(sheet: string, notes: CellNote[]): void {
    let map = this.notes.get(sheet);
    if (!map) {
      map = new Map();
      this.notes.set(sheet, map);
    }
    for (const n of notes) {
      if (n.note === '') map.delete(`${n.row}:${n.col}`);
      else map.set(`${n.row}:${n.col}`, n.note);
    }
  }

  appendRow(sheet: string, values: Cell[]): number {
    this.writes++;
    return this.overlay.appendRow(sheet, values);
  }

  applySetup(steps: SetupStep[]): void {
    this.writes++;
    this.overlay.applySetup(steps);
  }

  cellDate(value: Date): LocalDateTime {
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      hour: value.getUTCHours(),
      minute: value.getUTCMinutes(),
      second: value.getUTCSeconds(),
    };
  }

  toCellDate(value: LocalDateTime): Date {
    return new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second));
  }

  // --- Saving ---------------------------------------------------------------------------------

  /**
   * Writes a NEW `.xlsx`: the workbook as loaded (formatting, formulas, other sheets kept) with
   * everything the program wrote applied. Refuses the workbook itself and its sidecar, and an
   * existing file unless `overwrite`.
   */
  async saveMerged(file: string, options: SaveOptions = {}): Promise<void> {
    const target = path.resolve(file);
    for (const own of [this.path, this.sidecarPath]) {
      if (own && sameFile(own, target)) throw new WorkbookFileError('sameAsInput', file, cliMsg.export.sameAsInput(file));
    }
    if (!options.overwrite && fs.existsSync(target)) {
      throw new WorkbookFileError('exists', file, this.path ? cliMsg.export.outExists(file) : fileMsg.exists(file));
    }
    // Before the (slow) merge: a folder that is not there is not worth waiting for.
    const noFolder = folderProblem(file);
    if (noFolder) throw noFolder;
    const bytes = await this.mergedBytes(options.created);
    try {
      fs.writeFileSync(target, bytes, { flag: options.overwrite ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new WorkbookFileError('exists', file, this.path ? cliMsg.export.outExists(file) : fileMsg.exists(file));
      }
      throw folderProblem(file) ?? new WorkbookFileError('cannotWrite', file, fileMsg.cannotWrite(file));
    }
  }

  /** The bytes `saveMerged` writes. */
  async mergedBytes(created?: Date): Promise<Buffer> {
    const book = this.book;
    if (!this.path) {
      book.creator = PRODUCT_NAME;
      book.created = created ?? new Date();
    }
    book.modified = created ?? new Date();
    this.layOut(book);
    for (const name of this.overlay.sheetNames()) {
      const ws = book.getWorksheet(name) ?? book.addWorksheet(name);
      const now = this.overlay.currentRows(name);
      const base = this.overlay.baseValues(name);
      now.forEach((row, r) => {
        row.forEach((value, c) => {
          if (sameCell(value, base[r]?.[c])) return;
          const cell = ws.getCell(r + 1, c + 1);
          cell.value = toExcel(value);
          if (value instanceof Date && (!cell.numFmt || cell.numFmt === 'General')) {
            const hasTime = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds();
            cell.numFmt = hasTime ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy';
          }
        });
      });
    }
    const out = await book.xlsx.writeBuffer();
    return Buffer.from(out as ArrayBuffer);
  }

  /** Sheets, headers, widths, validation and frozen rows for the setup the program applied. */
  private layOut(book: ExcelJS.Workbook): void {
    for (const step of this.overlay.appliedSetup) {
      switch (step.kind) {
        case 'createSheet': {
          if (book.getWorksheet(step.sheet)) break;
          const ws = book.addWorksheet(step.sheet);
          layColumns(book, ws, 1, 1, step.columns, step.rows?.length ?? 0);
          freezeRows(ws, 1);
          break;
        }
        case 'addColumns': {
          const ws = book.getWorksheet(step.sheet);
          if (ws) layColumns(book, ws, step.headerRow, step.afterCol + 1, step.columns, this.overlay.lastRow(step.sheet));
          break;
        }
        case 'freezeHeader': {
          const ws = book.getWorksheet(step.sheet);
          if (ws) freezeRows(ws, step.headerRow);
          break;
        }
        case 'appendRows':
          break;
      }
    }
    // The hidden lists sheet goes last in tab order.
    // (exceljs orders tabs by `orderNo`, which its typings omit.)
    const lists = book.getWorksheet(LISTS_SHEET) as (ExcelJS.Worksheet & { orderNo: number }) | undefined;
    if (lists) {
      const orders = book.worksheets.map((w) => (w as ExcelJS.Worksheet & { orderNo: number }).orderNo);
      lists.orderNo = Math.max(...orders) + 1;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
