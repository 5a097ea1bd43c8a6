/** The fakes behave like Apps Script where the product depends on it. */
import fc from 'fast-check';
import * as vm from 'node:vm';
import { chartOfPng, documentText, type GasFakes, installGasFakes, isKilled, Killed, spreadsheetFromSheets } from './fakes';
import { formatDate } from './fakes/time';

let gas: GasFakes;
afterEach(() => gas?.uninstall());

function withSheet(rows: (string | number | boolean | Date)[][]): GoogleAppsScript.Spreadsheet.Sheet {
  gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({ Лист: rows }) });
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Лист');
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('Spreadsheet fakes', () => {
  it('uses 1-based ranges and throws like Apps Script out of bounds', () => {
    const sheet = withSheet([['a', 'b'], ['c', 'd']]);
    expect(sheet.getRange(2, 2).getValue()).toBe('d');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['c', 'd']]);
    expect(() => sheet.getRange(0, 1)).toThrow('Exception: Those rows are out of bounds.');
    expect(() => sheet.getRange(1, 27)).toThrow('Exception: Those columns are out of bounds.');
    expect(() => sheet.getRange(1001, 1)).toThrow('out of bounds');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('at least 1');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([['x']])).toThrow('The data has 1 but the range has 2');
  });

  it('getValues gives copies with blanks, Dates, booleans and numbers', () => {
    const date = new Date(Date.UTC(2026, 10, 26, 21));
    const sheet = withSheet([['text', 5, true, date], ['', '', '', '']]);
    const values = sheet.getDataRange().getValues();
    expect(values).toEqual([['text', 5, true, date]]);
    (values[0] as unknown[])[3] = 'changed';
    const again = sheet.getDataRange().getValues()[0]?.[3];
    expect(again).toEqual(date);
    expect(again).not.toBe(date);
    expect(sheet.getRange(5, 5).getValues()).toEqual([['']]);
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('insertSheet, appendRow, insertColumnsAfter, notes, validation, formats and freezing', () => {
    gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({}) });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Новый', 1);
    expect(() => ss.insertSheet('Новый')).toThrow('already exists');
    sheet.appendRow(['a', 'b']);
    sheet.appendRow(['c']);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 'b'], ['c', '']]);
    sheet.getRange(1, 2).setNote('заметка');
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange(1, 4).getNote()).toBe('заметка');
    expect(sheet.getMaxColumns()).toBe(28);
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(['да', 'нет']).setAllowInvalid(false).setHelpText('выберите').build();
    sheet.getRange(2, 1, 3, 1).setDataValidation(rule);
    sheet.getRange(2, 1, 3, 1).setNumberFormat('@');
    sheet.setFrozenRows(1);
    const model = gas.spreadsheet?.sheet('Новый');
    expect(model?.validations.get('4:1')).toEqual({ criteria: 'VALUE_IN_LIST', values: [['да', 'нет'], true], allowInvalid: false, helpText: 'выберите' });
    expect(model?.formats.get('3:1')).toBe('@');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Лист1', 'Новый']);
  });

  it('counts every call, per service and per method', () => {
    const sheet = withSheet([['a']]);
    const before = gas.env.calls.total;
    sheet.getDataRange().getValues();
    expect(gas.env.calls.total - before).toBe(2);
    expect(gas.env.count('Range.getValues')).toBe(1);
    expect(gas.env.count('SpreadsheetApp')).toBeGreaterThanOrEqual(4);
    Utilities.formatDate(new Date(), 'UTC', 'yyyy');
    expect(gas.env.count('Utilities')).toBe(1);
  });

  it('records menus and answers alerts', () => {
    gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({}) });
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('М').addItem('Пункт', 'fn').addSeparator().addToUi();
    expect(gas.ui.menu('М')?.entries).toEqual([{ kind: 'item', caption: 'Пункт', functionName: 'fn' }, { kind: 'separator' }]);
    gas.ui.answers.push('NO');
    expect(ui.alert('Т', 'Точно?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Т', 'Точно?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    ui.showModalDialog(HtmlService.createHtmlOutput('<b>x</b>').setWidth(300), 'Окно');
    expect(gas.ui.dialogs).toEqual([{ kind: 'modal', title: 'Окно', html: '<b>x</b>', width: 300, height: null }]);
  });
});

