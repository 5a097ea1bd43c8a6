/** Russian plural forms: `1 мероприятие`, `3 мероприятия`, `5 мероприятий`, `1,5 мероприятия`. */
import { formatNumber } from './money';
import { NBSP } from './typography';

/** `[one, few, many]`: `['мероприятие', 'мероприятия', 'мероприятий']`. */
export type PluralForms = readonly [string, string, string];

/**
 * The form for n: one for 1, 21, 101…; few for 2–4, 22–24…; many for 0, 5–20, 25–30…;
 * fractions take `few` (`1,5 мероприятия`); negatives count like their absolute value.
 */
export function pluralForm(n: number, forms: PluralForms): string {
  const [one, few, many] = forms;
  if (!Number.isFinite(n)) return many;
  if (!Number.isInteger(n)) return few;
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** `5{NBSP}мероприятий`, `12{NBSP}345{NBSP}человек`, `1,5{NBSP}мероприятия`. */
export function countWith(n: number, forms: PluralForms): string {
  const number = formatNumber(n);
  // Decide on what is printed: 1.0001 prints as `1`, so it reads `1 мероприятие`.
  const shown = number.includes(',') ? n : Math.round(n);
  return `${number}${NBSP}${pluralForm(shown, forms)}`;
}
