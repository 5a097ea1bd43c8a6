/** `partnerstvo check <файл.xlsx>`: every problem with its cell; exit 1 when there are any. */
import { formatProblem, runCheck } from '../../core/data/check';
import { cliMsg, syntax } from '../../messages/cli';
import { checkMsg } from '../../messages/data';
import { EXIT } from '../exit';
import { openWorkbookLocked, printPending } from './shared';
import type { RegisterCommand } from './types';

export const registerCheck: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('check')
    .description(cliMsg.check.description)
    .usage(cliMsg.commandUsage)
    .argument(syntax.file, cliMsg.fileArgument)
    .addHelpText('after', `\n${cliMsg.check.exitCodes}`)
    .action(async (file: string) => {
      // check writes the IDs it assigns into the sidecar: under the same lock as the jobs, so it
      // never writes while a run is sending (nor reads a journal that run is still changing).
      const { wb, lock } = await openWorkbookLocked(file, io, { lockOptional: true });
      try {
        const report = runCheck(wb);
        const { problems, data } = report;
        for (const problem of problems) io.out(formatProblem(problem));
        io.out(
          problems.length === 0
            ? checkMsg.clean(data.partners.length, data.events.length, data.contributions.length)
            : checkMsg.found(problems.length),
        );
        if (report.assignedIds > 0) io.out(checkMsg.assignedIds(report.assignedIds));
        printPending(wb, io);
        setExit(problems.length === 0 ? EXIT.ok : EXIT.problems);
      } finally {
        lock?.release();
      }
    });
};
