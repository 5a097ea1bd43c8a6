/**
 * Job titles in the dative for the address block: `глава поселения` → `Главе поселения`.
 * Rule: decline the leading adjectives and the head noun, keep the rest (the genitive or
 * instrumental tail: `совета ветеранов`, `библиотекой`) as written.
 */
import { capitalize } from './typography';

/** Adjective-like words that are themselves the head (they govern what follows: `заведующий отделом`). */
const SUBSTANTIVE_HEADS = new Set([
  'заведующий',
  'заведующая',
  'управляющий',
  'управляющая',
  'исполняющий',
  'исполняющая',
  'командующий',
  'уполномоченный',
  'уполномоченная',
  'дежурный',
  'дежурная',
]);

/** Words after which an adjective is the head itself (`уполномоченный по правам ребёнка`). */
const PREPOSITIONS = new Set(['по', 'при', 'в', 'во', 'на', 'с', 'со', 'для', 'от', 'у', 'за', 'и']);

/** Leading adverbs kept as they are (`временно исполняющий обязанности`). */
const ADVERBS = new Set(['временно']);

const ADJECTIVE_ENDING = /(ый|ий|ой|ая|яя)$/;

function isAbbreviation(word: string): boolean {
  return /^(и\.\s*о\.|врио|вр\.\s*и\.\s*о\.)/i.test(word) || (word.length <= 5 && /^[А-ЯЁA-Z]{2,}$/.test(word));
}

function adjectiveDative(lower: string): string {
  const stem = lower.slice(0, -2);
  if (lower.endsWith('ый') || lower.endsWith('ой')) return `${stem}ому`;
  if (lower.endsWith('ий')) return /[гкх]$/.test(stem) ? `${stem}ому` : `${stem}ему`;
  if (lower.endsWith('ая')) return /[жшчщ]$/.test(stem) ? `${stem}ей` : `${stem}ой`;
  if (lower.endsWith('яя')) return `${stem}ей`;
  return lower;
}

function nounDative(lower: string): string {
  if (/[оеиуюэы]$/.test(lower)) return lower; // indeclinable, or already in the dative
  if (lower.endsWith('ия')) return `${lower.slice(0, -1)}и`;
  if (/[ая]$/.test(lower)) return `${lower.slice(0, -1)}е`;
  if (/[ьй]$/.test(lower)) return `${lower.slice(0, -1)}ю`;
  if (lower.endsWith('вец')) return `${lower.slice(0, -2)}цу`; // продавец → продавцу
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${lower}у`;
  return lower;
}

/** Puts a declined lower-case word back into the case style of the original. */
function restoreCase(original: string, declined: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return declined.toUpperCase();
  if (original.charAt(0) !== original.charAt(0).toLowerCase()) return capitalize(declined);
  return declined;
}

/**
 * The position in the dative, capitalised: `директор` → `Директору`,
 * `заведующая библиотекой` → `Заведующей библиотекой`, `главный врач` → `Главному врачу`.
 * '' stays ''.
 */
export function positionDative(position: string): string {
  const text = position.replace(/[\s\u00a0]+/g, ' ').trim();
  if (text === '') return '';
  if (isAbbreviation(text)) return capitalize(text);
  const words = text.split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < words.length && ADVERBS.has((words[i] ?? '').toLowerCase())) {
    out.push(words[i] ?? '');
    i++;
  }
  while (i < words.length) {
    const word = words[i] ?? '';
    const lower = word.toLowerCase();
    const next = (words[i + 1] ?? '').toLowerCase();
    if (!/^[а-яё-]+$/.test(lower) || isAbbreviation(word)) break; // `МБОУ`, `«СОШ`: tail begins
    if (ADJECTIVE_ENDING.test(lower)) {
      out.push(restoreCase(word, adjectiveDative(lower)));
      i++;
      if (SUBSTANTIVE_HEADS.has(lower) || next === '' || PREPOSITIONS.has(next)) break;
      continue;
    }
    out.push(restoreCase(word, nounDative(lower)));
    i++;
    break;
  }
  return capitalize([...out, ...words.slice(i)].join(' '));
}
