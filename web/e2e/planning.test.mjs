// 6. Indicators, plans, schemes and reports: the dashboard reads the article's 2024 figures
// against the plan; a plan is edited (the server's error next to its field, then saved); a
// scheme's progress; a report downloaded as a PDF and another made in the background.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, screenshot, axe, waitFor, expectEventually, expectMatchEventually, PHONE, DESKTOP } from './browser.mjs';

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

const row = (page, testid, code) => page.getByTestId(testid).locator(`tr[data-code="${code}"]`);

test('the dashboard shows 2024 as the article reports it: 455 cooperatives, 5.506 members, 59 million, 100% for income', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'ubnd');
  assert.equal(new URL(page.url()).pathname, '/dashboard');
  await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  // The year is chosen in the filter, and kept in the address.
  await page.getByLabel('Năm', { exact: true }).selectOption('2024');
  await page.waitForURL((u) => u.searchParams.get('year') === '2024');
  await page.getByRole('heading', { level: 2, name: 'Chỉ tiêu kinh tế tập thể năm 2024' }).waitFor();
  // The figures are the previous year's until 2024's arrive: wait for each value itself.
  await expectEventually(() => page.getByTestId('hl-cooperatives').innerText(), '455');
  await expectEventually(() => page.getByTestId('hl-members').innerText(), '5.506');
  await expectEventually(() => page.getByTestId('hl-income').innerText(), '59 triệu đồng');
  const income = await expectMatchEventually(() => row(page, 'indicator-table', 'avg_income_vnd').innerText(), /59\.000\.000 đ/);
  assert.match(income, /\b100%/);
  await expectMatchEventually(() => row(page, 'indicator-table', 'members').innerText(), /5\.506[\s\S]*5\.500[\s\S]*100,1%/);
  await expectMatchEventually(() => row(page, 'indicator-table', 'effective_share_pct').innerText(), /71,5%[\s\S]*62%[\s\S]*115,3%/);
  await page.locator('.chart canvas').first().waitFor();
  await noSeriousA11y(page, 'dashboard 2024');
  await screenshot(page, 'planning-1-dashboard-2024-desktop');

  // The same year for one district: its own figures, no achievement against the province's plan.
  await page.getByLabel('Huyện, thành phố (trước 01/07/2025)').selectOption({ label: 'Huyện Na Rì' });
  await page.waitForURL((u) => u.searchParams.get('district') === '066');
  await page.getByText('Địa bàn: Huyện Na Rì').waitFor();
  const api = await server.api('/api/v1/indicators?year=2024&district=066');
  const local = api.body.cooperatives;
  assert.ok(local > 0 && local < 455, `Na Rì has ${local}`);
  await expectEventually(async () => Number((await page.getByTestId('hl-cooperatives').innerText()).replace(/\./g, '')), local, 'Na Rì\'s cooperatives, as the server counts');
  await page.getByText('Kế hoạch được giao cho toàn tỉnh').waitFor();
  await expectEventually(() => page.getByRole('columnheader', { name: 'Đạt (% kế hoạch)' }).count(), 0, 'no achievement against the province\'s plan');
  // A commune after the reform.
  await page.getByLabel('Xã, phường (sau sắp xếp 2025)').selectOption({ label: 'Xã Na Rì' });
  await page.waitForURL((u) => u.searchParams.has('commune') && !u.searchParams.has('district'));
  await settle(page);
  await page.getByText('Địa bàn: Xã Na Rì').waitFor();
  await noSeriousA11y(page, 'dashboard, a commune');

  // On a phone, the current year: petitions by state and by category drawn.
  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'lienminh');
  await go(phone, '/dashboard');
  await phone.waitForFunction(() => document.querySelectorAll('.chart canvas').length >= 3);
  await phone.getByRole('heading', { level: 2, name: /^Kiến nghị năm \d{4}$/ }).waitFor();
  await expectMatchEventually(() => phone.getByTestId('petition-figures').innerText(), /Trả lời đúng hạn\s+\d+(,\d)?%/);
  await noSeriousA11y(phone, 'dashboard (phone)');
  assert.ok(!(await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)), 'no sideways scroll');
  await screenshot(phone, 'planning-2-dashboard-phone');
  assert.deepEqual([...page.jsErrors, ...phone.jsErrors], []);
});

