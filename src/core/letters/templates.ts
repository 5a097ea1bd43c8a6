/**
 * The default letter templates (what setup puts into a new Google Doc or `.docx`) and the
 * placeholders each kind of letter knows. Templates are plain document models: staff edit the
 * resulting documents freely, so nothing here is needed at fill time except the placeholder syntax.
 *
 * Layout follows ГОСТ Р 7.0.97 for business letters: letterhead centred, date on the left,
 * addressee block on the right, salutation centred, justified body with a first-line indent,
 * signature as a two-column borderless row, performer in small print at the bottom.
 */
import type { Block, DocModel, TemplateKind } from '../../ports';
import { DOC_MSG } from '../../messages/documents';
import { COL, SETTING, SHEET } from '../data/schema';

export interface PlaceholderInfo {
  /** As written between the braces: `Обращение`. */
  readonly name: string;
  /** Russian explanation for the help text and the template check. */
  readonly description: string;
}

/**
 * `{{name}}` with optional spaces inside the braces; group 1 is the name (trim it).
 * Global: use it with `String.prototype.replace`/`matchAll` or copy it
 * (`new RegExp(PLACEHOLDER_PATTERN.source, 'g')`) before calling `exec`, whose state it keeps.
 */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}\s][^{}]*?)\s*\}\}/g;

/** The placeholder names used in `text`, trimmed, in order of first use, without repeats. */
export function placeholdersIn(text: string): string[] {
  const pattern = new RegExp(PLACEHOLDER_PATTERN.source, 'g');
  const names: string[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const name = m[1].trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Braces that do not make a placeholder: `{{Дата_письма` without its `}}`, a stray `}}`, an empty
 * `{{}}`. Such text would go into every letter as it is, so it is reported like an unknown field.
 */
export function placeholderSyntaxProblems(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    const rest = line.replace(new RegExp(PLACEHOLDER_PATTERN.source, 'g'), (m) => ' '.repeat(m.length));
    if (/\{\{\s*\}\}/.test(rest)) {
      problems.push(DOC_MSG.templateEmptyTag);
      continue;
    }
    const open = rest.indexOf('{{');
    if (open >= 0) problems.push(DOC_MSG.templateUnclosedTag(line.slice(open, open + 40).trim()));
    const close = rest.indexOf('}}');
    if (close >= 0 && (open < 0 || close < open)) problems.push(DOC_MSG.templateUnopenedTag(line.slice(Math.max(0, close - 40), close + 2).trim()));
  }
  return [...new Set(problems)];
}

/** Every piece of text of a document model, block by block (table cells row by row). */
export function modelTexts(model: DocModel): string[] {
  const texts: string[] = [model.title];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        texts.push(block.text);
        break;
      case 'table':
        texts.push(...block.header);
        for (const row of block.rows) texts.push(...row);
        break;
      case 'chart':
        texts.push(block.chart.title, ...block.chart.labels, block.chart.valueLabel);
        break;
      case 'pageBreak':
        break;
    }
  }
  return texts;
}

/** The placeholders a document model uses, in order of first use. */
export function modelPlaceholders(model: DocModel): string[] {
  return placeholdersIn(modelTexts(model).join('\n'));
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
];

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

export const PLACEHOLDERS: Record<TemplateKind, readonly PlaceholderInfo[]> = {
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
    ...CENTRE_PLACEHOLDERS,
  ],
};

/** Letterhead and date line shared by both letters. */
function letterhead(): Block[] {
  return [
    { kind: 'paragraph', text: '{{Учреждение}}', align: 'center', bold: true },
    { kind: 'paragraph', text: '{{Адрес_учреждения}}, тел. {{Телефон_учреждения}}', align: 'center' },
    { kind: 'paragraph', text: '' },
    { kind: 'paragraph', text: '{{Дата_письма}}', align: 'left' },
  ];
}

/** Signature row and performer line shared by both letters. */
function signature(): Block[] {
  return [
    { kind: 'paragraph', text: '' },
    // No header row: renderers draw a table with an empty header as plain rows.
    { kind: 'table', header: [], rows: [['{{Должность_руководителя}}', '{{Руководитель}}']], widths: [60, 40] },
    { kind: 'paragraph', text: '' },
    { kind: 'paragraph', text: 'Исп.: {{Исполнитель}}, тел. {{Телефон_исполнителя}}', align: 'left' },
  ];
}

const body = (text: string): Block => ({ kind: 'paragraph', text, align: 'justify', indent: true });

function invitation(): DocModel {
  return {
    title: 'Приглашение',
    blocks: [
      ...letterhead(),
      { kind: 'paragraph', text: '{{Адресат}}', align: 'right' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: '{{Обращение}}', align: 'center' },
      body(
        'Администрация и педагогический коллектив {{Учреждение_кратко}} сердечно приглашают Вас на мероприятие ' +
          '«{{Мероприятие}}», которое состоится {{Дата}} ({{День_недели}}) в {{Время}}.',
      ),
      body('Место проведения: {{Место}}. Форма проведения: {{Форма}}. Участники: {{Участники}}.'),
      body(
        'Ваше участие — пример настоящего социального партнёрства, которое помогает нам создавать ' +
          'единое пространство для развития и воспитания детей. Будем рады видеть Вас среди наших гостей!',
      ),
      body('Просим подтвердить участие по телефону {{Телефон_учреждения}}.'),
      ...signature(),
    ],
  };
}

function thanks(): DocModel {
  return {
    title: 'Благодарственное письмо',
    blocks: [
      ...letterhead(),
      { kind: 'paragraph', text: '' },
      // A centred bold paragraph rather than a heading: headings have no alignment in the model.
      { kind: 'paragraph', text: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО', align: 'center', bold: true },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: '{{Обращение}}', align: 'center' },
      body(
        'Администрация и педагогический коллектив {{Учреждение_кратко}} выражают {{Кому_благодарность}} ' +
          'искреннюю благодарность за плодотворное сотрудничество и неравнодушное участие в жизни нашего центра {{Период}}.',
      ),
      body('{{Вклад}}'),
      body(
        'Ваша поддержка помогает нам создавать единое пространство для развития и воспитания детей, ' +
          'делает наши праздники ярче, а заботу о ветеранах и семьях — ощутимее.',
      ),
      body('Надеемся на дальнейшее плодотворное сотрудничество! Желаем Вам крепкого здоровья, благополучия и новых успехов.'),
      ...signature(),
    ],
  };
}

/** A fresh copy of the default template of this kind (callers may change it). */
export function defaultTemplate(kind: TemplateKind): DocModel {
  return kind === 'invitation' ? invitation() : thanks();
}
