/**
 * Reads the whole workbook once (one read per sheet) into typed records and a list of problems.
 * Bad cells never stop the reading: each becomes a problem with its address, and a row is left
 * out only when it cannot be used at all (no name, no category, no date …).
 */
import type { Cell, WorkbookPort } from '../../ports';
import {
  cellText,
  formulaError,
  matchOption,
  parseCheckboxCell,
  parseDateCell,
  parseNumberCell,
  parseTimeCell,
  splitEmails,
} from './cells';
import { dataMsg, OPTION_NOUN } from '../../messages/data';
import { isYearStartReadable } from './academic-year';
import type { AssignedId, Contribution, EventRecord, JournalEntry, Partner, Problem, Settings, WorkbookData } from './records';
import { phraseIssues, sameId, stripEnclosingQuotes } from '../russian';
import {
  CATEGORIES,
  type Category,
  COL,
  CONTRIBUTIONS_SPEC,
  EVENT_STATUS,
  EVENT_STATUSES,
  EVENTS_SPEC,
  GENDERS,
  ID_PREFIX,
  JOURNAL_SPEC,
  JOURNAL_STATUSES,
  NO,
  PARTNERS_SPEC,
  RESOURCES,
  ROLES,
  LETTER_SETTINGS,
  SETTING,
  SETTING_ALIASES,
  SETTING_DEFAULTS,
  type SettingKey,
  SETTINGS_SPEC,
  type SheetSpec,
  WHOM_ALL,
  YES,
} from './schema';
import { cellAddress, columnLetter, isBlankCell, locateTable, nearestText, normalizeHeader, type HeaderMap } from './table';

const SHEET_NAME_SETTINGS = SETTINGS_SPEC.name;

/** Columns without which a sheet cannot be used at all. */
const MUST_HAVE: Record<string, readonly string[]> = {
  [PARTNERS_SPEC.name]: [COL.id, COL.organisation, COL.category, COL.email],
  [EVENTS_SPEC.name]: [COL.id, COL.title, COL.date],
  [CONTRIBUTIONS_SPEC.name]: [COL.event, COL.partner, COL.resource],
  // The number column came later: a journal without it is read (setup adds it; until then letters have no number).
  [JOURNAL_SPEC.name]: JOURNAL_SPEC.columns.map((c) => c.header).filter((h) => h !== COL.number),
  [SETTINGS_SPEC.name]: [COL.parameter, COL.value],
};

/** One data row of a sheet with typed access to its cells, collecting problems as it goes. */
class RowReader {
  constructor(
    private readonly sheet: string,
    readonly row: number,
    private readonly cells: Cell[],
    private readonly columns: HeaderMap,
    private readonly wb: Pick<WorkbookPort, 'cellDate'>,
    private readonly problems: Problem[],
  ) {}

  /** Set when a required field of this row is unusable: the row is left out of the records. */
  unusable = false;

  has(header: string): boolean {
    return this.columns[header] !== undefined;
  }

  raw(header: string): Cell {
    const col = this.columns[header];
    return col === undefined ? '' : (this.cells[col - 1] ?? '');
  }

  problem(header: string, message: string, severity: Problem['severity'] = 'error'): void {
    const col = this.columns[header] ?? 0;
    this.problems.push({ sheet: this.sheet, row: this.row, col, address: cellAddress(this.sheet, this.row, col), message, severity });
  }

  /** The cell's raw value, or '' after reporting a formula error in it. */
  private value(header: string): Cell {
    const value = this.raw(header);
    const error = formulaError(value);
    if (error) {
      this.problem(header, dataMsg.formulaError(error));
      return '';
    }
    return value;
  }

  text(header: string, required = false): string {
    const text = cellText(this.value(header), this.wb);
    if (required && text === '') {
      this.problem(header, dataMsg.emptyRequired(header));
      this.unusable = true;
    }
    return text;
  }

  option<T extends string>(header: string, options: readonly T[], required: boolean, what: string): T | null {
    const text = this.text(header);
    if (text === '') {
      if (required) {
        this.problem(header, dataMsg.emptyRequired(header));
        this.unusable = true;
      }
      return null;
    }
    const match = matchOption(text, options);
    if (!match) {
      this.problem(header, dataMsg.unknownOption(what, text, options));
      if (required) this.unusable = true;
    }
    return match;
  }

  date(header: string, required: boolean) {
    const value = this.value(header);
    if (isBlankCell(value)) {
      if (required) {
        this.problem(header, dataMsg.emptyRequired(header));
        this.unusable = true;
      }
      return null;
    }
    const parsed = parseDateCell(value, this.wb);
    if (!parsed.ok) {
      this.problem(header, parsed.problem);
      if (required) this.unusable = true;
      return null;
    }
    return parsed.value;
  }

