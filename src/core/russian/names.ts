/**
 * Russian personal names: parsing `Фамилия Имя Отчество`, gender, declension.
 *
 * Declension goes through lvovich part by part with the gender we resolved ourselves (its
 * `incline()` re-detects gender and gets e.g. `Любовь` wrong), wrapped with fixes for its known misses.
 * The rules of the fixes, and where they come from:
 * - an organisation typed as the contact (`СОШ № 5`, `Администрация района`) is no person: no parse,
 *   no declension (see organisation.ts);
 * - first names: the dictionary of first-names.ts before lvovich, for gender and for the order of a
 *   two-word name (`Илья Тихонов`);
 * - women's names in -ь decline like «тень» (`Айгюль` → `Айгюли`, `Любовь` → `Любови`), as
 *   А. В. Суперанская's «Словарь русских личных имён» recommends (quoted by
 *   https://gramota.ru/poisk?mode=spravka&page=46&query=%D0%B7%D0%B2%D1%91%D0%B7%D0%B4%D0%BD%D0%B0%D1%8F+%D0%BF%D0%B0%D0%BB%D0%B0%D1%82%D0%B0);
 *   West European ones (`Николь`, `Изабель`) stay as written, as the press writes them; women's
 *   names in another consonant (`Джейн`, `Айгюн`) and any name in a vowel other than -а/-я (`Мари`,
 *   `Анри`) never decline (https://mgu-russian.com/ru/teach/blog/330979);
 * - surnames: adjectival ones after г/к/х take -ому/-ого (`Долгий` → `Долгому`), after a hushing
 *   consonant -ему/-его and -ей (`Горячему`, `Осадчей`); a final -а after a vowel (`Гулиа`, `Моруа`)
 *   and French surnames stressed on the last syllable (`Дюма`, `Зола`) never decline (same МГУ page);
 * - gender: patronymic, then first name, then surname, adjectival endings included (`Горячий П. С.`).
 */
import {
  getFirstnameGender,
  getLastnameGender,
  inclineFirstname,
  inclineLastname,
  inclineMiddlename,
} from 'lvovich';
import { NBSP } from './typography';
import { firstNameGender, isKnownFirstName, isWesternFirstName } from './first-names';
import { isOrganisationName } from './organisation';

export interface FullName {
  last: string;
  first: string;
  /** Patronymic, with `оглы`/`кызы` when present (`Гейдар оглы`); '' when missing. */
  middle: string;
}

export type Gender = 'male' | 'female';
/** The `Пол` column. */
export type GenderMark = 'М' | 'Ж';
export type GrammaticalCase = 'nominative' | 'genitive' | 'dative';

/** Turkic patronymic particles: `Рашид Гейдар оглы`, `Айгюн Рашид кызы`. */
const PATRONYMIC_PARTICLES: Readonly<Record<string, Gender>> = {
  оглы: 'male',
  оглу: 'male',
  улы: 'male',
  уулу: 'male',
  кызы: 'female',
  гызы: 'female',
  кизи: 'female',
};

/** Hyphenated-surname first parts that stay undeclined (`Бонч-Бруевичу`, `Тер-Петросяну`). */
const UNDECLINED_FIRST_PARTS = /^(тер|бонч|сен|сент|фон|ван|де|ибн|абу|мир|хаджи|шах)$/;
/** Hyphenated-surname first parts that look like surnames themselves and decline (`Римскому-Корсакову`). */
const DECLINABLE_FIRST_PART = /(ов|ев|ёв|ин|ын|ий|ый|ой|ич|а|я)$/;

const CYRILLIC_WORD = /^[А-ЯЁа-яё]/;

function isInitial(word: string): boolean {
  return /^[А-ЯЁA-Z]\.$/.test(word);
}

function particleOf(word: string): Gender | null {
  const lower = word.toLowerCase();
  const found = PATRONYMIC_PARTICLES[lower];
  return found === undefined ? null : found;
}

