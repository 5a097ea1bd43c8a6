/**
 * Apps Script side: the built bundle in `node:vm` on the faithful fakes. One invitation run for N
 * partners (the clock does not advance, so one execution sends all): Sheets reads per sheet, and
 * service calls per recipient (all calls of the run divided by N, so the fixed overhead is included).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { SHEET_SPECS } from '../src/core/data/schema';
import type { Cell } from '../src/ports';
import { installGasFakes, spreadsheetFromSheets } from '../test/gas/fakes';

const root = join(__dirname, '..');
let code: vm.Script | null = null;
let htmlFiles: Record<string, string> = {};

function bundle(): vm.Script {
  if (code) return code;
  const out = mkdtempSync(join(tmpdir(), 'partnerstvo-bench-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: root, stdio: 'pipe' });
    code = new vm.Script(readFileSync(join(out, 'Code.js'), 'utf8'), { filename: 'Code.js' });
    htmlFiles = Object.fromEntries(['invite', 'thanks', 'result'].map((n) => [n, readFileSync(join(out, `${n}.html`), 'utf8')]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return code;
}

const header = (name: string): Cell[] => SHEET_SPECS.find((s) => s.name === name)?.columns.map((c) => c.header) ?? [];

/** Calls that only hand out a local object (no round trip to a Google server). */
const LOCAL = new Set(['Spreadsheet.getSheetByName', 'Sheet.getRange', 'File.getId', 'Blob.setName', 'Sheet.getMaxRows', 'Sheet.getMaxColumns']);

export function gasBench(n: number): { reads: Record<string, number>; callsPerRecipient: number; roundTripsPerRecipient: number; totalCalls: number } {
  const rows: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= n; i++) {
    rows.push([`П-${String(i).padStart(4, '0')}`, `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', `p${i}@example.org`, '', '', false, true, '']);
  }
  const ss = spreadsheetFromSheets({
    Партнёры: rows,
    Мероприятия: [header('Мероприятия'), ['М-001', 'День матери', new Date(Date.UTC(2026, 10, 27, 21)), '15:00', 'ДЮЦ «Ровесник»', 'праздник', 'мамы', '', '', 'запланировано', '', '']],
    Настройки: [
      ['Параметр', 'Значение'],
      ['Руководитель (ФИО)', 'Лаврентьева Светлана Андреевна'],
      ['Адрес учреждения', 'пос. Рыбачий'],
      ['Телефон учреждения', '8 (900) 000-00-01'],
      ['Исполнитель (ФИО)', 'Кравченко Юлия Олеговна'],
      ['Телефон исполнителя', '8 (900) 000-00-02'],
    ],
  });
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles: (bundle(), htmlFiles), mailQuota: n + 10 });
  bundle().runInContext(context);
  const call = (name: string, ...args: unknown[]) => gas.execute(() => (vm.runInContext(name, context) as (...a: unknown[]) => unknown)(...args));
  call('menuSetup');
  const total = gas.env.calls.total;
  const firstLog = gas.env.log.length;
  call('dialogStartInvite', 'М-001', []);
  if (gas.mail.sent.length !== n) throw new Error(`expected ${n} emails, got ${gas.mail.sent.length}`);
  // Sheets reads of the run, per sheet (the range address names the sheet).
  const reads: Record<string, number> = {};
  let roundTrips = 0;
  for (const record of gas.env.log.slice(firstLog)) {
    if (!LOCAL.has(record.method)) roundTrips++;
    if (record.method !== 'Range.getValues') continue;
    const sheet = (record.detail ?? '?').split('!')[0].replace(/^'|'$/g, '');
    reads[sheet] = (reads[sheet] ?? 0) + 1;
  }
  return { reads, callsPerRecipient: (gas.env.calls.total - total) / n, roundTripsPerRecipient: roundTrips / n, totalCalls: gas.env.calls.total - total };
}
