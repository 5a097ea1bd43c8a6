/**
 * Russian texts of the commands that talk to a real Google account: `deploy` (the workbook into a
 * new Google Sheet with its script) and `pull` (a live Sheet back into an `.xlsx`), the Google login
 * they use, and every way a call to Google can fail.
 */

const q = (s: string) => `«${s}»`;

/** How to log in again; the same advice wherever a login is missing or no longer valid. */
const CLASP_LOGIN = 'npx clasp login';
const USER_SETTINGS = 'https://script.google.com/home/usersettings';

/** What a step of a command was doing when it failed, in the form «Не удалось …». */
export type GoogleStep = 'upload' | 'createScript' | 'push' | 'metadata' | 'export' | 'login';

const STEP: Record<GoogleStep, string> = {
  upload: 'загрузить таблицу в Google Диск',
  createScript: 'создать скрипт Apps Script для таблицы',
  push: 'загрузить программу в скрипт Apps Script',
  metadata: 'открыть Google Таблицу',
  export: 'скачать Google Таблицу',
  login: 'войти в Google',
};

/** What to do when a login lacks a right: the two ways to get one with it. */
const scopeAdvice =
  `Войдите заново, разрешив всё, что спросит Google: ${CLASP_LOGIN}\n` +
  'Нужны права: загрузка файлов в Google Диск (https://www.googleapis.com/auth/drive.file) и управление проектами Apps Script (https://www.googleapis.com/auth/script.projects); ' +
  'для pull чужой таблицы — ещё чтение Диска (https://www.googleapis.com/auth/drive.readonly): npx clasp login --extra-scopes https://www.googleapis.com/auth/drive.readonly';

export const googleSyntax = {
  deploy: '[файл.xlsx] [--sheet <ссылка>] [--script <ID>] [--credentials <файл.json>]',
  pull: '<ссылка на таблицу или ID> [файл.xlsx] [--force]',
  sheetArgument: '<ссылка>',
  optionalFile: '[файл.xlsx]',
  script: '--script <ID>',
  sheet: '--sheet <ссылка>',
  credentials: '--credentials <файл.json>',
};

