/**
 * The delivery loop on its own: claim (`отправляется`, durable) → make → send → record, per item;
 * what each failure leaves in the journal; afterDone, the soft deadline, the quota and progress; and
 * a fault sweep (an exception, then a kill, at every port call) followed by a clean rerun.
 */
import { deliver, type DeliveryOptions, type LetterItem } from '../../../src/core/run/delivery';
import { journalKey, openJournal, type Journal } from '../../../src/core/run/journal';
import { readWorkbook } from '../../../src/core/data/read';
import type { JournalEntry, Partner } from '../../../src/core/data/records';
import type { Attachment, DocumentPort, MailMessage, Runtime } from '../../../src/ports';
import { Killed, MemoryLock, memoryRuntime, partnersWorkbook, World, type TestRuntime } from '../../helpers/memory-runtime';
import type { MemoryWorkbook } from '../../helpers/memory-workbook';

const OPTIONS: DeliveryOptions = { action: 'invite', kind: 'invitation', folder: 'Приглашения', attachPdf: true, softDeadlineMs: Infinity, startMs: 0 };

function itemFor(partner: Partner, log?: string[]): LetterItem {
  const to = partner.emails;
  return {
    key: journalKey('invite', 'М-001', partner.id),
    partner,
    scope: 'М-001',
    values: { Организация: partner.organisation },
    to,
    docName: `Приглашение — ${partner.organisation}`,
    mail:
      to.length > 0
        ? (attachments: Attachment[]): MailMessage => ({ to, subject: `Письмо ${partner.id}`, text: 'текст', html: '<p>текст</p>', senderName: '', replyTo: '', attachments })
        : null,
    afterDone: log ? () => log.push(`afterDone:${partner.id}`) : undefined,
  };
}

interface Setup extends TestRuntime {
  journal: Journal;
  docs: DocumentPort;
  items: LetterItem[];
}

/** `n` partners, the first `noEmail` of them without an address (their letters are only made). */
function setup(n: number, noEmail = 0, options: { world?: World; workbook?: MemoryWorkbook; afterDoneLog?: string[] } = {}): Setup {
  const workbook = options.workbook ?? partnersWorkbook(n, { noEmail });
  const t = memoryRuntime(workbook, options.world ?? new World());
  const data = readWorkbook(workbook);
  const journal = openJournal(t.rt, data);
  if (!journal) throw new Error('no journal');
  const docs = t.rt.documents({ folder: '', templates: { invitation: '', thanks: '' } });
  return { ...t, journal, docs, items: data.partners.map((p) => itemFor(p, options.afterDoneLog)) };
}

const run = (s: Setup, options: Partial<DeliveryOptions> = {}, items = s.items) => deliver(s.rt, s.docs, s.journal, items, { ...OPTIONS, ...options });

/** The journal as it is in the sheet (read back, not the in-memory object). */
const journalRows = (wb: MemoryWorkbook): JournalEntry[] => readWorkbook(wb).journal;
function latest(wb: MemoryWorkbook): Map<string, JournalEntry> {
  const map = new Map<string, JournalEntry>();
  for (const e of journalRows(wb)) map.set(e.key, e);
  return map;
}
const statusOf = (wb: MemoryWorkbook, key: string): string | undefined => latest(wb).get(key)?.status;

