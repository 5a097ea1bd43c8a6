/** Fake of the Sheets `Ui`: menus, alerts, prompts and dialogs are recorded for assertions. */
import { type Fake, type FakeEnv, Instrumented } from './env';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonValue = (typeof Button)[keyof typeof Button];
export type ButtonSetValue = (typeof ButtonSet)[keyof typeof ButtonSet];

export type MenuEntry = { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  title: string;
  entries: MenuEntry[];
}

export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: ButtonSetValue | null;
  /** What the fake answered. */
  response: ButtonValue;
}

export interface DialogRecord {
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

/** Anything that looks like an HtmlOutput (our fake or a test double). */
export interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  fakeSize?(): { width: number | null; height: number | null };
}

/** Recorded UI activity of one installation, plus the answers the "user" will give. */
export class UiRecorder {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly prompts: { title: string; prompt: string }[] = [];
  /** Answers for the next alerts, first first; when empty, OK (or YES for YES_NO sets). */
  readonly answers: ButtonValue[] = [];
  /** Text answers for the next prompts. */
  readonly promptAnswers: { button: ButtonValue; text: string }[] = [];
  /** Set to make `getUi()` throw like it does in a time-driven trigger. */
  unavailable = false;
  private readonly env: FakeEnv;
  constructor(env: FakeEnv) {
    this.env = env;
  }
  ui(): FakeUi {
    if (this.unavailable) throw this.env.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this.env, this);
  }
  /** The menu with this title (the last one added). */
  menu(title: string): MenuRecord | undefined {
    return [...this.menus].reverse().find((m) => m.title === title);
  }
  lastAlert(): AlertRecord | undefined {
    return this.alerts[this.alerts.length - 1];
  }
}

export class FakeMenu extends Instrumented implements Fake<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly record: MenuRecord;
  private readonly recorder: UiRecorder;
  constructor(env: FakeEnv, recorder: UiRecorder, title: string) {
    super(env, 'SpreadsheetApp', 'Menu');
    this.recorder = recorder;
    this.record = { title, entries: [] };
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '') throw this.env.error('Invalid argument: functionName');
    this.record.entries.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.record.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: GasMenu): this {
    if (!(menu instanceof FakeMenu)) throw this.env.error('Invalid argument: menu');
    this.record.entries.push({ kind: 'submenu', menu: menu.record });
    return this;
  }
  addToUi(): void {
    this.recorder.menus.push(this.record);
  }
}

function isHtml(value: unknown): value is HtmlLike {
  return typeof value === 'object' && value !== null && typeof (value as HtmlLike).getContent === 'function';
}

export class FakeUi extends Instrumented implements Fake<GasUi, 'alert' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar'> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  private readonly recorder: UiRecorder;
  constructor(env: FakeEnv, recorder: UiRecorder) {
    super(env, 'SpreadsheetApp', 'Ui');
    this.recorder = recorder;
  }
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this.env, this.recorder, caption);
  }
  alert(a: string, b?: unknown, c?: unknown): ButtonValue {
    let title = '';
    let prompt = a;
    let buttons: ButtonSetValue | null = null;
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = c as ButtonSetValue;
    } else if (b !== undefined) buttons = b as ButtonSetValue;
    if (buttons !== null && !Object.values(ButtonSet).includes(buttons)) throw this.env.error('Invalid argument: buttons');
    const response = this.recorder.answers.shift() ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK);
    this.recorder.alerts.push({ title, prompt, buttons, response });
    return response;
  }
  prompt(a: string, b?: unknown, c?: unknown): { getResponseText(): string; getSelectedButton(): ButtonValue } {
    const title = c !== undefined ? a : '';
    const prompt = c !== undefined ? String(b) : a;
    this.recorder.prompts.push({ title, prompt });
    const answer = this.recorder.promptAnswers.shift() ?? { button: Button.CANCEL, text: '' };
    return { getResponseText: () => answer.text, getSelectedButton: () => answer.button };
  }
  private show(kind: DialogRecord['kind'], output: unknown, title: string | null): void {
    if (!isHtml(output)) throw this.env.error("The parameters (Object) don't match the method signature for Ui.showModalDialog.");
    const size = output.fakeSize?.() ?? { width: null, height: null };
    this.recorder.dialogs.push({ kind, title: title ?? output.getTitle(), html: output.getContent(), ...size });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface, title);
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface, null);
  }
}
