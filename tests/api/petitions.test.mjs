// Petitions (kiến nghị), written from docs/petitions.md: the lifecycle, who may take which
// action from which state, visibility, concurrency and If-Match, merging, batches, bulk
// actions, working-day deadlines, search and filters, the public view, bad input and
// attachments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, expectProblem } from './server.mjs';
import { zip } from './zip.mjs';

let server;
const users = {};
const agency = {};        // code -> id
const category = {};      // code -> {code, name_vi, name_en, default_agency, default_days}
let categoryList = [];
const holidays = new Set();
const TAI_HOAN = 2;
const KIEN_TRUC_XANH = 1;
const THIRD_COOP = 3;
const COOP_OF = { 'htx-taihoan': TAI_HOAN, 'htx-kientrucxanh': KIEN_TRUC_XANH };
const P = '/api/v1/petitions';
const CATEGORY_CODES = ['credit', 'land', 'tax', 'market', 'support_policy', 'workforce', 'technology',
  'ocop', 'infrastructure', 'procedures', 'insurance', 'linkage', 'disaster'];

// The server counts days in Vietnam (UTC+7).
const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
const YEAR = Number(todayIso().slice(0, 4));
function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
// The day n working days after fromIso (Monday to Friday, minus the holidays).
function addWorkingDays(fromIso, n, holidaySet) {
  const d = new Date(`${fromIso}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidaySet.has(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
let FUTURE;               // a working day about a month ahead: a valid explicit due date

before(async () => {
  server = await startServer();
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan', 'htx-kientrucxanh'])
    users[u] = await server.as(u);
  const agencies = await server.request('/api/v1/agencies');
  for (const a of agencies.body.items) agency[a.code] = a.id;
  const cats = await users.lienminh.request('/api/v1/categories');
  categoryList = cats.body?.items ?? [];
  for (const c of categoryList) category[c.code] = c;
  for (const y of new Set([YEAR, YEAR + 1, 2026])) {
    const res = await users.lienminh.request(`/api/v1/holidays?year=${y}`);
    for (const h of res.body?.items ?? []) holidays.add(h.day);
  }
  FUTURE = addWorkingDays(todayIso(), 20, holidays);
});
after(async () => { await server.stop(); server.cleanup(); });

// ---------------------------------------------------------------------------------------------
// Helpers

const draftBody = (over = {}) => ({
  cooperative_id: TAI_HOAN,
  title: 'Đề nghị hỗ trợ kết nối tiêu thụ miến dong',
  content: 'Hợp tác xã đề nghị được kết nối với các siêu thị để tiêu thụ 30 tấn miến dong vụ tới.',
  categories: ['market'],
  ...over,
});

const client = (who) => (who ? users[who] : server);

async function create(who = 'htx-taihoan', over = {}) {
  const res = await users[who].request(P, { method: 'POST', json: draftBody({ cooperative_id: COOP_OF[who] ?? TAI_HOAN, ...over }) });
  assert.equal(res.status, 201, `create as ${who}: ${res.text}`);
  return res.body;
}

function act(who, id, action, fields = {}, headers = {}) {
  return client(who).request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields }, headers });
}

async function ok(who, id, action, fields = {}) {
  const res = await act(who, id, action, fields);
  assert.equal(res.status, 200, `${action} by ${who} on ${id}: ${res.text}`);
  return res.body;
}

async function patch(who, id, json) {
  const res = await users[who].request(`${P}/${id}`, { method: 'PATCH', json });
  assert.equal(res.status, 200, `patch by ${who}: ${res.text}`);
  return res.body;
}

async function read(id, who = 'lienminh') {
  const res = await users[who].request(`${P}/${id}`);
  assert.equal(res.status, 200, `read ${id} as ${who}: ${res.text}`);
  return res.body;
}

async function assertUnchanged(p, message = '') {
  const now = await read(p.id);
  assert.equal(now.state, p.state, `state changed ${message}`);
  assert.equal(now.version, p.version, `version changed ${message}`);
}

async function makeBatch(ids, title = 'Báo cáo tổng hợp kiến nghị của HTX') {
  const res = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title, petition_ids: ids } });
  assert.equal(res.status, 201, `batch: ${res.text}`);
  return res.body;
}

// A fresh petition of `coop`, driven to `state` by the documented path.
async function petitionIn(state, o = {}) {
  const coop = o.coop ?? 'htx-taihoan';
  const lead = o.lead ?? 'so-congthuong';
  let p = await create(o.creator ?? coop, o.create ?? {});
  if (o.whileDraft) await o.whileDraft(p);
  if (state === 'draft') return p;
  p = await ok(coop, p.id, 'submit');
  if (state === 'submitted') return p;
  if (state === 'merged') {
    const into = o.into ?? (await petitionIn('submitted', { coop })).id;
    return ok('lienminh', p.id, 'merge', { into });
  }
  p = await ok('lienminh', p.id, 'receive');
  if (state === 'received') return p;
  if (state === 'rejected') return ok('lienminh', p.id, 'reject', { reason: 'Nội dung không thuộc thẩm quyền giải quyết của tỉnh' });
  await makeBatch([p.id]);
  if (state === 'forwarded') return read(p.id);
  const assign = { lead_agency_id: agency[lead], due_on: o.due_on ?? FUTURE };
  if (o.coordinating) assign.coordinating_agency_ids = o.coordinating.map((c) => agency[c]);
  p = await ok('ubnd', p.id, 'assign', assign);
  if (state === 'assigned') return p;
  p = await ok(lead, p.id, 'answer', { text: o.answer ?? 'Sở đã làm việc với các hệ thống siêu thị trên địa bàn để đưa sản phẩm vào bán.', legal_basis: 'Nghị định 45/2021/NĐ-CP' });
  if (state === 'answered') return p;
  p = await ok(coop, p.id, 'close', { rating: 4, comment: 'Hài lòng' });
  if (state === 'closed') return p;
  throw new Error(`no path to ${state}`);
}

// Every page of a list, as `who`.
async function listAll(who, query = '') {
  const items = [];
  for (let page = 1; ; page += 1) {
    const res = await client(who).request(`${P}?${query}${query ? '&' : ''}per_page=100&page=${page}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return { items, total: res.body.total };
  }
}

async function totalAsAlliance(query = '') {
  const res = await users.lienminh.request(`${P}?${query}${query ? '&' : ''}per_page=1`);
  assert.equal(res.status, 200, res.text);
  return res.body.total;
}

