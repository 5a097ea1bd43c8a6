import { UserError } from '../../src/core/errors';
import { alert, confirm, guarded, userMessage, openDialog, showTextDialog, toast } from '../../src/gas/ui';
import { type GasFakes, installGasFakes, spreadsheetFromSheets } from './fakes';

let gas: GasFakes;
beforeEach(() => {
  gas = installGasFakes(globalThis, { spreadsheet: spreadsheetFromSheets({}) });
});
afterEach(() => gas.uninstall());

describe('gas ui', () => {
  it('toasts, alerts and confirmations', () => {
    toast('Готово');
    expect(gas.spreadsheet?.toasts).toEqual([{ message: 'Готово', title: 'Партнёрство', timeoutSeconds: 5 }]);
    alert('Заголовок', 'Текст');
    expect(gas.ui.lastAlert()).toEqual({ title: 'Заголовок', prompt: 'Текст', buttons: 'OK', response: 'OK' });
    gas.ui.answers.push('NO');
    expect(confirm('Отправить?', '12 писем')).toBe(false);
    expect(confirm('Отправить?', '12 писем')).toBe(true);
  });

  it('text dialogs escape what they show', () => {
    showTextDialog('Проверка', 'Партнёры!B2: <script>alert(1)</script>\n\nконец');
    const dialog = gas.ui.dialogs[0];
    expect(dialog?.title).toBe('Проверка');
    expect(dialog?.html).toContain('&lt;script&gt;');
    expect(dialog?.html).not.toContain('<script>');
  });

  it('opens a dialog file, passing data as JSON that cannot close the script tag', () => {
    gas.htmlFiles.set('preview', '<script>var data = <?!= data ?>;</script>');
    openDialog('preview', 'Предпросмотр', { width: 800, height: 600 }, { text: '</script><b>' });
    const dialog = gas.ui.dialogs[0];
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Предпросмотр', width: 800, height: 600 });
    expect(dialog?.html).toBe('<script>var data = {"text":"\\u003c/script>\\u003cb>"};</script>');
    openDialog('preview', 'Без данных', { width: 100, height: 100 });
    expect(gas.ui.dialogs[1]?.html).toContain('<?!= data ?>');
  });

  it('userMessage: our own messages as they are; anything else wrapped in Russian without a stack', () => {
    expect(userMessage('Проверить данные', new UserError('Нет листа «Вклад».'))).toBe('Нет листа «Вклад».');
    // Apps Script answers in the account's language: Russian text is not a sign that the message is ours.
    expect(userMessage('Проверить данные', new Error('Exception: Превышен лимит'))).toMatch(/^Не удалось выполнить «Проверить данные».*Exception: Превышен лимит/s);
    const wrapped = userMessage('Проверить данные', new Error('Exception: Service error\n    at foo (Code:1:2)'));
    expect(wrapped).toMatch(/^Не удалось выполнить «Проверить данные»/);
    expect(wrapped).toContain('Exception: Service error');
    expect(wrapped).not.toContain('at foo');
    expect(userMessage('X', 'строка')).toMatch(/^Не удалось выполнить «X».*строка/s);
  });

  it('guarded returns the result, or alerts in Russian and logs the stack', () => {
    expect(guarded('Действие', () => 42)).toBe(42);
    expect(
      guarded('Действие', () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      }),
    ).toBeUndefined();
    expect(gas.ui.lastAlert()?.prompt).toMatch(/^Не удалось выполнить «Действие»/);
    expect(gas.logs.find((l) => l.level === 'error')?.text).toMatch(/TypeError[\s\S]*\n\s+at /);
  });

  it('guarded survives when there is no UI (a trigger)', () => {
    gas.ui.unavailable = true;
    expect(() =>
      guarded('Фоновая отправка', () => {
        throw new Error('boom');
      }),
    ).not.toThrow();
    expect(gas.logs.filter((l) => l.level === 'error')).toHaveLength(2);
  });
});
