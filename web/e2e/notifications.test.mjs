// 12. E-mail notifications from the browser, against a real SMTP server on loopback
// (tests/api/smtp.mjs): a cooperative's representative sets an address and turns one kind of
// e-mail off on /account#notifications, and the next message follows that choice (nothing
// queued, the in-app notification kept); turned back on, the next one arrives. Then the
// administrator's outbox: a mail server that refuses, the failed e-mail with its 550 answer,
// sent again from the page; its text shown as text; and the banner when no SMTP is configured.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, PASSWORD } from './server.mjs';
import { launch, go, signIn, screenshot, axe, waitFor, expectEventually, expectMatchEventually, PHONE, DESKTOP } from './browser.mjs';
import { startSmtp, mailArgs } from '../../tests/api/smtp.mjs';

const TAI_HOAN = 2;
const EMAIL = 'taihoan@example.vn';

let browser;
const closing = [];
after(async () => {
  await browser?.close();
  for (const f of closing.reverse()) await f();
});
async function started(options) {
  const server = await startServer(options);
  closing.push(() => server.stop());
  return server;
}
async function mailServer(options) {
  const smtp = await startSmtp(options);
  closing.push(() => smtp.close());
  return smtp;
}
const browserPage = async (...a) => (browser ??= await launch()).page(...a);

