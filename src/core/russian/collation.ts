/**
 * Alphabetical order without locale data (Apps Script may lack it): Cyrillic code points are in
 * alphabetical order once «ё» is treated as «е».
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase().replace(/ё/g, 'е');
  const y = b.toLowerCase().replace(/ё/g, 'е');
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
