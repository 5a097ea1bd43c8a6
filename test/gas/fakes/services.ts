/** Fakes of the small Apps Script services: Utilities, Session, LockService, PropertiesService, ScriptApp,
 * HtmlService, MailApp, Logger and console. */
import { type Fake, type FakeEnv, Instrumented, isDate } from './env';
import { formatDate } from './time';

// ---------------------------------------------------------------------------------------------- Blob

export class FakeBlob
  extends Instrumented
  implements Fake<GoogleAppsScript.Base.Blob, 'getBytes' | 'getDataAsString' | 'getContentType' | 'getName' | 'setName' | 'setContentType' | 'copyBlob'>
{
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
  constructor(env: FakeEnv, bytes: Uint8Array, contentType: string | null, name: string | null, service = 'Utilities') {
    super(env, service, 'Blob');
    this.bytes = bytes;
    this.contentType = contentType;
    this.name = name;
  }
  static fromText(env: FakeEnv, text: string, contentType: string | null, name: string | null, service?: string): FakeBlob {
    return new FakeBlob(env, new TextEncoder().encode(text), contentType, name, service);
  }
  /** Test helper: the bytes as UTF-8 text. */
  fakeText(): string {
    return new TextDecoder().decode(this.bytes);
  }
  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(): string {
    return this.fakeText();
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this;
  }
  copyBlob(): FakeBlob {
    return new FakeBlob(this.env, this.bytes.slice(), this.contentType, this.name);
  }
  getBlob(): this {
    return this;
  }
}

function toBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[], (b) => b & 0xff);
  if (data instanceof Uint8Array) return data.slice();
  return new TextEncoder().encode(String(data));
}

/** True for our blob or anything with `getBytes` (what Apps Script accepts as a BlobSource). */
export function blobOf(env: FakeEnv, source: unknown): FakeBlob {
  if (source instanceof FakeBlob) return source;
  if (typeof source === 'object' && source !== null && typeof (source as { getBlob?: unknown }).getBlob === 'function') {
    const blob = (source as { getBlob(): unknown }).getBlob();
    if (blob instanceof FakeBlob) return blob;
  }
  throw env.error("The parameters (Object) don't match the method signature.");
}

// ----------------------------------------------------------------------------------------- Utilities

