/**
 * Apps Script entry points only: every export becomes a top-level function of dist/Code.js (menus,
 * triggers and google.script.run see only those). Each wires the adapters into a core job and returns.
 */
import { version } from '../package.json';
import { runCheck } from './core/check';
import { gasMsg, MENU } from './core/messages/gas';
import { runSetup } from './core/setup';
import { alert, guarded } from './gas/ui';
import { SheetsWorkbook } from './gas/workbook';

function activeWorkbook(): SheetsWorkbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error(gasMsg.noSpreadsheet);
  return new SheetsWorkbook(ss);
}

export function onOpen(): void {
  guarded(MENU.title, () => {
    SpreadsheetApp.getUi()
      .createMenu(MENU.title)
      .addItem(MENU.setup, 'menuSetup')
      .addItem(MENU.check, 'menuCheck')
      .addSeparator()
      .addItem(MENU.about, 'menuAbout')
      .addToUi();
  });
}

export function onInstall(): void {
  onOpen();
}

export function menuSetup(): void {
  guarded(MENU.setup, () => {
    const report = runSetup(activeWorkbook());
    alert(gasMsg.setupTitle, report.summary);
  });
}

export function menuCheck(): void {
  guarded(MENU.check, () => {
    const report = runCheck(activeWorkbook());
    alert(gasMsg.checkTitle, report.summary);
  });
}

export function menuAbout(): void {
  guarded(MENU.about, () => alert(gasMsg.aboutTitle, gasMsg.about(version)));
}
