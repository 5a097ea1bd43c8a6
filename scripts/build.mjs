// Bundles the Apps Script side into dist/Code.js: one IIFE exposing the entry points of src/main.ts
// as properties of a global object, followed by real top-level `function name() {}` stubs, because
// menus, triggers and google.script.run only see top-level function declarations.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

//
// Usage: node scripts/build.mjs [--outdir DIR]   (default dist/; tests build into a temporary folder)
const GLOBAL = 'Partnerstvo';
const outArg = process.argv.indexOf('--outdir');
const OUT = outArg > 0 ? process.argv[outArg + 1] : 'dist';
mkdirSync(OUT, { recursive: true });

const common = {
  entryPoints: ['src/main.ts'],
  bundle: true,
  target: 'es2019',
  platform: 'neutral',
  mainFields: ['main', 'module'],
  minify: false,
  write: false,
  metafile: true,
  charset: 'utf8',
  logLevel: 'warning',
};
const result = await build({ ...common, format: 'iife', globalName: GLOBAL });
// An IIFE's metafile lists no exports; an ESM build of the same entry does.
const esm = await build({ ...common, format: 'esm' });

const output = result.outputFiles[0].text;
const meta = Object.values(esm.metafile.outputs)[0];
const entryPoints = meta.exports.filter((name) => name !== 'default').sort();
if (entryPoints.length === 0) throw new Error('src/main.ts exports no entry points');
const stubs = entryPoints
  .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
  .join('\n');
// esbuild emits `var Partnerstvo = (() => {...})();` which is already a top-level declaration.
writeFileSync(join(OUT, 'Code.js'), `${output}\n// Entry points visible to Apps Script (menus, triggers, google.script.run).\n${stubs}\n`);
copyFileSync('appsscript.json', join(OUT, 'appsscript.json'));

// The dialogs' texts (src/messages/dialogs.ts), kept with every other Russian text, go into each
// dialog as `var TEXT = {...}` before its scripts, and the words of its HTML replace its `%t:…%` marks.
const messages = await build({ entryPoints: ['src/messages/dialogs.ts'], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const { dialogScriptMsg, dialogHtmlMsg } = await import(`data:text/javascript;base64,${Buffer.from(messages.outputFiles[0].text).toString('base64')}`);
const textScript = `<script>\nvar TEXT = ${JSON.stringify(dialogScriptMsg, null, 2).replace(/</g, '\\u003c')};\n</script>`;

// Dialogs: each src/ui/<name>.html becomes dist/<name>.html with its <script src> and <link> inlined.
for (const file of readdirSync('src/ui').filter((f) => f.endsWith('.html'))) {
  let html = readFileSync(join('src/ui', file), 'utf8');
  if (!html.includes('<!-- TEXT -->')) throw new Error(`${file}: no <!-- TEXT --> marker for the dialog texts`);
  html = html.replace('<!-- TEXT -->', textScript);
  html = html.replace(/%t:([\w.]+)%/g, (_, path) => {
    const text = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), dialogHtmlMsg);
    if (typeof text !== 'string') throw new Error(`${file}: no dialog text ${path} in src/messages/dialogs.ts`);
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  });
  html = html.replace(/<script src="\.\/([^"]+)"><\/script>/g, (_, src) => `<script>\n${readFileSync(join('src/ui', src), 'utf8')}\n</script>`);
  html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+)">/g, (_, href) => `<style>\n${readFileSync(join('src/ui', href), 'utf8')}\n</style>`);
  writeFileSync(join(OUT, file), html);
}
console.log(`${join(OUT, 'Code.js')}: ${entryPoints.length} entry points`);
