/** «Годовой отчёт»: reads the workbook once, builds the report for a year and renders it. */
import type { Runtime } from '../ports';
import { thanksMsg } from './messages/thanks';
import { reportJobMsg } from './messages/report';
import { readWorkbook } from './read';
import { buildReport, computeReportStats, type ReportStats } from './report';
import { academicYearOf, parseAcademicYear, parseYearStart } from './year';

export interface ReportResult {
  ok: boolean;
  message: string;
  link: string;
  stats: ReportStats | null;
}

/** The academic year shown by default: the current one. */
export function currentYearLabel(rt: Runtime): string {
  const data = readWorkbook(rt.workbook);
  return academicYearOf(rt.clock.today(), parseYearStart(data.settings.yearStart)).label;
}

export function makeReport(rt: Runtime, yearText?: string): ReportResult {
  const data = readWorkbook(rt.workbook);
  const start = parseYearStart(data.settings.yearStart);
  const today = rt.clock.today();
  const year = yearText && yearText.trim() ? parseAcademicYear(yearText, start) : academicYearOf(today, start);
  if (!year) return { ok: false, message: thanksMsg.badYear(yearText ?? ''), link: '', stats: null };
  const model = buildReport(data, year, today);
  const stats = computeReportStats(data, year);
  const doc = rt.documents.render(model, reportJobMsg.folder, model.title);
  return { ok: true, message: reportJobMsg.done(model.title, stats.activePartners, stats.jointEvents, stats.reach), link: doc.link, stats };
}
