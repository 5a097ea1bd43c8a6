/** Finding a sheet's header row and its columns by header text, and cell addresses. */
import type { Cell } from '../../ports';
import { YO_FOLDED } from '../russian';
import { HEADER_ALIASES, type SheetSpec } from './schema';

/** Header text as compared: case, `ё`, extra spaces and a trailing colon do not matter. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/:$/, '')
    .toLowerCase()
    .replace(/ё/g, YO_FOLDED);
}

/** 1-based column per spec header that is present. */
export type HeaderMap = Record<string, number>;

export interface LocatedTable {
  /** 1-based header row. */
  headerRow: number;
  columns: HeaderMap;
  /** All values of the sheet as read. */
  values: Cell[][];
}

const HEADER_SEARCH_ROWS = 10;

function matchHeaders(row: Cell[], spec: SheetSpec): HeaderMap {
  const wanted = new Map<string, string>();
  for (const col of spec.columns) {
    wanted.set(normalizeHeader(col.header), col.header);
    for (const alias of HEADER_ALIASES[col.header] ?? []) wanted.set(normalizeHeader(alias), col.header);
  }
  const map: HeaderMap = {};
  row.forEach((cell, i) => {
    const header = wanted.get(normalizeHeader(cell));
    if (header && map[header] === undefined) map[header] = i + 1;
  });
  return map;
}

/**
 * Finds the header row: the first of the top rows naming the most of the sheet's columns.
 * Staff may put a title or notes above the table, so row 1 is only the default.
 */
export function locateTable(values: Cell[][], spec: SheetSpec): LocatedTable {
  let best: { row: number; columns: HeaderMap; count: number } = { row: 1, columns: {}, count: 0 };
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const columns = matchHeaders(values[r] ?? [], spec);
    const count = Object.keys(columns).length;
    if (count > best.count) best = { row: r + 1, columns, count };
  }
  return { headerRow: best.row, columns: best.columns, values };
}

/** `A`, `B`, … `Z`, `AA` … for a 1-based column. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(sheet: string, row: number, col: number): string {
  if (row <= 0) return sheet;
  if (col <= 0) return `${sheet}!${row}:${row}`;
  return `${sheet}!${columnLetter(col)}${row}`;
}

/** The last column used in the header row (0 when the row is empty). */
export function lastUsedColumn(row: Cell[] | undefined): number {
  if (!row) return 0;
  for (let i = row.length - 1; i >= 0; i--) {
    if (row[i] !== '' && row[i] !== null && row[i] !== undefined) return i + 1;
  }
  return 0;
}

export function isBlankCell(value: Cell | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
