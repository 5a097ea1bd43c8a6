/**
 * A local HTTP server on 127.0.0.1 that answers like the Google endpoints `deploy` and `pull` use,
 * so that the real googleapis / google-auth-library code runs against it (`PARTNERSTVO_GOOGLE_ROOT`).
 * Every request is recorded with its body, for the tests to assert what the commands sent.
 *
 * What it models, from the reference:
 * - OAuth token endpoint `POST /token` (https://developers.google.com/identity/protocols/oauth2/native-app):
 *   `grant_type=refresh_token` answers a new access token with the login's `scope`, or
 *   `400 {error: 'invalid_grant'}` for a refresh token that expired or was revoked;
 *   `grant_type=authorization_code` checks the PKCE `code_verifier` against the S256 challenge.
 * - Drive v3 (https://developers.google.com/workspace/drive/api/reference/rest/v3/files):
 *   `POST /upload/drive/v3/files?uploadType=multipart` — a `multipart/related` body, metadata JSON then
 *   the media (https://developers.google.com/workspace/drive/api/guides/manage-uploads#multipart); with
 *   metadata `mimeType` of a Google type the upload is imported into that type (an .xlsx into a Sheet).
 *   `GET /drive/v3/files/{id}` and `GET /drive/v3/files/{id}/export?mimeType=…` (a Sheet to xlsx).
 *   Under `drive.file` only files this OAuth client created are visible; any other is `404 notFound`
 *   (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
 * - Apps Script v1: `POST /v1/projects` {title, parentId} → {scriptId, parentId}
 *   (https://developers.google.com/apps-script/api/reference/rest/v1/projects/create);
 *   `PUT /v1/projects/{id}/content` {files} replaces every file; the manifest must be a file named
 *   `appsscript` of type JSON, else 400 (https://developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent).
 * - Every API call needs a live `Authorization: Bearer` token (else 401 `authError`) and a scope the
 *   method lists (else 403 `ACCESS_TOKEN_SCOPE_INSUFFICIENT`).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SCOPES = {
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  drive: 'https://www.googleapis.com/auth/drive',
  script: 'https://www.googleapis.com/auth/script.projects',
};
export const CLASP_SCOPES = [SCOPES.script, SCOPES.driveFile, 'https://www.googleapis.com/auth/drive.metadata.readonly', 'https://www.googleapis.com/auth/userinfo.email'];
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET = 'application/vnd.google-apps.spreadsheet';

export type Route = 'token' | 'upload' | 'get' | 'export' | 'create' | 'updateContent';

export interface Recorded {
  route: Route | null;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface MultipartPart {
  headers: Record<string, string>;
  body: Buffer;
}

interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
  /** Created through this OAuth client (visible under drive.file). */
  byApp: boolean;
}

interface ScriptProject {
  scriptId: string;
  title: string;
  parentId: string;
  files: { name: string; type: string; source: string }[];
}

/** What to answer instead of the usual, for one route. */
type Override = { kind: 'json'; status: number; body: unknown } | { kind: 'hang' } | { kind: 'reset' };

