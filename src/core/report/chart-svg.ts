/**
 * A small, deterministic bar/column chart as SVG text. Pure: the same spec always gives the same
 * string, so regenerating a report gives the same document. Text widths are estimated (no font
 * metrics are available here); the estimates are on the generous side so labels do not collide.
 */
import type { ChartSpec } from '../../ports';
import { DOC_MSG } from '../../messages/documents';

export interface ChartSvgOptions {
  /** Pixels; default 800. */
  width?: number;
  /** Pixels; default 450 for columns, grows with the number of bars for horizontal bars. */
  height?: number;
  /** `columns` (vertical), `bars` (horizontal) or `auto` (bars when category labels are long). Default `auto`. */
  orientation?: 'auto' | 'columns' | 'bars';
  /** Default: Liberation Sans, DejaVu Sans, Arial, sans-serif. */
  fontFamily?: string;
  /** Bar colour, default `#4472C4`. */
  color?: string;
}

export const CHART_FONT_FAMILY = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";

const FONT = 13;
const TITLE_FONT = 17;
const LINE = 1.25;
const MAX_LABEL_LINES = 3;

/** Escapes text for SVG content and attribute values; drops characters XML does not allow. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `15000.5` → `15 000,5` (no-break space between thousands, decimal comma, at most 2 decimals). */
export function formatChartNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const negative = value < 0;
  const cents = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  let digits = String(whole);
  const groups: string[] = [];
  if (whole >= 1000) {
    while (digits.length > 3) {
      groups.unshift(digits.slice(-3));
      digits = digits.slice(0, -3);
    }
  }
  groups.unshift(digits);
  let text = groups.join('\u00A0');
  if (frac !== 0) text += ',' + String(frac).padStart(2, '0').replace(/0$/, '');
  return negative && cents !== 0 ? '\u2212' + text : text;
}

/** Estimated rendered width of `text` at `size` px in a sans-serif font. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00A0') units += 0.3;
    else if (/[.,:;!|'il1()[\]]/.test(ch)) units += 0.32;
    else if (/[ЖШЩЫМЮWМшщжюмыw@]/.test(ch)) units += 0.82;
    else if (/[А-Я]/.test(ch)) units += 0.68;
    else if (ch >= 'A' && ch <= 'Z') units += 0.66;
    else units += 0.56;
  }
  return units * size;
}

/** Splits text into lines no wider than `maxWidth`; words longer than a line are cut. */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  const pushWord = (word: string): void => {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(candidate, size) <= maxWidth) {
      current = candidate;
      return;
    }
    if (current !== '') lines.push(current);
    current = '';
    // A word wider than the line is cut into pieces.
    let rest = word;
    while (textWidth(rest, size) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut) + '-', size) > maxWidth) cut--;
      lines.push(rest.slice(0, cut) + '-');
      rest = rest.slice(cut);
    }
    current = rest;
  };
  for (const word of words) pushWord(word);
  if (current !== '') lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last.length > 1 && textWidth(last + '…', size) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = last.replace(/[\s-]+$/, '') + '…';
    return kept;
  }
  return lines;
}

function truncate(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(cut + '…', size) > maxWidth) cut = cut.slice(0, -1);
  return cut.trimEnd() + '…';
}

/** Rounds coordinates so output is short and stable. */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

function niceScale(values: number[]): Scale {
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (min === max) max = 1;
  const integers = values.every((v) => Number.isInteger(v));
  const rough = (max - min) / 5;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  if (integers) step = Math.max(1, Math.round(step));
  min = Math.floor(min / step + 1e-9) * step;
  max = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-9; i++) ticks.push(Math.round((min + i * step) * 1e6) / 1e6);
  return { min, max, ticks };
}

