/**
 * The workbook schema: sheet names, column headers and how setup lays them out.
 * Columns are always found by header text; the order here is only the order setup creates them in.
 */
import type { ColumnLayout, ColumnValidation } from '../../ports';
import { COLUMN_HINT } from '../../messages/data';
import { EMAIL_TEMPLATE_DEFAULTS } from '../../messages/email-defaults';

export const SHEET = {
  partners: 'Партнёры',
  events: 'Мероприятия',
  contributions: 'Вклад',
  journal: 'Журнал',
  settings: 'Настройки',
} as const;
export type SheetName = (typeof SHEET)[keyof typeof SHEET];

export const CATEGORIES = [
  'Семья',
  'Государственные структуры и органы местного самоуправления',
  'Учреждения здравоохранения',
  'Учреждения образования, науки и культуры',
  'Общественные организации',
  'Предприятия и предприниматели',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `Семья`: partners that are families are addressed as families, never declined as people. */
export const FAMILY: Category = CATEGORIES[0];

export const EVENT_STATUS = { planned: 'запланировано', held: 'проведено', cancelled: 'отменено' } as const;
export type EventStatus = (typeof EVENT_STATUS)[keyof typeof EVENT_STATUS];
export const EVENT_STATUSES: readonly EventStatus[] = [EVENT_STATUS.planned, EVENT_STATUS.held, EVENT_STATUS.cancelled];

export const ROLE = { participant: 'участник', coorganiser: 'соорганизатор', sponsor: 'спонсор' } as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];
export const ROLES: readonly Role[] = [ROLE.participant, ROLE.coorganiser, ROLE.sponsor];

export const RESOURCES = [
  'кадровый',
  'финансовый',
  'программно-методический',
  'временной',
  'материально-технический',
  'информационный',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** The journal's `Статус`: what happened to a letter. */
export const JOURNAL_STATUS = {
  /** Claimed: the letter may be in the making or on its way (a run that died leaves this). */
  sending: 'отправляется',
  sent: 'отправлено',
  /**
   * The letter and its email exist, but the email did not go out (offline without SMTP: an `.eml`
   * file). A run that sends mail sends it once; a run that only prepares leaves it.
   */
  prepared: 'подготовлено',
  made: 'создано',
  skipped: 'пропущено',
  failed: 'ошибка',
  /** A claim found by a later run: it may have gone out, so it is never resent automatically. */
  needsCheck: 'требует проверки',
} as const;
export type JournalStatus = (typeof JOURNAL_STATUS)[keyof typeof JOURNAL_STATUS];
export const JOURNAL_STATUSES: readonly JournalStatus[] = Object.values(JOURNAL_STATUS);

/** The journal's `Действие` per letter job. */
export const JOURNAL_ACTION = { invite: 'приглашение', thanks: 'благодарность' } as const;

/** An organisation that is one person (a sole trader): no collective to thank with them. */
export const SOLE_TRADER = /^(ИП|индивидуальный\s+предприниматель)(\s|$)/i;

/** The `Пол` column. */
export const GENDERS = ['М', 'Ж'] as const;
export type GenderMark = (typeof GENDERS)[number];

/** Prefixes of the IDs the program assigns (`П-001`, `М-001`). */
export const ID_PREFIX = { partners: 'П-', events: 'М-' } as const;

/** `Кого приглашать` meaning every category. */
export const WHOM_ALL = ['все', 'всех', 'все категории'] as const;

/** How staff type a checkbox or a yes/no setting as text. */
export const YES_WORDS = ['true', 'истина', 'да', '1', 'x', 'х', '✓', '✔', 'v', '+', 'yes'] as const;
export const NO_WORDS = ['false', 'ложь', 'нет', '0', '-', '—', 'no'] as const;
/** A boolean setting as it is shown. */
export const YES = 'да';
export const NO = 'нет';

/** Other spellings staff use for our headers. */
export const HEADER_ALIASES: Record<string, readonly string[]> = {
  Email: ['e-mail', 'эл. почта', 'электронная почта', 'почта', 'email адрес'],
  'Охват, чел.': ['охват', 'охват, чел'],
  'Сумма, руб.': ['сумма', 'сумма, руб'],
  'Кому (дательный падеж)': ['кому'],
  'Исх. номер': ['исх. №', 'исходящий номер', 'рег. номер', 'регистрационный номер', 'номер письма'],
};

/** How a column's cells are parsed and validated. */
export type ColumnKind =
  | 'id'
  | 'text'
  /** Text kept exactly as typed: the sheet must not turn `01.09` or `8 (861) 2-13-45` into a date or number. */
  | 'plainText'
  | 'emails'
  | 'date'
  | 'time'
  | 'checkbox'
  | 'number'
  | 'money'
  | 'list'
  | 'categories'
  | 'datetime';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** A row without this value is a problem (blank rows are skipped before this check). */
  required?: boolean;
  /** Allowed values for `list` columns. */
  options?: readonly string[];
  width: number;
  hint?: string;
}

