/**
 * The journal (`Журнал`): the truth about what was sent and made. One row per attempt; the latest
 * row of a key is its state. Every state change is one durable row write, made before the next
 * side effect, so a run killed at any moment leaves a row that says what may have happened.
 */
import type { Cell, Clock, LocalDateTime, Runtime, WorkbookPort } from '../../ports';
import type { JournalEntry, WorkbookData } from '../data/records';
import { COL, JOURNAL_ACTION, JOURNAL_SPEC, JOURNAL_STATUS, type JournalStatus, SHEET } from '../data/schema';
import { type Numbering, numberingOf } from './numbering';

export type JournalAction = keyof typeof JOURNAL_ACTION;

/** The journal's `Действие` text per action. */
export const ACTION_LABEL: Record<JournalAction, string> = JOURNAL_ACTION;

/** Idempotency key: action + scope (event ID or academic year) + partner ID. */
export function journalKey(action: JournalAction, scope: string, partnerId: string): string {
  return `${action}|${scope}|${partnerId}`;
}

/** Statuses that mean "the letter exists" (the report counts them; a run that only prepares skips them). */
export const DONE: readonly JournalStatus[] = [JOURNAL_STATUS.sent, JOURNAL_STATUS.made, JOURNAL_STATUS.prepared];

/**
 * Whether a letter in this state is done for a run: sent and made letters always are; a prepared
 * one (its email saved, not sent) is done for a run that does not send mail, and is sent by one that does.
 */
export function isDone(status: JournalStatus, runSendsMail: boolean): boolean {
  if (status === JOURNAL_STATUS.prepared) return !runSendsMail;
  return status === JOURNAL_STATUS.sent || status === JOURNAL_STATUS.made;
}

/** A journal time as a string that sorts like the time: `2026-11-27T09:05:00`. */
export function journalTime(t: LocalDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
}

export class Journal {
  private readonly latestByKey = new Map<string, JournalEntry>();
  private readonly width: number;
  /** The counter's value as read or last written: written again only when the next number differs. */
  private savedCounter: string | null = null;

  constructor(
    private readonly wb: WorkbookPort,
    private readonly clock: Clock,
    private readonly columns: Record<string, number>,
    entries: JournalEntry[],
    /** Outgoing registration numbers; null when the journal has no number column. */
    private readonly numbering: Numbering | null = null,
  ) {
    for (const entry of entries) this.latestByKey.set(entry.key, entry);
    this.savedCounter = numbering ? numbering.counterValue.trim() : null;
    this.width = Math.max(...JOURNAL_SPEC.columns.map((c) => columns[c.header] ?? 0));
  }

  /** Whether claims take registration numbers (the journal has the column for them). */
  get numbered(): boolean {
    return this.numbering !== null;
  }

  /** The numbers the next `count` numbered claims will take, in order ('' each without numbering). */
  nextNumbers(count: number): string[] {
    return this.numbering ? this.numbering.peek(count) : new Array<string>(count).fill('');
  }

  latest(key: string): JournalEntry | undefined {
    return this.latestByKey.get(key);
  }

  entries(): JournalEntry[] {
    return [...this.latestByKey.values()];
  }

  /** The journal's own cells of an entry: column → value (staff columns are not among them). */
  private cellsOf(entry: JournalEntry): Map<number, Cell> {
    const cells = new Map<number, Cell>();
    const put = (header: string, value: Cell) => {
      const col = this.columns[header];
      if (col !== undefined) cells.set(col, value);
    };
    put(COL.time, entry.time ? this.wb.toCellDate(entry.time) : '');
    put(COL.action, entry.action);
    put(COL.key, entry.key);
    put(COL.event, entry.event);
    put(COL.partner, entry.partner);
    put(COL.address, entry.address);
    put(COL.status, entry.status);
    put(COL.document, entry.document);
    put(COL.message, entry.message);
    put(COL.number, entry.number ?? '');
    return cells;
  }

  /** A whole new row: the journal's cells, blanks in between. */
  private toRow(entry: JournalEntry): Cell[] {
    const row: Cell[] = new Array(this.width).fill('');
    for (const [col, value] of this.cellsOf(entry)) row[col - 1] = value;
    return row;
  }

