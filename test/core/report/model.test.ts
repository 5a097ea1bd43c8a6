import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, Cell, DocModel } from '../../../src/ports';
import { composeConclusion, type ConclusionInput, type ResourceFigures } from '../../../src/core/report/conclusion';
import { readWorkbook } from '../../../src/core/data/read';
import type { WorkbookData } from '../../../src/core/data/records';
import { buildReport, computeReportStats } from '../../../src/core/report/model';
import { countWith, formatMoney, formatNumber, NB_HYPHEN, NBSP, typeset } from '../../../src/core/russian';
import { CATEGORIES, COL, RESOURCES, SHEET, SHEET_SPECS, type Category, type Resource } from '../../../src/core/data/schema';
import { academicYear, parseAcademicYear } from '../../../src/core/data/academic-year';
import { d, MemoryWorkbook } from '../../helpers/memory-workbook';
import { memoryRuntime } from '../../helpers/memory-runtime';
import { defaultYear, defaultYearLabel, makeReport, yearsWithData } from '../../../src/core/report/job';
import { reportMsg } from '../../../src/messages/report';

type JsonCell = string | number | boolean;
interface JsonSheet {
  header: string[];
  rows: JsonCell[][];
}
const SAMPLE = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'rovesnik.json'), 'utf8')) as { sheets: Record<string, JsonSheet> };

const YEAR = academicYear(2025);
const TODAY = { year: 2026, month: 11, day: 27 };

/** The sample as sheets of cells: date columns (kind `date`) become `Date`s, like a real date cell. */
function sampleSheets(): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (const [name, sheet] of Object.entries(SAMPLE.sheets)) {
    const spec = SHEET_SPECS.find((s) => s.name === name);
    const dateCols = new Set(
      sheet.header.map((h, i) => (spec?.columns.find((c) => c.header === h)?.kind === 'date' ? i : -1)).filter((i) => i >= 0),
    );
    out[name] = [
      [...sheet.header],
      ...sheet.rows.map((row) => row.map((v, i) => (dateCols.has(i) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? d(v) : v))),
    ];
  }
  return out;
}

function loadData(sheets: Record<string, Cell[][]> = sampleSheets()): WorkbookData {
  return readWorkbook(new MemoryWorkbook(sheets));
}

/** A deterministic shuffle (mulberry32) of every sheet's data rows. */
function shuffled(sheets: Record<string, Cell[][]>, seed: number): Record<string, Cell[][]> {
  let s = seed;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    const body = rows.slice(1);
    for (let i = body.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [body[i], body[j]] = [body[j], body[i]];
    }
    out[name] = [rows[0], ...body];
  }
  return out;
}

// ---- Independent figures, straight from the JSON rows ----

type Row = Record<string, JsonCell>;
const rowsOf = (sheet: string): Row[] => {
  const s = SAMPLE.sheets[sheet];
  return s.rows.map((r) => Object.fromEntries(s.header.map((h, i) => [h, r[i]])));
};
const str = (v: JsonCell | undefined): string => (v === undefined ? '' : String(v));

interface Expected {
  active: Set<string>;
  events: Row[];
  contributions: { event: Row; partner: Row; resource: string; amount: number; thanked: boolean }[];
}

function expectedFor(from: string, to: string): Expected {
  const partners = rowsOf(SHEET.partners);
  const events = rowsOf(SHEET.events);
  const find = (rows: Row[], text: string, nameCol: string): Row | undefined =>
    rows.find((r) => str(r[COL.id]).toLowerCase() === text.toLowerCase()) ?? rows.find((r) => str(r[nameCol]) === text);
  const inYear = (e: Row): boolean => str(e[COL.date]) >= from && str(e[COL.date]) <= to && e[COL.status] !== 'отменено';
  const contributions = rowsOf(SHEET.contributions)
    .map((c) => ({
      event: find(events, str(c[COL.event]), COL.title),
      partner: find(partners, str(c[COL.partner]), COL.organisation),
      resource: str(c[COL.resource]),
      amount: typeof c[COL.amount] === 'number' ? (c[COL.amount] as number) : 0,
      thanked: str(c[COL.thanked]) !== '',
    }))
    .filter((c): c is Expected['contributions'][number] => c.event !== undefined && c.partner !== undefined && inYear(c.event));
  const withContributions = new Set(contributions.map((c) => str(c.event[COL.id])));
  return {
    active: new Set(contributions.map((c) => str(c.partner[COL.id]))),
    events: events.filter((e) => inYear(e) && (e[COL.status] === 'проведено' || withContributions.has(str(e[COL.id])))),
    contributions,
  };
}

