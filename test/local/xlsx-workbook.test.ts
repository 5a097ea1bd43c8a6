import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { runSetup } from '../../src/core/data/setup';
import { SHEET_SPECS } from '../../src/core/data/schema';
import { WorkbookFileError } from '../../src/local/exit';
import { LISTS_SHEET } from '../../src/local/xlsx-layout';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-xlsx-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function writeFixture(file: string, build: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  build(book);
  await book.xlsx.writeFile(file);
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('reading values like getValues', () => {
  it('maps blanks, numbers, booleans, dates, rich text, hyperlinks, formulas, errors and merges', async () => {
    const file = path.join(dir, 'values.xlsx');
    await writeFixture(file, (book) => {
      const ws = book.addWorksheet('Лист');
      ws.getCell('A1').value = 'текст';
      ws.getCell('B1').value = 42.5;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = new Date(Date.UTC(2026, 10, 27));
      ws.getCell('D1').numFmt = 'dd.mm.yyyy';
      ws.getCell('E1').value = { richText: [{ text: 'Жирный ', font: { bold: true } }, { text: 'и обычный' }] };
      ws.getCell('F1').value = { text: 'сайт', hyperlink: 'https://example.org' };
      ws.getCell('G1').value = { formula: 'B1*2', result: 85 };
      ws.getCell('H1').value = { formula: 'VLOOKUP(1,A:A,1,0)', result: { error: '#N/A' } };
      ws.getCell('I1').value = { formula: 'A1&""' };
      ws.getCell('J1').value = { error: '#REF!' };
      ws.getCell('A3').value = 'слитая';
      ws.mergeCells('A3:B3');
      ws.getCell('C3').value = { formula: 'D1', result: new Date(Date.UTC(2026, 0, 2)) };
      ws.getCell('C3').numFmt = 'dd.mm.yyyy';
      ws.getCell('D3').value = '=SUM(A1)';
    });
    const wb = await XlsxWorkbook.open(file);
    const values = wb.readSheet('Лист');
    expect(values).not.toBeNull();
    const [row1, row2, row3] = values!;
    expect(row1.slice(0, 3)).toEqual(['текст', 42.5, true]);
    expect(row1[3]).toBeInstanceOf(Date);
    expect(wb.cellDate(row1[3] as Date)).toEqual({ year: 2026, month: 11, day: 27, hour: 0, minute: 0, second: 0 });
    expect(row1[4]).toBe('Жирный и обычный');
    expect(row1[5]).toBe('сайт');
    expect(row1[6]).toBe(85);
    expect(row1[7]).toBe('#N/A');
    expect(row1[8]).toBe(''); // a formula without a cached result
    expect(row1[9]).toBe('#REF!');
    // The blank row 2 and the tail of short rows are '' in a rectangular range.
    expect(row2).toEqual(new Array(10).fill(''));
    expect(row3[0]).toBe('слитая');
    expect(row3[1]).toBe(''); // covered cell of a merge
    expect(wb.cellDate(row3[2] as Date)).toMatchObject({ year: 2026, month: 1, day: 2 });
    expect(row3[3]).toBe('=SUM(A1)');
    expect(values!.every((r) => r.length === 10)).toBe(true);
    expect(wb.readSheet('Нет такого')).toBeNull();
  });

  it('reads notes in the shape of the values', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await writeFixture(file, (book) => {
      const ws = book.addWorksheet('Лист');
      ws.getCell('A1').value = 'a';
      ws.getCell('B2').value = 'b';
      ws.getCell('B2').note = 'заметка';
    });
    const wb = await XlsxWorkbook.open(file);
    expect(wb.readNotes('Лист')).toEqual([
      ['', ''],
      ['', 'заметка'],
    ]);
    wb.setNotes('Лист', [{ row: 1, col: 1, note: 'новая' }, { row: 2, col: 2, note: '' }]);
    expect(wb.readNotes('Лист')).toEqual([
      ['новая', ''],
      ['', ''],
    ]);
    // Notes stay in memory: nothing is written beside the workbook.
    expect(fs.existsSync(`${file}.partnerstvo.jsonl`)).toBe(false);
  });

  it('converts dates both ways in the UTC convention of exceljs', () => {
    const wb = XlsxWorkbook.blank();
    const local = { year: 2026, month: 3, day: 8, hour: 15, minute: 30, second: 5 };
    const date = wb.toCellDate(local);
    expect(date.toISOString()).toBe('2026-03-08T15:30:05.000Z');
    expect(wb.cellDate(date)).toEqual(local);
  });
});

