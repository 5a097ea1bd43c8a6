/**
 * `npm run bench`: speed and memory, measured (never asserted in tests).
 * - Apps Script side (the built bundle in node:vm on the faithful fakes): Sheets reads per run and
 *   service calls per recipient, for 10, 100 and 1,000 partners.
 * - Offline, each beside its floor in the same run: invitations with PDF (the command itself) against
 *   one soffice converting the same letters at once, for 40 and 200 partners; without PDF (.docx +
 *   .eml and the journal) against docxtemplater + nodemailer alone, for 200 and 1,000 partners.
 */
import { gasBench } from './gas';
import { noPdfBench, pdfBench } from './offline';

const SIZES = [10, 100, 1000];
/** Each side by side figure is the best of this many rounds, the two measured in turn (the machine is shared). */
const ROUNDS = 3;

async function best<T>(measure: () => Promise<T>, keys: (keyof T)[]): Promise<T> {
  let result = await measure();
  for (let i = 1; i < ROUNDS; i++) {
    const next = await measure();
    result = { ...result };
    for (const key of keys) if ((next[key] as number) < (result[key] as number)) result[key] = next[key];
  }
  return result;
}

async function main(): Promise<void> {
  console.log('Apps Script (dist/Code.js на подделках сервисов):');
  console.log('  партнёров | чтений листов за запуск (по листам) | вызовов сервисов на адресата (из них обращений к серверу) | всего вызовов');
  for (const n of SIZES) {
    const r = gasBench(n);
    const reads = Object.entries(r.reads).map(([sheet, count]) => `${sheet}: ${count}`).join(', ');
    console.log(`  ${String(n).padStart(9)} | ${reads} | ${r.callsPerRecipient.toFixed(2)} (${r.roundTripsPerRecipient.toFixed(2)}) | ${r.totalCalls}`);
  }
  console.log('Офлайн, приглашения с PDF (partnerstvo invite) рядом с одним soffice, переводящим те же письма сразу:');
  console.log('  партнёров | секунд | писем в секунду | soffice, секунд | отношение (цель ≤ 2)');
  for (const n of [40, 200]) {
    const first = await pdfBench(n);
    const r = first && (await best(async () => (await pdfBench(n)) ?? first, ['seconds', 'sofficeSeconds']));
    if (!r) {
      console.log('  LibreOffice не установлен: не измерено');
      break;
    }
    console.log(`  ${String(n).padStart(9)} | ${r.seconds.toFixed(2)} | ${(n / r.seconds).toFixed(1)} | ${r.sofficeSeconds.toFixed(2)} | ${(r.seconds / r.sofficeSeconds).toFixed(2)}`);
  }
  console.log('Офлайн, приглашения без PDF (.docx + .eml и журнал) рядом с docxtemplater + nodemailer без программы:');
  console.log('  партнёров | секунд | писем в секунду | пик памяти, МБ | docxtemplater + nodemailer, секунд | отношение (цель ≤ 1,15)');
  for (const n of [200, 1000]) {
    const r = await best(() => noPdfBench(n), ['seconds', 'floorSeconds']);
    console.log(
      `  ${String(n).padStart(9)} | ${r.seconds.toFixed(2)} | ${(n / r.seconds).toFixed(1)} | ${r.peakRssMb.toFixed(0)} | ${r.floorSeconds.toFixed(2)} | ${(r.seconds / r.floorSeconds).toFixed(2)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
