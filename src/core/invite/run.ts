/** The invitation run: the planned letters through the delivery loop, then the print-ready bundle. */
import { JOURNAL_STATUS } from '../data/schema';
import type { Runtime } from '../../ports';
import { docNameMsg, runMsg, skipMsg, templateMsg } from '../../messages/letters';
import { writeAssignedIds } from '../data/setup';
import { attachPdf } from '../data/settings';
import { errorText } from '../errors';
import { deliver } from '../run/delivery';
import { ACTION_LABEL } from '../run/journal';
import { recordDelivery, refusedRun, settle, startedRun, summarizeRun, type RunLimits, type RunReport } from '../run/outcome';
import { eventWarnings, inviteFolder, prepareInvitations, type InviteRequest } from './plan';
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

  if (!result.stopped && plan.print.length > 0) {
    notePendingPost(rt.store, event.id, plan.print.map((p) => p.partner.id));
    try {
      const doc = documents.fillTemplateBundle('invitation', plan.print.map((p) => p.values), inviteFolder(event), docNameMsg.printBundle(event.title));
      report.printLink = doc.link;
      for (const p of plan.print) {
        journal.add({ action: ACTION_LABEL.invite, key: p.key, event: event.id, partner: p.partner.id, address: '', status: JOURNAL_STATUS.made, document: doc.link, message: runMsg.printNote });
      }
      report.printed = plan.print.length;
    } catch (e) {
      report.errors.push({ who: runMsg.printWho, message: errorText(e) });
    }
  }
  // Envelopes and the register of the printed letters, this run's and any left by an earlier one.
  finishPost(rt, { documents, journal, event, partners: data.partners, settings: data.settings, folder: inviteFolder(event) }, report, limits);
  settle(report);
  report.message = [...eventWarnings(rt, event, request.eventId), summarizeRun(report, rt)].join('\n');
  return report;
}
