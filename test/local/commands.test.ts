/**
 * The offline jobs end to end through the built CLI on the shipped sample: invitations (.docx, PDF via
 * LibreOffice, .eml, SMTP to a server on 127.0.0.1), thank-you letters and the annual report.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startSmtp } from '../helpers/smtp-server';
import PizZip from 'pizzip';
import { findSoffice } from '../../src/local/pdf';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const SOFFICE = findSoffice();
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error ? null : 'pdftotext';
const NO_PDF = { PARTNERSTVO_SOFFICE: 'none' };

let dir: string;
let book: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-jobs-'));
  book = path.join(dir, 'rovesnik.xlsx');
  fs.copyFileSync(SAMPLE, book);
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function files(root: string, ext: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(ext)) found.push(p);
    }
  };
  if (fs.existsSync(root)) walk(root);
  return found.sort();
}

const docxText = (file: string) =>
  new PizZip(fs.readFileSync(file))
    .file('word/document.xml')!
    .asText()
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** PDF text with non-breaking spaces as plain ones and runs of spaces (columns) as one. */
const plainPdf = (text: string) => text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');

/**
 * The performer («Исп. …» and the phone) is the last text of the last page, in its bottom fifth, on
 * the left half, in small print (words shorter than the body's): where ГОСТ Р 7.0.97-2025 puts it.
 */
function expectPerformerAtFoot(pdf: string): void {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages = xml.split('<page ').slice(1);
  const last = pages[pages.length - 1];
  const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(last) ?? [];
  const words = [...last.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    h: Number(m[3]) - Number(m[2]),
    text: m[4],
  }));
  const performer = words.find((w) => w.text === 'Исп.');
  expect(performer).toBeDefined();
  expect(performer!.y).toBeGreaterThan(Number(height) * 0.8);
  expect(performer!.x).toBeLessThan(Number(width) / 2);
  expect(Math.max(...words.map((w) => w.y))).toBeLessThanOrEqual(performer!.y + 3 * performer!.h);
  const body = words.find((w) => w.text === 'Уважаемый' || w.text === 'Уважаемая' || w.text === 'Уважаемые');
  if (body) expect(performer!.h).toBeLessThan(body.h);
}

