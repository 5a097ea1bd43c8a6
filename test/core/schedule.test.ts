/**
 * «Отправить позже» in the core: the time as typed, the waiting send in the store and its trigger,
 * the start at the chosen time through `startJob`, cancelling, the send taken over by «Отправить»
 * now, a start that finds the lock or another job, and a fault sweep (an exception, then a kill, at
 * every port call) from the trigger to the last continuation.
 */
import { CONTINUE_HANDLER, continueJob, pendingJob, RUN_STATE_KEY, startJob, REFUSED_RETRY_MS, type JobSpec } from '../../src/core/jobs';
import { readWorkbook } from '../../src/core/data/read';
import { journalKey, ACTION_LABEL } from '../../src/core/run/journal';
import {
  cancelScheduled,
  parseSendTime,
  readScheduled,
  runScheduled,
  SCHEDULE_HANDLER,
  SCHEDULE_KEY,
  scheduledSend,
  scheduleInvitations,
  settleScheduled,
  startInvitationsNow,
} from '../../src/core/schedule';
import type { RunLimits, RunReport } from '../../src/core/run/outcome';
import type { Runtime } from '../../src/ports';
import { Killed, MemoryDocuments, MemoryLock, MemoryMail, MemoryScheduler, MemoryStore, memoryRuntime, partnersWorkbook, World, type TestRuntime } from '../helpers/memory-runtime';
import type { MemoryWorkbook } from '../helpers/memory-workbook';

const SELF = 'me@example.org';
/** The memory workbook reads wall-clock time as UTC; the world starts at 27.11.2026 09:00. */
const AT = Date.UTC(2026, 10, 27, 12, 0);
const limits = (world: World, softDeadlineMs = 270_000): RunLimits => ({ softDeadlineMs, startMs: world.nowMs });
const letters = (mail: MemoryMail) => mail.outbox.filter((m) => m.to[0] !== SELF);
const notices = (mail: MemoryMail) => mail.outbox.filter((m) => m.to[0] === SELF);

function statuses(wb: MemoryWorkbook): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of readWorkbook(wb).journal) map.set(e.partner, e.status);
  return map;
}

/** П-002 had its invitation already: only «Отправить повторно» sends it again. */
function sentBefore(wb: MemoryWorkbook, id = 'П-002'): void {
  wb.sheets.get('Журнал')!.push([new Date(Date.UTC(2026, 10, 20, 10)), ACTION_LABEL.invite, journalKey('invite', 'М-001', id), 'М-001', id, 'p2@example.org', 'отправлено', '', '']);
}

const schedule = (t: TestRuntime, resend: string[] = [], date = '27.11.2026', time = '12:00') => scheduleInvitations(t.rt, { eventId: 'М-001', resend }, date, time);

/** Fires the scheduled send's trigger as Apps Script does: once, at its time (or after its delay). */
function fireScheduled(t: TestRuntime, softDeadlineMs = 270_000): RunReport | null {
  const at = t.scheduler.scheduledAt.get(SCHEDULE_HANDLER);
  const after = t.scheduler.scheduled.get(SCHEDULE_HANDLER);
  if (at === undefined && after === undefined) throw new Error('no trigger');
  t.world.nowMs = at !== undefined ? Math.max(t.world.nowMs, at) : t.world.nowMs + (after ?? 0);
  t.scheduler.cancel(SCHEDULE_HANDLER);
  return runScheduled(t.rt, limits(t.world, softDeadlineMs));
}

