/**
 * «Отправить позже»: invitations sent at a chosen wall-clock time in the spreadsheet's time zone.
 *
 * The waiting send is one record in the store (its own key, not the run state of `jobs.ts`), and one
 * time-driven trigger for `SCHEDULE_HANDLER` at that instant. When it fires, the send starts through
 * `startJob` like a click on «Отправить»: the lock, the journal, the quota, the continuation. The
 * record is handed over the moment `startJob` has stored the job (its `onStored`), before any letter:
 *
 * - a kill before that leaves the record and the safety trigger set just before: it starts again,
 *   and nothing had been sent;
 * - a kill between the job being stored and the record being dropped leaves both, with the same
 *   job: whichever trigger fires next (this one or `continueRun`) sees that the stored job is the
 *   record's and drops the record (`settleScheduled`), so the letters go once, by the continuation;
 * - after that the record is gone and the job is carried on like any stopped run.
 *
 * One send waits at a time: a second one is refused with the first one's time and how to cancel it
 * (replacing silently would lose a choice someone made; cancelling is one menu item). «Отправить» now
 * for the same event takes the waiting send's place (the dialog says so before). Cancelling removes
 * the record, and the trigger when it is the canceller's own; a colleague's trigger (Apps Script shows
 * each user only their own) fires later, finds nothing and removes itself.
 *
 * A trigger has no user at the screen: nothing here may show UI. Whoever scheduled the send (the
 * trigger runs as them) hears by email how it went.
 */
import type { Runtime } from '../ports';
import { scheduleMsg } from '../messages/schedule';
import { AFTER_KILL_MS, CONTINUE_AFTER_MS, MAX_REFUSALS, pendingJob, REFUSED_RETRY_MS, startJob, type JobSpec } from './jobs';
import { composeNotice } from './letters/email';
import type { RunLimits, RunReport } from './run/outcome';
import { foldLookAlikes, formatDateLong, parseDateText, parseTimeText } from './russian';
import { prepareInvitations } from './invite/plan';

export const SCHEDULE_KEY = 'partnerstvo.scheduled';
/** The top-level function the time-driven trigger calls (src/main.ts). */
export const SCHEDULE_HANDLER = 'sendScheduled';

type InviteSpec = Extract<JobSpec, { job: 'invite' }>;

/** A waiting send this long past its time did not start by itself (its retries come sooner). */
const OVERDUE_MS = 2 * REFUSED_RETRY_MS;

/** The waiting send, as the store keeps it. */
export interface ScheduledSend {
  spec: InviteSpec;
  /** The instant to send at (ms since the epoch). */
  atMs: number;
  /** The event's title when it was scheduled, for the messages. */
  title: string;
  /** Who scheduled it ('' when their address could not be read). */
  by: string;
  /** Times in a row the start was refused because another job was waiting. */
  refusals: number;
}

/** What the dialog and the menu show about a waiting send. */
export interface ScheduleView {
  eventId: string;
  title: string;
  /** `27 ноября 2026 г., 09:00` in the spreadsheet's time zone. */
  when: string;
  resend: number;
  by: string;
  /** The note for the dialog: «Запланировано на …». */
  note: string;
}

export interface ScheduleResult {
  ok: boolean;
  message: string;
  schedule: ScheduleView | null;
}

const idKey = (id: string): string => foldLookAlikes(id.trim()).toLowerCase();

