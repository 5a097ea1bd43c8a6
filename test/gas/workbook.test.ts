import fc from 'fast-check';
import type { Cell, CellWrite, SetupStep } from '../../src/ports';
import { layoutFor, PARTNERS_SPEC } from '../../src/core/data/schema';
import { readWorkbook } from '../../src/core/data/read';
import { ZoneOffsets } from '../../src/gas/time-zone';
import { blocksOf, SheetsWorkbook } from '../../src/gas/workbook';
import { type GasFakes, installGasFakes, Killed, spreadsheetFromSheets } from './fakes';

let gas: GasFakes;
afterEach(() => gas?.uninstall());

function setup(sheets: Record<string, Cell[][]>, timeZone = 'Europe/Moscow'): SheetsWorkbook {
  gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets(sheets, { timeZone }) });
  return new SheetsWorkbook(gas.activeSpreadsheet());
}

const ss = () => {
  if (!gas.spreadsheet) throw new Error('no spreadsheet');
  return gas.spreadsheet;
};

describe('blocksOf', () => {
  it('groups vertical runs per column and merges neighbouring columns with the same rows', () => {
    const cells = [
      { row: 2, col: 1, value: 'a' },
      { row: 3, col: 1, value: 'b' },
      { row: 2, col: 2, value: 'c' },
      { row: 3, col: 2, value: 'd' },
      { row: 5, col: 1, value: 'e' },
      { row: 2, col: 4, value: 'f' },
    ];
    expect(blocksOf(cells)).toEqual([
      { row: 2, col: 1, values: [['a', 'c'], ['b', 'd']] },
      { row: 5, col: 1, values: [['e']] },
      { row: 2, col: 4, values: [['f']] },
    ]);
  });

  it('covers exactly the requested cells, the last write to a cell winning (property)', () => {
    const cell = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 6 }), value: fc.integer() });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const expected = new Map<string, number>();
        for (const c of cells) expected.set(`${c.row}:${c.col}`, c.value);
        const covered = new Map<string, number>();
        for (const b of blocksOf(cells))
          b.values.forEach((r, i) =>
            r.forEach((v, j) => {
              const k = `${b.row + i}:${b.col + j}`;
              if (covered.has(k)) throw new Error(`cell ${k} written twice`);
              covered.set(k, v);
            }),
          );
        expect(covered).toEqual(expected);
      }),
    );
  });
});

