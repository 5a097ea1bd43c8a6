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
  cancelScheduled: 'Отменить отложенную отправку',
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
  /** A job needs permissions the user unticked on Google's consent screen. */
  missingPermissions: (action: string, permissions: string[], url: string | null) =>
    [
      permissions.length === 1
        ? `Для «${action}» нужно разрешение Google, которое не было отмечено в окне разрешений:`
        : `Для «${action}» нужны разрешения Google, которые не были отмечены в окне разрешений:`,
      ...permissions.map((p) => `• ${p}.`),
      '',
      url
        ? `Чтобы выдать ${permissions.length === 1 ? 'его' : 'их'}, откройте ссылку, отметьте ${permissions.length === 1 ? 'это разрешение' : 'эти разрешения'} и нажмите «Продолжить», затем снова выберите пункт меню: ${url}`
        : `Чтобы выдать ${permissions.length === 1 ? 'его' : 'их'}, снова выберите пункт меню и отметьте ${permissions.length === 1 ? 'это разрешение' : 'эти разрешения'} в окне Google.`,
      'Если окно разрешений не откроется: на странице myaccount.google.com/connections удалите доступ для этой программы и снова выберите пункт меню — Google спросит все разрешения заново.',
    ].join('\n'),
  /** For the execution log: a background continuation waits for permissions of the person who started it. */
  continuationWaits: (permissions: string[]) =>
    `Продолжение рассылки отложено на час: у того, кто её запустил, не выдано разрешение Google: ${permissions.join('; ')}. ` +
    'Работа сохранена; она продолжится, когда разрешение будет выдано (выберите любой пункт меню «Партнёрство» и выдайте его), или её можно продолжить из окна рассылки.',
  /** `message` names the item being worked on; the last report of a run has none. */
  progress: (message: string, done: number, total: number) => `${message || 'Готово'}: ${done} из ${total}`,
};

/** The OAuth scopes of appsscript.json, by their name after `https://www.googleapis.com/auth/`. */
export type ScopeName =
  | 'spreadsheets.currentonly'
  | 'script.container.ui'
  | 'documents'
  | 'drive'
  | 'script.send_mail'
  | 'script.scriptapp'
  | 'userinfo.email';

/**
 * Each permission as Google's consent screen words it (in Russian; the English texts are those of
 * https://developers.google.com/identity/protocols/oauth2/scopes and the Apps Script scopes), and what
 * the program needs it for.
 */
export const PERMISSIONS: Record<ScopeName, { consent: string; why: string }> = {
  'spreadsheets.currentonly': {
    consent: 'Просмотр и изменение таблиц, в которых установлено это приложение',
    why: 'чтобы читать и записывать эту таблицу',
  },
  'script.container.ui': {
    consent: 'Показ и запуск стороннего веб-контента в подсказках и на боковых панелях в приложениях Google',
    why: 'чтобы показывать окна программы',
  },
  documents: {
    consent: 'Просмотр, изменение, создание и удаление всех ваших документов Google',
    why: 'чтобы заполнять шаблоны писем и делать отчёт',
  },
  drive: {
    consent: 'Просмотр, изменение, создание и удаление всех ваших файлов на Google Диске',
    why: 'чтобы копировать шаблоны и класть письма в общую папку документов',
  },
  'script.send_mail': { consent: 'Отправка электронных писем от вашего имени', why: 'чтобы отправлять приглашения и письма' },
  'script.scriptapp': {
    consent: 'Запуск этого приложения, когда вас нет на месте',
    why: 'чтобы большая рассылка сама продолжалась после перерыва',
  },
  'userinfo.email': {
    consent: 'Просмотр основного адреса электронной почты вашего аккаунта Google',
    why: 'чтобы отправить тестовое письмо вам самим',
  },
};

export const permissionLabel = (name: ScopeName): string => `«${PERMISSIONS[name].consent}» — ${PERMISSIONS[name].why}`;

/** Help texts shown by data validation when a cell is being edited. */
export const validationHelp = {
  list: (options: readonly string[]) => `Выберите из списка: ${options.join('; ')}`.slice(0, 250),
  date: 'Введите дату, например 27.11.2026.',
  number: (min: number | undefined) => (min === undefined ? 'Введите число.' : `Введите число не меньше ${min}.`),
};

