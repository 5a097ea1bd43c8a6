/**
 * An in-memory WorkbookPort for core tests: sheets as arrays, dates stored as UTC wall-clock
 * instants (like exceljs), every call counted, and optional failure at call N.
 */
import type { Cell, CellNote, CellWrite, LocalDateTime, SetupStep, WorkbookPort } from '../../src/ports';

export class MemoryWorkbook implements WorkbookPort {
  sheets = new Map<string, Cell[][]>();
  notes = new Map<string, string[][]>();
  calls: string[] = [];
  /** Throws on this call number (1-based) when set. */
  failAt: number | null = null;
  revision = 0;

  constructor(init: Record<string, Cell[][]> = {}) {
    for (const [name, rows] of Object.entries(init)) this.sheets.set(name, rows.map((r) => [...r]));
  }

  private call(name: string): void {
    this.calls.push(name);
    if (this.failAt !== null && this.calls.length === this.failAt) throw new Error(`fail at call ${this.failAt} (${name})`);
  }

  /** A person's edit between two executions (1-based): the next parse must see it. */
  edit(sheet: string, row: number, col: number, value: Cell): void {
    this.set(this.sheet(sheet), row, col, value);
    this.revision++;
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  readSheet(name: string): Cell[][] | null {
    this.call(`read:${name}`);
    const rows = this.sheets.get(name);
    if (!rows) return null;
    const width = Math.max(0, ...rows.map((r) => r.length));
    return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i])));
  }

  readNotes(name: string): string[][] {
    const rows = this.sheets.get(name) ?? [];
    const notes = this.notes.get(name) ?? [];
    const width = Math.max(0, ...rows.map((r) => r.length));
    return rows.map((_, r) => Array.from({ length: width }, (_, c) => notes[r]?.[c] ?? ''));
  }

  private sheet(name: string): Cell[][] {
    const rows = this.sheets.get(name);
    if (!rows) throw new Error(`no sheet ${name}`);
    return rows;
  }

  private set(rows: Cell[][], row: number, col: number, value: Cell): void {
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < col) r.push('');
    r[col - 1] = value;
  }

  writeCells(sheet: string, cells: CellWrite[]): void {
    this.call(`write:${sheet}`);
    this.revision++;
    const rows = this.sheet(sheet);
    for (const c of cells) this.set(rows, c.row, c.col, c.value);
  }

  setNotes(sheet: string, notes: CellNote[]): void {
    this.call(`notes:${sheet}`);
    const grid = this.notes.get(sheet) ?? [];
    for (const n of notes) {
      while (grid.length < n.row) grid.push([]);
      grid[n.row - 1][n.col - 1] = n.note;
    }
    this.notes.set(sheet, grid);
  }

  appendRow(sheet: string, values: Cell[]): number {
    this.call(`append:${sheet}`);
    this.revision++;
    const rows = this.sheet(sheet);
    rows.push([...values]);
    return rows.length;
  }

  applySetup(steps: SetupStep[]): void {
    this.call('setup');
    this.revision++;
    for (const step of steps) {
      if (step.kind === 'createSheet') this.sheets.set(step.sheet, [step.columns.map((c) => c.header), ...(step.rows ?? [])]);
      else if (step.kind === 'addColumns') {
        const rows = this.sheet(step.sheet);
        step.columns.forEach((c, i) => this.set(rows, step.headerRow, step.afterCol + i + 1, c.header));
      } else if (step.kind === 'appendRows') this.sheet(step.sheet).push(...step.rows.map((r) => [...r]));
    }
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

  toCellDate(v: LocalDateTime): Date {
    return new Date(Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second));
  }
}

/**
 * The header and the letterhead rows of «Настройки» every letter needs, as staff fill them in the
 * tests' workbooks (a fresh copy each time: tests add their own rows after them).
 */
export const centreSettings = (): Cell[][] => [
  ['Параметр', 'Значение'],
  ['Руководитель (ФИО)', 'Лаврентьева Светлана Андреевна'],
  ['Адрес учреждения', 'пос. Примерный, ул. Школьная, 1'],
  ['Телефон учреждения', '+7 (000) 000-00-00'],
  ['Исполнитель (ФИО)', 'Кузьмина Ольга Викторовна'],
  ['Телефон исполнителя', '+7 (000) 000-00-01'],
  ['Email для ответов', 'rovesnik@example.org'],
];

export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
