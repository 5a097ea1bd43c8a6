/**
 * The journal (`Журнал`) on its own: keys, the latest row per key, and rows written into the right
 * columns whatever their order, with staff columns in between; and when there is no usable journal.
 */
import { ACTION_LABEL, DONE, Journal, journalKey, openJournal } from '../../../src/core/run/journal';
import { startJob } from '../../../src/core/jobs';
import { readWorkbook } from '../../../src/core/data/read';
import { JOURNAL_SPEC } from '../../../src/core/data/schema';
import type { JournalEntry } from '../../../src/core/data/records';
import type { Cell } from '../../../src/ports';
import { MemoryLock, memoryRuntime, partnersWorkbook, World, WorldClock } from '../../helpers/memory-runtime';
import { MemoryWorkbook } from '../../helpers/memory-workbook';

const HEADERS = JOURNAL_SPEC.columns.map((c) => c.header);
const clockAt = (ms: number) => {
  const world = new World();
  world.nowMs = ms;
  return { world, clock: new WorldClock(world) };
};

function journalOf(wb: MemoryWorkbook, ms = Date.UTC(2026, 10, 27, 9, 0, 0)): { journal: Journal; world: World } {
  const { world, clock } = clockAt(ms);
  const journal = openJournal({ workbook: wb, clock }, readWorkbook(wb));
  if (!journal) throw new Error('no journal');
  return { journal, world };
}

const fields = (over: Partial<JournalEntry> = {}): Omit<JournalEntry, 'row' | 'time'> => ({
  action: 'приглашение',
  key: 'invite|М-001|П-001',
  event: 'М-001',
  partner: 'П-001',
  address: 'p1@example.org',
  status: 'отправляется',
  document: '',
  message: '',
  ...over,
});

/** The cell of a journal row under a header, as the sheet holds it. */
function cell(wb: MemoryWorkbook, row: number, header: string): Cell | undefined {
  const rows = wb.sheets.get('Журнал')!;
  const headerRow = rows.findIndex((r) => r.includes(header));
  return rows[row - 1]?.[rows[headerRow].indexOf(header)];
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('journal keys', () => {
  it('a key is action | scope | partner, distinct for each', () => {
    expect(journalKey('invite', 'М-001', 'П-001')).toBe('invite|М-001|П-001');
    expect(journalKey('thanks', '2025/2026', 'П-001')).toBe('thanks|2025/2026|П-001');
    const keys = [journalKey('invite', 'М-001', 'П-001'), journalKey('thanks', 'М-001', 'П-001'), journalKey('invite', 'М-002', 'П-001'), journalKey('invite', 'М-001', 'П-002')];
    expect(new Set(keys).size).toBe(4);
    expect(ACTION_LABEL).toEqual({ invite: 'приглашение', thanks: 'благодарность' });
    expect([...DONE]).toEqual(['отправлено', 'создано', 'подготовлено']);
  });
});

describe('latest', () => {
  it('is the last row of a key, read from the sheet; rows without a key or a known status are not entries', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.get('Журнал')!.push(
      [new Date(Date.UTC(2026, 10, 20, 10)), 'приглашение', 'invite|М-001|П-001', 'М-001', 'П-001', 'p1@example.org', 'ошибка', '', 'сбой'],
      [new Date(Date.UTC(2026, 10, 20, 11)), 'приглашение', 'invite|М-001|П-002', 'М-001', 'П-002', 'p2@example.org', 'отправлено', 'doc2', ''],
      [new Date(Date.UTC(2026, 10, 21, 12)), 'приглашение', 'invite|М-001|П-001', 'М-001', 'П-001', 'p1@example.org', 'отправлено', 'doc1', ''],
      ['', 'приглашение', '', 'М-001', 'П-003', '', 'отправлено', '', 'no key'],
      ['', 'приглашение', 'invite|М-001|П-004', 'М-001', 'П-004', '', 'как-нибудь', '', 'unknown status'],
      ['', '', '', '', '', '', '', '', ''],
    );
    const { journal } = journalOf(wb);
    expect(journal.latest('invite|М-001|П-001')).toMatchObject({ row: 4, status: 'отправлено', document: 'doc1', time: { year: 2026, month: 11, day: 21, hour: 12 } });
    expect(journal.latest('invite|М-001|П-002')).toMatchObject({ row: 3, status: 'отправлено' });
    expect(journal.latest('invite|М-001|П-003')).toBeUndefined();
    expect(journal.latest('invite|М-001|П-004')).toBeUndefined();
    expect(journal.entries().map((e) => e.key)).toEqual(['invite|М-001|П-001', 'invite|М-001|П-002']);
  });

  it('follows add and update at once', () => {
    const wb = partnersWorkbook(1);
    const { journal } = journalOf(wb);
    const entry = journal.add(fields());
    expect(journal.latest(entry.key)).toBe(entry);
    journal.update(entry, 'отправлено', { document: 'mem://1' });
    expect(journal.latest(entry.key)).toMatchObject({ status: 'отправлено', document: 'mem://1', row: entry.row });
    // A new attempt of the same key (a resend) becomes its state.
    const again = journal.add(fields({ status: 'отправляется' }));
    expect(again.row).toBe(entry.row + 1);
    expect(journal.latest(entry.key)).toBe(again);
    expect(journal.entries()).toHaveLength(1);
  });
});

