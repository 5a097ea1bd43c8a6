/**
 * The `Runtime` of `src/ports.ts` built from Apps Script services. Documents and mail come with the
 * Docs/Drive/Mail adapters; `SheetsRuntime` is everything else.
 */
import type { Clock, LocalDateTime, LockPort, ProgressPort, Runtime, SchedulerPort, StorePort } from '../ports';
import { gasMsg } from '../core/messages/gas';
import { SheetsWorkbook, wallTime } from './workbook';

export type SheetsRuntime = Omit<Runtime, 'documents' | 'mail'> & { workbook: SheetsWorkbook };

export function sheetsClock(timeZone: () => string): Clock {
  return {
    nowMs: () => Date.now(),
    today: (): LocalDateTime => wallTime(new Date(), timeZone()),
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
      const now = clock.nowMs();
      if (done !== 0 && done < total && now - last < everyMs) return;
      last = now;
      spreadsheet.toast(gasMsg.progress(message, done, total), gasMsg.appName, 10);
    },
  };
}

export function sheetsRuntime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet()): SheetsRuntime {
  if (!spreadsheet) throw new Error(gasMsg.noSpreadsheet);
  const workbook = new SheetsWorkbook(spreadsheet);
  const clock = sheetsClock(() => workbook.timeZone());
  return {
    workbook,
    clock,
    lock: scriptLock(),
    store: scriptStore(),
    scheduler: triggerScheduler(),
    progress: toastProgress(spreadsheet, clock),
  };
}
