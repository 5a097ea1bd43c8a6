/** Russian texts of the offline command line and of the `.xlsx` workbook adapter (its sidecar file). */

import { countWith, pluralForm, type PluralForms } from '../core/russian';

const q = (s: string) => `«${s}»`;
/** `5 строк` with a plain space: these texts go to a terminal. */
const count = (n: number, forms: PluralForms) => `${n} ${pluralForm(n, forms)}`;

const ROWS = ['строка', 'строки', 'строк'] as const;
const NEW_ROWS = ['новая строка', 'новые строки', 'новых строк'] as const;
const CHANGES = ['изменение', 'изменения', 'изменений'] as const;

/** Folders the offline jobs make under `--out`. */
export const outFolderMsg = {
  mail: 'письма',
  templates: 'шаблоны',
};

/** How the command line is written: argument and option syntax with Russian value names. */
export const syntax = {
  file: '<файл.xlsx>',
  helpCommand: 'help [команда]',
  out: '--out <папка>',
  outFile: '-o, --out <новый.xlsx>',
  outFileUsage: '--out <новый.xlsx> [--force]',
  from: '--from <адрес>',
  template: '--template <файл.docx>',
  envelope: '--envelope <файл.docx>',
  year: '--year <год>',
  sample: '--sample <файл.xlsx>',
  invite: '<файл.xlsx> --event <ID> [параметры]',
  thanks: '<файл.xlsx> (--event <ID> | --year 2025/2026) [параметры]',
  report: '<файл.xlsx> [--year 2025/2026] [--out <папка>]',
  demo: '[--sample <файл.xlsx>] [--out <папка>]',
  repair: '<файл.xlsx> [--event <ID>] [--year <год>]',
};

/** The program's name where a file records who made it (document properties, workbook creator). */
export const PRODUCT_NAME = 'Партнёрство';

