/**
 * Runs a letter job once at a time and carries it across executions: the lock keeps a second run
 * out; a run that stops at the soft deadline or on the mail quota leaves its job in the store and
 * schedules `continueRun`, which runs the same job again (the journal skips what is done). Before
 * any work a trigger after the 6-minute kill is set, so an execution that dies is carried on too.
 * When the job finishes, the state and the trigger are removed.
 */
import type { Runtime } from '../ports';
import { runMsg } from '../messages/letters';
import { journalTime } from './run/journal';
import { runInvitations } from './invite/run';
import { composeNotice } from './letters/email';
import { documentLinks, lockedRun, refusedRun, type RunLimits, type RunReport } from './run/outcome';
import { deleteText, readText, writeText } from './run/stored-text';
import type { ThanksRequest } from './thanks/period';
import { runThanks } from './thanks/run';

/**
 * `resendSince`: when the job was started (`journalTime`): a resend whose journal row is newer was
 * made by this job, so an execution killed after it does not make its continuation send it again.
 */
export type JobSpec = { job: 'invite'; eventId: string; resend: string[]; resendSince?: string } | ({ job: 'thanks' } & ThanksRequest);

export const RUN_STATE_KEY = 'partnerstvo.run';
export const CONTINUE_HANDLER = 'continueRun';
/** Wait before continuing after the soft deadline. */
export const CONTINUE_AFTER_MS = 60 * 1000;
/** Apps Script's mail quota is a rolling day; try again a little after it. */
export const QUOTA_RETRY_MS = 24 * 60 * 60 * 1000 + 5 * 60 * 1000;
export const LOCK_WAIT_MS = 3000;
/** The safety trigger set before any work: it fires after Apps Script's 6-minute kill. */
export const AFTER_KILL_MS = 7 * 60 * 1000;
/** Executions in a row that may die before the job is given up. */
export const MAX_TRIES = 5;
/** A refused continuation tries again after this, up to MAX_REFUSALS times (a day). */
export const REFUSED_RETRY_MS = 30 * 60 * 1000;
export const MAX_REFUSALS = 48;