describe('failures, kills and the clock', () => {
  it('failAt makes the n-th matching call throw an Apps Script-like Error', () => {
    const sheet = withSheet([['a']]);
    gas.env.failAt(2, { method: 'Range.getValues', message: 'Exception: Сбой службы' });
    const range = sheet.getDataRange();
    expect(range.getValues()).toEqual([['a']]);
    expect(() => range.getValues()).toThrow('Exception: Сбой службы');
    expect(range.getValues()).toEqual([['a']]);
  });

  it('killAt throws an ordinary Error that tests recognise, and every later call fails too', () => {
    withSheet([['a']]);
    gas.env.killAt(1, { service: 'MailApp' });
    let caught: unknown;
    try {
      MailApp.getRemainingDailyQuota();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(isKilled(caught)).toBe(true);
    expect(isKilled(new Error('x'))).toBe(false);
    expect(() => SpreadsheetApp.flush()).toThrow(Killed);
    gas.env.revive();
    expect(() => SpreadsheetApp.flush()).not.toThrow();
  });

  it('the clock advances per call and by Utilities.sleep; Date in a vm reads it', () => {
    const context = vm.createContext({});
    gas = installGasFakes(context, { startMs: Date.UTC(2026, 0, 1), msPerCall: 1000 });
    expect(vm.runInContext('Date.now()', context)).toBe(Date.UTC(2026, 0, 1));
    vm.runInContext('Utilities.sleep(5000); Session.getScriptTimeZone()', context);
    expect(gas.env.clock.now()).toBe(Date.UTC(2026, 0, 1) + 5000 + 2000);
    expect(vm.runInContext('new Date().getTime()', context)).toBe(gas.env.clock.now());
    expect(vm.runInContext('new Date(0) instanceof Date && new Date(2026, 0, 1).getFullYear()', context)).toBe(2026);
  });

  it('errors and dates thrown or returned into a vm belong to its realm', () => {
    const context = vm.createContext({});
    gas = installGasFakes(context, { spreadsheet: spreadsheetFromSheets({ Л: [[new Date(0)]] }) });
    expect(vm.runInContext("SpreadsheetApp.getActive().getSheetByName('Л').getRange(1,1).getValue() instanceof Date", context)).toBe(true);
    expect(vm.runInContext("try { SpreadsheetApp.getActive().getSheetByName('Л').getRange(0,1) } catch (e) { e instanceof Error }", context)).toBe(true);
  });
});

describe('Utilities.formatDate', () => {
  it('formats the patterns we use in the given zone', () => {
    const d = Date.UTC(2026, 10, 26, 21, 5, 9);
    expect(formatDate(d, 'Europe/Moscow', 'dd.MM.yyyy HH:mm:ss')).toBe('27.11.2026 00:05:09');
    expect(formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd')).toBe('2026-11-27');
    expect(formatDate(d, 'Europe/Moscow', 'Z')).toBe('+0300');
    expect(formatDate(d, 'America/New_York', 'XXX')).toBe('-05:00');
    expect(formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-11-26T21:05:09Z');
  });

  it('agrees with Intl for any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2050, 0, 1) }), (ms) => {
        const intl = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
        expect(formatDate(ms, 'Europe/Moscow', 'dd.MM.yyyy')).toBe(intl);
      }),
    );
  });
});