export interface SheetSpec {
  name: SheetName;
  /** Prefix of assigned IDs (`П-001`), for sheets with an ID column. */
  idPrefix?: string;
  columns: readonly ColumnSpec[];
}

export const COL = {
  id: 'ID',
  organisation: 'Организация',
  category: 'Категория',
  contact: 'Контактное лицо',
  gender: 'Пол',
  position: 'Должность',
  dativeOverride: 'Кому (дательный падеж)',
  email: 'Email',
  phone: 'Телефон',
  address: 'Адрес',
  sponsor: 'Спонсор',
  invite: 'Приглашать',
  note: 'Примечание',
  title: 'Название',
  date: 'Дата',
  time: 'Время',
  place: 'Место',
  form: 'Форма проведения',
  audience: 'Участники',
  description: 'Описание',
  whom: 'Кого приглашать',
  status: 'Статус',
  reach: 'Охват, чел.',
  responsible: 'Ответственный',
  event: 'Мероприятие',
  partner: 'Партнёр',
  role: 'Роль',
  resource: 'Ресурс',
  what: 'Что сделано',
  amount: 'Сумма, руб.',
  thanked: 'Благодарность',
  action: 'Действие',
  key: 'Ключ',
  document: 'Документ',
  message: 'Сообщение',
  /** The journal's outgoing registration number of the letter (`01-12/57`). */
  number: 'Исх. номер',
  parameter: 'Параметр',
  value: 'Значение',
} as const;

export const PARTNERS_SPEC: SheetSpec = {
  name: SHEET.partners,
  idPrefix: ID_PREFIX.partners,
  columns: [
    { header: COL.id, kind: 'id', width: 70 },
    { header: COL.organisation, kind: 'text', required: true, width: 260 },
    { header: COL.category, kind: 'list', required: true, options: CATEGORIES, width: 260 },
    { header: COL.contact, kind: 'text', width: 220, hint: COLUMN_HINT.contact },
    { header: COL.gender, kind: 'list', options: GENDERS, width: 50, hint: COLUMN_HINT.gender },
    { header: COL.position, kind: 'text', width: 160, hint: COLUMN_HINT.position },
    { header: COL.dativeOverride, kind: 'text', width: 260, hint: COLUMN_HINT.dativeOverride },
    { header: COL.email, kind: 'emails', width: 220, hint: COLUMN_HINT.email },
    { header: COL.phone, kind: 'text', width: 130 },
    { header: COL.address, kind: 'text', width: 220 },
    { header: COL.sponsor, kind: 'checkbox', width: 80 },
    { header: COL.invite, kind: 'checkbox', width: 90, hint: COLUMN_HINT.invite },
    { header: COL.note, kind: 'text', width: 220 },
  ],
};

export const EVENTS_SPEC: SheetSpec = {
  name: SHEET.events,
  idPrefix: ID_PREFIX.events,
  columns: [
    { header: COL.id, kind: 'id', width: 70 },
    { header: COL.title, kind: 'text', required: true, width: 240 },
    { header: COL.date, kind: 'date', required: true, width: 100 },
    { header: COL.time, kind: 'time', width: 70 },
    { header: COL.place, kind: 'text', width: 180 },
    { header: COL.form, kind: 'text', width: 150 },
    { header: COL.audience, kind: 'text', width: 200 },
    { header: COL.description, kind: 'text', width: 260 },
    { header: COL.whom, kind: 'categories', width: 220, hint: COLUMN_HINT.whom },
    { header: COL.status, kind: 'list', options: EVENT_STATUSES, width: 120 },
    { header: COL.reach, kind: 'number', width: 90 },
    { header: COL.responsible, kind: 'text', width: 160 },
  ],
};

