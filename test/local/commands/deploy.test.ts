/**
 * `partnerstvo deploy` against the local Google fake: what it sends (the upload with conversion,
 * the bound script, every dist/ file), and every failure as a Russian sentence, exit 2, with what
 * was already made and the command that finishes the job.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../../src/local/xlsx-workbook';
import { CLASP_SCOPES, GOOGLE_ERRORS, parseMultipart, SCOPES, SHEET, XLSX } from '../google/fake-google';
import { CLIENT_ID, useGoogleHarness } from '../google/harness';
import { DNS_FAILURE_HOST } from '../google/no-network';

const ROOT = join(__dirname, '..', '..', '..');
const SAMPLE = join(ROOT, 'examples', 'rovesnik.xlsx');
const STACK = /\n\s+at .+:\d+:\d+/;
const h = useGoogleHarness();

type SentFile = { name: string; type: string; source: string };
const sentFiles = (body: Buffer) => (JSON.parse(body.toString('utf8')) as { files: SentFile[] }).files;

/** dist/ as the Apps Script API wants it: name without extension, type by extension, the manifest named appsscript. */
function distAsScriptFiles(): SentFile[] {
  const dist = join(ROOT, 'dist');
  return readdirSync(dist)
    .filter((f) => /\.(js|html|json)$/.test(f))
    .sort()
    .map((f) => ({
      name: f === 'appsscript.json' ? 'appsscript' : f.replace(/\.(js|html)$/, ''),
      type: f.endsWith('.js') ? 'SERVER_JS' : f.endsWith('.html') ? 'HTML' : 'JSON',
      source: readFileSync(join(dist, f), 'utf8'),
    }));
}

/** A failure: exit 2, a Russian sentence on stderr, no stack trace, nothing on stdout claiming success. */
function expectFailure(r: { code: number; out: string; err: string }, ...parts: string[]) {
  expect(r.code).toBe(2);
  for (const part of parts) expect(r.err).toContain(part);
  expect(r.err).not.toMatch(STACK);
  expect(r.out).not.toContain('Готово');
}

