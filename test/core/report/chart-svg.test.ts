import { chartSvg, escapeXml, formatChartNumber, wrapText } from '../../../src/core/report/chart-svg';
import { CATEGORIES } from '../../../src/core/data/schema';
import type { ChartSpec } from '../../../src/ports';

const count = (svg: string, needle: RegExp): number => (svg.match(needle) ?? []).length;
/** Text content of all <text> elements of a class, tspans joined by a space. */
const texts = (svg: string, cls: string): string[] =>
  [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([\\s\\S]*?)</text>`, 'g'))].map((m) =>
    m[1]
      .split(/<\/tspan>/)
      .map((part) => part.replace(/<[^>]+>/g, ''))
      .filter((t) => t !== '')
      .join(' '),
  );
const bars = (svg: string): { x: number; y: number; width: number; height: number }[] =>
  [...svg.matchAll(/<rect class="bar" data-index="\d+" x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));

const months: ChartSpec = {
  title: 'Совместные мероприятия по месяцам',
  labels: ['Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'],
  values: [2, 5, 0, 12],
  valueLabel: 'Мероприятий',
};

describe('chartSvg', () => {
  it('draws one bar per value with value labels, category labels, the title and the axis label', () => {
    const svg = chartSvg(months, { orientation: 'columns' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(count(svg, /<rect class="bar"/g)).toBe(4);
    expect(texts(svg, 'value')).toEqual(['2', '5', '0', '12']);
    expect(texts(svg, 'label')).toEqual(['Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь']);
    expect(texts(svg, 'title')).toEqual(['Совместные мероприятия по месяцам']);
    expect(texts(svg, 'axis-label')).toEqual(['Мероприятий']);
  });

  it('makes bar heights proportional to the values', () => {
    const b = bars(chartSvg(months, { orientation: 'columns' }));
    expect(b[2].height).toBe(0);
    expect(b[3].height).toBeGreaterThan(b[1].height);
    expect(b[1].height / b[0].height).toBeCloseTo(2.5, 1);
    // All columns stand on the same base line.
    const bases = b.map((r) => Math.round((r.y + r.height) * 10) / 10);
    expect(new Set(bases).size).toBe(1);
  });

  it('starts the value axis at zero for non-negative data', () => {
    const ticks = texts(chartSvg(months, { orientation: 'columns' }), 'tick');
    expect(ticks[0]).toBe('0');
    expect(ticks.some((t) => t.startsWith('\u2212'))).toBe(false);
    expect(ticks[ticks.length - 1]).toBe('15');
  });

  it('is deterministic', () => {
    expect(chartSvg(months)).toBe(chartSvg({ ...months, labels: [...months.labels], values: [...months.values] }));
  });

  it('escapes XML in the title, labels and axis label', () => {
    const svg = chartSvg({ title: 'A & B <script>"x"</script>', labels: ['ООО «Рога & копыта»', "O'Neil <b>"], values: [1, 2], valueLabel: 'руб. & коп.' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &amp; B &lt;script&gt;&quot;x&quot;&lt;/script&gt;');
    expect(svg).toContain('ООО «Рога &amp; копыта»');
    expect(svg).toContain('O&apos;Neil &lt;b&gt;');
    expect(svg).toContain('руб. &amp; коп.');
    // Control characters XML forbids are dropped rather than emitted.
    expect(escapeXml('a\u0001b\u0008c')).toBe('abc');
  });

  it('handles empty data with a «Нет данных» note and no bars', () => {
    const svg = chartSvg({ title: 'Пусто', labels: [], values: [], valueLabel: 'шт.' });
    expect(count(svg, /<rect class="bar"/g)).toBe(0);
    expect(svg).toContain('Нет данных');
    expect(svg).toContain('Пусто');
  });

  it('handles all-zero data: bars of zero height, value labels 0, finite coordinates', () => {
    const svg = chartSvg({ title: 'Нули', labels: ['а', 'б', 'в'], values: [0, 0, 0], valueLabel: 'шт.' });
    expect(bars(svg).map((b) => b.height)).toEqual([0, 0, 0]);
    expect(texts(svg, 'value')).toEqual(['0', '0', '0']);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('treats missing or non-finite values as zero and draws negative values below the axis', () => {
    const svg = chartSvg({ title: 'т', labels: ['a', 'b', 'c'], values: [Number.NaN, -3, 3], valueLabel: '' }, { orientation: 'columns' });
    expect(svg).not.toMatch(/NaN|Infinity/);
    const [, neg, pos] = bars(svg);
    expect(neg.height).toBeCloseTo(pos.height, 1);
    expect(neg.y).toBeCloseTo(pos.y + pos.height, 1);
    expect(texts(svg, 'value')[1]).toBe('\u22123');
  });

  it('wraps long Cyrillic category labels into several lines and switches to horizontal bars when they are too long', () => {
    const few = ['Государственные структуры и органы местного самоуправления', 'Учреждения здравоохранения', 'Семья'];
    const columns = chartSvg({ title: 'Партнёры', labels: few, values: [3, 1, 7], valueLabel: 'Партнёров' });
    expect(texts(columns, 'label')).toEqual(few);
    const firstLabel = columns.match(/<text class="label"[^>]*>([\s\S]*?)<\/text>/)?.[1] ?? '';
    expect(count(firstLabel, /<tspan/g)).toBeGreaterThan(1);
    expect(new Set(bars(columns).map((r) => r.x)).size).toBe(3);

    const svg = chartSvg({ title: 'Партнёры по категориям', labels: [...CATEGORIES], values: [3, 1, 7, 2, 0, 4], valueLabel: 'Партнёров' });
    expect(texts(svg, 'label')).toEqual([...CATEGORIES]);
    // Horizontal bars: the bars have a common left edge and widths proportional to the values.
    const b = bars(svg);
    expect(new Set(b.filter((r) => r.width > 0).map((r) => r.x)).size).toBe(1);
    expect(b[2].width / b[1].width).toBeCloseTo(7, 0);
  });

  it('rotates labels when there are many narrow columns', () => {
    const labels = Array.from({ length: 20 }, (_, i) => `Категория ${i + 1}`);
    const svg = chartSvg({ title: 't', labels, values: labels.map((_, i) => i), valueLabel: 'v' }, { orientation: 'columns' });
    expect(count(svg, /<text class="label"[^>]*transform="rotate\(-45/g)).toBe(20);
  });

  it('formats numbers the Russian way', () => {
    expect(formatChartNumber(5000)).toBe('5\u00A0000');
    expect(formatChartNumber(1234567.5)).toBe('1\u00A0234\u00A0567,5');
    expect(formatChartNumber(0.25)).toBe('0,25');
    expect(formatChartNumber(999)).toBe('999');
  });

  it('wrapText keeps every word and respects the line limit with an ellipsis', () => {
    const lines = wrapText('один два три четыре пять шесть семь восемь', 60, 13, 10);
    expect(lines.join(' ')).toBe('один два три четыре пять шесть семь восемь');
    const cut = wrapText('один два три четыре пять шесть семь восемь', 60, 13, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith('…')).toBe(true);
  });
});
