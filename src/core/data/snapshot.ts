/**
 * One parse per execution: the parsed workbook is kept per workbook and revision, so the preview, the
 * event picker, the documents' settings and the job itself share one `readWorkbook`. Any write of
 * the program moves the revision on, and the next caller parses afresh.
 */
import type { WorkbookPort } from '../../ports';
import { readWorkbook } from './read';
import type { WorkbookData } from './records';

const parsed = new WeakMap<WorkbookPort, { revision: number; data: WorkbookData }>();

/** The workbook's data as of its current revision, parsed at most once per revision. */
export function workbookData(wb: WorkbookPort): WorkbookData {
  const known = parsed.get(wb);
  if (known && known.revision === wb.revision) return known.data;
  const data = readWorkbook(wb);
  parsed.set(wb, { revision: wb.revision, data });
  return data;
}
