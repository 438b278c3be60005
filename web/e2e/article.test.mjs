// 1. The article, end to end: HTX Tài Hoan asks for land in the Vằng Mười industrial cluster
// from a phone; the Alliance receives it and forwards it in a batch; the UBND assigns it to
// Sở Công Thương; the department answers; the Alliance publishes; the cooperative rates it;
// the public page shows the answer.
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

const TITLE = 'Đề nghị cho thuê khoảng 1 ha đất tại Cụm công nghiệp Vằng Mười';
const CONTENT = 'Hợp tác xã đề nghị được thuê khoảng 1 ha đất tại Cụm công nghiệp Vằng Mười, xã Trần Phú, huyện Na Rì để đầu tư dây chuyền sản xuất miến dong.';
const ANSWER = 'Sở Công Thương đã phối hợp UBND huyện Na Rì rà soát quỹ đất; hợp tác xã lập hồ sơ thuê đất tại Cụm công nghiệp Vằng Mười theo hướng dẫn.';
// The smallest file the server accepts as a PDF: it checks the first bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const isoIn = (days) => new Date(Date.now() + 7 * 3600000 + days * 86400000).toISOString().slice(0, 10);

async function noSeriousA11y(page, where) {
  const v = await axe(page);
  assert.deepEqual(v, [], `${where}: ${v.join('\n')}`);
}

