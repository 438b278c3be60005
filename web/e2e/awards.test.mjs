// 7. Awards: a 2023 Bằng khen campaign opened by the Alliance, which nominates (and is refused
// plainly: twice the same cooperative, a cooperative rated weak, over the quota, one achievement
// one award); the UBND leadership reviews and records the decision; the public list and the
// cooperative's public page show the award.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, go, settle, signIn, screenshot, axe, expectEventually, expectMatchEventually, PHONE, DESKTOP } from './browser.mjs';

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

const TAI_HOAN = 'Hợp tác xã Tài Hoan';
const BANG_PHUC = 'Hợp tác xã Bí xanh thơm Bằng Phúc';
const DUC_VAN = 'Hợp tác xã Cam quýt Đức Vân';
const WEAK = 'Hợp tác xã Bí xanh thơm Vi Hương'; // rated yếu in 2023

/** Finds a cooperative with the picker (no diacritics needed) and nominates it. */
async function nominate(page, search, name, achievement = 'Thành tích xuất sắc trong phong trào thi đua năm 2023') {
  const form = page.getByTestId('nominate-form');
  await form.getByLabel('Tìm hợp tác xã').fill(search);
  await form.locator('#nom-coop option', { hasText: name }).waitFor({ state: 'attached' });
  await form.getByLabel('Hợp tác xã được đề nghị').selectOption({ label: name });
  await form.getByLabel('Thành tích').fill(achievement);
  await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
}