export const CONTRIBUTIONS_SPEC: SheetSpec = {
  name: SHEET.contributions,
  columns: [
    { header: COL.event, kind: 'text', required: true, width: 200, hint: COLUMN_HINT.event },
    { header: COL.partner, kind: 'text', required: true, width: 220, hint: COLUMN_HINT.partner },
    { header: COL.role, kind: 'list', options: ROLES, width: 120 },
    { header: COL.resource, kind: 'list', required: true, options: RESOURCES, width: 190 },
    { header: COL.what, kind: 'text', width: 300, hint: COLUMN_HINT.what },
    { header: COL.amount, kind: 'money', width: 110 },
    { header: COL.thanked, kind: 'date', width: 110, hint: COLUMN_HINT.thanked },
  ],
};

export const JOURNAL_SPEC: SheetSpec = {
  name: SHEET.journal,
  columns: [
    { header: COL.time, kind: 'datetime', width: 140 },
    { header: COL.action, kind: 'text', width: 120 },
    { header: COL.key, kind: 'text', width: 200 },
    { header: COL.event, kind: 'text', width: 120 },
    { header: COL.partner, kind: 'text', width: 120 },
    { header: COL.address, kind: 'text', width: 200 },
    { header: COL.status, kind: 'list', options: JOURNAL_STATUSES, width: 130 },
    { header: COL.document, kind: 'text', width: 240 },
    { header: COL.message, kind: 'text', width: 320 },
    // Last, where setup adds it to a journal made before it existed.
    { header: COL.number, kind: 'text', width: 110, hint: COLUMN_HINT.number },
  ],
};

export const SETTINGS_SPEC: SheetSpec = {
  name: SHEET.settings,
  columns: [
    { header: COL.parameter, kind: 'text', width: 300 },
    { header: COL.value, kind: 'plainText', width: 420 },
  ],
};

export const SHEET_SPECS: readonly SheetSpec[] = [PARTNERS_SPEC, EVENTS_SPEC, CONTRIBUTIONS_SPEC, JOURNAL_SPEC, SETTINGS_SPEC];

/** The parameters of `Настройки`, with their defaults (what setup writes when a row is missing). */
export const SETTING = {
  centreFull: 'Полное название учреждения',
  centreShort: 'Краткое название',
  directorName: 'Руководитель (ФИО)',
  directorPosition: 'Должность руководителя',
  address: 'Адрес учреждения',
  phone: 'Телефон учреждения',
  replyTo: 'Email для ответов',
  senderName: 'Имя отправителя',
  performerName: 'Исполнитель (ФИО)',
  performerPhone: 'Телефон исполнителя',
  folder: 'Папка для документов (ID Google Диска)',
  invitationTemplate: 'Шаблон приглашения (ID документа)',
  thanksTemplate: 'Шаблон благодарственного письма (ID документа)',
  envelopeTemplate: 'Шаблон конверта (ID документа)',
  envelopeFormat: 'Формат конверта (DL или C5)',
  attachPdf: 'Прикладывать PDF',
  yearStart: 'Начало учебного года (день.месяц)',
  timeZone: 'Часовой пояс',
  reportApproval: 'Гриф «УТВЕРЖДАЮ» в годовом отчёте (да/нет)',
  // The emails that carry the letters: staff edit them here, with the letters' placeholders.
  inviteEmailSubject: 'Тема email с приглашением',
  inviteEmailBody: 'Текст email с приглашением',
  thanksEmailSubject: 'Тема email с благодарственным письмом',
  thanksEmailBody: 'Текст email с благодарственным письмом',
  centreEmail: 'Email учреждения',
  centreSite: 'Сайт учреждения',
  numberPrefix: 'Исходящий номер: префикс',
  numberNext: 'Исходящий номер: следующий',
} as const;
export type SettingKey = keyof typeof SETTING;

