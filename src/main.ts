/**
 * Apps Script entry points only: every export becomes a top-level function of dist/Code.js (menus,
 * triggers and google.script.run see only those). Each wires the adapters into a core job and returns.
 */
import { version } from '../package.json';
import { runCheck, runSetup, SHEET } from './core/data';
import { continueJob, pendingJob, startJob } from './core/jobs';
import { defaultEventId, emptyPreview, listEvents, previewInvitations, sendTestInvitation, type EventChoice, type InvitePreview, type TestSendResult } from './core/invite';
import {
  cancelScheduled,
  readScheduled,
  runScheduled,
  SCHEDULE_HANDLER,
  scheduledSend,
  scheduleInvitations,
  settleScheduled,
  startInvitationsNow,
  type ScheduleResult,
  type ScheduleView,
} from './core/schedule';
import { defaultYearLabel, makeReport } from './core/report';
import { stringsFrom } from './core/requests';
import { failedRun, type RunLimits, type RunReport } from './core/run';
import { emptyThanksPreview, owedThanks, previewThanks, thanksRequestFrom, type ThanksPreview, type ThanksRequest } from './core/thanks';
import { setupMsg } from './messages/data';
import { dialogMsg, docsMsg, gasMsg, MENU } from './messages/gas';
import { scheduleMsg } from './messages/schedule';
import { mayContinue, requirePermissions, thanksTask } from './gas/authorization';
import { activeWorkbook, gasRuntime } from './gas/runtime';
import { ensureDocsSetup } from './gas/templates';
import { activeRowOf, addMenu, alert, guarded, logFailure, openDialog, prompt, serve, showTextDialog } from './gas/ui';

/** Stop starting new letters after 4.5 minutes; Apps Script kills an execution at 6. */
const SOFT_DEADLINE_MS = 4.5 * 60 * 1000;
const limitsFromNow = (): RunLimits => ({ softDeadlineMs: SOFT_DEADLINE_MS, startMs: Date.now() });
const DIALOG = { width: 760, height: 640 };

// ------------------------------------------------------------------------------------------ menu

export function onOpen(): void {
  guarded(MENU.title, () => {
    addMenu(MENU.title, [
      [MENU.invite, 'menuInvite'],
      [MENU.cancelScheduled, 'menuCancelScheduled'],
      [MENU.thanks, 'menuThanks'],
      [MENU.owed, 'menuOwed'],
      [MENU.report, 'menuReport'],
      null,
      [MENU.setup, 'menuSetup'],
      [MENU.check, 'menuCheck'],
      [MENU.about, 'menuAbout'],
    ]);
  });
}

export function onInstall(): void {
  onOpen();
}

export function menuSetup(): void {
  const limits = limitsFromNow();
  guarded(MENU.setup, () => {
    requirePermissions(MENU.setup, 'setup');
    const wb = activeWorkbook();
    const report = runSetup(wb);
    const docs = ensureDocsSetup(wb, undefined, limits.startMs + limits.softDeadlineMs);
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
    requirePermissions(MENU.check, 'check');
    const report = runCheck(activeWorkbook());
    alert(gasMsg.checkTitle, report.summary);
  });
}

export function menuAbout(): void {
  guarded(MENU.about, () => alert(gasMsg.aboutTitle, gasMsg.about(version)));
}

export function menuInvite(): void {
  guarded(MENU.invite, () => {
    requirePermissions(dialogMsg.inviteTitle, 'invite');
    openDialog('invite', dialogMsg.inviteTitle, DIALOG);
  });
}

/** «Отменить отложенную отправку»: says what was cancelled, or that nothing waited. */
export function menuCancelScheduled(): void {
  guarded(MENU.cancelScheduled, () => {
    requirePermissions(MENU.cancelScheduled, 'cancelScheduled');
    alert(scheduleMsg.cancelTitle, cancelScheduled(gasRuntime()).message);
  });
}

export function menuThanks(): void {
  guarded(MENU.thanks, () => {
    requirePermissions(dialogMsg.thanksTitle, 'thanks');
    openDialog('thanks', dialogMsg.thanksTitle, DIALOG);
  });
}

export function menuOwed(): void {
  guarded(MENU.owed, () => {
    requirePermissions(dialogMsg.owedTitle, 'owed');
    const owed = owedThanks(gasRuntime());
    if (owed.length === 0) {
      alert(dialogMsg.owedTitle, dialogMsg.owedNone);
      return;
    }
    showTextDialog(dialogMsg.owedTitle, [dialogMsg.owedIntro(owed.length), '', ...owed.map(dialogMsg.owedLine), '', dialogMsg.owedHint].join('\n'));
  });
}

export function menuReport(): void {
  // From the start: the execution's six minutes run while the prompt waits for the answer.
  const limits = limitsFromNow();
  guarded(MENU.report, () => {
    requirePermissions(dialogMsg.reportTitle, 'report');
    const rt = gasRuntime();
    const answer = prompt(dialogMsg.reportTitle, dialogMsg.reportPrompt(defaultYearLabel(rt)));
    if (answer === null) return;
    const result = makeReport(rt, answer, limits);
    if (!result.ok) {
      alert(dialogMsg.reportTitle, result.message);
      return;
    }
    openDialog('result', dialogMsg.reportDone, { width: 520, height: 260 }, { message: result.message, links: [{ text: dialogMsg.openDocument, url: result.link }] });
  });
}

