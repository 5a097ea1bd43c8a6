import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { SETTING, SETTING_DEFAULTS, SHEET_SPECS, type SettingKey } from '../../src/core/data/schema';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PARTNERSTVO_DEBUG: '', ...env },
    timeout: 60000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const CYRILLIC = /[а-яё]/i;
const STACK = /\n\s+at .+:\d+:\d+/;

type Rows = Record<string, ExcelJS.CellValue[][]>;

/** The settings every letter is made of, filled in. */
const FILLED: Partial<Record<SettingKey, string>> = {
  directorName: 'Лаврентьева Светлана Андреевна',
  address: 'пос. Рыбачий',
  phone: '8 (900) 000-00-01',
  performerName: 'Кравченко Юлия Олеговна',
  performerPhone: '8 (900) 000-00-02',
};

/** A workbook with every sheet's headers, default settings (letters' ones filled) and the given data rows. */
async function workbook(file: string, data: Rows): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const spec of SHEET_SPECS) {
    const ws = book.addWorksheet(spec.name);
    ws.addRow(spec.columns.map((c) => c.header));
    if (spec.name === 'Настройки' && !data['Настройки']) {
      for (const key of Object.keys(SETTING) as SettingKey[]) ws.addRow([SETTING[key], FILLED[key] ?? SETTING_DEFAULTS[key]]);
    }
    for (const row of data[spec.name] ?? []) ws.addRow(row);
  }
  await book.xlsx.writeFile(file);
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const GOOD: Rows = {
  Партнёры: [
    ['П-001', 'ООО «Рыбозавод»', 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', 'ryba@example.org', '', '', true, true, ''],
    ['П-002', 'Семья Ивановых', 'Семья', '', '', '', '', 'ivanovy@example.org', '', '', false, true, ''],
  ],
  Мероприятия: [['М-001', 'День матери', day(2026, 11, 27), '15:00', 'ДЮЦ «Ровесник»', 'праздник', '', '', '', 'запланировано', null, '']],
  Вклад: [['М-001', 'П-001', 'спонсор', 'финансовый', 'подарки для детей', 5000, null]],
};

describe('wrong usage: exit 2, a Russian message, no stack trace', () => {
  it.each([
    ['no command', [], /Не указана команда/],
    ['an unknown command', ['chek', 'x.xlsx'], /Неизвестная команда «chek»/],
    ['an unknown option', ['check', '--fast', 'x.xlsx'], /Неизвестный параметр «--fast»/],
    ['a missing argument', ['check'], /Не указан обязательный аргумент «файл\.xlsx»/],
    ['a missing file', ['check', 'нет-такого.xlsx'], /Файл не найден: нет-такого\.xlsx/],
    ['a missing file to send from', ['invite', 'нет-такого.xlsx', '--event', 'М-001'], /Файл не найден: нет-такого\.xlsx/],
    ['a file in a missing folder', ['invite', 'нет/такого.xlsx', '--event', 'М-001'], /Файл не найден: нет\/такого\.xlsx/],
    ['a missing --out', ['export', 'x.xlsx'], /Не указан обязательный параметр «-o, --out/],
    ['init without .xlsx', ['init', 'table.txt'], /должно оканчиваться на \.xlsx/],
  ])('%s', (_name, args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(CYRILLIC);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr).not.toMatch(/^error:/m);
  });

  it('a file that is not an xlsx, and a directory', () => {
    fs.writeFileSync(path.join(dir, 'table.xlsx'), 'ID;Организация\n');
    const notXlsx = run(['check', 'table.xlsx']);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toMatch(/не таблица Excel/);
    expect(notXlsx.stderr).not.toMatch(STACK);
    fs.mkdirSync(path.join(dir, 'folder.xlsx'));
    const folder = run(['check', 'folder.xlsx']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/это папка/);
  });

  it('shows the stack only with PARTNERSTVO_DEBUG=1', () => {
    const result = run(['check', 'нет.xlsx'], { PARTNERSTVO_DEBUG: '1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Файл не найден/);
    expect(result.stderr).toMatch(STACK);
  });

  it('prints Russian help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Использование: partnerstvo/);
    expect(result.stdout).toMatch(/Команды:/);
    expect(result.stdout).toMatch(/init <файл\.xlsx>/);
    expect(result.stdout).not.toMatch(/Usage:|Options:|\[options\]/);
  });

  it('--help of the program and of every command fits 80 columns and is Russian: no English word of commander', () => {
    const commands = ['', 'init', 'setup', 'check', 'invite', 'thanks', 'report', 'export', 'repair', 'demo'];
    for (const command of commands) {
      const result = run(command ? [command, '--help'] : ['--help'], { COLUMNS: '80' });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      for (const line of lines) expect([command, line, line.length <= 80]).toEqual([command, line, true]);
      // Commander's own English: headings, `[options]`, `(default: …)`, the help option's text.
      expect(result.stdout).not.toMatch(/Usage|Options|Commands|Arguments|default|display help|\[options\]|\[command\]/);
      // Wrapped at spaces only: the terminal splits words only of lines longer than it is wide.
    }
    const demo = run(['demo', '--help']);
    expect(demo.stdout).toMatch(/\(по умолчанию out\)/);
    // A long command term gets its own line, the description wrapped under it.
    expect(run(['--help']).stdout).toMatch(/\n {2}thanks <файл\.xlsx> \(--event <ID> \| --year 2025\/2026\) \[параметры\]\n {6}сделать/);
  });

  it('suggests the command or option meant by a typo, in Russian', () => {
    const command = run(['invit', 'x.xlsx']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Неизвестная команда «invit»\. Возможно, имелось в виду «init» или «invite»\?/);
    const option = run(['invite', 'x.xlsx', '--evnt', 'М-001']);
    expect(option.stderr).toMatch(/Неизвестный параметр «--evnt»\. Возможно, имелось в виду «--event»\?/);
    expect(command.stderr + option.stderr).not.toMatch(/Did you mean/);
  });

  it('`help` and `help <команда>` are a success, not «Не указана команда»', () => {
    const all = run(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/Команды:/);
    expect(all.stderr).toBe('');
    const one = run(['help', 'check']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/Использование: partnerstvo check <файл\.xlsx>/);
    expect(one.stderr).toBe('');
    const unknown = run(['help', 'chek']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Неизвестная команда «chek»/);
  });
});

describe('init', () => {
  it('creates a workbook whose check names only the settings still to fill, and refuses to overwrite it', () => {
    const created = run(['init', 'new.xlsx']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Создан файл new\.xlsx/);
    const file = path.join(dir, 'new.xlsx');
    const before = hash(file);

    const again = run(['init', 'new.xlsx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/уже существует/);
    expect(hash(file)).toBe(before);

    // Nothing but what every letter job would stop on: the letterhead fields setup cannot know.
    const check = run(['check', 'new.xlsx']);
    expect(check.code).toBe(1);
    const problems = check.stdout.split('\n').filter((l) => /^\S+!\S+: /.test(l));
    expect(problems.length).toBe(5);
    for (const line of problems) expect(line).toMatch(/^Настройки!B\d+: Не заполнен параметр «[^»]+»: без него не сделать/);
    expect(hash(file)).toBe(before);
  });
});

describe('check', () => {
  it('exits 0 on a clean workbook with data', async () => {
    const file = path.join(dir, 'good.xlsx');
    await workbook(file, GOOD);
    const result = run(['check', 'good.xlsx']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ошибок нет\. 2\s+партнёра, 1\s+мероприятие, 1\s+запись о вкладе/);
  });

  it('exits 1 and names the cell of each planted problem', async () => {
    const file = path.join(dir, 'bad.xlsx');
    await workbook(file, {
      Партнёры: [
        ...GOOD['Партнёры'],
        ['П-003', 'Клуб «Орбита»', 'Клубы по интересам', '', '', '', '', 'orbita@example.org', '', '', false, true, ''],
        ['П-004', 'Семья Петровых', 'Семья', '', '', '', '', 'petrovy@@example', '', '', false, true, ''],
        ['П-001', 'Школа № 1', 'Учреждения образования, науки и культуры', '', '', '', '', 'school@example.org',
          { formula: 'NA()', result: { error: '#N/A' } }, '', false, true, ''],
      ],
      Мероприятия: [...GOOD['Мероприятия'], ['М-002', 'Новый год', 'скоро', '12:00', '', '', '', '', '', 'запланировано', null, '']],
      Вклад: [...GOOD['Вклад'], ['М-099', 'П-002', 'участник', 'кадровый', 'концерт', null, null]],
    });
    const before = hash(file);
    const result = run(['check', 'bad.xlsx']);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const expected: [string, RegExp][] = [
      ['Партнёры!C4', /Клубы по интересам/], // unknown category
      ['Партнёры!H5', /petrovy@@example/], // bad email
      ['Партнёры!A6', /П-001.*повторяется/], // duplicate ID
      ['Партнёры!I6', /#N\/A/], // formula error
      ['Мероприятия!C3', /«скоро» — не дата/], // text in a date cell
      ['Вклад!A3', /М-099.*не найдено/], // a contribution naming a missing event
    ];
    for (const [address, text] of expected) {
      const line = lines.find((l) => l.startsWith(`${address}: `));
      expect(line).toBeDefined();
      expect(line).toMatch(text);
    }
    expect(result.stdout).toMatch(/найдено 6\s+проблем\./);
    expect(result.stdout).not.toMatch(/Настройки!/);
    expect(result.stderr).not.toMatch(STACK);
    expect(hash(file)).toBe(before);
  });

  it('assigns blank IDs into the sidecar, never into the workbook, and export merges them', async () => {
    const file = path.join(dir, 'ids.xlsx');
    const data: Rows = {
      ...GOOD,
      Партнёры: [...GOOD['Партнёры'], ['', 'Больница', 'Учреждения здравоохранения', '', '', '', '', 'crb@example.org', '', '', false, true, '']],
    };
    await workbook(file, data);
    const before = hash(file);

    const first = run(['check', 'ids.xlsx']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Присвоен 1\s+новый ID/);
    expect(first.stdout).toMatch(/Партнёры!A4: П-003/);
    expect(first.stdout).toMatch(/partnerstvo export ids\.xlsx/);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'ids.xlsx.partnerstvo.jsonl'))).toBe(true);

    // The next run sees the ID and assigns nothing new.
    const second = run(['check', 'ids.xlsx']);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/Присвоен/);
    expect(second.stdout).toMatch(/Партнёры!A4: П-003/);

    const exported = run(['export', 'ids.xlsx', '--out', 'merged.xlsx']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Записан файл merged\.xlsx: внесено 1\s+изменение/);
    expect(hash(file)).toBe(before);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, 'merged.xlsx'));
    expect(book.getWorksheet('Партнёры')!.getCell('A4').value).toBe('П-003');

    const again = run(['export', 'ids.xlsx', '--out', 'merged.xlsx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/уже существует/);
    const onto = run(['export', 'ids.xlsx', '--out', 'ids.xlsx', '--force']);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toMatch(/никогда не перезаписывает/);
    expect(hash(file)).toBe(before);
  });
});

