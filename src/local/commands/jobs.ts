/** What the job commands share: opening the workbook with its runtime, and printing a run report. */
import { resolve } from 'node:path';
import type { RunReport } from '../../core/invite';
import { jobMsg } from '../../core/messages/cli';
import { EXIT } from '../exit';
import { localRuntime, type LocalRuntime } from '../runtime';
import type { XlsxWorkbook } from '../xlsx-workbook';
import { openWorkbook, printPending } from './shared';
import type { CommandContext } from './types';

export interface JobOptions {
  out?: string;
  smtp?: string;
  from?: string;
  template?: string;
}

export async function openJob(
  file: string,
  options: JobOptions,
  ctx: CommandContext,
  templateKind: 'invitation' | 'thanks',
): Promise<{ wb: XlsxWorkbook; rt: LocalRuntime; outDir: string }> {
  const wb = await openWorkbook(file, ctx.io);
  const outDir = resolve(options.out ?? 'out');
  const rt = localRuntime({
    workbook: wb,
    workbookPath: file,
    outDir,
    smtp: options.smtp,
    from: options.from,
    templates: options.template ? { [templateKind]: options.template } : undefined,
    io: ctx.io,
  });
  return { wb, rt, outDir };
}

/** Prints the report; exit 1 when anything went wrong or was left undone. */
export function finishJob(report: RunReport, wb: XlsxWorkbook, rt: LocalRuntime, outDir: string, ctx: CommandContext): void {
  rt.done();
  ctx.io.out(report.message);
  if (report.sent + report.made + report.printed > 0) ctx.io.out(jobMsg.files(report.sent + report.made + report.printed, outDir));
  printPending(wb, ctx.io);
  ctx.setExit(report.ok ? EXIT.ok : EXIT.problems);
}