async function notificationsOf(who) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const res = await users[who].request(`/api/v1/notifications?per_page=100&page=${page}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}

async function hasNotification(who, kind, petitionId) {
  return (await notificationsOf(who)).some((n) => n.kind === kind && n.petition_id === petitionId);
}

let conferenceId;
async function aConference() {
  if (conferenceId) return conferenceId;
  const res = await users.lienminh.request('/api/v1/conferences', {
    method: 'POST',
    json: {
      title: 'Hội nghị gặp gỡ HTX khu vực Na Rì', held_on: todayIso(), venue: 'Hội trường xã Côn Minh',
      chair_name: 'Nguyễn Văn Chủ', chair_title: 'Phó Chủ tịch UBND tỉnh', host_agency_id: agency['lien-minh-htx'],
      agency_ids: [agency['so-congthuong']], cooperative_ids: [TAI_HOAN], status: 'held', minutes: '',
    },
  });
  assert.equal(res.status, 201, `conference: ${res.text}`);
  conferenceId = res.body.id;
  return conferenceId;
}

// ---------------------------------------------------------------------------------------------
// Reference data

test('the 13 categories come in the documented order, each with a default agency and working days', async () => {
  assert.deepEqual(categoryList.map((c) => c.code), CATEGORY_CODES);
  for (const c of categoryList) {
    assert.ok(c.name_vi && c.name_en, c.code);
    assert.ok(Number.isInteger(c.default_days) && c.default_days > 0, c.code);
    assert.ok(c.default_agency && c.default_agency.id > 0 && c.default_agency.code, c.code);
  }
  assert.equal(category.market.default_agency.code, 'so-congthuong');
  assert.equal(category.credit.default_agency.code, 'nhnn');
});

test('the holidays table knows 2026-04-27, and working days skip it', async () => {
  const res = await users.lienminh.request('/api/v1/holidays?year=2026');
  assert.equal(res.status, 200);
  assert.ok(res.body.items.every((h) => h.day.startsWith('2026-') && h.name));
  assert.ok(res.body.items.some((h) => h.day === '2026-04-27'));
  assert.ok(holidays.has('2026-04-27'));
  // The helper this file counts deadlines with: Friday 24/4 + 2 working days skips the weekend and
  // the Monday holiday.
  assert.equal(addWorkingDays('2026-04-24', 2, holidays), '2026-04-29');
  assert.equal(addWorkingDays('2026-04-24', 2, new Set()), '2026-04-28');
  // Tết 2026 (16–20/2): Friday 13/2 + 1 working day is Monday 23/2.
  assert.equal(addWorkingDays('2026-02-13', 1, holidays), '2026-02-23');
});

// ---------------------------------------------------------------------------------------------
// Creating and editing

test('a cooperative writes a draft for itself: a code, its owner, the online channel, nothing assigned', async () => {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: draftBody() });
  assert.equal(res.status, 201, res.text);
  const p = res.body;
  assert.equal(res.headers.get('location'), `${P}/${p.id}`);
  assert.equal(res.headers.get('etag'), `"${p.version}"`);
  assert.match(p.code, /^KN-\d{4}-\d{6}$/);
  assert.equal(p.code.slice(3, 7), String(YEAR));
  assert.equal(p.state, 'draft');
  assert.equal(p.cooperative.id, TAI_HOAN);
  assert.equal(p.cooperative.name, 'Hợp tác xã Tài Hoan');
  assert.deepEqual(p.cooperatives.map((c) => c.id), [TAI_HOAN]);
  assert.equal(p.channel, 'online');
  assert.equal(p.conference_id, null);
  assert.equal(p.title, draftBody().title);
  assert.equal(p.content, draftBody().content);
  assert.deepEqual(p.categories, ['market']);
  assert.equal(p.lead_agency, null);
  assert.deepEqual(p.coordinating_agencies, []);
  assert.equal(p.due_on, null);
  assert.equal(p.assigned_on, null);
  assert.equal(p.overdue, false);
  assert.equal(p.due_soon, false);
  assert.equal(p.batch, null);
  assert.equal(p.merged_into, null);
  assert.deepEqual(p.answers, []);
  assert.equal(p.published, false);
  assert.equal(p.rating, null);
  assert.deepEqual(p.attachments, []);
  const got = await users['htx-taihoan'].request(`${P}/${p.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.code, p.code);
  assert.equal(got.headers.get('etag'), `"${got.body.version}"`);
  const next = await create();
  assert.notEqual(next.code, p.code);
  assert.ok(next.code > p.code, 'codes increase');
});

test('who may write a petition: a cooperative for itself, the Alliance for anyone; others are refused', async () => {
  const before = await totalAsAlliance();
  expectProblem(assert, await users['htx-taihoan'].request(P, { method: 'POST', json: draftBody({ cooperative_id: KIEN_TRUC_XANH }) }), 403);
  for (const u of ['ubnd', 'so-congthuong'])
    expectProblem(assert, await users[u].request(P, { method: 'POST', json: draftBody() }), 403);
  expectProblem(assert, await server.request(P, { method: 'POST', json: draftBody() }), 401);
  assert.equal(await totalAsAlliance(), before, 'nothing was written');

  const paper = await users.lienminh.request(P, { method: 'POST', json: draftBody({ cooperative_id: THIRD_COOP, channel: 'paper' }) });
  assert.equal(paper.status, 201, paper.text);
  assert.equal(paper.body.channel, 'paper');
  assert.equal(paper.body.cooperative.id, THIRD_COOP);
  assert.equal(paper.body.state, 'draft');
  // The Alliance submits what it typed in from paper.
  const submitted = await ok('lienminh', paper.body.id, 'submit');
  assert.equal(submitted.state, 'submitted');
});

test('a draft is edited by its cooperative or the Alliance, with If-Match; after submission it is 409', async () => {
  const p = await create();
  const etag = `"${p.version}"`;
  const edited = await users['htx-taihoan'].request(`${P}/${p.id}`, {
    method: 'PATCH',
    json: { title: 'Đề nghị hỗ trợ vốn mua máy sấy miến', content: 'Nội dung đã bổ sung số liệu.', categories: ['credit', 'technology'] },
    headers: { 'if-match': etag },
  });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.body.title, 'Đề nghị hỗ trợ vốn mua máy sấy miến');
  assert.equal(edited.body.content, 'Nội dung đã bổ sung số liệu.');
  assert.deepEqual(edited.body.categories, ['credit', 'technology']);
  assert.equal(edited.body.state, 'draft');
  assert.ok(edited.body.version > p.version);
  assert.equal(edited.headers.get('etag'), `"${edited.body.version}"`);

  const stale = await users['htx-taihoan'].request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'Cũ' }, headers: { 'if-match': etag } });
  expectProblem(assert, stale, 412);
  const byAlliance = await users.lienminh.request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'Đề nghị hỗ trợ vốn mua máy sấy miến dong' } });
  assert.equal(byAlliance.status, 200, byAlliance.text);
  assert.equal(byAlliance.body.title, 'Đề nghị hỗ trợ vốn mua máy sấy miến dong');

  const current = await read(p.id);
  expectProblem(assert, await users.ubnd.request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'x' } }), 403);
  const other = await users['htx-kientrucxanh'].request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'x' } });
  assert.ok([403, 404].includes(other.status), `another cooperative: ${other.status}`);
  const dept = await users['so-congthuong'].request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'x' } });
  assert.ok([403, 404].includes(dept.status), `a department: ${dept.status}`);
  expectProblem(assert, await server.request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'x' } }), 401);
  await assertUnchanged(current);

  const submitted = await ok('htx-taihoan', p.id, 'submit');
  expectProblem(assert, await users['htx-taihoan'].request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'Muộn rồi' } }), 409);
  expectProblem(assert, await users.lienminh.request(`${P}/${p.id}`, { method: 'PATCH', json: { title: 'Muộn rồi' } }), 409);
  await assertUnchanged(submitted);
  assert.equal((await read(p.id)).title, 'Đề nghị hỗ trợ vốn mua máy sấy miến dong');
});

// ---------------------------------------------------------------------------------------------
// The lifecycle