test('a 2023 campaign: nominations, refusals, review, decision, and the public list', async () => {
  // The Alliance opens the campaign.
  const alliance = await browser.page(server.base, DESKTOP);
  await signIn(alliance, 'lienminh');
  await alliance.getByRole('list', { name: 'Công việc' }).getByRole('link', { name: 'Thi đua, khen thưởng' }).click();
  await alliance.waitForURL('**/award-campaigns');
  await settle(alliance);
  await alliance.locator('summary', { hasText: 'Mở đợt khen thưởng' }).click();
  await alliance.locator('#award-year').selectOption('2023');
  await alliance.getByLabel('Hình thức khen thưởng').selectOption('ubnd_bang_khen');
  await alliance.getByLabel('Chỉ tiêu (số tập thể được khen)').fill('2');
  await noSeriousA11y(alliance, 'new campaign');
  await alliance.locator('form').getByRole('button', { name: 'Mở đợt khen thưởng' }).click();
  await alliance.waitForURL(/\/award-campaigns\/\d+$/);
  await settle(alliance);
  const campaignPath = new URL(alliance.url()).pathname;
  await alliance.getByRole('heading', { level: 1, name: 'Bằng khen của Chủ tịch UBND tỉnh năm 2023' }).waitFor();

  // A second campaign of the same year and level is refused, in the server's words.
  await go(alliance, '/award-campaigns');
  await alliance.locator('summary', { hasText: 'Mở đợt khen thưởng' }).click();
  await alliance.locator('#award-year').selectOption('2023');
  await alliance.getByLabel('Chỉ tiêu (số tập thể được khen)').fill('3');
  await alliance.locator('form').getByRole('button', { name: 'Mở đợt khen thưởng' }).click();
  await alliance.getByRole('alert').filter({ hasText: 'Đã có đợt khen thưởng hình thức này trong năm' }).waitFor();
  await go(alliance, campaignPath);

  // Nominations: Tài Hoan, found without diacritics.
  await nominate(alliance, 'tai hoan', TAI_HOAN, 'Đầu tư dây chuyền sản xuất miến dong, tạo việc làm cho 30 lao động năm 2023');
  await alliance.getByText(`Đã đề nghị khen thưởng ${TAI_HOAN}.`).waitFor();
  const card = (page, name) => page.getByTestId('nomination').filter({ has: page.getByRole('link', { name }) });
  await card(alliance, TAI_HOAN).getByText('Chờ xét duyệt').waitFor();

  // Twice the same cooperative: 409, said above the form and next to the field.
  await nominate(alliance, 'tai hoan', TAI_HOAN);
  await alliance.getByRole('alert').filter({ hasText: 'Không thực hiện được: Hợp tác xã đã có trong danh sách đề nghị của đợt này' }).waitFor();
  await expectMatchEventually(() => alliance.locator('#nom-coop-error').innerText(), /đã có trong danh sách đề nghị/);
  await noSeriousA11y(alliance, 'duplicate nomination');
  await screenshot(alliance, 'awards-1-duplicate-refused-desktop');

  // A cooperative rated weak that year: 422 on the cooperative.
  await nominate(alliance, 'bi xanh thom vi huong', WEAK);
  await alliance.locator('#nom-coop-error').filter({ hasText: 'không xếp loại yếu' }).waitFor();
  await alliance.getByRole('alert').filter({ hasText: 'Vui lòng sửa các lỗi được đánh dấu.' }).waitFor();

  // A second one fills the quota of 2; a third is over the quota.
  await nominate(alliance, 'bi xanh thom bang phuc', BANG_PHUC);
  await alliance.getByText(`Đã đề nghị khen thưởng ${BANG_PHUC}.`).waitFor();
  await nominate(alliance, 'cam quyt duc van', DUC_VAN);
  await alliance.getByRole('alert').filter({ hasText: 'Đã đủ chỉ tiêu 2 của đợt khen thưởng' }).waitFor();
  await alliance.getByTestId('campaign-counts').filter({ hasText: 'Chỉ tiêu 2 · 2 đề nghị' }).waitFor();
  // The Alliance does not decide a Bằng khen: it is told who does (the campaign drawn for the
  // Alliance), and there are no review buttons, no decision form.
  await alliance.getByText('Lãnh đạo UBND tỉnh xét duyệt đề nghị và ra quyết định khen thưởng.').waitFor();
  assert.equal(await alliance.getByRole('button', { name: /^Chấp nhận/ }).count(), 0);
  assert.equal(await alliance.getByTestId('decision-form').count(), 0);
  await screenshot(alliance, 'awards-2-nominations-desktop');

  // One achievement, one award: Tài Hoan cannot also be nominated for a Giấy khen in 2023.
  const giay = await server.api('/api/v1/award-campaigns', { user: 'lienminh', method: 'POST', json: { year: 2023, level: 'alliance_giay_khen', quota: 5 } });
  assert.equal(giay.status, 201);
  await go(alliance, `/award-campaigns/${giay.body.id}`);
  await nominate(alliance, 'tai hoan', TAI_HOAN);
  await alliance.getByRole('alert').filter({ hasText: 'Một thành tích chỉ được khen một lần, một hình thức' }).waitFor();
  await noSeriousA11y(alliance, 'one achievement, one award');
  await screenshot(alliance, 'awards-3-one-award-refused-desktop');

  // The leadership, on a phone, reviews: accepts Tài Hoan, rejects the other with a reason.
  const leader = await browser.page(server.base, PHONE);
  await signIn(leader, 'ubnd');
  await go(leader, campaignPath);
  await card(leader, TAI_HOAN).getByRole('button', { name: `Chấp nhận đề nghị khen thưởng ${TAI_HOAN}`, exact: true }).click();
  await leader.getByText(`${TAI_HOAN}: Đã chấp nhận.`).waitFor();
  await card(leader, TAI_HOAN).getByText('Đã chấp nhận').waitFor();
  await card(leader, BANG_PHUC).getByRole('button', { name: `Không chấp nhận đề nghị khen thưởng ${BANG_PHUC}` }).click();
  const reject = card(leader, BANG_PHUC).locator('form');
  await reject.getByRole('button', { name: 'Không chấp nhận' }).click();
  await reject.locator('.field-error').filter({ hasText: 'Cần nêu lý do' }).waitFor();
  await reject.getByLabel('Lý do không chấp nhận').fill('Hồ sơ thành tích chưa có xác nhận của UBND huyện.');
  await reject.getByRole('button', { name: 'Không chấp nhận' }).click();
  await card(leader, BANG_PHUC).locator('.badge', { hasText: 'Không chấp nhận' }).waitFor();
  await card(leader, BANG_PHUC).getByText('Lý do: Hồ sơ thành tích chưa có xác nhận của UBND huyện.').waitFor();
  await noSeriousA11y(leader, 'review (phone)');
  await screenshot(leader, 'awards-4-review-phone');

  // The decision: a malformed number is refused next to its field, then it is recorded.
  const decision = leader.getByTestId('decision-form');
  await decision.getByLabel('Số quyết định').fill('QĐ 12');
  await decision.getByLabel('Người ký').fill('KT. Chủ tịch - Phó Chủ tịch UBND tỉnh');
  await decision.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
  await expectMatchEventually(() => leader.locator('#dec-no-error').innerText(), /123\/QĐ-UBND/);
  await decision.getByLabel('Số quyết định').fill('12/QĐ-UBND');
  await decision.getByRole('button', { name: 'Ghi quyết định khen thưởng' }).click();
  await leader.getByText('Đã ghi quyết định 12/QĐ-UBND: 1 hợp tác xã được khen thưởng.').waitFor();
  await leader.getByTestId('campaign-decision').filter({ hasText: 'Quyết định số 12/QĐ-UBND' }).waitFor();
  await card(leader, TAI_HOAN).getByText('Được khen thưởng').waitFor();
  await expectEventually(() => leader.getByTestId('decision-form').count(), 0, 'the decision form is gone once decided');
  await noSeriousA11y(leader, 'decided (phone)');
  await screenshot(leader, 'awards-5-decided-phone');

  // Anyone sees the award: the public list of 2023, and the cooperative's public page.
  const visitor = await browser.page(server.base, PHONE);
  await go(visitor, '/');
  await visitor.getByRole('link', { name: /Hợp tác xã được khen thưởng/ }).click();
  await visitor.waitForURL('**/awards');
  await settle(visitor);
  await visitor.getByLabel('Năm', { exact: true }).selectOption('2023');
  // The list of every year is replaced by 2023's: wait for exactly that list, not for the address.
  const list = visitor.getByTestId('awards');
  await expectEventually(() => list.locator('.award-list a').allInnerTexts(), [TAI_HOAN], 'the public list of 2023');
  await expectEventually(() => list.locator('section h2').allInnerTexts(), ['Bằng khen của Chủ tịch UBND tỉnh năm 2023']);
  await list.getByText(/Quyết định số 12\/QĐ-UBND ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
  assert.equal(new URL(visitor.url()).searchParams.get('year'), '2023', 'the year is kept in the address');
  await noSeriousA11y(visitor, 'public awards 2023');
  await screenshot(visitor, 'awards-6-public-2023-phone');
  await list.getByRole('link', { name: TAI_HOAN }).click();
  await visitor.waitForURL('**/cooperatives/2');
  await settle(visitor);
  const mine = visitor.getByTestId('coop-awards');
  await mine.getByText('Bằng khen của Chủ tịch UBND tỉnh năm 2023').waitFor();
  await mine.getByText('Bằng khen của Chủ tịch UBND tỉnh năm 2024').waitFor();
  await noSeriousA11y(visitor, 'cooperative awards');
  await screenshot(visitor, 'awards-7-cooperative-phone');

  // The server agrees.
  const awards = await server.api('/api/v1/awards?year=2023');
  assert.deepEqual(awards.body.items.map((n) => [n.cooperative.name, n.level, n.status, n.decision_no]), [[TAI_HOAN, 'ubnd_bang_khen', 'awarded', '12/QĐ-UBND']]);
  for (const p of [alliance, leader, visitor]) assert.deepEqual(p.jsErrors, []);
});

test('the public list of 2024: 8 Bằng khen and 16 Giấy khen, as the article reports', async () => {
  const page = await browser.page(server.base, DESKTOP);
  await go(page, '/awards?year=2024');
  const groups = page.getByTestId('awards').locator('section');
  const counts = () => groups.evaluateAll((ss) => ss.map((s) => [s.querySelector('h2')?.textContent, s.querySelectorAll('.award-list li').length]));
  await expectEventually(counts, [
    ['Bằng khen của Chủ tịch UBND tỉnh năm 2024', 8],
    ['Giấy khen của Chủ tịch Liên minh HTX tỉnh năm 2024', 16],
  ]);
  // Choosing a level: the list is redrawn with that level's group only (the address changes
  // first, the list after its request: wait for the list itself).
  await page.getByLabel('Hình thức khen thưởng').selectOption('alliance_giay_khen');
  await expectEventually(counts, [['Giấy khen của Chủ tịch Liên minh HTX tỉnh năm 2024', 16]], 'only the Giấy khen of 2024');
  assert.equal(new URL(page.url()).searchParams.get('level'), 'alliance_giay_khen', 'the level is kept in the address');
  await noSeriousA11y(page, 'public awards 2024');
  await screenshot(page, 'awards-8-public-2024-desktop');
  assert.deepEqual(page.jsErrors, []);
});
