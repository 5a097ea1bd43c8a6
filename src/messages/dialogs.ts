/**
 * Texts the dialogs' own scripts show (src/ui/*.js). The build writes this object into each dialog
 * as `var TEXT = {...}`, so it must hold only strings and arrays: `{0}`, `{1}` mark where the
 * script puts values (`ui.fmt`), plural forms are arrays for `ui.count`.
 */
export const dialogScriptMsg = {
  letters: ['письмо', 'письма', 'писем'],
  noConnection: 'Не удалось связаться с таблицей. Закройте окно и попробуйте ещё раз.',
  openPrint: 'Открыть документ для печати',
  openEnvelopes: 'Открыть конверты',
  openRegister: 'Открыть реестр писем для доставки',
  noLetters: 'Писем нет.',
  invite: {
    past: '{0} (прошло)',
    pending: 'Предыдущая рассылка ещё не закончена: она продолжится автоматически. Новая отправка не повторит уже отправленные письма.',
    quota: 'Сегодня можно отправить ещё {0} (дневной лимит Google).',
    quotaShort: ' Лимита не хватит на всех: остальные письма уйдут автоматически на следующий день.',
    sampleMail: 'Кому: {0}. Тема: {1}',
    checking: 'Проверяем список и шаблон…',
    confirm: 'Отправить {0}?',
    confirmPrint: ' Ещё {0} {1} в документ для печати.',
    willGo: ['попадёт', 'попадут', 'попадут'],
    byEmail: ['письмо по email', 'письма по email', 'писем по email'],
    sending: 'Отправляем… Не закрывайте окно.',
    sendingTest: 'Отправляем тестовое письмо…',
    noEvents: 'На листе «Мероприятия» нет мероприятий, на которые можно пригласить.',
    scheduling: 'Планируем отправку…',
    replacesScheduled: ' Отложенная отправка на это мероприятие будет отменена: письма уйдут сейчас.',
  },
  thanks: {
    period: 'Период: {0} — {1}',
    sponsor: 'спонсор',
    collecting: 'Собираем вклад партнёров…',
    confirm: 'Сделать {0}?',
    confirmEmail: ' Письма партнёрам с адресом будут отправлены по email.',
    making: 'Готовим письма… Не закрывайте окно.',
    pending: 'Предыдущая подготовка писем ещё не закончена: она продолжится автоматически.',
  },
} as const;

/**
 * The words of the dialogs' HTML (src/ui/*.html): `%t:invite.send%` in a page is replaced at build
 * time by `dialogHtmlMsg.invite.send`, HTML-escaped.
 */
export const dialogHtmlMsg = {
  common: {
    loading: 'Загрузка…',
    close: 'Закрыть',
    cancel: 'Отмена',
    skipped: 'Кто пропущен и почему',
    sample: 'Образец письма',
  },
  invite: {
    event: 'Мероприятие',
    bySend: 'писем по email',
    print: 'для печати (нет email)',
    skippedCount: 'пропущено',
    category: 'Категория',
    colPrint: 'печать',
    colSkipped: 'пропущено',
    recipients: 'Кому отправить',
    printList: 'Для печати и почему',
    resend: 'Отправить повторно',
    resendHint: 'Отметьте партнёров, которым приглашение нужно отправить ещё раз.',
    confirmYes: 'Да, отправить',
    test: 'Отправить тест себе',
    send: 'Отправить',
    later: 'Отправить позже…',
    laterIntro: 'Когда отправить приглашения? Кому — как в списке выше, с отмеченными «Отправить повторно».',
    laterDate: 'Дата',
    laterTime: 'Время',
    laterHint:
      'Время — по часовому поясу таблицы. Письма не уйдут раньше, но могут уйти с опозданием: Google запускает такие задания не точно в назначенную минуту (для похожих расписаний — до 15 минут). Окно можно закрыть: итог придёт вам письмом. Отменить — «Партнёрство → Отменить отложенную отправку».',
    laterYes: 'Запланировать',
  },
  thanks: {
    byYear: 'За учебный год',
    byEvent: 'За мероприятие',
    sponsorsOnly: 'только спонсорам',
    email: 'отправить по email',
    redo: 'сделать заново',
    partner: 'Партнёр',
    what: 'За что благодарим',
    confirmYes: 'Да, сделать',
    make: 'Сделать письма',
  },
} as const;
