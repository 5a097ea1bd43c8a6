/**
 * Offline mailers: `.eml` files that any mail client opens, or real SMTP sends. Both build the
 * message with nodemailer inside the synckit worker, so `send` is synchronous like the port.
 */
import { errorText, UserError } from '../core/errors';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attachment, MailMessage, MailPort } from '../ports';
import { DOC_MSG } from '../messages/documents';
import { safeFileName, type LocalAttachment } from './documents';
import { callWorker, type ComposedMail, type SmtpConfig } from './sync';

function isLocalAttachment(a: Attachment): a is LocalAttachment {
  return typeof (a as Partial<LocalAttachment>).path === 'string';
}

/** The plain-data message the worker sends; checks recipients and attachment files first. */
export function composeMail(message: MailMessage, fromAddress: string): ComposedMail {
  const to = message.to.map((a) => a.trim()).filter((a) => a !== '');
  if (to.length === 0) throw new UserError(DOC_MSG.mailNoRecipients);
  if (!fromAddress) throw new UserError(DOC_MSG.mailNoSender);
  const attachments = message.attachments.map((a) => {
    if (!isLocalAttachment(a)) throw new UserError(DOC_MSG.attachmentNotLocal(a.fileName));
    if (!existsSync(a.path)) throw new UserError(DOC_MSG.attachmentMissing(a.path));
    return { filename: a.fileName, contentType: a.mimeType, path: a.path };
  });
  return {
    from: { name: message.senderName, address: fromAddress },
    replyTo: message.replyTo,
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments,
  };
}

export interface EmlMailerOptions {
  outDir: string;
  /** Sender address when a message has no reply-to. */
  from?: string;
  /** The user's own address for «Отправить тест себе». */
  self?: string | null;
}

/**
 * Writes each message to `<outDir>/<first recipient> — <subject>.eml` (never overwrites). Nothing
 * reaches the recipient, so the journal says `подготовлено`: a later run with SMTP sends it.
 */
export class EmlMailer implements MailPort {
  readonly prepareOnly = true;
  /** Paths of the files written, in order. */
  readonly written: string[] = [];

  constructor(private readonly options: EmlMailerOptions) {}

  remainingQuota(): number | null {
    return null;
  }

  selfAddress(): string | null {
    return this.options.self ?? null;
  }

  send(message: MailMessage): void {
    const mail = composeMail(message, message.replyTo || this.options.from || '');
    const bytes = callWorker('eml', { mail });
    mkdirSync(this.options.outDir, { recursive: true });
    const base = safeFileName(`${mail.to[0]} — ${message.subject}`, 150);
    let path = join(this.options.outDir, `${base}.eml`);
    for (let i = 2; existsSync(path); i++) path = join(this.options.outDir, `${base} (${i}).eml`);
    try {
      writeFileSync(path, bytes, { flag: 'wx' });
    } catch (error) {
      throw new UserError(DOC_MSG.writeFailed(path, errorText(error)));
    }
    this.written.push(path);
  }
}

/** Parses `smtp://user:pass@host:587` or `smtps://user:pass@host:465` (user and password URL-encoded). */
export function parseSmtpUrl(url: string): SmtpConfig {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = null;
  }
  const shownUrl = (): string => {
    if (!parsed) return url.replace(/:[^:@/]*@/, ':***@');
    const copy = new URL(parsed.href);
    if (copy.password) copy.password = '***';
    return copy.href;
  };
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new UserError(DOC_MSG.smtpBadUrl(shownUrl()));
  }
  const secure = parsed.protocol === 'smtps:';
  const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
  const flag = (name: string): string | null => parsed?.searchParams.get(name) ?? parsed?.searchParams.get(`tls.${name}`) ?? null;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port,
    secure,
    user: decodeURIComponent(parsed.username),
    pass: decodeURIComponent(parsed.password),
    rejectUnauthorized: flag('rejectUnauthorized') !== 'false',
    ignoreTLS: flag('ignoreTLS') === 'true',
    requireTLS: flag('requireTLS') === 'true',
    shown: `${parsed.hostname}:${port}`,
  };
}

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587`, `smtps://…:465`; `?rejectUnauthorized=false` for self-signed servers. */
  url: string;
  /** The From address; default: the URL's user name when it is an address, else the message's reply-to. */
  from?: string;
  self?: string | null;
}

/** Sends through an SMTP server; one pooled connection in the worker is reused between sends. */
export class SmtpMailer implements MailPort {
  private readonly smtp: SmtpConfig;

  constructor(private readonly options: SmtpMailerOptions) {
    this.smtp = parseSmtpUrl(options.url);
  }

  remainingQuota(): number | null {
    return null;
  }

  selfAddress(): string | null {
    return this.options.self ?? null;
  }

  /** The server and port, without credentials. */
  get server(): string {
    return this.smtp.shown;
  }

  send(message: MailMessage): void {
    const userAddress = this.smtp.user.includes('@') ? this.smtp.user : '';
    const mail = composeMail(message, this.options.from || userAddress || message.replyTo);
    const result = callWorker('smtpSend', { smtp: this.smtp, mail });
    if (result.rejected.length > 0) {
      throw new UserError(DOC_MSG.smtpPartlyRejected(result.accepted, result.rejected, this.smtp.shown, result.response));
    }
  }

  /** Closes the pooled connection (the process may also just exit). */
  close(): void {
    callWorker('smtpClose', { smtp: this.smtp });
  }
}
