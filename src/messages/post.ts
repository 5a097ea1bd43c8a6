/**
 * Russian texts of print and post: the envelope template, the register of letters to deliver
 * (реестр), and what an invitation run says about them. The layout is in `src/core/invite/post.ts`.
 */
import { countWith } from '../core/russian';
import { LETTERS } from './letters';

const ENVELOPES = ['конверт', 'конверта', 'конвертов'] as const;

/** Placeholder names the print-and-post code looks for (as staff write them between the braces). */
export const postFieldMsg = {
  address: 'Адрес',
  addressee: 'Адресат',
  /** Where a letter's registration number may come (the first one a letter has). */
  numbers: ['Номер_письма', 'Регистрационный_номер', 'Рег_номер', 'Исх_номер'] as readonly string[],
};

/** The default envelope template: the sender top left, the recipient bottom right. */
export const envelopeTemplateMsg = {
  title: 'Конверт',
  from: 'От кого: {{Учреждение_кратко}}\nОткуда: {{Откуда}}\nИндекс: {{Индекс_отправителя}}',
  to: 'Кому: {{Кому}}\nКуда: {{Куда}}\nИндекс: {{Индекс}}',
};

/** The register of letters to deliver by hand or to hand in at the post office. */
export const registerMsg = {
  title: (event: string) => `Реестр писем для доставки — ${event}`,
  heading: 'РЕЕСТР ПИСЕМ ДЛЯ ДОСТАВКИ',
  subtitle: (centre: string, event: string, date: string) => `${centre}: приглашения на мероприятие ${event} (${date})`,
  date: (date: string) => `Дата составления: ${date}`,
  header: ['№', 'Партнёр', 'Адрес', 'Телефон', 'Исх. № письма', 'Отметка о вручении (дата, подпись, расшифровка)'],
  total: (n: number) => `Всего: ${countWith(n, LETTERS)}.`,
  handedOver: (performer: string) => `Передал: ____________________ ${performer}`.trimEnd(),
  received: 'Принял: ____________________ / ____________________ /',
};

/** Names of the documents. */
export const postDocMsg = {
  envelopes: (event: string) => `Конверты — ${event}`,
  register: (event: string) => `Реестр писем для доставки — ${event}`,
};

/** What the run's summary says. */
export const postRunMsg = {
  envelopes: (n: number) => `Конверты: ${countWith(n, ENVELOPES)} в одном документе, по одному на странице.`,
  register: (n: number) => `Реестр писем для доставки: ${countWith(n, LETTERS)}.`,
  noAddress: (who: string[]) =>
    `Нет почтового адреса (столбец «Адрес» листа «Партнёры») — конверт не сделан, письмо только в реестре: ${who.join(', ')}.`,
  noIndex: (who: string[]) => `В адресе нет почтового индекса (шесть цифр) — на конверте его нет, впишите от руки: ${who.join(', ')}.`,
  noCentreIndex: 'В адресе учреждения (лист «Настройки», «Адрес учреждения») нет почтового индекса: на конвертах в «Откуда» его нет.',
  deferred: 'Время выполнения скрипта на исходе: конверты и реестр будут сделаны при продолжении, через минуту.',
  /** Links in the note that a background run finished. */
  printLink: (url: string) => `Документ для печати: ${url}`,
  envelopesLink: (url: string) => `Конверты: ${url}`,
  registerLink: (url: string) => `Реестр писем для доставки: ${url}`,
  envelopesWho: 'конверты',
  registerWho: 'реестр писем',
  envelopeTemplateProblems: 'Шаблон конверта нужно исправить — конверты не сделаны:',
};
