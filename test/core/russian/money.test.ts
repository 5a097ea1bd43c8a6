import fc from 'fast-check';
import { NBSP, formatMoney, formatNumber, parseMoneyText } from '../../../src/core/russian';

const intlRu = new Intl.NumberFormat('ru');

describe('formatNumber', () => {
  it('matches Intl.NumberFormat("ru") for many fixed values', () => {
    const values = [
      0, 1, 7, 12, 123, 999, 1000, 1234, 9999, 10000, 12345, 100000, 123456, 999999, 1000000, 1234567,
      12345678, 123456789, 1234567890, 2 ** 53, 1e21, 1.5, 0.5, 0.25, 0.125, 0.1 + 0.2, 1.0005, 2.0015, 12345.6789,
      1234.5, 99.999, 999.9995, 0.0005, 1e-7, 123.456, -1, -1234, -12345.678, -0.5, 5000.5,
    ];
    for (const n of values) expect(formatNumber(n)).toBe(intlRu.format(n));
  });
  it('matches Intl for random integers and decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), (n) => {
        const expected = intlRu.format(n);
        fc.pre(expected !== '-0'); // we print 0, never a signed zero
        expect(formatNumber(n)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
  it('groups with NBSP and uses a decimal comma', () => {
    expect(formatNumber(12345)).toBe(`12${NBSP}345`);
    expect(formatNumber(1234567.5)).toBe(`1${NBSP}234${NBSP}567,5`);
  });
  it('never prints a signed zero', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.0001)).toBe('0');
  });
  it('honours fraction digit options', () => {
    expect(formatNumber(5, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('5,00');
    expect(formatNumber(0.125, { maximumFractionDigits: 2 })).toBe('0,13');
    expect(formatNumber(9.995, { maximumFractionDigits: 2 })).toBe('10');
    expect(formatNumber(1234.5, { maximumFractionDigits: 0 })).toBe(`1${NBSP}235`);
  });
  it('gives an empty string for non-finite numbers', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });
});

describe('formatMoney', () => {
  it('prints whole roubles without kopecks', () => {
    expect(formatMoney(5000)).toBe(`5${NBSP}000${NBSP}руб.`);
    expect(formatMoney(0)).toBe(`0${NBSP}руб.`);
    expect(formatMoney(1234567)).toBe(`1${NBSP}234${NBSP}567${NBSP}руб.`);
    expect(formatMoney(4999.999)).toBe(`5${NBSP}000${NBSP}руб.`);
  });
  it('prints kopecks when not whole', () => {
    expect(formatMoney(5000.5)).toBe(`5${NBSP}000,50${NBSP}руб.`);
    expect(formatMoney(0.05)).toBe(`0,05${NBSP}руб.`);
    expect(formatMoney(10.1)).toBe(`10,10${NBSP}руб.`);
  });
  it('round-trips through parseMoneyText for any amount in kopecks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (kopecks) => {
        expect(parseMoneyText(formatMoney(kopecks / 100))).toBeCloseTo(kopecks / 100, 2);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseMoneyText', () => {
  it.each([
    ['5 000,50 руб.', 5000.5],
    ['5\u00a0000,50\u00a0руб.', 5000.5],
    ['5000', 5000],
    ['5000.5', 5000.5],
    ['5 000 р.', 5000],
    ['5 000 ₽', 5000],
    ['5 000 рублей', 5000],
    ['5 000 руб. 50 коп.', 5000.5],
    ['5000 руб 5 коп', 5000.05],
    ['1 234 567,89', 1234567.89],
    ['0', 0],
    ['-150', -150],
  ])('reads %j', (text, expected) => {
    expect(parseMoneyText(text)).toBeCloseTo(expected, 5);
  });
  it.each(['', 'пять тысяч', '5 00', '5.000,50', '12 3456', 'руб.', '1,2,3'])('rejects %j', (text) => {
    expect(parseMoneyText(text)).toBeNull();
  });
});
