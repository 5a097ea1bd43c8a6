/**
 * The sidecar read completely or not at all (`src/local/sidecar.ts`): every kind of damage stops
 * the open with the file, the line and the way out; only a write interrupted by a kill — proven by
 * the writer's note — is recovered, and without losing or repeating a record.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { encodeRecord, sidecarPathFor } from '../../src/local/overlay';
import { inflightPathFor, SidecarDamagedError, SidecarFile, type SidecarIo } from '../../src/local/sidecar';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

let dir: string;
let file: string;
let sidecar: string;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-sidecar-'));
  file = path.join(dir, 'book.xlsx');
  sidecar = sidecarPathFor(file);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Журнал').addRow(['Время', 'Действие', 'Ключ', 'Статус']);
  await book.xlsx.writeFile(file);
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A sidecar of `n` claims written by the program, closed as at the end of a run. */
async function claims(n: number): Promise<void> {
  const wb = await XlsxWorkbook.open(file);
  for (let i = 1; i <= n; i++) wb.appendRow('Журнал', ['t', 'invite', `k${i}`, 'отправляется']);
  wb.close();
}

async function damage(): Promise<SidecarDamagedError> {
  try {
    await XlsxWorkbook.open(file);
  } catch (error) {
    if (error instanceof SidecarDamagedError) return error;
    throw error;
  }
  throw new Error('the damaged sidecar was opened');
}

const keys = (wb: XlsxWorkbook) => (wb.readSheet('Журнал') ?? []).slice(1).map((r) => r[2]);

describe('a damaged sidecar stops the open with the file, the line and the way out', () => {
  it('binary bytes in place of the file', async () => {
    fs.writeFileSync(sidecar, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x01]));
    const e = await damage();
    expect([e.damage, e.line, e.exitCode]).toEqual(['binary', 1, 1]);
    expect(e.message).toContain(sidecar);
    expect(e.message).toContain('строка 1 — двоичные данные');
    expect(e.message).toContain(`partnerstvo repair ${file}`);
    expect(e.message).toContain('Ничего не отправлено');
  });

  it('binary bytes in one line among good ones', async () => {
    await claims(3);
    const lines = fs.readFileSync(sidecar, 'utf8').split('\n');
    lines[1] = '\u0000\u0000\u0000';
    fs.writeFileSync(sidecar, lines.join('\n'));
    const e = await damage();
    expect([e.damage, e.line]).toEqual(['binary', 2]);
  });

  it('a file cut at 60 % in the middle of a line', async () => {
    await claims(10);
    const bytes = fs.readFileSync(sidecar);
    const cut = Math.floor(bytes.length * 0.6);
    expect(bytes[cut - 1]).not.toBe(0x0a);
    fs.writeFileSync(sidecar, bytes.subarray(0, cut));
    const e = await damage();
    expect(e.damage).toBe('truncated');
    expect(e.line).toBe(bytes.subarray(0, cut).toString('utf8').split('\n').length);
    expect(e.message).toContain('обрывается на середине');
  });

  it('a foreign line: JSON the program never writes, or a record of a later version', async () => {
    await claims(2);
    fs.appendFileSync(sidecar, '{"hello":"world"}\n');
    expect((await damage()).damage).toBe('foreign');
    fs.writeFileSync(sidecar, `${encodeRecord({ v: 2, op: 'setup', steps: [] }).replace('"v":2', '"v":3')}\n`);
    expect([(await damage()).damage, (await damage()).line]).toEqual(['foreign', 1]);
    fs.writeFileSync(sidecar, 'Журнал: отправлено всем\n');
    expect((await damage()).damage).toBe('unreadable');
  });

  it('an empty file', async () => {
    fs.writeFileSync(sidecar, '');
    const e = await damage();
    expect([e.damage, e.line]).toEqual(['empty', 1]);
    expect(e.message).toContain('файл пуст');
  });
});