const NOW = expectedFor('2025-09-01', '2026-08-31');
const BEFORE = expectedFor('2024-09-01', '2025-08-31');
const categoryOf = new Map(rowsOf(SHEET.partners).map((p) => [str(p[COL.id]), str(p[COL.category])]));

// ---- Model helpers ----

const headings = (m: DocModel): string[] => m.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
/** The blocks after the level-2 heading `title` up to the next level-2 heading. */
function section(m: DocModel, title: string): Block[] {
  const start = m.blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const rest = m.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'heading' && b.level === 2);
  return end < 0 ? rest : rest.slice(0, end);
}
function tables(blocks: Block[]): { header: string[]; rows: string[][] }[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [{ header: b.header, rows: b.rows }] : []));
}
const paragraphs = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

const SECTIONS = ['Ключевые показатели', 'Партнёры по категориям', 'Совместные мероприятия по месяцам', 'Ресурсы по видам', 'ВЫВОД'];

describe('annual report on the sample workbook', () => {
  const data = loadData();
  const stats = computeReportStats(data, YEAR);
  const model = buildReport(data, YEAR, TODAY);

  it('reads the sample without problems', () => {
    expect(data.problems).toEqual([]);
  });

  it('has the title, the intro and every section', () => {
    expect(model.title).toBe('Анализ работы с социальными партнёрами за 2025/2026 учебный год');
    // The sample's «Настройки» ask for the «УТВЕРЖДАЮ» block: the title follows it.
    expect(model.blocks[1]).toEqual({ kind: 'heading', level: 1, text: model.title });
    const intro = paragraphs(model.blocks)[0];
    // After the typographic pass: the name's hyphen does not break, the inner quotes are „лапки“.
    expect(intro).toContain(`«Детско${NB_HYPHEN}юношеский центр „Ровесник“»`);
    expect(intro).toContain(`Отчётный период: с 1${NBSP}сентября 2025${NBSP}г. по 31${NBSP}августа 2026${NBSP}г.`);
    for (const s of SECTIONS) expect(headings(model)).toContain(s);
    // Sentences ending in «г.» or «руб.» get no second full stop.
    for (const text of paragraphs(model.blocks)) expect(text).not.toMatch(/\.\./);
    expect(paragraphs(model.blocks)).not.toContain(expect.stringContaining('не завершён'));
    const midYear = buildReport(data, YEAR, { year: 2026, month: 3, day: 1 });
    expect(paragraphs(midYear.blocks)).toContain(`Учебный год ещё не завершён: данные приведены по состоянию на 1${NBSP}марта 2026${NBSP}г.`);
    // Sections in the promised order.
    expect(SECTIONS.map((s) => headings(model).indexOf(s))).toEqual([...SECTIONS.map((s) => headings(model).indexOf(s))].sort((a, b) => a - b));
  });

  it('key numbers equal figures computed from the JSON rows', () => {
    const amount = NOW.contributions.reduce((s, c) => s + c.amount, 0);
    const reach = NOW.events.reduce((s, e) => s + (typeof e[COL.reach] === 'number' ? (e[COL.reach] as number) : 0), 0);
    const fresh = [...NOW.active].filter((id) => !BEFORE.active.has(id)).length;
    expect(stats.activePartners).toBe(NOW.active.size);
    expect(stats.jointEvents).toBe(NOW.events.length);
    expect(stats.jointEvents).toBe(15); // М-005 … М-019: the seed's calendar
    expect(stats.reach).toBe(reach);
    expect(stats.contributions).toBe(NOW.contributions.length);
    expect(stats.totalAmount).toBeCloseTo(amount, 2);
    expect(stats.newPartners).toBe(fresh);
    expect(stats.lapsedPartners).toBe([...BEFORE.active].filter((id) => !NOW.active.has(id)).length);
    // The sample journal is empty: letters made before the program are the partners with a
    // «Благодарность» date on the year's contributions.
    const thankedBefore = (e: Expected) => new Set(e.contributions.filter((c) => c.thanked).map((c) => str(c.partner[COL.id]))).size;
    expect(stats.thanksLetters).toBe(thankedBefore(NOW));
    expect(stats.previous?.thanksLetters).toBe(thankedBefore(BEFORE));
    expect(thankedBefore(BEFORE)).toBeGreaterThan(0);

    const table = tables(section(model, 'Ключевые показатели'))[0];
    expect(table.header).toEqual(['Показатель', '2025/2026', '2024/2025']);
    const value = (label: string): string => table.rows.find((r) => r[0].startsWith(label))?.[1] ?? 'missing';
    expect(value('Партнёры')).toBe(formatNumber(NOW.active.size));
    expect(value('Из них новые')).toBe(formatNumber(fresh));
    expect(value('Совместные мероприятия')).toBe(formatNumber(NOW.events.length));
    expect(value('Охват')).toBe(formatNumber(reach));
    expect(value('Записи о вкладе')).toBe(formatNumber(NOW.contributions.length));
    expect(value('Общая сумма')).toBe(formatMoney(amount));
    expect(value('Благодарственные')).toBe('0');
    const previousAmount = table.rows.find((r) => r[0].startsWith('Общая сумма'))?.[2];
    expect(previousAmount).toBe(formatMoney(BEFORE.contributions.reduce((s, c) => s + c.amount, 0)));
  });

  it('partners by category: active, new and lapsed per category, zeros listed, and a total', () => {
    const table = tables(section(model, 'Партнёры по категориям'))[0];
    expect(table.rows.map((r) => r[0])).toEqual([...CATEGORIES, 'Итого']);
    const totals = [0, 0, 0, 0];
    for (const category of CATEGORIES) {
      const listed = [...categoryOf.values()].filter((c) => c === category).length;
      const active = [...NOW.active].filter((id) => categoryOf.get(id) === category);
      const fresh = active.filter((id) => !BEFORE.active.has(id)).length;
      const lapsed = [...BEFORE.active].filter((id) => categoryOf.get(id) === category && !NOW.active.has(id)).length;
      const row = table.rows.find((r) => r[0] === category);
      expect(row).toEqual([category, String(listed), String(active.length), String(fresh), String(lapsed)]);
      [listed, active.length, fresh, lapsed].forEach((n, i) => (totals[i] += n));
    }
    expect(table.rows[table.rows.length - 1]).toEqual(['Итого', ...totals.map(String)]);
    expect(totals[1]).toBe(NOW.active.size);
  });

  it('joint events by month, in year order, with partners and reach', () => {
    const blocks = section(model, 'Совместные мероприятия по месяцам');
    const monthHeadings = blocks.flatMap((b) => (b.kind === 'heading' && b.level === 3 ? [b.text] : []));
    expect(monthHeadings).toEqual(['Октябрь 2025', 'Ноябрь 2025', 'Декабрь 2025', 'Февраль 2026', 'Март 2026', 'Май 2026', 'Июнь 2026']);
    const rows = tables(blocks).flatMap((t) => t.rows);
    expect(rows).toHaveLength(NOW.events.length);
    // Date order across months, ties by ID.
    const expectedOrder = [...NOW.events].sort((a, b) => (str(a[COL.date]) + str(a[COL.id]) < str(b[COL.date]) + str(b[COL.id]) ? -1 : 1));
    expect(rows.map((r) => r[1])).toEqual(expectedOrder.map((e) => typeset(str(e[COL.title]))));
    for (const [i, e] of expectedOrder.entries()) {
      const [y, m, day] = str(e[COL.date]).split('-');
      expect(rows[i][0]).toBe(`${day}.${m}.${y}`);
      expect(rows[i][2]).toBe(typeset(str(e[COL.place])));
      expect(rows[i][4]).toBe(formatNumber(e[COL.reach] as number));
      const names = [...new Set(NOW.contributions.filter((c) => c.event === e).map((c) => typeset(str(c.partner[COL.organisation]))))];
      expect(rows[i][3].split(', ').sort()).toEqual(names.sort());
    }
    // Named by exact title in «Вклад»: the partner still shows up under its event.
    const agit = rows.find((r) => r[1] === 'Агитбригада');
    expect(agit?.[3]).toContain(typeset('РДДМ «Движение первых»'));
  });

  it('has a chart of contributions by month over the twelve months', () => {
    const chart = model.blocks.find((b) => b.kind === 'chart');
    if (!chart || chart.kind !== 'chart') throw new Error('no chart');
    expect(chart.chart.labels).toHaveLength(12);
    expect(chart.chart.labels[0]).toBe('сент.');
    expect(chart.chart.labels[11]).toBe('авг.');
    expect(chart.chart.values.reduce((a, b) => a + b, 0)).toBe(NOW.contributions.length);
    const may = NOW.contributions.filter((c) => str(c.event[COL.date]).startsWith('2026-05')).length;
    expect(chart.chart.values[8]).toBe(may);
  });

  it('resources by kind: contributions, distinct partners and amounts', () => {
    const table = tables(section(model, 'Ресурсы по видам'))[0];
    // Capitalised like every other first-column cell («Семья», «Итого»).
    const plural: Record<Resource, string> = {
      кадровый: 'Кадровые',
      финансовый: 'Финансовые',
      'программно-методический': 'Программно-методические',
      временной: 'Временные',
      'материально-технический': 'Материально-технические',
      информационный: 'Информационные',
    };
    expect(table.rows.map((r) => r[0])).toEqual([...RESOURCES.map((r) => plural[r]), 'Итого']);
    for (const resource of RESOURCES) {
      const own = NOW.contributions.filter((c) => c.resource === resource);
      const sum = own.reduce((s, c) => s + c.amount, 0);
      expect(table.rows.find((r) => r[0] === plural[resource])).toEqual([
        plural[resource],
        String(own.length),
        String(new Set(own.map((c) => str(c.partner[COL.id]))).size),
        sum > 0 ? formatMoney(sum) : '—',
      ]);
    }
    expect(table.rows.find((r) => r[0] === 'Финансовые')?.[3]).toBe(`111${NBSP}501${NBSP}руб.`);
  });

  it('composes the ВЫВОД from the numbers, naming the kinds that grew', () => {
    const text = paragraphs(section(model, 'ВЫВОД')).join(' ');
    const grown = RESOURCES.filter((k) => {
      const n = (e: Expected) => e.contributions.filter((c) => c.resource === k);
      const sum = (e: Expected) => n(e).reduce((s, c) => s + c.amount, 0);
      return n(NOW).length > n(BEFORE).length || sum(NOW) > sum(BEFORE);
    });
    expect(grown.length).toBeGreaterThan(0);
    expect(text).toContain('Социальные партнёры активно включены в воспитательный процесс');
    expect(text).toContain('кадрового');
    expect(text).toContain('По сравнению с 2024/2025 учебным годом');
    expect(text).toContain(countWith(NOW.active.size, ['социальный партнёр', 'социальных партнёра', 'социальных партнёров']));
    expect(text).toContain(countWith(NOW.events.length, ['совместном мероприятии', 'совместных мероприятиях', 'совместных мероприятиях']));
    expect(text).toContain(`охват${NBSP}— ${countWith(stats.reach, ['человек', 'человека', 'человек'])}`);
  });

  it('is deterministic: twice the same, and the same with shuffled rows', () => {
    expect(buildReport(loadData(), YEAR, TODAY)).toEqual(model);
    for (const seed of [1, 7, 42]) {
      const other = loadData(shuffled(sampleSheets(), seed));
      expect(other.problems).toEqual([]);
      expect(buildReport(other, YEAR, TODAY)).toEqual(model);
    }
  });
});

