/**
 * Whether a process still runs, judged by its real state: a zombie (a process that has ended but
 * whose parent has not yet collected it) answers `process.kill(pid, 0)` like a live one, yet it will
 * never release anything. A process ID can also be reused after a crash: the lock records its
 * owner's start time where the system tells it, and a different start time means a different process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** `/proc/<pid>/stat` on Linux: the state letter and the start time (clock ticks since boot). */
function procStat(pid: number): { state: string; started: string } | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No /proc at all (macOS, Windows): unknown here. A missing entry under a /proc that exists: gone.
    if (code === 'ENOENT') return procExists() ? null : undefined;
    return undefined;
  }
  // The name in brackets may hold spaces and brackets: the fields follow the last `)`.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', started: fields[19] ?? '' };
}

let hasProc: boolean | null = null;
function procExists(): boolean {
  if (hasProc === null) {
    try {
      readFileSync('/proc/self/stat');
      hasProc = true;
    } catch {
      hasProc = false;
    }
  }
  return hasProc;
}

/** The start time of this process as the system tells it (Linux), or '' where it does not. */
export function ownStartTime(): string {
  return procStat(process.pid)?.started ?? '';
}

/** `ps` on systems without /proc: 'Z' in the state column is a zombie. */
function psState(pid: number): string | null {
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * True while the process runs (or cannot be told apart from a running one); false when it is gone,
 * a zombie, or another process now has its ID (`started` given and different).
 */
export function processRuns(pid: number, started = ''): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const stat = procStat(pid);
  if (stat === null) return false;
  if (stat) {
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
    return started === '' || stat.started === started;
  }
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform === 'win32') return true;
  const state = psState(pid);
  return state === null ? true : state !== '' && !state.startsWith('Z');
}
