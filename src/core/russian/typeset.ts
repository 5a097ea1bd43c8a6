/**
 * The one typographic pass every text that goes out takes (letters' values, emails, the report, the
 * dialogs' samples): it binds with non-breaking spaces what must not part at a line end, puts
 * quotes inside quotes into „лапки“, and keeps names whole. It never changes a word or its letters:
 * only spaces become NBSP, hyphens inside names and phone numbers non-breaking hyphens, straight
 * quotes «ёлочки», and a spaced hyphen a dash. Running it twice changes nothing more.
 *
 * Typograf (https://github.com/typograf/typograf, pure JS, bundled into Apps Script too) does the
 * rules it has, and only these (its other rules rewrite text: `1/2` → `½`, `(c)` → `©`, a space
 * before every bracket, phone numbers reformatted wrongly):
 * - `ru/nbsp/afterNumberSign` `№ 5`, `ru/nbsp/year` `2026 г.`, `ru/nbsp/addr` `г. Владивосток`,
 *   `ул. Ленина`, `д. 5`, `ru/nbsp/dayMonth` `27 ноября`, `ru/nbsp/initials`, `ru/nbsp/rubleKopek`
 *   `500 руб.`, `ru/nbsp/mln`, `ru/nbsp/ooo` `ООО Рыбозавод`, `ru/nbsp/abbr` `т. д.`,
 *   `ru/nbsp/page`, `ru/nbsp/see` `им. Ленина`;
 * - `ru/dash/main`: NBSP before «—» (a spaced hyphen becomes the dash).
 * Our own rules, for what Typograf does not do or does otherwise: «…„…“» for quotes inside quotes
 * (Typograf's `common/punctuation/quote` drops a quote mark it cannot pair: `‹!` → `!`, found by the
 * property tests), a plain NBSP after `№` (Typograf's
 * narrow one, U+202F, is missing from Times New Roman and Liberation Serif), NBSP between the digit
 * groups of an amount (`5 000 руб.`), inside phone numbers (spaces NBSP, hyphens U+2011), initials
 * after a surname (`Сидоров И. П.`), the closing quote that Russian typing drops where two meet
 * (`«Центр «Ровесник»` → `«Центр „Ровесник“»`), and U+2011 in hyphenated names (`Детско‑юношеский`,
 * `Римский‑Корсаков`) so that no line ends inside a name.
 *
 * Typograf reads HTML entities (`&nbsp;` would become a space): every `&` is escaped for it and
 * restored after, so a value such as `&amp;` or `&#1;` stays as typed.
 */
import Typograf from 'typograf';
import { NBSP, nbspInitials, nestQuotes, quotes } from './typography';

/** U+2011 NON-BREAKING HYPHEN. */
export const NB_HYPHEN = '\u2011';
/** U+202F NARROW NO-BREAK SPACE, which Typograf puts after `№`. */
const NARROW_NBSP = '\u202f';

const RULES = [
  'ru/nbsp/afterNumberSign',
  'ru/nbsp/year',
  'ru/nbsp/addr',
  'ru/nbsp/dayMonth',
  'ru/nbsp/initials',
  'ru/nbsp/rubleKopek',
  'ru/nbsp/mln',
  'ru/nbsp/ooo',
  'ru/nbsp/abbr',
  'ru/nbsp/page',
  'ru/nbsp/see',
  'ru/dash/main',
];

let engine: Typograf | null = null;

/** One Typograf with our rules only, made on first use (Apps Script runs files top to bottom). */
function typograf(): Typograf {
  if (engine) return engine;
  const t = new Typograf({ locale: ['ru', 'en-US'], htmlEntity: { type: 'default' } });
  t.disableRule('*');
  t.enableRule(RULES);
  engine = t;
  return t;
}

/**
 * Closes quotes that Russian typing merges: `«Центр «Ровесник»` has two openings and one closing;
 * the missing `»` goes right after the closing of the quote nested in the unclosed one (`«Дом
 * «Юность», «Заря»` → `«Дом «Юность»», «Заря»`), so the nesting pass can make `«Дом „Юность“»`.
 * An opening with no quote nested in it is left as it is.
 */
