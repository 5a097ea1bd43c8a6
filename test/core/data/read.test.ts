/**
 * Reading the workbook: columns by header text in any order and below a title row, staff columns and
 * blank rows ignored, a problem with its cell address for every bad cell, IDs (duplicates, blanks
 * planned), contribution references, formula errors, missing sheets and columns, and faults of the
 * workbook port while reading.
 */
import { readWorkbook, sheetProblems } from '../../../src/core/data/read';
import { workbookData } from '../../../src/core/data/snapshot';
import { startJob } from '../../../src/core/jobs';
import { makeReport } from '../../../src/core/report/job';
import { dataMsg } from '../../../src/messages/data';
import type { Cell } from '../../../src/ports';
import { Killed, MemoryLock, memoryRuntime, partnersWorkbook, World } from '../../helpers/memory-runtime';
import { d, MemoryWorkbook } from '../../helpers/memory-workbook';

const at = (data: ReturnType<typeof readWorkbook>, address: string) => data.problems.filter((p) => p.address === address).map((p) => p.message);
const addresses = (data: ReturnType<typeof readWorkbook>) => data.problems.map((p) => p.address);

/** Sets a cell of the sheet by its header (1-based data row as in the sheet). */
function put(wb: MemoryWorkbook, sheet: string, row: number, column: string, value: Cell): void {
  const rows = wb.sheets.get(sheet)!;
  const col = rows[0].indexOf(column);
  if (col < 0) throw new Error(`no column ${column}`);
  while (rows.length < row) rows.push([]);
  rows[row - 1][col] = value;
}

afterEach(() => {
  MemoryLock.held = false;
});

describe('columns and rows', () => {
  function titled(): MemoryWorkbook {
    const wb = partnersWorkbook(0);
    wb.sheets.set('Партнёры', [
      ['Социальные партнёры ДЮЦ «Ровесник»', '', 'обновлено 01.09'],
      [],
      ['Моя пометка', 'e-mail', 'Организация:', 'ID', ' категория ', 'Контактное лицо', 'Спонсор', 'Приглашать', 'Телефон'],
      ['важный', 'a@example.org', 'ООО «А»', 'П-001', 'Семья', 'Иванов  Иван Иванович', 'да', '', '123'],
      ['только моя заметка', '', '', '', '', '', '', '', ''],
      ['', '   ', '', '', '', '', '', '', ''],
      ['', 'bad@', 'ООО «Б»', 'П-002', 'предприятия и ПРЕДПРИНИМАТЕЛИ', '', 'может быть', 'нет', ''],
    ]);
    return wb;
  }

  it('finds columns by header text in any order, below a title row, with aliases, case and spaces ignored', () => {
    const data = readWorkbook(titled());
    expect(data.headerRows['Партнёры']).toBe(3);
    expect(data.columns['Партнёры']).toEqual({ Email: 2, Организация: 3, ID: 4, Категория: 5, 'Контактное лицо': 6, Спонсор: 7, Приглашать: 8, Телефон: 9 });
    expect(data.partners.map((p) => [p.row, p.id, p.organisation, p.category, p.contact, p.emails, p.sponsor, p.invite, p.phone])).toEqual([
      [4, 'П-001', 'ООО «А»', 'Семья', 'Иванов Иван Иванович', ['a@example.org'], true, true, '123'],
      [7, 'П-002', 'ООО «Б»', 'Предприятия и предприниматели', '', [], false, false, ''],
    ]);
    // Columns this sheet lacks read as blank.
    expect(data.partners[0]).toMatchObject({ gender: null, position: '', dativeOverride: '', address: '', note: '' });
  });

  it('ignores staff columns and skips blank rows, keeping the real row numbers in the addresses', () => {
    const data = readWorkbook(titled());
    // Row 5 has only the staff's note, row 6 only spaces: neither is a partner nor a problem.
    expect(data.partners.map((p) => p.row)).toEqual([4, 7]);
    expect(addresses(data)).toEqual(['Партнёры!B7', 'Партнёры!G7']);
    expect(at(data, 'Партнёры!B7')).toEqual([dataMsg.badEmail('bad@')]);
    expect(data.partners[1].badEmails).toEqual(['bad@']);
  });

  it('reads a sheet whose header is the only row, and a sheet with nothing in it, as empty', () => {
    const wb = partnersWorkbook(0);
    expect(readWorkbook(wb).partners).toEqual([]);
    expect(readWorkbook(wb).problems).toEqual([]);
    wb.sheets.set('Вклад', []);
    const data = readWorkbook(wb);
    expect(data.contributions).toEqual([]);
    expect(sheetProblems(data, ['Вклад'])).not.toBe('');
  });
});

