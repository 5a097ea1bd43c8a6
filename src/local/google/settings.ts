/**
 * Where the Google commands find Google and the login, from the environment: the same variables in
 * a terminal and in the tests (which point every endpoint at a server of their own on 127.0.0.1).
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT } from '../exit';

export interface GoogleSettings {
  /**
   * One root for the Drive API, the Apps Script API and the OAuth endpoints instead of Google's own
   * (`PARTNERSTVO_GOOGLE_ROOT`, e.g. a local test server or a company's API gateway); null: Google's.
   */
  root: string | null;
  /** How long one request may take before it counts as a timeout. */
  timeoutMs: number;
  /** clasp's login file: `clasp_config_auth` (clasp's own variable: a file or a folder holding `.clasprc.json`), else `~/.clasprc.json`. */
  claspLoginFile: string;
}

const DEFAULT_TIMEOUT_S = 60;

export function googleSettings(env: Record<string, string | undefined>): GoogleSettings {
  const rawTimeout = env.PARTNERSTVO_GOOGLE_TIMEOUT?.trim();
  const seconds = rawTimeout ? Number(rawTimeout) : DEFAULT_TIMEOUT_S;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError(googleMsg.badTimeout(rawTimeout ?? ''), EXIT.usage);
  const root = env.PARTNERSTVO_GOOGLE_ROOT?.trim() || null;
  return { root: root ? root.replace(/\/*$/, '/') : null, timeoutMs: seconds * 1000, claspLoginFile: claspLoginFile(env) };
}

/**
 * clasp 3 reads its login from `--auth <file>` / `clasp_config_auth` (a file, or a folder with a
 * `.clasprc.json` in it), else `~/.clasprc.json` (google/clasp src/commands/program.ts and
 * src/auth/auth.ts `initAuth`). The home folder comes from the environment so that a test can give one.
 */
function claspLoginFile(env: Record<string, string | undefined>): string {
  const given = env.clasp_config_auth?.trim();
  if (given) {
    try {
      if (statSync(given).isDirectory()) return join(given, '.clasprc.json');
    } catch {
      // Missing: reported as «no login in <file>» when it is read.
    }
    return given;
  }
  const home = env.HOME || env.USERPROFILE || homedir();
  return join(home, '.clasprc.json');
}
