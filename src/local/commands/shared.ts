/** Helpers the commands share: opening the workbook (under its lock) and telling what the sidecar holds. */
import { cliMsg } from '../../messages/cli';
import { runMsg } from '../../messages/letters';
import { CliError, EXIT } from '../exit';
import { FileLock, lockPathFor } from '../runtime';
import { XlsxWorkbook } from '../xlsx-workbook';
import type { CliIo } from './types';

/** Opens the workbook; problems met replaying the sidecar go to stderr (they do not stop the run). */
export async function openWorkbook(file: string, io: CliIo): Promise<XlsxWorkbook> {
  const wb = await XlsxWorkbook.open(file);
  for (const warning of wb.warnings()) io.err(warning);
  return wb;
}

/**
 * Takes the workbook's lock `<file>.partnerstvo.lock`, then opens the workbook. The lock comes
 * before the read: a run that read the journal while another run was still sending, and got the
 * lock when that one finished, would send everything a second time. While another run holds it:
 * «Уже идёт…», exit 1. When no lock file can be made, a missing workbook or folder is reported as
 * such; otherwise it is a usage error (exit 2), or, with `lockOptional`, the workbook is opened
 * without a lock (a read-only folder: nothing can be written there by anyone anyway).
 */
export async function openWorkbookLocked(
  file: string,
  io: CliIo,
  options: { lockOptional?: boolean } = {},
): Promise<{ wb: XlsxWorkbook; lock: FileLock | undefined }> {
  const lock = new FileLock(lockPathFor(file));
  let locked: boolean | null;
  try {
    locked = lock.tryLock();
  } catch {
    locked = null;
  }
  if (locked === null) {
    const wb = await openWorkbook(file, io);
    if (options.lockOptional) return { wb, lock: undefined };
    throw new CliError(cliMsg.file.cannotWrite(lockPathFor(file)), EXIT.usage);
  }
  if (!locked) throw new CliError(runMsg.locked, EXIT.problems);
  try {
    return { wb: await openWorkbook(file, io), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** After a run that wrote something: what the sidecar holds that the xlsx does not. */
export function printPending(wb: XlsxWorkbook, io: CliIo): void {
  const notice = wb.pendingNotice();
  if (notice) io.out(`\n${notice}`);
}