export const googleMsg = {
  deploy: {
    description:
      'установить программу в Google Таблицу: загрузить таблицу (по умолчанию пример examples/rovesnik.xlsx) в Google Диск, создать для неё скрипт и загрузить в него программу',
    fileArgument: 'таблица .xlsx, которую загрузить как новую Google Таблицу (по умолчанию — пример)',
    scriptOption: 'только обновить программу в уже созданном скрипте с этим ID (таблица не загружается)',
    sheetOption: 'не загружать таблицу, а создать скрипт для уже существующей Google Таблицы (ссылка или ID)',
    credentialsOption:
      'свой файл входа вместо входа clasp: OAuth-клиент Google Cloud (client_secret….json) или сохранённый вход (authorized_user)',
    tooManyTargets: 'Укажите что-то одно: файл .xlsx, --sheet или --script.',
    building: 'Программа изменилась после последней сборки — собираю dist/ (npm run build)…',
    buildFailed: (detail: string) => `Не удалось собрать программу (npm run build): ${detail}\nИсправьте ошибку и выполните npm run build.`,
    notBuilt: (dir: string) => `Программа не собрана: в папке ${dir} нет Code.js и appsscript.json. Выполните npm run build.`,
    stale: (dir: string) => `Сборка в папке ${dir} старше исходного кода программы. Выполните npm run build.`,
    pending: (sidecar: string) => `Изменения программы из ${sidecar} внесены в загружаемую таблицу.`,
    uploading: (file: string) => `Загружаю ${file} в Google Диск как Google Таблицу…`,
    uploaded: (link: string) => `Google Таблица создана: ${link}`,
    creatingScript: 'Создаю скрипт Apps Script, привязанный к таблице…',
    scriptCreated: (id: string) => `Скрипт создан, его ID: ${id}`,
    pushing: (n: number) => `Загружаю программу в скрипт (файлов: ${n})…`,
    pushed: 'Программа загружена в скрипт.',
    done: (link: string) =>
      `\nГотово. Откройте таблицу: ${link}\nДальше: в таблице меню Партнёрство → Настроить таблицу (при первом запуске Google попросит разрешения — разрешите).`,
    doneScript: (id: string) =>
      `\nГотово: программа в скрипте ${id} обновлена. Перезагрузите Google Таблицу, чтобы меню Партнёрство обновилось.`,
    nextTime: (id: string) => `Обновить программу потом: npx partnerstvo deploy --script ${id} (или впишите этот ID в .clasp.json и выполните npm run push).`,
    /** What was already made when a later step failed: never left unmentioned. */
    sheetMadeNoScript: (link: string, id: string, uploaded: boolean) =>
      `${uploaded ? 'Google Таблица уже создана' : 'Google Таблица'}: ${link}\nСкрипт для неё не создан. Когда причина устранена, закончите установку командой:\n` +
      `  npx partnerstvo deploy --sheet ${id}\n` +
      'или создайте скрипт сами (в таблице: Расширения → Apps Script, ID скрипта — в «Настройках проекта») и выполните npx partnerstvo deploy --script <ID скрипта>.',
    scriptUnknown: (link: string, id: string) =>
      `Google Таблица: ${link}\nНеизвестно, успел ли Google создать для неё скрипт. Откройте таблицу: Расширения → Apps Script.\n` +
      'Если скрипт там есть — скопируйте его ID («Настройки проекта») и выполните npx partnerstvo deploy --script <ID скрипта>; ' +
      `если нет — npx partnerstvo deploy --sheet ${id}`,
    uploadUnknown:
      'Неизвестно, успел ли Google создать таблицу. Проверьте Google Диск (https://drive.google.com), прежде чем повторять команду, чтобы не появилось двух копий; ' +
      'если таблица там есть — npx partnerstvo deploy --sheet <ссылка на неё>.',
    scriptMadeNoCode: (link: string, scriptId: string) =>
      `Google Таблица: ${link}\nСкрипт создан (ID ${scriptId}), но программа в него не загружена. Когда причина устранена, закончите установку командой:\n` +
      `  npx partnerstvo deploy --script ${scriptId}`,
    nothingMade: 'В Google ничего не создано.',
  },

  pull: {
    description: 'скачать Google Таблицу в файл .xlsx, чтобы работать с ней офлайн',
    sheetArgument: 'ссылка на Google Таблицу (https://docs.google.com/spreadsheets/d/…) или её ID',
    fileArgument: 'куда сохранить (по умолчанию — название таблицы .xlsx в текущей папке)',
    forceOption: 'перезаписать файл, если он уже есть',
    badLink: (value: string) =>
      `${q(value)} — не ссылка на Google Таблицу и не её ID. Скопируйте ссылку из адресной строки браузера, например https://docs.google.com/spreadsheets/d/1AbC…/edit.`,
    notASheet: (name: string, mimeType: string) =>
      `Файл ${q(name)} — не Google Таблица (тип ${mimeType}). Укажите ссылку на Google Таблицу.`,
    exists: (file: string) => `Файл ${file} уже существует. Укажите другое имя или добавьте --force, чтобы перезаписать его.`,
    downloading: (name: string) => `Скачиваю Google Таблицу ${q(name)}…`,
    written: (file: string) => `Сохранено: ${file}\nДальше офлайн: npx partnerstvo check ${file}`,
    oldSidecar: (sidecar: string) =>
      `Внимание: рядом лежит файл изменений ${sidecar} от прежней таблицы; программа применит его и к скачанной. ` +
      'Если эти изменения уже есть в Google Таблице, перенесите этот файл в другое место.',
  },

  login: {
    none: (file: string) =>
      `Нет входа в Google: файла ${file} нет или в нём нет входа.\nВойдите один раз: выполните ${CLASP_LOGIN} (откроется браузер) и повторите команду — или укажите свой файл входа: --credentials <файл.json>.`,
    unreadable: (file: string) => `Не удаётся прочитать файл входа ${file}: нет доступа к нему.`,
    damaged: (file: string) => `Файл входа ${file} повреждён (это не JSON). Войдите заново: ${CLASP_LOGIN}`,
    unknownFormat: (file: string) =>
      `Файл ${file} — не файл входа Google: в нём нет ни OAuth-клиента («installed» или «web»), ни сохранённого входа (refresh_token).`,
    missingFile: (file: string) => `Файл входа не найден: ${file}`,
    missingScopes: (scopes: string[], file: string) =>
      `Вход из ${file} не даёт нужных прав: ${scopes.join(', ')}.\n${scopeAdvice}`,
    openConsent: (url: string) => `Откройте в браузере эту ссылку и разрешите доступ (ждём до 5 минут):\n${url}`,
    consentDenied: (error: string | null) => `Доступ не разрешён${error ? ` (${error})` : ''}. Повторите команду и нажмите «Разрешить».`,
    consentTimeout: 'За 5 минут разрешение в браузере не получено. Повторите команду.',
    consentDone: 'Вход выполнен. Вернитесь в окно командной строки — это окно можно закрыть.',
    consentPageTitle: 'Партнёрство — вход в Google',
  },

  /** The reason a call failed, by kind; each ends with what to do. */
  reason: {
    appsScriptApiOff:
      `в ваших настройках Apps Script выключен Apps Script API. Откройте ${USER_SETTINGS}, включите «Google Apps Script API» и через пару минут повторите команду.`,
    cloudApiOff: (service: string, url: string | null) =>
      `в проекте Google Cloud вашего OAuth-клиента не включён ${service}. ` +
      (url ? `Включите его: ${url} — и через пару минут повторите команду.` : 'Включите его в консоли Google Cloud (APIs & Services → Library) и повторите команду.'),
    loginExpired: `вход в Google устарел или отозван: выполните ${CLASP_LOGIN} (или войдите заново со своим файлом --credentials) и повторите команду.`,
    scopes: `у входа нет нужного права (на экране согласия Google могла быть снята галочка). ${scopeAdvice}`,
    storageFull: 'на вашем Google Диске закончилось место. Освободите место (или очистите корзину) и повторите команду.',
    quota: 'Google ограничил число запросов (квота исчерпана). Подождите несколько минут и повторите команду.',
    notFound:
      'Google Таблица не найдена или этому входу не видна. Проверьте ссылку. ' +
      'Вход clasp с правом drive.file видит только таблицы, созданные через него (например, командой deploy); ' +
      'чужую таблицу скачайте в ней самой: Файл → Скачать → Microsoft Excel (.xlsx), ' +
      'или войдите с правом чтения Диска: npx clasp login --extra-scopes https://www.googleapis.com/auth/drive.readonly',
    sheetNotFound:
      'Google Таблица не найдена или недоступна вашей учётной записи Google. Проверьте ссылку и что у вас есть доступ редактора к таблице.',
    scriptNotFound:
      'скрипт с таким ID не найден или недоступен вашей учётной записи Google. Проверьте ID: в таблице Расширения → Apps Script → «Настройки проекта» → «Идентификатор скрипта».',
    forbidden:
      'у вашей учётной записи Google нет доступа к этому файлу. Попросите владельца таблицы дать вам доступ (Настройки доступа → Редактор) или войдите под другой учётной записью: ' +
      CLASP_LOGIN,
    tooLarge: 'таблица слишком большая для скачивания через Google Drive API (больше 10 МБ). Скачайте её в самой таблице: Файл → Скачать → Microsoft Excel (.xlsx).',
    timeout: 'Google не ответил вовремя. Проверьте подключение к интернету и повторите команду (PARTNERSTVO_GOOGLE_TIMEOUT=120 — ждать дольше, в секундах).',
    dns: (host: string) => `не удаётся найти сервер ${host}: нет подключения к интернету или не работает DNS. Проверьте подключение и повторите команду.`,
    network: (code: string | null) => `нет связи с Google (${code ?? 'нет ответа'}). Проверьте подключение к интернету (прокси, брандмауэр) и повторите команду.`,
    server: (status: number) => `сервер Google ответил ошибкой ${status}. Обычно это временно: повторите команду через несколько минут.`,
    other: (detail: string) => `Google ответил: ${detail}`,
  },

  failed: (step: GoogleStep, reason: string) => `Не удалось ${STEP[step]}: ${reason}`,
  badTimeout: (value: string) => `PARTNERSTVO_GOOGLE_TIMEOUT должно быть числом секунд, а не ${q(value)}.`,
};