  /**
   * Writes a new row (durable before returning) and makes it the key's state. `numbered`: the row
   * takes the next registration number (when the journal has numbers); `saveNumbers` then moves the
   * counter in «Настройки» past it.
   */
  add(fields: Omit<JournalEntry, 'row' | 'time'>, numbered = false): JournalEntry {
    const entry: JournalEntry = { ...fields, row: 0, time: this.clock.today() };
    const numbering = numbered ? this.numbering : null;
    if (numbering) entry.number = numbering.take();
    else if (entry.number) this.numbering?.seen(entry.number);
    try {
      entry.row = this.wb.appendRow(SHEET.journal, this.toRow(entry));
    } catch (e) {
      // Not written, so not taken: the counter must not move past a number nobody holds (a silent gap).
      // Should the row be there after all, the next run counts it from the journal; this one adds no more.
      if (numbering) numbering.release(entry.number ?? '');
      throw e;
    }
    this.latestByKey.set(entry.key, entry);
    return entry;
  }

  /**
   * Advances the counter in «Настройки» past the numbers taken (one write, and only when it does not
   * already say the next number: a counter left behind by a killed run is caught up). Once per run is enough: the journal is the truth about numbers, so a run killed
   * before this leaves nothing to reuse, and its failure only leaves the counter behind until the next run.
   */
  saveNumbers(): void {
    const counter = this.numbering?.counterWrite();
    if (!counter || counter.value === this.savedCounter) return;
    try {
      this.wb.writeCells(SHEET.settings, [counter]);
      this.savedCounter = String(counter.value);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
    }
  }

  /**
   * Rewrites the journal's cells of the entry's row with a new status, leaving what staff wrote in
   * their own columns of that row. Durable with the next claim (see `WorkbookPort.writeCells`).
   */
  update(entry: JournalEntry, status: JournalStatus, changes: Partial<Pick<JournalEntry, 'document' | 'message' | 'address'>> = {}): void {
    const next: JournalEntry = { ...entry, ...changes, status, time: this.clock.today() };
    this.wb.writeCells(SHEET.journal, [...this.cellsOf(next)].map(([col, value]) => ({ row: entry.row, col, value })));
    Object.assign(entry, next);
    this.latestByKey.set(entry.key, entry);
  }
}

/** The journal of the workbook as read, or null when «Журнал» or one of its columns is missing. */
export function openJournal(rt: Pick<Runtime, 'workbook' | 'clock'>, data: WorkbookData): Journal | null {
  const columns = data.columns[SHEET.journal];
  // A missing sheet or column (the problems `sheetProblems` stops jobs on): without it the journal would read empty and everything would go again.
  if (!columns || data.problems.some((p) => p.sheet === SHEET.journal && p.col === 0 && p.address === p.sheet)) return null;
  return new Journal(rt.workbook, rt.clock, columns, data.journal, numberingOf(data));
}

/** A letter named by its journal key's parts. */
export interface LetterKey {
  action: JournalAction;
  scope: string;
  partnerId: string;
}

/** The parts of a key `invite|М-021|П-003`, or null when it is not one of ours. */
export function parseJournalKey(key: string): LetterKey | null {
  const [action, scope, partnerId, ...rest] = key.split('|');
  if (rest.length > 0 || !scope || !partnerId || !(action in JOURNAL_ACTION)) return null;
  return { action: action as JournalAction, scope, partnerId };
}

/**
 * After part of the journal was lost: every letter of `letters` that the journal does not show as
 * sent or made may have been sent in the lost part, so it becomes `требует проверки` — never resent
 * by itself, listed by the next run. Returns how many rows were added.
 */
export function markUnknown(journal: Journal, letters: LetterKey[], message: string): number {
  let added = 0;
  for (const letter of letters) {
    const key = journalKey(letter.action, letter.scope, letter.partnerId);
    const last = journal.latest(key);
    if (last && (last.status === JOURNAL_STATUS.sent || last.status === JOURNAL_STATUS.made || last.status === JOURNAL_STATUS.needsCheck)) continue;
    journal.add({ action: ACTION_LABEL[letter.action], key, event: letter.scope, partner: letter.partnerId, address: last?.address ?? '', status: JOURNAL_STATUS.needsCheck, document: last?.document ?? '', message });
    added++;
  }
  return added;
}
