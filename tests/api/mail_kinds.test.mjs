// One e-mail of every kind reaches a real SMTP server (tests/api/smtp.mjs): each kind of
// src/domain/notification_kinds.cpp, as its recipients' settings list it, plus the daily
// digest. The messages received (headers and text) are written to
// $HOPTAC_TEST_DIR/mail-samples.txt for people to read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, cli } from './server.mjs';
import { startSmtp, mailArgs } from './smtp.mjs';

const P = '/api/v1/petitions';
const TAI_HOAN = 2;
const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
const plusDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
function addWorkingDays(iso, n, holidays) {
  let d = iso;
  for (let left = n; left > 0;) {
    d = plusDays(d, 1);
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (w !== 0 && w !== 6 && !holidays.has(d)) left -= 1;
  }
  return d;
}

test('one e-mail of every kind reaches its recipient', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  const sql = (statement) => (server.dbFile
    ? execFileSync('sqlite3', ['-cmd', '.timeout 10000', server.dbFile, statement], { encoding: 'utf8' })
    : execFileSync('psql', [server.database, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' }));
  try {
    const names = ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan'];
    const u = {};
    for (const n of names) u[n] = await server.as(n);
    const agency = {};
    for (const a of (await server.request('/api/v1/agencies')).body.items) agency[a.code] = a.id;
    const holidays = new Set();
    for (const y of [0, 1].map((k) => Number(todayIso().slice(0, 4)) + k))
      for (const h of (await u.lienminh.request(`/api/v1/holidays?year=${y}`)).body.items ?? []) if (h.kind !== 'working') holidays.add(h.day);
    // Every kind each user can receive, by its Vietnamese label (the subject starts with it).
    const expected = new Map();  // label -> kind
    for (const n of names.filter((x) => x !== 'admin')) {
      const me = u[n];
      assert.equal((await me.request('/api/v1/me', { method: 'PATCH', json: { email: `${n}@example.vn` } })).status, 200);
      for (const k of (await me.request('/api/v1/me/notification-settings')).body.kinds) expected.set(k.label_vi, k.kind);
    }
    const ok = async (who, id, action, fields = {}) => {
      const res = await u[who].request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
      assert.equal(res.status, 200, `${action} by ${who}: ${res.text}`);
      return res.body;
    };
    const submitted = async (title) => {
      const res = await u['htx-taihoan'].request(P, { method: 'POST', json: { cooperative_id: TAI_HOAN, title,
        content: 'Hợp tác xã đề nghị được hỗ trợ kết nối tiêu thụ sản phẩm miến dong.', categories: ['market'] } });
      assert.equal(res.status, 201, res.text);
      return ok('htx-taihoan', res.body.id, 'submit');
    };
    const due = addWorkingDays(todayIso(), 15, holidays);
    const toAssigned = async (title, coordinating = true) => {
      const p = await submitted(title);
      await ok('lienminh', p.id, 'receive');
      const b = await u.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: `Báo cáo: ${title}`, petition_ids: [p.id] } });
      assert.equal(b.status, 201, b.text);
      return ok('ubnd', p.id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: due,
        ...(coordinating ? { coordinating_agency_ids: [agency['so-taichinh']] } : {}) });
    };

    // One petition through its whole life, with the department's side.
    const p = await toAssigned('Đề nghị hỗ trợ tiêu thụ miến dong');
    await ok('so-congthuong', p.id, 'ask_opinion', { agency_id: agency['so-taichinh'], question: 'Đề nghị cho ý kiến về kinh phí' });
    await ok('so-taichinh', p.id, 'give_opinion', { text: 'Sở Tài chính thống nhất bố trí kinh phí.' });
    await ok('so-congthuong', p.id, 'request_extension', { reason: 'Cần khảo sát thực địa', proposed_due_on: addWorkingDays(due, 5, holidays) });
    await ok('ubnd', p.id, 'grant_extension', { due_on: addWorkingDays(due, 5, holidays), reason: 'Đồng ý' });
    await ok('so-congthuong', p.id, 'request_extension', { reason: 'Chờ ý kiến Bộ', proposed_due_on: addWorkingDays(due, 10, holidays) });
    await ok('ubnd', p.id, 'refuse_extension', { reason: 'Đề nghị trả lời đúng hạn' });
    await ok('so-congthuong', p.id, 'answer', { text: 'Sở Công Thương sẽ tổ chức hội chợ kết nối tiêu thụ trong quý tới.' });
    await ok('lienminh', p.id, 'publish');
    await ok('htx-taihoan', p.id, 'reopen', { reason: 'Chưa nêu rõ thời gian tổ chức hội chợ' });
    // Returned, rejected, sent back.
    const r = await submitted('Đề nghị miễn giảm thuế');
    await ok('lienminh', r.id, 'return', { reason: 'Bổ sung báo cáo tài chính năm 2025' });
    const j = await submitted('Đề nghị trùng nội dung');
    await ok('lienminh', j.id, 'receive');
    await ok('lienminh', j.id, 'reject', { reason: 'Đã được trả lời tại hội nghị trước' });
    const s = await toAssigned('Đề nghị về thuế đất', false);
    await ok('so-congthuong', s.id, 'send_back', { reason: 'Nội dung về thuế, thuộc Cục Thuế' });
    // A directive of a conference the cooperative took part in.
    const conf = await u.lienminh.request('/api/v1/conferences', { method: 'POST', json: {
      title: 'Hội nghị đối thoại', held_on: plusDays(todayIso(), 3), agency_ids: [agency['so-congthuong']], cooperative_ids: [TAI_HOAN] } });
    assert.equal(conf.status, 201, conf.text);
    const d = await u.ubnd.request('/api/v1/directives', { method: 'POST', json: { content: 'Kết nối tiêu thụ miến dong tại các siêu thị.',
      assignee_agency_id: agency['so-congthuong'], due_on: addWorkingDays(todayIso(), 20, holidays), conference_id: conf.body.id } });
    assert.equal(d.status, 201, d.text);
    // Deadlines: one due in two working days, one overdue long enough to be escalated.
    const soon = await toAssigned('Đề nghị hỗ trợ giống cây', false);
    sql(`UPDATE petitions SET due_on = '${addWorkingDays(todayIso(), 2, holidays)}' WHERE id = ${soon.id}`);
    const late = await toAssigned('Đề nghị sửa đường nội đồng', false);
    sql(`UPDATE petitions SET due_on = '${plusDays(todayIso(), -20)}' WHERE id = ${late.id}`);
    // An OCOP certificate that expires in about a month.
    const t = new Date(`${todayIso()}T00:00:00Z`);
    const decided = new Date(Date.UTC(t.getUTCFullYear() - 3, t.getUTCMonth(), 1));
    decided.setUTCDate(decided.getUTCDate() + 30);
    const product = await u.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/products`, { method: 'POST', json: {
      name: 'Miến dong Tài Hoan hộp quà', group: 'food', stars: 4, score: 76, decision_no: '812/QĐ-UBND', decided_on: decided.toISOString().slice(0, 10) } });
    assert.equal(product.status, 201, product.text);
    cli(['notify', 'sweep'], { database: server.database });
    // The daily digest: the representative's "published" now goes there.
    await u['htx-taihoan'].request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { received: 'daily' } } });
    await submitted('Đề nghị vào bản tổng hợp').then((x) => ok('lienminh', x.id, 'receive'));
    cli(['mail', 'queue-digests', '--now'], { database: server.database });
    expected.set('Tổng hợp thông báo ngày', 'daily_digest');

    const kindOf = (m) => {
      const subject = m.parsed.subject.replace(/^\[hoptac\] /, '');
      for (const [label, kind] of expected) if (subject.startsWith(label)) return kind;
      return subject.startsWith('Bản tin tuần') ? 'weekly_digest' : null;
    };
    const want = new Set(expected.values());
    await smtp.waitFor(() => want.size === new Set(smtp.received.map(kindOf).filter(Boolean)).size, 120000)
      .catch(() => assert.fail(`kinds never received: ${[...want].filter((k) => !smtp.received.some((m) => kindOf(m) === k)).join(', ')}`));
    const samples = [];
    for (const kind of want) {
      const m = smtp.received.find((x) => kindOf(x) === kind);
      const head = m.raw.slice(0, m.raw.indexOf('\r\n\r\n')).replace(/\r\n/g, '\n');
      samples.push(`===== ${kind} → ${m.envelope.rcptTo.map((x) => x.address).join(', ')}\n${head}\n\n-- decoded subject: ${m.parsed.subject}\n\n${m.parsed.text}`);
    }
    writeFileSync(join(process.env.HOPTAC_TEST_DIR ?? tmpdir(), 'mail-samples.txt'), samples.join('\n\n'));
    assert.ok(want.has('weekly_digest') && want.has('escalated') && want.has('ocop_expiring') && want.size >= 22, `${want.size} kinds`);
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});
