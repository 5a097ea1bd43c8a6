/**
 * What deploy pushes from dist/: every file with the Apps Script type of its extension, the manifest
 * as `appsscript`; a missing or stale dist/ is built first, or the user is told to run npm run build.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distFiles, distState } from '../../../src/local/google/dist';
import { CliError } from '../../../src/local/exit';

let root: string;
const out: string[] = [];
const io = { out: (t: string) => out.push(t), err: () => undefined, env: {} };
const write = (file: string, text: string, mtime?: number) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
  if (mtime !== undefined) utimesSync(join(root, file), mtime, mtime);
};
const BUILD = `
import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('dist', { recursive: true });
writeFileSync('dist/Code.js', 'function onOpen() {}');
writeFileSync('dist/appsscript.json', '{"timeZone":"Europe/Moscow"}');
writeFileSync('dist/invite.html', '<p>x</p>');
`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'partnerstvo-dist-'));
  out.length = 0;
  write('src/ui/invite.html', '<p>x</p>', 1000);
  write('src/main.ts', '', 1000);
  write('appsscript.json', '{}', 1000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('distFiles', () => {
  it('maps dist/ to Apps Script files: SERVER_JS, HTML and the JSON manifest named appsscript; other files stay home', () => {
    write('dist/Code.js', 'code', 2000);
    write('dist/appsscript.json', '{"a":1}', 2000);
    write('dist/invite.html', 'html', 2000);
    write('dist/Code.js.map', '{}', 2000);
    write('dist/notes.txt', 'x', 2000);
    expect(distState(root)).toBe('fresh');
    expect(distFiles(root, io)).toEqual([
      { name: 'Code', type: 'SERVER_JS', source: 'code' },
      { name: 'appsscript', type: 'JSON', source: '{"a":1}' },
      { name: 'invite', type: 'HTML', source: 'html' },
    ]);
    expect(out).toEqual([]);
  });

  it('builds a missing or stale dist/ with the project’s build script first', () => {
    write('scripts/build.mjs', BUILD, 1000);
    expect(distState(root)).toBe('missing');
    expect(distFiles(root, io).map((f) => f.name)).toEqual(['Code', 'appsscript', 'invite']);
    expect(out.join('\n')).toContain('собираю dist/');

    out.length = 0;
    for (const f of ['Code.js', 'appsscript.json', 'invite.html']) utimesSync(join(root, 'dist', f), 1500, 1500);
    write('src/main.ts', 'changed', 3000);
    expect(distState(root)).toBe('stale');
    distFiles(root, io);
    expect(out.join('\n')).toContain('собираю dist/');
    expect(distState(root)).toBe('fresh');
  });

  it('a dialog without its built page makes dist/ stale', () => {
    write('dist/Code.js', 'code', 2000);
    write('dist/appsscript.json', '{}', 2000);
    write('src/ui/thanks.html', '<p>y</p>', 1000);
    write('dist/invite.html', 'html', 2000);
    expect(distState(root)).toBe('stale');
  });

  it('without a build script, or when the build fails: says to run npm run build', () => {
    expect(() => distFiles(root, io)).toThrow(CliError);
    expect(() => distFiles(root, io)).toThrow(/Выполните npm run build/);
    write('scripts/build.mjs', 'process.stderr.write("src/main.ts:3: syntax error\\n"); process.exit(1);', 1000);
    expect(() => distFiles(root, io)).toThrow(/Не удалось собрать программу \(npm run build\): src\/main.ts:3: syntax error/);
  });
});
