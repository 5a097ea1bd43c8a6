/**
 * The synckit worker: async Node work behind the synchronous adapters. Bundled to `build/worker.js`.
 * Every failure is returned as Russian text (see `WorkerReply`), never thrown across the boundary.
 */
import { readFile } from 'node:fs/promises';
import { createTransport } from 'nodemailer';
import { runAsWorker } from 'synckit';
import { errorText } from '../core/errors';
import { DOC_MSG } from '../messages/documents';
import { buildDocx } from './docx-render';
import { startBatches, stopAll, waitForPdf } from './pdf-batch';
import type { ComposedMail, SmtpConfig, SmtpResult, WorkerReply, WorkerRequest } from './sync';

type Transporter = ReturnType<typeof createTransport>;

/** Pooled SMTP transports, one per server and account, reused across sends. */
const transports = new Map<string, Transporter>();
const transportKey = (c: SmtpConfig): string => JSON.stringify([c.host, c.port, c.secure, c.user, c.pass, c.rejectUnauthorized, c.ignoreTLS, c.requireTLS]);

async function mailOptions(mail: ComposedMail, headers: Record<string, string>) {
  const attachments = await Promise.all(
    mail.attachments.map(async (a) => ({ filename: a.filename, contentType: a.contentType, content: await readFile(a.path) })),
  );
  return {
    from: { name: mail.from.name, address: mail.from.address },
    replyTo: mail.replyTo || undefined,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments,
    headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** The whole RFC 5322 message (CRLF line ends). `X-Unsent` makes Outlook open it as a draft to send. */
export async function composeEml(mail: ComposedMail): Promise<Uint8Array> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(await mailOptions(mail, { 'X-Unsent': '1' }));
  const message = info.message;
  if (!Buffer.isBuffer(message)) throw new Error('stream transport returned no buffer');
  return new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
}

function transportFor(smtp: SmtpConfig): Transporter {
  const key = transportKey(smtp);
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport({
      pool: true,
      maxConnections: 1,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined,
      ignoreTLS: smtp.ignoreTLS,
      requireTLS: smtp.requireTLS,
      tls: { rejectUnauthorized: smtp.rejectUnauthorized },
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 120_000,
      logger: false,
      debug: false,
    });
    transports.set(key, transport);
  }
  return transport;
}

const addressText = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'address' in value ? String((value as { address: unknown }).address) : String(value);

export async function sendSmtp(smtp: SmtpConfig, mail: ComposedMail): Promise<SmtpResult> {
  const info = await transportFor(smtp).sendMail(await mailOptions(mail, {}));
  return {
    accepted: (info.accepted ?? []).map(addressText),
    rejected: (info.rejected ?? []).map(addressText),
    response: String(info.response ?? ''),
    messageId: String(info.messageId ?? ''),
  };
}

export function closeSmtp(smtp: SmtpConfig): void {
  const key = transportKey(smtp);
  transports.get(key)?.close();
  transports.delete(key);
}

/** Removes the password (plain and URL-encoded) from any text shown to the user. */
export function scrubSecret(text: string, secret: string): string {
  if (!secret) return text;
  let out = text;
  for (const s of new Set([secret, encodeURIComponent(secret)])) out = out.split(s).join('***');
  return out;
}

interface NodemailerError {
  code?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

export function describeSmtpError(smtp: SmtpConfig, mail: ComposedMail, error: unknown): string {
  const e: NodemailerError = error && typeof error === 'object' ? (error as NodemailerError) : { message: String(error) };
  const r = DOC_MSG.smtpReason;
  const code = e.code ?? '';
  const message = e.message ?? '';
  let reason: string;
  if (code === 'EAUTH' || code === 'ENOAUTH') reason = r.auth;
  else if (code === 'ETIMEDOUT' || /timeout/i.test(message)) reason = r.timeout;
  else if (code === 'ETLS' || /certificate|TLS|SSL/i.test(message)) reason = r.tls;
  else if (code === 'EENVELOPE') reason = r.envelope;
  else if (code === 'ECONNECTION' || code === 'EDNS' || code === 'ESOCKET' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(message)) reason = r.connection;
  else if (typeof e.responseCode === 'number' && e.responseCode >= 400) reason = r.rejected;
  else reason = r.other;
  const reply = (e.response ?? '').trim();
  return scrubSecret(DOC_MSG.smtpFailed(mail.to.join(', '), smtp.shown, reason, reply, message), smtp.pass);
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    switch (request.op) {
      case 'docx':
        return { ok: true, value: await buildDocx(request.model) };
      case 'eml':
        return { ok: true, value: await composeEml(request.mail) };
      case 'smtpSend':
        return { ok: true, value: await sendSmtp(request.smtp, request.mail) };
      case 'smtpClose':
        closeSmtp(request.smtp);
        return { ok: true, value: null };
      case 'pdfStart':
        return { ok: true, value: startBatches(request.soffice, request.batches, request.profiles, request.stallMs) };
      case 'pdfWait':
        return { ok: true, value: await waitForPdf(request.id, request.input) };
      case 'pdfStop':
        await stopAll();
        return { ok: true, value: null };
    }
  } catch (error) {
    const detail = errorText(error);
    switch (request.op) {
      case 'smtpSend':
        return { ok: false, message: describeSmtpError(request.smtp, request.mail, error) };
      case 'eml':
        return { ok: false, message: DOC_MSG.mailBuildFailed(detail) };
      default:
        return { ok: false, message: DOC_MSG.workerFailed(detail) };
    }
  }
}

runAsWorker(handle);