/** `Гейдар оглы`, `Гейдар-оглы`, `Гейдароглы` → the particle's gender. */
function patronymicParticleGender(middle: string): Gender | null {
  const lower = middle.toLowerCase();
  for (const particle of Object.keys(PATRONYMIC_PARTICLES)) {
    if (lower.endsWith(particle) && lower.length > particle.length) {
      const gender = PATRONYMIC_PARTICLES[particle];
      if (gender) return gender;
    }
  }
  return null;
}

function normalisePart(part: string): string {
  if (part === '') return part;
  if (particleOf(part)) return part.toLowerCase();
  const isUpper = part === part.toUpperCase();
  const isLower = part === part.toLowerCase();
  const first = part.charAt(0);
  if (isUpper || isLower || first === first.toLowerCase()) {
    return first.toUpperCase() + part.slice(1).toLowerCase();
  }
  return part;
}

/** `ИВАНОВ` → `Иванов`, `РИМСКИЙ-корсаков` → `Римский-Корсаков`, `и.` → `И.`, `ОГЛЫ` → `оглы`. */
function normaliseWord(word: string): string {
  return word.split('-').map(normalisePart).join('-');
}

/** Splits glued initials: `И.П.` → `И.`, `П.`; `И.П.Сидоров` → `И.`, `П.`, `Сидоров`. */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    const glued = /^((?:[А-ЯЁа-яёA-Za-z]\.)+)([А-ЯЁA-Z][а-яёa-z-]+)$/.exec(raw);
    if (/^([А-ЯЁа-яёA-Za-z]\.){2,}$/.test(raw) || glued) {
      for (const m of (glued ? glued[1] : raw).match(/[А-ЯЁа-яёA-Za-z]\./g) ?? []) out.push(m);
      if (glued) out.push(glued[2]);
    } else {
      out.push(raw);
    }
  }
  return out;
}

function looksLikePatronymic(word: string): boolean {
  return (/(вич|вна|ична|инична|ьич|ич)$/i.test(word) && word.length > 4) || patronymicParticleGender(word) !== null;
}

/** `ИП Сидоров Иван Петрович`: the sole trader is the person. */
const SOLE_TRADER = /^(ип|индивидуальный предприниматель) /i;
/** A note in brackets after the name: `Иванова Анна Сергеевна (завуч)`. */
const BRACKETED = /\([^()]*\)/g;
const FAMILY_PREFIX = /^семь[яиеюё]\s+(.+)$/i;

/** The name as typed, without a note in brackets or a sole-trader prefix, spaces collapsed. */
function personText(s: string): string {
  return s
    .replace(BRACKETED, ' ')
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim()
    .replace(SOLE_TRADER, '');
}

/**
 * Whether a contact text names no single person: an organisation (`СОШ № 5`), several people, or a
 * family (`Семья Толстых`). Such a text is used as written.
 */
export function isNotAPerson(contact: string): boolean {
  const text = personText(contact);
  return text !== '' && (isOrganisationName(text) || FAMILY_PREFIX.test(text));
}

/**
 * Parses a full name written surname first (`Сидоров Иван Петрович`), normalising spaces and case.
 * Also accepts `Иван Петрович Сидоров`, `Илья Тихонов` (a known first name before a word that is
 * not one), `Рашид Гейдар оглы Мамедов`, `И. П. Сидоров`, `Сидоров И.П.`. Returns null for empty
 * input and for a text that names no single person (an organisation, a family, several people).
 */
