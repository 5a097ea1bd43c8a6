/**
 * The login files clasp has written over its versions, and the scopes check, against the fake token
 * endpoint (google/clasp src/auth/file_credential_store.ts for the formats).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '../../../src/local/google/login';
import { NEEDED, DEPLOY_SCOPES } from '../../../src/local/google/scopes';
import { googleSettings } from '../../../src/local/google/settings';
import { CLASP_SCOPES, FakeGoogle, SCOPES } from './fake-google';
import { guardNetwork } from './no-network';

let fake: FakeGoogle;
let dir: string;
const guard = guardNetwork();
afterAll(() => {
  guard.restore();
  expect(guard.blocked).toEqual([]);
});
beforeEach(async () => {
  fake = await FakeGoogle.start();
  dir = mkdtempSync(join(tmpdir(), 'partnerstvo-login-'));
  fake.logins.set('1//r', CLASP_SCOPES);
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const io = { out: () => undefined, err: () => undefined, env: {} };
async function signInWith(content: unknown, needed: readonly (readonly string[])[] = NEEDED.deploy) {
  writeFileSync(join(dir, '.clasprc.json'), JSON.stringify(content));
  const settings = googleSettings({ HOME: dir, PARTNERSTVO_GOOGLE_ROOT: fake.root });
  return signIn({ settings, io, needed, consentScopes: DEPLOY_SCOPES });
}
const refreshedWith = () => Object.fromEntries(new URLSearchParams(fake.calls('token')[0].body.toString('utf8')));

describe('signIn reads every clasp login format', () => {
  it('clasp 3: tokens.default', async () => {
    const client = await signInWith({ tokens: { default: { client_id: 'c3', client_secret: 's3', type: 'authorized_user', refresh_token: '1//r', access_token: 'old' } } });
    expect(refreshedWith()).toMatchObject({ client_id: 'c3', client_secret: 's3', refresh_token: '1//r' });
    expect(client.credentials.access_token).toMatch(/^ya29\.fake-/);
  });

  it('clasp 1–2 in a project folder: token + oauth2ClientSettings', async () => {
    await signInWith({ token: { access_token: 'old', refresh_token: '1//r', scope: CLASP_SCOPES.join(' '), token_type: 'Bearer', expiry_date: 1 }, oauth2ClientSettings: { clientId: 'c1', clientSecret: 's1', redirectUri: 'http://localhost' }, isLocalCreds: true });
    expect(refreshedWith()).toMatchObject({ client_id: 'c1', client_secret: 's1' });
  });

  it('clasp 1–2 in the home folder: bare tokens for clasp’s own client', async () => {
    await signInWith({ access_token: 'old', refresh_token: '1//r', token_type: 'Bearer' });
    expect(refreshedWith().client_id).toBe('1072944905499-vm2v2i5dvn0a0d2o4ca36i1vge8cvbn0.apps.googleusercontent.com');
  });

  it('the scopes the token endpoint reports decide, whatever the file once said', async () => {
    fake.logins.set('1//r', [SCOPES.driveFile]);
    await expect(signInWith({ token: { refresh_token: '1//r', scope: CLASP_SCOPES.join(' ') }, oauth2ClientSettings: { clientId: 'c1' } })).rejects.toThrow(/script\.projects/);
    await expect(signInWith({ tokens: { default: { client_id: 'c', refresh_token: '1//r' } } }, NEEDED.pull)).resolves.toBeDefined();
  });

  it('a named clasp user other than default is not taken for the default login', async () => {
    await expect(signInWith({ tokens: { work: { client_id: 'c', refresh_token: '1//r' } } })).rejects.toThrow(/Нет входа в Google/);
  });
});