test('a plan edit: the server\'s errors next to their fields, then a successful save', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await page.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Kế hoạch' }).click();
  await page.waitForURL('**/plans');
  await settle(page);
  await page.getByLabel('Năm kế hoạch').selectOption('2024');
  await page.waitForURL('**/plans/2024');
  // The stored plan, written the Vietnamese way, with the year's actual figure beside each target.
  await page.getByText('Thực hiện năm 2024: 5.506').waitFor();
  await expectEventually(() => page.locator('#plan-avg_income_vnd').inputValue(), '59.000.000');

  // Not a number: the server names the field.
  await page.locator('#plan-ocop_products').fill('nhiều');
  await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expectEventually(() => page.locator('#plan-ocop_products-error').innerText(), 'Chỉ tiêu phải là số');
  // Out of range: each field its own message.
  await page.locator('#plan-ocop_products').fill('50');
  await page.locator('#plan-members').fill('-5');
  await page.locator('#plan-effective_share_pct').fill('120');
  await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expectEventually(() => page.locator('#plan-members-error').innerText(), 'Chỉ tiêu không được âm');
  await expectEventually(() => page.locator('#plan-effective_share_pct-error').innerText(), 'Tỷ lệ tối đa là 100');
  await expectEventually(() => page.locator('#plan-ocop_products-error').count(), 0, 'the corrected field has no error any more');
  await expectEventually(() => page.locator('#plan-members').getAttribute('aria-invalid'), 'true');
  await expectMatchEventually(async () => String(await page.locator('#plan-members').getAttribute('aria-describedby')), /plan-members-error/);
  await page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các lỗi được đánh dấu.' }).waitFor();
  await noSeriousA11y(page, 'plan with errors');
  await screenshot(page, 'planning-3-plan-errors-desktop');
  // Nothing was stored.
  assert.equal((await server.api('/api/v1/plans/2024', { user: 'lienminh' })).body.targets.members, 5500);

  await page.locator('#plan-members').fill('5.600');
  await page.locator('#plan-effective_share_pct').fill('65,5');
  await page.locator('#plan-ocop_products').fill('50');
  await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await page.getByText('Đã lưu kế hoạch năm 2024.').waitFor();
  await page.locator('#plan-members-error').waitFor({ state: 'detached' });
  const stored = (await server.api('/api/v1/plans/2024', { user: 'lienminh' })).body.targets;
  assert.deepEqual(stored, { avg_income_vnd: 59000000, cooperatives: 455, effective_share_pct: 65.5, members: 5600, new_cooperatives: 20, ocop_products: 50 });
  await expectEventually(() => page.locator('#plan-members').inputValue(), '5.600');
  await expectEventually(() => page.locator('#plan-effective_share_pct').inputValue(), '65,5');

  // The dashboard measures against the new plan: 5.506 of 5.600 is 98,3%.
  await go(page, '/dashboard?year=2024');
  await expectMatchEventually(() => row(page, 'indicator-table', 'members').innerText(), /5\.600[\s\S]*98,3%/);

  // On a phone, a future year without a plan.
  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'ubnd');
  await go(phone, `/plans/${new Date().getFullYear() + 1}`);
  await phone.getByText(/chưa có kế hoạch/).waitFor();
  await noSeriousA11y(phone, 'empty plan (phone)');
  await screenshot(phone, 'planning-4-plan-next-year-phone');
  assert.deepEqual([...page.jsErrors, ...phone.jsErrors], []);
});