  time(header: string): string {
    const value = this.value(header);
    if (isBlankCell(value)) return '';
    const parsed = parseTimeCell(value, this.wb);
    if (!parsed.ok) {
      this.problem(header, parsed.problem);
      return '';
    }
    return parsed.value;
  }

  checkbox(header: string, fallback: boolean): boolean {
    const parsed = parseCheckboxCell(this.value(header), fallback);
    if (!parsed.ok) {
      this.problem(header, parsed.problem);
      return fallback;
    }
    return parsed.value;
  }

  number(header: string, what: 'number' | 'money'): number | null {
    const parsed = parseNumberCell(this.value(header), what);
    if (!parsed.ok) {
      this.problem(header, parsed.problem);
      return null;
    }
    return parsed.value;
  }
}

interface SheetRows {
  rows: RowReader[];
  columns: HeaderMap;
  headerRow: number;
}

/** Reads one sheet: locates the header, reports missing columns, skips blank rows. */
function readRows(wb: WorkbookPort, spec: SheetSpec, problems: Problem[], optional = false): SheetRows | null {
  const values = wb.readSheet(spec.name);
  if (!values) {
    if (!optional) problems.push({ sheet: spec.name, row: 0, col: 0, address: spec.name, message: dataMsg.missingSheet(spec.name), severity: 'error' });
    return null;
  }
  const { headerRow, columns, duplicates } = locateTable(values, spec);
  const sheetProblem = (message: string) => problems.push({ sheet: spec.name, row: headerRow, col: 0, address: spec.name, message, severity: 'error' });
  const header = values[headerRow - 1] ?? [];
  const missing = MUST_HAVE[spec.name].filter((h) => columns[h] === undefined);
  const known = new Set(Object.values(columns));
  const strangers = header.map((cell, i) => ({ text: cellText(cell, wb), col: i + 1 })).filter((c) => c.text !== '' && !known.has(c.col));
  for (const missingHeader of missing) {
    // A renamed header: name the column that looks like it, with its cell.
    const near = nearestText(missingHeader, strangers.map((c) => c.text));
    const cell = strangers.find((c) => c.text === near);
    const hint = cell ? ` ${dataMsg.renamedColumn(cell.text, cellAddress(spec.name, headerRow, cell.col), missingHeader)}` : '';
    sheetProblem(dataMsg.missingColumn(spec.name, missingHeader) + hint);
  }
  // Two columns with one header: which one holds the data cannot be known, so the sheet is not used.
  for (const [dup, cols] of Object.entries(duplicates)) {
    sheetProblem(dataMsg.duplicateColumn(spec.name, dup, cols.map((c) => cellAddress(spec.name, headerRow, c))));
  }
  for (const m of wb.readMerges?.(spec.name) ?? []) {
    if (m.cols < 2 || m.row > headerRow || m.row + m.rows - 1 < headerRow) continue;
    const range = `${cellAddress(spec.name, m.row, m.col)}:${columnLetter(m.col + m.cols - 1)}${m.row + m.rows - 1}`;
    const message = dataMsg.mergedHeader(range, cellText(header[m.col - 1] ?? '', wb));
    if (missing.length > 0) sheetProblem(message);
    else problems.push({ sheet: spec.name, row: headerRow, col: m.col, address: cellAddress(spec.name, headerRow, m.col), message, severity: 'warning' });
  }
  if (missing.length > 0 || Object.keys(duplicates).length > 0) return { rows: [], columns, headerRow };
  const owned = spec.columns.map((c) => columns[c.header]).filter((c): c is number => c !== undefined);
  const rows: RowReader[] = [];
  for (let r = headerRow; r < values.length; r++) {
    const cells = values[r] ?? [];
    // A row is data when any of our columns holds something; the user's own columns don't count.
    if (owned.every((c) => isBlankCell(cells[c - 1]))) continue;
    rows.push(new RowReader(spec.name, r + 1, cells, columns, wb, problems));
  }
  return { rows, columns, headerRow };
}

/**
 * Reports duplicate IDs (the later rows are left out) and plans IDs for blank ones: the next
 * numbers after the largest `П-NNN` in use. The plan is written only by jobs that need it.
 */
