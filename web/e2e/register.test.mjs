// 3. The register: search without diacritics, filters, an edit refused with the error next to
// the field, and an import whose dry run shows the bad rows before the real run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, screenshot, axe, waitFor, expectEventually, expectMatchEventually, DESKTOP, PHONE } from './browser.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch();
  page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const rows = () => page.getByTestId('register').locator('tbody tr');
const countText = async () => (await page.locator('main .count').textContent()).trim();

test('"tai hoan" finds Hợp tác xã Tài Hoan', async () => {
  await go(page, '/register');
  await page.getByLabel('Tên, mã số hoặc địa chỉ').fill('tai hoan');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.waitForURL(/q=tai\+hoan|q=tai%20hoan/);
  // The whole register is shown until the search's answer arrives: wait for the one row.
  await expectEventually(() => rows().count(), 1, 'rows found for "tai hoan"');
  await rows().first().getByRole('link', { name: 'Hợp tác xã Tài Hoan' }).waitFor();
  await screenshot(page, 'register-1-search-desktop');
});

test('filters narrow the list, as the server counts', async () => {
  await go(page, '/register');
  await page.getByLabel('Loại hình').selectOption({ label: 'Tổ hợp tác' });
  await page.waitForURL(/kind=tht/);
  const tht = await server.api('/api/v1/cooperatives?kind=tht&per_page=1');
  await expectEventually(countText, `${tht.body.total} kết quả`);
  await page.getByLabel('Loại hình').selectOption({ label: 'Hợp tác xã' });
  await page.getByLabel('Huyện (trước 01/07/2025)').selectOption({ label: 'Huyện Na Rì' });
  await page.getByLabel('Xếp loại').selectOption({ label: 'Trung bình' });
  await page.getByLabel('Năm').selectOption('2024');
  await page.waitForURL((u) => ['kind=htx', 'district=066', 'classification=trung_binh', 'year=2024'].every((x) => u.search.includes(x)));
  const api = await server.api('/api/v1/cooperatives?kind=htx&district=066&classification=trung_binh&year=2024&per_page=1');
  assert.ok(api.body.total > 0);
  await expectEventually(countText, `${api.body.total} kết quả`);
  await waitFor(() => page.getByTestId('register').innerText(), (text) => text.includes('Huyện Na Rì'), { message: 'the register lists Huyện Na Rì' });
  await page.getByLabel('Sắp xếp').selectOption({ label: 'Nhiều thành viên nhất' });
  await page.waitForURL(/sort=-members/);
  // The CSV link follows the filters and the order shown.
  const csv = await expectMatchEventually(async () => String(await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')), /^\/api\/v1\/cooperatives\/export\?(?=.*format=csv)(?=.*sort=-members)/);
  assert.ok(csv.includes('district=066'));
  const res = await fetch(server.base + csv);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/csv/);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'register-2-filters-desktop');
});

test('a wrong registration code is refused and the message sits next to the field', async () => {
  await go(page, '/register?q=tai%20hoan');
  await rows().first().getByRole('link').click();
  await page.waitForURL(/\/register\/\d+$/);
  await settle(page);
  // Vietnamese formats: dd/mm/yyyy, "2.000.000.000 đ", "69 triệu đồng".
  const id = new URL(page.url()).pathname.split('/').pop();
  const coop = (await server.api(`/api/v1/cooperatives/${id}`, { user: 'lienminh' })).body;
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  await page.getByText(coop.founded_on.split('-').reverse().join('/')).waitFor();
  await page.getByText(`${group(coop.charter_capital_vnd)} đ`).waitFor();
  const [y] = (await server.api(`/api/v1/cooperatives/${id}/years`, { user: 'lienminh' })).body.items;
  const words = (n) => (n >= 1e9 ? `${String(Math.round(n / 1e8) / 10).replace('.', ',')} tỷ đồng` : `${String(Math.round(n / 1e5) / 10).replace('.', ',')} triệu đồng`);
  await expectEventually(() => page.getByTestId('year-headline').textContent(), `Năm ${y.year}: doanh thu ${words(y.revenue_vnd)}, thu nhập bình quân ${words(y.avg_income_vnd)}/người/năm.`);
  await page.getByRole('cell', { name: `${group(y.avg_income_vnd)} đ` }).first().waitFor();
  await page.getByRole('link', { name: 'Sửa' }).click();
  await page.waitForURL(/\/edit$/);
  await settle(page);
  const field = page.getByLabel('Mã số đăng ký');
  await field.fill('123');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const error = page.locator('#registration_code-error');
  await waitFor(() => error.textContent(), (text) => text.length > 5, { message: 'the message next to the registration code' });
  await expectEventually(() => field.getAttribute('aria-invalid'), 'true');
  await expectMatchEventually(async () => String(await field.getAttribute('aria-describedby')), /registration_code-error/);
  await page.getByText('Vui lòng sửa các lỗi được đánh dấu.').waitFor();
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'register-3-edit-error-desktop');
  // Corrected, it saves.
  await field.fill('4700100002');
  await page.getByLabel('Điện thoại').fill('0209 3884 123');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu thay đổi.').waitFor();
  await page.waitForURL(/\/register\/\d+$/);
  await settle(page);
  await page.getByText('0209 3884 123').waitFor();
});

