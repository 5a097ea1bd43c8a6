/**
 * «Настроить таблицу»: what is missing is planned and added (sheets, columns, settings rows, blank
 * IDs), nothing is deleted or moved, a second run is a no-op, and a failure at any workbook call
 * leaves a workbook that a rerun completes.
 */
import { planSetup, runSetup, writeAssignedIds } from '../../../src/core/data/setup';
import { readWorkbook } from '../../../src/core/data/read';
import { layoutFor, SETTING, SETTING_DEFAULTS, SHEET_SPECS, type SettingKey } from '../../../src/core/data/schema';
import { checkMsg, setupMsg } from '../../../src/messages/data';
import type { Cell } from '../../../src/ports';
import { partnersWorkbook } from '../../helpers/memory-runtime';
import { MemoryWorkbook } from '../../helpers/memory-workbook';

const spec = (name: string) => {
  const s = SHEET_SPECS.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};
const layouts = (name: string, headers?: string[]) => spec(name).columns.filter((c) => !headers || headers.includes(c.header)).map(layoutFor);
const ALL_SETTINGS = (Object.keys(SETTING) as SettingKey[]).map((k) => [SETTING[k], SETTING_DEFAULTS[k]]);
const writes = (wb: MemoryWorkbook) => wb.calls.filter((c) => !c.startsWith('read:'));

/** Every non-blank cell of every sheet, with its place. */
function cells(wb: MemoryWorkbook): string[] {
  const out: string[] = [];
  for (const [name, rows] of wb.sheets)
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== '' && v !== undefined) out.push(`${name}!${i + 1}:${j + 1}=${v instanceof Date ? v.toISOString() : String(v)}`);
      }),
    );
  return out;
}

/** A workbook staff have worked in: a title row, their own columns and sheet, missing bits here and there. */
function lived(): MemoryWorkbook {
  const wb = partnersWorkbook(3);
  const partners = wb.sheets.get('Партнёры')!;
  // Drop «Пол» and «Примечание», add a title row and a staff column at the end.
  const drop = [partners[0].indexOf('Пол'), partners[0].indexOf('Примечание')];
  const kept = partners.map((r) => [...r.filter((_, i) => !drop.includes(i)), 'моё']);
  kept[0][kept[0].length - 1] = 'Куратор';
  kept[2][1] = 'ООО «Партнёр 2» (бывш. «Рыбозавод»)';
  kept[2][0] = ''; // a blank ID: it becomes П-004, after the largest in use
  wb.sheets.set('Партнёры', [['Партнёры центра — не удалять эту строку'], ...kept]);
  wb.sheets.delete('Журнал');
  wb.sheets.set('Мой лист', [['что угодно', 42]]);
  const settings = wb.sheets.get('Настройки')!;
  settings.push(['Краткое название', 'ЦДТ «Радуга»'], ['Моя заметка', 'не трогать']);
  return wb;
}

describe('planSetup', () => {
  it('plans every sheet of an empty workbook, settings rows with their defaults', () => {
    const wb = new MemoryWorkbook();
    expect(planSetup(wb)).toEqual(
      SHEET_SPECS.map((s) =>
        s.name === 'Настройки'
          ? { kind: 'createSheet', sheet: s.name, columns: layouts(s.name), rows: ALL_SETTINGS }
          : { kind: 'createSheet', sheet: s.name, columns: layouts(s.name) },
      ),
    );
    expect(wb.calls).toEqual(SHEET_SPECS.map((s) => `read:${s.name}`));
  });

  it('plans missing columns after the last used header cell of the header row, and missing settings rows only', () => {
    const wb = lived();
    const steps = planSetup(wb);
    expect(steps).toEqual([
      { kind: 'addColumns', sheet: 'Партнёры', headerRow: 2, afterCol: 12, columns: layouts('Партнёры', ['Пол', 'Примечание']) },
      { kind: 'freezeHeader', sheet: 'Партнёры', headerRow: 2 },
      { kind: 'createSheet', sheet: 'Журнал', columns: layouts('Журнал') },
      {
        kind: 'appendRows',
        sheet: 'Настройки',
        rows: ALL_SETTINGS.filter(([p]) => !['Руководитель (ФИО)', 'Адрес учреждения', 'Телефон учреждения', 'Исполнитель (ФИО)', 'Телефон исполнителя', 'Email для ответов', 'Исходящий номер: префикс', 'Исходящий номер: следующий', 'Краткое название'].includes(String(p))),
      },
    ]);
    // Planning writes nothing.
    expect(writes(wb)).toEqual([]);
  });

  it('is empty for a complete workbook, whatever the column order and the staff columns', () => {
    const wb = partnersWorkbook(2);
    const p = wb.sheets.get('Партнёры')!;
    wb.sheets.set('Партнёры', p.map((r) => ['x', ...[...r].reverse()]));
    for (const key of Object.keys(SETTING) as SettingKey[]) if (!wb.sheets.get('Настройки')!.some((r) => r[0] === SETTING[key])) wb.sheets.get('Настройки')!.push([SETTING[key], '']);
    expect(planSetup(wb)).toEqual([]);
  });
});

