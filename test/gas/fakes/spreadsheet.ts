/**
 * Fakes of SpreadsheetApp: the data lives in plain models (`SpreadsheetModel`, `SheetModel`), and the
 * Apps Script objects (`FakeSpreadsheet`, `FakeSheet`, `FakeRange`, …) are counted facades over them.
 * Faithful where it matters: 1-based ranges, out-of-bounds errors, `getValues` copies with `''` for
 * blanks and `Date`s of the caller's realm, `getDataRange`/`getLastRow` by content.
 */
import type { Cell } from '../../../src/ports';
import { type Fake, type FakeEnv, Instrumented, isDate } from './env';
import { FakeUser } from './services';
import type { UiRecorder } from './ui';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

/** A validation rule as recorded on a cell. */
export interface ValidationRule {
  criteria: 'VALUE_IN_LIST' | 'CHECKBOX' | 'DATE_IS_VALID_DATE' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

const key = (row: number, col: number): string => `${row}:${col}`;
const unkey = (k: string): [number, number] => k.split(':').map(Number) as [number, number];

function copyCell(value: Cell): Cell {
  return isDate(value) ? new Date(value.getTime()) : value;
}

/** What `setValues` stores for a JavaScript value. */
function storedValue(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** One sheet's data. Plain state; every change goes through methods that can be undone. */
export class SheetModel {
  readonly id: number;
  name: string;
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLUMNS;
  /** Row-major, ragged; missing cells are blank. */
  grid: Cell[][] = [];
  notes = new Map<string, string>();
  validations = new Map<string, ValidationRule>();
  formats = new Map<string, string>();
  fontWeights = new Map<string, string>();
  backgrounds = new Map<string, string>();
  widths = new Map<number, number>();
  frozenRows = 0;
  frozenCols = 0;
  /** Merged blocks, 1-based. Only the top-left cell of a merge keeps a value (see `FakeRange.merge`). */
  merges: { row: number; col: number; rows: number; cols: number }[] = [];

  constructor(id: number, name: string) {
    this.id = id;
    this.name = name;
  }

  get(row: number, col: number): Cell {
    return this.grid[row - 1]?.[col - 1] ?? '';
  }

  /** Sets a value and returns how to undo it. */
  set(row: number, col: number, value: Cell): () => void {
    const before = this.get(row, col);
    while (this.grid.length < row) this.grid.push([]);
    const r = this.grid[row - 1] as Cell[];
    while (r.length < col - 1) r.push('');
    r[col - 1] = value;
    return () => {
      const back = this.grid[row - 1];
      if (back) back[col - 1] = before;
    };
  }

  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) if ((this.grid[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  }

  lastCol(): number {
    let last = 0;
    for (const row of this.grid) for (let c = row.length; c > last; c--) if (row[c - 1] !== '') { last = c; break; }
    return last;
  }

  /** Inserts blank columns after `after`, moving everything to its right. */
  insertColumns(after: number, count: number): void {
    for (const row of this.grid) if (row.length > after) row.splice(after, 0, ...new Array<Cell>(count).fill(''));
    for (const map of [this.notes, this.validations, this.formats, this.fontWeights, this.backgrounds] as Map<string, unknown>[]) {
      const moved = [...map.entries()].map(([k, v]) => {
        const [r, c] = unkey(k);
        return [c > after ? key(r, c + count) : k, v] as const;
      });
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
    const widths = [...this.widths.entries()].map(([c, w]) => [c > after ? c + count : c, w] as const);
    this.widths = new Map(widths);
    this.maxCols += count;
  }

  /** Inserts blank rows after `after`, moving everything below. */
  insertRows(after: number, count: number): void {
    if (this.grid.length > after) this.grid.splice(after, 0, ...Array.from({ length: count }, () => [] as Cell[]));
    for (const map of [this.notes, this.validations, this.formats, this.fontWeights, this.backgrounds] as Map<string, unknown>[]) {
      const moved = [...map.entries()].map(([k, v]) => {
        const [r, c] = unkey(k);
        return [r > after ? key(r + count, c) : k, v] as const;
      });
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
    this.maxRows += count;
  }

  /** Everything about the sheet, JSON-comparable (dates as `Date(iso)`), for "nothing changed" tests. */
  snapshot(): unknown {
    const cell = (v: Cell): unknown => (isDate(v) ? `Date(${v.toISOString()})` : v);
    const rows = this.grid.slice(0, this.lastRow()).map((r) => {
      const out = r.map(cell);
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      return out;
    });
    const sorted = <V>(m: Map<string | number, V>): Record<string, V> =>
      Object.fromEntries([...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([k, v]) => [String(k), v]));
    return {
      name: this.name,
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      frozenRows: this.frozenRows,
      frozenCols: this.frozenCols,
      values: rows,
      notes: sorted(this.notes),
      validations: sorted(this.validations),
      formats: sorted(this.formats),
      fontWeights: sorted(this.fontWeights),
      backgrounds: sorted(this.backgrounds),
      widths: sorted(this.widths),
    };
  }
}

export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  sheets: SheetModel[] = [];
  activeSheetIndex = 0;
  /** What `getActiveRange` returns: a sheet and a 1-based rectangle. */
  activeRange: { sheet: string; row: number; col: number; numRows: number; numCols: number } | null = null;
  toasts: { message: string; title: string; timeoutSeconds: number | null }[] = [];
  /** Who may edit the spreadsheet (and so run its bound script's menus); the owner first. Empty: only the default user. */
  editors: string[] = [];
  private nextSheetId = 0;

  constructor(id: string, name: string, timeZone: string) {
    this.id = id;
    this.name = name;
    this.timeZone = timeZone;
  }

  addEditor(email: string): void {
    if (!this.editors.some((e) => e.toLowerCase() === email.toLowerCase())) this.editors.push(email);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this.nextSheetId++, name);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The values of a sheet as the user sees them (trimmed to the used area). */
  values(name: string): Cell[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows = sheet.lastRow();
    const cols = sheet.lastCol();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => copyCell(sheet.get(r + 1, c + 1))));
  }

  snapshot(): unknown {
    return { name: this.name, timeZone: this.timeZone, sheets: this.sheets.map((s) => s.snapshot()) };
  }
}

/** Seeds a spreadsheet: `{ 'Партнёры': [[...header], [...row]] }`; `null`/`undefined` cells are blank. */
export function spreadsheetFromSheets(
  sheets: Record<string, readonly (readonly (Cell | null | undefined)[])[]>,
  options: { timeZone?: string; name?: string; id?: string } = {},
): SpreadsheetModel {
  const model = new SpreadsheetModel(options.id ?? 'ss-1', options.name ?? 'Партнёрство', options.timeZone ?? 'Europe/Moscow');
  const names = Object.keys(sheets);
  if (names.length === 0) model.addSheet('Лист1');
  for (const name of names) {
    const sheet = model.addSheet(name);
    const rows = sheets[name] ?? [];
    rows.forEach((row, r) => row.forEach((v, c) => sheet.set(r + 1, c + 1, storedValue(v))));
    sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
    sheet.maxCols = Math.max(DEFAULT_COLUMNS, ...rows.map((r) => r.length));
  }
  return model;
}

/** `A` → 1, `AA` → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Shared state behind all facades of one installation. */
export interface SpreadsheetWorld {
  env: FakeEnv;
  spreadsheet: SpreadsheetModel | null;
  ui: UiRecorder;
}

export class FakeDataValidation
  extends Instrumented
  implements Fake<GoogleAppsScript.Spreadsheet.DataValidation, 'getAllowInvalid' | 'getHelpText' | 'getCriteriaValues'>
{
  readonly rule: ValidationRule;
  constructor(env: FakeEnv, rule: ValidationRule) {
    super(env, 'SpreadsheetApp', 'DataValidation');
    this.rule = rule;
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.values];
  }
}

export class FakeDataValidationBuilder
  extends Instrumented
  implements
    Fake<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      'requireValueInList' | 'requireCheckbox' | 'requireDate' | 'requireNumberGreaterThanOrEqualTo' | 'setAllowInvalid' | 'setHelpText' | 'build'
    >
{
  private rule: ValidationRule | null = null;
  private allowInvalid = true;
  private helpText = '';
  constructor(env: FakeEnv) {
    super(env, 'SpreadsheetApp', 'DataValidationBuilder');
  }
  requireValueInList(values: string[], showDropdown?: boolean): this {
    if (!Array.isArray(values) || values.length === 0) throw this.env.error('Invalid argument: values');
    if (values.some((v) => String(v).length > 255)) throw this.env.error('Invalid argument: values');
    this.rule = { criteria: 'VALUE_IN_LIST', values: [[...values], showDropdown ?? true], allowInvalid: true, helpText: '' };
    return this;
  }
  requireCheckbox(): this {
    this.rule = { criteria: 'CHECKBOX', values: [], allowInvalid: true, helpText: '' };
    return this;
  }
  requireDate(): this {
    this.rule = { criteria: 'DATE_IS_VALID_DATE', values: [], allowInvalid: true, helpText: '' };
    return this;
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.rule = { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [number], allowInvalid: true, helpText: '' };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    if (!this.rule) throw this.env.error('You must specify a criteria type for a data validation rule.');
    return new FakeDataValidation(this.env, { ...this.rule, allowInvalid: this.allowInvalid, helpText: this.helpText });
  }
}

type RangeMethods =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getNotes'
  | 'setNotes'
  | 'getNote'
  | 'setNote'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNumberFormats'
  | 'setFontWeight'
  | 'setBackground'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'clearContent'
  | 'merge'
  | 'getMergedRanges';

export class FakeRange extends Instrumented implements Fake<GasRange, RangeMethods> {
  private readonly world: SpreadsheetWorld;
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;

