/**
 * What the user sees in Sheets: toasts, alerts, confirmations and dialogs, plus the guard every menu
 * handler runs in, which turns any failure into a Russian alert (the stack goes to the log only).
 */
import { errorDetail, errorText, isUserError } from '../core/errors';
import { escapeHtml } from '../core/letters/email';
import { gasMsg } from '../messages/gas';

export interface DialogSize {
  width: number;
  height: number;
}

/** A short notice in the corner of the spreadsheet. */
export function toast(message: string, title: string = gasMsg.appName, timeoutSeconds = 5): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (ss) ss.toast(message, title, timeoutSeconds);
}

/** A message box with an OK button. */
export function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** The menu in the spreadsheet's menu bar: items by caption and entry-point name, `null` for a separator. */
export function addMenu(title: string, items: ([string, string] | null)[]): void {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** A one-line question; the typed answer, or null when cancelled. */
export function prompt(title: string, message: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
}

/** A yes/no question; true for «Да». */
export function confirm(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}


/** A modal dialog with plain text (one paragraph per line), escaped. */
export function showTextDialog(title: string, text: string, size: DialogSize = { width: 640, height: 480 }): void {
  const body = text
    .split('\n')
    .map((line) => (line === '' ? '<br>' : `<p style="margin:0 0 6px">${escapeHtml(line)}</p>`))
    .join('\n');
  const html = `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.4">${body}</div>`;
  const output = HtmlService.createHtmlOutput(html).setWidth(size.width).setHeight(size.height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

/**
 * Opens `dist/<file>.html` as a modal dialog. `data` is handed to the page as the template variable
 * `data` (JSON text; print it raw with `<?!= data ?>`).
 */
export function openDialog(file: string, title: string, size: DialogSize, data?: unknown): void {
  let output: GoogleAppsScript.HTML.HtmlOutput;
  if (data === undefined) output = HtmlService.createHtmlOutputFromFile(file);
  else {
    const template = HtmlService.createTemplateFromFile(file);
    // `</` must not end the page's <script> early.
    template.data = JSON.stringify(data).replace(/</g, '\\u003c');
    output = template.evaluate();
  }
  SpreadsheetApp.getUi().showModalDialog(output.setWidth(size.width).setHeight(size.height), title);
}

/**
 * The text an error gives the user: our own messages (`UserError`) as they are; anything else — an
 * Apps Script exception, a bug — wrapped in a sentence naming the action, with its first line.
 */
export function userMessage(action: string, error: unknown): string {
  if (isUserError(error)) return error.message;
  const firstLine = errorText(error).split('\n')[0]?.trim() ?? '';
  return gasMsg.failed(action, firstLine.slice(0, 300));
}

/** Writes a failure with its stack to the execution log (never to the user). */
export function logFailure(action: string, error: unknown): void {
  console.error(`${action}: ${errorDetail(error)}`);
}

/**
 * Runs a menu handler: any error is logged with its stack and shown to the user as a Russian alert.
 * Returns the handler's result, or undefined when it failed.
 */
export function guarded<T>(action: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    logFailure(action, error);
    try {
      // A menu caption ends in «…» when it opens a dialog; in an alert it should not.
      const title = action.replace(/\s*…$/, '');
      alert(title, userMessage(title, error));
    } catch (uiError) {
      logFailure(action, uiError);
    }
    return undefined;
  }
}

/** What google.script.run hands to the page: plain JSON (no Dates, no class instances). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Runs a dialog's server call: failures come back as Russian text in the call's usual shape. */
export function serve<T>(action: string, fallback: (message: string) => T, run: () => T): T {
  try {
    return plain(run());
  } catch (error) {
    logFailure(action, error);
    return plain(fallback(userMessage(action, error)));
  }
}

/** The row of the active cell when it is on the given sheet, else null. */
export function activeRowOf(sheetName: string): number | null {
  const range = SpreadsheetApp.getActiveRange();
  return range && range.getSheet().getName() === sheetName ? range.getRow() : null;
}
