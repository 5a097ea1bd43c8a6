/** What the job commands share: opening the workbook with its runtime, and printing a run report. */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import PizZip from 'pizzip';
import type { RunReport } from '../../core/run';
import { errorText } from '../../core/errors';
import { cliMsg, jobMsg } from '../../messages/cli';
import { CliError, EXIT } from '../exit';
import { parseSmtpUrl } from '../mail';
import { nearestExisting } from '../paths';
import { localRuntime, type FileLock, type LocalRuntime } from '../runtime';
import type { XlsxWorkbook } from '../xlsx-workbook';
import { openWorkbook, openWorkbookLocked, printPending } from './shared';
import type { CommandContext } from './types';

export interface JobOptions {
  out?: string;
  smtp?: string;
  /** Only prepare (letters and `.eml`), never send: refuses `--smtp`. */
  prepare?: boolean;
  from?: string;
  template?: string;
  /** A staff-made envelope template (.docx) instead of the default one. */
  envelope?: string;
  /** Only show what would be done: nothing may be written (see `LocalRuntimeOptions.dryRun`). */
  dryRun?: boolean;
}

const fileMsg = cliMsg.file;

/** The folder for `--out` exists or can be made: else a usage error now, before anything is done. */
export function checkOutDir(dir: string): void {
  const found = nearestExisting(resolve(dir));
  if (!found) throw new CliError(fileMsg.outUnwritable(dir), EXIT.usage);
  if (!found.stat.isDirectory()) throw new CliError(fileMsg.outIsFile(dir, found.path), EXIT.usage);
  try {
    accessSync(found.path, constants.W_OK);
  } catch {
    throw new CliError(fileMsg.outUnwritable(dir), EXIT.usage);
  }
}

/** A `--template` that is a readable Word document: else a usage error before anything is done. */
export function checkTemplateFile(file: string): void {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new CliError(fileMsg.templateIsDirectory(file), EXIT.usage);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' || code === 'ENOTDIR' ? fileMsg.templateMissing(file) : fileMsg.unreadable(file), EXIT.usage);
  }
  let isDocx = false;
  try {
    isDocx = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50 && new PizZip(bytes).file('word/document.xml') !== null;
  } catch {
    isDocx = false;
  }
  if (!isDocx) throw new CliError(fileMsg.templateNotDocx(file), EXIT.usage);
}

/** A `--smtp` URL that can be used: else a usage error (the message shows no password). */
export function checkSmtpUrl(url: string): void {
  try {
    parseSmtpUrl(url);
  } catch (error) {
    throw new CliError(errorText(error), EXIT.usage);
  }
}

export async function openJob(
  file: string,
  options: JobOptions,
  ctx: CommandContext,
  templateKind: 'invitation' | 'thanks',
  /** The command will write (send, make letters): take the workbook's lock before reading it. */
  writes = false,
): Promise<{ wb: XlsxWorkbook; rt: LocalRuntime; outDir: string }> {
  const outDir = resolve(options.out ?? 'out');
  checkOutDir(options.out ?? 'out');
  if (options.template) checkTemplateFile(options.template);
  if (options.envelope) checkTemplateFile(options.envelope);
  if (options.prepare && options.smtp !== undefined) throw new CliError(jobMsg.prepareAndSmtp, EXIT.usage);
  if (options.smtp !== undefined) checkSmtpUrl(options.smtp);
  let wb: XlsxWorkbook;
  let lock: FileLock | undefined;
  if (writes) ({ wb, lock } = await openWorkbookLocked(file, ctx.io));
  else wb = await openWorkbook(file, ctx.io);
  const rt = localRuntime({
    heldLock: lock,
    workbook: wb,
    workbookPath: file,
    outDir,
    smtp: options.smtp,
    from: options.from,
    templates: options.template || options.envelope ? { [templateKind]: options.template, envelope: options.envelope } : undefined,
    dryRun: options.dryRun === true,
    io: ctx.io,
  });
  return { wb, rt, outDir };
}

/** Prints the report; exit 1 when anything went wrong or was left undone. */
export function finishJob(report: RunReport, wb: XlsxWorkbook, rt: LocalRuntime, outDir: string, ctx: CommandContext): void {
  rt.done();
  ctx.io.out(report.message);
  if (report.prepared > 0) ctx.io.out(jobMsg.preparedHint);
  const files = report.sent + report.prepared + report.made + report.printed;
  if (files > 0) {
    ctx.io.out(jobMsg.files(files, outDir));
    if (!rt.docs.pdfAvailable()) ctx.io.out(jobMsg.noPdf);
  }
  if (report.printLink) ctx.io.out(jobMsg.printFile(report.printLink));
  if (report.envelopeLink) ctx.io.out(jobMsg.envelopesFile(report.envelopeLink));
  if (report.registerLink) ctx.io.out(jobMsg.registerFile(report.registerLink));
  printPending(wb, ctx.io);
  ctx.setExit(report.ok ? EXIT.ok : EXIT.problems);
}
