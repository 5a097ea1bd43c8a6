/**
 * A phrase staff type for «what was done» (`Что сделано`) as it reads as an item of a list after a
 * colon or a dash: «…мероприятия «День города»: финансовая поддержка праздничной программы».
 *
 * Why the nominative and not the accusative after «за»: putting an arbitrary noun phrase into the
 * accusative needs to know where its head ends and whether the head is animate («поддержка
 * праздника» → «поддержку праздника», but «концерта» in «подготовка праздника и концерта» must stay;
 * «волонтёры» → «волонтёров»), which needs a dictionary nobody ships for Apps Script. A list item
 * takes the nominative, the form a cell is naturally typed in, so every nominative phrase fits
 * without being changed. What is changed is only what is certain:
 *  - the first letter is put in lower case (a spreadsheet cell usually starts with a capital),
 *    unless the next word is capitalised too (a name: «Дед Мороз…»);
 *  - a final full stop, comma or semicolon is dropped (not the dot of «руб.», «г.», «т. д.»);
 *  - phrases typed in the accusative, as the program used to ask, are put back into the
 *    nominative where the accusative is unambiguous: feminine adjectives in -ую/-юю with their
 *    noun («финансовую поддержку» → «финансовая поддержка»), and a leading feminine noun in -у/-ю
 *    («встречу учащихся» → «встреча учащихся»; indeclinable «шоу», «меню» … stay).
 * `phraseIssues` names what would still read wrong, for «Проверить данные» to warn about.
 */

/** Why a phrase would still read wrong in the list of a letter. */
export type PhraseIssue =
  /** A whole sentence (or more): «Помогли с оформлением зала.», «Спасибо! Было здорово». */
  | 'sentence'
  /** Starts with a capital letter that was kept because a capitalised word follows («Дед Мороз»). */
  | 'capital'
  /** A word still in the accusative or genitive that could not be put back into the nominative. */
  | 'accusative';

const LETTER = /[а-яёa-z]/;
const UPPER = /^[А-ЯЁ]/;
const LOWER = /^[а-яё]/;

/** Indeclinable nouns ending in -у/-ю: the same in every case. */
const INDECLINABLE = new Set([
  'шоу', 'меню', 'интервью', 'рагу', 'ревю', 'фондю', 'барбекю', 'кешью', 'табу', 'кенгуру', 'гуру', 'иглу', 'какаду', 'тату', 'парвеню', 'дежавю', 'авеню', 'ниндзю',
]);

/** Prepositions that take the accusative: an accusative after them is right and stays. */
const ACCUSATIVE_PREPOSITIONS = new Set(['в', 'во', 'на', 'за', 'про', 'через', 'сквозь', 'под', 'подо', 'о', 'об', 'по', 'с', 'со']);

/** Nouns that look like a past-tense verb (-ла, -ли …) when they start a phrase. */
const NOUNS_LIKE_VERBS = new Set([
  'медали', 'детали', 'модели', 'качели', 'педали', 'мебели', 'недели', 'автомобили', 'стили', 'начало', 'правила', 'зеркала', 'покрывала',
  'одеяла', 'стела', 'стелы', 'шкала', 'скала', 'светила', 'удила', 'мотыли', 'ковыли', 'журавли', 'корабли', 'фонари',
  'масло', 'масла', 'весло', 'весла', 'кресло', 'кресла', 'число', 'числа', 'ремесло', 'ремесла', 'мысли', 'ясли', 'спектакли', 'стекло', 'стекла',
  'стёкла', 'русла', 'русло', 'тесла',
]);

/** Words that start a sentence, not a list item. */
const PRONOUNS = new Set(['я', 'мы', 'вы', 'он', 'она', 'оно', 'они', 'это', 'спасибо', 'благодарим', 'благодарю']);

/** Leading words in -ого/-его that are no accusative of a person. */
const NOT_ANIMATE_ACCUSATIVE = new Set(['много', 'немного', 'всего', 'его', 'ничего', 'сего', 'строго', 'долго', 'недорого', 'дорого']);

interface Word {
  text: string;
  start: number;
}

