/**
 * The workbook's data: its schema (sheets and columns found by header text), reading every sheet
 * once into typed records with a problem per bad cell, the parse kept per revision, the settings'
 * meaning, the academic year, and the two commands on the data itself: «Проверить данные» and
 * «Настроить таблицу».
 */
export { academicYear, academicYearOf, inYear, parseAcademicYear, parseYearStart, type AcademicYear, type YearStart } from './academic-year';
export { formatProblem, runCheck, type CheckReport } from './check';
export { findEvent } from './find';
export { readWorkbook, sheetProblems } from './read';
export type { Contribution, EventRecord, JournalEntry, Partner, Problem, Settings, WorkbookData } from './records';
export { COL, SETTING, SHEET, SHEET_SPECS } from './schema';
export { attachPdf, documentSettings } from './settings';
export { planSetup, runSetup, writeAssignedIds } from './setup';
export { workbookData } from './snapshot';
