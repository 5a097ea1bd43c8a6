/** Where a path stands on disk, for clear messages before writing under it. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The path itself or its nearest ancestor that exists, with its stat: for «folder X is missing» or
 * «X is a file, not a folder». Null when that cannot be told (no access …): the write itself
 * reports those. The path comes back as given (relative stays relative), for messages.
 */
export function nearestExisting(target: string): { path: string; stat: fs.Stats } | null {
  for (let probe = target; ; ) {
    try {
      return { path: probe, stat: fs.statSync(probe) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return null;
    }
    const parent = path.dirname(probe);
    if (parent === probe) return null;
    probe = parent;
  }
}

/**
 * The project's own folder (where package.json, examples/ and dist/ are): found upwards from this
 * module, which runs from build/cli.js when built and from src/local/ under the tests.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; ) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'partnerstvo') return dir;
      } catch {
        // Not ours: go on up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from, '..');
    dir = parent;
  }
}
