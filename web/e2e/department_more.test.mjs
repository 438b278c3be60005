// The rest of the officials' workflow in the browser (issue 12): a department sends a petition
// back as not within its remit and the UBND assigns it again (and undoes that while the agency
// has not opened it); a department asks a coordinating agency's opinion, which answers from its
// queue's "Xin ý kiến" tab with a file, and the asker sees it; a petition recorded at a
// conference without an answer goes received → forwarded (a batch, undone once and sent again)
// → assigned; after the reform the lists filter by the old districts or the new communes, and
// the admin adds a commune's committee. axe on every page, phone and desktop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, signIn, screenshot, axe, expectEventually, PHONE, DESKTOP } from './browser.mjs';

let server, browser;
const agency = {};
before(async () => {
  server = await startServer();
  browser = await launch();
  for (const a of (await server.api('/api/v1/agencies')).body.items) agency[a.code] = a.id;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);

async function step(user, id, action, fields = {}) {
  const res = await server.api(`/api/v1/petitions/${id}/transitions`, { user, method: 'POST', json: { action, ...fields } });
  assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  return res.body;
}
async function forwarded(title) {
  const res = await server.api('/api/v1/petitions', { user: 'htx-taihoan', method: 'POST', json: {
    cooperative_id: 2, title, content: 'Hợp tác xã đề nghị được hỗ trợ thuê đất mở rộng xưởng sản xuất miến dong.', categories: ['land'] } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await step('htx-taihoan', res.body.id, 'submit');
  await step('lienminh', res.body.id, 'receive');
  const b = await server.api('/api/v1/batches', { user: 'lienminh', method: 'POST', json: { title: 'Báo cáo kiến nghị', petition_ids: [res.body.id] } });
  assert.equal(b.status, 201, JSON.stringify(b.body));
  return res.body;
}
async function assigned(title, lead = 'so-congthuong') {
  const p = await forwarded(title);
  return step('ubnd', p.id, 'assign', { lead_agency_id: agency[lead] });
}

test('a department sends a petition back as not within its remit; the UBND assigns it again and can undo that', async () => {
  const p = await assigned('Đề nghị cho thuê đất mở rộng xưởng miến dong (trả lại)');
  const dept = await browser.page(server.base, PHONE);
  await signIn(dept, 'so-congthuong');
  await go(dept, `/petitions/${p.id}`);
  await dept.getByRole('button', { name: 'Trả lại (không thuộc thẩm quyền)' }).click();
  const form = dept.getByRole('form', { name: 'Trả lại (không thuộc thẩm quyền)' });
  await form.getByLabel('Lý do').fill('Đất đai thuộc thẩm quyền của Sở Nông nghiệp và Môi trường.');
  await screenshot(dept, 'more-1-send-back-phone');
  assert.deepEqual(await axe(dept), []);
  await form.getByRole('button', { name: 'Trả lại (không thuộc thẩm quyền)' }).click();
  // No longer the department's: it is taken back to its queue.
  await dept.waitForURL((u) => u.pathname === '/queue');
  await dept.getByRole('heading', { level: 1, name: /Sở Công Thương/ }).waitFor();
  await expectEventually(() => dept.locator(`li[data-code="${p.code}"]`).count(), 0, 'not in the queue any more');
  await dept.close();

  for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'ubnd');
    await go(page, `/petitions/${p.id}`);
    await page.locator('.card-head .badge', { hasText: 'Đã chuyển UBND' }).waitFor();
    await page.getByTestId('timeline').getByText(/Trả lại \(không thuộc thẩm quyền của Sở Công Thương\): Đất đai thuộc thẩm quyền/).waitFor();
    await page.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    const assign = page.getByRole('form', { name: 'Giao xử lý' });
    await assign.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Nông nghiệp và Môi trường' });
    // Retired district committees are not offered; today's commune committees are.
    const offered = await assign.getByLabel('Cơ quan chủ trì').locator('option').allTextContents();
    assert.ok(!offered.some((o) => /huyện|thành phố Bắc Kạn/.test(o)), offered.join(' | '));
    assert.ok(offered.includes('Ủy ban nhân dân xã Nam Cường'), offered.join(' | '));
    await assign.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await page.locator('.confirm-q', { hasText: `Giao kiến nghị ${p.code} cho Sở Nông nghiệp và Môi trường` }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.locator('.card-head .badge', { hasText: 'Đang giải quyết' }).waitFor();
    const undo = page.getByTestId('undo-assign');
    await undo.getByText('Đã giao cho Sở Nông nghiệp và Môi trường.').waitFor();
    await screenshot(page, `more-2-assigned-undo-${name}`);
    assert.deepEqual(await axe(page), []);
    if (name === 'desktop') {
      // Undone before the agency opened it: forwarded again, with the step in the timeline.
      await undo.getByRole('button', { name: 'Hoàn tác' }).click();
      await page.locator('.card-head .badge', { hasText: 'Đã chuyển UBND' }).waitFor();
      await page.getByTestId('timeline').getByText('Hoàn tác việc giao', { exact: true }).waitFor();
      await expectEventually(() => page.getByTestId('undo-assign').count(), 0, 'nothing left to undo');
      assert.deepEqual(await axe(page), []);
    }
    await page.close();
  }
  // Once the agency opened it the button is gone, and the server says why if asked.
  const nnmt = await server.api(`/api/v1/petitions/${p.id}`, { user: 'lienminh' });
  assert.equal(nnmt.body.lead_agency.name, 'Sở Nông nghiệp và Môi trường');
  const late = await server.api(`/api/v1/petitions/${p.id}/undo`, { user: 'so-congthuong', method: 'POST' });
  assert.equal(late.status, 403);
});

test('a department asks a coordinating agency\'s opinion; it answers from its queue with a file; the asker sees it', async () => {
  const p = await assigned('Đề nghị hỗ trợ vốn mua máy đóng gói miến dong (ý kiến)');
  const lead = await browser.page(server.base, DESKTOP);
  await signIn(lead, 'so-congthuong');
  await go(lead, `/petitions/${p.id}`);
  await lead.getByRole('button', { name: 'Xin ý kiến cơ quan phối hợp' }).click();
  const ask = lead.getByRole('form', { name: 'Xin ý kiến cơ quan phối hợp' });
  await ask.getByLabel('Cơ quan được xin ý kiến').selectOption({ label: 'Sở Tài chính' });
  await ask.getByLabel('Nội dung xin ý kiến').fill('Đề nghị Sở Tài chính cho ý kiến về nguồn vốn hỗ trợ mua máy đóng gói.');
  await ask.getByRole('button', { name: 'Xin ý kiến cơ quan phối hợp' }).click();
  await lead.getByTestId('opinions').getByText('Đang chờ ý kiến').waitFor();

  for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'so-taichinh');
    await go(page, '/queue?tab=opinions');
    const card = page.locator(`li[data-code="${p.code}"]`);
    const asked = card.getByTestId('opinion-asked');
    await asked.getByText('Sở Công Thương xin ý kiến').waitFor();
    await asked.getByText('Đề nghị Sở Tài chính cho ý kiến về nguồn vốn hỗ trợ mua máy đóng gói.').waitFor();
    await screenshot(page, `more-3-opinion-queue-${name}`);
    assert.deepEqual(await axe(page), []);
    if (name === 'desktop') {
      await page.close();
      continue;  // the phone answers
    }
    await card.getByRole('link', { name: p.title }).click();
    await page.getByRole('button', { name: 'Cho ý kiến', exact: true }).click();
    const give = page.getByRole('form', { name: 'Cho ý kiến' });
    await give.getByRole('textbox', { name: /^Ý kiến/ }).fill('Sở Tài chính thống nhất hỗ trợ từ nguồn khuyến công năm nay, tối đa 30% giá máy.');
    await give.getByLabel('Tệp đính kèm ý kiến (nếu có)').setInputFiles({ name: 'y-kien-stc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% ý kiến Sở Tài chính\n') });
    await screenshot(page, `more-4-opinion-form-${name}`);
    assert.deepEqual(await axe(page), []);
    await give.getByRole('button', { name: 'Cho ý kiến', exact: true }).click();
    await page.getByTestId('opinions').getByText(/tối đa 30% giá máy/).waitFor();
    await page.getByTestId('opinions').getByRole('link', { name: 'y-kien-stc.pdf' }).waitFor();
    await page.close();
  }
  // The asker sees the answer and its file.
  await go(lead, `/petitions/${p.id}`);
  const opinions = lead.getByTestId('opinions');
  await opinions.getByText(/Sở Tài chính thống nhất hỗ trợ từ nguồn khuyến công/).waitFor();
  await opinions.getByRole('link', { name: 'y-kien-stc.pdf' }).waitFor();
  await expectEventually(() => opinions.getByText('Đang chờ ý kiến').count(), 0, 'nothing is waiting');
  await screenshot(lead, 'more-5-opinion-answered-desktop');
  assert.deepEqual(await axe(lead), []);
  await lead.close();
});

