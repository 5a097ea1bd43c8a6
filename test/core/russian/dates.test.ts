import fc from 'fast-check';
import {
  MONTHS_GENITIVE,
  MONTHS_NOMINATIVE,
  NBSP,
  addDays,
  compareDates,
  daysBetween,
  formatDateLong,
  formatDateShort,
  fromDayNumber,
  monthYear,
  parseDateText,
  parseTimeText,
  toDayNumber,
  weekdayName,
} from '../../../src/core/russian';
import type { LocalDate } from '../../../src/ports';

const utc = (d: LocalDate): Date => {
  const date = new Date(Date.UTC(2000, d.month - 1, d.day));
  date.setUTCFullYear(d.year);
  return date;
};
const spaces = (s: string): string => s.replace(/[\s\u00a0\u202f]/g, ' ');

const FIRST_DAY = toDayNumber({ year: 1, month: 1, day: 1 });
const LAST_DAY = toDayNumber({ year: 9999, month: 12, day: 31 });
const anyDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);

describe('formatDateLong', () => {
  const longRu = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

  it.each(MONTHS_GENITIVE.map((_, i) => i + 1))('matches Intl for month %i', (month) => {
    for (const year of [1999, 2025, 2026, 2028]) {
      for (const day of [1, 9, 10, 27, 28]) {
        const d = { year, month, day };
        expect(spaces(formatDateLong(d))).toBe(spaces(longRu.format(utc(d))));
      }
    }
  });
  it('binds the day to the month and the year to «г.» with NBSP', () => {
    expect(formatDateLong({ year: 2026, month: 11, day: 27 })).toBe(`27${NBSP}ноября 2026${NBSP}г.`);
  });
  it('matches Intl for any date from 1000 on', () => {
    fc.assert(
      fc.property(anyDate.filter((d) => d.year >= 1000), (d) => {
        expect(spaces(formatDateLong(d))).toBe(spaces(longRu.format(utc(d))));
      }),
    );
  });
});

describe('month names', () => {
  it('match Intl in both cases', () => {
    const nominative = new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' });
    MONTHS_NOMINATIVE.forEach((name, i) => {
      expect(name).toBe(nominative.format(new Date(Date.UTC(2026, i, 15))));
      expect(monthYear({ year: 2026, month: i + 1, day: 15 })).toBe(`${name} 2026`);
    });
  });
});

describe('formatDateShort and parseDateText', () => {
  it('formats with leading zeros', () => {
    expect(formatDateShort({ year: 2026, month: 11, day: 27 })).toBe('27.11.2026');
    expect(formatDateShort({ year: 2026, month: 1, day: 5 })).toBe('05.01.2026');
  });
  it('round-trips every valid date', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(parseDateText(formatDateShort(d))).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });
  it('round-trips the long form', () => {
    fc.assert(
      fc.property(anyDate.filter((d) => d.year >= 1000), (d) => {
        expect(parseDateText(formatDateLong(d))).toEqual(d);
      }),
    );
  });
  it.each([
    ['27.11.2026', { year: 2026, month: 11, day: 27 }],
    [' 27.11.26 ', { year: 2026, month: 11, day: 27 }],
    ['1.9.2025', { year: 2025, month: 9, day: 1 }],
    ['27/11/2026', { year: 2026, month: 11, day: 27 }],
    ['2026-11-27', { year: 2026, month: 11, day: 27 }],
    ['27 ноября 2026', { year: 2026, month: 11, day: 27 }],
    ['27 ноября 2026 г.', { year: 2026, month: 11, day: 27 }],
    ['27\u00a0ноября 2026\u00a0года', { year: 2026, month: 11, day: 27 }],
    ['1 Сентября 2025', { year: 2025, month: 9, day: 1 }],
    ['1 сент. 2025', { year: 2025, month: 9, day: 1 }],
    ['29.02.2028', { year: 2028, month: 2, day: 29 }],
    ['29.02.2000', { year: 2000, month: 2, day: 29 }],
  ])('reads %j', (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });
  it.each(['', 'завтра', '31.02.2026', '29.02.2026', '29.02.1900', '32.01.2026', '00.01.2026', '15.13.2026', '2026-02-30', '27 нобря 2026', '27.11', '27.11.202', '27-11-2026', '27 ма 2026'])(
    'rejects %j',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );
});

describe('date arithmetic', () => {
  it('agrees with Date for day numbers, addDays and weekdays', () => {
    const weekdays = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100000, max: 100000 }), (d, n) => {
        const t = utc(d).getTime();
        expect(toDayNumber(d)).toBe(Math.round(t / 86400000));
        expect(weekdayName(d)).toBe(weekdays[utc(d).getUTCDay()]);
        const later = addDays(d, n);
        const expected = new Date(t + n * 86400000);
        expect(later).toEqual({ year: expected.getUTCFullYear(), month: expected.getUTCMonth() + 1, day: expected.getUTCDate() });
        expect(daysBetween(d, later)).toBe(n);
        expect(Math.sign(compareDates(d, later)) || 0).toBe(Math.sign(-n) || 0);
      }),
      { numRuns: 1000 },
    );
  });
  it('knows a few fixed facts', () => {
    expect(weekdayName({ year: 2026, month: 11, day: 27 })).toBe('пятница');
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(daysBetween({ year: 2025, month: 9, day: 1 }, { year: 2026, month: 8, day: 31 })).toBe(364);
    expect(compareDates({ year: 2026, month: 1, day: 1 }, { year: 2026, month: 1, day: 1 })).toBe(0);
  });
});

describe('parseTimeText', () => {
  it.each([
    ['15:00', '15:00'],
    ['15.00', '15:00'],
    ['15-00', '15:00'],
    ['15 00', '15:00'],
    [' 9:30 ', '09:30'],
    ['09:30', '09:30'],
    ['15:00:00', '15:00'],
    ['15', '15:00'],
    ['15 ч.', '15:00'],
    ['15 ч 30 мин', '15:30'],
    ['в 15:00', '15:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['15:00-17:00', '15:00–17:00'],
    ['15.00 — 17.30', '15:00–17:30'],
  ])('reads %j as %j', (text, expected) => {
    expect(parseTimeText(text)).toBe(expected);
  });
  it.each(['', '9:5', '24:00', '15:60', '25', 'утром', '15:00:30', '15:00-25:00', '1500'])('rejects %j', (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
  it('round-trips every HH:MM', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(parseTimeText(text)).toBe(text);
        expect(parseTimeText(`${h}.${String(m).padStart(2, '0')}`)).toBe(text);
      }),
    );
  });
});