describe('bad cells', () => {
  it('each bad cell is a problem at its address; a row stays when only optional cells are bad', () => {
    const wb = partnersWorkbook(4);
    put(wb, 'Партнёры', 3, 'Email', 'ivan@example'); // H3
    put(wb, 'Партнёры', 2, 'Пол', 'Муж'); // E2
    put(wb, 'Партнёры', 4, 'Спонсор', 'наверное'); // K4
    put(wb, 'Партнёры', 5, 'Категория', 'Инопланетяне'); // C5: required, the row is left out
    const data = readWorkbook(wb);
    expect(addresses(data)).toEqual(['Партнёры!E2', 'Партнёры!H3', 'Партнёры!K4', 'Партнёры!C5']);
    expect(at(data, 'Партнёры!H3')).toEqual([dataMsg.badEmail('ivan@example')]);
    expect(data.problems.every((p) => p.severity === 'error' && p.sheet === 'Партнёры')).toBe(true);
    expect(data.problems.map((p) => [p.row, p.col])).toEqual([
      [2, 5],
      [3, 8],
      [4, 11],
      [5, 3],
    ]);
    expect(data.partners.map((p) => p.id)).toEqual(['П-001', 'П-002', 'П-003']);
    expect(data.partners[0].gender).toBeNull();
    expect(data.partners[1].emails).toEqual([]);
    expect(data.partners[2].sponsor).toBe(false);
  });

  it('events: dates, times, numbers, statuses and categories; text dates and serial numbers are dates', () => {
    const wb = partnersWorkbook(1);
    const e = wb.sheets.get('Мероприятия')!;
    e.push(
      ['М-002', 'Новый год', '27.12.2026', '11:00', '', '', '', '', 'Семья; Марсиане', 'проведено', '120', ''],
      ['М-003', 'Весна', 46100, '', '', '', '', '', 'все', '', '', ''], // 46100: the serial day number of 19.03.2026
      ['М-004', 'Лето', '31.02.2026', '', '', '', '', '', '', '', '', ''],
      ['М-005', 'Осень', d('2026-09-01'), '25:99', '', '', '', '', '', 'когда-нибудь', 'много', ''],
    );
    const data = readWorkbook(wb);
    expect(addresses(data)).toEqual(['Мероприятия!I3', 'Мероприятия!C5', 'Мероприятия!D6', 'Мероприятия!J6', 'Мероприятия!K6']);
    expect(data.events.map((ev) => [ev.id, ev.date, ev.time, ev.status, ev.reach, ev.inviteCategories])).toEqual([
      ['М-001', { year: 2026, month: 11, day: 28 }, '15:00', 'запланировано', null, null],
      ['М-002', { year: 2026, month: 12, day: 27 }, '11:00', 'проведено', 120, ['Семья']],
      ['М-003', { year: 2026, month: 3, day: 19 }, '', 'запланировано', null, null],
      ['М-005', { year: 2026, month: 9, day: 1 }, '', 'запланировано', null, null],
    ]);
  });

  it('contributions: unknown resource leaves the row out, unknown role and bad amounts or dates do not', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Вклад')!.push(
      ['М-001', 'П-001', 'меценат', 'финансовый', 'подарки', 'пять тысяч', 'вчера'],
      ['М-001', 'П-002', 'спонсор', 'волшебный', '', -5, ''],
      ['М-001', 'П-002', 'спонсор', 'кадровый', '', '5 000,50', d('2026-11-30')],
    );
    const data = readWorkbook(wb);
    expect(addresses(data)).toEqual(['Вклад!C2', 'Вклад!F2', 'Вклад!G2', 'Вклад!D3', 'Вклад!F3']);
    expect(data.contributions.map((c) => [c.row, c.partnerId, c.role, c.resource, c.amount, c.thanked])).toEqual([
      [2, 'П-001', null, 'финансовый', null, null],
      [4, 'П-002', 'спонсор', 'кадровый', 5000.5, { year: 2026, month: 11, day: 30 }],
    ]);
  });

  it('formula errors like #N/A: a problem at the cell; a required one leaves the row out, an optional one reads as blank', () => {
    const wb = partnersWorkbook(3);
    put(wb, 'Партнёры', 2, 'Организация', '#N/A');
    put(wb, 'Партнёры', 3, 'Телефон', '#REF!');
    put(wb, 'Партнёры', 4, 'Email', ' #VALUE! ');
    put(wb, 'Мероприятия', 2, 'Дата', '#DIV/0!');
    wb.sheets.get('Настройки')!.push(['Краткое название', '#NAME?']);
    const data = readWorkbook(wb);
    expect(at(data, 'Партнёры!B2')).toContain(dataMsg.formulaError('#N/A'));
    expect(at(data, 'Партнёры!I3')).toEqual([dataMsg.formulaError('#REF!')]);
    expect(at(data, 'Партнёры!H4')).toEqual([dataMsg.formulaError('#VALUE!')]);
    expect(at(data, 'Мероприятия!C2')).toContain(dataMsg.formulaError('#DIV/0!'));
    expect(at(data, 'Настройки!B10')).toEqual([dataMsg.formulaError('#NAME?')]);
    expect(data.partners.map((p) => [p.id, p.phone, p.emails])).toEqual([
      ['П-002', '', ['p2@example.org']],
      ['П-003', '', []],
    ]);
    expect(data.events).toEqual([]);
    expect(data.settings.centreShort).toBe('ДЮЦ «Ровесник»'); // the default, not «#NAME?»
  });
});

