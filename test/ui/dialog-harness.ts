/**
 * The one harness of the dialog tests: `describeDialog` builds the bundle, launches headless Chromium
 * and loads a built dialog (<name>.html) with a stub `google.script.run` that records server calls
 * and answers them from canned data. Chromium is Debian's; when it is not installed the dialog tests
 * say so and do not run.
 *
 *   describeDialog('the invitation dialog', { dialog: 'invite', answers, ready: '#preview:not([hidden])' }, (dialog) => {
 *     it('…', async () => {
 *       const { page } = dialog;
 *       expect((await calls(page)).map((c) => c.name)).toEqual([…]);
 *     });
 *   });
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

function findChromium(): string | null {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const path = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return path || null;
  } catch {
    return null;
  }
}

const CHROMIUM = findChromium();
const NOT_RUN = 'Тест диалога не запущен: Chromium не установлен';

/** Builds the bundle once into a temporary folder and returns the dialog's HTML. */
function buildDialogs(): { html: (name: string) => string; cleanup: () => void } {
  const out = mkdtempSync(join(tmpdir(), 'partnerstvo-ui-'));
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', out], { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
  return { html: (name) => readFileSync(join(out, `${name}.html`), 'utf8'), cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM ?? undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Canned answers per server function: a value, or a function of the call's arguments. */
export type Answers = Record<string, unknown | ((...args: unknown[]) => unknown)>;

/**
 * Opens the dialog with the stub installed first. Functions in `answers` are serialised into the
 * page, so they must not close over test variables.
 */
async function openDialog(browser: Browser, html: string, answers: Answers): Promise<Page> {
  const page = await browser.newPage();
  const serialised = Object.entries(answers)
    .map(([name, a]) => `${JSON.stringify(name)}: ${typeof a === 'function' ? a.toString() : `() => (${JSON.stringify(a)})`}`)
    .join(',\n');
  await page.addInitScript(`
    window.__calls = [];
    window.__answers = {${serialised}};
    window.__closed = false;
    function runner(ok, fail) {
      return new Proxy({}, {
        get(_, name) {
          if (name === 'withSuccessHandler') return (fn) => runner(fn, fail);
          if (name === 'withFailureHandler') return (fn) => runner(ok, fn);
          return (...args) => {
            window.__calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
            const answer = window.__answers[name];
            setTimeout(() => {
              if (!answer) { if (fail) fail(new Error('no server function ' + name)); return; }
              try { const value = answer(...args); if (ok) ok(JSON.parse(JSON.stringify(value === undefined ? null : value))); }
              catch (e) { if (fail) fail(e); }
            }, 5);
          };
        },
      });
    }
    window.google = { script: { run: runner(null, null), host: { close() { window.__closed = true; } } } };
  `);
  // Init scripts run on navigation; the first blank page predates them.
  await page.goto('about:blank');
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

export async function calls(page: Page): Promise<{ name: string; args: unknown[] }[]> {
  return page.evaluate(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls);
}

export interface DialogSuite {
  /** The built dialog's name, without `.html`. */
  dialog: string;
  /** Canned server answers for every test (see `openDialog`). */
  answers: Answers;
  /** A selector that shows once the dialog has loaded its data: a test starts when it does. */
  ready: string;
}

export interface DialogUnderTest {
  /** The dialog opened with the suite's answers for the current test, ready. */
  readonly page: Page;
  /** Opens the dialog once more, e.g. with other answers; ready when it resolves, closed after the test. */
  open(answers: Answers): Promise<Page>;
}

/**
 * A `describe` for one dialog: builds the bundle and launches Chromium once, opens the dialog afresh
 * for every test and closes every page a test opened. Without Chromium the suite is a single test
 * that says plainly that the dialog was not tested.
 */
export function describeDialog(title: string, suite: DialogSuite, tests: (dialog: DialogUnderTest) => void): void {
  if (!CHROMIUM) {
    describe(title, () => {
      it('is not run without Chromium', () => {
        console.log(NOT_RUN);
      });
    });
    return;
  }
  describe(`${title} in Chromium`, () => {
    let browser: Browser;
    let dialogs: ReturnType<typeof buildDialogs>;
    let opened: Page[] = [];
    let current: Page | null = null;
    const open = async (answers: Answers): Promise<Page> => {
      const page = await openDialog(browser, dialogs.html(suite.dialog), answers);
      opened.push(page);
      await page.waitForSelector(suite.ready);
      return page;
    };
    beforeAll(async () => {
      dialogs = buildDialogs();
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      dialogs?.cleanup();
    });
    beforeEach(async () => {
      current = null;
      current = await open(suite.answers);
    });
    afterEach(async () => {
      await Promise.all(opened.map((page) => page.close()));
      opened = [];
    });
    tests({
      get page(): Page {
        if (!current) throw new Error('describeDialog: no dialog is open outside a test');
        return current;
      },
      open,
    });
  });
}
