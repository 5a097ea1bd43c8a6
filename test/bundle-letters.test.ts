/**
 * The letter jobs through the real bundle: dist/Code.js in `node:vm` with the Apps Script fakes, driven
 * through its top-level functions the way Sheets, dialogs and triggers call them. Proves the
 * reliability promises again on the Apps Script side: never twice, never lost (a fault sweep over
 * every service call, with exceptions and with kills), big lists finish across executions, the
 * daily quota, one run at a time, and how many service calls a letter costs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Cell } from '../src/ports';
import { reportMsg } from '../src/messages/report';
import { runMsg } from '../src/messages/letters';
import { SHEET_SPECS } from '../src/core/data/schema';
import { type DocModel as FakeDoc, documentText, type GasFakes, installGasFakes, isKilled, type SpreadsheetModel, spreadsheetFromSheets } from './gas/fakes';
import { centreSettings } from './helpers/memory-workbook';

const root = join(__dirname, '..');
let out: string;
let code: vm.Script;
let htmlFiles: Record<string, string>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'partnerstvo-letters-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
  code = new vm.Script(readFileSync(join(out, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  htmlFiles = Object.fromEntries(['invite', 'thanks', 'result'].map((n) => [n, readFileSync(join(out, `${n}.html`), 'utf8')]));
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];
/** Midnight in Moscow of a calendar date, as a date cell holds it. */
const moscow = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000);
const pid = (i: number): string => `П-${String(i).padStart(3, '0')}`;
const email = (i: number): string => `p${i}@example.org`;

