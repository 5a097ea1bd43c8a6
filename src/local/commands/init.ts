/** `partnerstvo init <файл.xlsx>`: a new workbook with every sheet, validation and default settings. */
import { cliMsg, syntax } from '../../messages/cli';
import { runSetup } from '../../core/data/setup';
import { CliError, EXIT } from '../exit';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { RegisterCommand } from './types';

export const registerInit: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('init')
    .description(cliMsg.init.description)
    .usage(cliMsg.commandUsage)
    .argument(syntax.file, cliMsg.fileArgument)
    .action(async (file: string) => {
      if (!/\.xlsx$/i.test(file)) throw new CliError(cliMsg.file.notXlsxName(file), EXIT.usage);
      // Core setup on an empty in-memory workbook, then written once to a file that must not exist.
      const scratch = XlsxWorkbook.blank();
      const report = runSetup(scratch);
      await scratch.saveMerged(file, { overwrite: false });
      io.out(report.summary);
      io.out(cliMsg.init.created(file));
      io.out(cliMsg.init.nextStep(file));
      setExit(EXIT.ok);
    });
};
