import { NBSP } from '../core/russian/typography';
import { NB_HYPHEN } from '../core/russian/typeset';
import type { Resource } from '../core/data/schema';

/**
 * Russian texts of the letter requisites (ГОСТ Р 7.0.97-2025): the heading to the text, the contacts
 * line of the letterhead, and the closing sentences of thank-you letters chosen by what the partner did.
 */
export const requisitesMsg = {
  /** `О приглашении на праздник «День матери»`: the form in the accusative, the title quoted. */
  inviteHeading: (formAccusative: string, title: string) => `О приглашении на ${formAccusative} «${title}»`,
  /** What an event is called when `Форма проведения` is blank. */
  defaultForm: 'мероприятие',
  /** The letterhead's contacts line: what is filled of address, phone, email and site. */
  contacts: (parts: { address: string; phone: string; email: string; site: string }) =>
    [
      parts.address,
      parts.phone ? `тел.${NBSP}${parts.phone}` : '',
      // A non-breaking hyphen: «e-» at the end of a line and «mail» on the next would read as two words.
      parts.email ? `e${NB_HYPHEN}mail:${NBSP}${parts.email}` : '',
      parts.site ? `сайт:${NBSP}${parts.site}` : '',
    ]
      .filter((s) => s !== '')
      .join(', '),
  /** The person thanked and their organisation: `Ивану Петровичу Сидорову и коллективу АО «Рыбозавод»`. */
  personAndCollective: (person: string, collective: string) => `${person} и ${collective}`,
};

/** Where the thanked help happened, as the closing sentences name it. */
export interface ClosingScope {
  /** One event: its title (without quotes); several: null. */
  title: string | null;
}

const one = (scope: ClosingScope, single: (title: string) => string, many: string): string => (scope.title !== null ? single(scope.title) : many);

/**
 * One sentence per kind of help (`Ресурс` of `Вклад`), each true of any partner who gave that kind:
 * no sentence speaks of what the partner did not do.
 */
export const closingMsg = {
  byResource: {
    финансовый: (s: ClosingScope) =>
      `Ваша финансовая помощь позволила сделать ${one(s, (t) => `мероприятие «${t}»`, 'наши мероприятия')} ярче и радостнее для детей.`,
    'материально-технический': (s: ClosingScope) =>
      `Ваша материальная помощь позволила подготовить ${one(s, (t) => `мероприятие «${t}»`, 'наши мероприятия')} на высоком уровне.`,
    кадровый: (s: ClosingScope) =>
      `Ваше участие сделало программу ${one(s, (t) => `мероприятия «${t}»`, 'наших мероприятий')} ярче и интереснее.`,
    'программно-методический': (s: ClosingScope) =>
      `Ваш опыт и методическая помощь обогатили программу ${one(s, (t) => `мероприятия «${t}»`, 'наших мероприятий')}.`,
    информационный: (s: ClosingScope) =>
      `Благодаря Вашей информационной поддержке о ${one(s, (t) => `мероприятии «${t}»`, 'наших мероприятиях')} узнало больше людей.`,
    временной: (_scope: ClosingScope) =>
      `Время и внимание, которые Вы подарили детям, для них особенно ценны.`,
  } as Record<Resource, (scope: ClosingScope) => string>,
  /** Only when an event thanked for was for veterans (its participants, title or description say so). */
  veterans: 'Ваша забота о ветеранах — пример для наших воспитанников.',
  /** Words that make an event one for veterans. */
  veteransPattern: /ветеран|пожил|труженик/i,
  wishFamily: 'Желаем Вашей семье здоровья, счастья и благополучия! Будем рады видеть Вас на наших мероприятиях.',
  wishPerson: 'Надеемся на дальнейшее плодотворное сотрудничество! Желаем Вам крепкого здоровья, благополучия и новых успехов.',
  wishPersonAndCollective: 'Надеемся на дальнейшее плодотворное сотрудничество! Желаем Вам и Вашему коллективу крепкого здоровья, благополучия и новых успехов.',
  wishCollective: 'Надеемся на дальнейшее плодотворное сотрудничество! Желаем Вашему коллективу благополучия и новых успехов.',
};
