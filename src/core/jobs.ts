/**
 * Runs a letter job once at a time and carries it across executions: the lock keeps a second run
 * out; a run that stops at the soft deadline or on the mail quota leaves its job in the store and
 * schedules `continueRun`, which runs the same job again (the journal skips what is done). When the
 * job finishes, the state and the trigger are removed.
 */
import type { Runtime } from '../ports';
import { runMsg } from '../messages/letters';
import { runInvitations } from './invite/run';
import { composeNotice } from './letters/email';
import { lockedRun, refusedRun, type RunLimits, type RunReport } from './run/outcome';
import type { ThanksRequest } from './thanks/period';
import { runThanks } from './thanks/run';

export type JobSpec = { job: 'invite'; eventId: string; resend: string[] } | ({ job: 'thanks' } & ThanksRequest);

export const RUN_STATE_KEY = 'partnerstvo.run';
export const CONTINUE_HANDLER = 'continueRun';
/** Wait before continuing after the soft deadline. */
export const CONTINUE_AFTER_MS = 60 * 1000;
/** Apps Script's mail quota is a rolling day; try again a little after it. */
export const QUOTA_RETRY_MS = 24 * 60 * 60 * 1000 + 5 * 60 * 1000;
export const LOCK_WAIT_MS = 3000;

function execute(rt: Runtime, spec: JobSpec, limits: RunLimits): RunReport {
  if (spec.job === 'invite') return runInvitations(rt, { eventId: spec.eventId, resend: spec.resend }, limits);
  return runThanks(rt, spec, limits);
}

function continuation(spec: JobSpec, notReached: string[]): JobSpec {
  const pending = new Set(notReached.map((id) => id.toLowerCase()));
  if (spec.job === 'invite') return { ...spec, resend: spec.resend.filter((id) => pending.has(id.toLowerCase())) };
  const redoPartners = spec.redo ? notReached : (spec.redoPartners ?? []).filter((id) => pending.has(id.toLowerCase()));
  return { ...spec, redo: false, redoPartners };
}

/** The job a spec names, apart from how far it got: the same kind for the same event or period and options. */
function jobIdentity(spec: JobSpec): string {
  if (spec.job === 'invite') return ['invite', spec.eventId.trim().toLowerCase()].join('|');
  return ['thanks', (spec.eventId ?? '').trim().toLowerCase(), (spec.year ?? '').trim(), spec.sponsorsOnly === true, spec.email === true].join('|');
}

export function startJob(rt: Runtime, spec: JobSpec, limits: RunLimits): RunReport {
  if (!rt.lock.tryLock(LOCK_WAIT_MS)) return lockedRun();
  try {
    // One stored continuation at a time: a different job started now would overwrite it, and the
    // letters the stopped run had not reached would never be made.
    const pending = pendingJob(rt);
    if (pending && jobIdentity(pending) !== jobIdentity(spec)) {
      return refusedRun(pending.job === 'invite' ? runMsg.otherInvitePending(pending.eventId) : runMsg.otherThanksPending);
    }
    const report = execute(rt, spec, limits);
    if (report.outcome === 'stopped' && report.stopped) {
      // Explicit resends and redos already attempted must not be repeated by the continuation; the
      // ones the run did not reach yet must still happen.
      const next = continuation(spec, report.stopped.partners);
      rt.store.set(RUN_STATE_KEY, JSON.stringify(next));
      rt.scheduler.scheduleOnce(CONTINUE_HANDLER, report.stopped.reason === 'quota' ? QUOTA_RETRY_MS : CONTINUE_AFTER_MS);
    } else {
      rt.store.delete(RUN_STATE_KEY);
      rt.scheduler.cancel(CONTINUE_HANDLER);
    }
    return report;
  } finally {
    rt.lock.release();
  }
}

/** The trigger's entry: continues the stored job, or cleans up when there is none. */
export function continueJob(rt: Runtime, limits: RunLimits): RunReport | null {
  const raw = rt.store.get(RUN_STATE_KEY);
  let spec: JobSpec | null = null;
  try {
    spec = raw ? (JSON.parse(raw) as JobSpec) : null;
  } catch {
    spec = null;
  }
  if (!spec) {
    rt.store.delete(RUN_STATE_KEY);
    rt.scheduler.cancel(CONTINUE_HANDLER);
    return null;
  }
  const report = startJob(rt, spec, limits);
  // Someone else holds the lock: try again later rather than lose the job.
  if (report.outcome === 'locked') rt.scheduler.scheduleOnce(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
  else if (report.outcome !== 'stopped') notifyFinished(rt, report);
  return report;
}

/**
 * The person who started a run has long closed the dialog when its continuation finishes: one email
 * to them with the run's report. A courtesy only — the journal is the record — so a failure to send
 * it changes nothing.
 */
function notifyFinished(rt: Runtime, report: RunReport): void {
  try {
    const to = rt.mail.selfAddress();
    if (!to || !report.what) return;
    const total = report.doneBefore + report.sent + report.made + report.printed;
    const paragraphs = [runMsg.noticeIntro(report.what), runMsg.noticeTotal(total), report.message, runMsg.noticeJournal];
    rt.mail.send(composeNotice(to, runMsg.noticeSubject(report.what), paragraphs));
  } catch {
    // See above: nothing depends on this email.
  }
}

/** Whether a job is waiting to be continued (for the dialog to say so). */
export function pendingJob(rt: Runtime): JobSpec | null {
  const raw = rt.store.get(RUN_STATE_KEY);
  try {
    return raw ? (JSON.parse(raw) as JobSpec) : null;
  } catch {
    return null;
  }
}
