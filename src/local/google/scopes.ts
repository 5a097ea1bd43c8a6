/**
 * The OAuth scopes the Google commands need, from the API reference of each call:
 * - Drive `files.create` (upload with conversion), `files.get`, `files.export`: `drive.file` is enough
 *   for files this login created or opened with this OAuth client; any other file needs `drive.readonly`
 *   or `drive` (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/export,
 *   https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
 * - Apps Script `projects.create` and `projects.updateContent`: `script.projects`
 *   (https://developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent).
 * `npx clasp login` asks for both by default (google/clasp src/commands/login.ts DEFAULT_SCOPES).
 */
export const SCOPE = {
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
  drive: 'https://www.googleapis.com/auth/drive',
  scriptProjects: 'https://www.googleapis.com/auth/script.projects',
} as const;

/** What `deploy` asks for when it runs the consent itself (a user's own OAuth client). */
export const DEPLOY_SCOPES: readonly string[] = [SCOPE.driveFile, SCOPE.scriptProjects];

/** Rights a command needs: each inner list is satisfied by any one of its scopes. */
export const NEEDED = {
  deploy: [[SCOPE.driveFile, SCOPE.drive], [SCOPE.scriptProjects]],
  push: [[SCOPE.scriptProjects]],
  pull: [[SCOPE.driveFile, SCOPE.driveReadonly, SCOPE.drive]],
} as const satisfies Record<string, readonly (readonly string[])[]>;

/** The scopes of `needed` that `granted` lacks (the first of each unmet group), or [] when it has all. */
export function missingScopes(granted: readonly string[], needed: readonly (readonly string[])[]): string[] {
  return needed.filter((group) => !group.some((scope) => granted.includes(scope))).map((group) => group[0]);
}
