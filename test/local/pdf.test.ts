import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertManyToPdf, convertToPdf, findSoffice } from '../../src/local/pdf';
import { fillDocx } from '../../src/local/docx-fill';
import { renderDocx } from '../../src/local/docx-render';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in soffice: a shell script with the given body. */
function fakeSoffice(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A fake that logs its arguments and writes a PDF for each input, as soffice does. */
const writingFake = (log: string): string =>
  fakeSoffice(
    `writer-${Math.random().toString(36).slice(2)}`,
    `echo "$@" >> "${log}"
out=""; prev=""
for a in "$@"; do if [ "$prev" = "--outdir" ]; then out="$a"; fi; prev="$a"; done
for a in "$@"; do case "$a" in *.docx) b=$(basename "$a" .docx); printf '%%PDF-1.4 fake' > "$out/$b.pdf";; esac; done`,
  );

function input(name: string): string {
  const sub = join(dir, `in-${Math.random().toString(36).slice(2)}`);
  mkdirSync(sub, { recursive: true });
  const path = join(sub, name);
  writeFileSync(path, 'docx');
  return path;
}

describe('findSoffice', () => {
  it('honours PARTNERSTVO_SOFFICE=none and an explicit path', () => {
    expect(findSoffice({ PARTNERSTVO_SOFFICE: 'none', PATH: '/usr/bin' })).toBeNull();
    const fake = fakeSoffice('my-soffice', 'exit 0');
    expect(findSoffice({ PARTNERSTVO_SOFFICE: fake })).toBe(fake);
    expect(findSoffice({ PARTNERSTVO_SOFFICE: join(dir, 'missing') })).toBeNull();
  });

  it('finds soffice or libreoffice on PATH first', () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'libreoffice'), '#!/bin/sh\n');
    chmodSync(join(bin, 'libreoffice'), 0o755);
    expect(findSoffice({ PATH: `/nonexistent:${bin}` })).toBe(join(bin, 'libreoffice'));
  });
});

describe('convertManyToPdf with a stand-in soffice', () => {
  it('converts many files in one run with a private profile and returns the PDFs in order', () => {
    const log = join(dir, 'log1.txt');
    const soffice = writingFake(log);
    const files = [input('Письмо 1.docx'), input('Письмо 2.docx'), input('Отчёт.docx')];
    const out = join(dir, 'out1');
    const pdfs = convertManyToPdf(files, out, { soffice });
    expect(pdfs).toEqual([join(out, 'Письмо 1.pdf'), join(out, 'Письмо 2.pdf'), join(out, 'Отчёт.pdf')]);
    for (const pdf of pdfs) expect(readFileSync(pdf, 'utf8')).toContain('%PDF');
    const runs = readFileSync(log, 'utf8').trim().split('\n');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/--headless .*-env:UserInstallation=file:\/\/\/\S+ --convert-to pdf --outdir /);
  });

  it('splits files with the same name into separate runs so no PDF is overwritten', () => {
    const log = join(dir, 'log2.txt');
    const soffice = writingFake(log);
    const a = input('Письмо.docx');
    const b = input('Письмо.docx');
    convertManyToPdf([a, b], join(dir, 'out2'), { soffice });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('reports a failing LibreOffice in Russian with its output', () => {
    const soffice = fakeSoffice('failing', 'echo "Error: source file could not be loaded" >&2; exit 1');
    expect(() => convertToPdf(input('Письмо.docx'), join(dir, 'out3'), { soffice })).toThrow(
      /Не удалось преобразовать «Письмо\.docx» в PDF с помощью LibreOffice\. Ответ LibreOffice: Error: source file could not be loaded/,
    );
  });

  it('reports a run that ends without a PDF, and does not trust a stale PDF from before', () => {
    const out = join(dir, 'out4');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'Старое.pdf'), '%PDF old');
    const soffice = fakeSoffice('silent', 'exit 0');
    expect(() => convertToPdf(input('Старое.docx'), out, { soffice })).toThrow('Не удалось преобразовать «Старое.docx» в PDF');
    expect(existsSync(join(out, 'Старое.pdf'))).toBe(false);
  });

  it('gives up after the time-out with a Russian message', () => {
    const soffice = fakeSoffice('slow', 'sleep 5');
    expect(() => convertToPdf(input('Медленно.docx'), join(dir, 'out5'), { soffice, timeoutMs: 300 })).toThrow(
      'LibreOffice не успел преобразовать документы в PDF',
    );
  });

  it('says LibreOffice is missing when there is none', () => {
    const old = process.env.PARTNERSTVO_SOFFICE;
    process.env.PARTNERSTVO_SOFFICE = 'none';
    try {
      expect(() => convertToPdf(input('x.docx'), dir)).toThrow('LibreOffice не найден');
    } finally {
      if (old === undefined) delete process.env.PARTNERSTVO_SOFFICE;
      else process.env.PARTNERSTVO_SOFFICE = old;
    }
  });
});

describe('convertManyToPdf with the real LibreOffice', () => {
  it('turns a filled letter and a report with a chart into PDFs that hold the text', () => {
    const soffice = findSoffice();
    let pdftotext = true;
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      pdftotext = false;
    }
    if (!soffice || !pdftotext) {
      console.log(`не запущено: ${soffice ? 'pdftotext не установлен' : 'LibreOffice не установлен'}`);
      return;
    }
    const template = renderDocx({
      title: 'Приглашение',
      blocks: [
        { kind: 'paragraph', text: 'Уважаем{{Обращение}}!', align: 'center', bold: true },
        { kind: 'paragraph', text: 'Приглашаем {{Организация}} на «{{Мероприятие}}».', indent: true, align: 'justify' },
      ],
    });
    const letter = join(dir, 'real', 'Приглашение — ООО «Рыбозавод».docx');
    mkdirSync(join(dir, 'real'), { recursive: true });
    writeFileSync(letter, fillDocx(template, { Обращение: 'ый Иван Петрович', Организация: 'ООО «Рыбозавод» & $1', Мероприятие: 'День матери' }));
    const report = join(dir, 'real', 'Отчёт.docx');
    writeFileSync(
      report,
      renderDocx({
        title: 'Отчёт',
        blocks: [
          { kind: 'heading', level: 1, text: 'Анализ работы с социальными партнёрами' },
          { kind: 'table', header: ['Категория', 'Количество'], rows: [['Семья', '12']] },
          { kind: 'chart', chart: { title: 'Партнёры', labels: ['Семья', 'Школы'], values: [12, 4], valueLabel: 'Партнёров' } },
        ],
      }),
    );
    const [letterPdf, reportPdf] = convertManyToPdf([letter, report], join(dir, 'real-out'));
    const letterText = execFileSync('pdftotext', [letterPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(letterText).toContain('Уважаемый Иван Петрович!');
    expect(letterText).toContain('ООО «Рыбозавод» & $1');
    expect(letterText).not.toContain('{{');
    const reportText = execFileSync('pdftotext', [reportPdf, '-'], { encoding: 'utf8' });
    expect(reportText).toContain('Анализ работы с социальными партнёрами');
    expect(reportText).toContain('Семья');
  });
});