describe('annual report edge cases', () => {
  it('a year with no data gives sentences instead of tables, and no crash', () => {
    const year = parseAcademicYear('2030/2031');
    if (!year) throw new Error('year');
    const model = buildReport(loadData(), year, TODAY);
    expect(model.title).toBe('Анализ работы с социальными партнёрами за 2030/2031 учебный год');
    // No data table or chart: only the compiler's line, a table without header.
    expect(model.blocks.some((b) => (b.kind === 'table' && b.header.length > 0) || b.kind === 'chart')).toBe(false);
    for (const s of SECTIONS) {
      const texts = paragraphs(section(model, s));
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.every((t) => t.includes('2030/2031'))).toBe(true);
    }
    expect(paragraphs(section(model, 'ВЫВОД'))[0]).toContain('нельзя');
  });

  it('the report job makes no document for a year without data and names the years that have it', () => {
    const t = memoryRuntime(new MemoryWorkbook(sampleSheets()));
    const none = makeReport(t.rt, '2030/2031');
    expect(none.ok).toBe(false);
    expect(none.link).toBe('');
    expect(none.message).toBe(
      'За 2030/2031 учебный год в таблице нет ни проведённых мероприятий, ни вклада партнёров — отчёт не составлен. ' +
        `Данные есть за ${yearsWithData(loadData(), { day: 1, month: 9 }).map((y) => y.label).join(', ')} учебные годы.`,
    );
    expect(yearsWithData(loadData(), { day: 1, month: 9 }).map((y) => y.label)).toEqual(expect.arrayContaining(['2024/2025', '2025/2026']));
    expect(t.documents.made).toHaveLength(0);
    const made = makeReport(t.rt, '2025/2026');
    expect(made.ok).toBe(true);
    expect(made.link).not.toBe('');
  });

  it('the report job names a missing required column instead of reporting zeros', () => {
    const sheets = sampleSheets();
    const header = sheets[SHEET.events][0];
    header[header.indexOf('Дата')] = 'Когда';
    const t = memoryRuntime(new MemoryWorkbook(sheets));
    const result = makeReport(t.rt, '2025/2026');
    expect(result).toMatchObject({ ok: false, badRequest: false, link: '' });
    expect(result.message).toContain('На листе «Мероприятия» нет обязательного столбца «Дата»');
    expect(makeReport(t.rt, 'прошлый')).toMatchObject({ ok: false, badRequest: true });
  });

  it('an empty workbook (no sheets) still builds a report', () => {
    const data = readWorkbook(new MemoryWorkbook({}));
    const model = buildReport(data, YEAR, TODAY);
    expect(headings(model)).toEqual(expect.arrayContaining(SECTIONS));
  });

  it('a contribution whose event is missing is ignored', () => {
    const base = computeReportStats(loadData(), YEAR);
    // On the sheet: reading reports it and leaves it out.
    const sheets = sampleSheets();
    const header = sheets[SHEET.contributions][0];
    const row: Cell[] = header.map(() => '');
    row[header.indexOf(COL.event)] = 'М-999';
    row[header.indexOf(COL.partner)] = 'П-001';
    row[header.indexOf(COL.resource)] = 'финансовый';
    row[header.indexOf(COL.amount)] = 100000;
    sheets[SHEET.contributions].push(row);
    const fromSheet = loadData(sheets);
    expect(fromSheet.problems.length).toBeGreaterThan(0);
    expect(computeReportStats(fromSheet, YEAR)).toEqual(base);
    // In the records themselves (data from elsewhere): still ignored, no crash.
    const data = loadData();
    data.contributions.push({ row: 99, eventId: 'М-999', partnerId: 'П-001', role: null, resource: 'финансовый', what: '', amount: 100000, thanked: null });
    data.contributions.push({ row: 100, eventId: 'М-005', partnerId: 'П-999', role: null, resource: 'кадровый', what: '', amount: null, thanked: null });
    expect(computeReportStats(data, YEAR)).toEqual(base);
    expect(() => buildReport(data, YEAR, TODAY)).not.toThrow();
  });

  it('a cancelled event is not a joint event and its contributions are left out', () => {
    const base = computeReportStats(loadData(), YEAR);
    const data = loadData();
    const june = data.events.find((e) => e.id === 'М-019');
    if (!june) throw new Error('М-019');
    june.status = 'отменено';
    const stats = computeReportStats(data, YEAR);
    const dropped = data.contributions.filter((c) => c.eventId === 'М-019').length;
    expect(dropped).toBeGreaterThan(0);
    expect(stats.jointEvents).toBe(base.jointEvents - 1);
    expect(stats.contributions).toBe(base.contributions - dropped);
    expect(stats.reach).toBe(base.reach - 120);
  });

  it('a planned event with contributions counts; a planned one without does not', () => {
    const data = loadData();
    const base = computeReportStats(data, YEAR);
    const helped = data.events.find((e) => e.id === 'М-019');
    const plain = data.events.find((e) => e.id === 'М-018');
    if (!helped || !plain) throw new Error('events');
    helped.status = 'запланировано';
    expect(computeReportStats(data, YEAR).jointEvents).toBe(base.jointEvents);
    data.contributions = data.contributions.filter((c) => c.eventId !== 'М-018');
    plain.status = 'запланировано';
    expect(computeReportStats(data, YEAR).jointEvents).toBe(base.jointEvents - 1);
  });

  it('counts thank-you letters for the year and its events once per key', () => {
    const sheets = sampleSheets();
    const j = (time: string, action: string, key: string, status: string): Cell[] => [d(time), action, key, key.split('|')[1], '', '', status, '', ''];
    sheets[SHEET.journal].push(
      j('2025-10-10', 'благодарность', 'thanks|М-005|П-020', 'создано'),
      j('2025-10-11', 'благодарность', 'thanks|М-005|П-020', 'отправлено'), // same key: once
      j('2025-10-11', 'благодарность', 'thanks|2025/2026|П-021', 'отправлено'),
      j('2025-10-12', 'благодарность', 'thanks|М-005|П-012', 'ошибка'), // not made
      j('2025-10-12', 'приглашение', 'invite|М-005|П-012', 'отправлено'), // not a thank-you
      j('2025-08-31', 'благодарность', 'thanks|М-004|П-020', 'создано'), // previous year
    );
    const data = loadData(sheets);
    expect(data.problems).toEqual([]);
    // Only the journal here: the sample's «Благодарность» dates (letters before the program) aside.
    const dated = data.contributions.filter((c) => c.thanked);
    for (const c of data.contributions) c.thanked = null;
    const stats = computeReportStats(data, YEAR);
    expect(stats.thanksLetters).toBe(2);
    expect(stats.previous?.thanksLetters).toBe(1);

    const table = tables(section(buildReport(data, YEAR, TODAY), 'Ключевые показатели'))[0];
    expect(table.rows.find((r) => r[0] === 'Благодарственные письма')).toEqual(['Благодарственные письма', '2', '1']);
    // A dated contribution of a partner with a journal letter for the year is that letter, not another.
    const m005 = data.contributions.find((c) => c.eventId === 'М-005' && c.partnerId !== 'П-020' && c.partnerId !== 'П-021');
    if (!m005) throw new Error('the sample has contributions to М-005');
    m005.thanked = { year: 2025, month: 10, day: 1 };
    data.contributions.push({ ...m005, partnerId: 'П-020' }); // П-020 has a journal letter for М-005
    expect(computeReportStats(data, YEAR).thanksLetters).toBe(3);
    expect(dated.length).toBeGreaterThan(0);
  });

  it('new categories: a category with no active partner last year is named in the ВЫВОД', () => {
    const data = loadData();
    // Move every previous-year contribution of families away: «Семья» becomes new this year.
    const families = new Set(data.partners.filter((p) => p.category === 'Семья').map((p) => p.id));
    const previousEvents = new Set(data.events.filter((e) => e.date.year === 2024 || (e.date.year === 2025 && e.date.month < 9)).map((e) => e.id));
    data.contributions = data.contributions.filter((c) => !(families.has(c.partnerId) && previousEvents.has(c.eventId)));
    const stats = computeReportStats(data, YEAR);
    expect(stats.newCategories).toEqual(['Семья']);
    const text = paragraphs(section(buildReport(data, YEAR, TODAY), 'ВЫВОД')).join(' ');
    expect(text).toContain('из категории «Семья»');
  });

  it('with no previous year the key table has one year column and no lapsed partners', () => {
    const data = loadData();
    data.events = data.events.filter((e) => e.date.year >= 2025 && !(e.date.year === 2025 && e.date.month < 9));
    const stats = computeReportStats(data, YEAR);
    expect(stats.previous).toBeNull();
    expect(stats.newPartners).toBe(stats.activePartners);
    expect(stats.lapsedPartners).toBe(0);
    const model = buildReport(data, YEAR, TODAY);
    expect(tables(section(model, 'Ключевые показатели'))[0].header).toEqual(['Показатель', '2025/2026']);
    // Nobody is called new when there is no year to compare with: the row is gone and a sentence says why.
    expect(tables(section(model, 'Ключевые показатели'))[0].rows.map((r) => r[0])).not.toContain('Из них новые (не участвовали в прошлом учебном году)');
    expect(paragraphs(section(model, 'Ключевые показатели'))).toEqual([
      `За 2024/2025 учебный год данных в таблице нет, поэтому сравнения с прошлым годом нет: новые и выбывшие партнёры не выделяются.`,
    ]);
    const categories = tables(section(model, 'Партнёры по категориям'))[0];
    expect(categories.header).toEqual(['Категория', 'В списке', 'Активные']);
    expect(categories.rows.every((r) => r.length === 3)).toBe(true);
    expect(paragraphs(section(model, 'Партнёры по категориям')).join(' ')).not.toMatch(/новые|выбыли/);
    const text = paragraphs(section(model, 'ВЫВОД')).join(' ');
    expect(text).toContain('кадрового, финансового, программно-методического, временного, материально-технического, информационного.');
    expect(text).not.toContain('по сравнению');
  });
});

