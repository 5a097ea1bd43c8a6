/**
 * Numbers and money the Russian way, without `Intl`: groups of three split by NBSP, decimal comma,
 * `5{NBSP}000,50{NBSP}руб.`. Rounding matches `Intl.NumberFormat('ru')` (half away from zero on the
 * shortest decimal form of the number).
 */
import { NBSP } from './typography';

export interface NumberFormatOptions {
  /** Default 0. */
  minimumFractionDigits?: number;
  /** Default 3, like `Intl.NumberFormat`. */
  maximumFractionDigits?: number;
}

/** Plain decimal digits of a non-negative finite number: `1e+21` → `1000000000000000000000`. */
function decimalDigits(abs: number): { int: string; frac: string } {
  const s = String(abs);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return { int: '0', frac: '' };
  let digits = (m[1] ?? '') + (m[2] ?? '');
  let point = (m[1] ?? '').length + Number(m[3] ?? '0');
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  return { int, frac: digits.slice(point) };
}

/** Adds one to a string of decimal digits. */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

function groupThousands(int: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += NBSP;
    out += int.charAt(i);
  }
  return out;
}

/** `12345.6` → `12{NBSP}345,6`; up to three fraction digits by default. NaN/Infinity → ''. */
export function formatNumber(n: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return '';
  const maxFrac = options.maximumFractionDigits ?? 3;
  const minFrac = Math.min(options.minimumFractionDigits ?? 0, maxFrac);
  let { int, frac } = decimalDigits(Math.abs(n));
  if (frac.length > maxFrac) {
    const roundUp = Number(frac.charAt(maxFrac)) >= 5;
    const kept = int + frac.slice(0, maxFrac);
    const rounded = roundUp ? incrementDigits(kept) : kept;
    int = rounded.slice(0, rounded.length - maxFrac) || '0';
    frac = rounded.slice(rounded.length - maxFrac);
  }
  frac = frac.replace(/0+$/, '');
  while (frac.length < minFrac) frac += '0';
  const isZero = /^0*$/.test(int) && /^0*$/.test(frac);
  const sign = n < 0 && !isZero ? '-' : '';
  return sign + groupThousands(int) + (frac ? `,${frac}` : '');
}

/** `5000` → `5{NBSP}000{NBSP}руб.`, `5000.5` → `5{NBSP}000,50{NBSP}руб.` (kopecks only when not whole). */
export function formatMoney(n: number): string {
  const withKopecks = formatNumber(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (withKopecks === '') return '';
  const text = withKopecks.endsWith(',00') ? withKopecks.slice(0, -3) : withKopecks;
  return `${text}${NBSP}руб.`;
}

const CURRENCY = '(?:руб(?:л(?:ей|я|ь))?\\.?|р\\.?|₽|rub\\.?)';

function parsePlainNumber(text: string): number | null {
  const t = text.trim();
  const grouped = /^-?\d{1,3}(?: \d{3})+(?:[,.]\d+)?$/.test(t);
  const plain = /^-?\d+(?:[,.]\d+)?$/.test(t);
  if (!grouped && !plain) return null;
  const value = Number(t.replace(/ /g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads an amount typed as text: `5 000,50 руб.`, `5000.5`, `5 000 р.`, `5 000 ₽`,
 * `5 000 руб. 50 коп.`. A comma is always the decimal separator. Null when it is not an amount.
 */
export function parseMoneyText(s: string): number | null {
  const text = s
    .replace(/[\s\u00a0\u2009\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
  if (text === '') return null;
  const withKopecks = new RegExp(`^(.+?)\\s*${CURRENCY}\\s*(\\d{1,2})\\s*коп(?:еек|ейки|ейка|\\.)?$`).exec(text);
  if (withKopecks) {
    const rubles = parsePlainNumber(withKopecks[1] ?? '');
    if (rubles === null || !Number.isInteger(rubles)) return null;
    const kopecks = Number(withKopecks[2]) / 100;
    return rubles < 0 ? rubles - kopecks : rubles + kopecks;
  }
  const bare = text.replace(new RegExp(`\\s*${CURRENCY}$`), '');
  return parsePlainNumber(bare);
}