export const cliMsg = {
  programDescription:
    'Партнёрство: приглашения, благодарственные письма и годовой отчёт по социальным партнёрам — офлайн, по файлу .xlsx.',
  helpOption: 'показать справку',
  versionOption: 'показать версию',
  helpCommand: 'справка по команде',
  fileArgument: 'файл таблицы .xlsx',
  helpTitles: {
    'Usage:': 'Использование:',
    'Options:': 'Параметры:',
    'Commands:': 'Команды:',
    'Arguments:': 'Аргументы:',
    'Global Options:': 'Общие параметры:',
  } as Record<string, string>,
  helpHint: 'Справка: partnerstvo --help',
  /** Before an option's default value in the help: `(по умолчанию out)`. */
  byDefault: 'по умолчанию',

  init: {
    description: 'создать новую таблицу со всеми листами, проверкой ввода и настройками по умолчанию',
    created: (file: string) => `Создан файл ${file}.`,
    nextStep: (file: string) => `Заполните листы и проверьте данные: partnerstvo check ${file}`,
  },
  check: {
    description: 'проверить таблицу: адреса, категории, даты, ID, ссылки на мероприятия и партнёров',
    exitCodes: 'Код выхода: 0 — ошибок нет, 1 — найдены проблемы в данных,\n2 — неверный вызов или файл.',
  },
  exitCodes: 'Коды выхода: 0 — готово, 1 — проблемы в данных или при отправке,\n2 — неверный вызов или файл.',
  usageLine: '<команда> [параметры]',
  commandUsage: '<файл.xlsx>',
  setup: {
    description: 'добавить недостающие листы и столбцы (как «Настроить таблицу» в Google Таблице): пишет НОВЫЙ файл --out, исходный не меняется',
    outOption: 'куда записать новый файл .xlsx с добавленными листами и столбцами',
    nothing: (file: string) => `В таблице ${file} уже есть все листы и столбцы: новый файл не нужен.`,
    written: (file: string) => `Записан файл ${file}. Дальше работайте с ним.`,
  },
  export: {
    description: 'записать НОВЫЙ файл .xlsx, в который внесены все изменения программы (исходный файл не меняется)',
    outOption: 'куда записать новый файл .xlsx',
    forceOption: 'перезаписать файл --out, если он уже есть (исходная таблица не перезаписывается никогда)',
    written: (file: string, changes: number) =>
      changes === 0
        ? `Записан файл ${file}: изменений программы нет, это копия таблицы.`
        : `Записан файл ${file}: внесено ${count(changes, CHANGES)} программы.`,
    sameAsInput: (file: string) =>
      `Нельзя записать результат в исходный файл ${file}: программа никогда не перезаписывает вашу таблицу. Укажите другое имя в --out.`,
    outExists: (file: string) =>
      `Файл ${file} уже существует. Укажите другое имя в --out или добавьте --force, чтобы перезаписать его.`,
  },

  usage: {
    unknownCommand: (name: string) => `Неизвестная команда ${q(name)}.`,
    unknownOption: (name: string) => `Неизвестный параметр ${q(name)}.`,
    missingArgument: (name: string) => `Не указан обязательный аргумент ${q(name)}.`,
    optionMissingArgument: (name: string) => `У параметра ${q(name)} не указано значение.`,
    missingMandatoryOption: (name: string) => `Не указан обязательный параметр ${q(name)}.`,
    excessArguments: 'Лишние аргументы в командной строке.',
    didYouMean: (names: string[]) => `Возможно, имелось в виду ${names.map(q).join(' или ')}?`,
    noCommand: 'Не указана команда.',
    invalid: (detail: string) => `Неверная командная строка: ${detail}`,
  },

  file: {
    missing: (file: string) => `Файл не найден: ${file}`,
    isDirectory: (file: string) => `${file} — это папка, а нужен файл таблицы .xlsx.`,
    notXlsx: (file: string) =>
      `Файл ${file} — не таблица Excel (.xlsx). Сохраните таблицу в формате .xlsx (Google Таблицы: Файл → Скачать → Microsoft Excel).`,
    unreadable: (file: string) =>
      `Не удаётся прочитать файл ${file}: нет доступа или файл занят другой программой. Закройте его и проверьте права на файл.`,
    damaged: (file: string) => `Файл ${file} повреждён или не является таблицей Excel: прочитать его не удалось.`,
    exists: (file: string) => `Файл ${file} уже существует — init не перезаписывает файлы. Укажите новое имя.`,
    notXlsxName: (file: string) => `Имя файла ${file} должно оканчиваться на .xlsx.`,
    cannotWrite: (file: string) => `Не удаётся записать файл ${file}: нет доступа к папке или диск переполнен.`,
    noFolder: (file: string, dir: string) =>
      `Не удаётся записать файл ${file}: папки ${dir} нет. Создайте её или укажите путь к существующей папке.`,
    notAFolder: (file: string, dir: string) =>
      `Не удаётся записать файл ${file}: ${dir} — это файл, а не папка. Укажите путь к существующей папке.`,
    outIsFile: (dir: string, file: string) =>
      `Не удаётся создать папку ${dir}: ${file} — это файл, а не папка. Укажите в --out другую папку.`,
    outUnwritable: (dir: string) => `Не удаётся создать папку ${dir}: нет прав на запись. Укажите в --out другую папку.`,
    templateMissing: (file: string) => `Файл шаблона не найден: ${file}`,
    templateIsDirectory: (file: string) => `${file} — это папка, а нужен файл шаблона .docx.`,
    templateNotDocx: (file: string) =>
      `Файл ${file} — не документ Word (.docx). Сохраните шаблон в формате .docx (Word: Файл → Сохранить как → Документ Word).`,
    sidecarUnwritable: (file: string) =>
      `Не удаётся записать изменения в файл ${file} (он лежит рядом с таблицей и хранит изменения программы): нет доступа или диск переполнен.`,
  },

  clock: {
    badTimeZone: (zone: string) => `Неизвестный часовой пояс ${q(zone)}. Пример правильного значения: Europe/Moscow.`,
    badEpoch: (value: string) =>
      `Переменная окружения SOURCE_DATE_EPOCH должна быть числом секунд с 1 января 1970 г., а не ${q(value)}. Уберите её, чтобы работать с текущей датой.`,
  },

  /** Ctrl-C during invite/thanks: the run stopped at once; the journal holds what was done. */
  interrupted:
    'Прервано. Уже отправленные и созданные письма записаны в журнал; повторный запуск продолжит с того места, где остановился, и ничего не отправит дважды.',

  internalError: (detail: string) =>
    `Внутренняя ошибка программы: ${detail}\nПодробности: запустите ещё раз с переменной окружения PARTNERSTVO_DEBUG=1.`,
};

