/**
 * `partnerstvo setup <file.xlsx> --out <new.xlsx>`: «Настроить таблицу» offline. Missing sheets and
 * columns go into a NEW file; the original and its sidecar are untouched; a set-up file needs nothing.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-setup-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('setup', () => {
  it('writes a new file with the missing sheets and columns, keeping the user’s own; the original stays as it was', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Партнёры');
    ws.addRow(['Организация', 'Категория', 'Моё поле']);
    ws.addRow(['ООО «Ромашка»', 'Предприятия и предприниматели', 'своё']);
    await book.xlsx.writeFile(path.join(dir, 'old.xlsx'));
    const before = hash(path.join(dir, 'old.xlsx'));

    const check = run('check', 'old.xlsx');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Нет листа «Мероприятия». Выполните «Партнёрство → Настроить таблицу» (без Google — команду partnerstvo setup).');

    const r = run('setup', 'old.xlsx', '--out', 'new.xlsx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Создан лист «Мероприятия».');
    expect(r.stdout).toContain('Записан файл new.xlsx.');
    expect(hash(path.join(dir, 'old.xlsx'))).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['new.xlsx', 'old.xlsx']);

    const made = new ExcelJS.Workbook();
    await made.xlsx.readFile(path.join(dir, 'new.xlsx'));
    expect(made.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Партнёры', 'Мероприятия', 'Вклад', 'Журнал', 'Настройки']));
    const partners = made.getWorksheet('Партнёры')!;
    const header = (partners.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Организация', 'Категория', 'Моё поле']);
    expect(header).toEqual(expect.arrayContaining(['ID', 'Email', 'Приглашать']));
    expect(partners.getCell('C2').value).toBe('своё');

    // What is left is only what setup cannot know: the letterhead settings to fill in.
    const after = run('check', 'new.xlsx');
    expect(after.stdout).not.toMatch(/^(Партнёры|Мероприятия|Вклад|Журнал)\S*: /m);
    expect(after.stdout).toMatch(/^Настройки!B\d+: Не заполнен параметр «Руководитель \(ФИО\)»/m);
    const again = run('setup', 'new.xlsx', '--out', 'newer.xlsx');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('уже есть все листы и столбцы');
    expect(fs.existsSync(path.join(dir, 'newer.xlsx'))).toBe(false);
  });

  it('refuses to write over the original and needs --out', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Партнёры').addRow(['Организация', 'Категория']);
    await book.xlsx.writeFile(path.join(dir, 'a.xlsx'));
    const before = hash(path.join(dir, 'a.xlsx'));
    const same = run('setup', 'a.xlsx', '--out', 'a.xlsx');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('программа никогда не перезаписывает вашу таблицу');
    expect(hash(path.join(dir, 'a.xlsx'))).toBe(before);
    const noOut = run('setup', 'a.xlsx');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
  });
});
