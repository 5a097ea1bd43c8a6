/**
 * Outgoing registration numbers of letters (ГОСТ Р 7.0.97-2025, requisite 11): the prefix from
 * «Настройки» and a running number, `01-12/57`.
 *
 * A number is taken when a letter is claimed in «Журнал»: the claim row holds it, durably, before
 * anything is made or sent; the counter in «Настройки» is advanced after it. The next number is
 * derived as max(counter, highest number of this prefix in the journal + 1), so a run killed between
 * the claim and the counter write never hands out the same number again, and a number taken by a
 * claim whose letter never went out stays in the journal as that row: no silent gap. Every claim
 * takes a new number (a retry or a resend is a new letter with its own).
 */
import type { CellWrite } from '../../ports';
import type { JournalEntry, WorkbookData } from '../data/records';
import { COL, SHEET } from '../data/schema';
import type { TemplateProblem } from '../letters/fill';
import { templateMsg } from '../../messages/letters';
import { NUMBER_PLACEHOLDER } from '../../messages/placeholders';

/** The placeholder of the number in letter templates. */
export { NUMBER_PLACEHOLDER };

/** The running part of `number` when it is `prefix` + digits, else null. */
export function runningPart(number: string, prefix: string): number | null {
  const text = number.trim();
  if (!text.startsWith(prefix)) return null;
  const rest = text.slice(prefix.length);
  return /^\d{1,15}$/.test(rest) ? Number(rest) : null;
}

export class Numbering {
  private next: number;

  /**
   * `counter`: where the counter's value cell is (null: no such row, nothing is written there).
   * `entries`: every row of the journal as read, not only each key's latest.
   */
  constructor(
    readonly prefix: string,
    /** The counter's value as read from «Настройки». */
    readonly counterValue: string,
    private readonly counter: { row: number; col: number } | null,
    entries: readonly JournalEntry[],
  ) {
    const typed = /^\s*\d{1,9}\s*$/.test(counterValue) ? Number(counterValue) : 1;
    let highest = 0;
    for (const e of entries) {
      const n = runningPart(e.number ?? '', prefix);
      if (n !== null && n > highest) highest = n;
    }
    this.next = Math.max(typed, highest + 1, 1);
  }

  /** The next `count` numbers, without taking them. */
  peek(count: number): string[] {
    return Array.from({ length: count }, (_, i) => this.format(this.next + i));
  }

  /** Takes the next number. */
  take(): string {
    return this.format(this.next++);
  }

  /** Gives back the number just taken (its claim was not written). */
  release(number: string): void {
    if (number === this.format(this.next - 1)) this.next--;
  }

  /** Remembers a number written by someone else's claim (a row added with its number given). */
  seen(number: string): void {
    const n = runningPart(number, this.prefix);
    if (n !== null && n >= this.next) this.next = n + 1;
  }

  /** The write that advances the counter in «Настройки» to the next free number, or null without its row. */
  counterWrite(): CellWrite | null {
    return this.counter ? { ...this.counter, value: String(this.next) } : null;
  }

  private format(n: number): string {
    return `${this.prefix}${n}`;
  }
}

/**
 * The numbering of this workbook, or null when «Журнал» has no number column (a journal made before
 * it: «Настроить таблицу» adds it; until then letters go without a number, as they did).
 */
export function numberingOf(data: WorkbookData): Numbering | null {
  if (data.columns[SHEET.journal]?.[COL.number] === undefined) return null;
  const row = data.settingRows?.numberNext;
  const col = data.columns[SHEET.settings]?.[COL.value];
  const counter = row !== undefined && col !== undefined ? { row, col } : null;
  return new Numbering(data.settings.numberPrefix.trim(), data.settings.numberNext, counter, data.journal);
}

/**
 * The template check's problems as they concern the number: the number is given at the claim, so
 * it is never «empty»; a template that uses it with a journal that cannot record numbers is a
 * problem of its own, which says what to do.
 */
export function numberProblems(problems: TemplateProblem[], used: readonly string[], numbered: boolean): TemplateProblem[] {
  const others = problems.filter((p) => p.placeholder !== NUMBER_PLACEHOLDER);
  if (numbered || !used.includes(NUMBER_PLACEHOLDER)) return others;
  return [...others, { placeholder: NUMBER_PLACEHOLDER, message: templateMsg.noNumberColumn(NUMBER_PLACEHOLDER, SHEET.journal, COL.number) }];
}
