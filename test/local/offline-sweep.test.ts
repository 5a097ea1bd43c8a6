/**
 * Never twice, never lost — offline, with the new PDF and journal paths: the real xlsx workbook and
 * its sidecar, letters made ahead with their PDFs converted in batches (a stand-in soffice), and a
 * kill at every call of a run — between the calls, and in the middle of each sidecar write — then a
 * rerun from what is on disk. Every partner gets at most one email; one that got none is flagged.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import PizZip from 'pizzip';
import { startJob } from '../../src/core/jobs';
import { readWorkbook } from '../../src/core/data/read';
import { defaultTemplate } from '../../src/core/letters/templates';
import type { MailMessage, Runtime } from '../../src/ports';
import { NodeClock } from '../../src/local/clock';
import { LocalDocuments } from '../../src/local/documents';
import { OFFLINE_LIMITS } from '../../src/local/runtime';
import type { SidecarIo } from '../../src/local/sidecar';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'rovesnik.xlsx');
const EVENT = 'М-023';

class Killed extends Error {}

/** Counts the calls of a run and kills it at call `killAt`, or in the middle of sidecar write `tearAt`. */
class World {
  calls = 0;
  writes = 0;
  dead = false;
  constructor(
    readonly killAt: number | null = null,
    readonly tearAt: number | null = null,
  ) {}
  tick(): void {
    if (this.dead) throw new Killed('dead');
    this.calls++;
    if (this.calls === this.killAt) {
      this.dead = true;
      throw new Killed(`killed at call ${this.calls}`);
    }
  }
  io(): SidecarIo {
    return {
      writeSync: ((fd: number, data: Buffer | string) => {
        if (this.dead) throw new Killed('dead');
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        if (++this.writes === this.tearAt) {
          this.dead = true;
          fs.writeSync(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw new Killed(`killed inside sidecar write ${this.writes}`);
        }
        return fs.writeSync(fd, bytes);
      }) as SidecarIo['writeSync'],
      fsyncSync: fs.fsyncSync,
    };
  }
}

function counted<T extends object>(world: World, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        world.tick();
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

let dir: string;
let soffice: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-sweep-'));
  soffice = path.join(dir, 'soffice');
  fs.writeFileSync(
    soffice,
    `#!/bin/sh
out=""; prev=""
for a in "$@"; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) printf '%%PDF-1.4 fake' > "$out/$(basename "$a" .docx).pdf";; esac; done
`,
  );
  execFileSync('chmod', ['+x', soffice]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function runOnce(book: string, world: World, outbox: string[]): Promise<void> {
  const workbook = await XlsxWorkbook.open(book, { sidecarIo: world.io() });
  const documents = new LocalDocuments({ outDir: path.join(path.dirname(book), 'out'), defaultTemplate, pdf: 'auto', soffice, eagerPdf: true });
  const mail = {
    remainingQuota: () => null,
    selfAddress: () => null,
    send: (m: MailMessage) => void outbox.push(m.to.join(', ')),
  };
  const rt: Runtime = {
    workbook: counted(world, workbook),
    documents: () => counted(world, documents),
    mail: counted(world, mail),
    lock: { tryLock: () => true, release: () => undefined },
    store: { get: () => null, set: () => undefined, delete: () => undefined },
    scheduler: { scheduleOnce: () => undefined, scheduleAt: () => undefined, cancel: () => undefined },
    progress: { report: () => undefined },
    clock: new NodeClock('Europe/Moscow', () => Date.UTC(2026, 10, 20, 9)),
  };
  try {
    startJob(rt, { job: 'invite', eventId: EVENT, resend: [] }, OFFLINE_LIMITS);
  } catch (error) {
    // After the kill nothing of this run counts (the adapter may have wrapped the kill in its own error).
    if (!world.dead) throw error;
  }
  // A killed process writes nothing more; a finished one closes its sidecar.
  if (!world.dead) workbook.close();
}

async function sweep(mode: 'kill' | 'tear'): Promise<void> {
  const base = path.join(dir, `baseline-${mode}`);
  fs.mkdirSync(base);
  fs.copyFileSync(SAMPLE, path.join(base, 'book.xlsx'));
  const baseline = new World();
  const expected: string[] = [];
  await runOnce(path.join(base, 'book.xlsx'), baseline, expected);
  expect(expected.length).toBeGreaterThan(5);
  const points = mode === 'kill' ? baseline.calls : baseline.writes;
  let flagged = 0;
  for (let k = 1; k <= points; k++) {
    const round = path.join(dir, `${mode}-${k}`);
    fs.mkdirSync(round);
    const book = path.join(round, 'book.xlsx');
    fs.copyFileSync(SAMPLE, book);
    const outbox: string[] = [];
    await runOnce(book, mode === 'kill' ? new World(k) : new World(null, k), outbox);
    await runOnce(book, new World(), outbox);
    const reopened = await XlsxWorkbook.open(book);
    const data = readWorkbook(reopened);
    const status = new Map(data.journal.map((e) => [e.key, e]));
    for (const address of expected) {
      const count = outbox.filter((a) => a === address).length;
      const entry = [...status.values()].find((e) => e.address === address && e.key.startsWith(`invite|${EVENT}|`));
      const context = `${mode} at ${k}: ${address} got ${count}, journal ${entry?.status}`;
      expect([context, count <= 1]).toEqual([context, true]);
      if (count === 1) expect([context, ['отправлено', 'требует проверки'].includes(entry?.status ?? '')]).toEqual([context, true]);
      else expect([context, entry?.status]).toEqual([context, 'требует проверки']);
      if (entry?.status === 'требует проверки') flagged++;
    }
    // Registration numbers: one row each (so one letter each), on from the sample's counter with no
    // gap, and a letter that went out holds its claim's number (letters made ahead took the right one).
    const numbers = data.journal.map((e) => e.number ?? '').filter((n) => n !== '');
    const context = `${mode} at ${k}: numbers ${numbers.join(' ')}`;
    expect([context, new Set(numbers).size]).toEqual([context, numbers.length]);
    const running = numbers.map((n) => Number(n.replace('01-12/', ''))).sort((a, b) => a - b);
    expect([context, running]).toEqual([context, running.map((_, i) => 57 + i)]);
    for (const e of data.journal) {
      if (e.status !== 'отправлено' || !e.number) continue;
      const xml = new PizZip(fs.readFileSync(e.document)).file('word/document.xml')?.asText() ?? '';
      expect([context, e.key, xml.includes(e.number)]).toEqual([context, e.key, true]);
    }
    fs.rmSync(round, { recursive: true, force: true });
  }
  console.log(`offline ${mode} sweep: ${points} points × ${expected.length} recipients, ${flagged} flagged «требует проверки»`);
}

describe('offline: never twice, never lost, with letters made ahead and the one-handle journal', () => {
  it('a kill at every call of the run, then a rerun from disk', () => sweep('kill'), 600_000);
  it('a kill in the middle of every sidecar write, then a rerun from disk', () => sweep('tear'), 600_000);
});