// ------------------------------------------------------------------------ dialog server calls

export function dialogInviteData(): { events: EventChoice[]; selected: string; pending: ReturnType<typeof pendingJob>; scheduled: ScheduleView | null; error: string } {
  return serve(
    dialogMsg.inviteTitle,
    (error) => ({ events: [], selected: '', pending: null, scheduled: null, error }),
    () => {
      requirePermissions(dialogMsg.inviteTitle, 'invite');
      const rt = gasRuntime();
      const events = listEvents(rt);
      return { events, selected: defaultEventId(rt, events, activeRowOf(SHEET.events)), pending: pendingJob(rt), scheduled: scheduledSend(rt), error: '' };
    },
  );
}

/** The preview, with the send that waits for its time («Отправить позже»), for any event, or null. */
export function dialogPreviewInvite(eventId: string): InvitePreview & { scheduled: ScheduleView | null } {
  return serve(
    dialogMsg.inviteTitle,
    (error) => ({ ...emptyPreview(error), scheduled: null }),
    () => {
      requirePermissions(dialogMsg.inviteTitle, 'invite');
      const rt = gasRuntime();
      return { ...previewInvitations(rt, { eventId: String(eventId ?? '') }), scheduled: scheduledSend(rt) };
    },
  );
}

export function dialogSendTestInvite(eventId: string): TestSendResult {
  return serve(
    dialogMsg.inviteTitle,
    (message) => ({ ok: false, message }),
    () => {
      requirePermissions(dialogMsg.inviteTitle, 'inviteTest');
      return sendTestInvitation(gasRuntime(), { eventId: String(eventId ?? '') });
    },
  );
}

export function dialogStartInvite(eventId: string, resendIds?: string[]): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.inviteTitle, failedRun, () => {
    requirePermissions(dialogMsg.inviteTitle, 'invite');
    return startInvitationsNow(gasRuntime(), { job: 'invite', eventId: String(eventId ?? ''), resend: stringsFrom(resendIds) }, limits);
  });
}

/** «Отправить позже»: the date and the time as the dialog's fields hold them (`2026-11-27`, `09:00`). */
export function dialogScheduleInvite(eventId: string, resendIds: string[] | undefined, date: string, time: string): ScheduleResult {
  return serve(
    dialogMsg.inviteTitle,
    (message) => ({ ok: false, message, schedule: null }),
    () => {
      // The send will run from a trigger as this user: it needs what a run needs, and the trigger's own scope.
      requirePermissions(dialogMsg.inviteTitle, 'invite');
      return scheduleInvitations(gasRuntime(), { eventId: String(eventId ?? ''), resend: stringsFrom(resendIds) }, String(date ?? ''), String(time ?? ''));
    },
  );
}

export function dialogThanksData(): { events: EventChoice[]; currentYear: string; pending: ReturnType<typeof pendingJob>; error: string } {
  return serve(
    dialogMsg.thanksTitle,
    (error) => ({ events: [], currentYear: '', pending: null, error }),
    () => {
      requirePermissions(dialogMsg.thanksTitle, 'thanks');
      const rt = gasRuntime();
      return { events: listEvents(rt), currentYear: defaultYearLabel(rt), pending: pendingJob(rt), error: '' };
    },
  );
}

export function dialogPreviewThanks(request: ThanksRequest): ThanksPreview {
  return serve(dialogMsg.thanksTitle, emptyThanksPreview, () => {
    const spec = thanksRequestFrom(request);
    requirePermissions(dialogMsg.thanksTitle, thanksTask(spec));
    return previewThanks(gasRuntime(), spec);
  });
}

export function dialogStartThanks(request: ThanksRequest): RunReport {
  const limits = limitsFromNow();
  return serve(dialogMsg.thanksTitle, failedRun, () => {
    const spec = thanksRequestFrom(request);
    requirePermissions(dialogMsg.thanksTitle, thanksTask(spec));
    return startJob(gasRuntime(), { job: 'thanks', ...spec }, limits);
  });
}

// ------------------------------------------------------------------------------------ triggers

const scheduledJob = (rt: ReturnType<typeof gasRuntime>) => readScheduled(rt)?.spec ?? null;

/**
 * The time-driven trigger that carries a long run on (runner's CONTINUE_HANDLER). No UI here; it runs
 * as the person who started the run, so their permissions are checked first.
 */
export function continueRun(): void {
  const limits = limitsFromNow();
  try {
    const rt = gasRuntime({ interactive: false });
    // A scheduled send cut off just after its job was stored: the stored job is the one to go on.
    settleScheduled(rt);
    if (!mayContinue(rt)) return;
    const report = continueJob(rt, limits);
    if (report) console.log(`continueRun: ${report.message}`);
  } catch (error) {
    logFailure('continueRun', error);
  }
}

/**
 * The time-driven trigger of «Отправить позже» (SCHEDULE_HANDLER), set for the chosen time. Runs as
 * the person who scheduled the send; no UI (a trigger has none), the result goes to them by email.
 */
export function sendScheduled(): void {
  const limits = limitsFromNow();
  try {
    const rt = gasRuntime({ interactive: false });
    if (!mayContinue(rt, scheduledJob(rt), SCHEDULE_HANDLER)) return;
    const report = runScheduled(rt, limits);
    if (report) console.log(`sendScheduled: ${report.message}`);
  } catch (error) {
    logFailure('sendScheduled', error);
  }
}
