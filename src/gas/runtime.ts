/**
 * The `Runtime` of `src/ports.ts` built from Apps Script services. Documents and mail come with the
 * Docs/Drive/Mail adapters; `SheetsRuntime` is everything else.
 */
import type { Clock, LocalDateTime, LockPort, ProgressPort, Runtime, SchedulerPort, StorePort } from '../ports';
import { gasMsg } from '../messages/gas';
import { readWorkbook } from '../core/data/read';
import { DocsDocuments } from './documents';
import { MailAppMailer } from './mail';
import { SheetsWorkbook } from './workbook';

export type SheetsRuntime = Omit<Runtime, 'documents' | 'mail'> & { workbook: SheetsWorkbook };
export type GasRuntime = Runtime & { workbook: SheetsWorkbook };

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * UTC offsets of a zone through `Utilities.formatDate` (no Intl in Apps Script), remembered per quarter
 * hour: zones change offset only on such boundaries, and a letter run asks for the time several times
 * per letter (journal rows), which would otherwise cost a service call each time.
 */
export class ZoneOffsets {
  private readonly cache = new Map<number, number>();
  constructor(private readonly timeZone: () => string) {}

  offsetMs(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = this.cache.get(bucket);
    if (offset === undefined) {
      const m = /^([+-])(\d\d)(\d\d)$/.exec(Utilities.formatDate(new Date(bucket * QUARTER_HOUR), this.timeZone(), 'Z'));
      if (!m) throw new Error('Unexpected zone offset');
      offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000;
      this.cache.set(bucket, offset);
    }
    return offset;
  }

  /** Wall-clock time of an instant in the zone. */
  wall(ms: number): LocalDateTime {
    const d = new Date(ms + this.offsetMs(ms));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }

  /** The instant that shows this wall-clock time (the same rule as `instantOf` in workbook.ts). */
  instant(v: LocalDateTime): Date {
    const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
    let guess = asUtc - this.offsetMs(asUtc);
    const second = asUtc - this.offsetMs(guess);
    if (second !== guess) guess = second;
    return new Date(guess);
  }
}

/** The Sheets workbook with date conversions through the cached zone offsets. */
export class GasWorkbook extends SheetsWorkbook {
  readonly offsets = new ZoneOffsets(() => this.timeZone());
  override cellDate(value: Date): LocalDateTime {
    return this.offsets.wall(value.getTime());
  }
  override toCellDate(value: LocalDateTime): Date {
    return this.offsets.instant(value);
  }
}

export function sheetsClock(timeZone: () => string, offsets: ZoneOffsets = new ZoneOffsets(timeZone)): Clock {
  return {
    nowMs: () => Date.now(),
    today: (): LocalDateTime => offsets.wall(Date.now()),
  };
}

/** The script lock, taken from LockService on first use; `release` is a no-op when not held. */
export function scriptLock(): LockPort {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  const get = (): GoogleAppsScript.Lock.Lock => (lock ??= LockService.getScriptLock());
  return {
    tryLock: (timeoutMs) => get().tryLock(timeoutMs),
    release: () => {
      if (lock) lock.releaseLock();
    },
  };
}

export function scriptStore(): StorePort {
  let props: GoogleAppsScript.Properties.Properties | null = null;
  const get = (): GoogleAppsScript.Properties.Properties => (props ??= PropertiesService.getScriptProperties());
  return {
    get: (key) => get().getProperty(key),
    set: (key, value) => {
      get().setProperty(key, value);
    },
    delete: (key) => {
      get().deleteProperty(key);
    },
  };
}

export function triggerScheduler(): SchedulerPort {
  const cancel = (handler: string): void => {
    for (const trigger of ScriptApp.getProjectTriggers()) if (trigger.getHandlerFunction() === handler) ScriptApp.deleteTrigger(trigger);
  };
  return {
    scheduleOnce: (handler, afterMs) => {
      cancel(handler);
      ScriptApp.newTrigger(handler).timeBased().after(Math.max(0, Math.round(afterMs))).create();
    },
    cancel,
  };
}

/** Toasts at most every few seconds (each toast is a round trip), and always for the first and last item. */
export function toastProgress(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, clock: Clock, everyMs = 5000): ProgressPort {
  let last = -Infinity;
  return {
    report: (done, total, message) => {
      if (total <= 0) return; // a run with nothing to do: the dialog says so, a toast would be blank
      const now = clock.nowMs();
      if (done !== 0 && done < total && now - last < everyMs) return;
      last = now;
      spreadsheet.toast(gasMsg.progress(message, done, total), gasMsg.appName, 10);
    },
  };
}

export function sheetsRuntime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet()): SheetsRuntime {
  if (!spreadsheet) throw new Error(gasMsg.noSpreadsheet);
  const workbook = new GasWorkbook(spreadsheet);
  const clock = sheetsClock(() => workbook.timeZone(), workbook.offsets);
  return {
    workbook,
    clock,
    lock: scriptLock(),
    store: scriptStore(),
    scheduler: triggerScheduler(),
    progress: toastProgress(spreadsheet, clock),
  };
}

/** Progress for executions without a user watching (time-driven triggers): nothing to show. */
export const silentProgress: ProgressPort = { report: () => undefined };

/**
 * The full runtime: Sheets, Docs/Drive documents and MailApp. `interactive: false` for triggers,
 * where no toast can be shown.
 */
export function gasRuntime(options: { interactive?: boolean } = {}, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet()): GasRuntime {
  const base = sheetsRuntime(spreadsheet);
  const { workbook } = base;
  const documents = new DocsDocuments(() => {
    const s = readWorkbook(workbook).settings;
    return { folder: s.folder, invitationTemplate: s.invitationTemplate, thanksTemplate: s.thanksTemplate };
  });
  return { ...base, progress: options.interactive === false ? silentProgress : base.progress, documents, mail: new MailAppMailer() };
}

