/**
 * Fake of the Drive advanced service, Drive API v3 (https://developers.google.com/workspace/drive/api/reference/rest/v3/files):
 * `Drive.Files.get`, `list`, `create`, `copy`, `update` and `Drive.Permissions.create`, `list` over the
 * shared Drive (see drive-model.ts), with Google's error texts
 * (https://developers.google.com/workspace/drive/api/guides/handle-errors: 404 "File not found: {fileId}.",
 * 403 "The user does not have sufficient permissions for file {fileId}.").
 *
 * What a call sees depends on the effective user AND the scope: the user must be able to reach the item
 * (owner, shared, or inside a shared folder); under the full `drive` scope that is all; under
 * `drive.file` the script must also have per-file access for THIS user — the user created it with the
 * script or opened it with the app (https://developers.google.com/workspace/drive/api/guides/api-specific-auth).
 * `list` reads a subset of the query language (https://developers.google.com/workspace/drive/api/guides/search-files).
 */
import { type FakeEnv, Instrumented } from './env';
import { atLeast, DOC_MIME, type DrivePermission, type DriveItem, type DriveModel, FOLDER_MIME, type Role } from './drive-model';

const DRIVE = 'https://www.googleapis.com/auth/drive';
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';

/**
 * Whether the effective user's run of the script reaches the item through the Drive or Docs API:
 * Drive access for the user, and a scope that covers it (`extra`: other scopes that do, like
 * `documents` for the Docs API).
 */
export function apiCanSee(env: FakeEnv, drive: DriveModel, item: DriveItem | undefined, extra: string[] = []): item is DriveItem {
  if (!item || item.id === 'root') return false;
  const me = env.effectiveUser();
  if (drive.roleOf(item, me) === null) return false;
  if (env.scopes === null || env.allows(DRIVE) || extra.some((scope) => env.allows(scope))) return true;
  return env.allows(DRIVE_FILE) && item.appUsers.some((u) => u.toLowerCase() === me.toLowerCase());
}

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** A Drive query split at the ` and ` outside quoted literals (`\\'` escapes a quote). */
function splitQuery(q: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < q.length; i++) {
    const ch = q[i] ?? '';
    if (quoted && ch === '\\') {
      current += ch + (q[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && q.startsWith(' and ', i)) {
      clauses.push(current);
      current = '';
      i += 4;
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '') clauses.push(current);
  return clauses;
}

/**
 * `Drive.Files` (Drive API v3). An item the effective user's run may not see (see `apiCanSee`) is
 * answered with 404, like Google; writes need the writer role on the item or on the target folder.
 * `list` understands the `q` clauses `'id' in parents`, `name = '…'`, `mimeType = '…'`, `trashed = false|true`.
 */
export class FakeDriveFiles extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Files');
    this.drive = drive;
  }
  private me(): string {
    return this.env.effectiveUser();
  }
  /** An error as the advanced service throws them for a failed `drive.files.<method>` call. */
  private apiError(method: string, message: string): Error {
    return driveError(this.env, `files.${method}`, message);
  }
  private item(method: string, fileId: string): DriveItem {
    const item = this.drive.items.get(fileId);
    if (!apiCanSee(this.env, this.drive, item)) throw this.apiError(method, `File not found: ${fileId}.`);
    return item;
  }
  private role(item: DriveItem): Role | null {
    return this.drive.roleOf(item, this.me());
  }
  private needs(method: string, item: DriveItem, role: Role): void {
    if (!atLeast(this.role(item), role)) throw this.apiError(method, `The user does not have sufficient permissions for file ${item.id}.`);
  }
  private parentsOf(method: string, resource: DriveFile): string[] {
    const parents = resource.parents ?? [];
    if (parents.length > 1) throw this.apiError(method, 'A shared drive item must have exactly one parent.');
    for (const p of parents) {
      if (p === 'root') continue;
      const parent = this.item(method, p);
      if (parent.mimeType !== FOLDER_MIME) throw this.apiError(method, 'The parent is not a folder.');
      this.needs(method, parent, 'writer');
    }
    return parents.length > 0 ? [...parents] : ['root'];
  }
  private out(item: DriveItem): DriveFile {
    const role = this.role(item);
    return {
      kind: 'drive#file',
      id: item.id,
      name: item.name,
      mimeType: item.mimeType,
      trashed: item.trashed,
      parents: [...item.parents],
      owners: [{ kind: 'drive#user', emailAddress: item.owner }],
      // https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File.FIELDS.capabilities
      capabilities: {
        canEdit: atLeast(role, 'writer'),
        canAddChildren: item.mimeType === FOLDER_MIME && atLeast(role, 'writer'),
        canShare: atLeast(role, 'writer'),
        canTrash: role === 'owner',
        canCopy: item.mimeType !== FOLDER_MIME,
      },
    };
  }
  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFile {
    if (optionalArgs?.alt === 'media') throw this.env.error('Fake Drive: alt=media is not supported');
    return this.out(this.item('get', fileId));
  }
  list(optionalArgs: Record<string, unknown> = {}): { files: DriveFile[] } {
    const filters: ((i: DriveItem) => boolean)[] = [];
    const q = typeof optionalArgs.q === 'string' ? optionalArgs.q : '';
    const lit = (text: string): string => text.replace(/\\(.)/g, '$1');
    for (const clause of splitQuery(q)) {
      let m: RegExpExecArray | null;
      if ((m = /^'((?:[^'\\]|\\.)*)' in parents$/.exec(clause.trim()))) {
        const parent = lit(m[1] ?? '');
        filters.push((i) => i.parents.includes(parent));
      } else if ((m = /^(name|mimeType) = '((?:[^'\\]|\\.)*)'$/.exec(clause.trim()))) {
        const [field, value] = [m[1] as 'name' | 'mimeType', lit(m[2] ?? '')];
        filters.push((i) => i[field] === value);
      } else if ((m = /^trashed = (true|false)$/.exec(clause.trim()))) {
        const trashed = m[1] === 'true';
        filters.push((i) => i.trashed === trashed);
      } else throw this.apiError('list', `Invalid Value (fake: unsupported clause ${clause})`);
    }
    const found = [...this.drive.items.values()].filter((i) => apiCanSee(this.env, this.drive, i) && filters.every((f) => f(i)));
    const size = typeof optionalArgs.pageSize === 'number' ? optionalArgs.pageSize : 100;
    return { files: found.slice(0, size).map((i) => this.out(i)) };
  }
  /** A new file owned by the effective user, with drive.file access for that user only. */
  create(resource: DriveFile, mediaData?: unknown): DriveFile {
    if (mediaData !== undefined && mediaData !== null) throw this.env.error('Fake Drive: uploads are not supported');
    const mimeType = resource.mimeType ?? 'application/octet-stream';
    const name = resource.name ?? 'Untitled';
    const [parent = 'root'] = this.parentsOf('create', resource);
    const created = this.env.clock.now();
    const seed = { owner: this.me(), appCreated: true, created };
    // A new Google Doc has one empty paragraph.
    if (mimeType === DOC_MIME) return this.out(this.drive.addDocument(name, [''], parent, seed));
    if (mimeType === FOLDER_MIME) return this.out(this.drive.addFolder(name, parent, seed));
    return this.out(this.drive.add({ name, mimeType, parents: [parent], trashed: false, created, owner: this.me(), appUsers: [this.me()] }));
  }
  copy(resource: DriveFile, fileId: string): DriveFile {
    const source = this.item('copy', fileId);
    if (source.mimeType === FOLDER_MIME) throw this.apiError('copy', 'This file cannot be copied by the user.');
    const parents = resource.parents ? this.parentsOf('copy', resource) : [...source.parents];
    return this.out(this.drive.copy(source, { name: resource.name, parents, created: this.env.clock.now(), owner: this.me(), appUsers: [this.me()] }));
  }
  /** Renames (writers) or trashes (pessimistic: only the owner may trash a My Drive file). */
  update(resource: DriveFile, fileId: string): DriveFile {
    const item = this.item('update', fileId);
    if (resource.parents !== undefined) throw this.apiError('update', 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    if (resource.trashed !== undefined && resource.trashed !== null) this.needs('update', item, 'owner');
    else this.needs('update', item, 'writer');
    if (resource.name !== undefined && resource.name !== null) item.name = resource.name;
    if (resource.trashed !== undefined && resource.trashed !== null) item.trashed = resource.trashed;
    return this.out(item);
  }
}