function execute(rt: Runtime, spec: JobSpec, limits: RunLimits): RunReport {
  if (spec.job === 'invite') return runInvitations(rt, { eventId: spec.eventId, resend: spec.resend, resendSince: spec.resendSince }, limits);
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

/**
 * What the store keeps about the job in hand: the job as it goes on, how many executions in a row
 * started it without settling (a kill or an exception ends them before they can say), and how many
 * continuations in a row were refused.
 */
interface RunState {
  spec: JobSpec;
  tries: number;
  refusals: number;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const optional = (v: unknown, type: 'string' | 'boolean'): boolean => v === undefined || typeof v === type;

/** The job a stored value names, or null when it is not one (an older shape, a hand edit, garbage). */
function specFrom(value: unknown): JobSpec | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (v.job === 'invite') {
    if (typeof v.eventId !== 'string' || v.eventId.trim() === '' || !strings(v.resend ?? []) || !optional(v.resendSince, 'string')) return null;
    const invite: JobSpec = { job: 'invite', eventId: v.eventId, resend: (v.resend as string[] | undefined) ?? [] };
    if (typeof v.resendSince === 'string') invite.resendSince = v.resendSince;
    return invite;
  }
  if (v.job === 'thanks') {
    const fieldsOk =
      optional(v.eventId, 'string') && optional(v.year, 'string') && optional(v.sponsorsOnly, 'boolean') && optional(v.redo, 'boolean') && optional(v.email, 'boolean') && optional(v.redoSince, 'string');
    if (!fieldsOk || (v.redoPartners !== undefined && !strings(v.redoPartners))) return null;
    const spec: JobSpec = { job: 'thanks' };
    for (const key of ['eventId', 'year', 'sponsorsOnly', 'redo', 'redoPartners', 'redoSince', 'email'] as const) if (v[key] !== undefined) Object.assign(spec, { [key]: v[key] });
    return spec;
  }
  return null;
}

function readState(rt: Runtime): RunState | null {
  // In parts when long (a redo of hundreds of partners passes the store's 9 KB per value): see stored-text.ts.
  const raw = readText(rt.store, RUN_STATE_KEY);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const wrapper = typeof parsed === 'object' && parsed !== null && 'spec' in parsed ? (parsed as Record<string, unknown>) : null;
  // An earlier version stored the job itself.
  const spec = specFrom(wrapper ? wrapper.spec : parsed);
  if (!spec) return null;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  return { spec, tries: count(wrapper?.tries), refusals: count(wrapper?.refusals) };
}

function writeState(rt: Runtime, state: RunState): void {
  writeText(rt.store, RUN_STATE_KEY, JSON.stringify(state));
}

function clearState(rt: Runtime): void {
  deleteText(rt.store, RUN_STATE_KEY);
  rt.scheduler.cancel(CONTINUE_HANDLER);
}

export interface StartOptions {
  /** Runs once the job is in the store, before any work (see `startJob`). */
  onStored?: () => void;
  /** No one watches this start (a scheduled send): a refusal is retried and told by email like a continuation's. */
  unattended?: boolean;
}

/**
 * Starts a job (a click in a dialog, a command, a scheduled send): one at a time, carried on by itself
 * when it stops. `onStored` runs once the job is in the store, before any work: from then on it is
 * carried on like any stopped run, so a caller that kept the job elsewhere drops its copy there.
 */
export function startJob(rt: Runtime, spec: JobSpec, limits: RunLimits, options: StartOptions = {}): RunReport {
  const now = journalTime(rt.clock.today());
  // Stamped once, at the start: a continuation then knows which resends and redos this job already made.
  let stamped = spec;
  if (spec.job === 'invite' && spec.resend.length > 0 && !spec.resendSince) stamped = { ...spec, resendSince: now };
  if (spec.job === 'thanks' && (spec.redo === true || (spec.redoPartners ?? []).length > 0) && !spec.redoSince) stamped = { ...spec, redoSince: now };
  return runJob(rt, stamped, limits, options.unattended === true, options.onStored);
}

function runJob(rt: Runtime, spec: JobSpec, limits: RunLimits, continuing: boolean, onStored?: () => void): RunReport {
  if (!rt.lock.tryLock(LOCK_WAIT_MS)) return lockedRun();
  try {
    // One stored continuation at a time: a different job started now would overwrite it, and the
    // letters the stopped run had not reached would never be made.
    const pending = readState(rt);
    if (pending && jobIdentity(pending.spec) !== jobIdentity(spec)) {
      return refusedRun(pending.spec.job === 'invite' ? runMsg.otherInvitePending(pending.spec.eventId) : runMsg.otherThanksPending);
    }
    // Before any work, a trigger that fires after the 6-minute kill, then the job: an execution that
    // dies (a kill runs no catch or finally) or throws is carried on by it. Trigger first: a kill in
    // between leaves a trigger that finds nothing to do, never a job that nothing carries on.
    const tries = (continuing && pending ? pending.tries : 0) + 1;
    const refusals = continuing && pending ? pending.refusals : 0;
    rt.scheduler.scheduleOnce(CONTINUE_HANDLER, AFTER_KILL_MS);
    writeState(rt, { spec, tries, refusals });
    onStored?.();
    const report = execute(rt, spec, limits);
    if (report.outcome === 'stopped' && report.stopped) {
      // Explicit resends and redos already attempted must not be repeated by the continuation; the
      // ones the run did not reach yet must still happen.
      writeState(rt, { spec: continuation(spec, report.stopped.partners), tries: 0, refusals: 0 });
      rt.scheduler.scheduleOnce(CONTINUE_HANDLER, report.stopped.reason === 'quota' ? QUOTA_RETRY_MS : CONTINUE_AFTER_MS);
    } else if (report.outcome === 'refused' && continuing && refusals + 1 < MAX_REFUSALS) {
      // A refused continuation (the template could not be read, a sheet is being edited …) keeps its
      // letters and tries again later; its starter hears of it once, with the reason.
      writeState(rt, { spec, tries: 0, refusals: refusals + 1 });
      rt.scheduler.scheduleOnce(CONTINUE_HANDLER, REFUSED_RETRY_MS);
      if (refusals === 0) notify(rt, runMsg.noticeRefusedSubject(describe(spec)), [runMsg.noticeRefused(describe(spec), report.message), runMsg.noticeJournal]);
    } else if (report.outcome === 'refused' && !continuing && pending) {
      // Starting the waiting job again by hand was refused: it still waits, and still goes on by itself.
      writeState(rt, pending);
      rt.scheduler.scheduleOnce(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
    } else {
      clearState(rt);
      if (report.outcome === 'refused' && continuing) {
        notify(rt, runMsg.noticeGaveUpSubject(describe(spec)), [runMsg.noticeGaveUp(describe(spec), report.message), runMsg.noticeJournal]);
      }
    }
    return report;
  } finally {
    rt.lock.release();
  }
}

/** The trigger's entry: continues the stored job, or cleans up when there is none. */
export function continueJob(rt: Runtime, limits: RunLimits): RunReport | null {
  const state = readState(rt);
  if (!state) {
    clearState(rt);
    return null;
  }
  if (state.tries >= MAX_TRIES) {
    // Executions in a row died before they could report: something fails every time. Stop, and say so.
    clearState(rt);
    notify(rt, runMsg.noticeGaveUpSubject(describe(state.spec)), [runMsg.noticeDied(describe(state.spec), state.tries), runMsg.noticeJournal]);
    return null;
  }
  const report = runJob(rt, state.spec, limits, true);
  // Someone else holds the lock: try again later rather than lose the job.
  if (report.outcome === 'locked') rt.scheduler.scheduleOnce(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
  else if (report.outcome === 'done') notifyFinished(rt, report);
  return report;
}

/** The job in words, for the notes to its starter: `Рассылка приглашений на «М-021»`. */
function describe(spec: JobSpec): string {
  return spec.job === 'invite' ? runMsg.noticeInvite(spec.eventId) : runMsg.noticeThanks(spec.eventId ?? spec.year ?? '');
}

/**
 * The person who started a run has long closed the dialog when its continuation finishes: one email
 * to them with the run's report.
 */
function notifyFinished(rt: Runtime, report: RunReport): void {
  // A continuation that found nothing left (the run before it had finished and died only after) has no news.
  if (!report.what || report.sent + report.made + report.printed + report.envelopes + report.registered + report.errors.length === 0) return;
  const total = report.doneBefore + report.sent + report.made + report.printed;
  notify(rt, runMsg.noticeSubject(report.what), [runMsg.noticeIntro(report.what), runMsg.noticeTotal(total), report.message, ...documentLinks(report), runMsg.noticeJournal]);
}

/** A note to whoever runs this execution (in a trigger: who started the job). A courtesy only — the journal is the record — so a failure to send it changes nothing. */
function notify(rt: Runtime, subject: string, paragraphs: string[]): void {
  try {
    const to = rt.mail.selfAddress();
    if (to) rt.mail.send(composeNotice(to, subject, paragraphs));
  } catch {
    // See above: nothing depends on this email.
  }
}

/** Whether a job is waiting to be continued (for the dialog to say so). */
export function pendingJob(rt: Runtime): JobSpec | null {
  return readState(rt)?.spec ?? null;
}
