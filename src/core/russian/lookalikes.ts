/**
 * Latin letters that look like Cyrillic ones: `M-021` typed with a Latin M is meant as `М-021`. IDs
 * are compared with these folded to Cyrillic, and a match found only that way comes with a hint.
 */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};

/** The text with every Latin look-alike letter replaced by its Cyrillic twin. */
export function foldLookAlikes(text: string): string {
  return text.replace(/[ABCEHKMOPTXYaceopxy]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch);
}

/** Whether two IDs are the same once case and Latin look-alikes are set aside. */
export function sameId(a: string, b: string): boolean {
  return foldLookAlikes(a.trim()).toLowerCase() === foldLookAlikes(b.trim()).toLowerCase();
}
