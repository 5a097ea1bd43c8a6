/**
 * Many letters to PDF at LibreOffice's own speed: one LibreOffice start per batch instead of one per
 * letter, several LibreOffices at once where there are cores for them, each with its own profile.
 * Runs in the worker (it waits for several processes at once); a converter that crashes is reported
 * by its exit, one that hangs — no new PDF for `stallMs` — is killed and reported, never waited for
 * in silence. What did not convert is left to the letter's own conversion, which starts afresh.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { pdfPathFor, sofficeArgs, sofficeEnv } from './pdf';

export interface PdfBatch {
  inputs: string[];
  outDir: string;
  profile: string;
}

export interface PdfBatchResult {
  /** Inputs that have no PDF after the run. */
  failed: string[];
  /** What went wrong, for the log: '' when every PDF was made. */
  problem: string;
}

const made = (target: string): boolean => existsSync(target) && statSync(target).size > 0;

function convertOne(soffice: string, batch: PdfBatch, stallMs: number): Promise<PdfBatchResult> {
  const targets = batch.inputs.map((input) => pdfPathFor(input, batch.outDir));
  for (const target of targets) if (existsSync(target)) unlinkSync(target);
  return new Promise((resolve) => {
    let output = '';
    let stalled = false;
    // Its own process group, so that stopping a hung one stops whatever it started too.
    const detached = process.platform !== 'win32';
    const child = spawn(soffice, sofficeArgs(batch.profile, batch.outDir, batch.inputs), { stdio: ['ignore', 'pipe', 'pipe'], env: sofficeEnv(), windowsHide: true, detached });
    const kill = () => {
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let done = 0;
    let lastProgress = Date.now();
    const watch = setInterval(() => {
      const now = targets.filter(made).length;
      if (now > done) {
        done = now;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > stallMs) {
        stalled = true;
        kill();
      }
    }, Math.min(250, stallMs));
    let finished = false;
    const finish = (problem: string) => {
      if (finished) return;
      finished = true;
      clearInterval(watch);
      // Whatever it started (a LibreOffice it handed the work to) goes with it.
      kill();
      const failed = batch.inputs.filter((_, i) => !made(targets[i]));
      resolve({ failed, problem: failed.length > 0 ? problem || output.trim().slice(0, 500) : '' });
    };
    child.on('error', (error) => finish(error.message));
    // 'exit', not 'close': a helper it started may hold its output open long after it is gone.
    child.on('exit', (code, signal) => finish(stalled ? `stalled ${stallMs} ms` : code !== 0 || signal ? `exit ${code ?? signal}: ${output.trim().slice(0, 500)}` : ''));
  });
}

/** Converts the batches at once, each by its own LibreOffice. */
export function convertBatches(soffice: string, batches: PdfBatch[], stallMs: number): Promise<PdfBatchResult[]> {
  return Promise.all(batches.map((batch) => convertOne(soffice, batch, stallMs)));
}