function words(s: string): Word[] {
  const out: Word[] = [];
  const re = /[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push({ text: m[0], start: m.index });
  return out;
}

/** The last part of a hyphenated word: «шоу-программу» → «программу». */
const lastPart = (w: string) => w.slice(w.lastIndexOf('-') + 1);

/** A word in lower case (an abbreviation such as «МБОУ» or a name is never changed). */
const isCommonWord = (w: string) => /^[а-яё]+(?:-[а-яё]+)*$/.test(w);

function isAccusativeAdjective(w: string): boolean {
  return isCommonWord(w) && w.length >= 5 && /(?:ую|юю)$/.test(w);
}

/** A feminine noun in the accusative: -у, -ю (from -а, -я) or -ь (same as the nominative). */
function isFeminineAccusativeNoun(w: string): boolean {
  const part = lastPart(w);
  return isCommonWord(w) && part.length >= 3 && /[уюь]$/.test(part) && !INDECLINABLE.has(part) && !isAccusativeAdjective(part);
}

/** -у → -а, -ю → -я on the last part; -ь stays. */
function nominativeNoun(w: string): string {
  if (INDECLINABLE.has(lastPart(w).toLowerCase())) return w;
  return w.replace(/у$/, 'а').replace(/ю$/, 'я');
}

const nominativeAdjective = (w: string) => w.replace(/ую$/, 'ая').replace(/юю$/, 'яя');

/** The word before position `i` in `ws`, lower case, or '' (a sentence start or punctuation in between). */
function previousWord(s: string, ws: Word[], i: number): string {
  if (i === 0) return '';
  const between = s.slice(ws[i - 1].start + ws[i - 1].text.length, ws[i].start);
  return /^\s+$/.test(between) ? ws[i - 1].text.toLowerCase() : '';
}

/** Puts the unambiguous accusatives back into the nominative (see the module comment). */
function toNominative(s: string): string {
  const ws = words(s);
  const replace = new Map<number, string>();
  for (let i = 0; i < ws.length; i++) {
    if (!isAccusativeAdjective(ws[i].text) || ACCUSATIVE_PREPOSITIONS.has(previousWord(s, ws, i))) continue;
    // A run of adjectives («праздничную новогоднюю», «праздничную и новогоднюю»), then their noun.
    let j = i;
    const run: number[] = [];
    while (j < ws.length && (isAccusativeAdjective(ws[j].text) || (ws[j].text === 'и' && run.length > 0 && j + 1 < ws.length && isAccusativeAdjective(ws[j + 1].text)))) {
      if (ws[j].text !== 'и') run.push(j);
      j++;
    }
    if (j < ws.length && isFeminineAccusativeNoun(ws[j].text)) {
      for (const k of run) replace.set(k, nominativeAdjective(ws[k].text));
      replace.set(j, nominativeNoun(ws[j].text));
    }
    i = j;
  }
  // A leading feminine noun in the accusative, without an adjective: «встречу учащихся».
  if (ws.length > 0 && ws[0].start === 0 && !replace.has(0)) {
    const first = ws[0].text;
    if (/[ую]$/.test(first) && lastPart(first).length >= 4 && isFeminineAccusativeNoun(first)) replace.set(0, nominativeNoun(first));
  }
  let out = s;
  for (const [k, text] of [...replace.entries()].sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, ws[k].start) + text + out.slice(ws[k].start + ws[k].text.length);
  }
  return out;
}

/** Drops a final `.`, `,` or `;`, keeping the dot of an abbreviation (`руб.`, `г.`, `т. д.`). */
function dropFinalStop(s: string): string {
  let out = s.replace(/[\s,;]+$/, '');
  const m = /([А-Яа-яЁёA-Za-z]*)\.+$/.exec(out);
  if (m && m[1].length >= 4) out = out.slice(0, m.index + m[1].length);
  return out.replace(/[\s,;]+$/, '');
}

/** Lower-cases the first letter of an ordinary word; a name or an abbreviation keeps its capital. */
function lowerFirst(s: string): string {
  const ws = words(s);
  if (ws.length === 0 || ws[0].start !== 0 || !UPPER.test(s) || !LOWER.test(s.charAt(1))) return s;
  // «Дед Мороз и Снегурочка»: the capitals belong together.
  if (ws.length > 1 && UPPER.test(ws[1].text) && previousWord(s, ws, 1) !== '') return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The phrase as it goes into the list of a letter (see the module comment). */
export function listItemPhrase(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s === '' || phraseIssues(s).includes('sentence')) return s;
  return toNominative(lowerFirst(dropFinalStop(s)));
}

function looksLikePastVerb(w: string): boolean {
  const lower = w.toLowerCase();
  // «провели», «организовала»; «помогли», «привезли», «принесли» (-чь, -зти, -сти verbs).
  return lower.length >= 5 && /(?:[аеиоуыяё]|[гкзс])(?:л|ла|ло|ли)(?:сь)?$/.test(lower) && !NOUNS_LIKE_VERBS.has(lower);
}

/** What would still read wrong after `listItemPhrase`, in the order found. */
export function phraseIssues(text: string): PhraseIssue[] {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s === '') return [];
  const issues: PhraseIssue[] = [];
  const ws = words(s);
  const first = ws.length > 0 && ws[0].start === 0 ? ws[0].text.toLowerCase() : '';
  // A sentence ends inside (not after an abbreviation such as «г.» or «ул.»), or the text is exclaimed, asked, or has a subject.
  const inner = /([А-Яа-яЁёA-Za-z]*)[.!?…]+\s+(?=[А-ЯЁA-Z])/g;
  let boundary = false;
  for (let m = inner.exec(s); m !== null; m = inner.exec(s)) if (m[1].length >= 4 || /[!?…]/.test(m[0])) boundary = true;
  if (boundary || /[!?]$/.test(s) || PRONOUNS.has(first) || (first !== '' && looksLikePastVerb(first))) issues.push('sentence');
  else {
    const shaped = lowerFirst(dropFinalStop(s));
    if (UPPER.test(shaped) && LOWER.test(shaped.charAt(1)) && LETTER.test(shaped.charAt(1))) issues.push('capital');
    const nominative = toNominative(shaped);
    const left = words(nominative);
    const stuck = left.some((w, i) => isAccusativeAdjective(w.text) && !ACCUSATIVE_PREPOSITIONS.has(previousWord(nominative, left, i)));
    const person = left.length > 0 && left[0].start === 0 && /(?:ого|его)$/.test(left[0].text.toLowerCase()) && !NOT_ANIMATE_ACCUSATIVE.has(left[0].text.toLowerCase());
    // «участие ветеранов и встречу с учащимися»: after «и» an -у/-ю noun is most likely an accusative left over.
    const afterAnd = left.some((w, i) => i > 0 && previousWord(nominative, left, i) === 'и' && /[ую]$/.test(w.text) && lastPart(w.text).length >= 5 && isFeminineAccusativeNoun(w.text));
    if (stuck || person || afterAnd) issues.push('accusative');
  }
  return issues;
}
