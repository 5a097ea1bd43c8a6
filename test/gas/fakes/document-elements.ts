/**
 * Fakes of the DocumentApp element classes (https://developers.google.com/apps-script/reference/document):
 * Text, Paragraph and ListItem, Table, TableRow, TableCell, InlineImage and PageBreak, each a view of
 * one element of a document in the shared Drive (see drive-model.ts). Like Apps Script, an element
 * of a document closed by `saveAndClose` can no longer be edited, and a `copy()` is detached.
 */
import { type Fake, type FakeEnv, Instrumented } from './env';
import { cloneElement, type DocElement, type DocModel, newDoc, type ImageElement, type ParagraphElement, sectionText, type TableElement } from './drive-model';

export const ParagraphHeading = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;
export const HorizontalAlignment = { LEFT: 'LEFT', CENTER: 'CENTER', RIGHT: 'RIGHT', JUSTIFY: 'JUSTIFY' } as const;
export const ElementType = {
  PARAGRAPH: 'PARAGRAPH',
  LIST_ITEM: 'LIST_ITEM',
  TABLE: 'TABLE',
  INLINE_IMAGE: 'INLINE_IMAGE',
  PAGE_BREAK: 'PAGE_BREAK',
  BODY_SECTION: 'BODY_SECTION',
  TEXT: 'TEXT',
} as const;

/** One opened copy of a document; after `saveAndClose` it cannot be edited any more. */
export interface DocSession {
  model: DocModel;
  closed: boolean;
  /** False when the user may only view (or comment on) the document. */
  canEdit?: boolean;
}

function editable(env: FakeEnv, session: DocSession): void {
  if (session.closed) throw env.error('Document is closed, its contents cannot be updated.');
  // The text Apps Script gives when a script edits a document its user may only view.
  if (session.canEdit === false) throw env.error('Access denied: DocumentApp.');
}

/**
 * A part of an opened document (an element, a section, the document itself): every edit first checks
 * that the document is still open, as Apps Script does after `saveAndClose`.
 */
export abstract class DocumentPart extends Instrumented {
  protected readonly session: DocSession;
  constructor(env: FakeEnv, session: DocSession, type: string) {
    super(env, 'DocumentApp', type);
    this.session = session;
  }
  protected edit(): void {
    editable(this.env, this.session);
  }
}

/** What Apps Script says for `getChild`, `getRow` or `getCell` past the end. */
export function childIndexError(env: FakeEnv, index: number, count: number): Error {
  return env.error('Child index (' + index + ') must be less than the number of child elements (' + count + ').');
}

/** A value of one of the DocumentApp enums, or Apps Script's «Invalid argument». */
function enumValue(env: FakeEnv, values: Record<string, string>, value: unknown, argument: string): string {
  if (!Object.values(values).includes(value as string)) throw env.error(`Invalid argument: ${argument}`);
  return value as string;
}

/** A detached element (from `copy()`) belongs to no document. */
const detached = (): DocSession => ({ model: newDoc('', []), closed: false });

/** A paragraph, list item or table: a child of the section (`owner`) that holds it, unless detached. */
abstract class SectionChild<E extends ParagraphElement | TableElement> extends DocumentPart {
  readonly element: E;
  private readonly owner: (() => DocElement[]) | null;
  constructor(env: FakeEnv, session: DocSession, element: E, owner: (() => DocElement[]) | null, type: string) {
    super(env, session, type);
    this.element = element;
    this.owner = owner;
  }
  /** Like Apps Script, the body's last paragraph cannot be removed. */
  removeFromParent(): this {
    this.edit();
    if (!this.owner) return this;
    const list = this.owner();
    const i = list.indexOf(this.element);
    if (i < 0) return this;
    const last = list.filter((e) => e.kind === 'paragraph').length === 1 && this.element.kind === 'paragraph';
    if (last && this.session.model.body === list) throw this.env.error("Can't remove the last paragraph in a document section.");
    list.splice(i, 1);
    return this;
  }
}

export class FakeText extends DocumentPart implements Fake<GoogleAppsScript.Document.Text, 'getText' | 'setBold'> {
  private readonly element: ParagraphElement;
  constructor(env: FakeEnv, session: DocSession, element: ParagraphElement) {
    super(env, session, 'Text');
    this.element = element;
  }
  getText(): string {
    return this.element.text;
  }
  setBold(a: boolean | number, _end?: number, bold?: boolean): this {
    this.edit();
    this.element.bold = typeof a === 'boolean' ? a : Boolean(bold);
    return this;
  }
  /** Text.setFontSize(size), the whole text: https://developers.google.com/apps-script/reference/document/text#setFontSize(Number) */
  setFontSize(size: number): this {
    this.edit();
    this.element.fontSize = size;
    return this;
  }
  setItalic(): this {
    this.edit();
    return this;
  }
}

