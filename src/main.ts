/**
 * Apps Script entry points only: every export becomes a top-level function of dist/Code.js (menus,
 * triggers and google.script.run see only those). Each wires the adapters into a core job and returns.
 */
import { version } from '../package.json';
import { runCheck } from './core/check';
import { listEvents, previewInvitations, sendTestInvitation, type InvitePreview, type RunLimits, type RunReport } from './core/invite';
import { dialogMsg, docsMsg, gasMsg, MENU } from './core/messages/gas';
import { setupMsg } from './core/messages/data';
import { readWorkbook } from './core/read';
import { currentYearLabel, makeReport } from './core/report-job';
import { continueJob, pendingJob, startJob } from './core/runner';
import { SHEET } from './core/schema';
import { runSetup } from './core/setup';
import { owedThanks, previewThanks, type ThanksPreview, type ThanksRequest } from './core/thanks';
import { gasRuntime } from './gas/runtime';
import { ensureDocsSetup } from './gas/templates';
import { alert, errorText, guarded, openDialog, showTextDialog } from './gas/ui';
import { SheetsWorkbook } from './gas/workbook';

/** Stop starting new letters after 4.5 minutes; Apps Script kills an execution at 6. */
const SOFT_DEADLINE_MS = 4.5 * 60 * 1000;
const limitsFromNow = (): RunLimits => ({ softDeadlineMs: SOFT_DEADLINE_MS, startMs: Date.now() });
const DIALOG = { width: 760, height: 640 };

function activeWorkbook(): SheetsWorkbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error(gasMsg.noSpreadsheet);
  return new SheetsWorkbook(ss);
}

