import { runCheck } from '../../../src/core/data/check';
import { NOTE_PREFIX } from '../../../src/messages/data';
import { readWorkbook } from '../../../src/core/data/read';
import { planSetup, runSetup } from '../../../src/core/data/setup';
import { layoutFor, SETTINGS_SPEC, SHEET_SPECS } from '../../../src/core/data/schema';
import { parseYearStart } from '../../../src/core/data/academic-year';
import { partnersWorkbook } from '../../helpers/memory-runtime';
import { MemoryWorkbook } from '../../helpers/memory-workbook';

function planted(): MemoryWorkbook {
  const wb = partnersWorkbook(6);
  const p = wb.sheets.get('Партнёры')!;
  p[1][7] = 'not-an-email'; // H2
  p[2][2] = 'Инопланетяне'; // C3
  p[3][0] = 'П-001'; // A4 duplicate
  p[4][1] = '#N/A'; // B5 formula error in a required cell
  p[5][0] = ''; // A6 blank ID → assigned
  p.push(['', '', '', '', '', '', '', '', '', '', '', '', '']); // blank row, ignored
  p.push(['П-010', 'ООО «Последний»', 'Семья', '', '', '', '', 'x@example.org; y@example.org', '', '', 'да', 'нет', '']);
  const e = wb.sheets.get('Мероприятия')!;
  e.push(['М-002', 'Новый год', 'скоро', '25:99', '', '', '', '', 'Семья; Марсиане', 'запланировано', 'много', '']);
  const c = wb.sheets.get('Вклад')!;
  c.push(['М-404', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, '']);
  c.push(['М-001', 'П-003', 'спонсор', 'финансовый', 'подарки', -5, '']);
  c.push(['М-001', 'П-003', 'спонсор', 'волшебный', 'подарки', 'пять тысяч', '']);
  return wb;
}