/** continueRun as src/main.ts runs it. */
function fireContinue(t: TestRuntime, softDeadlineMs = 270_000): RunReport | null {
  const after = t.scheduler.scheduled.get(CONTINUE_HANDLER);
  if (after === undefined) throw new Error('no continuation');
  t.scheduler.scheduled.delete(CONTINUE_HANDLER);
  t.world.nowMs += after;
  settleScheduled(t.rt);
  return continueJob(t.rt, limits(t.world, softDeadlineMs));
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('the time as typed', () => {
  const rt = () => memoryRuntime(partnersWorkbook(1)).rt;

  it('reads the dialog’s fields (ISO date, HH:MM) and Russian typing, as wall-clock time in the spreadsheet’s zone', () => {
    expect(parseSendTime(rt(), '2026-11-27', '12:00')).toEqual({ atMs: AT });
    expect(parseSendTime(rt(), '27.11.2026', '12.00')).toEqual({ atMs: AT });
    expect(parseSendTime(rt(), '28 ноября 2026', '9:30')).toEqual({ atMs: Date.UTC(2026, 10, 28, 9, 30) });
  });

  it('refuses in Russian what it cannot read, a range, a blank, and a time already past', () => {
    expect(parseSendTime(rt(), '', '12:00')).toEqual({ error: 'Укажите дату отправки, например 27.11.2026.' });
    expect(parseSendTime(rt(), '27.11.2026', ' ')).toEqual({ error: 'Укажите время отправки, например 09:00.' });
    expect(parseSendTime(rt(), '31.02.2026', '12:00')).toEqual({ error: 'Не удалось прочитать дату отправки «31.02.2026»: укажите её так: 27.11.2026.' });
    expect(parseSendTime(rt(), '27.11.2026', 'в обед')).toEqual({ error: 'Не удалось прочитать время отправки «в обед»: укажите его так: 09:00.' });
    expect(parseSendTime(rt(), '27.11.2026', '12:00–13:00')).toMatchObject({ error: expect.stringContaining('«12:00–13:00»') });
    expect(parseSendTime(rt(), '27.11.2026', '08:59')).toEqual({
      error: 'Время отправки 27\u00a0ноября 2026\u00a0г., 08:59 уже прошло (сейчас 27\u00a0ноября 2026\u00a0г., 09:00): выберите время позже текущего.',
    });
    // Now is not later than now.
    expect(parseSendTime(rt(), '27.11.2026', '09:00')).toHaveProperty('error');
  });
});

describe('scheduling', () => {
  it('stores the send and sets a trigger at that instant; nothing is sent or written; the dialog’s note says when', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    const result = schedule(t, ['П-002']);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Запланировано на 27\u00a0ноября 2026\u00a0г\., 12:00 \(время таблицы\): рассылка приглашений на «День матери», сейчас это 3\u00a0письма\./);
    expect(result.message).toContain('«Партнёрство → Отменить отложенную отправку»');
    expect(t.scheduler.scheduledAt.get(SCHEDULE_HANDLER)).toBe(AT);
    expect(readScheduled(t.rt)).toEqual({ spec: { job: 'invite', eventId: 'М-001', resend: ['П-002'] }, atMs: AT, title: 'День матери', by: SELF, refusals: 0 });
    expect(t.mail.outbox).toEqual([]);
    expect(t.workbook.sheets.get('Журнал')).toHaveLength(1);
    expect(pendingJob(t.rt)).toBeNull();
    expect(scheduledSend(t.rt)).toMatchObject({
      eventId: 'М-001',
      when: '27\u00a0ноября 2026\u00a0г., 12:00',
      note: 'Запланировано на 27\u00a0ноября 2026\u00a0г., 12:00: рассылка приглашений на «День матери» (и повторно — 1\u00a0письмо). Отменить её можно в меню «Партнёрство → Отменить отложенную отправку».',
    });
  });

  it('a second schedule while one waits is refused with the first one’s time; so are an unknown event and nothing to send', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    expect(schedule(t).ok).toBe(true);
    const second = schedule(t, [], '28.11.2026', '10:00');
    expect(second.ok).toBe(false);
    expect(second.message).toMatch(/^Уже запланирована отправка: рассылка приглашений на «День матери» — 27\u00a0ноября 2026\u00a0г\., 12:00\./);
    expect(second.schedule?.when).toBe('27\u00a0ноября 2026\u00a0г., 12:00');
    expect(t.scheduler.scheduledAt.get(SCHEDULE_HANDLER)).toBe(AT);
    expect(scheduleInvitations(t.rt, { eventId: 'М-404', resend: [] }, '28.11.2026', '10:00').message).toContain('М-404');

    const done = memoryRuntime(partnersWorkbook(2));
    startJob(done.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits(done.world));
    const nothing = schedule(done);
    expect(nothing).toMatchObject({ ok: false, schedule: null });
    expect(nothing.message).toMatch(/^Отправлять нечего/);
    expect(done.store.get(SCHEDULE_KEY)).toBeNull();
  });

  it('a trigger that cannot be set (20 per user) schedules nothing and says so', () => {
    const t = memoryRuntime(partnersWorkbook(1));
    t.scheduler.scheduleAt = () => {
      throw new Error('This script has too many triggers.');
    };
    const result = schedule(t);
    expect(result.ok).toBe(false);
    expect(result.message).toBe('Не удалось запланировать запуск в Google: This script has too many triggers.. Ничего не запланировано; попробуйте ещё раз или отправьте сейчас.');
    expect(t.store.get(SCHEDULE_KEY)).toBeNull();
  });
});