/** What google.script.run hands to the page: plain JSON (no Dates, no class instances). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Runs a dialog's server call: failures come back as Russian text in the call's usual shape. */
function serve<T>(action: string, fallback: (message: string) => T, run: () => T): T {
  try {
    return plain(run());
  } catch (error) {
    console.error(`${action}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return plain(fallback(errorText(action, error)));
  }
}

const failedReport = (message: string): RunReport => ({
  ok: false,
  message,
  sent: 0,
  made: 0,
  printed: 0,
  errors: [],
  needsCheck: 0,
  stopped: null,
  attempted: 0,
  printLink: '',
});

const failedPreview = (message: string): InvitePreview => ({
  ok: false,
  error: message,
  event: null,
  counts: { send: 0, print: 0, skipped: 0 },
  byCategory: [],
  recipients: [],
  skipped: [],
  quota: null,
  quotaShort: false,
  templateProblems: [],
  sample: null,
});

const failedThanksPreview = (message: string): ThanksPreview => ({ ok: false, error: message, period: '', letters: [], skipped: [], templateProblems: [], sample: '' });

/** Only the fields a thank-you request has, with their types (the page could send anything). */
function thanksRequest(raw: unknown): ThanksRequest {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const request: ThanksRequest = { sponsorsOnly: r.sponsorsOnly === true, redo: r.redo === true, email: r.email === true };
  const eventId = text(r.eventId);
  const year = text(r.year);
  if (eventId) request.eventId = eventId;
  else if (year) request.year = year;
  return request;
}

const ids = (raw: unknown): string[] => (Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);

// ------------------------------------------------------------------------------------------ menu

export function onOpen(): void {
  guarded(MENU.title, () => {
    SpreadsheetApp.getUi()
      .createMenu(MENU.title)
      .addItem(MENU.invite, 'menuInvite')
      .addItem(MENU.thanks, 'menuThanks')
      .addItem(MENU.owed, 'menuOwed')
      .addItem(MENU.report, 'menuReport')
      .addSeparator()
      .addItem(MENU.setup, 'menuSetup')
      .addItem(MENU.check, 'menuCheck')
      .addItem(MENU.about, 'menuAbout')
      .addToUi();
  });
}

export function onInstall(): void {
  onOpen();
}

export function menuSetup(): void {
  guarded(MENU.setup, () => {
    const wb = activeWorkbook();
    const report = runSetup(wb);
    const docs = ensureDocsSetup(wb);
    if (docs.lines.length === 0) {
      alert(gasMsg.setupTitle, report.summary);
      return;
    }
    const head = report.summary === setupMsg.nothing ? setupMsg.done : report.summary;
    alert(gasMsg.setupTitle, [head, '', docsMsg.docsSetupHeader, ...docs.lines].join('\n'));
  });
}

export function menuCheck(): void {
  guarded(MENU.check, () => {
    const report = runCheck(activeWorkbook());
    alert(gasMsg.checkTitle, report.summary);
  });
}

export function menuAbout(): void {
  guarded(MENU.about, () => alert(gasMsg.aboutTitle, gasMsg.about(version)));
}

export function menuInvite(): void {
  guarded(MENU.invite, () => openDialog('invite', dialogMsg.inviteTitle, DIALOG));
}

export function menuThanks(): void {
  guarded(MENU.thanks, () => openDialog('thanks', dialogMsg.thanksTitle, DIALOG));
}

export function menuOwed(): void {
  guarded(MENU.owed, () => {
    const owed = owedThanks(gasRuntime());
    if (owed.length === 0) {
      alert(dialogMsg.owedTitle, dialogMsg.owedNone);
      return;
    }
    showTextDialog(dialogMsg.owedTitle, [dialogMsg.owedIntro(owed.length), '', ...owed.map(dialogMsg.owedLine), '', dialogMsg.owedHint].join('\n'));
  });
}

export function menuReport(): void {
  guarded(MENU.report, () => {
    const rt = gasRuntime();
    const current = currentYearLabel(rt);
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt(dialogMsg.reportTitle, dialogMsg.reportPrompt(current), ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const result = makeReport(rt, answer.getResponseText());
    if (!result.ok) {
      alert(dialogMsg.reportTitle, result.message);
      return;
    }
    openDialog('result', dialogMsg.reportDone, { width: 520, height: 260 }, { message: result.message, links: [{ text: dialogMsg.openDocument, url: result.link }] });
  });
}

// ------------------------------------------------------------------------ dialog server calls

export function dialogInviteData(): { events: ReturnType<typeof listEvents>; selected: string; pending: ReturnType<typeof pendingJob>; error: string } {
  return serve(
    dialogMsg.inviteTitle,
    (error) => ({ events: [], selected: '', pending: null, error }),
    () => {
      const rt = gasRuntime();
      const events = listEvents(rt);
      let selected = '';
      const range = SpreadsheetApp.getActiveRange();
      if (range && range.getSheet().getName() === SHEET.events) {
        const row = range.getRow();
        const event = readWorkbook(rt.workbook).events.find((e) => e.row === row);
        if (event && events.some((e) => e.id === event.id)) selected = event.id;
      }
      if (!selected) selected = (events.find((e) => e.upcoming) ?? events[0])?.id ?? '';
      return { events, selected, pending: pendingJob(rt), error: '' };
    },
  );
}

export function dialogPreviewInvite(eventId: string): InvitePreview {
  return serve(dialogMsg.inviteTitle, failedPreview, () => previewInvitations(gasRuntime(), { eventId: String(eventId ?? '') }));
}

export function dialogSendTestInvite(eventId: string): string {
  return serve(dialogMsg.inviteTitle, (message) => message, () => sendTestInvitation(gasRuntime(), { eventId: String(eventId ?? '') }));
}

export function dialogStartInvite(eventId: string, resendIds?: string[]): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.inviteTitle, failedReport, () => startJob(gasRuntime(), { job: 'invite', eventId: String(eventId ?? ''), resend: ids(resendIds) }, limits));
}

export function dialogThanksData(): { events: ReturnType<typeof listEvents>; currentYear: string; pending: ReturnType<typeof pendingJob>; error: string } {
  return serve(
    dialogMsg.thanksTitle,
    (error) => ({ events: [], currentYear: '', pending: null, error }),
    () => {
      const rt = gasRuntime();
      return { events: listEvents(rt), currentYear: currentYearLabel(rt), pending: pendingJob(rt), error: '' };
    },
  );
}

export function dialogPreviewThanks(request: ThanksRequest): ThanksPreview {
  return serve(dialogMsg.thanksTitle, failedThanksPreview, () => previewThanks(gasRuntime(), thanksRequest(request)));
}

export function dialogStartThanks(request: ThanksRequest): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.thanksTitle, failedReport, () => startJob(gasRuntime(), { job: 'thanks', ...thanksRequest(request) }, limits));
}

// ------------------------------------------------------------------------------------ triggers

/** The time-driven trigger that carries a long run on (runner's CONTINUE_HANDLER). No UI here. */
export function continueRun(): void {
  const limits = limitsFromNow();
  try {
    const report = continueJob(gasRuntime({ interactive: false }), limits);
    if (report) console.log(`continueRun: ${report.message}`);
  } catch (error) {
    console.error(`continueRun: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
