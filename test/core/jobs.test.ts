/**
 * Jobs across executions: the lock, the stored continuation and its trigger, one pending job at a
 * time, garbage in the store, the note to the starter when a background run finishes, and a fault
 * sweep (an exception, then a kill, at every port call) over a start and its continuations.
 */
import { continueJob, CONTINUE_AFTER_MS, CONTINUE_HANDLER, pendingJob, QUOTA_RETRY_MS, RUN_STATE_KEY, startJob, type JobSpec } from '../../src/core/jobs';
import { readWorkbook } from '../../src/core/data/read';
import type { RunLimits, RunReport } from '../../src/core/run/outcome';
import { runMsg } from '../../src/messages/letters';
import {
  MemoryDocuments,
  MemoryLock,
  MemoryMail,
  memoryRuntime,
  partnersWorkbook,
  World,
  type TestRuntime,
} from '../helpers/memory-runtime';
import type { MemoryWorkbook } from '../helpers/memory-workbook';
import { acrossExecutions, countedPort, type Fault, type Outcome } from '../helpers/executions';

const INVITE: JobSpec = { job: 'invite', eventId: 'М-001', resend: [] };
const SELF = 'me@example.org';
const limits = (world: World, softDeadlineMs = 270_000): RunLimits => ({ softDeadlineMs, startMs: world.nowMs });

const letters = (mail: MemoryMail) => mail.outbox.filter((m) => m.to[0] !== SELF);
const notices = (mail: MemoryMail) => mail.outbox.filter((m) => m.to[0] === SELF);

function statuses(wb: MemoryWorkbook): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of readWorkbook(wb).journal) map.set(e.partner, e.status);
  return map;
}

/** A workbook with contributions in the current academic year (2026/2027) for thank-you jobs. */
function withContributions(n = 3): MemoryWorkbook {
  const wb = partnersWorkbook(n);
  for (let i = 1; i <= n; i++) wb.sheets.get('Вклад')!.push(['М-001', `П-00${i}`, 'участник', 'кадровый', 'концерт', '', '']);
  return wb;
}

/**
 * The soft deadline at which an execution of `spec` does `letters` emailed letters (each port call
 * costs 1 s). Reading costs a call per journal row (its time cell), so later executions start a few
 * seconds later: the margin must stay under one letter (6 calls) for the count to hold.
 */
function deadlineFor(make: () => MemoryWorkbook, spec: JobSpec, letters: 1 | 2, countStore = false): number {
  const world = new World();
  world.msPerCall = 1000;
  const probe = memoryRuntime(make(), world);
  // Where the store and the trigger calls count (the sweeps below), they count here too.
  const rt = countStore ? { ...probe.rt, store: countedPort(world, 'store', probe.store), scheduler: countedPort(world, 'scheduler', probe.scheduler) } : probe.rt;
  startJob(rt, spec, limits(world, Infinity));
  // The calls before the first claim's time cell are what an execution spends before its first deadline check.
  const before = world.log.indexOf('workbook.toCellDate');
  // A letter is 6 calls: the claim with its time cell, make, send, the record with its time cell.
  return before * 1000 + (letters === 1 ? 5000 : 11000);
}
const oneLetterDeadline = (make: () => MemoryWorkbook, spec: JobSpec) => deadlineFor(make, spec, 1);