/** Google's error bodies, as the reference and real answers show them. */
export const GOOGLE_ERRORS = {
  /** https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_401_error_invalid_credentials */
  invalidCredentials: {
    error: {
      code: 401,
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
      status: 'UNAUTHENTICATED',
    },
  },
  /** The Apps Script API switched off in https://script.google.com/home/usersettings (googleworkspace/python-samples#79, google/clasp#256). */
  appsScriptApiOff: {
    error: {
      code: 403,
      message:
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
      errors: [
        {
          message:
            'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
          domain: 'global',
          reason: 'forbidden',
        },
      ],
      status: 'PERMISSION_DENIED',
    },
  },
  /** A token without a scope the method needs (https://cloud.google.com/apis/design/errors#error_info). */
  scopeInsufficient: (service: string) => ({
    error: {
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
      status: 'PERMISSION_DENIED',
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com', metadata: { service } }],
    },
  }),
  /** https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found */
  fileNotFound: (id: string) => ({
    error: {
      code: 404,
      message: `File not found: ${id}.`,
      errors: [{ message: `File not found: ${id}.`, domain: 'global', reason: 'notFound', location: 'fileId', locationType: 'parameter' }],
    },
  }),
  /** https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_429_error_too_many_requests */
  tooManyRequests: {
    error: {
      code: 429,
      message: 'Rate Limit Exceeded',
      errors: [{ message: 'Rate Limit Exceeded', domain: 'usageLimits', reason: 'rateLimitExceeded' }],
      status: 'RESOURCE_EXHAUSTED',
    },
  },
  /** https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_403_error_user_rate_limit_exceeded */
  userRateLimit: {
    error: {
      code: 403,
      message: 'User Rate Limit Exceeded.',
      errors: [{ message: 'User Rate Limit Exceeded.', domain: 'usageLimits', reason: 'userRateLimitExceeded' }],
    },
  },
  /** https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_403_error_the_user_does_not_have_sufficient_permissions_for_file */
  noFilePermission: (id: string) => ({
    error: {
      code: 403,
      message: `The user does not have sufficient permissions for file ${id}.`,
      errors: [{ message: `The user does not have sufficient permissions for file ${id}.`, domain: 'global', reason: 'insufficientFilePermissions' }],
    },
  }),
  /** files.export over its 10 MB limit. */
  exportTooLarge: {
    error: {
      code: 403,
      message: 'This file is too large to be exported.',
      errors: [{ message: 'This file is too large to be exported.', domain: 'global', reason: 'exportSizeLimitExceeded' }],
    },
  },
  /** https://developers.google.com/identity/protocols/oauth2#expiration */
  invalidGrant: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
};

/** Splits a `multipart/related` body into its parts (RFC 2046 §5.1.1: `--boundary` lines, headers, a blank line, the body). */
export function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const text = body.toString('latin1');
  const chunks = text.split(`--${boundary}`);
  const parts: MultipartPart[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const content = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const split = content.indexOf('\r\n\r\n');
    const head = content.slice(0, split);
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n')) {
      const at = line.indexOf(':');
      if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
    parts.push({ headers, body: Buffer.from(content.slice(split + 4), 'latin1') });
  }
  return parts;
}

