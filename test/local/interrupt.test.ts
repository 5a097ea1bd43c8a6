/**
 * The Ctrl-C guard of the long jobs (`src/local/interrupt.ts`): which commands run in a child, and
 * what is cleaned up when that child is stopped. The whole flow (SMTP, rerun) is in commands.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isInterruptible, runInterruptible } from '../../src/local/interrupt';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerstvo-interrupt-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('isInterruptible', () => {
  it('is the sending and letter-making runs of invite and thanks, not previews, lists or help', () => {
    expect(isInterruptible(['invite', 'a.xlsx', '--event', 'М-001'])).toBe(true);
    expect(isInterruptible(['thanks', 'a.xlsx', '--year', '2025/2026'])).toBe(true);
    expect(isInterruptible(['invite', 'a.xlsx', '--event', 'М-001', '--dry-run'])).toBe(false);
    expect(isInterruptible(['thanks', 'a.xlsx', '--owed'])).toBe(false);
    expect(isInterruptible(['thanks', '--help'])).toBe(false);
    expect(isInterruptible(['check', 'a.xlsx'])).toBe(false);
    expect(isInterruptible([])).toBe(false);
  });
});

describe('runInterruptible', () => {
  it('after a child stopped by SIGINT: removes the lock it took, keeps another run’s lock, says so, 130', async () => {
    const own = path.join(dir, 'своя таблица.xlsx.partnerstvo.lock');
    const other = path.join(dir, 'other.xlsx.partnerstvo.lock');
    fs.writeFileSync(other, String(process.pid));
    const script = path.join(dir, 'child.js');
    fs.writeFileSync(
      script,
      `const fs = require('fs');
       const fd = Number(process.env.PARTNERSTVO_LOCK_FD);
       fs.writeFileSync(process.argv[2], String(process.pid));
       fs.writeSync(fd, process.argv[2] + '\\n' + process.argv[3] + '\\n');
       process.kill(process.pid, 'SIGINT');
       setTimeout(() => undefined, 10000);`,
    );
    const errors: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
      errors.push(String(text));
      return true;
    });
    const code = await runInterruptible(script, [own, other], []);
    expect(code).toBe(130);
    expect(errors.join('')).toMatch(/^Прервано\. .*ничего не отправит дважды\.\n$/);
    expect(fs.existsSync(own)).toBe(false);
    expect(fs.readFileSync(other, 'utf8')).toBe(String(process.pid));
  });

  it('passes the child’s exit code through and says nothing when it was not interrupted', async () => {
    const script = path.join(dir, 'child.js');
    fs.writeFileSync(script, 'process.exitCode = 1;');
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runInterruptible(script, [], [])).toBe(1);
    expect(write).not.toHaveBeenCalled();
  });
});
