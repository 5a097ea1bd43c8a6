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

  it.each(KINDS)('%s follows the business-letter layout', (kind) => {
    const model = defaultTemplate(kind);
    const first = model.blocks[0];
    expect(first).toEqual({ kind: 'paragraph', text: '{{Учреждение}}', align: 'center', bold: true });
    expect(paragraphWith(model, '{{Адрес_учреждения}}').align).toBe('center');
    expect(paragraphWith(model, '{{Дата_письма}}').align).toBe('left');
    expect(paragraphWith(model, '{{Обращение}}')).toMatchObject({ text: '{{Обращение}}', align: 'center' });
    const bodies = paragraphs(model).filter((p) => p.align === 'justify');
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const p of bodies) expect(p.indent).toBe(true);
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table).toEqual(expect.objectContaining({ header: [], rows: [['{{Должность_руководителя}}', '{{Руководитель}}']] }));
    const last = model.blocks[model.blocks.length - 1];
    expect(last).toMatchObject({ kind: 'paragraph', text: 'Исп.: {{Исполнитель}}, тел. {{Телефон_исполнителя}}' });
    // The salutation comes after the date, the signature after the body.
    const index = (b: Block | undefined) => model.blocks.indexOf(b as Block);
    expect(index(paragraphWith(model, '{{Дата_письма}}'))).toBeLessThan(index(paragraphWith(model, '{{Обращение}}')));
    expect(index(bodies[bodies.length - 1])).toBeLessThan(index(table));
  });

  it('invitation: addressee on the right, names the event, its date, time and place', () => {
    const model = defaultTemplate('invitation');
    expect(model.title).toBe('Приглашение');
    // The postal address under the addressee (optional: empty for a partner without one).
    expect(paragraphWith(model, '{{Адресат}}')).toMatchObject({ text: '{{Адресат}}\n{{Адрес}}', align: 'right' });
    const used = modelPlaceholders(model);
    expect(used).toEqual(expect.arrayContaining(['Мероприятие', 'Дата', 'День_недели', 'Время', 'Место', 'Форма', 'Участники']));
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
    expect(modelPlaceholders(model)).toEqual(expect.arrayContaining(['Кому_благодарность', 'Вклад', 'Период']));
    expect(paragraphWith(model, '{{Вклад}}').align).toBe('justify');
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
