/**
 * `installGasFakes(target, options)` puts fakes of every Apps Script global the project uses on a
 * target (a `vm` context or `globalThis`) and returns handles for assertions.
 *
 *   const gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({ 'Партнёры': [[...]] }) });
 *   gas.env.failAt(3); gas.env.killAt(10, { service: 'MailApp' }); gas.env.clock.msPerCall = 1000;
 *   gas.ui.alerts, gas.mail.sent, gas.triggers, gas.scriptProperties, gas.drive, gas.spreadsheet
 *   gas.uninstall();
 *
 * Several users: `users: { 'b@x': { granted: [...] } }` (or `gas.addUser`) declares accounts and the
 * scopes each ticked on the consent screen; `gas.runAs('b@x', fn)` runs an execution as B (menus,
 * dialogs), `gas.runTrigger(record, fn)` as the trigger's creator. Realistic call latencies:
 * `latency: 'realistic'` (see latency.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { FakeCharts } from './charts';
import { FakeDocs } from './docs-api';
import { FakeDocumentApp } from './document-app';
import { FakeDrive } from './drive-api';
import { FakeDriveApp } from './drive-app';
import { DriveModel } from './drive-model';
import { type ExecutionContext, FakeEnv, type Realm, type SessionState } from './env';
import { type LatencyOption, latencyTable } from './latency';
import {
  type AuthorizationPrompt,
  fakeConsole,
  FakeHtmlService,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUtilities,
  type LockState,
  type LogLine,
  MailState,
  type PropertyStores,
  type TriggerRecord,
  userStore,
} from './services';
import { FakeSpreadsheet, FakeSpreadsheetApp, type SpreadsheetModel, type SpreadsheetWorld } from './spreadsheet';
import { UiRecorder } from './ui';

export { isEnded, isKilled, Killed, FakeEnv } from './env';
export { REALISTIC_LATENCY } from './latency';
export { spreadsheetFromSheets, SpreadsheetModel, SheetModel } from './spreadsheet';
export { DriveModel, documentText } from './drive-model';
export type { DocModel, DriveItem } from './drive-model';
export { chartOfPng } from './charts';
export type { AlertRecord, DialogRecord, MenuRecord } from './ui';
export type { SentMail, TriggerRecord, LogLine, AuthorizationPrompt } from './services';

/** The parts of appsscript.json the fakes obey. */
export interface Manifest {
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

/** The project's own manifest (what `npm run build` copies into dist/). */
export function projectManifest(): Manifest {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'appsscript.json'), 'utf8')) as Manifest;
}

export interface GasFakeOptions {
  /**
   * Default: the project's appsscript.json. Its `oauthScopes` limit what the fakes let code call (like
   * Apps Script, which throws for a call whose scope is not declared), and the advanced services
   * (`Docs`, `Drive`) exist only when `enabledAdvancedServices` declares them.
   */
  manifest?: Manifest;
  /** The bound spreadsheet; none by default (`getActiveSpreadsheet()` returns null). */
  spreadsheet?: SpreadsheetModel;
  /** Fake clock start (ms since epoch); default 2026-11-20T09:00:00Z. */
  startMs?: number;
  /** How far the clock moves on every fake call; default 0. */
  msPerCall?: number;
  /** Replace `Date` on the target with one reading the fake clock; default true except for `globalThis`. */
  fakeDate?: boolean;
  scriptTimeZone?: string;
  /** The default user: who runs every execution unless told otherwise. */
  userEmail?: string;
  /** More accounts, each with the scopes it granted (omit `granted` for all of the manifest's). */
  users?: Record<string, { granted?: string[] }>;
  /** Daily mail recipients of each user. */
  mailQuota?: number;
  /** Simulated time per call; default none (see latency.ts). */
  latency?: LatencyOption;
  /** HTML files for HtmlService by name without `.html`. */
  htmlFiles?: Record<string, string>;
}

export interface GasFakes {
  env: FakeEnv;
  /** The bound spreadsheet's data. */
  spreadsheet: SpreadsheetModel | null;
  /** The bound spreadsheet as code under test receives it. */
  activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui: UiRecorder;
  drive: DriveModel;
  mail: MailState;
  lock: LockState;
  triggers: TriggerRecord[];
  scriptProperties: Map<string, string>;
  documentProperties: Map<string, string>;
  /** The default user's user properties. */
  userProperties: Map<string, string>;
  userPropertiesOf(email: string): Map<string, string>;
  /** Who the current execution runs as (settable by single-user tests). */
  session: SessionState;
  /** Authorization prompts shown by `ScriptApp.requireScopes`/`requireAllScopes`. */
  authorizationPrompts: AuthorizationPrompt[];
  logs: LogLine[];
  htmlFiles: Map<string, string>;
  /** Declares an account with the scopes it granted (default: all of the manifest's). */
  addUser(email: string, granted?: string[]): void;
  /** Runs `fn` as one execution (see `FakeEnv.execute`). */
  execute<T>(fn: () => T, context?: ExecutionContext): T;
  /** Runs `fn` as one execution of a menu or dialog by this user. */
  runAs<T>(email: string, fn: () => T): T;
  /** Runs `fn` as the trigger's execution: as the user who created it, with no UI. */
  runTrigger<T>(trigger: TriggerRecord, fn: () => T): T;
  /** Restores what the target had before. */
  uninstall(): void;
}

