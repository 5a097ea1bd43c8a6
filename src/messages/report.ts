/** Russian texts of the annual conclusions report and its ВЫВОД paragraph. */
import { NBSP, countWith, pluralForm, type PluralForms } from '../core/russian';
import type { Category, Resource } from '../core/data/schema';

const q = (s: string): string => `«${s}»`;
/** Ends a sentence with a full stop unless it already ends with one (`… 2026 г.`, `… руб.`). */
const stop = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

const FORMS = {
  event: ['мероприятие', 'мероприятия', 'мероприятий'],
  jointEventPrep: ['совместном мероприятии', 'совместных мероприятиях', 'совместных мероприятиях'],
  socialPartner: ['социальный партнёр', 'социальных партнёра', 'социальных партнёров'],
  newPartner: ['новый партнёр', 'новых партнёра', 'новых партнёров'],
  person: ['человек', 'человека', 'человек'],
} as const satisfies Record<string, PluralForms>;

/** Resource kinds in the plural noun form of the report tables. */
export const RESOURCE_PLURAL: Record<Resource, string> = {
  кадровый: 'кадровые',
  финансовый: 'финансовые',
  'программно-методический': 'программно-методические',
  временной: 'временные',
  'материально-технический': 'материально-технические',
  информационный: 'информационные',
};

/** Resource kinds agreeing with «ресурсообеспечения» (genitive, neuter), as in the seed's ВЫВОД. */
export const RESOURCE_GENITIVE: Record<Resource, string> = {
  кадровый: 'кадрового',
  финансовый: 'финансового',
  'программно-методический': 'программно-методического',
  временной: 'временного',
  'материально-технический': 'материально-технического',
  информационный: 'информационного',
};