export class FakeGoogle {
  readonly requests: Recorded[] = [];
  readonly files = new Map<string, DriveFile>();
  readonly scripts = new Map<string, ScriptProject>();
  /** Refresh token → the scopes of that login. A token not here is expired or revoked. */
  readonly logins = new Map<string, string[]>();
  /** Authorization code → what it grants (the browser consent); the PKCE challenge is filled in on the consent request. */
  readonly codes = new Map<string, { scopes: string[]; refreshToken: string; challenge?: string }>();
  private readonly accessTokens = new Map<string, string[]>();
  private readonly overrides = new Map<Route, Override[]>();
  private readonly hanging = new Set<ServerResponse>();
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly root: string,
  ) {}

  static async start(): Promise<FakeGoogle> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const fake = new FakeGoogle(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => fake.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks), res));
    });
    return fake;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers the next `times` calls of `route` with this status and body instead of the usual. */
  fail(route: Route, status: number, body: unknown, times = 1): void {
    for (let i = 0; i < times; i++) this.push(route, { kind: 'json', status, body });
  }

  /** The next call of `route` never gets an answer. */
  hang(route: Route): void {
    this.push(route, { kind: 'hang' });
  }

  /** The next call of `route` has its connection dropped without an answer. */
  reset(route: Route, times = 1): void {
    for (let i = 0; i < times; i++) this.push(route, { kind: 'reset' });
  }

  /** Adds a Sheet that this OAuth client did not create (someone else's, shared with the user). */
  addForeignSheet(name: string, bytes: Buffer): string {
    const id = this.newId('sheet');
    this.files.set(id, { id, name, mimeType: SHEET, bytes, byApp: false });
    return id;
  }

  /** Adds a file of this client's that is not a Sheet. */
  addFile(name: string, mimeType: string, bytes: Buffer): string {
    const id = this.newId('file');
    this.files.set(id, { id, name, mimeType, bytes, byApp: true });
    return id;
  }

  /** Requests for one route. */
  calls(route: Route): Recorded[] {
    return this.requests.filter((r) => r.route === route);
  }

  private push(route: Route, o: Override): void {
    const list = this.overrides.get(route) ?? [];
    list.push(o);
    this.overrides.set(route, list);
  }

  private newId(kind: string): string {
    this.counter += 1;
    return `1${kind}${String(this.counter).padStart(3, '0')}AbCdEfGhIjKlMnOpQrStUvWxYz`;
  }

  private route(method: string, path: string): { route: Route; id?: string } | null {
    if (method === 'POST' && path === '/token') return { route: 'token' };
    if (method === 'POST' && path === '/upload/drive/v3/files') return { route: 'upload' };
    let m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(path);
    if (method === 'GET' && m) return { route: 'export', id: decodeURIComponent(m[1]) };
    m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path);
    if (method === 'GET' && m) return { route: 'get', id: decodeURIComponent(m[1]) };
    if (method === 'POST' && path === '/v1/projects') return { route: 'create' };
    m = /^\/v1\/projects\/([^/]+)\/content$/.exec(path);
    if (method === 'PUT' && m) return { route: 'updateContent', id: decodeURIComponent(m[1]) };
    return null;
  }

  private handle(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer, res: ServerResponse): void {
    const parsed = new URL(url, this.root);
    const found = this.route(method, parsed.pathname);
    this.requests.push({ route: found?.route ?? null, method, path: parsed.pathname, query: parsed.searchParams, headers, body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(value));
    };
    if (!found) return json(404, { error: { code: 404, message: `no such endpoint ${method} ${parsed.pathname}`, status: 'NOT_FOUND' } });
    const override = this.overrides.get(found.route)?.shift();
    if (override?.kind === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (override?.kind === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (override?.kind === 'json') return json(override.status, override.body);
    if (found.route === 'token') return this.token(new URLSearchParams(body.toString('utf8')), json);

    const scopes = this.accessTokens.get(/^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? '');
    if (!scopes) return json(401, GOOGLE_ERRORS.invalidCredentials);
    const hasAny = (...needed: string[]) => needed.some((s) => scopes.includes(s));
    const driveRead = hasAny(SCOPES.drive, SCOPES.driveReadonly);
    const visible = (f: DriveFile | undefined) => f !== undefined && (f.byApp || driveRead);

    switch (found.route) {
      case 'upload': {
        if (!hasAny(SCOPES.driveFile, SCOPES.drive)) return json(403, GOOGLE_ERRORS.scopeInsufficient('drive.googleapis.com'));
        if (parsed.searchParams.get('uploadType') !== 'multipart') return json(400, { error: { code: 400, message: 'Unsupported upload type' } });
        const parts = parseMultipart(String(headers['content-type']), body);
        const meta = JSON.parse(parts[0].body.toString('utf8')) as { name?: string; mimeType?: string };
        const id = this.newId('sheet');
        // Imported into the Google type named in the metadata (only an .xlsx into a Sheet is modelled).
        const converted = meta.mimeType === SHEET && parts[1]?.headers['content-type'] === XLSX;
        const file: DriveFile = { id, name: meta.name ?? 'Untitled', mimeType: converted ? SHEET : (parts[1]?.headers['content-type'] ?? 'application/octet-stream'), bytes: parts[1]?.body ?? Buffer.alloc(0), byApp: true };
        this.files.set(id, file);
        return json(200, this.fileFields(file, parsed.searchParams.get('fields')));
      }
      case 'get': {
        if (!hasAny(SCOPES.driveFile, SCOPES.drive, SCOPES.driveReadonly)) return json(403, GOOGLE_ERRORS.scopeInsufficient('drive.googleapis.com'));
        const file = this.files.get(found.id!);
        if (!visible(file)) return json(404, GOOGLE_ERRORS.fileNotFound(found.id!));
        return json(200, this.fileFields(file!, parsed.searchParams.get('fields')));
      }
      case 'export': {
        if (!hasAny(SCOPES.driveFile, SCOPES.drive, SCOPES.driveReadonly)) return json(403, GOOGLE_ERRORS.scopeInsufficient('drive.googleapis.com'));
        const file = this.files.get(found.id!);
        if (!visible(file)) return json(404, GOOGLE_ERRORS.fileNotFound(found.id!));
        if (file!.mimeType !== SHEET || parsed.searchParams.get('mimeType') !== XLSX) return json(400, { error: { code: 400, message: 'Export only supports Docs Editors files.', errors: [{ reason: 'fileNotExportable' }] } });
        res.writeHead(200, { 'content-type': XLSX });
        res.end(file!.bytes);
        return;
      }
      case 'create': {
        if (!hasAny(SCOPES.script)) return json(403, GOOGLE_ERRORS.scopeInsufficient('script.googleapis.com'));
        const request = JSON.parse(body.toString('utf8')) as { title?: string; parentId?: string };
        if (request.parentId !== undefined && !this.files.has(request.parentId)) return json(404, { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
        const scriptId = this.newId('script');
        this.scripts.set(scriptId, { scriptId, title: request.title ?? '', parentId: request.parentId ?? '', files: [] });
        return json(200, { scriptId, title: request.title, parentId: request.parentId, createTime: '2026-01-01T00:00:00Z', updateTime: '2026-01-01T00:00:00Z' });
      }
      case 'updateContent': {
        if (!hasAny(SCOPES.script)) return json(403, GOOGLE_ERRORS.scopeInsufficient('script.googleapis.com'));
        const project = this.scripts.get(found.id!);
        if (!project) return json(404, { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } });
        const request = JSON.parse(body.toString('utf8')) as { files?: ScriptProject['files'] };
        const files = request.files ?? [];
        if (files.filter((f) => f.name === 'appsscript' && f.type === 'JSON').length !== 1) {
          return json(400, { error: { code: 400, message: 'Project contents must include a manifest file named appsscript.', status: 'INVALID_ARGUMENT' } });
        }
        project.files = files;
        return json(200, { scriptId: project.scriptId, files });
      }
    }
  }

  private fileFields(file: DriveFile, fields: string | null): Record<string, string> {
    const all: Record<string, string> = { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType, webViewLink: `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk` };
    if (!fields) return { kind: all.kind, id: all.id, name: all.name, mimeType: all.mimeType };
    return Object.fromEntries(fields.split(',').map((f) => f.trim()).filter((f) => f in all).map((f) => [f, all[f]]));
  }

  private token(form: URLSearchParams, json: (status: number, value: unknown) => void): void {
    const issue = (scopes: string[], extra: Record<string, string> = {}) => {
      this.counter += 1;
      const accessToken = `ya29.fake-${this.counter}`;
      this.accessTokens.set(accessToken, scopes);
      json(200, { access_token: accessToken, expires_in: 3599, scope: scopes.join(' '), token_type: 'Bearer', ...extra });
    };
    if (form.get('grant_type') === 'refresh_token') {
      const scopes = this.logins.get(form.get('refresh_token') ?? '');
      if (!scopes) return json(400, GOOGLE_ERRORS.invalidGrant);
      return issue(scopes);
    }
    if (form.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || !grant.challenge || grant.challenge !== challenge) return json(400, { error: 'invalid_grant', error_description: 'Bad Request' });
      this.codes.delete(form.get('code')!);
      this.logins.set(grant.refreshToken, grant.scopes);
      return issue(grant.scopes, { refresh_token: grant.refreshToken });
    }
    json(400, { error: 'unsupported_grant_type' });
  }
}
