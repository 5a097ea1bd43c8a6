/**
 * The sidecar file `<workbook>.partnerstvo.jsonl` on disk: one JSON record a line, read completely
 * or not at all, appended through one open handle.
 *
 * The journal in it is the promise «never twice», so a line that cannot be read — bytes that are
 * not text, a line cut off, a line the program never writes, an empty file — stops every command
 * with the file, the line and the way out (`SidecarDamagedError`); nothing is skipped.
 *
 * The one exception is proven, not guessed: a run killed while writing a record leaves that record
 * cut off at the end of the file. Before each write the writer notes, in `<sidecar>.inflight`, the
 * offset and the whole line it is about to write, and clears the note once the write returned. A
 * cut-off last line is that interrupted write only when it starts at the noted offset and its bytes
 * are the beginning of the noted line. Such a record never finished, so nothing it announces has
 * happened (a claim is written before its letter is sent): it is dropped and the file goes on from
 * its start. A file cut anywhere else (a copy stopped half-way, a disk error) does not match the
 * note and stops the run. The note is not fsync'ed: after a power loss it may be stale, and then
 * the proof fails and the run stops — the safe side.
 *
 * Durability: `append(record, true)` is on disk (fsync) before it returns — the journal's claims,
 * which must be durable before a letter is sent. Other records (the result of a letter, dates, IDs)
 * are written at once but synced with the next durable record or when the file is closed: one fsync
 * covers everything written before it, and a result lost to a power cut leaves its claim, which the
 * next run turns into «требует проверки», never into a second letter. A new file is made whole
 * (written beside, synced, renamed), so the program never leaves an empty sidecar behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sidecarMsg } from '../messages/cli';
import { CliError, EXIT } from './exit';
import { decodeLine, encodeRecord, type SidecarRecord } from './overlay';

export type SidecarDamage = 'empty' | 'binary' | 'unreadable' | 'foreign' | 'truncated';

/** A sidecar that cannot be read completely: the run must not go on (exit 1). */
export class SidecarDamagedError extends CliError {
  constructor(
    readonly file: string,
    readonly damage: SidecarDamage,
    /** 1-based line of the first problem. */
    readonly line: number,
    workbook: string,
  ) {
    super(sidecarMsg.damaged(file, damage, line, workbook), EXIT.problems);
    this.name = 'SidecarDamagedError';
  }
}

/** One line of the file as found. */
export interface SidecarLine {
  /** 1-based. */
  line: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  bytes: Buffer;
  record: SidecarRecord | null;
  damage: SidecarDamage | null;
}

export interface SidecarScan {
  lines: SidecarLine[];
  /** The last line has no final newline (a record follows on a new line). */
  openEnded: boolean;
  size: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function classify(bytes: Buffer): { record: SidecarRecord | null; damage: SidecarDamage | null } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { record: null, damage: 'binary' };
  }
  // eslint-disable-next-line no-control-regex -- control characters never occur in a JSON line we write
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return { record: null, damage: 'binary' };
  const decoded = decodeLine(text);
  if (decoded.record) return { record: decoded.record, damage: null };
  return { record: null, damage: decoded.json ? 'foreign' : 'unreadable' };
}

/** Splits the file into lines and reads each; damage is marked per line, nothing is thrown. */
export function scanSidecar(bytes: Buffer): SidecarScan {
  const lines: SidecarLine[] = [];
  let start = 0;
  let number = 1;
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    const chunk = bytes.subarray(start, stop);
    lines.push({ line: number, offset: start, bytes: chunk, ...classify(chunk) });
    number++;
    if (end < 0) break;
    start = end + 1;
  }
  return { lines, openEnded: bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a, size: bytes.length };
}

/** What the writer noted before its last write: where the line starts and the whole line. */
interface InflightNote {
  offset: number;
  line: string;
}

export function inflightPathFor(sidecarPath: string): string {
  return `${sidecarPath}.inflight`;
}

function readNote(sidecarPath: string): InflightNote | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(inflightPathFor(sidecarPath), 'utf8')) as Partial<InflightNote>;
    return typeof parsed.offset === 'number' && typeof parsed.line === 'string' ? { offset: parsed.offset, line: parsed.line } : null;
  } catch {
    return null;
  }
}

/** Whether a cut-off last line is exactly the beginning of the write the note announced. */
function isInterruptedWrite(last: SidecarLine, note: InflightNote | null): boolean {
  if (!note || last.offset !== note.offset) return false;
  const whole = Buffer.from(`${note.line}\n`, 'utf8');
  return last.bytes.length < whole.length && whole.subarray(0, last.bytes.length).equals(last.bytes);
}

export interface SidecarContents {
  records: SidecarRecord[];
  /** Version of each record, in the same order (1: written before `подготовлено` existed). */
  versions: number[];
}

