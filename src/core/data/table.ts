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
  /** Headers found in more than one column: every 1-based column, in order (`columns` has the first). */
  duplicates: Record<string, number[]>;
  /** All values of the sheet as read. */
  values: Cell[][];
}

export const HEADER_SEARCH_ROWS = 10;

function matchHeaders(row: Cell[], spec: SheetSpec): { map: HeaderMap; all: Record<string, number[]> } {
  const wanted = new Map<string, string>();
  for (const col of spec.columns) {
    wanted.set(normalizeHeader(col.header), col.header);
    for (const alias of HEADER_ALIASES[col.header] ?? []) wanted.set(normalizeHeader(alias), col.header);
  }
  const map: HeaderMap = {};
  const all: Record<string, number[]> = {};
  row.forEach((cell, i) => {
    const header = wanted.get(normalizeHeader(cell));
    if (!header) return;
    if (map[header] === undefined) map[header] = i + 1;
    (all[header] ??= []).push(i + 1);
  });
  return { map, all };
}

/**
 * Finds the header row: the first of the top rows naming the most of the sheet's columns.
 * Staff may put a title or notes above the table, so row 1 is only the default.
 */
export function locateTable(values: Cell[][], spec: SheetSpec): LocatedTable {
  let best: { row: number; columns: HeaderMap; all: Record<string, number[]>; count: number } = { row: 1, columns: {}, all: {}, count: 0 };
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    const { map, all } = matchHeaders(values[r] ?? [], spec);
    const count = Object.keys(map).length;
    if (count > best.count) best = { row: r + 1, columns: map, all, count };
  }
  const duplicates: Record<string, number[]> = {};
  for (const [header, cols] of Object.entries(best.all)) if (cols.length > 1) duplicates[header] = cols;
  return { headerRow: best.row, columns: best.columns, duplicates, values };
}

/** Two words of one stem (`организация`, `организации`): equal but for their last two letters. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return a.length >= 3;
  const n = Math.min(a.length, b.length);
  if (n < 5) return false;
  let common = 0;
  while (common < n && a[common] === b[common]) common++;
  return common >= Math.max(a.length, b.length) - 2;
}

/** Word overlap, then edit distance: how close a typed label is to a known one (lower is closer). */
function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = d[j];
      d[j] = next;
    }
  }
  return d[b.length];
}

/**
 * The known text nearest to what was typed (both normalised), or null when none is near: it shares
 * a word of three letters or more, or differs in at most a third of its letters.
 */
export function nearestText(typed: string, known: readonly string[]): string | null {
  const text = normalizeHeader(typed);
  if (text === '') return null;
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  let best: { candidate: string; score: number } | null = null;
  for (const candidate of known) {
    const norm = normalizeHeader(candidate);
    const shared = norm.split(/[^\p{L}\p{N}]+/u).filter((w) => words.some((x) => sameStem(w, x))).length;
    const edit = distance(text, norm);
    if (shared === 0 && edit > Math.max(2, Math.floor(norm.length / 3))) continue;
    const score = edit - shared * 100;
    if (!best || score < best.score) best = { candidate, score };
  }
  return best?.candidate ?? null;
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
