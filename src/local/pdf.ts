/**
 * .docx → .pdf with LibreOffice (`soffice --headless --convert-to pdf`), synchronously. Each process
 * uses its own LibreOffice profile (`-env:UserInstallation`), so parallel runs and an open LibreOffice
 * window do not clash; many files convert in one soffice start.
 */
import { UserError } from '../core/errors';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOC_MSG } from '../messages/documents';

const USUAL_PATHS = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/local/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The LibreOffice program, or null. `PARTNERSTVO_SOFFICE` overrides the search: a path, or `none`
 * to behave as if LibreOffice were not installed.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.PARTNERSTVO_SOFFICE;
  if (override !== undefined && override !== '') {
    if (override === 'none') return null;
    return isExecutable(override) ? override : null;
  }
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of USUAL_PATHS) if (isExecutable(candidate)) return candidate;
  try {
    for (const entry of readdirSync('/opt')) {
      const candidate = join('/opt', entry, 'program', 'soffice');
      if (/^libreoffice/i.test(entry) && isExecutable(candidate)) return candidate;
    }
  } catch {
    // no /opt or unreadable: nothing more to try
  }
  return null;
}

export interface PdfOptions {
  /** The soffice program; default `findSoffice()`. */
  soffice?: string;
  /** Time-out for one soffice run; default 60 s plus 15 s per file. */
  timeoutMs?: number;
}

let profileDir: string | null = null;

/** A LibreOffice profile private to this process, removed when it exits. */
function privateProfile(): string {
  if (!profileDir) {
    const dir = mkdtempSync(join(tmpdir(), 'partnerstvo-lo-'));
    profileDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return profileDir;
}

/** Converts one .docx; returns the path of the PDF in `outDir`. */
export function convertToPdf(docxPath: string, outDir: string, options: PdfOptions = {}): string {
  return convertManyToPdf([docxPath], outDir, options)[0];
}

/** The PDF each input becomes in `outDir` (same base name, `.pdf`). */
export function pdfPathFor(docxPath: string, outDir: string): string {
  return join(outDir, basename(docxPath, extname(docxPath)) + '.pdf');
}

/** Converts many .docx in as few soffice runs as possible; returns the PDF paths, in input order. */
export function convertManyToPdf(paths: string[], outDir: string, options: PdfOptions = {}): string[] {
  if (paths.length === 0) return [];
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new UserError(DOC_MSG.pdfNoSoffice);
  mkdirSync(outDir, { recursive: true });
  const inputs = paths.map((p) => resolve(p));
  // Files with the same base name would overwrite each other's PDF: convert them in separate runs.
  const batches: string[][] = [];
  for (const input of inputs) {
    const key = basename(input, extname(input)).toLowerCase();
    let batch = batches.find((b) => !b.some((other) => basename(other, extname(other)).toLowerCase() === key));
    if (!batch) {
      batch = [];
      batches.push(batch);
    }
    batch.push(input);
  }
  for (const batch of batches) runSoffice(soffice, batch, resolve(outDir), options.timeoutMs);
  return inputs.map((input) => pdfPathFor(input, resolve(outDir)));
}

/** The command line of one headless conversion with its own profile. */
export function sofficeArgs(profile: string, outDir: string, inputs: string[]): string[] {
  return [
    '--headless',
    '--invisible',
    '--nologo',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    ...inputs,
  ];
}

/** LibreOffice reads file names in the locale's encoding: make sure it is UTF-8. */
export function sofficeEnv(): NodeJS.ProcessEnv {
  const utf8 = /utf-?8/i.test(process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || '');
  return utf8 ? process.env : { ...process.env, LC_ALL: 'C.UTF-8' };
}

/** A profile of its own for each of several LibreOffices running at once, made once per process. */
export function converterProfile(index: number): string {
  const dir = join(privateProfile(), `converter-${index}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function runSoffice(soffice: string, inputs: string[], outDir: string, timeoutMs: number | undefined): void {
  const targets = inputs.map((input) => pdfPathFor(input, outDir));
  for (const target of targets) if (existsSync(target)) unlinkSync(target);
  const timeout = timeoutMs ?? 60_000 + 15_000 * inputs.length;
  const args = sofficeArgs(privateProfile(), outDir, inputs);
  let output = '';
  try {
    output = execFileSync(soffice, args, {
      timeout,
      killSignal: 'SIGKILL',
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: sofficeEnv(),
      windowsHide: true,
    });
  } catch (error) {
    const e = error as { code?: string; signal?: string | null; stderr?: string; stdout?: string; message?: string };
    if (e.code === 'ETIMEDOUT' || e.signal === 'SIGKILL') throw new UserError(DOC_MSG.pdfTimeout(Math.round(timeout / 1000)));
    const detail = `${e.stderr ?? ''}\n${e.stdout ?? ''}`.trim() || e.message || '';
    throw new UserError(DOC_MSG.pdfFailed(basename(inputs[0]), detail.slice(0, 500)));
  }
  const failed = inputs.filter((_, i) => !existsSync(targets[i]) || statSync(targets[i]).size === 0);
  if (failed.length > 0) {
    throw new UserError(DOC_MSG.pdfFailed(failed.map((f) => basename(f)).join(', '), output.trim().slice(0, 500)));
  }
}
