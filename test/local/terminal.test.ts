/**
 * The command line in a real terminal: a pseudo terminal (util-linux `script`) runs `invite` with
 * its progress bar, Ctrl-C is typed into it, and what the terminal shows is rendered by a terminal
 * emulator (@xterm/headless): the interruption message is the last thing on screen, whole.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSmtp } from '../helpers/smtp-server';
import { Terminal } from '@xterm/headless';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'build', 'cli.js');
const SAMPLE = path.join(ROOT, 'examples', 'rovesnik.xlsx');
const SCRIPT = spawnSync('script', ['--version']).error ? null : 'script';

let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-tty-'));
  fs.copyFileSync(SAMPLE, path.join(dir, 'rovesnik.xlsx'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The screen an 80×24 terminal shows after these bytes: its lines, trailing blanks trimmed. */
async function screen(bytes: string): Promise<string[]> {
  const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(bytes.replace(/\r?\n/g, '\r\n'), resolve));
  const lines: string[] = [];
  const buffer = term.buffer.active;
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  term.dispose();
  return lines;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('Ctrl-C in a terminal', () => {
  it('stops the run, and its message is the last thing on screen — not under the progress bar', async () => {
    if (!SCRIPT) {
      console.log('Тест не запущен: нет программы script (util-linux) для псевдотерминала');
      return;
    }
    // Slow enough that the run is still going when Ctrl-C comes.
    const smtp = await startSmtp((n) => (n < 3 ? 50 : 5000));
    try {
      const command = [process.execPath, CLI, 'invite', 'rovesnik.xlsx', '--event', 'М-021', '--out', 'out', '--smtp', smtp.url, '--from', 'r@example.org']
        .map(quote)
        .join(' ');
      const child = spawn(SCRIPT, ['-qfec', `stty cols 80 rows 24; ${command}`, '/dev/null'], {
        cwd: dir,
        env: { ...process.env, PARTNERSTVO_SOFFICE: 'none', TERM: 'xterm-256color', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 27, 9) / 1000) },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The third letter is on the server and the bar has been drawn: type Ctrl-C into the terminal.
      await smtp.arrived(3);
      while (!/\d+\/22/.test(output)) await new Promise((r) => setTimeout(r, 20));
      child.stdin.write('\x03');
      const code = await closed;
      const lines = await screen(output);
      const text = lines.join('\n');
      expect(code).toBe(130);
      // The bar was on screen before (the run was interrupted in the middle) …
      expect(output).toMatch(/\d+\/22/);
      // … and the message, whole, is what the screen ends with; no bar is drawn after it.
      const message = 'Прервано. Уже отправленные и созданные письма записаны в журнал; повторный запуск продолжит с того места, где остановился, и ничего не отправит дважды.';
      expect(text.replace(/\n/g, '').endsWith(message)).toBe(true);
      const first = lines.findIndex((l) => l.startsWith('Прервано.'));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(lines.slice(first).join('')).toBe(message);
      // The cursor the bar hid is shown again, and the line wrapping it switched off is on again.
      expect(output.lastIndexOf('\x1b[?25h')).toBeGreaterThan(output.lastIndexOf('\x1b[?25l'));
      expect(output.lastIndexOf('\x1b[?7h')).toBeGreaterThan(output.lastIndexOf('\x1b[?7l'));
    } finally {
      await smtp.close();
    }
  });
});
