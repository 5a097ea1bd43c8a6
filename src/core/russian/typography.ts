/** Russian typography: non-breaking spaces, «ёлочки», capitalisation. */

/** U+00A0 NO-BREAK SPACE. */
export const NBSP = '\u00a0';

/** Upper-cases the first letter, leaves the rest as it is. */
export function capitalize(s: string): string {
  if (s === '') return s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Characters after which a straight `"` opens a quotation. */
const OPENING_CONTEXT = /[\s([{«„\-–—/]/;

/**
 * Turns straight double quotes into «ёлочки», nested ones into „лапки“:
 * `МБУ "ДЮЦ "Ровесник""` → `МБУ «ДЮЦ „Ровесник“»`. Existing «» and „“ are kept and count for nesting.
 */
export function quotes(s: string): string {
  const open: string[] = [];
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '«' || ch === '„') {
      open.push(ch);
      out += ch;
    } else if (ch === '»' || ch === '“') {
      if (open.length > 0) open.pop();
      out += ch;
    } else if (ch === '"') {
      const prev = i === 0 ? '' : s.charAt(i - 1);
      const opening = open.length === 0 || prev === '' || OPENING_CONTEXT.test(prev);
      if (opening) {
        const mark = open.length === 0 ? '«' : '„';
        open.push(mark);
        out += mark;
      } else {
        const mark = open.pop();
        out += mark === '„' ? '“' : '»';
      }
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * Binds initials to each other and to the surname with non-breaking spaces:
 * `И. П. Сидоров`, `И.П. Сидоров`, `Сидоров И. П.` → `И.{NBSP}П.{NBSP}Сидоров`, `Сидоров{NBSP}И.{NBSP}П.`.
 */
export function nbspInitials(s: string): string {
  // An initial (one capital letter and a dot, not inside a word) followed by a capital.
  let out = s.replace(/(?<![А-Яа-яЁёA-Za-z])([А-ЯЁ]\.)[ \t\u00a0]*(?=[А-ЯЁ])/g, `$1${NBSP}`);
  // A surname followed by an initial.
  // A surname followed by its initials (not initials that start the next name: `Директор Н. А. Римская`).
  out = out.replace(
    /([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]+(?=[А-ЯЁ]\.(?:\u00a0[А-ЯЁ]\.)?(?![\s\u00a0]*[А-ЯЁ]))/g,
    `$1${NBSP}`,
  );
  return out;
}

/**
 * Quotes inside quotes become „лапки“: `«Детство «Солнышко»»` → `«Детство „Солнышко“»`; deeper
 * levels alternate. Closing quotes with nothing open, and openings never closed, stay as they are.
 */
export function nestQuotes(s: string): string {
  const open: string[] = [];
  let out = '';
  for (const ch of s) {
    if (ch === '«' || ch === '„') {
      const mark = open.length % 2 === 0 ? '«' : '„';
      open.push(mark);
      out += mark;
    } else if ((ch === '»' || ch === '“') && open.length > 0) {
      out += open.pop() === '„' ? '“' : '»';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Whether every `«` in `s` is closed by a later `»`. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '«') depth++;
    else if (ch === '»' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A name typed in quotes loses them, so that text which quotes it itself does not double them:
 * `«Мы рождены не для войны»` → `Мы рождены не для войны` (straight quotes read as «ёлочки»).
 * Quotes that only start or end the text (`«День города» и «Новый год»`,
 * `«Детско-юношеский центр «Ровесник»`) stay, and so does the text as typed.
 */
export function stripEnclosingQuotes(s: string): string {
  const t = quotes(s.trim());
  if (t.length < 3 || !t.startsWith('«') || !t.endsWith('»')) return s;
  const inner = t.slice(1, -1);
  return balanced(inner) && inner.trim() !== '' ? inner.trim() : s;
}