describe('other services', () => {
  beforeEach(() => {
    gas = installGasFakes(globalThis, { mailQuota: 2 });
  });

  it('the script lock is shared: a held lock makes tryLock wait and fail', () => {
    const mine = LockService.getScriptLock();
    const other = LockService.getScriptLock();
    expect(mine.tryLock(1000)).toBe(true);
    const t = gas.env.clock.now();
    expect(other.tryLock(3000)).toBe(false);
    expect(gas.env.clock.now() - t).toBe(3000);
    expect(() => other.waitLock(10)).toThrow('Lock timeout');
    mine.releaseLock();
    expect(other.tryLock(0)).toBe(true);
    gas.lock.holder = 'other';
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('properties and triggers', () => {
    PropertiesService.getScriptProperties().setProperty('k', 'v');
    expect(gas.scriptProperties.get('k')).toBe('v');
    expect(() => PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(10000))).toThrow('Argument too large');
    ScriptApp.newTrigger('continueJob').timeBased().after(60000).create();
    expect(gas.triggers).toEqual([expect.objectContaining({ handler: 'continueJob', dueAt: gas.env.clock.now() + 60000 })]);
    const [trigger] = ScriptApp.getProjectTriggers();
    expect(trigger?.getHandlerFunction()).toBe('continueJob');
    if (trigger) ScriptApp.deleteTrigger(trigger);
    expect(gas.triggers).toEqual([]);
  });

  it('mail is recorded with attachments and stops at the quota', () => {
    const blob = Utilities.newBlob('письмо', 'application/pdf', 'a.pdf');
    MailApp.sendEmail({ to: 'a@example.org', subject: 'Тема', body: 'текст', htmlBody: '<p>текст</p>', attachments: [blob] });
    expect(gas.mail.sent[0]).toMatchObject({ to: 'a@example.org', subject: 'Тема', attachments: [{ name: 'a.pdf', contentType: 'application/pdf', text: 'письмо' }] });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('b@example.org, c@example.org', 's', 'b')).toThrow('too many times');
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email');
  });

  it('documents: body, tables, templates filled literally by Docs, copies and PDFs', () => {
    gas.uninstall();
    gas = installGasFakes(globalThis, { manifest: { oauthScopes: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/documents'], dependencies: { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] } } });
    const folder = DriveApp.createFolder('Письма');
    const doc = DocumentApp.create('Шаблон');
    const body = doc.getBody();
    body.appendParagraph('Уважаемый {{Имя}}!').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendTable([['{{Имя}}', 'x']]);
    body.appendPageBreak();
    doc.saveAndClose();
    expect(() => body.appendParagraph('поздно')).toThrow('Document is closed');
    const copy = DriveApp.getFileById(doc.getId()).makeCopy('Письмо', folder);
    const res = Docs?.Documents?.batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{Имя}}', matchCase: true }, replaceText: '$1 <b>' } }] }, copy.getId());
    expect(res?.replies?.[0]?.replaceAllText?.occurrencesChanged).toBe(2);
    const pdf = copy.getAs('application/pdf');
    expect(pdf.getName()).toBe('Письмо.pdf');
    expect(pdf.getDataAsString()).toContain('Уважаемый $1 <b>!');
    const original = gas.drive.items.get(doc.getId())?.doc;
    expect(original && documentText(original)).toContain('{{Имя}}');
    expect(() => DriveApp.getFileById('nope')).toThrow('No item with the given ID');
  });

  it('Apps Script refuses calls whose scope the manifest does not declare: DriveApp needs the full drive scope', () => {
    // A manifest with drive.file only. Every DriveApp method needs drive (or drive.readonly).
    gas.uninstall();
    const fileOnly = ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/script.send_mail'];
    gas = installGasFakes(globalThis, { manifest: { oauthScopes: fileOnly, dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } } });
    expect(() => DriveApp.getFolderById('x')).toThrow(
      'You do not have permission to call DriveApp.getFolderById. Required permissions: https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive',
    );
    expect(() => DriveApp.createFolder('x')).toThrow('Required permissions: https://www.googleapis.com/auth/drive');
    // The Drive API honours drive.file: it sees what the script created through it, and nothing else.
    const own = Drive?.Files?.create({ name: 'Папка', mimeType: 'application/vnd.google-apps.folder' });
    expect(Drive?.Files?.get(own?.id ?? '')).toMatchObject({ name: 'Папка', trashed: false });
    const users = gas.drive.addFolder('Папка пользователя', 'root', false);
    expect(() => Drive?.Files?.get(users.id)).toThrow(`File not found: ${users.id}`);
    expect(Drive?.Files?.list({ q: "name = 'Папка пользователя'" }).files).toEqual([]);
    // Without a declared scope, even the advanced service is refused.
    gas.uninstall();
    gas = installGasFakes(globalThis, { manifest: { oauthScopes: [], dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] } } });
    expect(() => Drive?.Files?.list({})).toThrow('You do not have permission to call Drive.Files.list');
    expect(() => MailApp.getRemainingDailyQuota()).toThrow('script.send_mail');
  });

  it('advanced services exist only when the manifest enables them', () => {
    gas.uninstall();
    gas = installGasFakes(globalThis, { manifest: { oauthScopes: [] } });
    expect(typeof Drive).toBe('undefined');
    expect(typeof Docs).toBe('undefined');
  });

  it('Drive.Files: copies into a folder, finds folders by name and parent, trashes; parents are not writable in update', () => {
    const root = Drive?.Files?.create({ name: 'Корень', mimeType: 'application/vnd.google-apps.folder' });
    const sub = Drive?.Files?.create({ name: "Д'Артаньян", mimeType: 'application/vnd.google-apps.folder', parents: [root?.id ?? ''] });
    const q = `'${root?.id ?? ''}' in parents and name = 'Д\\'Артаньян' and mimeType = 'application/vnd.google-apps.folder' and trashed = false`;
    expect(Drive?.Files?.list({ q, fields: 'files(id)' }).files?.map((f) => f.id)).toEqual([sub?.id]);
    const template = gas.drive.addDocument('Шаблон', ['{{Имя}}']);
    const copy = Drive?.Files?.copy({ name: 'Письмо', parents: [sub?.id ?? ''] }, template.id);
    expect(gas.drive.items.get(copy?.id ?? '')).toMatchObject({ name: 'Письмо', parents: [sub?.id], owner: 'staff@rovesnik.example', appUsers: ['staff@rovesnik.example'] });
    expect(DocumentApp.openById(copy?.id ?? '').getAs('application/pdf').getDataAsString()).toBe('{{Имя}}');
    Drive?.Files?.update({ trashed: true }, copy?.id ?? '');
    expect(gas.drive.items.get(copy?.id ?? '')?.trashed).toBe(true);
    expect(() => Drive?.Files?.update({ parents: ['root'] }, template.id)).toThrow('not directly writable');
  });

  it('charts give a PNG blob describing the chart', () => {
    const table = Charts.newDataTable().addColumn(Charts.ColumnType.STRING, 'Месяц').addColumn(Charts.ColumnType.NUMBER, 'Охват').addRow(['ноябрь', 120]);
    const png = Charts.newColumnChart().setTitle('Охват').setDataTable(table).setDimensions(600, 300).build().getAs('image/png');
    expect(png.getContentType()).toBe('image/png');
    const chart = chartOfPng(Uint8Array.from(png.getBytes(), (b) => b & 0xff));
    expect(chart).toMatchObject({ type: 'ColumnChart', title: 'Охват', rows: [['ноябрь', 120]] });
  });

  it('HtmlService templates print escaped and raw values', () => {
    gas.htmlFiles.set('dialog', '<h1><?= title ?></h1><script>var data = <?!= data ?>;</script>');
    const t = HtmlService.createTemplateFromFile('dialog');
    (t as unknown as Record<string, unknown>).title = '<Отчёт>';
    (t as unknown as Record<string, unknown>).data = '{"a":1}';
    expect(t.evaluate().getContent()).toBe('<h1>&lt;Отчёт&gt;</h1><script>var data = {"a":1};</script>');
    expect(() => HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing');
  });
});