test('a scheme\'s progress as a table and a chart; a new scheme with an error, then created', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'ubnd');
  await page.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Đề án' }).click();
  await page.waitForURL('**/schemes');
  await settle(page);
  await page.getByRole('link', { name: /giai đoạn 2021–2025/ }).click();
  await page.waitForURL(/\/schemes\/\d+$/);
  await settle(page);
  const table = page.getByTestId('scheme-progress');
  await expectEventually(() => table.locator('thead th').allInnerTexts(), ['Chỉ tiêu', '2021', '2022', '2023', '2024', '2025', 'Mục tiêu 2025']);
  await expectMatchEventually(() => row(page, 'scheme-progress', 'cooperatives').innerText(), /385[\s\S]*80,2%[\s\S]*455[\s\S]*94,8%[\s\S]*Chưa có số liệu[\s\S]*480/);
  await expectMatchEventually(() => row(page, 'scheme-progress', 'avg_income_vnd').innerText(), /59\.000\.000 đ[\s\S]*98,3%[\s\S]*60\.000\.000 đ/);
  await page.locator('.chart canvas').waitFor();
  await expectEventually(() => page.locator('.legend li').allInnerTexts(), ['Số HTX', 'Thành viên', 'Thu nhập BQ', 'HTX hiệu quả', 'Sản phẩm OCOP']);
  await noSeriousA11y(page, 'scheme progress');
  await screenshot(page, 'planning-5-scheme-progress-desktop');

  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'lienminh');
  await go(phone, new URL(page.url()).pathname);
  await phone.locator('.chart canvas').waitFor();
  await noSeriousA11y(phone, 'scheme progress (phone)');
  assert.ok(!(await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)), 'no sideways scroll');
  await screenshot(phone, 'planning-6-scheme-progress-phone');

  // A new scheme: the end before the start is refused next to the field; then it is created.
  await go(phone, '/schemes');
  await phone.locator('summary', { hasText: 'Tạo đề án mới' }).click();
  await phone.getByLabel('Tên đề án').fill('Đề án phát triển hợp tác xã kiểu mới giai đoạn 2026–2030');
  await phone.getByLabel('Từ năm').fill('2030');
  await phone.getByLabel('Đến năm').fill('2026');
  await phone.locator('#scheme-members').fill('8.000');
  await phone.locator('#scheme-avg_income_vnd').fill('90.000.000');
  await phone.locator('form').getByRole('button', { name: 'Tạo đề án mới' }).click();
  await expectMatchEventually(() => phone.locator('#scheme-end-error').innerText(), /Năm kết thúc phải sau năm bắt đầu/);
  await noSeriousA11y(phone, 'new scheme with an error (phone)');
  await screenshot(phone, 'planning-7-scheme-error-phone');
  await phone.getByLabel('Từ năm').fill('2026');
  await phone.getByLabel('Đến năm').fill('2030');
  await phone.locator('form').getByRole('button', { name: 'Tạo đề án mới' }).click();
  await phone.waitForURL(/\/schemes\/\d+$/);
  await settle(phone);
  await phone.getByText('Đã tạo đề án.').waitFor();
  await phone.getByRole('heading', { level: 1, name: 'Đề án phát triển hợp tác xã kiểu mới giai đoạn 2026–2030' }).waitFor();
  await expectMatchEventually(() => row(phone, 'scheme-progress', 'members').innerText(), /8\.000/);
  const id = new URL(phone.url()).pathname.split('/').pop();
  const s = await server.api(`/api/v1/schemes/${id}`, { user: 'lienminh' });
  assert.deepEqual(s.body.targets, { avg_income_vnd: 90000000, members: 8000 });
  assert.deepEqual([...page.jsErrors, ...phone.jsErrors], []);
});