/** What is wrong with a damaged sidecar, by kind: `строка 7 — …`. */
const SIDECAR_DAMAGE = {
  empty: () => 'файл пуст (программа никогда не оставляет его пустым: его содержимое потеряно)',
  binary: (line: number) => `строка ${line} — двоичные данные вместо текста`,
  unreadable: (line: number) => `строка ${line} не читается как запись журнала`,
  foreign: (line: number) => `строка ${line} — чужая запись: программа таких не пишет (или её записала более новая версия программы)`,
  truncated: (line: number) => `строка ${line} обрывается на середине: конец файла потерян`,
};

/** Texts about the sidecar file `<таблица>.partnerstvo.jsonl` that holds what the program wrote. */
export const sidecarMsg = {
  noSheet: (sheet: string) => `В таблице нет листа ${q(sheet)}.`,
  /** The sidecar cannot be read completely: what is wrong, where, and the two ways out. */
  damaged: (file: string, damage: 'empty' | 'binary' | 'unreadable' | 'foreign' | 'truncated', line: number, workbook: string) =>
    [
      `Журнал программы повреждён: ${file}, ${SIDECAR_DAMAGE[damage](line)}.`,
      'Ничего не отправлено и не записано: по неполному журналу программа могла бы отправить письма второй раз.',
      'Что делать:',
      `  1. Если есть копия этого файла (резервная копия, корзина, другая папка), верните её на место и запустите команду снова.`,
      `  2. Если копии нет: partnerstvo repair ${workbook}`,
      '     Повреждённый файл сохранится рядом целиком, читаемые записи останутся, а письма, запись о которых могла',
      '     пропасть, будут отмечены «требует проверки»: программа не отправит их сама и покажет их список.',
    ].join('\n'),
  missingSheet: (sheet: string, what: string) =>
    `Изменение ${what} не применено: в таблице больше нет листа ${q(sheet)}.`,
  rowNotFound: (sheet: string, row: number, what: string) =>
    `Изменение ${what} не применено: строка ${row} листа ${q(sheet)}, к которой оно относилось, изменена или удалена в таблице, и такой строки больше нет.`,
  rowAmbiguous: (sheet: string, row: number, what: string, rows: number[]) =>
    `Изменение ${what} не применено: бывшей строке ${row} листа ${q(sheet)} подходят несколько строк (${rows.join(', ')}) — непонятно, к какой оно относится.`,
  pendingHeader: (workbook: string, sidecar: string) =>
    `Изменения программы, которых нет в самом файле ${workbook} (они хранятся рядом, в ${sidecar}):`,
  pendingCell: (address: string, value: string) => `  ${address}: ${value}`,
  pendingMoreCells: (n: number) => `  …и ещё ${count(n, CHANGES)}`,
  pendingRows: (sheet: string, n: number) => `  ${sheet}: ${count(n, NEW_ROWS)}`,
  pendingSheet: (sheet: string) => `  новый лист ${q(sheet)}`,
  pendingHint: (workbook: string) =>
    `Ваш файл не изменён. Чтобы получить таблицу со всеми изменениями: partnerstvo export ${workbook} --out <новый файл>.xlsx`,
  rows: (n: number) => count(n, ROWS),
};

