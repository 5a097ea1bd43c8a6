/** Russian texts of the Google Sheets side: the menu, dialogs, validation help and error alerts. */
import { countWith, pluralForm } from '../core/russian';

export const MENU = {
  title: 'Партнёрство',
  invite: 'Пригласить на мероприятие…',
  thanks: 'Благодарственные письма…',
  owed: 'Кому ещё не сказали спасибо',
  report: 'Годовой отчёт…',
  setup: 'Настроить таблицу',
  check: 'Проверить данные',
  about: 'О программе',
} as const;

export const gasMsg = {
  appName: 'Партнёрство',
  setupTitle: 'Настройка таблицы',
  checkTitle: 'Проверка данных',
  aboutTitle: 'О программе',
  about: (version: string) =>
    [
      `«Партнёрство», версия ${version}.`,
      '',
      'Помогает вести социальных партнёров, мероприятия и их вклад в этой таблице: рассылать приглашения, ' +
        'готовить благодарственные письма и годовой отчёт «Анализ работы с социальными партнёрами».',
      '',
      '«Настроить таблицу» создаёт недостающие листы и столбцы, ничего не удаляя.',
      '«Проверить данные» находит ошибки и показывает, в какой ячейке они.',
    ].join('\n'),
  /** An unexpected failure: what did not work, and what to do. */
  failed: (action: string, detail: string) =>
    `Не удалось выполнить «${action}». Попробуйте ещё раз; если ошибка повторится, сообщите ответственному за таблицу.` +
    (detail ? `\n\nТехническая информация: ${detail}` : ''),
  noSpreadsheet: 'Программа работает только из таблицы Google: откройте таблицу и выберите пункт меню «Партнёрство».',
  sheetExists: (sheet: string) => `Лист «${sheet}» уже есть; настройка не стала создавать его заново.`,
  noSheet: (sheet: string) => `Нет листа «${sheet}». Выполните «Партнёрство → Настроить таблицу».`,
  /** `message` names the item being worked on; the last report of a run has none. */
  progress: (message: string, done: number, total: number) => `${message || 'Готово'}: ${done} из ${total}`,
};

/** Help texts shown by data validation when a cell is being edited. */
export const validationHelp = {
  list: (options: readonly string[]) => `Выберите из списка: ${options.join('; ')}`.slice(0, 250),
  date: 'Введите дату, например 27.11.2026.',
  number: (min: number | undefined) => (min === undefined ? 'Введите число.' : `Введите число не меньше ${min}.`),
};

const q = (s: string): string => `«${s}»`;
const DAYS = ['день', 'дня', 'дней'] as const;

/** Texts of the Google Docs, Drive and Mail side: templates, folders, dialogs and menu results. */
export const docsMsg = {
  /** The folder setup creates in Google Drive. */
  rootFolderName: 'Партнёрство — документы',
  templateName: { invitation: 'Шаблон приглашения', thanks: 'Шаблон благодарственного письма' },
  templateMissing: (setting: string) =>
    `Не удалось открыть шаблон из настройки ${q(setting)} (лист «Настройки»): документа с таким ID нет или к нему нет доступа. ` +
    'Программа видит на Google Диске только документы, которые создала сама: укажите шаблон, созданный командой «Партнёрство → Настроить таблицу» ' +
    '(его можно редактировать), или очистите ячейку и выполните эту команду — будет создан шаблон по умолчанию.',
  templateBlank: (setting: string) =>
    `Не указан шаблон в настройке ${q(setting)} (лист «Настройки»). Выполните «Партнёрство → Настроить таблицу» — будет создан шаблон по умолчанию.`,
  folderMissing: (setting: string) =>
    `Не удалось открыть папку из настройки ${q(setting)} (лист «Настройки»): папки с таким ID нет или к ней нет доступа. ` +
    'Программа видит на Google Диске только папки, которые создала сама. Очистите ячейку и выполните «Партнёрство → Настроить таблицу» — папка будет создана заново.',
  folderBlank: (setting: string) =>
    `Не указана папка для документов в настройке ${q(setting)} (лист «Настройки»). Выполните «Партнёрство → Настроить таблицу».`,
  bundleEmpty: 'Нет ни одного письма для документа для печати.',
  docsServiceOff:
    'Не включён сервис Google Docs API, нужный для заполнения шаблонов. Откройте редактор скриптов → «Сервисы» → добавьте «Google Docs API» (Docs).',
  driveServiceOff:
    'Не включён сервис Google Drive API, нужный для работы с документами. Откройте редактор скриптов → «Сервисы» → добавьте «Drive API» (Drive, версия v3).',
  createdFolder: (url: string) => `Создана папка «Партнёрство — документы»: ${url}`,
  createdTemplate: (name: string, url: string) => `Создан документ ${q(name)}: ${url}`,
  settingsNotWritten: (setting: string) => `Не найдена строка ${q(setting)} на листе «Настройки»: ID не записан.`,
  docsSetupHeader: 'Документы Google:',
};

/** Texts of the menu results and the dialogs' server side. */
export const dialogMsg = {
  inviteTitle: 'Приглашения на мероприятие',
  thanksTitle: 'Благодарственные письма',
  owedTitle: 'Кому ещё не сказали спасибо',
  owedNone: 'Всем, кто помог на прошедших мероприятиях, благодарность уже выражена.',
  owedIntro: (n: number) => `Вкладов без благодарственного письма: ${n}. Сначала самые давние.`,
  owedLine: (o: { organisation: string; event: string; date: string; what: string; amount: string; ageDays: number; address: string }) =>
    `${o.organisation} — ${q(o.event)}, ${o.date}: ${o.what}${o.amount ? ` (${o.amount})` : ''}; ${pluralForm(o.ageDays, ['прошёл', 'прошло', 'прошло'])} ${countWith(o.ageDays, DAYS)} (${o.address}).`,
  owedHint: 'Чтобы сделать письма, выберите «Партнёрство → Благодарственные письма…».',
  reportTitle: 'Годовой отчёт',
  /** `year`: the current academic year, or the last one with data while the current has none yet. */
  reportPrompt: (year: string) => `За какой учебный год сделать отчёт? Например: ${year}.\nОставьте поле пустым, чтобы сделать отчёт за ${year} учебный год.`,
  reportDone: 'Отчёт готов',
  openDocument: 'Открыть документ',
  noDialogAccess: 'Окно устарело: закройте его и откройте пункт меню заново.',
};

