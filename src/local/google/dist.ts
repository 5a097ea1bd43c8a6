/**
 * The Apps Script files `deploy` pushes: everything `npm run build` put into dist/ — `Code.js`
 * (SERVER_JS), each dialog `*.html` (HTML) and the manifest `appsscript.json` (JSON, named
 * `appsscript`), the same mapping clasp makes from extensions (google/clasp src/core/files.ts
 * `getFileType`). A dist/ older than the sources is built again first (the project's own
 * `scripts/build.mjs`, the Apps Script half of `npm run build`), so what is pushed is never yesterday's code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT } from '../exit';
import type { CliIo } from '../commands/types';
import type { ScriptFile, ScriptFileType } from './script';

const TYPE_BY_EXTENSION: Record<string, ScriptFileType> = { '.js': 'SERVER_JS', '.html': 'HTML' };
/** What the Apps Script build reads: a file here newer than dist/ means dist/ is stale. */
const SOURCES = ['src', 'appsscript.json', join('scripts', 'build.mjs')];

/** dist/'s files as Apps Script files, building dist/ first when it is missing or stale. */
export function distFiles(root: string, io: CliIo): ScriptFile[] {
  const dist = join(root, 'dist');
  const state = distState(root);
  if (state !== 'fresh') {
    const script = join(root, 'scripts', 'build.mjs');
    if (!existsSync(script)) throw new CliError(state === 'missing' ? googleMsg.deploy.notBuilt(dist) : googleMsg.deploy.stale(dist), EXIT.usage);
    io.out(googleMsg.deploy.building);
    const run = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) {
      const detail = `${run.stderr ?? ''}${run.error?.message ?? ''}`.trim().split('\n').slice(0, 5).join('\n');
      throw new CliError(googleMsg.deploy.buildFailed(detail), EXIT.usage);
    }
    if (distState(root) === 'missing') throw new CliError(googleMsg.deploy.notBuilt(dist), EXIT.usage);
  }
  return readDist(dist);
}

function readDist(dist: string): ScriptFile[] {
  return readdirSync(dist)
    .sort()
    .flatMap((file): ScriptFile[] => {
      const source = () => readFileSync(join(dist, file), 'utf8');
      if (file === 'appsscript.json') return [{ name: 'appsscript', type: 'JSON', source: source() }];
      const type = TYPE_BY_EXTENSION[extname(file).toLowerCase()];
      return type ? [{ name: file.slice(0, -extname(file).length), type, source: source() }] : [];
    });
}

/** `missing`: no Code.js or manifest; `stale`: a source is newer than the oldest output, or a dialog has no output. */
export function distState(root: string): 'fresh' | 'stale' | 'missing' {
  const dist = join(root, 'dist');
  const outputs = ['Code.js', 'appsscript.json'];
  if (!outputs.every((f) => existsSync(join(dist, f)))) return 'missing';
  const dialogs = existsSync(join(root, 'src', 'ui')) ? readdirSync(join(root, 'src', 'ui')).filter((f) => f.endsWith('.html')) : [];
  if (dialogs.some((f) => !existsSync(join(dist, f)))) return 'stale';
  const built = Math.min(...[...outputs, ...dialogs].map((f) => statSync(join(dist, f)).mtimeMs));
  return SOURCES.some((s) => newestIn(join(root, s)) > built) ? 'stale' : 'fresh';
}

/** The newest modification time of a file or of any file under a folder (0 when absent). */
function newestIn(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? target;
    newest = Math.max(newest, statSync(join(parent, entry.name)).mtimeMs);
  }
  return newest;
}
