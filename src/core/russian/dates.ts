/**
 * Calendar dates in Russian, on plain `LocalDate` values (no time zones, no `Intl`: Apps Script may
 * lack the Russian locale, so month and weekday names are our own tables).
 */
import type { LocalDate } from '../../ports';
import { NBSP } from './typography';

export const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

export const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** Monday first, as Russian calendars are. */
export const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  const s = String(n);
  return s.length >= 4 ? s : '0000'.slice(s.length) + s;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar day in years 1–9999. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's `days_from_civil`). */
export function toDayNumber(d: LocalDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `toDayNumber`. */
export function fromDayNumber(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Negative when a is earlier, 0 when the same day, positive when later. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** `понедельник` … `воскресенье`. */
export function weekdayName(d: LocalDate): string {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  const index = (((toDayNumber(d) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] ?? '';
}

/** `27{NBSP}ноября 2026{NBSP}г.` */
export function formatDateLong(d: LocalDate): string {
  return `${d.day}${NBSP}${MONTHS_GENITIVE[d.month - 1] ?? ''} ${d.year}${NBSP}г.`;
}

/** `27.11.2026` */
export function formatDateShort(d: LocalDate): string {
  return `${pad2(d.day)}.${pad2(d.month)}.${pad4(d.year)}`;
}

/** `ноябрь 2026` */
export function monthYear(d: LocalDate): string {
  return `${MONTHS_NOMINATIVE[d.month - 1] ?? ''} ${d.year}`;
}

function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (let i = 0; i < 12; i++) {
    const gen = MONTHS_GENITIVE[i] ?? '';
    const nom = MONTHS_NOMINATIVE[i] ?? '';
    if (w === gen || w === nom) return i + 1;
    // Abbreviations: `ноя`, `нояб`, `сент`, `мар` (at least three letters of the stem).
    if (w.length >= 3 && w.length < nom.length && nom.startsWith(w) && gen.startsWith(w)) return i + 1;
  }
  return null;
}

function dateOrNull(year: number, month: number, day: number): LocalDate | null {
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Reads a date typed as text: `27.11.2026`, `27.11.26` (20xx), `27/11/2026`, `2026-11-27`,
 * `27 ноября 2026`, `27 ноября 2026 г.`. Null for anything else, including impossible days (`31.02.2026`).
 */
export function parseDateText(s: string): LocalDate | null {
  const text = s
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim()
    .replace(/\s*(г\.?|года?)$/i, '')
    .trim();
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const yearText = m[3] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return dateOrNull(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return dateOrNull(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2}) ([а-яё]+\.?) (\d{4})$/i.exec(text);
  if (m) {
    const month = monthFromWord(m[2] ?? '');
    return month === null ? null : dateOrNull(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

function timeOrNull(hourText: string, minuteText: string): string | null {
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}

const CLOCK = '(\\d{1,2})\\s*[:.]\\s*(\\d{2})';

/**
 * Normalises a time to `HH:MM`: accepts `15:00`, `15.00`, `15-00`, `15 00`, `9:30`, `15:00:00`,
 * `15`, `15 ч.`, `в 15:00`, and a range `15:00–17:00` (→ `15:00–17:00`). Minutes need two digits
 * (`9:5` is rejected: it could be 9:05 or 9:50). Null for anything else.
 */
export function parseTimeText(s: string): string | null {
  const text = s
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(в|с)\s+/, '');
  const range = new RegExp(`^${CLOCK}\\s*[-–—]\\s*${CLOCK}$`).exec(text);
  if (range) {
    const from = timeOrNull(range[1] ?? '', range[2] ?? '');
    const to = timeOrNull(range[3] ?? '', range[4] ?? '');
    return from && to ? `${from}–${to}` : null;
  }
  let m = /^(\d{1,2})\s*[:.\- ]\s*(\d{2})(?:[:.]00)?(?:\s*(ч\.?|час(ов|а)?))?$/.exec(text);
  if (m) return timeOrNull(m[1] ?? '', m[2] ?? '');
  m = /^(\d{1,2})\s*(ч\.?|час(ов|а)?)\s*(\d{2})\s*(мин\.?|минут)?$/.exec(text);
  if (m) return timeOrNull(m[1] ?? '', m[4] ?? '');
  m = /^(\d{1,2})(?:\s*(ч\.?|час(ов|а)?))?$/.exec(text);
  if (m) return timeOrNull(m[1] ?? '', '0');
  return null;
}