describe('check reads «Настройки» as the jobs do', () => {
  it('labels in the staff’s own words check clean and the letters have their letterhead', async () => {
    const file = path.join(dir, 'own.xlsx');
    await workbook(file, {
      ...GOOD,
      Мероприятия: [['М-001', 'День матери', day(2026, 11, 27), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы', '', '', 'запланировано', null, '']],
      Настройки: [
        ['Краткое название', 'ДЮЦ «Ровесник»'],
        ['Адрес', 'пос. Рыбачий'],
        ['Телефон', '8 (900) 000-00-01'],
        ['Руководитель', 'Лаврентьева Светлана Андреевна'],
        ['Исполнитель', 'Кравченко Юлия Олеговна'],
        ['Телефон исполнителя', '8 (900) 000-00-02'],
        ['Email для ответов', 'rovesnik@example.org'],
      ],
    });
    const check = run(['check', 'own.xlsx']);
    expect(check.stdout).toMatch(/ошибок нет/);
    expect(check.code).toBe(0);
    const sent = run(['invite', 'own.xlsx', '--event', 'М-001', '--out', 'out', '--dry-run'], { PARTNERSTVO_SOFFICE: 'none' });
    expect(sent.stdout + sent.stderr).toContain('С.\u00a0А.\u00a0Лаврентьева');
    expect(sent.stdout).not.toContain('Проблемы шаблона');
    expect(sent.code).toBe(0);
  });
});

describe('check and the workbook lock', () => {
  it('refuses while a run holds the lock (assigning no IDs), and leaves no lock of its own behind', async () => {
    const file = path.join(dir, 'ids.xlsx');
    await workbook(file, {
      ...GOOD,
      Партнёры: [...GOOD['Партнёры'], ['', 'Больница', 'Учреждения здравоохранения', '', '', '', '', 'crb@example.org', '', '', false, true, '']],
    });
    const lock = `${file}.partnerstvo.lock`;
    const sidecar = `${file}.partnerstvo.jsonl`;
    // A run in progress: the lock names a live process (this test's).
    fs.writeFileSync(lock, String(process.pid));
    const busy = run(['check', 'ids.xlsx']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/Уже идёт другая рассылка/);
    expect(busy.stdout).not.toMatch(/Присвоен/);
    expect(fs.existsSync(sidecar)).toBe(false);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));

    fs.rmSync(lock);
    const free = run(['check', 'ids.xlsx']);
    expect(free.code).toBe(0);
    expect(free.stdout).toMatch(/Присвоен 1\s+новый ID/);
    expect(fs.existsSync(sidecar)).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('a new file in a folder that is not there', () => {
  it('export and init say the folder is missing (or is a file), exit 2, and create nothing', async () => {
    const file = path.join(dir, 'good.xlsx');
    await workbook(file, GOOD);
    fs.writeFileSync(path.join(dir, 'plain'), '');
    const cases: [string[], RegExp][] = [
      [['export', 'good.xlsx', '--out', 'nodir/a.xlsx'], /Не удаётся записать файл nodir\/a\.xlsx: папки nodir нет/],
      [['export', 'good.xlsx', '--out', 'plain/a.xlsx', '--force'], /Не удаётся записать файл plain\/a\.xlsx: plain — это файл, а не папка/],
      [['init', 'nodir/new.xlsx'], /Не удаётся записать файл nodir\/new\.xlsx: папки nodir нет/],
      [['export', 'good.xlsx', '--out', 'plain/sub/a.xlsx'], /Не удаётся записать файл plain\/sub\/a\.xlsx: plain — это файл, а не папка/],
      [['export', 'good.xlsx', '--out', 'nodir/sub/a.xlsx'], /Не удаётся записать файл nodir\/sub\/a\.xlsx: папки nodir\/sub нет/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/нет доступа|диск переполнен/);
      expect(result.stderr).not.toMatch(STACK);
    }
    expect(fs.existsSync(path.join(dir, 'nodir'))).toBe(false);
  });
});

describe('bin/partnerstvo.js', () => {
  it('runs the built CLI', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'partnerstvo.js'), '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