describe('at the chosen time', () => {
  it('a trigger that fires early sets itself again for the time and sends nothing', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    t.world.nowMs = AT - 5 * 60_000;
    expect(runScheduled(t.rt, limits(t.world))).toBeNull();
    expect(t.mail.outbox).toEqual([]);
    expect(t.scheduler.scheduledAt.get(SCHEDULE_HANDLER)).toBe(AT);
    expect(readScheduled(t.rt)).not.toBeNull();
  });

  it('sends through startJob (journal, resends), then nothing waits and no trigger is left; the scheduler hears by email', () => {
    const wb = partnersWorkbook(3);
    sentBefore(wb);
    const t = memoryRuntime(wb);
    schedule(t, ['П-002']);
    const report = fireScheduled(t);
    expect(report?.outcome).toBe('done');
    expect(letters(t.mail).map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect([...statuses(wb).values()]).toEqual(['отправлено', 'отправлено', 'отправлено']);
    expect(t.store.get(SCHEDULE_KEY)).toBeNull();
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.size + t.scheduler.scheduledAt.size).toBe(0);
    expect(notices(t.mail).map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «День матери» — отправлена по расписанию']);
    expect(notices(t.mail)[0]?.text).toContain('Рассылка приглашений на «День матери», запланированная на 27\u00a0ноября 2026\u00a0г., 12:00, выполнена.');
    // The trigger firing once more (two were left by a kill) finds nothing and removes itself.
    t.scheduler.scheduleOnce(SCHEDULE_HANDLER, 1000);
    expect(fireScheduled(t)).toBeNull();
    expect(letters(t.mail)).toHaveLength(3);
  });

  it('cancelling after the send has started says that nothing waits and the started run goes on', () => {
    const t = memoryRuntime(partnersWorkbook(6));
    t.world.msPerCall = 1000;
    schedule(t);
    expect(fireScheduled(t, 30_000)?.outcome).toBe('stopped');
    expect(cancelScheduled(t.rt).message).toBe(
      'Отложенной отправки нет: отменять нечего. Рассылка приглашений, которая уже началась, продолжится сама; уже отправленные письма не повторятся.',
    );
    expect(pendingJob(t.rt)).toMatchObject({ eventId: 'М-001' });
  });

  it('a big list stops at the soft deadline and goes on by continueRun like any run; one note at the end', () => {
    const t = memoryRuntime(partnersWorkbook(6));
    t.world.msPerCall = 1000;
    schedule(t);
    const first = fireScheduled(t, 30_000);
    expect(first?.outcome).toBe('stopped');
    expect(t.store.get(SCHEDULE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.has(SCHEDULE_HANDLER)).toBe(false);
    expect(t.scheduler.scheduled.has(CONTINUE_HANDLER)).toBe(true);
    for (let i = 0; i < 10 && t.scheduler.scheduled.has(CONTINUE_HANDLER); i++) fireContinue(t, 30_000);
    expect(letters(t.mail)).toHaveLength(6);
    expect(notices(t.mail).map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «День матери» — закончена']);
  });

  it('finding the lock held, it keeps the send and tries again in a minute', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    MemoryLock.held = true;
    expect(fireScheduled(t)?.outcome).toBe('locked');
    expect(readScheduled(t.rt)).not.toBeNull();
    expect(t.scheduler.scheduled.get(SCHEDULE_HANDLER)).toBe(60_000);
    MemoryLock.held = false;
    expect(fireScheduled(t)?.outcome).toBe('done');
    expect(letters(t.mail)).toHaveLength(2);
  });

  it('another job waiting to be continued: the send waits too (one note), and starts when that job is done', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    const thanks: JobSpec = { job: 'thanks', year: '2026/2027' };
    t.store.set(RUN_STATE_KEY, JSON.stringify({ spec: thanks, tries: 0, refusals: 0 }));
    expect(fireScheduled(t)?.outcome).toBe('refused');
    expect(readScheduled(t.rt)?.refusals).toBe(1);
    expect(t.scheduler.scheduled.get(SCHEDULE_HANDLER)).toBe(REFUSED_RETRY_MS);
    expect(fireScheduled(t)?.outcome).toBe('refused');
    expect(notices(t.mail).map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «День матери» — ждёт']);
    expect(notices(t.mail)[0]?.text).toContain('Причина: ');
    t.store.delete(RUN_STATE_KEY);
    expect(fireScheduled(t)?.outcome).toBe('done');
    expect(letters(t.mail)).toHaveLength(2);
  });

  it('refused by the run itself (the event was cancelled meanwhile): nothing sent; it waits and retries like a continuation, told once', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    t.rt.workbook.writeCells('Мероприятия', [{ row: 2, col: 10, value: 'отменено' }]);
    expect(fireScheduled(t)?.outcome).toBe('refused');
    expect(letters(t.mail)).toEqual([]);
    expect(t.store.get(SCHEDULE_KEY)).toBeNull();
    expect(pendingJob(t.rt)).toMatchObject({ job: 'invite', eventId: 'М-001' });
    expect(t.scheduler.scheduled.get(CONTINUE_HANDLER)).toBe(REFUSED_RETRY_MS);
    expect(t.scheduler.scheduled.has(SCHEDULE_HANDLER)).toBe(false);
    expect(notices(t.mail).map((m) => m.subject)).toEqual(['Партнёрство: рассылка приглашений на «М-001» — приостановлена']);
    // Put right (the event is on again): the next try sends.
    t.rt.workbook.writeCells('Мероприятия', [{ row: 2, col: 10, value: 'запланировано' }]);
    expect(fireContinue(t)?.outcome).toBe('done');
    expect(letters(t.mail)).toHaveLength(2);
  });
});