describe('files that cannot be used', () => {
  it('gives a Russian usage error for a missing file, a directory, a non-zip and a broken zip', async () => {
    const notZip = path.join(dir, 'table.xlsx');
    fs.writeFileSync(notZip, 'Организация;Категория\n');
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]));
    const cases: [string, string, RegExp][] = [
      [path.join(dir, 'none.xlsx'), 'missing', /Файл не найден/],
      [dir, 'isDirectory', /это папка/],
      [notZip, 'notXlsx', /не таблица Excel/],
      [broken, 'damaged', /повреждён/],
    ];
    for (const [file, problem, text] of cases) {
      const error = await XlsxWorkbook.open(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as WorkbookFileError).problem).toBe(problem);
      expect((error as WorkbookFileError).exitCode).toBe(2);
      expect((error as Error).message).toMatch(text);
    }
  });
});

describe('init: a new workbook from setup', () => {
  async function initFile(file: string): Promise<void> {
    const scratch = XlsxWorkbook.blank();
    runSetup(scratch);
    await scratch.saveMerged(file);
  }

  it('creates the five sheets with headers, layout and validation that read back', async () => {
    const file = path.join(dir, 'new.xlsx');
    const { steps } = runSetup(XlsxWorkbook.blank());
    const wb = await XlsxWorkbook.create(file, steps);
    expect(wb.sheetNames()).toEqual(SHEET_SPECS.map((s) => s.name));
    for (const spec of SHEET_SPECS) expect(wb.readSheet(spec.name)![0]).toEqual(spec.columns.map((c) => c.header));
    expect(wb.readSheet('Настройки')!.length).toBeGreaterThan(10);

    const book = await readBack(file);
    // The option lists that cannot be inline live in a hidden sheet, last in tab order.
    expect(book.worksheets.map((w) => w.name)).toEqual([...SHEET_SPECS.map((s) => s.name), LISTS_SHEET]);
    expect(book.getWorksheet(LISTS_SHEET)!.state).toBe('hidden');
    const partners = book.getWorksheet('Партнёры')!;
    expect(partners.getCell('B1').value).toBe('Организация');
    expect(partners.getCell('B1').font?.bold).toBe(true);
    expect(partners.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(partners.getColumn(2).width).toBeCloseTo(260 / 7, 1);
    expect(partners.getCell('D1').note).toBeTruthy();
    const category = partners.getCell('C2').dataValidation;
    expect(category.type).toBe('list');
    expect(String(category.formulae[0])).toContain(LISTS_SHEET);
    expect(partners.getCell('K500').dataValidation).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    const events = book.getWorksheet('Мероприятия')!;
    expect(events.getCell('C2').dataValidation.type).toBe('date');
    expect(events.getCell('K2').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(events.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"запланировано,проведено,отменено"'] });
    expect(events.getColumn(3).numFmt).toBe('dd.mm.yyyy');
    // The lists sheet holds the categories, comma inside one of them included.
    const lists = book.getWorksheet(LISTS_SHEET)!;
    expect(lists.getColumn(1).values).toContain('Учреждения образования, науки и культуры');
  });

  it('refuses to overwrite an existing file', async () => {
    const file = path.join(dir, 'exists.xlsx');
    await initFile(file);
    const before = hash(file);
    const error = await initFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).problem).toBe('exists');
    expect(hash(file)).toBe(before);
    const again = await XlsxWorkbook.create(file, runSetup(XlsxWorkbook.blank()).steps).catch((e: unknown) => e);
    expect((again as WorkbookFileError).problem).toBe('exists');
    expect(hash(file)).toBe(before);
  });

  it('is a file LibreOffice Calc opens (when Calc is installed)', async () => {
    const calc = libreOfficeCalc();
    if (!calc) {
      console.log('LibreOffice Calc is not installed here: the LibreOffice conversion test was NOT run.');
      return;
    }
    const file = path.join(dir, 'lo.xlsx');
    await initFile(file);
    const out = path.join(dir, 'out');
    execFileSync(
      calc,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, file],
      { stdio: 'pipe', timeout: 120000 },
    );
    const csv = fs.readFileSync(path.join(out, 'lo.csv'), 'utf8');
    expect(csv).toContain('Организация');
  });
});

