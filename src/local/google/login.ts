/**
 * The Google login the commands use: the one `npx clasp login` saved, or a file given with
 * `--credentials`. The login is read, never written: a refreshed access token lives for this run only.
 *
 * Formats read (google/clasp src/auth/file_credential_store.ts, src/auth/auth.ts):
 * - clasp 3: `{tokens: {default: {client_id, client_secret, type: 'authorized_user', refresh_token, access_token, expiry_date?}}}`;
 * - clasp 1–2 in a project folder: `{token: {access_token, refresh_token, scope, expiry_date}, oauth2ClientSettings: {clientId, clientSecret}}`;
 * - clasp 1–2 in the home folder: `{access_token, refresh_token, scope, …}` for clasp's own OAuth client;
 * - a saved login of another tool (gcloud's `application_default_credentials.json`): `{type: 'authorized_user', client_id, client_secret, refresh_token}`;
 * - an OAuth client of the user's own Google Cloud project (`client_secret_….json`, `{installed: …}` or `{web: …}`):
 *   no login yet, so the consent runs in the browser (consent.ts).
 */
import { readFileSync } from 'node:fs';
import type { OAuth2Client } from 'google-auth-library';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT } from '../exit';
import type { CliIo } from '../commands/types';
import { consentInBrowser, type OAuthClientFile } from './consent';
import { callGoogle } from './failure';
import { missingScopes } from './scopes';
import { oauthClient } from './transport';
import type { GoogleSettings } from './settings';

/** clasp's own OAuth client (google/clasp src/auth/oauth_client.ts), for clasp 1–2 home-folder logins that do not name theirs. */
const CLASP_CLIENT_ID = '1072944905499-vm2v2i5dvn0a0d2o4ca36i1vge8cvbn0.apps.googleusercontent.com';

interface SavedLogin {
  client_id: string;
  client_secret?: string;
  refresh_token?: string;
  access_token?: string;
  expiry_date?: number;
  scope?: string;
}

type LoginFile = { kind: 'saved'; login: SavedLogin } | { kind: 'client'; client: OAuthClientFile };

export interface SignInRequest {
  /** `--credentials`, else clasp's login file. */
  credentials?: string;
  settings: GoogleSettings;
  io: CliIo;
  /** Rights the command needs: each group is met by any one of its scopes. */
  needed: readonly (readonly string[])[];
  /** What the consent asks for when it runs in the browser. */
  consentScopes: readonly string[];
}

/** A signed-in client with a fresh access token, its scopes checked against what the command needs. */
export async function signIn(request: SignInRequest): Promise<OAuth2Client> {
  const file = request.credentials ?? request.settings.claspLoginFile;
  const parsed = readLoginFile(file, request.credentials !== undefined);
  const client = parsed.kind === 'client' ? await consentInBrowser(parsed.client, request.consentScopes, request.settings, request.io) : await savedLogin(parsed.login, request.settings);
  // The token endpoint answers with the scopes the login really has: a user may untick some on the consent screen.
  const granted = client.credentials.scope ?? (parsed.kind === 'saved' ? parsed.login.scope : undefined);
  if (granted) {
    const missing = missingScopes(granted.split(/\s+/), request.needed);
    if (missing.length > 0) throw new CliError(googleMsg.login.missingScopes(missing, file), EXIT.usage);
  }
  return client;
}

/**
 * A client for a saved login. With a refresh token the access token is refreshed now, so that an
 * expired or revoked login, and one without the rights the command needs, are told before anything
 * is made in Google.
 */
async function savedLogin(login: SavedLogin, settings: GoogleSettings): Promise<OAuth2Client> {
  const client = oauthClient({ clientId: login.client_id, clientSecret: login.client_secret }, settings);
  client.setCredentials(login.refresh_token ? { refresh_token: login.refresh_token } : { access_token: login.access_token, expiry_date: login.expiry_date, scope: login.scope });
  await callGoogle('login', () => client.getAccessToken());
  return client;
}

function readLoginFile(file: string, given: boolean): LoginFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(given ? googleMsg.login.missingFile(file) : googleMsg.login.none(file), EXIT.usage);
    throw new CliError(googleMsg.login.unreadable(file), EXIT.usage);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(googleMsg.login.damaged(file), EXIT.usage);
  }
  const found = interpret(json);
  if (found) return found;
  throw new CliError(given ? googleMsg.login.unknownFormat(file) : googleMsg.login.none(file), EXIT.usage);
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function saved(fields: Record<string, unknown>, clientId: unknown, clientSecret: unknown): LoginFile | null {
  const login: SavedLogin = {
    client_id: str(clientId) ?? CLASP_CLIENT_ID,
    client_secret: str(clientSecret),
    refresh_token: str(fields.refresh_token),
    access_token: str(fields.access_token),
    expiry_date: num(fields.expiry_date),
    scope: str(fields.scope),
  };
  return login.refresh_token || login.access_token ? { kind: 'saved', login } : null;
}

function interpret(json: unknown): LoginFile | null {
  const root = record(json);
  if (!root) return null;
  const client = record(root.installed) ?? record(root.web);
  if (client && str(client.client_id)) {
    return { kind: 'client', client: { clientId: str(client.client_id)!, clientSecret: str(client.client_secret) } };
  }
  const v3 = record(record(root.tokens)?.default);
  if (v3) return saved(v3, v3.client_id, v3.client_secret);
  const v1Token = record(root.token);
  const v1Client = record(root.oauth2ClientSettings);
  if (v1Token && v1Client) return saved(v1Token, v1Client.clientId, v1Client.clientSecret);
  if (str(root.refresh_token) || str(root.access_token)) return saved(root, root.client_id, root.client_secret);
  return null;
}
