import { checkMsg, setupMsg } from '../../src/messages/data';
import { dialogMsg } from '../../src/messages/gas';
import { templateMsg } from '../../src/messages/letters';

const NBSP = '\u00a0';
const owed = (ageDays: number) =>
  dialogMsg.owedLine({ organisation: 'АНО «Доброе сердце»', event: 'Новый год', date: 'д', what: 'подарки', amount: '', ageDays, address: 'Вклад!E5' });

describe('counted phrases agree with their number', () => {
  it('after «у» the count is in the genitive', () => {
    expect(templateMsg.empty('Описание', ['А'])).toContain(`будет пустым у 1${NBSP}письма: А.`);
    expect(templateMsg.empty('Описание', ['А', 'Б', 'В'])).toContain(`у 3${NBSP}писем:`);
    expect(templateMsg.empty('Описание', ['А', 'Б', 'В', 'Г', 'Д', 'Е'])).toContain(`у 6${NBSP}писем:`);
  });

  it('the verb before a count of one is singular', () => {
    expect(checkMsg.assignedIds(1)).toBe(`Присвоен 1${NBSP}новый ID.`);
    expect(checkMsg.assignedIds(21)).toBe(`Присвоен 21${NBSP}новый ID.`);
    expect(checkMsg.assignedIds(3)).toBe(`Присвоено 3${NBSP}новых ID.`);
    expect(setupMsg.addedSettings(1)).toBe(`В «Настройки» добавлен 1${NBSP}параметр.`);
    expect(setupMsg.addedSettings(5)).toBe(`В «Настройки» добавлено 5${NBSP}параметров.`);
    expect(owed(1)).toContain(`; прошёл 1${NBSP}день (Вклад!E5).`);
    expect(owed(341)).toContain(`; прошёл 341${NBSP}день`);
    expect(owed(12)).toContain(`; прошло 12${NBSP}дней`);
  });
});