export function parseFullName(s: string): FullName | null {
  const text = personText(s);
  if (text === '' || isNotAPerson(text)) return null;
  const words = tokens(text.replace(/,/g, ' ')).map(normaliseWord);
  if (words.length === 0 || !words.some((w) => CYRILLIC_WORD.test(w) || /^[A-Za-z]/.test(w))) return null;
  const w = (i: number): string => words[i] ?? '';

  // Initials first: `И. П. Сидоров`, `И. Сидоров`.
  if (words.length >= 2 && isInitial(w(0)) && !isInitial(w(words.length - 1))) {
    const middle = words.length >= 3 && isInitial(w(1)) ? w(1) : '';
    return { first: w(0), middle, last: words.slice(middle ? 2 : 1).join(' ') };
  }
  // Turkic names given name first: `Рашид Гейдар оглы Мамедов`.
  if (words.length === 4 && particleOf(w(2)) && !particleOf(w(3))) {
    return { first: w(0), middle: `${w(1)} ${w(2)}`, last: w(3) };
  }
  // Natural order: `Иван Петрович Сидоров`, `Рашид Гейдар-оглы Мамедов`.
  if (words.length === 3 && looksLikePatronymic(w(1)) && !looksLikePatronymic(w(2))) {
    return { first: w(0), middle: w(1), last: w(2) };
  }
  // `Илья Тихонов`: a first name, then a word that is not one.
  if (words.length === 2 && !isInitial(w(1)) && isKnownFirstName(w(0)) && !isKnownFirstName(w(1))) {
    return { first: w(0), middle: '', last: w(1) };
  }
  return { last: w(0), first: w(1), middle: words.slice(2).join(' ') };
}

function asFullName(name: string | FullName): FullName | null {
  return typeof name === 'string' ? parseFullName(name) : name;
}

function libraryGender(g: string | null): Gender | null {
  return g === 'male' || g === 'female' ? g : null;
}

/**
 * The person's gender: the `Пол` column wins; else the patronymic (-вич/-ич/оглы male,
 * -вна/-чна/кызы female); else the first name, then the surname (lvovich); else null.
 */
export function detectGender(name: string | FullName, override: GenderMark | null): Gender | null {
  if (override === 'М') return 'male';
  if (override === 'Ж') return 'female';
  const parsed = asFullName(name);
  if (!parsed) return null;
  const middle = parsed.middle.toLowerCase();
  if (middle && !isInitial(parsed.middle)) {
    const particle = patronymicParticleGender(middle);
    if (particle) return particle;
    if (/(вич|ич)$/.test(middle)) return 'male';
    if (/(вна|чна)$/.test(middle)) return 'female';
  }
  if (parsed.first && !isInitial(parsed.first)) {
    const known = firstNameGender(parsed.first);
    if (known === 'male' || known === 'female') return known;
    const byFirst = known === 'both' ? null : libraryGender(getFirstnameGender(parsed.first));
    if (byFirst) return byFirst;
  }
  if (parsed.last) {
    return libraryGender(getLastnameGender(parsed.last)) ?? surnameGender(parsed.last);
  }
  return null;
}

/** Gender from a surname's ending where lvovich says nothing: `Горячий`, `Долгий` male; `Долгая` female. */
function surnameGender(last: string): Gender | null {
  const part = (last.split('-').pop() ?? last).toLowerCase();
  if (/(ая|яя|ова|ева|ёва|ина|ына)$/.test(part)) return 'female';
  if (/(ий|ый|ой|ов|ев|ёв|ин|ын)$/.test(part)) return 'male';
  return null;
}

function resolveGender(parsed: FullName, gender: Gender | null): Gender | null {
  return gender ?? detectGender(parsed, null);
}

const HUSHING_ADJECTIVE_MALE = /[жшчщ]ий$/;
const HUSHING_ADJECTIVE_FEMALE = /[жшчщ]ая$/;
/** After г, к, х an adjective takes -ому/-ого: `Долгий` → `Долгому` (lvovich says `Долгию`). */
const VELAR_ADJECTIVE_MALE = /[гкх]ий$/;
/** French surnames stressed on the last syllable: never declined. */
const FINAL_STRESS_SURNAMES = new Set(['дюма', 'зола', 'золя', 'тома', 'дега', 'петипа', 'гавальда', 'люка']);
/** A final -а after a vowel: `Гулиа`, `Моруа`, `Бенуа` (not the adjectival -ая). */
const VOWEL_BEFORE_FINAL_A = /[аеёиоуыэю]а$/;