/** Makes a new file's directory entry durable too (best effort: not every platform allows it). */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; the file's own fsync is what matters most.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** The file calls the writer makes: Node's own, or a test's stand-in that fails part-way. */
export type SidecarIo = Pick<typeof fs, 'writeSync' | 'fsyncSync'>;

/** The sidecar file: read strictly once, then appended to through one handle. */
export class SidecarFile {
  private fd: number | null = null;
  private noteFd: number | null = null;
  private size = 0;
  /** The file ends without a newline (a complete record whose newline was not written). */
  private openEnded = false;
  /** Bytes from here on are an interrupted write, dropped before the next record. */
  private cutAt: number | null = null;
  private dirty = false;
  private readonly closeOnExit = () => this.close();

  constructor(
    readonly path: string,
    /** The workbook the sidecar belongs to, for the way out in messages. */
    private readonly workbook: string,
    private readonly io: SidecarIo = fs,
  ) {}

  /** Every record, in order; throws `SidecarDamagedError` unless every line is a record of ours. */
  read(): SidecarContents {
    for (let attempt = 0; ; attempt++) {
      const bytes = this.bytes();
      if (bytes === null) return { records: [], versions: [] };
      if (bytes.length === 0) throw new SidecarDamagedError(this.path, 'empty', 1, this.workbook);
      const scan = scanSidecar(bytes);
      let lines = scan.lines;
      const last = lines[lines.length - 1];
      this.size = scan.size;
      this.openEnded = scan.openEnded;
      this.cutAt = null;
      // The first damaged line before the last one stops the run whatever the end looks like.
      const early = lines.slice(0, -1).find((l) => l.damage !== null);
      if (early) throw new SidecarDamagedError(this.path, early.damage ?? 'unreadable', early.line, this.workbook);
      if (scan.openEnded && last.damage !== null) {
        if (isInterruptedWrite(last, readNote(this.path))) {
          this.cutAt = last.offset;
          this.openEnded = false;
          lines = lines.slice(0, -1);
        } else if (attempt === 0) {
          // A run may be writing that very line right now (this command only reads): look once more.
          continue;
        } else throw new SidecarDamagedError(this.path, 'truncated', last.line, this.workbook);
      }
      const bad = lines.find((l) => l.damage !== null);
      if (bad) throw new SidecarDamagedError(this.path, bad.damage ?? 'unreadable', bad.line, this.workbook);
      const records = lines.map((l) => l.record as SidecarRecord);
      return { records, versions: records.map((r) => r.v) };
    }
  }

  private bytes(): Buffer | null {
    try {
      return fs.readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Appends one record; `durable`: on disk before returning (a claim before its letter). */
  append(record: SidecarRecord, durable: boolean): void {
    const line = encodeRecord(record);
    if (this.fd === null && !fs.existsSync(this.path)) {
      this.create(line);
      return;
    }
    this.open();
    const prefix = this.openEnded ? '\n' : '';
    const offset = this.size + prefix.length;
    this.note({ offset, line });
    const bytes = Buffer.from(`${prefix}${line}\n`, 'utf8');
    this.io.writeSync(this.fd as number, bytes);
    this.size += bytes.length;
    this.openEnded = false;
    this.dirty = true;
    if (durable) this.flush();
    this.note(null);
  }

  /** Everything written so far on disk. */
  flush(): void {
    if (this.fd !== null && this.dirty) {
      this.io.fsyncSync(this.fd);
      this.dirty = false;
    }
  }

  /** Syncs and closes the file and removes the note (also done when the process exits). */
  close(): void {
    process.removeListener('exit', this.closeOnExit);
    if (this.fd !== null) {
      this.flush();
      fs.closeSync(this.fd);
      this.fd = null;
    }
    if (this.noteFd !== null) {
      fs.closeSync(this.noteFd);
      this.noteFd = null;
      fs.rmSync(inflightPathFor(this.path), { force: true });
    }
  }

  /** The first record: the whole file is written beside, synced and renamed into place. */
  private create(line: string): void {
    const temp = `${this.path}.new`;
    const fd = fs.openSync(temp, 'w');
    try {
      this.io.writeSync(fd, `${line}\n`);
      this.io.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, this.path);
    syncDirectory(path.dirname(this.path));
    this.size = Buffer.byteLength(`${line}\n`, 'utf8');
    this.openEnded = false;
  }

  private open(): void {
    if (this.fd !== null) return;
    // An interrupted write at the end (proven by the note) goes before anything new is written.
    if (this.cutAt !== null) {
      fs.truncateSync(this.path, this.cutAt);
      this.size = this.cutAt;
      this.cutAt = null;
    }
    this.fd = fs.openSync(this.path, 'a');
    this.noteFd = fs.openSync(inflightPathFor(this.path), 'w');
    process.once('exit', this.closeOnExit);
  }

  private note(note: InflightNote | null): void {
    if (this.noteFd === null) return;
    fs.ftruncateSync(this.noteFd, 0);
    if (note) fs.writeSync(this.noteFd, JSON.stringify(note), 0);
  }
}