  constructor(world: SpreadsheetWorld, sheet: SheetModel, row: number, col: number, numRows: number, numCols: number) {
    super(world.env, 'SpreadsheetApp', 'Range');
    const env = world.env;
    for (const n of [row, col, numRows, numCols]) if (!Number.isInteger(n)) throw env.error(`Cannot convert '${String(n)}' to int.`);
    if (numRows < 1) throw env.error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw env.error('The number of columns in the range must be at least 1.');
    if (row < 1 || row + numRows - 1 > sheet.maxRows) throw env.error('Those rows are out of bounds.');
    if (col < 1 || col + numCols - 1 > sheet.maxCols) throw env.error('Those columns are out of bounds.');
    this.world = world;
    this.sheet = sheet;
    this.row = row;
    this.col = col;
    this.numRows = numRows;
    this.numCols = numCols;
  }

  fakeDetail(): string {
    return `${this.sheet.name}!${this.a1()}`;
  }

  private a1(): string {
    const start = `${columnLetters(this.col)}${this.row}`;
    if (this.numRows === 1 && this.numCols === 1) return start;
    return `${start}:${columnLetters(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }

  private each<T>(fn: (row: number, col: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, r) => Array.from({ length: this.numCols }, (_, c) => fn(this.row + r, this.col + c)));
  }

  private checkShape(data: unknown, what: string): unknown[][] {
    const env = this.world.env;
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) throw env.error(`The parameters (${what}) don't match the method signature.`);
    const rows = data as unknown[][];
    if (rows.length !== this.numRows)
      throw env.error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.numRows}.`);
    for (const r of rows)
      if (r.length !== this.numCols)
        throw env.error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`);
    return rows;
  }

  private realmCell(value: Cell): Cell {
    return isDate(value) ? this.world.env.date(value.getTime()) : value;
  }

  getValues(): Cell[][] {
    return this.each((r, c) => this.realmCell(this.sheet.get(r, c)));
  }
  getValue(): Cell {
    return this.realmCell(this.sheet.get(this.row, this.col));
  }
  getDisplayValues(): string[][] {
    return this.each((r, c) => {
      const v = this.sheet.get(r, c);
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      return isDate(v) ? v.toISOString() : String(v);
    });
  }
  setValues(values: unknown[][]): this {
    const rows = this.checkShape(values, 'Object[][]');
    rows.forEach((cells, r) => cells.forEach((v, c) => this.world.env.recordWrite(this.sheet.set(this.row + r, this.col + c, storedValue(v)))));
    return this;
  }
  setValue(value: unknown): this {
    return this.setValues(this.each(() => value));
  }
  clearContent(): this {
    return this.setValues(this.each(() => ''));
  }

  /**
   * Merges the range into one block. As in Sheets, only the top-left value survives: the covered
   * cells read blank from `getValues`, so a header merged over its neighbours hides theirs.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#merge()
   */
  merge(): this {
    const overlaps = this.sheet.merges.some(
      (m) => m.row < this.row + this.numRows && this.row < m.row + m.rows && m.col < this.col + this.numCols && this.col < m.col + m.cols,
    );
    if (overlaps) throw this.world.env.error('You must select all cells in a merged range to merge or unmerge them.');
    if (this.numRows * this.numCols > 1) {
      this.each((r, c) => (r === this.row && c === this.col ? null : this.world.env.recordWrite(this.sheet.set(r, c, ''))));
      this.sheet.merges.push({ row: this.row, col: this.col, rows: this.numRows, cols: this.numCols });
    }
    return this;
  }

  /**
   * The merged blocks that lie within this range or share at least one cell with it.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   */
  getMergedRanges(): FakeRange[] {
    return this.sheet.merges
      .filter((m) => m.row < this.row + this.numRows && this.row < m.row + m.rows && m.col < this.col + this.numCols && this.col < m.col + m.cols)
      .map((m) => new FakeRange(this.world, this.sheet, m.row, m.col, m.rows, m.cols));
  }

  getNotes(): string[][] {
    return this.each((r, c) => this.sheet.notes.get(key(r, c)) ?? '');
  }
  getNote(): string {
    return this.sheet.notes.get(key(this.row, this.col)) ?? '';
  }
  private putNote(row: number, col: number, note: unknown): void {
    const k = key(row, col);
    const before = this.sheet.notes.get(k);
    const text = note === null || note === undefined ? '' : String(note);
    if (text === '') this.sheet.notes.delete(k);
    else this.sheet.notes.set(k, text);
    this.world.env.recordWrite(() => (before === undefined ? this.sheet.notes.delete(k) : this.sheet.notes.set(k, before)));
  }
  setNotes(notes: unknown[][]): this {
    this.checkShape(notes, 'Object[][]').forEach((cells, r) => cells.forEach((n, c) => this.putNote(this.row + r, this.col + c, n)));
    return this;
  }
  setNote(note: string | null): this {
    this.each((r, c) => this.putNote(r, c, note));
    return this;
  }

  private ruleOf(rule: unknown): ValidationRule | null {
    if (rule === null) return null;
    if (rule instanceof FakeDataValidation) return rule.rule;
    throw this.world.env.error("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): this {
    const r = this.ruleOf(rule);
    this.each((row, col) => (r ? this.sheet.validations.set(key(row, col), { ...r }) : this.sheet.validations.delete(key(row, col))));
    return this;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): this {
    this.checkShape(rules, 'DataValidation[][]').forEach((cells, r) =>
      cells.forEach((rule, c) => {
        const v = this.ruleOf(rule);
        const k = key(this.row + r, this.col + c);
        if (v) this.sheet.validations.set(k, { ...v });
        else this.sheet.validations.delete(k);
      }),
    );
    return this;
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.each((r, c) => {
      const rule = this.sheet.validations.get(key(r, c));
      return rule ? new FakeDataValidation(this.world.env, { ...rule }) : null;
    });
  }

  setNumberFormat(numberFormat: string): this {
    this.each((r, c) => this.sheet.formats.set(key(r, c), numberFormat));
    return this;
  }
  setNumberFormats(numberFormats: string[][]): this {
    this.checkShape(numberFormats, 'String[][]').forEach((cells, r) => cells.forEach((f, c) => this.sheet.formats.set(key(this.row + r, this.col + c), String(f))));
    return this;
  }
  getNumberFormats(): string[][] {
    return this.each((r, c) => this.sheet.formats.get(key(r, c)) ?? 'General');
  }
  setFontWeight(fontWeight: string | null): this {
    this.each((r, c) => (fontWeight === null || fontWeight === 'normal' ? this.sheet.fontWeights.delete(key(r, c)) : this.sheet.fontWeights.set(key(r, c), fontWeight)));
    return this;
  }
  setBackground(color: string | null): this {
    this.each((r, c) => (color === null ? this.sheet.backgrounds.delete(key(r, c)) : this.sheet.backgrounds.set(key(r, c), color)));
    return this;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    return this.a1();
  }
  getSheet(): FakeSheet {
    return new FakeSheet(this.world, this.sheet);
  }
}