/** Texts the `.xlsx` adapter puts into the workbook's data validation (shown by Excel / LibreOffice). */
export const layoutMsg = {
  /** The hidden sheet holding the drop-downs' option lists. */
  listsSheet: 'Партнёрство_списки',
  errorTitle: 'Партнёрство',
  list: 'Выберите значение из списка.',
  checkbox: 'Выберите TRUE (да) или FALSE (нет).',
  date: 'Введите дату, например 27.11.2026.',
  number: (min: number) => `Введите число не меньше ${min}.`,
};

/** `partnerstvo repair`: the way out of a damaged journal. */
export const repairMsg = {
  description: 'починить повреждённый журнал программы: ничего не теряя, отметить письма, о которых запись могла пропасть',
  eventOption: 'мероприятие, письма которого проверить (можно несколько раз)',
  yearOption: 'учебный год благодарственных писем, которые проверить (можно несколько раз)',
  damagedSuffix: 'повреждён',
  noJournal: (file: string) => `Журнала программы (${file}) нет: чинить нечего.`,
  intact: (file: string) => `Журнал ${file} читается целиком: чинить нечего.`,
  noScopes: (file: string) =>
    'В журнале не осталось ни одной читаемой записи о рассылке, и неизвестно, письма каких мероприятий проверить. ' +
    `Назовите их: partnerstvo repair ${file} --event <ID> [--event <ID> …] [--year 2025/2026]. Журнал не изменён.`,
  note: 'часть журнала была повреждена: неизвестно, ушло ли это письмо — проверьте и при необходимости отправьте повторно',
  done: (kept: string, good: number, bad: number, marked: number) =>
    [
      `Повреждённый журнал сохранён целиком: ${kept}.`,
      `Читаемых записей перенесено: ${good}; повреждённых строк: ${bad}.`,
      `Отмечено «требует проверки»: ${marked} — об этих письмах запись могла пропасть, программа не отправит их сама.`,
    ].join('\n'),
  next: (file: string) =>
    `Дальше: запустите рассылку как обычно — она покажет, какие письма требуют проверки. Проверенные отправьте повторно (--resend ID,…). Посмотреть без отправки: partnerstvo invite ${file} --event <ID> --dry-run`,
};

