import fc from 'fast-check';
import { NBSP } from '../../../src/core/russian';
import { NB_HYPHEN, typeset, typesetValues } from '../../../src/core/russian/typeset';

/** NBSP shown as `_` and the non-breaking hyphen as `‑` in the fixtures below. */
const show = (s: string): string => s.replace(/\u00a0/g, '_').replace(/\u2011/g, '‑');
/** Runs of letters and runs of digits: `5руб.` → `5`, `руб` (a space may come between a number and its unit). */
const words = (s: string): string[] => s.match(/\p{L}+|\p{N}+/gu) ?? [];
const nbspCount = (s: string): number => (s.match(/\u00a0/g) ?? []).length;

describe('typeset', () => {
  it.each([
    ['МБОУ СОШ № 5', 'МБОУ СОШ №_5'],
    ['СОШ №20', 'СОШ №_20'],
    ['Муниципальное учреждение «Детско-юношеский центр «Ровесник»', 'Муниципальное учреждение «Детско‑юношеский центр „Ровесник“»'],
    ['МБУ "ДЮЦ "Ровесник""', 'МБУ «ДЮЦ „Ровесник“»'],
    ['«Детство «Солнышко»» и «Заря»', '«Детство „Солнышко“» и «Заря»'],
    ['МБУК «Дом культуры «Юность», РДДМ «Движение первых»', 'МБУК «Дом культуры „Юность“», РДДМ «Движение первых»'],
    ['«Лицей «Школа «Радуга»', '«Лицей „Школа «Радуга»“»'],
    ['«Открыто', '«Открыто'],
    ['тел. +7 (423) 123-45-67', 'тел. +7_(423)_123‑45‑67'],
    ['8 (42331) 2-15-67', '8_(42331)_2‑15‑67'],
    ['5 000 руб.', '5_000_руб.'],
    ['1 200 000 ₽', '1_200_000_₽'],
    ['27 ноября 2026 г.', '27_ноября 2026_г.'],
    ['г. Владивосток, ул. Ленина, д. 5', 'г._Владивосток, ул._Ленина, д._5'],
    ['Директору И.П. Сидорову', 'Директору И._П._Сидорову'],
    ['Сидоров И. П.', 'Сидоров_И._П.'],
    ['охват - 120 человек', 'охват_— 120 человек'],
    ['Общая сумма — 5 000 руб.', 'Общая сумма_— 5_000_руб.'],
    ['Римский-Корсаков и Анна-Мария', 'Римский‑Корсаков и Анна‑Мария'],
    ['программно-методический', 'программно-методический'],
    ['В 2025-2026 годах, 2025/2026 учебный год, 1-6 классы', 'В 2025-2026 годах, 2025/2026 учебный год, 1-6 классы'],
    ['ИНН 2536123456, 27.11.2026, 15:00-17:00', 'ИНН 2536123456, 27.11.2026, 15:00-17:00'],
    ['1/2 ставки, 10 x 5, (c) 2026, =SUM(A1)', '1/2 ставки, 10 x 5, (c) 2026, =SUM(A1)'],
    ['A &amp; B <b>x</b> $1 {{x}} &nbsp; &#1;', 'A &amp; B <b>x</b> $1 {{x}} &nbsp; &#1;'],
    ['Директору ООО «Рыбозавод»\nИ. П. Сидорову', 'Директору ООО_«Рыбозавод»\nИ._П._Сидорову'],
    ['', ''],
    ['  ', '  '],
  ])('%j', (input, expected) => {
    expect(show(typeset(input))).toBe(show(expected));
  });

  it('uses the plain NBSP and the non-breaking hyphen', () => {
    expect(typeset('№ 5')).toBe(`№${NBSP}5`);
    expect(typeset('Анна-Мария')).toBe(`Анна${NB_HYPHEN}Мария`);
  });

  it('passes every value of a record', () => {
    expect(typesetValues({ a: 'СОШ № 5', b: 'x - y' })).toEqual({ a: `СОШ №${NBSP}5`, b: `x${NBSP}— y` });
  });
});

