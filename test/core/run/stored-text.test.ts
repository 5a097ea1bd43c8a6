/**
 * Texts longer than one script property: cut into parts under the 9 KB per value, read back whole,
 * and a kill at every store call of a write (or a removal) leaves either the old text or the new one,
 * never a half read as whole, and nothing left over once removed.
 */
import { deleteText, PART_BYTES, readText, writeText } from '../../../src/core/run/stored-text';
import type { StorePort } from '../../../src/ports';
import { MemoryStore, STORE_VALUE_LIMIT } from '../../helpers/memory-runtime';

class Killed extends Error {}

/** A store that dies at its `killAt`-th call: that call and every later one do nothing and throw. */
class DyingStore implements StorePort {
  calls = 0;
  dead = false;
  constructor(
    readonly inner: MemoryStore,
    private readonly killAt: number | null = null,
  ) {}
  private tick(): void {
    if (this.dead) throw new Killed();
    this.calls++;
    if (this.calls === this.killAt) {
      this.dead = true;
      throw new Killed();
    }
  }
  get(key: string): string | null {
    this.tick();
    return this.inner.get(key);
  }
  set(key: string, value: string): void {
    this.tick();
    this.inner.set(key, value);
  }
  delete(key: string): void {
    this.tick();
    this.inner.delete(key);
  }
}

const KEY = 'partnerstvo.run';
/** A text of `n` long Cyrillic IDs (two bytes a letter). */
const ids = (n: number, tag: string) => JSON.stringify(Array.from({ length: n }, (_, i) => `П-ОРГАНИЗАЦИЯ-${tag}-${String(i).padStart(5, '0')}`));

describe('stored text', () => {
  it('a short text is one value, as before; a long one is parts under the value limit, read back whole', () => {
    const store = new MemoryStore();
    writeText(store, KEY, '{"job":"invite"}');
    expect([...store.data]).toEqual([[KEY, '{"job":"invite"}']]);
    const long = ids(500, 'А');
    expect(Buffer.byteLength(long)).toBeGreaterThan(2 * STORE_VALUE_LIMIT);
    writeText(store, KEY, long);
    expect(readText(store, KEY)).toBe(long);
    expect(store.largestValue).toBeLessThanOrEqual(PART_BYTES);
    expect(store.data.size).toBe(4);
    // Back to a short one: the parts go.
    writeText(store, KEY, 'x');
    expect([...store.data]).toEqual([[KEY, 'x']]);
    writeText(store, KEY, long);
    deleteText(store, KEY);
    expect(store.data.size).toBe(0);
  });

  it('a text that looks like a head is stored as parts, not mistaken for one', () => {
    const store = new MemoryStore();
    const tricky = '{"partnerstvo.parts":{"slot":"a","parts":0,"length":0}}';
    writeText(store, KEY, tricky);
    expect(readText(store, KEY)).toBe(tricky);
  });

  it('a head whose parts are missing reads as nothing', () => {
    const store = new MemoryStore();
    writeText(store, KEY, ids(300, 'Б'));
    store.delete(`${KEY}.a.1`);
    expect(readText(store, KEY)).toBeNull();
  });

  const cases: [string, string | null, string][] = [
    ['none → long', null, ids(400, 'Н')],
    ['short → long', '{"x":1}', ids(400, 'Н')],
    ['long → longer', ids(200, 'С'), ids(400, 'Н')],
    ['long → shorter long', ids(400, 'С'), ids(150, 'Н')],
    ['long → short', ids(400, 'С'), '{"x":2}'],
  ];
  it.each(cases)('%s: a kill at every store call of the write leaves the old text or the new, then a write and a removal leave nothing over', (_name, before, after) => {
    const clean = new DyingStore(new MemoryStore());
    if (before !== null) writeText(clean.inner, KEY, before);
    writeText(clean, KEY, after);
    const total = clean.calls;
    expect(total).toBeGreaterThan(2);
    for (let k = 1; k <= total; k++) {
      const inner = new MemoryStore();
      if (before !== null) writeText(inner, KEY, before);
      const dying = new DyingStore(inner, k);
      expect(() => writeText(dying, KEY, after)).toThrow(Killed);
      const read = readText(inner, KEY);
      expect([k, read === before || read === after]).toEqual([k, true]);
      // The next execution writes again (twice: both slots), then finishes and removes it.
      writeText(inner, KEY, after);
      expect(readText(inner, KEY)).toBe(after);
      writeText(inner, KEY, ids(300, 'П'));
      deleteText(inner, KEY);
      expect([k, [...inner.data.keys()]]).toEqual([k, []]);
    }
  });

  it('a kill at every store call of the removal leaves nothing read as whole but the text itself, and the next removal leaves nothing', () => {
    const long = ids(400, 'У');
    const clean = new DyingStore(new MemoryStore());
    writeText(clean.inner, KEY, long);
    deleteText(clean, KEY);
    for (let k = 1; k <= clean.calls; k++) {
      const inner = new MemoryStore();
      writeText(inner, KEY, long);
      expect(() => deleteText(new DyingStore(inner, k), KEY)).toThrow(Killed);
      expect([k, readText(inner, KEY) === null || readText(inner, KEY) === long]).toEqual([k, true]);
      deleteText(inner, KEY);
      expect([k, inner.data.size]).toEqual([k, 0]);
    }
  });
});
