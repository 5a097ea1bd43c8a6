/**
 * `npm run bench`: speed and memory, measured (never asserted in tests).
 * - Apps Script side (the built bundle in node:vm on the faithful fakes): Sheets reads per run and
 *   service calls per recipient, for 10, 100 and 1,000 partners.
 * - Offline: invitation letters per second (.docx + .eml, no PDF) and peak memory.
 */
import { gasBench } from './gas';
import { offlineBench } from './offline';

const SIZES = [10, 100, 1000];

async function main(): Promise<void> {
  {
    console.log('Apps Script (dist/Code.js на подделках сервисов):');
    console.log('  партнёров | чтений листов за запуск (по листам) | вызовов сервисов на адресата (из них обращений к серверу) | всего вызовов');
    for (const n of SIZES) {
      const r = gasBench(n);
      const reads = Object.entries(r.reads).map(([sheet, count]) => `${sheet}: ${count}`).join(', ');
      console.log(`  ${String(n).padStart(9)} | ${reads} | ${r.callsPerRecipient.toFixed(2)} (${r.roundTripsPerRecipient.toFixed(2)}) | ${r.totalCalls}`);
    }
  }
  console.log('Офлайн (приглашения .docx + .eml, без PDF):');
  console.log('  партнёров | секунд | писем в секунду | пик памяти, МБ');
  for (const n of SIZES) {
    const r = await offlineBench(n);
    console.log(`  ${String(n).padStart(9)} | ${r.seconds.toFixed(2)} | ${r.lettersPerSecond.toFixed(1)} | ${r.peakRssMb.toFixed(0)}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
