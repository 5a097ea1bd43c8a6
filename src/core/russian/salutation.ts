/**
 * The salutation line and the dative address block of a letter.
 *
 * Decisions (Russian business practice): ГОСТ Р 7.0.97 (п. 5.18 of the 2016 edition, kept in
 * 2025) gives the forms `Уважаемый Николай Петрович!`, `Уважаемый господин Прохоров!`,
 * `Уважаемая госпожа Захарова!` and says that a salutation by surname carries no initials
 * (https://ajdocs.ru/gsp/41240/16). So:
 * - full name with patronymic → `Уважаемый Иван Петрович!` / `Уважаемая Анна Сергеевна!`;
 * - no patronymic (`Тихонов Илья`, `Смит Джейн`, `Сидоров И. П.`, `Сидоров`) → by surname:
 *   `Уважаемый господин Тихонов!` / `Уважаемая госпожа Смит!` (a first name alone is too familiar
 *   for an official letter, and «Уважаемый Илья Тихонов!» is not a form of the standard);
 * - gender unknown → the gender-neutral `Здравствуйте, Женя Ким!` instead of the ugly `Уважаемый(ая)`;
 * - no contact person, or an organisation typed as one (`СОШ № 5`) → `Уважаемые коллеги!`; a family
 *   (by category, by name, or typed as the contact) → `Уважаемая семья Ивановых!`, or
 *   `Уважаемые родители!` when the family's name cannot be read.
 *
 * Address block: the `Кому (дательный падеж)` override wins verbatim; otherwise
 * `Директору ООО «Рыбозавод» И. П. Сидорову` (position in the dative, organisation as written,
 * initials before the surname in the dative); no position → `И. П. Сидорову`; no contact →
 * `Директору ООО «Рыбозавод»`, or the organisation in the nominative when there is no position
 * either (ГОСТ Р 7.0.97: a letter to an organisation names it in the nominative); a family with no
 * contact → `Семье Ивановых`. Organisation names are never declined; an organisation typed as the
 * contact is written as it is, after the organisation (`Директору МБОУ «СОШ № 5», методическое
 * объединение`) or instead of it when `Организация` is blank.
 */
import { detectGender, familyName, initialsSurname, isNotAPerson, parseFullName, type GenderMark } from './names';
import { positionDative } from './position';
import { quotes } from './typography';

export interface SalutationInput {
  /** Full name, surname first, or ''. */
  contact: string;
  gender: GenderMark | null;
  family: boolean;
  organisation: string;
}

export interface AddresseeInput extends SalutationInput {
  /** Position in the nominative, or ''. */
  position: string;
  /** The `Кому (дательный падеж)` column, or ''. */
  override: string;
}

function isInitial(word: string): boolean {
  return /^[А-ЯЁA-Z]\.$/.test(word);
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function familySalutation(...texts: string[]): string {
  const name = texts.map(familyName).find((n) => n !== '');
  return name ? `Уважаемая семья ${name}!` : 'Уважаемые родители!';
}

/** A family typed as the contact: `Семья Толстых`. */
function contactIsFamily(contact: string): boolean {
  return isNotAPerson(contact) && familyName(contact) !== '';
}

/** The salutation line, ending in `!`. */
export function salutation(input: SalutationInput): string {
  const parsed = parseFullName(input.contact);
  const family = input.family || contactIsFamily(input.contact);
  const fallback = family ? familySalutation(input.organisation, input.contact) : 'Уважаемые коллеги!';
  if (!parsed) return fallback;
  const gender = detectGender(parsed, input.gender);
  const hasFirst = parsed.first !== '' && !isInitial(parsed.first);
  const hasMiddle = parsed.middle !== '' && !isInitial(parsed.middle);

  if (hasFirst && hasMiddle) {
    const words = `${parsed.first} ${parsed.middle}`;
    if (gender === 'male') return `Уважаемый ${words}!`;
    if (gender === 'female') return `Уважаемая ${words}!`;
    return `Здравствуйте, ${words}!`;
  }
  if (gender === 'male') return `Уважаемый господин ${parsed.last}!`;
  if (gender === 'female') return `Уважаемая госпожа ${parsed.last}!`;
  return hasFirst ? `Здравствуйте, ${parsed.first} ${parsed.last}!` : fallback;
}

/** Whether the position already names the organisation, or the organisation is a sole trader. */
function organisationIsRedundant(position: string, organisation: string): boolean {
  const org = organisation.toLowerCase();
  if (org === '') return true;
  if (/^(ип|индивидуальный предприниматель)(\s|$)/.test(org)) return true;
  return position.toLowerCase().includes(org);
}

/**
 * The organisation followed by an organisation or group typed as the contact, as written:
 * `МБОУ «СОШ № 5», методическое объединение`; the contact alone when `Организация` is blank or
 * already says it.
 */
function withContactAsWritten(input: AddresseeInput): string {
  const organisation = collapse(input.organisation);
  const contact = collapse(input.contact);
  if (contact === '' || !isNotAPerson(contact) || contactIsFamily(contact)) return organisation;
  if (organisation === '') return contact;
  const fold = (s: string) => quotes(s).toLowerCase();
  return fold(organisation).includes(fold(contact)) ? organisation : `${organisation}, ${contact}`;
}

/** The address block in the dative, on one line (`Директору ООО «Рыбозавод» И.{NBSP}П.{NBSP}Сидорову`). */
export function addressee(input: AddresseeInput): string {
  const override = collapse(input.override);
  if (override !== '') return override;

  const position = quotes(collapse(input.position));
  const parsed = parseFullName(input.contact);
  const organisation = quotes(parsed ? collapse(input.organisation) : withContactAsWritten(input));

  if (!parsed) {
    if (input.family || contactIsFamily(input.contact)) {
      const name = familyName(collapse(input.organisation)) || familyName(collapse(input.contact));
      if (name) return `Семье ${name}`;
    }
    if (position === '') return organisation;
    const org = organisationIsRedundant(position, organisation) ? '' : organisation;
    return [positionDative(position), org].filter((s) => s !== '').join(' ');
  }

  const person = initialsSurname(parsed, detectGender(parsed, input.gender), 'dative');
  if (position === '' || input.family) return person;
  const org = organisationIsRedundant(position, organisation) ? '' : organisation;
  return [positionDative(position), org, person].filter((s) => s !== '').join(' ');
}
