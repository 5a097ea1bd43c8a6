import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import type { Cell } from '../../src/ports';
import { decodeRecord, encodeRecord, OverlayBook, sidecarPathFor } from '../../src/local/overlay';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-overlay-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

type Sheets = Record<string, (string | number | boolean | Date | null)[][]>;

/** Writes an xlsx (replacing it, as a user re-exporting the workbook would). */
async function writeXlsx(file: string, sheets: Sheets): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = book.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  await book.xlsx.writeFile(file);
}

const PARTNERS_HEADER = ['ID', 'Организация', 'Категория', 'Телефон'];
const partners = (...rows: (string | null)[][]): Sheets => ({
  Партнёры: [PARTNERS_HEADER, ...rows],
  Журнал: [['Время', 'Действие', 'Ключ', 'Статус']],
});

describe('the sidecar file', () => {
  it('holds every write durably: a new open sees it, and the xlsx bytes never change', async () => {
    const file = path.join(dir, 'book.xlsx');
    await writeXlsx(file, partners([null, 'ООО «Рыбозавод»', 'Предприятия и предприниматели', '1'], [null, 'Семья Ивановых', 'Семья', '2']));
    const before = hash(file);

    const first = await XlsxWorkbook.open(file);
    first.writeCells('Партнёры', [
      { row: 2, col: 1, value: 'П-001' },
      { row: 3, col: 1, value: 'П-002' },
    ]);
    // On disk before the call returned (the journal's crash-safety relies on it).
    const sidecar = sidecarPathFor(file);
    expect(fs.readFileSync(sidecar, 'utf8').trim().split('\n')).toHaveLength(1);
    const when = first.toCellDate({ year: 2026, month: 11, day: 27, hour: 10, minute: 5, second: 0 });
    const row = first.appendRow('Журнал', [when, 'invite', 'invite|М-001|П-001', 'отправляется']);
    expect(row).toBe(2);
    first.writeCells('Журнал', [{ row, col: 4, value: 'отправлено' }]);
    expect(fs.readFileSync(sidecar, 'utf8').trim().split('\n')).toHaveLength(3);

    const second = await XlsxWorkbook.open(file);
    expect(second.warnings()).toEqual([]);
    expect(second.readSheet('Партнёры')!.map((r) => r[0])).toEqual(['ID', 'П-001', 'П-002']);
    const journal = second.readSheet('Журнал')!;
    expect(journal).toHaveLength(2);
    expect(journal[1][3]).toBe('отправлено');
    expect((journal[1][0] as Date).toISOString()).toBe('2026-11-27T10:05:00.000Z');
    expect(hash(file)).toBe(before);

    // A later append follows the replayed one.
    expect(second.appendRow('Журнал', [when, 'invite', 'invite|М-001|П-002', 'отправляется'])).toBe(3);
    const third = await XlsxWorkbook.open(file);
    expect(third.readSheet('Журнал')!.map((r) => r[2])).toEqual(['Ключ', 'invite|М-001|П-001', 'invite|М-001|П-002']);
    expect(hash(file)).toBe(before);
  });

  it('puts the journal offline after the xlsx\u2019s own journal rows', async () => {
    const file = path.join(dir, 'journal.xlsx');
    const sheets = partners(['П-001', 'А', 'Семья', '']);
    sheets['Журнал'].push(['старое', 'invite', 'k0', 'отправлено']);
    await writeXlsx(file, sheets);
    const wb = await XlsxWorkbook.open(file);
    expect(wb.appendRow('Журнал', ['новое', 'invite', 'k1', 'отправляется'])).toBe(3);
    const again = await XlsxWorkbook.open(file);
    expect(again.readSheet('Журнал')!.map((r) => r[2])).toEqual(['Ключ', 'k0', 'k1']);
  });

  it('finds a written row that moved in the re-exported xlsx', async () => {
    const file = path.join(dir, 'moved.xlsx');
    await writeXlsx(file, partners([null, 'Рыбозавод', 'Предприятия и предприниматели', '1'], [null, 'Школа № 1', 'Учреждения образования, науки и культуры', '2']));
    const wb = await XlsxWorkbook.open(file);
    wb.writeCells('Партнёры', [{ row: 3, col: 1, value: 'П-002' }]);

    // The user inserts a row above and sorts: «Школа № 1» is now row 2, and a new partner row 4.
    await writeXlsx(file, partners(
      [null, 'Школа № 1', 'Учреждения образования, науки и культуры', '2'],
      [null, 'Рыбозавод', 'Предприятия и предприниматели', '1'],
      [null, 'Больница', 'Учреждения здравоохранения', '3'],
    ));
    const reopened = await XlsxWorkbook.open(file);
    expect(reopened.warnings()).toEqual([]);
    expect(reopened.readSheet('Партнёры')!.map((r) => r[0])).toEqual(['ID', 'П-002', '', '']);
  });

  it('drops, with a warning, a write whose row is ambiguous or gone', async () => {
    const file = path.join(dir, 'ambiguous.xlsx');
    await writeXlsx(file, partners([null, 'Рыбозавод', 'Предприятия и предприниматели', '1'], [null, 'Школа', 'Семья', '2']));
    const wb = await XlsxWorkbook.open(file);
    wb.writeCells('Партнёры', [
      { row: 2, col: 1, value: 'П-001' },
      { row: 3, col: 1, value: 'П-002' },
    ]);

    // «Рыбозавод» now appears twice (no longer on row 2), and «Школа» was edited.
    await writeXlsx(file, partners(
      [null, 'Новый партнёр', 'Семья', '9'],
      [null, 'Рыбозавод', 'Предприятия и предприниматели', '1'],
      [null, 'Рыбозавод', 'Предприятия и предприниматели', '1'],
      [null, 'Школа', 'Семья', '22'],
    ));
    const reopened = await XlsxWorkbook.open(file);
    expect(reopened.readSheet('Партнёры')!.map((r) => r[0])).toEqual(['ID', '', '', '', '']);
    const warnings = reopened.warnings();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/не применено/);
    expect(warnings[0]).toContain('(3, 4)');
    expect(warnings[0]).toContain('A2 = «П-001»');
    expect(warnings[1]).toMatch(/строка 3 листа «Партнёры».*изменена или удалена/);
  });

  it('does not apply a merged sidecar twice when the exported file replaces the workbook', async () => {
    const file = path.join(dir, 'merge.xlsx');
    await writeXlsx(file, partners([null, 'Рыбозавод', 'Предприятия и предприниматели', '1']));
    const wb = await XlsxWorkbook.open(file);
    wb.writeCells('Партнёры', [{ row: 2, col: 1, value: 'П-001' }]);
    const r = wb.appendRow('Журнал', ['t', 'invite', 'k1', 'отправляется']);
    wb.writeCells('Журнал', [{ row: r, col: 4, value: 'отправлено' }]);
    const merged = path.join(dir, 'merged.xlsx');
    await wb.saveMerged(merged);

    // The user goes on with the merged file under the old name; the sidecar is still beside it.
    fs.copyFileSync(merged, file);
    const reopened = await XlsxWorkbook.open(file);
    expect(reopened.warnings()).toEqual([]);
    expect(reopened.readSheet('Журнал')).toEqual([
      ['Время', 'Действие', 'Ключ', 'Статус'],
      ['t', 'invite', 'k1', 'отправлено'],
    ]);
    expect(reopened.readSheet('Партнёры')![1][0]).toBe('П-001');
    expect(reopened.pendingNotice()).toBeNull();
    // The appended row is still addressed by its append: a new state lands on it.
    reopened.writeCells('Журнал', [{ row: 2, col: 4, value: 'требует проверки' }]);
    const third = await XlsxWorkbook.open(file);
    expect(third.readSheet('Журнал')![1][3]).toBe('требует проверки');
    expect(third.readSheet('Журнал')).toHaveLength(2);
  });

  it('tells what the sidecar holds that the xlsx does not', async () => {
    const file = path.join(dir, 'notice.xlsx');
    await writeXlsx(file, partners([null, 'Рыбозавод', 'Семья', '1']));
    const wb = await XlsxWorkbook.open(file);
    expect(wb.pendingNotice()).toBeNull();
    wb.writeCells('Партнёры', [{ row: 2, col: 1, value: 'П-001' }]);
    for (const k of ['k1', 'k2', 'k3', 'k4', 'k5']) wb.appendRow('Журнал', ['t', 'invite', k, 'отправлено']);
    const notice = wb.pendingNotice()!;
    expect(notice).toContain('Партнёры!A2: П-001');
    expect(notice).toContain('Журнал: 5 новых строк');
    expect(notice).toContain('notice.xlsx.partnerstvo.jsonl');
    expect(notice).toContain('partnerstvo export');
    expect(wb.pendingCount()).toBe(6);
  });

  it('records setup on an existing workbook and replays it without duplicating', async () => {
    const file = path.join(dir, 'setup.xlsx');
    await writeXlsx(file, partners([null, 'Рыбозавод', 'Семья', '1']));
    const wb = await XlsxWorkbook.open(file);
    wb.applySetup([
      { kind: 'addColumns', sheet: 'Партнёры', headerRow: 1, afterCol: 4, columns: [{ header: 'Email', width: 200, validation: { kind: 'none' } }] },
      { kind: 'createSheet', sheet: 'Настройки', columns: [{ header: 'Параметр', width: 300, validation: { kind: 'none' } }, { header: 'Значение', width: 300, validation: { kind: 'none' } }], rows: [['Краткое название', 'ДЮЦ']] },
    ]);
    const reopened = await XlsxWorkbook.open(file);
    expect(reopened.readSheet('Партнёры')![0]).toEqual([...PARTNERS_HEADER, 'Email']);
    expect(reopened.sheetNames()).toEqual(['Партнёры', 'Журнал', 'Настройки']);
    expect(reopened.readSheet('Настройки')).toEqual([
      ['Параметр', 'Значение'],
      ['Краткое название', 'ДЮЦ'],
    ]);
    const merged = path.join(dir, 'setup-merged.xlsx');
    await reopened.saveMerged(merged);
    fs.copyFileSync(merged, file);
    const third = await XlsxWorkbook.open(file);
    expect(third.readSheet('Партнёры')![0]).toEqual([...PARTNERS_HEADER, 'Email']);
    expect(third.readSheet('Настройки')).toHaveLength(2);
    expect(third.pendingNotice()).toBeNull();
  });
});

describe('records', () => {
  it('round-trip dates as {"$date": iso}', () => {
    const date = new Date(Date.UTC(2026, 10, 27, 15, 0, 0));
    const line = encodeRecord({ v: 1, op: 'append', sheet: 'Журнал', seq: 1, values: [date, 'x', 3, true, ''] });
    expect(line).toContain('{"$date":"2026-11-27T15:00:00.000Z"}');
    const back = decodeRecord(line);
    expect(back).toEqual({ v: 1, op: 'append', sheet: 'Журнал', seq: 1, values: [date, 'x', 3, true, ''] });
    expect(decodeRecord('{"op":"nonsense"}')).toBeNull();
    expect(decodeRecord('not json')).toBeNull();
  });

  it('keep an in-memory workbook working without a file', () => {
    const book = new OverlayBook([{ name: 'Лист', rows: [['a', 'b'] as Cell[]] }], null);
    book.writeCells('Лист', [{ row: 3, col: 3, value: 'c' }]);
    expect(book.readSheet('Лист')).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
      ['', '', 'c'],
    ]);
    expect(() => book.writeCells('Нет', [{ row: 1, col: 1, value: 'x' }])).toThrow(/нет листа «Нет»/);
  });
});
