/**
 * The machinery shared by every Apps Script fake: a call counter (total, per service, per method),
 * scheduled failures (`failAt`) and kills (`killAt`), a fake clock that advances per call, and the
 * "realm" (the `Date`/`Error` constructors of the code under test, which may live in a `vm` context).
 *
 * Every public method of a fake object goes through `FakeEnv.instrument`, so nothing can forget to count.
 */

/** The constructors of the realm the code under test runs in. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
}

/** What a fake method must return: primitives exactly; objects and enums are left to the fake. */
export type FakeReturn<R> = [R] extends [object] ? unknown : [R] extends [string | boolean | void | null | undefined] ? R : IsNumber<R> extends true ? R : unknown;
type IsNumber<R> = (<G>() => G extends R ? 1 : 2) extends <G>() => G extends number ? 1 : 2 ? true : false;

/** Methods of `T` named `K` with their real parameter lists (the last overload); see `FakeReturn`. */
export type Fake<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => FakeReturn<R> : T[P];
};

import { requiredScopes } from './scopes';

const killedValues = new WeakSet<object>();
const endedValues = new WeakSet<object>();

/**
 * The simulated 6-minute kill. The thrown value is an ordinary `Error` of the code's own realm (code under
 * test cannot tell it from a crash); tests recognise it with `instanceof Killed` or `isKilled`.
 */
export class Killed extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && killedValues.has(value);
  }
}

export function isKilled(value: unknown): boolean {
  return value instanceof Killed;
}

/**
 * An execution ended on purpose by Apps Script, not by a crash: `ScriptApp.requireScopes` "ends the
 * current execution and renders an authorization prompt" when a scope is not granted
 * (https://developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)).
 * Writes made so far stay (it is not a kill). Tests recognise it with `isEnded`.
 */
export function isEnded(value: unknown): boolean {
  return typeof value === 'object' && value !== null && endedValues.has(value);
}

/** One Google account that uses the script, with the scopes it granted on the consent screen. */
export interface Account {
  email: string;
  /**
   * The manifest's scopes this user ticked on the consent screen; null for all of them. Since 2025 the
   * consent screen lists every scope with its own checkbox ("granular consent",
   * https://workspaceupdates.googleblog.com/2025/01/granular-oauth-consent-in-google-apps-script.html;
   * https://developers.google.com/apps-script/concepts/scopes#granular), so any subset is possible.
   */
  granted: ReadonlySet<string> | null;
}

/**
 * Who the current execution runs as (https://developers.google.com/apps-script/reference/base/session).
 * The effective user is the one whose authority (grants, Drive access, mail quota) the script uses:
 * the person at the keyboard for menus and dialogs, the creator of the trigger for an installable
 * trigger. The active user's address may be '' where the reference says it is not visible.
 */
export interface SessionState {
  activeUserEmail: string;
  effectiveUserEmail: string;
  scriptTimeZone: string;
  /** True while a time-driven trigger runs: no user is present, and the UI cannot be called. */
  trigger: boolean;
}

/** How an execution starts: as which user (default: the session's), and whether from a trigger. */
export interface ExecutionContext {
  user?: string;
  trigger?: boolean;
}

export interface CallRecord {
  /** 1-based number of the call since the env was made. */
  n: number;
  service: string;
  /** `Range.setValues`, `MailApp.sendEmail`, … */
  method: string;
  /** What the call was on, e.g. `Партнёры!A2:A5` for ranges. */
  detail?: string;
  /** Clock time when the call happened. */
  at: number;
}

/** Which calls a scheduled failure counts: all, one service (`MailApp`) or one method (`Range.setValues`). */
export interface CallFilter {
  service?: string;
  method?: string;
}

interface Scheduled extends CallFilter {
  remaining: number;
  kind: 'fail' | 'kill';
  message: string;
}