/** Texts of the job commands: invite, thanks, report, demo. */
export const jobMsg = {
  outOption: 'папка для документов и писем (по умолчанию out)',
  smtpOption: 'отправлять письма через SMTP-сервер: smtp://логин:пароль@сервер:587 (без него письма сохраняются в .eml)',
  fromOption: 'адрес отправителя (From) для SMTP',
  prepareOption: 'только подготовить письма и .eml, ничего не отправлять (так и без --smtp)',
  prepareAndSmtp: 'Укажите что-то одно: --prepare (только подготовить) или --smtp (отправить).',
  preparedHint:
    'Письма .eml лежат в папке письма: их можно открыть и отправить из почтовой программы, или отправить все сразу тем же запуском с --smtp smtp://логин:пароль@сервер:587 — каждое уйдёт один раз.',
  templateOption: 'свой шаблон письма .docx с полями {{Обращение}}, {{Адресат}} …',
  envelopeOption: 'свой шаблон конверта .docx с полями {{Кому}}, {{Куда}}, {{Индекс}} …',
  /** Where the print and post documents of the run are. */
  printFile: (path: string) => `Файл для печати: ${path}`,
  envelopesFile: (path: string) => `Файл с конвертами: ${path}`,
  registerFile: (path: string) => `Файл реестра: ${path}`,
  dryRunOption: 'только показать, что будет сделано: ничего не создавать и не отправлять',
  invite: {
    description: 'разослать приглашения на мероприятие: письмо .docx/.pdf каждому партнёру и email',
    eventOption: 'ID мероприятия (например М-021)',
    resendOption: 'ID партнёров через запятую, которым отправить повторно',
    legacySent: (ids: string[], file: string, eventId: string) =>
      `Приглашения партнёрам ${ids.join(', ')} записаны в журнал как «отправлено» прежней версией программы: тогда так записывались и письма, ` +
      'только сохранённые в .eml (без --smtp). Программа не отправит их сама. Если они не уходили, отправьте их:\n' +
      `  partnerstvo invite ${file} --event ${eventId} --smtp <URL> --resend ${ids.join(',')}`,
    noEvent: (upcoming: string[]) =>
      `Укажите мероприятие: --event <ID>.${upcoming.length > 0 ? `\nБлижайшие мероприятия:\n${upcoming.join('\n')}` : ''}`,
  },
  thanks: {
    description: 'сделать благодарственные письма партнёрам за мероприятие или учебный год',
    eventOption: 'ID мероприятия',
    yearOption: 'учебный год, например 2025/2026',
    sponsorsOption: 'только спонсорам',
    redoOption: 'сделать заново письма, которые уже были сделаны',
    emailOption: 'отправить письма по email (с --smtp отправляются всегда)',
    owedOption: 'показать, кому ещё не сказали спасибо (ничего не создавать)',
    needPeriod: 'Укажите период: --event <ID> или --year 2025/2026.',
    bothPeriods: 'Укажите что-то одно: --event или --year.',
    owedCount: (n: number) => countWith(n, ['запись', 'записи', 'записей']),
    owedAge: (days: number) => countWith(days, ['день', 'дня', 'дней']),
    sponsorMark: ' (спонсор)',
    owedLine: (address: string, organisation: string, event: string, date: string, what: string, amount: string, age: string) =>
      `${address}: ${organisation} — «${event}» (${date}): ${what}${amount ? `, ${amount}` : ''} — ${age}`,
  },
  report: {
    description: 'составить годовой отчёт «Анализ работы с социальными партнёрами» (.docx, .pdf)',
    yearOption: 'учебный год, например 2025/2026 (по умолчанию — текущий)',
    written: (path: string) => `Отчёт: ${path}`,
  },
  noPdf:
    'PDF не сделаны: программа LibreOffice (soffice) не найдена или отключена (PARTNERSTVO_SOFFICE=none). ' +
    'Письма сохранены в .docx, email — без вложения PDF. Установите LibreOffice, чтобы следующие письма получали PDF.',
  demo: {
    sampleOption: 'пример таблицы',
    marker: 'Папка создана командой partnerstvo demo; следующий запуск её очищает.\n',
    checkStep: 'Проверка данных',
    inviteStep: 'Приглашения',
    thanksStep: (year: string) => `Благодарственные письма за ${year} учебный год`,
    reportStep: (year: string) => `Годовой отчёт за ${year} учебный год`,
    description: 'показать работу на примере (examples/rovesnik.xlsx): проверка, приглашения, благодарности, отчёт — в папку out',
    step: (title: string) => `\n=== ${title} ===`,
    copied: (from: string, to: string) => `Пример ${from} скопирован в ${to} (исходный файл не меняется).`,
    noUpcoming: 'В примере нет предстоящих мероприятий.',
    pastEvent: (id: string, title: string, date: string) =>
      `В примере нет предстоящих мероприятий, поэтому приглашения — на последнее из них: ${id} «${title}», ${date}.`,
    olderYear: (year: string) => `В прошлом учебном году в примере нет вклада партнёров, поэтому берём ${year} учебный год — последний, в котором он есть.`,
    done: (dir: string) => `\nГотово. Всё, что сделано, — в папке ${dir}.`,
  },
  preview: {
    event: (title: string, date: string, time: string, place: string) => `Мероприятие: «${title}», ${date}${time ? `, ${time}` : ''}${place ? `, ${place}` : ''}`,
    counts: (send: number, print: number, skipped: number) => `Отправить: ${send}; для печати: ${print}; пропустить: ${skipped}.`,
    byCategory: 'По категориям (отправить / печать / пропуск):',
    recipients: 'Кому:',
    print: 'Для печати (одним документом):',
    skipped: 'Пропускаются:',
    template: 'Проблемы шаблона:',
    sample: 'Пример письма:',
    quota: (n: number) => `Осталось писем на сегодня: ${n}.`,
    nothingSent: 'Это предварительный просмотр: ничего не создано и не отправлено.',
  },
  files: (n: number, dir: string) => `Документы и письма: ${dir} (${n})`,
};