test('a conference petition without an answer goes received → forwarded (undone once) → assigned', async () => {
  const conf = await server.api('/api/v1/conferences', { user: 'lienminh', method: 'POST', json: {
    title: 'Hội nghị gặp mặt hợp tác xã khu vực Na Rì', held_on: todayIso(), venue: 'Hội trường xã Na Rì', chair_name: 'Nguyễn Văn Bình', chair_title: 'Phó Chủ tịch UBND tỉnh', status: 'held', cooperative_ids: [2] } });
  assert.equal(conf.status, 201, JSON.stringify(conf.body));
  const title = 'Đề nghị hỗ trợ gian hàng tại hội chợ nông sản (chưa trả lời)';
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await go(page, `/conferences/${conf.body.id}`);
  const form = page.locator('form.record-form');
  await form.getByLabel('Tìm hợp tác xã').fill('tai hoan');
  const coop = form.getByRole('combobox', { name: 'Hợp tác xã', exact: true });
  await coop.locator('option', { hasText: 'Hợp tác xã Tài Hoan' }).waitFor({ state: 'attached' });
  await coop.selectOption({ label: 'Hợp tác xã Tài Hoan' });
  await form.getByLabel('Nhóm kiến nghị').selectOption({ index: 1 });
  await form.getByLabel('Tiêu đề').fill(title);
  await form.getByLabel('Nội dung kiến nghị').fill('Hợp tác xã đề nghị được hỗ trợ chi phí gian hàng tại hội chợ nông sản khu vực.');
  await form.getByText('Chưa có câu trả lời: chuyển UBND giao xử lý theo quy trình').click();
  await expectEventually(() => form.getByLabel('Trả lời tại chỗ').count(), 0, 'no answer to write');
  await form.getByRole('button', { name: 'Ghi nhận' }).click();
  await page.getByText(/Đã ghi nhận kiến nghị KN-/).waitFor();
  const recorded = page.locator('ul[data-testid="petitions"] li', { hasText: title });
  await recorded.locator('.badge', { hasText: 'Đã tiếp nhận' }).waitFor();
  const code = await recorded.getAttribute('data-code');

  // Into a batch to the UBND; undone while the UBND has not opened it; sent again.
  for (const round of [1, 2]) {
    await go(page, '/batches');
    await page.getByRole('checkbox', { name: `Chọn ${code}` }).check();
    await page.getByRole('button', { name: /^Chuyển 1 kiến nghị lên UBND tỉnh/ }).click();
    await page.locator('.confirm-q', { hasText: code }).getByText(/còn hoàn tác được trong 10 phút/).waitFor();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    const undo = page.getByTestId('undo-batch').first();
    await undo.getByText(/Đã gửi báo cáo .*\/BC-LMHTX tới UBND tỉnh\./).waitFor();
    if (round === 1) {
      await screenshot(page, 'more-6-batch-undo-desktop');
      assert.deepEqual(await axe(page), []);
      await undo.getByRole('button', { name: 'Hoàn tác' }).click();
      await page.getByRole('checkbox', { name: `Chọn ${code}` }).waitFor();
      const again = await server.api(`/api/v1/petitions?q=${code}`, { user: 'lienminh' });
      assert.equal(again.body.items[0].state, 'received');
    }
  }
  await page.close();

  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'lienminh');
  await go(phone, '/batches');
  await phone.getByTestId('undo-batch').first().waitFor();
  await screenshot(phone, 'more-7-batch-undo-phone');
  assert.deepEqual(await axe(phone), []);
  await phone.close();

  const leader = await browser.page(server.base, PHONE);
  await signIn(leader, 'ubnd');
  const found = await server.api(`/api/v1/petitions?q=${code}`, { user: 'lienminh' });
  const id = found.body.items[0].id;
  await go(leader, `/petitions/${id}`);
  await leader.locator('.card-head .badge', { hasText: 'Đã chuyển UBND' }).waitFor();
  await leader.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
  const assign = leader.getByRole('form', { name: 'Giao xử lý' });
  await assign.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Công Thương' });
  await assign.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
  await leader.getByRole('button', { name: 'Xác nhận' }).click();
  await leader.locator('.card-head .badge', { hasText: 'Đang giải quyết' }).waitFor();
  const timeline = leader.getByTestId('timeline');
  for (const s of ['Ghi nhận tại hội nghị', 'Hoàn tác gửi báo cáo', 'Giao xử lý']) await timeline.getByText(s, { exact: false }).first().waitFor();
  await leader.close();
  // The UBND opened the batch: its sending can no longer be undone.
  const batches = await server.api('/api/v1/batches?per_page=5', { user: 'lienminh' });
  assert.equal(batches.body.items[0].undo_until, null);
});

