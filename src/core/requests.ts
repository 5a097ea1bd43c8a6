/** What the dialogs send to the server calls, reduced to what a request may hold (a page could send anything). */

/** Only the strings of a list. */
export function stringsFrom(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
}
