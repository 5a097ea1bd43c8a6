/**
 * What the job commands share (`src/local/commands/jobs.ts`), in process: the workbook's lock is
 * taken before the workbook is read, so two runs at once never work from a stale journal.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type CliIo } from '../../src/local/cli';
import { XlsxWorkbook } from '../../src/local/xlsx-workbook';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'rovesnik.xlsx');

let dir: string;
let book: string;
const savedSoffice = process.env.PARTNERSTVO_SOFFICE;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-lock-'));
  book = path.join(dir, 'rovesnik.xlsx');
  fs.copyFileSync(SAMPLE, book);
  process.env.PARTNERSTVO_SOFFICE = 'none';
});
afterEach(() => {
  jest.restoreAllMocks();
  if (savedSoffice === undefined) delete process.env.PARTNERSTVO_SOFFICE;
  else process.env.PARTNERSTVO_SOFFICE = savedSoffice;
  fs.rmSync(dir, { recursive: true, force: true });
});

function capture(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), env: {}, text: () => lines.join('\n') };
}

describe('two runs at once', () => {
  it('a run that read the workbook while another was sending does not send the same letters again', async () => {
    const out = path.join(dir, 'out');
    const args = ['invite', book, '--event', 'М-023', '--out', out];
    const realOpen = XlsxWorkbook.open.bind(XlsxWorkbook);
    const other = capture();
    let otherCode: number | null = null;
    jest.spyOn(XlsxWorkbook, 'open').mockImplementation(async (file: string) => {
      const wb = await realOpen(file);
      if (otherCode === null) {
        otherCode = -1;
        // A second run of the same job, start to finish, after this run read the journal.
        otherCode = await main(args, other);
      }
      return wb;
    });
    const first = capture();
    const firstCode = await main(args, first);

    const emls = fs.readdirSync(path.join(out, 'письма')).filter((f) => f.endsWith('.eml'));
    // Every recipient of the sample gets exactly one invitation (a second copy would be «… (2).eml»).
    expect(emls.length).toBe(12);
    expect(emls.filter((f) => / \(\d+\)\.eml$/.test(f))).toEqual([]);
    // One of the runs sent them; the other said a run was going instead of working from stale data.
    expect([firstCode, otherCode].sort()).toEqual([0, 1]);
    expect(first.text() + other.text()).toContain('Уже идёт другая рассылка');
    // The lock is released at the end.
    expect(fs.existsSync(`${book}.partnerstvo.lock`)).toBe(false);
  }, 120_000);
});
