// 11. Administration from the browser, on a database without the demo: the administrator
// creates the Liên minh's and a department's accounts, each sets a password through its link;
// the administrator sets the calendar and a letterhead; the Liên minh registers a cooperative
// and invites its representative, who activates the account on a phone and sends a petition.
// Then two-step sign-in: enrolment with a code computed here (RFC 6238), a wrong code refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, signOut, screenshot, axe, waitFor, expectEventually, expectMatchEventually, DESKTOP, PHONE } from './browser.mjs';

const ADMIN = { username: 'quantri', password: 'quan-tri-2026!', name: 'Quản trị hệ thống tỉnh' };
const LM = { username: 'lienminh-tinh', name: 'Nguyễn Thị Liên', password: 'hop-tac-xa-bac-kan-2026' };
const STC = { username: 'stc-nguyenvan', name: 'Trần Văn Tài', password: 'so-tai-chinh-2026!' };
const REP = { username: 'htx-babe', name: 'Hoàng Văn Bể', password: 'mien-dong-na-ri-2026' };
const COOP = 'Hợp tác xã Thử Nghiệm Ba Bể';
const TITLE = 'Đề nghị hỗ trợ vốn vay mở rộng sản xuất miến dong';

let server, browser;
before(async () => {
  server = await startServer({ empty: ADMIN });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// ---- RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits.
function base32(text) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.toUpperCase().replace(/[\s=-]/g, '')) {
    const v = A.indexOf(ch);
    assert.ok(v >= 0, `base32 letter ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
function totp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1e6).padStart(6, '0');
}
const stepNow = () => Math.floor(Date.now() / 30000);

test('the TOTP of the test is RFC 6238 (its SHA-1 vector)', () => {
  // Secret "12345678901234567890", T = 59 s: 94287082, of which the last 6 digits.
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', Math.floor(1111111109 / 30)), '081804');
});

async function noSeriousA11y(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${where}: ${v.join('\n')}`);
}

const ddmmyyyy = (ms) => {
  const d = new Date(ms + 7 * 3600000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** The link shown after creating an account: its full address and the expiry said under it. */
async function shownLink(page) {
  const box = page.getByTestId('link-result').last();
  await box.waitFor();
  const url = await box.getByTestId('activation-link').inputValue();
  assert.match(url, new RegExp(`^${server.base.replace(/[.]/g, '\\.')}/activate/[^/]+$`), 'the full activation address');
  const expiry = (await box.getByTestId('link-expires').innerText()).trim();
  const days = [6, 7, 8].map((n) => `Hết hạn ngày ${ddmmyyyy(Date.now() + n * 86400000)}`);
  assert.ok(days.includes(expiry), `the link expires in 7 days: ${expiry}`);
  return url;
}

/** Opens a one-time link in a fresh context, sets the password (a bad one first), and signs in. */
async function activate(url, who, viewport = DESKTOP) {
  const page = await browser.page(server.base, viewport);
  await page.goto(url);
  await page.getByTestId('link-account').getByText(`Tài khoản: ${who.name} (tên đăng nhập ${who.username})`).waitFor();
  await page.getByText('ít nhất 10 ký tự').first().waitFor();
  // A password containing the username is refused, next to the field.
  await page.getByLabel(/^Mật khẩu mới/).fill(`${who.username}-2026`);
  await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(`${who.username}-2026`);
  await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await expectMatchEventually(async () => (await page.locator('#password-error').textContent()) ?? '', /\S/, 'the server\'s refusal next to the password');
  assert.equal(await page.getByLabel(/^Mật khẩu mới/).getAttribute('aria-invalid'), 'true');
  await noSeriousA11y(page, `activation of ${who.username}`);
  await page.getByLabel(/^Mật khẩu mới/).fill(who.password);
  await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(who.password);
  await page.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await page.waitForURL((u) => u.pathname === '/sign-in');
  await page.getByTestId('activated').waitFor();
  await expectEventually(() => page.getByLabel('Tên đăng nhập').inputValue(), who.username, 'the username is filled in');
  await signIn(page, who.username, { path: null, password: who.password });
  return page;
}

let admin, lienminh, coopId;

test('the administrator creates the Liên minh\'s and a department\'s accounts; each sets a password', async () => {
  admin = await browser.page(server.base, DESKTOP);
  await signIn(admin, ADMIN.username, { password: ADMIN.password });
  await admin.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Người dùng' }).click();
  await admin.waitForURL('**/admin/users');
  await settle(admin);
  await admin.getByText('Tạo tài khoản mới').click();
  const form = admin.locator('#new-user-form');

  await form.getByLabel('Họ và tên').fill(LM.name);
  await form.getByLabel('Tên đăng nhập').fill(LM.username);
  await form.getByLabel('Thư điện tử').fill('lienminh@example.vn');
  await form.getByLabel('Vai trò').selectOption({ label: 'Liên minh HTX' });
  await form.getByLabel('Cơ quan').selectOption({ label: 'Liên minh Hợp tác xã tỉnh' });
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const lmLink = await shownLink(admin);
  await admin.getByText(`Đã tạo tài khoản ${LM.username}.`).waitFor();
  await noSeriousA11y(admin, 'account created, link shown');
  await screenshot(admin, 'admin-1-account-link-desktop');

  // The same username again is refused next to the field.
  await form.getByLabel('Họ và tên').fill('Người khác');
  await form.getByLabel('Tên đăng nhập').fill(LM.username);
  await form.getByLabel('Cơ quan').selectOption({ label: 'Liên minh Hợp tác xã tỉnh' });
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expectMatchEventually(async () => (await admin.locator('#new-user-username-error').textContent()) ?? '', /\S/, 'a taken username is refused by the field');

  await form.getByLabel('Họ và tên').fill(STC.name);
  await form.getByLabel('Tên đăng nhập').fill(STC.username);
  await form.getByLabel('Vai trò').selectOption({ label: 'Sở, ngành' });
  await form.getByLabel('Cơ quan').selectOption({ label: 'Sở Tài chính' });
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await admin.getByText(`Đã tạo tài khoản ${STC.username}.`).waitFor();
  const stcLink = await shownLink(admin);
  assert.notEqual(stcLink, lmLink);

  // Both are listed, invited, until they set a password.
  const rows = admin.getByTestId('users').locator('tbody tr');
  await waitFor(() => rows.allInnerTexts(), (t) => t.some((r) => r.includes(LM.username) && r.includes('Chờ kích hoạt')) && t.some((r) => r.includes(STC.username)), { message: 'the new accounts listed as invited' });

  lienminh = await activate(lmLink, LM);
  await lienminh.getByTestId('who').getByText('Liên minh Hợp tác xã tỉnh').waitFor();
  const stc = await activate(stcLink, STC);
  await stc.getByTestId('who').getByText('Sở Tài chính').waitFor();
  assert.equal(new URL(stc.url()).pathname, '/queue');

  // A link works once.
  const again = await browser.page(server.base, PHONE);
  await again.goto(lmLink);
  await again.getByTestId('link-problem').getByText(/đã được sử dụng/).waitFor();

  // The administrator's list now says they are active; the search finds one without diacritics.
  await go(admin, '/admin/users?q=tai');
  await waitFor(() => rows.allInnerTexts(), (t) => t.length === 1 && t[0].includes(STC.username) && t[0].includes('Đang hoạt động'), { message: 'the department account, active, found by "tai"' });

  // The account's own page: a fresh link is a password-reset link now that it is active.
  await rows.first().getByRole('link', { name: STC.name }).click();
  await admin.waitForURL(/\/admin\/users\/\d+$/);
  await admin.getByRole('heading', { level: 1, name: STC.name }).waitFor();
  await admin.getByTestId('user-status').getByText('Đang hoạt động').waitFor();
  await admin.getByRole('button', { name: 'Tạo liên kết mới' }).click();
  await admin.getByLabel('Liên kết đặt lại mật khẩu').waitFor();
  await shownLink(admin);
  await noSeriousA11y(admin, 'an account\'s page');
  await screenshot(admin, 'admin-1b-account-page-desktop');
  assert.deepEqual(admin.jsErrors, []);
});

test('the administrator sets a holiday and a worked Saturday, and a letterhead', async () => {
  await go(admin, '/admin/calendar?year=2027');
  await admin.getByRole('heading', { level: 1, name: 'Lịch làm việc năm 2027' }).waitFor();
  await admin.getByLabel(/^Ngày/).fill('2027-06-14');
  await admin.getByLabel('Tên ngày').fill('Nghỉ bù ngày hội nghị tổng kết');
  await expectEventually(() => admin.getByLabel('Loại ngày').inputValue(), 'holiday');
  await admin.getByRole('button', { name: 'Thêm ngày' }).click();
  const table = admin.getByTestId('calendar');
  await table.getByRole('rowheader', { name: '14/06/2027' }).waitFor();
  await admin.getByLabel(/^Ngày/).fill('2027-06-19');
  await admin.getByLabel('Tên ngày').fill('Làm bù cho ngày 14/06/2027');
  // A Saturday is proposed as a worked day.
  await expectEventually(() => admin.getByLabel('Loại ngày').inputValue(), 'working');
  await admin.getByRole('button', { name: 'Thêm ngày' }).click();
  await table.getByRole('rowheader', { name: '19/06/2027' }).waitFor();
  const row = await table.locator('tr', { has: admin.getByRole('rowheader', { name: '19/06/2027' }) }).innerText();
  assert.match(row, /Thứ Bảy/);
  assert.match(row, /Làm bù/);
  // A holiday on a Sunday is refused, with the reason next to the field.
  await admin.getByLabel(/^Ngày/).fill('2027-06-20');
  await admin.getByLabel('Tên ngày').fill('Sai');
  await admin.getByLabel('Loại ngày').selectOption('holiday');
  await admin.getByRole('button', { name: 'Thêm ngày' }).click();
  await waitFor(() => admin.locator('main .field-error, main .form-error').allTextContents(), (e) => e.length > 0, { message: 'a holiday on a Sunday is refused' });
  await noSeriousA11y(admin, 'calendar');
  await screenshot(admin, 'admin-2-calendar-desktop');
  const days = await server.api('/api/v1/holidays?year=2027', { user: ADMIN.username, password: ADMIN.password });
  const kinds = Object.fromEntries(days.body.items.map((d) => [d.day, d.kind]));
  assert.equal(kinds['2027-06-14'], 'holiday');
  assert.equal(kinds['2027-06-19'], 'working');
  assert.equal(kinds['2027-06-20'], undefined);

  await go(admin, '/admin/letterheads');
  await admin.getByLabel('Áp dụng từ ngày').fill('2027-01-01');
  await admin.getByLabel('Cơ quan chủ quản').fill('UBND TỈNH THÁI NGUYÊN');
  await admin.getByLabel('Cơ quan ban hành').fill('LIÊN MINH HỢP TÁC XÃ TỈNH');
  await admin.getByLabel('Địa danh').fill('Thái Nguyên');
  await admin.getByRole('button', { name: 'Thêm tiêu đề' }).click();
  const card = admin.getByTestId('letterhead').filter({ hasText: '01/01/2027' });
  await card.getByText('LIÊN MINH HỢP TÁC XÃ TỈNH').waitFor();
  await noSeriousA11y(admin, 'letterheads');
  const heads = await server.api('/api/v1/letterheads', { user: ADMIN.username, password: ADMIN.password });
  assert.ok(heads.body.items.some((l) => l.valid_from === '2027-01-01' && l.place_name === 'Thái Nguyên'));
});

test('the administrator adds, renames and merges an agency (saying first what moves), retires one, and changes a category', async () => {
  await go(admin, '/admin/agencies');
  await admin.locator('summary', { hasText: 'Thêm cơ quan' }).click();
  await admin.getByLabel(/^Mã/).fill('so-giaoduc');
  await admin.getByLabel('Tên đầy đủ').fill('Sở Giáo dục và Đào tạo');
  await admin.getByLabel('Tên viết tắt').fill('Sở GD&ĐT');
  await admin.getByRole('button', { name: 'Thêm cơ quan' }).click();
  const card = () => admin.getByTestId('agency').filter({ hasText: 'so-giaoduc' });
  await card().getByRole('button', { name: 'Đổi tên Sở Giáo dục và Đào tạo' }).click();
  await card().getByLabel('Tên đầy đủ').fill('Sở Giáo dục');
  await card().getByRole('button', { name: 'Lưu' }).click();
  await card().getByText('Sở Giáo dục', { exact: true }).waitFor();
  await card().locator('summary', { hasText: 'Sáp nhập vào cơ quan khác' }).click();
  await card().getByLabel('Sáp nhập Sở Giáo dục vào').selectOption({ label: 'Sở Nội vụ' });
  await card().getByRole('button', { name: 'Sáp nhập', exact: true }).click();
  const question = await card().locator('.confirm-q').innerText();
  assert.match(question, /kiến nghị đang giải quyết .* chuyển sang Sở Nội vụ/);
  assert.match(question, /Kiến nghị đã trả lời giữ nguyên cơ quan cũ/);
  await card().getByRole('button', { name: 'Xác nhận' }).click();
  await card().getByText('Đã sáp nhập vào Sở Nội vụ').waitFor();
  const yte = () => admin.getByTestId('agency').filter({ hasText: 'so-yte' });
  await yte().getByRole('button', { name: 'Cho Sở Y tế thôi hoạt động' }).click();
  await yte().getByRole('button', { name: 'Xác nhận' }).click();
  await yte().getByText(/Thôi hoạt động từ \d{2}\/\d{2}\/\d{4}/).waitFor();
  await noSeriousA11y(admin, 'agencies');
  await screenshot(admin, 'admin-2b-agencies-desktop');
  const active = await server.api('/api/v1/agencies');
  assert.ok(!active.body.items.some((a) => a.code === 'so-giaoduc' || a.code === 'so-yte'), 'retired agencies are no longer offered');

  await go(admin, '/admin/categories');
  const credit = admin.getByTestId('category').filter({ hasText: 'credit' });
  await credit.getByLabel('Số ngày làm việc').fill('12');
  await credit.getByLabel('Cơ quan mặc định').selectOption({ label: 'Sở Tài chính' });
  await credit.getByRole('button', { name: 'Lưu nhóm Vốn, tín dụng' }).click();
  await admin.getByText('Đã lưu nhóm Vốn, tín dụng.').waitFor();
  const cats = await server.api('/api/v1/categories');
  const c = cats.body.items.find((x) => x.code === 'credit');
  assert.equal(c.default_days, 12);
  assert.equal(c.default_agency.code, 'so-taichinh');
  await noSeriousA11y(admin, 'categories');
  assert.deepEqual(admin.jsErrors, []);
});

test('the Liên minh registers a cooperative and invites its representative, who sends a petition from a phone', async () => {
  await go(lienminh, '/register/new');
  await lienminh.getByLabel('Tên hợp tác xã').fill(COOP);
  await lienminh.getByLabel('Mã số đăng ký').fill('4700987654');
  await lienminh.getByLabel('Huyện, thành phố').selectOption({ index: 1 });
  await waitFor(() => lienminh.getByLabel('Xã, phường, thị trấn').locator('option').count(), (n) => n > 1, { message: 'the communes of the district' });
  await lienminh.getByLabel('Xã, phường, thị trấn').selectOption({ index: 1 });
  await lienminh.getByLabel('Địa chỉ').fill('Thôn Pác Ngòi');
  await lienminh.getByLabel('Nông, lâm nghiệp, thủy sản').check();
  await lienminh.getByLabel('Họ tên người đại diện').fill(REP.name);
  await lienminh.getByRole('button', { name: 'Lưu' }).click();
  await lienminh.waitForURL(/\/register\/\d+$/);
  coopId = Number(new URL(lienminh.url()).pathname.split('/').pop());
  await lienminh.getByRole('heading', { level: 1, name: COOP }).waitFor();

  const reps = lienminh.getByTestId('representatives');
  await reps.getByText('Hợp tác xã chưa có tài khoản nào.').waitFor();
  await reps.getByText('Mời người đại diện').click();
  const form = lienminh.locator('#invite-form');
  await form.getByLabel('Họ và tên').fill(REP.name);
  await form.getByLabel('Tên đăng nhập').fill(REP.username);
  await form.getByLabel('Điện thoại').fill('0912345678');
  await form.getByRole('button', { name: 'Tạo tài khoản và liên kết' }).click();
  const link = await shownLink(lienminh);
  await reps.getByTestId('rep').filter({ hasText: REP.username }).getByText('Chờ kích hoạt').waitFor();
  await noSeriousA11y(lienminh, 'register record with representatives');
  await screenshot(lienminh, 'admin-3-representative-invited-desktop');

  // The representative, on a phone.
  const rep = await activate(link, REP, PHONE);
  await screenshot(rep, 'admin-4-representative-signed-in-phone');
  assert.equal(new URL(rep.url()).pathname, '/my-coop');
  await rep.getByTestId('who').getByText(COOP).waitFor();
  await go(rep, '/petitions/new');
  await rep.getByLabel('Nhóm kiến nghị').selectOption({ index: 1 });
  await rep.getByLabel('Tiêu đề').fill(TITLE);
  await rep.getByLabel('Nội dung kiến nghị').fill('Hợp tác xã đề nghị được vay 500 triệu đồng để mở rộng xưởng sản xuất miến dong.');
  await rep.getByRole('button', { name: 'Gửi kiến nghị' }).click();
  await rep.waitForURL(/\/petitions\/\d+$/);
  await rep.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await go(rep, '/petitions');
  await rep.getByRole('link', { name: TITLE }).waitFor();
  await noSeriousA11y(rep, 'the representative\'s petitions (phone)');
  assert.deepEqual(rep.jsErrors, []);

  // A second invitation, withdrawn after asking: the account can no longer sign in.
  await form.getByLabel('Họ và tên').fill('Lý Thị Rút');
  await form.getByLabel('Tên đăng nhập').fill('htx-babe-2');
  await form.getByRole('button', { name: 'Tạo tài khoản và liên kết' }).click();
  const second = reps.getByTestId('rep').filter({ hasText: 'htx-babe-2' });
  await second.waitFor();
  await second.getByRole('button', { name: 'Thu hồi tài khoản Lý Thị Rút' }).click();
  await second.getByText(/mọi phiên đăng nhập và mã truy cập API kết thúc ngay/).waitFor();
  await second.getByRole('button', { name: 'Xác nhận' }).click();
  await second.getByText('Đã vô hiệu hóa').waitFor();
  await reps.getByTestId('rep').filter({ hasText: REP.username }).getByText('Đang hoạt động').waitFor();
  assert.deepEqual(lienminh.jsErrors, []);
});

test('two-step sign-in: enrolment with the secret shown, then sign-in asks for the code and refuses a wrong one', async () => {
  const page = await browser.page(server.base, PHONE);
  await signIn(page, STC.username, { password: STC.password });
  await page.getByTestId('who').getByRole('link', { name: 'Tài khoản' }).click();
  await page.waitForURL('**/account');
  await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
  await page.getByTestId('totp-state').getByText('Xác thực hai bước chưa bật.').waitFor();
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  const qr = page.getByTestId('totp-qr');
  await qr.waitFor();
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  const secret = await page.getByTestId('totp-secret').inputValue();
  assert.match(secret, /^[A-Z2-7=\s]{16,}$/i);
  await noSeriousA11y(page, 'two-step enrolment (phone)');
  await screenshot(page, 'admin-5-totp-enrol-phone');
  // A wrong code first: refused next to the field.
  const wrong = (step) => ['000000', '111111', '222222'].find((c) => ![step - 1, step, step + 1].some((s) => totp(secret, s) === c));
  await page.getByLabel('Mã 6 số đang hiện trong ứng dụng').fill(wrong(stepNow()));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expectMatchEventually(async () => (await page.locator('#totp-code-error').textContent()) ?? '', /\S/, 'a wrong enrolment code is refused');
  const enrolStep = stepNow();
  await page.getByLabel('Mã 6 số đang hiện trong ứng dụng').fill(totp(secret, enrolStep));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  const codes = page.getByTestId('recovery-codes');
  await expectEventually(() => codes.locator('ol li').count(), 10, 'ten recovery codes shown once');
  await page.getByTestId('totp-state').getByText('Xác thực hai bước đang bật.').waitFor();
  await noSeriousA11y(page, 'recovery codes (phone)');
  await screenshot(page, 'admin-6-recovery-codes-phone');
  await page.getByRole('button', { name: 'Tôi đã cất các mã' }).click();
  await signOut(page);

  // Signing in now asks for the code; a wrong one is refused, the right one lets in.
  await go(page, '/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(STC.username);
  await page.getByLabel('Mật khẩu').fill(STC.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  const field = page.getByLabel('Mã xác thực (6 số) hoặc mã khôi phục');
  await field.waitFor();
  await field.fill(wrong(stepNow()));
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await expectMatchEventually(async () => (await page.locator('#totp_code-error').textContent()) ?? '', /\S/, 'a wrong code is refused next to the field');
  assert.equal(await page.getByTestId('who').count(), 0, 'not signed in with a wrong code');
  await noSeriousA11y(page, 'sign-in asking for the code (phone)');
  await screenshot(page, 'admin-7-signin-code-phone');
  // The code of the enrolment's step was used; the next step's is fresh (one step of drift allowed).
  await field.fill(totp(secret, Math.max(stepNow(), enrolStep + 1)));
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.getByTestId('who').waitFor();
  await page.waitForURL((u) => u.pathname === '/queue');

  // The account page: this session marked, a wrong current password refused by its field, an
  // API token shown once, usable, then revoked after asking.
  await go(page, '/account');
  await page.getByTestId('sessions').getByText('Phiên hiện tại').waitFor();
  await page.getByLabel(/^Mật khẩu hiện tại/).fill('khong-dung-mat-khau');
  await page.getByLabel(/^Mật khẩu mới/).fill('mot-mat-khau-moi-2026');
  await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('mot-mat-khau-moi-2026');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await expectMatchEventually(async () => (await page.locator('#pw-current-error').textContent()) ?? '', /\S/, 'a wrong current password is refused next to its field');
  await page.getByLabel('Tên gọi (dùng vào việc gì)').fill('Phần mềm kế toán');
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  const token = await page.getByTestId('token-value').inputValue();
  assert.ok(token.length >= 20, 'the token is shown');
  const me = await fetch(`${server.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).user.username, STC.username);
  const list = page.getByTestId('tokens');
  await list.getByRole('rowheader', { name: 'Phần mềm kế toán' }).waitFor();
  await noSeriousA11y(page, 'account page with a token (phone)');
  await list.getByRole('button', { name: 'Thu hồi mã “Phần mềm kế toán”' }).click();
  await list.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Chưa có mã truy cập nào.').waitFor();
  const after = await fetch(`${server.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  assert.equal(after.status, 401);
  assert.deepEqual(page.jsErrors, []);
});

test('the audit log shows what happened, filtered, with the same query as CSV', async () => {
  await go(admin, '/audit');
  await admin.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
  await admin.getByLabel(/^Đối tượng/).selectOption('users');
  await admin.getByLabel('Loại thao tác').selectOption('create');
  await admin.getByRole('button', { name: 'Áp dụng' }).click();
  await admin.waitForURL((u) => u.search.includes('object_type=users') && u.search.includes('kind=create'));
  const rows = admin.getByTestId('audit').locator('tbody tr');
  await waitFor(() => rows.allInnerTexts(), (t) => t.length >= 2 && t.every((r) => r.includes('Tạo mới')), { message: 'the accounts created are in the log' });
  const href = await admin.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href');
  assert.match(href, /^\/api\/v1\/audit\/export\?(?=.*object_type=users)(?=.*kind=create)/);
  const res = await admin.request.get(server.base + href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /text\/csv/);
  await noSeriousA11y(admin, 'audit log');
  await screenshot(admin, 'admin-8-audit-desktop');
  // A username typed in the user filter is looked up: only the Liên minh's creations remain.
  await admin.getByLabel(/^Người dùng/).fill(LM.username);
  await admin.getByRole('button', { name: 'Áp dụng' }).click();
  await admin.waitForURL((u) => /[?&]user=\d+/.test(u.search));
  await waitFor(() => rows.allInnerTexts(), (t) => t.length >= 2 && t.every((r) => r.includes(LM.username) && r.includes('Tạo mới')), { message: 'the Liên minh\'s creations only' });

  // The Liên minh sees the petitions' log only.
  await go(lienminh, '/audit');
  await lienminh.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
  assert.equal(await lienminh.getByLabel(/^Đối tượng/).count(), 0);
  const lmRows = lienminh.getByTestId('audit').locator('tbody tr');
  await waitFor(() => lmRows.allInnerTexts(), (t) => t.length > 0 && t.every((r) => r.includes('Kiến nghị')), { message: 'the petitions\' entries' });
  assert.ok(coopId > 0);

  // The administrator enables the withdrawn account again, after asking.
  await go(admin, '/admin/users?q=babe-2');
  await admin.getByTestId('users').getByRole('link', { name: 'Lý Thị Rút' }).click();
  await admin.getByTestId('user-status').getByText('Đã vô hiệu hóa').waitFor();
  await admin.getByRole('button', { name: 'Kích hoạt lại tài khoản' }).click();
  await admin.getByRole('button', { name: 'Xác nhận' }).click();
  await waitFor(() => admin.getByTestId('user-status').innerText(), (s) => !s.includes('Đã vô hiệu hóa'), { message: 'enabled again' });
  await admin.getByRole('button', { name: 'Vô hiệu hóa tài khoản' }).click();
  await admin.getByText(/Mọi phiên đăng nhập và mã truy cập API của tài khoản này kết thúc ngay lập tức/).waitFor();
  await admin.getByRole('button', { name: 'Hủy' }).click();
  assert.deepEqual(admin.jsErrors, []);
});

test('a role that requires two-step sign-in: its user is sent to set it up, with the reason', async () => {
  await go(admin, '/admin/security');
  await admin.getByRole('checkbox', { name: 'Liên minh HTX' }).check();
  await admin.getByRole('button', { name: 'Lưu' }).click();
  await admin.getByText('Đã lưu cài đặt bảo mật.').waitFor();
  await noSeriousA11y(admin, 'security settings');
  const settings = await server.api('/api/v1/security-settings', { user: ADMIN.username, password: ADMIN.password });
  assert.ok(settings.body.totp_required_roles.includes('alliance'), JSON.stringify(settings.body));

  const page = await browser.page(server.base, PHONE);
  await signIn(page, LM.username, { password: LM.password });
  await expectEventually(() => new URL(page.url()).pathname + new URL(page.url()).hash, '/account#totp');
  await page.getByTestId('totp-required').getByText('Vai trò Liên minh HTX bắt buộc bật xác thực hai bước.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).waitFor();
  // Nothing else is offered until it is on: the server refuses the rest.
  assert.equal(await page.getByRole('heading', { name: 'Đổi mật khẩu' }).count(), 0);
  assert.equal((await server.api('/api/v1/petitions', { user: LM.username, password: LM.password })).status, 403);
  await noSeriousA11y(page, 'two-step sign-in required (phone)');
  await screenshot(page, 'admin-9-totp-required-phone');
});
