/**
 * The `Runtime` of `src/ports.ts` built from Apps Script services. Documents and mail come with the
 * Docs/Drive/Mail adapters; `SheetsRuntime` is everything else.
 */
import type { Clock, DocumentPort, DocumentSettings, LocalDateTime, LockPort, ProgressPort, Runtime, SchedulerPort, StorePort } from '../ports';
import { UserError } from '../core/errors';
import { gasMsg } from '../messages/gas';
import { DocsDocuments } from './documents';
import { MailAppMailer } from './mail';
import type { ZoneOffsets } from './time-zone';
import { SheetsWorkbook } from './workbook';

export type SheetsRuntime = Omit<Runtime, 'documents' | 'mail'> & { workbook: SheetsWorkbook };
export type GasRuntime = Runtime & { workbook: SheetsWorkbook };

export function sheetsClock(offsets: ZoneOffsets): Clock {
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
  const ofHandler = (handler: string) => ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  // The new trigger first, then the old ones go: a kill in between leaves two (the second finds the
  // lock or nothing to do), never none.
  const replace = (handler: string, create: (builder: GoogleAppsScript.Script.ClockTriggerBuilder) => GoogleAppsScript.Script.ClockTriggerBuilder) => {
    const old = ofHandler(handler);
    create(ScriptApp.newTrigger(handler).timeBased()).create();
    for (const trigger of old) ScriptApp.deleteTrigger(trigger);
  };
  return {
    scheduleOnce: (handler, afterMs) => replace(handler, (b) => b.after(Math.max(0, Math.round(afterMs)))),
    // `at(date)` "Specifies when the trigger runs"
    // (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#at(Date)); the
    // reference names no precision, and says of time-driven triggers that "the time may be slightly
    // randomized" (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers):
    // the handler must not assume it runs exactly then, nor never before.
    scheduleAt: (handler, atMs) => replace(handler, (b) => b.at(new Date(atMs))),
    cancel: (handler) => {
      for (const trigger of ofHandler(handler)) ScriptApp.deleteTrigger(trigger);
    },
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

/** The bound spreadsheet as a workbook (setup and check need nothing else). */
export function activeWorkbook(): SheetsWorkbook {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new UserError(gasMsg.noSpreadsheet);
  return new SheetsWorkbook(spreadsheet);
}

export function sheetsRuntime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = SpreadsheetApp.getActiveSpreadsheet()): SheetsRuntime {
  if (!spreadsheet) throw new UserError(gasMsg.noSpreadsheet);
  const workbook = new SheetsWorkbook(spreadsheet);
  const clock = sheetsClock(workbook.offsets);
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
  return { ...base, progress: options.interactive === false ? silentProgress : base.progress, documents: docsFor(), mail: new MailAppMailer() };
}

/** One document maker per settings within an execution, so its folder and template lookups are made once. */
function docsFor(): (settings: DocumentSettings) => DocumentPort {
  const made = new Map<string, DocsDocuments>();
  return (settings) => {
    const key = JSON.stringify(settings);
    let docs = made.get(key);
    if (!docs) made.set(key, (docs = new DocsDocuments(settings)));
    return docs;
  };
}