export class FakeUtilities
  extends Instrumented
  implements Fake<GoogleAppsScript.Utilities.Utilities, 'formatDate' | 'newBlob' | 'sleep' | 'getUuid'>
{
  private uuid = 0;
  constructor(env: FakeEnv) {
    super(env, 'Utilities', 'Utilities');
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) throw this.env.error("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    try {
      return formatDate(date.getTime(), timeZone, format);
    } catch (e) {
      throw this.env.error(`Invalid argument: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  newBlob(data: unknown, contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(this.env, toBytes(data), contentType ?? null, name ?? null);
  }
  /** Advances the fake clock instead of waiting. */
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw this.env.error('Invalid argument: milliseconds');
    this.env.clock.advance(milliseconds);
  }
  getUuid(): string {
    this.uuid++;
    return `00000000-0000-4000-8000-${String(this.uuid).padStart(12, '0')}`;
  }
}

// ------------------------------------------------------------------------------------------- Session

export class FakeUser extends Instrumented implements Fake<GoogleAppsScript.Base.User, 'getEmail'> {
  private readonly email: string;
  constructor(env: FakeEnv, email: string, service = 'Session') {
    super(env, service, 'User');
    this.email = email;
  }
  getEmail(): string {
    return this.email;
  }
}

export type { SessionState } from './env';

/** `Session` of the current execution (see `FakeEnv.execute` for who the users are). */
export class FakeSession extends Instrumented implements Fake<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'> {
  constructor(env: FakeEnv) {
    super(env, 'Session', 'Session');
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.session.activeUserEmail);
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(this.env, this.env.session.effectiveUserEmail);
  }
  getScriptTimeZone(): string {
    return this.env.session.scriptTimeZone;
  }
}

// --------------------------------------------------------------------------------------- LockService

/**
 * The one script lock all executions share. `holder` is a lock object, or 'other' for another execution.
 * `userLocks`: the user lock "prevents concurrent access to a section of code by the current user"
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getUserLock()), one per user.
 */
export interface LockState {
  holder: object | 'other' | null;
  userLocks?: Map<string, LockState>;
}

export class FakeLock extends Instrumented implements Fake<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  private readonly state: LockState;
  constructor(env: FakeEnv, state: LockState) {
    super(env, 'LockService', 'Lock');
    this.state = state;
  }
  /** Takes the lock if free; otherwise the fake clock moves on by the timeout and the answer is false. */
  tryLock(timeoutInMillis: number): boolean {
    if (this.state.holder === null || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    this.env.clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this.env.error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class FakeLockService extends Instrumented implements Fake<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  private readonly state: LockState;
  constructor(env: FakeEnv, state: LockState) {
    super(env, 'LockService', 'LockService');
    this.state = state;
  }
  getScriptLock(): FakeLock {
    return new FakeLock(this.env, this.state);
  }
  getDocumentLock(): FakeLock {
    return new FakeLock(this.env, this.state);
  }
  getUserLock(): FakeLock {
    const locks = (this.state.userLocks ??= new Map());
    const me = this.env.effectiveUser().toLowerCase();
    let state = locks.get(me);
    if (!state) locks.set(me, (state = { holder: null }));
    return new FakeLock(this.env, state);
  }
}

// --------------------------------------------------------------------------------- PropertiesService

/**
 * Apps Script's limits: "Properties value size 9 KB / val" and "Properties total storage 500 KB /
 * property store" (https://developers.google.com/apps-script/guides/services/quotas, "Current
 * limitations"). The reference does not say whether keys count toward the total; measurements say
 * they do (https://gist.github.com/tanaikech/8b057d10fb5f2af014794e57b021c6aa), and so does the fake
 * (the pessimistic reading). Going over either throws, as a limitation does.
 */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const utf8 = (text: string): number => new TextEncoder().encode(text).length;

/** Bytes a store holds: every key and value. */
export function propertyStoreBytes(map: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of map) total += utf8(k) + utf8(v);
  return total;
}

export class FakeProperties
  extends Instrumented
  implements Fake<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties' | 'getKeys' | 'deleteAllProperties'>
{
  readonly map: Map<string, string>;
  constructor(env: FakeEnv, map: Map<string, string>) {
    super(env, 'PropertiesService', 'Properties');
    this.map = map;
  }
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    const text = String(value);
    if (utf8(text) > PROPERTY_VALUE_LIMIT) throw this.env.error('Argument too large: value');
    const previous = this.map.get(key);
    const after = propertyStoreBytes(this.map) - (previous === undefined ? 0 : utf8(key) + utf8(previous)) + utf8(key) + utf8(text);
    if (after > PROPERTY_STORE_LIMIT) throw this.env.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.map.set(key, text);
    return this;
  }
  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): this {
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

/**
 * Script and document properties are shared by every user of the script; user properties belong to
 * the effective user (https://developers.google.com/apps-script/guides/properties).
 */
export interface PropertyStores {
  script: Map<string, string>;
  document: Map<string, string>;
  /** Per user, by lower-case address. */
  users: Map<string, Map<string, string>>;
}

export function userStore(stores: PropertyStores, email: string): Map<string, string> {
  const key = email.toLowerCase();
  let store = stores.users.get(key);
  if (!store) stores.users.set(key, (store = new Map()));
  return store;
}

export class FakePropertiesService
  extends Instrumented
  implements Fake<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'>
{
  private readonly stores: PropertyStores;
  constructor(env: FakeEnv, stores: PropertyStores) {
    super(env, 'PropertiesService', 'PropertiesService');
    this.stores = stores;
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.env, this.stores.script);
  }
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.env, this.stores.document);
  }
  getUserProperties(): FakeProperties {
    return new FakeProperties(this.env, userStore(this.stores, this.env.effectiveUser()));
  }
}

// ------------------------------------------------------------------------------------------ ScriptApp

/** Apps Script allows 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const TRIGGER_LIMIT = 20;

export interface TriggerRecord {
  id: string;
  handler: string;
  kind: 'after' | 'at' | 'everyMinutes' | 'everyHours';
  /** When it is due on the fake clock (for `after`/`at`), or the period for recurring ones. */
  dueAt: number | null;
  period: number | null;
  /**
   * Who created it: an installable trigger runs as that user
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions: "Installable
   * triggers always run under the account of the person who created them").
   */
  owner: string;
}

export class FakeTrigger extends Instrumented implements Fake<GoogleAppsScript.Script.Trigger, 'getHandlerFunction' | 'getUniqueId'> {
  readonly record: TriggerRecord;
  constructor(env: FakeEnv, record: TriggerRecord) {
    super(env, 'ScriptApp', 'Trigger');
    this.record = record;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  getEventType(): string {
    return 'CLOCK';
  }
  getTriggerSource(): string {
    return 'CLOCK';
  }
}

const ownedBy = (t: TriggerRecord, email: string): boolean => t.owner.toLowerCase() === email.toLowerCase();

export class FakeClockTriggerBuilder
  extends Instrumented
  implements Fake<GoogleAppsScript.Script.ClockTriggerBuilder, 'after' | 'at' | 'everyMinutes' | 'everyHours' | 'create'>
{
  private readonly triggers: TriggerRecord[];
  private readonly handler: string;
  private spec: Pick<TriggerRecord, 'kind' | 'dueAt' | 'period'> | null = null;
  constructor(env: FakeEnv, triggers: TriggerRecord[], handler: string) {
    super(env, 'ScriptApp', 'ClockTriggerBuilder');
    this.triggers = triggers;
    this.handler = handler;
  }
  after(durationMilliseconds: number): this {
    if (!(durationMilliseconds >= 0)) throw this.env.error('Invalid argument: durationMilliseconds');
    this.spec = { kind: 'after', dueAt: this.env.clock.now() + durationMilliseconds, period: null };
    return this;
  }
  /**
   * "Specifies when the trigger runs" (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#at(Date)).
   * The reference names no precision ("the time may be slightly randomized",
   * https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers): `dueAt` is the
   * instant asked for, and tests fire it then, later, or a little earlier, as the pessimistic reading allows.
   */
  at(date: GoogleAppsScript.Base.Date): this {
    if (!isDate(date)) throw this.env.error('Invalid argument: date');
    this.spec = { kind: 'at', dueAt: date.getTime(), period: null };
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw this.env.error('Invalid argument: minutes. Must be 1, 5, 10, 15 or 30.');
    this.spec = { kind: 'everyMinutes', dueAt: null, period: n * 60000 };
    return this;
  }
  everyHours(n: number): this {
    this.spec = { kind: 'everyHours', dueAt: null, period: n * 3600000 };
    return this;
  }
  create(): FakeTrigger {
    if (!this.spec) throw this.env.error('Trigger needs a schedule.');
    const owner = this.env.effectiveUser();
    if (this.triggers.filter((t) => ownedBy(t, owner)).length >= TRIGGER_LIMIT)
      throw this.env.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const record: TriggerRecord = { id: `trigger-${this.env.calls.total}-${this.triggers.length}`, handler: this.handler, ...this.spec, owner };
    this.triggers.push(record);
    return new FakeTrigger(this.env, record);
  }
}

export class FakeTriggerBuilder extends Instrumented implements Fake<GoogleAppsScript.Script.TriggerBuilder, 'timeBased'> {
  private readonly triggers: TriggerRecord[];
  private readonly handler: string;
  constructor(env: FakeEnv, triggers: TriggerRecord[], handler: string) {
    super(env, 'ScriptApp', 'TriggerBuilder');
    this.triggers = triggers;
    this.handler = handler;
  }
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.env, this.triggers, this.handler);
  }
}

const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
const AUTHORIZATION_STATUS = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

/**
 * `AuthorizationInfo` (https://developers.google.com/apps-script/reference/script/authorization-info):
 * for the scopes asked about (all of the manifest's when none were named), whether the user must still
 * authorize some, the URL where they can, and which of them the user has authorized
 * ("If authorization info is requested for a specified list of scopes, returns the authorized scopes
 * from the specified list").
 */
export class FakeAuthorizationInfo extends Instrumented {
  private readonly authorized: string[];
  private readonly missing: string[];
  constructor(env: FakeEnv, requested: string[]) {
    super(env, 'ScriptApp', 'AuthorizationInfo');
    this.authorized = requested.filter((scope) => env.allows(scope));
    this.missing = requested.filter((scope) => !env.allows(scope));
  }
  getAuthorizationStatus(): string {
    return this.missing.length > 0 ? AUTHORIZATION_STATUS.REQUIRED : AUTHORIZATION_STATUS.NOT_REQUIRED;
  }
  /** "If no authorization is required, this method returns null." */
  getAuthorizationUrl(): string | null {
    return this.missing.length > 0 ? `https://script.google.com/macros/d/script-1/authorize?scopes=${this.missing.map(encodeURIComponent).join('+')}` : null;
  }
  getAuthorizedScopes(): string[] {
    return [...this.authorized];
  }
}

/** An authorization prompt Apps Script showed because `requireScopes`/`requireAllScopes` found scopes missing. */
export interface AuthorizationPrompt {
  user: string;
  scopes: string[];
}

export class FakeScriptApp
  extends Instrumented
  implements Fake<GoogleAppsScript.Script.ScriptApp, 'newTrigger' | 'getProjectTriggers' | 'deleteTrigger' | 'getScriptId' | 'requireScopes' | 'requireAllScopes'>
{
  readonly AuthMode = AUTH_MODE;
  readonly AuthorizationStatus = AUTHORIZATION_STATUS;
  private readonly triggers: TriggerRecord[];
  private readonly prompts: AuthorizationPrompt[];
  constructor(env: FakeEnv, triggers: TriggerRecord[], prompts: AuthorizationPrompt[] = []) {
    super(env, 'ScriptApp', 'ScriptApp');
    this.triggers = triggers;
    this.prompts = prompts;
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw this.env.error('Invalid argument: functionName');
    return new FakeTriggerBuilder(this.env, this.triggers, functionName);
  }
  /** "Gets all installable triggers associated with the current project and current user." */
  getProjectTriggers(): FakeTrigger[] {
    const me = this.env.effectiveUser();
    return this.triggers.filter((t) => ownedBy(t, me)).map((t) => new FakeTrigger(this.env, t));
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    if (!(trigger instanceof FakeTrigger)) throw this.env.error('Invalid argument: trigger');
    const i = this.triggers.findIndex((t) => t.id === trigger.record.id);
    if (i < 0) throw this.env.error('Trigger not found.');
    this.triggers.splice(i, 1);
  }
  getScriptId(): string {
    return 'script-1';
  }
  /** Only FULL is modelled: "no other authorization mode requires that users grant authorization". */
  private full(authMode: unknown): void {
    if (authMode !== AUTH_MODE.FULL) throw this.env.error('Fake ScriptApp: only ScriptApp.AuthMode.FULL is modelled');
  }
  getAuthorizationInfo(authMode: unknown, oAuthScopes?: string[]): FakeAuthorizationInfo {
    this.full(authMode);
    return new FakeAuthorizationInfo(this.env, oAuthScopes ? [...oAuthScopes] : [...(this.env.scopes ?? [])]);
  }
  /**
   * "If any of the specified consents are not granted, then this method ends the current execution
   * and renders an authorization prompt to request the missing scopes." The prompt is recorded.
   */
  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): void {
    this.full(authMode);
    this.require(oAuthScopes);
  }
  /** The same for every scope of the manifest. */
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode): void {
    this.full(authMode);
    this.require([...(this.env.scopes ?? [])]);
  }
  private require(scopes: string[]): void {
    const missing = scopes.filter((scope) => !this.env.allows(scope));
    if (missing.length === 0) return;
    this.prompts.push({ user: this.env.effectiveUser(), scopes: missing });
    this.env.endExecution('Authorization is required to perform that action.');
  }
}

