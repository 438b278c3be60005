// Overdue petitions reported to the leaders show as "Đã báo cáo lãnh đạo" in the lists, with a
// filter of their own; the admin sets when reminders go out and when the leaders are told.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, ready, signIn, screenshot, axe, expectEventually, waitFor, PHONE, DESKTOP } from './browser.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSeriousA11y(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${where}: ${v.join('\n')}`);
}

test('the escalated filter lists the petitions reported to the leaders, each with its badge', async () => {
  // The start-up sweep reports the demo's petitions overdue by 5 working days or more.
  const api = (await server.api('/api/v1/petitions?escalated=1&per_page=100', { user: 'ubnd' })).body;
  assert.ok(api.total >= 1, 'the demo has escalated petitions');
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const page = await browser.page(server.base, viewport);
    await signIn(page, 'ubnd');
    await go(page, '/petitions');
    await page.locator('#pet-due').selectOption('escalated');
    await page.waitForURL((u) => u.searchParams.get('escalated') === '1');
    const cards = page.getByTestId('petitions').locator('li.card');
    await expectEventually(() => cards.count(), api.items.length);
    const codes = await cards.evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual(codes.sort(), api.items.map((p) => p.code).sort());
    for (const card of await cards.all()) await card.locator('.badge-escalated', { hasText: 'Đã báo cáo lãnh đạo' }).waitFor();
    await noSeriousA11y(page, `escalated list (${size})`);
    await screenshot(page, `escalated-list-${size}`);

    // The petition's own page says so too.
    await cards.first().getByRole('link').click();
    await page.locator('main .card-head .badge-escalated', { hasText: 'Đã báo cáo lãnh đạo' }).waitFor();
    await noSeriousA11y(page, `escalated petition (${size})`);
    await page.close();
  }
  // In English.
  const en = await browser.page(server.base, DESKTOP, { lang: 'en' });
  await signIn(en, 'ubnd');
  await go(en, '/petitions?escalated=1');
  await en.getByTestId('petitions').locator('.badge-escalated', { hasText: 'Escalated' }).first().waitFor();
  await en.close();
});

test('the admin sets the reminder and escalation working days; a wrong value is named', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const page = await browser.page(server.base, viewport);
    await signIn(page, 'admin');
    await go(page, '/admin/reminders');
    const before = page.getByLabel('Nhắc trước hạn (ngày làm việc)');
    const overdue = page.getByLabel('Báo cáo lãnh đạo khi quá hạn (ngày làm việc)');
    await expectEventually(() => before.inputValue(), '3');
    await expectEventually(() => overdue.inputValue(), '5');
    await noSeriousA11y(page, `reminder settings (${size})`);

    await before.fill('31');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('#reminder_working_days-error', { hasText: 'Từ 0 đến 30 ngày làm việc' }).waitFor();
    await noSeriousA11y(page, `reminder settings with an error (${size})`);
    await screenshot(page, `admin-reminders-error-${size}`);
    assert.equal((await server.api('/api/v1/notification-settings', { user: 'admin' })).body.reminder_working_days, 3, 'nothing saved');

    await before.fill('4');
    await overdue.fill('7');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu cài đặt nhắc hạn.').waitFor();
    await waitFor(async () => (await server.api('/api/v1/notification-settings', { user: 'admin' })).body, (b) => b.reminder_working_days === 4 && b.escalation_working_days === 7);
    await page.reload();
    await ready(page);
    await expectEventually(() => page.getByLabel('Nhắc trước hạn (ngày làm việc)').inputValue(), '4');

    const back = await server.api('/api/v1/notification-settings', { user: 'admin', method: 'PUT', json: { reminder_working_days: 3, escalation_working_days: 5 } });
    assert.equal(back.status, 200);
    await page.close();
  }
});