test('after the reform the register and the petitions filter by the old districts or the new communes', async () => {
  for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'lienminh');
    await go(page, '/register');
    await page.getByLabel('Xã, phường (từ 01/07/2025)').selectOption({ label: 'Xã Nam Cường' });
    await page.waitForURL((u) => u.searchParams.get('commune') === '02026' && !u.searchParams.has('district'));
    const namCuong = await server.api('/api/v1/cooperatives?commune=02026&per_page=1', { user: 'lienminh' });
    await page.getByRole('status').getByText(`${namCuong.body.total} kết quả`).waitFor();
    await page.getByTestId('register').getByRole('link', { name: 'Hợp tác xã Kiến trúc xanh' }).waitFor();
    await page.getByLabel('Huyện (trước 01/07/2025)').selectOption({ label: 'Huyện Na Rì' });
    await page.waitForURL((u) => u.searchParams.get('district') === '066' && !u.searchParams.has('commune'));
    const naRi = await server.api('/api/v1/cooperatives?district=066&per_page=1', { user: 'lienminh' });
    await page.getByRole('status').getByText(`${naRi.body.total} kết quả`).waitFor();
    await screenshot(page, `more-8-register-places-${name}`);
    assert.deepEqual(await axe(page), []);

    await go(page, '/petitions');
    await page.getByLabel('Xã, phường (từ 01/07/2025)').selectOption({ label: 'Xã Nam Cường' });
    await page.waitForURL((u) => u.searchParams.get('commune') === '02026');
    const api = await server.api('/api/v1/petitions?commune=02026&per_page=1', { user: 'lienminh' });
    await page.getByRole('status').getByText(new RegExp(`^${api.body.total} `)).waitFor();
    await screenshot(page, `more-9-petitions-places-${name}`);
    assert.deepEqual(await axe(page), []);
    await page.close();
  }
});

