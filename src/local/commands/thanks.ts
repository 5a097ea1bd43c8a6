/** `partnerstvo thanks <файл.xlsx> (--event <ID> | --year 2025/2026)`, and `--owed`. */
import { cliMsg, jobMsg, syntax } from '../../messages/cli';
import { thanksMsg } from '../../messages/thanks';
import { startJob } from '../../core/jobs';
import { owedThanks, previewThanks } from '../../core/thanks';
import { parseAcademicYear } from '../../core/data/academic-year';
import { CliError, EXIT } from '../exit';
import { OFFLINE_LIMITS } from '../runtime';
import { finishJob, openJob, type JobOptions } from './jobs';
import type { RegisterCommand } from './types';

interface ThanksOptions extends JobOptions {
  event?: string;
  year?: string;
  sponsors?: boolean;
  redo?: boolean;
  email?: boolean;
  owed?: boolean;
}

export const registerThanks: RegisterCommand = (program, ctx) => {
  program
    .command('thanks')
    .description(jobMsg.thanks.description)
    .usage(syntax.thanks)
    .argument(syntax.file, cliMsg.fileArgument)
    .option('--event <ID>', jobMsg.thanks.eventOption)
    .option(syntax.year, jobMsg.thanks.yearOption)
    .option('--sponsors', jobMsg.thanks.sponsorsOption)
    .option('--redo', jobMsg.thanks.redoOption)
    .option('--email', jobMsg.thanks.emailOption)
    .option('--owed', jobMsg.thanks.owedOption)
    .option(syntax.out, jobMsg.outOption)
    .option('--smtp <URL>', jobMsg.smtpOption)
    .option('--prepare', jobMsg.prepareOption)
    .option(syntax.from, jobMsg.fromOption)
    .option(syntax.template, jobMsg.templateOption)
    .option('--dry-run', jobMsg.dryRunOption)
    .action(async (file: string, options: ThanksOptions) => {
      const { io } = ctx;
      if (!options.owed && !options.event && !options.year) throw new CliError(jobMsg.thanks.needPeriod, EXIT.usage);
      if (options.event && options.year) throw new CliError(jobMsg.thanks.bothPeriods, EXIT.usage);
      // A malformed year is wrong usage (exit 2), as in `report`; the year start does not change validity.
      if (options.year && !parseAcademicYear(options.year)) throw new CliError(thanksMsg.badYear(options.year), EXIT.usage);
      const { wb, rt, outDir } = await openJob(file, options, ctx, 'thanks', !options.dryRun && !options.owed);
      if (options.owed) {
        const owed = owedThanks(rt);
        rt.done();
        if (owed.length === 0) io.out(thanksMsg.owedNone);
        else {
          io.out(thanksMsg.owedTitle(jobMsg.thanks.owedCount(owed.length)));
          for (const o of owed) io.out(jobMsg.thanks.owedLine(o.address, o.organisation, o.event, o.date, o.what, o.amount, thanksMsg.ageDays(jobMsg.thanks.owedAge(o.ageDays))));
        }
        ctx.setExit(EXIT.ok);
        return;
      }
      const request = { eventId: options.event, year: options.year, sponsorsOnly: options.sponsors, redo: options.redo, email: Boolean(options.email || options.smtp || options.prepare) };
      if (options.dryRun) {
        const preview = previewThanks(rt, request);
        rt.done();
        // No period means the request itself failed (unknown event, no journal, broken template).
        if (!preview.period) {
          io.err(preview.error);
          ctx.setExit(EXIT.problems);
          return;
        }
        if (preview.error) io.out(preview.error);
        for (const l of preview.letters) io.out(`  ${l.id} ${l.organisation}${l.sponsor ? jobMsg.thanks.sponsorMark : ''}: ${l.text}`);
        for (const s of preview.skipped) io.out(`  ${s.id} ${s.organisation}: ${s.reason}`);
        for (const t of preview.templateProblems) io.out(`  ${t}`);
        io.out(jobMsg.preview.nothingSent);
        ctx.setExit(preview.templateProblems.length > 0 ? EXIT.problems : EXIT.ok);
        return;
      }
      const report = startJob(rt, { job: 'thanks', ...request }, OFFLINE_LIMITS);
      finishJob(report, wb, rt, outDir, ctx);
    });
};
