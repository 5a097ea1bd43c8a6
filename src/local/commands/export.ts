/** `partnerstvo export <файл.xlsx> --out <новый.xlsx>`: a NEW file with the program's changes applied. */
import { cliMsg, syntax } from '../../messages/cli';
import { EXIT } from '../exit';
import { openWorkbook } from './shared';
import type { RegisterCommand } from './types';

export const registerExport: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('export')
    .description(cliMsg.export.description)
    .usage(`${cliMsg.commandUsage} ${syntax.outFileUsage}`)
    .argument(syntax.file, cliMsg.fileArgument)
    .requiredOption(syntax.outFile, cliMsg.export.outOption)
    .option('-f, --force', cliMsg.export.forceOption)
    .action(async (file: string, options: { out: string; force?: boolean }) => {
      const wb = await openWorkbook(file, io);
      const changes = wb.pendingCount();
      await wb.saveMerged(options.out, { overwrite: options.force === true });
      io.out(cliMsg.export.written(options.out, changes));
      setExit(EXIT.ok);
    });
};
