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
import { installGasFakes, REALISTIC_LATENCY, type SpreadsheetModel, spreadsheetFromSheets } from '../test/gas/fakes';

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

function seedPartners(n: number): SpreadsheetModel {
  const rows: Cell[][] = [header('Партнёры')];
  for (let i = 1; i <= n; i++) {
    rows.push([`П-${String(i).padStart(4, '0')}`, `ООО «Партнёр ${i}»`, 'Предприятия и предприниматели', 'Сидоров Иван Петрович', '', 'директор', '', `p${i}@example.org`, '', '', false, true, '']);
  }
  return spreadsheetFromSheets({
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
}

export function gasBench(n: number): { reads: Record<string, number>; callsPerRecipient: number; roundTripsPerRecipient: number; totalCalls: number } {
  const ss = seedPartners(n);
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

/**
 * The calls every emailed invitation needs whatever the program does around them, at the realistic
 * latencies: a copy of the template, one Docs batchUpdate to fill it, its PDF (a Doc exported as PDF
 * costs the same ≈ 2.5 s by Drive's export or DocumentApp's getAs), and the email.
 */
export const FLOOR_CALLS = ['Files.copy', 'Documents.batchUpdate', 'Files.export', 'MailApp.sendEmail'] as const;
/** The soft deadline of src/main.ts: no new letter after 4.5 minutes of an execution. */
const SOFT_DEADLINE_MS = 4.5 * 60 * 1000;

export interface PaceResult {
  /** Simulated seconds of work per invitation (the executions' time, not the waits between them). */
  secondsPerInvitation: number;
  executions: number;
  /** The longest execution, simulated seconds (Apps Script kills at 360). */
  longestSeconds: number;
  /** From the click to the last letter, simulated minutes, waits between executions included. */
  elapsedMinutes: number;
  /**
   * Simulated minutes the executions started by triggers ran: Apps Script allows triggers 90 minutes a
   * day for a consumer account, 6 hours for Google Workspace
   * (https://developers.google.com/apps-script/guides/services/quotas).
   */
  triggerMinutes: number;
  floorSecondsPerInvitation: number;
  floorExecutions: number;
  /** Simulated seconds per invitation by method, the largest first. */
  byMethod: [string, number][];
}

/**
 * One invitation run for N partners at Apps Script's pace (test/gas/fakes/latency.ts), continued by
 * its trigger until done, on the fake clock: the built bundle, as the dialog and the triggers call it.
 */
export function paceBench(n: number): PaceResult {
  const ss = seedPartners(n);
  const context = vm.createContext({});
  const gas = installGasFakes(context, { spreadsheet: ss, htmlFiles: (bundle(), htmlFiles), mailQuota: n + 10, latency: 'realistic' });
  gas.env.keepLog = true;
  bundle().runInContext(context);
  const fn = (name: string) => vm.runInContext(name, context) as (...a: unknown[]) => unknown;
  gas.execute(() => fn('menuSetup')());
  const clock = gas.env.clock;
  const begin = clock.now();
  let busy = 0;
  let triggerBusy = 0;
  let longest = 0;
  let executions = 0;
  const byMethod = new Map<string, number>();
  const timed = (run: () => void) => {
    const start = clock.now();
    const from = gas.env.log.length;
    run();
    executions++;
    busy += clock.now() - start;
    longest = Math.max(longest, clock.now() - start);
    // Each record's time is the clock after the call: the difference is that call's own time.
    let previous = start;
    for (const record of gas.env.log.slice(from)) {
      byMethod.set(record.method, (byMethod.get(record.method) ?? 0) + record.at - previous);
      previous = record.at;
    }
  };
  timed(() => gas.execute(() => fn('dialogStartInvite')('М-001', [])));
  while (gas.triggers.length > 0) {
    if (executions > 200) throw new Error('the continuations never end');
    const trigger = [...gas.triggers].sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))[0]!;
    clock.set(Math.max(clock.now(), trigger.dueAt ?? 0));
    const before = busy;
    timed(() => gas.runTrigger(trigger, () => fn(trigger.handler)()));
    triggerBusy += busy - before;
  }
  const letters = gas.mail.sent.filter((m) => m.to.startsWith('p')).length;
  if (letters !== n) throw new Error(`expected ${n} emails, got ${letters}`);
  const floorMs = FLOOR_CALLS.reduce((sum, method) => sum + (REALISTIC_LATENCY[method] ?? 0), 0);
  return {
    secondsPerInvitation: busy / 1000 / n,
    executions,
    longestSeconds: longest / 1000,
    elapsedMinutes: (clock.now() - begin) / 60_000,
    triggerMinutes: triggerBusy / 60_000,
    floorSecondsPerInvitation: floorMs / 1000,
    floorExecutions: Math.ceil((n * floorMs) / SOFT_DEADLINE_MS),
    byMethod: [...byMethod].map(([m, ms]): [string, number] => [m, ms / 1000 / n]).sort((a, b) => b[1] - a[1]),
  };
}
