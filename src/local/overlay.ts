/**
 * The in-memory sheets of an offline workbook, and the sidecar file that makes the program's
 * writes durable WITHOUT rewriting the user's `.xlsx`.
 *
 * Decision: the user's workbook is never rewritten. Every write the program makes to an existing
 * workbook (`writeCells`, `appendRow`, `applySetup`) is appended as one JSON record per
 * call to `<workbook>.partnerstvo.jsonl` beside it (fsync'ed before the call returns: the journal's
 * crash-safety depends on it) and replayed over the xlsx values on every open. Notes are kept in
 * memory only (they matter in Google Sheets, not offline).
 *
 * The user may edit and re-export the xlsx between runs, so a write to an xlsx row carries that
 * row's fingerprint: all its values at the time of the write. On replay a row matches the
 * fingerprint when every cell equals the fingerprint's cell, or — for a written cell — the value
 * written (so a workbook that already contains the merged changes still matches). The write goes
 * to the same row number when it matches, else to the only matching row; with no match or several
 * it is dropped with a warning. Rows the program appended are referred to by the append's sequence
 * number, not by row number; an append whose content (as appended or after any later write to it)
 * already is a row of the xlsx (the user merged the changes with `export` and went on with that
 * file) is not appended a second time: it is that row.
 */
import { UserError } from '../core/errors';
import { JOURNAL_STATUS, SHEET } from '../core/data/schema';
import type { Cell, CellWrite, ColumnLayout, SetupStep } from '../ports';
import { sidecarMsg } from '../messages/cli';
import { columnLetter, lastUsedColumn, normalizeHeader } from '../core/data/table';

/** Which row a record is about: an xlsx row (with its fingerprint), an appended row, or a bare number. */
export type RowRef = { row: number; fp?: Cell[] } | { seq: number };

/**
 * The record's version. 2: the journal says `подготовлено` for an email that was only saved. 1 (before
 * it): offline `отправлено` also meant an `.eml` that was only saved — see `OverlayBook.legacySentRows`.
 */
export type SidecarVersion = 1 | 2;
export const SIDECAR_VERSION: SidecarVersion = 2;

export type SidecarRecord =
  | { v: SidecarVersion; op: 'cells'; sheet: string; rows: { ref: RowRef; cells: [number, Cell][] }[] }
  | { v: SidecarVersion; op: 'append'; sheet: string; seq: number; values: Cell[] }
  /** A whole row from column 1: written by earlier versions for journal updates, still replayed. */
  | { v: SidecarVersion; op: 'row'; sheet: string; ref: RowRef; values: Cell[] }
  | { v: SidecarVersion; op: 'setup'; steps: SetupStep[] };

export const SIDECAR_SUFFIX = '.partnerstvo.jsonl';

export function sidecarPathFor(workbookPath: string): string {
  return `${workbookPath}${SIDECAR_SUFFIX}`;
}

// ---------------------------------------------------------------------------------------------
// Encoding: JSON, one record a line, dates as {"$date": "<iso>"}.

function isDateToken(value: unknown): value is { $date: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { $date?: unknown }).$date === 'string'
  );
}

export function encodeRecord(record: SidecarRecord): string {
  return JSON.stringify(record, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: isNaN(raw.getTime()) ? 'invalid' : raw.toISOString() };
    return value;
  });
}

/** A line as read: the record, or null with whether it was JSON at all (a foreign line) or not. */
export function decodeLine(line: string): { record: SidecarRecord | null; json: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line, (_key, value: unknown) => (isDateToken(value) ? new Date(value.$date) : value));
  } catch {
    return { record: null, json: false };
  }
  return { record: isRecord(parsed) ? parsed : null, json: true };
}

export function decodeRecord(line: string): SidecarRecord | null {
  return decodeLine(line).record;
}

function isRef(value: unknown): value is RowRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as { row?: unknown; seq?: unknown; fp?: unknown };
  if (typeof ref.seq === 'number') return true;
  return typeof ref.row === 'number' && ref.row >= 1 && (ref.fp === undefined || Array.isArray(ref.fp));
}

