// 4. Role limits in the interface: each role sees only its menus; a page typed by hand that the
// role may not see is refused clearly, and the server refuses the data behind it too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, signIn, signOut, screenshot, axe, waitFor, expectEventually, DESKTOP, PHONE } from './browser.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const MENUS = {
  'htx-taihoan': ['Hợp tác xã của tôi', 'Kiến nghị của tôi', 'Gửi kiến nghị'],
  lienminh: ['Tiếp nhận kiến nghị', 'Báo cáo tổng hợp', 'Kiến nghị', 'Sổ đăng ký', 'Hội nghị đối thoại', 'Nhiệm vụ', 'Tổng quan', 'Kế hoạch', 'Đề án', 'Thi đua, khen thưởng', 'Báo cáo', 'Nhật ký'],
  ubnd: ['Tổng quan', 'Phân công', 'Kiến nghị', 'Hội nghị đối thoại', 'Nhiệm vụ', 'Kế hoạch', 'Đề án', 'Thi đua, khen thưởng', 'Báo cáo', 'Nhật ký'],
  'so-congthuong': ['Việc của đơn vị', 'Kiến nghị', 'Nhiệm vụ', 'Hội nghị đối thoại', 'Báo cáo'],
  admin: ['Sổ đăng ký', 'Kiến nghị', 'Tổng quan', 'Hội nghị đối thoại', 'Nhiệm vụ', 'Báo cáo', 'Người dùng', 'Cơ quan, đơn vị', 'Nhóm kiến nghị', 'Lịch làm việc', 'Tiêu đề văn bản', 'Bảo mật', 'Nhắc hạn', 'Mã truy cập API', 'Hộp thư đi', 'Nhật ký'],
};
const WHO = {
  'htx-taihoan': ['Hợp tác xã', 'Hợp tác xã Tài Hoan'],
  lienminh: ['Liên minh HTX', 'Liên minh Hợp tác xã tỉnh'],
  ubnd: ['Lãnh đạo UBND'],
  'so-congthuong': ['Sở, ngành', 'Sở Công Thương'],
  admin: ['Quản trị hệ thống'],
};
// A page each role may not see, and a request for the data behind it that the server refuses.
const REFUSED = {
  'htx-taihoan': { path: '/inbox', api: ['POST', '/api/v1/batches', { title: 'x', petition_ids: [1] }], status: 403 },
  lienminh: { path: '/assign', api: ['POST', '/api/v1/petitions/bulk-transitions', { petition_ids: [1], action: 'assign', lead_agency_id: 6 }], status: 403 },
  ubnd: { path: '/register/import', api: ['POST', '/api/v1/batches', { title: 'x', petition_ids: [1] }], status: 403 },
  'so-congthuong': { path: '/register', api: ['POST', '/api/v1/petitions/bulk-transitions', { petition_ids: [1], action: 'assign', lead_agency_id: 6 }], status: 403 },
  admin: { path: '/queue', api: ['POST', '/api/v1/batches', { title: 'x', petition_ids: [1] }], status: 403 },
};

for (const [user, menu] of Object.entries(MENUS)) {
  test(`${user} sees its own menu, who it is, and is refused ${REFUSED[user].path}`, async () => {
    const page = await browser.page(server.base, DESKTOP);
    await signIn(page, user);
    await expectEventually(() => page.getByRole('list', { name: 'Công việc' }).getByRole('link').allTextContents(), menu, `${user}'s menu`);
    await expectEventually(async () => {
      const who = await page.getByTestId('who').innerText();
      return WHO[user].filter((w) => !who.includes(w));
    }, [], `what the header shows of ${user} lacks`);

    const { path, api, status } = REFUSED[user];
    await go(page, path);
    await page.getByTestId('refused').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    assert.deepEqual(await axe(page), []);
    if (user === 'htx-taihoan') await screenshot(page, 'roles-refused-coop-desktop');
    const res = await server.api(api[1], { user, method: api[0], json: api[2] });
    assert.equal(res.status, status, `${user} ${api[0]} ${api[1]}: ${JSON.stringify(res.body)}`);
    await signOut(page);
    await expectEventually(() => page.getByTestId('who').count(), 0, 'signed out, the header names nobody');
    await page.getByRole('link', { name: /Đăng nhập/ }).first().waitFor();
  });
}

test('a cooperative cannot open another cooperative\'s draft: the page says so, the server answers 404', async () => {
  const other = await server.api('/api/v1/petitions', { user: 'htx-kientrucxanh', method: 'POST', json: { cooperative_id: 1, title: 'Bản nháp riêng', content: 'Nội dung', categories: ['credit'] } });
  assert.equal(other.status, 201);
  const page = await browser.page(server.base, PHONE);
  await signIn(page, 'htx-taihoan');
  await go(page, `/petitions/${other.body.id}`);
  await page.getByRole('heading', { level: 1, name: /Không tìm thấy kiến nghị/ }).waitFor();
  assert.equal((await server.api(`/api/v1/petitions/${other.body.id}`, { user: 'htx-taihoan' })).status, 404);
});