function declineSurnamePart(part: string, gender: Gender | null, grammaticalCase: 'genitive' | 'dative'): string {
  const lower = part.toLowerCase();
  if (FINAL_STRESS_SURNAMES.has(lower) || VOWEL_BEFORE_FINAL_A.test(lower)) return part;
  // Adjectival surnames after a hushing consonant: lvovich says `Горячию`, `Осадчой`.
  if (gender !== 'female' && HUSHING_ADJECTIVE_MALE.test(lower)) {
    return part.slice(0, -2) + (grammaticalCase === 'dative' ? 'ему' : 'его');
  }
  if (gender !== 'female' && VELAR_ADJECTIVE_MALE.test(lower)) {
    return part.slice(0, -2) + (grammaticalCase === 'dative' ? 'ому' : 'ого');
  }
  if (gender !== 'male' && HUSHING_ADJECTIVE_FEMALE.test(lower)) {
    return part.slice(0, -2) + 'ей';
  }
  // Female surnames not ending in -а/-я never decline: `Шевчук`, `Гузь`, `Белых`, `Дурново`.
  if (gender === 'female' && !/[ая]$/.test(lower)) return part;
  return inclineLastname(part, grammaticalCase, gender);
}

/** The surname in the given case (hyphenated surnames part by part). */
export function declineSurname(last: string, gender: Gender | null, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative' || last === '' || isInitial(last)) return last;
  const parts = last.split('-');
  return parts
    .map((part, i) => {
      const lower = part.toLowerCase();
      const isLast = i === parts.length - 1;
      if (!isLast && (UNDECLINED_FIRST_PARTS.test(lower) || !DECLINABLE_FIRST_PART.test(lower))) return part;
      return declineSurnamePart(part, gender, grammaticalCase);
    })
    .join('-');
}

/** The first name in the given case. */
export function declineFirstName(first: string, gender: Gender | null, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative' || first === '' || isInitial(first)) return first;
  const known = firstNameGender(first);
  const g = gender ?? (known === 'male' || known === 'female' ? known : null);
  const lower = first.toLowerCase();
  // A vowel other than -а/-я (`Мари`, `Анри`, `Софи`): never declined.
  if (/[еёиоуыэю]$/.test(lower)) return first;
  if (g === 'female') {
    // `Айгюль` → `Айгюли`, `Любовь` → `Любови`; West European `Николь` stays.
    if (lower.endsWith('ь')) return isWesternFirstName(first) ? first : `${first.slice(0, -1)}и`;
    // `Джейн`, `Айгюн`, `Маргарет`: women's names in a consonant never decline.
    if (!/[ая]$/.test(lower)) return first;
  }
  const declined = inclineFirstname(first, grammaticalCase, g);
  return declined === first ? declineFirstNameInA(first, grammaticalCase) : declined;
}

/**
 * Names in -а/-я decline alike for both genders (`Женя` → `Жене`, `Лейла` → `Лейле`); lvovich leaves
 * some of them, or any of unknown gender, in the nominative.
 */
function declineFirstNameInA(first: string, grammaticalCase: 'genitive' | 'dative'): string {
  if (!/^[А-ЯЁ][а-яё]+[ая]$/.test(first)) return first;
  const stem = first.slice(0, -1);
  if (first.endsWith('ия')) return `${stem}и`;
  if (grammaticalCase === 'dative') return `${stem}е`;
  if (first.endsWith('я') || /[гкхжшчщ]$/.test(stem)) return `${stem}и`;
  return `${stem}ы`;
}

/** The patronymic in the given case; `Гейдар оглы` stays as it is (the father's name is a fixed form). */
export function declinePatronymic(middle: string, gender: Gender | null, grammaticalCase: GrammaticalCase): string {
  if (grammaticalCase === 'nominative' || middle === '' || isInitial(middle)) return middle;
  if (patronymicParticleGender(middle)) return middle;
  if (middle.includes(' ')) return middle;
  return inclineMiddlename(middle, grammaticalCase, gender);
}

interface DeclinedName {
  last: string;
  first: string;
  middle: string;
}

function declineParts(
  name: string | FullName,
  gender: Gender | null,
  grammaticalCase: GrammaticalCase,
): DeclinedName | null {
  const parsed = asFullName(name);
  if (!parsed) return null;
  const g = resolveGender(parsed, gender);
  return {
    last: declineSurname(parsed.last, g, grammaticalCase),
    first: declineFirstName(parsed.first, g, grammaticalCase),
    middle: declinePatronymic(parsed.middle, g, grammaticalCase),
  };
}