describe('annual report: approval, compiler, alignment and the default year', () => {
  const settingsOf = (data: WorkbookData, approval: string): WorkbookData => ({
    ...data,
    settings: { ...data.settings, reportApproval: approval, directorName: 'Римская Нина Андреевна', directorPosition: 'директор', performerName: 'Петрова Анна Сергеевна', performerPhone: '8 (42331) 2-15-67' },
  });
  const layout = (b: Block | undefined) => (b && b.kind === 'table' && b.header.length === 0 ? b : null);

  it('starts with the «УТВЕРЖДАЮ» block when «Настройки» say «да», and not otherwise', () => {
    const withApproval = buildReport(settingsOf(loadData(), 'да'), YEAR, TODAY);
    const block = layout(withApproval.blocks[0]);
    expect(block?.rows[0][0]).toBe('');
    expect(block?.rows[0][1]).toBe(
      ['УТВЕРЖДАЮ', `Директор ДЮЦ «Ровесник»`, `________________ Н.${NBSP}А.${NBSP}Римская`, `«____» ________________ 2026${NBSP}г.`].join('\n'),
    );
    expect(withApproval.blocks[1]).toEqual({ kind: 'heading', level: 1, text: withApproval.title });
    for (const answer of ['нет', '', 'может быть']) {
      expect(buildReport(settingsOf(loadData(), answer), YEAR, TODAY).blocks[0]).toEqual({ kind: 'heading', level: 1, text: withApproval.title });
    }
  });

  it('ends with the compiler’s line: name and phone, a place to sign, the date', () => {
    const model = buildReport(settingsOf(loadData(), 'нет'), YEAR, TODAY);
    const last = layout(model.blocks[model.blocks.length - 1]);
    expect(last?.rows).toEqual([[`Составитель: А.${NBSP}С.${NBSP}Петрова\nтел. 8${NBSP}(42331)${NBSP}2${NB_HYPHEN}15${NB_HYPHEN}67`, '________________\n(подпись)', `27${NBSP}ноября 2026${NBSP}г.`]]);
    const unnamed = buildReport({ ...loadData(), settings: { ...loadData().settings, performerName: '', performerPhone: '' } }, YEAR, TODAY);
    expect(layout(unnamed.blocks[unnamed.blocks.length - 1])?.rows[0][0]).toBe('Составитель: ________________');
  });

  it('aligns the number columns of every data table right', () => {
    const model = buildReport(loadData(), YEAR, TODAY);
    const data = model.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.header.length > 0);
    expect(data.length).toBeGreaterThan(3);
    for (const table of data) {
      expect(table.align).toHaveLength(table.header.length);
      table.header.forEach((_, c) => {
        const numeric = table.rows.every((r) => /^(\d[\d\u00a0]*(,\d+)?(\u00a0руб\.)?|—)$/.test(r[c] ?? ''));
        const date = table.rows.every((r) => /^\d\d\.\d\d\.\d{4}$/.test(r[c] ?? ''));
        if (!date) expect(table.align?.[c]).toBe(numeric ? 'right' : 'left');
      });
    }
  });

  it('the default year is the current one, or the last one with data while the current has none', () => {
    const start = { day: 1, month: 9 };
    const data = loadData();
    expect(yearsWithData(data, start).map((y) => y.label)).toEqual(['2024/2025', '2025/2026', '2026/2027']);
    // Up to the summer of 2026: nothing of 2026/2027 happened yet.
    const before = { ...data, events: data.events.filter((e) => e.date.year < 2026 || (e.date.year === 2026 && e.date.month < 9)) };
    expect(defaultYear(before, { year: 2026, month: 3, day: 1 }, start).label).toBe('2025/2026');
    expect(defaultYear(before, { year: 2026, month: 9, day: 15 }, start).label).toBe('2025/2026');
    expect(defaultYear(before, { year: 2031, month: 1, day: 10 }, start).label).toBe('2025/2026');
    expect(defaultYear(before, { year: 2019, month: 12, day: 1 }, start).label).toBe('2019/2020');
    expect(defaultYear(data, { year: 2026, month: 11, day: 27 }, start).label).toBe('2026/2027');
    // The report job and the prompt without a year take it: the test runtime's clock stands on
    // 27 November 2026, and the sheets hold nothing after August 2026.
    const sheets = sampleSheets();
    const dateCol = sheets[SHEET.events][0].indexOf(COL.date);
    sheets[SHEET.events] = sheets[SHEET.events].filter((row, i) => i === 0 || !(row[dateCol] instanceof Date) || (row[dateCol] as Date).getTime() < Date.UTC(2026, 8, 1));
    const t = memoryRuntime(new MemoryWorkbook(sheets));
    expect(defaultYearLabel(t.rt)).toBe('2025/2026');
    const made = makeReport(t.rt);
    expect(made.ok).toBe(true);
    expect(t.documents.made[0]?.name).toBe(reportMsg.title('2025/2026'));
  });
});