describe('reading and checking', () => {
  it('reports each planted problem at its address; good rows still read', () => {
    const wb = planted();
    const report = runCheck(wb);
    const at = (address: string) => report.problems.filter((p) => p.address === address).map((p) => p.message).join(' | ');
    expect(at('Партнёры!H2')).toContain('Неверный адрес электронной почты «not-an-email»');
    expect(at('Партнёры!C3')).toContain('«Инопланетяне»');
    expect(at('Партнёры!A4')).toContain('ID «П-001» повторяется');
    expect(at('Партнёры!B5')).toContain('Ошибка формулы #N/A');
    expect(at('Мероприятия!C3')).toContain('«скоро» — не дата');
    expect(at('Мероприятия!D3')).toContain('«25:99» — не время');
    expect(at('Мероприятия!I3')).toContain('«Марсиане»');
    expect(at('Мероприятия!K3')).toContain('«много» — не число');
    expect(at('Вклад!A2')).toContain('«М-404» не найдено');
    expect(at('Вклад!F3')).toContain('отрицательное');
    expect(at('Вклад!D4')).toContain('«волшебный»');
    expect(at('Вклад!F4')).toContain('не сумма');
    expect(report.summary).toContain('Проверка завершена: найдено');
    expect(report.summary).toContain('Партнёры!H2: Неверный адрес');
    // Blank ID assigned after the largest in use; the row is then used normally.
    expect(report.assignedIds).toBe(1);
    expect(wb.sheets.get('Партнёры')![5][0]).toBe('П-011');
    const data = readWorkbook(wb);
    expect(data.partners.map((p) => p.id)).toEqual(['П-001', 'П-011', 'П-006', 'П-010']);
    const last = data.partners.find((p) => p.id === 'П-010')!;
    expect(last.emails).toEqual(['x@example.org', 'y@example.org']);
    expect(last.sponsor).toBe(true);
    expect(last.invite).toBe(false);
    expect(data.events.map((e) => e.id)).toEqual(['М-001']);
  });

  it('marks problem cells with notes and a clean check removes only its own notes', () => {
    const wb = planted();
    wb.setNotes('Партнёры', [{ row: 1, col: 2, note: 'заметка сотрудника' }]);
    runCheck(wb);
    expect(wb.notes.get('Партнёры')![1][7]).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    const clean = partnersWorkbook(6);
    clean.notes = wb.notes;
    const report = runCheck(clean);
    expect(report.problems).toEqual([]);
    expect(report.summary).toContain('ошибок нет');
    const notes = clean.readNotes('Партнёры').flat().filter(Boolean);
    expect(notes).toEqual(['заметка сотрудника']);
  });

  it('names a missing required column and a missing sheet', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Партнёры')![0][2] = 'Тип';
    wb.sheets.delete('Вклад');
    const report = runCheck(wb);
    expect(report.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('нет обязательного столбца «Категория»'), expect.stringContaining('Нет листа «Вклад»')]),
    );
  });

  it('takes addresses as mail programs copy them and dates that lost their format', () => {
    const wb = partnersWorkbook(4);
    const p = wb.sheets.get('Партнёры')!;
    p[1][7] = 'Иван Петров <Ivan@Example.org>';
    p[2][7] = '"Иванова, Анна" <anna@example.org>; mailto:b@example.org';
    p[3][7] = 'c@example.org, Мария <c@example.org>';
    p[4][7] = 'Пётр Сидоров';
    const e = wb.sheets.get('Мероприятия')!;
    e.push(['М-002', 'Новый год', 46383, '15:00', '', '', '', '', 'все', 'запланировано', '', '']);
    e.push(['М-003', 'Ёлка', 12, '15:00', '', '', '', '', 'все', 'запланировано', '', '']);
    const data = readWorkbook(wb);
    expect(data.partners.map((x) => x.emails)).toEqual([['Ivan@Example.org'], ['anna@example.org', 'b@example.org'], ['c@example.org'], []]);
    expect(data.problems.filter((x) => x.address === 'Партнёры!H5').map((x) => x.message)).toEqual([
      expect.stringContaining('«Пётр»'),
      expect.stringContaining('«Сидоров»'),
    ]);
    // 46383 is the serial day of 27.12.2026 in Sheets and Excel (days since 30.12.1899).
    expect(data.events.find((x) => x.id === 'М-002')!.date).toEqual({ year: 2026, month: 12, day: 27 });
    expect(data.problems.map((x) => x.address)).toContain('Мероприятия!C4');
    expect(data.problems.map((x) => x.address)).not.toContain('Мероприятия!C3');
  });

  it('reads the start of the academic year also when the sheet made a date of it, and warns when unreadable', () => {
    const wb = partnersWorkbook(2);
    const settings = wb.sheets.get('Настройки')!;
    settings.push(['Начало учебного года (день.месяц)', new Date(Date.UTC(2026, 7, 15))]);
    const data = readWorkbook(wb);
    expect(parseYearStart(data.settings.yearStart)).toEqual({ day: 15, month: 8 });
    expect(data.problems).toEqual([]);
    settings[settings.length - 1][1] = 'с сентября';
    const again = readWorkbook(wb);
    expect(parseYearStart(again.settings.yearStart)).toEqual({ day: 1, month: 9 });
    expect(again.problems).toEqual([
      expect.objectContaining({ address: `Настройки!B${settings.length}`, severity: 'warning', message: expect.stringContaining('«с сентября» не прочитано') }),
    ]);
    // Setup keeps settings as typed: the value column is plain text, so `01.09` stays text.
    expect(layoutFor(SETTINGS_SPEC.columns[1]).numberFormat).toBe('@');
  });

  it('finds headers below a title row and in another order, and matches values ignoring case and ё', () => {
    const wb = new MemoryWorkbook({
      Партнёры: [
        ['Наши партнёры на 2026 год'],
        ['Категория', 'Моя колонка', 'организация', 'ID', 'E-mail'],
        ['семья', 'что-то своё', 'Семья Ивановых', 'П-001', 'ivanovy@example.org'],
      ],
    });
    const data = readWorkbook(wb);
    expect(data.partners).toEqual([expect.objectContaining({ id: 'П-001', category: 'Семья', emails: ['ivanovy@example.org'], row: 3 })]);
  });
});

