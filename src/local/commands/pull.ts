/**
 * `partnerstvo pull <ссылка или ID> [файл.xlsx] [--force] [--credentials <файл.json>]`: a live
 * Google Sheet into an .xlsx (google/pull.ts); the Google libraries are loaded only when it runs.
 */
import { googleMsg, googleSyntax } from '../../messages/google';
import { EXIT } from '../exit';
import type { RegisterCommand } from './types';

export const registerPull: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('pull')
    .description(googleMsg.pull.description)
    .usage(googleSyntax.pull)
    .argument(googleSyntax.sheetArgument, googleMsg.pull.sheetArgument)
    .argument(googleSyntax.optionalFile, googleMsg.pull.fileArgument)
    .option('-f, --force', googleMsg.pull.forceOption)
    .option(googleSyntax.credentials, googleMsg.deploy.credentialsOption)
    .action(async (sheet: string, file: string | undefined, options: { force?: boolean; credentials?: string }) => {
      const { pull } = await import('../google/pull');
      await pull({ sheet, file, ...options }, io);
      setExit(EXIT.ok);
    });
};
