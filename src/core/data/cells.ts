/**
 * Parsing single cells into typed values. Each parser returns either a value or a Russian
 * problem text (without the address: the caller knows the cell).
 */
import type { Cell, LocalDate, WorkbookPort } from '../../ports';
import { addDays, foldYo, parseDateText, parseMoneyText, parseTimeText } from '../russian';
import { NO_WORDS, YES_WORDS } from './schema';
import { cellMsg } from '../../messages/data';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

const FORMULA_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!?|SPILL!|CALC!|GETTING_DATA)$/i;

/** `#N/A` and friends: a formula that failed in the sheet. */
export function formulaError(value: Cell): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return FORMULA_ERROR.test(text) ? text : null;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell as text: trimmed, non-breaking spaces kept, dates as `27.11.2026`. */
export function cellText(value: Cell, wb: Pick<WorkbookPort, 'cellDate'>): string {
  if (value instanceof Date) {
    const d = wb.cellDate(value);
    return `${pad2(d.day)}.${pad2(d.month)}.${d.year}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value ?? '').trim();
}

export function parseDateCell(value: Cell, wb: Pick<WorkbookPort, 'cellDate'>): Parsed<LocalDate> {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return bad(cellMsg.notADate(''));
    const d = wb.cellDate(value);
    return ok({ year: d.year, month: d.month, day: d.day });
  }
  if (typeof value === 'number') {
    const serial = serialDate(value);
    return serial ? ok(serial) : bad(cellMsg.notADate(String(value)));
  }
  const text = String(value).trim();
  const parsed = parseDateText(text);
  return parsed ? ok(parsed) : bad(cellMsg.notADate(text));
}

/**
 * A date that lost its format shows up as the spreadsheet's serial day number (Sheets and Excel
 * both count days from 30.12.1899). Only whole numbers in 2000–2099 are taken as dates: anything
 * else in a date column is far more likely a typing mistake than a date.
 */
const SERIAL_EPOCH: LocalDate = { year: 1899, month: 12, day: 30 };
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;
function serialDate(value: number): LocalDate | null {
  if (!Number.isInteger(value) || value < SERIAL_2000 || value >= SERIAL_2100) return null;
  return addDays(SERIAL_EPOCH, value);
}

export function parseTimeCell(value: Cell, wb: Pick<WorkbookPort, 'cellDate'>): Parsed<string> {
  if (value instanceof Date) {
    const d = wb.cellDate(value);
    return ok(`${pad2(d.hour)}:${pad2(d.minute)}`);
  }
  if (typeof value === 'number') {
    // A time typed into an unformatted Excel cell is a fraction of a day.
    if (value >= 0 && value < 1) {
      const minutes = Math.round(value * 24 * 60);
      return ok(`${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`);
    }
    return bad(cellMsg.notATime(String(value)));
  }
  const text = String(value).trim();
  const parsed = parseTimeText(text);
  return parsed ? ok(parsed) : bad(cellMsg.notATime(text));
}

const TRUE_WORDS = new Set<string>(YES_WORDS);
const FALSE_WORDS = new Set<string>(NO_WORDS);

export function parseCheckboxCell(value: Cell, fallback: boolean): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') return value === 1 ? ok(true) : value === 0 ? ok(false) : bad(cellMsg.notACheckbox(String(value)));
  const text = String(value).trim().toLowerCase();
  if (text === '') return ok(fallback);
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return bad(cellMsg.notACheckbox(String(value)));
}

export function parseNumberCell(value: Cell, what: 'number' | 'money'): Parsed<number | null> {
  let n: number | null;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return ok(null);
    n = what === 'money' ? parseMoneyText(text) : parsePlainNumber(text);
    if (n === null) return bad(what === 'money' ? cellMsg.notAnAmount(text) : cellMsg.notANumber(text));
  } else if (value instanceof Date || typeof value === 'boolean') {
    return bad(what === 'money' ? cellMsg.notAnAmount(String(value)) : cellMsg.notANumber(String(value)));
  } else return ok(null);
  if (!isFinite(n)) return bad(cellMsg.notANumber(String(value)));
  if (n < 0) return bad(cellMsg.negative(String(value)));
  return ok(n);
}

function parsePlainNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Matches a value against a list of allowed options, ignoring case, `ё` and extra spaces. */
export function matchOption<T extends string>(text: string, options: readonly T[]): T | null {
  const norm = (s: string) => foldYo(s.replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase());
  const wanted = norm(text);
  for (const option of options) if (norm(option) === wanted) return option;
  return null;
}

/** A plain address check: something@domain.tld, no spaces, one @. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export function splitEmails(text: string): { good: string[]; bad: string[] } {
  const good: string[] = [];
  const badOnes: string[] = [];
  for (const address of addressTokens(text)) {
    if (EMAIL.test(address) && !address.includes('..')) {
      const lower = address.toLowerCase();
      if (!good.some((g) => g.toLowerCase() === lower)) good.push(address);
    } else badOnes.push(address);
  }
  return { good, bad: badOnes };
}

/**
 * The addresses of an `Email` cell. Besides plain lists (`a@x.ru, b@x.ru; c@x.ru`) staff paste
 * what mail programs copy: `Иван Петров <ivan@x.ru>`, `"Иванов, Иван" <ivan@x.ru>`, `mailto:`
 * links. A display name is dropped and the address in angle brackets kept.
 */
function addressTokens(text: string): string[] {
  const withoutQuoted = text.replace(/("[^"]*"|«[^»]*»)\s*(?=<)/g, ' ');
  const tokens: string[] = [];
  for (const chunk of withoutQuoted.split(/[,;]/)) {
    const bracketed = chunk.match(/<([^<>]*)>/g);
    if (bracketed) {
      for (const b of bracketed) tokens.push(b.slice(1, -1));
      continue;
    }
    tokens.push(...chunk.split(/\s+/));
  }
  return tokens.map((t) => t.trim().replace(/^mailto:/i, '')).filter((t) => t !== '');
}
