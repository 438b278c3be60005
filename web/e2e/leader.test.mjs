// The Liên minh and the UBND at work: which agencies are late (a sortable table whose numbers
// are the lists behind them), a bulk assignment that asks first and warns about an unusual
// agency, a merge that picks the kept petition from a searchable list, and print views that read
// like official documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
const num = (s) => Number(String(s).replace(/\D/g, ''));
const THIS_YEAR = new Date().getFullYear();

test('the dashboard says which agencies are late: sortable, each number the list behind it', async () => {
  const api = (await server.api(`/api/v1/dashboard/agencies?year=${THIS_YEAR}`, { user: 'ubnd' })).body.items;
  assert.ok(api.length > 1, 'the demo has several agencies');
  for (const size of [DESKTOP, PHONE]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'ubnd');
    const table = page.getByTestId('agency-table');
    await table.locator('tbody tr').first().waitFor();
    await expectEventually(() => table.locator('tbody tr').count(), api.length);
    await noSeriousA11y(page, `dashboard agencies ${size.width}`);
    await screenshot(page, `leader-1-agencies-${size === PHONE ? 'phone' : 'desktop'}`);
    await page.close();
  }
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'ubnd');
  const table = page.getByTestId('agency-table');
  await table.locator('tbody tr').first().waitFor();
  // Sorting by "Được giao": descending first, then ascending; the header says which.
  const header = table.getByRole('columnheader', { name: /Được giao/ });
  await header.getByRole('button').click();
  await expectEventually(() => header.getAttribute('aria-sort'), 'descending');
  const desc = (await table.locator('[data-figure="assigned"]').allInnerTexts()).map(num);
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  await header.getByRole('button').click();
  await expectEventually(() => header.getAttribute('aria-sort'), 'ascending');
  await expectEventually(async () => (await table.locator('[data-figure="assigned"]').allInnerTexts()).map(num), [...desc].reverse());
  // By name: the rows in Vietnamese order.
  await table.getByRole('columnheader', { name: /Cơ quan/ }).getByRole('button').click();
  const names = await table.locator('tbody th').allInnerTexts();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'vi')));

  // Each number opens the list it counts: the overdue of the most overdue agency.
  const worst = [...api].sort((a, b) => b.overdue - a.overdue)[0];
  const row = table.locator('tbody tr', { has: page.getByRole('rowheader', { name: worst.agency.name, exact: true }) });
  await row.locator('[data-figure="overdue"]').click();
  await page.waitForURL((u) => u.pathname === '/petitions' && u.searchParams.get('lead_agency') === String(worst.agency.id) && u.searchParams.get('overdue') === '1');
  await page.getByTestId('agency-filter').getByText(worst.agency.name, { exact: false }).waitFor();
  await expectEventually(async () => num(await page.locator('p.count').innerText()), worst.overdue, 'the list has as many as the table said');
  await noSeriousA11y(page, 'the list behind a number');
  await page.goBack();
  // The assigned petitions of another agency.
  const busy = api.find((a) => a.assigned > 0);
  await table.locator('tbody tr', { has: page.getByRole('rowheader', { name: busy.agency.name, exact: true }) }).locator('[data-figure="assigned"]').click();
  await page.waitForURL((u) => u.searchParams.get('lead_agency') === String(busy.agency.id) && u.searchParams.get('year') === String(THIS_YEAR));
  await expectEventually(async () => num(await page.locator('p.count').innerText()), busy.assigned);
  await page.close();
});