export class FakeClock {
  private ms: number;
  /** How far the clock moves on every fake call. */
  msPerCall: number;
  constructor(startMs: number, msPerCall: number) {
    this.ms = startMs;
    this.msPerCall = msPerCall;
  }
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

/** Something that can say what a call was made on (ranges give their A1 address). */
interface Describable {
  fakeDetail(): string;
}

function hasDetail(value: object): value is Describable {
  return typeof (value as Partial<Describable>).fakeDetail === 'function';
}

/** Undo entries of writes made since the last flush; rolled back when an execution is killed. */
export type Undo = () => void;

export class FakeEnv {
  readonly calls = { total: 0, byService: {} as Record<string, number>, byMethod: {} as Record<string, number> };
  readonly log: CallRecord[] = [];
  keepLog = true;
  readonly clock: FakeClock;
  realm: Realm = { Date, Error };
  /** True from a kill until `revive()`: every fake call throws the same value again. */
  killed = false;
  private killValue: object | null = null;
  private scheduled: Scheduled[] = [];
  /** Run when an execution ends in any way (normally, by an exception or killed), e.g. to free its lock. */
  readonly onExecutionEnd: (() => void)[] = [];
  /**
   * The manifest's `oauthScopes`: a call needing a scope not in it throws like Apps Script
   * ("You do not have permission to call …"). Null: every call is allowed.
   */
  scopes: ReadonlySet<string> | null = null;
  /** The accounts that use the script, by lower-case address; an unknown one granted everything. */
  readonly accounts = new Map<string, Account>();
  /** The current execution's users (see `execute`). */
  readonly session: SessionState;
  /**
   * Simulated time each call takes, by method (`Files.copy`) or service (`MailApp`), added to
   * `clock.msPerCall`; `'*'` for every other call. Null (the default): calls take no time of their own.
   * See latency.ts for realistic figures.
   */
  latency: Readonly<Record<string, number>> | null = null;
  /** Set while `execute` runs: unflushed writes, undone if the execution is killed. */
  private pending: Undo[] | null = null;

  constructor(startMs: number, msPerCall: number, userEmail = 'staff@rovesnik.example', scriptTimeZone = 'Europe/Moscow') {
    this.clock = new FakeClock(startMs, msPerCall);
    this.session = { activeUserEmail: userEmail, effectiveUserEmail: userEmail, scriptTimeZone, trigger: false };
  }

  /** The account the script acts for now (its grants, Drive access, mail quota). */
  effectiveUser(): string {
    return this.session.effectiveUserEmail;
  }

  /** Declares an account and the scopes it granted (null: every scope of the manifest). */
  addAccount(email: string, granted: readonly string[] | null = null): Account {
    const account: Account = { email, granted: granted === null ? null : new Set(granted) };
    this.accounts.set(email.toLowerCase(), account);
    return account;
  }

  /**
   * Whether the current call may use the scope: the manifest declares it and the effective user
   * granted it. Without a manifest (null scopes) everything is allowed.
   */
  allows(scope: string): boolean {
    if (this.scopes !== null && !this.scopes.has(scope)) return false;
    const granted = this.accounts.get(this.effectiveUser().toLowerCase())?.granted ?? null;
    return granted === null || granted.has(scope);
  }

  /** The scopes of the manifest the effective user granted. */
  grantedScopes(): string[] {
    return [...(this.scopes ?? [])].filter((scope) => this.allows(scope));
  }

  private latencyOf(service: string, method: string): number {
    const table = this.latency;
    if (!table) return 0;
    return table[method] ?? table[service] ?? table['*'] ?? 0;
  }

  /** An `Error` of the code's realm, as Apps Script throws them (`Exception: …`). */
  error(message: string): Error {
    return new this.realm.Error(message.startsWith('Exception: ') ? message : `Exception: ${message}`);
  }

  /** A `Date` of the code's realm. */
  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** The n-th matching call from now (1 = the next one) throws an Error like Apps Script's. */
  failAt(n: number, filter: CallFilter & { message?: string } = {}): void {
    this.scheduled.push({ ...filter, remaining: n, kind: 'fail', message: filter.message ?? 'Exception: Service error' });
  }

  /** The n-th matching call from now (1 = the next one) is killed like the 6-minute limit. */
  killAt(n: number, filter: CallFilter = {}): void {
    this.scheduled.push({ ...filter, remaining: n, kind: 'kill', message: 'Exception: Execution stopped' });
  }

  /** After a kill: the next execution may start. */
  revive(): void {
    this.killed = false;
    this.killValue = null;
  }

  clearScheduled(): void {
    this.scheduled = [];
  }

  /** Number of calls of one method (`Range.getValues`) or of one service (`SpreadsheetApp`). */
  count(name: string): number {
    return this.calls.byMethod[name] ?? this.calls.byService[name] ?? 0;
  }