describe('the counter of outgoing numbers', () => {
  it('a counter that is not a number is a warning at its cell, and numbers go on after the journal’s highest', () => {
    const wb = partnersWorkbook(1);
    const settings = wb.sheets.get('Настройки')!;
    const row = settings.findIndex((r) => r[0] === 'Исходящий номер: следующий');
    settings[row][1] = 'пятьдесят семь';
    const journal = wb.sheets.get('Журнал')!;
    journal.push([new Date(), 'приглашение', 'invite|М-001|П-009', 'М-001', 'П-009', '', 'отправлено', 'mem://1', '', '01-12/80']);
    const data = readWorkbook(wb);
    expect(data.problems).toEqual([expect.objectContaining({ address: `Настройки!B${row + 1}`, severity: 'warning', message: dataMsg.badNumberNext('пятьдесят семь') })]);
    expect(data.journal[0].number).toBe('01-12/80');
    expect(data.settingRows?.numberNext).toBe(row + 1);
  });
});

describe('IDs', () => {
  it('a repeated ID (in any case) is a problem at the later row, which is left out', () => {
    const wb = partnersWorkbook(3);
    put(wb, 'Партнёры', 4, 'ID', 'п-001');
    wb.sheets.get('Мероприятия')!.push(['М-001', 'Второй', d('2026-12-01'), '', '', '', '', '', '', '', '', '']);
    const data = readWorkbook(wb);
    expect(at(data, 'Партнёры!A4')).toEqual([dataMsg.duplicateId('п-001', 2)]);
    expect(at(data, 'Мероприятия!A3')).toEqual([dataMsg.duplicateId('М-001', 2)]);
    expect(data.partners.map((p) => p.row)).toEqual([2, 3]);
    expect(data.events.map((e) => e.title)).toEqual(['День матери']);
  });

  it('blank IDs are planned as the next numbers after the largest in use, and used at once', () => {
    const wb = partnersWorkbook(5);
    put(wb, 'Партнёры', 2, 'ID', 'П-007');
    put(wb, 'Партнёры', 3, 'ID', '');
    put(wb, 'Партнёры', 4, 'ID', 'Х-099');
    put(wb, 'Партнёры', 5, 'ID', '');
    put(wb, 'Партнёры', 6, 'ID', 'п-10');
    wb.sheets.get('Мероприятия')!.push(['', 'Новый год', d('2026-12-27'), '', '', '', '', '', '', '', '', '']);
    const data = readWorkbook(wb);
    expect(data.assignedIds).toEqual([
      { sheet: 'Партнёры', row: 3, col: 1, id: 'П-011' },
      { sheet: 'Партнёры', row: 5, col: 1, id: 'П-012' },
      { sheet: 'Мероприятия', row: 3, col: 1, id: 'М-002' },
    ]);
    expect(data.partners.map((p) => p.id)).toEqual(['П-007', 'П-011', 'Х-099', 'П-012', 'п-10']);
    expect(data.events.map((e) => e.id)).toEqual(['М-001', 'М-002']);
    expect(data.problems).toEqual([]);
    // Nothing is written by reading.
    expect(wb.sheets.get('Партнёры')![2][0]).toBe('');
    expect(wb.calls.every((c) => c.startsWith('read:'))).toBe(true);
  });

  it('with a reordered sheet the planned ID goes into the ID column where it is', () => {
    const wb = partnersWorkbook(0);
    wb.sheets.set('Партнёры', [
      ['Организация', 'Категория', 'Email', 'ID'],
      ['ООО «А»', 'Семья', '', ''],
    ]);
    expect(readWorkbook(wb).assignedIds).toEqual([{ sheet: 'Партнёры', row: 2, col: 4, id: 'П-001' }]);
  });
});

