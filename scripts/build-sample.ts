/**
 * Builds the sample workbook `examples/rovesnik.xlsx` from `examples/rovesnik.json`, with the same
 * layout as `partnerstvo init` (validation, widths, frozen headers, hidden lists) and the JSON's
 * rows; `"YYYY-MM-DD"` strings in date columns become real date cells. The output is byte-for-byte
 * reproducible (fixed document and zip timestamps).
 *
 *   node -r ./scripts/register-ts.cjs scripts/build-sample.ts [input.json] [output.xlsx]
 */
import * as fs from 'fs';
import * as path from 'path';
import PizZip from 'pizzip';
import type { Cell, ColumnLayout, SetupStep } from '../src/ports';
import { planSetup } from '../src/core/data/setup';
import { SHEET_SPECS, type ColumnKind } from '../src/core/data/schema';
import { normalizeHeader } from '../src/core/data/table';
import { XlsxWorkbook } from '../src/local/xlsx-workbook';

type JsonCell = string | number | boolean | null;
interface SampleJson {
  sheets: Record<string, { header: string[]; rows: JsonCell[][] }>;
}

/** 1 September 2025, local midnight: the zip format stores local wall-clock times. */
const FIXED_ZIP_DATE = new Date(2025, 8, 1, 0, 0, 0);
const FIXED_DOC_DATE = new Date(Date.UTC(2025, 8, 1, 0, 0, 0));
const PLAIN_COLUMN_WIDTH = 150;

function kindOf(sheet: string, header: string): ColumnKind | null {
  const spec = SHEET_SPECS.find((s) => s.name === sheet);
  const col = spec?.columns.find((c) => normalizeHeader(c.header) === normalizeHeader(header));
  return col ? col.kind : null;
}

/** A JSON cell as a sheet cell: dates in date columns become `Date` (UTC wall clock, like exceljs). */
export function toCell(value: JsonCell, kind: ColumnKind | null, where: string): Cell {
  if (value === null) return '';
  if ((kind === 'date' || kind === 'datetime') && typeof value === 'string' && value.trim() !== '') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
    if (!m) throw new Error(`${where}: "${value}" is not a YYYY-MM-DD date`);
    const [, y, mo, d, h, mi, s] = m;
    return new Date(Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0)));
  }
  return value;
}

/** Setup's steps for an empty workbook, with each sheet's columns and rows taken from the JSON. */
export function sampleSteps(sample: SampleJson): SetupStep[] {
  const steps = planSetup(XlsxWorkbook.blank());
  const out: SetupStep[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const data = step.kind === 'createSheet' ? sample.sheets[step.sheet] : undefined;
    if (step.kind !== 'createSheet' || !data) {
      out.push(step);
      continue;
    }
    seen.add(step.sheet);
    out.push(sheetStep(step.sheet, data, step.columns));
  }
  for (const [sheet, data] of Object.entries(sample.sheets)) if (!seen.has(sheet)) out.push(sheetStep(sheet, data, []));
  return out;
}

function sheetStep(sheet: string, data: SampleJson['sheets'][string], layouts: ColumnLayout[]): SetupStep {
  const columns = data.header.map(
    (header): ColumnLayout =>
      layouts.find((l) => normalizeHeader(l.header) === normalizeHeader(header)) ?? {
        header,
        width: PLAIN_COLUMN_WIDTH,
        validation: { kind: 'none' },
      },
  );
  const kinds = data.header.map((h) => kindOf(sheet, h));
  const rows = data.rows.map((row, r) => row.map((v, c) => toCell(v, kinds[c], `${sheet}, row ${r + 2}, column ${c + 1}`)));
  return { kind: 'createSheet', sheet, columns, rows };
}

/** Rewrites a zip with fixed entry timestamps, so the same input gives the same bytes. */
export function reproducibleZip(bytes: Buffer): Buffer {
  const source = new PizZip(bytes);
  const target = new PizZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    target.file(name, entry.asUint8Array(), { date: FIXED_ZIP_DATE, binary: true });
  }
  return target.generate({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function buildSample(input: string, output: string): Promise<void> {
  const sample = JSON.parse(fs.readFileSync(input, 'utf8')) as SampleJson;
  const wb = XlsxWorkbook.blank();
  wb.applySetup(sampleSteps(sample));
  const bytes = reproducibleZip(await wb.mergedBytes(FIXED_DOC_DATE));
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, bytes);
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const input = process.argv[2] ?? path.join(root, 'examples', 'rovesnik.json');
  const output = process.argv[3] ?? path.join(root, 'examples', 'rovesnik.xlsx');
  buildSample(input, output).then(
    () => process.stdout.write(`${path.relative(process.cwd(), output)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