  /** Counts one call; throws when a failure or kill is due. */
  tick(service: string, method: string, detail?: string): void {
    if (this.killValue) throw this.killValue;
    // A scope the manifest does not declare, or one the user unticked on the consent screen: Apps
    // Script refuses the call with the same text either way.
    const needed = requiredScopes(service, method);
    if (needed && !needed.some((scope) => this.allows(scope)))
      throw this.error(`You do not have permission to call ${service === method.split('.')[0] ? method : `${service}.${method}`}. Required permissions: ${needed.join(' || ')}`);
    this.calls.total++;
    this.calls.byService[service] = (this.calls.byService[service] ?? 0) + 1;
    this.calls.byMethod[method] = (this.calls.byMethod[method] ?? 0) + 1;
    this.clock.advance(this.clock.msPerCall + this.latencyOf(service, method));
    if (this.keepLog) this.log.push({ n: this.calls.total, service, method, detail, at: this.clock.now() });
    for (const s of this.scheduled) {
      if (s.service !== undefined && s.service !== service) continue;
      if (s.method !== undefined && s.method !== method) continue;
      s.remaining--;
    }
    const due = this.scheduled.find((s) => s.remaining === 0);
    this.scheduled = this.scheduled.filter((s) => s.remaining > 0);
    if (!due) return;
    if (due.kind === 'fail') throw this.error(due.message);
    this.kill(due.message);
  }

  /** Ends the execution on purpose (see `isEnded`); what was written stays. */
  endExecution(message: string): never {
    const value = this.error(message);
    endedValues.add(value);
    throw value;
  }

  private kill(message: string): never {
    const value = this.error(message);
    killedValues.add(value);
    this.killed = true;
    this.killValue = value;
    this.rollback();
    throw value;
  }

  /** Records how to undo a write; a no-op outside `execute` (writes are then durable at once). */
  recordWrite(undo: Undo): void {
    if (this.pending) this.pending.push(undo);
  }

  /** `SpreadsheetApp.flush()`: what was written is durable now. */
  commit(): void {
    if (this.pending) this.pending = [];
  }

  private rollback(): void {
    if (!this.pending) return;
    for (const undo of this.pending.reverse()) undo();
    this.pending = [];
  }

  /**
   * Runs `fn` as one Apps Script execution: writes since the last flush are lost if it is killed, and
   * committed when it ends otherwise (normally or by an exception). Rethrows whatever `fn` throws.
   * `context.user` runs it as that user (menus, dialogs); `context.trigger` as a time-driven trigger
   * of that user: effective user the trigger's creator, active user's address not visible ('') —
   * the pessimistic reading of https://developers.google.com/apps-script/reference/base/session#getActiveUser().
   */
  execute<T>(fn: () => T, context: ExecutionContext = {}): T {
    const saved = { ...this.session };
    const user = context.user ?? this.session.effectiveUserEmail;
    this.session.effectiveUserEmail = user;
    this.session.activeUserEmail = context.trigger ? '' : context.user !== undefined ? user : this.session.activeUserEmail;
    this.session.trigger = context.trigger === true;
    this.revive();
    this.pending = [];
    try {
      const result = fn();
      this.pending = null;
      return result;
    } catch (e) {
      if (!isKilled(e)) this.pending = null;
      throw e;
    } finally {
      this.pending = null;
      for (const hook of this.onExecutionEnd) hook();
      Object.assign(this.session, saved);
    }
  }

  /**
   * Wraps a fake object: every method call through the wrapper is counted (and may fail); the method
   * runs on the unwrapped object, so calls a fake makes on itself are not counted twice.
   */
  instrument<T extends object>(target: T, service: string, type: string): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const env = this;
    const proxy: T = new Proxy(target, {
      get(obj, prop) {
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor' || prop === 'fakeDetail') return value;
        if (prop.startsWith('fake')) return value; // test-side helpers, not Apps Script methods
        return (...args: unknown[]): unknown => {
          env.tick(service, `${type}.${prop}`, hasDetail(obj) ? obj.fakeDetail() : undefined);
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result === obj ? proxy : result;
        };
      },
    });
    return proxy;
  }
}

/** Base of every fake object: constructing one yields the counted wrapper. */
export abstract class Instrumented {
  protected readonly env: FakeEnv;
  constructor(env: FakeEnv, service: string, type: string) {
    this.env = env;
    return env.instrument(this, service, type);
  }
}

/** True for a `Date` of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
