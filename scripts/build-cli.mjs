// Bundles the Node side: the CLI and the synckit worker (async work — SMTP, docx packing — run
// synchronously so that the core jobs stay synchronous in both runtimes). node_modules stay external.
// The worker's source files are listed in build/worker.inputs.json, so the tests can tell a stale worker.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: { cli: 'src/local/cli.ts', worker: 'src/local/worker.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
const worker = Object.entries(result.metafile.outputs).find(([name]) => name.endsWith('worker.js'));
writeFileSync('build/worker.inputs.json', JSON.stringify(Object.keys(worker[1].inputs).filter((f) => f.startsWith('src/')), null, 1));
