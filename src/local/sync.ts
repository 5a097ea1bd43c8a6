/**
 * Synchronous calls into the synckit worker (`build/worker.js`), where the async Node work runs:
 * packing .docx files, composing .eml messages, SMTP. The core jobs are synchronous (Apps Script has
 * no event loop), so the Node adapters block on the worker. Only plain data crosses the boundary.
 */
import { errorText, UserError } from '../core/errors';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSyncFn } from 'synckit';
import type { DocModel } from '../ports';
import type { PdfBatch } from './pdf-batch';
import { DOC_MSG } from '../messages/documents';

/** A message ready for nodemailer: addresses formatted, attachments as file paths. */
export interface ComposedMail {
  from: { name: string; address: string };
  replyTo: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; path: string }[];
}

/** A parsed `smtp://` / `smtps://` URL. Holds the password: never log or show it. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (smtps, port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  /** `?rejectUnauthorized=false` accepts self-signed certificates. */
  rejectUnauthorized: boolean;
  /** `?ignoreTLS=true` never upgrades with STARTTLS. */
  ignoreTLS: boolean;
  /** `?requireTLS=true` refuses to send without STARTTLS. */
  requireTLS: boolean;
  /** `host:port`, safe to show. */
  shown: string;
}

export interface SmtpResult {
  accepted: string[];
  rejected: string[];
  response: string;
  messageId: string;
}

/** Worker operations: request shape and result shape. */
export interface WorkerOps {
  docx: { req: { model: DocModel }; res: Uint8Array };
  eml: { req: { mail: ComposedMail }; res: Uint8Array };
  smtpSend: { req: { smtp: SmtpConfig; mail: ComposedMail }; res: SmtpResult };
  smtpClose: { req: { smtp: SmtpConfig }; res: null };
  pdfStart: { req: { soffice: string; batches: PdfBatch[]; profiles: string[]; stallMs: number }; res: number };
  pdfWait: { req: { id: number; input: string }; res: boolean };
  pdfStop: { req: Record<string, never>; res: null };
}
export type WorkerOp = keyof WorkerOps;
export type WorkerRequest = { [K in WorkerOp]: { op: K } & WorkerOps[K]['req'] }[WorkerOp];
/** Errors are returned as Russian text rather than thrown, so nothing is lost in the transfer. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; message: string };

/** Generous: an SMTP send has its own, shorter time-outs; this only guards against a hung worker. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

let syncCall: ((request: WorkerRequest) => WorkerReply) | null = null;

/** Runs one operation in the worker and waits for it. Throws an Error with a Russian message on failure. */
export function callWorker<K extends WorkerOp>(op: K, request: WorkerOps[K]['req']): WorkerOps[K]['res'] {
  if (!syncCall) syncCall = createSyncFn<(request: WorkerRequest) => Promise<WorkerReply>>(workerPath(), { timeout: WORKER_TIMEOUT_MS });
  let reply: WorkerReply;
  try {
    reply = syncCall({ op, ...request } as WorkerRequest);
  } catch (error) {
    throw new UserError(DOC_MSG.workerFailed(errorText(error)));
  }
  if (!reply.ok) throw new UserError(reply.message);
  return reply.value as WorkerOps[K]['res'];
}

/**
 * Where the worker bundle is: `worker.js` beside the CLI bundle (`build/cli.js`), and the same
 * `build/worker.js` when running from the TypeScript sources (jest, ts runners). `npm run build`
 * makes it; nothing is built at run time. `PARTNERSTVO_WORKER` overrides both.
 */
export function workerPath(): string {
  const override = process.env.PARTNERSTVO_WORKER;
  if (override) return override;
  const built = __filename.endsWith('.ts') ? join(resolve(__dirname, '..', '..'), 'build', 'worker.js') : join(__dirname, 'worker.js');
  if (!existsSync(built)) throw new UserError(DOC_MSG.workerMissing(built));
  return built;
}