test('the whole lifecycle: draft, return, resubmit, receive, batch, assign, answer, publish, close; all in the history', async () => {
  const coop = 'htx-taihoan';
  let p = await create(coop, { title: 'Đề nghị hỗ trợ xúc tiến thương mại cho miến dong Côn Minh' });
  p = await patch(coop, p.id, { content: 'Đề nghị hỗ trợ tham gia hội chợ OCOP khu vực phía Bắc năm nay.' });
  assert.equal(p.content, 'Đề nghị hỗ trợ tham gia hội chợ OCOP khu vực phía Bắc năm nay.');

  p = await ok(coop, p.id, 'submit');
  assert.equal(p.state, 'submitted');
  assert.ok(await hasNotification('lienminh', 'submitted', p.id), 'the Alliance is told of the submission');

  p = await ok('lienminh', p.id, 'return', { reason: 'Đề nghị bổ sung số lượng sản phẩm dự kiến trưng bày' });
  assert.equal(p.state, 'needs_info');
  assert.equal(p.return_reason, 'Đề nghị bổ sung số lượng sản phẩm dự kiến trưng bày');
  assert.ok(await hasNotification(coop, 'returned', p.id), 'the cooperative is told of the return');
  p = await patch(coop, p.id, { content: 'Đề nghị hỗ trợ tham gia hội chợ OCOP khu vực phía Bắc, trưng bày 40 sản phẩm.' });
  assert.equal(p.state, 'needs_info');

  p = await ok(coop, p.id, 'resubmit');
  assert.equal(p.state, 'submitted');

  p = await ok('lienminh', p.id, 'receive', { categories: ['market', 'ocop'] });
  assert.equal(p.state, 'received');
  assert.deepEqual(p.categories, ['market', 'ocop'], 'the Alliance reclassified it on receipt');

  const batch = await makeBatch([p.id], 'Báo cáo kiến nghị của HTX (đợt lẻ)');
  p = await read(p.id);
  assert.equal(p.state, 'forwarded');
  assert.equal(p.batch.id, batch.id);
  assert.equal(p.batch.number, batch.number);

  p = await ok('ubnd', p.id, 'assign', {
    lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']], due_on: FUTURE,
  });
  assert.equal(p.state, 'assigned');
  assert.equal(p.lead_agency.code, 'so-congthuong');
  assert.equal(p.lead_agency.id, agency['so-congthuong']);
  assert.deepEqual(p.coordinating_agencies.map((a) => a.code), ['so-taichinh']);
  assert.equal(p.due_on, FUTURE);
  assert.equal(p.assigned_on, todayIso());
  assert.equal(p.overdue, false);
  assert.ok(await hasNotification('so-congthuong', 'assigned', p.id), 'the lead agency is told');
  assert.ok(await hasNotification('so-taichinh', 'assigned', p.id), 'the coordinating agency is told');

  p = await ok('so-congthuong', p.id, 'answer', {
    text: 'Sở Công Thương sẽ bố trí gian hàng miễn phí cho hợp tác xã tại hội chợ.',
    legal_basis: 'Quyết định 1234/QĐ-UBND về chương trình xúc tiến thương mại',
  });
  assert.equal(p.state, 'answered');
  assert.equal(p.answers.length, 1);
  assert.equal(p.answers[0].agency.code, 'so-congthuong');
  assert.equal(p.answers[0].text, 'Sở Công Thương sẽ bố trí gian hàng miễn phí cho hợp tác xã tại hội chợ.');
  assert.equal(p.answers[0].legal_basis, 'Quyết định 1234/QĐ-UBND về chương trình xúc tiến thương mại');
  assert.equal(p.answers[0].answered_on, todayIso());
  assert.equal(p.answers[0].at_conference, false);
  assert.equal(p.published, false);
  assert.ok(await hasNotification(coop, 'answered', p.id), 'the cooperative is told of the answer');
  assert.ok(await hasNotification('lienminh', 'answered', p.id), 'the Alliance is told of the answer');

  p = await ok('lienminh', p.id, 'publish');
  assert.equal(p.state, 'answered');
  assert.equal(p.published, true);
  const pub = await server.request(`/api/v1/public/petitions/${encodeURIComponent(p.code)}`);
  assert.equal(pub.status, 200, pub.text);
  assert.equal(pub.body.answers[0].text, 'Sở Công Thương sẽ bố trí gian hàng miễn phí cho hợp tác xã tại hội chợ.');

  p = await ok(coop, p.id, 'close', { rating: 4, comment: 'Hợp tác xã hài lòng với câu trả lời' });
  assert.equal(p.state, 'closed');
  assert.equal(p.rating, 4);
  assert.equal(p.rating_comment, 'Hợp tác xã hài lòng với câu trả lời');

  const history = await users[coop].request(`${P}/${p.id}/history`);
  assert.equal(history.status, 200, history.text);
  const rows = history.body.items.filter((h) => h.from_state);   // a creation row, if any, has no from_state
  const steps = [
    ['submit', 'draft', 'submitted'], ['return', 'submitted', 'needs_info'], ['resubmit', 'needs_info', 'submitted'],
    ['receive', 'submitted', 'received'], [null, 'received', 'forwarded'], ['assign', 'forwarded', 'assigned'],
    ['answer', 'assigned', 'answered'], ['publish', 'answered', 'answered'], ['close', 'answered', 'closed'],
  ];
  assert.deepEqual(rows.map((h) => [h.from_state, h.to_state]), steps.map(([, from, to]) => [from, to]));
  steps.forEach(([action], i) => { if (action) assert.equal(rows[i].action, action, `row ${i}`); });
  assert.equal(rows[1].reason, 'Đề nghị bổ sung số lượng sản phẩm dự kiến trưng bày');
  assert.deepEqual(rows.map((h) => h.user.role), ['coop', 'alliance', 'coop', 'alliance', 'alliance', 'leader', 'department', 'alliance', 'coop']);
  assert.ok(rows.every((h) => h.user.display_name && h.at));
  const times = history.body.items.map((h) => h.at);
  assert.deepEqual(times, [...times].sort(), 'history is in order');
});

test('every allowed (state, action, role) succeeds and moves the petition where the table says', async () => {
  const confId = await aConference();
  const target = await petitionIn('received');
  const cases = [
    ['draft', 'submit', 'htx-taihoan', {}, 'draft', 'submitted'],
    ['draft', 'submit', 'lienminh', {}, 'draft', 'submitted'],
    ['submitted', 'return', 'lienminh', { reason: 'Thiếu hồ sơ kèm theo' }, 'submitted', 'needs_info'],
    ['submitted', 'receive', 'lienminh', {}, 'submitted', 'received'],
    ['received', 'reject', 'lienminh', { reason: 'Đã được giải quyết tại kỳ trước' }, 'received', 'rejected'],
    ['forwarded', 'assign', 'ubnd', { lead_agency_id: agency['so-congthuong'], due_on: FUTURE }, 'forwarded', 'assigned'],
    ['assigned', 'answer', 'so-congthuong', { text: 'Đã chỉ đạo giải quyết.' }, 'assigned', 'answered'],
    ['answered', 'publish', 'lienminh', {}, 'answered', 'answered'],
    ['answered', 'publish', 'ubnd', {}, 'answered', 'answered'],
    ['closed', 'publish', 'lienminh', {}, 'closed', 'closed'],
    ['closed', 'publish', 'ubnd', {}, 'closed', 'closed'],
    ['answered', 'close', 'htx-taihoan', { rating: 5, comment: 'Rất hài lòng' }, 'answered', 'closed'],
    ['answered', 'close', 'lienminh', {}, 'answered', 'closed'],
    ['answered', 'reopen', 'htx-taihoan', { reason: 'Chưa giải quyết dứt điểm' }, 'answered', 'assigned'],
    ['answered', 'reopen', 'lienminh', { reason: 'Hợp tác xã phản ánh chưa được giải quyết' }, 'answered', 'assigned'],
    ['closed', 'reopen', 'htx-taihoan', { reason: 'Sau khi đóng vẫn chưa được hỗ trợ' }, 'closed', 'assigned'],
    ['closed', 'reopen', 'lienminh', { reason: 'Mở lại theo đề nghị của HTX' }, 'closed', 'assigned'],
    ['submitted', 'merge', 'lienminh', { into: target.id }, 'submitted', 'merged'],
    ['received', 'merge', 'lienminh', { into: target.id }, 'received', 'merged'],
    ['draft', 'record_at_conference', 'lienminh', { conference_id: confId, lead_agency_id: agency['so-congthuong'], text: 'Trả lời trực tiếp tại hội nghị.', legal_basis: 'Luật Hợp tác xã 2023' }, 'draft', 'answered'],
  ];
  for (const [state, action, who, fields, from, to] of cases) {
    const o = action === 'record_at_conference'
      ? { creator: 'lienminh', create: { cooperative_id: TAI_HOAN, channel: 'conference', conference_id: confId } }
      : {};
    const p = await petitionIn(state, o);
    assert.equal(p.state, from);
    const res = await act(who, p.id, action, fields);
    assert.equal(res.status, 200, `${who} ${action} from ${state}: ${res.text}`);
    assert.equal(res.body.state, to, `${who} ${action} from ${state}`);
    assert.ok(res.body.version > p.version, `${action} raises the version`);
    assert.equal(res.headers.get('etag'), `"${res.body.version}"`);
    const history = (await users.lienminh.request(`${P}/${p.id}/history`)).body.items;
    const last = history[history.length - 1];
    assert.equal(last.action, action);
    assert.equal(last.from_state, from);
    assert.equal(last.to_state, to);
    if (fields.reason) assert.equal(last.reason, fields.reason);
  }
});

test('reopening: a new due date counted from today, the lead agency is told, and the case can be answered again', async () => {
  let p = await petitionIn('answered', { create: { categories: ['land', 'market'] } });
  p = await ok('htx-taihoan', p.id, 'reopen', { reason: 'Đất sản xuất vẫn chưa được bàn giao' });
  assert.equal(p.state, 'assigned');
  assert.equal(p.lead_agency.code, 'so-congthuong');
  assert.equal(p.due_on, addWorkingDays(todayIso(), category.land.default_days, holidays), 'by the first category, land');
  assert.ok(await hasNotification('so-congthuong', 'reopened', p.id));

  p = await ok('so-congthuong', p.id, 'answer', { text: 'Đã đề nghị UBND xã bàn giao mặt bằng trong tháng.' });
  assert.equal(p.state, 'answered');
  assert.equal(p.answers.length, 2);
  // The Alliance may close without a rating; the leader publishes from closed.
  p = await ok('lienminh', p.id, 'close');
  assert.equal(p.state, 'closed');
  assert.equal(p.rating, null);
  p = await ok('ubnd', p.id, 'publish');
  assert.equal(p.state, 'closed');
  assert.equal(p.published, true);
  p = await ok('lienminh', p.id, 'reopen', { reason: 'Hợp tác xã phản ánh lại' });
  assert.equal(p.state, 'assigned');
});

