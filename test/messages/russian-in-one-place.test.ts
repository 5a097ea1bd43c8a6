/**
 * All Russian text the program shows lives in src/messages/. Outside it, a Cyrillic string may only
 * stand in the workbook's vocabulary (src/core/data/schema.ts: sheet, column and status names) and in
 * the Russian language's own tables (src/core/russian/: months, endings, names). Comments are free.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');
const ALLOWED = [/^messages\//, /^core\/data\/schema\.ts$/, /^core\/russian\//];
const CYRILLIC = /\p{Script=Cyrillic}/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(e.name) ? [path] : [];
  });
}

function cyrillicLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      if (CYRILLIC.test(node.text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(SRC, file)}:${line + 1}: ${node.text.slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('Russian text in one place', () => {
  it('no Cyrillic string outside src/messages/, the schema and the language tables', () => {
    const offenders = sources(SRC)
      .filter((f) => !ALLOWED.some((a) => a.test(relative(SRC, f).split('\\').join('/'))))
      .flatMap(cyrillicLiterals);
    expect(offenders).toEqual([]);
  });

  it('no Cyrillic text in the dialogs’ HTML: their words come from src/messages/dialogs.ts at build time', () => {
    const dir = join(SRC, 'ui');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `ui/${f}:${i + 1}` }))
          .filter(({ line }) => CYRILLIC.test(line.replace(/<!--.*?-->/g, '')))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