describe('cancelling, and «Отправить» now', () => {
  it('says what was cancelled, then that nothing waits; a colleague’s trigger firing later sends nothing', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    const colleagues = new MemoryScheduler();
    colleagues.scheduleAt(SCHEDULE_HANDLER, AT);
    expect(cancelScheduled(t.rt)).toMatchObject({
      cancelled: { eventId: 'М-001' },
      message: 'Отменена отложенная отправка: рассылка приглашений на «День матери», запланированная на 27\u00a0ноября 2026\u00a0г., 12:00. Ничего не отправлено.',
    });
    expect(t.scheduler.scheduledAt.size).toBe(0);
    expect(scheduledSend(t.rt)).toBeNull();
    expect(cancelScheduled(t.rt)).toEqual({ cancelled: null, message: 'Отложенной отправки нет: отменять нечего.' });
    const colleague = memoryRuntime(t.workbook, t.world, { store: t.store, mail: t.mail, scheduler: colleagues });
    t.world.nowMs = AT;
    expect(runScheduled(colleague.rt, limits(t.world))).toBeNull();
    expect(colleagues.scheduledAt.size).toBe(0);
    expect(t.mail.outbox).toEqual([]);
  });

  it('«Отправить» now for the waiting event takes its place; for another event the send keeps waiting', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    schedule(t);
    MemoryLock.held = true;
    expect(startInvitationsNow(t.rt, { job: 'invite', eventId: 'м-001', resend: [] }, limits(t.world)).outcome).toBe('locked');
    expect(readScheduled(t.rt)).not.toBeNull(); // a start that did not happen replaces nothing
    MemoryLock.held = false;
    expect(startInvitationsNow(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits(t.world)).outcome).toBe('done');
    expect(readScheduled(t.rt)).toBeNull();
    expect(fireScheduled(t)).toBeNull();
    expect(letters(t.mail)).toHaveLength(2);

    const other = memoryRuntime(partnersWorkbook(2));
    schedule(other);
    startInvitationsNow(other.rt, { job: 'invite', eventId: 'М-404', resend: [] }, limits(other.world));
    expect(readScheduled(other.rt)).not.toBeNull();
  });

  it('a send long past its time that never started says so in the dialog', () => {
    const t = memoryRuntime(partnersWorkbook(1));
    schedule(t);
    t.world.nowMs = AT + 3 * 3600_000;
    expect(scheduledSend(t.rt)?.note).toMatch(/^Рассылка приглашений на «День матери» была запланирована на 27\u00a0ноября 2026\u00a0г\., 12:00, но так и не началась\./);
  });
});

