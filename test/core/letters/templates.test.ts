import fc from 'fast-check';
import type { Block, DocModel, TemplateKind } from '../../../src/ports';
import { defaultTemplate, modelPlaceholders, modelTexts, PLACEHOLDER_PATTERN, PLACEHOLDERS, placeholdersIn } from '../../../src/core/letters/templates';
import { templateMsg } from '../../../src/messages/letters';

const KINDS: TemplateKind[] = ['invitation', 'thanks'];

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
const paragraphs = (model: DocModel): Paragraph[] => model.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const paragraphWith = (model: DocModel, text: string): Paragraph => {
  const found = paragraphs(model).find((p) => p.text.includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
};

describe('placeholdersIn', () => {
  it.each<[string, string[]]>([
    ['Здравствуйте, {{Имя}}!', ['Имя']],
    ['{{ Имя }}', ['Имя']],
    ['{{\tИмя\n}}', ['Имя']],
    ['{{x}}{{y}}', ['x', 'y']],
    ['{{b}} и {{a}} и снова {{b}}', ['b', 'a']],
    ['{{a}', []],
    ['{a}} {{', []],
    ['{{}} {{ }}', []],
    ['{{{a}}}', ['a']],
    ['{{Дата письма}}', ['Дата письма']],
    ['без подстановок', []],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(placeholdersIn(text)).toEqual(expected);
  });

  it('does not disturb the shared pattern', () => {
    placeholdersIn('{{a}} {{b}}');
    expect(PLACEHOLDER_PATTERN.lastIndex).toBe(0);
    expect(PLACEHOLDER_PATTERN.global).toBe(true);
  });

  it('finds exactly what replace() with PLACEHOLDER_PATTERN replaces', () => {
    const piece = fc.constantFrom('{{', '}}', '{', '}', ' ', 'Имя', 'x', '_', '\n', 'Дата');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        const replaced: string[] = [];
        text.replace(PLACEHOLDER_PATTERN, (m, name: string) => {
          replaced.push(name.trim());
          return m;
        });
        expect(placeholdersIn(text)).toEqual([...new Set(replaced)]);
      }),
    );
  });
});

describe('PLACEHOLDERS', () => {
  it.each(KINDS)('%s: unique names that parse as themselves, each with a Russian description', (kind) => {
    const names = PLACEHOLDERS[kind].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PLACEHOLDERS[kind]) {
      expect(placeholdersIn(`{{${p.name}}}`)).toEqual([p.name]);
      expect(p.name).toMatch(/^[А-ЯЁа-яё_]+$/);
      expect(p.description).toMatch(/[А-Яа-яё]{3}/);
    }
  });

  it('lists the names the brief asks for', () => {
    const centre = ['Учреждение', 'Учреждение_кратко', 'Руководитель', 'Должность_руководителя', 'Исполнитель', 'Телефон_исполнителя', 'Адрес_учреждения', 'Телефон_учреждения', 'Дата_письма'];
    expect(PLACEHOLDERS.invitation.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Обращение', 'Адресат', 'Организация', 'Мероприятие', 'Дата', 'День_недели', 'Время', 'Место', 'Форма', 'Участники', 'Описание', ...centre]),
    );
    expect(PLACEHOLDERS.thanks.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Обращение', 'Адресат', 'Организация', 'Кому_благодарность', 'Вклад', 'Период', ...centre]),
    );
    expect(PLACEHOLDERS.thanks.map((p) => p.name)).not.toContain('Мероприятие');
  });
});

