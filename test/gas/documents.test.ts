import fc from 'fast-check';
import { DocsDocuments, placeholderTokens, replaceRequests, sentinelMark } from '../../src/gas/documents';
import { ensureDocsSetup } from '../../src/gas/templates';
import { SheetsWorkbook } from '../../src/gas/workbook';
import { defaultTemplate } from '../../src/core/letters/templates';
import type { DocModel } from '../../src/ports';
import { chartOfPng, type DocModel as FakeDoc, documentText, type DriveItem, type GasFakes, installGasFakes, spreadsheetFromSheets } from './fakes';
import { isGasAttachment } from '../../src/gas/documents';
import { docsMsg } from '../../src/messages/gas';

let gas: GasFakes;
afterEach(() => gas?.uninstall());

const TRICKY = '$1 $& \\ {{x}} <b>жирный</b> =1+1 🎉 $$';

function setup(paragraphs: string[] = ['{{Обращение}}', 'Приглашаем {{ Организация }} на «{{Мероприятие}}» — {{Организация}}.']) {
  gas = installGasFakes(globalThis, {});
  const root = gas.drive.addFolder('Партнёрство — документы');
  const template = gas.drive.addDocument('Шаблон приглашения', paragraphs, root.id);
  const docs = new DocsDocuments({ folder: root.id, templates: { invitation: template.id, thanks: 'нет-такого' } });
  return { root, template, docs };
}

const docOf = (id: string): FakeDoc => {
  const doc = gas.drive.items.get(id)?.doc;
  if (!doc) throw new Error(`no doc ${id}`);
  return doc;
};
const idOf = (link: string): string => /\/d\/([^/]+)\//.exec(link)?.[1] ?? '';

