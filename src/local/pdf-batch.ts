/**
 * Many letters to PDF at LibreOffice's own speed: one LibreOffice start per batch instead of one per
 * letter, several LibreOffices at once where there are cores for them, each with its own profile.
 * Runs in the worker (it waits for several processes at once, while the program sends the letters
 * whose PDFs are done); a converter that crashes ends its batch, one that hangs — no new PDF for
 * `stallMs` — is killed, never waited for in silence. What did not convert is left to the letter's
 * own conversion, which starts afresh.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { pdfPathFor, sofficeArgs, sofficeEnv } from './pdf';

export interface PdfBatch {
  inputs: string[];
  outDir: string;
}

const made = (target: string): boolean => existsSync(target) && statSync(target).size > 0;

/** LibreOffices running now: how to stop each (its whole process group). */
const converters = new Set<() => void>();

/** Runs one LibreOffice on the batch; resolves when it has ended (by itself, or stopped as hung). */
function convertOne(soffice: string, batch: PdfBatch, profile: string, stallMs: number): Promise<void> {
  const targets = batch.inputs.map((input) => pdfPathFor(input, batch.outDir));
  for (const target of targets) if (existsSync(target)) unlinkSync(target);
  return new Promise((resolve) => {

    // Its own process group, so that stopping a hung one stops whatever it started too.
    const detached = process.platform !== 'win32';
    const child = spawn(soffice, sofficeArgs(profile, batch.outDir, batch.inputs), { stdio: 'ignore', env: sofficeEnv(), windowsHide: true, detached });
    const kill = () => {
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    converters.add(kill);
    let done = 0;
    let lastProgress = Date.now();
    const watch = setInterval(() => {
      const now = targets.filter(made).length;
      if (now > done) {
        done = now;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > stallMs) kill();
    }, Math.min(250, stallMs));
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      converters.delete(kill);
      clearInterval(watch);
      // Whatever it started (a LibreOffice it handed the work to) goes with it.
      kill();
      resolve();
    };
    child.on('error', finish);
    child.on('exit', finish);
  });
}

/**
 * Conversions under way, so that a letter is sent as soon as its own PDF exists while LibreOffice
 * goes on with the next ones. LibreOffice writes each PDF beside under a temporary name and renames
 * it into place, so a PDF that exists is whole.
 */
const running = new Map<number, { batches: PdfBatch[]; finished: boolean[] }>();
let nextJob = 1;
/** Conversions not yet ended, and whether the program is ending (no further batch starts). */
const pending = new Set<Promise<void>>();
let stopping = false;

/**
 * Stops every LibreOffice still converting letters made ahead (the run ended before it needed
 * them: finished, stopped or interrupted) and resolves once each has ended, so that none outlives
 * the program or writes into its folders afterwards. Letters made ahead and not handed out were
 * never claimed: nothing of them is lost. After it, new batches may start again.
 */
export async function stopAll(): Promise<void> {
  stopping = true;
  for (const kill of [...converters]) kill();
  while (pending.size > 0) await Promise.all([...pending]);
  running.clear();
  stopping = false;
}

/**
 * Starts converting the batches in order, one LibreOffice per profile at a time (each profile is
 * one converter: a batch that ends hands its converter the next one), and returns at once with
 * the job's number.
 */
export function startBatches(soffice: string, batches: PdfBatch[], profiles: string[], stallMs: number): number {
  const id = nextJob++;
  const job = { batches, finished: batches.map(() => false) };
  running.set(id, job);
  let next = 0;
  const convertNext = (profile: string) => {
    if (next >= batches.length || stopping) return;
    const i = next++;
    const conversion = convertOne(soffice, batches[i], profile, stallMs).then(() => {
      job.finished[i] = true;
      pending.delete(conversion);
      convertNext(profile);
    });
    pending.add(conversion);
  };
  for (const profile of profiles) convertNext(profile);
  return id;
}

/** Resolves with true once the input's PDF exists, with false when its converter ended without it. */
export function waitForPdf(id: number, input: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      const job = running.get(id);
      const i = job ? job.batches.findIndex((b) => b.inputs.includes(input)) : -1;
      const target = i >= 0 && job ? pdfPathFor(input, job.batches[i].outDir) : '';
      if (target && made(target)) resolve(true);
      else if (!job || i < 0 || job.finished[i]) resolve(target !== '' && made(target));
      else setTimeout(check, 10);
    };
    check();
  });
}
