/**
 * How setup's column layouts look in an `.xlsx` (exceljs): bold header, frozen header row, column
 * widths, number formats, data validation (drop-downs, TRUE/FALSE checkboxes, dates, numbers ≥ 0)
 * and header hints as notes.
 */
import type ExcelJS from 'exceljs';
import type { ColumnLayout, ColumnValidation } from '../ports';
import { layoutMsg } from '../messages/cli';
import { columnLetter } from '../core/data/table';

/**
 * A hidden sheet with the option lists that cannot be written inline in a validation formula
 * (an inline list is limited to 255 characters and cannot hold an option with a comma, like
 * «Учреждения образования, науки и культуры»). The workbook adapter hides it from the core.
 */
export const LISTS_SHEET = layoutMsg.listsSheet;

/** Validation reaches this many rows below the header (or further for longer sheets). */
const VALIDATED_ROWS = 1000;

/** Sheets' pixel widths → Excel character widths. */
export function excelWidth(pixels: number): number {
  return Math.max(2, Math.round((pixels / 7) * 10) / 10);
}

/** The formula for a list validation: inline when it can be, else a range of the lists sheet. */
function listFormula(book: ExcelJS.Workbook, options: readonly string[]): string {
  const inline = options.join(',');
  const safe = options.every((o) => !o.includes(',') && !o.includes('"')) && inline.length <= 250;
  if (safe) return `"${inline}"`;
  let lists = book.getWorksheet(LISTS_SHEET);
  if (!lists) {
    lists = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  }
  // Reuse a column that already holds the same list.
  const used = lists.columnCount;
  for (let c = 1; c <= used; c++) {
    const values = lists
      .getColumn(c)
      .values.slice(1)
      .map((v) => String(v ?? ''));
    if (values.length === options.length && values.every((v, i) => v === options[i])) return rangeOf(c, options.length);
  }
  const col = used + 1;
  options.forEach((option, i) => {
    lists.getCell(i + 1, col).value = option;
  });
  return rangeOf(col, options.length);
}

function rangeOf(col: number, count: number): string {
  const letter = columnLetter(col);
  return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(count, 1)}`;
}

function dataValidation(book: ExcelJS.Workbook, validation: ColumnValidation): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: layoutMsg.errorTitle };
  switch (validation.kind) {
    case 'list':
      return {
        ...common,
        type: 'list',
        formulae: [listFormula(book, validation.options)],
        showErrorMessage: !validation.allowOther,
        error: layoutMsg.list,
      };
    case 'checkbox':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'], error: layoutMsg.checkbox };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        error: layoutMsg.date,
      };
    case 'number': {
      const min = validation.min ?? 0;
      return {
        ...common,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [min],
        error: layoutMsg.number(min),
      };
    }
    case 'none':
      return null;
  }
}

/**
 * Lays out columns starting at `firstCol` with their header in `headerRow`: header text (bold),
 * width, number format, validation below the header, and the hint as the header's note.
 */
export function layColumns(
  book: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  headerRow: number,
  firstCol: number,
  columns: readonly ColumnLayout[],
  dataRows: number,
): void {
  const lastRow = headerRow + Math.max(VALIDATED_ROWS, dataRows + 200);
  columns.forEach((layout, i) => {
    const col = firstCol + i;
    const column = ws.getColumn(col);
    column.width = excelWidth(layout.width);
    if (layout.numberFormat) {
      for (let r = headerRow + 1; r <= headerRow + dataRows; r++) ws.getCell(r, col).numFmt = layout.numberFormat;
      column.numFmt = layout.numberFormat;
    }
    const header = ws.getCell(headerRow, col);
    header.value = layout.header;
    header.numFmt = 'General';
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    if (layout.hint) header.note = layout.hint;
    const validation = dataValidation(book, layout.validation);
    if (validation) {
      const letter = columnLetter(col);
      rangeValidations(ws).add(`${letter}${headerRow + 1}:${letter}${lastRow}`, validation);
    }
  });
}

/** exceljs has range validations (`worksheet.dataValidations`) but its typings omit them. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(address: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

export function freezeRows(ws: ExcelJS.Worksheet, rows: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}`, activeCell: `A${rows + 1}` }];
}
