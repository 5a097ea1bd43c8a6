/**
 * The journal through the built CLI: prepared is not sent (an `.eml` run, then `--smtp`, sends each
 * letter exactly once), a damaged journal stops every job and sends nothing, `repair` keeps every
 * record and flags what may have been lost, and a killed run's lock — a zombie's too — never blocks.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSmtp } from '../helpers/smtp-server';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const ENV = { PARTNERSTVO_SOFFICE: 'none', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 27, 9) / 1000) };

let dir: string;
let book: string;
let sidecar: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-journal-'));
  book = path.join(dir, 'rovesnik.xlsx');
  sidecar = `${book}.partnerstvo.jsonl`;
  fs.copyFileSync(SAMPLE, book);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...ENV } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withSmtp(body: (url: string, received: string[]) => Promise<void>): Promise<void> {
  const smtp = await startSmtp();
  try {
    await body(smtp.url, smtp.received);
  } finally {
    await smtp.close();
  }
}

const emls = () => (fs.existsSync(path.join(dir, 'out', 'письма')) ? fs.readdirSync(path.join(dir, 'out', 'письма')).length : 0);
const invite = ['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'];
const smtpArgs = (url: string) => [...invite, '--smtp', url, '--from', 'rovesnik@example.org'];

describe('prepared is not sent', () => {
  it('an .eml run prepares; a later --smtp run sends each prepared letter exactly once; a third sends nothing', async () => {
    const prepared = await run(invite);
    expect(prepared.code).toBe(0);
    expect(prepared.stdout).toContain('Подготовлено, но не отправлено: 22\u00a0письма');
    expect(prepared.stdout).not.toContain('Отправлено:');
    expect(prepared.stdout).toContain('--smtp');
    expect(fs.readFileSync(sidecar, 'utf8')).toContain('"подготовлено"');
    expect(emls()).toBe(22);
    // Another run without SMTP prepares nothing again.
    const again = await run(invite);
    expect(again.stdout).toContain('Новых писем нет');
    expect(emls()).toBe(22);

    await withSmtp(async (url, received) => {
      const sent = await run(smtpArgs(url));
      expect(sent.code).toBe(0);
      expect(sent.stdout).toContain('Отправлено: 22\u00a0письма.');
      expect(received).toHaveLength(22);
      expect(new Set(received).size).toBe(22);
      const rerun = await run(smtpArgs(url));
      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toContain('Новых писем нет');
      expect(received).toHaveLength(22);
    });
  });

  it('--prepare prepares only, and refuses --smtp', async () => {
    const r = await run([...invite, '--prepare']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Подготовлено, но не отправлено');
    const both = await run([...invite, '--prepare', '--smtp', 'smtp://127.0.0.1:1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Укажите что-то одно: --prepare');
  });

  it('a journal of the version before «подготовлено»: its «отправлено» is never resent by itself, and the way to send it is named', async () => {
    // What the earlier version wrote for an .eml run: version-1 records saying «отправлено».
    const at = { $date: '2026-11-26T10:00:00.000Z' };
    const row = (seq: number, partner: string) =>
      JSON.stringify({ v: 1, op: 'append', sheet: 'Журнал', seq, values: [at, 'приглашение', `invite|М-021|${partner}`, 'М-021', partner, `${partner}@example.org`, 'отправлено', 'out/x.docx', ''] });
    fs.writeFileSync(sidecar, `${row(1, 'П-004')}\n${row(2, 'П-005')}\n`);
    await withSmtp(async (url, received) => {
      const r = await run(smtpArgs(url));
      expect(r.code).toBe(0);
      expect(received).toHaveLength(20);
      expect(r.stdout).toContain('Приглашения партнёрам П-004, П-005 записаны в журнал как «отправлено» прежней версией программы');
      expect(r.stdout).toContain('--resend П-004,П-005');
      const resend = await run([...smtpArgs(url), '--resend', 'П-004,П-005']);
      expect(resend.code).toBe(0);
      expect(received).toHaveLength(22);
      expect(new Set(received).size).toBe(22);
      // Resent on purpose: recorded by this version, no longer named.
      expect(resend.stdout).not.toContain('прежней версией');
    });
  });
});

describe('a damaged journal stops every job that sends or writes, and sends nothing', () => {
  async function damagedStops(label: string, damage: () => number | void, line: (lines: number) => string): Promise<void> {
    await withSmtp(async (url, received) => {
      const first = await run([...smtpArgs(url)]);
      expect(first.code).toBe(0);
      expect(received).toHaveLength(22);
      const lines = fs.readFileSync(sidecar, 'utf8').split('\n').length - 1;
      damage();
      for (const args of [smtpArgs(url), invite, ['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--out', 'out'], ['check', 'rovesnik.xlsx'], ['export', 'rovesnik.xlsx', '--out', 'copy.xlsx']]) {
        const r = await run(args);
        const context = `${label}: ${args[0]}`;
        expect([context, r.code]).toEqual([context, 1]);
        expect(r.stderr).toContain(`Журнал программы повреждён: rovesnik.xlsx.partnerstvo.jsonl, ${line(lines)}`);
        expect(r.stderr).toContain('partnerstvo repair rovesnik.xlsx');
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(received).toHaveLength(22);
      expect(fs.existsSync(path.join(dir, 'copy.xlsx'))).toBe(false);
    });
  }

  it('binary bytes', () => damagedStops('binary', () => fs.writeFileSync(sidecar, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x0a, 0xff])), () => 'строка 1 — двоичные данные'));
  it('truncated mid-line at 60 %', () =>
    damagedStops('truncated', () => {
      const bytes = fs.readFileSync(sidecar);
      fs.writeFileSync(sidecar, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    }, () => 'строка'));
  it('a foreign line', () =>
    damagedStops('foreign', () => fs.appendFileSync(sidecar, '{"note":"мой комментарий"}\n'), (n) => `строка ${n + 1} — чужая запись`));
  it('an empty file', () => damagedStops('empty', () => fs.writeFileSync(sidecar, ''), () => 'файл пуст'));

  it('repair keeps the damaged file and every readable record; what may have been lost needs checking and is listed', async () => {
    await withSmtp(async (url, received) => {
      await run(smtpArgs(url));
      const bytes = fs.readFileSync(sidecar);
      fs.writeFileSync(sidecar, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const repaired = await run(['repair', 'rovesnik.xlsx']);
      expect(repaired.code).toBe(0);
      expect(repaired.stdout).toContain('Повреждённый журнал сохранён целиком');
      const kept = fs.readdirSync(dir).filter((f) => f.includes('.partnerstvo.jsonl.повреждён-'));
      expect(kept).toHaveLength(1);
      expect(fs.readFileSync(path.join(dir, kept[0]))).toEqual(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const after = await run(smtpArgs(url));
      // Nothing sent twice: the letters whose record was lost need checking, and are named.
      expect(received).toHaveLength(22);
      expect(after.code).toBe(1);
      expect(after.stdout).toMatch(/Требуют проверки: \d+/);
      expect(after.stdout).toMatch(/\n {2}П-0\d\d /);
    });
  });
});

describe('the lock of a run that is gone never blocks the next one', () => {
  const lock = () => `${book}.partnerstvo.lock`;

  it('a run killed outright (no parent to clean up) leaves a lock that the next run takes over', async () => {
    const parent = spawn(process.execPath, [CLI, 'invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'], { cwd: dir, env: { ...process.env, ...ENV }, stdio: 'ignore' });
    while (!fs.existsSync(lock()) || fs.readFileSync(lock(), 'utf8') === '') await new Promise((r) => setTimeout(r, 5));
    // The run itself is the child holding the lock; its parent, which would clean up, goes first.
    const owner = Number(fs.readFileSync(lock(), 'utf8').split('\n')[0]);
    parent.kill('SIGKILL');
    await new Promise((r) => parent.on('close', r));
    process.kill(owner, 'SIGKILL');
    while (fs.existsSync(`/proc/${owner}`) && !/\) Z /.test(fs.readFileSync(`/proc/${owner}/stat`, 'utf8'))) await new Promise((r) => setTimeout(r, 5));
    expect(fs.existsSync(lock())).toBe(true);
    const next = await run(invite);
    expect(next.stdout + next.stderr).not.toContain('Уже идёт');
    // It ran: what the killed run may have been sending needs checking, the rest is prepared.
    expect(next.stdout).toMatch(/Подготовлено, но не отправлено|Требуют проверки|Новых писем нет/);
    expect(fs.existsSync(lock())).toBe(false);
  });

  it('a zombie owner (ended, not yet collected by its parent) counts as dead', async () => {
    // `sleep` never collects its child: the child's process entry stays, as a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))));
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      expect(() => process.kill(pid, 0)).not.toThrow(); // what the earlier check trusted
      fs.writeFileSync(lock(), `${pid}\n`);
      const next = await run(invite);
      expect(next.stdout + next.stderr).not.toContain('Уже идёт');
      expect(next.code).toBe(0);
      // A live owner still keeps others out.
      fs.writeFileSync(lock(), `${parent.pid}\n`);
      const blocked = await run(invite);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain('Уже идёт');
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