test('a signed-out visitor is sent to sign in, then back to the page asked for', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await go(page, '/register?kind=tht');
  await expectEventually(() => new URL(page.url()).pathname, '/sign-in');
  await page.getByText('Trang này cần đăng nhập.').waitFor();
  assert.equal((await server.api('/api/v1/batches')).status, 401);
  await signIn(page, 'lienminh', { path: null });
  const url = new URL(page.url());
  assert.equal(url.pathname + url.search, '/register?kind=tht');
});

test('a lost session leads to sign-in and back to where the user was', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await page.context().clearCookies();
  await page.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Báo cáo tổng hợp' }).click();
  await page.waitForURL((u) => u.pathname === '/sign-in');
  await page.getByText('Phiên làm việc đã hết. Vui lòng đăng nhập lại để tiếp tục.').waitFor();
  await screenshot(page, 'roles-session-lost-desktop');
  await signIn(page, 'lienminh', { path: null });
  assert.equal(new URL(page.url()).pathname, '/batches');
  await page.getByRole('heading', { level: 1, name: /Báo cáo tổng hợp/ }).waitFor();
});

test('the language switch is remembered, and messages come back in English', async () => {
  const page = await browser.page(server.base, PHONE);
  await go(page, '/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Collective economy of Thái Nguyên province' }).waitFor();
  await expectEventually(() => page.evaluate(() => document.documentElement.lang), 'en');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Collective economy of Thái Nguyên province' }).waitFor();
  // The figures are written the English way too: the article's 59 million of income.
  await expectEventually(() => page.getByTestId('hl-income').innerText(), '59 million VND');
  await signIn(page, 'lienminh');
  await go(page, '/register?q=tai%20hoan');
  await page.getByRole('link', { name: 'Hợp tác xã Tài Hoan' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Registration code').fill('123');
  await page.getByRole('button', { name: 'Save' }).click();
  const msg = await waitFor(() => page.locator('#registration_code-error').textContent(), (m) => /[a-z]{3,}/.test(m) && !/[ăâđêôơư]/i.test(m), { message: 'an English message next to the registration code' });
  assert.match(msg, /[a-z]{3,}/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'roles-english-edit-phone');
});

// The dashboard, plans, schemes, awards and reports: each role opens the ones in its menu, and
// is refused the others (typed by hand), as the server refuses their data.
const PLANNING_PAGES = ['/dashboard', '/plans/2024', '/schemes', '/schemes/1', '/award-campaigns', '/award-campaigns/1', '/reports'];
const MAY_SEE = {
  'htx-taihoan': [],
  lienminh: PLANNING_PAGES,
  ubnd: PLANNING_PAGES,
  'so-congthuong': ['/reports'],
  admin: ['/dashboard', '/reports'],
};
const SERVER_REFUSES = {
  'htx-taihoan': [['GET', '/api/v1/dashboard'], ['GET', '/api/v1/schemes'], ['GET', '/api/v1/reports/economy?year=2024'], ['POST', '/api/v1/reports/economy/jobs?year=2024']],
  'so-congthuong': [['GET', '/api/v1/dashboard'], ['GET', '/api/v1/award-campaigns'], ['PUT', '/api/v1/plans/2025', { targets: {} }]],
  admin: [['PUT', '/api/v1/plans/2025', { targets: {} }], ['POST', '/api/v1/schemes', { title: 'x', period_start: 2026, period_end: 2030 }], ['POST', '/api/v1/award-campaigns', { year: 2023, level: 'ubnd_bang_khen', quota: 1 }]],
  lienminh: [['POST', '/api/v1/nominations/1/review', { decision: 'accept' }]],
  ubnd: [['POST', '/api/v1/award-campaigns/1/nominations', { cooperative_id: 2, achievement: 'x' }]],
};

for (const [user, allowed] of Object.entries(MAY_SEE)) {
  test(`${user}: the planning pages of its menu open, the others are refused`, async () => {
    const page = await browser.page(server.base, DESKTOP);
    await signIn(page, user);
    const menu = await waitFor(() => page.getByRole('list', { name: 'Công việc' }).getByRole('link').evaluateAll((as) => as.map((a) => new URL(a.href).pathname)), (m) => m.length > 0, { message: `${user}'s menu` });
    for (const path of PLANNING_PAGES) {
      await go(page, path);
      // The page is drawn (go waits for its heading): either the page itself or the refusal.
      const heading = await page.locator('main h1').first().innerText();
      const refused = await page.getByTestId('refused').count();
      if (allowed.includes(path)) {
        assert.equal(refused, 0, `${user} may open ${path}`);
        assert.notEqual(heading, 'Không có quyền truy cập', `${user} may open ${path}`);
      } else {
        assert.equal(refused, 1, `${user} is refused ${path}`);
        await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
      }
      // The menu shows a page exactly when the role may open it.
      const top = '/' + path.split('/')[1];
      assert.equal(menu.includes(top), allowed.includes(path), `${user}'s menu and ${path}`);
    }
    if (user === 'so-congthuong') await screenshot(page, 'roles-refused-department-awards-desktop');
    for (const [method, path, json] of SERVER_REFUSES[user]) {
      const res = await server.api(path, { user, method, json });
      assert.equal(res.status, 403, `${user} ${method} ${path}: ${JSON.stringify(res.body)}`);
    }
    assert.deepEqual(page.jsErrors, []);
  });
}