describe('SheetsWorkbook reads', () => {
  it('reads each sheet with one getValues per run, returning copies', () => {
    const wb = setup({ Партнёры: [['ID', 'Организация'], ['П-001', 'ООО «Рыбозавод»']], Вклад: [['Мероприятие']] });
    expect(wb.sheetNames()).toEqual(['Партнёры', 'Вклад']);
    const first = wb.readSheet('Партнёры');
    expect(first).toEqual([['ID', 'Организация'], ['П-001', 'ООО «Рыбозавод»']]);
    first?.[1]?.splice(0, 2, 'changed');
    expect(wb.readSheet('Партнёры')).toEqual([['ID', 'Организация'], ['П-001', 'ООО «Рыбозавод»']]);
    wb.readSheet('Вклад');
    wb.readSheet('Вклад');
    expect(gas.env.count('Range.getValues')).toBe(2);
    expect(wb.readSheet('Нет такого')).toBeNull();
  });

  it('gives an empty sheet as no rows, and blanks as empty strings', () => {
    const wb = setup({ Пусто: [], Дыры: [['a', '', 'c'], ['', '', '']] });
    expect(wb.readSheet('Пусто')).toEqual([]);
    expect(wb.readSheet('Дыры')).toEqual([['a', '', 'c']]);
  });

  it('reads notes of the data range', () => {
    const wb = setup({ Партнёры: [['ID', 'Email'], ['П-1', 'x']] });
    ss().sheet('Партнёры')?.notes.set('2:2', 'заметка');
    expect(wb.readNotes('Партнёры')).toEqual([['', ''], ['', 'заметка']]);
    expect(gas.env.count('Range.getNotes')).toBe(1);
  });

  it('reads merged header blocks with one call per sheet, and a merged required header is named with its range', () => {
    const headers = PARTNERS_SPEC.columns.map((c) => c.header);
    const wb = setup({ Партнёры: [headers, headers.map((h, i) => (i === 0 ? 'П-001' : h === 'Организация' ? 'ООО «Рыбозавод»' : ''))] });
    const org = headers.indexOf('Организация') + 1;
    // Staff merge «Организация» over the column after it: Sheets keeps only the top-left value.
    gas.activeSpreadsheet().getSheetByName('Партнёры')?.getRange(1, org, 1, 2).merge();
    expect(wb.readSheet('Партнёры')?.[0]?.[org]).toBe('');
    expect(wb.readMerges('Партнёры')).toEqual([{ row: 1, col: org, rows: 1, cols: 2 }]);
    wb.readMerges('Партнёры');
    expect(gas.env.count('Range.getMergedRanges')).toBe(1);
    const problems = readWorkbook(wb).problems.filter((p) => p.sheet === 'Партнёры').map((p) => p.message);
    expect(problems).toContainEqual(expect.stringContaining(`нет обязательного столбца «${headers[org]}»`));
    expect(problems).toContainEqual(expect.stringMatching(/«Организация» — объединённые ячейки Партнёры!/));
  });

  it('sees its own writes without reading again', () => {
    const wb = setup({ Партнёры: [['ID', 'Организация'], ['', 'А']] });
    wb.readSheet('Партнёры');
    wb.writeCells('Партнёры', [{ row: 2, col: 1, value: 'П-001' }]);
    wb.appendRow('Партнёры', ['П-002', 'Б']);
    expect(wb.readSheet('Партнёры')).toEqual([['ID', 'Организация'], ['П-001', 'А'], ['П-002', 'Б']]);
    expect(gas.env.count('Range.getValues')).toBe(1);
  });
});

