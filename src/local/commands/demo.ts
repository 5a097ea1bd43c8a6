/**
 * `partnerstvo demo` (what `npm start` runs): the main jobs on the shipped sample, offline, into
 * `out/`: check, invitations to the next upcoming event, thank-you letters and the annual report
 * for the last academic year. It works on a fresh copy of the sample, so every run shows the whole
 * job; the sample in `examples/` is never changed.
 */
import { EVENT_STATUS } from '../../core/data/schema';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, runCheck } from '../../core/data/check';
import { listEvents, previewInvitations } from '../../core/invite';
import { jobMsg, syntax } from '../../messages/cli';
import { makeReport } from '../../core/report/job';
import { startJob } from '../../core/jobs';
import { workbookData } from '../../core/data/snapshot';
import { academicYearOf, parseYearStart, type YearStart } from '../../core/data/academic-year';
import type { WorkbookData } from '../../core/data/records';
import { EXIT } from '../exit';
import { localRuntime, OFFLINE_LIMITS } from '../runtime';
import { printInvitePreview } from './invite';
import { openWorkbook } from './shared';
import type { RegisterCommand } from './types';

const MARKER = '.partnerstvo-demo';

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description(jobMsg.demo.description)
    .usage(syntax.demo)
    .option(syntax.sample, jobMsg.demo.sampleOption, join(__dirname, '..', 'examples', 'rovesnik.xlsx'))
    .option(syntax.out, jobMsg.outOption, 'out')
    .action(async (options: { sample: string; out: string }) => {
      const { io } = ctx;
      const outDir = resolve(options.out);
      // Start clean, but only delete a folder that a previous demo made.
      if (existsSync(join(outDir, MARKER))) rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, MARKER), jobMsg.demo.marker);
      const file = join(outDir, 'rovesnik.xlsx');
      rmSync(`${file}.partnerstvo.jsonl`, { force: true });
      copyFileSync(options.sample, file);
      io.out(jobMsg.demo.copied(options.sample, file));

      const wb = await openWorkbook(file, io);
      const rt = localRuntime({ workbook: wb, workbookPath: file, outDir, io });
      let exit: 0 | 1 = EXIT.ok;

      io.out(jobMsg.demo.step(jobMsg.demo.checkStep));
      const check = runCheck(wb);
      for (const p of check.problems) io.out(formatProblem(p));
      io.out(check.summary.split('\n')[0]);
      if (check.problems.length > 0) exit = EXIT.problems;

      io.out(jobMsg.demo.step(jobMsg.demo.inviteStep));
      // The sample's calendar is fixed while time goes on: once all its events are past, the
      // demo still shows the whole job on its last event and its last year with contributions.
      const events = listEvents(rt);
      const next = events.find((e) => e.upcoming) ?? events[0];
      if (!next) io.out(jobMsg.demo.noUpcoming);
      else {
        if (!next.upcoming) io.out(jobMsg.demo.pastEvent(next.id, next.title, next.date));
        printInvitePreview(previewInvitations(rt, { eventId: next.id }), io);
        const report = startJob(rt, { job: 'invite', eventId: next.id, resend: [] }, OFFLINE_LIMITS);
        io.out(report.message);
        if (!report.ok) exit = EXIT.problems;
      }

      const data = workbookData(wb);
      const yearStart = parseYearStart(data.settings.yearStart);
      const lastYear = academicYearOf(rt.clock.today(), yearStart).startYear - 1;
      const startYear = demoYear(data, lastYear, yearStart);
      if (startYear !== lastYear) io.out(jobMsg.demo.olderYear(`${startYear}/${startYear + 1}`));
      const year = `${startYear}/${startYear + 1}`;
      io.out(jobMsg.demo.step(jobMsg.demo.thanksStep(year)));
      const thanks = startJob(rt, { job: 'thanks', year }, OFFLINE_LIMITS);
      io.out(thanks.message);
      if (!thanks.ok) exit = EXIT.problems;

      io.out(jobMsg.demo.step(jobMsg.demo.reportStep(year)));
      const report = makeReport(rt, year);
      io.out(report.message);
      if (report.link) io.out(jobMsg.report.written(report.link));
      rt.done();
      if (!rt.docs.pdfAvailable()) io.out(`\n${jobMsg.noPdf}`);
      io.out(jobMsg.demo.done(outDir));
      ctx.setExit(exit);
    });
};

/**
 * Last academic year if it has contributions, else the latest earlier one that has, else the
 * earliest. Contributions, not `yearsWithData` (which also counts events merely held): the demo
 * makes thank-you letters, and a year without contributions has none to make.
 */
export function demoYear(data: WorkbookData, lastYear: number, yearStart: YearStart): number {
  const eventDates = new Map(data.events.filter((e) => e.status !== EVENT_STATUS.cancelled).map((e) => [e.id, e.date]));
  const years = new Set<number>();
  for (const c of data.contributions) {
    const date = eventDates.get(c.eventId);
    if (date) years.add(academicYearOf(date, yearStart).startYear);
  }
  if (years.size === 0 || years.has(lastYear)) return lastYear;
  const sorted = [...years].sort((a, b) => a - b);
  const earlier = sorted.filter((y) => y < lastYear);
  return earlier.length > 0 ? earlier[earlier.length - 1] : sorted[0];
}