test('closing: the cooperative must rate 1 to 5; another cooperative may not close or reopen what it only reads', async () => {
  const p = await petitionIn('answered');
  for (const rating of [undefined, 0, 6, 4.5, '4'])
    expectProblem(assert, await act('htx-taihoan', p.id, 'close', rating === undefined ? {} : { rating }), 422, 'rating');
  await assertUnchanged(p);
  const published = await ok('lienminh', p.id, 'publish');
  // A published petition is readable by every cooperative, but not theirs to close or reopen.
  assert.equal((await users['htx-kientrucxanh'].request(`${P}/${p.id}`)).status, 200);
  expectProblem(assert, await act('htx-kientrucxanh', p.id, 'close', { rating: 1 }), 403);
  expectProblem(assert, await act('htx-kientrucxanh', p.id, 'reopen', { reason: 'Không phải của tôi' }), 403);
  await assertUnchanged(published);
});

test('only the lead agency answers: a coordinating agency is refused with 403', async () => {
  const p = await petitionIn('assigned', { lead: 'so-congthuong', coordinating: ['so-taichinh'] });
  assert.equal((await users['so-taichinh'].request(`${P}/${p.id}`)).status, 200, 'the coordinating agency reads it');
  expectProblem(assert, await act('so-taichinh', p.id, 'answer', { text: 'Sở Tài chính trả lời thay' }), 403);
  await assertUnchanged(p);
});

// ---------------------------------------------------------------------------------------------
// Every forbidden (state, action, role)

const ROLE_USER = { coop: 'htx-taihoan', alliance: 'lienminh', department: 'so-congthuong', leader: 'ubnd', admin: 'admin' };
const RULES = {
  submit: { roles: ['coop', 'alliance'], from: ['draft'] },
  return: { roles: ['alliance'], from: ['submitted'] },
  receive: { roles: ['alliance'], from: ['submitted'] },
  reject: { roles: ['alliance'], from: ['received'] },
  assign: { roles: ['leader'], from: ['forwarded'] },
  answer: { roles: ['department'], from: ['assigned'] },
  publish: { roles: ['alliance', 'leader'], from: ['answered', 'closed'] },
  close: { roles: ['coop', 'alliance'], from: ['answered'] },
  reopen: { roles: ['coop', 'alliance'], from: ['answered', 'closed'] },
  merge: { roles: ['alliance'], from: ['submitted', 'received'] },
  record_at_conference: { roles: ['alliance'], from: ['draft'] },
};
const STATES = ['draft', 'submitted', 'received', 'rejected', 'forwarded', 'assigned', 'answered', 'closed', 'merged'];
// The lead agency is only set from assignment on; before that the department cannot see the
// petition at all (visibility answers 404 before anything else can be decided).
const DEPARTMENT_SEES = ['assigned', 'answered', 'closed'];

test('every forbidden (state, action, role) is 403 or 409 and leaves the petition as it was', async () => {
  const confId = await aConference();
  const target = await petitionIn('received');
  const petitions = {};
  for (const state of STATES) petitions[state] = await petitionIn(state);
  const fields = {
    submit: {}, return: { reason: 'Thiếu hồ sơ' }, receive: {}, reject: { reason: 'Không thuộc thẩm quyền' },
    assign: { lead_agency_id: agency['so-congthuong'], due_on: FUTURE }, answer: { text: 'Trả lời', legal_basis: 'Luật HTX 2023' },
    publish: {}, close: { rating: 4, comment: 'Được' }, reopen: { reason: 'Chưa giải quyết' }, merge: { into: target.id },
    record_at_conference: { conference_id: confId, lead_agency_id: agency['so-congthuong'], text: 'Trả lời tại hội nghị' },
  };
  const mismatches = [];
  let tried = 0;
  await Promise.all(STATES.map(async (state) => {
    const p = petitions[state];
    assert.equal(p.state, state, `setup reached ${state}`);
    for (const [action, rule] of Object.entries(RULES)) {
      for (const [role, who] of Object.entries(ROLE_USER)) {
        const mayAct = rule.roles.includes(role);
        if (mayAct && rule.from.includes(state)) continue;   // allowed: tested above
        let expected = [mayAct ? 409 : 403];
        if (role === 'department' && !DEPARTMENT_SEES.includes(state))
          expected = mayAct ? [404, 409, 403] : [403, 404];
        tried += 1;
        const res = await act(who, p.id, action, fields[action]);
        if (!expected.includes(res.status))
          mismatches.push(`${role} ${action} on ${state}: expected ${expected.join('/')}, got ${res.status} ${res.text.slice(0, 120)}`);
        else if (!(res.headers.get('content-type') ?? '').includes('application/problem+json') || res.body?.status !== res.status)
          mismatches.push(`${role} ${action} on ${state}: not a problem+json answer`);
        const now = await read(p.id);
        if (now.state !== p.state || now.version !== p.version)
          mismatches.push(`${role} ${action} on ${state}: the petition changed (${now.state} v${now.version})`);
      }
    }
  }));
  assert.ok(tried > 400, `tried ${tried}`);
  assert.deepEqual(mismatches, []);
  await assertUnchanged(target);
});

test('forwarding is not a transition: only a batch forwards a received petition', async () => {
  const p = await petitionIn('received');
  const res = await act('lienminh', p.id, 'forward');
  assert.ok([403, 409, 422].includes(res.status), `got ${res.status}`);
  await assertUnchanged(p);
});

// ---------------------------------------------------------------------------------------------
// Visibility

test('a cooperative never sees another cooperative\'s draft or submitted petition', async () => {
  const draft = await petitionIn('draft');
  const submitted = await petitionIn('submitted');
  for (const p of [draft, submitted]) {
    expectProblem(assert, await users['htx-kientrucxanh'].request(`${P}/${p.id}`), 404);
    expectProblem(assert, await users['htx-kientrucxanh'].request(`${P}/${p.id}/history`), 404);
  }
  const listed = await listAll('htx-kientrucxanh', `cooperative=${TAI_HOAN}`);
  assert.ok(!listed.items.some((x) => x.id === draft.id || x.id === submitted.id));
  const all = await listAll('htx-kientrucxanh');
  assert.ok(!all.items.some((x) => x.id === draft.id || x.id === submitted.id));
  // What it does see is its own or published.
  for (const x of all.items)
    assert.ok(x.published || x.cooperatives.some((c) => c.id === KIEN_TRUC_XANH), `${x.code} should not be visible`);
  // Its owner sees the draft, in the list too; so do the Alliance, the leader and the admin.
  const own = await listAll('htx-taihoan', 'status=draft');
  assert.ok(own.items.some((x) => x.id === draft.id));
  for (const u of ['htx-taihoan', 'lienminh', 'ubnd', 'admin'])
    assert.equal((await users[u].request(`${P}/${draft.id}`)).status, 200, u);
  expectProblem(assert, await server.request(`${P}/${draft.id}`), 401);
  expectProblem(assert, await server.request(P), 401);
  expectProblem(assert, await users.lienminh.request(`${P}/999999999`), 404);
});

test('a department sees only petitions its agency leads or coordinates', async () => {
  const other = await petitionIn('assigned', { lead: 'so-taichinh' });
  const coordinated = await petitionIn('assigned', { lead: 'so-taichinh', coordinating: ['so-congthuong'] });
  const forwarded = await petitionIn('forwarded');
  expectProblem(assert, await users['so-congthuong'].request(`${P}/${other.id}`), 404);
  expectProblem(assert, await users['so-congthuong'].request(`${P}/${forwarded.id}`), 404);
  assert.equal((await users['so-congthuong'].request(`${P}/${coordinated.id}`)).status, 200);
  assert.equal((await users['so-taichinh'].request(`${P}/${other.id}`)).status, 200);
  const listed = await listAll('so-congthuong');
  const ids = listed.items.map((x) => x.id);
  assert.ok(!ids.includes(other.id));
  assert.ok(!ids.includes(forwarded.id));
  assert.ok(ids.includes(coordinated.id));
  for (const x of listed.items)
    assert.ok(x.lead_agency?.code === 'so-congthuong' || x.coordinating_agencies.some((a) => a.code === 'so-congthuong'), `${x.code} is not so-congthuong's`);
});

// ---------------------------------------------------------------------------------------------
// Concurrency

test('two receives at the same moment: exactly one succeeds, the other sees the new state (409)', async () => {
  const p = await petitionIn('submitted');
  const results = await Promise.all([act('lienminh', p.id, 'receive'), act('lienminh', p.id, 'receive')]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join(' | '));
  const now = await read(p.id);
  assert.equal(now.state, 'received');
  assert.equal(now.version, p.version + 1);
  const history = (await users.lienminh.request(`${P}/${p.id}/history`)).body.items;
  assert.equal(history.filter((h) => h.action === 'receive').length, 1);
});

