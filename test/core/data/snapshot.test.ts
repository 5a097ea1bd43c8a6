/**
 * One parse per revision of the workbook, and so one parse per job run and per dialog call: every
 * core entry counted through `readWorkbook` itself.
 */
import * as read from '../../../src/core/data/read';
import { workbookData } from '../../../src/core/data/snapshot';
import { pendingJob, startJob } from '../../../src/core/jobs';
import { defaultEventId, listEvents, previewInvitations } from '../../../src/core/invite';
import { defaultYearLabel, makeReport } from '../../../src/core/report';
import { owedThanks, previewThanks } from '../../../src/core/thanks';
import { MemoryLock, memoryRuntime, partnersWorkbook, type TestRuntime } from '../../helpers/memory-runtime';
import { d, type MemoryWorkbook } from '../../helpers/memory-workbook';

let parses: jest.SpyInstance;
beforeEach(() => {
  parses = jest.spyOn(read, 'readWorkbook');
});
afterEach(() => {
  parses.mockRestore();
  MemoryLock.held = false;
});

/** Partners (one with a blank ID, so runs write IDs first), a held event with contributions, the upcoming one. */
function busy(): MemoryWorkbook {
  const wb = partnersWorkbook(4, { noEmail: 1 });
  wb.sheets.get('Партнёры')![4][0] = '';
  wb.sheets.get('Мероприятия')!.push(['М-002', 'Новогодний утренник', d('2025-12-27'), '11:00', 'ДЮЦ «Ровесник»', 'праздник', '', '', '', 'проведено', 120, '']);
  wb.sheets.get('Вклад')!.push(
    ['М-002', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, ''],
    ['М-002', 'П-002', 'участник', 'кадровый', 'концерт', '', ''],
    ['М-001', 'П-003', 'участник', 'кадровый', 'песни', '', ''],
  );
  return wb;
}

/** A fresh runtime, like a new execution or dialog call, with the parse counter at zero. */
function fresh(): TestRuntime {
  const t = memoryRuntime(busy());
  parses.mockClear();
  return t;
}
const limits = (t: TestRuntime) => ({ softDeadlineMs: 270_000, startMs: t.world.nowMs });

describe('workbookData', () => {
  it('parses once per revision and hands out the same data', () => {
    const wb = busy();
    const first = workbookData(wb);
    expect(workbookData(wb)).toBe(first);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(wb.calls.filter((c) => c.startsWith('read:'))).toHaveLength(5);
  });

  it('a write moves the revision and the next call parses again, and sees the write', () => {
    const wb = busy();
    const first = workbookData(wb);
    const revision = wb.revision;
    wb.writeCells('Партнёры', [{ row: 2, col: 2, value: 'ООО «Новое имя»' }]);
    expect(wb.revision).not.toBe(revision);
    const second = workbookData(wb);
    expect(second).not.toBe(first);
    expect(second.partners[0].organisation).toBe('ООО «Новое имя»');
    expect(parses).toHaveBeenCalledTimes(2);
    expect(workbookData(wb)).toBe(second);
    wb.appendRow('Журнал', ['', 'приглашение', 'k', 'М-001', 'П-001', '', 'создано', '', '']);
    expect(workbookData(wb).journal.map((e) => e.key)).toEqual(['k']);
    wb.writeCells('Журнал', [{ row: 2, col: 7, value: 'отправлено' }]);
    expect(workbookData(wb).journal.map((e) => e.status)).toEqual(['отправлено']);
    expect(parses).toHaveBeenCalledTimes(4);
  });

  it('a person’s edit between executions moves the revision too; notes do not', () => {
    const wb = busy();
    workbookData(wb);
    wb.setNotes('Партнёры', [{ row: 2, col: 2, note: 'заметка' }]);
    workbookData(wb);
    expect(parses).toHaveBeenCalledTimes(1);
    wb.edit('Партнёры', 2, 8, 'new@example.org');
    expect(workbookData(wb).partners[0].emails).toEqual(['new@example.org']);
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it('keeps one parse per workbook: two workbooks are two parses', () => {
    const a = busy();
    const b = busy();
    workbookData(a);
    workbookData(b);
    workbookData(a);
    workbookData(b);
    expect(parses).toHaveBeenCalledTimes(2);
  });
});

describe('one parse per job run and per dialog call', () => {
  it('startJob of an invitation run (IDs written, letters journaled, the print-ready document made)', () => {
    const t = fresh();
    const report = startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits(t));
    expect(report.outcome).toBe('done');
    expect(report.sent).toBe(3);
    expect(report.printed).toBe(1);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('startJob of a thank-you run (contributions dated, letters emailed)', () => {
    const t = fresh();
    const report = startJob(t.rt, { job: 'thanks', year: '2025/2026', email: true }, limits(t));
    expect(report.outcome).toBe('done');
    expect(report.sent + report.made).toBe(2);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('makeReport, and the report menu (the current year, then the report)', () => {
    const t = fresh();
    expect(makeReport(t.rt, '2025/2026').ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(1);
    const u = fresh();
    defaultYearLabel(u.rt);
    makeReport(u.rt, '2025/2026');
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('previewInvitations', () => {
    const t = fresh();
    expect(previewInvitations(t.rt, { eventId: 'М-001' }).ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('previewThanks', () => {
    const t = fresh();
    expect(previewThanks(t.rt, { year: '2025/2026' }).ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('the invite dialog’s data: listEvents + defaultEventId (with an active row) + pendingJob', () => {
    const t = fresh();
    const events = listEvents(t.rt);
    expect(defaultEventId(t.rt, events, 3)).toBe('М-002');
    expect(pendingJob(t.rt)).toBeNull();
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('the thanks dialog’s data: listEvents + defaultYearLabel + pendingJob', () => {
    const t = fresh();
    listEvents(t.rt);
    expect(defaultYearLabel(t.rt)).toBe('2026/2027');
    pendingJob(t.rt);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('owedThanks', () => {
    const t = fresh();
    expect(owedThanks(t.rt).map((o) => o.partnerId)).toEqual(['П-001', 'П-002']);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('a preview then a run in one execution parse twice only because the run wrote in between', () => {
    const t = fresh();
    previewInvitations(t.rt, { eventId: 'М-001' });
    startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, limits(t));
    expect(parses).toHaveBeenCalledTimes(1);
    previewInvitations(t.rt, { eventId: 'М-001' });
    expect(parses).toHaveBeenCalledTimes(2);
  });
});
