/**
 * `partnerstvo pull`: a live Google Sheet downloaded as an .xlsx for offline work. An existing file
 * is never overwritten without `--force`, checked before the download and again by an exclusive write.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cliMsg } from '../../messages/cli';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT, WorkbookFileError } from '../exit';
import { sidecarPathFor } from '../overlay';
import { folderProblem } from '../xlsx-workbook';
import type { CliIo } from '../commands/types';
import { exportXlsx, fileInfo, MIME } from './drive';
import { signIn } from './login';
import { NEEDED, SCOPE } from './scopes';
import { googleSettings } from './settings';
import { sheetIdFrom } from './sheet-id';

export interface PullRequest {
  sheet: string;
  file?: string;
  force?: boolean;
  credentials?: string;
}

export async function pull(request: PullRequest, io: CliIo): Promise<void> {
  const id = sheetIdFrom(request.sheet);
  if (!id) throw new CliError(googleMsg.pull.badLink(request.sheet), EXIT.usage);
  const force = request.force === true;
  if (request.file !== undefined) checkTarget(request.file, force);
  const settings = googleSettings(io.env);
  const auth = await signIn({ credentials: request.credentials, settings, io, needed: NEEDED.pull, consentScopes: [SCOPE.driveReadonly] });

  const info = await fileInfo(auth, settings, id);
  if (info.mimeType !== MIME.sheet) throw new CliError(googleMsg.pull.notASheet(info.name, info.mimeType), EXIT.usage);
  const target = request.file ?? `${fileNameFor(info.name)}.xlsx`;
  if (request.file === undefined) checkTarget(target, force);
  io.out(googleMsg.pull.downloading(info.name));
  const bytes = await exportXlsx(auth, settings, id);
  write(target, bytes, force);
  if (force && existsSync(sidecarPathFor(target))) io.err(googleMsg.pull.oldSidecar(sidecarPathFor(target)));
  io.out(googleMsg.pull.written(target));
}

/** A Sheet's title as a file name on any system: no path separators or characters Windows refuses. */
function fileNameFor(title: string): string {
  const name = [...title]
    .map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/[. ]+$/, '')
    .trim();
  return name || 'google-sheet';
}

function checkTarget(file: string, force: boolean): void {
  if (!/\.xlsx$/i.test(file)) throw new CliError(cliMsg.file.notXlsxName(file), EXIT.usage);
  if (!force && existsSync(file)) throw new WorkbookFileError('exists', file, googleMsg.pull.exists(file));
  const folder = folderProblem(file);
  if (folder) throw folder;
}

function write(file: string, bytes: Buffer, force: boolean): void {
  try {
    writeFileSync(file, bytes, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WorkbookFileError('exists', file, googleMsg.pull.exists(file));
    throw folderProblem(file) ?? new WorkbookFileError('cannotWrite', file, cliMsg.file.cannotWrite(file));
  }
}
