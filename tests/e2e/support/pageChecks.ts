/**
 * Checks a page must pass whatever flow it is in (shared by the browser tests): nothing logged as
 * an error, no failed request, every control named for assistive technology, no paragraph ending
 * in a lone character, nothing wider than the screen. And the screenshots the README shows.
 */
import { mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { DOCS_DIR } from './browser';

/** Console errors, uncaught page errors and HTTP answers ≥ 400, from now on. */
export function watchPageProblems(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { problems };
}

/** Roles a user operates; each needs a name. */
const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'checkbox',
  'radio',
  'combobox',
  'spinbutton',
  'searchbox',
  'switch',
]);

interface AxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

export interface AccessibleControl {
  role: string;
  name: string;
}

/**
 * The controls of the page in view as Chromium's accessibility tree exposes them, and the visible
 * Taro controls (`taro-button-core`, inputs…) that the tree does not expose as a named control.
 */
export async function accessibleControls(
  page: Page,
): Promise<{ controls: AccessibleControl[]; unnamed: string[]; unexposed: string[] }> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const controls: AccessibleControl[] = [];
    const unnamed: string[] = [];
    const exposedIds = new Set<number>();
    for (const node of nodes) {
      const role = node.role?.value ?? '';
      if (node.ignored || !INTERACTIVE_ROLES.has(role)) continue;
      const name = (node.name?.value ?? '').trim();
      if (node.backendDOMNodeId !== undefined) exposedIds.add(node.backendDOMNodeId);
      if (name) controls.push({ role, name });
      else unnamed.push(role);
    }
    // Every visible Taro control must be one of the exposed nodes (or contain the native one).
    const { result } = (await session.send('Runtime.evaluate', {
      expression: `Array.from(document.querySelectorAll(
        'taro-button-core, taro-input-core input, taro-textarea-core textarea, taro-checkbox-core input, taro-radio-core input'
      )).filter((el) => {
        const box = (el.closest('taro-checkbox-core, taro-radio-core') || el).getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })`,
    })) as { result: { objectId?: string } };
    const unexposed: string[] = [];
    if (result.objectId) {
      const { result: items } = (await session.send('Runtime.getProperties', {
        objectId: result.objectId,
        ownProperties: true,
      })) as { result: Array<{ name: string; value?: { objectId?: string } }> };
      for (const item of items) {
        if (!/^\d+$/.test(item.name) || !item.value?.objectId) continue;
        const { node } = (await session.send('DOM.describeNode', {
          objectId: item.value.objectId,
        })) as { node: { backendNodeId: number; localName: string } };
        if (!exposedIds.has(node.backendNodeId)) unexposed.push(node.localName);
      }
    }
    return { controls, unnamed, unexposed };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * Paragraphs (visible text blocks of the given classes) whose last line is one or two characters
 * — e.g. "交。" alone under a sentence.
 */
export async function shortLastLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((css) => {
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll(css))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const value = text.textContent ?? '';
        for (let i = 0; i < value.length; i += 1) {
          if (!value[i].trim()) continue;
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const top = Math.round(rect.top);
          lines.set(top, (lines.get(top) ?? '') + value[i]);
        }
      }
      if (lines.size < 2) continue;
      const last = lines.get(Math.max(...lines.keys())) ?? '';
      const words = last.replace(/[，、；：。！？”）《》“（]/g, '');
      if (Array.from(words).length <= 2) problems.push(`${element.textContent} → "${last}"`);
    }
    return problems;
  }, selector);
}

/** Elements of the page in view that stick out of the 375 px screen (large text must wrap). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const element of Array.from(document.querySelectorAll('.page *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1) {
        wide.push(
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)})`,
        );
      }
    }
    return wide;
  });
}

/**
 * The screenshot of a state for the README, in light and dark: `<name>.png` and `<name>-dark.png`
 * in DOCS_DIR (docs/ with `npm run docs:screenshots`, test-results/screenshots/ otherwise).
 */
export async function screenshotLightAndDark(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(DOCS_DIR, `${name}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(DOCS_DIR, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}