export class FakeParagraph
  extends SectionChild<ParagraphElement>
  implements Fake<GoogleAppsScript.Document.Paragraph, 'getText' | 'setText' | 'setHeading' | 'getHeading' | 'setAlignment' | 'getAlignment' | 'appendText' | 'editAsText' | 'setIndentFirstLine'>
{
  constructor(env: FakeEnv, session: DocSession, element: ParagraphElement, owner: (() => DocElement[]) | null = null) {
    super(env, session, element, owner, element.listItem ? 'ListItem' : 'Paragraph');
  }
  getType(): string {
    return this.element.listItem ? ElementType.LIST_ITEM : ElementType.PARAGRAPH;
  }
  copy(): FakeParagraph {
    return new FakeParagraph(this.env, detached(), cloneElement(this.element));
  }
  asParagraph(): this {
    if (this.element.listItem) throw this.env.error('Cannot cast ListItem to Paragraph.');
    return this;
  }
  asListItem(): this {
    if (!this.element.listItem) throw this.env.error('Cannot cast Paragraph to ListItem.');
    return this;
  }
  getText(): string {
    return this.element.text;
  }
  setText(text: string): this {
    this.edit();
    this.element.text = String(text);
    return this;
  }
  appendText(text: string | GoogleAppsScript.Document.Text): FakeText {
    this.edit();
    this.element.text += typeof text === 'string' ? text : text.getText();
    return new FakeText(this.env, this.session, this.element);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    this.edit();
    this.element.heading = enumValue(this.env, ParagraphHeading, heading, 'heading');
    return this;
  }
  getHeading(): string {
    return this.element.heading;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    this.edit();
    this.element.alignment = enumValue(this.env, HorizontalAlignment, alignment, 'alignment');
    return this;
  }
  getAlignment(): string | null {
    return this.element.alignment;
  }
  setIndentFirstLine(indentFirstLine: number): this {
    this.edit();
    this.element.indentFirstLine = indentFirstLine;
    return this;
  }
  editAsText(): FakeText {
    return new FakeText(this.env, this.session, this.element);
  }
  setBold(bold: boolean): this {
    this.edit();
    this.element.bold = bold;
    return this;
  }
}

export class FakeTableCell extends DocumentPart implements Fake<GoogleAppsScript.Document.TableCell, 'getText' | 'setText' | 'setBackgroundColor'> {
  private readonly table: TableElement;
  private readonly r: number;
  private readonly c: number;
  constructor(env: FakeEnv, session: DocSession, table: TableElement, r: number, c: number) {
    super(env, session, 'TableCell');
    this.table = table;
    this.r = r;
    this.c = c;
  }
  getText(): string {
    return this.table.rows[this.r]?.[this.c] ?? '';
  }
  setText(text: string): this {
    this.edit();
    const row = this.table.rows[this.r];
    if (row) row[this.c] = String(text);
    return this;
  }
  setBackgroundColor(): this {
    this.edit();
    return this;
  }
  setWidth(): this {
    this.edit();
    return this;
  }
  /**
   * A cell made by `appendTable(cells)` holds one paragraph with its text: child 0, as the reference's
   * own sample reads it (`table.getCell(0, 0).getChild(0).asParagraph()`,
   * https://developers.google.com/apps-script/reference/document/horizontal-alignment).
   */
  getNumChildren(): number {
    return 1;
  }
  getChild(childIndex: number): FakeCellParagraph {
    if (childIndex !== 0) throw childIndexError(this.env, childIndex, 1);
    return new FakeCellParagraph(this.env, this.session, this.table, this.r, this.c);
  }
}

/** The one paragraph of a table cell: its text and alignment. */
export class FakeCellParagraph extends DocumentPart {
  constructor(
    env: FakeEnv,
    session: DocSession,
    private readonly table: TableElement,
    private readonly r: number,
    private readonly c: number,
  ) {
    super(env, session, 'Paragraph');
  }
  getType(): string {
    return ElementType.PARAGRAPH;
  }
  asParagraph(): this {
    return this;
  }
  getText(): string {
    return this.table.rows[this.r]?.[this.c] ?? '';
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    this.edit();
    const value = enumValue(this.env, HorizontalAlignment, alignment, 'alignment');
    this.table.cellAlignments = { ...(this.table.cellAlignments ?? {}), [`${this.r}:${this.c}`]: value };
    return this;
  }
  getAlignment(): string | null {
    return this.table.cellAlignments?.[`${this.r}:${this.c}`] ?? null;
  }
}

