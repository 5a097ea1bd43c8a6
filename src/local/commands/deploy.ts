/**
 * `partnerstvo deploy [файл.xlsx] [--sheet <ссылка>] [--script <ID>] [--credentials <файл.json>]`:
 * the program into a Google Sheet (google/deploy.ts). The Google client libraries are loaded only
 * when this command runs, so the offline commands start as fast as before.
 */
import { googleMsg, googleSyntax } from '../../messages/google';
import { EXIT } from '../exit';
import type { RegisterCommand } from './types';

export const registerDeploy: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('deploy')
    .description(googleMsg.deploy.description)
    .usage(googleSyntax.deploy)
    .argument(googleSyntax.optionalFile, googleMsg.deploy.fileArgument)
    .option(googleSyntax.sheet, googleMsg.deploy.sheetOption)
    .option(googleSyntax.script, googleMsg.deploy.scriptOption)
    .option(googleSyntax.credentials, googleMsg.deploy.credentialsOption)
    .action(async (file: string | undefined, options: { sheet?: string; script?: string; credentials?: string }) => {
      const { deploy } = await import('../google/deploy');
      await deploy({ file, ...options }, io);
      setExit(EXIT.ok);
    });
};
