/**
 * The fakes know who runs an execution and what that user granted, and Drive knows who owns and who
 * may see each file — each behaviour as the Apps Script and Google API reference describe it (the
 * fakes' modules cite the pages).
 */
import { type GasFakes, installGasFakes, isEnded, REALISTIC_LATENCY, spreadsheetFromSheets } from './fakes';

const AUTH = 'https://www.googleapis.com/auth/';
const A = 'a@rovesnik.example';
const B = 'b@rovesnik.example';
const C = 'c@rovesnik.example';
const ADVANCED = { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }, { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] };
const manifest = (...scopes: string[]) => ({ oauthScopes: scopes.map((s) => AUTH + s), dependencies: ADVANCED });

let gas: GasFakes;
afterEach(() => gas?.uninstall());

function install(scopes: string[], options: Parameters<typeof installGasFakes>[1] = {}): GasFakes {
  gas = installGasFakes(globalThis, { manifest: manifest(...scopes), userEmail: A, users: { [B]: {}, [C]: {} }, ...options });
  return gas;
}

const thrown = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

const files = (): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection => {
  if (typeof Drive === 'undefined' || !Drive.Files) throw new Error('Drive is not enabled');
  return Drive.Files;
};
const perms = (): GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection => {
  if (typeof Drive === 'undefined' || !Drive.Permissions) throw new Error('Drive is not enabled');
  return Drive.Permissions;
};
const docsApi = (): GoogleAppsScript.Docs.Collection.DocumentsCollection => {
  if (typeof Docs === 'undefined' || !Docs.Documents) throw new Error('Docs is not enabled');
  return Docs.Documents;
};
interface Info {
  getAuthorizedScopes(): string[];
  getAuthorizationUrl(): string | null;
  getAuthorizationStatus(): unknown;
}
/** `ScriptApp.getAuthorizationInfo(mode, scopes)`: newer than @types/google-apps-script. */
const authInfo = (scopes?: string[]): Info =>
  (ScriptApp as unknown as { getAuthorizationInfo(mode: unknown, scopes?: string[]): Info }).getAuthorizationInfo(ScriptApp.AuthMode.FULL, scopes);

const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';

