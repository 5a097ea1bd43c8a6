/** The Russian language module: names, positions, salutations, dates, plurals, money, typography and the typographic pass. */
export { NBSP, capitalize, nbspInitials, nestQuotes, quotes, stripEnclosingQuotes } from './typography';
export { NB_HYPHEN, typeset, typesetValues } from './typeset';
export {
  declineFirstName,
  declineName,
  declinePatronymic,
  declineSurname,
  detectGender,
  familyName,
  firstAndMiddle,
  fullNameNatural,
  initialsSurname,
  isFamily,
  isNotAPerson,
  parseFullName,
} from './names';
export { firstNameGender, isKnownFirstName } from './first-names';
export { isOrganisationName } from './organisation';
export type { FullName, Gender, GenderMark, GrammaticalCase } from './names';
export { positionDative } from './position';
export { addressee, salutation } from './salutation';
export type { AddresseeInput, SalutationInput } from './salutation';
export {
  MONTHS_GENITIVE,
  MONTHS_NOMINATIVE,
  WEEKDAYS,
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDateLong,
  formatDateShort,
  fromDayNumber,
  isLeapYear,
  isValidDate,
  monthYear,
  parseDateText,
  parseTimeText,
  toDayNumber,
  weekdayName,
} from './dates';
export { countWith, pluralForm } from './plural';
export type { PluralForms } from './plural';
export { formatMoney, formatNumber, parseMoneyText } from './money';
export type { NumberFormatOptions } from './money';
export { compareText, foldYo, YO_FOLDED } from './collation';
export { foldLookAlikes, sameId } from './lookalikes';
export { listItemPhrase, phraseIssues, type PhraseIssue } from './phrase';
export { accusativePhrase } from './accusative';
