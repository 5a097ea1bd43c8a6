/**
 * Apps Script entry points only: every export becomes a top-level function of dist/Code.js (menus,
 * triggers and google.script.run see only those). Each wires the adapters into a core job and returns.
 */
import { version } from '../package.json';
import { runCheck } from './core/data/check';
import { defaultEventId, emptyPreview, emptyRunReport, listEvents, previewInvitations, sendTestInvitation, stringsFrom, type InvitePreview, type RunLimits, type RunReport, type TestSendResult } from './core/invite/invitations';
import { dialogMsg, docsMsg, gasMsg, MENU } from './messages/gas';
import { setupMsg } from './messages/data';
import { currentYearLabel, makeReport } from './core/report/job';
import { continueJob, pendingJob, startJob } from './core/jobs';
import { SHEET } from './core/data/schema';
import { runSetup } from './core/data/setup';
import { emptyThanksPreview, owedThanks, previewThanks, thanksRequestFrom, type ThanksPreview, type ThanksRequest } from './core/thanks/thank-you';
import { gasRuntime } from './gas/runtime';
import { ensureDocsSetup } from './gas/templates';
import { activeRowOf, alert, guarded, openDialog, serve, showTextDialog } from './gas/ui';
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
      return { events, selected: defaultEventId(rt, events, activeRowOf(SHEET.events)), pending: pendingJob(rt), error: '' };
    },
  );
}

export function dialogPreviewInvite(eventId: string): InvitePreview {
  return serve(dialogMsg.inviteTitle, emptyPreview, () => previewInvitations(gasRuntime(), { eventId: String(eventId ?? '') }));
}

export function dialogSendTestInvite(eventId: string): TestSendResult {
  return serve(dialogMsg.inviteTitle, (message) => ({ ok: false, message }), () => sendTestInvitation(gasRuntime(), { eventId: String(eventId ?? '') }));
}

export function dialogStartInvite(eventId: string, resendIds?: string[]): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.inviteTitle, emptyRunReport, () => startJob(gasRuntime(), { job: 'invite', eventId: String(eventId ?? ''), resend: stringsFrom(resendIds) }, limits));
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
  return serve(dialogMsg.thanksTitle, emptyThanksPreview, () => previewThanks(gasRuntime(), thanksRequestFrom(request)));
}

export function dialogStartThanks(request: ThanksRequest): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.thanksTitle, emptyRunReport, () => startJob(gasRuntime(), { job: 'thanks', ...thanksRequestFrom(request) }, limits));
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
