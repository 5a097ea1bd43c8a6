/**
 * The Apps Script entry points of src/main.ts with the Apps Script fakes on globalThis: each dialog
 * call parses the workbook once (counted through `readWorkbook` itself).
 */
import * as read from '../src/core/data/read';
import { SHEET_SPECS } from '../src/core/data/schema';
import { dialogInviteData, dialogPreviewInvite, dialogPreviewThanks, dialogStartInvite, dialogThanksData, menuSetup } from '../src/main';
import type { Cell } from '../src/ports';
import { type GasFakes, installGasFakes, spreadsheetFromSheets } from './gas/fakes';
import { centreSettings } from './helpers/memory-workbook';

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];
/** Midnight in Moscow of a calendar date, as a date cell holds it. */
const moscow = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d) - 3 * 3600 * 1000);

let gas: GasFakes;
let parses: jest.SpyInstance;

beforeEach(() => {
  const partners: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= 3; i++) {
    partners.push([`П-00${i}`, `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', `p${i}@example.org`, '', '', i === 1, true, '']);
  }
  const spreadsheet = spreadsheetFromSheets({
    Партнёры: partners,
    Мероприятия: [
      header('Мероприятия'),
      ['М-001', 'День матери', moscow(2026, 11, 28), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки', '', '', 'запланировано', '', ''],
      ['М-000', 'Новогодний утренник', moscow(2025, 12, 27), '11:00', 'ДЮЦ «Ровесник»', 'праздник', 'учащиеся', '', '', 'проведено', 120, ''],
    ],
    Вклад: [header('Вклад'), ['М-000', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, ''], ['М-000', 'П-002', 'участник', 'кадровый', 'концерт', '', '']],
    Настройки: [
      ...centreSettings(),
    ],
  });
  gas = installGasFakes(globalThis, { spreadsheet, startMs: Date.UTC(2026, 10, 20, 9), fakeDate: true });
  // «Настроить таблицу»: the journal, the folder and the templates, as staff do first.
  menuSetup();
  parses = jest.spyOn(read, 'readWorkbook');
});

afterEach(() => {
  parses?.mockRestore();
  gas?.uninstall();
});

describe('one parse per dialog call through the entry points', () => {
  it('setup has made what the dialogs need', () => {
    expect(gas.ui.lastAlert()?.prompt).toContain('Шаблон приглашения');
    expect(gas.spreadsheet?.sheets.map((s) => s.name)).toContain('Журнал');
  });

  it('dialogInviteData: events, the selected one from the active row, the pending job', () => {
    gas.spreadsheet!.activeRange = { sheet: 'Мероприятия', row: 3, col: 2, numRows: 1, numCols: 1 };
    const data = dialogInviteData();
    expect(data.error).toBe('');
    expect(data.events.map((e) => e.id)).toEqual(['М-001', 'М-000']);
    expect(data.selected).toBe('М-000');
    expect(data.pending).toBeNull();
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('dialogThanksData', () => {
    const data = dialogThanksData();
    expect(data.error).toBe('');
    // The current year (2026/2027) has only a planned event: the dialog offers the last year with data.
    expect(data.currentYear).toBe('2025/2026');
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('dialogPreviewInvite', () => {
    const preview = dialogPreviewInvite('М-001');
    expect(preview.error).toBe('');
    expect(preview.ok).toBe(true);
    expect(preview.counts.send).toBe(3);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('dialogPreviewThanks', () => {
    const preview = dialogPreviewThanks({ year: '2025/2026' });
    expect(preview.error).toBe('');
    expect(preview.letters.map((l) => l.id)).toEqual(['П-001', 'П-002']);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('dialogStartInvite: the whole run', () => {
    const report = dialogStartInvite('М-001', []);
    expect(report.outcome).toBe('done');
    expect(report.sent).toBe(3);
    expect(gas.mail.sent.map((m) => m.to)).toEqual(['p1@example.org', 'p2@example.org', 'p3@example.org']);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it('each call reads afresh (staff may have edited the sheet in between): two calls, two parses', () => {
    dialogPreviewInvite('М-001');
    dialogPreviewInvite('М-001');
    expect(parses).toHaveBeenCalledTimes(2);
  });
});