describe('«Что сделано» that would read wrong in a letter', () => {
  it('warns with the cell where a phrase would still read wrong; a nominative or fixable phrase is no problem', () => {
    const wb = partnersWorkbook(3);
    wb.sheets.get('Вклад')!.push(
      ['М-001', 'П-001', 'спонсор', 'финансовый', 'Финансовая поддержка праздника.', 5000, ''], // row 2: lowered, stop dropped
      ['М-001', 'П-002', 'участник', 'кадровый', 'Помогли с оформлением зала.', '', ''], // row 3: a sentence
      ['М-001', 'П-003', 'участник', 'кадровый', 'ведущего праздника', '', ''], // row 4: accusative of a person
      ['М-001', 'П-003', 'участник', 'временной', 'Дед Мороз и Снегурочка', '', ''], // row 5: capital kept
    );
    const report = runCheck(wb);
    const lines = report.problems.filter((p) => p.sheet === 'Вклад').map((p) => `${p.address} ${p.severity}: ${p.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^Вклад!E3 warning: «Помогли с оформлением зала\.» — целое предложение/),
      expect.stringMatching(/^Вклад!E4 warning: «ведущего праздника»: похоже, часть фразы не в именительном падеже/),
      expect.stringMatching(/^Вклад!E5 warning: «Дед Мороз и Снегурочка» начинается с заглавной буквы/),
    ]);
    // Warnings only: every contribution still counts.
    expect(report.data.contributions).toHaveLength(4);
    expect(report.summary).toContain('Вклад!E3');
  });
});

describe('setup', () => {
  it('creates every sheet with its columns on an empty workbook, and twice is a no-op', () => {
    const wb = new MemoryWorkbook();
    const report = runSetup(wb);
    for (const spec of SHEET_SPECS) expect(wb.sheets.get(spec.name)![0]).toEqual(spec.columns.map((c) => c.header));
    expect(report.summary).toContain('Создан лист «Партнёры»');
    expect(wb.sheets.get('Настройки')!.length).toBeGreaterThan(10);
    const snapshot = JSON.stringify([...wb.sheets]);
    const again = runSetup(wb);
    expect(again.steps).toEqual([]);
    expect(again.summary).toBe('Таблица уже настроена: ничего менять не нужно.');
    expect(JSON.stringify([...wb.sheets])).toBe(snapshot);
  });

  it('adds only missing columns after the user’s own, keeps data, fills missing settings rows', () => {
    const wb = new MemoryWorkbook({
      Партнёры: [
        ['Организация', 'Своя колонка', 'Категория'],
        ['ООО «Ромашка»', 'важное', 'Общественные организации'],
      ],
      Настройки: [
        ['Параметр', 'Значение'],
        ['Краткое название', 'ЦДТ «Радуга»'],
      ],
    });
    const steps = planSetup(wb);
    expect(steps.find((s) => s.kind === 'addColumns' && s.sheet === 'Партнёры')).toMatchObject({ afterCol: 3 });
    runSetup(wb);
    const p = wb.sheets.get('Партнёры')!;
    expect(p[0].slice(0, 4)).toEqual(['Организация', 'Своя колонка', 'Категория', 'ID']);
    expect(p[1].slice(0, 4)).toEqual(['ООО «Ромашка»', 'важное', 'Общественные организации', 'П-001']);
    const settings = wb.sheets.get('Настройки')!;
    expect(settings[1]).toEqual(['Краткое название', 'ЦДТ «Радуга»']);
    expect(settings.filter((r) => r[0] === 'Краткое название')).toHaveLength(1);
  });
});

describe('«Настройки» as staff write them', () => {
  const settingsOf = (rows: string[][]) => {
    const wb = partnersWorkbook(2);
    wb.sheets.set('Настройки', [['Параметр', 'Значение'], ...rows]);
    return wb;
  };

  it('reads obvious synonyms as the parameters they mean, so a workbook the jobs accept checks clean', () => {
    const wb = settingsOf([
      ['Руководитель', 'Лаврентьева Светлана Андреевна'],
      ['Адрес:', 'пос. Примерный'],
      ['Телефон', '+7 (000) 000-00-00'],
      ['Исполнитель', 'Кузьмина Ольга Викторовна'],
      ['Телефон исполнителя', '+7 (000) 000-00-01'],
    ]);
    const data = readWorkbook(wb);
    expect(data.problems).toEqual([]);
    expect([data.settings.directorName, data.settings.address, data.settings.phone, data.settings.performerName]).toEqual([
      'Лаврентьева Светлана Андреевна',
      'пос. Примерный',
      '+7 (000) 000-00-00',
      'Кузьмина Ольга Викторовна',
    ]);
  });

  it('names every label it does not know with the nearest known one, and every empty setting a letter needs', () => {
    const wb = settingsOf([
      ['Руководитель (ФИО)', ''],
      ['Адрес центра детского творчества', 'пос. Примерный'],
      ['Телефон учреждения', '+7 (000) 000-00-00'],
      ['Исполнитель (ФИО)', 'Кузьмина Ольга Викторовна'],
      ['Любимый цвет', 'синий'],
    ]);
    const problems = runCheck(wb).problems;
    const at = (address: string) => problems.filter((p) => p.address === address).map((p) => p.message);
    expect(at('Настройки!B2')).toEqual([expect.stringContaining('Не заполнен параметр «Руководитель (ФИО)»')]);
    expect(at('Настройки!A3')).toEqual([expect.stringMatching(/«Адрес центра детского творчества» программе неизвестен.*Возможно, это «Адрес учреждения»/)]);
    expect(at('Настройки!A6')).toEqual([expect.stringMatching(/«Любимый цвет» программе неизвестен и не читается\.$/)]);
    expect(problems.filter((p) => p.address === 'Настройки').map((p) => p.message)).toEqual([
      expect.stringContaining('«Адрес учреждения»'),
      expect.stringContaining('«Телефон исполнителя»'),
    ]);
    expect(problems.every((p) => p.severity === 'error' || /неизвестен/.test(p.message))).toBe(true);
  });
});

describe('headers that cannot be trusted are named with their cells', () => {
  it('a duplicated, a renamed and a merged header: the sheet is refused with the cells named', () => {
    const dup = partnersWorkbook(2);
    dup.sheets.get('Партнёры')![0].push('E-mail');
    const dupData = readWorkbook(dup);
    expect(dupData.partners).toEqual([]);
    expect(dupData.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/несколько столбцов «Email» \(Партнёры!H1, Партнёры!N1\)/));

    const renamed = partnersWorkbook(2);
    renamed.sheets.get('Партнёры')![0][1] = 'Название организации';
    expect(readWorkbook(renamed).problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/нет обязательного столбца «Организация».*Похоже, это столбец «Название организации» \(Партнёры!B1\): назовите его «Организация»/),
    );

    const merged = partnersWorkbook(2);
    merged.sheets.get('Партнёры')![0][2] = '';
    Object.assign(merged, { readMerges: (name: string) => (name === 'Партнёры' ? [{ row: 1, col: 2, rows: 1, cols: 2 }] : []) });
    const messages = readWorkbook(merged).problems.filter((p) => p.address === 'Партнёры').map((p) => p.message);
    expect(messages).toContainEqual(expect.stringContaining('нет обязательного столбца «Категория»'));
    expect(messages).toContainEqual(expect.stringContaining('«Организация» — объединённые ячейки Партнёры!B1:C1'));
  });

  it('an event whose date does not read is one problem: its contributions are not reported «не найдено» again', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Мероприятия')!.push(['М-003', 'Новый год', 'скоро', '', '', '', '', '', '', 'запланировано', '', '']);
    wb.sheets.get('Вклад')!.push(['М-003', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, ''], ['М-003', 'П-002', 'участник', 'кадровый', '', '', '']);
    const data = readWorkbook(wb);
    expect(data.problems.map((p) => `${p.address}: ${p.message}`)).toEqual([expect.stringMatching(/^Мероприятия!C3: «скоро» — не дата/)]);
    expect(data.unusableEvents).toEqual([{ id: 'М-003', title: 'Новый год', row: 3 }]);
  });

  it('Latin look-alike letters in an ID reference are read as Cyrillic, with a hint', () => {
    const wb = partnersWorkbook(2);
    wb.sheets.get('Вклад')!.push(['M-001', 'П-001', 'спонсор', 'финансовый', 'подарки', 5000, '']); // Latin M
    const data = readWorkbook(wb);
    expect(data.contributions.map((c) => c.eventId)).toContain('М-001');
    expect(data.problems).toEqual([expect.objectContaining({ address: 'Вклад!A2', severity: 'warning', message: expect.stringContaining('латинские буквы') })]);
  });
});
