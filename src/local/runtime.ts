/**
 * The offline Runtime: the xlsx workbook (with its sidecar), documents in a folder, mail as .eml
 * files or through SMTP, a lock file beside the workbook, and a progress bar in the terminal.
 * Offline runs have no time limit and no daily quota, so nothing is ever scheduled.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { workbookData } from '../core/data/snapshot';
import { defaultTemplate } from '../core/letters/templates';
import type { LockPort, MailPort, ProgressPort, Runtime, SchedulerPort, StorePort, TemplateKind } from '../ports';
import { outFolderMsg } from '../messages/cli';
import { NodeClock, timeSource } from './clock';
import { reportLock } from './interrupt';
import { ownStartTime, processRuns } from './process-state';
import type { CliIo } from './commands/types';
import { LocalDocuments } from './documents';
import { EmlMailer, SmtpMailer } from './mail';
import type { XlsxWorkbook } from './xlsx-workbook';

export function lockPathFor(workbookPath: string): string {
  return `${workbookPath}.partnerstvo.lock`;
}

/** The owner a lock file names: its PID (first line) and, where known, its start time (second line). */
export function lockOwner(text: string): { pid: number; started: string } {
  const [pid, started] = text.split('\n');
  return { pid: Number((pid ?? '').trim()), started: (started ?? '').trim() };
}

/**
 * A lock file `<workbook>.partnerstvo.lock` holding the owner's PID and start time. The owner is
 * judged by its real state (`processRuns`): the lock of a run that was killed — a zombie not yet
 * collected by its parent included — is taken over.
 */
export class FileLock implements LockPort {
  private held = false;
  private readonly releaseOnExit = () => this.release();
  constructor(private readonly path: string) {}

  private content(): string | null {
    try {
      return readFileSync(this.path, 'utf8');
    } catch {
      return null;
    }
  }

  tryLock(): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, `${process.pid}\n${ownStartTime()}\n`);
        closeSync(fd);
        this.held = true;
        // The parent process (see interrupt.ts) removes it if this process is stopped by Ctrl-C.
        reportLock(this.path);
        // A command that fails with an error after taking the lock must not leave it behind.
        process.once('exit', this.releaseOnExit);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const stale = this.content();
        if (stale !== null) {
          const owner = lockOwner(stale);
          if (processRuns(owner.pid, owner.started)) return false;
        }
        try {
          // Only the dead owner's file: another run may have taken it over a moment ago.
          if (stale !== null && this.content() === stale) unlinkSync(this.path);
        } catch {
          // Another process took it over first.
        }
      }
    }
    return false;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.removeListener('exit', this.releaseOnExit);
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }
}

class MemoryStore implements StorePort {
  private readonly data = new Map<string, string>();
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.data.set(key, value);
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}

// Offline nothing runs later: a stopped run is looped by the command, and no command schedules a send.
const noScheduler: SchedulerPort = { scheduleOnce: () => undefined, scheduleAt: () => undefined, cancel: () => undefined };

/** A bar on an interactive terminal; otherwise a line every tenth of the way. */
export function terminalProgress(io: CliIo, interactive: boolean): ProgressPort & { stop(): void } {
  let bar: SingleBar | null = null;
  let lastTenth = -1;
  return {
    report(done, total, message) {
      if (total <= 0) return;
      if (interactive) {
        if (!bar) {
          bar = new SingleBar({ format: '{bar} {value}/{total} {message}', hideCursor: true, clearOnComplete: true, stream: process.stderr });
          bar.start(total, 0, { message: '' });
        }
        bar.update(done, { message });
        return;
      }
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth && done < total) {
        lastTenth = tenth;
        io.err(`… ${done}/${total} ${message}`);
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

export interface LocalRuntimeOptions {
  workbook: XlsxWorkbook;
  workbookPath: string;
  outDir: string;
  smtp?: string;
  from?: string;
  self?: string;
  templates?: Partial<Record<TemplateKind, string>>;
  io: CliIo;
  /** A preview (`--dry-run`): nothing is written, not even the default template into the out folder. */
  dryRun?: boolean;
  /** PDFs: 'auto' converts with LibreOffice when installed. */
  pdf?: 'auto' | 'never';
  /**
   * The workbook's lock, taken by the command BEFORE it read the workbook (so the journal it read
   * cannot be stale); the jobs see it as held, and `done()` releases it.
   */
  heldLock?: FileLock;
}

export interface LocalRuntime extends Runtime {
  mail: MailPort & { close?: () => void };
  /** The one document maker of the run: offline the folder and templates come from the command line. */
  docs: LocalDocuments;
  done(): void;
}

export function localRuntime(options: LocalRuntimeOptions): LocalRuntime {
  // The job's own parse: read here first, it is the same one the job then uses (no write in between).
  const settings = workbookData(options.workbook).settings;
  const mail = options.smtp
    ? new SmtpMailer({ url: options.smtp, from: options.from, self: options.self ?? null })
    : new EmlMailer({ outDir: join(options.outDir, outFolderMsg.mail), from: options.from, self: options.self ?? settings.replyTo ?? null });
  const progress = terminalProgress(options.io, Boolean(process.stderr.isTTY));
  const docs = new LocalDocuments({
    outDir: options.outDir,
    templates: options.templates,
    defaultTemplate: (kind) => defaultTemplate(kind, settings.envelopeFormat),
    saveDefaultTemplates: options.dryRun !== true,
    pdf: options.pdf ?? 'auto',
    eagerPdf: true,
  });
  return {
    workbook: options.workbook,
    docs,
    documents: () => docs,
    mail,
    lock: options.heldLock ? { tryLock: () => true, release: () => undefined } : new FileLock(lockPathFor(options.workbookPath)),
    store: new MemoryStore(),
    scheduler: noScheduler,
    progress,
    clock: new NodeClock(settings.timeZone.trim() || 'Europe/Moscow', timeSource(process.env)),
    done() {
      progress.stop();
      docs.close();
      options.workbook.close();
      if (mail instanceof SmtpMailer) mail.close();
      options.heldLock?.release();
    },
  };
}

/** Offline limits: no soft deadline. */
export const OFFLINE_LIMITS = { softDeadlineMs: Number.POSITIVE_INFINITY, startMs: 0 };