export const SETTING_DEFAULTS: Record<SettingKey, string> = {
  centreFull: 'Муниципальное бюджетное учреждение дополнительного образования «Детско-юношеский центр «Ровесник»',
  centreShort: 'ДЮЦ «Ровесник»',
  directorName: '',
  directorPosition: 'директор',
  address: '',
  phone: '',
  replyTo: '',
  senderName: 'ДЮЦ «Ровесник»',
  performerName: '',
  performerPhone: '',
  folder: '',
  invitationTemplate: '',
  thanksTemplate: '',
  envelopeTemplate: '',
  envelopeFormat: 'DL',
  attachPdf: 'да',
  yearStart: '01.09',
  timeZone: 'Europe/Moscow',
  reportApproval: 'нет',
  inviteEmailSubject: EMAIL_TEMPLATE_DEFAULTS.invitation.subject,
  inviteEmailBody: EMAIL_TEMPLATE_DEFAULTS.invitation.body,
  thanksEmailSubject: EMAIL_TEMPLATE_DEFAULTS.thanks.subject,
  thanksEmailBody: EMAIL_TEMPLATE_DEFAULTS.thanks.body,
  centreEmail: '',
  centreSite: '',
  numberPrefix: '',
  numberNext: '1',
};

/** Other labels staff give the parameters of `Настройки`: read as the parameter they obviously mean. */
export const SETTING_ALIASES: Partial<Record<SettingKey, readonly string[]>> = {
  centreFull: ['Полное название', 'Полное наименование', 'Название учреждения', 'Наименование учреждения', 'Учреждение'],
  centreShort: ['Краткое наименование', 'Сокращённое название', 'Короткое название', 'Краткое название учреждения'],
  directorName: ['Руководитель', 'Директор', 'ФИО руководителя', 'ФИО директора', 'Руководитель ФИО'],
  directorPosition: ['Должность', 'Должность директора'],
  address: ['Адрес', 'Адрес центра', 'Адрес организации', 'Почтовый адрес'],
  phone: ['Телефон', 'Телефон центра', 'Телефон организации'],
  replyTo: ['Email', 'E-mail', 'Электронная почта', 'Почта', 'Адрес для ответов'],
  senderName: ['Отправитель'],
  performerName: ['Исполнитель', 'ФИО исполнителя'],
  attachPdf: ['PDF', 'Прикладывать PDF к письмам'],
  yearStart: ['Начало учебного года'],
  centreEmail: ['E-mail учреждения', 'Электронная почта учреждения', 'Email центра'],
  centreSite: ['Сайт', 'Сайт центра', 'Адрес сайта'],
  numberPrefix: ['Префикс исходящего номера', 'Префикс номера', 'Индекс исходящего номера'],
  numberNext: ['Следующий исходящий номер', 'Следующий номер', 'Исходящий номер'],
  envelopeFormat: ['Формат конверта', 'Конверт'],
};

/** Settings the letters are made of (the default templates use each): empty, every letter job stops. */
export const LETTER_SETTINGS: readonly SettingKey[] = [
  'centreFull',
  'centreShort',
  'directorName',
  'directorPosition',
  'address',
  'phone',
  'performerName',
  'performerPhone',
];

/** Data validation for a column spec, as setup applies it. */
export function validationFor(col: ColumnSpec): ColumnValidation {
  switch (col.kind) {
    case 'list':
      return { kind: 'list', options: col.options ?? [] };
    case 'checkbox':
      return { kind: 'checkbox' };
    case 'date':
    case 'datetime':
      return { kind: 'date' };
    case 'number':
    case 'money':
      return { kind: 'number', min: 0 };
    default:
      return { kind: 'none' };
  }
}

function numberFormatFor(col: ColumnSpec): string | undefined {
  switch (col.kind) {
    case 'date':
      return 'dd.mm.yyyy';
    case 'datetime':
      return 'dd.mm.yyyy hh:mm:ss';
    case 'money':
      return '#,##0.00';
    case 'number':
      return '0';
    case 'id':
    case 'time':
    case 'plainText':
      return '@';
    default:
      return undefined;
  }
}

export function layoutFor(col: ColumnSpec): ColumnLayout {
  const layout: ColumnLayout = { header: col.header, width: col.width, validation: validationFor(col) };
  const format = numberFormatFor(col);
  if (format) layout.numberFormat = format;
  if (col.hint) layout.hint = col.hint;
  return layout;
}
