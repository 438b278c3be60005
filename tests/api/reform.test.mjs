// The province after 1 July 2025 and a short undo (issue 12): petitions listed by the
// petitioner's district (the old units) or commune (an old code or a new one); reports that
// span the reform say how they counted; the Liên minh's sending of a batch and the UBND's
// assignment can be undone by who did it, within minutes, while no one it concerns has seen it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
const agency = {};
const P = '/api/v1/petitions';
const B = '/api/v1/batches';
const ROLES = ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan', 'htx-kientrucxanh'];
const TAI_HOAN = 2;          // Na Rì (066), thị trấn Yến Lạc (02155), since 1 July 2025 xã Na Rì (02155)
const KIEN_TRUC_XANH = 1;    // Chợ Đồn (064), xã Xuân Lạc (02023), since 1 July 2025 xã Nam Cường (02026)

before(async () => {
  server = await startServer();
  for (const u of ROLES) users[u] = await server.as(u);
  for (const a of (await server.request('/api/v1/agencies')).body.items) agency[a.code] = a.id;
});
after(async () => { await server.stop(); server.cleanup(); });

async function ok(who, id, action, fields = {}) {
  const res = await users[who].request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
  assert.equal(res.status, 200, `${action} by ${who}: ${res.text}`);
  return res.body;
}
// A petition of this cooperative, received by the Liên minh.
async function received(coop = 'htx-taihoan', cooperative_id = TAI_HOAN) {
  const res = await users[coop].request(P, { method: 'POST', json: {
    cooperative_id, title: 'Đề nghị hỗ trợ tem nhãn sản phẩm', content: 'Hợp tác xã đề nghị được hỗ trợ in tem truy xuất nguồn gốc.', categories: ['market'] } });
  assert.equal(res.status, 201, res.text);
  await ok(coop, res.body.id, 'submit');
  await ok('lienminh', res.body.id, 'receive');
  return res.body.id;
}
async function batchOf(ids, title = 'Báo cáo tổng hợp kiến nghị') {
  const res = await users.lienminh.request(B, { method: 'POST', json: { title, petition_ids: ids } });
  assert.equal(res.status, 201, res.text);
  return res.body;
}
const lienminhRead = async (id) => (await users.lienminh.request(`${P}/${id}`)).body;
const historyOf = async (id) => (await users.lienminh.request(`${P}/${id}/history`)).body.items;
async function notices(who) {
  const res = await users[who].request('/api/v1/notifications?per_page=100');
  assert.equal(res.status, 200, res.text);
  return res.body.items;
}

// ---------------------------------------------------------------------------------------------
// Petitions by place: the old district, or the commune (old code or the new one)

test('petitions by the petitioner\'s place: a district (old units) or a commune, old code or new', async () => {
  const naRi = await received('htx-taihoan', TAI_HOAN);
  const choDon = await received('htx-kientrucxanh', KIEN_TRUC_XANH);
  const ids = async (query) => {
    const res = await users.lienminh.request(`${P}?${query}&per_page=100`);
    assert.equal(res.status, 200, res.text);
    return new Set(res.body.items.map((p) => p.id));
  };
  const d066 = await ids('district=066');
  assert.ok(d066.has(naRi) && !d066.has(choDon));
  const d064 = await ids('district=064');
  assert.ok(d064.has(choDon) && !d064.has(naRi));
  // Kiến trúc xanh registered at xã Xuân Lạc (02023), which became xã Nam Cường (02026).
  for (const q of ['commune=02023', 'commune=02026']) {
    const found = await ids(q);
    assert.ok(found.has(choDon), q);
    assert.ok(!found.has(naRi), q);
  }
  assert.equal((await ids('commune=02026&status=received')).has(choDon), true, 'with the other filters');
  assert.equal((await ids('district=066&commune=02026')).size, 0, 'both: the two places at once');
  // A department sees only its own, whatever the place.
  const dept = await users['so-congthuong'].request(`${P}?district=066`);
  assert.equal(dept.status, 200);
  assert.ok(!dept.body.items.some((p) => p.id === naRi));
  for (const bad of ['district=66', 'district=0666', 'district=abc', 'commune=2026', 'commune=0202x', 'commune=020260'])
    expectProblem(assert, await users.lienminh.request(`${P}?${bad}`), 400, bad.split('=')[0]);
});