/** The 1-based call number of the `nth` (1-based) call named `name` in a world's log. */
function callNumber(world: World, name: string, nth = 1): number {
  let seen = 0;
  for (let i = 0; i < world.log.length; i++) {
    if (world.log[i] === name && ++seen === nth) return i + 1;
  }
  throw new Error(`no call ${name} #${nth}`);
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('deliver: order and journal', () => {
  it('claims, makes, sends and records each item in that order; letters without email are made, not sent', () => {
    const s = setup(3, 1);
    const result = run(s);
    expect(result).toEqual({ sent: 2, made: 1, errors: [], prepared: 0, stopped: null });
    // (Each journal row write first turns the clock's time into a date cell: `toCellDate`.)
    expect(s.world.log.filter((c) => c !== 'workbook.toCellDate')).toEqual([
      'mail.remainingQuota',
      // П-001 has no email: claim, make, record
      'workbook.appendRow',
      'documents.fillTemplate',
      'workbook.writeCells',
      // П-002, П-003: claim, make, send, record
      'workbook.appendRow',
      'documents.fillTemplate',
      'mail.send',
      'workbook.writeCells',
      'workbook.appendRow',
      'documents.fillTemplate',
      'mail.send',
      'workbook.writeCells',
      // The counter of outgoing numbers in «Настройки», once for the run.
      'workbook.writeCells',
    ]);
    expect(s.world.log.filter((c) => c === 'workbook.toCellDate')).toHaveLength(6);
    const rows = journalRows(s.workbook);
    // One row per attempt, rewritten in place by the record.
    expect(rows.map((r) => [r.row, r.key, r.action, r.event, r.partner, r.address, r.status, r.document])).toEqual([
      [2, 'invite|М-001|П-001', 'приглашение', 'М-001', 'П-001', '', 'создано', 'mem://1'],
      [3, 'invite|М-001|П-002', 'приглашение', 'М-001', 'П-002', 'p2@example.org', 'отправлено', 'mem://2'],
      [4, 'invite|М-001|П-003', 'приглашение', 'М-001', 'П-003', 'p3@example.org', 'отправлено', 'mem://3'],
    ]);
    expect(rows.every((r) => r.time !== null && r.message === '')).toBe(true);
    expect(s.mail.outbox.map((m) => [m.to, m.subject, m.attachments.map((a) => a.fileName)])).toEqual([
      [['p2@example.org'], 'Письмо П-002', ['Приглашение — ООО «Партнёр 2».pdf']],
      [['p3@example.org'], 'Письмо П-003', ['Приглашение — ООО «Партнёр 3».pdf']],
    ]);
    expect(s.documents.made.map((d) => [d.kind, d.folder, d.name])).toEqual([
      ['invitation', 'Приглашения', 'Приглашение — ООО «Партнёр 1»'],
      ['invitation', 'Приглашения', 'Приглашение — ООО «Партнёр 2»'],
      ['invitation', 'Приглашения', 'Приглашение — ООО «Партнёр 3»'],
    ]);
  });

  it('without PDF attachments the mail goes without attachments; the quota is not asked when nothing is emailed', () => {
    const s = setup(2);
    run(s, { attachPdf: false });
    expect(s.mail.outbox.map((m) => m.attachments)).toEqual([[], []]);
    const printOnly = setup(2, 2);
    expect(run(printOnly)).toMatchObject({ sent: 0, made: 2 });
    expect(printOnly.world.log).not.toContain('mail.remainingQuota');
    expect(printOnly.mail.outbox).toEqual([]);
  });

  it('writes «отправляется» durably before any document or mail call of the item', () => {
    const s = setup(3, 1);
    const seen: string[] = [];
    const docs: DocumentPort = {
      ...s.docs,
      templatePlaceholders: (k) => s.docs.templatePlaceholders(k),
      templateText: (k) => s.docs.templateText(k),
      startBundle: (...a) => s.docs.startBundle(...a),
      appendToBundle: (...a) => s.docs.appendToBundle(...a),
      render: (...a) => s.docs.render(...a),
      fillTemplate: (kind, values, folder, name) => {
        const rows = journalRows(s.workbook);
        const last = rows[rows.length - 1];
        seen.push(`make ${name}: ${last?.partner} ${last?.status}`);
        return s.docs.fillTemplate(kind, values, folder, name);
      },
    };
    const mail = s.rt.mail;
    const rt: Runtime = {
      ...s.rt,
      mail: {
        remainingQuota: () => mail.remainingQuota(),
        selfAddress: () => mail.selfAddress(),
        send: (message) => {
          const rows = journalRows(s.workbook);
          const row = rows.find((r) => r.address === message.to.join(', ') && r.status === 'отправляется');
          seen.push(`send ${message.to.join(', ')}: ${row ? row.status : 'no claim'}`);
          mail.send(message);
        },
      },
    };
    deliver(rt, docs, s.journal, s.items, OPTIONS);
    expect(seen).toEqual([
      'make Приглашение — ООО «Партнёр 1»: П-001 отправляется',
      'make Приглашение — ООО «Партнёр 2»: П-002 отправляется',
      'send p2@example.org: отправляется',
      'make Приглашение — ООО «Партнёр 3»: П-003 отправляется',
      'send p3@example.org: отправляется',
    ]);
  });

  it('a claim that cannot be written stops the loop before anything of that item is made or sent', () => {
    const probe = setup(3);
    run(probe);
    const world = new World();
    world.failAt = callNumber(probe.world, 'workbook.appendRow', 2);
    const s = setup(3, 0, { world });
    expect(() => run(s)).toThrow(/Сбой сервиса/);
    expect(s.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org']);
    expect(s.documents.made).toHaveLength(1);
    expect([...latest(s.workbook).values()].map((e) => [e.partner, e.status])).toEqual([['П-001', 'отправлено']]);
  });
});

describe('deliver: failures', () => {
  /** A fresh setup of 3 emailing partners failing at the `nth` call named `name` of a clean run. */
  function failingAt(name: string, nth: number): Setup {
    const probe = setup(3);
    run(probe);
    const world = new World();
    world.failAt = callNumber(probe.world, name, nth);
    return setup(3, 0, { world });
  }

  it('a failure making the letter records «ошибка» with the message; the next items still go', () => {
    const s = failingAt('documents.fillTemplate', 2);
    const result = run(s);
    expect(result.sent).toBe(2);
    expect(result.errors).toEqual([{ who: 'ООО «Партнёр 2»', message: expect.stringContaining('Сбой сервиса') }]);
    const e = latest(s.workbook).get('invite|М-001|П-002');
    expect(e).toMatchObject({ status: 'ошибка', document: '', message: expect.stringContaining('Сбой сервиса') });
    expect(s.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org', 'p3@example.org']);
    expect(s.journal.latest('invite|М-001|П-002')?.status).toBe('ошибка');
  });

  it('a failure of the send records «ошибка» with the letter that was made', () => {
    const s = failingAt('mail.send', 1);
    const result = run(s);
    expect(result).toMatchObject({ sent: 2, errors: [{ who: 'ООО «Партнёр 1»' }] });
    expect(latest(s.workbook).get('invite|М-001|П-001')).toMatchObject({ status: 'ошибка', document: 'mem://1' });
    expect(s.mail.outbox.map((m) => m.to[0])).toEqual(['p2@example.org', 'p3@example.org']);
  });

  it('a failure recording after the send never records «ошибка»: the row says «отправлено»', () => {
    const s = failingAt('workbook.writeCells', 1);
    const result = run(s);
    expect(s.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect(result.errors).toEqual([{ who: 'ООО «Партнёр 1»', message: expect.stringContaining('Сбой сервиса') }]);
    expect(latest(s.workbook).get('invite|М-001|П-001')).toMatchObject({ status: 'отправлено', document: 'mem://1', message: expect.stringContaining('Сбой сервиса') });
    expect(journalRows(s.workbook).some((r) => r.status === 'ошибка')).toBe(false);
  });

  it('a letter that went out counts as sent, even when its first record failed', () => {
    const s = failingAt('workbook.writeCells', 1);
    const result = run(s);
    expect(s.mail.outbox).toHaveLength(3);
    expect([...latest(s.workbook).values()].map((e) => e.status)).toEqual(['отправлено', 'отправлено', 'отправлено']);
    // The run's report («Отправлено: N») and the finish note's total are made from this count.
    expect(result.sent).toBe(3);
  });

  it('when no journal write works after the send, the row stays «отправляется» (never «ошибка») and the loop goes on', () => {
    const s = setup(2);
    const writeCells = s.workbook.writeCells.bind(s.workbook);
    let broken = true;
    s.workbook.writeCells = (sheet, cells) => {
      if (broken && cells.some((c) => c.row === 2)) throw new Error('Таблица недоступна');
      writeCells(sheet, cells);
    };
    const result = run(s);
    broken = false;
    expect(s.mail.outbox.map((m) => m.to[0])).toEqual(['p1@example.org', 'p2@example.org']);
    expect(result.errors.map((e) => e.who)).toEqual(['ООО «Партнёр 1»']);
    expect(statusOf(s.workbook, 'invite|М-001|П-001')).toBe('отправляется');
    expect(statusOf(s.workbook, 'invite|М-001|П-002')).toBe('отправлено');
  });

  it('afterDone runs only once the letter is recorded, never for a failed one; its own failure is reported and the loop goes on', () => {
    const probe = setup(3);
    run(probe);
    const world = new World();
    world.failAt = callNumber(probe.world, 'documents.fillTemplate', 2);
    const s = setup(3, 0, { world });
    const order: string[] = [];
    s.items.forEach((item) => {
      item.afterDone = () => {
        order.push(`${item.partner.id}: ${statusOf(s.workbook, item.key)}`);
        if (item.partner.id === 'П-001') throw new Error('Не удалось записать даты');
      };
    });
    const result = run(s);
    expect(order).toEqual(['П-001: отправлено', 'П-003: отправлено']);
    expect(result.sent).toBe(2);
    expect(result.errors).toEqual([
      { who: 'ООО «Партнёр 1»', message: 'Не удалось записать даты' },
      { who: 'ООО «Партнёр 2»', message: expect.stringContaining('Сбой сервиса') },
    ]);
    // The letter whose afterDone failed is still done in the journal.
    expect(statusOf(s.workbook, 'invite|М-001|П-001')).toBe('отправлено');
  });

  it('afterDone of a letter that is only made runs after «создано»', () => {
    const s = setup(2, 2);
    const order: string[] = [];
    s.items.forEach((item) => (item.afterDone = () => order.push(`${item.partner.id}: ${statusOf(s.workbook, item.key)}`)));
    run(s);
    expect(order).toEqual(['П-001: создано', 'П-002: создано']);
  });
});

describe('deliver: stops', () => {
  it('stops at the soft deadline before starting an item, naming the partners not reached', () => {
    const world = new World();
    world.msPerCall = 1000;
    const s = setup(4, 0, { world });
    // The quota call and one item (claim, make, send, record, each journal write with its time) take 7 s.
    const result = run(s, { softDeadlineMs: 7000, startMs: world.nowMs });
    expect(result).toEqual({ sent: 1, made: 0, errors: [], prepared: 0, stopped: { reason: 'deadline', left: 3, partners: ['П-002', 'П-003', 'П-004'] } });
    expect(s.mail.outbox).toHaveLength(1);
    // Nothing of the items not reached is claimed.
    expect(journalRows(s.workbook).map((r) => r.partner)).toEqual(['П-001']);
    // A millisecond more and the second item starts.
    const w2 = new World();
    w2.msPerCall = 1000;
    const later = setup(4, 0, { world: w2 });
    expect(run(later, { softDeadlineMs: 7001, startMs: w2.nowMs }).stopped).toMatchObject({ reason: 'deadline', left: 2 });
  });

  it('a deadline already past starts nothing', () => {
    const s = setup(2);
    const result = run(s, { softDeadlineMs: 0, startMs: s.world.nowMs });
    expect(result.stopped).toEqual({ reason: 'deadline', left: 2, partners: ['П-001', 'П-002'] });
    expect(s.world.log).toEqual(['mail.remainingQuota']);
  });

  it('stops cleanly when the mail quota is used up; letters that are not emailed do not need quota', () => {
    const s = setup(5, 1);
    s.mail.quota = 2;
    const result = run(s);
    expect(result).toEqual({ sent: 2, made: 1, errors: [], prepared: 0, stopped: { reason: 'quota', left: 2, partners: ['П-004', 'П-005'] } });
    expect(s.world.log.filter((c) => c === 'mail.remainingQuota')).toHaveLength(1);
    expect(journalRows(s.workbook).map((r) => [r.partner, r.status])).toEqual([
      ['П-001', 'создано'],
      ['П-002', 'отправлено'],
      ['П-003', 'отправлено'],
    ]);
  });

  it('an item with more recipients than the quota left stops there; unlimited quota never stops', () => {
    const workbook = partnersWorkbook(2);
    workbook.sheets.get('Партнёры')![1][7] = 'a@example.org; b@example.org';
    const s = setup(2, 0, { workbook });
    s.mail.quota = 1;
    expect(run(s).stopped).toEqual({ reason: 'quota', left: 2, partners: ['П-001', 'П-002'] });
    expect(s.mail.outbox).toEqual([]);
    const unlimited = setup(4);
    unlimited.mail.quota = null;
    expect(run(unlimited)).toMatchObject({ sent: 4, stopped: null });
  });

  it('reports progress before each item and once at the end; a stopped run has no final report', () => {
    const s = setup(3, 1);
    const reports: [number, number, string][] = [];
    const rt: Runtime = { ...s.rt, progress: { report: (done, total, message) => reports.push([done, total, message]) } };
    deliver(rt, s.docs, s.journal, s.items, OPTIONS);
    expect(reports).toEqual([
      [0, 3, 'ООО «Партнёр 1»'],
      [1, 3, 'ООО «Партнёр 2»'],
      [2, 3, 'ООО «Партнёр 3»'],
      [3, 3, ''],
    ]);
    const stopped = setup(3);
    stopped.mail.quota = 1;
    const cut: [number, number, string][] = [];
    deliver({ ...stopped.rt, progress: { report: (d, t, m) => cut.push([d, t, m]) } }, stopped.docs, stopped.journal, stopped.items, OPTIONS);
    // The quota stop comes before the item's progress report.
    expect(cut).toEqual([[0, 3, 'ООО «Партнёр 1»']]);
    const none: [number, number, string][] = [];
    deliver({ ...s.rt, progress: { report: (d, t, m) => none.push([d, t, m]) } }, s.docs, s.journal, [], OPTIONS);
    expect(none).toEqual([[0, 0, '']]);
  });
});

describe('deliver: never twice, never lost (fault at every port call, then a clean rerun)', () => {
  const N = 4;
  const NO_EMAIL = 2; // П-001, П-002 get a letter only; П-003, П-004 are emailed

  /** What the next run's plan does with the journal it reads back: retry «ошибка» and new items, mark interrupted ones. */
  function rerun(workbook: MemoryWorkbook, first: Setup): void {
    const t = memoryRuntime(workbook, new World(), { mail: first.mail, documents: first.documents });
    const data = readWorkbook(workbook);
    const journal = openJournal(t.rt, data);
    if (!journal) throw new Error('no journal');
    const items = data.partners.map((p) => itemFor(p));
    const todo: LetterItem[] = [];
    for (const item of items) {
      const last = journal.latest(item.key);
      if (last?.status === 'отправляется') journal.update(last, 'требует проверки');
      else if (!last || last.status === 'ошибка') todo.push(item);
    }
    const docs = t.rt.documents({ folder: '', templates: { invitation: '', thanks: '' } });
    const result = deliver(t.rt, docs, journal, todo, OPTIONS);
    expect(result.errors).toEqual([]);
  }

  /**
   * Registration numbers after a faulty run and its rerun: each row's number is its own (no two rows,
   * so no two letters, share one), they run on from the counter with no gap, every letter that exists
   * carries its claim's number, and the counter in «Настройки» is past them all.
   */
  function expectNumbersOwned(label: string, first: Setup): void {
    const rows = journalRows(first.workbook).filter((r) => r.number);
    const numbers = rows.map((r) => r.number ?? '');
    expect([label, new Set(numbers).size]).toEqual([label, numbers.length]);
    const running = numbers.map((n) => Number(n.replace('01-12/', ''))).sort((a, b) => a - b);
    expect([label, running]).toEqual([label, running.map((_, i) => 57 + i)]);
    for (const row of journalRows(first.workbook)) {
      if (row.status === 'отправлено' || row.status === 'создано') {
        expect([label, row.key, row.number]).toEqual([label, row.key, expect.stringMatching(/^01-12\/\d+$/)]);
        const doc = first.documents.made[Number(row.document.replace('mem://', '')) - 1];
        expect([label, row.key, doc.text.includes(`№\u00a0${row.number}`)]).toEqual([label, row.key, true]);
      }
    }
    const settings = first.workbook.sheets.get('Настройки') ?? [];
    const counter = Number(settings.find((r) => r[0] === 'Исходящий номер: следующий')?.[1]);
    expect([label, counter]).toEqual([label, 57 + running.length]);
  }

  function sweep(mode: 'fail' | 'kill'): number {
    const baseline = setup(N, NO_EMAIL);
    run(baseline);
    const total = baseline.world.calls;
    expect(baseline.mail.outbox).toHaveLength(N - NO_EMAIL);
    for (let k = 1; k <= total; k++) {
      const world = new World();
      if (mode === 'fail') world.failAt = k;
      else world.killAt = k;
      const first = setup(N, NO_EMAIL, { world });
      try {
        run(first);
      } catch (e) {
        if (mode === 'fail' && !(e instanceof Error)) throw e;
        if (mode === 'kill' && !(e instanceof Killed)) throw e;
      }
      const label = `${mode} at call ${k} (${world.log[k - 1]})`;
      // What the loop believes is what the sheet says: every state change was written before it was believed.
      const durable = latest(first.workbook);
      for (const item of first.items) expect([label, item.key, durable.get(item.key)?.status]).toEqual([label, item.key, first.journal.latest(item.key)?.status]);

      rerun(first.workbook, first);
      expectNumbersOwned(label, first);
      const final = latest(first.workbook);
      for (const item of first.items) {
        const emails = first.mail.outbox.filter((m) => m.to.join() === item.to.join() && item.to.length > 0).length;
        const entry = final.get(item.key);
        const where = [label, item.partner.id, `${emails} emails`, entry?.status];
        expect([where, emails <= 1]).toEqual([where, true]);
        if (item.to.length > 0) {
          // Sent exactly once and journaled, or marked so that nothing resends it by itself.
          if (entry?.status === 'отправлено') expect([where, emails]).toEqual([where, 1]);
          else expect([where, entry?.status]).toEqual([where, 'требует проверки']);
          if (mode === 'fail') expect([where, entry?.status, emails]).toEqual([where, 'отправлено', 1]);
        } else {
          expect([where, ['создано', 'требует проверки'].includes(entry?.status ?? '')]).toEqual([where, true]);
          if (mode === 'fail') expect([where, entry?.status]).toEqual([where, 'создано']);
        }
        if (entry?.status === 'отправлено' || entry?.status === 'создано') expect([where, entry.document]).toEqual([where, expect.stringMatching(/^mem:\/\/\d+$/)]);
      }
    }
    return total;
  }

  it('an exception at any call: after a clean rerun every letter is sent or made exactly once', () => {
    // The quota, then per letter: claim and record (each with its time cell), make, and send when emailed; the counter once.
    expect(sweep('fail')).toBe(1 + NO_EMAIL * 5 + (N - NO_EMAIL) * 6 + 1);
  });

  it('a kill at any call: no letter twice, each one done or «требует проверки», and every registration number one letter’s', () => {
    expect(sweep('kill')).toBe(1 + NO_EMAIL * 5 + (N - NO_EMAIL) * 6 + 1);
  });
});
