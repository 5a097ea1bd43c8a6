/**
 * DocModel → .docx with the `docx` library. Layout per ГОСТ Р 7.0.97: A4 portrait, margins left 20 mm,
 * right 10 mm, top and bottom 20 mm, Times New Roman 14 pt body, 12 pt tables (LibreOffice shows
 * Liberation Serif, which has the same metrics). Each paragraph line is one text run, so
 * `{{placeholders}}` in default templates stay whole for the template filler.
 *
 * `buildDocx` is async (the `docx` packer is) and runs in the synckit worker; `renderDocx` is the
 * synchronous front used by the adapters.
 */
import { PRODUCT_NAME } from '../messages/cli';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import { Resvg } from '@resvg/resvg-js';
import type { Block, ChartSpec, DocModel, PageSetup } from '../ports';
import { chartSvg } from '../core/report/chart-svg';
import { callWorker } from './sync';

export const BODY_FONT = 'Times New Roman';
const BODY_SIZE = 28; // half-points: 14 pt
const TABLE_SIZE = 24; // 12 pt
const MM = 1440 / 25.4; // twips per millimetre
export const PAGE = {
  width: Math.round(210 * MM),
  height: Math.round(297 * MM),
  left: Math.round(20 * MM),
  right: Math.round(10 * MM),
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
};

/** What the blocks are laid out in: the text width (twips) and the text sizes (half-points). */
interface Layout {
  textWidth: number;
  body: number;
  table: number;
}

/** The model's own page (an envelope, a landscape register) or the letters' A4. */
function pageOf(setup: PageSetup | undefined): typeof PAGE {
  if (!setup) return PAGE;
  const tw = (mm: number) => Math.round(mm * MM);
  return {
    width: tw(setup.widthMm),
    height: tw(setup.heightMm),
    left: tw(setup.margins.left),
    right: tw(setup.margins.right),
    top: tw(setup.margins.top),
    bottom: tw(setup.margins.bottom),
  };
}

function layoutOf(model: DocModel): Layout {
  const page = pageOf(model.page);
  const body = model.page?.fontPt ? Math.round(model.page.fontPt * 2) : BODY_SIZE;
  return { textWidth: page.width - page.left - page.right, body, table: Math.min(body, TABLE_SIZE) };
}
/** Paragraph first-line indent, 1.25 cm. */
const FIRST_LINE = Math.round(12.5 * MM);
/** Chart picture: full text width at 96 dpi (180 mm ≈ 680 px). */
const CHART_WIDTH_PX = 680;
const CHART_RENDER_SCALE = 2.5;

/** Characters XML 1.0 forbids; Word refuses documents that contain them. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string): string => text.replace(XML_INVALID, '');

/** The chart as PNG bytes with its size in pixels (before scaling for print sharpness). */
export function chartPng(chart: ChartSpec): { png: Uint8Array; width: number; height: number } {
  const svg = chartSvg(chart, { width: CHART_WIDTH_PX });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: CHART_RENDER_SCALE },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
      serifFamily: 'Liberation Serif',
    },
    background: '#ffffff',
  });
  const image = resvg.render();
  const png = image.asPng();
  return {
    png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    width: Math.round(image.width / CHART_RENDER_SCALE),
    height: Math.round(image.height / CHART_RENDER_SCALE),
  };
}

/** Text runs for one paragraph: one run per line, line breaks between. */
function runs(text: string, size: number, bold: boolean): TextRun[] {
  return clean(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: bold || undefined, size, font: BODY_FONT }));
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Column widths in twips from relative weights (any unit: percent, characters, millimetres). */
function columnWidths(columns: number, weights: number[] | undefined, textWidth: number): number[] {
  const raw = Array.from({ length: columns }, (_, i) => {
    const w = weights?.[i];
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
  });
  const given = raw.filter((w) => w > 0);
  const fallback = given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  const filled = raw.map((w) => (w > 0 ? w : fallback));
  const total = filled.reduce((a, b) => a + b, 0);
  return filled.map((w) => Math.floor((w / total) * textWidth));
}

const noBorder: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A body cell's alignment: the block's for its column, else left (the last column of a layout table right). */
function bodyAlignment(block: Extract<Block, { kind: 'table' }>, column: number, columns: number): (typeof ALIGN)[keyof typeof ALIGN] {
  const given = block.align?.[column];
  if (given) return ALIGN[given];
  return block.header.length === 0 && columns > 1 && column === columns - 1 ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/**
 * A table with a header is a bordered data table; one without is layout (the signature row of a
 * letter): no borders, body-size text, the last column flush right.
 */
function table(block: Extract<Block, { kind: 'table' }>, layout: Layout): Table {
  const plain = block.header.length === 0;
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const widths = columnWidths(columns, block.widths, layout.textWidth);
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : bodyAlignment(block, i, columns),
          children: runs(text, plain ? layout.body : layout.table, header),
        }),
      ],
    });
  const row = (cells: string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: Array.from({ length: columns }, (_, i) => cell(cells[i] ?? '', i, header)),
    });
  const rows: TableRow[] = [];
  if (block.header.length > 0) rows.push(row(block.header, true));
  for (const r of block.rows) rows.push(row(r, false));
  if (rows.length === 0) rows.push(row([], false));
  return new Table({
    rows,
    width: { size: layout.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: plain
      ? { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder }
      : { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function blockChildren(block: Block, layout: Layout): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: runs(block.text, block.level === 1 ? 32 : layout.body, true) })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'left'],
          indent: block.indent ? { firstLine: FIRST_LINE } : undefined,
          children: runs(block.text, block.size ? Math.round(block.size * 2) : layout.body, block.bold === true),
        }),
      ];
    case 'table':
      // An empty paragraph after a table keeps two adjacent tables from merging.
      return [table(block, layout), new Paragraph({ children: [] })];
    case 'chart': {
      const { png, width, height } = chartPng(block.chart);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepLines: true,
          children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: 'chart', title: clean(block.chart.title), description: clean(block.chart.title) } })],
        }),
      ];
    }
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Builds the .docx (async: the packer zips asynchronously). Used inside the worker. */
export async function buildDocx(model: DocModel): Promise<Uint8Array> {
  const page = pageOf(model.page);
  const layout = layoutOf(model);
  const headingRun = { font: BODY_FONT, bold: true, color: '000000' };
  const doc = new Document({
    title: clean(model.title),
    creator: PRODUCT_NAME,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: layout.body }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { ...headingRun, size: 32 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, keepNext: true } },
        heading2: { run: { ...headingRun, size: BODY_SIZE }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { ...headingRun, size: BODY_SIZE, italics: true }, paragraph: { spacing: { before: 120, after: 120 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // The library swaps the sides of a landscape page itself: it takes them as for portrait.
            size:
              page.width > page.height
                ? { width: page.height, height: page.width, orientation: PageOrientation.LANDSCAPE }
                : { width: page.width, height: page.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
          },
        },
        // The footer (a letter's performer, small, bottom left) on every page of the section.
        footers: model.footer && model.footer.length > 0 ? { default: new Footer({ children: model.footer.flatMap((block) => blockChildren(block, layout)) as Paragraph[] }) } : undefined,
        children: model.blocks.flatMap((block) => blockChildren(block, layout)),
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The .docx bytes of the model (synchronous; the packing runs in the worker). */
export function renderDocx(model: DocModel): Uint8Array {
  return toUint8(callWorker('docx', { model }));
}

/** Structured clone turns a Buffer into a plain Uint8Array (or keeps it); normalise either way. */
export function toUint8(bytes: Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayBufferLike);
}
