// The department's side in the browser: more time asked and granted by the UBND leader; an
// answer with its reply letter, marked late when past due; a cooperative's petition returned
// for more information ("Cần bổ sung") and sent back. axe on every page, phone and desktop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, signIn, signOut, screenshot, axe, expectEventually, PHONE, DESKTOP } from './browser.mjs';

let server, browser;
const agency = {};
const holidays = new Set();
before(async () => {
  server = await startServer();
  browser = await launch();
  for (const a of (await server.api('/api/v1/agencies')).body.items) agency[a.code] = a.id;
  const year = new Date().getUTCFullYear();
  for (const y of [year, year + 1]) {
    const res = await server.api(`/api/v1/holidays?year=${y}`, { user: 'lienminh' });
    for (const h of res.body.items ?? []) if (h.kind !== 'working') holidays.add(h.day);
  }
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
function addWorkingDays(fromIso, n) {
  const d = new Date(`${fromIso}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6 && !holidays.has(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
const vn = (iso) => iso.split('-').reverse().join('/');

async function step(user, id, action, fields = {}) {
  const res = await server.api(`/api/v1/petitions/${id}/transitions`, { user, method: 'POST', json: { action, ...fields } });
  assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  return res.body;
}
async function submitted(title) {
  const res = await server.api('/api/v1/petitions', { user: 'htx-taihoan', method: 'POST', json: {
    cooperative_id: 2, title, content: 'Hợp tác xã đề nghị được kết nối tiêu thụ 30 tấn miến dong vụ tới.', categories: ['market'] } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return step('htx-taihoan', res.body.id, 'submit');
}
async function assigned(title, due) {
  const p = await submitted(title);
  await step('lienminh', p.id, 'receive');
  const b = await server.api('/api/v1/batches', { user: 'lienminh', method: 'POST', json: { title: 'Báo cáo kiến nghị', petition_ids: [p.id] } });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  return step('ubnd', p.id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: due });
}

test('a department asks for more time and the UBND leader grants it', async () => {
  const due = addWorkingDays(todayIso(), 10);
  const proposed = addWorkingDays(due, 10);
  const p = await assigned('Đề nghị hỗ trợ tiêu thụ miến dong (gia hạn)', due);

  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'so-congthuong');
  await go(page, `/petitions/${p.id}`);
  await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
  const form = page.getByRole('form', { name: 'Đề nghị gia hạn' });
  await form.getByLabel('Hạn đề nghị').fill(proposed);
  await form.getByLabel('Lý do').fill('Cần khảo sát thực tế tại các xã trước khi trả lời');
  await screenshot(page, 'department-1-extension-request-desktop');
  assert.deepEqual(await axe(page), []);
  await form.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
  const request = page.getByTestId('extensions').locator('li[data-status="open"]');
  await request.getByText('Đang chờ UBND quyết định').waitFor();
  await request.getByText(`Đề nghị gia hạn từ ${vn(due)} đến ${vn(proposed)}`).waitFor();
  await expectEventually(() => page.getByRole('button', { name: 'Đề nghị gia hạn' }).count(), 0, 'one open request at a time');
  await signOut(page);
  await page.close();

  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'ubnd');
  await go(phone, `/petitions/${p.id}`);
  await phone.getByRole('button', { name: 'Đồng ý gia hạn', exact: true }).click();
  const grant = phone.getByRole('form', { name: 'Đồng ý gia hạn' });
  await expectEventually(() => grant.getByLabel('Hạn được gia hạn').inputValue(), proposed, 'the date asked for is offered');
  await screenshot(phone, 'department-2-extension-grant-phone');
  assert.deepEqual(await axe(phone), []);
  await grant.getByRole('button', { name: 'Đồng ý gia hạn', exact: true }).click();
  await phone.getByTestId('extensions').locator('li[data-status="granted"]').getByText(`Đồng ý đến ${vn(proposed)}`).waitFor();
  await phone.locator('.facts div', { hasText: 'Hạn trả lời' }).getByText(vn(proposed)).waitFor();
  await phone.getByTestId('timeline').getByText('Đồng ý gia hạn').waitFor();
  await screenshot(phone, 'department-3-extension-granted-phone');
  assert.deepEqual(await axe(phone), []);
  await phone.close();
});

test('a department answers with its reply letter; past the due date the answer shows late', async () => {
  const overdue = await server.api('/api/v1/petitions?overdue=1&per_page=20', { user: 'so-congthuong' });
  const late = overdue.body.items.find((x) => x.lead_agency?.id === agency['so-congthuong']);
  assert.ok(late, 'the demo has an overdue petition of the Sở Công Thương');

  for (const [size, name] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
    const p = name === 'phone' ? late : await assigned('Đề nghị hỗ trợ tiêu thụ miến dong (trả lời)', addWorkingDays(todayIso(), 5));
    const page = await browser.page(server.base, size);
    await signIn(page, 'so-congthuong');
    await go(page, `/petitions/${p.id}`);
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    const form = page.getByRole('form', { name: 'Trả lời' });
    await form.getByLabel('Nội dung trả lời').fill('Sở đã làm việc với các siêu thị để đưa sản phẩm vào bán.');
    await form.getByLabel('Số, ký hiệu văn bản').fill('125/SCT-QLTM');
    await form.getByLabel('Ngày văn bản').fill(todayIso());
    await form.getByLabel(/^Người ký/).fill('Nguyễn Văn An');
    await form.getByLabel('Chức vụ người ký').fill('Phó Giám đốc');
    await form.getByLabel('Tệp văn bản đã ký (PDF)').setInputFiles({ name: 'cong-van-125.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% công văn trả lời\n') });
    await screenshot(page, `department-4-answer-letter-${name}`);
    assert.deepEqual(await axe(page), []);
    await form.getByRole('button', { name: 'Trả lời', exact: true }).click();
    // An answer cannot be taken back: the page asks first, naming the petition.
    await page.locator('.confirm-q', { hasText: `Gửi câu trả lời cho kiến nghị ${p.code}` }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('.card-head .badge', { hasText: 'Đã trả lời' }).waitFor();
    await page.getByTestId('reply-letter').getByText(`Văn bản số 125/SCT-QLTM ngày ${vn(todayIso())}, Phó Giám đốc Nguyễn Văn An ký`).waitFor();
    await page.locator('ul.files').getByText('cong-van-125.pdf').waitFor();
    const lateBadge = page.locator('.card-head .badge', { hasText: 'Trễ hạn' });
    if (name === 'phone') await lateBadge.waitFor();
    else await expectEventually(() => lateBadge.count(), 0, 'an answer on time is not late');
    await screenshot(page, `department-5-answered-${name}`);
    assert.deepEqual(await axe(page), []);
    if (name === 'phone') {
      await go(page, '/petitions?late=1');
      await page.locator(`li[data-code="${p.code}"] .badge`, { hasText: 'Trễ hạn' }).waitFor();
      assert.deepEqual(await axe(page), []);
    }
    await page.close();
  }
  // The public answer page shows the letter (not the file).
  await step('lienminh', late.id, 'publish');
  const page = await browser.page(server.base, PHONE);
  await go(page, `/answers/${late.code}`);
  await page.getByTestId('reply-letter').getByText('Văn bản số 125/SCT-QLTM').waitFor();
  await screenshot(page, 'department-6-public-answer-phone');
  assert.deepEqual(await axe(page), []);
  await page.close();
});

test('the cooperative sees "Cần bổ sung" with the reason and sends it back', async () => {
  const p = await submitted('Đề nghị hỗ trợ vốn mua máy sấy miến');
  await step('lienminh', p.id, 'return', { reason: 'Đề nghị bổ sung số tiền cần vay và phương án trả nợ' });

  for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'htx-taihoan');
    await go(page, '/petitions');
    const list = page.getByTestId('needs-info-list');
    await list.getByRole('heading', { name: 'Cần bổ sung' }).waitFor();
    await list.locator(`li[data-code="${p.code}"] .badge`, { hasText: 'Cần bổ sung' }).waitFor();
    await screenshot(page, `department-7-needs-info-list-${name}`);
    assert.deepEqual(await axe(page), []);
    if (name === 'desktop') {
      await page.close();
      continue;  // the phone takes it further
    }
    await list.getByRole('link', { name: 'Đề nghị hỗ trợ vốn mua máy sấy miến' }).click();
    const banner = page.getByTestId('needs-info');
    await banner.getByText('Đề nghị bổ sung số tiền cần vay và phương án trả nợ').waitFor();
    await page.locator('.card-head .badge', { hasText: 'Cần bổ sung' }).waitFor();
    await screenshot(page, `department-8-needs-info-${name}`);
    assert.deepEqual(await axe(page), []);
    await page.locator('#draft-content').fill('Hợp tác xã đề nghị vay 500 triệu đồng mua máy sấy miến; trả nợ trong 3 năm từ doanh thu.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.petition > .two-col p.pre', { hasText: 'vay 500 triệu đồng' }).first().waitFor();
    await page.getByRole('button', { name: 'Gửi lại sau khi bổ sung' }).click();
    await page.locator('.card-head .badge', { hasText: 'Đã gửi' }).waitFor();
    await expectEventually(() => page.getByTestId('needs-info').count(), 0, 'the banner is gone');
    await page.getByTestId('timeline').getByText('Gửi lại sau khi bổ sung').waitFor();
    assert.deepEqual(await axe(page), []);
    await page.close();
  }
  const now = await server.api(`/api/v1/petitions/${p.id}`, { user: 'lienminh' });
  assert.equal(now.body.state, 'submitted');
});
