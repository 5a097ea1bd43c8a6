/**
 * Granular consent: since 2025 a user can untick single permissions on Google's consent screen
 * (https://workspaceupdates.googleblog.com/2025/01/granular-oauth-consent-in-google-apps-script.html),
 * and a call needing an unticked scope then fails ("You do not have permission to call …"). Before a
 * job, the program asks which of the scopes that job needs the user has granted
 * (`ScriptApp.getAuthorizationInfo(AuthMode.FULL, scopes).getAuthorizedScopes()`,
 * https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes())
 * and, when one is missing, says which and how to grant it (the authorization URL the same object gives)
 * instead of failing half-way with an English error. In a trigger there is no one to tell: the job
 * waits in the store and the trigger tries again later.
 */
import { errorText, UserError } from '../core/errors';
import { CONTINUE_HANDLER, type JobSpec, pendingJob } from '../core/jobs';
import type { Runtime } from '../ports';
import { gasMsg, permissionLabel, type ScopeName } from '../messages/gas';

const AUTH = 'https://www.googleapis.com/auth/';
export const scopeUrl = (name: ScopeName): string => AUTH + name;

/** What each menu item, dialog call and trigger needs. */
export type Task = 'setup' | 'check' | 'owed' | 'report' | 'invite' | 'inviteTest' | 'thanks' | 'thanksEmail' | 'cancelScheduled';

const NEEDS: Record<Task, ScopeName[]> = {
  setup: ['spreadsheets.currentonly', 'documents', 'drive'],
  check: ['spreadsheets.currentonly'],
  owed: ['spreadsheets.currentonly', 'script.container.ui'],
  report: ['spreadsheets.currentonly', 'script.container.ui', 'documents', 'drive'],
  invite: ['spreadsheets.currentonly', 'script.container.ui', 'documents', 'drive', 'script.send_mail', 'script.scriptapp'],
  inviteTest: ['spreadsheets.currentonly', 'documents', 'drive', 'script.send_mail', 'userinfo.email'],
  thanks: ['spreadsheets.currentonly', 'script.container.ui', 'documents', 'drive', 'script.scriptapp'],
  thanksEmail: ['spreadsheets.currentonly', 'script.container.ui', 'documents', 'drive', 'script.scriptapp', 'script.send_mail'],
  cancelScheduled: ['spreadsheets.currentonly', 'script.container.ui', 'script.scriptapp'],
};

/** A thank-you run needs to send mail only when it emails the letters. */
export const thanksTask = (request: { email?: boolean }): Task => (request.email === true ? 'thanksEmail' : 'thanks');

/** What a stored job needs to continue in a trigger (no dialogs there). */
export function continuationNeeds(spec: JobSpec): ScopeName[] {
  const base: ScopeName[] = ['spreadsheets.currentonly', 'documents', 'drive', 'script.scriptapp'];
  return spec.job === 'invite' || spec.email === true ? [...base, 'script.send_mail'] : base;
}

/** The newer ScriptApp methods, which @types/google-apps-script does not know yet. */
interface ScopedAuthorizationInfo {
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
  getAuthorizationUrl(): string | null;
  getAuthorizedScopes(): string[] | null;
}
type ScriptAppWithScopes = { getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]): ScopedAuthorizationInfo };

interface Missing {
  scopes: ScopeName[];
  url: string | null;
}

/** Which of the scopes the user has not granted, with the URL to grant them; null when all are granted. */
export function missingScopes(needed: readonly ScopeName[]): Missing | null {
  let info: ScopedAuthorizationInfo;
  try {
    info = (ScriptApp as unknown as ScriptAppWithScopes).getAuthorizationInfo(ScriptApp.AuthMode.FULL, needed.map(scopeUrl));
  } catch (e) {
    // Cannot tell: let the job run; a call that lacks a scope fails with Apps Script's own message.
    console.error(`authorization check: ${errorText(e)}`);
    return null;
  }
  const authorized = info.getAuthorizedScopes();
  const missing =
    authorized === null
      ? info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED
        ? [...needed]
        : []
      : needed.filter((name) => !authorized.includes(scopeUrl(name)));
  return missing.length === 0 ? null : { scopes: missing, url: info.getAuthorizationUrl() };
}

/** Throws a Russian `UserError` naming every missing permission and how to grant it. */
export function requirePermissions(action: string, task: Task): void {
  const missing = missingScopes(NEEDS[task]);
  if (missing) throw new UserError(gasMsg.missingPermissions(action, missing.scopes.map(permissionLabel), missing.url));
}

/** How long a continuation waits for a permission before it asks again. */
export const PERMISSION_RETRY_MS = 60 * 60 * 1000;

/**
 * In the continuation trigger: true when the trigger's user (the one who started the run) has granted
 * what the stored job needs. Otherwise the job stays stored, the trigger is set again for later, and
 * the log says what is missing — a trigger may not show any UI.
 */
export function mayContinue(rt: Runtime, spec: JobSpec | null = pendingJob(rt), handler: string = CONTINUE_HANDLER): boolean {
  if (!spec) return true;
  const missing = missingScopes(continuationNeeds(spec));
  if (!missing) return true;
  console.error(gasMsg.continuationWaits(missing.scopes.map(permissionLabel)));
  try {
    rt.scheduler.scheduleOnce(handler, PERMISSION_RETRY_MS);
  } catch (e) {
    console.error(`continueRun: ${errorText(e)}`);
  }
  return false;
}
