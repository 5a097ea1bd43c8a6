/** Russian texts about the data in the workbook: problems found while reading, check and setup reports. */
import { countWith, pluralForm } from '../core/russian';

const q = (s: string) => `«${s}»`;

/** How to add missing sheets and columns, in both runtimes: the menu in Sheets, `setup` offline. */
export const SETUP_HINT = 'Выполните «Партнёрство → Настроить таблицу» (без Google — команду partnerstvo setup).';
const SETUP_HINT_LOWER = SETUP_HINT.charAt(0).toLowerCase() + SETUP_HINT.slice(1);
const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const cellMsg = {
  notADate: (text: string) =>
    text ? `${q(cut(text))} — не дата. Введите дату, например 27.11.2026.` : 'Здесь должна быть дата, например 27.11.2026.',
  notATime: (text: string) => `${q(cut(text))} — не время. Введите время, например 15:00.`,
  notACheckbox: (text: string) => `${q(cut(text))} — здесь ожидается флажок (да/нет).`,
  notANumber: (text: string) => `${q(cut(text))} — не число.`,
  notAnAmount: (text: string) => `${q(cut(text))} — не сумма. Введите число рублей, например 5000 или 5 000,50.`,
  negative: (text: string) => `${q(cut(text))} — отрицательное значение, ожидается число не меньше нуля.`,
};

/** The notes on the header cells that setup creates: what to type in the column. */
export const COLUMN_HINT = {
  contact: 'Фамилия Имя Отчество, например: Сидоров Иван Петрович',
  gender: 'М или Ж — если пол по имени определяется неверно',
  position: 'В именительном падеже: директор, глава поселения',
  dativeOverride: 'Если заполнено — используется в письме вместо автоматического адресата',
  email: 'Несколько адресов — через запятую или точку с запятой',
  invite: 'Снимите флажок, чтобы никогда не приглашать',
  whom: 'Категории через «;», пусто или «все» — все партнёры',
  event: 'ID мероприятия или его точное название',
  partner: 'ID партнёра или точное название организации',
  what:
    'Что сделал партнёр — как пункт перечня, в именительном падеже, со строчной буквы и без точки: «финансовая поддержка праздничной программы», ' +
    '«подарки для детей из малообеспеченных семей». В письме: «Благодарим Вас за помощь в подготовке и проведении мероприятия «…»: финансовая поддержка праздничной программы (20 000 руб.).» ' +
    'Сумму пишите в столбце «Сумма, руб.».',
  thanked: 'Заполняется программой',
  number: 'Исходящий номер письма; заполняется программой, номера не повторяются',
};

/** What a drop-down's value is called in a message («Неизвестная категория …»). */
export const OPTION_NOUN = {
  category: 'категория',
  gender: 'пол',
  status: 'статус',
  resource: 'вид ресурса',
  role: 'роль',
};

