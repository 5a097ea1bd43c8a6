/** The thank-you run: the planned letters through the delivery loop, each dating its contributions. */
import type { LocalDate, Runtime } from '../../ports';
import { docNameMsg, runMsg, templateMsg } from '../../messages/letters';
import { thanksMsg } from '../../messages/thanks';
import type { WorkbookData } from '../data/records';
import { COL, JOURNAL_STATUS, SHEET } from '../data/schema';
import { writeAssignedIds } from '../data/setup';
import { attachPdf } from '../data/settings';
import { deliver, type LetterItem } from '../run/delivery';
import { journalKey } from '../run/journal';
import { recordDelivery, refusedRun, settle, startedRun, summarizeRun, type RunLimits, type RunReport } from '../run/outcome';
import type { ThanksRequest } from './period';
import { prepareThanks, thanksMail } from './plan';

function writeDates(rt: Runtime, data: WorkbookData, rows: { row: number; date: LocalDate }[]): void {
  const col = data.columns[SHEET.contributions]?.[COL.thanked];
  if (col === undefined || rows.length === 0) return;
  rt.workbook.writeCells(
    SHEET.contributions,
    rows.map((r) => ({ row: r.row, col, value: rt.workbook.toCellDate({ ...r.date, hour: 0, minute: 0, second: 0 }) })),
  );
}

/** Makes the thank-you letters; the caller holds the lock. */
export function runThanks(rt: Runtime, request: ThanksRequest, limits: RunLimits): RunReport {
  const ctx = prepareThanks(rt, request);
  if ('error' in ctx) return refusedRun(ctx.error);
  const { data, journal, documents, plan } = ctx;
  if (plan.templateProblems.length > 0) return refusedRun([templateMsg.stopped, ...plan.templateProblems].join('\n'));
  const report = startedRun();
  writeAssignedIds(rt.workbook, data.assignedIds);
  report.what = runMsg.noticeThanks(plan.period.label);
  report.doneBefore = plan.doneBefore;
  report.needsCheck = plan.needsCheck.length;
  report.needsCheckPartners = plan.needsCheck.map((p) => ({ id: p.id, organisation: p.organisation }));
  // A letter an earlier run claimed and never recorded (it was killed) may or may not exist: say so in the journal.
  for (const partner of plan.needsCheck) {
    const last = journal.latest(journalKey('thanks', plan.period.scope, partner.id));
    if (last?.status === JOURNAL_STATUS.sending) journal.update(last, JOURNAL_STATUS.needsCheck, { message: thanksMsg.needsCheck });
  }
  writeDates(rt, data, plan.repairs);
  if (plan.letters.length === 0) return { ...settle(report), message: thanksMsg.nothing(plan.period.label) };
  const today = rt.clock.today();
  const items: LetterItem[] = plan.letters.map((l) => {
    const to = request.email ? l.partner.emails : [];
    return {
      key: l.key,
      partner: l.partner,
      scope: plan.period.scope,
      values: l.values,
      to,
      docName: docNameMsg.thanks(l.partner.organisation),
      mail: to.length > 0 ? thanksMail(data, l.values, to) : null,
      afterDone: () => writeDates(rt, data, l.contributions.map((c) => ({ row: c.row, date: today }))),
    };
  });
  const result = deliver(rt, documents, journal, items, {
    action: 'thanks',
    kind: 'thanks',
    // No `/` in folder names: offline it would make nested folders.
    folder: docNameMsg.thanksFolder(plan.period.label.replace(/\//g, '-')),
    attachPdf: attachPdf(data.settings),
    softDeadlineMs: limits.softDeadlineMs,
    startMs: limits.startMs,
  });
  recordDelivery(report, result, items.length);
  settle(report);
  report.message = summarizeRun(report, rt);
  return report;
}