describe('composeConclusion', () => {
  const figures = (values: Partial<Record<Resource, [number, number]>>): ResourceFigures[] =>
    RESOURCES.map((resource) => ({ resource, contributions: values[resource]?.[0] ?? 0, amount: values[resource]?.[1] ?? 0 }));
  const input = (over: Partial<ConclusionInput> = {}): ConclusionInput => ({
    year: { label: '2025/2026' },
    previousYear: { label: '2024/2025' },
    activePartners: 12,
    newPartners: 0,
    jointEvents: 8,
    reach: 640,
    contributions: 20,
    totalAmount: 0,
    resources: figures({ кадровый: [8, 0], финансовый: [4, 30000], временной: [8, 0] }),
    previous: { resources: figures({ кадровый: [8, 0], финансовый: [4, 20000], временной: [5, 0] }) },
    newCategories: [],
    ...over,
  });

  it('names only the kinds that grew (by count or by amount)', () => {
    const text = composeConclusion(input());
    expect(text).toContain('качество ресурсообеспечения: финансового, временного. По сравнению с 2024/2025 учебным годом вклад партнёров по каждому из этих видов ресурсов вырос.');
    expect(text).not.toContain('кадрового');
    expect(text).toContain(`В 2025/2026 учебном году 12${NBSP}социальных партнёров приняли участие в 8${NBSP}совместных мероприятиях (охват${NBSP}— 640${NBSP}человек).`);
  });

  it('one grown kind reads in the singular', () => {
    const text = composeConclusion(input({ resources: figures({ кадровый: [9, 0], финансовый: [4, 20000], временной: [5, 0] }) }));
    expect(text).toContain('ресурсообеспечения: кадрового. По сравнению с 2024/2025 учебным годом вклад партнёров по этому виду ресурсов вырос.');
  });

  it('says honestly when nothing grew', () => {
    const text = composeConclusion(input({ resources: figures({ кадровый: [3, 0] }) }));
    expect(text).toContain('ни по одному виду ресурсов не вырос');
    expect(text).not.toContain('активно');
  });

  it('without a previous year names the kinds present, in the seed order', () => {
    const text = composeConclusion(input({ previous: null, newPartners: 12, newCategories: [] }));
    expect(text.startsWith('Социальные партнёры активно включены в воспитательный процесс, что позволило повысить его качество и качество ресурсообеспечения: кадрового, финансового, временного.')).toBe(true);
    expect(text).not.toContain('по сравнению');
    expect(text).not.toContain('присоединил'); // everyone would be "new": not worth saying
  });

  it('an empty year gets its own sentence', () => {
    const text = composeConclusion(input({ activePartners: 0, jointEvents: 0, reach: 0, contributions: 0, resources: figures({}) }));
    expect(text).toContain('В 2025/2026 учебном году совместных мероприятий с социальными партнёрами не отмечено');
    expect(text).not.toContain('активно');
  });

  it('events without any contribution say the partners cannot be assessed', () => {
    const text = composeConclusion(input({ activePartners: 0, jointEvents: 3, reach: 0, contributions: 0, resources: figures({}) }));
    expect(text).toBe(
      `В 2025/2026 учебном году проведено 3${NBSP}мероприятия, однако вклад социальных партнёров на листе «Вклад» не отмечен, поэтому оценить их участие в воспитательном процессе нельзя.`,
    );
  });

  it('little data reads as episodic, with singular agreement', () => {
    const text = composeConclusion(
      input({ activePartners: 1, jointEvents: 1, reach: 21, contributions: 1, totalAmount: 5000, resources: figures({ финансовый: [1, 5000] }) }),
    );
    expect(text).toContain('эпизодически');
    expect(text).not.toContain('активно');
    expect(text).toContain(`1${NBSP}социальный партнёр принял участие в 1${NBSP}совместном мероприятии (охват${NBSP}— 21${NBSP}человек).`);
    expect(text).toContain('Их вклад касался ресурсообеспечения: финансового.');
    expect(text).toContain(`Общая сумма помощи партнёров${NBSP}— 5${NBSP}000${NBSP}руб.`);
  });

  it('mentions new partners and new categories with plurals', () => {
    const cats: Category[] = ['Учреждения здравоохранения', 'Общественные организации'];
    const text = composeConclusion(input({ newPartners: 3, newCategories: cats }));
    expect(text).toContain(`К работе присоединились 3${NBSP}новых партнёра, в том числе впервые${NBSP}— из категорий «Учреждения здравоохранения», «Общественные организации».`);
    expect(composeConclusion(input({ newPartners: 21 }))).toContain(`К работе присоединился 21${NBSP}новый партнёр.`);
    expect(composeConclusion(input({ activePartners: 22, jointEvents: 2 }))).toContain(`22${NBSP}социальных партнёра приняли участие в 2${NBSP}совместных мероприятиях`);
  });
});