describe('never twice, never lost from the trigger on (fault at every port call)', () => {
  const PARTNERS = 5;
  const RESEND = 'П-002';

  interface Outcome {
    workbook: MemoryWorkbook;
    mail: MemoryMail;
    store: MemoryStore;
    scheduler: MemoryScheduler;
    world: World;
    last: RunReport | null;
  }

  /**
   * Scheduled with a resend, then every trigger (the send's and the continuation's) fired in time
   * order until none is left, then what staff do when the dialog still shows the send or a run
   * that did not report: «Отправить» by hand. Each execution gets a fresh runtime over the same
   * sheet, store, triggers and mail.
   */
  function scenario(fault: { mode: 'fail' | 'kill'; at: number } | null, soft = 30_000): Outcome {
    const workbook = partnersWorkbook(PARTNERS);
    sentBefore(workbook, RESEND);
    const world = new World();
    const shared = { mail: new MemoryMail(), documents: new MemoryDocuments(), store: new MemoryStore(), scheduler: new MemoryScheduler() };
    const setup = memoryRuntime(workbook, world, shared);
    expect(schedule(setup, [RESEND]).ok).toBe(true);
    world.calls = 0;
    world.log = [];
    world.msPerCall = 1000;
    if (fault?.mode === 'fail') world.failAt = fault.at;
    if (fault?.mode === 'kill') world.killAt = fault.at;
    let last = null as RunReport | null;
    const execute = (job: (rt: Runtime) => RunReport | null): void => {
      const t = memoryRuntime(workbook, world, shared);
      const rt: Runtime = { ...t.rt, store: counted(world, 'store', shared.store), scheduler: counted(world, 'scheduler', shared.scheduler) };
      try {
        last = job(rt);
      } catch (e) {
        if (e instanceof Killed ? fault?.mode !== 'kill' : !(e instanceof Error) || fault?.mode !== 'fail') throw e;
        last = null;
      } finally {
        MemoryLock.held = false;
        world.dead = false;
      }
    };
    const due = (): { handler: string; at: number } | null => {
      const all = [
        ...[...shared.scheduler.scheduled].map(([handler, after]) => ({ handler, at: world.nowMs + after })),
        ...[...shared.scheduler.scheduledAt].map(([handler, at]) => ({ handler, at })),
      ];
      return all.sort((a, b) => a.at - b.at)[0] ?? null;
    };
    const triggers = () => {
      for (let guard = 0, next = due(); next; next = due()) {
        if (++guard > 30) throw new Error(`the triggers never end: ${fault?.mode} at ${fault?.at}: ${JSON.stringify(next)} ${world.log.slice(-30).join(' ')}`);
        world.nowMs = Math.max(world.nowMs, next.at);
        shared.scheduler.cancel(next.handler); // a time-driven trigger fires once
        if (next.handler === SCHEDULE_HANDLER) execute((rt) => runScheduled(rt, limits(world, soft)));
        else
          execute((rt) => {
            settleScheduled(rt);
            return continueJob(rt, limits(world, soft));
          });
      }
    };
    triggers();
    for (let round = 0; round < 3; round++) {
      world.nowMs += 10 * 60_000;
      // The dialog shows the send still waiting: «Отправить» with its choices; otherwise a plain one.
      const waiting = readScheduled(setup.rt);
      execute((rt) => startInvitationsNow(rt, { job: 'invite', eventId: 'М-001', resend: waiting ? waiting.spec.resend : [] }, limits(world, soft)));
      triggers();
      if (last?.outcome === 'done' && !shared.store.get(SCHEDULE_KEY)) break;
    }
    return { workbook, world, last, ...shared };
  }

  function check(o: Outcome, label: string, strict: boolean): void {
    const perAddress = new Map<string, number>();
    for (const m of letters(o.mail)) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const status = statuses(o.workbook);
    for (let i = 1; i <= PARTNERS; i++) {
      const id = `П-00${i}`;
      const sent = perAddress.get(`p${i}@example.org`) ?? 0;
      const where = `${label}, ${id}: ${sent} emails, ${status.get(id)}`;
      expect([where, sent <= 1]).toEqual([where, true]);
      if (status.get(id) === 'отправлено' && id !== RESEND) expect([where, sent]).toEqual([where, 1]);
      else if (status.get(id) !== 'отправлено') expect([where, status.get(id)]).toEqual([where, 'требует проверки']);
      if (strict) expect([where, status.get(id), sent]).toEqual([where, 'отправлено', 1]);
    }
    expect([label, o.scheduler.scheduled.size + o.scheduler.scheduledAt.size, o.store.get(RUN_STATE_KEY), o.store.get(SCHEDULE_KEY)]).toEqual([label, 0, null, null]);
    expect([label, o.last?.outcome]).toEqual([label, 'done']);
  }

  it('the clean scenario: the trigger and two continuations, each letter once, the resend once', () => {
    const clean = scenario(null);
    expect(letters(clean.mail).map((m) => m.to[0]).sort()).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org', 'p4@example.org', 'p5@example.org']);
    check(clean, 'clean', true);
  });

  it('the checks catch the resend going twice and a send left waiting', () => {
    const twice = scenario(null);
    twice.mail.outbox.push(letters(twice.mail).find((m) => m.to[0] === 'p2@example.org')!);
    expect(() => check(twice, 'twice', false)).toThrow();
    const left = scenario(null);
    left.store.set(SCHEDULE_KEY, '{}');
    expect(() => check(left, 'left', false)).toThrow();
  });

  it.each(['fail', 'kill'] as const)('a fault (%s) at any call from the trigger on: nobody twice, nothing lost, nothing left waiting', (mode) => {
    const total = scenario(null).world.calls;
    expect(total).toBeGreaterThan(40);
    for (let k = 1; k <= total; k++) {
      const o = scenario({ mode, at: k });
      check(o, `${mode} at call ${k} (${o.world.log[k - 1]})`, mode === 'fail');
    }
  });
});

/** Counts the store and the trigger calls too, so faults can hit them. */
function counted<T extends object>(world: World, name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        world.tick(`${name}.${String(prop)}`);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}
