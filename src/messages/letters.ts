/** Russian texts of the letter jobs: template check, previews, run reports, email bodies. */
import { countWith } from '../core/russian';
import { SETUP_HINT } from './data';

const q = (s: string) => `«${s}»`;

export const LETTERS = ['письмо', 'письма', 'писем'] as const;
/** After «у»: `у 1 письма`, `у 3 писем`. */
const LETTERS_GENITIVE = ['письма', 'писем', 'писем'] as const;
const PARTNERS = ['партнёр', 'партнёра', 'партнёров'] as const;

export const templateMsg = {
  unknown: (name: string, known: readonly string[]) =>
    `В шаблоне неизвестное поле {{${name}}}. Доступные поля: ${known.map((k) => `{{${k}}}`).join(', ')}.`,
  empty: (name: string, who: string[]) =>
    `Поле {{${name}}} будет пустым у ${countWith(who.length, LETTERS_GENITIVE)}: ${who.slice(0, 5).join(', ')}${who.length > 5 ? ' и др.' : '.'} ` +
    'Заполните данные или уберите поле из шаблона.',
  stopped: 'Шаблон нужно исправить: ничего не отправлено.',
  /** The template numbers its letters, but the journal has nowhere to record the numbers. */
  noNumberColumn: (placeholder: string, sheet: string, column: string) =>
    `В шаблоне есть поле {{${placeholder}}}, а в листе ${q(sheet)} нет столбца ${q(column)}, где записываются исходящие номера. ${SETUP_HINT}`,
};

export const skipMsg = {
  noEmail: 'нет адреса электронной почты — письмо попадёт в документ для печати',
  badEmail: (addresses: string[]) => `неверный адрес ${addresses.map(q).join(', ')} — письмо попадёт в документ для печати`,
  notInvited: 'в столбце «Приглашать» снят флажок',
  alreadySent: (when: string) => `приглашение уже отправлено${when ? ` (${when})` : ''}`,
  alreadyMade: (when: string) => `письмо уже сделано${when ? ` (${when})` : ''}`,
  needsCheck: 'предыдущая отправка прервалась — проверьте вручную (статус «требует проверки»)',
  printed: 'письмо уже подготовлено для печати',
  prepared: 'письмо и email уже подготовлены, но не отправлены — отправит запуск с отправкой почты',
};

