import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { EmlMailer, SmtpMailer, parseSmtpUrl } from '../../src/local/mail';
import type { LocalAttachment } from '../../src/local/documents';
import type { MailMessage } from '../../src/ports';

let dir: string;
let pdf: LocalAttachment;
const PDF_BYTES = Buffer.from('%PDF-1.4\n% тестовый PDF\n%%EOF\n', 'utf8');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mail-test-'));
  const path = join(dir, 'Приглашение — ООО «Рыбозавод».pdf');
  writeFileSync(path, PDF_BYTES);
  pdf = { fileName: 'Приглашение — ООО «Рыбозавод».pdf', mimeType: 'application/pdf', path };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: ['director@fish.example', 'sekretar@fish.example'],
  subject: 'Приглашение: «День матери», 27 ноября 2026 г.',
  text: 'Уважаемый Иван Петрович!\nПриглашаем Вас на праздник.',
  html: '<p>Уважаемый Иван Петрович!</p><p>Приглашаем Вас на &laquo;праздник&raquo;.</p>',
  senderName: 'ДЮЦ «Ровесник»',
  replyTo: 'rovesnik@example.ru',
  attachments: [pdf],
  ...overrides,
});

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));

function expectMessage(parsed: ParsedMail, expected: MailMessage): void {
  expect(addresses(parsed.to)).toEqual(expected.to);
  expect(parsed.subject).toBe(expected.subject);
  expect(parsed.text?.trim()).toBe(expected.text);
  expect(parsed.html).toContain(expected.html);
  expect(parsed.from?.value[0].name).toBe(expected.senderName);
  expect(addresses(parsed.replyTo)).toEqual([expected.replyTo]);
  expect(parsed.attachments).toHaveLength(1);
  expect(parsed.attachments[0].filename).toBe(pdf.fileName);
  expect(parsed.attachments[0].contentType).toBe('application/pdf');
  expect(Buffer.compare(parsed.attachments[0].content, PDF_BYTES)).toBe(0);
}

describe('EmlMailer', () => {
  it('writes a standard .eml that mail clients read back: recipients, Russian subject, text, html, PDF', async () => {
    const out = join(dir, 'eml');
    const mailer = new EmlMailer({ outDir: out, from: 'noreply@example.ru', self: 'me@example.ru' });
    expect(mailer.remainingQuota()).toBeNull();
    expect(mailer.selfAddress()).toBe('me@example.ru');
    mailer.send(message());
    expect(mailer.written).toHaveLength(1);
    // «:» is not allowed in file names; the trailing dot is dropped.
    expect(mailer.written[0]).toBe(join(out, 'director@fish.example — Приглашение_ «День матери», 27 ноября 2026 г.eml'));
    const raw = readFileSync(mailer.written[0]);
    // Headers are plain ASCII (the Russian subject is MIME-encoded) and lines end with CRLF.
    const headers = raw.toString('latin1').split('\r\n\r\n')[0];
    expect(/^[\x20-\x7e\r\n\t]*$/.test(headers)).toBe(true);
    expect(headers).toMatch(/^X-Unsent: 1$/m);
    const parsed = await simpleParser(raw);
    expectMessage(parsed, message());
    // From is the reply-to address when there is one.
    expect(parsed.from?.value[0].address).toBe('rovesnik@example.ru');
  });

  it('never overwrites: a second message with the same recipient and subject gets its own file', () => {
    const out = join(dir, 'eml2');
    const mailer = new EmlMailer({ outDir: out, from: 'noreply@example.ru' });
    mailer.send(message({ attachments: [] }));
    mailer.send(message({ attachments: [] }));
    expect(readdirSync(out).sort()).toEqual([
      'director@fish.example — Приглашение_ «День матери», 27 ноября 2026 г (2).eml',
      'director@fish.example — Приглашение_ «День матери», 27 ноября 2026 г.eml',
    ]);
  });

  it('uses the configured from address when there is no reply-to', async () => {
    const mailer = new EmlMailer({ outDir: join(dir, 'eml3'), from: 'noreply@example.ru' });
    mailer.send(message({ replyTo: '', attachments: [] }));
    const parsed = await simpleParser(readFileSync(mailer.written[0]));
    expect(parsed.from?.value[0]).toEqual({ name: 'ДЮЦ «Ровесник»', address: 'noreply@example.ru' });
    expect(parsed.replyTo).toBeUndefined();
  });

  it('refuses messages it cannot build, in Russian', () => {
    const mailer = new EmlMailer({ outDir: join(dir, 'eml4') });
    expect(() => mailer.send(message({ to: [] }))).toThrow('У письма нет ни одного адреса получателя.');
    expect(() => mailer.send(message({ replyTo: '' }))).toThrow('Не указан адрес отправителя');
    expect(() => mailer.send(message({ attachments: [{ fileName: 'x.pdf', mimeType: 'application/pdf' }] }))).toThrow('создано не на этом компьютере');
    const missing: LocalAttachment = { ...pdf, path: join(dir, 'нет.pdf') };
    expect(() => mailer.send(message({ attachments: [missing] }))).toThrow('не найден');
  });
});

