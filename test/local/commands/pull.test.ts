/**
 * `partnerstvo pull` against the local Google fake: the export it asks for, the file it writes (never
 * over an existing one without --force), and each refusal as a Russian sentence, exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOGLE_ERRORS, SCOPES, XLSX } from '../google/fake-google';
import { useGoogleHarness } from '../google/harness';

const STACK = /\n\s+at .+:\d+:\d+/;
const h = useGoogleHarness();
const BYTES = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'rovesnik.xlsx'));

/** A Sheet that deploy made with this login (visible under drive.file). */
async function deployedSheet(): Promise<string> {
  h.claspLogin();
  expect((await h.run('deploy')).code).toBe(0);
  h.fake.requests.length = 0;
  return [...h.fake.files.keys()][0];
}

function expectFailure(r: { code: number; out: string; err: string }, ...parts: string[]) {
  expect(r.code).toBe(2);
  for (const part of parts) expect(r.err).toContain(part);
  expect(r.err).not.toMatch(STACK);
}

describe('pull', () => {
  it('downloads the live Sheet as .xlsx (files.export), named after the Sheet', async () => {
    const id = await deployedSheet();
    const r = await h.run('pull', `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(h.fake.requests.map((q) => q.route)).toEqual(['token', 'get', 'export']);
    const [exp] = h.fake.calls('export');
    expect(exp.path).toBe(`/drive/v3/files/${id}/export`);
    expect(exp.query.get('mimeType')).toBe(XLSX);
    expect(readFileSync(join(h.dir, 'rovesnik.xlsx')).equals(BYTES)).toBe(true);
    expect(r.out).toContain('Сохранено: rovesnik.xlsx');
    expect(r.out).toContain('npx partnerstvo check rovesnik.xlsx');
  });

  it('never overwrites a file without --force (checked before the download); with --force it does', async () => {
    const id = await deployedSheet();
    writeFileSync(join(h.dir, 'mine.xlsx'), 'my own work');
    const r = await h.run('pull', id, 'mine.xlsx');
    expectFailure(r, 'Файл mine.xlsx уже существует', '--force');
    expect(h.fake.calls('export')).toEqual([]);
    expect(readFileSync(join(h.dir, 'mine.xlsx'), 'utf8')).toBe('my own work');

    writeFileSync(join(h.dir, 'mine.xlsx.partnerstvo.jsonl'), '');
    const forced = await h.run('pull', id, 'mine.xlsx', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(h.dir, 'mine.xlsx')).equals(BYTES)).toBe(true);
    expect(forced.err).toContain('mine.xlsx.partnerstvo.jsonl');
  });

  it('someone else’s Sheet under drive.file is invisible (404): says why and how to get it', async () => {
    h.claspLogin();
    const id = h.fake.addForeignSheet('Общая таблица центра', BYTES);
    const r = await h.run('pull', id);
    expectFailure(r, 'Не удалось открыть Google Таблицу', 'не найдена или этому входу не видна', 'drive.file', 'Файл → Скачать → Microsoft Excel', 'npx clasp login --extra-scopes https://www.googleapis.com/auth/drive.readonly');
    expect(existsSync(join(h.dir, 'Общая таблица центра.xlsx'))).toBe(false);

    // With the right to read Drive the same Sheet downloads.
    h.claspLogin([SCOPES.driveReadonly, SCOPES.script]);
    const again = await h.run('pull', id, 'центр.xlsx');
    expect(again.code).toBe(0);
    expect(readFileSync(join(h.dir, 'центр.xlsx')).equals(BYTES)).toBe(true);
  });

  it('refusals: not a Sheet, a malformed link, no access, too large, a login without Drive rights', async () => {
    const id = await deployedSheet();
    const doc = h.fake.addFile('Письмо', 'application/vnd.google-apps.document', Buffer.alloc(0));
    expectFailure(await h.run('pull', doc), 'Файл «Письмо» — не Google Таблица');
    expectFailure(await h.run('pull', 'https://docs.google.com/spreadsheets/'), '— не ссылка на Google Таблицу');
    expectFailure(await h.run('pull', 'short'), '— не ссылка на Google Таблицу');
    expectFailure(await h.run('pull', id, 'out.csv'), 'должно оканчиваться на .xlsx');

    h.fake.fail('get', 403, GOOGLE_ERRORS.noFilePermission(id));
    expectFailure(await h.run('pull', id), 'нет доступа к этому файлу', 'Попросите владельца таблицы');
    h.fake.fail('export', 403, GOOGLE_ERRORS.exportTooLarge);
    expectFailure(await h.run('pull', id), 'Не удалось скачать Google Таблицу', 'больше 10 МБ');

    h.claspLogin([SCOPES.script]);
    expectFailure(await h.run('pull', id), 'не даёт нужных прав: https://www.googleapis.com/auth/drive.file');
    expect(existsSync(join(h.dir, 'rovesnik.xlsx'))).toBe(false);
  });

  it('no login and an expired login: says to run npx clasp login', async () => {
    expectFailure(await h.run('pull', '1AbCdEfGhIjKlMnOpQrStUvWxYz'), 'Нет входа в Google', 'npx clasp login');
    h.claspLogin();
    h.fake.logins.clear();
    expectFailure(await h.run('pull', '1AbCdEfGhIjKlMnOpQrStUvWxYz'), 'выполните npx clasp login');
  });
});
