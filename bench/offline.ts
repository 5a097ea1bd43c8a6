/**
 * Offline speed, each figure beside its floor, measured in one run on the same letters:
 * - with PDF: the real command (`partnerstvo invite`, a process of its own as a user starts it)
 *   against one `soffice --convert-to pdf` converting the same letters at once;
 * - without PDF: the same jobs the CLI runs (.docx + .eml, the journal in the sidecar) against
 *   docxtemplater + nodemailer alone filling and composing the same letters and emails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Docxtemplater from 'docxtemplater';
import { createTransport } from 'nodemailer';
import PizZip from 'pizzip';
import { runSetup } from '../src/core/data/setup';
import { prepareInvitations } from '../src/core/invite/plan';
import { startJob } from '../src/core/jobs';
import { defaultTemplate } from '../src/core/letters/templates';
import type { Cell, Runtime } from '../src/ports';
import { NodeClock } from '../src/local/clock';
import { LocalDocuments } from '../src/local/documents';
import { EmlMailer } from '../src/local/mail';
import { findSoffice } from '../src/local/pdf';
import { FileLock, OFFLINE_LIMITS } from '../src/local/runtime';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';

const ROOT = path.join(__dirname, '..');
const NOW = Date.UTC(2026, 10, 27, 9);

async function workbookWith(n: number, dir: string): Promise<string> {
  const scratch = XlsxWorkbook.blank();
  runSetup(scratch);
  const partners: Cell[][] = [];
  for (let i = 1; i <= n; i++) {
    partners.push([`П-${String(i).padStart(4, '0')}`, `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', i % 2 ? 'Сидоров Иван Петрович' : 'Петрова Анна Сергеевна', '', 'директор', '', `p${i}@example.org`]);
  }
  scratch.writeCells(
    'Партнёры',
    partners.flatMap((row, r) => row.map((value, c) => ({ row: r + 2, col: c + 1, value }))),
  );
  const event: Cell[] = ['М-001', 'День матери', new Date(Date.UTC(2026, 10, 28)), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы и бабушки'];
  scratch.writeCells('Мероприятия', event.map((value, c) => ({ row: 2, col: c + 1, value })));
  const settings: [string, string][] = [
    ['Руководитель (ФИО)', 'Лаврентьева Светлана Андреевна'],
    ['Адрес учреждения', 'пос. Рыбачий'],
    ['Телефон учреждения', '8 (900) 000-00-01'],
    ['Исполнитель (ФИО)', 'Кравченко Юлия Олеговна'],
    ['Телефон исполнителя', '8 (900) 000-00-02'],
    ['Email для ответов', 'rovesnik@example.org'],
  ];
  const rows = scratch.readSheet('Настройки') ?? [];
  const writes = settings.flatMap(([name, value]) => {
    const r = rows.findIndex((row) => row[0] === name);
    return r < 0 ? [] : [{ row: r + 1, col: 2, value }];
  });
  scratch.writeCells('Настройки', writes);
  const file = path.join(dir, `bench-${n}.xlsx`);
  await scratch.saveMerged(file, { overwrite: true });
  return file;
}

function runtime(workbook: XlsxWorkbook, file: string, outDir: string, documents: LocalDocuments, onProgress: () => void = () => undefined): Runtime {
  return {
    workbook,
    documents: () => documents,
    mail: new EmlMailer({ outDir: path.join(outDir, 'письма') }),
    lock: new FileLock(`${file}.lock`),
    store: { get: () => null, set: () => undefined, delete: () => undefined },
    scheduler: { scheduleOnce: () => undefined, scheduleAt: () => undefined, cancel: () => undefined },
    progress: { report: onProgress },
    clock: new NodeClock('Europe/Moscow', () => NOW),
  };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export interface NoPdfResult {
  partners: number;
  seconds: number;
  floorSeconds: number;
  lettersPerSecond: number;
  peakRssMb: number;
}

/**
 * The floor: docxtemplater filling the template (as its documentation shows it: a fresh PizZip and
 * Docxtemplater per document) and nodemailer composing the .eml, each written to a file — nothing else.
 */
