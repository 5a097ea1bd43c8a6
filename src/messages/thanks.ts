import { NBSP } from '../core/russian/typography';
import type { Resource } from '../core/data/schema';

/** Russian texts of the thank-you letters and the «кому ещё не сказали спасибо» list. */

/** Ends a sentence with one full stop (`руб.` already has one). */
const stop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

export const thanksMsg = {
  /**
   * Phrases for a contribution with an empty `Что сделано`, by resource kind: nominative, as every
   * item of the list after «:» or «—» (see `contributionText`).
   */
  resourcePhrase: {
    кадровый: 'участие специалистов',
    финансовый: 'финансовая поддержка',
    'программно-методический': 'методическая помощь',
    // No participial clause: it would need a closing comma when more text follows.
    временной: 'подаренное детям время',
    'материально-технический': 'материальная помощь',
    информационный: 'информационная поддержка',
  } as Record<Resource, string>,
  /** In brackets: the template ends the sentence after it, and `… 2025 г.` + `.` would read `г..`. */
  periodEvent: (title: string, date: string) => `при проведении мероприятия «${title}» (${date})`,
  periodYear: (label: string) => `в ${label} учебном году`,
  yearLabel: (label: string) => `${label} учебный год`,
  badYear: (text: string) => `«${text}» — не учебный год. Укажите год так: 2025/2026.`,
  /**
   * What was done: nominative phrases as items of a list («подарки (3 000 руб.), ёлка»); `;` between
   * them when one has a comma of its own.
   */
  whatList: (parts: string[]) => parts.join(parts.some((p) => p.includes(',')) ? '; ' : ', '),
  /**
   * One event: `Благодарим Вас за помощь в подготовке и проведении мероприятия «Новый год»
   * (26 декабря 2025 г.): подарки (3 000 руб.), ёлка.` — the list after the colon is nominative,
   * so a phrase typed as it is named («Финансовая поддержка праздника») fits as it is.
   */
  forOne: (title: string, date: string, what: string) =>
    stop(`Благодарим Вас за помощь в подготовке и проведении мероприятия «${title}» (${date}): ${what}`),
  /** The line of one event in a list; the dash never starts a line. */
  eventLine: (title: string, date: string, what: string) => `«${title}» (${date})${NBSP}— ${what}`,
  forMany: (lines: string[]) => stop(`Благодарим Вас за помощь в подготовке и проведении мероприятий: ${lines.join('; ')}`),
  total: (sum: string) => stop(`Общая сумма Вашей помощи${NBSP}— ${sum}`),
  /**
   * `коллективу ООО «Рыбозавод»`, `коллективу МО ВОИ Приморского района` (an abbreviation in front
   * carries the name, as in the address block); a bare name is quoted so it reads as a name in the
   * dative sentence: `коллективу «Совет ветеранов»`.
   */
  collective: (organisation: string) =>
    `коллективу ${/[«"]/.test(organisation) || /^[А-ЯЁA-Z]{2,}(\s|$)/.test(organisation) ? organisation : `«${organisation}»`}`,
  alreadyMade: (when: string) => `благодарственное письмо уже сделано${when ? ` ${when}` : ''} (чтобы сделать заново, выберите «Сделать заново»)`,
  needsCheck: 'предыдущая попытка прервалась — проверьте «Журнал» (статус «требует проверки»)',
  nothing: (period: string) => `За период «${period}» нет вклада партнёров, за который ещё не поблагодарили.`,
  owedNone: 'Всех поблагодарили: вклада без даты благодарности нет.',
  owedTitle: (n: string) => `Ещё не поблагодарили: ${n}`,
  ageDays: (days: string) => `${days} назад`,
};
