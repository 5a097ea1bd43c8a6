/**
 * How long Apps Script calls take, for tests that must see a real execution's pace (the soft deadline,
 * executions needed for a big list). Switch it on per test: `installGasFakes(ctx, { latency: 'realistic' })`
 * or `gas.env.latency = REALISTIC_LATENCY`; off (null) by default, so other tests keep their pace.
 *
 * These are typical, measured figures, NOT documented guarantees: Google publishes no latency for any
 * service; its best-practices page says only that calls to Google services are much slower than
 * JavaScript (https://developers.google.com/apps-script/guides/support/best-practices). The letter
 * calls take the typical figures observed for such calls, as our deployment review (issue 8) set them:
 * Drive copy ≈ 1.5 s, Docs batchUpdate ≈ 0.6 s, a Doc as PDF ≈ 2.5 s, MailApp.sendEmail ≈ 0.4 s,
 * SpreadsheetApp.flush ≈ 0.3 s; the
 * PropertiesService figures are the averages measured by https://ziritione.org/post/apps_script_performance
 * (getProperty ≈ 30 ms, setProperty ≈ 62 ms, with peaks over 200 ms); the rest are rounded up from the
 * same kind of observation. Each is set at the slow end (pessimistic): a design that meets the deadline
 * with these also meets it on a good day.
 */
export const REALISTIC_LATENCY: Readonly<Record<string, number>> = {
  // Drive API (advanced service)
  'Files.copy': 1500,
  'Files.create': 900,
  'Files.get': 250,
  'Files.list': 350,
  'Files.update': 450,
  'Files.export': 2500,
  'Permissions.create': 700,
  'Permissions.list': 300,
  // Docs API (advanced service)
  'Documents.batchUpdate': 600,
  'Documents.get': 400,
  // DocumentApp: opening and saving talk to the server; edits of an open document are buffered
  'DocumentApp.openById': 700,
  'DocumentApp.create': 900,
  'Document.saveAndClose': 500,
  'Document.getAs': 2500,
  DocumentApp: 20,
  // DriveApp (not used by the program; for completeness)
  'File.getAs': 2500,
  'File.makeCopy': 1500,
  DriveApp: 250,
  // MailApp
  'MailApp.sendEmail': 400,
  'MailApp.getRemainingDailyQuota': 100,
  // SpreadsheetApp: reads and writes of ranges go to the server; handles are local
  'SpreadsheetApp.flush': 300,
  'Range.getValues': 150,
  'Range.getDisplayValues': 150,
  'Range.getNotes': 150,
  'Range.setValues': 200,
  'Range.setValue': 150,
  'Range.setNotes': 200,
  'Range.setNote': 150,
  'Sheet.appendRow': 250,
  'Sheet.insertColumnsAfter': 250,
  'Sheet.insertRowsAfter': 250,
  'Spreadsheet.insertSheet': 400,
  'Spreadsheet.toast': 100,
  'Spreadsheet.getEditors': 300,
  // Properties, lock, triggers, session
  'Properties.getProperty': 30,
  'Properties.setProperty': 62,
  'Properties.deleteProperty': 62,
  'Lock.tryLock': 100,
  'Lock.releaseLock': 50,
  'ScriptApp.getAuthorizationInfo': 150,
  'ScriptApp.getProjectTriggers': 200,
  'ClockTriggerBuilder.create': 350,
  'ScriptApp.deleteTrigger': 250,
  Session: 50,
  // Charts render on the server
  'Chart.getAs': 800,
  // Anything else: a local handle or builder, small but not free
  '*': 10,
};

/** What `installGasFakes({ latency })` accepts: 'realistic', a table of its own, or 'none'. */
export type LatencyOption = 'realistic' | 'none' | Readonly<Record<string, number>>;

export function latencyTable(option: LatencyOption | undefined): Readonly<Record<string, number>> | null {
  if (option === undefined || option === 'none') return null;
  return option === 'realistic' ? REALISTIC_LATENCY : option;
}