test('a petition goes from the cooperative\'s phone to a published, rated answer', async () => {
  // The cooperative, on a phone.
  const coop = await browser.page(server.base, PHONE);
  await signIn(coop, 'htx-taihoan');
  assert.equal(new URL(coop.url()).pathname, '/my-coop');
  await assert.doesNotReject(coop.getByTestId('who').getByText('Hợp tác xã Tài Hoan').waitFor());
  await coop.locator('main').getByRole('link', { name: 'Gửi kiến nghị' }).first().click();
  await coop.waitForURL('**/petitions/new');
  await coop.getByLabel('Nhóm kiến nghị').selectOption({ label: 'Đất đai, mặt bằng sản xuất' });
  await coop.getByLabel('Tiêu đề').fill(TITLE);
  await coop.getByLabel('Nội dung kiến nghị').fill(CONTENT);
  await coop.getByLabel(/Tệp đính kèm/).setInputFiles({ name: 'so-do-khu-dat.pdf', mimeType: 'application/pdf', buffer: PDF });
  await noSeriousA11y(coop, 'new petition (phone)');
  await screenshot(coop, 'article-1-coop-new-petition-phone');
  await coop.getByRole('button', { name: 'Gửi kiến nghị' }).click();
  await coop.waitForURL(/\/petitions\/\d+$/);
  await settle(coop);
  const id = Number(new URL(coop.url()).pathname.split('/').pop());
  await coop.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await coop.locator('.card-head .badge', { hasText: 'Đã gửi' }).waitFor();
  await coop.getByRole('link', { name: 'so-do-khu-dat.pdf' }).waitFor();
  await coop.getByText(/Đã gửi kiến nghị KN-/).waitFor();
  const code = await expectMatchEventually(async () => (await coop.locator('h1 + .card-head .code').textContent()).trim(), /^KN-\d{4}-\d{6}$/);
  await screenshot(coop, 'article-2-coop-submitted-phone');

  // The Alliance receives it and forwards it in a batch.
  const alliance = await browser.page(server.base, DESKTOP);
  await signIn(alliance, 'lienminh');
  assert.equal(new URL(alliance.url()).pathname, '/inbox');
  const card = alliance.locator(`li[data-code="${code}"]`);
  await card.waitFor();
  await noSeriousA11y(alliance, 'inbox');
  await screenshot(alliance, 'article-3-alliance-inbox-desktop');
  await card.getByRole('button', { name: 'Tiếp nhận' }).click();
  await alliance.getByText('Đã thực hiện: Tiếp nhận.').waitFor();
  await card.waitFor({ state: 'detached' });
  await alliance.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo tổng hợp' }).click();
  await alliance.waitForURL('**/batches');
  await settle(alliance);
  await alliance.getByRole('checkbox', { name: `Chọn ${code}` }).check();
  await alliance.getByRole('button', { name: 'Chuyển 1 kiến nghị lên UBND tỉnh' }).click();
  // Forwarding cannot be taken back: the question names the batch and its petitions first.
  await alliance.locator('.confirm-q', { hasText: code }).waitFor();
  await expectMatchEventually(() => alliance.locator('.confirm-q').innerText(), /Lập báo cáo số \d+\/BC-LMHTX .*chuyển 1 kiến nghị lên UBND tỉnh/);
  await alliance.getByRole('button', { name: 'Xác nhận' }).click();
  await alliance.getByText(/Đã lập báo cáo \d+\/BC-LMHTX/).waitFor();
  await screenshot(alliance, 'article-4-alliance-batch-desktop');

  // The UBND leader assigns it to Sở Công Thương with a due date.
  const leader = await browser.page(server.base, DESKTOP);
  await signIn(leader, 'ubnd');
  assert.equal(new URL(leader.url()).pathname, '/dashboard');
  await go(leader, '/assign');
  await leader.getByRole('checkbox', { name: `Chọn ${code}` }).check();
  await leader.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Công Thương' });
  const due = isoIn(21);
  await leader.getByLabel('Hạn trả lời').fill(due);
  await noSeriousA11y(leader, 'assign');
  await screenshot(leader, 'article-5-leader-assign-desktop');
  await leader.getByRole('button', { name: 'Giao 1 kiến nghị' }).click();
  await leader.locator('.confirm-q', { hasText: 'Giao 1 kiến nghị cho Sở Công Thương' }).waitFor();
  await leader.getByRole('button', { name: 'Xác nhận' }).click();
  await leader.getByText('Đã giao 1 kiến nghị.').waitFor();

  // Sở Công Thương finds it in its queue and answers.
  const dept = await browser.page(server.base, DESKTOP);
  await signIn(dept, 'so-congthuong');
  assert.equal(new URL(dept.url()).pathname, '/queue');
  await dept.locator(`li[data-code="${code}"]`).getByRole('link', { name: TITLE }).click();
  await dept.waitForURL(`**/petitions/${id}`);
  await settle(dept);
  await dept.getByText(`${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`).first().waitFor();
  await dept.getByRole('button', { name: 'Trả lời' }).click();
  await dept.getByLabel('Nội dung trả lời').fill(ANSWER);
  await dept.getByLabel('Căn cứ pháp lý').fill('Luật Đất đai 2024');
  // The official reply is a signed letter: its number, date, signer and the file.
  const today = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
  await dept.getByLabel('Số, ký hiệu văn bản').fill('87/SCT-QLCN');
  await dept.getByLabel('Ngày văn bản').fill(today);
  await dept.getByLabel(/^Người ký/).fill('Hoàng Thị Lan');
  await dept.getByLabel('Chức vụ người ký').fill('Giám đốc');
  await dept.getByLabel('Tệp văn bản đã ký (PDF)').setInputFiles({ name: 'cong-van-87.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 87/SCT-QLCN\n') });
  await noSeriousA11y(dept, 'answer form');
  await screenshot(dept, 'article-6-department-answer-desktop');
  await dept.locator('form.action-form').getByRole('button', { name: 'Trả lời' }).click();
  await dept.locator('.confirm-q', { hasText: `Gửi câu trả lời cho kiến nghị ${code}` }).waitFor();
  await dept.getByRole('button', { name: 'Xác nhận' }).click();
  await dept.getByText('Đã thực hiện: Trả lời.').waitFor();
  await dept.locator('.card-head .badge', { hasText: 'Đã trả lời' }).waitFor();
  await dept.getByTestId('reply-letter').getByText('Văn bản số 87/SCT-QLCN').waitFor();

  // The Alliance publishes the answer.
  await go(alliance, `/petitions/${id}`);
  await alliance.getByRole('button', { name: 'Công khai trả lời' }).click();
  await alliance.getByText('Đã thực hiện: Công khai trả lời.').waitFor();
  await alliance.locator('.card-head .badge', { hasText: 'Đã công khai' }).waitFor();

  // The cooperative reads the answer on its phone and rates it.
  await go(coop, `/petitions/${id}`);
  await coop.getByTestId('answer-list').getByText(ANSWER).waitFor();
  await coop.getByRole('button', { name: 'Đánh giá và đóng' }).click();
  await coop.getByLabel('4 – Hài lòng').check();
  await coop.getByLabel('Nhận xét').fill('Cảm ơn Sở Công Thương đã hướng dẫn kịp thời.');
  await noSeriousA11y(coop, 'rating (phone)');
  await screenshot(coop, 'article-7-coop-rate-phone');
  await coop.locator('form.action-form').getByRole('button', { name: 'Đánh giá và đóng' }).click();
  await coop.getByText('Đã thực hiện: Đánh giá và đóng.').waitFor();
  await coop.locator('.card-head .badge', { hasText: 'Đã đóng' }).waitFor();
  // Every step in the timeline (the steps missing from it: none, once it is redrawn).
  const steps = ['Tạo kiến nghị', 'Gửi', 'Tiếp nhận', 'Đưa vào báo cáo gửi UBND', 'Giao xử lý', 'Trả lời', 'Đánh giá và đóng'];
  await expectEventually(async () => {
    const timeline = await coop.getByTestId('timeline').innerText();
    return steps.filter((step) => !timeline.includes(step));
  }, [], 'steps missing from the timeline');
  await screenshot(coop, 'article-8-coop-closed-phone');

  // Anyone can read the published answer, found without diacritics.
  const visitor = await browser.page(server.base, PHONE);
  await go(visitor, '/answers?q=vang%20muoi');
  await visitor.getByRole('link', { name: TITLE }).click();
  await visitor.waitForURL(`**/answers/${code}`);
  await settle(visitor);
  await visitor.getByText(ANSWER).waitFor();
  await visitor.getByText('Sở Công Thương trả lời ngày', { exact: false }).waitFor();
  await noSeriousA11y(visitor, 'public answer');
  await screenshot(visitor, 'article-9-public-answer-phone');

  // The server agrees.
  const pub = await server.api(`/api/v1/public/petitions/${code}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.state, 'closed');
  assert.equal(pub.body.rating, 4);
  assert.equal(pub.body.lead_agency.code, 'so-congthuong');
  for (const p of [coop, alliance, leader, dept, visitor]) assert.deepEqual(p.jsErrors, []);
});
