/**
 * The salutation line and the dative address block of a letter.
 *
 * Decisions (Russian business practice):
 * - full name with patronymic → `Уважаемый Иван Петрович!` / `Уважаемая Анна Сергеевна!`;
 * - no patronymic → first name and surname: `Уважаемый Иван Сидоров!` (a first name alone is too
 *   familiar for an official letter; `господин` is rare in Russian correspondence);
 * - only a surname or initials → `Уважаемый господин Сидоров!` / `Уважаемая госпожа Сидорова!`;
 * - gender unknown → the gender-neutral `Здравствуйте, Женя Ким!` instead of the ugly `Уважаемый(ая)`;
 * - no contact person → `Уважаемые коллеги!`; a family → `Уважаемая семья Ивановых!`, or
 *   `Уважаемые родители!` when the family's name cannot be read from the organisation.
 *
 * Address block: the `Кому (дательный падеж)` override wins verbatim; otherwise
 * `Директору ООО «Рыбозавод» И. П. Сидорову` (position in the dative, organisation as written,
 * initials before the surname in the dative); no position → `И. П. Сидорову`; no contact →
 * `Директору ООО «Рыбозавод»`, or the organisation in the nominative when there is no position
 * either (ГОСТ Р 7.0.97: a letter to an organisation names it in the nominative); a family with no
 * contact → `Семье Ивановых`. Organisation names are never declined.
 */
import { detectGender, familyName, initialsSurname, parseFullName, type GenderMark } from './names';
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

function familySalutation(organisation: string): string {
  const name = familyName(organisation);
  return name ? `Уважаемая семья ${name}!` : 'Уважаемые родители!';
}

/** The salutation line, ending in `!`. */
export function salutation(input: SalutationInput): string {
  const parsed = parseFullName(input.contact);
  const fallback = input.family ? familySalutation(input.organisation) : 'Уважаемые коллеги!';
  if (!parsed) return fallback;
  const gender = detectGender(parsed, input.gender);
  const hasFirst = parsed.first !== '' && !isInitial(parsed.first);
  const hasMiddle = parsed.middle !== '' && !isInitial(parsed.middle);

  if (!hasFirst) {
    if (gender === 'male') return `Уважаемый господин ${parsed.last}!`;
    if (gender === 'female') return `Уважаемая госпожа ${parsed.last}!`;
    return fallback;
  }
  const words = hasMiddle ? `${parsed.first} ${parsed.middle}` : `${parsed.first} ${parsed.last}`;
  if (gender === 'male') return `Уважаемый ${words}!`;
  if (gender === 'female') return `Уважаемая ${words}!`;
  return `Здравствуйте, ${words}!`;
}

/** Whether the position already names the organisation, or the organisation is a sole trader. */
function organisationIsRedundant(position: string, organisation: string): boolean {
  const org = organisation.toLowerCase();
  if (org === '') return true;
  if (/^(ип|индивидуальный предприниматель)(\s|$)/.test(org)) return true;
  return position.toLowerCase().includes(org);
}

/** The address block in the dative, on one line (`Директору ООО «Рыбозавод» И.{NBSP}П.{NBSP}Сидорову`). */
export function addressee(input: AddresseeInput): string {
  const override = collapse(input.override);
  if (override !== '') return override;

  const organisation = quotes(collapse(input.organisation));
  const position = quotes(collapse(input.position));
  const parsed = parseFullName(input.contact);

  if (!parsed) {
    if (input.family) {
      const name = familyName(organisation);
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