describe('defaultTemplate', () => {
  it.each(KINDS)('%s uses only placeholders it knows', (kind) => {
    const known = new Set(PLACEHOLDERS[kind].map((p) => p.name));
    const used = modelPlaceholders(defaultTemplate(kind));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it.each(KINDS)('%s: every double brace belongs to a placeholder', (kind) => {
    const text = modelTexts(defaultTemplate(kind)).join('\n').replace(PLACEHOLDER_PATTERN, '');
    expect(text).not.toMatch(/[{}]/);
  });

  it.each(KINDS)('%s follows the business-letter layout (ГОСТ Р 7.0.97-2025)', (kind) => {
    const model = defaultTemplate(kind);
    const first = model.blocks[0];
    expect(first).toEqual({ kind: 'paragraph', text: '{{Учреждение}}', align: 'center', bold: true });
    // The letterhead names the centre's contacts: address, phone, email and site, as filled.
    expect(paragraphWith(model, '{{Контакты_учреждения}}').align).toBe('center');
    expect(paragraphWith(model, '{{Обращение}}')).toMatchObject({ text: '{{Обращение}}', align: 'center' });
    const bodies = paragraphs(model).filter((p) => p.align === 'justify');
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const p of bodies) expect(p.indent).toBe(true);
    const tables = model.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    // Date and number on the left, the addressee as a left-aligned block in the right half.
    const requisites = tables[0];
    expect(requisites).toEqual({ kind: 'table', header: [], rows: [['{{Дата_письма}} №\u00a0{{Рег_номер}}', kind === 'invitation' ? '{{Адресат}}\n{{Адрес}}' : '{{Адресат}}']], widths: [50, 50], align: ['left', 'left'] });
    const signature = tables[1];
    expect(signature).toEqual(expect.objectContaining({ header: [], rows: [['{{Должность_руководителя}}', '{{Руководитель}}']] }));
    // The performer is not in the body: small, at the foot of the page, on the left.
    expect(modelTexts({ ...model, footer: [] }).join('\n')).not.toContain('{{Исполнитель}}');
    expect(model.footer).toEqual([
      { kind: 'paragraph', text: 'Исп. {{Исполнитель}}', align: 'left', size: 11 },
      { kind: 'paragraph', text: 'тел.\u00a0{{Телефон_исполнителя}}', align: 'left', size: 11 },
    ]);
    // The requisites come before the salutation, the signature after the body.
    const index = (b: Block | undefined) => model.blocks.indexOf(b as Block);
    expect(index(requisites)).toBeLessThan(index(paragraphWith(model, '{{Обращение}}')));
    expect(index(bodies[bodies.length - 1])).toBeLessThan(index(signature));
  });

  it('invitation: a heading to the text, names the event, its date, time and place', () => {
    const model = defaultTemplate('invitation');
    expect(model.title).toBe('Приглашение');
    const heading = paragraphWith(model, '{{Заголовок}}');
    expect(heading).toMatchObject({ text: '{{Заголовок}}', align: 'left' });
    expect(model.blocks.indexOf(heading)).toBeLessThan(model.blocks.indexOf(paragraphWith(model, '{{Обращение}}')));
    // The postal address under the addressee, in the right half (optional: empty for a partner without one).
    const requisites = model.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(requisites?.rows[0]?.[1]).toBe('{{Адресат}}\n{{Адрес}}');
    const used = modelPlaceholders(model);
    expect(used).toEqual(expect.arrayContaining(['Мероприятие', 'Дата', 'День_недели', 'Время', 'Место', 'Форма', 'Участники', 'Рег_номер', 'Дата_письма']));
    expect(paragraphWith(model, '{{Мероприятие}}').text).toContain('«{{Мероприятие}}»');
    // Optional, often blank, so the default must not depend on it.
    expect(used).not.toContain('Описание');
  });

  it('thanks: titled БЛАГОДАРСТВЕННОЕ ПИСЬМО, centred, before the salutation; lists the contribution', () => {
    const model = defaultTemplate('thanks');
    expect(model.title).toBe('Благодарственное письмо');
    const title = paragraphWith(model, 'БЛАГОДАРСТВЕННОЕ ПИСЬМО');
    expect(title).toMatchObject({ text: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО', align: 'center', bold: true });
    expect(model.blocks.indexOf(title)).toBeLessThan(model.blocks.indexOf(paragraphWith(model, '{{Обращение}}')));
    expect(modelPlaceholders(model)).toEqual(expect.arrayContaining(['Адресат', 'Кому_благодарность', 'Вклад', 'Период', 'Заключение', 'Рег_номер']));
    expect(paragraphWith(model, '{{Вклад}}').align).toBe('justify');
    // No fixed sentence about what the partner may not have done: the closing is chosen per letter.
    expect(modelTexts(model).join('\n')).not.toMatch(/ветеран|семь/);
  });

  it.each(KINDS)('%s: Russian typography — no straight quotes, no doubled spaces', (kind) => {
    for (const text of modelTexts(defaultTemplate(kind))) {
      expect(text).not.toMatch(/["“”„]/);
      expect(text).not.toMatch(/ {2}/);
    }
  });

  it('invitation quotes the event title in «ёлочки»', () => {
    expect(modelTexts(defaultTemplate('invitation')).join('\n')).toMatch(/«\{\{Мероприятие\}\}»/);
  });

  it('returns a fresh model each time', () => {
    const a = defaultTemplate('invitation');
    a.blocks.length = 0;
    a.title = 'x';
    const b = defaultTemplate('invitation');
    expect(b.title).toBe('Приглашение');
    expect(b.blocks.length).toBeGreaterThan(5);
    expect(defaultTemplate('thanks')).not.toEqual(defaultTemplate('invitation'));
  });
});

describe('templateMsg.empty', () => {
  it('ends the list with one period, also after «и др.»', () => {
    const six = ['А', 'Б', 'В', 'Г', 'Д', 'Е'];
    expect(templateMsg.empty('Телефон', six)).toContain('А, Б, В, Г, Д и др. Заполните');
    expect(templateMsg.empty('Телефон', six.slice(0, 2))).toMatch(/у 2\sписем: А, Б\. Заполните/);
  });
});
