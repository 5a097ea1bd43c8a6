/**
 * Fake of the Docs advanced service (Docs API v1, https://developers.google.com/workspace/docs/api/reference/rest/v1/documents)
 * over the Google Docs of the shared Drive (see drive-model.ts): `Docs.Documents.batchUpdate` with
 * `replaceAllText` (ReplaceAllTextRequest: literal text, case-insensitive unless `matchCase`, answering
 * `occurrencesChanged`) and `insertText` at the end of a segment, and a plain-text `Docs.Documents.get`.
 *
 * Like the real API, inserted text loses "some control characters (U+0000-U+0008, U+000C-U+001F) and
 * characters from the Unicode Basic Multilingual Plane Private Use Area (U+E000-U+F8FF)"
 * (https://developers.google.com/workspace/docs/api/concepts/rules-behavior, "Insert text";
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#InsertTextRequest).
 * The reference says it of inserted text; a replacement is inserted text too, so `replaceAllText`'s
 * `replaceText` is stripped the same way (the pessimistic reading).
 *
 * A document is reached with the `documents` scope when the effective user can open it, or through
 * `drive`/`drive.file` like the Drive API (see `apiCanSee`); editing needs the writer role.
 */
import { type FakeEnv, Instrumented } from './env';
import { apiCanSee } from './drive-api';
import { atLeast, type DocModel, type DriveModel, paragraph, replaceInSections, sectionText } from './drive-model';

const DOCUMENTS = 'https://www.googleapis.com/auth/documents';

/** What the Docs API removes from inserted text. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what the API strips
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;
export const stripInsertedText = (text: string): string => text.replace(STRIPPED, '');

export class FakeDocsDocuments extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Docs', 'Documents');
    this.drive = drive;
  }
  private apiError(method: string, message: string): Error {
    return this.env.error(`GoogleJsonResponseException: API call to docs.documents.${method} failed with error: ${message}`);
  }
  private doc(method: string, documentId: string, edit: boolean): DocModel {
    const item = this.drive.items.get(documentId);
    if (!item?.doc || item.trashed || !apiCanSee(this.env, this.drive, item, [DOCUMENTS])) throw this.apiError(method, 'Requested entity was not found.');
    if (edit && !atLeast(this.drive.roleOf(item, this.env.effectiveUser()), 'writer')) throw this.apiError(method, 'The caller does not have permission');
    return item.doc;
  }
  /** `replaceAllText` (applied literally: no patterns, no `$` groups) and `insertText` at the end of a segment. */
  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const doc = this.doc('batchUpdate', documentId, true);
    const replies: GoogleAppsScript.Docs.Schema.Response[] = [];
    (resource.requests ?? []).forEach((request, i) => {
      if (request.insertText) {
        this.insertText(doc, request.insertText, i);
        replies.push({});
        return;
      }
      const r = request.replaceAllText;
      if (!r) throw this.env.error(`Fake Docs supports only replaceAllText and insertText; got ${Object.keys(request).join(', ')}`);
      const find = r.containsText?.text ?? '';
      if (find === '') throw this.apiError('batchUpdate', `Invalid requests[${i}].replaceAllText: Text must not be empty.`);
      const replacement = stripInsertedText(r.replaceText ?? '');
      const matchCase = r.containsText?.matchCase ?? false;
      const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(escaped, matchCase ? 'g' : 'gi');
      let changed = 0;
      replaceInSections([doc.header, doc.body, doc.footer], (t) =>
        t.replace(re, () => {
          changed++;
          return replacement;
        }),
      );
      replies.push({ replaceAllText: { occurrencesChanged: changed } });
    });
    return { documentId, replies };
  }
  /** Only `endOfSegmentLocation` (the body: no segmentId); a newline starts a new paragraph. */
  private insertText(doc: DocModel, request: GoogleAppsScript.Docs.Schema.InsertTextRequest, i: number): void {
    if (request.location || !request.endOfSegmentLocation || request.endOfSegmentLocation.segmentId)
      throw this.env.error(`Fake Docs: requests[${i}].insertText supports only endOfSegmentLocation in the body`);
    const [first = '', ...more] = stripInsertedText(request.text ?? '').split('\n');
    let last = [...doc.body].reverse().find((e) => e.kind === 'paragraph');
    if (!last || last.kind !== 'paragraph') doc.body.push((last = paragraph('')));
    if (last.kind === 'paragraph') last.text += first;
    for (const text of more) doc.body.push(paragraph(text));
  }
  get(documentId: string): { documentId: string; title: string; body: { content: { paragraph?: { elements: { textRun: { content: string } }[] } }[] } } {
    const doc = this.doc('get', documentId, false);
    const title = this.drive.items.get(documentId)?.name ?? '';
    const content = doc.body.map((e) => ({ paragraph: { elements: [{ textRun: { content: `${sectionText([e])}\n` } }] } }));
    return { documentId, title, body: { content } };
  }
}

export class FakeDocs extends Instrumented {
  readonly Documents: FakeDocsDocuments;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Docs', 'Docs');
    this.Documents = new FakeDocsDocuments(env, drive);
  }
}