const HEADER = 'kind,name,registration_code,commune_code,commune_as_of,address,sectors,founded_on,charter_capital_vnd,status,representative_name,representative_title,representative_phone,representative_email';
const GOOD = [
  'htx,Hợp tác xã Chè Bằng Phúc,4702000001,02041,2024-06-01,"Thôn Khuổi Cuồng, xã Bằng Phúc",agriculture;trade_services,2020-05-01,500000000,active,Ma Văn Hùng,Giám đốc,0911111111,',
  'tht,Tổ hợp tác Mây tre đan Yến Lạc,,02155,2024-06-01,Tiểu khu 2,industry_handicraft,2022-01-10,,active,Hà Thị Lan,Tổ trưởng,,',
];
const BAD = [
  'htx,Công ty Miến dong,4702000010,02155,2024-06-01,Na Rì,agriculture,,,active,,,,',
  'htx,Hợp tác xã A,123,02155,2024-06-01,Na Rì,agriculture,,,active,,,,',
];
const csv = (lines) => Buffer.from('\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n');

test('an import dry run lists the bad rows; a clean file is then imported', async () => {
  const before = (await server.api('/api/v1/cooperatives?per_page=1')).body.total;
  await go(page, '/register/import');
  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'htx.csv', mimeType: 'text/csv', buffer: csv([...GOOD, ...BAD]) });
  await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
  const table = page.getByTestId('import-errors');
  const text = await expectMatchEventually(() => table.innerText(), /\b4\s+Tên hợp tác xã name\b/);
  assert.match(text, /\b5\s+Mã số hợp tác xã registration_code\b/);
  assert.equal(await page.getByRole('button', { name: /^Nhập \d+ hợp tác xã$/ }).count(), 0, 'no real run while rows are bad');
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'register-4-import-dry-run-desktop');
  assert.equal((await server.api('/api/v1/cooperatives?per_page=1')).body.total, before, 'a dry run writes nothing');

  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'htx.csv', mimeType: 'text/csv', buffer: csv(GOOD) });
  await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
  await page.getByText('Tệp hợp lệ, có thể nhập.').waitFor();
  await page.getByRole('button', { name: 'Nhập 2 hợp tác xã' }).click();
  await page.getByTestId('import-result').getByText('Đã nhập 2 hợp tác xã.').waitFor();
  assert.equal((await server.api('/api/v1/cooperatives?per_page=1')).body.total, before + 2);
  const found = await server.api('/api/v1/cooperatives?q=che%20bang%20phuc');
  assert.equal(found.body.items[0].name, 'Hợp tác xã Chè Bằng Phúc');
});

test('the public directory searches without diacritics too, on a phone', async () => {
  const visitor = await browser.page(server.base, PHONE);
  await go(visitor, '/cooperatives?q=cho%20don');
  const results = visitor.getByTestId('results');
  await waitFor(() => results.innerText(), (text) => text.includes('Chợ Đồn'), { message: 'the results for "cho don" name Chợ Đồn' });
  await go(visitor, '/cooperatives?q=kien%20truc%20xanh');
  await visitor.getByRole('link', { name: 'Hợp tác xã Kiến trúc xanh' }).click();
  await visitor.waitForURL(/\/cooperatives\/\d+$/);
  await settle(visitor);
  await visitor.getByRole('heading', { name: 'Sản phẩm OCOP' }).waitFor();
  assert.deepEqual(await axe(visitor), []);
  await screenshot(visitor, 'register-5-public-cooperative-phone');
});
