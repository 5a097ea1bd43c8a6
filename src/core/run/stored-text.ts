/**
 * A text of any length kept in the small key-value store (Script properties), whose values are
 * limited: "Properties value size 9 KB / val" and "Properties total storage 500 KB / property store"
 * (https://developers.google.com/apps-script/guides/services/quotas, "Current limitations").
 *
 * A text that fits in one value is stored as it is, under its key. A longer one is cut into parts of
 * at most PART_BYTES (UTF-8), written under `<key>.<slot>.<i>`, and the key then holds only a head
 * naming the slot, the number of parts and the length. A kill in the middle of a write never leaves a
 * half text read as whole:
 * - the parts go into the slot the current head does NOT name (two slots, `a` and `b`), so the text
 *   being read stays intact while the new one is written;
 * - the head is written last, in one `setProperty` (atomic): before it, the old text is read, after
 *   it, the new one, complete;
 * - a head whose parts are missing, or do not add up to its length, reads as no text at all.
 * Parts are written from the first and removed from the last, so what a kill leaves over in a slot
 * is always its first parts: the next write into that slot (or `deleteText`) finds them by reading on
 * until a part is missing, and removes them.
 */
import type { StorePort } from '../../ports';

/**
 * Bytes per part: under the documented 9 KB, and under the 8,066 bytes one value was measured to
 * hold with a short key (https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa).
 */
export const PART_BYTES = 8000;

type Slot = 'a' | 'b';
interface Head {
  slot: Slot;
  parts: number;
  length: number;
}

const HEAD_TAG = 'partnerstvo.parts';
const partKey = (key: string, slot: Slot, i: number) => `${key}.${slot}.${i}`;
const utf8Length = (text: string): number => {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/** The text cut into parts of at most PART_BYTES, never inside a character. */
function cut(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > PART_BYTES) {
      parts.push(part);
      part = '';
      bytes = 0;
    }
    part += ch;
    bytes += size;
  }
  if (part !== '') parts.push(part);
  return parts;
}

function headOf(raw: string | null): Head | null {
  if (raw === null || !raw.startsWith(`{"${HEAD_TAG}"`)) return null;
  try {
    const head = (JSON.parse(raw) as Record<string, unknown>)[HEAD_TAG] as Partial<Head> | undefined;
    if (!head || (head.slot !== 'a' && head.slot !== 'b') || !Number.isInteger(head.parts) || !Number.isInteger(head.length)) return null;
    return head as Head;
  } catch {
    return null;
  }
}

/** Removes the parts of a slot from `from` on: finds how many there are, then removes from the last. */
function removeParts(store: StorePort, key: string, slot: Slot, from: number): void {
  let end = from;
  while (store.get(partKey(key, slot, end)) !== null) end++;
  for (let i = end - 1; i >= from; i--) store.delete(partKey(key, slot, i));
}

/** The text under `key`, or null when there is none or its parts are not all there. */
export function readText(store: StorePort, key: string): string | null {
  const raw = store.get(key);
  const head = headOf(raw);
  if (!head) return raw;
  const parts: string[] = [];
  for (let i = 0; i < head.parts; i++) {
    const part = store.get(partKey(key, head.slot, i));
    if (part === null) return null;
    parts.push(part);
  }
  const text = parts.join('');
  return text.length === head.length ? text : null;
}

/** Stores the text under `key`; see the file's comment for why a kill never leaves half of it. */
export function writeText(store: StorePort, key: string, text: string): void {
  const old = headOf(store.get(key));
  if (utf8Length(text) <= PART_BYTES && !text.startsWith(`{"${HEAD_TAG}"`)) {
    store.set(key, text);
  } else {
    const slot: Slot = old?.slot === 'a' ? 'b' : 'a';
    const parts = cut(text);
    parts.forEach((part, i) => store.set(partKey(key, slot, i), part));
    removeParts(store, key, slot, parts.length);
    store.set(key, JSON.stringify({ [HEAD_TAG]: { slot, parts: parts.length, length: text.length } }));
  }
  // The text before it is no longer read: its parts go, from the last.
  if (old) removeParts(store, key, old.slot, 0);
}

/** Removes the text: the head first (nothing reads a half text then), then every part of both slots. */
export function deleteText(store: StorePort, key: string): void {
  store.delete(key);
  removeParts(store, key, 'a', 0);
  removeParts(store, key, 'b', 0);
}
