/**
 * The failure classifier on errors shaped as gaxios and fetch really raise them: an HTTP answer
 * (`response.status`, `response.data`), or no answer with the socket's error as the `cause`.
 */
import { classifyGoogleError, failureText } from '../../../src/local/google/failure';
import { GOOGLE_ERRORS } from './fake-google';

const http = (status: number, data: unknown) => Object.assign(new Error('gaxios'), { name: 'GaxiosError', response: { status, data } });
const noAnswer = (cause: unknown) => Object.assign(new Error('request failed'), { name: 'GaxiosError', cause });

describe('classifyGoogleError', () => {
  it('decides by status and reason codes', () => {
    expect(classifyGoogleError(http(403, GOOGLE_ERRORS.appsScriptApiOff))).toEqual({ kind: 'appsScriptApiOff' });
    expect(classifyGoogleError(http(401, GOOGLE_ERRORS.invalidCredentials))).toEqual({ kind: 'loginExpired' });
    expect(classifyGoogleError(http(400, GOOGLE_ERRORS.invalidGrant))).toEqual({ kind: 'loginExpired' });
    expect(classifyGoogleError(http(403, GOOGLE_ERRORS.scopeInsufficient('drive.googleapis.com')))).toEqual({ kind: 'scopes' });
    expect(classifyGoogleError(http(429, GOOGLE_ERRORS.tooManyRequests))).toEqual({ kind: 'quota' });
    expect(classifyGoogleError(http(403, GOOGLE_ERRORS.userRateLimit))).toEqual({ kind: 'quota' });
    expect(classifyGoogleError(http(404, GOOGLE_ERRORS.fileNotFound('x')))).toEqual({ kind: 'notFound' });
    expect(classifyGoogleError(http(403, GOOGLE_ERRORS.noFilePermission('x')))).toEqual({ kind: 'forbidden' });
    expect(classifyGoogleError(http(403, GOOGLE_ERRORS.exportTooLarge))).toEqual({ kind: 'tooLarge' });
    expect(classifyGoogleError(http(403, { error: { code: 403, errors: [{ reason: 'storageQuotaExceeded' }] } }))).toEqual({ kind: 'storageFull' });
    expect(classifyGoogleError(http(503, 'Service Unavailable'))).toEqual({ kind: 'server', status: 503 });
    expect(classifyGoogleError(http(400, { error: { code: 400, message: 'Bad thing' } }))).toEqual({ kind: 'other', detail: 'Bad thing' });
  });

  it('reads a body that came as text or bytes', () => {
    expect(classifyGoogleError(http(403, JSON.stringify(GOOGLE_ERRORS.appsScriptApiOff)))).toEqual({ kind: 'appsScriptApiOff' });
    const bytes = new TextEncoder().encode(JSON.stringify(GOOGLE_ERRORS.exportTooLarge));
    expect(classifyGoogleError(http(403, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)))).toEqual({ kind: 'tooLarge' });
  });

  it('a 403 that only resembles the switched-off API is a plain refusal', () => {
    expect(classifyGoogleError(http(403, { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } }))).toEqual({ kind: 'forbidden' });
  });

  it('no answer: timeout, DNS, refused, reset — found along the cause chain (fetch and AggregateError)', () => {
    expect(classifyGoogleError(noAnswer(Object.assign(new Error('x'), { name: 'TimeoutError' })))).toEqual({ kind: 'timeout' });
    expect(classifyGoogleError(noAnswer(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND', hostname: 'oauth2.googleapis.com' }) })))).toEqual({
      kind: 'dns',
      host: 'oauth2.googleapis.com',
    });
    // An AggregateError (a connect tried on several addresses) carries its errors in `errors`.
    const aggregate = Object.assign(new Error('connect failed'), { name: 'AggregateError', errors: [Object.assign(new Error('a'), { code: 'ECONNREFUSED' })] });
    expect(classifyGoogleError(noAnswer(Object.assign(new TypeError('fetch failed'), { cause: aggregate })))).toEqual({ kind: 'network', code: 'ECONNREFUSED' });
    expect(classifyGoogleError(noAnswer(undefined))).toEqual({ kind: 'network', code: null });
  });

  it('anything else is not Google’s: left to the caller (a bug stays a bug)', () => {
    expect(classifyGoogleError(new TypeError('undefined is not a function'))).toBeNull();
    expect(classifyGoogleError('text')).toBeNull();
  });

  it('every kind has a Russian sentence that says what to do', () => {
    expect(failureText({ kind: 'appsScriptApiOff' }, 'createScript')).toContain('https://script.google.com/home/usersettings');
    expect(failureText({ kind: 'loginExpired' }, 'login')).toContain('выполните npx clasp login');
    expect(failureText({ kind: 'network', code: null }, 'upload')).toContain('нет ответа');
    expect(failureText({ kind: 'cloudApiOff', service: 'Drive API', url: null }, 'upload')).toContain('APIs & Services');
  });

  it('not found names what was not found: the Sheet to pull or to bind to, or the script to push into', () => {
    expect(failureText({ kind: 'notFound' }, 'metadata')).toContain('drive.readonly');
    expect(failureText({ kind: 'notFound' }, 'createScript')).toContain('доступ редактора');
    expect(failureText({ kind: 'notFound' }, 'push')).toContain('скрипт с таким ID не найден');
  });
});
