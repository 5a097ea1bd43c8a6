/**
 * The shared spreadsheet with several staff, through the real bundle (dist/Code.js in `node:vm` with
 * the Apps Script fakes): A runs «Настроить таблицу»; B, another editor, runs it again and then every
 * job, and everything lands in A's one documents folder; C, an editor nobody shared the folder with,
 * is told whom to ask; D, who unticked a permission on Google's consent screen, is told which one and
 * how to grant it; a background continuation waits for its user's permission instead of failing.
 */
import { typeset } from '../src/core/russian/typeset';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Cell } from '../src/ports';
import { SHEET_SPECS } from '../src/core/data/schema';
import { reportMsg } from '../src/messages/report';
import { type DriveItem, documentText, type GasFakes, installGasFakes, isEnded, isKilled, type SpreadsheetModel, spreadsheetFromSheets, type TriggerRecord } from './gas/fakes';
import { centreSettings } from './helpers/memory-workbook';

const A = 'a@rovesnik.example';
const B = 'b@rovesnik.example';
const C = 'c@rovesnik.example';
const D = 'd@rovesnik.example';
const AUTH = 'https://www.googleapis.com/auth/';

const root = join(__dirname, '..');
let out: string;
let code: vm.Script;
let htmlFiles: Record<string, string>;
let manifestScopes: string[];

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'partnerstvo-users-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
  code = new vm.Script(readFileSync(join(out, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  htmlFiles = Object.fromEntries(['invite', 'thanks', 'result'].map((n) => [n, readFileSync(join(out, `${n}.html`), 'utf8')]));
  manifestScopes = (JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes;
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];
const moscow = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000);
const pid = (i: number): string => `П-${String(i).padStart(3, '0')}`;
const email = (i: number): string => `p${i}@example.org`;

/** Values that a naive fill would mangle: a placeholder, `$1`, backslashes, emoji, sentinel look-alikes. */
const AUDIENCE = 'мамы {{Дата}} $1 $& \\ \\1 🎉👩‍👧 ─0─ ━1━';
/** As typed into «Кому (дательный падеж)»; the letter carries it through the typographic pass (`ООО` gets its no-break space). */
const TYPED_ADDRESSEE = 'Директору ООО «$1 \\\\ {{Обращение}}» ─2─';
const ADDRESSEE = typeset(TYPED_ADDRESSEE);
const WHAT = 'подарки $1 {{Вклад}} ─0─ 🎁';

function seed(partners: number): SpreadsheetModel {
  const rows: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= partners; i++)
    rows.push([pid(i), `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', i === 1 ? TYPED_ADDRESSEE : '', email(i), '', '', i % 2 === 0, true, '']);
  return spreadsheetFromSheets({
    Партнёры: rows,
    Мероприятия: [
      header('Мероприятия'),
      ['М-001', 'День матери', moscow(2026, 11, 28), '15:00', 'ДЮЦ «Ровесник»', 'праздник', AUDIENCE, '', '', 'запланировано', '', ''],
      ['М-000', 'Новогодний утренник', moscow(2025, 12, 27), '11:00', 'ДЮЦ «Ровесник»', 'праздник', 'учащиеся', '', '', 'проведено', 120, ''],
    ],
    Вклад: [header('Вклад'), ['М-000', pid(1), 'спонсор', 'финансовый', WHAT, 5000, ''], ['М-000', pid(2), 'участник', 'кадровый', 'концерт', '', '']],
    Настройки: [
      ...centreSettings(),
    ],
  });
}

interface World {
  gas: GasFakes;
  ss: SpreadsheetModel;
  /** Calls a top-level function as one execution by this user; a kill or an authorization prompt ends it (undefined). */
  as<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Fires a trigger as Apps Script would: as the user who created it. */
  fire(trigger: TriggerRecord): void;
}

function world(partners: number, options: { latency?: 'realistic'; granted?: Record<string, string[]> } = {}): World {
  const ss = seed(partners);
  ss.editors = [A, B];
  const context = vm.createContext({});
  const users = Object.fromEntries([B, C, D].map((u) => [u, options.granted?.[u] ? { granted: options.granted[u] } : {}]));
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles, userEmail: A, users, mailQuota: 1000, latency: options.latency });
  gas.env.keepLog = false;
  code.runInContext(context);
  const run = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (isKilled(e) || isEnded(e)) return undefined;
      throw e;
    }
  };
  const as = <T>(user: string, name: string, ...args: unknown[]): T => {
    const fn = vm.runInContext(name, context) as (...a: unknown[]) => T;
    return run(() => gas.runAs(user, () => fn(...args))) as T;
  };
  const fire = (trigger: TriggerRecord): void => {
    const fn = vm.runInContext('continueRun', context) as () => void;
    gas.env.clock.set(Math.max(gas.env.clock.now(), trigger.dueAt ?? 0));
    run(() => gas.runTrigger(trigger, fn));
  };
  return { gas, ss, as, fire };
}

interface Report {
  ok: boolean;
  message: string;
  sent: number;
  made: number;
  stopped: { reason: string } | null;
}

const setting = (ss: SpreadsheetModel, name: string): string => String(ss.values('Настройки').find((r) => String(r[0]).startsWith(name))?.[1] ?? '');
const docIds = (ss: SpreadsheetModel) => ({
  folder: setting(ss, 'Папка для документов'),
  invitation: setting(ss, 'Шаблон приглашения'),
  thanks: setting(ss, 'Шаблон благодарственного письма'),
});

/** Whether the item lies (at any depth) in the folder. */
function inFolder(gas: GasFakes, item: DriveItem, folder: string): boolean {
  for (let parent: string | undefined = item.parents[0]; parent && parent !== 'root'; parent = gas.drive.items.get(parent)?.parents[0]) if (parent === folder) return true;
  return false;
}

const made = (gas: GasFakes, prefix: string): DriveItem[] => [...gas.drive.items.values()].filter((i) => i.name.startsWith(prefix) && !i.trashed);
const journalRows = (ss: SpreadsheetModel): Cell[][] => ss.values('Журнал').slice(1);
/** A sentinel left in the text: a mark of U+2500–U+27BF, digits, the same mark. */
const SENTINEL = /([\u2500-\u27bf])\d+\1/u;

describe('several editors of one spreadsheet', () => {
  it('A sets up; B sets up again (nothing orphaned, IDs unchanged) and runs every job: everything lands in the one folder', () => {
    const w = world(3);
    w.as(A, 'menuSetup');
    const ids = docIds(w.ss);
    expect(Object.values(ids).every((id) => id !== '')).toBe(true);
    const folder = w.gas.drive.items.get(ids.folder) as DriveItem;
    expect(folder.owner).toBe(A);
    // Setup opened the folder to B, the other editor, without emailing.
    expect(folder.permissions).toEqual([expect.objectContaining({ emailAddress: B, role: 'writer', notified: false })]);
    expect(w.gas.ui.lastAlert()?.prompt).toContain(`открыты для редактирования: ${B}`);

    const items = w.gas.drive.items.size;
    w.as(B, 'menuSetup');
    expect(docIds(w.ss)).toEqual(ids);
    expect(w.gas.drive.items.size).toBe(items);
    expect(w.gas.ui.lastAlert()?.prompt).toBe('Таблица уже настроена: ничего менять не нужно.');

    // Invitations by B: sent as B, letters in A's folder, the values literal in Doc and PDF.
    const invite = w.as<Report>(B, 'dialogStartInvite', 'М-001', []);
    expect(invite.ok).toBe(true);
    expect(invite.sent).toBe(3);
    expect(w.gas.mail.sent.map((m) => m.from)).toEqual([B, B, B]);
    const invitations = made(w.gas, 'Приглашение');
    expect(invitations).toHaveLength(3);
    for (const letter of invitations) {
      expect(inFolder(w.gas, letter, ids.folder)).toBe(true);
      expect(letter.owner).toBe(B);
      // A, the folder's owner, reaches the letters B made.
      expect(w.gas.drive.roleOf(letter, A)).not.toBeNull();
      const text = documentText(letter.doc as NonNullable<DriveItem['doc']>);
      expect(text).toContain(AUDIENCE);
      expect(text.split(AUDIENCE).join('').split(ADDRESSEE).join('')).not.toMatch(SENTINEL);
    }
    const toFirst = w.gas.mail.sent.find((m) => m.to === email(1));
    const pdf = toFirst?.attachments[0]?.text ?? '';
    expect(pdf).toContain(ADDRESSEE);
    expect(pdf).toContain(AUDIENCE);
    expect(pdf).not.toContain('{{Адресат}}');
    expect(pdf.split(AUDIENCE).join('').split(ADDRESSEE).join('')).not.toMatch(SENTINEL);

    // Thank-you letters by B.
    const thanks = w.as<Report>(B, 'dialogStartThanks', { year: '2025/2026' });
    expect(thanks.made).toBe(2);
    const thankYous = made(w.gas, 'Благодарственное письмо');
    expect(thankYous).toHaveLength(2);
    expect(thankYous.every((l) => inFolder(w.gas, l, ids.folder))).toBe(true);
    const first = thankYous.find((l) => l.name.endsWith('1»'));
    expect(documentText(first?.doc as NonNullable<DriveItem['doc']>)).toContain(WHAT);

    // The report and «Кому ещё не сказали спасибо» by B.
    w.gas.ui.promptAnswers.push({ button: 'OK', text: '2025/2026' });
    w.as(B, 'menuReport');
    const report = made(w.gas, reportMsg.title('2025/2026'));
    expect(report).toHaveLength(1);
    expect(inFolder(w.gas, report[0] as DriveItem, ids.folder)).toBe(true);
    // Every contribution was thanked by B's run, and the owed list says so.
    w.as(B, 'menuOwed');
    expect(w.gas.ui.lastAlert()).toMatchObject({ title: 'Кому ещё не сказали спасибо', prompt: 'Всем, кто помог на прошедших мероприятиях, благодарность уже выражена.' });
    expect(w.gas.logs.filter((l) => l.level === 'error')).toEqual([]);
    // Nothing made outside the folder, except A's folder itself.
    expect([...w.gas.drive.items.values()].filter((i) => i.id !== 'root' && i.id !== ids.folder && !inFolder(w.gas, i, ids.folder))).toEqual([]);
  });

  it('C, an editor the folder was never shared with, is told whom to ask; after A runs setup again C can work', () => {
    const w = world(2);
    w.as(A, 'menuSetup');
    const ids = docIds(w.ss);
    w.ss.addEditor(C);
    const refused = w.as<Report>(C, 'dialogStartInvite', 'М-001', []);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/вам недоступ/);
    expect(refused.message).toContain(`владельца (${A})`);
    expect(refused.message).toContain('«Партнёрство → Настроить таблицу» ещё раз');
    expect(refused.message).not.toMatch(/не найден|File not found|Exception/);
    expect(w.gas.mail.sent).toEqual([]);
    expect(journalRows(w.ss)).toEqual([]);
    // C's own setup keeps A's IDs and makes nothing: never orphans the folder it cannot see.
    const items = w.gas.drive.items.size;
    w.as(C, 'menuSetup');
    expect(docIds(w.ss)).toEqual(ids);
    expect(w.gas.drive.items.size).toBe(items);
    expect(w.gas.ui.lastAlert()?.prompt).toContain(`владельца (${A})`);
    // Setup is re-runnable: A's second run opens the folder to C.
    w.as(A, 'menuSetup');
    expect(w.gas.ui.lastAlert()?.prompt).toContain(`открыты для редактирования: ${C}`);
    const sent = w.as<Report>(C, 'dialogStartInvite', 'М-001', []);
    expect(sent.sent).toBe(2);
    expect(made(w.gas, 'Приглашение').every((l) => inFolder(w.gas, l, ids.folder))).toBe(true);
  });

  it('D, who unticked Drive on the consent screen, is told which permission is missing and how to grant it; nothing is sent', () => {
    const withoutDrive = (): string[] => manifestScopes.filter((s) => s !== `${AUTH}drive`);
    const w = world(2, { granted: { [D]: withoutDrive() } });
    w.as(A, 'menuSetup');
    w.ss.addEditor(D);
    w.as(A, 'menuSetup');
    const dialogs = w.gas.ui.dialogs.length;
    w.as(D, 'menuInvite');
    expect(w.gas.ui.dialogs.length).toBe(dialogs);
    const alert = w.gas.ui.lastAlert()?.prompt ?? '';
    expect(alert).toContain('«Просмотр, изменение, создание и удаление всех ваших файлов на Google Диске»');
    expect(alert).toMatch(/откройте ссылку.*https:\/\/script\.google\.com\//s);
    expect(alert).not.toContain('Отправка электронных писем');
    const report = w.as<Report>(D, 'dialogStartInvite', 'М-001', []);
    expect(report.ok).toBe(false);
    expect(report.message).toContain('Google Диске');
    expect(w.gas.mail.sent).toEqual([]);
    expect(journalRows(w.ss)).toEqual([]);
    // Setup too says so rather than «не найдено».
    w.as(D, 'menuSetup');
    expect(w.gas.ui.lastAlert()?.prompt).toContain('Google Диске');
    expect(w.gas.ui.lastAlert()?.prompt).not.toMatch(/недоступн/);
  });

  it('with realistic latencies a run stops at the deadline; its trigger runs as B, waits while B lacks a permission (no UI, job kept), and finishes once granted', () => {
    const PARTNERS = 60;
    const w = world(PARTNERS, { latency: 'realistic' });
    w.as(A, 'menuSetup');
    const first = w.as<Report>(B, 'dialogStartInvite', 'М-001', []);
    expect(first.stopped?.reason).toBe('deadline');
    expect(first.sent).toBeGreaterThan(10);
    expect(first.sent).toBeLessThan(PARTNERS);
    const [trigger] = w.gas.triggers;
    expect(trigger?.owner).toBe(B);
    // B unticks «send mail» (e.g. re-consenting later): the continuation must not fail half-way.
    w.gas.addUser(B, manifestScopes.filter((s) => s !== `${AUTH}script.send_mail`));
    const sent = w.gas.mail.sent.length;
    w.fire(trigger as TriggerRecord);
    expect(w.gas.mail.sent.length).toBe(sent);
    expect(w.gas.scriptProperties.get('partnerstvo.run')).toBeDefined();
    expect(w.gas.triggers).toEqual([expect.objectContaining({ owner: B, handler: 'continueRun' })]);
    expect((w.gas.triggers[0]?.dueAt ?? 0) - w.gas.env.clock.now()).toBeGreaterThanOrEqual(59 * 60 * 1000);
    expect(w.gas.logs.some((l) => l.level === 'error' && l.text.includes('Отправка электронных писем от вашего имени'))).toBe(true);
    expect(w.gas.ui.alerts.length).toBe(1); // only A's setup: a trigger shows nothing
    // Granted again: the continuation finishes, never twice.
    w.gas.addUser(B);
    for (let i = 0; i < 10 && w.gas.triggers.length > 0; i++) w.fire(w.gas.triggers[0] as TriggerRecord);
    expect(w.gas.triggers).toEqual([]);
    const letters = w.gas.mail.sent.filter((m) => m.to.endsWith('@example.org'));
    expect(new Set(letters.map((m) => m.to)).size).toBe(PARTNERS);
    expect(letters).toHaveLength(PARTNERS);
    expect(letters.every((m) => m.from === B)).toBe(true);
  });
});