test('the public directory filters by an old district or a new commune, as the register does', async () => {
  for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    const page = await browser.page(server.base, size);
    await go(page, '/cooperatives');
    await page.getByLabel('Xã, phường (từ 01/07/2025)').selectOption({ label: 'Xã Nam Cường' });
    await page.waitForURL((u) => u.searchParams.get('commune') === '02026' && !u.searchParams.has('district'));
    const namCuong = await server.api('/api/v1/cooperatives?commune=02026&per_page=1');
    assert.ok(namCuong.body.total > 0);
    await page.getByRole('status').getByText(`${namCuong.body.total} kết quả`).waitFor();
    await page.getByTestId('results').getByRole('link', { name: 'Hợp tác xã Kiến trúc xanh' }).waitFor();
    await page.getByLabel('Huyện (trước 01/07/2025)').selectOption({ label: 'Huyện Na Rì' });
    await page.waitForURL((u) => u.searchParams.get('district') === '066' && !u.searchParams.has('commune'));
    const naRi = await server.api('/api/v1/cooperatives?district=066&per_page=1');
    await page.getByRole('status').getByText(`${naRi.body.total} kết quả`).waitFor();
    await screenshot(page, `more-10-directory-places-${name}`);
    assert.deepEqual(await axe(page), []);
    await page.close();
  }
});

test('the admin adds a commune\'s committee after the reform; the district committees show as retired', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'admin');
  await go(page, '/admin/agencies');
  const retired = page.getByTestId('agency').filter({ hasText: 'Ủy ban nhân dân huyện Na Rì' });
  await retired.getByText('Thôi hoạt động từ 01/07/2025').waitFor();
  await page.getByText('Thêm cơ quan').first().click();
  await page.getByLabel('Loại').selectOption({ label: 'UBND cấp xã' });
  await page.getByLabel('Xã, phường (từ 01/07/2025)').selectOption({ label: 'Xã Trần Phú' });
  await page.locator('#ag-code').fill('ubnd-02176');
  await page.getByLabel('Tên đầy đủ').fill('Ủy ban nhân dân xã Trần Phú');
  await page.getByLabel('Tên viết tắt').fill('UBND xã Trần Phú');
  await screenshot(page, 'more-10-agency-commune-desktop');
  assert.deepEqual(await axe(page), []);
  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  await page.getByTestId('agency').filter({ hasText: 'Ủy ban nhân dân xã Trần Phú' }).getByText('Xã Trần Phú (02176)').waitFor();
  await page.setViewportSize(PHONE);
  await screenshot(page, 'more-11-agencies-phone');
  assert.deepEqual(await axe(page), []);
  await page.close();
});
