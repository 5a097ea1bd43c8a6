/**
 * The consent in the browser for a user's own OAuth client (a "Desktop app" client file from their
 * Google Cloud project): the loopback flow with PKCE
 * (https://developers.google.com/identity/protocols/oauth2/native-app — redirect to
 * `http://127.0.0.1:<port>`, `code_challenge_method=S256`). The program listens on 127.0.0.1 only,
 * prints the link to open, and exchanges the code it receives for tokens. The tokens are kept for
 * this run only; `npx clasp login --creds <file>` saves such a login for good.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CodeChallengeMethod, type OAuth2Client } from 'google-auth-library';
import { googleMsg } from '../../messages/google';
import { CliError, EXIT } from '../exit';
import type { CliIo } from '../commands/types';
import { callGoogle } from './failure';
import { oauthClient } from './transport';
import type { GoogleSettings } from './settings';

export interface OAuthClientFile {
  clientId: string;
  clientSecret?: string;
}

const WAIT_MS = 5 * 60 * 1000;

export async function consentInBrowser(keys: OAuthClientFile, scopes: readonly string[], settings: GoogleSettings, io: CliIo): Promise<OAuth2Client> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = oauthClient({ ...keys, redirectUri }, settings);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const state = randomBytes(16).toString('hex');
    const url = client.generateAuthUrl({
      access_type: 'offline',
      scope: [...scopes],
      state,
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
    });
    io.out(googleMsg.login.openConsent(url));
    const code = await waitForCode(server, state);
    const { tokens } = await callGoogle('login', () => client.getToken({ code, codeVerifier, redirect_uri: redirectUri }));
    client.setCredentials(tokens);
    return client;
  } finally {
    server.close();
  }
}

/** Resolves with the code of the first redirect that carries our `state`; other requests get a 404. */
function waitForCode(server: Server, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CliError(googleMsg.login.consentTimeout, EXIT.usage)), WAIT_MS);
    timer.unref();
    server.on('request', (req, res) => {
      const params = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      if (params.get('state') !== state) {
        res.writeHead(404).end();
        return;
      }
      const error = params.get('error');
      const code = params.get('code');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(`<!doctype html><meta charset="utf-8"><title>${googleMsg.login.consentPageTitle}</title><p>${error ? googleMsg.login.consentDenied(escapeHtml(error)) : googleMsg.login.consentDone}</p>`);
      clearTimeout(timer);
      if (error || !code) reject(new CliError(googleMsg.login.consentDenied(error), EXIT.usage));
      else resolve(code);
    });
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