test('a bulk assignment names how many, to whom and by when, and warns about an unusual agency', async () => {
  const forwarded = (await server.api('/api/v1/petitions?status=forwarded&per_page=200', { user: 'ubnd' })).body.items;
  const cats = (await server.api('/api/v1/categories', { user: 'ubnd' })).body.items;
  const agencies = (await server.api('/api/v1/agencies')).body.items;
  const withDefault = forwarded.filter((p) => cats.find((c) => c.code === p.categories[0])?.default_agency);
  assert.ok(withDefault.length >= 2, 'the demo has forwarded petitions with a usual agency');
  const [a, b] = withDefault;
  const usual = cats.find((c) => c.code === a.categories[0]).default_agency;
  const other = agencies.find((x) => x.kind !== 'ubnd' && x.kind !== 'office' && x.id !== usual.id && x.id !== cats.find((c) => c.code === b.categories[0]).default_agency.id);
  for (const size of [PHONE, DESKTOP]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'ubnd');
    await go(page, '/assign');
    await page.locator(`li[data-code="${a.code}"]`).waitFor();
    // Grouped by category; filtered by a batch; the content read in place.
    await page.getByLabel('Nhóm theo').selectOption('category');
    await page.locator('h2.group-title').first().waitFor();
    await page.locator(`li[data-code="${a.code}"]`).getByText('Xem nội dung').click();
    await page.locator(`li[data-code="${a.code}"]`).getByText(a.content.slice(0, 30)).waitFor();
    if (a.batch) {
      await page.getByLabel('Đợt chuyển').selectOption(String(a.batch.id));
      await expectEventually(async () => (await page.locator('li[data-code]').evaluateAll((els) => els.map((e) => e.dataset.code))).every((c) => forwarded.find((p) => p.code === c)?.batch?.id === a.batch.id), true);
      await page.getByLabel('Đợt chuyển').selectOption('');
    }
    await page.getByLabel('Nhóm theo').selectOption('none');
    await noSeriousA11y(page, `assign ${size.width}`);
    if (size === PHONE) {
      await screenshot(page, 'leader-2-assign-phone');
      await page.close();
      continue;
    }
    await page.getByRole('checkbox', { name: `Chọn ${a.code}` }).check();
    await page.getByRole('checkbox', { name: `Chọn ${b.code}` }).check();
    await page.getByLabel('Cơ quan chủ trì').selectOption(String(other.id));
    const warning = page.getByTestId('unusual-agency');
    await warning.getByText(a.code, { exact: false }).waitFor();
    await warning.getByText(usual.name, { exact: false }).first().waitFor();
    const due = new Date(Date.now() + 40 * 86400000).toISOString().slice(0, 10);
    await page.getByLabel('Hạn trả lời').fill(due);
    await page.getByRole('button', { name: 'Giao 2 kiến nghị' }).click();
    const question = page.locator('.confirm-q');
    const dd = `${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`;
    await expectMatchEventually(() => question.innerText(), new RegExp(`Giao 2 kiến nghị cho ${other.name}, hạn trả lời ${dd}`));
    await expectMatchEventually(() => question.innerText(), /không giao cho cơ quan thường giải quyết/);
    await noSeriousA11y(page, 'assign, asking first');
    await screenshot(page, 'leader-3-assign-confirm-desktop');
    // Nothing is assigned before the answer.
    assert.equal((await server.api(`/api/v1/petitions/${a.id}`, { user: 'ubnd' })).body.state, 'forwarded');
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã giao 2 kiến nghị.').waitFor();
    const after = (await server.api(`/api/v1/petitions/${a.id}`, { user: 'ubnd' })).body;
    assert.equal(after.state, 'assigned');
    assert.equal(after.lead_agency.id, other.id);
    assert.equal(after.due_on, due);
    await page.close();
  }
});

test('merging picks the petition kept from a searchable list and says who becomes a co-petitioner', async () => {
  const submitted = (await server.api('/api/v1/petitions?status=submitted&per_page=50', { user: 'lienminh' })).body.items;
  const [gone, kept] = submitted.filter((p) => p.cooperatives.length === 1 && p.allowed_actions !== undefined);
  assert.ok(gone && kept);
  for (const size of [PHONE, DESKTOP]) {
    const page = await browser.page(server.base, size);
    await signIn(page, 'lienminh');
    await go(page, `/petitions/${gone.id}`);
    await page.locator('.action-buttons').getByRole('button', { name: 'Gộp vào kiến nghị khác' }).click();
    const form = page.locator('form.action-form');
    await form.getByLabel('Tìm kiến nghị giữ lại').fill(kept.code);
    const list = form.getByTestId('merge-list');
    await expectEventually(() => list.locator('li').count(), 1);
    await list.getByText(kept.title).waitFor();
    await noSeriousA11y(page, `merge ${size.width}`);
    await screenshot(page, `leader-4-merge-${size === PHONE ? 'phone' : 'desktop'}`);
    if (size === PHONE) {
      await page.close();
      continue;
    }
    await list.getByRole('radio').check();
    await form.getByRole('button', { name: 'Gộp vào kiến nghị khác' }).click();
    const q = page.locator('.confirm-q');
    await expectMatchEventually(() => q.innerText(), new RegExp(`Gộp ${gone.code} vào ${kept.code}: kiến nghị ${kept.code} .* được giữ lại; ${gone.cooperatives[0].name} trở thành đồng kiến nghị`));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã thực hiện: Gộp vào kiến nghị khác.').waitFor();
    await page.locator('.card-head .badge', { hasText: 'Đã gộp' }).waitFor();
    const into = (await server.api(`/api/v1/petitions/${kept.id}`, { user: 'lienminh' })).body;
    assert.ok(into.cooperatives.some((c) => c.id === gone.cooperatives[0].id), 'the co-petitioner');
    await page.close();
  }
});

