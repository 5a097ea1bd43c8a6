import { sheetsRuntime, toastProgress } from '../../src/gas/runtime';
import { type GasFakes, installGasFakes, spreadsheetFromSheets } from './fakes';

let gas: GasFakes;
afterEach(() => gas?.uninstall());

function install(timeZone = 'Europe/Moscow', startMs = Date.UTC(2026, 10, 26, 21, 30)): void {
  gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({}, { timeZone }), startMs, fakeDate: true });
}

describe('sheetsRuntime', () => {
  it('clock: nowMs from the (fake) clock, today() in the spreadsheet zone', () => {
    install('Europe/Moscow');
    const rt = sheetsRuntime();
    expect(rt.clock.nowMs()).toBe(Date.UTC(2026, 10, 26, 21, 30));
    // 21:30 UTC on the 26th is already the 27th in Moscow.
    expect(rt.clock.today()).toEqual({ year: 2026, month: 11, day: 27, hour: 0, minute: 30, second: 0 });
    gas.uninstall();
    install('America/New_York');
    expect(sheetsRuntime().clock.today()).toMatchObject({ day: 26, hour: 16, minute: 30 });
  });

  it('lock: the script lock, shared with other executions', () => {
    install();
    const rt = sheetsRuntime();
    gas.lock.holder = 'other';
    expect(rt.lock.tryLock(1000)).toBe(false);
    gas.lock.holder = null;
    expect(rt.lock.tryLock(1000)).toBe(true);
    expect(gas.lock.holder).not.toBeNull();
    rt.lock.release();
    expect(gas.lock.holder).toBeNull();
  });

  it('store: script properties', () => {
    install();
    const rt = sheetsRuntime();
    expect(rt.store.get('job')).toBeNull();
    rt.store.set('job', '{"done":3}');
    expect(gas.scriptProperties.get('job')).toBe('{"done":3}');
    expect(rt.store.get('job')).toBe('{"done":3}');
    rt.store.delete('job');
    expect(gas.scriptProperties.has('job')).toBe(false);
  });

  it('scheduler: one time-based trigger per handler, replaced on reschedule, deleted on cancel', () => {
    install();
    const rt = sheetsRuntime();
    rt.scheduler.scheduleOnce('continueInvite', 60000);
    rt.scheduler.scheduleOnce('continueInvite', 120000);
    rt.scheduler.scheduleOnce('continueThanks', 1000);
    expect(gas.triggers.map((t) => [t.handler, t.kind, t.dueAt])).toEqual([
      ['continueInvite', 'after', gas.env.clock.now() + 120000],
      ['continueThanks', 'after', gas.env.clock.now() + 1000],
    ]);
    rt.scheduler.cancel('continueInvite');
    expect(gas.triggers.map((t) => t.handler)).toEqual(['continueThanks']);
  });

  it('scheduler: at an instant, replacing an earlier schedule of the handler either way; a toast in a trigger fails', () => {
    install();
    const rt = sheetsRuntime();
    const at = Date.UTC(2026, 10, 27, 6, 0); // 09:00 in Moscow
    rt.scheduler.scheduleOnce('sendScheduled', 7 * 60000);
    rt.scheduler.scheduleAt('sendScheduled', at);
    expect(gas.triggers.map((t) => [t.handler, t.kind, t.dueAt])).toEqual([['sendScheduled', 'at', at]]);
    rt.scheduler.scheduleOnce('sendScheduled', 60000);
    expect(gas.triggers.map((t) => [t.handler, t.kind])).toEqual([['sendScheduled', 'after']]);
    rt.scheduler.cancel('sendScheduled');
    expect(gas.triggers).toEqual([]);
    // A trigger has no one at the spreadsheet: the fakes refuse a toast as they refuse getUi().
    const record = { id: 't', handler: 'sendScheduled', kind: 'at' as const, dueAt: at, period: null, owner: gas.session.effectiveUserEmail };
    expect(() => gas.runTrigger(record, () => SpreadsheetApp.getActiveSpreadsheet().toast('x'))).toThrow('Cannot call Spreadsheet.toast() from this context.');
    expect(() => gas.runTrigger(record, () => SpreadsheetApp.getUi())).toThrow(/getUi/);
  });

  it('progress: toasts, but not more often than every few seconds except the first and last', () => {
    install();
    const ss = gas.activeSpreadsheet();
    let now = 0;
    const progress = toastProgress(ss, { nowMs: () => now, today: () => ({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) }, 5000);
    progress.report(0, 10, 'Отправка приглашений');
    now = 1000;
    progress.report(1, 10, 'Отправка приглашений');
    now = 7000;
    progress.report(2, 10, 'Отправка приглашений');
    now = 7001;
    progress.report(10, 10, 'Отправка приглашений');
    expect(gas.spreadsheet?.toasts.map((t) => t.message)).toEqual([
      'Отправка приглашений: 0 из 10',
      'Отправка приглашений: 2 из 10',
      'Отправка приглашений: 10 из 10',
    ]);
  });

  it('progress: the last report of a run says «Готово», and a run with nothing to do shows no blank toast', () => {
    install();
    const ss = gas.activeSpreadsheet();
    const progress = toastProgress(ss, { nowMs: () => 0, today: () => ({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) }, 5000);
    progress.report(0, 0, '');
    progress.report(0, 2, 'ООО «Ромашка»');
    progress.report(2, 2, '');
    expect(gas.spreadsheet?.toasts.map((t) => t.message)).toEqual(['ООО «Ромашка»: 0 из 2', 'Готово: 2 из 2']);
  });

  it('says in Russian when there is no spreadsheet', () => {
    gas = installGasFakes(globalThis);
    expect(() => sheetsRuntime()).toThrow(/таблицы Google/);
  });
});
