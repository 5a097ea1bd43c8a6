/**
 * The placeholders of the letter templates: their names (what staff write between the braces) and
 * the Russian explanations shown in the help and in the template check.
 */
import type { TemplateKind } from '../ports';
import { COL, SETTING, SHEET } from '../core/data/schema';

export interface PlaceholderInfo {
  /** As written between the braces: `Обращение`. */
  readonly name: string;
  /** Russian explanation for the help text and the template check. */
  readonly description: string;
  /** May be empty in a letter (the text then simply has nothing there): not a reason to stop the run. */
  readonly optional?: boolean;
}

const fromSettings = (key: keyof typeof SETTING): string => `лист «${SHEET.settings}», «${SETTING[key]}»`;
const fromEvent = (header: string): string => `столбец «${header}» листа «${SHEET.events}»`;

/** Placeholders every letter knows: the centre, its director, the performer and the letter date. */
const CENTRE_PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'Учреждение', description: `Полное название учреждения (${fromSettings('centreFull')})` },
  { name: 'Учреждение_кратко', description: `Краткое название учреждения, например «ДЮЦ «Ровесник» (${fromSettings('centreShort')})` },
  { name: 'Руководитель', description: `Руководитель для подписи: инициалы и фамилия, например «С. А. Лаврентьева» (${fromSettings('directorName')})` },
  { name: 'Должность_руководителя', description: `Должность руководителя для подписи, с заглавной буквы: «Директор» (${fromSettings('directorPosition')})` },
  { name: 'Исполнитель', description: `Фамилия, имя и отчество исполнителя письма (${fromSettings('performerName')})` },
  { name: 'Телефон_исполнителя', description: `Телефон исполнителя (${fromSettings('performerPhone')})` },
  { name: 'Адрес_учреждения', description: `Адрес учреждения (${fromSettings('address')})` },
  { name: 'Телефон_учреждения', description: `Телефон учреждения (${fromSettings('phone')})` },
  { name: 'Дата_письма', description: 'Дата письма — день, когда оно создано: «27 ноября 2026 г.»' },
  {
    name: 'Рег_номер',
    description:
      `Исходящий регистрационный номер письма: префикс и следующий номер из листа «${SHEET.settings}» («${SETTING.numberPrefix}», «${SETTING.numberNext}»), ` +
      `например «01-12/57»; присваивается, когда письмо записывается в «${SHEET.journal}» (столбец «${COL.number}»), и никогда не повторяется`,
  },
  { name: 'Почта_учреждения', description: `Электронная почта учреждения (${fromSettings('centreEmail')}; если пусто — «${SETTING.replyTo}»)` },
  { name: 'Сайт_учреждения', description: `Сайт учреждения (${fromSettings('centreSite')})` },
  {
    name: 'Контакты_учреждения',
    description: 'Строка контактов для бланка: адрес, телефон, электронная почта и сайт учреждения — то, что заполнено в настройках',
  },
];

/** The placeholder of the outgoing registration number (filled when the letter is claimed in the journal). */
export const NUMBER_PLACEHOLDER = 'Рег_номер';

const SALUTATION: PlaceholderInfo = {
  name: 'Обращение',
  description: 'Обращение с восклицательным знаком: «Уважаемый Иван Петрович!», «Уважаемая Анна Сергеевна!», «Уважаемые коллеги!», «Уважаемая семья Ивановых!»',
};
const ADDRESSEE: PlaceholderInfo = {
  name: 'Адресат',
  description: `Кому письмо, в дательном падеже: «Директору ООО «Рыбозавод» И. П. Сидорову»; если заполнен столбец «${COL.dativeOverride}» листа «${SHEET.partners}» — его текст`,
};
const ORGANISATION: PlaceholderInfo = {
  name: 'Организация',
  description: `Название организации или семьи партнёра (столбец «${COL.organisation}» листа «${SHEET.partners}»)`,
};

const POSTAL_ADDRESS: PlaceholderInfo = {
  name: 'Адрес',
  description: `Почтовый адрес партнёра (столбец «${COL.address}» листа «${SHEET.partners}»); может быть пустым — тогда строки нет`,
  optional: true,
};

/** What an envelope knows: the recipient («Кому», «Куда») and the centre as the sender («Откуда»). */
const ENVELOPE_PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { name: 'Кому', description: `Кому, в дательном падеже, как в письме: «Директору МБОУ «СОШ № 20» И. П. Сидорову»`, optional: true },
  { name: 'Куда', description: `Почтовый адрес партнёра без индекса (столбец «${COL.address}» листа «${SHEET.partners}»)`, optional: true },
  { name: 'Индекс', description: `Почтовый индекс партнёра — шесть цифр из его адреса`, optional: true },
  { name: 'Откуда', description: `Адрес учреждения без индекса (${fromSettings('address')})`, optional: true },
  { name: 'Индекс_отправителя', description: `Почтовый индекс учреждения — шесть цифр из его адреса`, optional: true },
  { ...ORGANISATION, optional: true },
  ...CENTRE_PLACEHOLDERS.map((p) => ({ ...p, optional: true })),
];

export const PLACEHOLDER_HELP: Record<TemplateKind, readonly PlaceholderInfo[]> = {
  invitation: [
    SALUTATION,
    ADDRESSEE,
    ORGANISATION,
    { name: 'Мероприятие', description: `Название мероприятия (${fromEvent(COL.title)})` },
    { name: 'Дата', description: `Дата мероприятия: «28 ноября 2026 г.» (${fromEvent(COL.date)})` },
    { name: 'День_недели', description: 'День недели, на который приходится мероприятие: «суббота»' },
    { name: 'Время', description: `Время начала: «15:00» (${fromEvent(COL.time)})` },
    { name: 'Место', description: `Место проведения: «ДЮЦ «Ровесник» (${fromEvent(COL.place)})` },
    { name: 'Форма', description: `Форма проведения: «праздник», «концерт» (${fromEvent(COL.form)})` },
    { name: 'Участники', description: `Для кого мероприятие: «труженики тыла и ветераны труда» (${fromEvent(COL.audience)})` },
    { name: 'Описание', description: `Описание мероприятия (${fromEvent(COL.description)})` },
    {
      name: 'Заголовок',
      description: `Заголовок к тексту письма: «О приглашении на праздник «День матери»» (из столбцов «${COL.form}» и «${COL.title}» листа «${SHEET.events}»)`,
    },
    POSTAL_ADDRESS,
    ...CENTRE_PLACEHOLDERS,
  ],
  thanks: [
    SALUTATION,
    ADDRESSEE,
    ORGANISATION,
    {
      name: 'Кому_благодарность',
      description: 'Кому выражается благодарность, в дательном падеже: «Ивану Петровичу Сидорову», «коллективу ООО «Рыбозавод», «семье Кузнецовых»',
    },
    {
      name: 'Вклад',
      description: `Что сделал партнёр — одно или несколько предложений, составленных из столбца «${COL.what}» листа «${SHEET.contributions}»`,
    },
    {
      name: 'Период',
      description: 'За какое время или мероприятие: «в 2025/2026 учебном году» или «при проведении мероприятия «День матери» (28 ноября 2025 г.)»',
    },
    {
      name: 'Заключение',
      description: `Заключительные предложения: о том, что дала помощь партнёра (по столбцу «${COL.resource}» листа «${SHEET.contributions}» и мероприятиям), и пожелание — семье, человеку или коллективу`,
    },
    POSTAL_ADDRESS,
    ...CENTRE_PLACEHOLDERS,
  ],
  envelope: ENVELOPE_PLACEHOLDERS,
};

