/**
 * Fake of Charts (https://developers.google.com/apps-script/reference/charts/charts): data tables and bar,
 * column, pie and line chart builders. A built chart's PNG (`getAs('image/png')`) is a PNG signature
 * followed by the chart as JSON, which `chartOfPng` reads back so tests can check what a report draws.
 */
import { type Fake, type FakeEnv, Instrumented } from './env';
import { FakeBlob } from './services';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface ChartRecord {
  type: string;
  title: string;
  columns: { type: string; label: string }[];
  rows: unknown[][];
  width: number | null;
  height: number | null;
  options: Record<string, unknown>;
}

export class FakeDataTable extends Instrumented {
  readonly columns: { type: string; label: string }[];
  readonly rows: unknown[][];
  constructor(env: FakeEnv, columns: { type: string; label: string }[], rows: unknown[][]) {
    super(env, 'Charts', 'DataTable');
    this.columns = columns;
    this.rows = rows;
  }
  getNumberOfRows(): number {
    return this.rows.length;
  }
  getDataTable(): this {
    return this;
  }
}

export class FakeDataTableBuilder extends Instrumented implements Fake<GoogleAppsScript.Charts.DataTableBuilder, 'addColumn' | 'addRow' | 'build'> {
  private readonly columns: { type: string; label: string }[] = [];
  private readonly rows: unknown[][] = [];
  constructor(env: FakeEnv) {
    super(env, 'Charts', 'DataTableBuilder');
  }
  addColumn(type: GoogleAppsScript.Charts.ColumnType, label: string): this {
    this.columns.push({ type: String(type), label });
    return this;
  }
  addRow(values: unknown[]): this {
    if (values.length !== this.columns.length) throw this.env.error('Row has ' + values.length + ' values but the table has ' + this.columns.length + ' columns.');
    this.rows.push([...values]);
    return this;
  }
  build(): FakeDataTable {
    return new FakeDataTable(this.env, [...this.columns], this.rows.map((r) => [...r]));
  }
}

export class FakeChart extends Instrumented implements Fake<GoogleAppsScript.Charts.Chart, 'getAs' | 'getBlob'> {
  readonly record: ChartRecord;
  constructor(env: FakeEnv, record: ChartRecord) {
    super(env, 'Charts', 'Chart');
    this.record = record;
  }
  /** A PNG signature followed by the chart as JSON. */
  getAs(contentType: string): FakeBlob {
    if (contentType !== 'image/png') throw this.env.error(`Converting to ${contentType} is not supported.`);
    const json = new TextEncoder().encode(JSON.stringify(this.record));
    const bytes = new Uint8Array(PNG_SIGNATURE.length + json.length);
    bytes.set(PNG_SIGNATURE, 0);
    bytes.set(json, PNG_SIGNATURE.length);
    return new FakeBlob(this.env, bytes, 'image/png', `${this.record.title || 'chart'}.png`, 'Charts');
  }
  getBlob(): FakeBlob {
    return this.getAs('image/png');
  }
}

/** Reads back what a fake chart PNG describes. */
export function chartOfPng(bytes: Uint8Array): ChartRecord | null {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  return JSON.parse(new TextDecoder().decode(bytes.slice(PNG_SIGNATURE.length))) as ChartRecord;
}

export class FakeChartBuilder extends Instrumented {
  private readonly record: ChartRecord;
  constructor(env: FakeEnv, type: string) {
    super(env, 'Charts', `${type}Builder`);
    this.record = { type, title: '', columns: [], rows: [], width: null, height: null, options: {} };
  }
  setTitle(title: string): this {
    this.record.title = title;
    return this;
  }
  setDataTable(table: unknown): this {
    const t = table instanceof FakeDataTableBuilder ? table.build() : table;
    if (!(t instanceof FakeDataTable)) throw this.env.error('Invalid argument: tableBuilder');
    this.record.columns = t.columns;
    this.record.rows = t.rows;
    return this;
  }
  setDimensions(width: number, height: number): this {
    this.record.width = width;
    this.record.height = height;
    return this;
  }
  setXAxisTitle(title: string): this {
    this.record.options.xAxisTitle = title;
    return this;
  }
  setYAxisTitle(title: string): this {
    this.record.options.yAxisTitle = title;
    return this;
  }
  setLegendPosition(position: unknown): this {
    this.record.options.legendPosition = position;
    return this;
  }
  setColors(colors: string[]): this {
    this.record.options.colors = colors;
    return this;
  }
  setStacked(): this {
    this.record.options.stacked = true;
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.record.options[option] = value;
    return this;
  }
  build(): FakeChart {
    if (this.record.columns.length === 0) throw this.env.error('Data table is required to build a chart.');
    return new FakeChart(this.env, JSON.parse(JSON.stringify(this.record)) as ChartRecord);
  }
}

export class FakeCharts extends Instrumented implements Fake<GoogleAppsScript.Charts.Charts, 'newBarChart' | 'newColumnChart' | 'newPieChart' | 'newLineChart' | 'newDataTable'> {
  readonly ColumnType = { STRING: 'STRING', NUMBER: 'NUMBER', DATE: 'DATE' } as const;
  readonly Position = { NONE: 'NONE', TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM' } as const;
  readonly ChartType = { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } as const;
  constructor(env: FakeEnv) {
    super(env, 'Charts', 'Charts');
  }
  newBarChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'BarChart');
  }
  newColumnChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'ColumnChart');
  }
  newPieChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'PieChart');
  }
  newLineChart(): FakeChartBuilder {
    return new FakeChartBuilder(this.env, 'LineChart');
  }
  newDataTable(): FakeDataTableBuilder {
    return new FakeDataTableBuilder(this.env);
  }
}