/** One signed-in API session (a cookie and its CSRF token) for the steps done through the API. */
async function as(server, username) {
  const s = await fetch(`${server.base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  assert.equal(s.status, 200, `${username} signs in`);
  const headers = { accept: 'application/json', cookie: s.headers.get('set-cookie').split(';')[0] };
  const body = await s.json();
  headers['x-csrf-token'] = body.csrf_token;
  const request = async (path, { method = 'GET', json } = {}) => {
    const res = await fetch(server.base + path, { method, headers: json === undefined ? headers : { ...headers, 'content-type': 'application/json' }, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await res.text();
    return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
  };
  return { user: body.user, request };
}
async function ok(session, path, json, status = 200) {
  const res = await session.request(path, { method: json === undefined ? 'GET' : 'POST', json });
  assert.equal(res.status, status, `${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}
/** A petition of Tài Hoan, created and submitted by its representative. */
async function submitted(coop, title) {
  const p = await ok(coop, '/api/v1/petitions', { cooperative_id: TAI_HOAN, title, content: 'Hợp tác xã đề nghị được hỗ trợ kết nối tiêu thụ 30 tấn miến dong.', categories: ['market'] }, 201);
  return ok(coop, `/api/v1/petitions/${p.id}/transitions`, { action: 'submit' });
}
const returned = (lienminh, p, reason) => ok(lienminh, `/api/v1/petitions/${p.id}/transitions`, { action: 'return', reason });
const outboxOf = async (admin, userId) => (await ok(admin, `/api/v1/outbox?user_id=${userId}&per_page=200`)).items;
const to = (address) => (m) => m.envelope.rcptTo.some((r) => r.address === address);
/** mailArgs with another number of attempts before an e-mail is failed. */
const attempts = (args, n) => args.map((a, i) => (args[i - 1] === '--smtp-max-attempts' ? String(n) : a));

async function noSeriousA11y(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${where}: ${v.join('\n')}`);
}

test('a cooperative turns "Kiến nghị cần bổ sung" off on /account#notifications: no e-mail, the in-app notification kept; back on, the next one arrives', async () => {
  const smtp = await mailServer();
  const server = await started({ args: mailArgs(smtp) });
  const admin = await as(server, 'admin');
  const lienminh = await as(server, 'lienminh');
  const coop = await as(server, 'htx-taihoan');

  const page = await browserPage(server.base, PHONE);
  await signIn(page, 'htx-taihoan');
  // An e-mail's link leads here: the page opens on the section, its heading focused.
  await go(page, '/account#notifications');
  const section = page.locator('#notifications');
  await section.getByRole('heading', { level: 2, name: 'Nhận thông báo qua thư điện tử' }).waitFor();
  await section.getByRole('group', { name: 'Kiến nghị cần bổ sung' }).waitFor();
  await expectEventually(() => page.evaluate(() => document.activeElement?.id), 'notifications-h', 'the section\'s heading has the focus');
  await waitFor(() => page.evaluate(() => {
    const top = document.getElementById('notifications').getBoundingClientRect().top;
    return { scrolled: window.scrollY > 0, top: Math.round(top) };
  }), (v) => v.scrolled && v.top >= -2 && v.top < 120, { message: 'the section is scrolled to the top of the screen' });
  // No address yet: the section says so, and that nothing is sent.
  await section.getByTestId('mail-to').getByText('Chưa có địa chỉ thư điện tử: chưa có thư nào được gửi cho bạn.').waitFor();
  await section.getByText('Thông báo trong ứng dụng (biểu tượng chuông ở đầu trang) luôn được giữ, dù chọn cách nào.').waitFor();
  await section.getByRole('group', { name: 'Ngôn ngữ của thư' }).getByLabel('Tiếng Việt').isChecked().then((on) => assert.ok(on, 'e-mails in Vietnamese'));
  await noSeriousA11y(page, '/account#notifications without an address');
  await screenshot(page, 'notifications-no-address-phone');

  // The address, on the profile form above; the section follows it at once.
  await section.getByRole('link', { name: 'Nhập địa chỉ ở mục Thông tin cá nhân phía trên' }).click();
  await expectEventually(() => page.evaluate(() => document.activeElement?.id), 'me-email', 'the link leads to the address field');
  await page.locator('#me-email').fill(EMAIL);
  await page.locator('#profile').getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu thông tin cá nhân.').waitFor();
  await expectEventually(() => section.getByTestId('mail-to').innerText(), `Thư được gửi đến: ${EMAIL}`, 'the address e-mails go to');

  // A refusal is shown next to the kind it names (a server answer made up here, once).
  await page.route('**/api/v1/me/notification-settings', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 422, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Dữ liệu không hợp lệ', status: 422, errors: [{ field: 'kinds.returned', message: 'Cách nhận không hợp lệ.' }] }) })
      : route.continue(),
  );
  const kind = section.getByRole('group', { name: 'Kiến nghị cần bổ sung' });
  await kind.getByLabel('Gộp vào thư tổng hợp hằng ngày').check();
  await section.getByRole('button', { name: 'Lưu' }).click();
  await expectEventually(() => page.locator('#mail-kind-returned-error').innerText(), 'Cách nhận không hợp lệ.', 'the error next to the kind');
  assert.equal(await kind.getAttribute('aria-describedby'), 'mail-kind-returned-error');
  await section.getByRole('alert').getByText('Vui lòng sửa các lỗi được đánh dấu.').waitFor();
  await page.unroute('**/api/v1/me/notification-settings');

  // Off, and saved.
  await kind.getByLabel('Không gửi thư').check();
  await section.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu cách nhận thông báo.').waitFor();
  await expectEventually(() => page.locator('#mail-kind-returned-error').count(), 0, 'the error is gone');
  const settings = await ok(coop, '/api/v1/me/notification-settings');
  assert.equal(settings.email, EMAIL);
  assert.equal(settings.kinds.find((k) => k.kind === 'returned').delivery, 'off');
  assert.ok(settings.kinds.filter((k) => k.kind !== 'returned').every((k) => k.delivery === 'immediate'), 'only what was changed was sent');
  await screenshot(page, 'notifications-off-phone');

  // A petition returned: the in-app notification, and no e-mail queued for the cooperative.
  const p1 = await submitted(coop, 'Đề nghị hỗ trợ vốn vay mua máy sấy miến');
  await returned(lienminh, p1, 'Bổ sung hồ sơ vay vốn');
  const inApp = await ok(coop, '/api/v1/notifications?per_page=50');
  assert.ok(inApp.items.some((n) => n.kind === 'returned' && n.message.includes(p1.code)), 'the in-app notification is kept');
  assert.deepEqual(await outboxOf(admin, coop.user.id), [], 'no e-mail was queued for the cooperative');

  // Back on, in the browser; the page shows the saved choice after a reload.
  await page.reload();
  await kind.waitFor();
  assert.equal(await kind.getByLabel('Không gửi thư').isChecked(), true, 'the choice was kept');
  await kind.getByLabel('Gửi ngay').check();
  await section.getByRole('button', { name: 'Lưu' }).click();
  await expectEventually(async () => (await ok(coop, '/api/v1/me/notification-settings')).kinds.find((k) => k.kind === 'returned').delivery, 'immediate', 'saved as immediate');
  await page.getByText('Đã lưu cách nhận thông báo.').first().waitFor();

  const p2 = await submitted(coop, 'Đề nghị hỗ trợ xây dựng nhãn hiệu miến dong');
  await returned(lienminh, p2, 'Bổ sung giấy chứng nhận');
  const m = await smtp.waitFor((x) => to(EMAIL)(x) && x.parsed.subject.includes(p2.code));
  assert.match(m.parsed.subject, /Kiến nghị cần bổ sung/);
  assert.ok(m.parsed.text.includes('https://hoptac.example.vn/account#notifications'), 'the e-mail leads to the settings');
  assert.ok(!smtp.received.some((x) => x.parsed.subject.includes(p1.code)), 'the petition returned while it was off never went by e-mail');
  await noSeriousA11y(page, '/account#notifications with an address');
  await screenshot(page, 'notifications-on-phone');

  const desktop = await browserPage(server.base, DESKTOP);
  await signIn(desktop, 'htx-taihoan');
  await go(desktop, '/account#notifications');
  await desktop.locator('#notifications').getByRole('group', { name: 'Kiến nghị cần bổ sung' }).waitFor();
  await expectEventually(() => desktop.evaluate(() => document.activeElement?.id), 'notifications-h');
  await noSeriousA11y(desktop, '/account#notifications on a desktop');
  await screenshot(desktop, 'notifications-desktop');
  assert.deepEqual([...page.jsErrors, ...desktop.jsErrors], []);
});

test('the weekly digest offers only on or off', async () => {
  const server = await started();
  const page = await browserPage(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await go(page, '/account#notifications');
  const weekly = page.getByRole('group', { name: /^Bản tin tuần/ });
  await weekly.waitFor();
  assert.deepEqual(await weekly.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.value)), ['immediate', 'off']);
  await weekly.getByLabel('Nhận bản tin mỗi tuần').waitFor();
  const submittedKind = page.getByRole('group', { name: 'Kiến nghị mới cần tiếp nhận' });
  assert.deepEqual(await submittedKind.getByRole('radio').evaluateAll((rs) => rs.map((r) => r.value)), ['immediate', 'daily', 'off']);
  await weekly.getByLabel('Không gửi thư').check();
  await page.getByRole('group', { name: 'Ngôn ngữ của thư' }).getByLabel('English (tiếng Anh)').check();
  await page.locator('#notifications').getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu cách nhận thông báo.').waitFor();
  const s = await ok(await as(server, 'lienminh'), '/api/v1/me/notification-settings');
  assert.equal(s.language, 'en');
  assert.equal(s.kinds.find((k) => k.kind === 'weekly_digest').delivery, 'off');
});

test('the outbox: a refused e-mail in "Thất bại" with its 550 answer, sent again from the page; its text as text', async () => {
  const smtp = await mailServer({ refuse: 'Mailbox unavailable' });
  const server = await started({ args: attempts(mailArgs(smtp), 1) });
  const admin = await as(server, 'admin');
  const lienminh = await as(server, 'lienminh');
  const coop = await as(server, 'htx-taihoan');
  assert.equal((await lienminh.request('/api/v1/me', { method: 'PATCH', json: { email: 'lienminh@example.vn' } })).status, 200);
  assert.equal((await lienminh.request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { weekly_digest: 'off' } } })).status, 200);
  const p = await submitted(coop, 'Đề nghị hỗ trợ tiêu thụ miến dong Na Rì');
  const failed = await waitFor(async () => (await outboxOf(admin, lienminh.user.id)).find((e) => e.subject?.includes(p.code)), (e) => e?.state === 'failed', { message: 'the e-mail to the Liên minh failed' });
  assert.match(failed.last_error, /^550 .*Mailbox unavailable/);

  const page = await browserPage(server.base, DESKTOP);
  await signIn(page, 'admin');
  await page.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Hộp thư đi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hộp thư đi' }).waitFor();
  await expectEventually(() => page.getByTestId('smtp-state').innerText(), `Máy chủ thư: ${smtp.url}`, 'the mail server named');
  await page.getByRole('navigation', { name: 'Thư theo trạng thái' }).getByRole('link', { name: /^Thất bại/ }).click();
  await page.waitForURL((u) => u.search === '?state=failed');
  const row = page.getByTestId(`outbox-${failed.id}`);
  await expectMatchEventually(() => row.innerText(), /550 .*Mailbox unavailable/, 'the 550 answer on the failed row');
  const text = await row.innerText();
  for (const part of ['lienminh@example.vn', p.code, 'Thất bại', 'Thông báo']) assert.ok(text.includes(part), `the row shows ${part}: ${text}`);
  await expectMatchEventually(() => page.getByTestId('tab-failed').innerText(), /^Thất bại\s*\(\d+\)$/, 'the tab counts its e-mails');
  await noSeriousA11y(page, 'the failed tab');
  await screenshot(page, 'outbox-failed-desktop');

  // Sent again: asked first, naming the recipient and the subject; the row shows the new state.
  await row.getByRole('button', { name: `Gửi lại thư “${failed.subject}” cho lienminh@example.vn` }).click();
  const question = row.getByRole('group');
  await question.getByText(`Gửi lại thư “${failed.subject}” cho lienminh@example.vn? Thư được đưa lại vào hàng chờ gửi.`).waitFor();
  await question.getByRole('button', { name: 'Gửi lại' }).click();
  await expectMatchEventually(() => row.innerText(), /Đang chờ/, 'the row is waiting again');
  await page.getByText('Đã đưa thư cho lienminh@example.vn vào hàng chờ gửi lại.').waitFor();
  // The mail server refuses it again (its attempts count from 0 again): failed once more.
  await expectEventually(() => smtp.seen.filter((m) => m.parsed.subject.includes(p.code)).length, 2, 'the e-mail reached the mail server again');
  await waitFor(async () => (await outboxOf(admin, lienminh.user.id)).find((e) => e.id === failed.id), (e) => e.state === 'failed' && e.attempts === 1, { message: 'the e-mail failed again' });
  await page.reload();
  await expectMatchEventually(() => row.innerText(), /Thất bại/, 'failed again after a reload');
  await expectEventually(() => row.getByRole('cell').nth(3).innerText(), '1', 'one attempt since it was sent again');

  // One e-mail: its text in a <pre>, the HTML part never drawn.
  await row.getByRole('link', { name: failed.subject }).click();
  await page.waitForURL((u) => u.pathname === `/admin/outbox/${failed.id}`);
  await page.getByRole('heading', { level: 1, name: failed.subject }).waitFor();
  const one = await ok(admin, `/api/v1/outbox/${failed.id}`);
  assert.match(one.body_html, /<a [^>]*href="https:\/\/hoptac\.example\.vn\//, 'the HTML part has links');
  await expectEventually(() => page.getByTestId('mail-body').textContent(), one.body_text, 'the text as sent');
  assert.equal(await page.getByTestId('mail-body').evaluate((e) => e.tagName), 'PRE');
  assert.equal(await page.locator('main a[href^="https://hoptac.example.vn/"]').count(), 0, 'no markup of the e-mail is in the page');
  await expectMatchEventually(() => page.getByTestId('outbox-entry').innerText(), /550 .*Mailbox unavailable/);
  await noSeriousA11y(page, 'one e-mail');
  await screenshot(page, 'outbox-entry-desktop');

  const phone = await browserPage(server.base, PHONE);
  await signIn(phone, 'admin');
  await go(phone, '/admin/outbox?state=failed');
  await phone.getByTestId(`outbox-${failed.id}`).getByRole('button', { name: /^Gửi lại thư/ }).waitFor();
  await noSeriousA11y(phone, 'the failed tab on a phone');
  await screenshot(phone, 'outbox-failed-phone');
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, 'the outbox does not scroll sideways on a phone');
  await go(phone, `/admin/outbox/${failed.id}`);
  await phone.getByTestId('mail-body').waitFor();
  await noSeriousA11y(phone, 'one e-mail on a phone');
  await screenshot(phone, 'outbox-entry-phone');
  assert.deepEqual([...page.jsErrors, ...phone.jsErrors], []);
});

test('without SMTP the outbox says that nothing is sent, with the number waiting', async () => {
  const server = await started();
  const admin = await as(server, 'admin');
  const lienminh = await as(server, 'lienminh');
  assert.equal((await lienminh.request('/api/v1/me', { method: 'PATCH', json: { email: 'lienminh@example.vn' } })).status, 200);
  const p = await submitted(await as(server, 'htx-taihoan'), 'Đề nghị hỗ trợ đào tạo kế toán hợp tác xã');
  const list = await ok(admin, '/api/v1/outbox?state=pending');
  assert.equal(list.smtp.configured, false);
  assert.ok(list.counts.pending >= 1);
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await browserPage(server.base, viewport);
    await signIn(page, 'admin');
    await go(page, '/admin/outbox?state=pending');
    await expectEventually(() => page.getByTestId('smtp-state').innerText(), `Chưa cấu hình máy chủ thư (SMTP): thư được giữ trong hộp thư đi, chưa gửi cho ai. Đang chờ: ${list.counts.pending} thư.`, 'the banner');
    const mine = list.items.find((e) => e.user.id === lienminh.user.id);
    const row = page.getByTestId(`outbox-${mine.id}`);
    await expectMatchEventually(() => row.innerText(), /Đang chờ/, 'the e-mail waits');
    assert.ok((await row.innerText()).includes('(chưa gửi)'), 'no recipient written yet');
    assert.equal(await row.getByRole('button', { name: /Gửi lại/ }).count(), 0, 'only a failed e-mail is sent again');
    assert.ok(!(await row.innerText()).includes(p.code), 'the subject is written when it is first sent');
    await noSeriousA11y(page, 'the outbox without SMTP');
    await screenshot(page, `outbox-no-smtp-${viewport === PHONE ? 'phone' : 'desktop'}`);
    assert.deepEqual(page.jsErrors, []);
  }
});
