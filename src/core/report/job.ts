/** «Годовой отчёт»: reads the workbook once, builds the report for a year and renders it. */
import type { LocalDate, Runtime } from '../../ports';
import { thanksMsg } from '../../messages/thanks';
import { reportJobMsg } from '../../messages/report';
import { sheetProblems } from '../data/read';
import { documentSettings } from '../data/settings';
import { workbookData } from '../data/snapshot';
import { EVENT_STATUS, SHEET } from '../data/schema';
import { buildReport, computeReportStats, type ReportStats } from './model';
import type { WorkbookData } from '../data/records';
import type { RunLimits } from '../run/outcome';
import { academicYearOf, parseAcademicYear, parseYearStart, type AcademicYear, type YearStart } from '../data/academic-year';

export interface ReportResult {
  ok: boolean;
  message: string;
  link: string;
  stats: ReportStats | null;
  /** The request itself was wrong (a year that cannot be read), not the data. */
  badRequest: boolean;
}

/**
 * The academic year a report (or a year's thank-you letters) is for by default: the current one, or,
 * while it has no data yet (September, before the first event), the last one before it that has.
 */
export function defaultYear(data: WorkbookData, today: LocalDate, start: YearStart): AcademicYear {
  const current = academicYearOf(today, start);
  const years = yearsWithData(data, start);
  if (years.some((y) => y.startYear === current.startYear)) return current;
  const earlier = years.filter((y) => y.startYear < current.startYear);
  return earlier[earlier.length - 1] ?? current;
}

/** The label of `defaultYear`, for the menu's prompt and the dialogs. */
export function defaultYearLabel(rt: Runtime): string {
  const data = workbookData(rt.workbook);
  return defaultYear(data, rt.clock.today(), parseYearStart(data.settings.yearStart)).label;
}

/**
 * `limits`: the execution's time; the document is rendered inside its soft deadline (a year far
 * larger than any measured one would otherwise be killed mid-way; see the README).
 */
export function makeReport(rt: Runtime, yearText?: string, limits?: RunLimits): ReportResult {
  const data = workbookData(rt.workbook);
  const start = parseYearStart(data.settings.yearStart);
  const today = rt.clock.today();
  const year = yearText && yearText.trim() ? parseAcademicYear(yearText, start) : defaultYear(data, today, start);
  if (!year) return { ok: false, message: thanksMsg.badYear(yearText ?? ''), link: '', stats: null, badRequest: true };
  // Without its sheets or required columns the numbers would silently be zeros: name what is missing.
  const unusable = sheetProblems(data, [SHEET.partners, SHEET.events, SHEET.contributions]);
  if (unusable) return { ok: false, message: unusable, link: '', stats: null, badRequest: false };
  const stats = computeReportStats(data, year);
  // A report of nothing helps nobody (and a typo in the year would make one): say which years have data.
  if (stats.jointEvents === 0 && stats.contributions === 0 && stats.thanksLetters === 0) {
    return { ok: false, message: reportJobMsg.noData(year.label, yearsWithData(data, start).map((y) => y.label)), link: '', stats, badRequest: false };
  }
  const model = buildReport(data, year, today);
  const until = limits ? limits.startMs + limits.softDeadlineMs : undefined;
  const doc = rt.documents(documentSettings(data.settings)).render(model, reportJobMsg.folder, model.title, until);
  return { ok: true, message: reportJobMsg.done(model.title, stats.activePartners, stats.jointEvents, stats.reach), link: doc.link, stats, badRequest: false };
}

/** Academic years with joint work (events held, or with contributions), oldest first. */
export function yearsWithData(data: WorkbookData, start: YearStart): AcademicYear[] {
  const helped = new Set(data.contributions.map((c) => c.eventId));
  const years = new Map<number, AcademicYear>();
  for (const e of data.events) {
    if (e.status === EVENT_STATUS.cancelled || (e.status !== EVENT_STATUS.held && !helped.has(e.id))) continue;
    const y = academicYearOf(e.date, start);
    years.set(y.startYear, y);
  }
  return [...years.values()].sort((a, b) => a.startYear - b.startYear);
}
