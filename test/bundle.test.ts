/**
 * The proof that the Apps Script bundle works: build dist/Code.js (into a temporary folder, so parallel
 * test runs do not race on dist/), load it in `node:vm` with the Apps Script fakes as its globals, and
 * drive the menu handlers end to end through the top-level functions, as Sheets would.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Cell } from '../src/ports';
import { columnLetter } from '../src/core/data/table';
import { COL, SHEET_SPECS, type SheetSpec } from '../src/core/data/schema';
import { CONTINUE_HANDLER } from '../src/core/jobs';
import { dialogScriptMsg } from '../src/messages/dialogs';
import { type GasFakes, installGasFakes, type SpreadsheetModel, spreadsheetFromSheets } from './gas/fakes';

const root = join(__dirname, '..');
let out: string;
let code: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'partnerstvo-bundle-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
  code = readFileSync(join(out, 'Code.js'), 'utf8');
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Loaded {
  gas: GasFakes;
  context: vm.Context;
  /** Calls a top-level function of the bundle as one execution. */
  call(name: string): void;
}

function load(spreadsheet: SpreadsheetModel): Loaded {
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    gas,
    context,
    call: (name) => gas.execute(() => vm.runInContext(`${name}()`, context)),
  };
}

const col = (spec: SheetSpec, header: string): number => spec.columns.findIndex((c) => c.header === header) + 1;
const spec = (name: string): SheetSpec => {
  const s = SHEET_SPECS.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};