/** An error as the advanced service throws them for a failed `drive.<method>` call. */
function driveError(env: FakeEnv, method: string, message: string): Error {
  return env.error(`GoogleJsonResponseException: API call to drive.${method} failed with error: ${message}`);
}

const ROLES: readonly Role[] = ['owner', 'writer', 'commenter', 'reader'];

/**
 * `Drive.Permissions` (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions):
 * `create` gives a user a role on an item (writers may share: `writersCanShare` is true by default),
 * `list` the item's own permissions with its owner's. Pessimistic: only writers and owners may list.
 */
export class FakeDrivePermissions extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Permissions');
    this.drive = drive;
  }
  private item(method: string, fileId: string): DriveItem {
    const item = this.drive.items.get(fileId);
    if (!apiCanSee(this.env, this.drive, item)) throw driveError(this.env, `permissions.${method}`, `File not found: ${fileId}.`);
    if (!atLeast(this.drive.roleOf(item, this.env.effectiveUser()), 'writer'))
      throw driveError(this.env, `permissions.${method}`, `The user does not have sufficient permissions for file ${fileId}.`);
    return item;
  }
  private static out(p: DrivePermission): GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission {
    return { kind: 'drive#permission', id: p.id, type: p.type, role: p.role, ...(p.emailAddress ? { emailAddress: p.emailAddress } : {}) };
  }
  create(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission, fileId: string, optionalArgs: Record<string, unknown> = {}): GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission {
    const item = this.item('create', fileId);
    const role = resource.role as Role;
    if (!ROLES.includes(role) || role === 'owner') throw driveError(this.env, 'permissions.create', `Invalid Value (fake: role ${String(resource.role)})`);
    if (resource.type !== 'user' || !resource.emailAddress) throw driveError(this.env, 'permissions.create', 'The permission type field is required. (fake: only user permissions with an emailAddress)');
    // sendNotificationEmail "defaults to true for users and groups".
    const notified = optionalArgs.sendNotificationEmail !== false;
    return FakeDrivePermissions.out(this.drive.share(item, resource.emailAddress, role, notified));
  }
  list(fileId: string): { permissions: GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission[] } {
    const item = this.item('list', fileId);
    const owner: DrivePermission = { id: `owner-${item.id}`, type: 'user', role: 'owner', emailAddress: item.owner, notified: false };
    return { permissions: [owner, ...item.permissions].map(FakeDrivePermissions.out) };
  }
}

export class FakeDrive extends Instrumented {
  readonly Files: FakeDriveFiles;
  readonly Permissions: FakeDrivePermissions;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Drive');
    this.Files = new FakeDriveFiles(env, drive);
    this.Permissions = new FakeDrivePermissions(env, drive);
  }
}