function closeMergedQuotes(text: string): string {
  let s = text;
  for (let round = 0; round < 8; round++) {
    const open: { innerClose: number }[] = [];
    for (let i = 0; i < s.length; i++) {
      const ch = s.charAt(i);
      if (ch === '«') open.push({ innerClose: -1 });
      else if (ch === '»' && open.length > 0) {
        open.pop();
        const outer = open[open.length - 1];
        if (outer && outer.innerClose < 0) outer.innerClose = i;
      }
    }
    const unclosed = open.filter((o) => o.innerClose >= 0).pop();
    if (!unclosed) return s;
    s = s.slice(0, unclosed.innerClose + 1) + '»' + s.slice(unclosed.innerClose + 1);
  }
  return s;
}

/** Phone numbers: `+7 (423) 123-45-67`, `8 42331 2-15-67`, `2-15-67`; a run of digits and separators. */
const PHONE = /(?<![\p{L}\p{N}.,/])(?:\+\d|\(\d|\d)[\d ()\u00a0\u2011-]*\d(?![\p{L}\p{N}]|[.,]\d)/gu;

function isPhone(run: string): boolean {
  const digits = run.replace(/\D/g, '').length;
  if (digits < 5 || digits > 15) return false;
  if (/^\d{4}-\d{4}$/.test(run) || /^\d{4}-\d{2}$/.test(run)) return false; // 2025-2026, 2025-26
  const separated = /\d[-\u2011]\d/.test(run) || run.includes('(') || run.startsWith('+');
  return separated && /\d[-\u2011 \u00a0()]+\d/.test(run);
}

function bindPhones(s: string): string {
  return s.replace(PHONE, (run) => (isPhone(run) ? run.replace(/ /g, NBSP).replace(/-/g, NB_HYPHEN) : run));
}

/** `5 000 руб.`, `1 200 000 ₽`, `12 500 человек`: the digit groups of an amount and its unit stay together. */
const GROUPED_AMOUNT = /(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?[ \u00a0]?(?=руб|р\.|₽|коп|тыс|млн|млрд|чел)/g;

function bindAmounts(s: string): string {
  return s.replace(GROUPED_AMOUNT, (m) => m.replace(/ /g, NBSP));
}

/**
 * Hyphens inside names: a word whose first and last parts are capitalised (`Римский-Корсаков`,
 * `Анна-Мария`, `Ростов-на-Дону`), a patronymic with its particle (`Гейдар-оглы`), and a capitalised
 * word opening a quoted name (`«Детско-юношеский центр`). A compound that merely starts a sentence
 * (`Программно-методические`) keeps its ordinary hyphen, where a line may end.
 */
const NAME_HYPHEN = /(?<![\p{L}-])\p{Lu}\p{Ll}*(?:-\p{Ll}+)*-\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)*(?![\p{L}-])/gu;
const PARTICLE_HYPHEN = /(?<![\p{L}-])\p{Lu}\p{Ll}*-(?:оглы|оглу|улы|уулу|кызы|гызы|кизи)(?![\p{L}-])/giu;
const QUOTED_NAME_HYPHEN = /(?<=[«„"])\p{Lu}\p{Ll}*(?:-\p{L}+)+(?![\p{L}-])/gu;

function bindNames(s: string): string {
  const bind = (name: string) => name.replace(/-/g, NB_HYPHEN);
  return s.replace(NAME_HYPHEN, bind).replace(PARTICLE_HYPHEN, bind).replace(QUOTED_NAME_HYPHEN, bind);
}

function pass(text: string): string {
  let s = nbspInitials(nestQuotes(closeMergedQuotes(quotes(text))));
  s = typograf().execute(s.replace(/&/g, '&amp;')).replace(/&amp;/g, '&');
  s = s.split(`№${NARROW_NBSP}`).join(`№${NBSP}`);
  return bindNames(bindPhones(bindAmounts(nbspInitials(s))));
}

/**
 * The typographic pass; see the module comment. A rule can open a place for another (a space bound
 * after `т.` makes `д.` look like «дом» to Typograf's address rule), so the pass repeats until
 * nothing changes: what it returns is a fixed point, and typesetting it again changes nothing.
 */
export function typeset(text: string): string {
  let s = text.replace(/\r\n?/g, '\n');
  if (s.trim() === '') return s;
  for (let i = 0; i < 4; i++) {
    const next = pass(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** The same pass over every value of a record (a letter's placeholders). */
export function typesetValues<T extends Record<string, string>>(values: T): T {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeset(v);
  return out as T;
}
