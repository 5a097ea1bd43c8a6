/**
 * What a letter run did, for the dialog, the terminal and the continuation: a typed outcome, the
 * counts, the problems, and one Russian summary. Both letter jobs report in this shape.
 */
import type { Runtime } from '../../ports';
import { runMsg } from '../../messages/letters';
import { postRunMsg } from '../../messages/post';
import { addDays, formatDateLong } from '../russian';
import type { DeliveryResult } from './delivery';

/**
 * - `done`: the run went through its list (some letters may have failed: see `errors`);
 * - `stopped`: it stopped at the time limit or the mail quota and continues later by itself;
 * - `locked`: another run holds the lock, nothing was done;
 * - `refused`: nothing was started (unknown event, broken template, another job waiting …);
 * - `failed`: the program or a service failed before the run could report.
 */
export type RunOutcome = 'done' | 'stopped' | 'locked' | 'refused' | 'failed';

export interface RunReport {
  outcome: RunOutcome;
  /** Done with no problem: nothing failed, nothing left. */
  ok: boolean;
  message: string;
  sent: number;
  /** Letters whose email was saved for the user to send, not sent (offline without SMTP). */
  prepared: number;
  made: number;
  printed: number;
  errors: { who: string; message: string }[];
  needsCheck: number;
  /** Whose letters need checking (the IDs `--resend` / «Отправить повторно» take), in sheet order. */
  needsCheckPartners: { id: string; organisation: string }[];
  stopped: DeliveryResult['stopped'];
  /** Item keys the loop attempted (for continuation bookkeeping). */
  attempted: number;
  /** A link to the print-ready document, when one was made. */
  printLink: string;
  /** The envelopes of the printed letters (one per page) and how many, when made (see `invite/post.ts`). */
  envelopeLink: string;
  envelopes: number;
  /** The register of letters to deliver, and how many letters it lists, when made. */
  registerLink: string;
  registered: number;
  /** What staff should know about the envelopes: partners with no address or no index. */
  postNotes: string[];
  /** The envelopes and register were left for the continuation: the soft deadline had passed. */
  postDeferred: boolean;
  /** What the run was, for a note to its user: `Рассылка приглашений на «День матери»`; '' when it did not start. */
  what: string;
  /** Letters of the same job done by earlier runs (its earlier executions included). */
  doneBefore: number;
}

export interface RunLimits {
  softDeadlineMs: number;
  startMs: number;
}

function report(outcome: RunOutcome, message: string): RunReport {
  return {
    outcome,
    ok: false,
    message,
    sent: 0,
    prepared: 0,
    made: 0,
    printed: 0,
    errors: [],
    needsCheck: 0,
    needsCheckPartners: [],
    stopped: null,
    attempted: 0,
    printLink: '',
    envelopeLink: '',
    envelopes: 0,
    registerLink: '',
    registered: 0,
    postNotes: [],
    postDeferred: false,
    what: '',
    doneBefore: 0,
  };
}

/** A run that started nothing, with its reason. */
export const refusedRun = (message: string): RunReport => report('refused', message);

/** A run kept out by another one. */
export const lockedRun = (): RunReport => report('locked', runMsg.locked);

/** A run that failed before it could report (the dialog's server call caught an error). */
export const failedRun = (message: string): RunReport => report('failed', message);

/** A run that is starting: `done` until the loop says otherwise. */
export const startedRun = (): RunReport => report('done', '');

/**
 * Sets the outcome and `ok` from the counts once the loop has run. A letter that needs checking is
 * a delivery problem: the run is not `ok` until someone has looked at it.
 */
export function settle(run: RunReport): RunReport {
  run.outcome = run.stopped ? 'stopped' : 'done';
  run.ok = run.errors.length === 0 && !run.stopped && run.needsCheck === 0;
  return run;
}

/** Copies the loop's counts into the report. */
export function recordDelivery(run: RunReport, result: DeliveryResult, planned: number): void {
  Object.assign(run, { sent: result.sent, prepared: result.prepared, made: result.made, errors: result.errors, stopped: result.stopped });
  run.attempted = result.stopped ? planned - result.stopped.left : planned;
}

export function summarizeRun(run: RunReport, rt: Runtime): string {
  const lines: string[] = [];
  const nothing = run.sent === 0 && run.prepared === 0 && run.made === 0 && run.printed === 0 && run.envelopes === 0 && run.registered === 0;
  if (nothing && run.errors.length === 0 && !run.stopped) {
    if (run.needsCheck === 0) lines.push(run.doneBefore > 0 ? runMsg.nothingNew(run.doneBefore) : runMsg.nobody);
  } else if (run.sent > 0 || (nothing && run.prepared === 0)) lines.push(runMsg.sent(run.sent));
  if (run.prepared > 0) lines.push(runMsg.prepared(run.prepared));
  if (run.made > 0) lines.push(runMsg.made(run.made));
  if (run.printed > 0) lines.push(runMsg.printBundle(run.printed));
  if (run.envelopes > 0) lines.push(postRunMsg.envelopes(run.envelopes));
  if (run.registered > 0) lines.push(postRunMsg.register(run.registered));
  lines.push(...run.postNotes);
  if (run.errors.length > 0) {
    lines.push(runMsg.errors(run.errors.length));
    for (const e of run.errors.slice(0, 10)) lines.push(runMsg.itemError(e.who, e.message));
  }
  if (run.needsCheck > 0) {
    lines.push(runMsg.needsCheck(run.needsCheck));
    for (const p of run.needsCheckPartners.slice(0, 20)) lines.push(runMsg.needsCheckLine(p.id, p.organisation));
    if (run.needsCheckPartners.length > 20) lines.push(runMsg.needsCheckMore(run.needsCheckPartners.length - 20));
  }
  if (run.stopped?.reason === 'deadline' && run.stopped.left > 0) lines.push(runMsg.deadline(run.stopped.left));
  if (run.postDeferred) lines.push(postRunMsg.deferred);
  if (run.stopped?.reason === 'quota') lines.push(runMsg.quota(run.stopped.left, quotaResumeText(rt)));
  return lines.join('\n');
}

/** The documents to print that the run made, as lines with their links (for the note after a background run). */
export function documentLinks(run: RunReport): string[] {
  return [
    run.printLink ? postRunMsg.printLink(run.printLink) : '',
    run.envelopeLink ? postRunMsg.envelopesLink(run.envelopeLink) : '',
    run.registerLink ? postRunMsg.registerLink(run.registerLink) : '',
  ].filter(Boolean);
}

/** Apps Script's daily quota is a rolling 24 hours: say when that is. */
export function quotaResumeText(rt: Runtime): string {
  const now = rt.clock.today();
  const hh = String(now.hour).padStart(2, '0');
  const mm = String(now.minute).padStart(2, '0');
  return runMsg.resumeAfter(formatDateLong(addDays(now, 1)), `${hh}:${mm}`);
}
