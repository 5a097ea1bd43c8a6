/**
 * Print and post offline, through the built CLI on the shipped sample: the print-ready document
 * carries the postal address, and the run makes the envelopes (.docx of the envelope's page size)
 * and the register of letters to deliver; with LibreOffice all three become PDFs that say so.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import PizZip from 'pizzip';
import { findSoffice } from '../../src/local/pdf';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const SOFFICE = findSoffice();
const POPPLER = !spawnSync('pdftotext', ['-v']).error && !spawnSync('pdfinfo', ['-v']).error;
/** A space of either kind: the typographic pass binds «пос.» and «д.» to what follows. */
const S = '[\\s\\u00a0]+';
const re = (text: string) => new RegExp(text.replace(/[.()]/g, '\\$&').replace(/ /g, S));

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-post-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'rovesnik.xlsx'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The path the CLI printed after the label. */
function printed(stdout: string, label: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`no «${label}» in:\n${stdout}`);
  return line.slice(label.length + 2).trim();
}

const docxXml = (file: string) => new PizZip(fs.readFileSync(file)).file('word/document.xml')!.asText();
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('invite on the sample: print and post', () => {
  it('names the print document, the envelopes and the register; the envelopes have the DL page, landscape', () => {
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'], { PARTNERSTVO_SOFFICE: 'none' });
    expect(r.stderr).not.toMatch(/Error|\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Конверты: 1\u00a0конверт в одном документе');
    expect(r.stdout).toContain('Реестр писем для доставки: 1\u00a0письмо.');
    const envelopes = printed(r.stdout, 'Файл с конвертами');
    const register = printed(r.stdout, 'Файл реестра');
    const print = printed(r.stdout, 'Файл для печати');
    for (const file of [envelopes, register, print]) expect(fs.existsSync(file)).toBe(true);
    // DL: 220 × 110 mm = 12472 × 6236 twips, landscape.
    expect(docxXml(envelopes)).toMatch(/<w:pgSz w:w="12472" w:h="6236" w:orient="landscape"\/>/);
    expect(docxXml(register)).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    // The default envelope template is saved for staff to edit, like the letters'.
    expect(fs.existsSync(path.join(dir, 'out', 'шаблоны', 'envelope.docx'))).toBe(true);
    // A second run makes none of them again.
    const again = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'], { PARTNERSTVO_SOFFICE: 'none' });
    expect(again.stdout).not.toContain('Файл с конвертами');
  });

  it('with LibreOffice: the print document, the envelope and the register become PDFs holding the addresses and indexes', () => {
    if (!SOFFICE || !POPPLER) {
      console.log('Тест не запущен: LibreOffice или pdftotext/pdfinfo не установлен');
      return;
    }
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out']);
    expect(r.code).toBe(0);
    const pdf = (label: string) => printed(r.stdout, label).replace(/\.docx$/, '.pdf');

    const print = pdfText(pdf('Файл для печати'));
    expect(print).toMatch(re('692510, х. Весёлый, ул. Центральная, д. 5'));
    expect(print).toContain('ФАП хутора Весёлого');
    expect(print).not.toContain('{{');

    const envelopeFile = pdf('Файл с конвертами');
    const envelope = pdfText(envelopeFile);
    expect(envelope).toMatch(re('Откуда: ул. Молодёжная, д. 7, пос. Рыбачий, Приморский район'));
    expect(envelope).toMatch(/Индекс:\s+692501/);
    expect(envelope).toMatch(re('Куда: х. Весёлый, ул. Центральная, д. 5'));
    expect(envelope).toMatch(/Индекс:\s+692510/);
    expect(envelope).toContain('Кому:');
    expect(envelope).toContain('ФАП хутора Весёлого');
    expect(envelope).not.toContain('{{');
    // One envelope, one page, the size of a DL envelope (220 × 110 mm ≈ 623.6 × 311.8 pt).
    const info = pdfInfo(envelopeFile);
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs(Number(w) - 623.6)).toBeLessThan(2);
    expect(Math.abs(Number(h) - 311.8)).toBeLessThan(2);
    // The recipient sits in the lower right: right of the middle, below the sender.
    const lines = envelope.split('\n');
    const from = lines.findIndex((l) => l.includes('Откуда'));
    const to = lines.findIndex((l) => l.includes('Куда'));
    expect(to).toBeGreaterThan(from);
    expect(lines[to].indexOf('Куда')).toBeGreaterThan(lines[from].indexOf('Откуда') + 20);

    const register = pdfText(pdf('Файл реестра'));
    expect(register).toContain('РЕЕСТР ПИСЕМ ДЛЯ ДОСТАВКИ');
    expect(register).toContain('ФАП хутора Весёлого');
    expect(register).toMatch(re('692510, х. Весёлый'));
    expect(register).toMatch(re('8 (900) 000-30-02'));
    expect(register).toContain('Отметка о вручении');
    expect(register).not.toContain('{{');
  });
});