describe('contribution references', () => {
  function refs(rows: Cell[][], extraPartners: Cell[][] = []): ReturnType<typeof readWorkbook> {
    const wb = partnersWorkbook(3);
    wb.sheets.get('Партнёры')!.push(...extraPartners);
    wb.sheets.get('Мероприятия')!.push(
      ['М-002', 'Новый год', d('2025-12-27'), '', '', '', '', '', '', 'проведено', '', ''],
      ['М-003', 'Новый год', d('2026-12-27'), '', '', '', '', '', '', '', '', ''],
    );
    wb.sheets.get('Вклад')!.push(...rows);
    return readWorkbook(wb);
  }

  it('by ID in any case, or by the exact name (case and spaces aside, quotes around a title too)', () => {
    const data = refs([
      ['м-001', 'п-002', '', 'кадровый', '', '', ''],
      ['День  матери', 'ооо «партнёр 3»', '', 'кадровый', '', '', ''],
      ['«День матери»', 'ООО «Партнёр 1»', '', 'кадровый', '', '', ''],
    ]);
    expect(data.problems).toEqual([]);
    expect(data.contributions.map((c) => [c.eventId, c.partnerId])).toEqual([
      ['М-001', 'П-002'],
      ['М-001', 'П-003'],
      ['М-001', 'П-001'],
    ]);
  });

  it('an ambiguous or unknown name is a problem naming the candidates, and the row is left out', () => {
    const data = refs(
      [
        ['Новый год', 'П-001', '', 'кадровый', '', '', ''],
        ['М-001', 'ООО «Двойник»', '', 'кадровый', '', '', ''],
        ['М-404', 'П-001', '', 'кадровый', '', '', ''],
        ['М-001', 'Никто', '', 'кадровый', '', '', ''],
        ['М-002', 'П-001', '', 'кадровый', '', '', ''],
      ],
      [
        ['П-004', 'ООО «Двойник»', 'Семья', '', '', '', '', '', '', '', '', '', ''],
        ['П-005', 'ООО «Двойник»', 'Семья', '', '', '', '', '', '', '', '', '', ''],
      ],
    );
    expect(at(data, 'Вклад!A2')).toEqual([dataMsg.ambiguousEvent('Новый год', ['М-002', 'М-003'])]);
    expect(at(data, 'Вклад!B3')).toEqual([dataMsg.ambiguousPartner('ООО «Двойник»', ['П-004', 'П-005'])]);
    expect(at(data, 'Вклад!A4')).toEqual([dataMsg.unknownEvent('М-404')]);
    expect(at(data, 'Вклад!B5')).toEqual([dataMsg.unknownPartner('Никто')]);
    expect(data.contributions.map((c) => c.row)).toEqual([6]);
  });

  it('a reference to a partner whose row was left out is not a contribution of someone else', () => {
    const data = refs([['М-001', 'П-003', '', 'кадровый', '', '', '']]);
    expect(data.contributions).toHaveLength(1);
    const wb = partnersWorkbook(3);
    put(wb, 'Партнёры', 4, 'Категория', '');
    wb.sheets.get('Вклад')!.push(['М-001', 'П-003', '', 'кадровый', '', '', '']);
    const broken = readWorkbook(wb);
    expect(broken.contributions).toEqual([]);
    expect(at(broken, 'Вклад!B2')).toEqual([dataMsg.unknownPartner('П-003')]);
  });
});