// ---------------------------------------------------------------------------------------------
// Undo: the batch sent to the UBND

test('the Liên minh undoes a batch the UBND has not opened: petitions received again, number given back', async () => {
  const a = await received();
  const b = await received();
  const batch = await batchOf([a, b]);
  assert.ok(batch.undo_until, 'the sender is told until when');
  assert.ok(Date.parse(batch.undo_until) > Date.now() && Date.parse(batch.undo_until) <= Date.now() + 10 * 60000 + 2000);
  // Only to the one who sent it, on the list and on the batch.
  const listed = (await users.lienminh.request(`${B}?per_page=5`)).body.items.find((x) => x.id === batch.id);
  assert.equal(listed.undo_until, batch.undo_until);

  const res = await users.lienminh.request(`${B}/${batch.id}/undo`, { method: 'POST' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.number, batch.number);
  assert.deepEqual(res.body.petitions.map((p) => [p.id, p.state]).sort(), [[a, 'received'], [b, 'received']].sort());
  for (const id of [a, b]) {
    const p = await lienminhRead(id);
    assert.equal(p.state, 'received');
    assert.equal(p.batch, null);
    const h = (await historyOf(id)).at(-1);
    assert.equal(h.action, 'undo_compile');
    assert.equal(h.from_state, 'forwarded');
    assert.equal(h.to_state, 'received');
    assert.match(h.reason, new RegExp(batch.number));
  }
  expectProblem(assert, await users.lienminh.request(`${B}/${batch.id}`), 404);
  assert.ok(!(await notices('ubnd')).some((n) => n.kind === 'batch' && n.message.includes(batch.number)), 'its notice to the UBND is taken back');
  // Not twice; and the next batch gets the same number (it never went out).
  expectProblem(assert, await users.lienminh.request(`${B}/${batch.id}/undo`, { method: 'POST' }), 404);
  const again = await batchOf([a, b]);
  assert.equal(again.number, batch.number);
  // The audit log has the undo.
  const audit = await users.admin.request(`/api/v1/audit?object_type=batches&object_id=${batch.id}&per_page=50`);
  assert.equal(audit.status, 200, audit.text);
  assert.ok(audit.body.items.some((e) => e.kind === 'action' && e.summary === `POST /api/v1/batches/${batch.id}/undo`), JSON.stringify(audit.body.items));
});

test('a batch cannot be undone once the UBND opened it, listed it, read its notice or acted (409 saying so)', async () => {
  const undo = (id) => users.lienminh.request(`${B}/${id}/undo`, { method: 'POST' });
  // Opened.
  const opened = await batchOf([await received()]);
  assert.equal((await users.ubnd.request(`${B}/${opened.id}`)).status, 200);
  let res = await undo(opened.id);
  expectProblem(assert, res, 409);
  assert.match(res.body.title, /UBND tỉnh đã mở báo cáo/);
  assert.equal((await users.lienminh.request(`${B}/${opened.id}`)).body.undo_until, null, 'the button goes');
  // One of its petitions opened.
  const one = await received();
  const seenPetition = await batchOf([one]);
  assert.equal((await users.ubnd.request(`${P}/${one}`)).status, 200);
  expectProblem(assert, await undo(seenPetition.id), 409);
  // Its petitions listed by the UBND (the list shows their content).
  const listedId = await received();
  const listed = await batchOf([listedId]);
  assert.equal((await users.ubnd.request(`${P}?status=forwarded&per_page=100`)).status, 200);
  expectProblem(assert, await undo(listed.id), 409);
  // Its notice read.
  const noticed = await batchOf([await received()]);
  const notice = (await notices('ubnd')).find((n) => n.kind === 'batch' && n.message.includes(noticed.number));
  assert.ok(notice, 'the UBND was told');
  assert.equal((await users.ubnd.request(`/api/v1/notifications/${notice.id}/read`, { method: 'POST' })).status < 300, true);
  expectProblem(assert, await undo(noticed.id), 409);
  // Acted on: a petition of it assigned (through the bulk route, which reads nothing first).
  const actedId = await received();
  const acted = await batchOf([actedId]);
  const bulk = await users.ubnd.request(`${P}/bulk-transitions`, { method: 'POST', json: { action: 'assign', petition_ids: [actedId], lead_agency_id: agency['so-congthuong'] } });
  assert.equal(bulk.status, 200, bulk.text);
  res = await undo(acted.id);
  expectProblem(assert, res, 409);
  assert.match(res.body.title, /đã xử lý/);
  assert.equal((await lienminhRead(actedId)).state, 'assigned', 'nothing changed');
});

test('undoing a batch: other roles 403, anonymous 401, an unknown batch 404', async () => {
  const batch = await batchOf([await received()]);
  for (const who of ['so-congthuong', 'htx-taihoan', 'admin'])
    expectProblem(assert, await users[who].request(`${B}/${batch.id}/undo`, { method: 'POST' }), 403);
  expectProblem(assert, await server.request(`${B}/${batch.id}/undo`, { method: 'POST' }), 401);
  expectProblem(assert, await users.lienminh.request(`${B}/999999/undo`, { method: 'POST' }), 404);
  expectProblem(assert, await users.lienminh.request(`${B}/abc/undo`, { method: 'POST' }), 404);
  // Still undoable by its sender after all that.
  assert.equal((await users.lienminh.request(`${B}/${batch.id}/undo`, { method: 'POST' })).status, 200);
});

// ---------------------------------------------------------------------------------------------
// Undo: the UBND's assignment

async function forwardedOne() {
  const id = await received();
  await batchOf([id]);
  return id;
}

test('the UBND undoes an assignment the agency has not opened: forwarded again, its notices taken back', async () => {
  const id = await forwardedOne();
  const p = await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']] });
  assert.ok(p.undo_until, 'the assigner is told until when');
  assert.equal((await users.ubnd.request(`${P}/${id}`)).body.undo_until, p.undo_until);
  assert.equal((await lienminhRead(id)).undo_until, null, 'only to the assigner');
  const res = await users.ubnd.request(`${P}/${id}/undo`, { method: 'POST' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.state, 'forwarded');
  assert.equal(res.body.lead_agency, null);
  assert.deepEqual(res.body.coordinating_agencies, []);
  assert.equal(res.body.due_on, null);
  assert.equal(res.body.undo_until, null);
  assert.ok(res.body.allowed_actions.includes('assign'));
  const h = (await historyOf(id)).at(-1);
  assert.deepEqual([h.action, h.from_state, h.to_state], ['undo_assign', 'assigned', 'forwarded']);
  assert.match(h.reason, /Sở Công Thương/);
  for (const who of ['so-congthuong', 'so-taichinh'])
    assert.ok(!(await notices(who)).some((n) => n.petition_id === id), `${who} is not told of what was taken back`);
  expectProblem(assert, await users['so-congthuong'].request(`${P}/${id}`), 404);
  // Assigned again, to the right agency this time.
  const again = await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-taichinh'] });
  assert.equal(again.lead_agency.code, 'so-taichinh');
});

test('an assignment cannot be undone once the agency opened it or acted (409 saying so)', async () => {
  const opened = await forwardedOne();
  await ok('ubnd', opened, 'assign', { lead_agency_id: agency['so-congthuong'] });
  assert.equal((await users['so-congthuong'].request(`${P}/${opened}`)).status, 200);
  const res = await users.ubnd.request(`${P}/${opened}/undo`, { method: 'POST' });
  expectProblem(assert, res, 409);
  assert.match(res.body.title, /Cơ quan được giao đã mở/);
  assert.equal((await users.ubnd.request(`${P}/${opened}`)).body.undo_until, null);
  assert.equal((await lienminhRead(opened)).state, 'assigned', 'nothing changed');
  // Seen in the coordinating agency's queue.
  const queued = await forwardedOne();
  await ok('ubnd', queued, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']] });
  assert.equal((await users['so-taichinh'].request(`${P}?agency=${agency['so-taichinh']}`)).status, 200);
  expectProblem(assert, await users.ubnd.request(`${P}/${queued}/undo`, { method: 'POST' }), 409);
  // Acted on: the agency sent it back (a transition reads the petition, and acts).
  const acted = await forwardedOne();
  await ok('ubnd', acted, 'assign', { lead_agency_id: agency['so-congthuong'] });
  const sendBack = await users['so-congthuong'].request(`${P}/${acted}/transitions`, { method: 'POST', json: { action: 'send_back', reason: 'Không thuộc thẩm quyền của Sở.' } });
  assert.equal(sendBack.status, 200, sendBack.text);
  const refused = await users.ubnd.request(`${P}/${acted}/undo`, { method: 'POST' });
  expectProblem(assert, refused, 409);
  // A petition that was never assigned.
  expectProblem(assert, await users.ubnd.request(`${P}/${await forwardedOne()}/undo`, { method: 'POST' }), 409);
});

test('undoing an assignment: other roles 403, anonymous 401, an unknown petition 404', async () => {
  const id = await forwardedOne();
  await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-taichinh'] });
  for (const who of ['lienminh', 'so-congthuong', 'htx-taihoan', 'admin'])
    expectProblem(assert, await users[who].request(`${P}/${id}/undo`, { method: 'POST' }), 403);
  expectProblem(assert, await server.request(`${P}/${id}/undo`, { method: 'POST' }), 401);
  expectProblem(assert, await users.ubnd.request(`${P}/999999/undo`, { method: 'POST' }), 404);
  assert.equal((await users.ubnd.request(`${P}/${id}/undo`, { method: 'POST' })).status, 200, 'still the assigner\'s to undo');
});

// ---------------------------------------------------------------------------------------------
// Reports of a year that spans 1 July 2025 say how they counted

const NOTE_PLACES = /Số liệu năm 2025 là số liệu cả năm, tính theo xã, phường mới \(từ 01\/07\/2025, không còn cấp huyện\)/;
const NOTE_AGENCIES = /Từ 01\/07\/2025 không còn cấp huyện\. Kiến nghị giao cho Ủy ban nhân dân cấp huyện trước ngày đó vẫn được tính/;

test('the 2025 economy report counts by the new communes and says so; 2024 keeps the districts without the note', async () => {
  const figures = { members_official: 12, members_associate: 3, workers: 20, revenue_vnd: 3500000000, profit_vnd: 210000000, avg_income_vnd: 62000000, classification: 'kha' };
  for (const id of [TAI_HOAN, KIEN_TRUC_XANH])
    assert.equal((await users.lienminh.request(`/api/v1/cooperatives/${id}/years/2025`, { method: 'PUT', json: figures })).status < 300, true);
  const csv = async (query) => {
    const res = await users.lienminh.request(`/api/v1/reports/${query}&format=csv`);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    return res.text;
  };
  const y2025 = await csv('economy?year=2025');
  assert.match(y2025, NOTE_PLACES);
  assert.match(y2025, /Xã Nam Cường/, 'Kiến trúc xanh (old Xuân Lạc) counted in new Nam Cường');
  assert.doesNotMatch(y2025, /Huyện Chợ Đồn/);
  const y2024 = await csv('economy?year=2024');
  assert.doesNotMatch(y2024, /Ghi chú/);
  assert.match(y2024, /Huyện Chợ Đồn/);
  // The same note in the spreadsheet and the PDF (one document, three writers).
  const xlsx = await users.lienminh.request('/api/v1/reports/economy?year=2025&format=xlsx');
  assert.equal(xlsx.status, 200);
  const pdf = await users.lienminh.request('/api/v1/reports/economy?year=2025&format=pdf');
  assert.equal(pdf.status, 200);
});

test('the 2025 petitions report says how it counted the agencies across the reform', async () => {
  const y2025 = await users.lienminh.request('/api/v1/reports/petitions?year=2025&format=csv');
  assert.equal(y2025.status, 200, y2025.text.slice(0, 300));
  assert.match(y2025.text, NOTE_AGENCIES);
  const thisYear = new Date(Date.now() + 7 * 3600000).getUTCFullYear();
  if (thisYear !== 2025) {
    const now = await users.lienminh.request(`/api/v1/reports/petitions?year=${thisYear}&format=csv`);
    assert.doesNotMatch(now.text, /Ghi chú/);
  }
});
