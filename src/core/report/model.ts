/**
 * The annual conclusions report («Анализ работы с социальными партнёрами за 2025/2026 учебный год»)
 * as a document model. Pure and deterministic: every list is sorted explicitly (ties broken by ID),
 * so the same data always gives the same model, whatever the order of the rows.
 *
 * Rules (the report states the first one in its notes):
 * - a partner is *active* in a year when it made at least one contribution to a joint event of it;
 * - a *joint event* of the year is an event dated in the year that is not `отменено` and either has
 *   status `проведено` or has at least one contribution (a planned event partners already helped
 *   with counts; a cancelled one never does, and its contributions are left out as well);
 * - contributions whose event or partner is not in the data are ignored.
 */
import type { Block, DocModel, LocalDate } from '../../ports';
import { composeConclusion, type ConclusionInput } from './conclusion';
import { ACTION_LABEL, DONE } from '../run/journal';
import { MONTHS_SHORT, RESOURCE_PLURAL, reportMsg } from '../../messages/report';
import type { Contribution, EventRecord, Partner, Settings, WorkbookData } from '../data/records';
import { reportApproval } from '../data/settings';
import { capitalize, compareDates, detectGender, formatDateLong, formatDateShort, formatMoney, formatNumber, initialsSurname, monthYear, typeset } from '../russian';
import { CATEGORIES, type Category, EVENT_STATUS, type Resource, RESOURCES } from '../data/schema';
import { academicYear, inYear, type AcademicYear } from '../data/academic-year';

export interface ResourceStats {
  resource: Resource;
  /** Number of contribution rows of this kind. */
  contributions: number;
  /** Distinct partners who made them. */
  partners: number;
  /** Sum of `Сумма, руб.` (0 when none was given), rounded to kopecks. */
  amount: number;
}

export interface CategoryStats {
  category: Category;
  /** Partners of the category on the sheet. */
  listed: number;
  active: number;
  /** Active this year, not active in the previous year. */
  newPartners: number;
  /** Active in the previous year, not this year. */
  lapsed: number;
}

export interface JointEvent {
  id: string;
  date: LocalDate;
  title: string;
  place: string;
  /** Organisation names of the contributing partners, sorted, each once. */
  partners: string[];
  reach: number | null;
  contributions: number;
}

export interface MonthStats {
  year: number;
  /** 1–12 */
  month: number;
  /** Joint events of the month, by date then ID. */
  events: JointEvent[];
  contributions: number;
}

/** Figures of one academic year. */
export interface YearFigures {
  activePartners: number;
  newPartners: number;
  jointEvents: number;
  /** Sum of `Охват, чел.` of the joint events (blank counts as 0). */
  reach: number;
  contributions: number;
  totalAmount: number;
  /** Thank-you letters for the year: once per journal key, plus partners thanked before the program (see `thanksLetters`). */
  thanksLetters: number;
  /** One entry per kind of `RESOURCES`, in that order. */
  resources: ResourceStats[];
}

