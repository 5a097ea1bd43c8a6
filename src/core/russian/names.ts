/**
 * Russian personal names: parsing `Фамилия Имя Отчество`, gender, declension.
 *
 * Declension goes through lvovich part by part with the gender we resolved ourselves (its
 * `incline()` re-detects gender and gets e.g. `Любовь` wrong), wrapped with fixes for its known misses.
 */
import {
  getFirstnameGender,
  getLastnameGender,
  inclineFirstname,
  inclineLastname,
  inclineMiddlename,
} from 'lvovich';
import { NBSP } from './typography';

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

/** First names lvovich gets wrong or does not know; checked before it. */
const FIRST_NAME_GENDER_FIXES: Readonly<Record<string, Gender>> = {
  любовь: 'female',
  рахиль: 'female',
  нинель: 'female',
  эсфирь: 'female',
  юдифь: 'female',
  руфь: 'female',
  айгуль: 'female',
  айгюн: 'female',
  алла: 'female',
  римма: 'female',
  ирма: 'female',
  лейла: 'female',
  севиль: 'female',
  добрыня: 'male',
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

/** Splits glued initials: `И.П.` → `И.`, `П.`. */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(' ')) {
    if (raw === '') continue;
    if (/^([А-ЯЁа-яёA-Za-z]\.){2,}$/.test(raw)) {
      for (const m of raw.match(/[А-ЯЁа-яёA-Za-z]\./g) ?? []) out.push(m);
    } else {
      out.push(raw);
    }
  }
  return out;
}

function looksLikePatronymic(word: string): boolean {
  return /(вич|вна|ична|инична|ьич|ич)$/i.test(word) && word.length > 4;
}

/**
 * Parses a full name written surname first (`Сидоров Иван Петрович`), normalising spaces and case.
 * Also accepts `Иван Петрович Сидоров`, `И. П. Сидоров`, `Сидоров И.П.`. Returns null for empty input.
 */
export function parseFullName(s: string): FullName | null {
  const cleaned = s.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').replace(/,/g, ' ').trim();
  const words = tokens(cleaned).map(normaliseWord);
  if (words.length === 0 || !words.some((w) => CYRILLIC_WORD.test(w) || /^[A-Za-z]/.test(w))) return null;
  const w = (i: number): string => words[i] ?? '';

  // Initials first: `И. П. Сидоров`, `И. Сидоров`.
  if (words.length >= 2 && isInitial(w(0)) && !isInitial(w(words.length - 1))) {
    const middle = words.length >= 3 && isInitial(w(1)) ? w(1) : '';
    return { first: w(0), middle, last: words.slice(middle ? 2 : 1).join(' ') };
  }
  // Natural order: `Иван Петрович Сидоров`.
  if (words.length === 3 && looksLikePatronymic(w(1)) && !looksLikePatronymic(w(2))) {
    return { first: w(0), middle: w(1), last: w(2) };
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
    const fixed = FIRST_NAME_GENDER_FIXES[parsed.first.toLowerCase()];
    if (fixed) return fixed;
    const byFirst = libraryGender(getFirstnameGender(parsed.first));
    if (byFirst) return byFirst;
  }
  if (parsed.last) {
    return libraryGender(getLastnameGender(parsed.last));
  }
  return null;
}

function resolveGender(parsed: FullName, gender: Gender | null): Gender | null {
  return gender ?? detectGender(parsed, null);
}

const HUSHING_ADJECTIVE_MALE = /[жшчщ]ий$/;
const HUSHING_ADJECTIVE_FEMALE = /[жшчщ]ая$/;

function declineSurnamePart(part: string, gender: Gender | null, grammaticalCase: 'genitive' | 'dative'): string {
  const lower = part.toLowerCase();
  // Adjectival surnames after a hushing consonant: lvovich says `Горячию`, `Осадчой`.
  if (gender !== 'female' && HUSHING_ADJECTIVE_MALE.test(lower)) {
    return part.slice(0, -2) + (grammaticalCase === 'dative' ? 'ему' : 'его');
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
  const g = gender ?? FIRST_NAME_GENDER_FIXES[first.toLowerCase()] ?? null;
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

/** `Анна-Мария` → `А.-М.`, `Гейдар оглы` → `Г.`, `П.` → `П.`. */
function initialOf(word: string): string {
  if (word === '') return '';
  if (isInitial(word)) return word.toUpperCase();
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

const FAMILY_PREFIX = /^семь[яиеюё]\s+(.+)$/i;

/**
 * The family's name in the genitive plural as written after «семья»: `Семья Ивановых` → `Ивановых`,
 * `Ивановы` → `Ивановых`. '' when the organisation does not name a family.
 */
export function familyName(organisation: string): string {
  const org = organisation.replace(/[\s\u00a0]+/g, ' ').trim();
  const prefixed = FAMILY_PREFIX.exec(org);
  if (prefixed) return normaliseWord(prefixed[1] ?? '');
  if (/^[А-ЯЁа-яё]+(-[А-ЯЁа-яё]+)?$/.test(org)) {
    const word = normaliseWord(org);
    if (/(ов|ев|ёв|ин|ын)ы$/.test(word)) return `${word}х`;
    if (/(ых|их)$/.test(word)) return word;
  }
  return '';
}

/** A partner is a family when its category is `Семья` or its name starts with «Семья». */
export function isFamily(category: string, organisation: string): boolean {
  return category.trim().toLowerCase() === 'семья' || FAMILY_PREFIX.test(organisation.trim());
}