test('a report downloaded as a PDF, errors said plainly, and a long one followed to done', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await page.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await page.waitForURL('**/reports');
  await settle(page);
  await page.getByLabel('Kinh tế tập thể so với kế hoạch').check();
  await page.getByLabel('Năm báo cáo').selectOption('2024');
  await page.getByLabel('PDF').check();
  await noSeriousA11y(page, 'reports');
  await screenshot(page, 'planning-8-reports-desktop');
  const [res, download] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/reports/economy?')),
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải về ngay' }).click(),
  ]);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /^application\/pdf/);
  assert.equal(new URL(res.url()).searchParams.get('year'), '2024');
  assert.equal(download.suggestedFilename(), 'bao-cao-economy-2024.pdf');
  const pdf = readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 1000, `${pdf.length} bytes`);
  await page.getByText('Đã tải bao-cao-economy-2024.pdf.').waitFor();

  // A conference's minutes as CSV, the conference chosen from the list.
  await page.getByLabel('Biên bản hội nghị đối thoại').check();
  await page.locator('#report-conference option').nth(1).waitFor({ state: 'attached' });
  await page.locator('#report-conference').selectOption({ index: 1 });
  await page.getByLabel('CSV (UTF-8)').check();
  const [csv] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/v1/reports/conference?')), page.waitForEvent('download'), page.getByRole('button', { name: 'Tải về ngay' }).click()]);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  assert.ok(new URL(csv.url()).searchParams.get('conference'));

  // A year before the register's first figures: the server's words, not a broken download.
  // (The year list is drawn again once the economy report is chosen: read it then.)
  await page.getByLabel('Kinh tế tập thể so với kế hoạch').check();
  const years = await waitFor(() => page.locator('#report-year option').allInnerTexts(), (ys) => ys.length > 0, { message: 'the years of the report' });
  const early = years.find((y) => Number(y) < 2021);
  if (early) {
    await page.getByLabel('Năm báo cáo').selectOption(early);
    await page.getByRole('button', { name: 'Tải về ngay' }).click();
    await page.getByRole('alert').filter({ hasText: 'Số liệu có từ năm 2021 đến 2024' }).waitFor();
  }

  // The award list as XLSX, made in the background: its progress, then the download.
  await page.getByLabel('Danh sách khen thưởng').check();
  await page.getByLabel('Năm báo cáo').selectOption('2024');
  await page.getByLabel('Excel (XLSX)').check();
  await page.getByRole('button', { name: 'Tạo trong nền' }).click();
  await page.waitForURL((u) => u.searchParams.has('job'));
  const job = page.getByTestId('job');
  await job.locator('.job-status[data-status="done"]').waitFor();
  await expectEventually(() => job.locator('progress').getAttribute('value'), '100');
  await job.getByText('Đã xong').waitFor();
  await noSeriousA11y(page, 'job done');
  await screenshot(page, 'planning-9-report-job-done-desktop');
  const [file, saved] = await Promise.all([page.waitForResponse((r) => /\/api\/v1\/jobs\/\d+\/file$/.test(r.url())), page.waitForEvent('download'), job.getByRole('button', { name: 'Tải báo cáo' }).click()]);
  assert.match(file.headers()['content-type'], /spreadsheetml/);
  assert.equal(saved.suggestedFilename(), 'bao-cao-awards-2024.xlsx');
  const id = new URL(page.url()).searchParams.get('job');
  const j = await server.api(`/api/v1/jobs/${id}`, { user: 'lienminh' });
  assert.equal(j.body.status, 'done');

  // A reload keeps following the job; on a phone too, for a department.
  await page.reload();
  await settle(page);
  await page.getByTestId('job').locator('.job-status[data-status="done"]').waitFor();
  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'so-congthuong');
  await go(phone, '/reports');
  await phone.getByLabel('Tổng hợp kiến nghị và kết quả giải quyết').check();
  await phone.getByRole('button', { name: 'Tạo trong nền' }).click();
  await phone.getByTestId('job').locator('.job-status[data-status="done"]').waitFor();
  await noSeriousA11y(phone, 'job (phone)');
  await screenshot(phone, 'planning-10-report-job-phone');
  assert.deepEqual([...page.jsErrors, ...phone.jsErrors], []);
});