export interface ReportStats extends YearFigures, ConclusionInput {
  resources: ResourceStats[];
  year: AcademicYear;
  previousYear: AcademicYear;
  /** The previous year's figures, or null when it has neither joint events nor contributions. */
  previous: YearFigures | null;
  lapsedPartners: number;
  /** One entry per category of `CATEGORIES`, in that order. */
  categories: CategoryStats[];
  newCategories: Category[];
  /** Joint events of the year by date, then ID. */
  events: JointEvent[];
  /** Every month of the year, in order (also months without events). */
  months: MonthStats[];
  /** Joint events whose `Охват, чел.` is blank. */
  eventsWithoutReach: number;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const roundKopecks = (n: number): number => Math.round(n * 100) / 100;

/** Everything of one year the statistics are built from. */
interface YearActivity {
  events: EventRecord[];
  contributions: Contribution[];
  /** contributions per event ID */
  byEvent: Map<string, Contribution[]>;
  activeIds: Set<string>;
}

function yearActivity(data: WorkbookData, year: AcademicYear, partnersById: Map<string, Partner>): YearActivity {
  const candidates = new Map<string, EventRecord>();
  for (const e of data.events) if (e.status !== EVENT_STATUS.cancelled && inYear(e.date, year)) candidates.set(e.id, e);
  const byEvent = new Map<string, Contribution[]>();
  for (const c of data.contributions) {
    if (!candidates.has(c.eventId) || !partnersById.has(c.partnerId)) continue;
    const list = byEvent.get(c.eventId) ?? [];
    list.push(c);
    byEvent.set(c.eventId, list);
  }
  const events = [...candidates.values()]
    .filter((e) => e.status === EVENT_STATUS.held || byEvent.has(e.id))
    .sort((a, b) => compareDates(a.date, b.date) || byText(a.id, b.id));
  const contributions = events.flatMap((e) => sortContributions(byEvent.get(e.id) ?? []));
  return { events, contributions, byEvent, activeIds: new Set(contributions.map((c) => c.partnerId)) };
}

function sortContributions(list: Contribution[]): Contribution[] {
  return [...list].sort(
    (a, b) =>
      byText(a.partnerId, b.partnerId) ||
      RESOURCES.indexOf(a.resource) - RESOURCES.indexOf(b.resource) ||
      (a.amount ?? 0) - (b.amount ?? 0) ||
      byText(a.what, b.what),
  );
}

function resourceStats(contributions: Contribution[]): ResourceStats[] {
  return RESOURCES.map((resource) => {
    const own = contributions.filter((c) => c.resource === resource);
    return {
      resource,
      contributions: own.length,
      partners: new Set(own.map((c) => c.partnerId)).size,
      amount: roundKopecks(own.reduce((sum, c) => sum + (c.amount ?? 0), 0)),
    };
  });
}

/**
 * Thank-you letters for the year's work, once per key: letters for the year itself (scope = the
 * year label) or for one of its events — also when they were made after the year ended, as they
 * usually are (the letters for 2025/2026 are written in the autumn of 2026). Letters made before
 * the program was used leave only a `Благодарность` date on «Вклад» and no journal row: each partner
 * thanked that way for the year's contributions, and without a journal letter for the year, counts as
 * one letter — a clerk who filled those dates expects to see them in the report.
 */
function thanksLetters(data: WorkbookData, year: AcademicYear): number {
  const eventsOfYear = new Set(data.events.filter((e) => e.status !== EVENT_STATUS.cancelled && inYear(e.date, year)).map((e) => e.id));
  const keys = new Set<string>();
  const inJournal = new Set<string>();
  for (const entry of data.journal) {
    if (entry.action.trim().toLowerCase() !== ACTION_LABEL.thanks) continue;
    if (!DONE.includes(entry.status)) continue;
    if (entry.event !== year.label && !eventsOfYear.has(entry.event)) continue;
    keys.add(entry.key);
    inJournal.add(entry.partner || (entry.key.split('|')[2] ?? ''));
  }
  const beforeTheProgram = new Set<string>();
  for (const c of data.contributions) {
    if (c.thanked && eventsOfYear.has(c.eventId) && !inJournal.has(c.partnerId)) beforeTheProgram.add(c.partnerId);
  }
  return keys.size + beforeTheProgram.size;
}

function figures(data: WorkbookData, year: AcademicYear, now: YearActivity, before: YearActivity): YearFigures {
  let newPartners = 0;
  for (const id of now.activeIds) if (!before.activeIds.has(id)) newPartners++;
  return {
    activePartners: now.activeIds.size,
    newPartners,
    jointEvents: now.events.length,
    reach: now.events.reduce((sum, e) => sum + (e.reach ?? 0), 0),
    contributions: now.contributions.length,
    totalAmount: roundKopecks(now.contributions.reduce((sum, c) => sum + (c.amount ?? 0), 0)),
    thanksLetters: thanksLetters(data, year),
    resources: resourceStats(now.contributions),
  };
}

function previousOf(year: AcademicYear): AcademicYear {
  return academicYear(year.startYear - 1, { day: year.start.day, month: year.start.month });
}

/** The months a year spans, first to last. */
function monthsOf(year: AcademicYear): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let y = year.start.year;
  let m = year.start.month;
  while (y < year.end.year || (y === year.end.year && m <= year.end.month)) {
    months.push({ year: y, month: m });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

export function computeReportStats(data: WorkbookData, year: AcademicYear): ReportStats {
  const partnersById = new Map(data.partners.map((p) => [p.id, p]));
  const previousYear = previousOf(year);
  const now = yearActivity(data, year, partnersById);
  const before = yearActivity(data, previousYear, partnersById);
  const beforeBefore = yearActivity(data, previousOf(previousYear), partnersById);
  const current = figures(data, year, now, before);
  const hasPrevious = before.events.length > 0 || before.contributions.length > 0;
  const previous = hasPrevious ? figures(data, previousYear, before, beforeBefore) : null;

  const categories: CategoryStats[] = CATEGORIES.map((category) => {
    const ids = data.partners.filter((p) => p.category === category).map((p) => p.id);
    return {
      category,
      listed: new Set(ids).size,
      active: ids.filter((id) => now.activeIds.has(id)).length,
      newPartners: ids.filter((id) => now.activeIds.has(id) && !before.activeIds.has(id)).length,
      lapsed: ids.filter((id) => before.activeIds.has(id) && !now.activeIds.has(id)).length,
    };
  });
  const newCategories = hasPrevious
    ? categories.filter((c) => c.active > 0 && !data.partners.some((p) => p.category === c.category && before.activeIds.has(p.id))).map((c) => c.category)
    : [];
  let lapsedPartners = 0;
  for (const id of before.activeIds) if (!now.activeIds.has(id)) lapsedPartners++;

  const events: JointEvent[] = now.events.map((e) => {
    const contributions = now.byEvent.get(e.id) ?? [];
    const partners = [...new Set(contributions.map((c) => c.partnerId))]
      .map((id) => partnersById.get(id))
      .filter((p): p is Partner => p !== undefined)
      .sort((a, b) => byText(a.organisation, b.organisation) || byText(a.id, b.id))
      .map((p) => p.organisation);
    return { id: e.id, date: e.date, title: e.title, place: e.place, partners, reach: e.reach, contributions: contributions.length };
  });
  const months: MonthStats[] = monthsOf(year).map(({ year: y, month }) => {
    const own = events.filter((e) => e.date.year === y && e.date.month === month);
    return { year: y, month, events: own, contributions: own.reduce((sum, e) => sum + e.contributions, 0) };
  });

  return {
    ...current,
    year,
    previousYear,
    previous,
    lapsedPartners,
    categories,
    newCategories,
    events,
    months,
    eventsWithoutReach: events.filter((e) => e.reach === null).length,
  };
}

const count = (n: number): string => formatNumber(n);
const money = (n: number): string => (n > 0 ? formatMoney(n) : reportMsg.none);

function keyIndicators(stats: ReportStats): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: reportMsg.keyHeading };
  const anything = stats.jointEvents > 0 || stats.contributions > 0 || stats.thanksLetters > 0 || stats.lapsedPartners > 0;
  if (!anything) return [heading, { kind: 'paragraph', text: reportMsg.keyNoData(stats.year.label) }];
  const rows: [string, (f: YearFigures) => string][] = [
    [reportMsg.keyActivePartners, (f) => count(f.activePartners)],
    [reportMsg.keyNewPartners, (f) => count(f.newPartners)],
    [reportMsg.keyJointEvents, (f) => count(f.jointEvents)],
    [reportMsg.keyReach, (f) => count(f.reach)],
    [reportMsg.keyContributions, (f) => count(f.contributions)],
    [reportMsg.keyAmount, (f) => money(f.totalAmount)],
    [reportMsg.keyThanks, (f) => count(f.thanksLetters)],
  ];
  const previous = stats.previous;
  if (previous) {
    return [
      heading,
      {
        kind: 'table',
        header: reportMsg.keyHeaderCompared(stats.year.label, stats.previousYear.label),
        rows: rows.map(([name, value]) => [name, value(stats), value(previous)]),
        widths: [50, 25, 25],
        align: ['left', 'right', 'right'],
      },
    ];
  }
  // Without the previous year there is nobody to be new against: no such row, and a word why.
  const firstYearRows = rows.filter(([name]) => name !== reportMsg.keyNewPartners);
  return [
    heading,
    { kind: 'table', header: reportMsg.keyHeader(stats.year.label), rows: firstYearRows.map(([name, value]) => [name, value(stats)]), widths: [70, 30], align: ['left', 'right'] },
    { kind: 'paragraph', text: reportMsg.noPreviousYear(stats.previousYear.label) },
  ];
}

