/** The clock on Node: real time, wall-clock time in the centre's IANA zone via `Intl`. */
import type { Clock, LocalDateTime } from '../ports';
import { cliMsg } from '../messages/cli';
import { CliError, EXIT } from './exit';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock date and time of an instant in a zone. */
export function wallClock(ms: number, format: Intl.DateTimeFormat): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some engines print midnight as 24 even with h23.
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * The time source of the command line: real time, or, when `SOURCE_DATE_EPOCH` (the common
 * convention for reproducible output: seconds since 1970) is set, time running on from that
 * instant. It makes a run repeatable — the same "today" for upcoming events, letter dates and the
 * report's date — which the tests and anyone reproducing a document need. A value that is not a
 * whole number of seconds is a usage error, not silently ignored.
 */
export function timeSource(env: NodeJS.ProcessEnv, realNow: () => number = Date.now): () => number {
  const fixed = env.SOURCE_DATE_EPOCH?.trim();
  if (fixed === undefined || fixed === '') return realNow;
  if (!/^\d+$/.test(fixed)) throw new CliError(cliMsg.clock.badEpoch(fixed), EXIT.usage);
  const startedAt = realNow();
  const epochMs = Number(fixed) * 1000;
  return () => epochMs + (realNow() - startedAt);
}

export class NodeClock implements Clock {
  private readonly format: Intl.DateTimeFormat;

  /** Throws a usage error (exit 2) for an unknown zone. */
  constructor(
    readonly timeZone: string = DEFAULT_TIME_ZONE,
    private readonly now: () => number = Date.now,
  ) {
    if (!isValidTimeZone(timeZone)) throw new CliError(cliMsg.clock.badTimeZone(timeZone), EXIT.usage);
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
  }

  nowMs(): number {
    return this.now();
  }

  today(): LocalDateTime {
    return wallClock(this.now(), this.format);
  }
}