/** Short month labels for the chart, January first. */
export const MONTHS_SHORT = ['янв.', 'февр.', 'март', 'апр.', 'май', 'июнь', 'июль', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'] as const;

export const reportMsg = {
  title: (label: string) => `Анализ работы с социальными партнёрами за ${label} учебный год`,
  intro: (centre: string, from: string, to: string) => `${stop(centre)} Отчётный период: с ${from} по ${stop(to)}`,
  madeOn: (date: string) => `Дата составления: ${stop(date)}`,
  yearNotOver: (date: string) => `Учебный год ещё не завершён: данные приведены по состоянию на ${stop(date)}`,
  none: '—',
  total: 'Итого',

  keyHeading: 'Ключевые показатели',
  keyHeader: (label: string) => ['Показатель', label],
  keyHeaderCompared: (label: string, previous: string) => ['Показатель', label, previous],
  keyActivePartners: 'Партнёры, внёсшие вклад в мероприятия года',
  keyNewPartners: 'Из них новые (не участвовали в прошлом учебном году)',
  keyJointEvents: 'Совместные мероприятия',
  keyReach: 'Охват, чел.',
  keyContributions: 'Записи о вкладе партнёров',
  keyAmount: 'Общая сумма помощи',
  keyThanks: 'Благодарственные письма',
  keyNoData: (label: string) => `За ${label} учебный год в таблице нет данных о совместной работе с социальными партнёрами.`,

  categoriesHeading: 'Партнёры по категориям',
  categoriesHeader: ['Категория', 'В списке', 'Активные', 'Новые', 'Выбыли'],
  categoriesNote: (previous: string) =>
    `Активные — внесли вклад хотя бы в одно мероприятие года; новые — активны в этом году, но не в ${previous} учебном году; выбыли — были активны в ${previous} учебном году, но не в этом.`,
  categoriesHeaderFirstYear: ['Категория', 'В списке', 'Активные'],
  categoriesNoteFirstYear: 'Активные — внесли вклад хотя бы в одно мероприятие года.',
  /** The previous year has no data: nobody is called new or lapsed. */
  noPreviousYear: (previous: string) =>
    `За ${previous} учебный год данных в таблице нет, поэтому сравнения с прошлым годом нет: новые и выбывшие партнёры не выделяются.`,
  categoriesNoData: (label: string) => `В ${label} учебном году ни один партнёр не участвовал в мероприятиях центра, выбывших по сравнению с прошлым годом тоже нет.`,

  eventsHeading: 'Совместные мероприятия по месяцам',
  eventsHeader: ['Дата', 'Мероприятие', 'Место', 'Партнёры', 'Охват, чел.'],
  eventsTotal: (events: number, reach: number) =>
    `Всего: ${countWith(events, FORMS.event)}${reach > 0 ? `, охват${NBSP}— ${countWith(reach, FORMS.person)}` : ''}.`,
  eventsNoData: (label: string) => `В ${label} учебном году совместных мероприятий с партнёрами не было.`,
  chartTitle: 'Вклад партнёров по месяцам',
  chartValueLabel: 'Записей о вкладе',

  resourcesHeading: 'Ресурсы по видам',
  resourcesHeader: ['Вид ресурса', 'Вкладов', 'Партнёров', 'Сумма'],
  resourcesNoData: (label: string) => `В ${label} учебном году партнёры не вносили вклад в ресурсообеспечение.`,

  conclusionHeading: 'ВЫВОД',

  /** The compiler's line at the end: who, the place to sign, the date. */
  compiler: (who: string, phone: string) => `Составитель: ${who || '________________'}${phone ? `\nтел. ${phone}` : ''}`,
  signature: '________________\n(подпись)',
  /** The approval block (гриф утверждения, ГОСТ Р 7.0.97), when «Настройки» ask for it. */
  approval: (position: string, centre: string, director: string, year: number) =>
    ['УТВЕРЖДАЮ', [position, centre].filter((s) => s !== '').join(' '), `________________ ${director}`, `«____» ________________ ${year} г.`]
      .filter((s) => s.trim() !== '')
      .join('\n'),
};

/** Pieces of the ВЫВОД paragraph; `conclusion.ts` decides which to use. */
export const conclusionMsg = {
  nothing: (label: string) =>
    `В ${label} учебном году совместных мероприятий с социальными партнёрами не отмечено: в таблице нет ни проведённых мероприятий, ни записей о вкладе партнёров за этот период, поэтому сделать вывод об их участии в воспитательном процессе нельзя.`,
  eventsWithoutContributions: (label: string, events: number, reach: number) =>
    `В ${label} учебном году проведено ${countWith(events, FORMS.event)}${reach > 0 ? ` (охват${NBSP}— ${countWith(reach, FORMS.person)})` : ''}, однако вклад социальных партнёров на листе «Вклад» не отмечен, поэтому оценить их участие в воспитательном процессе нельзя.`,
  episodic: 'Социальные партнёры пока участвуют в воспитательном процессе эпизодически.',
  episodicKinds: (kinds: Resource[]) => `Их вклад касался ресурсообеспечения: ${kinds.map((k) => RESOURCE_GENITIVE[k]).join(', ')}.`,
  active: (kinds: Resource[]) =>
    `Социальные партнёры активно включены в воспитательный процесс, что позволило повысить его качество и качество ресурсообеспечения: ${kinds
      .map((k) => RESOURCE_GENITIVE[k])
      .join(', ')}.`,
  activeGrown: (kinds: Resource[], previous: string) =>
    `Социальные партнёры активно включены в воспитательный процесс, что позволило повысить его качество и качество ресурсообеспечения: ${kinds
      .map((k) => RESOURCE_GENITIVE[k])
      .join(', ')}. По сравнению с ${previous} учебным годом вклад партнёров ${kinds.length === 1 ? 'по этому виду ресурсов' : 'по каждому из этих видов ресурсов'} вырос.`,
  noGrowth: (previous: string) =>
    `Социальные партнёры включены в воспитательный процесс и поддерживают его ресурсообеспечение, однако по сравнению с ${previous} учебным годом вклад партнёров ни по одному виду ресурсов не вырос.`,
  figures: (label: string, partners: number, events: number, reach: number) =>
    `В ${label} учебном году ${countWith(partners, FORMS.socialPartner)} ${pluralForm(partners, ['принял', 'приняли', 'приняли'])} участие в ${countWith(events, FORMS.jointEventPrep)}${reach > 0 ? ` (охват${NBSP}— ${countWith(reach, FORMS.person)})` : ''}.`,
  amount: (money: string) => `Общая сумма помощи партнёров${NBSP}— ${stop(money)}`,
  newPartners: (n: number, categories: Category[]) =>
    `К работе ${pluralForm(n, ['присоединился', 'присоединились', 'присоединились'])} ${countWith(n, FORMS.newPartner)}${
      categories.length === 0
        ? ''
        : `, в том числе впервые${NBSP}— из ${categories.length === 1 ? 'категории' : 'категорий'} ${categories.map(q).join(', ')}`
    }.`,
};

/** Texts of the report job (menu and command line). */
export const reportJobMsg = {
  folder: 'Отчёты',
  done: (title: string, partners: number, events: number, reach: number) =>
    `Готов отчёт «${title}»: ${countWith(partners, ['партнёр', 'партнёра', 'партнёров'])}, ` +
    `${countWith(events, ['совместное мероприятие', 'совместных мероприятия', 'совместных мероприятий'])}, ` +
    `охват ${countWith(reach, ['человек', 'человека', 'человек'])}.`,
  prompt: 'Учебный год для отчёта (например, 2025/2026):',
  noData: (year: string, withData: string[]) =>
    `За ${year} учебный год в таблице нет ни проведённых мероприятий, ни вклада партнёров — отчёт не составлен.` +
    (withData.length > 0 ? ` Данные есть за ${withData.join(', ')} учебн${withData.length === 1 ? 'ый год' : 'ые годы'}.` : ''),
  title: 'Годовой отчёт',
};