function categorySection(stats: ReportStats): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: reportMsg.categoriesHeading };
  if (stats.activePartners === 0 && stats.lapsedPartners === 0) return [heading, { kind: 'paragraph', text: reportMsg.categoriesNoData(stats.year.label) }];
  const sum = (f: (c: CategoryStats) => number): string => count(stats.categories.reduce((s, c) => s + f(c), 0));
  if (!stats.previous) {
    const rows = stats.categories.map((c) => [c.category, count(c.listed), count(c.active)]);
    rows.push([reportMsg.total, sum((c) => c.listed), sum((c) => c.active)]);
    return [
      heading,
      { kind: 'table', header: [...reportMsg.categoriesHeaderFirstYear], rows, widths: [60, 20, 20], align: ['left', 'right', 'right'] },
      { kind: 'paragraph', text: reportMsg.categoriesNoteFirstYear },
    ];
  }
  const rows = stats.categories.map((c) => [c.category, count(c.listed), count(c.active), count(c.newPartners), count(c.lapsed)]);
  rows.push([reportMsg.total, sum((c) => c.listed), sum((c) => c.active), sum((c) => c.newPartners), sum((c) => c.lapsed)]);
  return [
    heading,
    { kind: 'table', header: [...reportMsg.categoriesHeader], rows, widths: [48, 13, 13, 13, 13], align: ['left', 'right', 'right', 'right', 'right'] },
    { kind: 'paragraph', text: reportMsg.categoriesNote(stats.previousYear.label) },
  ];
}