export const GAS_GLOBALS = [
  'SpreadsheetApp',
  'DocumentApp',
  'Docs',
  'Drive',
  'DriveApp',
  'MailApp',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'HtmlService',
  'Utilities',
  'Session',
  'Charts',
  'Logger',
  'console',
  'Date',
] as const;

/** A `Date` whose current time is the fake clock's; instances are ordinary Dates of that realm. */
function clockDate(RealDate: DateConstructor, now: () => number): DateConstructor {
  function FakeDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(now()).toString();
    if (args.length === 0) return new RealDate(now());
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = now;
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  return FakeDate as unknown as DateConstructor;
}

export function installGasFakes(target: object, options: GasFakeOptions = {}): GasFakes {
  const defaultUser = options.userEmail ?? 'staff@rovesnik.example';
  const env = new FakeEnv(options.startMs ?? Date.UTC(2026, 10, 20, 9, 0, 0), options.msPerCall ?? 0, defaultUser, options.scriptTimeZone ?? 'Europe/Moscow');
  const manifest = options.manifest ?? projectManifest();
  env.scopes = manifest.oauthScopes ? new Set(manifest.oauthScopes) : null;
  env.latency = latencyTable(options.latency);
  for (const [email, user] of Object.entries(options.users ?? {})) env.addAccount(email, user.granted ?? null);
  const advanced = new Set((manifest.dependencies?.enabledAdvancedServices ?? []).map((a) => `${a.userSymbol}:${a.serviceId}:${a.version}`));
  const t = target as Record<string, unknown>;
  const previous = new Map<string, PropertyDescriptor | undefined>(GAS_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(target, name)]));
  const inContext = target !== globalThis && vm.isContext(target);
  const intrinsics: Realm = inContext ? (vm.runInContext('({ Date: Date, Error: Error })', target) as Realm) : { Date: globalThis.Date, Error: globalThis.Error };
  const fakeDate = options.fakeDate ?? target !== globalThis;

  const ui = new UiRecorder(env);
  const world: SpreadsheetWorld = { env, spreadsheet: options.spreadsheet ?? null, ui };
  const drive = new DriveModel(defaultUser);
  const mail = new MailState(defaultUser, options.mailQuota ?? 100);
  const lock: LockState = { holder: null };
  // Apps Script frees the locks an execution holds when it ends, also when it is killed.
  env.onExecutionEnd.push(() => {
    if (lock.holder !== 'other') lock.holder = null;
  });
  const triggers: TriggerRecord[] = [];
  const stores: PropertyStores = { script: new Map<string, string>(), document: new Map<string, string>(), users: new Map() };
  const authorizationPrompts: AuthorizationPrompt[] = [];
  const logs: LogLine[] = [];
  const htmlFiles = new Map(Object.entries(options.htmlFiles ?? {}));

  const globals: Record<(typeof GAS_GLOBALS)[number], unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(world),
    DocumentApp: new FakeDocumentApp(env, drive),
    Docs: advanced.has('Docs:docs:v1') ? new FakeDocs(env, drive) : undefined,
    Drive: advanced.has('Drive:drive:v3') ? new FakeDrive(env, drive) : undefined,
    DriveApp: new FakeDriveApp(env, drive),
    MailApp: new FakeMailApp(env, mail),
    LockService: new FakeLockService(env, lock),
    PropertiesService: new FakePropertiesService(env, stores),
    ScriptApp: new FakeScriptApp(env, triggers, authorizationPrompts),
    HtmlService: new FakeHtmlService(env, htmlFiles),
    Utilities: new FakeUtilities(env),
    Session: new FakeSession(env),
    Charts: new FakeCharts(env),
    Logger: new FakeLogger(env, logs),
    console: fakeConsole(logs),
    Date: fakeDate ? clockDate(intrinsics.Date, () => env.clock.now()) : intrinsics.Date,
  };
  for (const name of GAS_GLOBALS) {
    if (name === 'Date' && !fakeDate) continue;
    if (globals[name] === undefined) continue; // an advanced service the manifest does not enable
    Object.defineProperty(target, name, { value: globals[name], writable: true, configurable: true, enumerable: false });
  }
  env.realm = { Date: fakeDate ? (globals.Date as DateConstructor) : intrinsics.Date, Error: intrinsics.Error };

  return {
    env,
    spreadsheet: world.spreadsheet,
    activeSpreadsheet: () => {
      if (!world.spreadsheet) throw new Error('installGasFakes: no spreadsheet was given');
      return new FakeSpreadsheet(world, world.spreadsheet) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    },
    ui,
    drive,
    mail,
    lock,
    triggers,
    scriptProperties: stores.script,
    documentProperties: stores.document,
    userProperties: userStore(stores, defaultUser),
    userPropertiesOf: (email) => userStore(stores, email),
    session: env.session,
    authorizationPrompts,
    logs,
    htmlFiles,
    addUser: (email, granted) => {
      env.addAccount(email, granted ?? null);
    },
    execute: (fn, context) => env.execute(fn, context),
    runAs: (email, fn) => env.execute(fn, { user: email }),
    runTrigger: (trigger, fn) => env.execute(fn, { user: trigger.owner, trigger: true }),
    uninstall: () => {
      for (const [name, descriptor] of previous) {
        if (descriptor) Object.defineProperty(target, name, descriptor);
        else delete t[name];
      }
    },
  };
}