interface World {
  gas: GasFakes;
  ss: SpreadsheetModel;
  context: vm.Context;
  /** Calls a top-level function as one execution; a kill ends the execution (returns undefined). */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

function seed(partners: number, extra: { contributions?: Cell[][] } = {}): SpreadsheetModel {
  const rows: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= partners; i++) {
    rows.push([pid(i), `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', i % 2 ? 'Сидоров Иван Петрович' : 'Петрова Анна Сергеевна', '', 'директор', '', email(i), '', '', i % 3 === 0, true, '']);
  }
  return spreadsheetFromSheets({
    Партнёры: rows,
    Мероприятия: [
      header('Мероприятия'),
      ['М-001', 'День матери', moscow(2026, 11, 28), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки', '', '', 'запланировано', '', ''],
      ['М-000', 'Новогодний утренник', moscow(2025, 12, 27), '11:00', 'ДЮЦ «Ровесник»', 'праздник', 'учащиеся 1–6 классов', '', '', 'проведено', 120, ''],
    ],
    Вклад: [header('Вклад'), ...(extra.contributions ?? [])],
    Настройки: [
      ...centreSettings(),
    ],
  });
}

/** A loaded bundle over a seeded spreadsheet on which «Настроить таблицу» has run. */
function world(partners: number, options: { mailQuota?: number; contributions?: Cell[][] } = {}): World {
  const w = load(seed(partners, options), options.mailQuota);
  w.call('menuSetup');
  expect(w.gas.ui.lastAlert()?.prompt).toContain('Шаблон приглашения');
  return w;
}

/** A fresh world in the state `from` is in (values and Drive files), without running setup again. */
function fork(from: World): World {
  const ss = spreadsheetFromSheets(Object.fromEntries(from.ss.sheets.map((s) => [s.name, from.ss.values(s.name)])));
  const w = load(ss);
  for (const [id, item] of from.gas.drive.items) {
    w.gas.drive.items.set(id, structuredClone(item));
    if (id !== 'root') w.gas.drive.newId('skip'); // keep new IDs from colliding with the copied ones
  }
  return w;
}

function load(ss: SpreadsheetModel, mailQuota = 1000): World {
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles, mailQuota });
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
  return { gas, ss, context, call };
}

interface Report {
  ok: boolean;
  message: string;
  sent: number;
  stopped: { reason: string; left: number } | null;
}

const startInvite = (w: World, resend: string[] = []): Report => w.call<Report>('dialogStartInvite', 'М-001', resend);

/** The latest journal status per partner for the invitation. */
function journalStatus(ss: SpreadsheetModel): Map<string, string> {
  const [head, ...rows] = ss.values('Журнал');
  const key = head?.indexOf('Ключ') ?? -1;
  const status = head?.indexOf('Статус') ?? -1;
  const map = new Map<string, string>();
  for (const r of rows) {
    const k = String(r[key]);
    if (k.startsWith('invite|М-001|')) map.set(k.slice('invite|М-001|'.length), String(r[status]));
  }
  return map;
}

function mailsTo(gas: GasFakes): Map<string, number> {
  const map = new Map<string, number>();
  for (const m of gas.mail.sent) map.set(m.to, (map.get(m.to) ?? 0) + 1);
  return map;
}

/** Never twice, never lost: each partner has one email, or none and «требует проверки»; the journal agrees. */
/** The letters, without the note to the staff member that a background run finished. */
const STAFF = 'staff@rovesnik.example';
const letters = (w: World) => w.gas.mail.sent.filter((m) => m.to !== STAFF);
const notes = (w: World) => w.gas.mail.sent.filter((m) => m.to === STAFF);

function expectConsistent(w: World, partners: number, label: string): void {
  const mails = mailsTo(w.gas);
  const statuses = journalStatus(w.ss);
  for (let i = 1; i <= partners; i++) {
    const n = mails.get(email(i)) ?? 0;
    const status = statuses.get(pid(i));
    const where = `${label}, ${pid(i)}: ${n} emails, status ${status}`;
    if (n > 1) throw new Error(`sent twice — ${where}`);
    if (n === 0 && status !== 'требует проверки') throw new Error(`lost — ${where}`);
    if (status === 'отправлено' && n !== 1) throw new Error(`journal says sent — ${where}`);
    if (status !== 'отправлено' && status !== 'требует проверки') throw new Error(`unfinished — ${where}`);
  }
  expect(letters(w).every((m) => m.attachments.length === 1 && m.attachments[0]?.contentType === 'application/pdf')).toBe(true);
  // Registration numbers: a row each, so a letter each, running on from 1 (setup's counter) with no gap.
  const numbers = journalColumn(w.ss, 'Исх. номер').filter((n) => n !== '');
  expect([label, [...numbers].map(Number).sort((a, b) => a - b)]).toEqual([label, numbers.map((_, i) => i + 1)]);
}

/** One column of «Журнал», row by row, as text. */
function journalColumn(ss: SpreadsheetModel, header: string): string[] {
  const [head, ...rows] = ss.values('Журнал');
  const col = head?.indexOf(header) ?? -1;
  return rows.map((r) => String(r[col] ?? ''));
}

describe('invitations through the bundle', () => {
  it('a clean run: one email with a PDF per partner, all journaled, no trigger left', () => {
    const w = world(5);
    const report = startInvite(w);
    expect(report.ok).toBe(true);
    expect(report.message).toContain('Отправлено: 5');
    expectConsistent(w, 5, 'clean');
    expect([...journalStatus(w.ss).values()]).toEqual(Array(5).fill('отправлено'));
    const first = w.gas.mail.sent[0];
    expect(first?.subject).toBe('Приглашение: «День матери», 28\u00a0ноября 2026\u00a0г.');
    expect(first?.attachments[0]?.text).toContain('Уважаемый Иван Петрович!');
    expect(first?.attachments[0]?.text).not.toContain('{{');
    expect(w.gas.triggers).toEqual([]);
    expect(startInvite(w).sent).toBe(0);
    expect(w.gas.mail.sent).toHaveLength(5);
  });

  it('the dialog data: events with the upcoming one selected, the active row of «Мероприятия» preferred, plain JSON', () => {
    const w = w0();
    const data = w.call<{ events: { id: string }[]; selected: string; pending: unknown }>('dialogInviteData');
    expect(data.events.map((e) => e.id)).toEqual(['М-001', 'М-000']);
    expect(data.selected).toBe('М-001');
    expect(data.pending).toBeNull();
    w.ss.activeSheetIndex = w.ss.sheets.findIndex((s) => s.name === 'Мероприятия');
    w.ss.activeRange = { sheet: 'Мероприятия', row: 3, col: 2, numRows: 1, numCols: 1 };
    const chosen = w.call<{ selected: string; error: string }>('dialogInviteData');
    expect(chosen.error).toBe('');
    expect(chosen.selected).toBe('М-000');
    const preview = w.call<{ counts: { send: number }; recipients: unknown[]; sample: { letter: string } }>('dialogPreviewInvite', 'М-001');
    expect(preview.counts.send).toBe(3);
    expect(preview.sample.letter).toContain('Уважаемый Иван Петрович!');
    expect(Object.getPrototypeOf(preview)).toBe(vm.runInContext('Object.prototype', w.context));
    expect(w.call<{ ok: boolean; message: string }>('dialogSendTestInvite', 'М-001')).toEqual({ ok: true, message: 'Тестовое письмо отправлено на staff@rovesnik.example.' });
    expect(w.gas.mail.sent.map((m) => m.subject)).toEqual([expect.stringMatching(/^\[ТЕСТ\] Приглашение/)]);
    expect(w.call<{ error: string }>('dialogPreviewInvite', 'М-404').error).toContain('«М-404» не найдено');
  });

  it('the menu names existing top-level functions, and the dialogs open', () => {
    const w = w0();
    w.call('onOpen');
    const items = (w.gas.ui.menu('Партнёрство')?.entries ?? []).flatMap((e) => (e.kind === 'item' ? [e] : []));
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
    for (const i of items) expect(vm.runInContext(`typeof ${i.functionName}`, w.context)).toBe('function');
    w.call('menuInvite');
    w.call('menuThanks');
    expect(w.gas.ui.dialogs.map((d) => d.title)).toEqual(['Приглашения на мероприятие', 'Благодарственные письма']);
    expect(w.gas.ui.dialogs[0]?.html).toContain('dialogStartInvite');
  });

  it('one run at a time: with the lock held elsewhere nothing is sent and the dialog hears «Уже идёт…»', () => {
    const w = w0();
    w.gas.lock.holder = 'other';
    const report = startInvite(w);
    expect(report.message).toBe(runMsg.locked);
    expect(report.message).toMatch(/^Уже идёт/);
    expect(w.gas.mail.sent).toEqual([]);
    expect(journalStatus(w.ss).size).toBe(0);
  });

  it('fault sweep: an exception or a kill at every service call of a run, then a clean rerun — never twice, never lost', () => {
    const PARTNERS = 30;
    const base = world(PARTNERS);
    const clean = fork(base);
    const before = clean.gas.env.calls.total;
    startInvite(clean);
    const calls = clean.gas.env.calls.total - before;
    expectConsistent(clean, PARTNERS, 'clean');
    expect(calls).toBeGreaterThan(PARTNERS * 5);
    const started = Date.now();
    let needsCheck = 0;
    for (const kind of ['fail', 'kill'] as const) {
      for (let k = 1; k <= calls; k++) {
        const w = fork(base);
        if (kind === 'fail') w.gas.env.failAt(k);
        else w.gas.env.killAt(k);
        startInvite(w);
        w.gas.env.clearScheduled();
        startInvite(w);
        expectConsistent(w, PARTNERS, `${kind} at call ${k}`);
        expect(w.gas.lock.holder).toBeNull();
        expect(w.gas.triggers).toEqual([]);
        needsCheck += [...journalStatus(w.ss).values()].filter((s) => s === 'требует проверки').length;
      }
    }
    // Kills between claim and record leave items for a person to check; exceptions mostly do not.
    expect(needsCheck).toBeGreaterThan(0);
    console.log(`fault sweep: ${calls} calls per clean run × fail/kill, ${needsCheck} items left «требует проверки», ${Math.round((Date.now() - started) / 1000)} s`);
  });

  it('time limit: 300 partners at 1 s per call finish over several executions, none past its soft deadline, no trigger left', () => {
    const PARTNERS = 300;
    const w = world(PARTNERS);
    const env = w.gas.env;
    env.clock.msPerCall = 1000;
    env.keepLog = true;
    const executions: { start: number; claims: number[]; last: number }[] = [];
    const run = (fn: () => void): void => {
      const start = env.clock.now();
      const from = env.log.length;
      fn();
      const log = env.log.slice(from);
      executions.push({ start, claims: log.filter((c) => c.method === 'Sheet.appendRow' && c.detail === 'Журнал').map((c) => c.at), last: log[log.length - 1]?.at ?? start });
    };
    let report: Report | undefined;
    run(() => {
      report = startInvite(w);
    });
    expect(report?.stopped?.reason).toBe('deadline');
    expect(w.gas.triggers.map((t) => t.handler)).toEqual(['continueRun']);
    for (let i = 0; i < 60 && w.gas.triggers.length > 0; i++) {
      const trigger = w.gas.triggers[0];
      env.clock.set(Math.max(env.clock.now(), trigger?.dueAt ?? 0));
      run(() => w.call('continueRun'));
    }
    expect(w.gas.triggers).toEqual([]);
    expect(letters(w)).toHaveLength(PARTNERS);
    // The staff member who started it learns by email that the background run finished.
    expect(notes(w).map((m) => [m.subject, m.name, m.attachments.length])).toEqual([['Партнёрство: рассылка приглашений на «День матери» — закончена', '', 0]]);
    expect(notes(w)[0]?.body).toContain(`Всего готово: ${PARTNERS}\u00a0писем.`);
    expectConsistent(w, PARTNERS, 'time limit');
    expect([...journalStatus(w.ss).values()].every((s) => s === 'отправлено')).toBe(true);
    expect(executions.length).toBeGreaterThan(3);
    for (const e of executions) {
      // The deadline is checked just before a claim; a claim costs a couple of calls more.
      for (const at of e.claims) expect(at - e.start).toBeLessThan(270_000 + 5_000);
      expect(e.last - e.start).toBeLessThan(360_000);
    }
    console.log(`time limit: ${PARTNERS} letters in ${executions.length} executions (longest ${Math.max(...executions.map((e) => e.last - e.start)) / 1000} s)`);
  });

  it('quota: 5 of 20 sent, a Russian message saying when, a trigger for the next day; after the reset continueRun sends the 15', () => {
    const w = world(20, { mailQuota: 5 });
    const now = w.gas.env.clock.now();
    const report = startInvite(w);
    expect(report.sent).toBe(5);
    expect(report.stopped).toMatchObject({ reason: 'quota', left: 15 });
    expect(report.message).toMatch(/Дневной лимит писем исчерпан: осталось отправить 15\u00a0писем\. Продолжить можно после 21\u00a0ноября 2026\u00a0г\. 12:00/);
    expect(w.gas.triggers).toEqual([expect.objectContaining({ handler: 'continueRun' })]);
    const due = w.gas.triggers[0]?.dueAt ?? 0;
    expect(due - now).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    w.gas.mail.quota = 100;
    w.gas.env.clock.set(due);
    w.call('continueRun');
    expect(letters(w)).toHaveLength(20);
    expect(notes(w)).toHaveLength(1);
    expectConsistent(w, 20, 'quota');
    expect(w.gas.triggers).toEqual([]);
    expect(w.gas.ui.alerts.length).toBe(1); // only setup's: the trigger shows nothing
  });

  it('calls per recipient: what one more letter costs in service calls', () => {
    const measure = (n: number) => {
      const w = world(n);
      const before = { ...w.gas.env.calls.byMethod };
      const total = w.gas.env.calls.total;
      startInvite(w);
      const byMethod: Record<string, number> = {};
      for (const [m, c] of Object.entries(w.gas.env.calls.byMethod)) if (c - (before[m] ?? 0) > 0) byMethod[m] = c - (before[m] ?? 0);
      return { total: w.gas.env.calls.total - total, byMethod };
    };
    const ten = measure(10);
    const twenty = measure(20);
    const perRecipient = (twenty.total - ten.total) / 10;
    const overhead = ten.total - 10 * perRecipient;
    const perMethod = Object.entries(twenty.byMethod)
      .map(([m, c]) => [m, (c - (ten.byMethod[m] ?? 0)) / 10] as const)
      .filter(([, c]) => c > 0);
    // Local handles (no round trip to a Google server): looking up a sheet or range, a file's ID, naming a blob.
    const LOCAL = new Set(['Spreadsheet.getSheetByName', 'Sheet.getRange', 'File.getId', 'Blob.setName', 'Sheet.getMaxRows', 'Sheet.getMaxColumns']);
    const roundTrips = perMethod.filter(([m]) => !LOCAL.has(m)).reduce((s, [, c]) => s + c, 0);
    console.log(
      `calls per recipient: ${perRecipient} (fixed overhead ${overhead}); round trips per recipient: ${roundTrips}\n` +
        perMethod.map(([m, c]) => `  ${m}: ${c}${LOCAL.has(m) ? ' (local)' : ''}`).join('\n'),
    );
    expect(Number.isInteger(perRecipient)).toBe(true);
    // Claim (appendRow + flush), Drive copy, Docs batchUpdate, openById + getAs for the PDF (DriveApp's
    // getAs would need the full drive scope), sendEmail, record (setValues, committed by the next flush).
    expect(roundTrips).toBeLessThanOrEqual(8);
    expect(perRecipient).toBeLessThanOrEqual(10);
  });
});

describe('the email texts staff edit in «Настройки», through the bundle', () => {
  /** Sets the value of a «Настройки» parameter that setup wrote. */
  function setSetting(w: World, label: string, value: string): void {
    const sheet = w.ss.sheet('Настройки')!;
    const row = w.ss.values('Настройки').findIndex((r) => r[0] === label);
    expect(row).toBeGreaterThan(0);
    sheet.set(row + 1, 2, value);
  }
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');

  it('setup writes today’s texts; an edited subject and text change what MailApp sends, in plain text and HTML', () => {
    const w = world(2);
    expect(w.ss.values('Настройки').some((r) => r[0] === 'Текст email с приглашением' && String(r[1]).includes('{{Обращение}}'))).toBe(true);
    setSetting(w, 'Тема email с приглашением', 'Ждём Вас на «{{Мероприятие}}»');
    setSetting(w, 'Текст email с приглашением', '{{Обращение}}\n\nПриходите к {{Время}} — <будет> чай & пироги.\n\n{{Вложение}}');
    const report = startInvite(w);
    expect(report.message).toContain('Отправлено: 2');
    const [first] = letters(w);
    expect(plain(first.subject)).toBe('Ждём Вас на «День матери»');
    expect(plain(first.body)).toBe('Уважаемый Иван Петрович!\n\nПриходите к 15:00 — <будет> чай & пироги.\n\nОфициальное приглашение — во вложении.');
    expect(plain(first.htmlBody)).toContain('<p>Приходите к 15:00 — &lt;будет&gt; чай &amp; пироги.</p>');
    expect(first.attachments[0]?.text).toContain('Уважаемый Иван Петрович!');
  });

  it('a broken placeholder in the email text stops the run before any service call that makes or sends', () => {
    const w = world(2);
    setSetting(w, 'Текст email с приглашением', '{{Обращение}}\n\n{{Мероприятия}}');
    const filesBefore = w.gas.drive.items.size;
    const report = startInvite(w);
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/Настройки!B\d+ \(«Текст email с приглашением»\): В шаблоне неизвестное поле \{\{Мероприятия\}\}/);
    expect(w.gas.mail.sent).toHaveLength(0);
    expect(w.gas.drive.items.size).toBe(filesBefore);
    expect(journalStatus(w.ss).size).toBe(0);
  });
});

describe('letter requisites through the bundle (ГОСТ Р 7.0.97-2025)', () => {
  const docsNamed = (w: World, prefix: string) => [...w.gas.drive.items.values()].filter((i) => i.name.startsWith(prefix) && i.doc);

  it('setup makes templates with the number and date, the addressee in the right half, a heading and the performer small in the footer', () => {
    const w = world(1);
    const template = docsNamed(w, 'Шаблон приглашения')[0]?.doc as FakeDoc;
    expect(template).toBeDefined();
    const table = template.body.find((e) => e.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', rows: [['{{Дата_письма}} №\u00a0{{Рег_номер}}', '{{Адресат}}\n{{Адрес}}']], borderWidth: 0 });
    expect(template.body.some((e) => e.kind === 'paragraph' && e.text === '{{Заголовок}}')).toBe(true);
    expect(template.body.some((e) => e.kind === 'paragraph' && e.text === '{{Контакты_учреждения}}')).toBe(true);
    // The performer is at the foot of the page, small, on the left; not in the body.
    expect(documentText({ ...template, footer: null })).not.toContain('{{Исполнитель}}');
    expect(template.footer?.map((e) => (e.kind === 'paragraph' ? [e.text, e.fontSize, e.alignment] : null))).toEqual([
      ['Исп. {{Исполнитель}}', 11, 'LEFT'],
      ['тел.\u00a0{{Телефон_исполнителя}}', 11, 'LEFT'],
    ]);
    // Setup added the counter, the centre's email and site to «Настройки», and the number column to «Журнал».
    const params = w.ss.values('Настройки').map((r) => String(r[0]));
    expect(params).toEqual(expect.arrayContaining(['Исходящий номер: префикс', 'Исходящий номер: следующий', 'Email учреждения', 'Сайт учреждения']));
    expect(w.ss.values('Журнал')[0]).toContain('Исх. номер');
  });

  it('an invitation run numbers each letter from the counter, and the letters hold number, heading, addressee, contacts and performer', () => {
    const w = world(3);
    const settings = w.ss.values('Настройки');
    const row = (p: string) => settings.findIndex((r) => r[0] === p) + 1;
    // What staff type into «Настройки» after setup.
    const sheet = w.ss.sheet('Настройки');
    sheet?.set(row('Исходящий номер: префикс'), 2, '01-12/');
    sheet?.set(row('Исходящий номер: следующий'), 2, '57');
    sheet?.set(row('Сайт учреждения'), 2, 'rovesnik.example');
    const report = startInvite(w);
    expect(report.sent).toBe(3);
    expect(journalColumn(w.ss, 'Исх. номер')).toEqual(['01-12/57', '01-12/58', '01-12/59']);
    expect(String(w.ss.values('Настройки')[row('Исходящий номер: следующий') - 1][1])).toBe('60');
    const doc = docsNamed(w, 'Приглашение — ООО «Партнёр 1»')[0]?.doc as FakeDoc;
    const text = documentText(doc);
    expect(text).toContain('№\u00a001-12/57');
    expect(plain(text)).toContain('О приглашении на праздник «День матери»');
    expect(plain(text)).toMatch(/Директору ООО «Партнёр 1»\s+И\. П\. Сидорову/);
    expect(plain(text)).toContain('e\u2011mail: rovesnik@example.org, сайт: rovesnik.example');
    expect(sectionTextOf(doc.footer)).toContain('Исп. Кузьмина Ольга Викторовна');
    expect(text).not.toContain('{{');
  });

  it('a template made before the requisites (no number, no heading) still works, and its letters are still numbered in «Журнал»', () => {
    const w = world(2);
    const template = docsNamed(w, 'Шаблон приглашения')[0]?.doc as FakeDoc;
    template.body = template.body.filter((e) => !(e.kind === 'table' && e.rows[0]?.[1]?.startsWith('{{Адресат}}') === true) && !(e.kind === 'paragraph' && /Заголовок|Контакты/.test(e.text)));
    template.footer = null;
    expect(documentText(template)).not.toMatch(/Рег_номер|Заголовок|Исполнитель/);
    const report = startInvite(w);
    expect(report.sent).toBe(2);
    expect(journalColumn(w.ss, 'Исх. номер')).toEqual(['1', '2']);
  });
});

/** Text with its non-breaking spaces as plain ones (the typographic pass puts them in). */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

/** The text of a section of a fake Doc (a missing one: ''). */
const sectionTextOf = (elements: FakeDoc['footer']): string => (elements ? documentText({ id: '', body: elements, header: null, footer: null }) : '');

describe('thank-you letters and the report through the bundle', () => {
  const contributions: Cell[][] = [
    ['М-000', pid(1), 'спонсор', 'финансовый', 'подарки для детей $1 {{Вклад}}', 5000, ''],
    ['М-000', pid(2), 'участник', 'кадровый', 'концертная программа', '', ''],
    ['М-000', pid(2), 'участник', 'временной', '', '', ''],
  ];

  it('dialogStartThanks({ year: 2025/2026 }) makes a Doc per partner and dates the contributions', () => {
    const w = world(3, { contributions });
    const preview = w.call<{ ok: boolean; letters: { id: string; text: string }[] }>('dialogPreviewThanks', { year: '2025/2026' });
    expect(preview.ok).toBe(true);
    expect(preview.letters.map((l) => l.id)).toEqual([pid(1), pid(2)]);
    const report = w.call<Report & { made: number }>('dialogStartThanks', { year: '2025/2026' });
    expect(report.made).toBe(2);
    expect(w.gas.mail.sent).toEqual([]);
    const letters = [...w.gas.drive.items.values()].filter((i) => i.name.startsWith('Благодарственное письмо — '));
    expect(letters.map((l) => l.name).sort()).toEqual(['Благодарственное письмо — ООО «Партнёр 1»', 'Благодарственное письмо — ООО «Партнёр 2»']);
    const text = documentText(letters.find((l) => l.name.endsWith('1»'))?.doc as FakeDoc);
    expect(text).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    expect(text).toContain('подарки для детей $1 {{Вклад}}');
    // Whom it thanks: the addressee block with position and organisation, the organisation in the text.
    expect(plain(text)).toMatch(/Директору ООО «Партнёр 1»\s+И\. П\. Сидорову/);
    expect(plain(text)).toContain('Ивану Петровичу Сидорову и коллективу ООО «Партнёр 1»');
    // The closing fits what was done (money for one event), and nothing it did not do.
    expect(plain(text)).toContain('Ваша финансовая помощь позволила сделать мероприятие «Новогодний утренник» ярче');
    expect(text).not.toMatch(/ветеран/);
    const second = documentText(letters.find((l) => l.name.endsWith('2»'))?.doc as FakeDoc);
    expect(plain(second)).toContain('Ваше участие сделало программу мероприятия «Новогодний утренник» ярче и интереснее.');
    expect(second).not.toMatch(/финансов|ветеран/);
    const thanked = w.ss.values('Вклад').slice(1).map((r) => r[6]);
    expect(thanked.every((v) => v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')).toBe(true);
    expect(w.call<Report & { made: number }>('dialogStartThanks', { year: '2025/2026' }).made).toBe(0);
  });

  it('menuOwed lists contributions without a thank-you; menuReport makes a Doc with every section and a chart', () => {
    const w = world(3, { contributions });
    w.call('menuOwed');
    expect(w.gas.ui.dialogs[0]?.title).toBe('Кому ещё не сказали спасибо');
    expect(w.gas.ui.dialogs[0]?.html).toContain('ООО «Партнёр 1»');
    w.gas.ui.promptAnswers.push({ button: 'OK', text: '2025/2026' });
    w.call('menuReport');
    // The clock stands in 2026/2027, which has no data yet: the prompt offers the last year that has.
    expect(w.gas.ui.prompts[0]?.prompt).toContain('отчёт за 2025/2026 учебный год');
    const report = [...w.gas.drive.items.values()].find((i) => i.name === reportMsg.title('2025/2026'));
    const doc = report?.doc as FakeDoc;
    const headings = doc.body.flatMap((e) => (e.kind === 'paragraph' && e.heading !== 'NORMAL' ? [e.text] : []));
    expect(headings).toEqual(
      expect.arrayContaining([reportMsg.title('2025/2026'), reportMsg.keyHeading, reportMsg.categoriesHeading, reportMsg.eventsHeading, reportMsg.resourcesHeading, reportMsg.conclusionHeading]),
    );
    expect(doc.body.some((e) => e.kind === 'image')).toBe(true);
    expect(w.gas.ui.dialogs[1]?.html).toContain(`https://docs.google.com/document/d/${report ? report.id : ''}/edit`);
    expect(w.gas.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

function w0(): World {
  return world(3);
}
