/** Texts of the scheduled send («Отправить позже»): the dialog's answers, the menu's, and the notes by email. */
import { countWith } from '../core/russian';

const LETTERS = ['письмо', 'письма', 'писем'] as const;
const CANCEL_HOW = 'Отменить её можно в меню «Партнёрство → Отменить отложенную отправку».';

export const scheduleMsg = {
  /** `27 ноября 2026 г., 09:00` */
  when: (date: string, time: string) => `${date}, ${time}`,
  what: (title: string) => `Рассылка приглашений на «${title}»`,
  noDate: 'Укажите дату отправки, например 27.11.2026.',
  badDate: (text: string) => `Не удалось прочитать дату отправки «${text}»: укажите её так: 27.11.2026.`,
  noTime: 'Укажите время отправки, например 09:00.',
  badTime: (text: string) => `Не удалось прочитать время отправки «${text}»: укажите его так: 09:00.`,
  past: (when: string, now: string) => `Время отправки ${when} уже прошло (сейчас ${now}): выберите время позже текущего.`,
  nothingToSend: 'Отправлять нечего: все приглашения на это мероприятие уже отправлены. Чтобы отправить кому-то ещё раз, отметьте его в «Отправить повторно».',
  /** A second schedule while one waits is refused: one at a time, cancelled on purpose. */
  alreadyScheduled: (what: string, when: string) =>
    `Уже запланирована отправка: ${what.charAt(0).toLowerCase()}${what.slice(1)} — ${when}. Одновременно может ждать только одна отложенная отправка. ${CANCEL_HOW} Затем запланируйте новую.`,
  busy: 'Сейчас идёт другая рассылка или подготовка писем: подождите минуту и попробуйте снова.',
  triggerFailed: (detail: string) => `Не удалось запланировать запуск в Google: ${detail}. Ничего не запланировано; попробуйте ещё раз или отправьте сейчас.`,
  scheduled: (what: string, when: string, letters: number) =>
    `Запланировано на ${when} (время таблицы): ${what.charAt(0).toLowerCase()}${what.slice(1)}, сейчас это ${countWith(letters, LETTERS)}. ` +
    'Google запускает такие задания не точно в назначенную минуту: письма не уйдут раньше, но могут уйти с опозданием (для похожих расписаний Google называет до 15 минут). Окно можно закрыть: когда рассылка закончится, вам придёт письмо с итогом. ' +
    CANCEL_HOW,
  /** The note in the preview while a send waits. */
  pending: (what: string, when: string, resend: number) =>
    `Запланировано на ${when}: ${what.charAt(0).toLowerCase()}${what.slice(1)}${resend > 0 ? ` (и повторно — ${countWith(resend, LETTERS)})` : ''}. ${CANCEL_HOW}`,
  overdue: (what: string, when: string) =>
    `${what} была запланирована на ${when}, но так и не началась. Нажмите «Отправить», чтобы отправить сейчас (отложенная отправка будет заменена), или отмените её в меню «Партнёрство → Отменить отложенную отправку».`,
  /** «Отправить» now for the event that waits: the scheduled send is replaced by this one. */
  replacedByNow: 'Отложенная отправка на это мероприятие будет отменена: письма уйдут сейчас.',
  cancelTitle: 'Отложенная отправка',
  cancelled: (what: string, when: string) => `Отменена отложенная отправка: ${what.charAt(0).toLowerCase()}${what.slice(1)}, запланированная на ${when}. Ничего не отправлено.`,
  nothingScheduled: 'Отложенной отправки нет: отменять нечего.',
  nothingScheduledRunning:
    'Отложенной отправки нет: отменять нечего. Рассылка приглашений, которая уже началась, продолжится сама; уже отправленные письма не повторятся.',
  /** Emails to whoever scheduled it: the send never had them watching. */
  noticeWaitsSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — ждёт`,
  noticeWaits: (what: string, reason: string) =>
    `${what} не началась в назначенное время. Причина: ${reason}\nПрограмма попробует снова через полчаса и будет пробовать в течение суток. ${CANCEL_HOW}`,
  noticeNotStartedSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — не началась`,
  noticeNotStarted: (what: string, reason: string) =>
    `${what} не началась в назначенное время: ничего не отправлено. Причина: ${reason}\nИсправьте причину и отправьте приглашения из меню «Партнёрство → Пригласить на мероприятие…».`,
  noticeDoneSubject: (what: string) => `Партнёрство: ${what.charAt(0).toLowerCase()}${what.slice(1)} — отправлена по расписанию`,
  noticeDone: (what: string, when: string) => `${what}, запланированная на ${when}, выполнена. Итог:`,
};
