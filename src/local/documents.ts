/**
 * The offline document maker: letters from `.docx` templates, print-ready bundles and rendered
 * DocModels, written under one output folder; PDFs via LibreOffice when it is installed.
 */
import { errorText, UserError } from '../core/errors';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Attachment, DocModel, DocumentPort, MadeDocument, TemplateKind } from '../ports';
import { outFolderMsg } from '../messages/cli';
import { DOC_MSG } from '../messages/documents';
import { fillBundle, fillDocx, placeholdersOf, templateTextOf } from './docx-fill';
import { renderDocx } from './docx-render';
import { convertToPdf, findSoffice } from './pdf';

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
}

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
    return this.write(fillDocx(this.template(kind), values), folder, name, this.options.eagerPdf ?? false);
  }

  fillTemplateBundle(kind: TemplateKind, letters: Record<string, string>[], folder: string, name: string): LocalMadeDocument {
    return this.write(fillBundle(this.template(kind), letters), folder, name, this.options.eagerPdf ?? false);
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
    const path = join(this.options.outDir, ...safeFolder(folder), `${safeFileName(name)}.docx`);
    writeFile(path, bytes);
    const soffice = this.sofficePath();
    const made = new LocalMadeDocument(path, soffice ? (docx) => convertToPdf(docx, dirname(docx), { soffice }) : null);
    if (eagerPdf) made.pdf();
    return made;
  }
}

function writeFile(path: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  } catch (error) {
    throw new UserError(DOC_MSG.writeFailed(path, errorText(error)));
  }
}
