// Debian's Chromium driven by playwright-core, axe-core checks and screenshots.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import assert from 'node:assert/strict';
import { PASSWORD } from './server.mjs';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };
export const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? fileURLToPath(new URL('../../build/screenshots', import.meta.url)));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser (playwright gives chromium.launch a new temporary profile each time). */
export async function launch() {
  const chrome = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  return {
    /** A page in a new isolated context (its own cookies and storage) of the given size. */
    async page(base, viewport = DESKTOP, { lang } = {}) {
      const context = await chrome.newContext({ viewport, baseURL: base, locale: lang === 'en' ? 'en-GB' : 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const page = await context.newPage();
      page.base = base;
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.jsErrors = errors;
      if (lang) await context.addInitScript((l) => localStorage.setItem('hoptac.lang', l), lang);
      return page;
    },
    close: () => chrome.close(),
  };
}

/** How long a state may take to appear: generous, for a busy machine and a sanitised server. */
export const PATIENCE = Number(process.env.E2E_PATIENCE_MS ?? 30000);

/**
 * Reads read() again and again until check(value) holds, and returns that value. A read that
 * throws (an element not there yet) is retried too. On timeout fail(last) is called with the last
 * value seen (it should throw an assertion error), or the last error is thrown, so that a failure
 * says what the page showed. Never a fixed sleep: it returns as soon as the state is there.
 */
export async function waitFor(read, check = Boolean, { timeout = PATIENCE, message, fail } = {}) {
  const deadline = Date.now() + timeout;
  let seen = false;
  let last;
  let error;
  for (;;) {
    try {
      last = await read();
      seen = true;
      error = undefined;
      if (await check(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (error) {
    error.message = `${message ? `${message}: ` : ''}still failing after ${timeout} ms${seen ? ` (last value ${JSON.stringify(last)})` : ''}: ${error.message}`;
    throw error;
  }
  if (fail) fail(last);
  assert.fail(`${message ? `${message}: ` : ''}not true after ${timeout} ms; last value: ${JSON.stringify(last)}`);
}

/** Waits until read() deep-equals expected; on timeout an assertion error shows the last value. */
export const expectEventually = (read, expected, message) =>
  waitFor(read, (v) => isDeepStrictEqual(v, expected), { message, fail: (last) => assert.deepEqual(last, expected, message) });

/** Waits until read() (a string) matches re; on timeout an assertion error shows the last value. */
export const expectMatchEventually = (read, re, message) =>
  waitFor(read, (v) => typeof v === 'string' && re.test(v), { message, fail: (last) => assert.match(String(last), re, message) });

/**
 * Opens a path and waits until the page is drawn: its heading is there and nothing is loading.
 * That is all it promises: a test then waits for the very content it asserts.
 */
export async function go(page, path) {
  await page.goto(page.base + path);
  await ready(page);
}

/** Waits until no loading state is visible. A first wait only: it does not prove that new content has replaced old. */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.state-loading') && !document.querySelector('[aria-busy="true"]'), null, { timeout: PATIENCE });
}

/** Waits until the page has a main heading and no loading state. */
export async function ready(page) {
  await page.waitForFunction(() => !!document.querySelector('main h1') && !document.querySelector('.state-loading') && !document.querySelector('[aria-busy="true"]'), null, { timeout: PATIENCE });
}

export async function signIn(page, username, { path = '/sign-in', password = PASSWORD } = {}) {
  if (path) await go(page, path);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).last().click();
  // Signed in: the header says who, and the page asked for (or the role's home) is drawn.
  await page.getByTestId('who').waitFor({ timeout: PATIENCE });
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: PATIENCE });
  await ready(page);
}

export async function signOut(page) {
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).click();
  // Signed out: the header no longer says who, and the start page is shown.
  await page.getByTestId('who').waitFor({ state: 'detached', timeout: PATIENCE });
  await page.waitForURL((u) => u.pathname === '/', { timeout: PATIENCE });
}

/** axe-core on the page: the serious and critical violations. */
export async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
