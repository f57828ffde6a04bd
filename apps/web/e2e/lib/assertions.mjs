/* global document */
import { setTimeout as delay } from 'node:timers/promises';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Fails with `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Waits until the locator's text contains `expected` (string or RegExp). */
export async function expectText(locator, expected, { timeoutMs = DEFAULT_TIMEOUT_MS, what = String(locator) } = {}) {
  const deadline = Date.now() + timeoutMs;
  let actual = '';
  while (Date.now() < deadline) {
    actual =
      (await locator
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null)) ?? '';
    if (typeof expected === 'string' ? actual.includes(expected) : expected.test(actual)) return actual;
    await delay(100);
  }
  throw new Error(`${what}: expected text ${JSON.stringify(String(expected))}, got ${JSON.stringify(actual)}`);
}

/** Waits until the locator is visible. */
export async function expectVisible(locator, { timeoutMs = DEFAULT_TIMEOUT_MS, what = String(locator) } = {}) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(`${what}: not visible within ${timeoutMs} ms`);
  }
}

/** Waits until the page's path matches `pattern`. */
export async function expectPath(page, pattern, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  try {
    await page.waitForURL((url) => pattern.test(url.pathname), { timeout: timeoutMs });
  } catch {
    throw new Error(`expected the path to match ${pattern}, but the page is at ${page.url()}`);
  }
}

/** Waits until `<html lang>` equals `language`. */
export async function expectDocumentLanguage(page, language, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  try {
    await page.waitForFunction((expected) => document.documentElement.lang === expected, language, {
      timeout: timeoutMs,
    });
  } catch {
    const actual = await page.evaluate(() => document.documentElement.lang);
    throw new Error(`expected <html lang="${language}">, got "${actual}"`);
  }
}