describe('DocsDocuments', () => {
  it('finds placeholders (spaced ones too) in body, header and footer, opening the template once', () => {
    const { docs, template } = setup();
    (template.doc as FakeDoc).header = [{ kind: 'paragraph', text: '{{Учреждение}}', heading: 'NORMAL', alignment: null, bold: false, indentFirstLine: null, listItem: false }];
    expect(docs.templatePlaceholders('invitation')).toEqual(['Обращение', 'Организация', 'Мероприятие', 'Учреждение']);
    docs.templatePlaceholders('invitation');
    docs.templateText('invitation');
    expect(gas.env.count('DocumentApp.openById')).toBe(1);
    expect(docs.templateText('invitation')).toContain('Приглашаем {{ Организация }}');
  });

  it('braces that make no placeholder (an unclosed {{, a stray }}, an empty {{}}) are a Russian problem before anything is made', () => {
    const { docs } = setup(['{{Обращение}}', 'Исх. от {{Дата_письма', 'Подпись}} и {{Организация}}']);
    expect(() => docs.templatePlaceholders('invitation')).toThrow(
      'В шаблоне есть поле без закрывающих скобок «}}»: «{{Дата_письма». Каждое поле пишется так: {{Название}}. ' +
        'В шаблоне есть закрывающие скобки «}}» без открывающих «{{» рядом с текстом «Подпись}}».',
    );
    gas.uninstall();
    expect(() => setup(['Уважаемый {{ }}!']).docs.templatePlaceholders('invitation')).toThrow(/пустое поле «\{\{\}\}»/);
    gas.uninstall();
    expect(setup(['{{Обращение}} {{ Организация }}', 'фигурные { скобки } можно']).docs.templatePlaceholders('invitation')).toEqual(['Обращение', 'Организация']);
  });

  it('fills a copy literally in one batchUpdate: $1, {{x}}, <b>, =1+1 and emoji stay text; spaced tokens replaced', () => {
    const { docs, root } = setup();
    const values = { Обращение: 'Уважаемый {{Организация}}!', Организация: TRICKY, Мероприятие: 'День $1 матери {{Обращение}}' };
    const made = docs.fillTemplate('invitation', values, 'Приглашения — День матери', 'Приглашение — ООО «А.Б»');
    expect(gas.env.count('Documents.batchUpdate')).toBe(1);
    const id = idOf(made.link);
    const text = documentText(docOf(id));
    expect(text).toBe(`Уважаемый {{Организация}}!\nПриглашаем ${TRICKY} на «День $1 матери {{Обращение}}» — ${TRICKY}.`);
    // The copy lives in a subfolder of the root, found by name the next time.
    const copy = gas.drive.items.get(id) as DriveItem;
    const sub = gas.drive.items.get(copy.parents[0] ?? '') as DriveItem;
    expect(sub.name).toBe('Приглашения — День матери');
    expect(sub.parents).toEqual([root.id]);
    docs.fillTemplate('invitation', values, 'Приглашения — День матери', 'второе');
    expect([...gas.drive.items.values()].filter((i) => i.name === 'Приглашения — День матери')).toHaveLength(1);
    // The template itself is untouched.
    expect(docs.templateText('invitation')).toContain('{{ Организация }}');
  });

  it('pdf(): one getAs per letter, named after the letter (dots in the name kept)', () => {
    const { docs } = setup();
    const made = docs.fillTemplate('invitation', { Обращение: 'Здравствуйте!', Организация: 'ООО «А.Б»', Мероприятие: 'Бал' }, '', 'Приглашение — ООО «А.Б»');
    const pdf = made.pdf();
    expect(made.pdf()).toBe(pdf);
    expect(gas.env.count('Document.getAs')).toBe(1);
    expect(pdf?.fileName).toBe('Приглашение — ООО «А.Б».pdf');
    expect(pdf?.mimeType).toBe('application/pdf');
    expect(pdf && isGasAttachment(pdf) && pdf.blob.getDataAsString()).toContain('Здравствуйте!');
  });

  it('a bundle started with one letter and appended to letter by letter has N letters and N-1 page breaks, keeps the template’s header, paragraph formatting and tables, and trashes the temporaries', () => {
    const { docs, template } = setup();
    const doc = template.doc as FakeDoc;
    doc.body[0] = { ...(doc.body[0] as FakeDoc['body'][0] & { kind: 'paragraph' }), alignment: 'CENTER', bold: true };
    doc.body.push({ kind: 'table', rows: [['Директор', '{{Организация}}']], borderWidth: 0 });
    doc.header = [{ kind: 'paragraph', text: 'ДЮЦ «Ровесник» — бланк', alignment: 'CENTER', bold: false, heading: 'NORMAL', indentFirstLine: null, listItem: false }];
    const letters = [1, 2, 3].map((i) => ({ Обращение: `Уважаемый №${i}!`, Организация: `Орг ${i} $1`, Мероприятие: 'Бал' }));
    const [first, ...rest] = letters;
    const made = docs.startBundle('invitation', first, 'Печать', 'Приглашения для печати');
    const saves = gas.env.count('Document.saveAndClose');
    for (const values of rest) docs.appendToBundle('invitation', made.link, values, 'Печать');
    // Each letter is saved into the bundle before appendToBundle returns.
    expect(gas.env.count('Document.saveAndClose') - saves).toBe(rest.length);
    const bundle = docOf(idOf(made.link));
    expect(bundle.body.filter((e) => e.kind === 'pageBreak')).toHaveLength(2);
    const greetings = bundle.body.filter((e) => e.kind === 'paragraph' && e.text.startsWith('Уважаемый'));
    expect(greetings.map((e) => e.kind === 'paragraph' && e.text)).toEqual(['Уважаемый №1!', 'Уважаемый №2!', 'Уважаемый №3!']);
    expect(greetings.every((e) => e.kind === 'paragraph' && e.alignment === 'CENTER' && e.bold)).toBe(true);
    expect(bundle.body.filter((e) => e.kind === 'table').map((e) => e.kind === 'table' && e.rows[0]?.[1])).toEqual(['Орг 1 $1', 'Орг 2 $1', 'Орг 3 $1']);
    expect(bundle.body[0]).toMatchObject({ kind: 'paragraph', text: 'Уважаемый №1!' });
    // The bundle is a copy of the template, so the letterhead (header) stays; letters 2 and 3 come
    // from temporary copies that end in the trash.
    expect(bundle.header).toEqual([expect.objectContaining({ text: 'ДЮЦ «Ровесник» — бланк' })]);
    const temporaries = [...gas.drive.items.values()].filter((i) => i.name === docsMsg.bundleCopyName);
    expect(temporaries).toHaveLength(2);
    expect(temporaries.every((i) => i.trashed)).toBe(true);
    const bundleItem = gas.drive.items.get(idOf(made.link)) as DriveItem;
    expect((gas.drive.items.get(bundleItem.parents[0] ?? '') as DriveItem).name).toBe('Печать');
  });

  it('render(): headings, aligned/bold/indented paragraphs, tables with and without a header row, a chart image, page breaks', () => {
    const { docs } = setup();
    const model: DocModel = {
      title: 'Отчёт',
      blocks: [
        { kind: 'heading', level: 1, text: 'Анализ' },
        { kind: 'heading', level: 2, text: 'Партнёры' },
        { kind: 'paragraph', text: 'ВЫВОД', align: 'center', bold: true },
        { kind: 'paragraph', text: 'Текст', align: 'justify', indent: true },
        { kind: 'table', header: ['Категория', 'Число'], rows: [['Семья', '3']], widths: [70, 30], align: ['left', 'right'] },
        { kind: 'table', header: [], rows: [['Директор', 'И. П. Сидоров']] },
        { kind: 'pageBreak' },
        { kind: 'chart', chart: { title: 'Вклад', labels: ['кадровые', 'финансовые'], values: [2, 5], valueLabel: 'Число' } },
      ],
    };
    const made = docs.render(model, 'Отчёты', 'Годовой отчёт');
    const body = docOf(idOf(made.link)).body;
    expect(body.map((e) => e.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'table', 'pageBreak', 'image']);
    expect(body[0]).toMatchObject({ text: 'Анализ', heading: 'HEADING1' });
    expect(body[1]).toMatchObject({ heading: 'HEADING2' });
    expect(body[2]).toMatchObject({ alignment: 'CENTER', bold: true });
    expect(body[3]).toMatchObject({ alignment: 'JUSTIFY', bold: false });
    expect((body[3] as { indentFirstLine: number }).indentFirstLine).toBeGreaterThan(30);
    expect(body[4]).toMatchObject({ rows: [['Категория', 'Число'], ['Семья', '3']], boldRows: [0] });
    // Numbers right: the body cell of the number column only (the header and left columns untouched).
    expect((body[4] as { cellAlignments?: Record<string, string> }).cellAlignments).toEqual({ '1:1': 'RIGHT' });
    expect(body[5]).toMatchObject({ rows: [['Директор', 'И. П. Сидоров']], borderWidth: 0 });
    const image = body[7] as { kind: 'image'; bytes: Uint8Array; contentType: string };
    expect(image.contentType).toBe('image/png');
    expect(chartOfPng(image.bytes)).toMatchObject({ type: 'ColumnChart', title: 'Вклад', rows: [['кадровые', 2], ['финансовые', 5]] });
  });

  it('a folder or template not shared with this user is a Russian error naming who can fix it and how, never «не найдено»', () => {
    gas = installGasFakes(globalThis, { users: { 'b@rovesnik.example': {} } });
    const owner = 'staff@rovesnik.example';
    const folder = gas.drive.addFolder('Партнёрство — документы');
    const template = gas.drive.addDocument('Шаблон', ['{{Обращение}}'], folder.id);
    gas.scriptProperties.set('partnerstvo.docsOwner', owner);
    const docs = (): DocsDocuments => new DocsDocuments({ folder: folder.id, templates: { invitation: template.id, thanks: '' } });
    // B is not shared on anything: the template (looked up first) and then the folder name their owner.
    const asB = (): string => {
      try {
        gas.runAs('b@rovesnik.example', () => docs().templatePlaceholders('invitation'));
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(asB()).toMatch(/Шаблон приглашения \(ID документа\).*вам недоступен.*владельца \(staff@rovesnik\.example\).*Настроить таблицу/);
    expect(asB()).not.toMatch(/не найден|Exception|File not found/);
    gas.drive.share(template, 'b@rovesnik.example', 'reader');
    expect(asB()).toMatch(/Папка для документов.*вам недоступна.*staff@rovesnik\.example/);
    // Read-only access to the folder is not enough to make letters there.
    gas.drive.share(folder, 'b@rovesnik.example', 'reader');
    expect(asB()).toMatch(/только просмотр.*staff@rovesnik\.example/);
    gas.drive.share(folder, 'b@rovesnik.example', 'writer');
    expect(asB()).toBe('');
    expect(gas.env.count('DriveApp')).toBe(0);
  });

  it('a trashed folder or template says so, with what to do', () => {
    const { docs, root, template } = setup();
    template.trashed = true;
    expect(() => docs.templatePlaceholders('invitation')).toThrow(/Шаблон приглашения.*в корзине/);
    template.trashed = false;
    root.trashed = true;
    expect(() => new DocsDocuments({ folder: root.id, templates: { invitation: template.id, thanks: '' } }).templatePlaceholders('invitation')).toThrow(/Папка для документов.*в корзине/);
  });

  it('a missing template or folder is a Russian error naming the setting, never an English stack', () => {
    const { docs } = setup();
    expect(() => docs.templatePlaceholders('thanks')).toThrow(/Шаблон благодарственного письма \(ID документа\).*лист «Настройки»/);
    gas.uninstall();
    gas = installGasFakes(globalThis, {});
    const blank = new DocsDocuments({ folder: 'нет', templates: { invitation: '', thanks: '' } });
    expect(() => blank.templatePlaceholders('invitation')).toThrow(/Не указан шаблон в настройке «Шаблон приглашения \(ID документа\)»/);
    const t = gas.drive.addDocument('Шаблон', ['{{Обращение}}']);
    const noFolder = new DocsDocuments({ folder: 'нет', templates: { invitation: t.id, thanks: '' } });
    expect(() => noFolder.templatePlaceholders('invitation')).toThrow(/Папка для документов \(ID Google Диска\)/);
    try {
      noFolder.templatePlaceholders('invitation');
    } catch (e) {
      expect((e as Error).message).not.toMatch(/Exception|No item/);
    }
  });
});

describe('placeholder requests', () => {
  it('every raw token is replaced through a sentinel, so values are never re-scanned', () => {
    const text = '{{A}} {{ A }} {{B}}';
    const requests = replaceRequests(text, placeholderTokens(text), { A: '{{B}}', B: '{{A}}' });
    expect(requests).toHaveLength(5);
    // Apply the requests in order like Docs does, literally.
    let out = text;
    for (const r of requests) out = out.split(r.replaceAllText?.containsText?.text ?? '\u0000').join(r.replaceAllText?.replaceText ?? '');
    expect(out).toBe('{{B}} {{B}} {{A}}');
  });

  it('sentinels are ordinary characters found nowhere in the template or the values: nothing the Docs API strips', () => {
    const text = 'Шаблон ─ {{A}}';
    const requests = replaceRequests(text, placeholderTokens(text), { A: '━0━ ┄' });
    const sentinels = requests.map((r) => r.replaceAllText?.replaceText ?? '').slice(0, 1);
    expect(sentinels[0]).toMatch(/^(.)0\1$/u);
    const mark = [...(sentinels[0] ?? '')][0] ?? '';
    expect('─━┄'.includes(mark)).toBe(false);
    expect(mark.codePointAt(0)).toBeGreaterThanOrEqual(0x2500);
    const code = mark.codePointAt(0) ?? 0;
    expect(code >= 0xe000 && code <= 0xf8ff).toBe(false);
    expect(code).toBeGreaterThan(0x1f);
    expect(sentinelMark('x')).toBe('─');
    let all = '';
    for (let c = 0x2500; c <= 0x27bf; c++) all += String.fromCharCode(c);
    expect(() => sentinelMark(all)).toThrow(/No sentinel character is free/);
  });

  const TRICKY_VALUES: Record<string, string> = {
    Обращение: 'Уважаемый {{Дата}}!',
    Организация: 'ООО «$1 $& $$ \\ \\1» 🎉👨‍👩‍👧',
    Мероприятие: '─0─ ━1━ ┄2┄ {{Организация}} 0 1',
    Дата: '{{Обращение}} $2',
  };
  const literally = (text: string, values: Record<string, string>): string =>
    text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (raw: string, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? (values[name] ?? raw) : raw));

  it('with the Docs API stripping private-use characters, every letter’s Doc and PDF hold exactly the values: {{Дата}}, $1, \\, emoji, sentinel look-alikes', () => {
    const template = ['{{Обращение}}', 'Приглашаем {{ Организация }} на «{{Мероприятие}}» {{Дата}} — {{Организация}}. ─ ━'];
    const { docs } = setup(template);
    const made = docs.fillTemplate('invitation', TRICKY_VALUES, '', 'Письмо');
    const expected = template.map((p) => literally(p, TRICKY_VALUES)).join('\n');
    expect(documentText(docOf(idOf(made.link)))).toBe(expected);
    const pdf = made.pdf();
    expect(pdf && isGasAttachment(pdf) && pdf.blob.getDataAsString()).toBe(expected);
    expect(gas.env.count('Documents.batchUpdate')).toBe(1);
  });

  it('fills literally for any values (property): no value re-scanned, no sentinel left, nothing stripped', () => {
    const alphabet = ['{', '}', '{{', '}}', '$', '$1', '\\', '─', '━', '┄', '0', '1', '2', ' ', 'а', 'Б', '🎉', '{{A}}', '{{B}}', '\n'];
    const value = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((parts) => parts.join('').replace(/\n/g, ' '));
    fc.assert(
      fc.property(value, value, (a, b) => {
        gas?.uninstall();
        const template = ['{{A}} и {{ B }}', '─{{A}}━'];
        const { docs } = setup(template);
        const values = { A: a, B: b };
        const made = docs.fillTemplate('invitation', values, '', 'Письмо');
        expect(documentText(docOf(idOf(made.link)))).toBe(template.map((p) => literally(p, values)).join('\n'));
      }),
      { numRuns: 60 },
    );
  });
});

describe('ensureDocsSetup', () => {
  const settingsSheet = () =>
    spreadsheetFromSheets({
      Настройки: [
        ['Параметр', 'Значение'],
        ['Папка для документов (ID Google Диска)', ''],
        ['Шаблон приглашения (ID документа)', ''],
        ['Шаблон благодарственного письма (ID документа)', ''],
        ['Шаблон конверта (ID документа)', ''],
      ],
    });

  it('creates the folder and both default templates, writing and flushing each ID as soon as it exists; the second run creates nothing', () => {
    const ss = settingsSheet();
    gas = installGasFakes(globalThis, { spreadsheet: ss });
    const report = ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()));
    // One write and flush per created item, so a kill right after one leaves it found, not orphaned.
    // The folder and three templates (invitation, thank-you letter, envelope).
    expect(gas.env.count('Range.setValues')).toBe(4);
    expect(gas.env.count('SpreadsheetApp.flush')).toBeGreaterThanOrEqual(4);
    const [, folderRow, inviteRow, thanksRow] = ss.values('Настройки');
    const folder = gas.drive.items.get(String(folderRow?.[1])) as DriveItem;
    expect(folder.name).toBe('Партнёрство — документы');
    const invite = gas.drive.items.get(String(inviteRow?.[1])) as DriveItem;
    const thanks = gas.drive.items.get(String(thanksRow?.[1])) as DriveItem;
    expect(invite.parents).toEqual([folder.id]);
    expect(documentText(invite.doc as FakeDoc)).toContain('{{Обращение}}');
    expect(documentText(thanks.doc as FakeDoc)).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    // The envelope: DL (no format row: the default) landscape, 220 × 110 mm in points.
    const envelope = gas.drive.items.get(String(ss.values('Настройки')[4]?.[1])) as DriveItem;
    expect(documentText(envelope.doc as FakeDoc)).toContain('Куда: {{Куда}}');
    expect((envelope.doc as FakeDoc).page).toMatchObject({ width: 623.62, height: 311.81, marginLeft: 34.02, marginTop: 28.35 });
    // The rendered default template knows exactly the default placeholders.
    const docs = new DocsDocuments({ folder: folder.id, templates: { invitation: invite.id, thanks: thanks.id } });
    expect(docs.templatePlaceholders('invitation').sort()).toEqual(
      [...new Set(JSON.stringify(defaultTemplate('invitation')).match(/\{\{[^}]+\}\}/g)?.map((t) => t.slice(2, -2)))].sort(),
    );
    expect(report.lines.join('\n')).toMatch(/Создана папка «Партнёрство — документы»: https:\/\/drive\.google\.com/);
    expect(report.lines.join('\n')).toContain('Создан документ «Шаблон благодарственного письма»: https://docs.google.com/document/d/');

    const items = gas.drive.items.size;
    const again = ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()));
    expect(again.created).toEqual([]);
    expect(gas.drive.items.size).toBe(items);
    expect(gas.env.count('Range.setValues')).toBe(4);
  });

  it('never orphans what it cannot see: an ID not shared with this user stays, and the alert says whom to ask', () => {
    const ss = settingsSheet();
    gas = installGasFakes(globalThis, { spreadsheet: ss, users: { 'b@rovesnik.example': {} } });
    const first = ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()), () => ['staff@rovesnik.example']);
    expect(first.created).toHaveLength(4); // the folder and the three templates
    const before = JSON.stringify(ss.values('Настройки'));
    const items = gas.drive.items.size;
    const second = gas.runAs('b@rovesnik.example', () => ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()), () => ['staff@rovesnik.example', 'b@rovesnik.example']));
    expect(second.created).toEqual([]);
    expect(gas.drive.items.size).toBe(items);
    expect(JSON.stringify(ss.values('Настройки'))).toBe(before);
    expect(second.lines.join('\n')).toMatch(/недоступны, поэтому настройка ничего не создала.*владельца \(staff@rovesnik\.example\)/);
    // A trashed template is gone for good: that one is made again, in the same folder.
    const [, folderRow, , thanksRow] = ss.values('Настройки');
    (gas.drive.items.get(String(thanksRow?.[1])) as DriveItem).trashed = true;
    const third = ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()), () => ['staff@rovesnik.example']);
    expect(third.created.map((c) => c.name)).toEqual(['Шаблон благодарственного письма']);
    const remade = gas.drive.items.get(String(ss.values('Настройки')[3]?.[1])) as DriveItem;
    expect(remade.parents).toEqual([String(folderRow?.[1])]);
  });

  it('shares the folder with every editor of the spreadsheet who cannot edit it yet, without emailing them; a rerun shares with editors added later', () => {
    const ss = settingsSheet();
    ss.editors = ['staff@rovesnik.example', 'b@rovesnik.example'];
    gas = installGasFakes(globalThis, { spreadsheet: ss });
    const report = ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()));
    const folder = gas.drive.items.get(String(ss.values('Настройки')[1]?.[1])) as DriveItem;
    expect(folder.permissions).toEqual([expect.objectContaining({ type: 'user', role: 'writer', emailAddress: 'b@rovesnik.example', notified: false })]);
    expect(report.lines).toContain('Папка для документов и шаблоны открыты для редактирования: b@rovesnik.example.');
    expect(gas.scriptProperties.get('partnerstvo.docsOwner')).toBe('staff@rovesnik.example');
    expect(ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet())).lines).toEqual([]);
    ss.addEditor('c@rovesnik.example');
    expect(ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet())).lines).toEqual(['Папка для документов и шаблоны открыты для редактирования: c@rovesnik.example.']);
    expect(folder.permissions.map((p) => p.emailAddress)).toEqual(['b@rovesnik.example', 'c@rovesnik.example']);
  });

  it('an editor who may only view the folder is made a writer; someone who may only view it is told they cannot share it, and whom to ask', () => {
    const ss = settingsSheet();
    ss.editors = ['staff@rovesnik.example', 'b@rovesnik.example'];
    gas = installGasFakes(globalThis, { spreadsheet: ss, users: { 'b@rovesnik.example': {} } });
    ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet()), () => ['staff@rovesnik.example']);
    const folder = gas.drive.items.get(String(ss.values('Настройки')[1]?.[1])) as DriveItem;
    gas.drive.share(folder, 'b@rovesnik.example', 'reader');
    const asB = gas.runAs('b@rovesnik.example', () => ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet())));
    expect(asB.created).toEqual([]);
    expect(asB.lines).toEqual([expect.stringMatching(/только просмотр.*владельца \(staff@rovesnik\.example\)/)]);
    expect(ensureDocsSetup(new SheetsWorkbook(gas.activeSpreadsheet())).lines).toEqual(['Папка для документов и шаблоны открыты для редактирования: b@rovesnik.example.']);
    expect(folder.permissions.map((p) => [p.emailAddress, p.role])).toEqual([['b@rovesnik.example', 'writer']]);
  });
});