async function printed(page, where) {
  await page.emulateMedia({ media: 'print' });
  const header = page.getByTestId('official-header');
  await waitFor(() => header.isVisible(), Boolean, { message: `${where}: the official header shows` });
  await expectMatchEventually(() => header.innerText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM[\s\S]*Độc lập - Tự do - Hạnh phúc/);
  await expectMatchEventually(() => header.innerText(), /LIÊN MINH HỢP TÁC XÃ TỈNH/);
  await expectEventually(() => page.locator('.site-header').isVisible(), false, `${where}: no navigation`);
  await expectEventually(() => page.locator('.site-footer').isVisible(), false);
  await expectEventually(async () => (await page.locator('main button:visible').count()), 0, `${where}: no buttons`);
  // The issuing body left, the motto right.
  const left = await page.locator('.doc-issuer').boundingBox();
  const right = await page.locator('.doc-motto').boundingBox();
  assert.ok(left.x < right.x, `${where}: issuing body left of the motto`);
}

test('print views: a petition with its history and answer, a batch sent to the UBND, the conference minutes', async () => {
  const answered = (await server.api('/api/v1/petitions?status=answered&per_page=1', { user: 'lienminh' })).body.items[0];
  const batch = (await server.api('/api/v1/batches?per_page=1', { user: 'lienminh' })).body.items[0];
  const conf = (await server.api('/api/v1/conferences?per_page=1', { user: 'lienminh' })).body.items[0];
  const page = await browser.page(server.base, DESKTOP);
  await signIn(page, 'lienminh');
  await go(page, `/petitions/${answered.id}`);
  await page.getByTestId('answer-list').waitFor();
  await page.getByTestId('timeline').locator('li').first().waitFor();
  await expectEventually(() => page.getByTestId('official-header').isVisible(), false, 'not on screen');
  await printed(page, 'petition');
  await expectEventually(() => page.getByTestId('answer-list').isVisible(), true, 'the answer printed');
  await screenshot(page, 'leader-5-print-petition');
  await page.emulateMedia({ media: 'screen' });

  await go(page, '/batches');
  await page.getByRole('link', { name: `Bản in báo cáo ${batch.number}` }).click();
  await page.waitForURL(`**/batches/${batch.id}/print`);
  await expectEventually(() => page.getByTestId('batch-petitions').locator('tbody tr').count(), batch.petitions.length);
  await noSeriousA11y(page, 'batch print view');
  await printed(page, 'batch');
  await expectMatchEventually(() => page.getByTestId('official-header').innerText(), new RegExp(`Số: ${batch.number.replace('/', '\\/')}`));
  await screenshot(page, 'leader-6-print-batch');
  await page.emulateMedia({ media: 'screen' });
  const phone = await browser.page(server.base, PHONE);
  await signIn(phone, 'lienminh');
  await go(phone, `/batches/${batch.id}/print`);
  await phone.getByTestId('batch-petitions').locator('tbody tr').first().waitFor();
  await noSeriousA11y(phone, 'batch print view, phone');
  await phone.close();

  await go(page, `/conferences/${conf.id}`);
  await page.getByRole('heading', { level: 1, name: conf.title }).waitFor();
  await settle(page);
  await printed(page, 'conference');
  await expectMatchEventually(() => page.getByTestId('official-header').innerText(), /BIÊN BẢN/);
  await screenshot(page, 'leader-7-print-minutes');
  await page.close();
});
