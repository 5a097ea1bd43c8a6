/** The academic year (учебный год): 1 September – 31 August by default, or from `Настройки`. */
import type { LocalDate } from '../../ports';
import { compareDates } from '../russian';

export interface AcademicYear {
  /** `2025/2026` */
  label: string;
  startYear: number;
  start: LocalDate;
  /** Inclusive last day. */
  end: LocalDate;
}

export interface YearStart {
  day: number;
  month: number;
}

/** `01.09`, also when the sheet turned it into a date (`01.09.2026`: the year is dropped); else null. */
function readYearStart(text: string): YearStart | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})(?:[./-]\d{2,4})?\s*$/.exec(text ?? '');
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 28 ? { day, month } : null;
}

/** The setting's start of the academic year; blank or unreadable is 1 September (`check` reports the latter). */
export function parseYearStart(text: string): YearStart {
  return readYearStart(text) ?? { day: 1, month: 9 };
}

/** Whether the setting is usable as written: blank (the default) or a day and month. */
export function isYearStartReadable(text: string): boolean {
  return (text ?? '').trim() === '' || readYearStart(text) !== null;
}

function dayBefore(d: LocalDate): LocalDate {
  if (d.day > 1) return { year: d.year, month: d.month, day: d.day - 1 };
  const month = d.month === 1 ? 12 : d.month - 1;
  const year = d.month === 1 ? d.year - 1 : d.year;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return { year, month, day: days };
}

export function academicYear(startYear: number, start: YearStart = { day: 1, month: 9 }): AcademicYear {
  const from = { year: startYear, month: start.month, day: start.day };
  return { label: `${startYear}/${startYear + 1}`, startYear, start: from, end: dayBefore({ year: startYear + 1, month: start.month, day: start.day }) };
}

export function academicYearOf(date: LocalDate, start: YearStart = { day: 1, month: 9 }): AcademicYear {
  const beforeStart = date.month < start.month || (date.month === start.month && date.day < start.day);
  return academicYear(beforeStart ? date.year - 1 : date.year, start);
}

/** `2025/2026`, `2025-2026`, `2025/26` or `2025`; null when not a year. */
export function parseAcademicYear(text: string, start: YearStart = { day: 1, month: 9 }): AcademicYear | null {
  const m = /^\s*(\d{4})\s*(?:[/\-–—]\s*(\d{2}|\d{4}))?\s*$/.exec(text ?? '');
  if (!m) return null;
  const first = Number(m[1]);
  if (m[2]) {
    const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (second !== first + 1) return null;
  }
  if (first < 1900 || first > 2200) return null;
  return academicYear(first, start);
}

export function inYear(date: LocalDate, year: AcademicYear): boolean {
  return compareDates(date, year.start) >= 0 && compareDates(date, year.end) <= 0;
}
