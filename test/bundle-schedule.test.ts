/**
 * «Отправить позже» through the real bundle: dist/Code.js in `node:vm` with the Apps Script fakes. The
 * dialog schedules the send; the time-driven trigger fires at the chosen wall-clock time on the fake
 * clock, as its creator and with no UI, and the run completes (across executions with realistic
 * latencies); «Отменить отложенную отправку» removes it; a colleague can cancel too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Cell } from '../src/ports';
import { SHEET_SPECS } from '../src/core/data/schema';
import { type GasFakes, installGasFakes, isKilled, type SpreadsheetModel, spreadsheetFromSheets, type TriggerRecord } from './gas/fakes';
import { centreSettings } from './helpers/memory-workbook';

const A = 'a@rovesnik.example';
const B = 'b@rovesnik.example';
const root = join(__dirname, '..');
let out: string;
let code: vm.Script;
let htmlFiles: Record<string, string>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'partnerstvo-schedule-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
  code = new vm.Script(readFileSync(join(out, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  htmlFiles = Object.fromEntries(['invite', 'thanks', 'result'].map((n) => [n, readFileSync(join(out, `${n}.html`), 'utf8')]));
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];
const moscow = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min) - 3 * 3600 * 1000);
const pid = (i: number): string => `П-${String(i).padStart(3, '0')}`;
/** 09:00 on 21 November 2026 in Moscow, the spreadsheet's zone (the clock starts on the 20th, 12:00 there). */
const AT = moscow(2026, 11, 21, 9).getTime();