function eventSection(stats: ReportStats): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: reportMsg.eventsHeading };
  if (stats.events.length === 0) return [heading, { kind: 'paragraph', text: reportMsg.eventsNoData(stats.year.label) }];
  const blocks: Block[] = [heading];
  for (const month of stats.months) {
    if (month.events.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: capitalize(monthYear({ year: month.year, month: month.month, day: 1 })) });
    blocks.push({
      kind: 'table',
      header: [...reportMsg.eventsHeader],
      rows: month.events.map((e) => [
        formatDateShort(e.date),
        e.title,
        e.place || reportMsg.none,
        // Each name typeset on its own: a quote left open in one must not be closed in the next.
        e.partners.length > 0 ? e.partners.map(typeset).join(', ') : reportMsg.none,
        e.reach === null ? reportMsg.none : count(e.reach),
      ]),
      widths: [13, 27, 20, 30, 10],
      align: ['left', 'left', 'left', 'left', 'right'],
    });
  }
  blocks.push({ kind: 'paragraph', text: reportMsg.eventsTotal(stats.jointEvents, stats.reach) });
  if (stats.contributions > 0) {
    blocks.push({
      kind: 'chart',
      chart: {
        title: reportMsg.chartTitle,
        labels: stats.months.map((m) => MONTHS_SHORT[m.month - 1] ?? ''),
        values: stats.months.map((m) => m.contributions),
        valueLabel: reportMsg.chartValueLabel,
      },
    });
  }
  return blocks;
}

