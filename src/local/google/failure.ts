/**
 * What went wrong in a call to Google, decided from the structure of the error — the HTTP status,
 * the `reason` codes of the error body, the OAuth error code, the network error code — and turned
 * into a Russian sentence that says what to do.
 *
 * Error bodies, from the reference:
 * - API errors: `{error: {code, message, status, errors: [{reason}], details: [{reason, metadata}]}}`
 *   (https://cloud.google.com/apis/design/errors, https://developers.google.com/workspace/drive/api/guides/handle-errors:
 *   401 `authError`; 403 `insufficientPermissions`/`ACCESS_TOKEN_SCOPE_INSUFFICIENT`, `userRateLimitExceeded`,
 *   `rateLimitExceeded`, `dailyLimitExceeded`, `storageQuotaExceeded`, `exportSizeLimitExceeded`; 404 `notFound`;
 *   429 `rateLimitExceeded`; an API switched off in the OAuth client's Cloud project: `SERVICE_DISABLED`
 *   with `metadata.activationUrl`, older bodies `accessNotConfigured`).
 * - The Apps Script API switched off in the user's own settings answers 403 `PERMISSION_DENIED` with
 *   reason `forbidden`, like any other refusal; only its message tells it apart, by naming the page
 *   that fixes it (https://script.google.com/home/usersettings; seen in google/clasp#256,
 *   googleworkspace/python-samples#79). That page's address is what is matched here, not the wording.
 * - The token endpoint: `{error: 'invalid_grant', error_description}` for a refresh token that
 *   expired or was revoked (https://developers.google.com/identity/protocols/oauth2#expiration).
 */
import { googleMsg, type GoogleStep } from '../../messages/google';
import { CliError, EXIT } from '../exit';

export type GoogleFailure =
  | { kind: 'appsScriptApiOff' }
  | { kind: 'cloudApiOff'; service: string; url: string | null }
  | { kind: 'loginExpired' }
  | { kind: 'scopes' }
  | { kind: 'quota' }
  | { kind: 'storageFull' }
  | { kind: 'notFound' }
  | { kind: 'forbidden' }
  | { kind: 'tooLarge' }
  | { kind: 'timeout' }
  | { kind: 'dns'; host: string }
  | { kind: 'network'; code: string | null }
  | { kind: 'server'; status: number }
  | { kind: 'other'; detail: string };

/** A failed call to Google at one step of a command: a finished Russian sentence, exit 2. */
export class GoogleCallError extends CliError {
  constructor(
    readonly step: GoogleStep,
    readonly failure: GoogleFailure,
  ) {
    super(googleMsg.failed(step, failureText(failure, step)), EXIT.usage);
    this.name = 'GoogleCallError';
  }
}

/** Runs one call to Google; a failure that is Google's or the network's becomes a `GoogleCallError`. */
export async function callGoogle<T>(step: GoogleStep, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = classifyGoogleError(error);
    if (!failure) throw error;
    throw new GoogleCallError(step, failure);
  }
}

