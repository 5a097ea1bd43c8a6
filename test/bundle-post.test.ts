/**
 * Print and post on the Apps Script side: dist/Code.js in `node:vm` with the fakes. «Настроить
 * таблицу» makes the envelope template in the format «Формат конверта» says (its page size set
 * through Body.setPageWidth/setPageHeight and the margins), and an invitation run with partners
 * without email makes, beside the print-ready document, one envelopes Doc (a copy of that template:
 * the same page) and a register Doc, both linked from the dialog's result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Cell } from '../src/ports';
import { SHEET_SPECS } from '../src/core/data/schema';
import { type DocModel as FakeDoc, documentText, type GasFakes, installGasFakes, isKilled, type SpreadsheetModel, spreadsheetFromSheets } from './gas/fakes';

const root = join(__dirname, '..');
let out: string;
let code: vm.Script;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'partnerstvo-post-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
  code = new vm.Script(readFileSync(join(out, 'Code.js'), 'utf8'), { filename: 'Code.js' });
});
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];
const moscow = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000);
const PT = 72 / 25.4;

const ADDRESSES = ['692501, пос. Рыбачий, ул. Садовая, д. 4', 'х. Весёлый, ул. Центральная, д. 5, 692510', ''];

function seed(format: string): SpreadsheetModel {
  const partners: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= 5; i++) {
    const email = i > 3 ? `p${i}@example.org` : '';
    partners.push([`П-00${i}`, `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', email, `8 (900) 000-00-0${i}`, ADDRESSES[i - 1] ?? '', false, true, '']);
  }
  return spreadsheetFromSheets({
    Партнёры: partners,
    Мероприятия: [header('Мероприятия'), ['М-001', 'День матери', moscow(2026, 11, 28), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки', '', '', 'запланировано', '', '']],
    Вклад: [header('Вклад')],
    Настройки: [
      ['Параметр', 'Значение'],
      ['Руководитель (ФИО)', 'Лаврентьева Светлана Андреевна'],
      ['Адрес учреждения', 'пос. Примерный, ул. Школьная, 1, 692000'],
      ['Телефон учреждения', '+7 (000) 000-00-00'],
      ['Исполнитель (ФИО)', 'Кузьмина Ольга Викторовна'],
      ['Телефон исполнителя', '+7 (000) 000-00-01'],
      ['Email для ответов', 'rovesnik@example.org'],
      ...(format ? [['Формат конверта (DL или C5)', format]] : []),
    ],
  });
}

function load(ss: SpreadsheetModel): { gas: GasFakes; call: <T>(name: string, ...args: unknown[]) => T } {
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles: {}, mailQuota: 1000 });
  gas.env.keepLog = false;
  code.runInContext(context);
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = vm.runInContext(name, context) as (...a: unknown[]) => T;
    try {
      return gas.execute(() => fn(...args));
    } catch (e) {
      if (isKilled(e)) return undefined as T;
      throw e;
    }
  };
  return { gas, call };
}

const setting = (ss: SpreadsheetModel, label: string): string => String(ss.values('Настройки').find((r) => r[0] === label)?.[1] ?? '');
const docOf = (gas: GasFakes, link: string): FakeDoc => {
  const id = /\/d\/([^/]+)\//.exec(link)?.[1] ?? '';
  const doc = gas.drive.items.get(id)?.doc;
  if (!doc) throw new Error(`no doc behind ${link}`);
  return doc;
};

interface Report {
  ok: boolean;
  message: string;
  printed: number;
  printLink: string;
  envelopeLink: string;
  envelopes: number;
  registerLink: string;
  registered: number;
}

describe('print and post through the bundle', () => {
  it.each([
    ['C5', 229, 162],
    ['', 220, 110],
  ])('setup makes the envelope template «%s» at its page size; the run makes the envelopes Doc at that size and the register', (format, w, h) => {
    const ss = seed(format);
    const { gas, call } = load(ss);
    call('menuSetup');
    expect(gas.ui.lastAlert()?.prompt).toContain('Шаблон конверта');
    const templateId = setting(ss, 'Шаблон конверта (ID документа)');
    expect(setting(ss, 'Формат конверта (DL или C5)')).toBe(format || 'DL');
    const template = gas.drive.items.get(templateId)?.doc as FakeDoc;
    expect(template.page?.width).toBeCloseTo(w * PT, 1);
    expect(template.page?.height).toBeCloseTo(h * PT, 1);
    expect(template.page?.marginTop).toBeGreaterThan(0);
    expect(documentText(template)).toContain('{{Куда}}');

    const report = call<Report>('dialogStartInvite', 'М-001', []);
    expect(report.ok).toBe(true);
    expect(report.printed).toBe(3);
    // Plain data for the dialog: the links survive a JSON round trip.
    expect(JSON.parse(JSON.stringify(report))).toMatchObject({ envelopeLink: report.envelopeLink, registerLink: report.registerLink });
    expect(report.envelopes).toBe(2);
    expect(report.registered).toBe(3);

    const envelopes = docOf(gas, report.envelopeLink);
    expect(envelopes.page?.width).toBeCloseTo(w * PT, 1);
    expect(envelopes.page?.height).toBeCloseTo(h * PT, 1);
    expect(envelopes.body.filter((e) => e.kind === 'pageBreak')).toHaveLength(1);
    const text = documentText(envelopes);
    expect(text).toContain('Индекс: 692501');
    expect(text).toContain('Индекс: 692510');
    expect(text).toContain('Индекс: 692000');
    expect(text.replace(/\u00a0/g, ' ')).toContain('Куда: х. Весёлый, ул. Центральная, д. 5\n');
    expect(text).not.toMatch(/Куда:[^\n]*692510/);
    expect(text).not.toContain('{{');

    const register = docOf(gas, report.registerLink);
    expect(register.page?.width).toBeCloseTo(297 * PT, 1);
    expect(register.page?.height).toBeCloseTo(210 * PT, 1);
    const registerText = documentText(register);
    expect(registerText).toContain('РЕЕСТР ПИСЕМ ДЛЯ ДОСТАВКИ');
    for (const i of [1, 2, 3]) expect(registerText).toContain(`Партнёр ${i}»`);
    expect(registerText).not.toContain('Партнёр 4»');
    expect(registerText).toContain('8\u00a0(900)');

    // The print-ready letters carry the postal address.
    expect(documentText(docOf(gas, report.printLink))).toContain('692501, пос.\u00a0Рыбачий');
    expect(report.message).toContain('Нет почтового адреса');
    expect(report.message).toContain('Конверты: 2\u00a0конверта');
  });
});
