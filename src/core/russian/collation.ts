/**
 * Alphabetical order without locale data (Apps Script may lack it): Cyrillic code points are in
 * alphabetical order once «ё» is treated as «е».
 */
/** What «ё» becomes when compared: «е». */
export const YO_FOLDED = 'е';

/** «ё» → «е» (and «Ё» → «Е»), as Russian text is compared. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, YO_FOLDED).replace(/Ё/g, 'Е');
}

export function compareText(a: string, b: string): number {
  const x = foldYo(a.toLowerCase());
  const y = foldYo(b.toLowerCase());
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
