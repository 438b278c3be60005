// 2. A conference recorded live: the Alliance plans it, starts it, records a petition with the
// answer given on the spot, then turns a conclusion into a directive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, screenshot, axe, expectEventually, DESKTOP } from './browser.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const isoIn = (days) => new Date(Date.now() + 7 * 3600000 + days * 86400000).toISOString().slice(0, 10);

test('the Alliance records a petition and its on-the-spot answer, then a directive', async () => {
  const page = await browser.page(server.base, { width: 1366, height: 900 });
  await signIn(page, 'lienminh');
  await go(page, '/conferences');
  await page.getByText('Lên kế hoạch hội nghị').first().click();
  await page.getByLabel('Tên hội nghị').fill('Hội nghị đối thoại giữa lãnh đạo UBND tỉnh với các hợp tác xã năm 2026');
  await page.getByLabel('Ngày tổ chức').fill(isoIn(0));
  await page.getByLabel('Địa điểm', { exact: true }).fill('Hội trường UBND tỉnh');
  await page.getByLabel('Người chủ trì', { exact: true }).fill('Phó Chủ tịch UBND tỉnh');
  await page.getByRole('button', { name: 'Lên kế hoạch hội nghị' }).click();
  await page.waitForURL(/\/conferences\/\d+$/);
  await settle(page);
  const conferenceId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByText('Đã lên kế hoạch hội nghị.').waitFor();
  await page.getByRole('button', { name: 'Bắt đầu hội nghị' }).click();
  await page.locator('.card-head .badge', { hasText: 'Đang/đã diễn ra' }).waitFor();

  // During the meeting: the petition and the answer given on the spot.
  const form = page.locator('form.record-form');
  await form.getByLabel('Tìm hợp tác xã').fill('kien truc xanh');
  await form.getByRole('combobox', { name: 'Hợp tác xã', exact: true }).locator('option', { hasText: 'Hợp tác xã Kiến trúc xanh' }).waitFor({ state: 'attached' });
  await form.getByRole('combobox', { name: 'Hợp tác xã', exact: true }).selectOption({ label: 'Hợp tác xã Kiến trúc xanh' });
  await form.getByLabel('Nhóm kiến nghị').selectOption({ label: 'Vốn, tín dụng' });
  await form.getByLabel('Tiêu đề').fill('Đề nghị tiếp cận vốn vay ưu đãi, đơn giản thủ tục vay');
  await form.getByLabel('Nội dung kiến nghị').fill('Thủ tục vay vốn ưu đãi còn phức tạp; đề nghị hướng dẫn và rút gọn hồ sơ.');
  await form.getByLabel('Cơ quan trả lời').selectOption({ label: 'Ngân hàng Nhà nước chi nhánh khu vực' });
  await form.getByLabel('Trả lời tại chỗ').fill('Ngân hàng Nhà nước chỉ đạo các tổ chức tín dụng rút gọn hồ sơ vay cho hợp tác xã.');
  await screenshot(page, 'conference-1-record-desktop');
  assert.deepEqual(await axe(page), []);
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await page.getByText(/Đã ghi nhận kiến nghị KN-/).waitFor();
  const recorded = page.locator('ul[data-testid="petitions"] li', { hasText: 'Đề nghị tiếp cận vốn vay ưu đãi' });
  await recorded.waitFor();
  await recorded.locator('.badge', { hasText: 'Đã trả lời' }).waitFor();
  await expectEventually(() => form.getByLabel('Tiêu đề').inputValue(), '', 'the form is ready for the next petition');

  // A conclusion becomes a directive.
  await page.getByText('Giao nhiệm vụ').first().click();
  await page.getByLabel('Nội dung nhiệm vụ').fill('Sở Công Thương hỗ trợ các hợp tác xã tham gia hội chợ, triển lãm trong và ngoài tỉnh.');
  await page.getByLabel('Cơ quan thực hiện').selectOption({ label: 'Sở Công Thương' });
  await page.getByLabel('Thời hạn').fill(isoIn(60));
  await page.getByRole('button', { name: 'Giao nhiệm vụ' }).last().click();
  await page.getByText('Đã giao nhiệm vụ.').waitFor();
  await page.getByTestId('directives').getByText('tham gia hội chợ, triển lãm').waitFor();
  await screenshot(page, 'conference-2-directive-desktop');

  // The server recorded both.
  const petitions = await server.api(`/api/v1/petitions?conference=${conferenceId}`, { user: 'lienminh' });
  assert.equal(petitions.body.total, 1);
  const p = petitions.body.items[0];
  assert.equal(p.channel, 'conference');
  assert.equal(p.state, 'answered');
  assert.equal(p.answers[0].at_conference, true);
  assert.equal(p.lead_agency.code, 'nhnn');
  const directives = await server.api(`/api/v1/directives?conference=${conferenceId}`, { user: 'lienminh' });
  assert.equal(directives.body.total, 1);
  assert.equal(directives.body.items[0].assignee_agency.code, 'so-congthuong');

  // The department sees the directive and reports progress.
  const dept = await browser.page(server.base, DESKTOP);
  await signIn(dept, 'so-congthuong');
  await go(dept, '/directives');
  const card = dept.locator('li', { hasText: 'tham gia hội chợ, triển lãm' });
  await card.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  await card.getByLabel('Nội dung báo cáo').fill('Đã lập danh sách hợp tác xã tham gia hội chợ OCOP.');
  await card.getByLabel('Trạng thái mới').selectOption({ label: 'Đang thực hiện' });
  await card.getByRole('button', { name: 'Gửi' }).click();
  await dept.getByText('Đã gửi báo cáo tiến độ.').waitFor();
  assert.deepEqual(page.jsErrors, []);
  assert.deepEqual(dept.jsErrors, []);
});
