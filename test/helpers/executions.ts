/**
 * A job across Apps Script executions on the in-memory ports: the start, the trigger's
 * continuations until none is scheduled, then the same job started again by hand until a run
 * reports back (what staff do after an error). Each execution gets a fresh runtime over the same
 * sheet, store, triggers, mail and documents, like Apps Script; every call costs 1 s. A fault — a
 * failure or a kill — is injected at one port call, the store's and the scheduler's included.
 */
import { continueJob, CONTINUE_HANDLER, startJob, type JobSpec } from '../../src/core/jobs';
import type { RunLimits, RunReport } from '../../src/core/run/outcome';
import type { Runtime } from '../../src/ports';
import { Killed, MemoryDocuments, MemoryLock, MemoryMail, MemoryScheduler, MemoryStore, memoryRuntime, World } from './memory-runtime';
import type { MemoryWorkbook } from './memory-workbook';

export const limits = (world: World, softDeadlineMs: number): RunLimits => ({ softDeadlineMs, startMs: world.nowMs });

/** Counts the store and the trigger calls too, so faults can hit them. */
export function countedPort<T extends object>(world: World, name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        world.tick(`${name}.${String(prop)}`);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

export interface Outcome {
  workbook: MemoryWorkbook;
  documents: MemoryDocuments;
  mail: MemoryMail;
  store: MemoryStore;
  scheduler: MemoryScheduler;
  world: World;
  executions: number;
  last: RunReport | null;
}

export type Fault = { mode: 'fail' | 'kill'; at: number } | null;

export interface AcrossOptions {
  /** Guards against a job that never ends. */
  maxContinuations?: number;
  /** The clock at the start (a job run after an earlier one on the same workbook starts later). */
  startMs?: number;
  /** How many times staff start the job again by hand until a run reports back (default 3). */
  handStarts?: number;
}

/** Runs `spec` across executions as above. */
export function acrossExecutions(workbook: MemoryWorkbook, spec: JobSpec, soft: number, fault: Fault, options: AcrossOptions = {}): Outcome {
  const maxContinuations = options.maxContinuations ?? 40;
  const world = new World();
  world.msPerCall = 1000;
  if (options.startMs !== undefined) world.nowMs = options.startMs;
  if (fault?.mode === 'fail') world.failAt = fault.at;
  if (fault?.mode === 'kill') world.killAt = fault.at;
  const shared = { mail: new MemoryMail(), documents: new MemoryDocuments(), store: new MemoryStore(), scheduler: new MemoryScheduler() };
  let executions = 0;
  // (Set inside the closure below: the cast keeps TypeScript from narrowing it to null.)
  let last = null as RunReport | null;
  const execute = (job: (rt: Runtime) => RunReport | null): void => {
    executions++;
    const t = memoryRuntime(workbook, world, shared);
    const rt: Runtime = { ...t.rt, store: countedPort(world, 'store', shared.store), scheduler: countedPort(world, 'scheduler', shared.scheduler) };
    try {
      last = job(rt);
    } catch (e) {
      if (e instanceof Killed ? fault?.mode !== 'kill' : !(e instanceof Error) || fault?.mode !== 'fail') throw e;
      last = null;
    } finally {
      // The execution is over: Apps Script frees its lock, and the next one starts alive.
      MemoryLock.held = false;
      world.dead = false;
    }
  };
  const triggers = () => {
    let guard = 0;
    while (shared.scheduler.scheduled.has(CONTINUE_HANDLER)) {
      if (++guard > maxContinuations) throw new Error(`the continuations never end: ${fault?.mode} at ${fault?.at} (${world.log[(fault?.at ?? 0) - 1]})`);
      world.nowMs += shared.scheduler.scheduled.get(CONTINUE_HANDLER) ?? 0;
      shared.scheduler.scheduled.delete(CONTINUE_HANDLER); // a time-driven trigger fires once
      execute((rt) => continueJob(rt, limits(world, soft)));
    }
  };
  execute((rt) => startJob(rt, spec, limits(world, soft)));
  triggers();
  // Staff start it again until a run reports back (after an error the dialog said so).
  for (let round = 0; round < (options.handStarts ?? 3); round++) {
    world.nowMs += 10 * 60_000;
    execute((rt) => startJob(rt, spec, limits(world, soft)));
    triggers();
    if (last?.outcome === 'done') break;
  }
  return { workbook, world, executions, last, ...shared };
}