describe('users and sessions', () => {
  it('an execution runs as a user; a trigger as the user who created it, with no active user address and no UI', () => {
    install(['userinfo.email', 'script.scriptapp', 'spreadsheets.currentonly'], { spreadsheet: spreadsheetFromSheets({}) });
    expect(gas.runAs(B, () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()])).toEqual([B, B]);
    expect(Session.getEffectiveUser().getEmail()).toBe(A);
    gas.runAs(B, () => ScriptApp.newTrigger('continueRun').timeBased().after(1000).create());
    const [trigger] = gas.triggers;
    expect(trigger?.owner).toBe(B);
    // Installable triggers are per user: A does not see B's.
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(gas.runAs(B, () => ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()))).toEqual(['continueRun']);
    if (!trigger) throw new Error('no trigger');
    expect(gas.runTrigger(trigger, () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()])).toEqual(['', B]);
    expect(gas.runTrigger(trigger, () => thrown(() => SpreadsheetApp.getUi()))).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('a scope the user unticked on the consent screen fails the call as Apps Script does', () => {
    install(['script.send_mail', 'userinfo.email'], { users: { [B]: { granted: [AUTH + 'userinfo.email'] } } });
    expect(gas.runAs(B, () => Session.getEffectiveUser().getEmail())).toBe(B);
    expect(gas.runAs(B, () => thrown(() => MailApp.getRemainingDailyQuota()))).toBe(
      'Exception: You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('ScriptApp.getAuthorizationInfo: status, URL and the authorized scopes of the list asked about (or of the manifest)', () => {
    install(['script.send_mail', 'drive', 'documents'], { users: { [B]: { granted: [AUTH + 'documents'] } } });
    const asked = [AUTH + 'drive', AUTH + 'documents'];
    const mine = authInfo(asked);
    expect(mine.getAuthorizedScopes()).toEqual(asked);
    expect(mine.getAuthorizationUrl()).toBeNull();
    expect(mine.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    gas.runAs(B, () => {
      const info = authInfo(asked);
      expect(info.getAuthorizedScopes()).toEqual([AUTH + 'documents']);
      expect(info.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
      expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\/.*drive/);
      const all = authInfo();
      expect(all.getAuthorizedScopes()).toEqual([AUTH + 'documents']);
    });
    expect(thrown(() => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.LIMITED))).toMatch(/only ScriptApp\.AuthMode\.FULL/);
  });

  it('requireScopes / requireAllScopes end the execution with an authorization prompt when a scope is missing; nothing happens when all are granted', () => {
    install(['script.send_mail', 'drive', 'documents'], { users: { [B]: { granted: [AUTH + 'documents'] } } });
    expect(() => ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL)).not.toThrow();
    let ended: unknown;
    try {
      gas.runAs(B, () => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [AUTH + 'documents', AUTH + 'drive']));
    } catch (e) {
      ended = e;
    }
    expect(isEnded(ended)).toBe(true);
    expect(gas.authorizationPrompts).toEqual([{ user: B, scopes: [AUTH + 'drive'] }]);
    expect(() => gas.runAs(B, () => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [AUTH + 'documents']))).not.toThrow();
    expect(isEnded(thrownValue(() => gas.runAs(B, () => ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL))))).toBe(true);
    expect(gas.authorizationPrompts[1]).toEqual({ user: B, scopes: [AUTH + 'script.send_mail', AUTH + 'drive'] });
  });

  it('script properties are shared; user properties belong to each user', () => {
    install([]);
    PropertiesService.getScriptProperties().setProperty('k', 'A');
    PropertiesService.getUserProperties().setProperty('u', 'A');
    gas.runAs(B, () => {
      expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('A');
      expect(PropertiesService.getUserProperties().getProperty('u')).toBeNull();
      PropertiesService.getUserProperties().setProperty('u', 'B');
    });
    expect(gas.userProperties.get('u')).toBe('A');
    expect(gas.userPropertiesOf(B).get('u')).toBe('B');
  });

  it('MailApp sends as the effective user and counts that user’s quota', () => {
    install(['script.send_mail', 'script.scriptapp'], { mailQuota: 2 });
    MailApp.sendEmail('x@example.org', 'Тема', 'текст');
    gas.runAs(B, () => MailApp.sendEmail('y@example.org, z@example.org', 'Тема', 'текст'));
    expect(gas.mail.sent.map((m) => m.from)).toEqual([A, B]);
    expect(gas.mail.quotaOf(A)).toBe(1);
    expect(gas.mail.quotaOf(B)).toBe(0);
    expect(gas.runAs(B, () => thrown(() => MailApp.sendEmail('w@example.org', 'Тема', 'текст')))).toMatch(/too many times/);
    const trigger = gas.runAs(A, () => ScriptApp.newTrigger('continueRun').timeBased().after(1).create());
    expect(trigger.getHandlerFunction()).toBe('continueRun');
    gas.runTrigger(gas.triggers[0] ?? (undefined as never), () => MailApp.sendEmail('v@example.org', 'Тема', 'текст'));
    expect(gas.mail.sent[2]?.from).toBe(A);
  });

  it('Spreadsheet.getEditors lists the spreadsheet’s editors', () => {
    const ss = spreadsheetFromSheets({});
    ss.editors = [A, B];
    install(['spreadsheets.currentonly'], { spreadsheet: ss });
    expect(SpreadsheetApp.getActiveSpreadsheet().getEditors().map((u) => u.getEmail())).toEqual([A, B]);
  });
});

