/**
 * Which OAuth scopes Apps Script demands for a call, from the "Authorization" section of each method in
 * the Apps Script reference (https://developers.google.com/apps-script/reference/…) and the scopes each
 * REST method accepts for the advanced services. With `oauthScopes` declared in the manifest, a call
 * whose scopes are not declared throws at run time; the fakes do the same (`FakeEnv.scopes`).
 */
const AUTH = 'https://www.googleapis.com/auth/';
const s = (...names: string[]): string[] => names.map((n) => (n.startsWith('https://') ? n : AUTH + n));

/** DriveApp calls that change Drive need the full `drive` scope; reads take `drive.readonly` too. */
const DRIVE_APP_WRITES = new Set([
  'DriveApp.createFolder',
  'DriveApp.createFile',
  'Folder.createFolder',
  'Folder.createFile',
  'Folder.setTrashed',
  'Folder.moveTo',
  'File.makeCopy',
  'File.moveTo',
  'File.setTrashed',
  'File.setName',
]);
/** Drive API methods that change Drive. */
const DRIVE_API_WRITES = new Set(['Files.create', 'Files.copy', 'Files.update', 'Files.remove', 'Permissions.create', 'Permissions.update', 'Permissions.delete']);

/** Calls of a service that need no scope at all (builders, local handles). */
const FREE = new Set(['SpreadsheetApp.flush', 'SpreadsheetApp.getUi', 'SpreadsheetApp.newDataValidation', 'Session.getScriptTimeZone', 'User.getEmail', 'ScriptApp.getScriptId']);

/** Any one of these scopes allows the call; null when it needs none. */
export function requiredScopes(service: string, method: string): string[] | null {
  if (FREE.has(method)) return null;
  const type = method.split('.')[0] ?? '';
  switch (service) {
    case 'SpreadsheetApp':
      if (type === 'DataValidationBuilder' || type === 'DataValidation' || type === 'Menu') return null;
      if (type === 'Ui') return method === 'Ui.showModalDialog' || method === 'Ui.showModelessDialog' || method === 'Ui.showSidebar' ? s('script.container.ui') : null;
      return s('spreadsheets.currentonly', 'spreadsheets');
    case 'DocumentApp':
      return s('documents');
    case 'Docs':
      return s('documents', 'drive', 'drive.file');
    case 'Drive':
      return DRIVE_API_WRITES.has(method) ? s('drive', 'drive.file') : s('drive', 'drive.file', 'drive.readonly', 'drive.metadata.readonly');
    case 'DriveApp':
      return DRIVE_APP_WRITES.has(method) ? s('drive') : s('drive.readonly', 'drive');
    case 'MailApp':
      return s('script.send_mail');
    case 'ScriptApp':
      return ['ScriptApp.newTrigger', 'ScriptApp.getProjectTriggers', 'ScriptApp.deleteTrigger', 'TriggerBuilder.timeBased'].includes(method) ? s('script.scriptapp') : null;
    case 'Session':
      return method === 'Session.getActiveUser' || method === 'Session.getEffectiveUser' ? s('userinfo.email') : null;
    default:
      return null;
  }
}
