/** Russian texts of the document makers (docx, PDF, chart) and the offline mailers. */

const quote = (s: string): string => `«${s}»`;

export const DOC_MSG = {
  workerMissing: (path: string): string => `Программа собрана не полностью: нет файла ${path}. Выполните npm run build.`,
  chartNoData: 'Нет данных',

  // Templates (.docx with {{placeholders}})
  templateUnreadable: (file: string, detail: string): string =>
    `Не удалось открыть шаблон ${quote(file)}: файл повреждён или это не документ Word (.docx). ${detail}`.trim(),
  templateUnopenedTag: (context: string): string =>
    `В шаблоне есть закрывающие скобки «}}» без открывающих «{{» рядом с текстом ${quote(context)}.`,
  templateUnclosedTag: (context: string): string =>
    `В шаблоне есть поле без закрывающих скобок «}}»: ${quote(context)}. Каждое поле пишется так: {{Название}}.`,
  templateDuplicateOpen: (context: string): string =>
    `В шаблоне лишние открывающие скобки «{{» в поле ${quote(context)}.`,
  templateDuplicateClose: (context: string): string =>
    `В шаблоне лишние закрывающие скобки «}}» в поле ${quote(context)}.`,
  templateEmptyTag: 'В шаблоне есть пустое поле «{{}}»: впишите между скобками название поля или удалите скобки.',
  templateBadTagName: (tag: string): string =>
    `В шаблоне поле {{${tag}}} записано неверно: название поля состоит из букв, цифр, пробелов и знака «_», например {{Дата_письма}}.`,
  templateOtherError: (detail: string): string => `Шаблон содержит ошибку: ${detail}`,
  templateProblemsJoined: (problems: string[]): string => problems.join(' '),
  missingValues: (names: string[]): string =>
    names.length === 1
      ? `Для поля {{${names[0]}}} шаблона нет значения.`
      : `Для полей шаблона нет значений: ${names.map((n) => `{{${n}}}`).join(', ')}.`,
  templateNotFound: (path: string): string => `Файл шаблона ${quote(path)} не найден.`,
  defaultFileName: 'документ',
  bundleEmpty: 'Нет ни одного письма для общего документа.',

  // PDF via LibreOffice
  pdfNoSoffice: 'LibreOffice не найден: PDF не создан. Установите LibreOffice или отключите вложение PDF.',
  pdfFailed: (file: string, detail: string): string =>
    `Не удалось преобразовать ${quote(file)} в PDF с помощью LibreOffice.${detail ? ` Ответ LibreOffice: ${detail}` : ''}`,
  pdfTimeout: (seconds: number): string =>
    `LibreOffice не успел преобразовать документы в PDF за ${seconds} с. Закройте открытые окна LibreOffice и повторите.`,

  // Files
  writeFailed: (file: string, detail: string): string => `Не удалось записать файл ${quote(file)}: ${detail}`,

  // Mail
  attachmentNotLocal: (file: string): string =>
    `Вложение ${quote(file)} создано не на этом компьютере, его нельзя приложить к письму.`,
  attachmentMissing: (file: string): string => `Файл вложения ${quote(file)} не найден.`,
  mailNoRecipients: 'У письма нет ни одного адреса получателя.',
  mailNoSender: 'Не указан адрес отправителя: заполните «Email для ответов» в настройках или укажите адрес отправителя.',
  smtpBadUrl: (shownUrl: string): string =>
    `Адрес почтового сервера ${quote(shownUrl)} записан неверно. Пример: smtp://пользователь:пароль@smtp.example.ru:587 или smtps://…@smtp.example.ru:465.`,
  smtpFailed: (to: string, server: string, reason: string, reply: string, detail: string): string =>
    `Письмо на ${to} не отправлено через сервер ${server}: ${reason}.` +
    (reply ? ` Ответ сервера: ${quote(reply)}.` : detail ? ` Подробности: ${detail}` : ''),
  smtpPartlyRejected: (accepted: string[], rejected: string[], server: string, reply: string): string =>
    `Сервер ${server} принял письмо для ${accepted.join(', ')}, но отклонил адреса: ${rejected.join(', ')}.` +
    (reply ? ` Ответ сервера: ${quote(reply)}.` : ''),
  smtpReason: {
    auth: 'сервер не принял имя пользователя или пароль',
    connection: 'не удалось подключиться к серверу',
    timeout: 'сервер не ответил вовремя',
    tls: 'не удалось установить защищённое соединение',
    envelope: 'сервер отклонил адрес отправителя или получателя',
    rejected: 'сервер отклонил письмо',
    other: 'ошибка почтового сервера',
  },
  mailBuildFailed: (detail: string): string => `Не удалось составить письмо: ${detail}`,
  workerFailed: (detail: string): string => `Внутренняя ошибка при работе с документами или почтой: ${detail}`,
} as const;