describe('invite', () => {
  it('--dry-run previews recipients, skips and a sample, and writes nothing', () => {
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--dry-run', '--out', 'out']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Мероприятие: «День матери», 28\u00a0ноября 2026\u00a0г., 15:00');
    expect(r.stdout).toContain('ФАП хутора Весёлого: нет адреса электронной почты');
    expect(r.stdout).toContain('ООО «Стройсервис»: в столбце «Приглашать» снят флажок');
    expect(r.stdout).toContain('Уважаемая Наталья Сергеевна!');
    // Nothing at all: no out folder (not even the default template), no journal in the sidecar.
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(fs.existsSync(`${book}.partnerstvo.jsonl`)).toBe(false);
  });

  it('without --event names the upcoming events and exits 2', () => {
    // As on 27.11.2026 (SOURCE_DATE_EPOCH), the sample's next event is М-021 «День матери».
    const r = run(['invite', 'rovesnik.xlsx'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 27, 9) / 1000) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Укажите мероприятие');
    expect(r.stderr).toContain('Ближайшие мероприятия:\n  М-021  День матери, 28\u00a0ноября 2026\u00a0г.\n  М-022');
    expect(r.stderr).not.toContain('М-020');
  });

  it('says what is wrong with a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--dry-run'], { SOURCE_DATE_EPOCH: 'вчера' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH должна быть числом секунд');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes one .eml per partner with the Russian subject and the letter; a rerun sends nothing; the xlsx is untouched', async () => {
    const before = hash(book);
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'], NO_PDF);
    expect(r.code).toBe(0);
    // Saved, not sent: nothing reached anyone without --smtp.
    expect(r.stdout).toContain('Подготовлено, но не отправлено: 22\u00a0письма');
    expect(r.stdout).toContain('Для печати (нет email): 1\u00a0письмо');
    const emls = files(path.join(dir, 'out', 'письма'), '.eml');
    expect(emls).toHaveLength(22);
    const mails = await Promise.all(emls.map(async (f) => simpleParser(fs.readFileSync(f))));
    const rybozavod = mails.find((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '').includes('rybozavod@example.com'))!;
    expect(rybozavod.subject).toBe('Приглашение: «День матери», 28\u00a0ноября 2026\u00a0г.');
    expect(rybozavod.text).toContain('Уважаемый Иван Петрович!');
    expect(rybozavod.html).toContain('Уважаемый Иван Петрович!');
    const two = mails.find((m) => (m.to && !Array.isArray(m.to) ? m.to.value.length : 0) === 2);
    expect(two).toBeDefined();
    const letters = files(path.join(dir, 'out'), '.docx').filter((f) => path.basename(f).startsWith('Приглашение — '));
    expect(letters).toHaveLength(22);
    for (const f of letters) expect(docxText(f)).not.toContain('{{');
    expect(hash(book)).toBe(before);

    expect(r.stdout).toContain('PDF не сделаны');
    const again = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out'], NO_PDF);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('PDF не сделаны'); // nothing was made this time
    expect(again.stdout).toContain('Новых писем нет. Сделано или отправлено раньше:');
    expect(files(path.join(dir, 'out', 'письма'), '.eml')).toHaveLength(22);
  });

  it('sends through SMTP to a server on 127.0.0.1, each message once, and a rerun sends nothing', async () => {
    const received: { to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const url = `smtp://127.0.0.1:${port}`;
      const r = await runAsync(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out', '--smtp', url, '--from', 'rovesnik@example.org'], NO_PDF);
      expect(r.stderr.replace(/… .*\n/g, '')).toBe('');
      expect(r.code).toBe(0);
      expect(received).toHaveLength(22);
      const recipients = received.flatMap((m) => m.to);
      expect(new Set(recipients).size).toBe(recipients.length);
      const parsed = await simpleParser(received[0].raw);
      expect(parsed.subject).toContain('Приглашение: «День матери»');
      const again = await runAsync(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out', '--smtp', url], NO_PDF);
      expect(again.code).toBe(0);
      expect(received).toHaveLength(22);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('Ctrl-C stops at once (Russian message, exit 130, no lock left); a rerun sends the rest once and flags the cut letter', async () => {
    // A slow server: each message is acknowledged only after a delay, so the run is still going.
    let delay = 2000;
    const smtp = await startSmtp(() => delay);
    const received = smtp.received;
    try {
      const args = ['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out', '--smtp', smtp.url, '--from', 'rovesnik@example.org'];
      const firstArrived = smtp.arrived(1);
      const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, ...NO_PDF } });
      let stderr = '';
      child.stdout.on('data', () => undefined);
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await firstArrived;
      expect(fs.existsSync(`${book}.partnerstvo.lock`)).toBe(true);
      // The first message is on the server and not yet acknowledged: Ctrl-C cuts the run there.
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stderr).toContain('Прервано. Уже отправленные и созданные письма записаны в журнал');
      expect(stderr).not.toMatch(/Внутренняя ошибка|\n\s+at /);
      expect(fs.existsSync(`${book}.partnerstvo.lock`)).toBe(false);
      expect(received).toHaveLength(1);
      const cut = received[0];

      delay = 0;
      const again = await runAsync(args, NO_PDF);
      // A letter that needs checking is a delivery problem (exit 1), named with the ID --resend takes.
      expect(again.code).toBe(1);
      expect(again.stdout).toContain('Отправлено: 21\u00a0письмо.');
      expect(again.stdout).toContain('Требуют проверки: 1\u00a0письмо');
      expect(again.stdout).toMatch(/Требуют проверки: 1\u00a0письмо[^\n]*\n {2}П-0\d\d \S/);
      // Every recipient of the event exactly once over both runs; the cut one is not sent again.
      expect(received).toHaveLength(22);
      expect(new Set(received).size).toBe(22);
      expect(received.slice(1)).not.toContain(cut);
      expect(fs.existsSync(`${book}.partnerstvo.lock`)).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it('with LibreOffice: the letters become PDFs with the right salutation, attached to the emails', async () => {
    if (!SOFFICE || !PDFTOTEXT) {
      console.log('Тест не запущен: LibreOffice или pdftotext не установлен');
      return;
    }
    // Three partners are enough to prove the conversion: limit the event to one category.
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('PDF не сделаны');
    const pdf = files(path.join(dir, 'out'), '.pdf').find((f) => f.includes('Приморский рыбозавод'))!;
    const text = pdfText(pdf);
    expect(text).toContain('Уважаемый Иван Петрович!');
    // The addressee block in the right half: position and organisation, then the person on a line of their own.
    expect(plainPdf(text)).toMatch(/Генеральному директору АО\s+«Приморский рыбозавод»\s*\n\s*И\. ?П\. ?Сидорову/);
    expect(text).not.toContain('{{');
    // The requisites (ГОСТ Р 7.0.97-2025): date and registration number from the counter, the heading,
    // the centre's email and site, the performer small at the foot of the last page.
    expect(plainPdf(text)).toMatch(/№ 01-12\/\d+/);
    expect(plainPdf(text)).toContain('О приглашении на праздник «День матери»');
    expect(plainPdf(text)).toMatch(/e.mail: rovesnik@example\.org,\s+сайт: rovesnik\.example\.org/);
    expectPerformerAtFoot(pdf);
    // The number in the letter is the one «Журнал» holds for it, and each number is one letter's.
    // (The journal's rows as the program appended them to the sidecar beside the workbook.)
    const appended = fs
      .readFileSync(`${book}.partnerstvo.jsonl`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { op: string; sheet?: string; values?: unknown[] })
      .filter((r) => r.op === 'append' && r.sheet === 'Журнал');
    const numbers = appended.map((r) => String(r.values?.find((v) => typeof v === 'string' && /^01-12\/\d+$/.test(v)) ?? '')).filter((n) => n !== '');
    expect(numbers.length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toContain(/№ (01-12\/\d+)/.exec(plainPdf(text))?.[1]);
    // The print-ready document (partners without email): a letter per page, each with its own number from «Журнал».
    const bundle = files(path.join(dir, 'out'), '.pdf').find((f) => path.basename(f).startsWith('Приглашения для печати'));
    expect(bundle).toBeDefined();
    const printed = [...plainPdf(pdfText(bundle!)).matchAll(/№ (01-12\/\d+)/g)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThan(0);
    expect(new Set(printed).size).toBe(printed.length);
    for (const n of printed) expect(numbers).toContain(n);
    expect(pdfText(bundle!)).not.toContain('{{');
    const eml = files(path.join(dir, 'out', 'письма'), '.eml').find((f) => f.includes('rybozavod'))!;
    const mail = await simpleParser(fs.readFileSync(eml));
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('thanks', () => {
  it('makes the year’s letters with dative names and amounts; --owed lists what is left; a rerun makes nothing', () => {
    const owedBefore = run(['thanks', 'rovesnik.xlsx', '--owed']);
    expect(owedBefore.code).toBe(0);
    expect(owedBefore.stdout).toMatch(/Ещё не поблагодарили: \d+/);
    const r = run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--out', 'out'], NO_PDF);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Создано: \d+/);
    const letters = files(path.join(dir, 'out'), '.docx').filter((f) => path.basename(f).startsWith('Благодарственное письмо'));
    expect(letters.length).toBeGreaterThan(5);
    const all = letters.map(docxText).join('\n');
    expect(all).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    expect(all).toContain('Ивану Петровичу Сидорову');
    expect(all).toMatch(/\d+\u00a0000\u00a0руб\./);
    expect(all).not.toContain('{{');
    const owedAfter = run(['thanks', 'rovesnik.xlsx', '--owed']);
    expect(owedAfter.stdout).not.toContain('(04.10.2025)');
    const again = run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--out', 'out'], NO_PDF);
    expect(again.stdout).toContain('нет вклада партнёров, за который ещё не поблагодарили');
  });

  it('with LibreOffice: the letters of one event become PDFs titled «БЛАГОДАРСТВЕННОЕ ПИСЬМО»', () => {
    if (!SOFFICE || !PDFTOTEXT) {
      console.log('Тест не запущен: LibreOffice или pdftotext не установлен');
      return;
    }
    const r = run(['thanks', 'rovesnik.xlsx', '--event', 'М-006', '--out', 'out']);
    expect(r.code).toBe(0);
    const pdfs = files(path.join(dir, 'out'), '.pdf');
    expect(pdfs.length).toBeGreaterThan(0);
    for (const pdf of pdfs) {
      const text = pdfText(pdf);
      expect(text).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
      expect(text).not.toContain('{{');
      expect(plainPdf(text)).toMatch(/№ 01-12\/\d+/);
      expectPerformerAtFoot(pdf);
    }
    // Whom it thanks: the addressee block with position and organisation; the closing fits what was done.
    const library = plainPdf(pdfText(pdfs.find((f) => f.includes('библиотека'))!));
    expect(library).toMatch(/Заведующей МБУК\s+«Центральная\s+районная\s+библиотека»\s+Е\. В\. Морозовой/);
    expect(library).toMatch(/коллективу\s+МБУК\s+«Центральная\s+районная\s+библиотека»/);
    expect(library).toMatch(/методическая\s+помощь\s+обогатили\s+программу/);
    const family = plainPdf(pdfText(pdfs.find((f) => f.includes('Кузнецовых'))!));
    expect(family).toMatch(/Семье\s+Кузнецовых/);
    // A family thanked for a dance number reads nothing about veterans or money.
    expect(family).toMatch(/Ваше\s+участие\s+сделало\s+программу/);
    expect(family).not.toMatch(/ветеран|финансов/);
  });

  it('asks for a period and rejects a bad year clearly', () => {
    expect(run(['thanks', 'rovesnik.xlsx']).stderr).toContain('Укажите период');
    // A malformed year is wrong usage (exit 2), as for `report`, also with --dry-run.
    for (const extra of [[], ['--dry-run']]) {
      for (const year of ['прошлый', '2025/2027']) {
        const bad = run(['thanks', 'rovesnik.xlsx', '--year', year, ...extra]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain(`«${year}» — не учебный год`);
      }
    }
  });

  it('--dry-run previews the letters and writes nothing: no out folder, no template, no sidecar', () => {
    const r = run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--dry-run', '--out', 'out'], NO_PDF);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Благодарим Вас');
    expect(r.stdout).toContain('ничего не создано и не отправлено');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    expect(fs.existsSync(`${book}.partnerstvo.jsonl`)).toBe(false);
  });

  it('--dry-run with an unknown event says so on stderr and exits 1', () => {
    const r = run(['thanks', 'rovesnik.xlsx', '--event', 'М-999', '--dry-run'], NO_PDF);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Мероприятие «М-999» не найдено');
  });
});

describe('report', () => {
  it('writes the report .docx with every section and a chart image (and its PDF with LibreOffice)', () => {
    const r = run(['report', 'rovesnik.xlsx', '--year', '2025/2026', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Готов отчёт «Анализ работы с социальными партнёрами за 2025/2026 учебный год»');
    const [docx] = files(path.join(dir, 'out'), '.docx');
    const zip = new PizZip(fs.readFileSync(docx));
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const text = docxText(docx);
    for (const heading of ['Ключевые показатели', 'Партнёры по категориям', 'Совместные мероприятия по месяцам', 'Ресурсы по видам', 'ВЫВОД']) expect(text).toContain(heading);
    if (!SOFFICE || !PDFTOTEXT) {
      console.log('Проверка PDF отчёта не запущена: LibreOffice или pdftotext не установлен');
      return;
    }
    const pdf = files(path.join(dir, 'out'), '.pdf')[0];
    const pdfT = pdfText(pdf);
    for (const heading of ['Ключевые показатели', 'Партнёры по категориям', 'Совместные мероприятия по месяцам', 'Ресурсы по видам', 'ВЫВОД']) expect(pdfT).toContain(heading);
    expect(pdfT).toContain('Анализ работы с социальными партнёрами');
    expect(pdfT).not.toContain('{{');
  });

  it('a bad year is a usage error in Russian', () => {
    const r = run(['report', 'rovesnik.xlsx', '--year', '20-25']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('не учебный год');
  });

  it('a year without data is a data problem: exit 1, the years that have data, no document', () => {
    const r = run(['report', 'rovesnik.xlsx', '--year', '2030/2031', '--out', 'out'], NO_PDF);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('За 2030/2031 учебный год в таблице нет ни проведённых мероприятий, ни вклада партнёров');
    expect(r.stderr).toContain('2025/2026');
    expect(files(path.join(dir, 'out'), '.docx')).toEqual([]);
  });
});

describe('bad options to the jobs: exit 2, a Russian message naming the file, nothing done', () => {
  const STACK = /\n\s+at .+:\d+:\d+/;
  const expectUsage = (r: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/Внутренняя ошибка|ENOTDIR|ENOENT|Corrupted zip|End of data/);
    expect(r.stderr).not.toMatch(STACK);
    expect(fs.existsSync(`${book}.partnerstvo.jsonl`)).toBe(false);
  };

  it('--smtp with a URL that is not smtp:// or smtps://', () => {
    for (const url of ['bad-url', 'http://mail.example.org', 'smtp://']) {
      expectUsage(run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--smtp', url], NO_PDF), /Адрес почтового сервера .* записан неверно/);
    }
    expectUsage(run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--smtp', 'bad-url'], NO_PDF), /записан неверно/);
  });

  it('--template that is missing, a folder, or not a Word document', () => {
    fs.writeFileSync(path.join(dir, 'text.docx'), 'hello');
    fs.mkdirSync(path.join(dir, 'folder.docx'));
    expectUsage(run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--template', 'нет.docx'], NO_PDF), /Файл шаблона не найден: нет\.docx/);
    expectUsage(run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--template', 'folder.docx'], NO_PDF), /folder\.docx — это папка/);
    expectUsage(run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--template', 'text.docx', '--dry-run'], NO_PDF), /Файл text\.docx — не документ Word/);
    // A workbook is a zip too, but not a Word document.
    expectUsage(run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026', '--template', 'rovesnik.xlsx'], NO_PDF), /Файл rovesnik\.xlsx — не документ Word/);
  });

  it('--out under a file: the folder cannot be created', () => {
    fs.writeFileSync(path.join(dir, 'file'), '');
    expectUsage(run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--out', 'file/out'], NO_PDF), /Не удаётся создать папку file\/out: .*file — это файл/);
    expectUsage(run(['report', 'rovesnik.xlsx', '--year', '2025/2026', '--out', 'file/out'], NO_PDF), /Не удаётся создать папку/);
  });
});

describe('a workbook without a usable sheet', () => {
  async function withoutColumn(sheet: string, header: string): Promise<void> {
    const ExcelJS = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet(sheet)!;
    let col = 0;
    ws.getRow(1).eachCell((cell, c) => {
      if (cell.value === header) col = c;
    });
    ws.spliceColumns(col, 1);
    await wb.xlsx.writeFile(book);
  }

  it('invite and thanks stop naming the missing column instead of «sending» nothing', async () => {
    await withoutColumn('Партнёры', 'Email');
    for (const extra of [[], ['--dry-run']]) {
      const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-023', ...extra], NO_PDF);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain('На листе «Партнёры» нет обязательного столбца «Email»');
      expect(r.stdout).not.toMatch(/Отправлено: 0/);
    }
    const t = run(['thanks', 'rovesnik.xlsx', '--year', '2025/2026'], NO_PDF);
    expect(t.code).toBe(1);
    expect(t.stdout + t.stderr).toContain('нет обязательного столбца «Email»');
    expect(files(path.join(dir, 'out'), '.docx').filter((f) => !f.includes('шаблоны'))).toEqual([]);
  });

  it('a missing «Название» column is named, not reported as an unknown event', async () => {
    await withoutColumn('Мероприятия', 'Название');
    const r = run(['invite', 'rovesnik.xlsx', '--event', 'М-023', '--dry-run'], NO_PDF);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('На листе «Мероприятия» нет обязательного столбца «Название»');
    expect(r.stderr).not.toContain('не найдено');
  });
});