function sameSpec(a: JobSpec, b: InviteSpec): boolean {
  if (a.job !== 'invite' || idKey(a.eventId) !== idKey(b.eventId)) return false;
  const left = new Set(a.resend.map(idKey));
  const right = new Set(b.resend.map(idKey));
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/** The stored send, or null when there is none or the value is not one (garbage reads as none). */
export function readScheduled(rt: Runtime): ScheduledSend | null {
  const raw = rt.store.get(SCHEDULE_KEY);
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  const spec = s.spec as Record<string, unknown> | undefined;
  if (!spec || spec.job !== 'invite' || typeof spec.eventId !== 'string' || !Array.isArray(spec.resend) || !spec.resend.every((x) => typeof x === 'string')) return null;
  if (typeof s.atMs !== 'number' || !Number.isFinite(s.atMs)) return null;
  return {
    spec: { job: 'invite', eventId: spec.eventId, resend: spec.resend as string[] },
    atMs: s.atMs,
    title: typeof s.title === 'string' ? s.title : spec.eventId,
    by: typeof s.by === 'string' ? s.by : '',
    refusals: typeof s.refusals === 'number' && Number.isInteger(s.refusals) && s.refusals >= 0 ? s.refusals : 0,
  };
}

function writeScheduled(rt: Runtime, send: ScheduledSend): void {
  rt.store.set(SCHEDULE_KEY, JSON.stringify(send));
}

/** `27 ноября 2026 г., 09:00`: the instant as the spreadsheet's clock shows it. */
export function wallText(rt: Runtime, ms: number): string {
  const t = rt.workbook.cellDate(new Date(ms));
  return scheduleMsg.when(formatDateLong(t), `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`);
}

function view(rt: Runtime, send: ScheduledSend): ScheduleView {
  const when = wallText(rt, send.atMs);
  const what = scheduleMsg.what(send.title);
  // Long past its time and still here: its execution was cut off before it could start the send.
  const overdue = send.refusals === 0 && rt.clock.nowMs() > send.atMs + OVERDUE_MS;
  const note = overdue ? scheduleMsg.overdue(what, when) : scheduleMsg.pending(what, when, send.spec.resend.length);
  return { eventId: send.spec.eventId, title: send.title, when, resend: send.spec.resend.length, by: send.by, note };
}

/** The waiting send for the dialog, or null. */
export function scheduledSend(rt: Runtime): ScheduleView | null {
  const send = readScheduled(rt);
  return send ? view(rt, send) : null;
}

/**
 * The instant a date and a time typed in the dialog name, read as wall-clock time in the
 * spreadsheet's zone (the zone its date cells are read in), or the Russian reason it cannot be used.
 */
export function parseSendTime(rt: Runtime, dateText: string, timeText: string): { atMs: number } | { error: string } {
  const dateIn = dateText.trim();
  const timeIn = timeText.trim();
  if (!dateIn) return { error: scheduleMsg.noDate };
  if (!timeIn) return { error: scheduleMsg.noTime };
  const date = parseDateText(dateIn);
  if (!date) return { error: scheduleMsg.badDate(dateIn) };
  const time = parseTimeText(timeIn);
  const m = time ? /^(\d{2}):(\d{2})$/.exec(time) : null; // a range (`15:00–17:00`) is no instant
  if (!m) return { error: scheduleMsg.badTime(timeIn) };
  const atMs = rt.workbook.toCellDate({ ...date, hour: Number(m[1]), minute: Number(m[2]), second: 0 }).getTime();
  const now = rt.clock.nowMs();
  if (!(atMs > now)) return { error: scheduleMsg.past(wallText(rt, atMs), wallText(rt, now)) };
  return { atMs };
}

/**
 * «Запланировать»: checks what a run would check now (the event, the sheets, the template) and the
 * time, then sets the trigger and stores the send. Sends nothing, writes nothing to the sheets.
 */
export function scheduleInvitations(rt: Runtime, request: { eventId: string; resend: string[] }, dateText: string, timeText: string): ScheduleResult {
  const refuse = (message: string): ScheduleResult => ({ ok: false, message, schedule: scheduledSend(rt) });
  const when = parseSendTime(rt, dateText, timeText);
  if ('error' in when) return refuse(when.error);
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return refuse(ctx.error);
  if (ctx.plan.templateProblems.length > 0) return refuse(ctx.plan.templateProblems.join('\n'));
  const letters = ctx.plan.send.length + ctx.plan.print.length;
  if (letters === 0) return refuse(scheduleMsg.nothingToSend);
  // The lock keeps a send being scheduled from racing a run or another schedule for the store.
  if (!rt.lock.tryLock(3000)) return refuse(scheduleMsg.busy);
  try {
    const waiting = readScheduled(rt);
    if (waiting) return refuse(scheduleMsg.alreadyScheduled(scheduleMsg.what(waiting.title), wallText(rt, waiting.atMs)));
    // Trigger first, then the record: a kill in between leaves a trigger that finds nothing to do.
    try {
      rt.scheduler.scheduleAt(SCHEDULE_HANDLER, when.atMs);
    } catch (e) {
      return refuse(scheduleMsg.triggerFailed(e instanceof Error ? e.message : String(e)));
    }
    let by = '';
    try {
      by = rt.mail.selfAddress() ?? '';
    } catch {
      // Only for the messages.
    }
    const send: ScheduledSend = { spec: { job: 'invite', eventId: ctx.event.id, resend: [...request.resend] }, atMs: when.atMs, title: ctx.event.title, by, refusals: 0 };
    writeScheduled(rt, send);
    return { ok: true, message: scheduleMsg.scheduled(scheduleMsg.what(send.title), wallText(rt, send.atMs), letters), schedule: view(rt, send) };
  } finally {
    rt.lock.release();
  }
}

/** «Отменить отложенную отправку»: what was cancelled, or that nothing waited. */
export function cancelScheduled(rt: Runtime): { cancelled: ScheduleView | null; message: string } {
  const send = readScheduled(rt);
  rt.store.delete(SCHEDULE_KEY);
  // Only the canceller's own trigger can be removed; a colleague's finds nothing and removes itself.
  rt.scheduler.cancel(SCHEDULE_HANDLER);
  if (!send) {
    // A send that has started is a run like any other: it goes on, and cancelling here does not stop it.
    const running = pendingJob(rt);
    return { cancelled: null, message: running?.job === 'invite' ? scheduleMsg.nothingScheduledRunning : scheduleMsg.nothingScheduled };
  }
  const shown = view(rt, send);
  return { cancelled: shown, message: scheduleMsg.cancelled(scheduleMsg.what(send.title), shown.when) };
}

/**
 * Drops the record when the job it asks for is the one already stored by `jobs.ts` (a kill came
 * between the two): that job does the same work. Call before continuing any stored job.
 */
export function settleScheduled(rt: Runtime): void {
  const send = readScheduled(rt);
  const stored = pendingJob(rt);
  if (send && stored && sameSpec(stored, send.spec)) rt.store.delete(SCHEDULE_KEY);
}

/**
 * «Отправить» now. When a send waits for the same event, this run takes its place: the record goes
 * once this job is stored, so a refused or locked start leaves it waiting.
 */
export function startInvitationsNow(rt: Runtime, spec: InviteSpec, limits: RunLimits): RunReport {
  const waiting = readScheduled(rt);
  const replaces = waiting !== null && idKey(waiting.spec.eventId) === idKey(spec.eventId);
  return startJob(rt, spec, limits, replaces ? { onStored: () => rt.store.delete(SCHEDULE_KEY) } : {});
}

/** Whether this execution runs as the person who scheduled the send (when both addresses are known). */
function isCreator(rt: Runtime, send: ScheduledSend): boolean {
  let self: string | null = null;
  try {
    self = rt.mail.selfAddress();
  } catch {
    return true; // cannot tell: the send goes on rather than being lost
  }
  return !send.by || !self || self.toLowerCase() === send.by.toLowerCase();
}

/** A note to whoever scheduled the send (the trigger runs as them); a courtesy, so a failure changes nothing. */
function notify(rt: Runtime, subject: string, paragraphs: string[]): void {
  try {
    const to = rt.mail.selfAddress();
    if (to) rt.mail.send(composeNotice(to, subject, paragraphs));
  } catch {
    // The journal is the record; nothing depends on this email.
  }
}

/**
 * The trigger's entry: at (or after) the chosen time, starts the send through `startJob`. Returns
 * the run's report, or null when nothing ran.
 */
export function runScheduled(rt: Runtime, limits: RunLimits): RunReport | null {
  const send = readScheduled(rt);
  if (!send || !isCreator(rt, send)) {
    // Cancelled meanwhile, already handed over, or this trigger was set for a send a colleague
    // cancelled before scheduling their own: the send runs as the one who scheduled it, by their trigger.
    rt.scheduler.cancel(SCHEDULE_HANDLER);
    return null;
  }
  // The reference promises no precision for `at(date)`: never start before the chosen time.
  if (rt.clock.nowMs() < send.atMs) {
    rt.scheduler.scheduleAt(SCHEDULE_HANDLER, send.atMs);
    return null;
  }
  // A kill from here until the job is stored is carried on by this trigger; after, by the continuation.
  rt.scheduler.scheduleOnce(SCHEDULE_HANDLER, AFTER_KILL_MS);
  let handedOver = false;
  try {
    return startScheduled(rt, send, limits, () => {
      rt.store.delete(SCHEDULE_KEY);
      handedOver = true;
    });
  } catch (e) {
    // An exception (not a kill) before the hand-over: try again soon rather than wait for the safety trigger.
    if (!handedOver) rt.scheduler.scheduleOnce(SCHEDULE_HANDLER, CONTINUE_AFTER_MS);
    throw e;
  }
}

function startScheduled(rt: Runtime, send: ScheduledSend, limits: RunLimits, handOver: () => void): RunReport | null {
  settleScheduled(rt);
  if (!readScheduled(rt)) {
    rt.scheduler.cancel(SCHEDULE_HANDLER);
    return null;
  }
  let handedOver = false;
  const what = scheduleMsg.what(send.title);
  const when = wallText(rt, send.atMs);
  const report = startJob(rt, send.spec, limits, {
    onStored: () => {
      handOver();
      handedOver = true;
    },
    // Refused once stored (the template could not be read …): retried, and told, like a continuation.
    unattended: true,
  });
  if (!handedOver) {
    if (report.outcome === 'locked') {
      // A run of someone else holds the lock for at most one execution.
      rt.scheduler.scheduleOnce(SCHEDULE_HANDLER, CONTINUE_AFTER_MS);
      return report;
    }
    // Refused before the job was stored: another job waits to be continued. Try again later.
    if (send.refusals + 1 < MAX_REFUSALS) {
      writeScheduled(rt, { ...send, refusals: send.refusals + 1 });
      rt.scheduler.scheduleOnce(SCHEDULE_HANDLER, REFUSED_RETRY_MS);
      if (send.refusals === 0) notify(rt, scheduleMsg.noticeWaitsSubject(what), [scheduleMsg.noticeWaits(what, report.message)]);
      return report;
    }
    rt.store.delete(SCHEDULE_KEY);
    rt.scheduler.cancel(SCHEDULE_HANDLER);
    notify(rt, scheduleMsg.noticeNotStartedSubject(what), [scheduleMsg.noticeNotStarted(what, report.message)]);
    return report;
  }
  rt.scheduler.cancel(SCHEDULE_HANDLER);
  if (report.outcome === 'done') notify(rt, scheduleMsg.noticeDoneSubject(what), [scheduleMsg.noticeDone(what, when), report.message]);
  // `stopped` or `refused`: the job waits in the store, carried on (and told of) by the continuation.
  return report;
}