describe('SheetsWorkbook writes', () => {
  it('writes contiguous runs with one setValues each and never touches cells in between', () => {
    const rows: Cell[][] = [['ID', 'Формула', 'Имя']];
    for (let r = 2; r <= 10; r++) rows.push(['', `=ФОРМУЛА${r}`, `Имя ${r}`]);
    const wb = setup({ Партнёры: rows });
    const writes: CellWrite[] = [2, 3, 4, 7, 8].map((row) => ({ row, col: 1, value: `П-${row}` }));
    writes.push({ row: 2, col: 3, value: 'Новое' });
    wb.writeCells('Партнёры', writes);
    const setValues = gas.env.log.filter((c) => c.method === 'Range.setValues').map((c) => c.detail);
    expect(setValues.sort()).toEqual(['Партнёры!A2:A4', 'Партнёры!A7:A8', 'Партнёры!C2'].sort());
    const values = ss().values('Партнёры');
    expect(values.map((r) => r[1])).toEqual(rows.map((r) => r[1]));
    expect(values.map((r) => r[0])).toEqual(['ID', 'П-2', 'П-3', 'П-4', '', '', 'П-7', 'П-8', '', '']);
  });

  it('writes a full row as one block and grows the sheet when needed', () => {
    const wb = setup({ Журнал: [['Время', 'Действие']] });
    const sheet = ss().sheet('Журнал');
    if (!sheet) throw new Error('no sheet');
    sheet.maxRows = 3;
    wb.writeCells('Журнал', [
      { row: 5, col: 1, value: 'a' },
      { row: 5, col: 2, value: 'b' },
    ]);
    expect(gas.env.count('Range.setValues')).toBe(1);
    expect(ss().values('Журнал')[4]).toEqual(['a', 'b']);
  });

  it('sets and clears notes in blocks', () => {
    const wb = setup({ Партнёры: [['ID', 'Email'], ['П-1', 'x'], ['П-2', 'y']] });
    ss().sheet('Партнёры')?.notes.set('3:2', 'старая');
    wb.setNotes('Партнёры', [
      { row: 2, col: 2, note: 'Проверка: плохой адрес' },
      { row: 3, col: 2, note: '' },
    ]);
    expect(gas.env.count('Range.setNotes')).toBe(1);
    expect(gas.env.count('Range.setNote')).toBe(0);
    expect(Object.fromEntries(ss().sheet('Партнёры')?.notes ?? [])).toEqual({ '2:2': 'Проверка: плохой адрес' });
  });

  it('appendRow flushes before returning, so a kill right after keeps the claim; a rewrite of its cells rides with the next flush', () => {
    const wb = setup({ Журнал: [['Время', 'Действие', 'Статус']] });
    gas.env.killAt(1, { service: 'MailApp' });
    expect(() =>
      gas.execute(() => {
        const row = wb.appendRow('Журнал', ['t', 'invite', 'отправляется']);
        expect(row).toBe(2);
        MailApp.sendEmail({ to: 'a@b.ru', subject: 's', body: 'b' });
      }),
    ).toThrow(Killed);
    expect(gas.env.killed).toBe(true);
    expect(ss().values('Журнал')[1]).toEqual(['t', 'invite', 'отправляется']);

    // A record not yet flushed is lost by a kill (the claim stays: safe); the next claim commits it.
    const flushes = gas.env.count('SpreadsheetApp.flush');
    gas.env.killAt(1, { service: 'MailApp' });
    expect(() =>
      gas.execute(() => {
        wb.writeCells('Журнал', [{ row: 2, col: 3, value: 'отправлено' }]);
        MailApp.sendEmail({ to: 'a@b.ru', subject: 's', body: 'b' });
      }),
    ).toThrow(Killed);
    expect(ss().values('Журнал')[1]).toEqual(['t', 'invite', 'отправляется']);
    gas.execute(() => {
      wb.writeCells('Журнал', [{ row: 2, col: 3, value: 'отправлено' }]);
      wb.appendRow('Журнал', ['t', 'invite', 'отправляется']);
    });
    expect(gas.env.count('SpreadsheetApp.flush') - flushes).toBe(1);
    expect(ss().values('Журнал').slice(1)).toEqual([
      ['t', 'invite', 'отправлено'],
      ['t', 'invite', 'отправляется'],
    ]);
  });

  it('a write that is not flushed is lost when the execution is killed (the fake is faithful here)', () => {
    const wb = setup({ Журнал: [['Время']] });
    gas.env.killAt(1, { service: 'MailApp' });
    expect(() =>
      gas.execute(() => {
        wb.writeCells('Журнал', [{ row: 2, col: 1, value: 'не сохранится' }]);
        MailApp.getRemainingDailyQuota();
      }),
    ).toThrow(Killed);
    expect(ss().values('Журнал')).toEqual([['Время']]);
  });
});

