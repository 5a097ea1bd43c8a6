// Bundles the Node side: the CLI and the synckit worker (async work — SMTP, docx packing — run
// synchronously so that the core jobs stay synchronous in both runtimes). node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/local/cli.ts', worker: 'src/local/worker.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
