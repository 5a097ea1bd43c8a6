/**
 * Whether a text typed where a person's name belongs (`Контактное лицо`) names an organisation or a
 * group instead: `СОШ № 5`, `МБОУ «Лицей»`, `Администрация Октябрьского района`, `Совет ветеранов`,
 * `Иванов И. И., Петрова А. А.`. Such a text is left as written: never parsed into a surname and
 * initials, never declined, never greeted as one person.
 *
 * The signs: quotes, `№`, digits, an abbreviation that names a kind of organisation (`МБОУ`, `СОШ`,
 * `ДК`, any capital word in -У such as `МБДОУ`; a surname in capitals, `ИВАНОВ Иван`, is no sign), a
 * word that names a body (`администрация`, `совет`, `отдел`, `управление` …), or two names listed
 * together.
 */

/** Words that name an organisation, a body or a group, in any case form they start with. */
const BODY_WORDS = [
  'администрац', 'ансамбл', 'ассоциац', 'библиотек', 'больниц', 'бухгалтер', 'гимнази', 'движени', 'департамент',
  'дирекци', 'дружин', 'дума', 'завод', 'канцеляри', 'клуб', 'колледж', 'коллектив', 'комбинат', 'комисси',
  'комитет', 'компани', 'лицей', 'магазин', 'министерств', 'музей', 'объединени', 'обществ', 'организаци',
  'отдел', 'отряд', 'поликлиник', 'предприяти', 'правлени', 'прокуратур', 'редакци', 'родительск', 'родител',
  'сельсовет', 'секретариат', 'служб', 'совет', 'союз', 'театр', 'университет', 'управлени', 'учреждени',
  'фабрик', 'филиал', 'фонд', 'хозяйств', 'центр', 'церков', 'храм', 'школ',
];

/** Short words that are a body only as a whole word (`Дом культуры`, not `Домбровский`). */
const BODY_WHOLE_WORDS = new Set(['дом', 'сад', 'хор', 'цех', 'банк', 'часть', 'кафе', 'почта', 'приход', 'штаб', 'партия']);

/** Surnames that start like a body word: `Советов`, `Клубникин`, `Школьников`, `Храмов`, `Думанский`. */
const PERSON_LIKE = /^(совет(ов|ова|ский|ская)|клубни|школьн|храмо|думан|центров|фондер|театров|музейн)/;

const QUOTES_OR_NUMBER = /[«»"„“№#\d]/;

function bodyWord(word: string): boolean {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (BODY_WHOLE_WORDS.has(w)) return true;
  if (PERSON_LIKE.test(w)) return false;
  return BODY_WORDS.some((stem) => w.startsWith(stem));
}

/** Abbreviations of kinds of organisations (the ones in -У, `МБОУ`, `ГКУ`, are recognised by shape). */
const ABBREVIATIONS = new Set([
  'ао', 'ано', 'вои', 'вог', 'вос', 'гибдд', 'го', 'дддт', 'ддт', 'дк', 'дмш', 'днд', 'дхш', 'дши', 'дюсш', 'дюц',
  'зао', 'ип', 'кдн', 'кфх', 'кцсон', 'мвд', 'мо', 'моо', 'мр', 'мчс', 'нко', 'нош', 'оао', 'омвд', 'оо', 'ооо',
  'оош', 'осзн', 'пао', 'пдн', 'рдш', 'роо', 'сдк', 'снт', 'сош', 'сп', 'спк', 'срцн', 'тос', 'тсж', 'уо', 'усзн',
  'фап', 'фок', 'цбс', 'цгб', 'цдт', 'цзн', 'цкс', 'црб', 'цсон', 'юид',
]);

/** An abbreviation of a kind of organisation: `МБОУ`, `СОШ`, `ДК`, `МБДОУ`; not a surname in capitals. */
function abbreviation(word: string): boolean {
  if (!/^[А-ЯЁ]{2,}$/.test(word)) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || /^[А-ЯЁ]{1,5}У$/.test(word);
}

/** Two or more names listed in one cell: `Иванов И. И., Петрова А. А.`, `Ивановы Анна и Пётр`. */
function severalPeople(text: string): boolean {
  const parts = text.split(/[;,]|\s+и\s+/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length >= 2 && parts.filter((p) => p.split(/\s+/).length >= 2).length >= 2;
}

/** Whether the contact text names an organisation or a group rather than one person. */
export function isOrganisationName(text: string): boolean {
  const t = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (t === '') return false;
  if (QUOTES_OR_NUMBER.test(t)) return true;
  const words = t.split(' ').map((w) => w.replace(/^[(]+|[),.;:]+$/g, ''));
  if (words.some(abbreviation)) return true;
  if (words.some(bodyWord)) return true;
  return severalPeople(t);
}