export const dataMsg = {
  /** «Что сделано» that would still read wrong in the thank-you letter's list (`PhraseIssue`). */
  whatDone: {
    sentence: (text: string) =>
      `${q(cut(text))} — целое предложение, а в письме это пункт перечня после двоеточия: «…мероприятия «…»: финансовая поддержка праздничной программы». ` +
      'Напишите, что сделано, словосочетанием в именительном падеже, без точки в конце.',
    capital: (text: string) =>
      `${q(cut(text))} начинается с заглавной буквы, а в письме стоит в середине предложения, после двоеточия. Если это не имя собственное, напишите со строчной.`,
    accusative: (text: string) =>
      `${q(cut(text))}: похоже, часть фразы не в именительном падеже, а в письме она стоит после двоеточия, как пункт перечня. ` +
      'Пишите как в перечне: «встреча с ветеранами», «ведущий праздника», «звуковая аппаратура».',
  },
  missingSheet: (sheet: string) => `Нет листа ${q(sheet)}. ${SETUP_HINT}`,
  missingColumn: (sheet: string, header: string) =>
    `На листе ${q(sheet)} нет обязательного столбца ${q(header)}. Верните заголовок или ${SETUP_HINT_LOWER}`,
  unknownSetting: (label: string, near: string | null) =>
    `Параметр ${q(cut(label))} программе неизвестен и не читается.${near ? ` Возможно, это ${q(near)}: назовите его так.` : ''}`,
  emptySetting: (label: string) => `Не заполнен параметр ${q(label)}: без него не сделать ни приглашения, ни благодарственные письма.`,
  missingSetting: (label: string) =>
    `В «Настройках» нет параметра ${q(label)}: без него не сделать ни приглашения, ни благодарственные письма. Добавьте строку с ним и заполните её.`,
  renamedColumn: (text: string, address: string, header: string) =>
    `Похоже, это столбец ${q(cut(text))} (${address}): назовите его ${q(header)}.`,
  duplicateColumn: (sheet: string, header: string, addresses: string[]) =>
    `На листе ${q(sheet)} несколько столбцов ${q(header)} (${addresses.join(', ')}): непонятно, в каком из них данные, поэтому лист не используется. ` +
    'Оставьте этот заголовок у одного столбца, а другой переименуйте.',
  mergedHeader: (range: string, text: string) =>
    `Заголовок ${q(cut(text))} — объединённые ячейки ${range}: у столбцов под ними не осталось своих заголовков. Разъедините ячейки и дайте каждому столбцу его заголовок.`,
  emptyRequired: (header: string) => `Не заполнено обязательное поле ${q(header)}.`,
  formulaError: (error: string) => `Ошибка формулы ${error}: исправьте формулу или введите значение.`,
  badNumberNext: (text: string) =>
    `Следующий исходящий номер ${q(cut(text))} не прочитан: введите целое число, например 57. Пока номера продолжаются после наибольшего номера в «Журнале».`,
  badYearStart: (text: string) =>
    `Начало учебного года ${q(cut(text))} не прочитано: введите день и месяц, например 01.09. Пока учебный год считается с 1 сентября.`,
  unknownOption: (what: string, text: string, options: readonly string[]) =>
    `Неизвестное значение ${q(cut(text))} (${what}). Допустимо: ${options.map(q).join(', ')}.`,
  badEmail: (address: string) => `Неверный адрес электронной почты ${q(cut(address))}.`,
  duplicateId: (id: string, firstRow: number) => `ID ${q(id)} повторяется (уже есть в строке ${firstRow}); строка пропущена.`,
  unknownEvent: (text: string) => `Мероприятие ${q(cut(text))} не найдено на листе «Мероприятия» (ни по ID, ни по названию).`,
  ambiguousEvent: (text: string, ids: string[]) =>
    `Название ${q(cut(text))} есть у нескольких мероприятий (${ids.join(', ')}) — укажите ID.`,
  unknownPartner: (text: string) => `Партнёр ${q(cut(text))} не найден на листе «Партнёры» (ни по ID, ни по названию).`,
  ambiguousPartner: (text: string, ids: string[]) =>
    `Название ${q(cut(text))} есть у нескольких партнёров (${ids.join(', ')}) — укажите ID.`,
  problemNote: (messages: string[]) => `${NOTE_PREFIX}${messages.join('\n')}`,
  latinId: (typed: string, id: string) => `В ${q(cut(typed))} есть латинские буквы вместо русских: прочитано как ID ${q(id)}. Исправьте, чтобы не путаться.`,
};

/** Notes the check puts on problem cells start with this, so a later check removes only its own notes. */
export const NOTE_PREFIX = '⚠ Партнёрство: ';

const PROBLEMS = ['проблема', 'проблемы', 'проблем'] as const;

export const checkMsg = {
  clean: (partners: number, events: number, contributions: number) =>
    `Проверка завершена: ошибок нет. ${countWith(partners, ['партнёр', 'партнёра', 'партнёров'])}, ` +
    `${countWith(events, ['мероприятие', 'мероприятия', 'мероприятий'])}, ` +
    `${countWith(contributions, ['запись', 'записи', 'записей'])} о вкладе.`,
  found: (count: number) => `Проверка завершена: ${pluralForm(count, ['найдена', 'найдены', 'найдено'])} ${countWith(count, PROBLEMS)}.`,
  more: (count: number) => `…и ещё ${countWith(count, PROBLEMS)}.`,
  assignedIds: (count: number) => `${pluralForm(count, ['Присвоен', 'Присвоено', 'Присвоено'])} ${countWith(count, ['новый ID', 'новых ID', 'новых ID'])}.`,
  notesHint: 'Ячейки с проблемами отмечены примечаниями.',
};

export const setupMsg = {
  nothing: 'Таблица уже настроена: ничего менять не нужно.',
  done: 'Настройка таблицы завершена.',
  createdSheet: (sheet: string) => `Создан лист ${q(sheet)}.`,
  addedColumns: (sheet: string, headers: string[]) =>
    `На лист ${q(sheet)} добавлены столбцы: ${headers.map(q).join(', ')}.`,
  addedSettings: (count: number) => `В «Настройки» ${pluralForm(count, ['добавлен', 'добавлено', 'добавлено'])} ${countWith(count, ['параметр', 'параметра', 'параметров'])}.`,
};