export const runMsg = {
  locked: 'Уже идёт другая рассылка или подготовка документов. Дождитесь её окончания и попробуйте снова.',
  otherInvitePending: (eventId: string) =>
    `Ещё не закончена рассылка приглашений на мероприятие ${q(eventId)}: она продолжится автоматически (через минуту, а если исчерпан дневной лимит писем — на следующий день). ` +
    'Дождитесь её окончания — вам придёт письмо — и запустите новую.',
  otherThanksPending:
    'Ещё не закончена подготовка благодарственных писем: она продолжится автоматически (через минуту, а если исчерпан дневной лимит писем — на следующий день). ' +
    'Дождитесь её окончания — вам придёт письмо — и запустите новую.',
  noEvent: (id: string) => `Мероприятие ${q(id)} не найдено на листе «Мероприятия».`,
  unusableEvent: (id: string, title: string, problems: string[]) =>
    `Мероприятие ${q(id)}${title ? ` (${q(title)})` : ''} есть на листе «Мероприятия», но его строку нельзя использовать, пока она не исправлена:` +
    (problems.length > 0 ? `\n${problems.join('\n')}` : ' проверьте данные.'),
  latinEvent: (typed: string, id: string, title: string) =>
    `В ${q(typed)} есть латинские буквы вместо русских: выбрано мероприятие ${q(id)} (${q(title)}).`,
  cancelled: (title: string) => `Мероприятие ${q(title)} отменено: приглашения не отправляются.`,
  noJournal: `Нет листа «Журнал» с нужными столбцами. ${SETUP_HINT}`,
  nobody: 'Некому отправлять: все адресаты уже получили письма или пропущены.',
  nothingNew: (n: number) => `Новых писем нет. Сделано или отправлено раньше: ${countWith(n, LETTERS)} (см. лист «Журнал»).`,
  pastEvent: (title: string, date: string) => `Внимание: мероприятие «${title}» уже прошло (${date}). Проверьте, что выбрано нужное мероприятие.`,
  sent: (n: number) => `Отправлено: ${countWith(n, LETTERS)}.`,
  prepared: (n: number) => `Подготовлено, но не отправлено: ${countWith(n, LETTERS)} — письма и email сохранены, адресатам ничего не ушло.`,
  made: (n: number) => `Создано: ${countWith(n, LETTERS)}.`,
  errors: (n: number) => `С ошибками: ${countWith(n, LETTERS)} (подробности в «Журнале»).`,
  needsCheck: (n: number) =>
    `Требуют проверки: ${countWith(n, LETTERS)} — отправка прервалась на середине, и программа не отправит их повторно сама. Проверьте и при необходимости отправьте повторно («Отправить повторно» в окне, --resend в командной строке):`,
  needsCheckLine: (id: string, organisation: string) => `  ${id} ${organisation}`,
  needsCheckMore: (n: number) => `  …и ещё ${countWith(n, PARTNERS)}`,
  printBundle: (n: number) => `Для печати (нет email): ${countWith(n, LETTERS)} в одном документе.`,
  deadline: (left: number) =>
    `Время выполнения скрипта на исходе: осталось ${countWith(left, LETTERS)}. Работа продолжится автоматически через минуту.`,
  quota: (left: number, when: string) =>
    `Дневной лимит писем исчерпан: осталось отправить ${countWith(left, LETTERS)}. Продолжить можно ${when}; рассылка продолжится автоматически.`,
  itemError: (who: string, message: string) => `${who}: ${message}`,
  /** The journal's «Сообщение» and the error's «who» for the print-ready document. */
  printNote: 'для печати',
  printWho: 'документ для печати',
  noSelfAddress: 'Не удалось определить ваш адрес электронной почты.',
  testSent: (to: string) => `Тестовое письмо отправлено на ${to}.`,
  /** When the daily quota frees up again: `после 28 ноября 2026 г. 15:05`. */
  resumeAfter: (date: string, time: string) => `после ${date} ${time}`,
  done: 'Готово.',
  /** The email to whoever started a run that finished in the background. */
  noticeInvite: (title: string) => `Рассылка приглашений на «${title}»`,
  noticeThanks: (period: string) => `Подготовка благодарственных писем (${period})`,
  noticeSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — закончена`,
  noticeIntro: (what: string) => `${what} закончена: последние письма готовы — уже в фоновом режиме, после того как окно было закрыто.`,
  noticeTotal: (n: number) => `Всего готово: ${countWith(n, LETTERS)}. Итог последнего запуска:`,
  noticeJournal: 'Подробности по каждому партнёру — на листе «Журнал» таблицы.',
  noticeRefusedSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — приостановлена`,
  noticeRefused: (what: string, reason: string) =>
    `${what} приостановлена: продолжить не удалось. Причина: ${reason}\nПрограмма попробует снова через полчаса и будет пробовать в течение суток. Исправьте причину — или запустите эту работу заново из меню «Партнёрство»: уже сделанное не повторится.`,
  noticeGaveUpSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — остановлена`,
  noticeGaveUp: (what: string, reason: string) =>
    `${what} остановлена: продолжить так и не удалось. Причина: ${reason}\nКогда причина будет исправлена, запустите эту работу заново из меню «Партнёрство»: уже сделанное не повторится.`,
  noticeDied: (what: string, tries: number) =>
    `${what} остановлена: ${countWith(tries, ['запуск', 'запуска', 'запусков'])} подряд прервались с ошибкой, не дойдя до конца. Запустите эту работу заново из меню «Партнёрство»: уже сделанное не повторится; если ошибка повторится, сообщите ответственному за таблицу.`,
  partners: (n: number) => countWith(n, PARTNERS),
};

/** Names of the documents and folders the jobs make. */
export const docNameMsg = {
  invitation: (organisation: string) => `Приглашение — ${organisation}`,
  inviteFolder: (title: string, date: string) => `Приглашения — ${title} — ${date}`,
  printBundle: (title: string) => `Приглашения для печати — ${title}`,
  test: (name: string) => `ТЕСТ — ${name}`,
  thanks: (organisation: string) => `Благодарственное письмо — ${organisation}`,
  thanksFolder: (period: string) => `Благодарственные письма — ${period}`,
};

export const mailMsg = {
  // The subject and the text of the emails are staff's: «Настройки», defaults in `email-defaults.ts`.
  testPrefix: '[ТЕСТ] ',
};