async function floor(template: Uint8Array, letters: { values: Record<string, string>; mail: { to: string[]; subject: string; text: string; html: string; replyTo: string; senderName: string } }[], outDir: string): Promise<number> {
  fs.mkdirSync(outDir, { recursive: true });
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const start = process.hrtime.bigint();
  let i = 0;
  for (const letter of letters) {
    i++;
    const doc = new Docxtemplater(new PizZip(template), { delimiters: { start: '{{', end: '}}' }, paragraphLoop: false, linebreaks: true });
    doc.render(letter.values);
    fs.writeFileSync(path.join(outDir, `${i}.docx`), doc.toUint8Array({ compression: 'DEFLATE' }));
    const m = letter.mail;
    const info = await transport.sendMail({ from: { name: m.senderName, address: m.replyTo }, replyTo: m.replyTo, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: { 'X-Unsent': '1' } });
    fs.writeFileSync(path.join(outDir, `${i}.eml`), info.message as Buffer);
  }
  return seconds(start);
}

/** Invitations without PDF through the jobs of the CLI, and the floor on the same letters. */
export async function noPdfBench(n: number): Promise<NoPdfResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-bench-'));
  try {
    const file = await workbookWith(n, dir);
    // The floor's letters: the same values and emails the job makes (planned outside the timing).
    const planned = await XlsxWorkbook.open(file, { persist: false });
    const plannedDocs = new LocalDocuments({ outDir: path.join(dir, 'plan'), defaultTemplate, pdf: 'never' });
    const ctx = prepareInvitations(runtime(planned, file, path.join(dir, 'plan'), plannedDocs), { eventId: 'М-001' });
    if ('error' in ctx) throw new Error(ctx.error);
    const letters = ctx.plan.send.map((item) => ({ values: item.values, mail: item.mail!([]) }));
    const template = new Uint8Array(fs.readFileSync(path.join(dir, 'plan', 'шаблоны', 'invitation.docx')));

    const workbook = await XlsxWorkbook.open(file);
    const outDir = path.join(dir, 'out');
    const documents = new LocalDocuments({ outDir, defaultTemplate, pdf: 'never' });
    documents.templatePlaceholders('invitation'); // renders the default template once, outside the timing
    let peak = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    const report = startJob(runtime(workbook, file, outDir, documents, () => (peak = Math.max(peak, process.memoryUsage().rss))), { job: 'invite', eventId: 'М-001', resend: [] }, OFFLINE_LIMITS);
    workbook.close();
    const ours = seconds(start);
    if (report.prepared !== n) throw new Error(`expected ${n} letters, prepared ${report.prepared}: ${report.message}`);
    const floorSeconds = await floor(template, letters, path.join(dir, 'floor'));
    return { partners: n, seconds: ours, floorSeconds, lettersPerSecond: n / ours, peakRssMb: peak / 2 ** 20 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfResult {
  partners: number;
  seconds: number;
  sofficeSeconds: number;
}

/** Invitations with PDF by the real command, and one soffice converting the same letters at once. */
export async function pdfBench(n: number): Promise<PdfResult | null> {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-bench-'));
  try {
    const file = await workbookWith(n, dir);
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'build', 'cli.js'), 'invite', file, '--event', 'М-001', '--out', path.join(dir, 'out')], {
      env: { ...process.env, SOURCE_DATE_EPOCH: String(NOW / 1000), PARTNERSTVO_SOFFICE: soffice },
      encoding: 'utf8',
    });
    const ours = seconds(start);
    const folder = fs.readdirSync(path.join(dir, 'out')).find((f) => f.startsWith('Приглашения'));
    const letters = folder ? fs.readdirSync(path.join(dir, 'out', folder)).filter((f) => f.endsWith('.docx')) : [];
    const pdfs = folder ? fs.readdirSync(path.join(dir, 'out', folder)).filter((f) => f.endsWith('.pdf')) : [];
    if (run.status !== 0 || letters.length !== n || pdfs.length !== n) throw new Error(`expected ${n} letters with PDF: ${run.stdout}\n${run.stderr}`);
    // The same letters, converted by one soffice at once, with a fresh profile as the command had.
    const input = path.join(dir, 'same');
    fs.mkdirSync(input);
    for (const l of letters) fs.copyFileSync(path.join(dir, 'out', folder as string, l), path.join(input, l));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-bench-lo-'));
    const startLo = process.hrtime.bigint();
    execFileSync(soffice, ['--headless', '--invisible', '--nologo', '--norestore', '--nolockcheck', '--nodefault', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'same-pdf'), ...letters.map((l) => path.join(input, l))], { stdio: 'ignore' });
    const sofficeSeconds = seconds(startLo);
    fs.rmSync(profile, { recursive: true, force: true });
    if (fs.readdirSync(path.join(dir, 'same-pdf')).length !== n) throw new Error('soffice made fewer PDFs');
    return { partners: n, seconds: ours, sofficeSeconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
