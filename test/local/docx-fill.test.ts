import fc from 'fast-check';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { compileTemplate, fillBundle, fillDocx, placeholdersOf, templateTextOf } from '../../src/local/docx-fill';
import { renderDocx } from '../../src/local/docx-render';
import { defaultTemplate } from '../../src/core/letters/templates';

/** A minimal .docx whose body is the given paragraphs; each paragraph is a list of runs (as Word splits them). */
function makeDocx(paragraphs: string[][], extraBody = ''): Uint8Array {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs
    .map((runs) => `<w:p>${runs.map((r, i) => `<w:r>${i % 2 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(r)}</w:t></w:r>`).join('')}</w:p>`)
    .join('');
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${extraBody}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generate({ type: 'uint8array' });
}

const documentXml = (docx: Uint8Array): string => new PizZip(docx).file('word/document.xml')?.asText() ?? '';
/** Text read back independently of the code under test: all `<w:t>` contents, entities decoded. */
const fullText = (docx: Uint8Array): string =>
  [...documentXml(docx).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('');
/** docxtemplater's own reading of the text (it shows no-break spaces as spaces). */
const docxtemplaterText = (docx: Uint8Array): string =>
  new Docxtemplater(new PizZip(docx), { delimiters: { start: '\u0001', end: '\u0002' } }).getFullText();

const letter = makeDocx([
  ['Уважаем', '{{Об', 'ращение}}', '!'],
  ['Организация: {{ Организация }}; ещё раз: {{Организация}}.'],
  ['Дата: {{Дата_письма}}'],
]);

const tricky: Record<string, string> = {
  Обращение: 'ый $1 $& $$ $` \\ \\n {{x}} <b>жирный</b> =1+1 =SUM(A1) 🎉 & "кавычки" \'апостроф\'',
  Организация: 'ООО «Рыбозавод» ' + 'Я'.repeat(300),
  Дата_письма: '27\u00A0ноября 2026 г.',
};

describe('placeholdersOf', () => {
  it('lists field names in order of first use, without repeats, ignoring spaces inside braces and run splits', () => {
    expect(placeholdersOf(letter)).toEqual({ ok: true, names: ['Обращение', 'Организация', 'Дата_письма'] });
  });

  it('reports an unclosed tag in Russian', () => {
    const scan = placeholdersOf(makeDocx([['Уважаемый {{Обращение!']]));
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.problem).toMatch(/без закрывающих скобок «}}».*Обращение/);
  });

  it('reports an unopened tag in Russian', () => {
    const scan = placeholdersOf(makeDocx([['Дата}} письма']]));
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.problem).toContain('без открывающих');
  });

  it('rejects loop, raw-XML and empty tags instead of interpreting them', () => {
    for (const [text, expected] of [
      ['{{#Партнёры}}x{{/Партнёры}}', 'записано неверно'],
      ['{{@Вклад}}', 'записано неверно'],
      ['{{}}', 'пустое поле'],
    ] as const) {
      const scan = placeholdersOf(makeDocx([[text]]));
      expect(scan).toEqual({ ok: false, problem: expect.stringContaining(expected) });
    }
  });

  it('reports a file that is not a .docx', () => {
    const scan = placeholdersOf(new TextEncoder().encode('not a zip'));
    expect(scan).toEqual({ ok: false, problem: expect.stringContaining('Не удалось открыть шаблон') });
  });
});

