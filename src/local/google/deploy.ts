/**
 * `partnerstvo deploy`: the workbook into a new Google Sheet, a script bound to it, the program
 * pushed into the script. Everything that can be checked on this computer (the workbook, dist/, the
 * login and its rights) is checked before anything is made in Google; when a later step fails, the
 * message says what was already made and the one command that finishes the job.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { errorText } from '../../core/errors';
import { cliMsg, PRODUCT_NAME } from '../../messages/cli';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT } from '../exit';
import { packageRoot } from '../paths';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { CliIo } from '../commands/types';
import { distFiles } from './dist';
import { sheetLink, uploadAsSheet } from './drive';
import { GoogleCallError, type GoogleFailure } from './failure';
import { signIn } from './login';
import { DEPLOY_SCOPES, NEEDED } from './scopes';
import { createBoundScript, pushFiles } from './script';
import { googleSettings } from './settings';
import { sheetIdFrom } from './sheet-id';

export interface DeployRequest {
  /** The workbook to upload (default: the shipped sample). */
  file?: string;
  /** Push into this existing script only. */
  script?: string;
  /** Make the script for this existing Sheet (link or ID) instead of uploading a workbook. */
  sheet?: string;
  credentials?: string;
}

export async function deploy(request: DeployRequest, io: CliIo): Promise<void> {
  const targets = [request.file, request.script, request.sheet].filter((t) => t !== undefined);
  if (targets.length > 1) throw new CliError(googleMsg.deploy.tooManyTargets, EXIT.usage);
  const settings = googleSettings(io.env);
  const root = packageRoot();

  const existingSheet = request.sheet === undefined ? null : sheetIdFrom(request.sheet);
  if (request.sheet !== undefined && !existingSheet) throw new CliError(googleMsg.pull.badLink(request.sheet), EXIT.usage);
  const scriptId = request.script?.trim();
  if (request.script !== undefined && !scriptId) throw new CliError(cliMsg.usage.optionMissingArgument('--script'), EXIT.usage);
  const upload = request.script === undefined && request.sheet === undefined ? await workbookToUpload(request.file ?? join(root, 'examples', 'rovesnik.xlsx'), io) : null;
  const files = distFiles(root, io);
  const auth = await signIn({ credentials: request.credentials, settings, io, needed: upload ? NEEDED.deploy : NEEDED.push, consentScopes: DEPLOY_SCOPES });

  if (scriptId) {
    io.out(googleMsg.deploy.pushing(files.length));
    await pushFiles(auth, settings, scriptId, files);
    io.out(googleMsg.deploy.doneScript(scriptId));
    return;
  }

  let sheet: { id: string; link: string };
  if (upload) {
    io.out(googleMsg.deploy.uploading(upload.file));
    sheet = await withNote(() => uploadAsSheet(auth, settings, upload.bytes, upload.name), (f) => (unknownOutcome(f) ? googleMsg.deploy.uploadUnknown : googleMsg.deploy.nothingMade));
    io.out(googleMsg.deploy.uploaded(sheet.link));
  } else {
    sheet = { id: existingSheet!, link: sheetLink(existingSheet!) };
  }

  io.out(googleMsg.deploy.creatingScript);
  const newScript = await withNote(
    () => createBoundScript(auth, settings, PRODUCT_NAME, sheet.id),
    (f) => (unknownOutcome(f) ? googleMsg.deploy.scriptUnknown(sheet.link, sheet.id) : googleMsg.deploy.sheetMadeNoScript(sheet.link, sheet.id, upload !== null)),
  );
  io.out(googleMsg.deploy.scriptCreated(newScript));

  io.out(googleMsg.deploy.pushing(files.length));
  await withNote(
    () => pushFiles(auth, settings, newScript, files),
    () => googleMsg.deploy.scriptMadeNoCode(sheet.link, newScript),
  );
  io.out(googleMsg.deploy.pushed);
  io.out(googleMsg.deploy.done(sheet.link));
  io.out(googleMsg.deploy.nextTime(newScript));
}

/** The workbook's bytes, checked to be a readable .xlsx, with the program's pending changes merged in. */
async function workbookToUpload(file: string, io: CliIo): Promise<{ file: string; name: string; bytes: Buffer }> {
  if (!/\.xlsx$/i.test(file)) throw new CliError(cliMsg.file.notXlsxName(file), EXIT.usage);
  const wb = await XlsxWorkbook.open(file, { persist: false });
  for (const warning of wb.warnings()) io.err(warning);
  let bytes: Buffer;
  if (wb.pendingCount() > 0) {
    bytes = await wb.mergedBytes();
    io.out(googleMsg.deploy.pending(basename(wb.sidecarPath ?? file)));
  } else {
    bytes = readFileSync(file);
  }
  return { file, name: basename(file).replace(/\.xlsx$/i, ''), bytes };
}

/**
 * A request that timed out or lost its connection may have been carried out all the same; one
 * refused before it was sent, or answered with an error, was not.
 */
function unknownOutcome(f: GoogleFailure | null): boolean {
  if (!f) return true;
  if (f.kind === 'timeout' || f.kind === 'server') return true;
  return f.kind === 'network' && f.code !== 'ECONNREFUSED';
}

/** Runs a step; its failure is reported with `note`: what was already made, and how to finish. */
async function withNote<T>(step: () => Promise<T>, note: (failure: GoogleFailure | null) => string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof GoogleCallError) throw new CliError(`${error.message}\n${note(error.failure)}`, error.exitCode);
    if (error instanceof CliError) throw new CliError(`${error.message}\n${note(null)}`, error.exitCode);
    throw new CliError(`${cliMsg.internalError(errorText(error))}\n${note(null)}`, EXIT.problems);
  }
}