/** Fires the trigger the way Apps Script does: once, after its delay. */
function fire(t: TestRuntime, softDeadlineMs = 270_000): RunReport | null {
  const after = t.scheduler.scheduled.get(CONTINUE_HANDLER);
  if (after === undefined) throw new Error('no trigger');
  t.scheduler.scheduled.delete(CONTINUE_HANDLER);
  t.world.nowMs += after;
  return continueJob(t.rt, limits(t.world, softDeadlineMs));
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('the lock', () => {
  it('held by another run: outcome «locked» and nothing read, written, sent or stored', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    MemoryLock.held = true;
    const report = startJob(t.rt, INVITE, limits(t.world));
    expect(report.outcome).toBe('locked');
    expect(report.ok).toBe(false);
    expect(t.world.calls).toBe(0);
    expect(t.workbook.calls).toEqual([]);
    expect(t.mail.outbox).toEqual([]);
    expect(t.store.data.size).toBe(0);
    expect(t.scheduler.scheduled.size).toBe(0);
    // Not ours to release.
    expect(MemoryLock.held).toBe(true);
  });

  it('a continuation that finds the lock held keeps its job and tries again later, without a note', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    t.store.set(RUN_STATE_KEY, JSON.stringify(INVITE));
    MemoryLock.held = true;
    const report = continueJob(t.rt, limits(t.world));
    expect(report?.outcome).toBe('locked');
    expect(t.store.get(RUN_STATE_KEY)).toBe(JSON.stringify(INVITE));
    expect(t.scheduler.scheduled.get(CONTINUE_HANDLER)).toBe(CONTINUE_AFTER_MS);
    expect(t.world.calls).toBe(0);
    expect(t.mail.outbox).toEqual([]);
  });

  it('is released after a run, also after one that throws', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    expect(startJob(t.rt, INVITE, limits(t.world)).outcome).toBe('done');
    expect(MemoryLock.held).toBe(false);
    const failing = memoryRuntime(partnersWorkbook(2));
    failing.world.failAt = 1;
    expect(() => startJob(failing.rt, INVITE, limits(failing.world))).toThrow(/Сбой сервиса/);
    expect(MemoryLock.held).toBe(false);
  });
});