export const USER_SETTINGS_PAGE = 'script.google.com/home/usersettings';
const LOGIN_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_token']);
const QUOTA_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded', 'sharingRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const TIMEOUT_CODES = new Set(['TimeoutError', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  hostname?: unknown;
  cause?: unknown;
  errors?: unknown;
  response?: { status?: unknown; data?: unknown };
}

interface ApiErrorBody {
  code?: number;
  message?: string;
  status?: string;
  errors?: { reason?: string; message?: string }[];
  details?: { reason?: string; metadata?: Record<string, string> }[];
}

const asObject = (value: unknown): ErrorLike | null => (typeof value === 'object' && value !== null ? (value as ErrorLike) : null);

/** The error and its causes (fetch wraps the socket's error; a connect to several addresses gives an AggregateError). */
function chain(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const visit = (value: unknown, depth: number) => {
    const e = asObject(value);
    if (!e || depth > 6) return;
    found.push(e);
    visit(e.cause, depth + 1);
    if (Array.isArray(e.errors)) for (const inner of e.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return found;
}

/** The body a response carried, parsed when it came as text or bytes. */
function responseBody(data: unknown): unknown {
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as unknown;
    } catch {
      return data;
    }
  }
  if (data instanceof ArrayBuffer) return responseBody(Buffer.from(data).toString('utf8'));
  return data;
}

export function classifyGoogleError(error: unknown): GoogleFailure | null {
  const top = asObject(error);
  if (!top) return null;
  const status = typeof top.response?.status === 'number' ? top.response.status : null;
  if (status === null) return networkFailure(error);
  const body = responseBody(top.response?.data);
  const bodyObject = asObject(body) as { error?: unknown; error_description?: unknown } | null;
  // The OAuth token endpoint: `error` is a code string.
  if (bodyObject && typeof bodyObject.error === 'string') {
    if (LOGIN_ERRORS.has(bodyObject.error) || status === 401) return { kind: 'loginExpired' };
    return { kind: 'other', detail: typeof bodyObject.error_description === 'string' ? bodyObject.error_description : bodyObject.error };
  }
  const api: ApiErrorBody = (bodyObject && typeof bodyObject.error === 'object' && bodyObject.error !== null ? bodyObject.error : {}) as ApiErrorBody;
  const reasons = [...(api.errors ?? []).map((e) => e.reason), ...(api.details ?? []).map((d) => d.reason)].filter((r): r is string => typeof r === 'string');
  const has = (...names: string[]) => names.some((n) => reasons.includes(n));
  if (status === 401) return { kind: 'loginExpired' };
  if (status === 403 && typeof api.message === 'string' && api.message.includes(USER_SETTINGS_PAGE)) return { kind: 'appsScriptApiOff' };
  if (has('SERVICE_DISABLED', 'accessNotConfigured')) {
    const info = (api.details ?? []).find((d) => d.reason === 'SERVICE_DISABLED')?.metadata ?? {};
    return { kind: 'cloudApiOff', service: info.serviceTitle ?? info.service ?? 'API', url: info.activationUrl ?? null };
  }
  if (has('ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'insufficientPermissions')) return { kind: 'scopes' };
  if (has('storageQuotaExceeded')) return { kind: 'storageFull' };
  if (status === 429 || api.status === 'RESOURCE_EXHAUSTED' || reasons.some((r) => QUOTA_REASONS.has(r))) return { kind: 'quota' };
  if (has('exportSizeLimitExceeded')) return { kind: 'tooLarge' };
  if (status === 404) return { kind: 'notFound' };
  if (status === 403) return { kind: 'forbidden' };
  if (status >= 500) return { kind: 'server', status };
  const detail = typeof api.message === 'string' ? api.message : typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`;
  return { kind: 'other', detail };
}

/** A request that got no answer: timeout, DNS, refused or reset connection. Not a network error: null. */
function networkFailure(error: unknown): GoogleFailure | null {
  const links = chain(error);
  for (const e of links) {
    const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' && e.name === 'TimeoutError' ? 'TimeoutError' : null;
    if (!code) continue;
    if (TIMEOUT_CODES.has(code)) return { kind: 'timeout' };
    if (DNS_CODES.has(code)) return { kind: 'dns', host: typeof e.hostname === 'string' ? e.hostname : '' };
    if (/^E[A-Z]+$/.test(code) || code.startsWith('UND_ERR')) return { kind: 'network', code };
  }
  // gaxios wraps every failed fetch; without a response and a known code it is still "no answer".
  if (links[0]?.name === 'GaxiosError') return { kind: 'network', code: null };
  return null;
}

const r = googleMsg.reason;
const TEXT: { [K in GoogleFailure['kind']]: (f: Extract<GoogleFailure, { kind: K }>, step: GoogleStep) => string } = {
  appsScriptApiOff: () => r.appsScriptApiOff,
  cloudApiOff: (f) => r.cloudApiOff(f.service, f.url),
  loginExpired: () => r.loginExpired,
  scopes: () => r.scopes,
  quota: () => r.quota,
  storageFull: () => r.storageFull,
  // Not found is the Sheet for pull and for a script bound to it, the script itself for a push.
  notFound: (_, step) => (step === 'push' ? r.scriptNotFound : step === 'createScript' ? r.sheetNotFound : r.notFound),
  forbidden: () => r.forbidden,
  tooLarge: () => r.tooLarge,
  timeout: () => r.timeout,
  dns: (f) => r.dns(f.host),
  network: (f) => r.network(f.code),
  server: (f) => r.server(f.status),
  other: (f) => r.other(f.detail),
};

/** The Russian reason of a failure at a step, ending with what to do. */
export function failureText(f: GoogleFailure, step: GoogleStep): string {
  return (TEXT[f.kind] as (failure: GoogleFailure, at: GoogleStep) => string)(f, step);
}
