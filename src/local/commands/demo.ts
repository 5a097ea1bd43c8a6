/**
 * `partnerstvo demo` (what `npm start` runs): the main jobs on the shipped sample, offline, into
 * `out/`: check, invitations to the next upcoming event, thank-you letters and the annual report
 * for the last academic year. It works on a fresh copy of the sample, so every run shows the whole
 * job; the sample in `examples/` is never changed.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, runCheck } from '../../core/check';
import { listEvents, previewInvitations } from '../../core/invite';
import { jobMsg } from '../../core/messages/cli';
import { makeReport } from '../../core/report-job';
import { startJob } from '../../core/runner';
import { readWorkbook } from '../../core/read';
import { academicYearOf, parseYearStart } from '../../core/year';
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
    .usage('[--sample <файл.xlsx>] [--out <папка>]')
    .option('--sample <файл.xlsx>', 'пример таблицы', join(__dirname, '..', 'examples', 'rovesnik.xlsx'))
    .option('--out <папка>', jobMsg.outOption, 'out')
    .action(async (options: { sample: string; out: string }) => {
      const { io } = ctx;
      const outDir = resolve(options.out);
      // Start clean, but only delete a folder that a previous demo made.
      if (existsSync(join(outDir, MARKER))) rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, MARKER), 'Папка создана командой partnerstvo demo; следующий запуск её очищает.\n');
      const file = join(outDir, 'rovesnik.xlsx');
      rmSync(`${file}.partnerstvo.jsonl`, { force: true });
      copyFileSync(options.sample, file);
      io.out(jobMsg.demo.copied(options.sample, file));

      const wb = await openWorkbook(file, io);
      const rt = localRuntime({ workbook: wb, workbookPath: file, outDir, io });
      let exit: 0 | 1 = EXIT.ok;

      io.out(jobMsg.demo.step('Проверка данных'));
      const check = runCheck(wb);
      for (const p of check.problems) io.out(formatProblem(p));
      io.out(check.summary.split('\n')[0]);
      if (check.problems.length > 0) exit = EXIT.problems;

      io.out(jobMsg.demo.step('Приглашения'));
      const next = listEvents(rt).find((e) => e.upcoming);
      if (!next) io.out(jobMsg.demo.noUpcoming);
      else {
        printInvitePreview(previewInvitations(rt, { eventId: next.id }), io);
        const report = startJob(rt, { job: 'invite', eventId: next.id, resend: [] }, OFFLINE_LIMITS);
        io.out(report.message);
        if (!report.ok) exit = EXIT.problems;
      }

      const data = readWorkbook(wb);
      const lastYear = academicYearOf(rt.clock.today(), parseYearStart(data.settings.yearStart)).startYear - 1;
      const year = `${lastYear}/${lastYear + 1}`;
      io.out(jobMsg.demo.step(`Благодарственные письма за ${year} учебный год`));
      const thanks = startJob(rt, { job: 'thanks', year }, OFFLINE_LIMITS);
      io.out(thanks.message);
      if (!thanks.ok) exit = EXIT.problems;

      io.out(jobMsg.demo.step(`Годовой отчёт за ${year} учебный год`));
      const report = makeReport(rt, year);
      io.out(report.message);
      if (report.link) io.out(jobMsg.report.written(report.link));
      rt.done();
      io.out(jobMsg.demo.done(outDir));
      ctx.setExit(exit);
    });
};
