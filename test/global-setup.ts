/**
 * The tests run the Node side from its TypeScript sources, but its worker (SMTP, .docx packing) from
 * build/worker.js, which `npm run build` makes (`npm test` builds first). A worker older than one of
 * its sources would test yesterday's code: say so instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export default function checkWorkerBuilt(): void {
  const root = join(__dirname, '..');
  const worker = join(root, 'build', 'worker.js');
  const inputs = join(root, 'build', 'worker.inputs.json');
  const rebuild = 'run `npm run build` (npm test does it first)';
  if (!existsSync(worker) || !existsSync(inputs)) throw new Error(`build/worker.js is missing: ${rebuild}.`);
  const built = statSync(worker).mtimeMs;
  const stale = (JSON.parse(readFileSync(inputs, 'utf8')) as string[]).filter((f) => !existsSync(join(root, f)) || statSync(join(root, f)).mtimeMs > built);
  if (stale.length > 0) throw new Error(`build/worker.js is older than ${stale.join(', ')}: ${rebuild}.`);
}