describe('missing sheets and columns', () => {
  it.each(['Партнёры', 'Мероприятия', 'Вклад', 'Журнал', 'Настройки'])('a missing «%s» is a problem of the sheet itself', (sheet) => {
    const wb = partnersWorkbook(1);
    wb.sheets.delete(sheet);
    const data = readWorkbook(wb);
    expect(data.problems).toEqual([{ sheet, row: 0, col: 0, address: sheet, message: dataMsg.missingSheet(sheet), severity: 'error' }]);
    expect(sheetProblems(data, [sheet])).toBe(dataMsg.missingSheet(sheet));
    expect(sheetProblems(data, ['Партнёры', 'Мероприятия', 'Вклад', 'Журнал', 'Настройки'].filter((s) => s !== sheet))).toBe('');
    expect(data.columns[sheet]).toBeUndefined();
  });

  const REQUIRED: [string, string][] = [
    ['Партнёры', 'ID'],
    ['Партнёры', 'Организация'],
    ['Партнёры', 'Категория'],
    ['Партнёры', 'Email'],
    ['Мероприятия', 'ID'],
    ['Мероприятия', 'Название'],
    ['Мероприятия', 'Дата'],
    ['Вклад', 'Мероприятие'],
    ['Вклад', 'Партнёр'],
    ['Вклад', 'Ресурс'],
    ['Настройки', 'Параметр'],
    ['Настройки', 'Значение'],
  ];

  it.each(REQUIRED)('«%s» without «%s»: a problem of the sheet, and no rows read from it', (sheet, column) => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Вклад')!.push(['М-001', 'П-001', '', 'кадровый', '', '', '']);
    const rows = wb.sheets.get(sheet)!;
    rows[0] = rows[0].map((h) => (h === column ? 'Своё' : h));
    const data = readWorkbook(wb);
    expect(sheetProblems(data, [sheet])).toBe(dataMsg.missingColumn(sheet, column));
    const table = { Партнёры: data.partners, Мероприятия: data.events, Вклад: data.contributions, Настройки: [] as unknown[] }[sheet] ?? [];
    expect(table).toEqual([]);
  });

  it('optional columns may be missing without any problem', () => {
    const wb = partnersWorkbook(2);
    const keep = ['ID', 'Организация', 'Категория', 'Email'];
    const rows = wb.sheets.get('Партнёры')!;
    const cols = rows[0].map((h, i) => (keep.includes(String(h)) ? i : -1)).filter((i) => i >= 0);
    wb.sheets.set('Партнёры', rows.map((r) => cols.map((i) => r[i])));
    const data = readWorkbook(wb);
    expect(data.problems).toEqual([]);
    expect(data.partners.map((p) => [p.id, p.invite, p.sponsor])).toEqual([
      ['П-001', true, false],
      ['П-002', true, false],
    ]);
  });

  it('so that jobs refuse instead of reporting success over nothing', () => {
    const noPartners = partnersWorkbook(2);
    noPartners.sheets.get('Партнёры')![0][7] = 'Почта для писем';
    const t = memoryRuntime(noPartners);
    const invite = startJob(t.rt, { job: 'invite', eventId: 'М-001', resend: [] }, { softDeadlineMs: 270_000, startMs: t.world.nowMs });
    expect(invite.outcome).toBe('refused');
    expect(invite.message).toBe(dataMsg.missingColumn('Партнёры', 'Email'));
    expect(t.mail.outbox).toEqual([]);
    expect(t.workbook.calls.filter((c) => !c.startsWith('read:'))).toEqual([]);

    const noContributions = partnersWorkbook(2);
    noContributions.sheets.delete('Вклад');
    const u = memoryRuntime(noContributions);
    expect(startJob(u.rt, { job: 'thanks', year: '2026/2027' }, { softDeadlineMs: 270_000, startMs: u.world.nowMs }).outcome).toBe('refused');
    expect(makeReport(u.rt, '2026/2027')).toMatchObject({ ok: false, badRequest: false, message: dataMsg.missingSheet('Вклад') });
    expect(u.documents.made).toEqual([]);
  });
});

describe('faults while reading', () => {
  it('a failure at any read call of the workbook throws; it never returns part of the data', () => {
    const clean = readWorkbook(partnersWorkbook(3));
    for (let k = 1; k <= 5; k++) {
      const wb = partnersWorkbook(3);
      wb.failAt = k;
      expect(() => readWorkbook(wb)).toThrow(`fail at call ${k}`);
      wb.failAt = null;
      expect(readWorkbook(wb)).toEqual(clean);
    }
  });

  it('a failure or a kill at any port call of a parse (date cells included) throws, and the next parse is whole', () => {
    const probe = memoryRuntime(partnersWorkbook(3));
    const clean = readWorkbook(probe.rt.workbook);
    const total = probe.world.calls;
    expect(probe.world.log.filter((c) => c === 'workbook.readSheet')).toHaveLength(5);
    expect(total).toBeGreaterThan(5); // the date cells are read through the port too
    for (const mode of ['fail', 'kill'] as const) {
      for (let k = 1; k <= total; k++) {
        const world = new World();
        if (mode === 'fail') world.failAt = k;
        else world.killAt = k;
        const t = memoryRuntime(partnersWorkbook(3), world);
        let thrown: unknown = null;
        try {
          workbookData(t.rt.workbook);
        } catch (e) {
          thrown = e;
        }
        const label = `${mode} at ${k} (${world.log[k - 1]})`;
        expect([label, mode === 'fail' ? thrown instanceof Error : thrown instanceof Killed]).toEqual([label, true]);
        // Nothing half-read is kept for the next caller.
        world.dead = false;
        world.failAt = null;
        world.killAt = null;
        expect([label, workbookData(t.rt.workbook)]).toEqual([label, clean]);
      }
    }
  });
});
