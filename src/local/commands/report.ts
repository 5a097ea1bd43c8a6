/** `partnerstvo report <файл.xlsx> --year 2025/2026`: the annual conclusions report (.docx, .pdf). */
import { cliMsg, jobMsg, syntax } from '../../messages/cli';
import { makeReport } from '../../core/report/job';
import { EXIT } from '../exit';
import { openJob, type JobOptions } from './jobs';
import type { RegisterCommand } from './types';

export const registerReport: RegisterCommand = (program, ctx) => {
  program
    .command('report')
    .description(jobMsg.report.description)
    .usage(syntax.report)
    .argument(syntax.file, cliMsg.fileArgument)
    .option(syntax.year, jobMsg.report.yearOption)
    .option(syntax.out, jobMsg.outOption)
    .action(async (file: string, options: JobOptions & { year?: string }) => {
      const { rt } = await openJob(file, options, ctx, 'thanks');
      const result = makeReport(rt, options.year);
      rt.done();
      if (!result.ok) {
        ctx.io.err(result.message);
        // A year that cannot be read is wrong usage; a year without data is a data problem.
        ctx.setExit(result.badRequest ? EXIT.usage : EXIT.problems);
        return;
      }
      ctx.io.out(result.message);
      ctx.io.out(jobMsg.report.written(result.link));
      ctx.setExit(EXIT.ok);
    });
};