// ---------------------------------------------------------------------------------------- HtmlService

export class FakeHtmlOutput
  extends Instrumented
  implements Fake<GoogleAppsScript.HTML.HtmlOutput, 'setWidth' | 'setHeight' | 'setTitle' | 'getTitle' | 'getContent' | 'setContent' | 'append' | 'getWidth' | 'getHeight'>
{
  content: string;
  title = '';
  width: number | null = null;
  height: number | null = null;
  constructor(env: FakeEnv, content: string) {
    super(env, 'HtmlService', 'HtmlOutput');
    this.content = content;
  }
  fakeSize(): { width: number | null; height: number | null } {
    return { width: this.width, height: this.height };
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getWidth(): number {
    return this.width ?? 600;
  }
  getHeight(): number {
    return this.height ?? 400;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  addMetaTag(): this {
    return this;
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

/**
 * A template from a file. `evaluate()` supports the printing scriptlets with a variable or a dotted
 * path of template properties (`<?= title ?>` escaped, `<?!= data.json ?>` raw); other scriptlets throw.
 */
export class FakeHtmlTemplate extends Instrumented implements Fake<GoogleAppsScript.HTML.HtmlTemplate, 'evaluate' | 'getRawContent'> {
  [name: string]: unknown;
  private readonly source: string;
  constructor(env: FakeEnv, source: string) {
    super(env, 'HtmlService', 'HtmlTemplate');
    this.source = source;
  }
  getRawContent(): string {
    return this.source;
  }
  evaluate(): FakeHtmlOutput {
    const html = this.source.replace(/<\?(!?=)\s*([\s\S]*?)\s*\?>/g, (_, kind: string, expr: string) => {
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(expr)) throw this.env.error(`Unsupported scriptlet in fake: ${expr}`);
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- template variables are our own properties
      let value: unknown = this;
      for (const part of expr.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[part];
      if (value === undefined && !expr.includes('.')) throw this.env.error(`ReferenceError: ${expr} is not defined`);
      const text = value === null || value === undefined ? '' : String(value);
      return kind === '=' ? escapeHtml(text) : text;
    });
    return new FakeHtmlOutput(this.env, html);
  }
}

export class FakeHtmlService
  extends Instrumented
  implements Fake<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplateFromFile' | 'createTemplate'>
{
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
  private readonly files: Map<string, string>;
  constructor(env: FakeEnv, files: Map<string, string>) {
    super(env, 'HtmlService', 'HtmlService');
    this.files = files;
  }
  private file(name: string): string {
    const html = this.files.get(name.replace(/\.html$/, ''));
    if (html === undefined) throw this.env.error(`No HTML file named ${name} was found.`);
    return html;
  }
  createHtmlOutput(html?: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.env, html ?? '');
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.env, this.file(filename));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.env, this.file(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.env, html);
  }
}

// -------------------------------------------------------------------------------------------- MailApp

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  attachments: { name: string; contentType: string; text: string; bytes: Uint8Array }[];
  /** Fake clock time of sending. */
  at: number;
  /** The account it was sent as (the effective user). */
  from: string;
}

/**
 * Sent mail and the daily quota, which is per user: MailApp sends "as" the effective user and counts
 * against that user's recipients per day (https://developers.google.com/apps-script/guides/services/quotas).
 */
export class MailState {
  readonly sent: SentMail[] = [];
  /** Recipients that may still be sent to today, per lower-case address. */
  readonly quotas = new Map<string, number>();
  constructor(
    private readonly defaultUser: string,
    /** What a user who has sent nothing today has. */
    readonly dailyQuota: number,
  ) {}
  quotaOf(email: string): number {
    return this.quotas.get(email.toLowerCase()) ?? this.dailyQuota;
  }
  setQuota(email: string, n: number): void {
    this.quotas.set(email.toLowerCase(), n);
  }
  /** The default user's quota (the one a single-user test runs as). */
  get quota(): number {
    return this.quotaOf(this.defaultUser);
  }
  set quota(n: number) {
    this.setQuota(this.defaultUser, n);
  }
}

export class FakeMailApp extends Instrumented implements Fake<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  private readonly state: MailState;
  constructor(env: FakeEnv, state: MailState) {
    super(env, 'MailApp', 'MailApp');
    this.state = state;
  }
  getRemainingDailyQuota(): number {
    return this.state.quotaOf(this.env.effectiveUser());
  }
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    const o: Record<string, unknown> =
      typeof a === 'object' && a !== null
        ? (a as Record<string, unknown>)
        : { ...((options ?? {}) as Record<string, unknown>), to: a, subject, body };
    const to = String(o.to ?? '');
    const cc = String(o.cc ?? '');
    const bcc = String(o.bcc ?? '');
    const recipients = [to, cc, bcc].flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    if (recipients.length === 0) throw this.env.error('Failed to send email: no recipient');
    for (const r of recipients) if (!/^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/.test(r)) throw this.env.error(`Invalid email: ${r}`);
    const from = this.env.effectiveUser();
    if (this.state.quotaOf(from) < recipients.length) throw this.env.error('Service invoked too many times for one day: email.');
    if (typeof o.subject !== 'string') throw this.env.error('Invalid argument: subject');
    const attachments = ((o.attachments ?? []) as unknown[]).map((x) => {
      const blob = blobOf(this.env, x);
      return { name: blob.name ?? '', contentType: blob.contentType ?? '', text: blob.fakeText(), bytes: blob.bytes.slice() };
    });
    this.state.setQuota(from, this.state.quotaOf(from) - recipients.length);
    this.state.sent.push({
      to,
      cc,
      bcc,
      subject: o.subject,
      body: String(o.body ?? ''),
      htmlBody: String(o.htmlBody ?? ''),
      name: String(o.name ?? ''),
      replyTo: String(o.replyTo ?? ''),
      attachments,
      at: this.env.clock.now(),
      from,
    });
  }
}

// -------------------------------------------------------------------------------------- Logger/console

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

function logText(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (typeof a === 'object' && a !== null && typeof (a as { stack?: unknown }).stack === 'string') return (a as { stack: string }).stack;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(' ');
}

export class FakeLogger extends Instrumented implements Fake<GoogleAppsScript.Base.Logger, 'log'> {
  private readonly lines: LogLine[];
  constructor(env: FakeEnv, lines: LogLine[]) {
    super(env, 'Logger', 'Logger');
    this.lines = lines;
  }
  log(...args: unknown[]): this {
    this.lines.push({ level: 'log', text: logText(args) });
    return this;
  }
}

/** `console` of Apps Script (Stackdriver logging); recorded, not printed, and not counted. */
export function fakeConsole(lines: LogLine[]): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const at =
    (level: LogLine['level']) =>
    (...args: unknown[]): void => {
      lines.push({ level, text: logText(args) });
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error') };
}