test('a transition with a stale If-Match is 412 and changes nothing; the current one passes', async () => {
  const p = await create();
  const stale = `"${p.version}"`;
  const edited = await patch('htx-taihoan', p.id, { title: 'Đề nghị đã chỉnh sửa' });
  expectProblem(assert, await act('htx-taihoan', p.id, 'submit', {}, { 'if-match': stale }), 412);
  await assertUnchanged(edited);
  const res = await act('htx-taihoan', p.id, 'submit', {}, { 'if-match': `"${edited.version}"` });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.state, 'submitted');
});

// ---------------------------------------------------------------------------------------------
// Merging

test('merging B into A: B points to A, A speaks for both cooperatives, and both hear the answer', async () => {
  const a = await petitionIn('received', { coop: 'htx-taihoan', create: { title: 'Đề nghị nâng cấp đường giao thông nội đồng', categories: ['infrastructure'] } });
  const b = await petitionIn('submitted', { coop: 'htx-kientrucxanh', create: { title: 'Kiến nghị sửa đường vào vùng nguyên liệu', categories: ['infrastructure'] } });
  expectProblem(assert, await users['htx-kientrucxanh'].request(`${P}/${a.id}`), 404);

  const merged = await ok('lienminh', b.id, 'merge', { into: a.id });
  assert.equal(merged.state, 'merged');
  assert.equal(merged.merged_into.id, a.id);
  assert.equal(merged.merged_into.code, a.code);
  const kept = await read(a.id);
  assert.equal(kept.state, 'received');
  const coops = kept.cooperatives.map((c) => c.id);
  assert.ok(coops.includes(TAI_HOAN) && coops.includes(KIEN_TRUC_XANH), JSON.stringify(kept.cooperatives));

  // B's cooperative now sees A, directly and in its list.
  assert.equal((await users['htx-kientrucxanh'].request(`${P}/${a.id}`)).status, 200);
  assert.ok((await listAll('htx-kientrucxanh')).items.some((x) => x.id === a.id));
  assert.equal((await users['htx-kientrucxanh'].request(`${P}/${b.id}`)).body.merged_into.code, a.code);

  await makeBatch([a.id]);
  await ok('ubnd', a.id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: FUTURE });
  await ok('so-congthuong', a.id, 'answer', { text: 'Tuyến đường đã được đưa vào kế hoạch đầu tư công năm tới.' });
  assert.ok(await hasNotification('htx-kientrucxanh', 'answered', a.id), 'the co-petitioner hears the answer');
  assert.ok(await hasNotification('htx-taihoan', 'answered', a.id));
});

// ---------------------------------------------------------------------------------------------
// Batches

