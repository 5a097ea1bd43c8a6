/**
 * The offline document maker: letters from `.docx` templates, print-ready bundles and rendered
 * DocModels, written under one output folder; PDFs via LibreOffice when it is installed.
 */
import { errorText, UserError } from '../core/errors';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Attachment, DocModel, DocumentPort, MadeDocument, TemplateKind } from '../ports';
import { outFolderMsg } from '../messages/cli';
import { DOC_MSG } from '../messages/documents';
import { availableParallelism } from 'node:os';
import { appendLetter, compileTemplate, placeholdersOf, templateTextOf, type CompiledTemplate } from './docx-fill';
import { renderDocx } from './docx-render';
import { converterProfile, convertToPdf, findSoffice, pdfPathFor } from './pdf';
import type { PdfBatch } from './pdf-batch';
import { callWorker } from './sync';

/** An attachment that is a file on this computer. */
export interface LocalAttachment extends Attachment {
  readonly path: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

export interface LocalDocumentsOptions {
  outDir: string;
  /** Staff-edited templates; a kind without one uses `defaultTemplate(kind)`. */
  templates?: Partial<Record<TemplateKind, string>>;
  /** The built-in template of a kind, rendered once to `<outDir>/шаблоны/<kind>.docx`. */
  defaultTemplate: (kind: TemplateKind) => DocModel;
  /**
   * Write the built-in template into `<outDir>/шаблоны/` so staff can edit it (default). A preview
   * (`--dry-run`) passes false: it renders the template in memory and writes nothing.
   */
  saveDefaultTemplates?: boolean;
  /** `auto`: make PDFs when LibreOffice is found; `never`: no PDFs. */
  pdf: 'auto' | 'never';
  /** The soffice program; `null` means none; default: searched for (`findSoffice`). */
  soffice?: string | null;
  /** Convert every letter to PDF right away (the CLI: a PDF to print beside each .docx), not only when attached. */
  eagerPdf?: boolean;
  /** LibreOffices converting at once when letters are made ahead; default: one per core, at most 4. */
  converters?: number;
  /** A converter that makes no new PDF for this long is stopped as hung; default 60 s. */
  pdfStallMs?: number;
}

/**
 * Letters one LibreOffice converts in one start. Measured (LibreOffice 7.4, 2 cores): a start costs
 * about 1.6 s, then a letter some 20 ms — until the batch grows: 40 letters take 2.6 s, 100 take
 * 5.7 s and 200 take 15 s, so batches of 40 beat one batch of all.
 */
export const PDF_BATCH = 40;
/** Letters made ahead at most at once: the converters work through their batches while letters go out. */
export const PDF_AHEAD = 400;

// eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001F\u007F]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/**
 * Bidirectional controls (embeddings, overrides, isolates and marks): U+202E in a name turns
 * `Приглашение — ООО «gpj.exe»` into a name that reads `…exe.jpg`. They are never wanted in a file name.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A file or folder name safe on Windows, macOS and Linux; keeps Cyrillic; at most `max` characters. */
export function safeFileName(name: string, max = 100): string {
  let safe = name.replace(BIDI_CONTROLS, '').replace(/[\t\n\r]+/g, ' ').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  const chars = Array.from(safe);
  if (chars.length > max) safe = chars.slice(0, max).join('');
  safe = safe.replace(/[ .]+$/, '').replace(/^[ ]+/, '');
  if (safe === '' || /^\.+$/.test(safe)) safe = DOC_MSG.defaultFileName;
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`;
  return safe;
}

/** A relative folder (`Приглашения/День матери`) made safe segment by segment. */
function safeFolder(folder: string): string[] {
  return folder
    .split(/[/\\]+/)
    .filter((s) => s.trim() !== '')
    .map((s) => safeFileName(s, 80));
}

export class LocalMadeDocument implements MadeDocument {
  private made: LocalAttachment | null | undefined;

  constructor(
    readonly link: string,
    private readonly convert: ((docxPath: string) => string) | null,
  ) {}

  /** The PDF was made already (with others, ahead of this letter's turn). */
  madeAhead(path: string): void {
    this.made = { fileName: path.split(/[/\\]/).pop() ?? path, mimeType: PDF_MIME, path };
  }

  pdf(): LocalAttachment | null {
    if (this.made === undefined) {
      if (!this.convert) this.made = null;
      else {
        const path = this.convert(this.link);
        this.made = { fileName: path.split(/[/\\]/).pop() ?? path, mimeType: PDF_MIME, path };
      }
    }
    return this.made;
  }

  /** The .docx itself as an attachment. */
  docx(): LocalAttachment {
    return { fileName: this.link.split(/[/\\]/).pop() ?? this.link, mimeType: DOCX_MIME, path: this.link };
  }
}

export class LocalDocuments implements DocumentPort {
  private readonly templateBytes = new Map<TemplateKind, Uint8Array>();
  private readonly compiled = new Map<TemplateKind, CompiledTemplate>();
  /** Letters made ahead, by kind, folder and name, with the values they were made from. */
  private readonly ahead = new Map<string, { values: string; doc: LocalMadeDocument; job: number }>();
  private soffice: string | null | undefined;

  constructor(private readonly options: LocalDocumentsOptions) {
    this.soffice = options.soffice;
  }

  /** Where the template of this kind is read from (the default one is written there first, unless a preview). */
  templatePath(kind: TemplateKind): string {
    const custom = this.options.templates?.[kind];
    if (custom) return custom;
    return join(this.options.outDir, outFolderMsg.templates, `${kind}.docx`);
  }

  /** @throws Error with a Russian problem text when a tag in the template is malformed. */
  templatePlaceholders(kind: TemplateKind): string[] {
    const scan = placeholdersOf(this.template(kind));
    if (!scan.ok) throw new UserError(scan.problem);
    return scan.names;
  }

  templateText(kind: TemplateKind): string {
    return templateTextOf(this.template(kind));
  }

  fillTemplate(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): LocalMadeDocument {
    const key = aheadKey(kind, folder, name);
    const made = this.ahead.get(key);
    this.ahead.delete(key);
    if (made && made.values === JSON.stringify(values)) {
      // Its PDF as soon as the batch has it; else it is converted now, on its own, by a fresh LibreOffice.
      if (callWorker('pdfWait', { id: made.job, input: made.doc.link })) made.doc.madeAhead(pdfPathFor(made.doc.link, dirname(made.doc.link)));
      if (this.options.eagerPdf) made.doc.pdf();
      return made.doc;
    }
    return this.write(this.filler(kind).fill(values), folder, name, this.options.eagerPdf ?? false);
  }

  /**
   * Makes the next letters ahead (up to `PDF_AHEAD`) and starts converting their PDFs: batches of
   * `PDF_BATCH`, as many LibreOffices at once as there are converters, each taking the next batch
   * when done; `fillTemplate` then waits for each letter's own PDF only. Only worth it when PDFs are
   * made: 0 otherwise.
   * Stops before a letter whose file name repeats one of the batch (it would overwrite it).
   */
  prepare(kind: TemplateKind, folder: string, letters: { values: Record<string, string>; name: string }[]): number {
    const soffice = this.sofficePath();
    if (!soffice || !this.options.eagerPdf || letters.length < 2) return 0;
    const chosen: { doc: LocalMadeDocument; key: string; values: string }[] = [];
    const paths = new Set<string>();
    for (const letter of letters.slice(0, PDF_AHEAD)) {
      const path = this.pathFor(folder, letter.name);
      if (paths.has(path)) break;
      paths.add(path);
      const doc = this.write(this.filler(kind).fill(letter.values), folder, letter.name, false);
      chosen.push({ doc, key: aheadKey(kind, folder, letter.name), values: JSON.stringify(letter.values) });
    }
    // Batches of about PDF_BATCH, at least one per converter when there are letters enough for them.
    const converters = Math.max(1, Math.min(this.options.converters ?? Math.min(availableParallelism(), 4), Math.ceil(chosen.length / PDF_BATCH)));
    const count = Math.max(converters, Math.ceil(chosen.length / PDF_BATCH));
    const per = Math.ceil(chosen.length / count);
    const batches: PdfBatch[] = [];
    for (let i = 0; i < chosen.length; i += per) {
      const inputs = chosen.slice(i, i + per).map((c) => c.doc.link);
      batches.push({ inputs, outDir: dirname(inputs[0]) });
    }
    const profiles = Array.from({ length: converters }, (_, i) => converterProfile(i));
    // LibreOffice converts while the letters go out: each waits only for its own PDF.
    const job = callWorker('pdfStart', { soffice, batches, profiles, stallMs: this.options.pdfStallMs ?? 60_000 });
    this.converting = true;
    for (const c of chosen) this.ahead.set(c.key, { values: c.values, doc: c.doc, job });
    return chosen.length;
  }

  /** Whether LibreOffices were started for letters made ahead (`close` then stops them). */
  private converting = false;

  /**
   * Ends the maker's work: a LibreOffice still converting letters made ahead that the run never
   * needed (it stopped, was interrupted or failed) is stopped and waited for, so none outlives the
   * program or writes into the output folder afterwards. Letters made ahead were never claimed.
   */
  close(): void {
    if (!this.converting) return;
    this.converting = false;
    this.ahead.clear();
    callWorker('pdfStop', {});
  }

  /** The bundle's PDF is made once, when the run has added its letters (`finishBundle`). */
  startBundle(kind: TemplateKind, values: Record<string, string>, folder: string, name: string): LocalMadeDocument {
    return this.write(this.filler(kind).fill(values), folder, name, false);
  }

  /**
   * Rewrites the bundle's file with one more letter (written whole, so a kill leaves the file as it
   * was or with the letter). Its PDF, when made eagerly, is made again for the longer bundle.
   */
  appendToBundle(kind: TemplateKind, link: string, values: Record<string, string>): void {
    let bundle: Uint8Array;
    try {
      bundle = readFileSync(link);
    } catch (error) {
      throw new UserError(DOC_MSG.writeFailed(link, errorText(error)));
    }
    // A new file renamed over the old one: a kill leaves the bundle as it was, or with the letter.
    const next = `${link}.new`;
    writeFile(next, appendLetter(bundle, this.filler(kind).fill(values)));
    try {
      renameSync(next, link);
    } catch (error) {
      throw new UserError(DOC_MSG.writeFailed(link, errorText(error)));
    }
  }

  /** The bundle is complete for this run: its PDF beside it, when letters get one. */
  finishBundle(link: string): void {
    const soffice = this.sofficePath();
    if (soffice && this.options.eagerPdf) convertToPdf(link, dirname(link), { soffice });
  }

  render(model: DocModel, folder: string, name: string): LocalMadeDocument {
    return this.write(renderDocx(model), folder, name, true);
  }

  /** Whether letters get their PDF here (LibreOffice found and not switched off). */
  pdfAvailable(): boolean {
    return this.sofficePath() !== null;
  }

  private sofficePath(): string | null {
    if (this.options.pdf === 'never') return null;
    if (this.soffice === undefined) this.soffice = findSoffice();
    return this.soffice;
  }

  /** The template compiled once for the run: each letter is then its XML with the values put in. */
  private filler(kind: TemplateKind): CompiledTemplate {
    let compiled = this.compiled.get(kind);
    if (!compiled) {
      compiled = compileTemplate(this.template(kind));
      this.compiled.set(kind, compiled);
    }
    return compiled;
  }

  private pathFor(folder: string, name: string): string {
    return join(this.options.outDir, ...safeFolder(folder), `${safeFileName(name)}.docx`);
  }

  private template(kind: TemplateKind): Uint8Array {
    const cached = this.templateBytes.get(kind);
    if (cached) return cached;
    const path = this.templatePath(kind);
    let bytes: Uint8Array;
    if (this.options.templates?.[kind]) {
      if (!existsSync(path)) throw new UserError(DOC_MSG.templateNotFound(path));
      bytes = readFileSync(path);
    } else if (existsSync(path)) {
      // Written by an earlier run and perhaps edited since: the staff's copy wins.
      bytes = readFileSync(path);
    } else {
      bytes = renderDocx(this.options.defaultTemplate(kind));
      if (this.options.saveDefaultTemplates !== false) writeFile(path, bytes);
    }
    this.templateBytes.set(kind, bytes);
    return bytes;
  }

  private write(bytes: Uint8Array, folder: string, name: string, eagerPdf: boolean): LocalMadeDocument {
    const path = this.pathFor(folder, name);
    writeFile(path, bytes);
    const soffice = this.sofficePath();
    const made = new LocalMadeDocument(path, soffice ? (docx) => convertToPdf(docx, dirname(docx), { soffice }) : null);
    if (eagerPdf) made.pdf();
    return made;
  }
}

const aheadKey = (kind: TemplateKind, folder: string, name: string) => `${kind}\u0000${folder}\u0000${name}`;

function writeFile(path: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } catch (error) {
    throw new UserError(DOC_MSG.writeFailed(path, errorText(error)));
  }
}
