/** The invitation run: the planned letters through the delivery loop, then the print-ready document letter by letter. */
import { JOURNAL_STATUS } from '../data/schema';
import type { Runtime } from '../../ports';
import { docNameMsg, runMsg, skipMsg, templateMsg } from '../../messages/letters';
import { writeAssignedIds } from '../data/setup';
import { attachPdf } from '../data/settings';
import { deliver, type DeliveryResult } from '../run/delivery';
import { recordDelivery, refusedRun, settle, startedRun, summarizeRun, type RunLimits, type RunReport } from '../run/outcome';
import { eventWarnings, inviteFolder, prepareInvitations, type InviteRequest } from './plan';
import { printLetters } from './print';
import { finishPost, notePendingPost } from './post';

/** Runs the invitations; the caller holds the lock. */
export function runInvitations(rt: Runtime, request: InviteRequest, limits: RunLimits): RunReport {
  const ctx = prepareInvitations(rt, request);
  if ('error' in ctx) return refusedRun(ctx.error);
  const { data, plan, journal, event, documents } = ctx;
  if (plan.templateProblems.length > 0) return refusedRun([templateMsg.stopped, ...plan.templateProblems].join('\n'));
  const report = startedRun();
  writeAssignedIds(rt.workbook, data.assignedIds);
  report.what = runMsg.noticeInvite(event.title);
  for (const entry of plan.interrupted) journal.update(entry, JOURNAL_STATUS.needsCheck, { message: skipMsg.needsCheck });
  const needsCheck = plan.skipped.filter((s) => s.kind === 'needsCheck');
  report.needsCheck = needsCheck.length;
  report.needsCheckPartners = needsCheck.map((s) => ({ id: s.partner.id, organisation: s.partner.organisation }));
  report.doneBefore = plan.skipped.filter((s) => s.kind === 'sent' || s.kind === 'printed' || s.kind === 'prepared').length;

  const result = deliver(rt, documents, journal, plan.send, {
    action: 'invite',
    kind: 'invitation',
    folder: inviteFolder(event),
    attachPdf: attachPdf(data.settings),
    softDeadlineMs: limits.softDeadlineMs,
    startMs: limits.startMs,
  });
  recordDelivery(report, result, plan.send.length);

  // The print-ready document, letter by letter inside the same deadline (it needs no mail quota). The
  // partners it does not reach are left for the continuation (their resends among them); when it
  // stops at the deadline the job goes on in a minute, even if the emails wait for the quota.
  let printStopped: DeliveryResult['stopped'] = null;
  if (plan.print.length > 0 && result.stopped?.reason !== 'deadline') {
    // Whose envelopes and register lines are owed once their letters are in the document (./post.ts).
    notePendingPost(rt.store, event.id, plan.print.map((p) => p.partner.id));
    const printed = printLetters(rt, documents, journal, plan.print, {
      scope: event.id,
      folder: inviteFolder(event),
      name: docNameMsg.printBundle(event.title),
      softDeadlineMs: limits.softDeadlineMs,
      startMs: limits.startMs,
    });
    report.printed = printed.printed;
    report.printLink = printed.link;
    report.errors.push(...printed.errors);
    report.needsCheck += printed.uncertain.length;
    report.needsCheckPartners.push(...printed.uncertain.map((p) => ({ id: p.id, organisation: p.organisation })));
    printStopped = printed.stopped;
  } else if (plan.print.length > 0) {
    printStopped = { reason: 'deadline', left: plan.print.length, partners: plan.print.map((p) => p.partner.id) };
  }
  if (printStopped) {
    report.stopped = report.stopped
      ? { reason: 'deadline', left: report.stopped.left + printStopped.left, partners: [...report.stopped.partners, ...printStopped.partners] }
      : printStopped;
  }
  // Envelopes and the register of the printed letters, this run's and any left by an earlier one.
  finishPost(rt, { documents, journal, event, partners: data.partners, settings: data.settings, folder: inviteFolder(event) }, report, limits);
  settle(report);
  report.message = [...eventWarnings(rt, event, request.eventId), summarizeRun(report, rt)].join('\n');
  return report;
}
