/** Russian texts of the Google Sheets side: the menu, dialogs, validation help and error alerts. */

export const MENU = {
  title: 'Партнёрство',
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
  progress: (message: string, done: number, total: number) => (total > 0 ? `${message}: ${done} из ${total}` : message),
};

/** Help texts shown by data validation when a cell is being edited. */
export const validationHelp = {
  list: (options: readonly string[]) => `Выберите из списка: ${options.join('; ')}`.slice(0, 250),
  date: 'Введите дату, например 27.11.2026.',
  number: (min: number | undefined) => (min === undefined ? 'Введите число.' : `Введите число не меньше ${min}.`),
};
