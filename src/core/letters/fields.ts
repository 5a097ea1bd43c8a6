/**
 * The values that go into letters: how a partner is addressed and greeted, the centre's own
 * fields, an event's fields. Everything is plain text; templates insert it literally. Each value has
 * had the typographic pass (`typeset`: non-breaking spaces, quotes in quotes, names kept whole).
 */
import type { LocalDate } from '../../ports';
import { thanksMsg } from '../../messages/thanks';
import { requisitesMsg } from '../../messages/requisites';
import { SOLE_TRADER } from '../data/schema';
import type { EventRecord, Partner, Settings } from '../data/records';
import {
  accusativePhrase,
  addressee,
  detectGender,
  formatDateLong,
  fullNameNatural,
  initialsSurname,
  isFamily,
  isNotAPerson,
  nbspInitials,
  parseFullName,
  quotes,
  salutation,
  typesetValues,
  weekdayName,
} from '../russian';

export type Values = Record<string, string>;

/** `Уважаемый Иван Петрович!` and the dative address block for a partner. */
export function partnerValues(partner: Partner): Values {
  const family = isFamily(partner.category, partner.organisation);
  const input = {
    contact: partner.contact,
    gender: partner.gender,
    position: partner.position,
    organisation: partner.organisation,
    family,
    override: partner.dativeOverride,
  };
  return typesetValues({
    Обращение: salutation(input),
    // A typed `Кому (дательный падеж)` has ordinary spaces in `П. С. Горячему`: bind them like ours.
    Адресат: breakBeforeName(nbspInitials(addresseeBlock(partner, input))),
    Организация: quotes(partner.organisation),
    Кому_благодарность: thanksRecipient(partner, family),
    // The postal address under the addressee block (optional: an emailed letter may have none).
    Адрес: partner.address.trim(),
  });
}

/**
 * The addressee: a person without a position is still named with their organisation
 * («ООО «Рыбозавод»» / «И. П. Сидорову»), as the address block of a letter to an organisation must.
 */
function addresseeBlock(partner: Partner, input: Parameters<typeof addressee>[0]): string {
  const block = addressee(input);
  const organisation = partner.organisation.trim();
  if (input.override.trim() !== '' || input.family || input.position.trim() !== '' || organisation === '') return block;
  const person = parseFullName(partner.contact);
  if (!person || SOLE_TRADER.test(organisation) || block.includes(organisation)) return block;
  return `${quotes(organisation)} ${block}`;
}

/**
 * The address block goes on two lines, the person's name on its own
 * («Генеральному директору АО «Рыбозавод»» / «И. П. Сидорову»), as business letters set it.
 */
export function breakBeforeName(block: string): string {
  // Only an ordinary space separates the name; inside it the spaces are non-breaking.
  const m = /^(.*\S) +([А-ЯЁ]\.\u00a0(?:[А-ЯЁ]\.\u00a0)?[А-ЯЁ][^ ]*)$/u.exec(block);
  return m && m[1].length > 0 ? `${m[1]}\n${m[2]}` : block;
}

/** Whom a thank-you letter thanks: a family, a person (alone, or with the collective of their organisation), or a collective. */
export type ThanksAudience = 'family' | 'person' | 'personAndCollective' | 'collective';

export function thanksAudience(partner: Partner): ThanksAudience {
  const family = isFamily(partner.category, partner.organisation);
  const person = parseFullName(partner.contact);
  if (person && detectGender(person, partner.gender)) return family ? 'person' : personCollective(partner, person.last) ? 'personAndCollective' : 'person';
  return family ? 'family' : 'collective';
}

/**
 * Whether the person's organisation is a collective to thank with them: not a sole trader (ИП) nor
 * an organisation named after the person.
 */
function personCollective(partner: Partner, surname: string): boolean {
  const organisation = partner.organisation.trim();
  if (organisation === '' || SOLE_TRADER.test(organisation)) return false;
  return !(surname !== '' && organisation.toLowerCase().includes(surname.toLowerCase()));
}

/** Whom the thank-you sentence names, in the dative: the person (with their collective), the family, or the collective. */
function thanksRecipient(partner: Partner, family: boolean): string {
  const person = parseFullName(partner.contact);
  const gender = person ? detectGender(person, partner.gender) : null;
  if (person && gender) {
    const name = fullNameNatural(person, gender, 'dative');
    if (thanksAudience(partner) !== 'personAndCollective') return name;
    return requisitesMsg.personAndCollective(name, thanksMsg.collective(quotes(partner.organisation.trim())));
  }
  if (family) {
    // Mid-sentence: «выражают семье Кузнецовых», not «Семье».
    const block = addressee({ contact: '', gender: null, position: '', organisation: partner.organisation, family: true, override: '' });
    return block.charAt(0).toLowerCase() + block.slice(1);
  }
  // An organisation typed as the contact is the collective when `Организация` is blank.
  const organisation = partner.organisation.trim() || (isNotAPerson(partner.contact) ? partner.contact.trim() : '');
  return thanksMsg.collective(quotes(organisation));
}

/** The centre's fields from `Настройки`, the same in every letter. */
export function centreValues(settings: Settings, today: LocalDate): Values {
  const director = settings.directorName.trim();
  const directorGender = director ? detectGender(director, null) : null;
  return typesetValues({
    Учреждение: quotes(settings.centreFull),
    Учреждение_кратко: quotes(settings.centreShort),
    Руководитель: director ? initialsSurname(director, directorGender ?? 'male', 'nominative') : '',
    Должность_руководителя: capitalize(settings.directorPosition.trim()),
    Исполнитель: settings.performerName.trim(),
    Телефон_исполнителя: settings.performerPhone.trim(),
    Адрес_учреждения: settings.address.trim(),
    Телефон_учреждения: settings.phone.trim(),
    Почта_учреждения: centreEmail(settings),
    Сайт_учреждения: settings.centreSite.trim(),
    Контакты_учреждения: requisitesMsg.contacts({
      address: settings.address.trim(),
      phone: settings.phone.trim(),
      email: centreEmail(settings),
      site: settings.centreSite.trim(),
    }),
    Дата_письма: formatDateLong(today),
  });
}

/** The centre's email for the letterhead: its own setting, else the address replies go to. */
function centreEmail(settings: Settings): string {
  return settings.centreEmail.trim() || settings.replyTo.trim();
}

export function eventValues(event: EventRecord): Values {
  return typesetValues({
    Мероприятие: quotes(event.title),
    Дата: formatDateLong(event.date),
    День_недели: weekdayName(event.date),
    Время: event.time,
    Место: quotes(event.place),
    Форма: event.form,
    Участники: event.audience,
    Описание: event.description,
    Заголовок: inviteHeading(event),
  });
}

/** The heading to the text of an invitation: `О приглашении на праздник «День матери»`. */
export function inviteHeading(event: EventRecord): string {
  const form = event.form.trim().replace(/[.!]+$/, '');
  // `Праздник` as typed in the sheet reads `праздник` mid-sentence; an abbreviation (`КВН`) stays.
  const lowered = /^[А-ЯЁ][а-яё]/.test(form) ? form.charAt(0).toLowerCase() + form.slice(1) : form;
  return requisitesMsg.inviteHeading(accusativePhrase(lowered || requisitesMsg.defaultForm), quotes(event.title));
}

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
