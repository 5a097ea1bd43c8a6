/**
 * The email texts staff edit in the workbook's «Настройки», offline: the `.eml` files the CLI writes
 * follow them, and a broken placeholder stops the run before anything is made or saved.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const NO_PDF = { PARTNERSTVO_SOFFICE: 'none' };

let dir: string;
let book: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-email-'));
  book = path.join(dir, 'rovesnik.xlsx');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...NO_PDF }, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample with some «Настройки» values changed, as staff would in Excel. Returns the changed cells. */
async function sampleWith(settings: Record<string, string>): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const sheet = wb.getWorksheet('Настройки')!;
  const cells: Record<string, string> = {};
  sheet.eachRow((row, n) => {
    const label = String(row.getCell(1).value ?? '');
    if (label in settings) {
      row.getCell(2).value = settings[label];
      cells[label] = `Настройки!B${n}`;
    }
  });
  expect(Object.keys(cells).sort()).toEqual(Object.keys(settings).sort());
  await wb.xlsx.writeFile(book);
  return cells;
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');

describe('email texts from «Настройки», offline', () => {
  it('an edited subject and text change the .eml: subject, plain text and HTML, values escaped', async () => {
    await sampleWith({
      'Тема email с приглашением': '{{Организация}}: ждём Вас {{Дата}}',
      'Текст email с приглашением': '{{Обращение}}\r\n\r\nЖдём Вас на «{{Мероприятие}}» в {{Время}} — <вход> свободный & бесплатный.\r\n\r\n{{Вложение}}',
    });
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out']);
    expect(r.code).toBe(0);
    const dirEml = path.join(dir, 'out', 'письма');
    const emls = fs.readdirSync(dirEml, { recursive: true }).map(String).filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBeGreaterThan(0);
    const mails = await Promise.all(emls.map(async (f) => simpleParser(fs.readFileSync(path.join(dirEml, f)))));
    const rybozavod = mails.find((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('rybozavod@example.com'))!;
    expect(plain(rybozavod.subject ?? '')).toBe('АО «Приморский рыбозавод»: ждём Вас 28 ноября 2026 г.');
    expect(plain(rybozavod.text ?? '').trim()).toBe('Уважаемый Иван Петрович!\n\nЖдём Вас на «День матери» в 15:00 — <вход> свободный & бесплатный.');
    const html = plain(String(rybozavod.html));
    expect(html).toContain('<p>Ждём Вас на «День матери» в 15:00 — &lt;вход&gt; свободный &amp; бесплатный.</p>');
    expect(html).not.toContain('<вход>');
  });

  it('a broken placeholder in the email text stops the run before anything is made, naming the cell', async () => {
    const cells = await sampleWith({ 'Текст email с приглашением': '{{Обращение}}\n\n{{Мероприятие}} {{Дата_мероприятия}}' });
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${cells['Текст email с приглашением']} («Текст email с приглашением»): В шаблоне неизвестное поле {{Дата_мероприятия}}`);
    expect(fs.existsSync(path.join(dir, 'out', 'письма'))).toBe(false);
    expect(fs.existsSync(`${book}.partnerstvo.jsonl`)).toBe(false);
  });
});