describe('continuation', () => {
  it('a run stopped at the soft deadline stores its job and schedules continueRun in a minute', () => {
    const world = new World();
    world.msPerCall = 1000;
    const t = memoryRuntime(partnersWorkbook(3), world);
    const report = startJob(t.rt, INVITE, limits(world, oneLetterDeadline(() => partnersWorkbook(3), INVITE)));
    expect(report.outcome).toBe('stopped');
    expect(report.ok).toBe(false);
    expect(report.stopped).toEqual({ reason: 'deadline', left: 2, partners: ['П-002', 'П-003'] });
    expect(pendingJob(t.rt)).toEqual(INVITE);
    expect(pendingJob(t.rt)).toEqual(INVITE);
    expect([...t.scheduler.scheduled]).toEqual([[CONTINUE_HANDLER, CONTINUE_AFTER_MS]]);
    expect(notices(t.mail)).toEqual([]);
  });

  it('a run stopped by the mail quota continues after a day', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    t.mail.quota = 1;
    const report = startJob(t.rt, INVITE, limits(t.world));
    expect(report.outcome).toBe('stopped');
    expect(report.stopped?.reason).toBe('quota');
    expect(t.scheduler.scheduled.get(CONTINUE_HANDLER)).toBe(QUOTA_RETRY_MS);
    expect(pendingJob(t.rt)).toEqual(INVITE);
  });

  it('the trigger continues until done, then removes the state and the trigger, and tells the starter once', () => {
    const world = new World();
    world.msPerCall = 1000;
    const t = memoryRuntime(partnersWorkbook(3), world);
    const soft = oneLetterDeadline(() => partnersWorkbook(3), INVITE);
    const outcomes = [startJob(t.rt, INVITE, limits(world, soft)).outcome];
    let last: RunReport | null = null;
    while (t.scheduler.scheduled.has(CONTINUE_HANDLER) && outcomes.length < 10) {
      last = fire(t, soft);
      outcomes.push(last?.outcome ?? 'failed');
    }
    expect(outcomes).toEqual(['stopped', 'stopped', 'done']);
    expect(last?.ok).toBe(true);
    expect(last?.doneBefore).toBe(2);
    expect(letters(t.mail).map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect([...statuses(t.workbook).values()]).toEqual(['отправлено', 'отправлено', 'отправлено']);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.size).toBe(0);
    expect(pendingJob(t.rt)).toBeNull();
    const [note, ...more] = notices(t.mail);
    expect(more).toEqual([]);
    expect(note.subject).toBe(runMsg.noticeSubject(runMsg.noticeInvite('День матери')));
    expect(note.text).toContain(runMsg.noticeTotal(3));
    // A trigger that fires when nothing is pending only cleans up.
    t.scheduler.scheduleOnce(CONTINUE_HANDLER, 1000);
    expect(fire(t)).toBeNull();
    expect(t.scheduler.scheduled.size).toBe(0);
  });

  it('a run that finishes in the dialog sends no note; neither does a continuation that stops again', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    expect(startJob(t.rt, INVITE, limits(t.world)).outcome).toBe('done');
    expect(notices(t.mail)).toEqual([]);
    const q = memoryRuntime(partnersWorkbook(3));
    q.mail.quota = 1;
    startJob(q.rt, INVITE, limits(q.world));
    q.mail.quota = 1;
    expect(fire(q)?.outcome).toBe('stopped');
    expect(notices(q.mail)).toEqual([]);
    expect(q.scheduler.scheduled.get(CONTINUE_HANDLER)).toBe(QUOTA_RETRY_MS);
  });

  it('the note failing, or no address to send it to, changes nothing', () => {
    for (const breakIt of [
      (m: MemoryMail) => {
        const send = m.send.bind(m);
        m.send = (message) => {
          if (message.to[0] === SELF) throw new Error('Сбой почты');
          send(message);
        };
      },
      (m: MemoryMail) => {
        m.self = null;
      },
      (m: MemoryMail) => {
        m.selfAddress = () => {
          throw new Error('Нет доступа');
        };
      },
    ]) {
      const t = memoryRuntime(partnersWorkbook(3));
      t.mail.quota = 2;
      startJob(t.rt, INVITE, limits(t.world));
      t.mail.quota = 100;
      breakIt(t.mail);
      const report = fire(t);
      expect(report?.outcome).toBe('done');
      expect(report?.ok).toBe(true);
      expect(report?.sent).toBe(1);
      expect(letters(t.mail)).toHaveLength(3);
      expect(notices(t.mail)).toEqual([]);
      expect(t.store.get(RUN_STATE_KEY)).toBeNull();
      expect(t.scheduler.scheduled.size).toBe(0);
    }
  });

  it('a continued «Сделать заново» redoes only the partners the stopped run had not reached', () => {
    const world = new World();
    const t = memoryRuntime(withContributions(3), world);
    const spec: JobSpec = { job: 'thanks', year: '2026/2027', email: true };
    expect(startJob(t.rt, spec, limits(world)).made).toBe(0);
    expect(letters(t.mail)).toHaveLength(3);
    t.mail.quota = 1;
    const redo = startJob(t.rt, { ...spec, redo: true }, limits(world));
    expect(redo.outcome).toBe('stopped');
    const stored = pendingJob(t.rt) as JobSpec;
    expect(stored).toMatchObject({ job: 'thanks', year: '2026/2027', redo: false, redoPartners: redo.stopped?.partners });
    expect(redo.stopped?.partners).toHaveLength(2);
    t.mail.quota = 100;
    expect(fire(t)?.outcome).toBe('done');
    // Three first letters, then each partner once more.
    const count = new Map<string, number>();
    for (const m of letters(t.mail)) count.set(m.to[0], (count.get(m.to[0]) ?? 0) + 1);
    expect([...count.values()]).toEqual([2, 2, 2]);
  });
});