describe('runSetup', () => {
  it('on an empty workbook creates everything, and the result reads with no problem but the settings still to fill', () => {
    const wb = new MemoryWorkbook();
    const report = runSetup(wb);
    expect([...wb.sheets.keys()]).toEqual(SHEET_SPECS.map((s) => s.name));
    for (const s of SHEET_SPECS) expect(wb.sheets.get(s.name)![0]).toEqual(s.columns.map((c) => c.header));
    expect(wb.sheets.get('Настройки')!.slice(1)).toEqual(ALL_SETTINGS);
    // Only the letterhead settings setup cannot know (director, address, phones …) are left for staff to fill.
    const problems = readWorkbook(wb).problems;
    expect(problems.every((p) => p.sheet === 'Настройки' && p.message.startsWith('Не заполнен параметр'))).toBe(true);
    expect(problems.length).toBeGreaterThan(0);
    expect(report.assignedIds).toBe(0);
    expect(report.summary).toBe([setupMsg.done, ...SHEET_SPECS.map((s) => setupMsg.createdSheet(s.name))].join('\n'));
  });

  it('adds what is missing and fills blank IDs; deletes, moves and overwrites nothing', () => {
    const wb = lived();
    const before = cells(wb);
    const report = runSetup(wb);
    const after = cells(wb);
    expect(after.filter((c) => !before.includes(c))).not.toEqual([]);
    expect(before.filter((c) => !after.includes(c))).toEqual([]);
    const header = wb.sheets.get('Партнёры')![1];
    expect(header.slice(10)).toEqual(['Приглашать', 'Куратор', 'Пол', 'Примечание']);
    expect(wb.sheets.get('Партнёры')![0]).toEqual(['Партнёры центра — не удалять эту строку']);
    expect(wb.sheets.get('Мой лист')).toEqual([['что угодно', 42]]);
    expect(report.assignedIds).toBe(1);
    const data = readWorkbook(wb);
    // The staff's own row in «Настройки» is named (a warning) and kept.
    expect(data.problems.map((p) => [p.address, p.severity])).toEqual([['Настройки!A11', 'warning']]);
    expect(data.partners.map((p) => p.id)).toEqual(['П-001', 'П-004', 'П-003']);
    expect(data.settings.centreShort).toBe('ЦДТ «Радуга»');
    expect(report.summary.split('\n')).toEqual([
      setupMsg.done,
      setupMsg.addedColumns('Партнёры', ['Пол', 'Примечание']),
      setupMsg.createdSheet('Журнал'),
      setupMsg.addedSettings(18),
      checkMsg.assignedIds(1),
    ]);
  });

  it('a second run is a no-op: nothing planned, nothing written', () => {
    const wb = lived();
    runSetup(wb);
    const state = cells(wb);
    wb.calls = [];
    expect(planSetup(wb)).toEqual([]);
    const again = runSetup(wb);
    expect(again).toEqual({ steps: [], assignedIds: 0, summary: setupMsg.nothing });
    expect(writes(wb)).toEqual([]);
    expect(cells(wb)).toEqual(state);
  });

  it('settings whose columns are in another order get their rows under the right headers, and a second run adds none', () => {
    const wb = partnersWorkbook(1);
    wb.sheets.set('Настройки', [
      ['Значение', 'Комментарий', 'Параметр'],
      ['ДЮЦ «Ровесник»', 'как в уставе', 'Краткое название'],
    ]);
    runSetup(wb);
    const rows = wb.sheets.get('Настройки')!;
    const count = rows.length;
    // Run it again: the settings it added must be found, not added once more.
    runSetup(wb);
    expect(wb.sheets.get('Настройки')!.length - count).toBe(0);
    const added = rows.slice(2);
    expect(added.length).toBe(ALL_SETTINGS.length - 1);
    // «Параметр» is the third column here: each added row names its setting there.
    expect(added.map((r) => r[2])).toEqual(ALL_SETTINGS.map(([p]) => p).filter((p) => p !== 'Краткое название'));
    expect(added.map((r) => r[0])).toEqual(ALL_SETTINGS.filter(([p]) => p !== 'Краткое название').map(([, v]) => v));
    expect(added.every((r) => (r[1] ?? '') === '')).toBe(true);
    expect(planSetup(wb)).toEqual([]);
  });
});

