/** Helpers the commands share: opening the workbook and telling what the sidecar holds. */
import { XlsxWorkbook } from '../xlsx-workbook';
import type { CliIo } from './types';

/** Opens the workbook; problems met replaying the sidecar go to stderr (they do not stop the run). */
export async function openWorkbook(file: string, io: CliIo): Promise<XlsxWorkbook> {
  const wb = await XlsxWorkbook.open(file);
  for (const warning of wb.warnings()) io.err(warning);
  return wb;
}

/** After a run that wrote something: what the sidecar holds that the xlsx does not. */
export function printPending(wb: XlsxWorkbook, io: CliIo): void {
  const notice = wb.pendingNotice();
  if (notice) io.out(`\n${notice}`);
}
