/**
 * The annual conclusions report for an academic year: the numbers (partners by category, joint
 * events by month, resources by kind), the document model with its tables and chart, the ВЫВОД
 * composed from the numbers, and the job that renders it.
 */
export { chartSvg, CHART_FONT_FAMILY, type ChartSvgOptions } from './chart-svg';
export { composeConclusion } from './conclusion';
export { defaultYear, defaultYearLabel, makeReport, yearsWithData, type ReportResult } from './job';
export { buildReport, computeReportStats, type ReportStats } from './model';
