// Debian's Chromium driven by playwright-core, axe-core checks and screenshots.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export async function go(page, path) {
  await page.goto(page.base + path);
  await page.waitForLoadState('networkidle');
  await settle(page);
}

/** Waits until no loading state is visible. */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.state-loading') && !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 });
}

export async function signIn(page, username, { path = '/sign-in' } = {}) {
  if (path) await go(page, path);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).last().click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.waitForLoadState('networkidle');
  await settle(page);
}

export async function signOut(page) {
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).click();
  await page.waitForURL((u) => u.pathname === '/');
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
