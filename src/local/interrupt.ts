/**
 * Ctrl-C during a long job (`invite`, `thanks`). The jobs are synchronous (the core is shared with
 * Apps Script, and SMTP waits block on the worker), so while one runs Node never gets back to its
 * event loop and a `process.on('SIGINT')` handler would only run after the last letter. Such a run
 * is therefore done by a child process, and this process only waits for it: on Ctrl-C it stops the
 * child at once (the journal is written and fsync'd per letter, so nothing sent is lost or sent
 * twice), removes the lock file the child took, says so in Russian and exits 130.
 */
import { spawn } from 'node:child_process';
import { readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { cliMsg } from '../messages/cli';

/** Set in the child: the file descriptor on which it reports every lock file it takes. */
export const LOCK_FD_ENV = 'PARTNERSTVO_LOCK_FD';

let lockReportFd: number | null = null;

/** In the child: report locks on this descriptor from now on (the variable is not passed further). */
export function reportLocksFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const fd = Number(env[LOCK_FD_ENV]);
  delete env[LOCK_FD_ENV];
  lockReportFd = Number.isInteger(fd) && fd > 2 ? fd : null;
  return lockReportFd !== null;
}

/** Called by `FileLock` when it takes a lock: synchronous, so it is sent before the job blocks. */
export function reportLock(path: string): void {
  if (lockReportFd === null) return;
  try {
    writeSync(lockReportFd, `${resolve(path)}\n`);
  } catch {
    // The parent is gone: nobody is left to clean up after an interrupt anyway.
  }
}

/** Commands that run long enough to be interrupted, unless only previewing or listing. */
export function isInterruptible(args: readonly string[]): boolean {
  if (args[0] !== 'invite' && args[0] !== 'thanks') return false;
  return !args.some((a) => a === '--dry-run' || a === '--owed' || a === '-h' || a === '--help');
}

const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Runs `script args` (this same CLI) as a child process and resolves to the exit code to use. */
export function runInterruptible(script: string, args: readonly string[], execArgv: readonly string[] = process.execArgv): Promise<number> {
  return new Promise((resolveExit) => {
    let finished = false;
    const done = (code: number) => {
      if (finished) return;
      finished = true;
      resolveExit(code);
    };
    const child = spawn(process.execPath, [...execArgv, script, ...args], {
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, [LOCK_FD_ENV]: '3' },
    });
    const locks = new Set<string>();
    let reported = '';
    const reports = child.stdio[3] as Readable | null;
    reports?.setEncoding('utf8');
    reports?.on('data', (chunk: string) => {
      reported += chunk;
      const lines = reported.split('\n');
      reported = lines.pop() ?? '';
      for (const line of lines) if (line) locks.add(line);
    });

    let stoppedBy: NodeJS.Signals | null = null;
    const stop = (signal: NodeJS.Signals) => {
      if (stoppedBy) return;
      stoppedBy = signal;
      // At once, mid-letter: that letter's journal row stays «отправляется», and the next run
      // marks it «требует проверки» instead of sending it again.
      child.kill('SIGKILL');
    };
    const signals = Object.keys(SIGNAL_EXIT) as NodeJS.Signals[];
    for (const s of signals) process.on(s, stop);

    child.on('error', (error) => {
      for (const s of signals) process.removeListener(s, stop);
      if (!finished) process.stderr.write(`${cliMsg.internalError(error.message)}\n`);
      done(1);
    });
    // 'close': the child is gone and every lock it reported has been read.
    child.on('close', (code, signal) => {
      for (const s of signals) process.removeListener(s, stop);
      if (finished) return;
      for (const lock of locks) releaseDeadLock(lock, child.pid);
      const interrupted = stoppedBy ?? (signal && SIGNAL_EXIT[signal] ? signal : null);
      if (interrupted) {
        // The child's progress bar held the line, hid the cursor and switched line wrapping off (a
        // long message would then overwrite itself in the last column): on a terminal, clear the
        // line, show the cursor and wrap again, so the message stands whole as the last thing on screen.
        const clear = process.stderr.isTTY ? '\r\x1b[2K\x1b[?25h\x1b[?7h' : '';
        process.stderr.write(`${clear}${cliMsg.interrupted}\n`);
        done(SIGNAL_EXIT[interrupted] ?? 130);
        return;
      }
      done(code ?? 1);
    });
  });
}

/** Removes a lock file only while it still names the (now dead) child: never another run's lock. */
function releaseDeadLock(path: string, pid: number | undefined): void {
  try {
    if (pid !== undefined && Number(readFileSync(path, 'utf8').split('\n')[0]) === pid) unlinkSync(path);
  } catch {
    // Already released by the child, or never written.
  }
}
