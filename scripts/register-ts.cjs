/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS require hook */
// Lets `node -r ./scripts/register-ts.cjs file.ts` run TypeScript: each required `.ts` file is
// transpiled by esbuild (no type checking — `npm run typecheck` does that) to CommonJS.
const fs = require('fs');
const { transformSync } = require('esbuild');

require.extensions['.ts'] = function registerTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcefile: filename,
    sourcemap: 'inline',
  });
  module._compile(code, filename);
};