describe('add and update', () => {
  it('add appends one row with every field in its column and the clock time as a date cell', () => {
    const wb = partnersWorkbook(1);
    const { journal, world } = journalOf(wb, Date.UTC(2026, 10, 27, 9, 15, 30));
    const entry = journal.add(fields({ document: 'doc', message: 'm' }));
    expect(entry.row).toBe(2);
    expect(entry.time).toEqual({ year: 2026, month: 11, day: 27, hour: 12, minute: 15, second: 30 }); // Moscow
    const row = wb.sheets.get('Журнал')![1];
    expect(row).toEqual([new Date(Date.UTC(2026, 10, 27, 12, 15, 30)), 'приглашение', 'invite|М-001|П-001', 'М-001', 'П-001', 'p1@example.org', 'отправляется', 'doc', 'm', '']);
    expect(wb.calls.filter((c) => !c.startsWith('read'))).toEqual(['append:Журнал']);
    world.nowMs += 60_000;
    journal.update(entry, 'отправлено', { document: 'mem://7' });
    expect(wb.sheets.get('Журнал')).toHaveLength(2);
    expect(wb.sheets.get('Журнал')![1]).toEqual([new Date(Date.UTC(2026, 10, 27, 12, 16, 30)), 'приглашение', 'invite|М-001|П-001', 'М-001', 'П-001', 'p1@example.org', 'отправлено', 'mem://7', 'm', '']);
    expect(wb.calls.filter((c) => !c.startsWith('read'))).toEqual(['append:Журнал', 'write:Журнал']);
  });

  it('update rewrites only its own row and keeps the fields it is not given', () => {
    const wb = partnersWorkbook(1);
    const { journal } = journalOf(wb);
    const a = journal.add(fields({ key: 'k1', partner: 'П-001' }));
    const b = journal.add(fields({ key: 'k2', partner: 'П-002', address: 'p2@example.org' }));
    const before = wb.sheets.get('Журнал')!.map((r) => [...r]);
    journal.update(a, 'ошибка', { message: 'Сбой' });
    const after = wb.sheets.get('Журнал')!;
    expect(after[b.row - 1]).toEqual(before[b.row - 1]);
    expect(after[0]).toEqual(before[0]);
    expect(readWorkbook(wb).journal.map((e) => [e.key, e.status, e.address, e.document, e.message])).toEqual([
      ['k1', 'ошибка', 'p1@example.org', '', 'Сбой'],
      ['k2', 'отправляется', 'p2@example.org', '', ''],
    ]);
    journal.update(a, 'отправлено', { address: 'new@example.org' });
    expect(readWorkbook(wb).journal[0]).toMatchObject({ status: 'отправлено', address: 'new@example.org', message: 'Сбой' });
  });

  /** Reordered headers with a staff column between ours, and one after them. */
  function shuffled(): MemoryWorkbook {
    const wb = partnersWorkbook(1);
    const order = ['Статус', 'Ключ', 'Заметка сотрудника', 'Документ', 'Время', 'Партнёр', 'Сообщение', 'Действие', 'Адрес', 'Мероприятие', 'Ещё моё'];
    const old = { Время: 0, Действие: 1, Ключ: 2, Мероприятие: 3, Партнёр: 4, Адрес: 5, Статус: 6, Документ: 7, Сообщение: 8 } as Record<string, number>;
    const earlier: Cell[] = [new Date(Date.UTC(2026, 10, 20, 10)), 'приглашение', 'invite|М-001|П-009', 'М-001', 'П-009', 'p9@example.org', 'отправляется', '', ''];
    wb.sheets.set('Журнал', [
      order,
      order.map((h) => (h === 'Заметка сотрудника' ? 'позвонила — письмо дошло' : h === 'Ещё моё' ? 'x' : earlier[old[h]])),
    ]);
    return wb;
  }

  it('with reordered columns and staff columns, add writes each field under its header and leaves the staff columns blank', () => {
    const wb = shuffled();
    const { journal } = journalOf(wb);
    expect(journal.latest('invite|М-001|П-009')).toMatchObject({ row: 2, status: 'отправляется', address: 'p9@example.org', partner: 'П-009' });
    const entry = journal.add(fields({ document: 'doc', message: 'msg' }));
    expect(entry.row).toBe(3);
    const expected: Record<string, Cell> = {
      Время: new Date(Date.UTC(2026, 10, 27, 12, 0, 0)),
      Действие: 'приглашение',
      Ключ: 'invite|М-001|П-001',
      Мероприятие: 'М-001',
      Партнёр: 'П-001',
      Адрес: 'p1@example.org',
      Статус: 'отправляется',
      Документ: 'doc',
      Сообщение: 'msg',
    };
    for (const [header, value] of Object.entries(expected)) expect([header, cell(wb, 3, header)]).toEqual([header, value]);
    expect(cell(wb, 3, 'Заметка сотрудника') ?? '').toBe('');
    expect(cell(wb, 3, 'Ещё моё') ?? '').toBe('');
    // Read back, the row is the entry that was added.
    const back = readWorkbook(wb).journal.find((e) => e.row === 3);
    expect(back).toEqual({ ...entry });

    journal.update(entry, 'отправлено', { document: 'mem://1' });
    expect(cell(wb, 3, 'Статус')).toBe('отправлено');
    expect(cell(wb, 3, 'Документ')).toBe('mem://1');
    expect(cell(wb, 3, 'Ключ')).toBe('invite|М-001|П-001');
    expect(cell(wb, 3, 'Сообщение')).toBe('msg');
    expect(readWorkbook(wb).journal.map((e) => [e.row, e.key, e.status])).toEqual([
      [2, 'invite|М-001|П-009', 'отправляется'],
      [3, 'invite|М-001|П-001', 'отправлено'],
    ]);
  });

  it('an update keeps what staff wrote in their own column of that row', () => {
    const wb = shuffled();
    const { journal } = journalOf(wb);
    const interrupted = journal.latest('invite|М-001|П-009');
    if (!interrupted) throw new Error('no entry');
    // What the next run does with a row a dead run left «отправляется».
    journal.update(interrupted, 'требует проверки');
    expect(cell(wb, 2, 'Статус')).toBe('требует проверки');
    expect(cell(wb, 2, 'Ещё моё')).toBe('x');
    expect(cell(wb, 2, 'Заметка сотрудника')).toBe('позвонила — письмо дошло');
  });

  it('with a title row above the header, rows go after the last row and update finds its row', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Журнал', [['Журнал рассылок'], HEADERS, ['', 'приглашение', 'invite|М-001|П-009', 'М-001', 'П-009', '', 'создано', 'd', '']]);
    const { journal } = journalOf(wb);
    expect(journal.latest('invite|М-001|П-009')?.row).toBe(3);
    const entry = journal.add(fields());
    expect(entry.row).toBe(4);
    journal.update(entry, 'отправлено');
    expect(wb.sheets.get('Журнал')![0]).toEqual(['Журнал рассылок']);
    expect(readWorkbook(wb).journal.map((e) => [e.row, e.status])).toEqual([
      [3, 'создано'],
      [4, 'отправлено'],
    ]);
  });
});