describe('parseSmtpUrl', () => {
  it('reads host, port, TLS mode and URL-encoded credentials', () => {
    expect(parseSmtpUrl('smtp://centre%40example.ru:p%40ss%20w%3Ard@smtp.example.ru:587')).toMatchObject({
      host: 'smtp.example.ru',
      port: 587,
      secure: false,
      user: 'centre@example.ru',
      pass: 'p@ss w:rd',
      rejectUnauthorized: true,
      shown: 'smtp.example.ru:587',
    });
    expect(parseSmtpUrl('smtps://u:p@mail.example.ru?rejectUnauthorized=false')).toMatchObject({ port: 465, secure: true, rejectUnauthorized: false });
  });

  it('rejects other URLs without showing the password', () => {
    expect(() => parseSmtpUrl('http://user:secret@host')).toThrow(/записан неверно/);
    expect(() => parseSmtpUrl('http://user:secret@host')).not.toThrow(/secret/);
    expect(() => parseSmtpUrl('не адрес')).toThrow(/записан неверно/);
  });
});

// The SMTP server runs in its own thread: the mailer blocks this thread while it sends.
const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { SMTPServer } = require(workerData.smtpServer);
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  onConnect(session, cb) { parentPort.postMessage({ kind: 'connect' }); cb(); },
  onAuth(auth, session, cb) {
    if (auth.username === workerData.user && auth.password === workerData.pass) return cb(null, { user: auth.username });
    const err = new Error('Authentication credentials invalid'); err.responseCode = 535; cb(err);
  },
  onRcptTo(address, session, cb) {
    if (workerData.rejectAll || address.address.startsWith('reject')) {
      const err = new Error('Mailbox unavailable: ' + address.address); err.responseCode = 550; return cb(err);
    }
    cb();
  },
  onData(stream, session, cb) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      parentPort.postMessage({ kind: 'mail', raw: Buffer.concat(chunks).toString('base64'), rcpt: session.envelope.rcptTo.map((r) => r.address) });
      cb(null, 'Queued');
    });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ kind: 'port', port: server.server.address().port }));
parentPort.on('message', (m) => { if (m === 'close') server.close(() => process.exit(0)); });
`;

interface ServerEvent {
  kind: 'connect' | 'mail' | 'port';
  raw?: string;
  rcpt?: string[];
  port?: number;
}

const USER = 'centre@example.ru';
const PASS = 'p@ss w:rd/1';

async function startServer(options: { rejectAll?: boolean } = {}): Promise<{ port: number; events: ServerEvent[]; stop: () => Promise<void> }> {
  const worker = new Worker(SERVER, { eval: true, workerData: { smtpServer: require.resolve('smtp-server'), user: USER, pass: PASS, ...options } });
  const events: ServerEvent[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    worker.on('message', (e: ServerEvent) => {
      if (e.kind === 'port') resolve(e.port ?? 0);
      else events.push(e);
    });
    worker.on('error', reject);
  });
  return {
    port,
    events,
    stop: async () => {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

/** Lets queued messages from the server thread arrive. */
const settle = async (events: ServerEvent[], mails: number): Promise<void> => {
  for (let i = 0; i < 100 && events.filter((e) => e.kind === 'mail').length < mails; i++) await new Promise((r) => setTimeout(r, 20));
};
const url = (port: number, pass = PASS): string => `smtp://${encodeURIComponent(USER)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`;

