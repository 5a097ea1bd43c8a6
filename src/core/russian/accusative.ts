/**
 * The accusative of what an event is called in `Форма проведения` («праздник», «торжественная
 * линейка», «встреча с ветеранами»), for «приглашаем на …»: the head noun and the adjectives before
 * it change, whatever follows the noun stays. Event forms are inanimate, so masculine and neuter
 * words and plurals keep their nominative; feminine ones in -а/-я take -у/-ю, adjectives -ую/-юю.
 */

/** Adjective endings (nominative), by what they say about the phrase. */
const FEMININE_ADJECTIVE = /(ая|яя)$/;
const PLURAL_ADJECTIVE = /(ые|ие)$/;
const OTHER_ADJECTIVE = /(ый|ий|ой|ое|ее)$/;
/** Neuter plurals in -ния (соревнования, поздравления) and neuter nouns in -мя (время): unchanged. */
const UNCHANGED_NOUN = /((?:ен|ан|ован)ия|мя)$/;
/** Feminine nouns that only look like neuter plurals. */
const FEMININE_IN_NIYA = new Set(['кампания', 'компания']);

function feminineAccusative(word: string): string {
  if (/ая$/.test(word)) return `${word.slice(0, -2)}ую`;
  if (/яя$/.test(word)) return `${word.slice(0, -2)}юю`;
  return word;
}

function nounAccusative(word: string): string {
  const lower = word.toLowerCase();
  if (UNCHANGED_NOUN.test(lower) && !FEMININE_IN_NIYA.has(lower)) return word;
  if (/а$/.test(word)) return `${word.slice(0, -1)}у`;
  if (/я$/.test(word)) return `${word.slice(0, -1)}ю`;
  return word;
}

/** `торжественная линейка` → `торжественную линейку`; `праздник` → `праздник`; `встреча с ветеранами` → `встречу с ветеранами`. */
export function accusativePhrase(phrase: string): string {
  const words = phrase.trim().split(/(\s+)/);
  const out: string[] = [];
  let done = false;
  for (const word of words) {
    if (done || /^\s+$/.test(word) || !/[а-яё]/i.test(word)) {
      out.push(word);
      continue;
    }
    const lower = word.toLowerCase();
    // A plural phrase (праздничные мероприятия) or a neuter noun (чаепитие) reads the same in the accusative.
    if (PLURAL_ADJECTIVE.test(lower)) return phrase.trim();
    if (FEMININE_ADJECTIVE.test(lower)) out.push(feminineAccusative(word));
    else if (OTHER_ADJECTIVE.test(lower) && lower.length > 3) out.push(word);
    else {
      out.push(nounAccusative(word));
      done = true;
    }
  }
  return out.join('');
}
