/**
 * The interfaces the pure core needs from the world. Apps Script adapters live in `src/gas/`,
 * Node adapters in `src/local/`; tests use in-memory implementations of the same interfaces.
 *
 * Nothing here may name an Apps Script global or a Node module.
 */

/** A cell as `Range.getValues()` returns it: `''` for a blank cell, `Date` for a date cell. */
export type Cell = string | number | boolean | Date;

/** A calendar date with no time zone attached (what a person reads in a date cell). */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Wall-clock date and time in the centre's time zone. */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** One cell to write, 1-based like Apps Script ranges. */
export interface CellWrite {
  row: number;
  col: number;
  value: Cell;
}

/** A note on a cell, 1-based. `note: ''` removes the note. */
export interface CellNote {
  row: number;
  col: number;
  note: string;
}

/** Data validation the setup wants on a column (from the first data row down). */
export type ColumnValidation =
  | { kind: 'list'; options: readonly string[]; allowOther?: boolean }
  | { kind: 'checkbox' }
  | { kind: 'date' }
  | { kind: 'number'; min?: number }
  | { kind: 'none' };

/** A column as setup creates it. */
export interface ColumnLayout {
  header: string;
  /** Width in pixels (Sheets); the xlsx adapter converts. */
  width: number;
  validation: ColumnValidation;
  /** Number format for the column, e.g. `dd.mm.yyyy`, `# ##0`, `@` for plain text. */
  numberFormat?: string;
  /** A hint shown as the header cell's note. */
  hint?: string;
}

/** What setup does to one sheet; computed by core from what exists. */
export type SetupStep =
  | { kind: 'createSheet'; sheet: string; columns: ColumnLayout[]; rows?: Cell[][] }
  | { kind: 'addColumns'; sheet: string; headerRow: number; afterCol: number; columns: ColumnLayout[] }
  | { kind: 'appendRows'; sheet: string; rows: Cell[][] }
  | { kind: 'freezeHeader'; sheet: string; headerRow: number };

/**
 * The spreadsheet. Reads are whole sheets (one call per sheet); writes are batched.
 * Row and column numbers are 1-based like Apps Script.
 */
export interface WorkbookPort {
  /**
   * Changes whenever the program writes cells, rows or setup steps (not notes): core keeps one
   * parse of the workbook per revision, so one execution parses it once however many jobs ask.
   */
  readonly revision: number;
  /** Names of the sheets, in tab order. */
  sheetNames(): string[];
  /** All values of the sheet's data range (row 1 first), or null when there is no such sheet. */
  readSheet(name: string): Cell[][] | null;
  /**
   * Merged cell ranges of the sheet (1-based), where the runtime can tell: the covered cells of a
   * merge read blank, so a header merged over its neighbours hides theirs. Absent: none known.
   */
  readMerges?(name: string): { row: number; col: number; rows: number; cols: number }[];
  /** Notes of the sheet's data range, same shape as `readSheet`; `''` where there is none. */
  readNotes(name: string): string[][];
  /**
   * Writes many cells of one sheet; the adapter groups them into as few calls as it can, never
   * covering a cell that was not asked for. Durable at the latest with the next `appendRow` or when
   * the run ends: only claims must be durable before a side effect. A run killed in between leaves
   * the cells as they were (a claim stays `отправляется` and becomes `требует проверки`: never sent twice).
   */
  writeCells(sheet: string, cells: CellWrite[]): void;
  /** Sets or clears notes on cells of one sheet. */
  setNotes(sheet: string, notes: CellNote[]): void;
  /** Appends one row after the last row and makes it durable before returning; returns its number. */
  appendRow(sheet: string, values: Cell[]): number;
  /** Applies setup steps; never deletes or moves anything. */
  applySetup(steps: SetupStep[]): void;
  /** How a date cell read from this workbook reads as wall-clock time. */
  cellDate(value: Date): LocalDateTime;
  /** The `Date` to write so that the cell shows this wall-clock time. */
  toCellDate(value: LocalDateTime): Date;
}

/** The clock: instants for time budgets, wall-clock time in the centre's zone for documents. */
export interface Clock {
  nowMs(): number;
  today(): LocalDateTime;
}

/** An attachment made by the same runtime's document maker; opaque to core. */
export interface Attachment {
  readonly fileName: string;
  readonly mimeType: string;
}

/** A document that was made: a Google Doc or a file on disk. */
export interface MadeDocument {
  /** What the journal links to: a Docs URL or a file path. */
  link: string;
  /** The PDF to attach, when the runtime can make one (offline: null without LibreOffice). */
  pdf(): Attachment | null;
}

/** Which template a document is made from: the two letters, and the envelope for letters that go by post. */
export type TemplateKind = 'invitation' | 'thanks' | 'envelope';
/** The kinds of letter that go by email, with an email text of their own (not the envelope). */
export type LetterKind = Exclude<TemplateKind, 'envelope'>;