const q = (s: string): string => `«${s}»`;
const DAYS = ['день', 'дня', 'дней'] as const;

/** Who can open the folder and templates to another editor: their owner (recorded at setup), when known. */
function askOwner(owner: string): string {
  const who = owner ? `их владельца (${owner})` : 'того, кто настраивал таблицу,';
  return `Попросите ${who} выполнить «Партнёрство → Настроить таблицу» ещё раз — программа откроет папку и шаблоны всем редакторам таблицы — или открыть вам доступ к ним на Google Диске.`;
}

/** Texts of the Google Docs, Drive and Mail side: templates, folders, dialogs and menu results. */
export const docsMsg = {
  /** The folder setup creates in Google Drive. */
  rootFolderName: 'Партнёрство — документы',
  templateName: { invitation: 'Шаблон приглашения', thanks: 'Шаблон благодарственного письма', envelope: 'Шаблон конверта' },
  templateUnseen: (setting: string, owner: string) =>
    `Шаблон из настройки ${q(setting)} (лист «Настройки») вам недоступен: его вам не открыли на Google Диске, или его удалили. ` +
    askOwner(owner) +
    ' Если шаблон удалили совсем, очистите ячейку и выполните «Настроить таблицу» — будет создан шаблон по умолчанию.',
  templateGone: (setting: string) =>
    `Шаблон из настройки ${q(setting)} (лист «Настройки») лежит в корзине Google Диска или это не документ Google. ` +
    'Восстановите его из корзины или очистите ячейку и выполните «Партнёрство → Настроить таблицу» — будет создан шаблон по умолчанию.',
  templateBlank: (setting: string) =>
    `Не указан шаблон в настройке ${q(setting)} (лист «Настройки»). Выполните «Партнёрство → Настроить таблицу» — будет создан шаблон по умолчанию.`,
  folderUnseen: (setting: string, owner: string) =>
    `Папка для документов из настройки ${q(setting)} (лист «Настройки») вам недоступна: её вам не открыли на Google Диске, или её удалили. ` +
    askOwner(owner) +
    ' Если папку удалили совсем, очистите ячейку и выполните «Настроить таблицу» — будет создана новая.',
  folderReadOnly: (setting: string, owner: string) =>
    `В папку для документов из настройки ${q(setting)} (лист «Настройки») вы не можете добавлять файлы: вам открыт только просмотр. ` + askOwner(owner),
  folderGone: (setting: string) =>
    `Папка для документов из настройки ${q(setting)} (лист «Настройки») лежит в корзине Google Диска или это не папка. ` +
    'Восстановите её из корзины или очистите ячейку и выполните «Партнёрство → Настроить таблицу» — будет создана новая.',
  folderBlank: (setting: string) =>
    `Не указана папка для документов в настройке ${q(setting)} (лист «Настройки»). Выполните «Партнёрство → Настроить таблицу».`,
  /** Setup found an ID it may not see: it keeps it, so a colleague's folder or template is not orphaned. */
  setupKeptUnseen: (setting: string, owner: string) =>
    `${q(setting)}: папка или документ с этим ID вам недоступны, поэтому настройка ничего не создала взамен и не изменила ячейку — у коллег ничего не пропадёт. ` +
    askOwner(owner),
  sharedWith: (emails: string[]) => `Папка для документов и шаблоны открыты для редактирования: ${emails.join(', ')}.`,
  shareLater: (emails: string[]) =>
    `Не успели открыть папку (за время одного запуска) для: ${emails.join(', ')}. Выполните «Партнёрство → Настроить таблицу» ещё раз — настройка продолжит с них.`,
  shareFailed: (email: string, detail: string) => `Не удалось открыть папку для ${email}: ${detail}`,
  bundleGone: (link: string) => `Документ для печати ${link} не удаётся открыть: это не ссылка на документ Google. Проверьте ссылку в листе «Журнал».`,
  /** A rendered document (the annual report, a default template) until it is complete. */
  draftName: (name: string) => `${name} (формируется)`,
  renderTooLong: (name: string) =>
    `Документ ${q(name)} не успел сформироваться за время, которое Google даёт одному запуску, и не сохранён. Запустите ещё раз; если не поможет, сообщите разработчику.`,
  /** The temporary filled letter whose body is appended to the print-ready document (then trashed). */
  bundleCopyName: 'Письмо для документа для печати (временная копия)',
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