describe('the bundle as a file', () => {
  it('has no import/export statements, no require and no Node built-ins', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/["']node:/);
    const names = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
    expect(code).not.toMatch(new RegExp(`from\\s*["'](${names.join('|')})["']`));
    expect(code).not.toMatch(/\b(process\.env|Buffer\.from|__dirname|setTimeout|setImmediate)\b/);
  });

  it('declares top-level functions that forward to the bundle, after one IIFE', () => {
    expect(code).toMatch(/^var Partnerstvo = \(\(\) => \{/m);
    for (const name of ['onOpen', 'onInstall', 'menuSetup', 'menuCheck', 'menuAbout', 'menuInvite', 'menuThanks', 'menuOwed', 'menuReport', 'continueRun', 'dialogStartInvite'])
      expect(code).toContain(`function ${name}() {\n  return Partnerstvo.${name}.apply(this, arguments);\n}`);
  });

  it('has a top-level function for every google.script.run call of the dialogs and for the trigger handler', () => {
    const called = readdirSync('src/ui')
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(join('src/ui', f), 'utf8').matchAll(/ui\.call\('(\w+)'/g)].map((m) => m[1] ?? ''));
    expect(called.length).toBeGreaterThanOrEqual(7);
    for (const name of [...called, CONTINUE_HANDLER]) expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, 'm'));
  });

  it('gives every dialog its texts from src/core/messages/dialogs.ts; the dialog scripts hold no Russian of their own', () => {
    for (const file of readdirSync('src/ui').filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(join('src/ui', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file, russian: source.match(/[\u0400-\u04ff][^'"]*/g) ?? [] }).toEqual({ file, russian: [] });
    }
    for (const file of readdirSync(out).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(out, file), 'utf8');
      const json = /var TEXT = (\{[\s\S]*?\});\n<\/script>/.exec(html)?.[1];
      expect(json && JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(dialogScriptMsg)));
      expect(html.indexOf('var TEXT')).toBeLessThan(html.indexOf('var ui ='));
    }
  });

  it('enables the advanced services the code calls: Docs v1 (batchUpdate) and Drive v3 (drive.file access)', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8')) as { dependencies?: { enabledAdvancedServices?: unknown[] } };
    expect(manifest.dependencies?.enabledAdvancedServices).toEqual(
      expect.arrayContaining([
        { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
        { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      ]),
    );
    expect(code).not.toMatch(/\bDriveApp\./); // one way to Drive: the advanced service
  });

  it('ships a manifest with explicit, narrow OAuth scopes: each one a job needs, and no Gmail or all-spreadsheets access', () => {
    const manifestPath = join(out, 'appsscript.json');
    expect(existsSync(manifestPath)).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { oauthScopes?: string[]; runtimeVersion?: string };
    expect(manifest.runtimeVersion).toBe('V8');
    // `drive`, not `drive.file`: every editor of the shared spreadsheet must reach the one documents
    // folder and its templates (see src/gas/drive.ts and README «How it works»).
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/documents',
        'https://www.googleapis.com/auth/drive',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
    for (const broad of ['https://www.googleapis.com/auth/spreadsheets', 'https://mail.google.com/', 'https://www.googleapis.com/auth/gmail.send'])
      expect(manifest.oauthScopes).not.toContain(broad);
  });
});

describe('the bundle in a vm with the Apps Script fakes', () => {
  it('onOpen builds the «Партнёрство» menu whose items all name top-level functions', () => {
    const { gas, context, call } = load(spreadsheetFromSheets({}));
    call('onOpen');
    const menu = gas.ui.menu('Партнёрство');
    expect(menu).toBeDefined();
    const items = (menu?.entries ?? []).flatMap((e) => (e.kind === 'item' ? [e] : []));
    expect(items.map((i) => i.caption)).toEqual([
      'Пригласить на мероприятие…',
      'Отменить отложенную отправку',
      'Благодарственные письма…',
      'Кому ещё не сказали спасибо',
      'Годовой отчёт…',
      'Настроить таблицу',
      'Проверить данные',
      'О программе',
    ]);
    expect(menu?.entries.some((e) => e.kind === 'separator')).toBe(true);
    for (const item of items) {
      // A function declaration at the top level of the script, the only thing menus can call.
      expect(vm.runInContext(`typeof ${item.functionName}`, context)).toBe('function');
      expect(Object.getOwnPropertyDescriptor(context, item.functionName)?.value).toBeInstanceOf(vm.runInContext('Function', context) as typeof Function);
    }
    expect(gas.ui.alerts).toEqual([]);
  });

  it('«О программе» shows a short Russian alert with the version', () => {
    const { gas, call } = load(spreadsheetFromSheets({}));
    call('menuAbout');
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(gas.ui.lastAlert()?.title).toBe('О программе');
    expect(gas.ui.lastAlert()?.prompt).toContain(`версия ${version}`);
  });

  it('«Настроить таблицу» on an empty spreadsheet creates the five sheets; a second run changes nothing', () => {
    const ss = spreadsheetFromSheets({});
    const { gas, call } = load(ss);
    call('menuSetup');
    for (const s of SHEET_SPECS) {
      const sheet = ss.sheet(s.name);
      expect(sheet).toBeDefined();
      expect(ss.values(s.name)[0]).toEqual(s.columns.map((c) => c.header));
      expect(sheet?.frozenRows).toBe(1);
      expect(sheet?.fontWeights.get('1:1')).toBe('bold');
    }
    const partners = ss.sheet('Партнёры');
    const p = spec('Партнёры');
    expect(partners?.validations.get(`2:${col(p, COL.category)}`)?.criteria).toBe('VALUE_IN_LIST');
    expect(partners?.validations.get(`2:${col(p, COL.invite)}`)?.criteria).toBe('CHECKBOX');
    expect(ss.sheet('Мероприятия')?.validations.get(`2:${col(spec('Мероприятия'), COL.date)}`)?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(ss.values('Настройки').length).toBeGreaterThan(10);
    expect(gas.ui.lastAlert()?.prompt).toContain('Создан лист «Партнёры»');
    expect(gas.logs.filter((l) => l.level === 'error')).toEqual([]);

    const before = JSON.stringify(ss.snapshot());
    call('menuSetup');
    expect(JSON.stringify(ss.snapshot())).toBe(before);
    expect(gas.ui.lastAlert()?.prompt).toBe('Таблица уже настроена: ничего менять не нужно.');
  });

  it('keeps the user’s own columns, data, notes and sheets untouched', () => {
    const ss = spreadsheetFromSheets({
      'Мои заметки': [['что угодно', 42]],
      Партнёры: [
        ['Организация', 'Своя колонка', 'Категория'],
        ['ООО «Ромашка»', 'важное', 'Общественные организации'],
        ['', '', '', 'строка-заметка справа'],
      ],
    });
    ss.sheet('Партнёры')?.notes.set('2:2', 'заметка сотрудника');
    const { gas, call } = load(ss);
    const ownBefore = JSON.stringify(ss.sheet('Мои заметки')?.snapshot());
    call('menuSetup');
    expect(gas.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(JSON.stringify(ss.sheet('Мои заметки')?.snapshot())).toBe(ownBefore);
    const values = ss.values('Партнёры');
    expect(values[1]?.slice(0, 3)).toEqual(['ООО «Ромашка»', 'важное', 'Общественные организации']);
    expect(values[2]?.[3]).toBe('строка-заметка справа');
    expect(ss.sheet('Партнёры')?.notes.get('2:2')).toBe('заметка сотрудника');
    const header = values[0] ?? [];
    for (const c of spec('Партнёры').columns) expect(header).toContain(c.header);
    // New columns start after everything used, so the note-row's cell D3 is not under a new header.
    expect(header[3]).toBe('');
    for (const s of SHEET_SPECS) expect(ss.sheet(s.name)).toBeDefined();
  });

  describe('«Проверить данные»', () => {
    const moscowDate = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000);

    function workbook(rows: { partners: Cell[][]; events: Cell[][]; contributions: Cell[][] }): SpreadsheetModel {
      const header = (name: string): Cell[] => spec(name).columns.map((c) => c.header);
      return spreadsheetFromSheets({
        Партнёры: [header('Партнёры'), ...rows.partners],
        Мероприятия: [header('Мероприятия'), ...rows.events],
        Вклад: [header('Вклад'), ...rows.contributions],
        Журнал: [header('Журнал')],
        // In the staff's own words («Руководитель», «Адрес» …): read as the parameters they mean.
        Настройки: [
          header('Настройки'),
          ['Краткое название', 'ДЮЦ «Ровесник»'],
          ['Руководитель', 'Лаврентьева Светлана Андреевна'],
          ['Адрес', 'пос. Рыбачий'],
          ['Телефон', '8 (900) 000-00-01'],
          ['Исполнитель', 'Кравченко Юлия Олеговна'],
          ['Телефон исполнителя', '8 (900) 000-00-02'],
        ],
      });
    }

    const partner = (id: string, name: string, email: string, category: string = 'Предприятия и предприниматели'): Cell[] => [
      id,
      name,
      category,
      'Сидоров Иван Петрович',
      '',
      'директор',
      '',
      email,
      '',
      '',
      false,
      true,
      '',
    ];
    const clean = () => ({
      partners: [partner('П-001', 'ООО «Рыбозавод»', 'ryba@example.org'), partner('П-002', 'Семья Ивановых', 'ivanovy@example.org', 'Семья')],
      events: [['М-001', 'День матери', moscowDate(2026, 11, 27), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы', '', '', 'запланировано', '', '']],
      contributions: [['М-001', 'П-001', 'спонсор', 'финансовый', 'подарки для детей', 5000, '']] as Cell[][],
    });

    it('names the cell of each planted problem', () => {
      const data = clean();
      data.partners.push(partner('П-003', 'ООО «Почта»', 'not-an-email'));
      data.partners.push(partner('П-004', 'ООО «Гости»', 'g@example.org', 'Инопланетяне'));
      data.partners.push(partner('П-001', 'ООО «Двойник»', 'd@example.org'));
      data.partners.push(partner('П-006', '#N/A', 'n@example.org'));
      data.events.push(['М-002', 'Новый год', 'скоро', '15:00', '', '', '', '', '', 'запланировано', '', '']);
      data.contributions.push(['М-404', 'П-001', 'спонсор', 'финансовый', 'подарки', 100, '']);
      const ss = workbook(data);
      const { gas, call } = load(ss);
      call('menuCheck');
      const p = spec('Партнёры');
      const L = (s: SheetSpec, h: string): string => columnLetter(col(s, h));
      const expected = [
        `Партнёры!${L(p, COL.email)}4`,
        `Партнёры!${L(p, COL.category)}5`,
        `Партнёры!${L(p, COL.id)}6`,
        `Партнёры!${L(p, COL.organisation)}7`,
        `Мероприятия!${L(spec('Мероприятия'), COL.date)}3`,
        `Вклад!${L(spec('Вклад'), COL.event)}3`,
      ];
      const shown = [...gas.ui.alerts.map((a) => a.prompt), ...gas.ui.dialogs.map((d) => d.html)].join('\n');
      for (const address of expected) expect(shown).toContain(`${address}: `);
      expect(shown).toMatch(/найдено/);
      expect(shown).not.toMatch(/\bat \w+ \(|Error:/);
      // Problem cells get a note, the user's data stays.
      expect(ss.sheet('Партнёры')?.notes.get(`4:${col(p, COL.email)}`)).toBeTruthy();
      expect(ss.values('Партнёры')[3]?.[col(p, COL.email) - 1]).toBe('not-an-email');
    });

    it('says the data is clean when it is', () => {
      const ss = workbook(clean());
      const { gas, call } = load(ss);
      call('menuCheck');
      expect(gas.ui.lastAlert()?.prompt).toContain('ошибок нет');
      expect(gas.logs.filter((l) => l.level === 'error')).toEqual([]);
    });
  });

  it('a failure inside a handler becomes a Russian alert, with the stack only in the log', () => {
    const { gas, call } = load(spreadsheetFromSheets({}));
    gas.env.failAt(1, { method: 'Range.getValues', message: 'Exception: Service Spreadsheets failed while accessing document with id 1x.' });
    call('menuSetup');
    const shown = gas.ui.lastAlert()?.prompt ?? '';
    expect(shown).toMatch(/^Не удалось выполнить «Настроить таблицу»/);
    expect(shown).not.toMatch(/\n\s+at /);
    expect(gas.logs.some((l) => l.level === 'error' && /\n\s+at /.test(l.text))).toBe(true);
  });

  it('an alert for a menu item that opens a dialog is titled without the caption’s «…»', () => {
    const { gas, call } = load(spreadsheetFromSheets({}));
    gas.env.failAt(1, { service: 'HtmlService', message: 'Exception: Service unavailable.' });
    call('menuInvite');
    const alert = gas.ui.lastAlert();
    expect(alert?.title).toBe('Пригласить на мероприятие');
    expect(alert?.prompt).toMatch(/^Не удалось выполнить «Пригласить на мероприятие»/);
  });
});