describe('openJournal', () => {
  const rt = (wb: MemoryWorkbook) => ({ workbook: wb, clock: new WorldClock(new World()) });

  it('is null without the sheet', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.delete('Журнал');
    expect(openJournal(rt(wb), readWorkbook(wb))).toBeNull();
  });

  it('without the column «Исх. номер» (a journal made before it) is there, and its claims take no number', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Журнал', [HEADERS.filter((h) => h !== 'Исх. номер')]);
    const journal = openJournal(rt(wb), readWorkbook(wb));
    expect(journal).toBeInstanceOf(Journal);
    expect(journal?.numbered).toBe(false);
    expect(journal?.add(fields({}), true).number).toBeUndefined();
    expect(wb.calls.filter((c) => !c.startsWith('read'))).toEqual(['append:Журнал']);
  });

  it.each(HEADERS.filter((h) => h !== 'Исх. номер'))('is null when the column «%s» is missing', (header) => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Журнал', [HEADERS.map((h) => (h === header ? 'Что-то своё' : h))]);
    expect(openJournal(rt(wb), readWorkbook(wb))).toBeNull();
  });

  it('is there with reordered columns and staff columns', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Журнал', [['Моё', ...[...HEADERS].reverse(), 'Ещё']]);
    expect(openJournal(rt(wb), readWorkbook(wb))).toBeInstanceOf(Journal);
  });

  it('is null when a column is missing below a title row too', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Журнал', [['Журнал рассылок'], HEADERS.filter((h) => h !== 'Статус')]);
    const data = readWorkbook(wb);
    expect(data.headerRows['Журнал']).toBe(2);
    expect(openJournal(rt(wb), data)).toBeNull();
  });

  it('a journal without «Статус» below a title row never lets a rerun send the same invitations again', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.set('Журнал', [['Журнал рассылок'], HEADERS.filter((h) => h !== 'Статус')]);
    const t = memoryRuntime(wb);
    const limits = { softDeadlineMs: 270_000, startMs: t.world.nowMs };
    startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits);
    const second = startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits);
    const perAddress = new Map<string, number>();
    for (const m of t.mail.outbox) perAddress.set(m.to[0], (perAddress.get(m.to[0]) ?? 0) + 1);
    expect([...perAddress].filter(([, n]) => n > 1)).toEqual([]);
    expect(second.sent).toBe(0);
  });
});