type SheetMethods =
  | 'getName'
  | 'getSheetId'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'activate';

export class FakeSheet extends Instrumented implements Fake<GasSheet, SheetMethods> {
  private readonly world: SpreadsheetWorld;
  readonly model: SheetModel;
  constructor(world: SpreadsheetWorld, model: SheetModel) {
    super(world.env, 'SpreadsheetApp', 'Sheet');
    this.world = world;
    this.model = model;
  }
  fakeDetail(): string {
    return this.model.name;
  }
  private alive(): SheetModel {
    if (!this.world.spreadsheet?.sheets.includes(this.model)) throw this.world.env.error('The sheet has been deleted.');
    return this.model;
  }
  getName(): string {
    return this.alive().name;
  }
  getSheetId(): number {
    return this.alive().id;
  }
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): FakeRange {
    const sheet = this.alive();
    if (typeof a === 'string') {
      const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(a.trim());
      if (!m) throw this.world.env.error('Range not found');
      const r1 = Number(m[2]);
      const c1 = columnNumber(m[1] ?? 'A');
      const r2 = m[4] ? Number(m[4]) : r1;
      const c2 = m[3] ? columnNumber(m[3]) : c1;
      return new FakeRange(this.world, sheet, Math.min(r1, r2), Math.min(c1, c2), Math.abs(r2 - r1) + 1, Math.abs(c2 - c1) + 1);
    }
    if (col === undefined) throw this.world.env.error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return new FakeRange(this.world, sheet, a, col, numRows ?? 1, numCols ?? 1);
  }
  getDataRange(): FakeRange {
    const sheet = this.alive();
    return new FakeRange(this.world, sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastCol()));
  }
  getLastRow(): number {
    return this.alive().lastRow();
  }
  getLastColumn(): number {
    return this.alive().lastCol();
  }
  getMaxRows(): number {
    return this.alive().maxRows;
  }
  getMaxColumns(): number {
    return this.alive().maxCols;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    const sheet = this.alive();
    if (afterPosition < 1 || afterPosition > sheet.maxCols) throw this.world.env.error('Those columns are out of bounds.');
    if (howMany < 1) throw this.world.env.error('The number of columns to insert must be at least 1.');
    sheet.insertColumns(afterPosition, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    const sheet = this.alive();
    if (afterPosition < 1 || afterPosition > sheet.maxRows) throw this.world.env.error('Those rows are out of bounds.');
    if (howMany < 1) throw this.world.env.error('The number of rows to insert must be at least 1.');
    sheet.insertRows(afterPosition, howMany);
    return this;
  }
  appendRow(rowContents: unknown[]): this {
    const sheet = this.alive();
    if (!Array.isArray(rowContents)) throw this.world.env.error("The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = sheet.lastRow() + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    if (rowContents.length > sheet.maxCols) sheet.maxCols = rowContents.length;
    rowContents.forEach((v, c) => this.world.env.recordWrite(sheet.set(row, c + 1, storedValue(v))));
    return this;
  }
  setFrozenRows(rows: number): void {
    const sheet = this.alive();
    if (rows < 0 || rows > sheet.maxRows) throw this.world.env.error('Those rows are out of bounds.');
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.alive().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.alive().frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.alive().frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    const sheet = this.alive();
    if (columnPosition < 1 || columnPosition > sheet.maxCols) throw this.world.env.error('Those columns are out of bounds.');
    sheet.widths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    const sheet = this.alive();
    if (startColumn < 1 || startColumn + numColumns - 1 > sheet.maxCols) throw this.world.env.error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.widths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.alive().widths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  activate(): this {
    const ss = this.world.spreadsheet;
    if (ss) ss.activeSheetIndex = ss.sheets.indexOf(this.alive());
    return this;
  }
}

function activeSheetOf(world: SpreadsheetWorld, model: SpreadsheetModel): FakeSheet {
  const sheet = model.sheets[model.activeSheetIndex] ?? model.sheets[0];
  if (!sheet) throw world.env.error('No sheets');
  return new FakeSheet(world, sheet);
}

function activeRangeOf(world: SpreadsheetWorld, model: SpreadsheetModel): FakeRange | null {
  const a = model.activeRange;
  if (!a) {
    const sheet = model.sheets[model.activeSheetIndex] ?? model.sheets[0];
    return sheet ? new FakeRange(world, sheet, 1, 1, 1, 1) : null;
  }
  const sheet = model.sheet(a.sheet);
  return sheet ? new FakeRange(world, sheet, a.row, a.col, a.numRows, a.numCols) : null;
}

type SpreadsheetMethods =
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class FakeSpreadsheet extends Instrumented implements Fake<GasSpreadsheet, SpreadsheetMethods> {
  private readonly world: SpreadsheetWorld;
  readonly model: SpreadsheetModel;
  constructor(world: SpreadsheetWorld, model: SpreadsheetModel) {
    super(world.env, 'SpreadsheetApp', 'Spreadsheet');
    this.world = world;
    this.model = model;
  }
  getId(): string {
    return this.model.id;
  }
  /**
   * "Gets the list of editors for this Spreadsheet"
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors()); the
   * owner is among them. Without editors set, the one user of a single-user test.
   */
  getEditors(): FakeUser[] {
    const editors = this.model.editors.length > 0 ? this.model.editors : [this.world.env.effectiveUser()];
    return editors.map((e) => new FakeUser(this.world.env, e, 'SpreadsheetApp'));
  }
  getName(): string {
    return this.model.name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSheets(): FakeSheet[] {
    return this.model.sheets.map((s) => new FakeSheet(this.world, s));
  }
  getNumSheets(): number {
    return this.model.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.model.sheet(name);
    return sheet ? new FakeSheet(this.world, sheet) : null;
  }
  /** Like Sheets: the new sheet goes after the active one (or at `sheetIndex`) and becomes active. */
  insertSheet(sheetName?: string | number, sheetIndex?: number | object): FakeSheet {
    const name = typeof sheetName === 'string' ? sheetName : `Лист${this.model.sheets.length + 1}`;
    if (this.model.sheet(name)) throw this.world.env.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const index = typeof sheetName === 'number' ? sheetName : (typeof sheetIndex === 'number' ? sheetIndex : this.model.activeSheetIndex + 1);
    if (index < 0 || index > this.model.sheets.length) throw this.world.env.error('Invalid argument: sheetIndex');
    const sheet = this.model.addSheet(name, index);
    this.model.activeSheetIndex = index;
    return new FakeSheet(this.world, sheet);
  }
  getActiveSheet(): FakeSheet {
    return activeSheetOf(this.world, this.model);
  }
  getActiveRange(): FakeRange | null {
    return activeRangeOf(this.world, this.model);
  }
  getSpreadsheetTimeZone(): string {
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.model.timeZone = timezone;
  }
  /**
   * "Shows a popup window in the lower right corner of the spreadsheet"
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)).
   * The reference does not say what it does in a time-driven trigger, where no one has the
   * spreadsheet open; the pessimistic reading is that it fails like `getUi()` there.
   */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    if (this.world.env.session.trigger) throw this.world.env.error('Cannot call Spreadsheet.toast() from this context.');
    this.model.toasts.push({ message: msg, title: title ?? '', timeoutSeconds: timeoutSeconds ?? null });
  }
}

export class FakeSpreadsheetApp
  extends Instrumented
  implements Fake<GasApp, 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'getActiveRange' | 'getUi' | 'flush' | 'newDataValidation'>
{
  private readonly world: SpreadsheetWorld;
  constructor(world: SpreadsheetWorld) {
    super(world.env, 'SpreadsheetApp', 'SpreadsheetApp');
    this.world = world;
  }
  getActive(): FakeSpreadsheet | null {
    return this.world.spreadsheet ? new FakeSpreadsheet(this.world, this.world.spreadsheet) : null;
  }
  getActiveSpreadsheet(): FakeSpreadsheet | null {
    return this.getActive();
  }
  private active(): SpreadsheetModel {
    if (!this.world.spreadsheet) throw this.world.env.error('No active spreadsheet.');
    return this.world.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return activeSheetOf(this.world, this.active());
  }
  getActiveRange(): FakeRange | null {
    return activeRangeOf(this.world, this.active());
  }
  /** A time-driven trigger has no user interface to show (the text Apps Script gives). */
  getUi(): unknown {
    if (this.world.env.session.trigger) throw this.world.env.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.world.ui.ui();
  }
  flush(): void {
    this.world.env.commit();
  }
  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.world.env);
  }
}
