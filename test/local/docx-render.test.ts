import PizZip from 'pizzip';
import { chartPng, renderDocx } from '../../src/local/docx-render';
import { placeholdersOf } from '../../src/local/docx-fill';
import type { DocModel } from '../../src/ports';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const model: DocModel = {
  title: 'Анализ работы с социальными партнёрами',
  blocks: [
    { kind: 'heading', level: 1, text: 'Анализ работы с социальными партнёрами за 2025/2026 учебный год' },
    { kind: 'paragraph', text: 'Первый абзац отчёта с отступом и выравниванием по ширине.', align: 'justify', indent: true },
    { kind: 'paragraph', text: 'Жирная строка по центру', align: 'center', bold: true },
    { kind: 'paragraph', text: 'Уважаем{{Обращение}}!\nВторая строка {{Дата_письма}} & <не тег>' },
    { kind: 'heading', level: 2, text: 'Партнёры по категориям' },
    {
      kind: 'table',
      header: ['Категория', 'Количество', 'Новые'],
      rows: [
        ['Семья', '12', '3'],
        ['Предприятия и предприниматели', '5', '1'],
      ],
      widths: [60, 20, 20],
      align: ['left', 'right', 'right'],
    },
    { kind: 'chart', chart: { title: 'Партнёры по категориям', labels: ['Семья', 'Предприятия'], values: [12, 5], valueLabel: 'Партнёров' } },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 3, text: 'ВЫВОД' },
  ],
};

/** All text of `<w:t>` elements, in document order, entities decoded. */
const wordTexts = (xml: string): string[] =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );

describe('renderDocx', () => {
  let zip: PizZip;
  let xml: string;

  beforeAll(() => {
    const bytes = renderDocx(model);
    expect(bytes).toBeInstanceOf(Uint8Array);
    zip = new PizZip(bytes);
    xml = zip.file('word/document.xml')?.asText() ?? '';
  });

  it('writes headings with heading styles and the paragraphs with their text', () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Анализ работы с социальными партнёрами за 2025\/2026 учебный год/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Партнёры по категориям/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?ВЫВОД/);
    const texts = wordTexts(xml);
    expect(texts).toContain('Первый абзац отчёта с отступом и выравниванием по ширине.');
    expect(texts).toContain('Жирная строка по центру');
  });

  it('applies alignment, first-line indent and bold', () => {
    expect(xml).toMatch(/<w:jc w:val="both"\/>[\s\S]*?Первый абзац/);
    expect(xml).toMatch(/<w:ind w:firstLine="709"\/>[\s\S]*?Первый абзац/);
    expect(xml).toMatch(/<w:jc w:val="center"\/>[\s\S]*?<w:b\/>[\s\S]*?Жирная строка по центру/);
  });

  it('keeps {{placeholders}} whole in single text runs and turns newlines into breaks', () => {
    const texts = wordTexts(xml);
    expect(texts).toContain('Уважаем{{Обращение}}!');
    expect(texts).toContain('Вторая строка {{Дата_письма}} & <не тег>');
    expect(xml).toMatch(/Уважаем\{\{Обращение\}\}!<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/>/);
  });

  it('makes a bordered table with a repeated header row and column widths', () => {
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*?<w:insideH w:val="single"/);
    const grid = [...(xml.match(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid[0] / grid[1]).toBeCloseTo(3, 1);
    for (const cell of ['Категория', 'Количество', 'Новые', 'Семья', '12', 'Предприятия и предприниматели']) expect(wordTexts(xml)).toContain(cell);
    // Table text is 12 pt.
    expect(xml).toMatch(/<w:sz w:val="24"\/>[\s\S]*?Семья/);
  });

  it('aligns the body cells of number columns right, the header centred', () => {
    const cellOf = (text: string) => xml.match(new RegExp(`<w:tc>(?:(?!<w:tc>)[\\s\\S])*?<w:t(?:\\s[^>]*)?>${text}</w:t>`))?.[0] ?? '';
    for (const number of ['12', '3', '5', '1']) expect(cellOf(number)).toContain('<w:jc w:val="right"/>');
    expect(cellOf('Семья')).toContain('<w:jc w:val="left"/>');
    expect(cellOf('Количество')).toContain('<w:jc w:val="center"/>');
    // A layout table without header keeps its last column flush right unless told otherwise.
    const layout = new PizZip(renderDocx({ title: 't', blocks: [{ kind: 'table', header: [], rows: [['Составитель', 'подпись', 'дата']], align: ['left', 'center', 'left'] }] }));
    const layoutXml = layout.file('word/document.xml')?.asText() ?? '';
    expect(layoutXml).not.toContain('<w:jc w:val="right"/>');
    expect(layoutXml).toContain('<w:jc w:val="center"/>');
  });

  it('embeds the chart as a PNG image', () => {
    const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    const png = zip.file(media[0])?.asUint8Array() ?? new Uint8Array();
    expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE);
    expect(xml).toContain('<w:drawing>');
  });

  it('has a page break, A4 portrait, ГОСТ margins and Times New Roman 14 pt', () => {
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"/);
    const styles = zip.file('word/styles.xml')?.asText() ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*?w:ascii="Times New Roman"[\s\S]*?<w:sz w:val="28"\/>/);
    // "auto" line spacing: an explicit rule, or LibreOffice clips the chart picture to one line.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);
  });

  it('renders default letter templates the template filler can read', () => {
    const template = renderDocx({
      title: 'Приглашение',
      blocks: [
        { kind: 'paragraph', text: '{{Адресат}}', align: 'right' },
        { kind: 'paragraph', text: 'Уважаем{{Обращение}}!', align: 'center' },
        { kind: 'paragraph', text: 'Приглашаем {{Организация}} на мероприятие {{Мероприятие}} {{Дата}}.', indent: true, align: 'justify' },
      ],
    });
    expect(placeholdersOf(template)).toEqual({ ok: true, names: ['Адресат', 'Обращение', 'Организация', 'Мероприятие', 'Дата'] });
  });

  it('drops characters XML does not allow instead of producing a broken file', () => {
    const bytes = renderDocx({ title: 'x\u0001', blocks: [{ kind: 'paragraph', text: 'a\u0000b\u000Bc' }] });
    const doc = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
    expect(wordTexts(doc)).toContain('abc');
  });

  it('chartPng renders bars even for empty and all-zero charts', () => {
    for (const values of [[], [0, 0]]) {
      const { png, width, height } = chartPng({ title: 'т', labels: values.map((_, i) => String(i)), values, valueLabel: '' });
      expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE);
      expect(width).toBeGreaterThan(100);
      expect(height).toBeGreaterThan(100);
    }
  });
});
