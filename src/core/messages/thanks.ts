import type { Resource } from '../schema';

/** Russian texts of the thank-you letters and the «кому ещё не сказали спасибо» list. */

/** Ends a sentence with one full stop (`руб.` already has one). */
const stop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

export const thanksMsg = {
  /** Phrases for a contribution with an empty `Что сделано`, by resource kind (accusative: «благодарим за …»). */
  resourcePhrase: {
    кадровый: 'участие специалистов',
    финансовый: 'финансовую поддержку',
    'программно-методический': 'методическую помощь',
    временной: 'личное время, подаренное детям',
    'материально-технический': 'материальную помощь',
    информационный: 'информационную поддержку',
  } as Record<Resource, string>,
  periodEvent: (title: string, date: string) => `при проведении мероприятия «${title}» ${date}`,
  periodYear: (label: string) => `в ${label} учебном году`,
  badYear: (text: string) => `«${text}» — не учебный год. Укажите год так: 2025/2026.`,
  eventLine: (title: string, date: string, parts: string[]) => `«${title}» (${date}) — ${parts.join('; ')}`,
  forOne: (line: string) => stop(`Благодарим Вас за помощь в подготовке и проведении мероприятия ${line}`),
  forMany: (lines: string[]) => stop(`Благодарим Вас за помощь в подготовке и проведении мероприятий: ${lines.join('; ')}`),
  total: (sum: string) => stop(`Общая сумма Вашей помощи — ${sum}`),
  collective: (organisation: string) => `коллективу ${/[«"]/.test(organisation) ? organisation : `«${organisation}»`}`,
  alreadyMade: (when: string) => `благодарственное письмо уже сделано${when ? ` ${when}` : ''} (чтобы сделать заново, выберите «Сделать заново»)`,
  needsCheck: 'предыдущая попытка прервалась — проверьте «Журнал» (статус «требует проверки»)',
  nothing: (period: string) => `За период «${period}» нет вклада партнёров, за который ещё не поблагодарили.`,
  attached: 'Благодарственное письмо — во вложении.',
  owedNone: 'Всех поблагодарили: вклада без даты благодарности нет.',
  owedTitle: (n: string) => `Ещё не поблагодарили: ${n}`,
  ageDays: (days: string) => `${days} назад`,
};
