/**
 * The continuation state has no size limit a real run reaches: a «Сделать заново» of 500 partners
 * with long IDs (its list alone passes the 9 KB one script property holds) continues across
 * executions with the store enforcing Apps Script's limits (9 KB a value, 500 KB a store).
 */
import { continueJob, CONTINUE_HANDLER, pendingJob, RUN_STATE_KEY, startJob, type JobSpec } from '../../src/core/jobs';
import { readWorkbook } from '../../src/core/data/read';
import { readText } from '../../src/core/run/stored-text';
import type { RunLimits } from '../../src/core/run/outcome';
import { MemoryLock, memoryRuntime, partnersWorkbook, STORE_TOTAL_LIMIT, STORE_VALUE_LIMIT, type World } from '../helpers/memory-runtime';

const PARTNERS = 500;
const longId = (i: number) => `П-ПОСЁЛОК-ПРИМЕРНЫЙ-ОРГАНИЗАЦИЯ-${String(i).padStart(4, '0')}`;
const limits = (world: World): RunLimits => ({ softDeadlineMs: 270_000, startMs: world.nowMs });

afterEach(() => {
  MemoryLock.held = false;
});

it('a redo of 500 partners continues across executions without hitting the property limits; each partner once more, nothing left in the store', () => {
  const wb = partnersWorkbook(PARTNERS);
  const partners = wb.sheets.get('Партнёры')!;
  for (let i = 1; i <= PARTNERS; i++) partners[i][0] = longId(i);
  for (let i = 1; i <= PARTNERS; i++) wb.sheets.get('Вклад')!.push(['М-001', longId(i), 'участник', 'кадровый', 'концерт', '', '']);
  const t = memoryRuntime(wb);
  const spec: JobSpec = { job: 'thanks', year: '2026/2027', email: true };
  t.mail.quota = 1000;
  expect(startJob(t.rt, spec, limits(t.world)).outcome).toBe('done');
  expect(t.mail.outbox).toHaveLength(PARTNERS);

  // «Сделать заново» with 100 emails a day: five executions, the first by hand, the rest by the trigger.
  t.mail.quota = 100;
  const first = startJob(t.rt, { ...spec, redo: true }, limits(t.world));
  expect(first.outcome).toBe('stopped');
  const stored = readText(t.store, RUN_STATE_KEY) ?? '';
  // The list of the 400 not reached is over one value's limit: it is kept in parts.
  expect(Buffer.byteLength(stored)).toBeGreaterThan(STORE_VALUE_LIMIT);
  expect((pendingJob(t.rt) as { redoPartners: string[] }).redoPartners).toHaveLength(PARTNERS - 100);
  let executions = 1;
  while (t.scheduler.scheduled.has(CONTINUE_HANDLER) && executions < 20) {
    t.scheduler.scheduled.delete(CONTINUE_HANDLER);
    t.world.nowMs += 25 * 3600 * 1000;
    t.mail.quota = 100;
    continueJob(t.rt, limits(t.world));
    executions++;
  }
  expect(executions).toBe(5);
  const count = new Map<string, number>();
  for (const m of t.mail.outbox) count.set(m.to[0], (count.get(m.to[0]) ?? 0) + 1);
  const letters = [...count].filter(([to]) => to !== 'me@example.org');
  expect(letters).toHaveLength(PARTNERS);
  expect(letters.every(([, n]) => n === 2)).toBe(true);
  expect(t.store.largestValue).toBeLessThanOrEqual(STORE_VALUE_LIMIT);
  expect(t.store.largestTotal).toBeLessThan(STORE_TOTAL_LIMIT);
  expect(t.store.data.size).toBe(0);
  expect(t.scheduler.scheduled.size).toBe(0);
  expect(readWorkbook(wb).journal.filter((e) => e.status === 'отправлено')).toHaveLength(2 * PARTNERS);
});
