// 5. Every page, as the role that uses it, on a phone (390×844) and a desktop (1366×900):
// no serious or critical axe-core finding, no script error, and a screenshot of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { startServer } from './server.mjs';
import { launch, go, signIn, screenshot, axe, PHONE, DESKTOP } from './browser.mjs';

let server, browser, ids;
before(async () => {
  server = await startServer();
  browser = await launch();
  const pub = await server.api('/api/v1/public/petitions?per_page=1');
  const mine = await server.api('/api/v1/petitions?cooperative=2&status=answered&per_page=1', { user: 'htx-taihoan' });
  const submitted = await server.api('/api/v1/petitions?status=submitted&per_page=1', { user: 'lienminh' });
  const assigned = await server.api('/api/v1/petitions?status=assigned&per_page=1&agency=6', { user: 'so-congthuong' });
  ids = { code: pub.body.items[0].code, mine: mine.body.items[0]?.id ?? 1, submitted: submitted.body.items[0].id, assigned: assigned.body.items[0]?.id };
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const PAGES = () => [
  { user: null, name: 'public-home', path: '/' },
  { user: null, name: 'public-directory', path: '/cooperatives' },
  { user: null, name: 'public-cooperative', path: '/cooperatives/2' },
  { user: null, name: 'public-answers', path: '/answers' },
  { user: null, name: 'public-answer', path: `/answers/${ids.code}` },
  { user: null, name: 'sign-in', path: '/sign-in' },
  { user: null, name: 'not-found', path: '/khong-co-trang-nay' },
  { user: null, name: 'public-home-en', path: '/', lang: 'en' },
  { user: null, name: 'public-awards', path: '/awards' },
  { user: null, name: 'public-awards-2024-bang-khen', path: '/awards?year=2024&level=ubnd_bang_khen' },
  { user: 'htx-taihoan', name: 'coop-my-coop', path: '/my-coop' },
  { user: 'htx-taihoan', name: 'coop-petitions', path: '/petitions' },
  { user: 'htx-taihoan', name: 'coop-new-petition', path: '/petitions/new' },
  { user: 'htx-taihoan', name: 'coop-petition', path: `/petitions/${ids.mine}` },
  { user: 'htx-taihoan', name: 'coop-notifications', path: '/notifications' },
  { user: 'lienminh', name: 'alliance-inbox', path: '/inbox' },
  { user: 'lienminh', name: 'alliance-batches', path: '/batches' },
  { user: 'lienminh', name: 'alliance-petition', path: `/petitions/${ids.submitted}` },
  { user: 'lienminh', name: 'alliance-petitions', path: '/petitions' },
  { user: 'lienminh', name: 'alliance-register', path: '/register' },
  { user: 'lienminh', name: 'alliance-register-record', path: '/register/2' },
  { user: 'lienminh', name: 'alliance-register-new', path: '/register/new' },
  { user: 'lienminh', name: 'alliance-register-edit', path: '/register/2/edit' },
  { user: 'lienminh', name: 'alliance-register-import', path: '/register/import' },
  { user: 'lienminh', name: 'alliance-conferences', path: '/conferences' },
  { user: 'lienminh', name: 'alliance-conference', path: '/conferences/1' },
  { user: 'lienminh', name: 'alliance-directives', path: '/directives' },
  { user: 'lienminh', name: 'alliance-notifications', path: '/notifications' },
  { user: 'lienminh', name: 'alliance-dashboard-place', path: '/dashboard?year=2024&district=066' },
  { user: 'lienminh', name: 'alliance-plans', path: '/plans/2024' },
  { user: 'lienminh', name: 'alliance-plans-next', path: `/plans/${new Date().getFullYear() + 1}` },
  { user: 'lienminh', name: 'alliance-schemes', path: '/schemes' },
  { user: 'lienminh', name: 'alliance-scheme', path: '/schemes/1', charts: 1 },
  { user: 'lienminh', name: 'alliance-award-campaigns', path: '/award-campaigns' },
  { user: 'lienminh', name: 'alliance-award-campaign', path: '/award-campaigns/2' },
  { user: 'lienminh', name: 'alliance-reports', path: '/reports' },
  { user: 'ubnd', name: 'leader-dashboard', path: '/dashboard', charts: 3 },
  { user: 'ubnd', name: 'leader-dashboard-2024', path: '/dashboard?year=2024', charts: 1 },
  { user: 'ubnd', name: 'leader-award-campaign', path: '/award-campaigns/1' },
  { user: 'ubnd', name: 'leader-schemes-draft', path: '/schemes/2', charts: 1 },
  { user: 'ubnd', name: 'leader-dashboard-en', path: '/dashboard', lang: 'en', charts: 3 },
  { user: 'ubnd', name: 'leader-assign', path: '/assign' },
  { user: 'ubnd', name: 'leader-petitions-overdue', path: '/petitions?overdue=1' },
  { user: 'so-congthuong', name: 'department-queue', path: '/queue' },
  { user: 'so-congthuong', name: 'department-overdue', path: '/queue?tab=overdue' },
  { user: 'so-congthuong', name: 'department-petition', path: `/petitions/${ids.assigned}` },
  { user: 'so-congthuong', name: 'department-directives', path: '/directives' },
  { user: 'so-congthuong', name: 'department-refused', path: '/register' },
  { user: 'so-congthuong', name: 'department-reports', path: '/reports' },
  { user: 'admin', name: 'admin-dashboard', path: '/dashboard', charts: 3 },
  { user: 'admin', name: 'admin-reports', path: '/reports' },
  { user: 'admin', name: 'admin-users', path: '/admin/users?new=1' },
  { user: 'admin', name: 'admin-user', path: '/admin/users/2' },
  { user: 'admin', name: 'admin-agencies', path: '/admin/agencies' },
  { user: 'admin', name: 'admin-categories', path: '/admin/categories' },
  { user: 'admin', name: 'admin-calendar', path: '/admin/calendar?year=2025' },
  { user: 'admin', name: 'admin-letterheads', path: '/admin/letterheads' },
  { user: 'admin', name: 'admin-security', path: '/admin/security' },
  { user: 'admin', name: 'admin-reminders', path: '/admin/reminders' },
  { user: 'ubnd', name: 'leader-petitions-escalated', path: '/petitions?escalated=1' },
  { user: 'admin', name: 'admin-tokens', path: '/admin/tokens' },
  { user: 'admin', name: 'admin-outbox', path: '/admin/outbox' },
  { user: 'admin', name: 'admin-outbox-pending', path: '/admin/outbox?state=pending' },
  { user: 'admin', name: 'admin-audit', path: '/audit' },
  { user: 'admin', name: 'admin-account', path: '/account' },
  { user: 'lienminh', name: 'alliance-audit', path: '/audit' },
  { user: 'htx-taihoan', name: 'coop-account', path: '/account' },
  { user: 'htx-taihoan', name: 'coop-account-notifications', path: '/account#notifications' },
  { user: 'lienminh', name: 'alliance-account-notifications', path: '/account#notifications' },
  { user: null, name: 'public-activate-used', path: '/activate/khong-co-lien-ket-nay' },
];

for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  test(`every page at ${size} size passes axe-core (no serious or critical finding)`, async () => {
    const pages = {};
    const problems = [];
    for (const p of PAGES()) {
      const key = `${p.user ?? 'public'}-${p.lang ?? 'vi'}`;
      if (!pages[key]) {
        pages[key] = await browser.page(server.base, viewport, { lang: p.lang });
        if (p.user) await signIn(pages[key], p.user);
      }
      const page = pages[key];
      await go(page, p.path);
      if (p.charts) await page.waitForFunction((n) => document.querySelectorAll('.chart canvas').length >= n, p.charts);
      const found = await axe(page);
      if (found.length) problems.push(`${p.name} ${p.path}:\n  ${found.join('\n  ')}`);
      await screenshot(page, `${p.name}-${size}`);
      if (size === 'phone' && p.name === 'coop-my-coop') {
        // The menu of a phone, opened from the keyboard.
        await page.getByRole('button', { name: 'Trình đơn' }).focus();
        await page.keyboard.press('Enter');
        await page.getByRole('list', { name: 'Công việc' }).waitFor();
        const open = await axe(page);
        if (open.length) problems.push(`menu open: ${open.join('; ')}`);
        await screenshot(page, 'coop-menu-open-phone');
        await page.keyboard.press('Enter');
      }
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      if (wide) problems.push(`${p.name} ${p.path}: the page scrolls sideways`);
    }
    for (const page of Object.values(pages)) if (page.jsErrors.length) problems.push(`script errors: ${page.jsErrors.join('; ')}`);
    assert.deepEqual(problems, []);
  });
}

test('the public pages load less than 150 KB of JavaScript (gzip), none of it inline', async () => {
  const page = await browser.page(server.base, PHONE);
  const scripts = new Map();
  const bodies = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body().then((b) => scripts.set(res.url(), gzipSync(b).length)));
  });
  for (const path of ['/', '/cooperatives', '/cooperatives/2', '/answers', `/answers/${ids.code}`, '/sign-in']) await go(page, path);
  // Every script the pages loaded has been read to its end before it is counted.
  await Promise.all(bodies);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(`public pages JavaScript: ${scripts.size} files, ${(total / 1024).toFixed(1)} KB gzip`);
  assert.ok(total < 150 * 1024, `${total} bytes`);
  assert.ok([...scripts.keys()].every((u) => new URL(u).pathname.startsWith('/assets/')), 'hashed assets only');
  assert.ok(![...scripts.keys()].some((u) => /BarChart|uPlot/i.test(u)), 'the chart library is not loaded by public pages');
  const html = await (await fetch(server.base + '/')).text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /<style|style=/, 'no inline style');
});