describe('deploy: what it sends', () => {
  it('uploads the sample as a Google Sheet, creates the script bound to it and pushes every dist/ file', async () => {
    h.claspLogin();
    const r = await h.run('deploy');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);

    // The clasp login's refresh token went to the (fake) token endpoint first, and its token is used.
    const [token] = h.fake.calls('token');
    expect(Object.fromEntries(new URLSearchParams(token.body.toString('utf8')))).toEqual({ grant_type: 'refresh_token', refresh_token: '1//refresh-ok', client_id: CLIENT_ID, client_secret: 'secret' });
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token', 'upload', 'create', 'updateContent']);
    for (const q of h.fake.requests.slice(1)) expect(q.headers.authorization).toMatch(/^Bearer ya29\.fake-/);

    const [upload] = h.fake.calls('upload');
    expect(upload.query.get('uploadType')).toBe('multipart');
    expect(String(upload.headers['content-type'])).toMatch(/^multipart\/related; boundary=/);
    const parts = parseMultipart(String(upload.headers['content-type']), upload.body);
    expect(parts).toHaveLength(2);
    expect(parts[0].headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(parts[0].body.toString('utf8'))).toEqual({ name: 'rovesnik', mimeType: SHEET });
    expect(parts[1].headers['content-type']).toBe(XLSX);
    expect(parts[1].body.equals(readFileSync(SAMPLE))).toBe(true);
    const [sheet] = [...h.fake.files.values()];
    expect(sheet.mimeType).toBe(SHEET);

    const [create] = h.fake.calls('create');
    expect(JSON.parse(create.body.toString('utf8'))).toEqual({ title: 'Партнёрство', parentId: sheet.id });
    const [project] = [...h.fake.scripts.values()];
    expect(project.parentId).toBe(sheet.id);

    const [push] = h.fake.calls('updateContent');
    expect(push.path).toBe(`/v1/projects/${project.scriptId}/content`);
    const expected = distAsScriptFiles();
    expect(expected.map((f) => f.type)).toEqual(expect.arrayContaining(['SERVER_JS', 'HTML', 'JSON']));
    expect(sentFiles(push.body)).toEqual(expected);
    expect(project.files).toEqual(expected);
    expect(JSON.parse(project.files.find((f) => f.name === 'appsscript')!.source)).toEqual(JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')));

    expect(r.out).toContain(`https://docs.google.com/spreadsheets/d/${sheet.id}/edit`);
    expect(r.out).toContain('меню Партнёрство → Настроить таблицу');
    expect(r.out).toContain(`npx partnerstvo deploy --script ${project.scriptId}`);
  });

  it('uploads a given workbook under its own name', async () => {
    h.claspLogin();
    writeFileSync(join(h.dir, 'Партнёры 2026.xlsx'), readFileSync(SAMPLE));
    const r = await h.run('deploy', 'Партнёры 2026.xlsx');
    expect(r.code).toBe(0);
    const parts = parseMultipart(String(h.fake.calls('upload')[0].headers['content-type']), h.fake.calls('upload')[0].body);
    expect(JSON.parse(parts[0].body.toString('utf8'))).toEqual({ name: 'Партнёры 2026', mimeType: SHEET });
  });

  it('merges the program’s changes kept beside the workbook (its sidecar) into what it uploads', async () => {
    h.claspLogin();
    const file = join(h.dir, 'центр.xlsx');
    copyFileSync(SAMPLE, file);
    const wb = await XlsxWorkbook.open(file);
    const width = wb.readSheet('Журнал')![0].length;
    wb.appendRow('Журнал', ['ОТМЕТКА ТЕСТА', ...Array<string>(width - 1).fill('')]);
    const r = await h.run('deploy', 'центр.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Изменения программы из центр.xlsx.partnerstvo.jsonl внесены в загружаемую таблицу.');
    const [upload] = h.fake.calls('upload');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(parseMultipart(String(upload.headers['content-type']), upload.body)[1].body as unknown as ExcelJS.Buffer);
    const journal: unknown[] = [];
    book.getWorksheet('Журнал')!.eachRow((row) => journal.push(row.getCell(1).value));
    expect(journal).toContain('ОТМЕТКА ТЕСТА');
  });

  it('--script pushes into an existing script only: no upload, no new project', async () => {
    h.claspLogin();
    const sheetId = h.fake.addFile('Таблица', SHEET, Buffer.alloc(0));
    h.fake.scripts.set('1existingScriptIdAbCdEfGhIj', { scriptId: '1existingScriptIdAbCdEfGhIj', title: 'Партнёрство', parentId: sheetId, files: [] });
    const r = await h.run('deploy', '--script', '1existingScriptIdAbCdEfGhIj');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token', 'updateContent']);
    expect(sentFiles(h.fake.calls('updateContent')[0].body)).toEqual(distAsScriptFiles());
    expect(r.out).toContain('программа в скрипте 1existingScriptIdAbCdEfGhIj обновлена');
  });

  it('--sheet makes the script for an existing Sheet given by its link', async () => {
    h.claspLogin();
    const sheetId = h.fake.addFile('Таблица центра', SHEET, Buffer.alloc(0));
    const r = await h.run('deploy', '--sheet', `https://docs.google.com/spreadsheets/d/${sheetId}/edit#gid=0`);
    expect(r.code).toBe(0);
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token', 'create', 'updateContent']);
    expect(JSON.parse(h.fake.calls('create')[0].body.toString('utf8'))).toEqual({ title: 'Партнёрство', parentId: sheetId });
    expect(r.out).toContain(`https://docs.google.com/spreadsheets/d/${sheetId}/edit`);
  });

  it('takes a saved login given with --credentials (authorized_user) instead of clasp’s', async () => {
    h.fake.logins.set('1//own-refresh', [SCOPES.driveFile, SCOPES.script]);
    writeFileSync(join(h.dir, 'login.json'), JSON.stringify({ type: 'authorized_user', client_id: 'own.apps.googleusercontent.com', client_secret: 's', refresh_token: '1//own-refresh' }));
    const r = await h.run('deploy', '--credentials', 'login.json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(new URLSearchParams(h.fake.calls('token')[0].body.toString('utf8')).get('client_id')).toBe('own.apps.googleusercontent.com');
  });

  it('with an OAuth client file runs the consent in the browser (loopback on 127.0.0.1, PKCE) and asks only for what deploy needs', async () => {
    writeFileSync(join(h.dir, 'client_secret.json'), JSON.stringify({ installed: { client_id: 'desk.apps.googleusercontent.com', client_secret: 'x', redirect_uris: ['http://localhost'] } }));
    const out: string[] = [];
    const running = h.runWith({ out: (t) => out.push(t) }, 'deploy', '--credentials', 'client_secret.json');
    let link: URL | null = null;
    for (let i = 0; i < 200 && !link; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const printed = out.join('\n').match(/https?:\/\/\S+\/o\/oauth2\/v2\/auth\?\S+/);
      if (printed) link = new URL(printed[0]);
    }
    expect(link).not.toBeNull();
    const params = link!.searchParams;
    expect(link!.origin + '/').toBe(h.fake.root);
    expect(params.get('client_id')).toBe('desk.apps.googleusercontent.com');
    expect(params.get('scope')!.split(' ').sort()).toEqual([SCOPES.driveFile, SCOPES.script].sort());
    expect(params.get('access_type')).toBe('offline');
    expect(params.get('code_challenge_method')).toBe('S256');
    const redirect = new URL(params.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    // The user allows it: Google redirects the browser to the loopback address with a code.
    h.fake.codes.set('4/consent-code', { scopes: [SCOPES.driveFile, SCOPES.script], refreshToken: '1//from-consent', challenge: params.get('code_challenge')! });
    const page = await fetch(`${redirect.href}?state=${params.get('state')}&code=4%2Fconsent-code`);
    expect(await page.text()).toContain('Вход выполнен');
    const r = await running;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token', 'upload', 'create', 'updateContent']);
    expect(new URLSearchParams(h.fake.calls('token')[0].body.toString('utf8')).get('grant_type')).toBe('authorization_code');
  });
});

describe('deploy: each failure is a Russian sentence, exit 2, and says what was already made', () => {
  it('no login at all: says to run npx clasp login; nothing is sent', async () => {
    const r = await h.run('deploy');
    expectFailure(r, 'Нет входа в Google', 'npx clasp login', join(h.dir, '.clasprc.json'));
    expect(h.fake.requests).toEqual([]);
  });

  it('finds the clasp login where clasp’s own clasp_config_auth points (a folder or a file)', async () => {
    h.claspLogin();
    const { renameSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(h.dir, 'elsewhere'));
    renameSync(join(h.dir, '.clasprc.json'), join(h.dir, 'elsewhere', '.clasprc.json'));
    h.env.clasp_config_auth = join(h.dir, 'elsewhere');
    expect((await h.run('deploy', '--script', '1noSuchScriptAbCdEfGhIjKl')).err).not.toContain('Нет входа');
    h.env.clasp_config_auth = join(h.dir, 'elsewhere', 'missing.json');
    expectFailure(await h.run('deploy'), 'Нет входа в Google', 'missing.json');
  });

  it('an expired or revoked login (invalid_grant): «выполните npx clasp login», before anything is made', async () => {
    h.claspLogin();
    h.fake.logins.clear();
    const r = await h.run('deploy');
    expectFailure(r, 'Не удалось войти в Google', 'вход в Google устарел или отозван: выполните npx clasp login');
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token']);
  });

  it('a 401 on the upload: the login is not valid any more; nothing was made', async () => {
    h.claspLogin();
    h.fake.fail('upload', 401, GOOGLE_ERRORS.invalidCredentials);
    const r = await h.run('deploy');
    expectFailure(r, 'Не удалось загрузить таблицу в Google Диск', 'выполните npx clasp login', 'В Google ничего не создано.');
    expect(h.fake.calls('create')).toEqual([]);
  });

  it('the Apps Script API switched off in the user’s settings: names the page to open, the Sheet made and how to finish', async () => {
    h.claspLogin();
    h.fake.fail('create', 403, GOOGLE_ERRORS.appsScriptApiOff);
    const r = await h.run('deploy');
    const [sheet] = [...h.fake.files.values()];
    expectFailure(
      r,
      'Не удалось создать скрипт Apps Script для таблицы: в ваших настройках Apps Script выключен Apps Script API. Откройте https://script.google.com/home/usersettings',
      `Google Таблица уже создана: https://docs.google.com/spreadsheets/d/${sheet.id}/edit`,
      `npx partnerstvo deploy --sheet ${sheet.id}`,
      'npx partnerstvo deploy --script <ID скрипта>',
    );
    expect(h.fake.calls('updateContent')).toEqual([]);
    expect(h.fake.scripts.size).toBe(0);
    // Finishing as the message says: the same Sheet, no second upload.
    const finish = await h.run('deploy', '--sheet', sheet.id);
    expect(finish.code).toBe(0);
    expect(h.fake.calls('upload')).toHaveLength(1);
    expect([...h.fake.scripts.values()][0].parentId).toBe(sheet.id);
  });

  it('the push fails after the script was made: says so, with the --script command that finishes it', async () => {
    h.claspLogin();
    h.fake.fail('updateContent', 403, GOOGLE_ERRORS.userRateLimit);
    const r = await h.run('deploy');
    const [sheet] = [...h.fake.files.values()];
    const [project] = [...h.fake.scripts.values()];
    expectFailure(
      r,
      'Не удалось загрузить программу в скрипт Apps Script: Google ограничил число запросов',
      `Google Таблица: https://docs.google.com/spreadsheets/d/${sheet.id}/edit`,
      `Скрипт создан (ID ${project.scriptId}), но программа в него не загружена`,
      `npx partnerstvo deploy --script ${project.scriptId}`,
    );
    const finish = await h.run('deploy', '--script', project.scriptId);
    expect(finish.code).toBe(0);
    expect(project.files).toEqual(distAsScriptFiles());
  });

  it('a script ID or a Sheet that is not there: says which one and where to look', async () => {
    h.claspLogin();
    expectFailure(await h.run('deploy', '--script', '1noSuchScriptAbCdEfGhIjKl'), 'Не удалось загрузить программу в скрипт Apps Script: скрипт с таким ID не найден', 'Настройки проекта');
    expectFailure(await h.run('deploy', '--sheet', '1noSuchSheetAbCdEfGhIjKlMn'), 'Не удалось создать скрипт Apps Script для таблицы: Google Таблица не найдена', 'deploy --sheet 1noSuchSheetAbCdEfGhIjKlMn');
  });

  it('quota (429) on the upload: wait and repeat; nothing was made', async () => {
    h.claspLogin();
    h.fake.fail('upload', 429, GOOGLE_ERRORS.tooManyRequests);
    expectFailure(await h.run('deploy'), 'Google ограничил число запросов (квота исчерпана)', 'В Google ничего не создано.');
  });

  it('a login without the Apps Script right: says which scope is missing before anything is made', async () => {
    h.claspLogin([SCOPES.driveFile]);
    const r = await h.run('deploy');
    expectFailure(r, 'не даёт нужных прав: https://www.googleapis.com/auth/script.projects', 'npx clasp login');
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token']);
  });

  it('an API answer of insufficient scopes (a right unticked on the consent screen) is told as such', async () => {
    h.claspLogin();
    h.fake.fail('create', 403, GOOGLE_ERRORS.scopeInsufficient('script.googleapis.com'));
    expectFailure(await h.run('deploy'), 'у входа нет нужного права', 'script.projects', 'deploy --sheet');
  });

  it('the Apps Script API not enabled in the OAuth client’s Cloud project: gives the activation page', async () => {
    h.claspLogin();
    const activationUrl = 'https://console.developers.google.com/apis/api/script.googleapis.com/overview?project=123';
    h.fake.fail('create', 403, {
      error: {
        code: 403,
        message: 'Apps Script API has not been used in project 123 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED', domain: 'googleapis.com', metadata: { service: 'script.googleapis.com', serviceTitle: 'Apps Script API', activationUrl } }],
      },
    });
    expectFailure(await h.run('deploy'), 'не включён Apps Script API', activationUrl);
  });

  it('no connection (refused): says to check the connection; nothing was made', async () => {
    h.claspLogin();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    h.env.PARTNERSTVO_GOOGLE_ROOT = `http://127.0.0.1:${port}/`;
    expectFailure(await h.run('deploy'), 'Не удалось войти в Google: нет связи с Google (ECONNREFUSED)', 'Проверьте подключение к интернету');
  });

  it('DNS failure: names the server that could not be found', async () => {
    h.claspLogin();
    h.env.PARTNERSTVO_GOOGLE_ROOT = `http://${DNS_FAILURE_HOST}/`;
    expectFailure(await h.run('deploy'), `не удаётся найти сервер ${DNS_FAILURE_HOST}`);
  });

  it('a timeout on the upload: the outcome is unknown, so it says to look in Drive before repeating', async () => {
    h.claspLogin();
    h.env.PARTNERSTVO_GOOGLE_TIMEOUT = '1';
    h.fake.hang('upload');
    expectFailure(await h.run('deploy'), 'Google не ответил вовремя', 'Неизвестно, успел ли Google создать таблицу', 'https://drive.google.com');
  });

  it('a connection dropped while making the script: the Sheet’s link and both ways to finish', async () => {
    h.claspLogin();
    h.fake.reset('create');
    const r = await h.run('deploy');
    const [sheet] = [...h.fake.files.values()];
    expectFailure(r, 'нет связи с Google', `Google Таблица: https://docs.google.com/spreadsheets/d/${sheet.id}/edit`, 'Неизвестно, успел ли Google создать для неё скрипт', `deploy --sheet ${sheet.id}`, 'deploy --script <ID скрипта>');
  });

  it('a file that is not an xlsx, a malformed link, two targets at once: usage errors before any request', async () => {
    h.claspLogin();
    writeFileSync(join(h.dir, 'notes.txt'), 'text');
    writeFileSync(join(h.dir, 'fake.xlsx'), 'this is not a workbook');
    expectFailure(await h.run('deploy', 'notes.txt'), 'должно оканчиваться на .xlsx');
    expectFailure(await h.run('deploy', 'fake.xlsx'), 'fake.xlsx', 'не таблица Excel');
    expectFailure(await h.run('deploy', 'missing.xlsx'), 'Файл не найден: missing.xlsx');
    expectFailure(await h.run('deploy', '--sheet', 'https://example.com/not-a-sheet'), '— не ссылка на Google Таблицу');
    expectFailure(await h.run('deploy', 'fake.xlsx', '--script', '1abc'), 'Укажите что-то одно');
    expect(h.fake.requests).toEqual([]);
  });

  it('a damaged login file and an unknown --credentials file are told as such', async () => {
    writeFileSync(join(h.dir, '.clasprc.json'), '{ not json');
    expectFailure(await h.run('deploy'), 'повреждён', 'npx clasp login');
    writeFileSync(join(h.dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    expectFailure(await h.run('deploy', '--credentials', 'other.json'), 'не файл входа Google');
    expectFailure(await h.run('deploy', '--credentials', 'absent.json'), 'Файл входа не найден: absent.json');
    expect(h.fake.requests).toEqual([]);
  });
});

it('the clasp scopes the fake grants by default are the ones clasp asks for', () => {
  expect(CLASP_SCOPES).toEqual(expect.arrayContaining([SCOPES.driveFile, SCOPES.script]));
});
