/**
 * `Utilities.formatDate` semantics (Java SimpleDateFormat patterns) implemented with Node's Intl, which
 * is the oracle here: the fakes may use Intl, the code under test may not.
 */

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Offset from UTC in milliseconds (may include seconds for old local mean times). */
  offsetMs: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for an unknown zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millisecond);
  return { year, month, day, hour, minute, second, millisecond, weekday: WEEKDAYS.indexOf(parts.weekday ?? '') + 1, offsetMs: wall.getTime() - ms };
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  const total = Math.trunc(offsetMs / 60000);
  if (total === 0 && style !== 'Z') return 'Z';
  const sign = total < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(total) / 60);
  const m = Math.abs(total) % 60;
  if (style === 'X') return `${sign}${pad(h, 2)}`;
  if (style === 'XXX') return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
  return `${sign}${pad(h, 2)}${pad(m, 2)}`;
}

/** Formats like `Utilities.formatDate(date, timeZone, pattern)`. */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const p = zonedParts(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
        out += n >= 4 ? (MONTHS[p.month - 1] ?? '') : n === 3 ? (MONTHS[p.month - 1] ?? '').slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? (WEEKDAYS_LONG[p.weekday - 1] ?? '') : (WEEKDAYS[p.weekday - 1] ?? '');
        break;
      case 'u':
        out += String(p.weekday);
        break;
      case 'Z':
        out += offsetText(p.offsetMs, 'Z');
        break;
      case 'X':
        out += offsetText(p.offsetMs, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      case 'z':
        out += `GMT${offsetText(p.offsetMs, 'XXX').replace('Z', '+00:00')}`;
        break;
      default:
        throw new RangeError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