describe('SheetsWorkbook setup', () => {
  const columns = PARTNERS_SPEC.columns.map(layoutFor);

  it('creates a sheet with bold frozen headers, widths, validation to the last row, formats and hints', () => {
    const wb = setup({});
    wb.applySetup([{ kind: 'createSheet', sheet: 'Партнёры', columns }]);
    const sheet = ss().sheet('Партнёры');
    if (!sheet) throw new Error('no sheet');
    expect(ss().sheets.map((s) => s.name)).toEqual(['Лист1', 'Партнёры']);
    expect(ss().values('Партнёры')).toEqual([columns.map((c) => c.header)]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.fontWeights.get('1:1')).toBe('bold');
    expect(sheet.widths.get(2)).toBe(260);
    const categoryCol = columns.findIndex((c) => c.header === 'Категория') + 1;
    const rule = sheet.validations.get(`2:${categoryCol}`);
    expect(rule?.criteria).toBe('VALUE_IN_LIST');
    expect(rule?.allowInvalid).toBe(false);
    expect(sheet.validations.get(`${sheet.maxRows}:${categoryCol}`)).toEqual(rule);
    expect(sheet.validations.has(`1:${categoryCol}`)).toBe(false);
    const sponsorCol = columns.findIndex((c) => c.header === 'Спонсор') + 1;
    expect(sheet.validations.get(`5:${sponsorCol}`)?.criteria).toBe('CHECKBOX');
    expect(sheet.formats.get('2:1')).toBe('@');
    const contactCol = columns.findIndex((c) => c.header === 'Контактное лицо') + 1;
    expect(sheet.notes.get(`1:${contactCol}`)).toMatch(/Сидоров Иван Петрович/);
    // batched: no per-cell calls
    expect(gas.env.count('Range.setNote')).toBe(0);
    expect(gas.env.count('Range.setValue')).toBe(0);
  });

  it('adds columns after everything used, keeping user columns and data, and inserts columns when the sheet is full', () => {
    const wb = setup({ Партнёры: [['Организация', 'Своё'], ['ООО «А»', 'x', '', 'данные без заголовка']] });
    const sheet = ss().sheet('Партнёры');
    if (!sheet) throw new Error('no sheet');
    sheet.maxCols = 4;
    sheet.notes.set('2:2', 'заметка пользователя');
    const steps: SetupStep[] = [
      { kind: 'addColumns', sheet: 'Партнёры', headerRow: 1, afterCol: 2, columns: columns.filter((c) => ['ID', 'Email'].includes(c.header)) },
      { kind: 'freezeHeader', sheet: 'Партнёры', headerRow: 1 },
    ];
    wb.applySetup(steps);
    expect(ss().values('Партнёры')).toEqual([
      ['Организация', 'Своё', '', '', 'ID', 'Email'],
      ['ООО «А»', 'x', '', 'данные без заголовка', '', ''],
    ]);
    expect(sheet.maxCols).toBe(6);
    expect(sheet.notes.get('2:2')).toBe('заметка пользователя');
    expect(sheet.frozenRows).toBe(1);
    expect(gas.env.count('Sheet.insertColumnsAfter')).toBe(1);
  });

  it('appends rows after the last row', () => {
    const wb = setup({ Настройки: [['Параметр', 'Значение'], ['Краткое название', 'ДЮЦ']] });
    wb.applySetup([{ kind: 'appendRows', sheet: 'Настройки', rows: [['Адрес учреждения', ''], ['Прикладывать PDF']] }]);
    expect(ss().values('Настройки')).toEqual([
      ['Параметр', 'Значение'],
      ['Краткое название', 'ДЮЦ'],
      ['Адрес учреждения', ''],
      ['Прикладывать PDF', ''],
    ]);
  });

  it('refuses to create a sheet that exists, in Russian', () => {
    const wb = setup({ Партнёры: [['ID']] });
    expect(() => wb.applySetup([{ kind: 'createSheet', sheet: 'Партнёры', columns }])).toThrow('Лист «Партнёры» уже есть');
  });

  it('reads again after setup', () => {
    const wb = setup({});
    expect(wb.readSheet('Вклад')).toBeNull();
    wb.applySetup([{ kind: 'createSheet', sheet: 'Вклад', columns: columns.slice(0, 2) }]);
    expect(wb.readSheet('Вклад')).toEqual([['ID', 'Организация']]);
  });
});

describe('dates in the spreadsheet zone', () => {
  it('cellDate reads the wall time of the zone', () => {
    const wb = setup({}, 'Asia/Yekaterinburg');
    expect(wb.cellDate(new Date(Date.UTC(2026, 10, 26, 19, 30, 0)))).toEqual({ year: 2026, month: 11, day: 27, hour: 0, minute: 30, second: 0 });
  });

  it('toCellDate gives the instant that shows that wall time, across DST changes (property, Intl as oracle)', () => {
    for (const zone of ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      const wb = setup({}, zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
          const instant = new Date(Math.floor(ms / 1000) * 1000);
          const wall = wb.cellDate(instant);
          const back = wb.toCellDate(wall);
          // Same wall time; for the repeated hour at a DST end either instant is right.
          expect(wb.cellDate(back)).toEqual(wall);
        }),
        { numRuns: 200 },
      );
      gas.uninstall();
    }
  });

  it('the zone offsets agree with Intl on the day of a DST change', () => {
    gas = installGasFakes(globalThis);
    const berlin = new ZoneOffsets(() => 'Europe/Berlin');
    const noon = berlin.instant({ year: 2026, month: 3, day: 29, hour: 12, minute: 0, second: 0 });
    expect(noon.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(berlin.wall(noon.getTime())).toEqual({ year: 2026, month: 3, day: 29, hour: 12, minute: 0, second: 0 });
  });
});