function resourceSection(stats: ReportStats, distinctPartners: number): Block[] {
  const heading: Block = { kind: 'heading', level: 2, text: reportMsg.resourcesHeading };
  if (stats.contributions === 0) return [heading, { kind: 'paragraph', text: reportMsg.resourcesNoData(stats.year.label) }];
  const rows = stats.resources.map((r) => [capitalize(RESOURCE_PLURAL[r.resource]), count(r.contributions), count(r.partners), money(r.amount)]);
  rows.push([reportMsg.total, count(stats.contributions), count(distinctPartners), money(stats.totalAmount)]);
  return [heading, { kind: 'table', header: [...reportMsg.resourcesHeader], rows, widths: [46, 16, 16, 22], align: ['left', 'right', 'right', 'right'] }];
}

/** `Иванова Анна Сергеевна` → `А. С. Иванова`; a name that does not parse stays as written. */
function signedName(name: string): string {
  const text = name.trim();
  return text === '' ? '' : initialsSurname(text, detectGender(text, null), 'nominative') || text;
}

/** The «УТВЕРЖДАЮ» block in the right half of the first page, when «Настройки» ask for it. */
function approvalBlock(settings: Settings, today: LocalDate): Block[] {
  if (!reportApproval(settings)) return [];
  const text = reportMsg.approval(capitalize(settings.directorPosition.trim()), settings.centreShort.trim(), signedName(settings.directorName), today.year);
  return [{ kind: 'table', header: [], rows: [['', text]], widths: [50, 50], align: ['left', 'left'] }];
}

/** The compiler's line at the end: name and phone, the place to sign, the date. */
function compilerBlock(settings: Settings, today: LocalDate): Block {
  return {
    kind: 'table',
    header: [],
    rows: [[reportMsg.compiler(signedName(settings.performerName), settings.performerPhone.trim()), reportMsg.signature, formatDateLong(today)]],
    widths: [45, 25, 30],
    align: ['left', 'center', 'right'],
  };
}

/** Every text of a block after the typographic pass. */
function typesetBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: typeset(block.text) };
    case 'table':
      return { ...block, header: block.header.map(typeset), rows: block.rows.map((r) => r.map(typeset)) };
    case 'chart':
      return { ...block, chart: { ...block.chart, title: typeset(block.chart.title), labels: block.chart.labels.map(typeset), valueLabel: typeset(block.chart.valueLabel) } };
    case 'pageBreak':
      return block;
  }
}

/** The report for `year`; `today` is the date it is made on. */
export function buildReport(data: WorkbookData, year: AcademicYear, today: LocalDate): DocModel {
  const stats = computeReportStats(data, year);
  const title = reportMsg.title(year.label);
  const centre = data.settings.centreFull.trim() || data.settings.centreShort.trim();
  const blocks: Block[] = [
    ...approvalBlock(data.settings, today),
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: reportMsg.intro(centre, formatDateLong(year.start), formatDateLong(year.end)), align: 'center' },
    { kind: 'paragraph', text: reportMsg.madeOn(formatDateLong(today)), align: 'right' },
  ];
  if (compareDates(today, year.end) < 0 && compareDates(today, year.start) >= 0) {
    blocks.push({ kind: 'paragraph', text: reportMsg.yearNotOver(formatDateLong(today)) });
  }
  blocks.push(...keyIndicators(stats));
  blocks.push(...categorySection(stats));
  blocks.push(...eventSection(stats));
  // Distinct partners over all kinds = active partners (every counted contribution has a partner).
  blocks.push(...resourceSection(stats, stats.activePartners));
  blocks.push({ kind: 'heading', level: 2, text: reportMsg.conclusionHeading });
  blocks.push({ kind: 'paragraph', text: composeConclusion(stats), indent: true, align: 'justify' });
  blocks.push(compilerBlock(data.settings, today));
  return { title, blocks: blocks.map(typesetBlock) };
}
