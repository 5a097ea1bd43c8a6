import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import PizZip from 'pizzip';
import { LocalDocuments, safeFileName, type LocalAttachment } from '../../src/local/documents';
import { templateTextOf } from '../../src/local/docx-fill';
import { renderDocx } from '../../src/local/docx-render';
import { findSoffice } from '../../src/local/pdf';
import type { DocModel, TemplateKind } from '../../src/ports';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'documents-test-'));
});
// Every maker is closed first: a LibreOffice converting letters made ahead must not outlive it.
afterAll(() => {
  for (const docs of makers) docs.close();
  rmSync(dir, { recursive: true, force: true });
});

const defaults: Record<TemplateKind, DocModel> = {
  invitation: {
    title: 'Приглашение',
    blocks: [
      { kind: 'paragraph', text: '{{Адресат}}', align: 'right' },
      { kind: 'paragraph', text: 'Уважаем{{Обращение}}!', align: 'center', bold: true },
      { kind: 'paragraph', text: 'Приглашаем Вас на мероприятие «{{Мероприятие}}».', indent: true, align: 'justify' },
    ],
  },
  thanks: { title: 'Благодарность', blocks: [{ kind: 'heading', level: 1, text: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО' }, { kind: 'paragraph', text: '{{Вклад}}' }] },
  envelope: { title: 'Конверт', blocks: [{ kind: 'paragraph', text: 'Кому: {{Кому}}' }] },
};
const values = { Адресат: 'Директору ООО «Рыбозавод»\nИ. П. Сидорову', Обращение: 'ый Иван Петрович', Мероприятие: 'День матери' };

let rendered: TemplateKind[] = [];
const makers: LocalDocuments[] = [];
const make = (outDir: string, extra: Partial<ConstructorParameters<typeof LocalDocuments>[0]> = {}): LocalDocuments => {
  const docs = new LocalDocuments({
    outDir,
    defaultTemplate: (kind) => {
      rendered.push(kind);
      return defaults[kind];
    },
    pdf: 'never',
    ...extra,
  });
  makers.push(docs);
  return docs;
};

describe('safeFileName', () => {
  it('removes characters file systems forbid, keeps Cyrillic and caps the length', () => {
    expect(safeFileName('Приглашение: ООО "Рога/Копыта" <1>|?*\\')).toBe('Приглашение_ ООО _Рога_Копыта_ _1_____');
    expect(safeFileName('Письмо\u0000\n  с  пробелами. ')).toBe('Письмо_ с пробелами');
    expect(Array.from(safeFileName('Я'.repeat(300)))).toHaveLength(100);
    expect(safeFileName('😀'.repeat(200), 10)).toBe('😀'.repeat(10));
    expect(safeFileName('..')).toBe('документ');
    expect(safeFileName('')).toBe('документ');
    expect(safeFileName('CON')).toBe('_CON');
  });

  it('strips bidirectional controls, so no name can pose as another (…exe.jpg)', () => {
    const spoof = 'Приглашение — ООО \u202Egpj.exe';
    expect(safeFileName(spoof)).toBe('Приглашение — ООО gpj.exe');
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(safeFileName(`а${ch}б`)).toBe('аб');
    }
  });
});

describe('LocalDocuments', () => {
  beforeEach(() => {
    rendered = [];
  });

  it('renders the default template once to шаблоны/<kind>.docx and reads placeholders and text from it', () => {
    const out = join(dir, 'a');
    const docs = make(out);
    expect(docs.templatePlaceholders('invitation')).toEqual(['Адресат', 'Обращение', 'Мероприятие']);
    expect(docs.templateText('invitation')).toBe('{{Адресат}}\nУважаем{{Обращение}}!\nПриглашаем Вас на мероприятие «{{Мероприятие}}».');
    docs.fillTemplate('invitation', values, 'Приглашения', 'x');
    expect(rendered).toEqual(['invitation']);
    expect(existsSync(join(out, 'шаблоны', 'invitation.docx'))).toBe(true);
    // A later run uses the file on disk (staff may have edited it) instead of rendering again.
    const again = make(out);
    again.templatePlaceholders('invitation');
    expect(rendered).toEqual(['invitation']);
  });

  it('a preview (saveDefaultTemplates: false) reads the default template in memory and writes nothing', () => {
    const out = join(dir, 'preview');
    const docs = make(out, { saveDefaultTemplates: false });
    expect(docs.templatePlaceholders('invitation')).toEqual(['Адресат', 'Обращение', 'Мероприятие']);
    expect(docs.templateText('invitation')).toContain('Приглашаем Вас на мероприятие');
    expect(existsSync(out)).toBe(false);
  });

  it('fills a letter into <outDir>/<folder>/<safe name>.docx and links to it', () => {
    const out = join(dir, 'b');
    const made = make(out).fillTemplate('invitation', values, 'Приглашения/День матери', 'П-001 ООО "Рыбозавод"');
    expect(made.link).toBe(join(out, 'Приглашения', 'День матери', 'П-001 ООО _Рыбозавод_.docx'));
    const text = templateTextOf(readFileSync(made.link));
    expect(text).toBe('Директору ООО «Рыбозавод»\nИ. П. Сидорову\nУважаемый Иван Петрович!\nПриглашаем Вас на мероприятие «День матери».');
    expect(made.pdf()).toBeNull();
  });

  it('uses a staff template given by path and reports a missing one in Russian', () => {
    const custom = join(dir, 'свой шаблон.docx');
    writeFileSync(custom, renderDocx({ title: 't', blocks: [{ kind: 'paragraph', text: 'Свой: {{Вклад}}' }] }));
    const docs = make(join(dir, 'c'), { templates: { thanks: custom, invitation: join(dir, 'нет такого.docx') } });
    expect(docs.templatePlaceholders('thanks')).toEqual(['Вклад']);
    expect(templateTextOf(readFileSync(docs.fillTemplate('thanks', { Вклад: 'подарки' }, 'Благодарности', 'x').link))).toBe('Свой: подарки');
    expect(() => docs.templatePlaceholders('invitation')).toThrow(`Файл шаблона «${join(dir, 'нет такого.docx')}» не найден.`);
    expect(rendered).toEqual([]);
  });

  it('throws the Russian problem text for a malformed template', () => {
    const broken = join(dir, 'сломан.docx');
    writeFileSync(broken, renderDocx({ title: 't', blocks: [{ kind: 'paragraph', text: 'Уважаем{{Обращение!' }] }));
    const docs = make(join(dir, 'd'), { templates: { invitation: broken } });
    expect(() => docs.templatePlaceholders('invitation')).toThrow(/без закрывающих скобок/);
  });

  it('makes a print-ready bundle letter by letter, one letter per page', () => {
    const letters = ['Анна Сергеевна', 'Иван Петрович', 'Ольга Ивановна'].map((n) => ({ ...values, Обращение: ` ${n}` }));
    const docs = make(join(dir, 'e'));
    const made = docs.startBundle('invitation', letters[0], 'Приглашения', 'Без email — для печати');
    for (const v of letters.slice(1)) docs.appendToBundle('invitation', made.link, v);
    expect(readdirSync(dirname(made.link)).filter((f) => f.endsWith('.new'))).toEqual([]);
    expect(basename(made.link)).toBe('Без email — для печати.docx');
    const xml = new PizZip(readFileSync(made.link)).file('word/document.xml')?.asText() ?? '';
    expect((xml.match(/<w:br w:type="page"\/>/g) ?? []).length).toBe(2);
    for (const n of ['Анна Сергеевна', 'Иван Петрович', 'Ольга Ивановна']) expect(templateTextOf(readFileSync(made.link))).toContain(`Уважаем ${n}!`);
  });

  it('renders a DocModel; with pdf "never" or no LibreOffice there is no PDF', () => {
    const model: DocModel = { title: 'Отчёт', blocks: [{ kind: 'heading', level: 1, text: 'Отчёт' }] };
    const made = make(join(dir, 'f')).render(model, 'Отчёты', 'Отчёт 2025/2026');
    expect(basename(made.link)).toBe('Отчёт 2025_2026.docx');
    expect(statSync(made.link).size).toBeGreaterThan(1000);
    expect(made.pdf()).toBeNull();
    expect(make(join(dir, 'g'), { pdf: 'auto', soffice: null }).render(model, 'Отчёты', 'x').pdf()).toBeNull();
  });

  it('with LibreOffice: makes the PDF of a letter lazily, once, and the report PDF right away', () => {
    const soffice = findSoffice();
    if (!soffice) {
      console.log('не запущено: LibreOffice не установлен');
      return;
    }
    const out = join(dir, 'h');
    const docs = make(out, { pdf: 'auto' });
    const letter = docs.fillTemplate('invitation', { ...values, Мероприятие: 'День матери & $1 {{x}}' }, 'Приглашения', 'Письмо');
    const pdfPath = join(out, 'Приглашения', 'Письмо.pdf');
    expect(existsSync(pdfPath)).toBe(false);
    const pdf = letter.pdf() as LocalAttachment;
    expect(pdf).toEqual({ fileName: 'Письмо.pdf', mimeType: 'application/pdf', path: pdfPath });
    const mtime = statSync(pdfPath).mtimeMs;
    expect(letter.pdf()).toBe(pdf);
    expect(statSync(pdfPath).mtimeMs).toBe(mtime);
    let text = '';
    try {
      text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    } catch {
      console.log('не запущено: pdftotext не установлен (проверен только файл PDF)');
    }
    if (text) {
      expect(text).toContain('Уважаемый Иван Петрович!');
      expect(text).toContain('«День матери & $1 {{x}}»');
    }
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    const report = docs.render({ title: 'Отчёт', blocks: [{ kind: 'heading', level: 1, text: 'Отчёт' }] }, 'Отчёты', 'Отчёт');
    expect(existsSync(join(out, 'Отчёты', 'Отчёт.pdf'))).toBe(true);
    expect(report.pdf()?.path).toBe(join(out, 'Отчёты', 'Отчёт.pdf'));
  });
});

describe('letters made ahead, their PDFs converted together', () => {
  /** A stand-in soffice: logs each start's inputs, makes their PDFs; `batchBody` runs first when given several. */
  function fakeSoffice(name: string, batchBody = ''): { path: string; runs: () => number[] } {
    const log = join(dir, `${name}.log`);
    const path = join(dir, name);
    writeFileSync(
      path,
      `#!/bin/sh
out=""; prev=""; n=0
for a in "$@"; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; case "$a" in *.docx) n=$((n+1));; esac; done
echo "$n" >> "${log}"
first=1
for a in "$@"; do case "$a" in *.docx)
  printf '%%PDF-1.4 fake' > "$out/$(basename "$a" .docx).pdf"
  if [ $n -gt 1 ] && [ $first = 1 ]; then first=0; ${batchBody || ':'}; fi;;
esac; done
`,
    );
    execFileSync('chmod', ['+x', path]);
    return { path, runs: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map(Number) : []) };
  }

  const letters = (n: number) => Array.from({ length: n }, (_, i) => ({ values: { ...values, Мероприятие: `Событие ${i}` }, name: `Письмо ${i}` }));

  it('one LibreOffice start per batch, several at once; each letter is then handed out with its PDF', () => {
    const soffice = fakeSoffice('batches');
    const docs = make(join(dir, 'ahead'), { pdf: 'auto', soffice: soffice.path, eagerPdf: true, converters: 2 });
    const list = letters(50);
    expect(docs.prepare('invitation', 'Приглашения', list)).toBe(50);
    for (const l of list) {
      const made = docs.fillTemplate('invitation', l.values, 'Приглашения', l.name);
      expect(made.pdf()?.path).toBe(join(dir, 'ahead', 'Приглашения', `${l.name}.pdf`));
      expect(templateTextOf(readFileSync(made.link))).toContain(l.values.Мероприятие);
    }
    // 50 letters: two LibreOffices at once, 25 letters each — not 50 starts. (Counted once every PDF is
    // in hand: the converters start in the background, the second one possibly after \`prepare\` returns.)
    expect(soffice.runs()).toEqual([25, 25]);
    // A letter asked for with other values than it was made ahead with is made anew.
    const other = docs.fillTemplate('invitation', { ...values, Мероприятие: 'Другое' }, 'Приглашения', 'Письмо 0');
    expect(templateTextOf(readFileSync(other.link))).toContain('Другое');
    expect(soffice.runs()).toHaveLength(3);
    // 100 letters: three batches of about 40 for the two converters, each taking the next when done.
    const more = fakeSoffice('queue');
    const queued = make(join(dir, 'queued'), { pdf: 'auto', soffice: more.path, eagerPdf: true, converters: 2 });
    const hundred = letters(100);
    expect(queued.prepare('invitation', 'Q', hundred)).toBe(100);
    for (const l of hundred) expect(queued.fillTemplate('invitation', l.values, 'Q', l.name).pdf()).not.toBeNull();
    expect(more.runs().sort()).toEqual([32, 34, 34]);
  });

  it('a hung converter is stopped when it makes no PDF for a while, and its letters are converted afresh one by one', () => {
    const soffice = fakeSoffice('hangs', 'sleep 30');
    const docs = make(join(dir, 'hung'), { pdf: 'auto', soffice: soffice.path, eagerPdf: true, converters: 1, pdfStallMs: 400 });
    const list = letters(4);
    const started = Date.now();
    expect(docs.prepare('invitation', 'П', list)).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const l of list) expect(docs.fillTemplate('invitation', l.values, 'П', l.name).pdf()?.fileName).toBe(`${l.name}.pdf`);
    // The batch made the first PDF before it hung; the other three were restarted on their own.
    expect(soffice.runs()).toEqual([4, 1, 1, 1]);
  });

  it('a converter that crashes leaves its letters to their own conversion; one that fails again is that letter’s error', () => {
    const soffice = fakeSoffice('crashes', 'exit 3');
    const docs = make(join(dir, 'crash'), { pdf: 'auto', soffice: soffice.path, eagerPdf: true, converters: 1 });
    const list = letters(3);
    docs.prepare('invitation', 'П', list);
    for (const l of list) expect(docs.fillTemplate('invitation', l.values, 'П', l.name).pdf()).not.toBeNull();
    expect(soffice.runs()).toEqual([3, 1, 1]);
    const broken = join(dir, 'broken');
    writeFileSync(broken, '#!/bin/sh\nexit 5\n');
    execFileSync('chmod', ['+x', broken]);
    const failing = make(join(dir, 'fail'), { pdf: 'auto', soffice: broken, eagerPdf: true });
    failing.prepare('invitation', 'П', list);
    expect(() => failing.fillTemplate('invitation', list[0].values, 'П', list[0].name)).toThrow(/PDF/);
  });

  it('close stops the LibreOffices still converting letters the run never needed: none outlives it', () => {
    const soffice = fakeSoffice('unneeded', 'sleep 30');
    const docs = make(join(dir, 'unneeded-out'), { pdf: 'auto', soffice: soffice.path, eagerPdf: true, converters: 2 });
    expect(docs.prepare('invitation', 'П', letters(6))).toBe(6);
    // The converter (one: six letters make one batch) starts in the background: wait until it is there.
    const alive = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(soffice.path)).length;
    for (let i = 0; i < 200 && alive() < 1; i++) execFileSync('sleep', ['0.05']);
    expect(alive()).toBe(1);
    docs.close();
    expect(alive()).toBe(0);
    const files = readdirSync(join(dir, 'unneeded-out', 'П')).sort();
    execFileSync('sleep', ['0.3']);
    expect(readdirSync(join(dir, 'unneeded-out', 'П')).sort()).toEqual(files);
  });

  it('makes nothing ahead without PDFs, and stops a batch before a file name it already holds', () => {
    const soffice = fakeSoffice('names');
    expect(make(join(dir, 'nopdf'), { pdf: 'never', eagerPdf: true }).prepare('invitation', 'П', letters(5))).toBe(0);
    const docs = make(join(dir, 'same'), { pdf: 'auto', soffice: soffice.path, eagerPdf: true });
    const twins = [letters(1)[0], { values: { ...values, Мероприятие: 'Второе' }, name: 'Письмо 0' }, ...letters(3).slice(1)];
    expect(docs.prepare('invitation', 'П', twins)).toBe(1);
  });
});