describe('writeAssignedIds', () => {
  it('writes the planned IDs in one batch per sheet and says how many', () => {
    const wb = partnersWorkbook(3);
    wb.sheets.get('Партнёры')![1][0] = '';
    wb.sheets.get('Партнёры')![3][0] = '';
    wb.sheets.get('Мероприятия')![1][0] = '';
    const data = readWorkbook(wb);
    wb.calls = [];
    expect(writeAssignedIds(wb, data.assignedIds)).toBe(3);
    expect(wb.calls).toEqual(['write:Партнёры', 'write:Мероприятия']);
    expect(wb.sheets.get('Партнёры')!.map((r) => r[0])).toEqual(['ID', 'П-003', 'П-002', 'П-004']);
    expect(wb.sheets.get('Мероприятия')![1][0]).toBe('М-001');
    expect(readWorkbook(wb).assignedIds).toEqual([]);
  });

  it('writes nothing when nothing is planned', () => {
    const wb = partnersWorkbook(1);
    expect(writeAssignedIds(wb, [])).toBe(0);
    expect(wb.calls).toEqual([]);
  });
});

describe('a failure at any workbook call of setup', () => {
  it('leaves a workbook that a rerun completes, exactly as one clean run would', () => {
    const clean = lived();
    runSetup(clean);
    const total = clean.calls.length;
    expect(clean.calls).toEqual([
      ...SHEET_SPECS.map((s) => `read:${s.name}`),
      'setup',
      ...SHEET_SPECS.map((s) => `read:${s.name}`),
      'write:Партнёры',
    ]);
    const expected = cells(clean);
    for (let k = 1; k <= total; k++) {
      const wb = lived();
      const before = cells(wb);
      wb.failAt = k;
      expect(() => runSetup(wb)).toThrow(`fail at call ${k}`);
      // Whatever the failed run did, it only added.
      const now = cells(wb);
      expect([k, before.filter((c) => !now.includes(c))]).toEqual([k, []]);
      wb.failAt = null;
      wb.calls = [];
      runSetup(wb);
      expect([k, cells(wb)]).toEqual([k, expected]);
      expect([k, planSetup(wb)]).toEqual([k, []]);
    }
  });

  it('and a rerun after a failure before the IDs were written assigns each blank ID once', () => {
    const wb = lived();
    wb.failAt = 12; // the ID write, after the setup steps
    expect(() => runSetup(wb)).toThrow('fail at call 12');
    wb.failAt = null;
    const report = runSetup(wb);
    expect(report.steps).toEqual([]);
    expect(report.assignedIds).toBe(1);
    const ids = readWorkbook(wb).partners.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cellsOf = (rows: Cell[][]) => rows.slice(2).map((r) => r[0]);
    expect(cellsOf(wb.sheets.get('Партнёры')!)).toEqual(['П-001', 'П-004', 'П-003']);
  });
});