function isRecord(value: unknown): value is SidecarRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.v !== 1 && r.v !== 2) return false;
  switch (r.op) {
    case 'cells':
      return (
        typeof r.sheet === 'string' &&
        Array.isArray(r.rows) &&
        r.rows.every(
          (e: unknown) =>
            typeof e === 'object' && e !== null && isRef((e as { ref?: unknown }).ref) && Array.isArray((e as { cells?: unknown }).cells),
        )
      );
    case 'append':
      return typeof r.sheet === 'string' && typeof r.seq === 'number' && Array.isArray(r.values);
    case 'row':
      return typeof r.sheet === 'string' && isRef(r.ref) && Array.isArray(r.values);
    case 'setup':
      return Array.isArray(r.steps);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells.

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (x instanceof Date || y instanceof Date) {
    return x instanceof Date && y instanceof Date && (x.getTime() === y.getTime() || (isNaN(x.getTime()) && isNaN(y.getTime())));
  }
  return x === y;
}

function sameRow(a: Cell[], b: Cell[]): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

function trimRow(row: readonly Cell[]): Cell[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === undefined)) end--;
  return row.slice(0, end);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A cell as the user would read it in a message (dates in the workbook's UTC convention). */
export function displayCell(value: Cell): string {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return '?';
    const time =
      value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds()
        ? ` ${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}`
        : '';
    return `${pad2(value.getUTCDate())}.${pad2(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}${time}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** `A7 = «П-007», B7 = «…»` (no row number when the row is not known). */
function describeCells(row: number | null, cells: [number, Cell][]): string {
  const shown = cells.slice(0, 3).map(([col, value]) => `${columnLetter(col)}${row ?? ''} = «${displayCell(value)}»`);
  return shown.join(', ') + (cells.length > 3 ? ', …' : '');
}

// ---------------------------------------------------------------------------------------------
// The in-memory workbook with the overlay.

export interface PendingChanges {
  /** Cells of the xlsx's own rows whose value the program changed. */
  cells: { sheet: string; row: number; col: number; value: Cell }[];
  /** Rows the program added after the xlsx's rows, per sheet. */
  appendedRows: { sheet: string; count: number }[];
  /** Sheets the program created. */
  newSheets: string[];
}

/** Sheets as loaded from the file: name and values, row 1 first (the data range). */
export interface LoadedSheet {
  name: string;
  rows: Cell[][];
}

export class OverlayBook {
  private readonly order: string[] = [];
  private readonly sheets = new Map<string, Cell[][]>();
  /** Rows that came from the xlsx file, per sheet (rows after them were added by the program). */
  private readonly baseRows = new Map<string, number>();
  /** The xlsx values as loaded, for what is pending. */
  private readonly base = new Map<string, Cell[][]>();
  /** Append sequence number → where that row is now. */
  private readonly seqRows = new Map<number, { sheet: string; row: number }>();
  private readonly rowSeqs = new Map<string, number>();
  private nextSeq = 1;
  /** Setup steps as actually applied (replayed and new), for the layout when saving. */
  readonly appliedSetup: SetupStep[] = [];
  readonly warnings: string[] = [];

  /** Rows of «Журнал» whose state was last written by a version-1 record saying `отправлено`. */
  private readonly legacySent = new Set<number>();

  constructor(
    loaded: LoadedSheet[],
    /** Where records go; `durable`: the record must be on disk before the call returns. */
    private readonly sink: ((record: SidecarRecord, durable: boolean) => void) | null,
  ) {
    for (const sheet of loaded) {
      const rows = sheet.rows.map((r) => r.slice());
      this.order.push(sheet.name);
      this.sheets.set(sheet.name, rows);
      this.baseRows.set(sheet.name, rows.length);
      this.base.set(sheet.name, sheet.rows.map((r) => r.slice()));
    }
  }

  sheetNames(): string[] {
    return this.order.slice();
  }

  hasSheet(name: string): boolean {
    return this.sheets.has(name);
  }

  /** Rows of the sheet that came from the xlsx file (0 for a sheet the program created). */
  baseRowCount(name: string): number {
    return this.baseRows.get(name) ?? 0;
  }

  /** The data range: a rectangular copy up to the last row and column holding anything. */
  readSheet(name: string): Cell[][] | null {
    const rows = this.sheets.get(name);
    if (!rows) return null;
    let height = rows.length;
    while (height > 0 && lastUsedColumn(rows[height - 1]) === 0) height--;
    let width = 0;
    for (let r = 0; r < height; r++) width = Math.max(width, lastUsedColumn(rows[r]));
    const out: Cell[][] = [];
    for (let r = 0; r < height; r++) {
      const row = rows[r];
      const copy: Cell[] = new Array<Cell>(width);
      for (let c = 0; c < width; c++) copy[c] = row[c] ?? '';
      out.push(copy);
    }
    return out;
  }

  /** Last row holding anything (like `getLastRow`). */
  lastRow(name: string): number {
    const rows = this.sheets.get(name);
    if (!rows) return 0;
    let height = rows.length;
    while (height > 0 && lastUsedColumn(rows[height - 1]) === 0) height--;
    return height;
  }

  private rows(sheet: string): Cell[][] {
    const rows = this.sheets.get(sheet);
    if (!rows) throw new UserError(sidecarMsg.noSheet(sheet));
    return rows;
  }

  private refFor(sheet: string, row: number): RowRef {
    const seq = this.rowSeqs.get(`${sheet}\u0000${row}`);
    if (seq !== undefined) return { seq };
    if (row <= this.baseRowCount(sheet)) return { row, fp: trimRow(this.rows(sheet)[row - 1] ?? []) };
    return { row };
  }

  private persist(record: SidecarRecord, durable: boolean): void {
    if (this.sink) this.sink(record, durable);
  }

  /**
   * Journal rows whose `отправлено` was written by a version-1 record. Before version 2 an offline
   * run without SMTP also journaled the `.eml` it saved as `отправлено`, and the record cannot tell
   * which it was: such rows keep meaning «may have been sent» (never resent by themselves), and the
   * command line names them with the way to send them on purpose.
   */
  legacySentRows(): ReadonlySet<number> {
    return this.legacySent;
  }

  /** Keeps `legacySent` in step with the latest write to a journal row. */
  private trackJournal(version: SidecarVersion, sheet: string, row: number, values: readonly Cell[]): void {
    if (sheet !== SHEET.journal) return;
    if (version === 1 && values.includes(JOURNAL_STATUS.sent)) this.legacySent.add(row);
    else this.legacySent.delete(row);
  }

  writeCells(sheet: string, cells: CellWrite[]): void {
    if (cells.length === 0) return;
    this.rows(sheet);
    const byRow = new Map<number, [number, Cell][]>();
    for (const cell of cells) {
      if (!(cell.row >= 1 && cell.col >= 1)) throw new Error(`bad cell ${cell.row}:${cell.col}`);
      const list = byRow.get(cell.row) ?? [];
      list.push([cell.col, cell.value]);
      byRow.set(cell.row, list);
    }
    const entries = [...byRow].map(([row, list]) => ({ ref: this.refFor(sheet, row), cells: list, row }));
    // Durable with the next claim: nothing is sent on the strength of these cells alone (a journal
    // result lost to a power cut leaves its claim, which becomes «требует проверки»).
    this.persist({ v: SIDECAR_VERSION, op: 'cells', sheet, rows: entries.map((e) => ({ ref: e.ref, cells: e.cells })) }, false);
    for (const entry of entries) {
      this.setCells(sheet, entry.row, entry.cells);
      this.trackJournal(SIDECAR_VERSION, sheet, entry.row, this.rows(sheet)[entry.row - 1] ?? []);
    }
  }

  appendRow(sheet: string, values: Cell[]): number {
    const rows = this.rows(sheet);
    const seq = this.nextSeq;
    // A claim: on disk before anything it announces happens.
    this.persist({ v: SIDECAR_VERSION, op: 'append', sheet, seq, values }, true);
    this.nextSeq++;
    const row = this.lastRow(sheet) + 1;
    rows.length = row - 1;
    rows.push(values.slice());
    this.mapSeq(seq, sheet, row);
    return row;
  }

  applySetup(steps: SetupStep[]): void {
    if (steps.length === 0) return;
    this.persist({ v: SIDECAR_VERSION, op: 'setup', steps }, true);
    this.applySteps(steps);
  }

  private mapSeq(seq: number, sheet: string, row: number): void {
    this.seqRows.set(seq, { sheet, row });
    this.rowSeqs.set(`${sheet}\u0000${row}`, seq);
  }

  private setCells(sheet: string, row: number, cells: [number, Cell][]): void {
    const rows = this.rows(sheet);
    while (rows.length < row) rows.push([]);
    const target = rows[row - 1];
    for (const [col, value] of cells) {
      while (target.length < col - 1) target.push('');
      target[col - 1] = value;
    }
  }

  /** Applies setup steps to the values, never overwriting anything; remembers them for the layout. */
  private applySteps(steps: SetupStep[]): void {
    for (const step of steps) {
      switch (step.kind) {
        case 'createSheet': {
          if (this.sheets.has(step.sheet)) break;
          const rows: Cell[][] = [step.columns.map((c) => c.header), ...(step.rows ?? []).map((r) => r.slice())];
          this.order.push(step.sheet);
          this.sheets.set(step.sheet, rows);
          this.appliedSetup.push(step);
          break;
        }
        case 'addColumns': {
          const rows = this.sheets.get(step.sheet);
          if (!rows) break;
          while (rows.length < step.headerRow) rows.push([]);
          const header = rows[step.headerRow - 1];
          const present = new Set(header.map((h) => normalizeHeader(h)));
          const missing: ColumnLayout[] = step.columns.filter((c) => !present.has(normalizeHeader(c.header)));
          if (missing.length === 0) break;
          const start = Math.max(lastUsedColumn(header), 0) + 1;
          this.setCells(
            step.sheet,
            step.headerRow,
            missing.map((c, i) => [start + i, c.header] as [number, Cell]),
          );
          this.appliedSetup.push({ ...step, afterCol: start - 1, columns: missing });
          break;
        }
        case 'appendRows': {
          const rows = this.sheets.get(step.sheet);
          if (!rows) break;
          for (const values of step.rows) {
            if (rows.some((r) => sameRow(trimRow(r), trimRow(values)))) continue;
            const row = this.lastRow(step.sheet) + 1;
            rows.length = row - 1;
            rows.push(values.slice());
          }
          break;
        }
        case 'freezeHeader':
          if (this.sheets.has(step.sheet)) this.appliedSetup.push(step);
          break;
      }
    }
  }

  /** Replays the sidecar's records over the xlsx values. */
  replay(records: SidecarRecord[]): void {
    const states = appendStates(records);
    const claimed = new Set<string>();
    for (const record of records) {
      switch (record.op) {
        case 'setup':
          this.applySteps(record.steps);
          break;
        case 'append': {
          this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
          const rows = this.sheets.get(record.sheet);
          if (!rows) {
            this.warnings.push(sidecarMsg.missingSheet(record.sheet, describeCells(null, record.values.map((v, i) => [i + 1, v]))));
            break;
          }
          const known = (states.get(record.seq) ?? []).filter((state) => state.length > 0);
          let at = 0;
          const n = this.baseRowCount(record.sheet);
          for (let r = 1; r <= n && at === 0; r++) {
            if (claimed.has(`${record.sheet}\u0000${r}`)) continue;
            const row = trimRow(rows[r - 1] ?? []);
            if (known.some((state) => sameRow(row, state))) at = r;
          }
          if (at === 0) {
            at = this.lastRow(record.sheet) + 1;
            rows.length = at - 1;
            rows.push(record.values.slice());
          }
          claimed.add(`${record.sheet}\u0000${at}`);
          this.mapSeq(record.seq, record.sheet, at);
          this.trackJournal(record.v, record.sheet, at, record.values);
          break;
        }
        case 'row': {
          const cells = record.values.map((v, i) => [i + 1, v] as [number, Cell]);
          const row = this.resolve(record.sheet, record.ref, cells);
          if (row !== null) {
            this.setCells(record.sheet, row, cells);
            this.trackJournal(record.v, record.sheet, row, record.values);
          }
          break;
        }
        case 'cells':
          for (const entry of record.rows) {
            const row = this.resolve(record.sheet, entry.ref, entry.cells);
            if (row !== null) {
              this.setCells(record.sheet, row, entry.cells);
              this.trackJournal(record.v, record.sheet, row, this.rows(record.sheet)[row - 1] ?? []);
            }
          }
          break;
      }
    }
  }

  /** The row a record's reference points at now, or null (with a warning) when there is none. */
  private resolve(sheet: string, ref: RowRef, cells: [number, Cell][]): number | null {
    const what = (row: number) => `${sheet}: ${describeCells(row, cells)}`;
    const rows = this.sheets.get(sheet);
    if (!rows) {
      this.warnings.push(sidecarMsg.missingSheet(sheet, describeCells('seq' in ref ? null : ref.row, cells)));
      return null;
    }
    if ('seq' in ref) {
      const at = this.seqRows.get(ref.seq);
      return at && at.sheet === sheet ? at.row : null;
    }
    if (!ref.fp) return ref.row;
    const fp = ref.fp;
    const written = new Map<number, Cell>(cells);
    const matches = (r: number) => {
      const candidate = rows[r - 1] ?? [];
      const n = Math.max(candidate.length, fp.length);
      for (let i = 0; i < n; i++) {
        if (sameCell(candidate[i], fp[i])) continue;
        const w = written.get(i + 1);
        if (w !== undefined && sameCell(candidate[i], w)) continue;
        return false;
      }
      return true;
    };
    const n = this.baseRowCount(sheet);
    if (ref.row <= n && matches(ref.row)) return ref.row;
    const found: number[] = [];
    for (let r = 1; r <= n; r++) if (matches(r)) found.push(r);
    if (found.length === 1) return found[0];
    if (found.length === 0) this.warnings.push(sidecarMsg.rowNotFound(sheet, ref.row, what(ref.row)));
    else this.warnings.push(sidecarMsg.rowAmbiguous(sheet, ref.row, what(ref.row), found.slice(0, 10)));
    return null;
  }

  /** What the program changed relative to the xlsx as loaded. */
  pending(): PendingChanges {
    const result: PendingChanges = { cells: [], appendedRows: [], newSheets: [] };
    for (const sheet of this.order) {
      const rows = this.sheets.get(sheet) ?? [];
      const base = this.base.get(sheet);
      if (!base) {
        result.newSheets.push(sheet);
        continue;
      }
      const n = this.baseRowCount(sheet);
      for (let r = 0; r < n; r++) {
        const now = rows[r] ?? [];
        const was = base[r] ?? [];
        const width = Math.max(now.length, was.length);
        for (let c = 0; c < width; c++) {
          if (!sameCell(now[c], was[c])) result.cells.push({ sheet, row: r + 1, col: c + 1, value: now[c] ?? '' });
        }
      }
      let added = 0;
      for (let r = n; r < rows.length; r++) if (lastUsedColumn(rows[r]) > 0) added++;
      if (added > 0) result.appendedRows.push({ sheet, count: added });
    }
    return result;
  }

  /** The current values of every sheet (not copies: for saving only). */
  currentRows(sheet: string): readonly (readonly Cell[])[] {
    return this.sheets.get(sheet) ?? [];
  }

  /** The xlsx values of a sheet as loaded (empty for a sheet the program created). */
  baseValues(sheet: string): readonly (readonly Cell[])[] {
    return this.base.get(sheet) ?? [];
  }
}

/**
 * Every content each appended row had: as appended, then after each later write to it. A merged
 * workbook holds one of them (the one at the time of the export), to recognise already-merged rows.
 */
function appendStates(records: SidecarRecord[]): Map<number, Cell[][]> {
  const states = new Map<number, Cell[][]>();
  const put = (seq: number, cells: [number, Cell][]) => {
    const list = states.get(seq);
    if (!list) return;
    const row = list[list.length - 1].slice();
    for (const [col, value] of cells) {
      while (row.length < col - 1) row.push('');
      row[col - 1] = value;
    }
    list.push(trimRow(row));
  };
  for (const record of records) {
    if (record.op === 'append') states.set(record.seq, [trimRow(record.values)]);
    else if (record.op === 'row' && 'seq' in record.ref) put(record.ref.seq, record.values.map((v, i) => [i + 1, v]));
    else if (record.op === 'cells') for (const e of record.rows) if ('seq' in e.ref) put(e.ref.seq, e.cells);
  }
  return states;
}