describe('SmtpMailer', () => {
  it('delivers each message once, with its attachment, over one reused connection', async () => {
    const server = await startServer();
    const mailer = new SmtpMailer({ url: url(server.port), self: USER });
    try {
      expect(mailer.remainingQuota()).toBeNull();
      expect(mailer.selfAddress()).toBe(USER);
      const sent = [message(), message({ to: ['parent@family.example'], subject: 'Второе письмо' }), message({ subject: 'Третье' })];
      for (const m of sent) mailer.send(m);
      await settle(server.events, 3);
      const mails = server.events.filter((e) => e.kind === 'mail');
      expect(mails).toHaveLength(3);
      expect(mails.map((m) => m.rcpt)).toEqual(sent.map((m) => m.to));
      for (const [i, m] of mails.entries()) {
        const parsed = await simpleParser(Buffer.from(m.raw ?? '', 'base64'));
        expectMessage(parsed, sent[i]);
        // From is the account's own address (servers refuse others); replies go to the centre.
        expect(parsed.from?.value[0].address).toBe(USER);
      }
      expect(server.events.filter((e) => e.kind === 'connect')).toHaveLength(1);
    } finally {
      mailer.close();
      await server.stop();
    }
  });

  it('reports a rejected recipient in Russian with the server reply', async () => {
    const server = await startServer({ rejectAll: true });
    const mailer = new SmtpMailer({ url: url(server.port), from: 'rovesnik@example.ru' });
    try {
      let error: Error | null = null;
      try {
        mailer.send(message({ to: ['nobody@fish.example'] }));
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).toMatch(/^Письмо на nobody@fish\.example не отправлено через сервер 127\.0\.0\.1:\d+: сервер отклонил адрес отправителя или получателя\. Ответ сервера: «550 Mailbox unavailable: nobody@fish\.example»\.$/);
      await settle(server.events, 0);
      expect(server.events.filter((e) => e.kind === 'mail')).toHaveLength(0);
    } finally {
      mailer.close();
      await server.stop();
    }
  });

  it('says which addresses were refused when only some were', async () => {
    const server = await startServer();
    const mailer = new SmtpMailer({ url: url(server.port) });
    try {
      expect(() => mailer.send(message({ to: ['ok@fish.example', 'reject@fish.example'] }))).toThrow(
        /принял письмо для ok@fish\.example, но отклонил адреса: reject@fish\.example/,
      );
    } finally {
      mailer.close();
      await server.stop();
    }
  });

  it('reports a wrong password in Russian without showing it', async () => {
    const server = await startServer();
    const wrong = 'неверный-пароль-123';
    const mailer = new SmtpMailer({ url: url(server.port, wrong) });
    try {
      let text = '';
      try {
        mailer.send(message());
      } catch (e) {
        text = (e as Error).message;
      }
      expect(text).toContain('сервер не принял имя пользователя или пароль');
      expect(text).toContain('535');
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(encodeURIComponent(wrong));
    } finally {
      mailer.close();
      await server.stop();
    }
  });

  it('reports a server that is not there', async () => {
    const server = await startServer();
    const port = server.port;
    await server.stop();
    const mailer = new SmtpMailer({ url: url(port) });
    try {
      expect(() => mailer.send(message())).toThrow(/не отправлено через сервер 127\.0\.0\.1:\d+: не удалось подключиться к серверу/);
    } finally {
      mailer.close();
    }
  });
});
