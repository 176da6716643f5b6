/**
 * Playwright (playwright-core) driving Debian's Chromium at a phone viewport, against the local
 * stack (`startLocalStack`, what `npm start` runs) on a free port with a fresh data directory.
 * A test that fails leaves a screenshot in test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../../devserver/localStack';

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];
export const RESULTS_DIR = path.resolve(__dirname, '../../../test-results');
/**
 * Where the pages' screenshots go: docs/ (shown by the README) when UPDATE_DOCS_SCREENSHOTS is set
 * (`npm run docs:screenshots`), test-results/screenshots/ otherwise, so a test run leaves the
 * working tree as it was.
 */
export const DOCS_DIR = process.env.UPDATE_DOCS_SCREENSHOTS
  ? path.resolve(__dirname, '../../../docs')
  : path.resolve(__dirname, '../../../test-results/screenshots');

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
    );
  }
  return found;
}

export interface NewUserOptions {
  /**
   * The browser's default font size in px (standard 16): a user who set large text. Chromium
   * takes it only from a profile's preferences, so such a user gets a browser of their own.
   */
  defaultFontSize?: number;
}

export interface E2eEnv {
  stack: LocalStack;
  browser: Browser;
  dataDir: string;
  /** A new browser (cookie jar = a new WeChat user) with a phone viewport. */
  newUser(options?: NewUserOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** A Chromium profile whose default font size is `px` (webkit.webprefs.default_font_size). */
function profileWithFontSize(px: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ess-e2e-profile-'));
  mkdirSync(path.join(dir, 'Default'));
  writeFileSync(
    path.join(dir, 'Default', 'Preferences'),
    JSON.stringify({ webkit: { webprefs: { default_font_size: px } } }),
  );
  return dir;
}

export async function startE2e(): Promise<E2eEnv> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-e2e-'));
  const cleanEnv = { ...process.env };
  for (const name of [
    'ESS_SECRET_ID',
    'ESS_SECRET_KEY',
    'ESS_OPERATOR_ID',
    'ESS_ENDPOINT',
    'ESS_ENV',
  ])
    delete cleanEnv[name];
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    env: { ...cleanEnv, LOG_LEVEL: 'silent' },
    log: () => undefined,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const profiles: string[] = [];
  return {
    stack,
    browser,
    dataDir,
    async newUser(options: NewUserOptions = {}) {
      let context: BrowserContext;
      if (options.defaultFontSize) {
        const profile = profileWithFontSize(options.defaultFontSize);
        profiles.push(profile);
        context = await chromium.launchPersistentContext(profile, {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
          ...PHONE,
        });
      } else {
        context = await browser.newContext(PHONE);
      }
      contexts.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      return { context, page };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
      for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `body`; on failure saves a screenshot of `page` named after the test, then rethrows. */
export async function withScreenshotOnFailure(
  page: Page,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  }
}

/**
 * One stack and browser per test file: started before the file's tests, closed after them, with
 * the emulator's calls and faults reset before each test. Read `e2e.env` inside tests.
 */
export function useE2eEnv(): { readonly env: E2eEnv } {
  let current: E2eEnv | undefined;
  beforeAll(async () => {
    current = await startE2e();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current?.stack.emulator?.reset();
  });
  return {
    get env(): E2eEnv {
      if (!current) throw new Error('the e2e stack is not started (use inside a test)');
      return current;
    },
  };
}
