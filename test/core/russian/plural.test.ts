import fc from 'fast-check';
import { NBSP, countWith, pluralForm, type PluralForms } from '../../../src/core/russian';

const EVENTS: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];
const FORMS: PluralForms = ['one', 'few', 'many'];
const rules = new Intl.PluralRules('ru');

/** Intl's category, with fractions (`other`) read as `few` as Russian grammar wants. */
function oracle(n: number): string {
  const category = rules.select(n);
  return category === 'other' ? 'few' : category;
}

describe('pluralForm', () => {
  it('matches Intl.PluralRules for 0…250 and their negatives', () => {
    for (let n = 0; n <= 250; n++) {
      expect(pluralForm(n, FORMS)).toBe(oracle(n));
      expect(pluralForm(-n, FORMS)).toBe(oracle(n));
    }
  });
  it('matches Intl for large numbers up to 1e9', () => {
    for (const n of [1000, 1001, 1002, 1011, 1012, 1021, 1_000_000, 999_999_999, 1_000_000_000, 1_000_000_001, 1_000_000_011, 1_000_000_022]) {
      expect(pluralForm(n, FORMS)).toBe(oracle(n));
    }
  });
  it('is total over all integers and agrees with Intl', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(pluralForm(n, FORMS)).toBe(oracle(Math.abs(n)));
      }),
      { numRuns: 5000 },
    );
  });
  it('uses the few form for fractions', () => {
    expect(pluralForm(1.5, EVENTS)).toBe('мероприятия');
    expect(pluralForm(0.5, EVENTS)).toBe('мероприятия');
    expect(pluralForm(21.25, EVENTS)).toBe('мероприятия');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)), (x) => {
        expect(pluralForm(x, FORMS)).toBe('few');
      }),
    );
  });
  it('gives the many form for non-finite numbers', () => {
    expect(pluralForm(Number.NaN, EVENTS)).toBe('мероприятий');
    expect(pluralForm(Infinity, EVENTS)).toBe('мероприятий');
  });
  it('declines the words', () => {
    expect(pluralForm(1, EVENTS)).toBe('мероприятие');
    expect(pluralForm(3, EVENTS)).toBe('мероприятия');
    expect(pluralForm(11, EVENTS)).toBe('мероприятий');
    expect(pluralForm(111, EVENTS)).toBe('мероприятий');
    expect(pluralForm(101, EVENTS)).toBe('мероприятие');
  });
});

describe('countWith', () => {
  it('binds the number to the word with NBSP', () => {
    expect(countWith(5, EVENTS)).toBe(`5${NBSP}мероприятий`);
    expect(countWith(1, EVENTS)).toBe(`1${NBSP}мероприятие`);
    expect(countWith(22, EVENTS)).toBe(`22${NBSP}мероприятия`);
    expect(countWith(12345, ['человек', 'человека', 'человек'])).toBe(`12${NBSP}345${NBSP}человек`);
    expect(countWith(1.5, EVENTS)).toBe(`1,5${NBSP}мероприятия`);
    expect(countWith(-21, EVENTS)).toBe(`-21${NBSP}мероприятие`);
  });
  it('agrees with the number it prints', () => {
    expect(countWith(1.0001, EVENTS)).toBe(`1${NBSP}мероприятие`);
  });
});
