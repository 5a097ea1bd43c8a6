/**
 * `partnerstvo setup <файл.xlsx> --out <новый.xlsx>`: «Настроить таблицу» offline. The user's
 * workbook is never rewritten, so the missing sheets and columns (with drop-downs, formats and
 * frozen headers) go into a NEW file, together with any pending changes of the sidecar; the original
 * and its sidecar stay as they were.
 */
import { cliMsg, syntax } from '../../messages/cli';
import { runSetup } from '../../core/data/setup';
import { EXIT } from '../exit';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { RegisterCommand } from './types';

export const registerSetup: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('setup')
    .description(cliMsg.setup.description)
    .usage(`${cliMsg.commandUsage} ${syntax.outFileUsage}`)
    .argument(syntax.file, cliMsg.fileArgument)
    .requiredOption(syntax.outFile, cliMsg.setup.outOption)
    .option('-f, --force', cliMsg.export.forceOption)
    .action(async (file: string, options: { out: string; force?: boolean }) => {
      const wb = await XlsxWorkbook.open(file, { persist: false });
      for (const warning of wb.warnings()) io.err(warning);
      const report = runSetup(wb);
      io.out(report.summary);
      if (report.steps.length === 0 && report.assignedIds === 0) {
        io.out(cliMsg.setup.nothing(file));
        setExit(EXIT.ok);
        return;
      }
      await wb.saveMerged(options.out, { overwrite: options.force === true });
      io.out(cliMsg.setup.written(options.out));
      setExit(EXIT.ok);
    });
};