function planIds(sheet: SheetRows, prefix: string, assigned: AssignedId[], sheetName: string): Map<number, string> {
  const seen = new Map<string, number>();
  const blanks: RowReader[] = [];
  let max = 0;
  const pattern = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}(\\d+)$`, 'i');
  for (const row of sheet.rows) {
    const id = row.text(COL.id);
    if (!id) {
      blanks.push(row);
      continue;
    }
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      row.problem(COL.id, dataMsg.duplicateId(id, first));
      row.unusable = true;
    } else seen.set(key, row.row);
  }
  const ids = new Map<number, string>();
  for (const row of blanks) {
    max += 1;
    const id = `${prefix}${String(max).padStart(3, '0')}`;
    ids.set(row.row, id);
    assigned.push({ sheet: sheetName, row: row.row, col: sheet.columns[COL.id], id });
  }
  return ids;
}

function readPartners(sheet: SheetRows, assigned: AssignedId[]): Partner[] {
  const newIds = planIds(sheet, ID_PREFIX.partners, assigned, PARTNERS_SPEC.name);
  const partners: Partner[] = [];
  for (const row of sheet.rows) {
    const organisation = row.text(COL.organisation, true);
    const category = row.option<Category>(COL.category, CATEGORIES, true, OPTION_NOUN.category);
    const emailText = row.text(COL.email);
    const { good, bad } = splitEmails(emailText);
    for (const address of bad) row.problem(COL.email, dataMsg.badEmail(address));
    const gender = row.option(COL.gender, GENDERS, false, OPTION_NOUN.gender);
    const partner: Partner = {
      row: row.row,
      id: newIds.get(row.row) ?? row.text(COL.id),
      organisation,
      category: category ?? CATEGORIES[0],
      contact: row.text(COL.contact).replace(/\s+/g, ' '),
      gender,
      position: row.text(COL.position),
      dativeOverride: row.text(COL.dativeOverride),
      emails: good,
      badEmails: bad,
      phone: row.text(COL.phone),
      address: row.text(COL.address),
      sponsor: row.checkbox(COL.sponsor, false),
      invite: row.checkbox(COL.invite, true),
      note: row.text(COL.note),
    };
    if (!row.unusable) partners.push(partner);
  }
  return partners;
}

function readEvents(sheet: SheetRows, assigned: AssignedId[], unusable: WorkbookData['unusableEvents']): EventRecord[] {
  const newIds = planIds(sheet, ID_PREFIX.events, assigned, EVENTS_SPEC.name);
  const events: EventRecord[] = [];
  for (const row of sheet.rows) {
    // Letters, subjects and reports put the title in «ёлочки» themselves.
    const title = stripEnclosingQuotes(row.text(COL.title, true));
    const date = row.date(COL.date, true);
    const whomText = row.text(COL.whom);
    let inviteCategories: Category[] | null = null;
    if (whomText !== '' && matchOption(whomText, WHOM_ALL) === null) {
      inviteCategories = [];
      for (const part of whomText.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
        const category = matchOption(part, CATEGORIES);
        if (category) {
          if (!inviteCategories.includes(category)) inviteCategories.push(category);
        } else row.problem(COL.whom, dataMsg.unknownOption(OPTION_NOUN.category, part, CATEGORIES));
      }
      // Every listed category was unknown: better to invite nobody than everybody by mistake.
    }
    const status = row.option(COL.status, EVENT_STATUSES, false, OPTION_NOUN.status) ?? EVENT_STATUS.planned;
    const event: EventRecord = {
      row: row.row,
      id: newIds.get(row.row) ?? row.text(COL.id),
      title,
      date: date ?? { year: 1970, month: 1, day: 1 },
      time: row.time(COL.time),
      place: row.text(COL.place),
      form: row.text(COL.form),
      audience: row.text(COL.audience),
      description: row.text(COL.description),
      inviteCategories,
      status,
      reach: row.number(COL.reach, 'number'),
      responsible: row.text(COL.responsible),
    };
    if (!row.unusable) events.push(event);
    else if (event.id || title) unusable.push({ id: event.id, title, row: row.row });
  }
  return events;
}

/** Finds a record by ID, else by exact name; an ambiguous name is a problem, not a guess. */
function resolveRef<T extends { id: string }>(
  text: string,
  records: T[],
  nameOf: (r: T) => string,
): { found: T; latin?: true } | { error: 'missing' } | { error: 'ambiguous'; ids: string[] } {
  const lower = text.toLowerCase();
  const byId = records.find((r) => r.id !== '' && r.id.toLowerCase() === lower);
  if (byId) return { found: byId };
  const alike = records.filter((r) => r.id !== '' && sameId(r.id, text));
  if (alike.length === 1) return { found: alike[0], latin: true };
  const byName = records.filter((r) => normalizeHeader(nameOf(r)) === normalizeHeader(text));
  if (byName.length === 1) return { found: byName[0] };
  if (byName.length > 1) return { error: 'ambiguous', ids: byName.map((r) => r.id) };
  return { error: 'missing' };
}

function readContributions(sheet: SheetRows, partners: Partner[], events: EventRecord[], unusableEvents: WorkbookData['unusableEvents']): Contribution[] {
  const contributions: Contribution[] = [];
  for (const row of sheet.rows) {
    const eventText = row.text(COL.event, true);
    const partnerText = row.text(COL.partner, true);
    const resource = row.option(COL.resource, RESOURCES, true, OPTION_NOUN.resource);
    const role = row.option(COL.role, ROLES, false, OPTION_NOUN.role);
    let eventId = '';
    if (eventText) {
      const ref = resolveRef(stripEnclosingQuotes(eventText), events, (e) => e.title);
      const left = stripEnclosingQuotes(eventText);
      if ('found' in ref) {
        eventId = ref.found.id;
        if (ref.latin) row.problem(COL.event, dataMsg.latinId(eventText, ref.found.id), 'warning');
      } else if (unusableEvents.some((e) => (e.id !== '' && sameId(e.id, left)) || normalizeHeader(e.title) === normalizeHeader(left))) {
        // The event's own row has the problem (its date …): one problem, not one more per contribution.
        row.unusable = true;
      } else {
        row.problem(COL.event, ref.error === 'missing' ? dataMsg.unknownEvent(eventText) : dataMsg.ambiguousEvent(eventText, ref.ids));
        row.unusable = true;
      }
    }
    let partnerId = '';
    if (partnerText) {
      const ref = resolveRef(partnerText, partners, (p) => p.organisation);
      if ('found' in ref) {
        partnerId = ref.found.id;
        if (ref.latin) row.problem(COL.partner, dataMsg.latinId(partnerText, ref.found.id), 'warning');
      } else {
        row.problem(COL.partner, ref.error === 'missing' ? dataMsg.unknownPartner(partnerText) : dataMsg.ambiguousPartner(partnerText, ref.ids));
        row.unusable = true;
      }
    }
    const what = row.text(COL.what);
    // The phrase becomes an item of the letter's list: say where it would still read wrong.
    for (const issue of phraseIssues(what)) row.problem(COL.what, dataMsg.whatDone[issue](what), 'warning');
    const contribution: Contribution = {
      row: row.row,
      eventId,
      partnerId,
      role,
      resource: resource ?? RESOURCES[0],
      what,
      amount: row.number(COL.amount, 'money'),
      thanked: row.date(COL.thanked, false),
    };
    if (!row.unusable && eventId && partnerId) contributions.push(contribution);
  }
  return contributions;
}

function readJournal(sheet: SheetRows, wb: WorkbookPort): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const row of sheet.rows) {
    const timeCell = row.raw(COL.time);
    const status = matchOption(cellText(row.raw(COL.status), wb), JOURNAL_STATUSES);
    const key = cellText(row.raw(COL.key), wb);
    if (!key || !status) continue; // the journal is ours: a row without key or status is not an entry
    entries.push({
      row: row.row,
      time: timeCell instanceof Date ? wb.cellDate(timeCell) : null,
      action: cellText(row.raw(COL.action), wb),
      key,
      event: cellText(row.raw(COL.event), wb),
      partner: cellText(row.raw(COL.partner), wb),
      address: cellText(row.raw(COL.address), wb),
      status,
      document: cellText(row.raw(COL.document), wb),
      message: cellText(row.raw(COL.message), wb),
    });
    const number = cellText(row.raw(COL.number), wb);
    if (number !== '') entries[entries.length - 1].number = number;
  }
  return entries;
}

function readSettings(
  sheet: SheetRows | null,
  wb: WorkbookPort,
  problems: Problem[],
  cells: Partial<Record<SettingKey, string>> = {},
  settingRows: WorkbookData['settingRows'] = {},
): Settings {
  const settings: Settings = { ...SETTING_DEFAULTS };
  // No sheet, or no «Параметр»/«Значение» column: that is the problem reported, not each setting.
  if (!sheet || sheet.columns[COL.parameter] === undefined || sheet.columns[COL.value] === undefined) return settings;
  const byLabel = new Map<string, SettingKey>();
  for (const key of Object.keys(SETTING) as SettingKey[]) byLabel.set(normalizeHeader(SETTING[key]), key);
  for (const key of Object.keys(SETTING_ALIASES) as SettingKey[]) {
    for (const alias of SETTING_ALIASES[key] ?? []) if (!byLabel.has(normalizeHeader(alias))) byLabel.set(normalizeHeader(alias), key);
  }
  const rowOf = new Map<SettingKey, RowReader>();
  for (const row of sheet.rows) {
    const label = cellText(row.raw(COL.parameter), wb);
    if (label === '') continue;
    const key = byLabel.get(normalizeHeader(label));
    if (!key) {
      row.problem(COL.parameter, dataMsg.unknownSetting(label, nearestText(label, Object.values(SETTING))), 'warning');
      continue;
    }
    rowOf.set(key, row);
    cells[key] = cellAddress(SHEET_NAME_SETTINGS, row.row, sheet.columns[COL.value]);
    settingRows[key] = row.row;
    const value = row.raw(COL.value);
    if (formulaError(value)) {
      row.problem(COL.value, dataMsg.formulaError(String(value)));
      continue;
    }
    const text = typeof value === 'boolean' ? (value ? YES : NO) : cellText(value, wb);
    if (key === 'yearStart' && !isYearStartReadable(text)) row.problem(COL.value, dataMsg.badYearStart(text), 'warning');
    if (key === 'numberNext' && text !== '' && !/^\d{1,9}$/.test(text.trim())) row.problem(COL.value, dataMsg.badNumberNext(text), 'warning');
    // Texts of several lines (the emails' texts) keep their lines, whatever line ends the file had.
    if (text !== '') settings[key] = text.replace(/\r\n?/g, '\n');
  }
  // What every letter is made of: an empty one would stop every letter job, so the check says so first.
  for (const key of LETTER_SETTINGS) {
    if (settings[key].trim() !== '') continue;
    const row = rowOf.get(key);
    if (row) row.problem(COL.value, dataMsg.emptySetting(SETTING[key]));
    else problems.push({ sheet: SHEET_NAME_SETTINGS, row: 0, col: 0, address: SHEET_NAME_SETTINGS, message: dataMsg.missingSetting(SETTING[key]), severity: 'error' });
  }
  return settings;
}

/** Reads every sheet once. */
export function readWorkbook(wb: WorkbookPort): WorkbookData {
  const problems: Problem[] = [];
  const partnersSheet = readRows(wb, PARTNERS_SPEC, problems);
  const eventsSheet = readRows(wb, EVENTS_SPEC, problems);
  const contributionsSheet = readRows(wb, CONTRIBUTIONS_SPEC, problems);
  const journalSheet = readRows(wb, JOURNAL_SPEC, problems);
  const settingsSheet = readRows(wb, SETTINGS_SPEC, problems);

  const assignedIds: AssignedId[] = [];
  const unusableEvents: WorkbookData['unusableEvents'] = [];
  const partners = partnersSheet ? readPartners(partnersSheet, assignedIds) : [];
  const events = eventsSheet ? readEvents(eventsSheet, assignedIds, unusableEvents) : [];
  const contributions = contributionsSheet ? readContributions(contributionsSheet, partners, events, unusableEvents) : [];
  const journal = journalSheet ? readJournal(journalSheet, wb) : [];
  const settingCells: Partial<Record<SettingKey, string>> = {};
  const settingRows: WorkbookData['settingRows'] = {};
  const settings = readSettings(settingsSheet, wb, problems, settingCells, settingRows);

  const columns: WorkbookData['columns'] = {};
  const headerRows: WorkbookData['headerRows'] = {};
  const sheets: [string, SheetRows | null][] = [
    [PARTNERS_SPEC.name, partnersSheet],
    [EVENTS_SPEC.name, eventsSheet],
    [CONTRIBUTIONS_SPEC.name, contributionsSheet],
    [JOURNAL_SPEC.name, journalSheet],
    [SETTINGS_SPEC.name, settingsSheet],
  ];
  for (const [name, sheet] of sheets) {
    if (!sheet) continue;
    columns[name] = sheet.columns;
    headerRows[name] = sheet.headerRow;
  }
  problems.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || a.col - b.col);
  return { partners, events, contributions, journal, settings, problems, columns, headerRows, assignedIds, unusableEvents, settingCells, settingRows };
}

function sheetOrder(name: string): number {
  const order = [PARTNERS_SPEC.name, EVENTS_SPEC.name, CONTRIBUTIONS_SPEC.name, JOURNAL_SPEC.name, SETTINGS_SPEC.name] as string[];
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/**
 * The problems that make a whole sheet unusable (the sheet or one of its required columns is
 * missing), as one message; '' when the given sheets are usable. A job must stop on them: with no
 * usable «Партнёры» it would otherwise «send» nothing and report success.
 */
export function sheetProblems(data: WorkbookData, sheets: readonly string[]): string {
  return data.problems
    .filter((p) => sheets.includes(p.sheet) && p.col === 0 && p.address === p.sheet)
    .map((p) => p.message)
    .join('\n');
}