function thrownValue(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('Drive: owners, sharing and what each scope lets a user see', () => {
  it('under drive.file a file one user’s run created is "File not found" for another user’s run, even when shared with them', () => {
    install(['drive.file']);
    const folder = files().create({ name: 'Папка', mimeType: FOLDER });
    const id = folder?.id ?? '';
    expect(gas.drive.items.get(id)).toMatchObject({ owner: A, appUsers: [A] });
    expect(files().get(id)).toMatchObject({ name: 'Папка', owners: [{ emailAddress: A }] });
    perms().create({ type: 'user', role: 'writer', emailAddress: B }, id, { sendNotificationEmail: false });
    expect(gas.runAs(B, () => thrown(() => files().get(id)))).toBe(`Exception: GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${id}.`);
    expect(gas.runAs(B, () => files().list({ q: "name = 'Папка'" }).files)).toEqual([]);
    // Creating in A's folder is refused the same way: B's run cannot see the parent.
    expect(gas.runAs(B, () => thrown(() => files().create({ name: 'Письмо', mimeType: DOC, parents: [id] })))).toContain(`File not found: ${id}.`);
  });

  it('under drive a user sees what they own or what is shared with them, directly or through a folder; writing needs the writer role', () => {
    install(['drive']);
    const folder = files().create({ name: 'Папка', mimeType: FOLDER });
    const id = folder?.id ?? '';
    const inside = files().create({ name: 'Шаблон', mimeType: DOC, parents: [id] });
    expect(gas.runAs(B, () => thrown(() => files().get(id)))).toContain(`File not found: ${id}.`);
    perms().create({ type: 'user', role: 'reader', emailAddress: B }, id, { sendNotificationEmail: false });
    gas.runAs(B, () => {
      // Inherited from the folder.
      expect(files().get(inside?.id ?? '')).toMatchObject({ name: 'Шаблон', capabilities: { canEdit: false } });
      expect(files().get(id)).toMatchObject({ capabilities: { canAddChildren: false, canShare: false } });
      expect(thrown(() => files().create({ name: 'Письмо', mimeType: DOC, parents: [id] }))).toContain(`The user does not have sufficient permissions for file ${id}.`);
      expect(thrown(() => perms().create({ type: 'user', role: 'writer', emailAddress: C }, id))).toContain('sufficient permissions');
      expect(thrown(() => perms().list(id))).toContain('sufficient permissions');
    });
    perms().create({ type: 'user', role: 'writer', emailAddress: B }, id, { sendNotificationEmail: false });
    gas.runAs(B, () => {
      const letter = files().copy({ name: 'Письмо', parents: [id] }, inside?.id ?? '');
      expect(gas.drive.items.get(letter?.id ?? '')).toMatchObject({ owner: B, parents: [id] });
      // Writers share (writersCanShare is true by default).
      perms().create({ type: 'user', role: 'writer', emailAddress: C }, id, { sendNotificationEmail: false });
      expect(perms().list(id).permissions?.map((p) => [p.emailAddress, p.role])).toEqual([
        [A, 'owner'],
        [B, 'writer'],
        [C, 'writer'],
      ]);
      // Pessimistic: only the owner may trash a My Drive file.
      expect(thrown(() => files().update({ trashed: true }, inside?.id ?? ''))).toContain('sufficient permissions');
      expect(files().update({ trashed: true }, letter?.id ?? '')).toMatchObject({ trashed: true });
    });
    expect(gas.runAs(C, () => files().get(inside?.id ?? ''))).toMatchObject({ capabilities: { canEdit: true } });
    // Sharing emails the person unless told not to ("defaults to true for users").
    perms().create({ type: 'user', role: 'reader', emailAddress: 'd@rovesnik.example' }, id);
    expect(gas.drive.items.get(id)?.permissions.map((p) => p.notified)).toEqual([false, false, true]);
  });

  it('DocumentApp (documents scope) opens any Doc the user can open and refuses edits of a view-only one, with Apps Script’s texts', () => {
    install(['documents', 'drive.file']);
    const doc = gas.drive.addDocument('Шаблон', ['Текст'], 'root', { owner: A, appCreated: true });
    expect(gas.runAs(B, () => thrown(() => DocumentApp.openById(doc.id)))).toBe(
      `Exception: Document ${doc.id} is missing (perhaps it was deleted, or you don't have read access?)`,
    );
    gas.drive.share(doc, B, 'reader');
    gas.runAs(B, () => {
      const body = DocumentApp.openById(doc.id).getBody();
      expect(body.getText()).toBe('Текст');
      expect(thrown(() => body.appendParagraph('правка'))).toBe('Exception: Access denied: DocumentApp.');
    });
  });
});

describe('Docs API', () => {
  it('strips private-use and control characters from replacement and inserted text, as the reference documents', () => {
    install(['documents']);
    const doc = gas.drive.addDocument('Письмо', ['{{A}} и {{B}}'], 'root', { owner: A });
    docsApi().batchUpdate(
      {
        requests: [
          { replaceAllText: { containsText: { text: '{{A}}', matchCase: true }, replaceText: '\uE000 0 \uE000\u0001\t' } },
          { replaceAllText: { containsText: { text: '{{B}}', matchCase: true }, replaceText: 'ок\uF8FF' } },
          { insertText: { endOfSegmentLocation: {}, text: ' конец\u001F\uE123\nновая строка' } },
        ],
      },
      doc.id,
    );
    expect(doc.doc?.body.map((e) => (e.kind === 'paragraph' ? e.text : ''))).toEqual([' 0 \t и ок конец', 'новая строка']);
  });

  it('reaches a Doc shared with the user under the documents scope, and only for editing with the writer role', () => {
    install(['documents']);
    const doc = gas.drive.addDocument('Письмо', ['{{A}}'], 'root', { owner: A });
    const fill = (): string => thrown(() => docsApi().batchUpdate({ requests: [{ replaceAllText: { containsText: { text: '{{A}}' }, replaceText: 'x' } }] }, doc.id));
    expect(gas.runAs(B, fill)).toBe('Exception: GoogleJsonResponseException: API call to docs.documents.batchUpdate failed with error: Requested entity was not found.');
    gas.drive.share(doc, B, 'reader');
    expect(gas.runAs(B, fill)).toContain('The caller does not have permission');
    gas.drive.share(doc, B, 'writer');
    expect(gas.runAs(B, fill)).toBe('');
  });
});

describe('latency', () => {
  it('is off by default; realistic figures move the fake clock per call, and can be switched per test', () => {
    install(['drive', 'script.send_mail']);
    const t0 = gas.env.clock.now();
    const template = files().create({ name: 'Шаблон', mimeType: DOC });
    expect(gas.env.clock.now()).toBe(t0);
    gas.env.latency = REALISTIC_LATENCY;
    const t1 = gas.env.clock.now();
    files().copy({ name: 'Письмо' }, template?.id ?? '');
    expect(gas.env.clock.now() - t1).toBe(1500);
    const t2 = gas.env.clock.now();
    MailApp.sendEmail('x@example.org', 'Тема', 'текст');
    expect(gas.env.clock.now() - t2).toBe(400);
    const t3 = gas.env.clock.now();
    SpreadsheetApp.flush();
    expect(gas.env.clock.now() - t3).toBe(300);
    gas.env.latency = null;
    const t4 = gas.env.clock.now();
    SpreadsheetApp.flush();
    expect(gas.env.clock.now()).toBe(t4);
  });

  it('the realistic table covers the letter calls with the figures the module documents', () => {
    expect(REALISTIC_LATENCY).toMatchObject({ 'Files.copy': 1500, 'Documents.batchUpdate': 600, 'Document.getAs': 2500, 'MailApp.sendEmail': 400, 'SpreadsheetApp.flush': 300 });
    gas = installGasFakes(globalThis, { latency: 'realistic' });
    const t = gas.env.clock.now();
    Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
    expect(gas.env.clock.now() - t).toBe(REALISTIC_LATENCY['*']);
  });
});
