/**
 * Fake of the Drive advanced service, Drive API v3 (https://developers.google.com/drive/api/reference/rest/v3/files):
 * `Drive.Files.get`, `list`, `create`, `copy` and `update` over the shared Drive (see drive-model.ts),
 * with Google's error texts. Under the per-file `drive.file` scope it sees only what the script made
 * through the API (https://developers.google.com/drive/api/guides/api-specific-auth); `list` reads a
 * subset of the query language (https://developers.google.com/drive/api/guides/search-files).
 */
import { type FakeEnv, Instrumented } from './env';
import { DOC_MIME, type DriveItem, type DriveModel, FOLDER_MIME } from './drive-model';

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
 * `Drive.Files` (Drive API v3). Under `drive.file` (no full `drive` scope declared) it sees only the
 * items this script created through the API, and answers 404 for the others, like Google.
 * `list` understands the `q` clauses `'id' in parents`, `name = '…'`, `mimeType = '…'`, `trashed = false|true`.
 */
export class FakeDriveFiles extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Files');
    this.drive = drive;
  }
  private visible(item: DriveItem | undefined): item is DriveItem {
    if (!item || item.id === 'root') return false;
    return this.env.scopes === null || this.env.scopes.has('https://www.googleapis.com/auth/drive') || item.appCreated === true;
  }
  /** An error as the advanced service throws them for a failed `drive.files.<method>` call. */
  private apiError(method: string, message: string): Error {
    return this.env.error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`);
  }
  private item(method: string, fileId: string): DriveItem {
    const item = this.drive.items.get(fileId);
    if (!this.visible(item)) throw this.apiError(method, `File not found: ${fileId}.`);
    return item;
  }
  private parentsOf(method: string, resource: DriveFile): string[] {
    const parents = resource.parents ?? [];
    if (parents.length > 1) throw this.apiError(method, 'A shared drive item must have exactly one parent.');
    for (const p of parents) if (p !== 'root' && this.item(method, p).mimeType !== FOLDER_MIME) throw this.apiError(method, 'The parent is not a folder.');
    return parents.length > 0 ? [...parents] : ['root'];
  }
  private static out(item: DriveItem): DriveFile {
    return { kind: 'drive#file', id: item.id, name: item.name, mimeType: item.mimeType, trashed: item.trashed, parents: [...item.parents] };
  }
  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFile {
    if (optionalArgs?.alt === 'media') throw this.env.error('Fake Drive: alt=media is not supported');
    return FakeDriveFiles.out(this.item('get', fileId));
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
    const found = [...this.drive.items.values()].filter((i) => this.visible(i) && filters.every((f) => f(i)));
    const size = typeof optionalArgs.pageSize === 'number' ? optionalArgs.pageSize : 100;
    return { files: found.slice(0, size).map(FakeDriveFiles.out) };
  }
  create(resource: DriveFile, mediaData?: unknown): DriveFile {
    if (mediaData !== undefined) throw this.env.error('Fake Drive: uploads are not supported');
    const mimeType = resource.mimeType ?? 'application/octet-stream';
    const name = resource.name ?? 'Untitled';
    const [parent = 'root'] = this.parentsOf('create', resource);
    const created = this.env.clock.now();
    // A new Google Doc has one empty paragraph.
    if (mimeType === DOC_MIME) return FakeDriveFiles.out(this.drive.addDocument(name, [''], parent, true, created));
    if (mimeType === FOLDER_MIME) return FakeDriveFiles.out(this.drive.addFolder(name, parent, true, created));
    return FakeDriveFiles.out(this.drive.add({ name, mimeType, parents: [parent], trashed: false, created, appCreated: true }));
  }
  copy(resource: DriveFile, fileId: string): DriveFile {
    const source = this.item('copy', fileId);
    if (source.mimeType === FOLDER_MIME) throw this.apiError('copy', 'This file cannot be copied by the user.');
    const parents = resource.parents ? this.parentsOf('copy', resource) : [...source.parents];
    return FakeDriveFiles.out(this.drive.copy(source, { name: resource.name, parents, created: this.env.clock.now(), appCreated: true }));
  }
  update(resource: DriveFile, fileId: string): DriveFile {
    const item = this.item('update', fileId);
    if (resource.parents !== undefined) throw this.apiError('update', 'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.');
    if (resource.name !== undefined && resource.name !== null) item.name = resource.name;
    if (resource.trashed !== undefined && resource.trashed !== null) item.trashed = resource.trashed;
    return FakeDriveFiles.out(item);
  }
}

export class FakeDrive extends Instrumented {
  readonly Files: FakeDriveFiles;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Drive', 'Drive');
    this.Files = new FakeDriveFiles(env, drive);
  }
}