/** A tiny document model shared by both renderers (report, default templates, print-ready bundles). */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** `size`: in points, for small print (the body's size otherwise). */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right' | 'justify'; bold?: boolean; indent?: boolean; size?: number }
  /** `align`: each column's alignment in the body rows (numbers right); by default left, and in a table without header the last column right. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[]; align?: ColumnAlign[] }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'pageBreak' };

export type ColumnAlign = 'left' | 'center' | 'right';

export interface ChartSpec {
  title: string;
  /** Category labels along the axis. */
  labels: string[];
  values: number[];
  valueLabel: string;
}

export interface DocModel {
  title: string;
  blocks: Block[];
  /** Paragraphs at the foot of every page (a letter's performer), when any. */
  footer?: Extract<Block, { kind: 'paragraph' }>[];
  /** The page when it is not the letters' A4 portrait (an envelope, a landscape register). */
  page?: PageSetup;
}

/** A page size and margins in millimetres, and the body text size in points (renderer's default when absent). */
export interface PageSetup {
  widthMm: number;
  heightMm: number;
  margins: { top: number; right: number; bottom: number; left: number };
  fontPt?: number;
}

/**
 * Where documents go and which templates letters are made from, as «Настройки» says. Google Drive
 * IDs in Apps Script; offline the folder and templates come from the command line instead.
 */
export interface DocumentSettings {
  folder: string;
  /** The envelope's may be absent (a workbook set up before envelopes existed): blank, like an empty setting. */
  templates: Record<Exclude<TemplateKind, 'envelope'>, string> & Partial<Record<TemplateKind, string>>;
}

/** Makes documents in the runtime's document store (Google Drive or a folder on disk). */
export interface DocumentPort {
  /** The placeholders (`Обращение`, …) the template uses, in order of first use, or a problem text. */
  templatePlaceholders(kind: TemplateKind): string[];
  /** Whole text of the template, for previews. */
  templateText(kind: TemplateKind): string;
  /** A letter from the template with every `{{name}}` replaced literally by `values[name]`. */
  fillTemplate(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument;
  /**
   * Optional: makes the first of these letters ahead of their turn, all together (offline: their
   * PDFs by one LibreOffice start per batch instead of one per letter); returns how many it made.
   * `fillTemplate` with the same arguments then hands out the letter already made. Only for a maker
   * whose letters are files of its own: the journal's claim still comes before each letter is sent,
   * so a letter made ahead and never claimed (the run was killed) is simply made again next time.
   */
  prepare?(kind: TemplateKind, folder: string, letters: { values: Record<string, string>; name: string }[]): number;
  /**
   * A print-ready document (one letter per page, for partners without email) with its first letter,
   * filled as `fillTemplate` fills; saved when it returns. Letters are added one by one with
   * `appendToBundle`, so a run can journal each and stop between any two.
   */
  startBundle(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): MadeDocument;
  /** Adds one filled letter after a page break to the print-ready document of `link` (from `startBundle`); saved when it returns. */
  appendToBundle(kind: TemplateKind, link: string, values: Record<string, string>, folder: string): void;
  /** Optional: the run has added its letters to the bundle of `link` (offline: its PDF is made now, once). */
  finishBundle?(link: string): void;
  /**
   * A document rendered from the model (the annual report). `untilMs` (the clock's ms): past it the
   * maker stops, keeps nothing and throws a `UserError` saying so, rather than be killed mid-way.
   */
  render(model: DocModel, folder: string, name: string, untilMs?: number): MadeDocument;
}

/** An email message. Bodies are complete; core escapes HTML. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  senderName: string;
  replyTo: string;
  attachments: Attachment[];
}

export interface MailPort {
  /**
   * True when `send` only prepares the message for the user to send (offline without SMTP: an
   * `.eml` file): the journal then says `подготовлено`, never `отправлено`. Absent means it sends.
   */
  readonly prepareOnly?: boolean;
  /** Emails that may still be sent today, or null when unlimited/unknown (SMTP, .eml). */
  remainingQuota(): number | null;
  /** Sends one message; throws on failure. */
  send(message: MailMessage): void;
  /** The user's own address for «Отправить тест себе», or null. */
  selfAddress(): string | null;
}

/** A lock held around claiming work so two runs never overlap. */
export interface LockPort {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

/** Small persistent key-value store (Script properties in Apps Script, a JSON file offline). */
export interface StorePort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Runs a named entry point again later (time-driven trigger); offline runs just loop. */
export interface SchedulerPort {
  /** Schedules `handler` to run once after `afterMs`, replacing any earlier schedule of it. */
  scheduleOnce(handler: string, afterMs: number): void;
  /** Schedules `handler` to run once at the instant `atMs` (approximately), replacing any earlier schedule of it. */
  scheduleAt(handler: string, atMs: number): void;
  /** Removes every schedule of `handler`. */
  cancel(handler: string): void;
}

/** Shows progress to the user (toasts in Sheets, a bar in the terminal). */
export interface ProgressPort {
  report(done: number, total: number, message: string): void;
}

/** Everything a job needs from its runtime. */
export interface Runtime {
  workbook: WorkbookPort;
  /** The document maker for these settings (core reads them from the workbook it has parsed). */
  documents(settings: DocumentSettings): DocumentPort;
  mail: MailPort;
  lock: LockPort;
  store: StorePort;
  scheduler: SchedulerPort;
  progress: ProgressPort;
  clock: Clock;
}