/** `soffice` when it is installed together with Calc (a Writer-only install cannot open .xlsx). */
function libreOfficeCalc(): string | null {
  for (const candidate of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice']) {
    if (!fs.existsSync(candidate)) continue;
    const program = path.dirname(fs.realpathSync(candidate));
    if (fs.existsSync(path.join(program, 'libsclo.so')) || fs.existsSync(path.join(program, 'sclo.dll'))) return candidate;
  }
  return null;
}

describe('export: a new merged file', () => {
  it('writes the program changes into a new file and keeps formulas and other sheets', async () => {
    const file = path.join(dir, 'user.xlsx');
    await writeFixture(file, (book) => {
      const ws = book.addWorksheet('Вклад');
      ws.addRow(['Мероприятие', 'Партнёр', 'Сумма, руб.', 'Благодарность']);
      ws.addRow(['М-001', 'П-001', 5000, null]);
      ws.getCell('C3').value = { formula: 'C2*2', result: 10000 };
      const notes = book.addWorksheet('Мои заметки');
      notes.getCell('A1').value = 'не трогать';
      notes.getCell('A1').font = { italic: true };
    });
    const before = hash(file);
    const wb = await XlsxWorkbook.open(file);
    wb.writeCells('Вклад', [{ row: 2, col: 4, value: wb.toCellDate({ year: 2026, month: 5, day: 9, hour: 0, minute: 0, second: 0 }) }]);
    expect(wb.pendingCount()).toBe(1);
    const out = path.join(dir, 'merged.xlsx');
    await wb.saveMerged(out);
    expect(hash(file)).toBe(before);

    const book = await readBack(out);
    const ws = book.getWorksheet('Вклад')!;
    expect(ws.getCell('D2').value).toEqual(new Date(Date.UTC(2026, 4, 9)));
    expect(ws.getCell('D2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('C3').value).toMatchObject({ formula: 'C2*2' });
    expect(book.getWorksheet('Мои заметки')!.getCell('A1').font?.italic).toBe(true);

    // Never the workbook itself or its sidecar, and not an existing file without overwrite.
    for (const target of [file, `${file}.partnerstvo.jsonl`, out]) {
      const error = await wb.saveMerged(target).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookFileError);
    }
    expect(hash(file)).toBe(before);
    await wb.saveMerged(out, { overwrite: true });
    await expect(wb.saveMerged(file, { overwrite: true })).rejects.toThrow(/исходный файл/);
    expect(hash(file)).toBe(before);
  });
});

describe('scripts/build-sample.ts', () => {
  it('builds the layout of init with the JSON rows, real date cells, and the same bytes each time', async () => {
    // Imported here: the script is a module with a guarded entry point.
    const { buildSample } = await import('../../scripts/build-sample');
    const json = path.join(dir, 'sample.json');
    fs.writeFileSync(
      json,
      JSON.stringify({
        sheets: {
          Мероприятия: {
            header: ['ID', 'Название', 'Дата', 'Своя колонка'],
            rows: [['М-001', 'День матери', '2026-11-27', 'заметка']],
          },
          Вклад: {
            header: ['Мероприятие', 'Партнёр', 'Ресурс', 'Сумма, руб.', 'Благодарность'],
            rows: [['М-001', 'П-001', 'финансовый', 5000, '2026-12-01']],
          },
        },
      }),
    );
    const first = path.join(dir, 'one.xlsx');
    const second = path.join(dir, 'two.xlsx');
    await buildSample(json, first);
    await buildSample(json, second);
    expect(hash(first)).toBe(hash(second));

    const wb = await XlsxWorkbook.open(first);
    expect(wb.sheetNames()).toEqual(SHEET_SPECS.map((s) => s.name));
    const events = wb.readSheet('Мероприятия')!;
    expect(events[0]).toEqual(['ID', 'Название', 'Дата', 'Своя колонка']);
    expect(events[1][2]).toEqual(new Date(Date.UTC(2026, 10, 27)));
    expect(wb.readSheet('Вклад')![1]).toEqual(['М-001', 'П-001', 'финансовый', 5000, new Date(Date.UTC(2026, 11, 1))]);
    // Sheets the JSON does not have come from setup (settings with defaults).
    expect(wb.readSheet('Настройки')!.length).toBeGreaterThan(10);

    const book = await readBack(first);
    const ws = book.getWorksheet('Мероприятия')!;
    expect(ws.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.getCell('C3').dataValidation.type).toBe('date');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
