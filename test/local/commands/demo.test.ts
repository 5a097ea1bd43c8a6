/**
 * `partnerstvo demo` (what `npm start` runs) through the built CLI: the whole main job on a fresh
 * copy of the sample, as on a fixed day (SOURCE_DATE_EPOCH), and still whole once the sample's
 * calendar lies in the past. PDFs are switched off here; the LibreOffice path is covered in
 * commands.test.ts.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { demoYear } from '../../../src/local/commands/demo';
import type { WorkbookData } from '../../../src/core/data/records';

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const epoch = (y: number, m: number, d: number) => String(Date.UTC(y, m - 1, d, 9) / 1000);

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-demo-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function demo(day: string) {
  const r = spawnSync(process.execPath, [CLI, 'demo', '--sample', SAMPLE, '--out', path.join(dir, 'out')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PARTNERSTVO_SOFFICE: 'none', SOURCE_DATE_EPOCH: day },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function files(root: string, ext: string): string[] {
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).sort() : [];
}

describe('demo', () => {
  it('on 27.11.2026: checks, invites to the next event, thanks and reports for 2025/2026, leaving the sample untouched', () => {
    const before = fs.readFileSync(SAMPLE);
    const r = demo(epoch(2026, 11, 27));
    expect(r.stderr).not.toMatch(/Error|\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Мероприятие: «День матери», 28\u00a0ноября 2026\u00a0г.');
    expect(r.stdout).toContain('Благодарственные письма за 2025/2026 учебный год');
    expect(r.stdout).toContain('Годовой отчёт за 2025/2026 учебный год');
    expect(r.stdout).not.toContain('В примере нет');
    // PDFs are switched off here, and the demo says so instead of leaving the user to wonder.
    expect(r.stdout).toContain('PDF не сделаны: программа LibreOffice (soffice) не найдена или отключена');
    const out = path.join(dir, 'out');
    expect(files(out, '.eml').length).toBeGreaterThan(5);
    expect(files(out, '.docx').some((f) => f.includes('Благодарственное письмо'))).toBe(true);
    expect(files(out, '.docx').some((f) => f.includes('Отчёт'))).toBe(true);
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);

    // A second demo starts clean in the folder it made: the same letters again, not «already sent».
    const first = files(out, '.eml');
    const again = demo(epoch(2026, 11, 27));
    expect(again.code).toBe(0);
    expect(files(out, '.eml')).toEqual(first);
    expect(again.stdout).not.toContain('уже отправлено');
  });

  it('years after the sample: still invites (to its last event) and thanks for its last year with contributions', () => {
    const r = demo(epoch(2030, 10, 1));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('В примере нет предстоящих мероприятий, поэтому приглашения — на последнее из них: М-025');
    expect(r.stdout).toMatch(/берём 20\d\d\/20\d\d учебный год — последний, в котором он есть/);
    expect(r.stdout).not.toContain('Благодарственные письма за 2029/2030');
    expect(files(path.join(dir, 'out'), '.eml').length).toBeGreaterThan(0);
    expect(files(path.join(dir, 'out'), '.docx').some((f) => f.includes('Благодарственное письмо'))).toBe(true);
  });
});

describe('demoYear', () => {
  const data = (years: number[]) =>
    ({
      events: years.map((y, i) => ({ id: `М-${i}`, date: { year: y, month: 10, day: 1 }, status: 'проведено' })),
      contributions: years.map((_, i) => ({ eventId: `М-${i}` })),
    }) as unknown as WorkbookData;
  const start = { day: 1, month: 9 };
  it('keeps last year when it has contributions, else the latest earlier one, else the earliest', () => {
    expect(demoYear(data([2025, 2026]), 2025, start)).toBe(2025);
    expect(demoYear(data([2023, 2025]), 2029, start)).toBe(2025);
    expect(demoYear(data([2031, 2032]), 2029, start)).toBe(2031);
    expect(demoYear(data([]), 2029, start)).toBe(2029);
  });
});