/** Pieces of real letters, glued at random: names, numbers, abbreviations, quotes, markup-like text. */
const PIECES = [
  'Сидоров', 'Иван', 'И.', 'П.', 'И.П.', 'Римский-Корсаков', 'Детско-юношеский', 'центр', 'МБОУ', 'СОШ', '№', '5', '20', '000',
  'руб.', '₽', 'г.', '2026', 'ул.', 'Ленина', 'д.', '+7', '(423)', '123-45-67', '2-15-67', '-', '—', '–', '"', '«', '»', '„', '“',
  '&', '&amp;', '&nbsp;', '<b>', '</b>', '$1', '{{x}}', '=SUM(A1)', '1/2', '(c)', '...', '!', '?', ',', '.', ':', ';', 'т.', 'д.',
  'ООО', 'ноября', 'и', 'в', 'ёлка', 'Ё', 'x', 'Smith', '10', '%', '\u202f', '\u2009',
];
const SEPARATORS = [' ', '', '\n', NBSP, '  '];
const piecesText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 24 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));
const anyText = fc.oneof(piecesText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('typeset, properties', () => {
  it('keeps every word, in order', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(words(typeset(s))).toEqual(words(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('never loses a non-breaking space, a line break or a character other than spaces, hyphens and quotes', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = typeset(s);
        expect(nbspCount(out)).toBeGreaterThanOrEqual(nbspCount(s.replace(/\r\n?/g, '\n')));
        expect((out.match(/\n/g) ?? []).length).toBe((s.replace(/\r\n?/g, '\n').match(/\n/g) ?? []).length);
        const kept = (t: string) => t.replace(/[\s\u00a0\u202f\u2009"«»„“\-\u2011—–]/g, '');
        expect(kept(out)).toBe(kept(s.replace(/\r\n?/g, '\n')));
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = typeset(s);
        expect(typeset(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  const context = fc.constantFrom('', 'Директору ', 'Приглашаем: ', 'Тел. ', '(', '«');
  const after = fc.constantFrom('', '.', ',', ' и далее', ')', '»');

  it('gains an NBSP after №, before г., in amounts and before a dash', () => {
    fc.assert(
      fc.property(context, fc.integer({ min: 1, max: 999 }), after, (before, n, tail) => {
        expect(typeset(`${before}СОШ № ${n}${tail}`)).toContain(`№${NBSP}${n}`);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), after, (year, tail) => {
        expect(typeset(`в ${year} г.${tail}`)).toContain(`${year}${NBSP}г.`);
      }),
    );
    fc.assert(
      fc.property(context, fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }), (before, lead, groups) => {
        const digits = [String(lead), ...groups.map((g) => String(g).padStart(3, '0'))];
        expect(typeset(`${before}${digits.join(' ')} руб.`)).toContain(`${digits.join(NBSP)}${NBSP}руб.`);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('Охват', 'Сумма', 'Итог'), fc.constantFrom('-', '—', '–'), (word, dash) => {
        expect(typeset(`${word} ${dash} 120 человек`)).toContain(`${word}${NBSP}— 120`);
      }),
    );
  });

  it('gains NBSPs in initials and phone numbers, and keeps hyphenated names whole', () => {
    const capital = fc.constantFrom(...'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ'.split(''));
    const surname = fc.constantFrom('Сидоров', 'Иванова', 'Римский-Корсаков', 'Осадчей', 'Ким');
    fc.assert(
      fc.property(context, capital, capital, surname, (before, a, b, last) => {
        const out = typeset(`${before}${a}. ${b}. ${last}`);
        expect(out).toContain(`${a}.${NBSP}${b}.${NBSP}${last.replace(/-/g, NB_HYPHEN)}`);
      }),
    );
    const part = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    fc.assert(
      fc.property(context, part(3), part(3), part(2), part(2), (before, code, a, b, c) => {
        const out = typeset(`${before}+7 (${code}) ${a}-${b}-${c}`);
        expect(out).toContain(`+7${NBSP}(${code})${NBSP}${a}${NB_HYPHEN}${b}${NB_HYPHEN}${c}`);
      }),
    );
    fc.assert(
      fc.property(context, fc.constantFrom('Анна-Мария', 'Римский-Корсаков', 'Бонч-Бруевич', 'Рашид Гейдар-оглы', 'Ростов-на-Дону'), after, (before, name, tail) => {
        expect(typeset(`${before}${name}${tail}`)).toContain(name.replace(/-/g, NB_HYPHEN));
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom('Детско-юношеский центр', 'Военно-патриотический клуб', 'Эколого-биологический центр'), (name) => {
        expect(typeset(`МБУ ДО «${name} «Ровесник»`)).toContain(`«${name.replace(/-/g, NB_HYPHEN)} „Ровесник“»`);
      }),
    );
    // A compound that only starts a sentence is no name: a line may still end at its hyphen.
    expect(typeset('Программно-методические ресурсы')).toBe('Программно-методические ресурсы');
  });
});
