/** An SMTP server on 127.0.0.1 for the tests: it records each message's recipients and may answer late. */
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  /** Recipients of each message received, in order (`a@x, b@x` joined with commas). */
  received: string[];
  /** Resolves once `n` messages have arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

/** `delayMs(n)`: how long to wait before acknowledging the n-th message (1-based); 0 by default. */
export async function startSmtp(delayMs: (n: number) => number = () => 0): Promise<TestSmtp> {
  const received: string[] = [];
  const waiting: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        for (const w of waiting.filter((x) => received.length >= x.n)) w.resolve();
        setTimeout(callback, delayMs(received.length));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    arrived: (n) => (received.length >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
