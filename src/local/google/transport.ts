/**
 * One configured OAuth client per command run: Google's endpoints (or the root from
 * `PARTNERSTVO_GOOGLE_ROOT`), a timeout per request, and Node's own `fetch` as the HTTP client
 * (gaxios would otherwise load `node-fetch` by a dynamic ESM import; Node ≥ 20 has `fetch` built in).
 * Every Drive and Apps Script request is sent through this client's transporter
 * (googleapis-common `createAPIRequest` → `authClient.request`).
 */
import { OAuth2Client } from 'google-auth-library';
import type { GoogleSettings } from './settings';

export interface ClientKeys {
  clientId: string;
  clientSecret?: string;
  redirectUri?: string;
}

export function oauthClient(keys: ClientKeys, settings: GoogleSettings): OAuth2Client {
  return new OAuth2Client({
    clientId: keys.clientId,
    clientSecret: keys.clientSecret,
    redirectUri: keys.redirectUri,
    ...(settings.root ? { endpoints: { oauth2TokenUrl: `${settings.root}token`, oauth2AuthBaseUrl: `${settings.root}o/oauth2/v2/auth` } } : {}),
    transporterOptions: { fetchImplementation: fetch, timeout: settings.timeoutMs },
  });
}

/** The `rootUrl` for a googleapis service: the configured root, or the library's default (Google's). */
export function serviceRoot(settings: GoogleSettings): { rootUrl?: string } {
  return settings.root ? { rootUrl: settings.root } : {};
}
