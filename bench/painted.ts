/**
 * When a benchmark page has painted, without touching the page while it loads.
 *
 * Not `page.waitForFunction`: that injects Playwright's own script (about half a megabyte) into
 * the page as soon as it commits, and compiling and running it took the main thread for ~23 ms
 * at 1x CPU, in the middle of the page's load (a Chromium trace of the render page showed it as
 * an `EvaluateScript` with no URL, between the modules' download and their evaluation). No
 * resident's page runs it, and it landed in every library's figure alike. The page prints a
 * console line instead (bench/pages/series.ts, `markPainted`), which reaches the harness through
 * the DevTools protocol's console events, and nothing is evaluated in the page until it has.
 */
import type { Page } from 'playwright-core';
import { PAINTED_MESSAGE } from './painted-message.ts';

/**
 * Resolves with the page's own `performance.now()` at its painted mark. Call before `page.goto`,
 * so that a fast page cannot print its line before anyone listens.
 */
export async function paintedMark(page: Page, timeout: number): Promise<number> {
  const message = await page.waitForEvent('console', { predicate: (m) => m.text().startsWith(`${PAINTED_MESSAGE} `), timeout });
  const ms = Number(message.text().slice(PAINTED_MESSAGE.length + 1));
  if (!Number.isFinite(ms)) throw new Error(`unexpected painted line: ${message.text()}`);
  return ms;
}