function joinWords(words: string[]): string {
  return words.filter((w) => w !== '').join(' ');
}

/** The full name in the given case, surname first: `Сидорову Ивану Петровичу`. '' for an empty name. */
export function declineName(name: string | FullName, gender: Gender | null, grammaticalCase: GrammaticalCase): string {
  const d = declineParts(name, gender, grammaticalCase);
  return d ? joinWords([d.last, d.first, d.middle]) : '';
}

/** First name and patronymic: `Ивану Петровичу`, `Иван Петрович`. */
export function firstAndMiddle(
  name: string | FullName,
  gender: Gender | null,
  grammaticalCase: GrammaticalCase = 'nominative',
): string {
  const d = declineParts(name, gender, grammaticalCase);
  return d ? joinWords([d.first, d.middle]) : '';
}

/** First name, patronymic, surname: `Ивану Петровичу Сидорову` (for running text). */
export function fullNameNatural(
  name: string | FullName,
  gender: Gender | null,
  grammaticalCase: GrammaticalCase = 'nominative',
): string {
  const d = declineParts(name, gender, grammaticalCase);
  return d ? joinWords([d.first, d.middle, d.last]) : '';
}

/** `Анна-Мария` → `А.-М.`, `Гейдар оглы` and `Гейдар-оглы` → `Г.`, `П.` → `П.`. */
function initialOf(word: string): string {
  if (word === '') return '';
  if (isInitial(word)) return word.toUpperCase();
  if (patronymicParticleGender(word)) return `${word.charAt(0).toUpperCase()}.`;
  const head = word.split(' ')[0] ?? word;
  return head
    .split('-')
    .filter((p) => p !== '')
    .map((p) => `${p.charAt(0).toUpperCase()}.`)
    .join('-');
}

/** Initials before the surname, bound with NBSP: `И.{NBSP}П.{NBSP}Сидорову`; `И.{NBSP}Сидорову` without patronymic. */
export function initialsSurname(
  name: string | FullName,
  gender: Gender | null,
  grammaticalCase: GrammaticalCase = 'nominative',
): string {
  const parsed = asFullName(name);
  if (!parsed) return '';
  const g = resolveGender(parsed, gender);
  const initials = [initialOf(parsed.first), initialOf(parsed.middle)].filter((s) => s !== '');
  const surname = declineSurname(parsed.last, g, grammaticalCase);
  return [...initials, surname].filter((s) => s !== '').join(NBSP);
}

/** The family's name in the genitive plural: `Ивановы` → `Ивановых`, `Толстые` → `Толстых`, `Ивановых` stays. */
function familyGenitive(word: string): string {
  if (/(ов|ев|ёв|ин|ын)ы$/.test(word)) return `${word}х`;
  if (/(ые|ие)$/.test(word)) return `${word.slice(0, -1)}х`;
  return word;
}

/**
 * The family's name in the genitive plural as written after «семья»: `Семья Ивановых` → `Ивановых`,
 * `Ивановы` → `Ивановых`, `Толстые` → `Толстых`. '' when the organisation does not name a family.
 */
export function familyName(organisation: string): string {
  const org = organisation.replace(/[\s\u00a0]+/g, ' ').trim();
  const prefixed = FAMILY_PREFIX.exec(org);
  if (prefixed) return familyGenitive(normaliseWord(prefixed[1] ?? ''));
  if (/^[А-ЯЁа-яё]+(-[А-ЯЁа-яё]+)?$/.test(org)) {
    const word = normaliseWord(org);
    if (/((ов|ев|ёв|ин|ын)ы|ые|ие|ых|их)$/.test(word)) return familyGenitive(word);
  }
  return '';
}

/** A partner is a family when its category is `Семья` or its name starts with «Семья». */
export function isFamily(category: string, organisation: string): boolean {
  return category.trim().toLowerCase() === 'семья' || FAMILY_PREFIX.test(organisation.trim());
}