function seed(partners: number): SpreadsheetModel {
  const rows: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= partners; i++) rows.push([pid(i), `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', `p${i}@example.org`, '', '', false, true, '']);
  const ss = spreadsheetFromSheets({
    Партнёры: rows,
    Мероприятия: [header('Мероприятия'), ['М-001', 'День матери', moscow(2026, 11, 28), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки', '', '', 'запланировано', '', '']],
    Вклад: [header('Вклад')],
    Настройки: [
      ...centreSettings(),
    ],
  });
  ss.editors = [A, B];
  return ss;
}

interface World {
  gas: GasFakes;
  ss: SpreadsheetModel;
  as<T = unknown>(user: string, name: string, ...args: unknown[]): T;
  /** Fires a trigger as Apps Script does: at its time (or `atMs`), as its creator, with no UI. */
  fire(trigger: TriggerRecord, atMs?: number): void;
  /** Fires the due triggers in time order until none is left; returns how many executions ran. */
  fireAll(limit?: number): number;
}

function world(partners: number, options: { latency?: 'realistic' } = {}): World {
  const ss = seed(partners);
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles, userEmail: A, users: { [B]: {} }, mailQuota: 1000, latency: options.latency });
  gas.env.keepLog = false;
  code.runInContext(context);
  const run = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (isKilled(e)) return undefined;
      throw e;
    }
  };
  const as = <T>(user: string, name: string, ...args: unknown[]): T => {
    const fn = vm.runInContext(name, context) as (...a: unknown[]) => T;
    return run(() => gas.runAs(user, () => fn(...args))) as T;
  };
  const fire = (trigger: TriggerRecord, atMs?: number): void => {
    const fn = vm.runInContext(trigger.handler, context) as () => void;
    gas.env.clock.set(atMs ?? Math.max(gas.env.clock.now(), trigger.dueAt ?? 0));
    run(() => gas.runTrigger(trigger, fn));
  };
  const fireAll = (limit = 40): number => {
    let n = 0;
    while (gas.triggers.length > 0) {
      if (++n > limit) throw new Error('the triggers never end');
      fire([...gas.triggers].sort((x, y) => (x.dueAt ?? 0) - (y.dueAt ?? 0))[0]!);
    }
    return n;
  };
  const w = { gas, ss, as, fire, fireAll };
  w.as(A, 'menuSetup');
  return w;
}

interface ScheduleResult {
  ok: boolean;
  message: string;
  schedule: { eventId: string; when: string; note: string } | null;
}

const letters = (w: World) => w.gas.mail.sent.filter((m) => m.to !== A && m.to !== B);
const notes = (w: World) => w.gas.mail.sent.filter((m) => m.to === A || m.to === B);
const journal = (w: World) => w.ss.values('Журнал').slice(1);
const scheduleAs = (w: World, user: string, date = '2026-11-21', time = '09:00') => w.as<ScheduleResult>(user, 'dialogScheduleInvite', 'М-001', [], date, time);

describe('«Отправить позже» through the bundle', () => {
  it('the menu has «Отменить отложенную отправку» next to the invitations', () => {
    const w = world(1);
    w.as(A, 'onOpen');
    const items = w.gas.ui.menus[w.gas.ui.menus.length - 1]?.entries.flatMap((e) => (e.kind === 'item' ? [[e.caption, e.functionName]] : []));
    expect(items?.slice(0, 2)).toEqual([
      ['Пригласить на мероприятие…', 'menuInvite'],
      ['Отменить отложенную отправку', 'menuCancelScheduled'],
    ]);
  });

  it('scheduled for 09:00 in the spreadsheet’s zone: a trigger at that instant, the preview shows it, nothing sent yet', () => {
    const w = world(3);
    const result = scheduleAs(w, A);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Запланировано на 21\u00a0ноября 2026\u00a0г\., 09:00 \(время таблицы\)/);
    expect(w.gas.triggers).toEqual([expect.objectContaining({ handler: 'sendScheduled', kind: 'at', dueAt: AT, owner: A })]);
    const preview = w.as<{ scheduled: { note: string } | null }>(A, 'dialogPreviewInvite', 'М-001');
    expect(preview.scheduled?.note).toMatch(/^Запланировано на 21\u00a0ноября 2026\u00a0г\., 09:00: рассылка приглашений на «День матери»\./);
    expect(w.as<{ scheduled: { eventId: string } | null }>(B, 'dialogInviteData').scheduled?.eventId).toBe('М-001');
    expect(w.gas.mail.sent).toEqual([]);
    expect(journal(w)).toEqual([]);
  });

  it('at that time the trigger sends every letter as its creator, with no UI, tells them by email, and leaves nothing behind', () => {
    const w = world(3);
    scheduleAs(w, A);
    const alerts = w.gas.ui.alerts.length;
    // Fired a little early (the reference promises no precision): it sets itself again and waits.
    w.gas.env.clock.set(AT - 4 * 60_000);
    w.fire(w.gas.triggers[0]!, AT - 4 * 60_000);
    expect(w.gas.mail.sent).toEqual([]);
    expect(w.gas.triggers).toEqual([expect.objectContaining({ handler: 'sendScheduled', dueAt: AT })]);
    expect(w.fireAll()).toBe(1);
    expect(letters(w).map((m) => m.to)).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect(w.gas.env.clock.now()).toBeGreaterThanOrEqual(AT);
    expect(journal(w).map((r) => r[6])).toEqual(['отправлено', 'отправлено', 'отправлено']);
    expect(notes(w).map((m) => [m.to, m.subject])).toEqual([[A, 'Партнёрство: рассылка приглашений на «День матери» — отправлена по расписанию']]);
    expect(w.gas.triggers).toEqual([]);
    expect(w.gas.scriptProperties.has('partnerstvo.scheduled')).toBe(false);
    expect(w.gas.scriptProperties.has('partnerstvo.run')).toBe(false);
    expect(w.gas.ui.alerts.length).toBe(alerts);
    expect(w.gas.spreadsheet?.toasts).toEqual([]);
    expect(w.gas.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('150 partners at Apps Script’s pace: the trigger starts it, continueRun carries it across executions to the end', () => {
    const w = world(150, { latency: 'realistic' });
    scheduleAs(w, A);
    const executions = w.fireAll();
    expect(executions).toBeGreaterThan(2);
    expect(new Set(letters(w).map((m) => m.to)).size).toBe(150);
    expect(letters(w)).toHaveLength(150);
    expect(notes(w).map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «День матери» — закончена']);
    expect(w.gas.triggers).toEqual([]);
    expect(w.gas.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('refuses in Russian a time already past, one it cannot read, and a second send while one waits', () => {
    const w = world(2);
    expect(scheduleAs(w, A, '2026-11-20', '11:00')).toMatchObject({ ok: false, message: expect.stringMatching(/^Время отправки 20\u00a0ноября 2026\u00a0г\., 11:00 уже прошло \(сейчас 20\u00a0ноября 2026\u00a0г\., 12:00\)/) });
    expect(scheduleAs(w, A, 'завтра', '09:00').message).toBe('Не удалось прочитать дату отправки «завтра»: укажите её так: 27.11.2026.');
    expect(w.gas.triggers).toEqual([]);
    expect(scheduleAs(w, A).ok).toBe(true);
    expect(scheduleAs(w, B, '2026-11-22', '10:00').message).toMatch(/^Уже запланирована отправка: рассылка приглашений на «День матери» — 21\u00a0ноября 2026\u00a0г\., 09:00\./);
    expect(w.gas.triggers).toHaveLength(1);
  });

  it('«Отменить отложенную отправку» says what it cancelled and removes the trigger; then that nothing waits', () => {
    const w = world(2);
    scheduleAs(w, A);
    w.as(A, 'menuCancelScheduled');
    expect(w.gas.ui.lastAlert()).toMatchObject({
      title: 'Отложенная отправка',
      prompt: 'Отменена отложенная отправка: рассылка приглашений на «День матери», запланированная на 21\u00a0ноября 2026\u00a0г., 09:00. Ничего не отправлено.',
    });
    expect(w.gas.triggers).toEqual([]);
    w.as(A, 'menuCancelScheduled');
    expect(w.gas.ui.lastAlert()?.prompt).toBe('Отложенной отправки нет: отменять нечего.');
    w.gas.env.clock.set(AT + 60_000);
    expect(w.fireAll()).toBe(0);
    expect(w.gas.mail.sent).toEqual([]);
  });

  it('a colleague cancels it: their cancel cannot see A’s trigger, which fires, sends nothing and removes itself', () => {
    const w = world(2);
    scheduleAs(w, A);
    w.as(B, 'menuCancelScheduled');
    expect(w.gas.ui.lastAlert()?.prompt).toMatch(/^Отменена отложенная отправка/);
    expect(w.gas.triggers).toEqual([expect.objectContaining({ owner: A, handler: 'sendScheduled' })]);
    expect(w.fireAll()).toBe(1);
    expect(w.gas.mail.sent).toEqual([]);
    expect(w.gas.triggers).toEqual([]);
  });

  it('its creator withdrew a permission meanwhile: at the time the send waits an hour, names the permission in the log, sends nothing', () => {
    const w = world(2);
    scheduleAs(w, B);
    w.gas.addUser(B, (JSON.parse(readFileSync(join(out, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes.filter((s) => !s.endsWith('/script.send_mail')));
    const trigger = w.gas.triggers[0]!;
    w.fire(trigger);
    expect(w.gas.mail.sent).toEqual([]);
    expect(w.gas.triggers).toEqual([expect.objectContaining({ handler: 'sendScheduled', owner: B, dueAt: AT + 3600_000 })]);
    expect(w.gas.logs.some((l) => l.level === 'error' && l.text.includes('Отправка электронных писем от вашего имени'))).toBe(true);
    expect(w.as<{ scheduled: unknown }>(A, 'dialogInviteData').scheduled).not.toBeNull();
  });

  it('A’s trigger left by a colleague’s cancel does not take over B’s later send: that one goes at B’s time, from B', () => {
    const w = world(2);
    scheduleAs(w, A);
    w.as(B, 'menuCancelScheduled');
    expect(scheduleAs(w, B, '2026-11-22', '10:00').ok).toBe(true);
    const later = moscow(2026, 11, 22, 10).getTime();
    expect(w.gas.triggers.map((t) => [t.owner, t.dueAt])).toEqual([
      [A, AT],
      [B, later],
    ]);
    w.fire(w.gas.triggers[0]!); // A's, a day early for B's send
    expect(w.gas.triggers.map((t) => [t.owner, t.dueAt])).toEqual([[B, later]]);
    expect(w.gas.mail.sent).toEqual([]);
    w.fireAll();
    expect(letters(w)).toHaveLength(2);
    expect(w.gas.env.clock.now()).toBeGreaterThanOrEqual(later);
    expect(notes(w).map((m) => m.to)).toEqual([B]);
  });

  it('«Отправить» now for the waiting event sends now and the schedule is gone', () => {
    const w = world(2);
    scheduleAs(w, A);
    const report = w.as<{ outcome: string }>(B, 'dialogStartInvite', 'М-001', []);
    expect(report.outcome).toBe('done');
    expect(w.as<{ scheduled: unknown }>(B, 'dialogInviteData').scheduled).toBeNull();
    w.fireAll();
    expect(letters(w)).toHaveLength(2);
  });

  it('an exception or a kill at any call of the trigger’s execution, then the triggers and a rerun by hand: nobody twice, nobody lost, nothing left', () => {
    const PARTNERS = 3;
    const scenario = (fault: { kind: 'fail' | 'kill'; at: number } | null) => {
      const w = world(PARTNERS);
      scheduleAs(w, A);
      w.gas.env.calls.total = 0;
      if (fault?.kind === 'fail') w.gas.env.failAt(fault.at);
      if (fault?.kind === 'kill') w.gas.env.killAt(fault.at);
      w.fire(w.gas.triggers[0]!);
      const calls = w.gas.env.calls.total;
      w.gas.env.clearScheduled();
      w.fireAll();
      // What staff do when the report did not come or a row says «отправляется»: «Отправить» once more.
      w.as(A, 'dialogStartInvite', 'М-001', []);
      w.fireAll();
      return { w, calls };
    };
    const total = scenario(null).calls;
    expect(total).toBeGreaterThan(30);
    for (const kind of ['fail', 'kill'] as const) {
      for (let k = 1; k <= total; k++) {
        const { w } = scenario({ kind, at: k });
        const label = `${kind} at call ${k}`;
        const status = new Map(journal(w).map((r) => [String(r[4]), String(r[6])]));
        for (let i = 1; i <= PARTNERS; i++) {
          const n = letters(w).filter((m) => m.to === `p${i}@example.org`).length;
          const where = `${label}, ${pid(i)}: ${n} emails, ${status.get(pid(i))}`;
          expect([where, n <= 1]).toEqual([where, true]);
          // An email that went out just before a kill, unrecorded, is «требует проверки»: never sent again.
          expect([where, ['отправлено', 'требует проверки'].includes(status.get(pid(i)) ?? '')]).toEqual([where, true]);
          if (status.get(pid(i)) === 'отправлено') expect([where, n]).toEqual([where, 1]);
        }
        expect([label, w.gas.triggers, w.gas.scriptProperties.has('partnerstvo.scheduled'), w.gas.scriptProperties.has('partnerstvo.run')]).toEqual([label, [], false, false]);
      }
    }
  });
});