test('batches: numbered NN/BC-LMHTX consecutively, every petition forwarded and listed', async () => {
  const r1 = await petitionIn('received');
  const r2 = await petitionIn('received');
  const r3 = await petitionIn('received');
  const res = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo kiến nghị quý', petition_ids: [r1.id, r2.id] } });
  assert.equal(res.status, 201, res.text);
  const first = res.body;
  assert.equal(res.headers.get('location'), `/api/v1/batches/${first.id}`);
  assert.match(first.number, /^\d{2}\/BC-LMHTX$/);
  assert.equal(first.year, YEAR);
  assert.equal(first.title, 'Báo cáo kiến nghị quý');
  assert.deepEqual([...first.petition_ids].sort((x, y) => x - y), [r1.id, r2.id].sort((x, y) => x - y));
  assert.ok(first.created_at);
  const second = await makeBatch([r3.id], 'Báo cáo kiến nghị bổ sung');
  assert.match(second.number, /^\d{2}\/BC-LMHTX$/);
  assert.equal(Number(second.number.slice(0, 2)), Number(first.number.slice(0, 2)) + 1);

  for (const p of [r1, r2]) {
    const now = await read(p.id);
    assert.equal(now.state, 'forwarded');
    assert.equal(now.batch.id, first.id);
    assert.equal(now.batch.number, first.number);
  }
  const got = await users.lienminh.request(`/api/v1/batches/${first.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.number, first.number);
  assert.deepEqual(got.body.petitions.map((x) => x.id).sort((x, y) => x - y), [r1.id, r2.id].sort((x, y) => x - y));
  assert.ok(got.body.petitions.every((x) => x.state === 'forwarded' && x.code && x.title));
  const list = await users.lienminh.request('/api/v1/batches?per_page=100');
  assert.equal(list.status, 200);
  assert.ok(list.body.items.some((x) => x.id === first.id) && list.body.items.some((x) => x.id === second.id));
  const byBatch = await listAll('lienminh', `batch=${first.id}`);
  assert.equal(byBatch.total, 2);
  assert.ok(byBatch.items.every((x) => x.batch.id === first.id));
  expectProblem(assert, await users.lienminh.request('/api/v1/batches/999999'), 404);
});

test('a batch with a petition that is not received is 409 and nothing moves', async () => {
  const received = await petitionIn('received');
  const submitted = await petitionIn('submitted');
  const forwarded = await petitionIn('forwarded');
  const before = (await users.lienminh.request('/api/v1/batches?per_page=1')).body.total;
  for (const ids of [[received.id, submitted.id], [received.id, forwarded.id]]) {
    const res = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Không hợp lệ', petition_ids: ids } });
    expectProblem(assert, res, 409);
  }
  await assertUnchanged(received);
  await assertUnchanged(submitted);
  await assertUnchanged(forwarded);
  assert.equal((await read(received.id)).batch, null);
  assert.equal((await users.lienminh.request('/api/v1/batches?per_page=1')).body.total, before);
});

test('only the Alliance makes batches, with a title and at least one petition', async () => {
  const p = await petitionIn('received');
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan', 'admin'])
    expectProblem(assert, await users[u].request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo', petition_ids: [p.id] } }), 403);
  expectProblem(assert, await server.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo', petition_ids: [p.id] } }), 401);
  expectProblem(assert, await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo', petition_ids: [] } }), 422, 'petition_ids');
  expectProblem(assert, await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { petition_ids: [p.id] } }), 422, 'title');
  await assertUnchanged(p);
});

// ---------------------------------------------------------------------------------------------
// Bulk

test('bulk assignment: every petition assigned at once', async () => {
  const ps = [await petitionIn('forwarded'), await petitionIn('forwarded'), await petitionIn('forwarded')];
  const res = await users.ubnd.request(`${P}/bulk-transitions`, {
    method: 'POST',
    json: { petition_ids: ps.map((p) => p.id), action: 'assign', lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']], due_on: FUTURE },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.items.map((x) => x.id), ps.map((p) => p.id));
  for (const x of res.body.items) {
    assert.equal(x.state, 'assigned');
    assert.equal(x.lead_agency.code, 'so-congthuong');
    assert.deepEqual(x.coordinating_agencies.map((a) => a.code), ['so-taichinh']);
    assert.equal(x.due_on, FUTURE);
  }
  for (const p of ps) assert.equal((await read(p.id)).state, 'assigned');
});

test('bulk: one bad petition and none is changed; the error names its index', async () => {
  const f1 = await petitionIn('forwarded');
  const s2 = await petitionIn('submitted');
  const f3 = await petitionIn('forwarded');
  const assign = { action: 'assign', lead_agency_id: agency['so-congthuong'], due_on: FUTURE };
  const wrongState = await users.ubnd.request(`${P}/bulk-transitions`, { method: 'POST', json: { petition_ids: [f1.id, s2.id, f3.id], ...assign } });
  expectProblem(assert, wrongState, 409);
  assert.equal(wrongState.body.errors[0].field, 'petition_ids[1]');
  for (const p of [f1, s2, f3]) await assertUnchanged(p, 'after a failed bulk');

  const missing = await users.ubnd.request(`${P}/bulk-transitions`, { method: 'POST', json: { petition_ids: [f1.id, 999999999], ...assign } });
  assert.ok([404, 422].includes(missing.status), `got ${missing.status}`);
  assert.equal(missing.body.errors[0].field, 'petition_ids[1]');
  await assertUnchanged(f1);

  const refused = await users['so-congthuong'].request(`${P}/bulk-transitions`, { method: 'POST', json: { petition_ids: [f1.id, f3.id], ...assign } });
  expectProblem(assert, refused, 403);
  await assertUnchanged(f1);
  await assertUnchanged(f3);
});

// ---------------------------------------------------------------------------------------------
// Deadlines

test('without due_on the deadline is the first category\'s working days after today, holidays skipped', async () => {
  for (const cats of [['land', 'market'], ['market', 'land'], ['credit', 'infrastructure']]) {
    const p = await petitionIn('forwarded', { create: { categories: cats } });
    const assigned = await ok('ubnd', p.id, 'assign', { lead_agency_id: agency['so-congthuong'] });
    assert.equal(assigned.assigned_on, todayIso());
    const days = category[cats[0]].default_days;
    assert.equal(assigned.due_on, addWorkingDays(assigned.assigned_on, days, holidays), `${cats[0]}: ${days} working days`);
    assert.equal(assigned.overdue, false);
  }
});

test('due_soon: due within three working days; overdue: assigned, unanswered and late', async () => {
  const soon = await petitionIn('assigned', { due_on: addWorkingDays(todayIso(), 1, holidays) });
  assert.equal(soon.due_soon, true);
  assert.equal(soon.overdue, false);
  const later = await petitionIn('assigned', { due_on: addWorkingDays(todayIso(), 10, holidays) });
  assert.equal(later.due_soon, false);
  const dueSoon = await listAll('lienminh', 'due_soon=1');
  assert.ok(dueSoon.items.some((x) => x.id === soon.id));
  assert.ok(!dueSoon.items.some((x) => x.id === later.id));
  assert.ok(dueSoon.items.every((x) => x.due_soon === true && x.state === 'assigned'));
  // Answering ends the clock.
  const answered = await ok('so-congthuong', soon.id, 'answer', { text: 'Đã trả lời đúng hạn.' });
  assert.equal(answered.due_soon, false);

  const overdue = await listAll('lienminh', 'overdue=1');
  assert.ok(overdue.total > 0, 'the demo has overdue petitions');
  for (const x of overdue.items) {
    assert.equal(x.overdue, true, x.code);
    assert.equal(x.state, 'assigned', x.code);
    assert.ok(x.due_on < todayIso(), x.code);
  }
});

// ---------------------------------------------------------------------------------------------
// The demo, search and filters

test('the demo: a petition of HTX Tài Hoan about Vằng Mười, assigned to Sở Công Thương', async () => {
  const own = await listAll('htx-taihoan', `cooperative=${TAI_HOAN}`);
  const vangMuoi = own.items.find((x) => x.title.includes('Vằng Mười'));
  assert.ok(vangMuoi, 'found');
  assert.equal(vangMuoi.state, 'assigned');
  assert.equal(vangMuoi.lead_agency.code, 'so-congthuong');
  assert.ok(vangMuoi.cooperatives.some((c) => c.id === TAI_HOAN));
});

test('the demo has petitions in every state and every category, and overdue ones', async () => {
  for (const status of ['draft', 'submitted', 'received', 'forwarded', 'assigned', 'answered', 'closed', 'rejected'])
    assert.ok(await totalAsAlliance(`status=${status}`) > 0, status);
  for (const code of CATEGORY_CODES)
    assert.ok(await totalAsAlliance(`category=${code}`) > 0, code);
  assert.ok(await totalAsAlliance('overdue=1') > 0);
});

test('search ignores diacritics: "vang muoi" and "Vằng Mười" find the demo petition; its code finds only it', async () => {
  const plain = await users.lienminh.request(`${P}?q=${encodeURIComponent('vang muoi')}&per_page=100`);
  assert.equal(plain.status, 200);
  const hit = plain.body.items.find((x) => x.title.includes('Vằng Mười'));
  assert.ok(hit, 'found without diacritics');
  const accented = await users.lienminh.request(`${P}?q=${encodeURIComponent('Vằng Mười')}&per_page=100`);
  assert.ok(accented.body.items.some((x) => x.id === hit.id), 'found with diacritics');
  assert.equal(accented.body.total, plain.body.total);
  const byCode = await users.lienminh.request(`${P}?q=${encodeURIComponent(hit.code)}`);
  assert.equal(byCode.body.total, 1);
  assert.equal(byCode.body.items[0].id, hit.id);
  const nothing = await users.lienminh.request(`${P}?q=${encodeURIComponent('xyzzy khong co dau')}`);
  assert.equal(nothing.body.total, 0);
});

test('search covers content and answers, and respects visibility', async () => {
  const p = await petitionIn('answered', {
    create: { title: 'Đề nghị hỗ trợ giống cây', content: 'Vùng trồng Khuổi Ngòa Xuyên cần giống chè mới.' },
    answer: 'Trung tâm khuyến nông cấp giống tại Đèo Giàng Thắm trong quý tới.',
  });
  for (const q of ['khuoi ngoa xuyen', 'Khuổi Ngòa Xuyên', 'deo giang tham', 'ĐÈO GIÀNG THẮM']) {
    const res = await users.lienminh.request(`${P}?q=${encodeURIComponent(q)}`);
    assert.ok(res.body.items.some((x) => x.id === p.id), q);
  }
  // Not published, not its own: another cooperative's search does not reveal it.
  const other = await users['htx-kientrucxanh'].request(`${P}?q=${encodeURIComponent('khuoi ngoa xuyen')}`);
  assert.equal(other.body.total, 0);
  const dept = await users['so-taichinh'].request(`${P}?q=${encodeURIComponent('khuoi ngoa xuyen')}`);
  assert.equal(dept.body.total, 0);
});

test('filters: status, category, agency, cooperative, dates; each item matches', async () => {
  const coordinated = await petitionIn('assigned', { lead: 'so-congthuong', coordinating: ['so-taichinh'], create: { categories: ['tax', 'credit'] } });
  const byStatus = await listAll('lienminh', 'status=assigned');
  assert.ok(byStatus.items.every((x) => x.state === 'assigned'));
  assert.ok(byStatus.items.some((x) => x.id === coordinated.id));
  const byCategory = await listAll('lienminh', 'category=credit');
  assert.ok(byCategory.items.every((x) => x.categories.includes('credit')));
  assert.ok(byCategory.items.some((x) => x.id === coordinated.id), 'a second category counts too');
  const byAgency = await listAll('lienminh', `agency=${agency['so-taichinh']}`);
  assert.ok(byAgency.items.some((x) => x.id === coordinated.id), 'a coordinating agency counts');
  assert.ok(byAgency.items.every((x) => x.lead_agency?.code === 'so-taichinh' || x.coordinating_agencies.some((a) => a.code === 'so-taichinh')));
  const byCoop = await listAll('lienminh', `cooperative=${KIEN_TRUC_XANH}`);
  assert.ok(byCoop.total > 0);
  assert.ok(byCoop.items.every((x) => x.cooperatives.some((c) => c.id === KIEN_TRUC_XANH)));
  const combined = await listAll('lienminh', `status=assigned&category=tax&agency=${agency['so-congthuong']}`);
  assert.ok(combined.items.some((x) => x.id === coordinated.id));
  assert.ok(combined.items.every((x) => x.state === 'assigned' && x.categories.includes('tax')));

  const today = todayIso();
  const todays = await listAll('lienminh', `from=${today}&to=${today}`);
  assert.ok(todays.items.some((x) => x.id === coordinated.id));
  assert.ok(todays.items.every((x) => x.created_at.slice(0, 10) === today));
  assert.equal((await users.lienminh.request(`${P}?from=${plusDays(today, 1)}`)).body.total, 0);
  assert.equal((await users.lienminh.request(`${P}?to=2000-01-01`)).body.total, 0);
});

test('pagination and sorting of the list', async () => {
  const page = await users.lienminh.request(`${P}?per_page=2&page=1`);
  assert.equal(page.status, 200);
  assert.equal(page.body.page, 1);
  assert.equal(page.body.per_page, 2);
  assert.equal(page.body.items.length, 2);
  const page2 = await users.lienminh.request(`${P}?per_page=2&page=2`);
  assert.ok(!page2.body.items.some((x) => page.body.items.some((y) => y.id === x.id)));
  const byDefault = (await users.lienminh.request(`${P}?per_page=50`)).body.items.map((x) => x.created_at);
  assert.deepEqual(byDefault, [...byDefault].sort().reverse(), 'newest first by default');
  const codes = (await users.lienminh.request(`${P}?per_page=50&sort=code`)).body.items.map((x) => x.code);
  assert.deepEqual(codes, [...codes].sort());
  const codesDesc = (await users.lienminh.request(`${P}?per_page=50&sort=-code`)).body.items.map((x) => x.code);
  assert.deepEqual(codesDesc, [...codesDesc].sort().reverse());
  const due = (await users.lienminh.request(`${P}?status=assigned&per_page=50&sort=due_on`)).body.items.map((x) => x.due_on);
  assert.deepEqual(due, [...due].sort());
  const dueDesc = (await users.lienminh.request(`${P}?status=assigned&per_page=50&sort=-due_on`)).body.items.map((x) => x.due_on);
  assert.deepEqual(dueDesc, [...dueDesc].sort().reverse());
  const created = (await users.lienminh.request(`${P}?per_page=50&sort=created_at`)).body.items.map((x) => x.created_at);
  assert.deepEqual(created, [...created].sort());
});

test('bad list parameters are 400 naming the parameter', async () => {
  const get = (q) => users.lienminh.request(`${P}?${q}`);
  expectProblem(assert, await get('status=lost'), 400, 'status');
  expectProblem(assert, await get('category=fishing'), 400, 'category');
  expectProblem(assert, await get('sort=colour'), 400, 'sort');
  expectProblem(assert, await get('from=2025-13-01'), 400, 'from');
  expectProblem(assert, await get('to=yesterday'), 400, 'to');
  expectProblem(assert, await get('per_page=500'), 400, 'per_page');
  expectProblem(assert, await get('page=0'), 400, 'page');
  expectProblem(assert, await get('colour=red'), 400, 'colour');
});

// ---------------------------------------------------------------------------------------------
// The public view

test('the public sees published petitions only, without personal data', async () => {
  const p = await petitionIn('answered', {
    create: { title: 'Đề nghị hỗ trợ chứng nhận OCOP cho măng khô Nà Phầy', categories: ['ocop'] },
    whileDraft: async (draft) => {
      const up = await upload('htx-taihoan', draft.id, 'ho-so.pdf', 'application/pdf', PDF);
      assert.equal(up.status, 201, up.text);
    },
  });
  assert.equal(p.attachments.length, 1);
  expectProblem(assert, await server.request(`/api/v1/public/petitions/${encodeURIComponent(p.code)}`), 404);
  const hidden = await server.request(`/api/v1/public/petitions?q=${encodeURIComponent('mang kho na phay')}`);
  assert.equal(hidden.status, 200);
  assert.equal(hidden.body.total, 0);

  await ok('ubnd', p.id, 'publish');
  const res = await server.request(`/api/v1/public/petitions/${encodeURIComponent(p.code)}`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.code, p.code);
  assert.equal(res.body.title, 'Đề nghị hỗ trợ chứng nhận OCOP cho măng khô Nà Phầy');
  assert.ok(res.body.answers.length >= 1 && res.body.answers[0].text);
  for (const key of ['attachments', 'history', 'created_by'])
    assert.equal(res.body[key], undefined, `no ${key}`);
  assert.ok(!res.text.includes('Triệu Thị Hoan'), 'no user names');
  assert.ok(!res.text.includes('ho-so.pdf'), 'no attachment names');

  const list = await server.request(`/api/v1/public/petitions?q=${encodeURIComponent('mang kho na phay')}`);
  assert.equal(list.body.total, 1);
  assert.equal(list.body.items[0].code, p.code);
  assert.equal(list.body.items[0].attachments, undefined);
  const byCategory = await server.request('/api/v1/public/petitions?category=ocop&per_page=100');
  assert.ok(byCategory.body.items.every((x) => x.categories.includes('ocop')));
  const all = await server.request('/api/v1/public/petitions?per_page=100');
  assert.ok(all.body.items.length <= 100 && all.body.total >= 1);
  expectProblem(assert, await server.request('/api/v1/public/petitions/KN-1999-000001'), 404);
});

// ---------------------------------------------------------------------------------------------
// Bad input

test('creating: every bad input is 422 naming the field, and nothing is written', async () => {
  const before = await totalAsAlliance();
  const post = (who, over) => users[who].request(P, { method: 'POST', json: draftBody(over) });
  expectProblem(assert, await post('htx-taihoan', { content: 'ă'.repeat(10001) }), 422, 'content');
  expectProblem(assert, await post('htx-taihoan', { content: undefined }), 422, 'content');
  expectProblem(assert, await post('htx-taihoan', { content: '   ' }), 422, 'content');
  expectProblem(assert, await post('htx-taihoan', { title: 'ă'.repeat(301) }), 422, 'title');
  expectProblem(assert, await post('htx-taihoan', { title: undefined }), 422, 'title');
  expectProblem(assert, await post('htx-taihoan', { title: '' }), 422, 'title');
  expectProblem(assert, await post('htx-taihoan', { categories: [] }), 422, 'categories');
  expectProblem(assert, await post('htx-taihoan', { categories: undefined }), 422, 'categories');
  expectProblem(assert, await post('htx-taihoan', { categories: ['fishing'] }), 422, 'categories');
  expectProblem(assert, await post('htx-taihoan', { categories: ['market', 'fishing'] }), 422, 'categories');
  expectProblem(assert, await post('htx-taihoan', { categories: 'market' }), 422, 'categories');
  expectProblem(assert, await post('htx-taihoan', { channel: 'fax' }), 422, 'channel');
  expectProblem(assert, await post('htx-taihoan', { colour: 'green' }), 422, 'colour');
  expectProblem(assert, await post('lienminh', { cooperative_id: undefined }), 422, 'cooperative_id');
  expectProblem(assert, await post('lienminh', { cooperative_id: 999999 }), 422, 'cooperative_id');
  expectProblem(assert, await post('lienminh', { channel: 'conference', conference_id: 999999 }), 422, 'conference_id');
  assert.equal(await totalAsAlliance(), before, 'nothing was written');
  // The limits themselves are allowed.
  const longest = await post('htx-taihoan', { title: 'ă'.repeat(300), content: 'ă'.repeat(10000) });
  assert.equal(longest.status, 201, longest.text);
  assert.equal(longest.body.content.length, 10000);
  const every = await post('htx-taihoan', { categories: CATEGORY_CODES });
  assert.equal(every.status, 201, every.text);
  assert.deepEqual(every.body.categories, CATEGORY_CODES);
});

test('editing a draft: bad input is 422 naming the field; the state cannot be patched', async () => {
  const p = await create();
  const edit = (json) => users['htx-taihoan'].request(`${P}/${p.id}`, { method: 'PATCH', json });
  expectProblem(assert, await edit({ content: 'ă'.repeat(10001) }), 422, 'content');
  expectProblem(assert, await edit({ title: 'ă'.repeat(301) }), 422, 'title');
  expectProblem(assert, await edit({ title: '' }), 422, 'title');
  expectProblem(assert, await edit({ categories: [] }), 422, 'categories');
  expectProblem(assert, await edit({ categories: ['fishing'] }), 422, 'categories');
  expectProblem(assert, await edit({ state: 'answered' }), 422, 'state');
  await assertUnchanged(p);
  assert.equal((await read(p.id)).title, p.title);
});

test('transitions: every bad input is 422 naming the field, and nothing changes', async () => {
  const confId = await aConference();
  const draft = await petitionIn('draft');
  const submitted = await petitionIn('submitted');
  const received = await petitionIn('received');
  const forwarded = await petitionIn('forwarded');
  const assigned = await petitionIn('assigned');
  const answered = await petitionIn('answered');
  const closed = await petitionIn('closed');
  const rejected = await petitionIn('rejected');
  const merged = await petitionIn('merged');
  const alliance = (p, action, fields) => act('lienminh', p.id, action, fields);

  expectProblem(assert, await alliance(draft, 'approve', {}), 422, 'action');
  expectProblem(assert, await users.lienminh.request(`${P}/${draft.id}/transitions`, { method: 'POST', json: {} }), 422, 'action');
  expectProblem(assert, await users.lienminh.request(`${P}/${draft.id}/transitions`, { method: 'POST', json: { action: 42 } }), 422, 'action');
  expectProblem(assert, await act('htx-taihoan', draft.id, 'submit', { colour: 'green' }), 422, 'colour');

  expectProblem(assert, await alliance(submitted, 'return', {}), 422, 'reason');
  expectProblem(assert, await alliance(submitted, 'return', { reason: '   ' }), 422, 'reason');
  expectProblem(assert, await alliance(submitted, 'receive', { categories: ['fishing'] }), 422, 'categories');
  expectProblem(assert, await alliance(submitted, 'receive', { categories: [] }), 422, 'categories');
  expectProblem(assert, await alliance(received, 'reject', {}), 422, 'reason');

  expectProblem(assert, await alliance(received, 'merge', {}), 422, 'into');
  expectProblem(assert, await alliance(received, 'merge', { into: received.id }), 422, 'into');
  expectProblem(assert, await alliance(received, 'merge', { into: closed.id }), 422, 'into');
  expectProblem(assert, await alliance(received, 'merge', { into: rejected.id }), 422, 'into');
  expectProblem(assert, await alliance(received, 'merge', { into: merged.id }), 422, 'into');
  expectProblem(assert, await alliance(received, 'merge', { into: 999999999 }), 422, 'into');

  const assign = (fields) => act('ubnd', forwarded.id, 'assign', fields);
  expectProblem(assert, await assign({ due_on: FUTURE }), 422, 'lead_agency_id');
  expectProblem(assert, await assign({ lead_agency_id: 999999, due_on: FUTURE }), 422, 'lead_agency_id');
  expectProblem(assert, await assign({ lead_agency_id: agency['so-congthuong'], due_on: plusDays(todayIso(), -1) }), 422, 'due_on');
  expectProblem(assert, await assign({ lead_agency_id: agency['so-congthuong'], due_on: '2020-06-01' }), 422, 'due_on');
  expectProblem(assert, await assign({ lead_agency_id: agency['so-congthuong'], due_on: todayIso() }), 422, 'due_on');
  expectProblem(assert, await assign({ lead_agency_id: agency['so-congthuong'], due_on: `${YEAR + 1}-02-30` }), 422, 'due_on');
  expectProblem(assert, await assign({ lead_agency_id: agency['so-congthuong'], due_on: FUTURE, coordinating_agency_ids: [999999] }), 422, 'coordinating_agency_ids');

  expectProblem(assert, await act('so-congthuong', assigned.id, 'answer', {}), 422, 'text');
  expectProblem(assert, await act('so-congthuong', assigned.id, 'answer', { text: '' }), 422, 'text');

  expectProblem(assert, await act('htx-taihoan', answered.id, 'close', {}), 422, 'rating');
  expectProblem(assert, await act('htx-taihoan', answered.id, 'close', { rating: 0 }), 422, 'rating');
  expectProblem(assert, await act('htx-taihoan', answered.id, 'close', { rating: 6 }), 422, 'rating');
  expectProblem(assert, await act('lienminh', answered.id, 'close', { rating: 9 }), 422, 'rating');
  expectProblem(assert, await act('htx-taihoan', answered.id, 'reopen', {}), 422, 'reason');
  expectProblem(assert, await act('lienminh', closed.id, 'reopen', {}), 422, 'reason');

  const confDraft = await petitionIn('draft', { creator: 'lienminh', create: { cooperative_id: TAI_HOAN, channel: 'conference', conference_id: confId } });
  const record = (fields) => alliance(confDraft, 'record_at_conference', fields);
  const full = { conference_id: confId, lead_agency_id: agency['so-congthuong'], text: 'Trả lời tại hội nghị' };
  expectProblem(assert, await record({ ...full, conference_id: 999999 }), 422, 'conference_id');
  expectProblem(assert, await record({ ...full, lead_agency_id: undefined }), 422, 'lead_agency_id');
  expectProblem(assert, await record({ ...full, lead_agency_id: 999999 }), 422, 'lead_agency_id');
  expectProblem(assert, await record({ ...full, text: undefined }), 422, 'text');

  for (const p of [draft, confDraft, submitted, received, forwarded, assigned, answered, closed, rejected, merged])
    await assertUnchanged(p, `(${p.state})`);
  expectProblem(assert, await alliance({ id: 999999999 }, 'submit', {}), 404);
});

// ---------------------------------------------------------------------------------------------
// Attachments

function upload(who, id, filename, type, bytes) {
  return client(who).request(`${P}/${id}/attachments?filename=${encodeURIComponent(filename)}`, {
    method: 'POST', body: bytes, headers: { 'content-type': type },
  });
}

// Sends only the headers of a huge upload first: a server that refuses by Content-Length
// answers before the body; one that wants the body gets it.
function uploadHuge(who, id, size) {
  const u = users[who];
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = http.request(`${server.base}${P}/${id}/attachments?filename=big.pdf`, {
      method: 'POST',
      headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, 'content-type': 'application/pdf', 'content-length': size },
    });
    const timer = setTimeout(() => {
      const body = Buffer.alloc(size, 0x20);
      body.write('%PDF-1.4\n');
      req.end(body);
    }, 500);
    req.on('response', (res) => {
      settled = true;
      clearTimeout(timer);
      res.on('error', () => {});
      res.resume();
      resolve(res.statusCode);
      req.destroy();
    });
    req.on('error', (e) => { clearTimeout(timer); if (!settled) reject(e); });
    req.flushHeaders();
  });
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docx = () => zip({
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kiến nghị</w:t></w:r></w:p></w:body></w:document>',
});
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201b6e3b6a40000000049454e44ae426082', 'hex')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd9])]);

test('attachments: PDF, PNG, JPEG and DOCX are accepted and listed on the petition', async () => {
  const p = await create();
  const files = [['de-nghi.pdf', 'application/pdf', PDF], ['anh-hien-truong.png', 'image/png', PNG],
    ['anh-kho.jpg', 'image/jpeg', JPEG], ['to-trinh.docx', DOCX_TYPE, docx()]];
  const ids = [];
  for (const [name, type, bytes] of files) {
    const res = await upload('htx-taihoan', p.id, name, type, bytes);
    assert.equal(res.status, 201, `${name}: ${res.text}`);
    assert.equal(res.body.filename, name);
    assert.equal(res.body.content_type, type);
    assert.equal(res.body.size, bytes.length);
    assert.ok(res.body.id > 0);
    ids.push(res.body.id);
  }
  const now = await read(p.id, 'htx-taihoan');
  assert.deepEqual(now.attachments.map((a) => a.id).sort((x, y) => x - y), [...ids].sort((x, y) => x - y));
  const pdf = now.attachments.find((a) => a.filename === 'de-nghi.pdf');
  assert.equal(pdf.content_type, 'application/pdf');
  assert.equal(pdf.size, PDF.length);
  // The Alliance may attach what it scanned; a file larger than the ordinary 1 MiB body is fine.
  const scan = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
  const big = await upload('lienminh', p.id, 'ban-scan.pdf', 'application/pdf', scan);
  assert.equal(big.status, 201, big.text);
  assert.equal(big.body.size, scan.length);
});

test('attachments: the bytes must be what the type says; executables and HTML are refused; over 10 MiB is 413', async () => {
  const p = await create();
  const refused = async (name, type, bytes, statuses) => {
    const res = await upload('htx-taihoan', p.id, name, type, bytes);
    assert.ok(statuses.includes(res.status), `${name} as ${type}: ${res.status} ${res.text}`);
  };
  await refused('anh.pdf', 'application/pdf', PNG, [415, 422]);
  await refused('tai-lieu.png', 'image/png', PDF, [415, 422]);
  await refused('van-ban.pdf', 'application/pdf', Buffer.from('Đây không phải PDF'), [415, 422]);
  await refused('to-trinh.docx', DOCX_TYPE, PDF, [415, 422]);
  await refused('setup.exe', 'application/x-msdownload', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)]), [415]);
  await refused('setup.exe', 'application/octet-stream', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)]), [415]);
  await refused('trang.html', 'text/html', Buffer.from('<html><script>alert(1)</script></html>'), [415]);
  assert.equal(await uploadHuge('htx-taihoan', p.id, 10 * 1024 * 1024 + 1), 413);
  const unnamed = await upload('htx-taihoan', p.id, '', 'application/pdf', PDF);
  assert.ok([400, 422].includes(unnamed.status), `no file name: ${unnamed.status}`);
  assert.ok(unnamed.body.errors.some((e) => e.field === 'filename'));
  const now = await read(p.id);
  assert.deepEqual(now.attachments, []);
  assert.equal(now.version, p.version);
});

test('attachments: readable by those who read the petition; 404 to other cooperatives and agencies, 401 anonymous', async () => {
  const p = await create();
  const up = await upload('htx-taihoan', p.id, 'de-nghi.pdf', 'application/pdf', PDF);
  assert.equal(up.status, 201, up.text);
  const path = `${P}/${p.id}/attachments/${up.body.id}`;
  for (const u of ['htx-taihoan', 'lienminh', 'ubnd', 'admin']) {
    const res = await users[u].request(path);
    assert.equal(res.status, 200, `${u}: ${res.text}`);
    assert.ok(res.buffer.equals(PDF), `${u} gets the same bytes`);
    assert.match(res.headers.get('content-type'), /^application\/pdf/);
  }
  expectProblem(assert, await users['htx-kientrucxanh'].request(path), 404);
  expectProblem(assert, await users['so-congthuong'].request(path), 404);
  expectProblem(assert, await server.request(path), 401);
  expectProblem(assert, await users['htx-taihoan'].request(`${P}/${p.id}/attachments/999999999`), 404);
  // An attachment is reached through its own petition only.
  const other = await create();
  expectProblem(assert, await users['htx-taihoan'].request(`${P}/${other.id}/attachments/${up.body.id}`), 404);
  // Nobody else adds files to it.
  const foreign = await upload('htx-kientrucxanh', p.id, 'la.pdf', 'application/pdf', PDF);
  assert.ok([403, 404].includes(foreign.status), `another cooperative uploads: ${foreign.status}`);
  expectProblem(assert, await upload(null, p.id, 'la.pdf', 'application/pdf', PDF), 401);
  assert.equal((await read(p.id)).attachments.length, 1);
});
