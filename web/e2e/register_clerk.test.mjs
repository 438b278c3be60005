// The register as a clerk uses it: the directory finds a district's cooperatives by its name,
// the import offers its template and reads Vietnamese headers, an expired OCOP certificate is
// marked, and a form shows all its errors at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, screenshot, axe, waitFor, expectMatchEventually, DESKTOP, PHONE } from './browser.mjs';

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

test('the directory finds all of Chợ Đồn\'s cooperatives by "cho don", on a phone', async () => {
  const district = (await server.api('/api/v1/cooperatives?district=064&per_page=1')).body.total;
  const visitor = await browser.page(server.base, PHONE);
  await go(visitor, '/cooperatives?q=cho%20don');
  const count = visitor.locator('main .count');
  const text = await expectMatchEventually(() => count.textContent(), /^\d+ kết quả$/);
  assert.ok(Number(text.split(' ')[0]) >= district, `${text} < ${district}`);
  assert.deepEqual(await axe(visitor), []);
  await screenshot(visitor, 'register-clerk-1-cho-don-phone');
});

test('the import page offers the template and imports a file with Vietnamese headers', async () => {
  await go(page, '/register/import');
  const link = page.getByTestId('import-template');
  await link.waitFor();
  const template = await page.request.get(server.base + (await link.getAttribute('href')));
  assert.equal(template.status(), 200);
  const header = 'Loại hình,Tên hợp tác xã,Mã số hợp tác xã,Xã/phường,Xã/phường tại ngày,Địa chỉ trụ sở,"Ngành, lĩnh vực",Ngày thành lập,Vốn điều lệ (đồng),Tình trạng';
  const row = 'Hợp tác xã,Hợp tác xã Nhập Tiếng Việt,4706660001,02155,01/06/2024,Thôn Nà Deng,"Nông, lâm, ngư nghiệp",15/03/2021,"1.500.000.000",Đang hoạt động';
  await page.getByLabel('Tệp cần nhập').setInputFiles({ name: 'htx.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${row}\r\n`) });
  await page.getByRole('button', { name: 'Kiểm tra tệp (chưa ghi)' }).click();
  await page.getByText('Tệp hợp lệ, có thể nhập.').waitFor();
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'register-clerk-2-import-desktop');
  await page.getByRole('button', { name: 'Nhập 1 hợp tác xã' }).click();
  await page.getByTestId('import-result').getByText('Đã nhập 1 hợp tác xã.').waitFor();
  const found = await server.api('/api/v1/cooperatives?q=4706660001');
  assert.equal(found.body.items[0].founded_on, '2021-03-15');
});

test('the public page marks an expired OCOP certificate "Hết hạn" with its date, on a phone', async () => {
  const res = await server.api('/api/v1/cooperatives/2/products', {
    user: 'lienminh', method: 'POST', json: { name: 'Miến dong đã hết hạn', group: 'food', stars: 3, decision_no: '7/QĐ-UBND', decided_on: '2020-05-04' },
  });
  assert.equal(res.status, 201, res.text);
  const visitor = await browser.page(server.base, PHONE);
  await go(visitor, '/cooperatives/2');
  const card = visitor.locator('.card', { hasText: 'Miến dong đã hết hạn' });
  await card.getByTestId('ocop-expired').getByText('Hết hạn').waitFor();
  await card.getByText('Hết hạn ngày 04/05/2023').waitFor();
  assert.deepEqual(await axe(visitor), []);
  await screenshot(visitor, 'register-clerk-3-ocop-expired-phone');
});

test('the register\'s edit form shows every error next to its field at once', async () => {
  await go(page, '/register/2/edit');
  await settle(page);
  await page.getByLabel('Mã số đăng ký').fill('12AB');
  await page.getByLabel('Vốn điều lệ (đồng)').fill('1,5');
  await page.getByLabel('Điện thoại').fill('09x12');
  await page.getByLabel('Thư điện tử').fill('not-mail');
  await page.getByRole('button', { name: 'Lưu' }).click();
  for (const id of ['registration_code', 'charter_capital_vnd', 'rep_phone', 'rep_email'])
    await waitFor(() => page.locator(`#${id}-error`).count(), (n) => n === 1, { message: `an error next to ${id}` });
  await page.getByText('Vui lòng sửa các lỗi được đánh dấu.').waitFor();
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'register-clerk-4-all-errors-desktop');
  const stored = await server.api('/api/v1/cooperatives/2');
  assert.notEqual(stored.body.registration_code, '12AB');
});