describe('a write interrupted by a kill', () => {
  /** The file calls of a writer killed half-way through its next write. */
  function killedHalfWay(): SidecarIo {
    return {
      writeSync: ((fd: number, data: Buffer) => {
        fs.writeSync(fd, data.subarray(0, Math.floor(data.length / 2)));
        throw new Error('killed');
      }) as unknown as SidecarIo['writeSync'],
      fsyncSync: fs.fsyncSync,
    };
  }

  it('is proven by the note, dropped, and the file goes on from there: no record lost, none repeated', async () => {
    await claims(2);
    const writer = new SidecarFile(sidecar, file, killedHalfWay());
    writer.read();
    expect(() => writer.append({ v: 2, op: 'append', sheet: 'Журнал', seq: 3, values: ['t', 'invite', 'k3', 'отправляется'] }, true)).toThrow('killed');
    // What the killed run left: a cut-off last line and the note announcing it.
    expect(fs.readFileSync(sidecar, 'utf8').endsWith('\n')).toBe(false);
    expect(fs.readFileSync(inflightPathFor(sidecar), 'utf8')).toContain('k3');

    const next = await XlsxWorkbook.open(file);
    expect(keys(next)).toEqual(['k1', 'k2']);
    next.appendRow('Журнал', ['t', 'invite', 'k3', 'отправляется']);
    next.close();
    const text = fs.readFileSync(sidecar, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    expect(keys(await XlsxWorkbook.open(file))).toEqual(['k1', 'k2', 'k3']);
    expect(fs.existsSync(inflightPathFor(sidecar))).toBe(false);
  });

  it('a note about an earlier, finished write proves nothing: a file cut later still stops', async () => {
    await claims(3);
    const lines = fs.readFileSync(sidecar, 'utf8').split('\n');
    const lastStart = Buffer.byteLength(lines.slice(0, 2).join('\n') + '\n');
    // A note as a killed writer leaves it — but about the second line, while the third is cut.
    fs.writeFileSync(inflightPathFor(sidecar), JSON.stringify({ offset: Buffer.byteLength(lines[0] + '\n'), line: lines[1] }));
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar).subarray(0, lastStart + 10));
    expect((await damage()).damage).toBe('truncated');
  });

  it('a last record whose newline was not written is whole: it is kept and the next one starts a new line', async () => {
    await claims(2);
    fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace(/\n$/, ''));
    const wb = await XlsxWorkbook.open(file);
    expect(keys(wb)).toEqual(['k1', 'k2']);
    wb.appendRow('Журнал', ['t', 'invite', 'k3', 'отправляется']);
    wb.close();
    expect(keys(await XlsxWorkbook.open(file))).toEqual(['k1', 'k2', 'k3']);
  });
});

describe('what is on disk when', () => {
  it('claims are synced before they return; results wait for the next claim; a new file is never left empty', async () => {
    let syncs = 0;
    const writer = new SidecarFile(sidecar, file, { writeSync: fs.writeSync, fsyncSync: (fd: number) => (syncs++, fs.fsyncSync(fd)) });
    writer.read();
    const record = (seq: number, status: string) => ({ v: 2 as const, op: 'append' as const, sheet: 'Журнал', seq, values: ['t', 'invite', `k${seq}`, status] });
    writer.append(record(1, 'отправляется'), true);
    expect(fs.existsSync(`${sidecar}.new`)).toBe(false);
    expect(syncs).toBe(1);
    writer.append({ v: 2, op: 'row', sheet: 'Журнал', ref: { seq: 1 }, values: ['t', 'invite', 'k1', 'отправлено'] }, false);
    expect(syncs).toBe(1);
    // Written at once (another process reads it), synced with the next claim.
    expect(fs.readFileSync(sidecar, 'utf8')).toContain('отправлено');
    writer.append(record(2, 'отправляется'), true);
    expect(syncs).toBe(2);
    writer.append({ v: 2, op: 'row', sheet: 'Журнал', ref: { seq: 2 }, values: ['t', 'invite', 'k2', 'отправлено'] }, false);
    writer.close();
    expect(syncs).toBe(3);
  });

  it('a version-1 «отправлено» (from before «подготовлено») is told apart from a version-2 one', async () => {
    const v1 = (seq: number, key: string, status: string) => encodeRecord({ v: 1, op: 'append', sheet: 'Журнал', seq, values: ['t', 'invite', key, status] });
    fs.writeFileSync(sidecar, [v1(1, 'old-sent', 'отправлено'), v1(2, 'old-made', 'создано')].join('\n') + '\n');
    const wb = await XlsxWorkbook.open(file);
    wb.appendRow('Журнал', ['t', 'invite', 'new-sent', 'отправлено']);
    expect([...wb.legacySentRows()]).toEqual([2]);
    wb.writeCells('Журнал', [{ row: 2, col: 4, value: 'требует проверки' }]);
    expect([...wb.legacySentRows()]).toEqual([]);
  });
});
