/** Typed records parsed from the workbook, and the problems found on the way. */
import type { LocalDate, LocalDateTime } from '../../ports';
import type { Category, EventStatus, GenderMark, JournalStatus, Resource, Role, SettingKey } from './schema';

/** A problem in the data, with its place. `row`/`col` are 1-based; `col` 0 means the whole row. */
export interface Problem {
  sheet: string;
  row: number;
  col: number;
  /** `Партнёры!F7`, or `Партнёры` when the problem is the sheet itself. */
  address: string;
  message: string;
  /** Errors exclude the row from jobs; warnings do not. */
  severity: 'error' | 'warning';
}

export interface Partner {
  /** 1-based sheet row. */
  row: number;
  id: string;
  organisation: string;
  category: Category;
  /** Full name, surname first, or '' for none. */
  contact: string;
  /** The `Пол` column, when given. */
  gender: GenderMark | null;
  position: string;
  dativeOverride: string;
  emails: string[];
  /** Addresses that did not parse, kept so previews can say why a partner is skipped. */
  badEmails: string[];
  phone: string;
  address: string;
  sponsor: boolean;
  invite: boolean;
  note: string;
}

export interface EventRecord {
  row: number;
  id: string;
  title: string;
  date: LocalDate;
  /** `15:00`, or ''. */
  time: string;
  place: string;
  form: string;
  audience: string;
  description: string;
  /** null means every category. */
  inviteCategories: Category[] | null;
  status: EventStatus;
  reach: number | null;
  responsible: string;
}

export interface Contribution {
  row: number;
  eventId: string;
  partnerId: string;
  role: Role | null;
  resource: Resource;
  what: string;
  amount: number | null;
  thanked: LocalDate | null;
}

export interface JournalEntry {
  /** 1-based sheet row, or 0 before it is written. */
  row: number;
  time: LocalDateTime | null;
  action: string;
  key: string;
  event: string;
  partner: string;
  address: string;
  status: JournalStatus;
  document: string;
  message: string;
  /** The outgoing registration number the claim took (`01-12/57`), '' for none. */
  number?: string;
}

export type Settings = Record<SettingKey, string>;

/** Everything read from the workbook in one pass. */
export interface WorkbookData {
  partners: Partner[];
  events: EventRecord[];
  contributions: Contribution[];
  journal: JournalEntry[];
  settings: Settings;
  problems: Problem[];
  /** Header maps (header text → 1-based column) per sheet that exists. */
  columns: Record<string, Record<string, number>>;
  /** 1-based row of each sheet's header. */
  headerRows: Record<string, number>;
  /** IDs planned for rows whose ID cell is blank (already used in the records above). */
  assignedIds: AssignedId[];
  /**
   * Event rows left out because they cannot be used (a date that does not read …): still known by
   * ID and title, so a contribution or a command naming one is not told «не найдено» — the row's
   * own problem is the one reported.
   */
  unusableEvents: { id: string; title: string; row: number }[];
  /** Where each setting read from «Настройки» stands (`Настройки!B19`); a setting without a row has none. */
  settingCells?: Partial<Record<SettingKey, string>>;
  /** 1-based row of each parameter of «Настройки» that has one (the counter of outgoing numbers is written there). */
  settingRows?: Partial<Record<SettingKey, number>>;
}

export interface AssignedId {
  sheet: string;
  row: number;
  col: number;
  id: string;
}
