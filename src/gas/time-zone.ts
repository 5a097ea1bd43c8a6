/**
 * Wall-clock time in the spreadsheet's time zone, the one rule for every date the Apps Script side
 * reads or writes (date cells, journal times, the clock). There is no Intl in Apps Script code, so the
 * zone's UTC offset comes from `Utilities.formatDate(…, 'Z')`, remembered per quarter hour: zones
 * change offset only on such boundaries, and a letter run asks for the time several times per letter
 * (journal rows), which would otherwise cost a service call each time.
 */
import type { LocalDateTime } from '../ports';

const QUARTER_HOUR = 15 * 60 * 1000;

/** `+0300` → 10 800 000 (ms east of UTC). */
function parseOffset(text: string): number {
  const m = /^([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) throw new Error(`Unexpected zone offset ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000;
}

export class ZoneOffsets {
  private readonly cache = new Map<number, number>();
  constructor(private readonly timeZone: () => string) {}

  offsetMs(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = this.cache.get(bucket);
    if (offset === undefined) {
      offset = parseOffset(Utilities.formatDate(new Date(bucket * QUARTER_HOUR), this.timeZone(), 'Z'));
      this.cache.set(bucket, offset);
    }
    return offset;
  }

  /** Wall-clock time of an instant in the zone. */
  wall(ms: number): LocalDateTime {
    const d = new Date(ms + this.offsetMs(ms));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }

  /**
   * The instant that shows this wall-clock time. Two steps settle the offset in force at that time;
   * in a gap (spring forward) the result is the instant one offset later, as Sheets does.
   */
  instant(v: LocalDateTime): Date {
    const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
    let guess = asUtc - this.offsetMs(asUtc);
    const second = asUtc - this.offsetMs(guess);
    if (second !== guess) guess = second;
    return new Date(guess);
  }
}