describe('one pending job at a time', () => {
  function waiting(spec: JobSpec, make = () => partnersWorkbook(3)): TestRuntime {
    const t = memoryRuntime(make());
    t.mail.quota = 1;
    expect(startJob(t.rt, spec, limits(t.world)).outcome).toBe('stopped');
    t.mail.quota = 100;
    return t;
  }

  it.each<[string, JobSpec, JobSpec]>([
    ['thanks while an invitation waits', INVITE, { job: 'thanks', year: '2026/2027' }],
    ['an invitation to another event', INVITE, { job: 'invite', eventId: 'М-002', resend: [] }],
    ['thanks for another year', { job: 'thanks', year: '2026/2027', email: true }, { job: 'thanks', year: '2025/2026', email: true }],
    ['thanks with other options', { job: 'thanks', year: '2026/2027', email: true }, { job: 'thanks', year: '2026/2027', email: false }],
  ])('refuses %s and keeps the waiting job as it was', (_name, first, second) => {
    const t = waiting(first, withContributions);
    const stored = t.store.get(RUN_STATE_KEY);
    const outbox = t.mail.outbox.length;
    const made = t.documents.made.length;
    const callsBefore = t.world.calls;
    const report = startJob(t.rt, second, limits(t.world));
    expect(report.outcome).toBe('refused');
    expect(t.store.get(RUN_STATE_KEY)).toBe(stored);
    expect(t.scheduler.scheduled.get(CONTINUE_HANDLER)).toBe(QUOTA_RETRY_MS);
    expect(t.mail.outbox).toHaveLength(outbox);
    expect(t.documents.made).toHaveLength(made);
    expect(t.world.calls).toBe(callsBefore);
    expect(MemoryLock.held).toBe(false);
  });

  it('the same job started again by hand, with other resends, is its continuation', () => {
    const t = waiting(INVITE);
    const report = startJob(t.rt, { job: 'invite', eventId: 'м-001', resend: ['П-001'] }, limits(t.world));
    expect(report.outcome).toBe('done');
    expect(letters(t.mail).map((m) => m.to[0])).toEqual(['p1@example.org', 'p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.size).toBe(0);
  });
});

describe('a stored state that is garbage', () => {
  it.each(['{not json', '', 'null'])('%j: the trigger cleans it up and does nothing else', (raw) => {
    const t = memoryRuntime(withContributions());
    t.store.set(RUN_STATE_KEY, raw);
    t.scheduler.scheduleOnce(CONTINUE_HANDLER, 1000);
    expect(pendingJob(t.rt)).toBeNull();
    expect(continueJob(t.rt, limits(t.world))).toBeNull();
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.size).toBe(0);
    expect(t.world.calls).toBe(0);
    expect(t.mail.outbox).toEqual([]);
  });

  it('unreadable, it does not keep a new job from starting, and the finished job leaves nothing behind', () => {
    const t = memoryRuntime(partnersWorkbook(2));
    t.store.set(RUN_STATE_KEY, '{not json');
    const report = startJob(t.rt, INVITE, limits(t.world));
    expect(report.outcome).toBe('done');
    expect(report.sent).toBe(2);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
  });

  // JSON, but not a job: what an older version stored under another shape, or an edit in the
  // script properties (editors can change them in the Apps Script project settings).
  it.each(['{"job":"invite"}', '{"job":"invite","eventId":5}', '{"job":"nonsense"}', '[]', '42', '"text"'])(
    '%s: the trigger cleans it up without throwing and makes no letters',
    (raw) => {
      const t = memoryRuntime(withContributions());
      t.store.set(RUN_STATE_KEY, raw);
      t.scheduler.scheduleOnce(CONTINUE_HANDLER, 1000);
      let thrown: unknown = null;
      try {
        continueJob(t.rt, limits(t.world));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeNull();
      expect(t.documents.made.map((d) => d.name)).toEqual([]);
      expect(t.mail.outbox.map((m) => m.subject)).toEqual([]);
      expect(t.store.get(RUN_STATE_KEY)).toBeNull();
      expect(t.scheduler.scheduled.size).toBe(0);
    },
  );

  it.each(['{"job":"invite"}', '{"job":"invite","eventId":5}'])('%s: a new invitation still starts', (raw) => {
    const t = memoryRuntime(partnersWorkbook(2));
    t.store.set(RUN_STATE_KEY, raw);
    let report: RunReport | null = null;
    try {
      report = startJob(t.rt, INVITE, limits(t.world));
    } catch {
      report = null;
    }
    expect(report?.outcome).toBe('done');
    expect(letters(t.mail)).toHaveLength(2);
  });
});

describe('a continuation that fails', () => {
  /** A job stopped by the quota, whose continuation then meets `fault` at its first port call. */
  function failingContinuation(fault: 'fail' | 'kill'): TestRuntime {
    const t = memoryRuntime(partnersWorkbook(3));
    t.mail.quota = 1;
    startJob(t.rt, INVITE, limits(t.world));
    t.mail.quota = 100;
    if (fault === 'fail') t.world.failAt = t.world.calls + 1;
    else t.world.killAt = t.world.calls + 1;
    try {
      fire(t);
    } catch {
      // continueRun logs it; a kill runs nothing more anyway.
    }
    MemoryLock.held = false;
    t.world.dead = false;
    t.world.failAt = null;
    t.world.killAt = null;
    return t;
  }

  it.each(['fail', 'kill'] as const)('(%s) is not left waiting with no trigger to carry it on', (fault) => {
    const t = failingContinuation(fault);
    expect(letters(t.mail)).toHaveLength(1);
    // Either it will be tried again by itself, or nothing claims to be waiting.
    expect([pendingJob(t.rt) !== null, t.scheduler.scheduled.has(CONTINUE_HANDLER)]).not.toEqual([true, false]);
  });

  it('refused by a passing failure (the template could not be read), it neither drops the waiting letters nor keeps quiet about it', () => {
    const t = memoryRuntime(partnersWorkbook(3));
    t.mail.quota = 1;
    startJob(t.rt, INVITE, limits(t.world));
    t.mail.quota = 100;
    const templatePlaceholders = t.documents.templatePlaceholders.bind(t.documents);
    let once = true;
    t.documents.templatePlaceholders = (kind) => {
      if (once) {
        once = false;
        throw new Error('Служба Документов временно недоступна');
      }
      return templatePlaceholders(kind);
    };
    const report = fire(t);
    expect(report?.outcome).toBe('refused');
    expect(letters(t.mail)).toHaveLength(1);
    const stillCarriedOn = pendingJob(t.rt) !== null && t.scheduler.scheduled.has(CONTINUE_HANDLER);
    expect({ stillCarriedOn, notes: notices(t.mail).length }).not.toEqual({ stillCarriedOn: false, notes: 0 });
  });

  it('after it, starting the same job by hand finishes the letters, nobody twice', () => {
    const t = failingContinuation('fail');
    const report = startJob(t.rt, INVITE, limits(t.world));
    expect(report.outcome).toBe('done');
    expect(letters(t.mail).map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect(t.store.get(RUN_STATE_KEY)).toBeNull();
    expect(t.scheduler.scheduled.size).toBe(0);
  });
});

describe('never twice, never lost across executions (fault at every port call)', () => {
  const PARTNERS = 6;
  const NO_EMAIL = 1; // П-001 goes into the print-ready document
  const make = () => partnersWorkbook(PARTNERS, { noEmail: NO_EMAIL });
  // Two letters an execution: a retried or interrupted letter still leaves room to move on.
  const SOFT = deadlineFor(make, INVITE, 2, true);

  /** The start, its continuations, then staff starting it again: see `acrossExecutions`. */
  const scenario = (fault: Fault): Outcome => acrossExecutions(make(), INVITE, SOFT, fault, { maxContinuations: 20 });

  const mode = (label: string) => label.split(' ')[0];
  function check(o: Outcome, label: string, strict: boolean): void {
    const perAddress = new Map<string, number>();
    for (const m of letters(o.mail)) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const status = statuses(o.workbook);
    for (let i = 1; i <= PARTNERS; i++) {
      const id = `П-00${i}`;
      const sent = perAddress.get(`p${i}@example.org`) ?? 0;
      const where = `${label}, ${id}: ${sent} emails, ${status.get(id)}`;
      expect([where, sent <= 1]).toEqual([where, true]);
      if (i <= NO_EMAIL) {
        // In the print-ready document at most once; journaled as made only when it is in it, and
        // «требует проверки» only when a kill left it unknown.
        const printed = o.documents.made.filter((d) => d.name.startsWith('Приглашения для печати')).flatMap((d) => d.text.split('\n---\n'));
        const where2 = `${where}, ${printed.length} printed`;
        expect([where2, printed.length <= 1]).toEqual([where2, true]);
        if (status.get(id) === 'создано') expect([where2, printed.length]).toEqual([where2, 1]);
        else expect([where2, status.get(id), mode(label)]).toEqual([where2, 'требует проверки', 'kill']);
        continue;
      }
      if (status.get(id) === 'отправлено') expect([where, sent]).toEqual([where, 1]);
      else expect([where, status.get(id)]).toEqual([where, 'требует проверки']);
      if (strict) expect([where, status.get(id), sent]).toEqual([where, 'отправлено', 1]);
    }
    // At most one note that the job finished, and at most one that a refused continuation was put off.
    const subjects = notices(o.mail).map((m) => m.subject);
    expect([label, subjects.filter((x) => x.endsWith('закончена')).length <= 1, subjects.filter((x) => x.endsWith('приостановлена')).length <= 1]).toEqual([label, true, true]);
    expect([label, o.scheduler.scheduled.size, o.store.get(RUN_STATE_KEY)]).toEqual([label, 0, null]);
    expect([label, o.last?.outcome]).toEqual([label, 'done']);
    // Registration numbers: one row each, hence one letter each; every letter that exists holds its row's number.
    const rows = readWorkbook(o.workbook).journal.filter((r) => r.number);
    const numbers = rows.map((r) => r.number ?? '');
    expect([label, new Set(numbers).size]).toEqual([label, numbers.length]);
    const running = numbers.map((n) => Number(n.replace('01-12/', ''))).sort((a, b) => a - b);
    expect([label, running]).toEqual([label, running.map((_, i) => 57 + i)]);
    for (const row of readWorkbook(o.workbook).journal) {
      if (row.status !== 'отправлено' && row.status !== 'создано') continue;
      const doc = o.documents.made[Number(row.document.replace('mem://', '')) - 1];
      expect([label, row.key, row.number !== undefined && doc.text.includes(`№\u00a0${row.number}`)]).toEqual([label, row.key, true]);
    }
  }

  it('the clean scenario: three executions by the trigger, each letter once, one note', () => {
    const clean = scenario(null);
    // start + 3 continuations (2 + 2 + 1 letters, then the print-ready one), a fourth for the envelopes
    // and register the soft deadline left no time for, then the hand start finds nothing new
    expect(clean.executions).toBe(6);
    const made = (clean as Outcome & { documents: MemoryDocuments }).documents.made;
    expect(made.filter((d) => d.name.startsWith('Реестр писем для доставки'))).toHaveLength(1);
    expect(letters(clean.mail)).toHaveLength(PARTNERS - NO_EMAIL);
    expect(notices(clean.mail)).toHaveLength(1);
    check(clean, 'clean', true);
  });

  it('the checks catch a letter sent twice, a letter lost, and a trigger left behind', () => {
    const twice = scenario(null);
    twice.mail.outbox.push(letters(twice.mail)[0]);
    expect(() => check(twice, 'twice', false)).toThrow();
    const lost = scenario(null);
    lost.mail.outbox.splice(0, 1);
    expect(() => check(lost, 'lost', false)).toThrow();
    const left = scenario(null);
    left.scheduler.scheduleOnce(CONTINUE_HANDLER, 1000);
    expect(() => check(left, 'left', false)).toThrow();
  });

  it.each(['fail', 'kill'] as const)('a fault (%s) at any call of the start or a continuation: nobody twice, nothing lost, no trigger left', (mode) => {
    const total = scenario(null).world.calls;
    expect(total).toBeGreaterThan(50);
    for (let k = 1; k <= total; k++) {
      const o = scenario({ mode, at: k });
      check(o, `${mode} at call ${k} (${o.world.log[k - 1]})`, mode === 'fail');
    }
  });
});
