/**
 * A Google Sheet's Drive ID from what a user pastes: the address from the browser
 * (`https://docs.google.com/spreadsheets/d/<ID>/edit#gid=0`, also with `/u/1/` or a sharing link
 * `…/d/<ID>/edit?usp=sharing`), a Drive link (`https://drive.google.com/open?id=<ID>`,
 * `…/file/d/<ID>/view`) or the bare ID. Drive IDs are letters, digits, `-` and `_`
 * (https://developers.google.com/workspace/drive/api/guides/about-files#characteristics).
 */
const ID = /^[A-Za-z0-9_-]{20,}$/;

export function sheetIdFrom(input: string): string | null {
  const text = input.trim();
  if (ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!/(^|\.)google\.com$/.test(url.hostname)) return null;
  const inPath = /\/d\/([A-Za-z0-9_-]+)/.exec(url.pathname)?.[1];
  const candidate = inPath ?? url.searchParams.get('id') ?? url.searchParams.get('key');
  return candidate && ID.test(candidate) ? candidate : null;
}