function multiline(lines: string[], x: number, firstY: number, size: number, attrs: string): string {
  const spans = lines
    .map((line, i) => `<tspan x="${n(x)}" y="${n(firstY + i * size * LINE)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text ${attrs} font-size="${size}">${spans}</text>`;
}

/** A bar/column chart of `spec` as a standalone SVG document. */
export function chartSvg(spec: ChartSpec, opts: ChartSvgOptions = {}): string {
  const count = Math.max(spec.labels.length, spec.values.length);
  const labels = Array.from({ length: count }, (_, i) => String(spec.labels[i] ?? ''));
  const values = Array.from({ length: count }, (_, i) => {
    const v = Number(spec.values[i]);
    return Number.isFinite(v) ? v : 0;
  });
  const width = Math.max(300, opts.width ?? 800);
  const color = opts.color ?? '#4472C4';
  const family = opts.fontFamily ?? CHART_FONT_FAMILY;

  let orientation = opts.orientation ?? 'auto';
  if (orientation === 'auto') {
    const slot = (width - 120) / Math.max(1, count);
    const needsManyLines = labels.some((l) => wrapText(l, slot - 8, FONT, 99).length > MAX_LABEL_LINES);
    orientation = count > 0 && (needsManyLines || slot < 40) ? 'bars' : 'columns';
  }

  const titleLines = wrapText(spec.title, width - 40, TITLE_FONT, 2);
  const titleHeight = titleLines.length * TITLE_FONT * LINE + 16;
  const rows =
    orientation === 'bars' ? barsLayout(labels, values, width, titleHeight, opts.height) : null;
  const height = rows ? rows.height : Math.max(240, opts.height ?? 450);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${n(height)}" viewBox="0 0 ${width} ${n(height)}" font-family="${escapeXml(family)}">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${n(height)}" fill="#ffffff"/>`);
  out.push(multiline(titleLines, width / 2, 10 + TITLE_FONT, TITLE_FONT, 'class="title" text-anchor="middle" font-weight="bold" fill="#222222"'));

  if (count === 0) {
    out.push(
      `<text class="empty" x="${n(width / 2)}" y="${n(height / 2)}" text-anchor="middle" font-size="${FONT + 2}" fill="#666666">${escapeXml(DOC_MSG.chartNoData)}</text>`,
    );
    out.push('</svg>');
    return out.join('\n');
  }

  const scale = niceScale(values);
  if (rows) out.push(...rows.draw(scale, color, spec.valueLabel));
  else out.push(...columns(labels, values, width, height, titleHeight, scale, color, spec.valueLabel));
  out.push('</svg>');
  return out.join('\n');
}

function columns(
  labels: string[],
  values: number[],
  width: number,
  height: number,
  top: number,
  scale: Scale,
  color: string,
  valueLabel: string,
): string[] {
  const out: string[] = [];
  const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(formatChartNumber(t), FONT)));
  const left = 16 + FONT * LINE + 8 + tickWidth + 8;
  const right = 16;
  const plotWidth = width - left - right;
  const slot = plotWidth / labels.length;
  const rotate = slot < 56;
  const labelLines = labels.map((l) => (rotate ? [truncate(l, 150, FONT)] : wrapText(l, slot - 6, FONT, MAX_LABEL_LINES)));
  const labelHeight = rotate
    ? Math.max(...labelLines.map((l) => textWidth(l[0], FONT))) * Math.SQRT1_2 + FONT + 8
    : Math.max(...labelLines.map((l) => l.length)) * FONT * LINE + 8;
  const plotTop = top + FONT + 6;
  const plotBottom = height - 10 - labelHeight;
  const plotHeight = Math.max(40, plotBottom - plotTop);
  const y = (v: number): number => plotTop + ((scale.max - v) / (scale.max - scale.min)) * plotHeight;

  for (const t of scale.ticks) {
    out.push(`<line class="grid" x1="${n(left)}" y1="${n(y(t))}" x2="${n(left + plotWidth)}" y2="${n(y(t))}" stroke="#dddddd" stroke-width="1"/>`);
    out.push(`<text class="tick" x="${n(left - 6)}" y="${n(y(t) + FONT * 0.35)}" text-anchor="end" font-size="${FONT}" fill="#444444">${escapeXml(formatChartNumber(t))}</text>`);
  }
  const axisX = 16 + FONT;
  const axisY = plotTop + plotHeight / 2;
  out.push(
    `<text class="axis-label" x="${n(axisX)}" y="${n(axisY)}" transform="rotate(-90 ${n(axisX)} ${n(axisY)})" text-anchor="middle" font-size="${FONT}" fill="#444444">${escapeXml(truncate(valueLabel, plotHeight, FONT))}</text>`,
  );

  const barWidth = Math.min(80, slot * 0.62);
  values.forEach((v, i) => {
    const cx = left + slot * i + slot / 2;
    const y0 = y(0);
    const yv = y(v);
    const barTop = Math.min(y0, yv);
    out.push(`<rect class="bar" data-index="${i}" x="${n(cx - barWidth / 2)}" y="${n(barTop)}" width="${n(barWidth)}" height="${n(Math.abs(y0 - yv))}" fill="${escapeXml(color)}"/>`);
    const valueY = v >= 0 ? yv - 5 : yv + FONT + 3;
    out.push(`<text class="value" x="${n(cx)}" y="${n(valueY)}" text-anchor="middle" font-size="${FONT}" fill="#222222">${escapeXml(formatChartNumber(v))}</text>`);
    if (rotate) {
      const ly = plotTop + plotHeight + FONT + 4;
      out.push(`<text class="label" x="${n(cx)}" y="${n(ly)}" transform="rotate(-45 ${n(cx)} ${n(ly)})" text-anchor="end" font-size="${FONT}" fill="#222222">${escapeXml(labelLines[i][0])}</text>`);
    } else {
      out.push(multiline(labelLines[i], cx, plotTop + plotHeight + FONT + 6, FONT, 'class="label" text-anchor="middle" fill="#222222"'));
    }
  });
  out.push(`<line class="axis" x1="${n(left)}" y1="${n(y(0))}" x2="${n(left + plotWidth)}" y2="${n(y(0))}" stroke="#444444" stroke-width="1.5"/>`);
  out.push(`<line class="axis" x1="${n(left)}" y1="${n(plotTop)}" x2="${n(left)}" y2="${n(plotTop + plotHeight)}" stroke="#444444" stroke-width="1.5"/>`);
  return out;
}

function barsLayout(
  labels: string[],
  values: number[],
  width: number,
  top: number,
  requestedHeight: number | undefined,
): { height: number; draw: (scale: Scale, color: string, valueLabel: string) => string[] } {
  const labelWidth = Math.min(width * 0.38, Math.max(...labels.map((l) => textWidth(l, FONT))) + 4);
  const labelLines = labels.map((l) => wrapText(l, labelWidth, FONT, MAX_LABEL_LINES));
  const rowHeights = labelLines.map((l) => Math.max(28, l.length * FONT * LINE + 10));
  const plotTop = top + 4;
  const rowsHeight = rowHeights.reduce((a, b) => a + b, 0);
  const axisArea = FONT * 2 * LINE + 16;
  const height = Math.max(requestedHeight ?? 0, plotTop + rowsHeight + axisArea);
  const draw = (scale: Scale, color: string, valueLabel: string): string[] => {
    const out: string[] = [];
    const left = 12 + labelWidth + 8;
    const valueRoom = Math.max(...values.map((v) => textWidth(formatChartNumber(v), FONT))) + 12;
    const plotWidth = width - left - valueRoom - 12;
    const plotHeight = rowsHeight;
    const x = (v: number): number => left + ((v - scale.min) / (scale.max - scale.min)) * plotWidth;
    for (const t of scale.ticks) {
      out.push(`<line class="grid" x1="${n(x(t))}" y1="${n(plotTop)}" x2="${n(x(t))}" y2="${n(plotTop + plotHeight)}" stroke="#dddddd" stroke-width="1"/>`);
      out.push(`<text class="tick" x="${n(x(t))}" y="${n(plotTop + plotHeight + FONT + 4)}" text-anchor="middle" font-size="${FONT}" fill="#444444">${escapeXml(formatChartNumber(t))}</text>`);
    }
    out.push(
      `<text class="axis-label" x="${n(left + plotWidth / 2)}" y="${n(plotTop + plotHeight + 2 * FONT * LINE + 6)}" text-anchor="middle" font-size="${FONT}" fill="#444444">${escapeXml(truncate(valueLabel, plotWidth, FONT))}</text>`,
    );
    let rowTop = plotTop;
    values.forEach((v, i) => {
      const h = rowHeights[i];
      const cy = rowTop + h / 2;
      const barHeight = Math.min(26, h * 0.62);
      const x0 = x(0);
      const xv = x(v);
      out.push(`<rect class="bar" data-index="${i}" x="${n(Math.min(x0, xv))}" y="${n(cy - barHeight / 2)}" width="${n(Math.abs(xv - x0))}" height="${n(barHeight)}" fill="${escapeXml(color)}"/>`);
      const anchorEnd = v < 0;
      out.push(`<text class="value" x="${n(anchorEnd ? xv - 5 : xv + 5)}" y="${n(cy + FONT * 0.35)}" text-anchor="${anchorEnd ? 'end' : 'start'}" font-size="${FONT}" fill="#222222">${escapeXml(formatChartNumber(v))}</text>`);
      const lines = labelLines[i];
      const firstY = cy - ((lines.length - 1) * FONT * LINE) / 2 + FONT * 0.35;
      out.push(multiline(lines, 12 + labelWidth, firstY, FONT, 'class="label" text-anchor="end" fill="#222222"'));
      rowTop += h;
    });
    out.push(`<line class="axis" x1="${n(x(0))}" y1="${n(plotTop)}" x2="${n(x(0))}" y2="${n(plotTop + plotHeight)}" stroke="#444444" stroke-width="1.5"/>`);
    out.push(`<line class="axis" x1="${n(left)}" y1="${n(plotTop + plotHeight)}" x2="${n(left + plotWidth)}" y2="${n(plotTop + plotHeight)}" stroke="#444444" stroke-width="1.5"/>`);
    return out;
  };
  return { height, draw };
}