describe('fillDocx', () => {
  it('inserts tricky values literally', () => {
    const filled = fillDocx(letter, tricky);
    expect(fullText(filled)).toBe(
      `Уважаем${tricky.Обращение}!` + `Организация: ${tricky.Организация}; ещё раз: ${tricky.Организация}.` + `Дата: ${tricky.Дата_письма}`,
    );
    // The value's own "<b>" is text, not markup.
    expect(documentXml(filled)).toContain('&lt;b&gt;жирный&lt;/b&gt;');
    expect(templateTextOf(filled)).not.toMatch(/\{\{(?!x\}\})/);
  });

  it('turns newlines in values into line breaks', () => {
    const filled = fillDocx(letter, { ...tricky, Организация: 'Первая строка\nВторая строка' });
    expect(templateTextOf(filled).split('\n')).toContain('Организация: Первая строка');
    expect(documentXml(filled)).toMatch(/Первая строка<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:br\/>/);
  });

  it('refuses to fill when a value is missing, naming the field, and never writes "undefined"', () => {
    expect(() => fillDocx(letter, { Обращение: 'ый' })).toThrow('Для полей шаблона нет значений: {{Организация}}, {{Дата_письма}}.');
    expect(() => fillDocx(letter, { ...tricky, Дата_письма: undefined as unknown as string })).toThrow('{{Дата_письма}}');
    // An inherited property is not a value.
    expect(() => fillDocx(makeDocx([['{{constructor}}']]), {})).toThrow('{{constructor}}');
  });

  it('fills an empty string value as nothing', () => {
    expect(fullText(fillDocx(makeDocx([['[{{А}}]']]), { А: '' }))).toBe('[]');
  });

  it('never interprets a value (property)', () => {
    const template = makeDocx([['<{{Поле}}>']]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        // Line breaks are covered above; XML-forbidden characters are dropped by design.
        const value = raw.replace(/[\r\n]/g, ' ');
        // eslint-disable-next-line no-control-regex -- the characters XML forbids
        const expected = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        expect(fullText(fillDocx(template, { Поле: value }))).toBe(`<${expected}>`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('compileTemplate: compiled once, filled many times', () => {
  /** Every part of the package, in name order: what Word and LibreOffice read. */
  const parts = (docx: Uint8Array) =>
    Object.values(new PizZip(docx).files)
      .filter((f) => !f.dir)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((f) => `${f.name}\n${f.asText()}`);

  it('makes exactly what docxtemplater makes for the same values (property, with line breaks and markup)', () => {
    for (const template of [letter, renderDocx(defaultTemplate('invitation')), renderDocx(defaultTemplate('thanks'))]) {
      const compiled = compileTemplate(template);
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('', '\n', 'а\n\nб', '<w:t>', '&amp;', '\uE000')), { minLength: compiled.names.length, maxLength: compiled.names.length }), (texts) => {
          const values = Object.fromEntries(compiled.names.map((n, i) => [n, texts[i]]));
          expect(parts(compiled.fill(values))).toEqual(parts(fillDocx(template, values)));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('refuses a missing value like fillDocx, and reports a broken template when compiled', () => {
    const compiled = compileTemplate(letter);
    expect(() => compiled.fill({ Обращение: 'ый' })).toThrow(/Организация/);
    expect(() => compileTemplate(makeDocx([['{{Незакрытое']]))).toThrow();
  });
});

describe('fillBundle', () => {
  it('puts one filled letter per page: N letters, N-1 page breaks, in order', () => {
    const letters = ['Анна', 'Борис', 'Вера'].map((name) => ({ ...tricky, Обращение: `ая ${name}` }));
    const bundle = fillBundle(letter, letters);
    const xml = documentXml(bundle);
    expect((xml.match(/<w:br w:type="page"\/>/g) ?? []).length).toBe(2);
    expect((xml.match(/<w:sectPr>/g) ?? []).length).toBe(1);
    const text = templateTextOf(bundle);
    const order = ['Уважаемая Анна!', 'Уважаемая Борис!', 'Уважаемая Вера!'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/\{\{(?!x\}\})/);
    // The bundle is still a .docx docxtemplater can open.
    expect(docxtemplaterText(bundle).split(tricky.Организация).length - 1).toBe(6);
  });

  it('puts the break after a trailing table in its own paragraph', () => {
    const withTable = makeDocx([['{{А}}']], '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ячейка</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
    const xml = documentXml(fillBundle(withTable, [{ А: '1' }, { А: '2' }]));
    expect(xml).toContain('</w:tbl><w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  });

  it('refuses an empty list', () => {
    expect(() => fillBundle(letter, [])).toThrow('Нет ни одного письма');
  });
});

describe('templateTextOf', () => {
  it('gives paragraphs as lines with the placeholders as written', () => {
    expect(templateTextOf(letter)).toBe(
      'Уважаем{{Обращение}}!\nОрганизация: {{ Организация }}; ещё раз: {{Организация}}.\nДата: {{Дата_письма}}',
    );
  });
});
