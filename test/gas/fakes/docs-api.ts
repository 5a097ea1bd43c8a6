/**
 * Fake of the Docs advanced service (Docs API v1, https://developers.google.com/docs/api/reference/rest/v1/documents)
 * over the Google Docs of the shared Drive (see drive-model.ts): `Docs.Documents.batchUpdate` with
 * `replaceAllText` requests (ReplaceAllTextRequest: literal text, case-insensitive unless
 * `matchCase`, answering `occurrencesChanged`) and a plain-text `Docs.Documents.get`.
 */
import { type FakeEnv, Instrumented } from './env';
import { type DocModel, type DriveModel, replaceInSections, sectionText } from './drive-model';

export class FakeDocsDocuments extends Instrumented {
  private readonly drive: DriveModel;
  constructor(env: FakeEnv, drive: DriveModel) {
    super(env, 'Docs', 'Documents');
    this.drive = drive;
  }
  private doc(documentId: string): DocModel {
    const item = this.drive.items.get(documentId);
    if (!item?.doc || item.trashed) throw this.env.error(`API call to docs.documents.batchUpdate failed with error: Requested entity was not found.`);
    return item.doc;
  }
  /** Supports `replaceAllText` requests, applied literally (no patterns, no `$` groups). */
  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const doc = this.doc(documentId);
    const replies: GoogleAppsScript.Docs.Schema.Response[] = [];
    for (const request of resource.requests ?? []) {
      const r = request.replaceAllText;
      if (!r) throw this.env.error(`Fake Docs supports only replaceAllText; got ${Object.keys(request).join(', ')}`);
      const find = r.containsText?.text ?? '';
      if (find === '') throw this.env.error('API call to docs.documents.batchUpdate failed with error: Invalid requests[0].replaceAllText: Text must not be empty.');
      const replacement = r.replaceText ?? '';
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
    }
    return { documentId, replies };
  }
  get(documentId: string): { documentId: string; title: string; body: { content: { paragraph?: { elements: { textRun: { content: string } }[] } }[] } } {
    const doc = this.doc(documentId);
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

