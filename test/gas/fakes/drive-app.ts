/**
 * Fake of DriveApp (https://developers.google.com/apps-script/reference/drive/drive-app): File, Folder
 * and their iterators over the shared Drive (see drive-model.ts), with Apps Script's error texts and
 * URLs. A Google Doc's `getAs` / `getBlob` gives only PDF, as in Apps Script.
 */
import { type Fake, type FakeEnv, Instrumented } from './env';
import { blobOf, FakeBlob } from './services';
import { conversionError, DOC_MIME, documentPdf, type DriveItem, type DriveModel, FOLDER_MIME, PDF_MIME } from './drive-model';

export class FakeIterator<T> extends Instrumented {
  private readonly items: T[];
  constructor(env: FakeEnv, items: T[], type: string) {
    super(env, 'DriveApp', type);
    this.items = [...items];
  }
  hasNext(): boolean {
    return this.items.length > 0;
  }
  next(): T {
    const item = this.items.shift();
    if (item === undefined) throw this.env.error('Cannot retrieve the next object: iterator has reached the end.');
    return item;
  }
}

function driveUrl(item: DriveItem): string {
  if (item.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  if (item.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${item.id}`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}

/** What a File and a Folder have alike: a view of one item of the shared Drive. */
abstract class FakeDriveEntry extends Instrumented {
  protected readonly drive: DriveModel;
  readonly item: DriveItem;
  constructor(env: FakeEnv, drive: DriveModel, item: DriveItem, type: 'File' | 'Folder') {
    super(env, 'DriveApp', type);
    this.drive = drive;
    this.item = item;
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  getUrl(): string {
    return driveUrl(this.item);
  }
  setTrashed(trashed: boolean): this {
    this.item.trashed = trashed;
    return this;
  }
  isTrashed(): boolean {
    return this.item.trashed;
  }
}

export class FakeFile
  extends FakeDriveEntry
  implements Fake<GoogleAppsScript.Drive.File, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getMimeType' | 'makeCopy' | 'getAs' | 'getBlob' | 'setTrashed' | 'isTrashed' | 'moveTo'>
{
  constructor(env: FakeEnv, drive: DriveModel, item: DriveItem) {
    super(env, drive, item, 'File');
  }
  setName(name: string): this {
    this.item.name = name;
    return this;
  }
  getMimeType(): string {
    return this.item.mimeType;
  }
  makeCopy(name?: string | GoogleAppsScript.Drive.Folder, destination?: GoogleAppsScript.Drive.Folder): FakeFile {
    const folder = typeof name === 'object' ? name : destination;
    if (folder !== undefined && !(folder instanceof FakeFolder)) throw this.env.error('Invalid argument: destination');
    const parents = folder ? [folder.item.id] : [...this.item.parents];
    const me = this.env.effectiveUser();
    const copy = this.drive.copy(this.item, { name: typeof name === 'string' ? name : undefined, parents, created: this.env.clock.now(), owner: me, appUsers: [me] });
    return new FakeFile(this.env, this.drive, copy);
  }
  getAs(contentType: string): FakeBlob {
    if (this.item.doc) {
      if (contentType !== PDF_MIME) throw conversionError(this.env, DOC_MIME, contentType);
      return documentPdf(this.env, this.item.doc, this.item.name, 'DriveApp');
    }
    if (contentType !== this.item.mimeType) throw conversionError(this.env, this.item.mimeType, contentType);
    return this.getBlob();
  }
  getBlob(): FakeBlob {
    if (this.item.doc) return this.getAs(PDF_MIME);
    return new FakeBlob(this.env, this.item.bytes?.slice() ?? new Uint8Array(), this.item.mimeType, this.item.name, 'DriveApp');
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): this {
    if (!(destination instanceof FakeFolder)) throw this.env.error('Invalid argument: destination');
    this.item.parents = [destination.item.id];
    return this;
  }
}

export class FakeFolder
  extends FakeDriveEntry
  implements Fake<GoogleAppsScript.Drive.Folder, 'getId' | 'getName' | 'getUrl' | 'createFolder' | 'createFile' | 'getFiles' | 'getFilesByName' | 'getFoldersByName' | 'setTrashed' | 'isTrashed'>
{
  constructor(env: FakeEnv, drive: DriveModel, item: DriveItem) {
    super(env, drive, item, 'Folder');
  }
  createFolder(name: string): FakeFolder {
    return new FakeFolder(this.env, this.drive, this.drive.addFolder(name, this.item.id, { owner: this.env.effectiveUser(), created: this.env.clock.now() }));
  }
  createFile(a: string | GoogleAppsScript.Base.BlobSource, content?: string, mimeType?: string): FakeFile {
    const blob = typeof a === 'string' ? FakeBlob.fromText(this.env, content ?? '', mimeType ?? 'text/plain', a) : blobOf(this.env, a);
    const item = this.drive.add({
      name: blob.name ?? 'Untitled',
      mimeType: blob.contentType ?? 'application/octet-stream',
      parents: [this.item.id],
      trashed: false,
      created: this.env.clock.now(),
      bytes: blob.bytes.slice(),
      owner: this.env.effectiveUser(),
      appUsers: [this.env.effectiveUser()],
    });
    return new FakeFile(this.env, this.drive, item);
  }
  private fileIterator(items: DriveItem[]): FakeIterator<FakeFile> {
    return new FakeIterator(this.env, items.map((i) => new FakeFile(this.env, this.drive, i)), 'FileIterator');
  }
  getFiles(): FakeIterator<FakeFile> {
    return this.fileIterator(this.drive.filesIn(this.item.id));
  }
  getFilesByName(name: string): FakeIterator<FakeFile> {
    return this.fileIterator(this.drive.filesIn(this.item.id).filter((i) => i.name === name));
  }
  getFoldersByName(name: string): FakeIterator<FakeFolder> {
    const folders = this.drive.foldersIn(this.item.id).filter((i) => i.name === name);
    return new FakeIterator(this.env, folders.map((i) => new FakeFolder(this.env, this.drive, i)), 'FolderIterator');
  }
}

const NOT_FOUND = 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class FakeDriveApp extends Instrumented implements Fake<GoogleAppsScript.Drive.DriveApp, 'getFileById' | 'getFolderById' | 'createFolder' | 'getRootFolder' | 'createFile'> {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'DriveApp', 'DriveApp');
    this.drive = drive;
  }
  /** What the user can reach (DriveApp needs the full drive scope, so no per-file rule applies). */
  private reachable(id: string): DriveItem | null {
    const item = this.drive.items.get(id);
    return item && this.drive.roleOf(item, this.env.effectiveUser()) !== null ? item : null;
  }
  getFileById(id: string): FakeFile {
    const item = this.reachable(id);
    if (!item || item.mimeType === FOLDER_MIME) throw this.env.error(NOT_FOUND);
    return new FakeFile(this.env, this.drive, item);
  }
  getFolderById(id: string): FakeFolder {
    const item = this.reachable(id);
    if (!item || item.mimeType !== FOLDER_MIME) throw this.env.error(NOT_FOUND);
    return new FakeFolder(this.env, this.drive, item);
  }
  getRootFolder(): FakeFolder {
    return new FakeFolder(this.env, this.drive, this.drive.items.get('root') as DriveItem);
  }
  createFolder(name: string): FakeFolder {
    return new FakeFolder(this.env, this.drive, this.drive.addFolder(name, 'root', { owner: this.env.effectiveUser(), created: this.env.clock.now() }));
  }
  /** Through the root Folder's own (counted) `createFile`. */
  createFile(a: string | GoogleAppsScript.Base.BlobSource, content?: string, mimeType?: string): FakeFile {
    return this.getRootFolder().createFile(a, content, mimeType);
  }
}