export class FakeTableRow extends DocumentPart implements Fake<GoogleAppsScript.Document.TableRow, 'getNumCells' | 'getCell' | 'appendTableCell'> {
  private readonly table: TableElement;
  private readonly r: number;
  constructor(env: FakeEnv, session: DocSession, table: TableElement, r: number) {
    super(env, session, 'TableRow');
    this.table = table;
    this.r = r;
  }
  getNumCells(): number {
    return this.table.rows[this.r]?.length ?? 0;
  }
  getCell(cellIndex: number): FakeTableCell {
    if (cellIndex < 0 || cellIndex >= this.getNumCells()) throw childIndexError(this.env, cellIndex, this.getNumCells());
    return new FakeTableCell(this.env, this.session, this.table, this.r, cellIndex);
  }
  /** Only `setBold` on the whole row is modelled. */
  editAsText(): { setBold(bold: boolean): unknown } {
    const table = this.table;
    const r = this.r;
    const session = this.session;
    const env = this.env;
    return {
      setBold(bold: boolean) {
        editable(env, session);
        const rows = new Set(table.boldRows ?? []);
        if (bold) rows.add(r);
        else rows.delete(r);
        table.boldRows = [...rows].sort((a, b) => a - b);
        return this;
      },
    };
  }
  appendTableCell(text?: string | GoogleAppsScript.Document.TableCell | null): FakeTableCell {
    this.edit();
    const row = this.table.rows[this.r] ?? [];
    row.push(typeof text === 'string' ? text : (text?.getText() ?? ''));
    return new FakeTableCell(this.env, this.session, this.table, this.r, row.length - 1);
  }
}

export class FakeTable extends SectionChild<TableElement> implements Fake<GoogleAppsScript.Document.Table, 'getNumRows' | 'getRow' | 'getCell' | 'appendTableRow' | 'setBorderWidth' | 'getText'> {
  constructor(env: FakeEnv, session: DocSession, element: TableElement, owner: (() => DocElement[]) | null = null) {
    super(env, session, element, owner, 'Table');
  }
  getType(): string {
    return ElementType.TABLE;
  }
  copy(): FakeTable {
    return new FakeTable(this.env, detached(), cloneElement(this.element));
  }
  asTable(): this {
    return this;
  }
  getNumRows(): number {
    return this.element.rows.length;
  }
  getRow(rowIndex: number): FakeTableRow {
    if (rowIndex < 0 || rowIndex >= this.element.rows.length) throw childIndexError(this.env, rowIndex, this.element.rows.length);
    return new FakeTableRow(this.env, this.session, this.element, rowIndex);
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    return this.getRow(rowIndex).getCell(cellIndex);
  }
  appendTableRow(): FakeTableRow {
    this.edit();
    this.element.rows.push([]);
    return new FakeTableRow(this.env, this.session, this.element, this.element.rows.length - 1);
  }
  setBorderWidth(width: number): this {
    this.edit();
    this.element.borderWidth = width;
    return this;
  }
  setColumnWidth(): this {
    this.edit();
    return this;
  }
  getText(): string {
    return sectionText([this.element]);
  }
}

export class FakeInlineImage extends DocumentPart implements Fake<GoogleAppsScript.Document.InlineImage, 'setWidth' | 'setHeight' | 'getWidth' | 'getHeight'> {
  readonly element: ImageElement;
  constructor(env: FakeEnv, session: DocSession, element: ImageElement) {
    super(env, session, 'InlineImage');
    this.element = element;
  }
  setWidth(width: number): this {
    this.edit();
    this.element.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.edit();
    this.element.height = height;
    return this;
  }
  getWidth(): number {
    return this.element.width ?? 400;
  }
  getType(): string {
    return ElementType.INLINE_IMAGE;
  }
  getHeight(): number {
    return this.element.height ?? 300;
  }
}

export class FakePageBreak extends Instrumented {
  constructor(env: FakeEnv) {
    super(env, 'DocumentApp', 'PageBreak');
  }
  getType(): string {
    return ElementType.PAGE_BREAK;
  }
}

