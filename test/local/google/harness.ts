/**
 * Running `deploy` and `pull` in this process against the local Google fake: a home folder with a
 * clasp login, the environment pointing every Google endpoint at the fake, the output collected.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/local/cli';
import { CLASP_SCOPES, FakeGoogle } from './fake-google';
import { guardNetwork, type NetworkGuard } from './no-network';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export interface Harness {
  fake: FakeGoogle;
  /** A fresh folder per test: the home folder (with `.clasprc.json`) and the working folder. */
  dir: string;
  env: Record<string, string>;
  run(...args: string[]): Promise<Run>;
  /** Like `run`, with some of the output also going to `tap` while the command runs. */
  runWith(tap: { out?: (text: string) => void }, ...args: string[]): Promise<Run>;
  /** Writes a clasp 3 login whose refresh token the fake accepts with `scopes`. */
  claspLogin(scopes?: string[], refreshToken?: string): void;
}

export const CLIENT_ID = 'test-client.apps.googleusercontent.com';

/** Sets up the fake, the network guard and a folder per test; asserts after all tests that nothing left 127.0.0.1. */
export function useGoogleHarness(): Harness {
  const h = {} as Harness;
  let guard: NetworkGuard;
  beforeAll(() => {
    guard = guardNetwork();
  });
  afterAll(() => {
    guard.restore();
    expect(guard.blocked).toEqual([]);
  });
  beforeEach(async () => {
    h.fake = await FakeGoogle.start();
    h.dir = mkdtempSync(join(tmpdir(), 'partnerstvo-google-'));
    h.env = { HOME: h.dir, PARTNERSTVO_GOOGLE_ROOT: h.fake.root };
    h.claspLogin = (scopes = CLASP_SCOPES, refreshToken = '1//refresh-ok') => {
      h.fake.logins.set(refreshToken, scopes);
      const login = { tokens: { default: { client_id: CLIENT_ID, client_secret: 'secret', type: 'authorized_user', refresh_token: refreshToken, access_token: 'ya29.stale' } } };
      writeFileSync(join(h.dir, '.clasprc.json'), JSON.stringify(login, null, 2));
    };
    h.run = (...args: string[]) => h.runWith({}, ...args);
    h.runWith = async (tap, ...args) => {
      const out: string[] = [];
      const err: string[] = [];
      const cwd = process.cwd();
      process.chdir(h.dir);
      try {
        const code = await main(args, {
          out: (t) => {
            out.push(t);
            tap.out?.(t);
          },
          err: (t) => err.push(t),
          env: h.env,
        });
        return { code, out: out.join('\n'), err: err.join('\n') };
      } finally {
        process.chdir(cwd);
      }
    };
  });
  afterEach(async () => {
    await h.fake.close();
    rmSync(h.dir, { recursive: true, force: true });
  });
  return h;
}
