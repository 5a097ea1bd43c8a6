/**
 * Offline throughput: letters per second for an invitation run (.docx + .eml, no PDF), measured on a
 * real xlsx workbook saved to disk with N partners, through the same jobs the CLI runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startJob } from '../src/core/jobs';
import { runSetup } from '../src/core/data/setup';
import { defaultTemplate } from '../src/core/letters/templates';
import type { Cell } from '../src/ports';
import { NodeClock } from '../src/local/clock';
import { LocalDocuments } from '../src/local/documents';
import { EmlMailer } from '../src/local/mail';
import { FileLock, OFFLINE_LIMITS } from '../src/local/runtime';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';

export interface OfflineResult {
  partners: number;
  seconds: number;
  lettersPerSecond: number;
  peakRssMb: number;
}

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

export async function offlineBench(n: number): Promise<OfflineResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-bench-'));
  try {
    const file = await workbookWith(n, dir);
    const workbook = await XlsxWorkbook.open(file);
    const outDir = path.join(dir, 'out');
    const documents = new LocalDocuments({ outDir, defaultTemplate, pdf: 'never' });
    documents.templatePlaceholders('invitation'); // renders the default template once, outside the timing
    let peak = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    const report = startJob(
      {
        workbook,
        documents: () => documents,
        mail: new EmlMailer({ outDir: path.join(outDir, 'письма') }),
        lock: new FileLock(`${file}.lock`),
        store: { get: () => null, set: () => undefined, delete: () => undefined },
        scheduler: { scheduleOnce: () => undefined, cancel: () => undefined },
        progress: { report: () => (peak = Math.max(peak, process.memoryUsage().rss)) },
        clock: new NodeClock('Europe/Moscow', () => Date.UTC(2026, 10, 27, 9)),
      },
      { job: 'invite', eventId: 'М-001', resend: [] },
      OFFLINE_LIMITS,
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (report.sent !== n) throw new Error(`expected ${n} letters, sent ${report.sent}: ${report.message}`);
    return { partners: n, seconds, lettersPerSecond: n / seconds, peakRssMb: peak / 2 ** 20 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
