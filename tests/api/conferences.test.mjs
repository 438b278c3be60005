// Conferences (hội nghị gặp gỡ, đối thoại), answers recorded at a conference, directives
// (ý kiến chỉ đạo) with their progress reports, and notifications. Written from
// docs/petitions.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
const agency = {};        // code -> id
const TAI_HOAN = 2;
const KIEN_TRUC_XANH = 1;
const P = '/api/v1/petitions';
const C = '/api/v1/conferences';
const D = '/api/v1/directives';
const N = '/api/v1/notifications';

// The server counts days in Vietnam (UTC+7).
const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
let demo;                 // the demo's closed dialogue conference

before(async () => {
  server = await startServer();
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan', 'htx-kientrucxanh'])
    users[u] = await server.as(u);
  const agencies = await server.request('/api/v1/agencies');
  for (const a of agencies.body.items) agency[a.code] = a.id;
  const list = await users.lienminh.request(`${C}?per_page=100`);
  demo = list.body?.items?.find((c) => c.title.includes('đối thoại') && c.status === 'closed');
});
after(async () => { await server.stop(); server.cleanup(); });

// ---------------------------------------------------------------------------------------------
// Helpers

const client = (who) => (who ? users[who] : server);

const conferenceBody = (over = {}) => ({
  title: 'Hội nghị gặp mặt các hợp tác xã khu vực Chợ Đồn',
  held_on: plusDays(todayIso(), 14),
  venue: 'Hội trường Trung tâm hành chính xã Nam Cường',
  chair_name: 'Hoàng Văn Chủ',
  chair_title: 'Chủ tịch Liên minh HTX tỉnh',
  host_agency_id: agency['lien-minh-htx'],
  agency_ids: [agency['so-congthuong'], agency['so-taichinh']],
  cooperative_ids: [KIEN_TRUC_XANH, TAI_HOAN],
  status: 'planned',
  minutes: '',
  ...over,
});

async function createConference(who = 'lienminh', over = {}) {
  const res = await users[who].request(C, { method: 'POST', json: conferenceBody(over) });
  assert.equal(res.status, 201, `conference by ${who}: ${res.text}`);
  return res.body;
}

async function conferenceTotal() {
  const res = await users.lienminh.request(`${C}?per_page=1`);
  assert.equal(res.status, 200, res.text);
  return res.body.total;
}

function act(who, id, action, fields = {}) {
  return client(who).request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
}

async function ok(who, id, action, fields = {}) {
  const res = await act(who, id, action, fields);
  assert.equal(res.status, 200, `${action} by ${who}: ${res.text}`);
  return res.body;
}

async function readPetition(id, who = 'lienminh') {
  const res = await users[who].request(`${P}/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

async function createPetition(who, body) {
  const res = await users[who].request(P, { method: 'POST', json: body });
  assert.equal(res.status, 201, `petition by ${who}: ${res.text}`);
  return res.body;
}

async function listPetitions(who, query) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const res = await users[who].request(`${P}?${query}&per_page=100&page=${page}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return { items, total: res.body.total };
  }
}

async function notificationsOf(who, query = '') {
  const items = [];
  let first;
  for (let page = 1; ; page += 1) {
    const res = await users[who].request(`${N}?${query}${query ? '&' : ''}per_page=100&page=${page}`);
    assert.equal(res.status, 200, res.text);
    first ??= res.body;
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return { items, total: first.total, unread: first.unread };
  }
}

async function kindsFor(who, petitionId) {
  return (await notificationsOf(who)).items.filter((n) => n.petition_id === petitionId).map((n) => n.kind);
}

const directiveBody = (over = {}) => ({
  content: 'Sở Công Thương chủ trì tổ chức kết nối tiêu thụ sản phẩm OCOP của các HTX tại các siêu thị trong tỉnh.',
  assignee_agency_id: agency['so-congthuong'],
  due_on: plusDays(todayIso(), 60),
  ...over,
});

async function createDirective(who = 'ubnd', over = {}) {
  const res = await users[who].request(D, { method: 'POST', json: directiveBody(over) });
  assert.equal(res.status, 201, `directive by ${who}: ${res.text}`);
  return res.body;
}

async function readDirective(id) {
  const res = await users.ubnd.request(`${D}/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}

// ---------------------------------------------------------------------------------------------
// The demo conference

test('the demo holds a closed dialogue conference chaired by the vice-chairman of the province', async () => {
  assert.ok(demo, 'a closed conference whose title contains "đối thoại"');
  assert.equal(demo.status, 'closed');
  assert.ok(demo.chair_title.includes('Phó Chủ tịch'), demo.chair_title);
  assert.ok(demo.chair_name);
  assert.match(demo.held_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(demo.held_on <= todayIso(), 'a closed conference has been held');
  assert.ok(demo.petition_count >= 5, `petition_count ${demo.petition_count}`);
});

test('the demo conference\'s petitions are listed by ?conference= and at least five were answered on the spot', async () => {
  const { items, total } = await listPetitions('lienminh', `conference=${demo.id}`);
  assert.equal(total, demo.petition_count);
  assert.ok(items.every((p) => p.conference_id === demo.id));
  const onTheSpot = items.filter((p) => p.answers.length > 0 && p.answers[0].at_conference === true);
  assert.ok(onTheSpot.length >= 5, `answered at the conference: ${onTheSpot.length}`);
  const other = await listPetitions('lienminh', 'conference=999999');
  assert.equal(other.total, 0);
});

// ---------------------------------------------------------------------------------------------
// Conferences: reading, writing, roles, input

test('everyone signed in reads conferences; anonymous is 401; an unknown one is 404', async () => {
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan']) {
    const list = await users[u].request(`${C}?per_page=100`);
    assert.equal(list.status, 200, `${u}: ${list.text}`);
    assert.ok(list.body.items.some((c) => c.id === demo.id), u);
    assert.equal(typeof list.body.total, 'number');
    const one = await users[u].request(`${C}/${demo.id}`);
    assert.equal(one.status, 200, `${u}: ${one.text}`);
    assert.equal(one.body.title, demo.title);
    assert.equal(one.body.petition_count, demo.petition_count);
  }
  expectProblem(assert, await server.request(C), 401);
  expectProblem(assert, await server.request(`${C}/${demo.id}`), 401);
  expectProblem(assert, await users.lienminh.request(`${C}/999999`), 404);
});

test('the Alliance and the leader create and edit conferences', async () => {
  const res = await users.lienminh.request(C, { method: 'POST', json: conferenceBody() });
  assert.equal(res.status, 201, res.text);
  const c = res.body;
  assert.equal(res.headers.get('location'), `${C}/${c.id}`);
  assert.equal(c.title, 'Hội nghị gặp mặt các hợp tác xã khu vực Chợ Đồn');
  assert.equal(c.held_on, conferenceBody().held_on);
  assert.equal(c.venue, 'Hội trường Trung tâm hành chính xã Nam Cường');
  assert.equal(c.chair_name, 'Hoàng Văn Chủ');
  assert.equal(c.chair_title, 'Chủ tịch Liên minh HTX tỉnh');
  assert.equal(c.host_agency_id ?? c.host_agency?.id, agency['lien-minh-htx']);
  const agencyIds = c.agency_ids ?? c.agencies?.map((a) => a.id);
  assert.deepEqual([...agencyIds].sort((x, y) => x - y), [agency['so-congthuong'], agency['so-taichinh']].sort((x, y) => x - y));
  const coopIds = c.cooperative_ids ?? c.cooperatives?.map((x) => x.id);
  assert.deepEqual([...coopIds].sort((x, y) => x - y), [KIEN_TRUC_XANH, TAI_HOAN]);
  assert.equal(c.status, 'planned');
  assert.equal(c.petition_count, 0);

  const byLeader = await users.ubnd.request(C, { method: 'POST', json: conferenceBody({ title: 'Hội nghị sơ kết hoạt động HTX 6 tháng', chair_title: 'Phó Chủ tịch UBND tỉnh', host_agency_id: agency['ubnd-tinh'] }) });
  assert.equal(byLeader.status, 201, byLeader.text);
  assert.equal(byLeader.body.title, 'Hội nghị sơ kết hoạt động HTX 6 tháng');

  const held = await users.lienminh.request(`${C}/${c.id}`, { method: 'PATCH', json: { status: 'held', minutes: 'Hội nghị đã tiếp nhận 12 kiến nghị; các sở trả lời trực tiếp 7 kiến nghị.' } });
  assert.equal(held.status, 200, held.text);
  assert.equal(held.body.status, 'held');
  assert.equal(held.body.minutes, 'Hội nghị đã tiếp nhận 12 kiến nghị; các sở trả lời trực tiếp 7 kiến nghị.');
  assert.equal(held.body.title, c.title, 'a PATCH changes only what it names');
  const closed = await users.ubnd.request(`${C}/${c.id}`, { method: 'PATCH', json: { status: 'closed', venue: 'Hội trường UBND tỉnh' } });
  assert.equal(closed.status, 200, closed.text);
  const read = await users['htx-taihoan'].request(`${C}/${c.id}`);
  assert.equal(read.body.status, 'closed');
  assert.equal(read.body.venue, 'Hội trường UBND tỉnh');
  assert.equal(read.body.minutes, 'Hội nghị đã tiếp nhận 12 kiến nghị; các sở trả lời trực tiếp 7 kiến nghị.');
  const list = await users.lienminh.request(`${C}?per_page=100`);
  assert.ok(list.body.items.some((x) => x.id === c.id) && list.body.items.some((x) => x.id === byLeader.body.id));
});

test('departments, cooperatives and the admin cannot write conferences; anonymous is 401', async () => {
  const c = await createConference();
  const before = await conferenceTotal();
  for (const u of ['so-congthuong', 'htx-taihoan', 'admin']) {
    expectProblem(assert, await users[u].request(C, { method: 'POST', json: conferenceBody() }), 403);
    expectProblem(assert, await users[u].request(`${C}/${c.id}`, { method: 'PATCH', json: { status: 'held' } }), 403);
  }
  expectProblem(assert, await server.request(C, { method: 'POST', json: conferenceBody() }), 401);
  expectProblem(assert, await server.request(`${C}/${c.id}`, { method: 'PATCH', json: { status: 'held' } }), 401);
  assert.equal(await conferenceTotal(), before);
  const now = await users.lienminh.request(`${C}/${c.id}`);
  assert.equal(now.body.status, 'planned');
  expectProblem(assert, await users.lienminh.request(`${C}/999999`, { method: 'PATCH', json: { status: 'held' } }), 404);
});

test('conference input is checked field by field and nothing is written', async () => {
  const before = await conferenceTotal();
  const post = (over) => users.lienminh.request(C, { method: 'POST', json: conferenceBody(over) });
  expectProblem(assert, await post({ status: 'cancelled' }), 422, 'status');
  expectProblem(assert, await post({ title: undefined }), 422, 'title');
  expectProblem(assert, await post({ title: '  ' }), 422, 'title');
  expectProblem(assert, await post({ held_on: undefined }), 422, 'held_on');
  expectProblem(assert, await post({ held_on: '2026-02-30' }), 422, 'held_on');
  expectProblem(assert, await post({ held_on: 'ngày mai' }), 422, 'held_on');
  expectProblem(assert, await post({ host_agency_id: 999999 }), 422, 'host_agency_id');
  expectProblem(assert, await post({ agency_ids: [agency['so-congthuong'], 999999] }), 422, 'agency_ids');
  expectProblem(assert, await post({ cooperative_ids: [999999] }), 422, 'cooperative_ids');
  expectProblem(assert, await post({ colour: 'red' }), 422, 'colour');
  assert.equal(await conferenceTotal(), before);

  const c = await createConference();
  const patch = (json) => users.lienminh.request(`${C}/${c.id}`, { method: 'PATCH', json });
  expectProblem(assert, await patch({ status: 'postponed' }), 422, 'status');
  expectProblem(assert, await patch({ title: '' }), 422, 'title');
  expectProblem(assert, await patch({ held_on: '2026-13-01' }), 422, 'held_on');
  expectProblem(assert, await patch({ petition_count: 9 }), 422, 'petition_count');
  const now = (await users.lienminh.request(`${C}/${c.id}`)).body;
  assert.equal(now.status, 'planned');
  assert.equal(now.title, c.title);
  assert.equal(now.held_on, c.held_on);
});

// ---------------------------------------------------------------------------------------------
// Answers given at a conference

test('the Alliance records a petition raised and answered at a conference', async () => {
  const conf = await createConference('lienminh', { title: 'Hội nghị gặp mặt HTX huyện Na Rì', held_on: todayIso(), status: 'held' });
  const draft = await createPetition('lienminh', {
    cooperative_id: TAI_HOAN, channel: 'conference', conference_id: conf.id,
    title: 'Đề nghị hỗ trợ lò sấy miến dong', content: 'Hợp tác xã đề nghị được hỗ trợ kinh phí mua lò sấy miến dong.', categories: ['support_policy'],
  });
  assert.equal(draft.state, 'draft');
  assert.equal(draft.channel, 'conference');
  assert.equal(draft.conference_id, conf.id);
  assert.equal(draft.cooperative.id, TAI_HOAN);

  const p = await ok('lienminh', draft.id, 'record_at_conference', {
    conference_id: conf.id, lead_agency_id: agency['so-taichinh'],
    text: 'Sở Tài chính tham mưu bố trí kinh phí hỗ trợ 50% giá trị lò sấy từ nguồn ngân sách tỉnh.',
    legal_basis: 'Nghị quyết của HĐND tỉnh về chính sách hỗ trợ HTX',
  });
  assert.equal(p.state, 'answered');
  assert.equal(p.conference_id, conf.id);
  assert.equal(p.lead_agency.code, 'so-taichinh');
  assert.equal(p.answers.length, 1);
  assert.equal(p.answers[0].at_conference, true);
  assert.equal(p.answers[0].agency.code, 'so-taichinh');
  assert.equal(p.answers[0].text, 'Sở Tài chính tham mưu bố trí kinh phí hỗ trợ 50% giá trị lò sấy từ nguồn ngân sách tỉnh.');
  assert.equal(p.answers[0].legal_basis, 'Nghị quyết của HĐND tỉnh về chính sách hỗ trợ HTX');
  assert.ok(p.version > draft.version);

  const history = (await users.lienminh.request(`${P}/${p.id}/history`)).body.items;
  const last = history[history.length - 1];
  assert.equal(last.action, 'record_at_conference');
  assert.equal(last.from_state, 'draft');
  assert.equal(last.to_state, 'answered');

  const listed = await listPetitions('lienminh', `conference=${conf.id}`);
  assert.deepEqual(listed.items.map((x) => x.id), [p.id]);
  assert.equal((await users.lienminh.request(`${C}/${conf.id}`)).body.petition_count, 1);

  // Its cooperative sees it and, being answered, may rate and close it.
  const own = await readPetition(p.id, 'htx-taihoan');
  assert.equal(own.answers[0].at_conference, true);
  const closed = await ok('htx-taihoan', p.id, 'close', { rating: 5, comment: 'Được trả lời ngay tại hội nghị' });
  assert.equal(closed.state, 'closed');
  assert.equal(closed.rating, 5);
});

test('only the Alliance records at a conference, only from a draft, with the fields it needs', async () => {
  const conf = await createConference('lienminh', { title: 'Hội nghị gặp mặt HTX huyện Ba Bể', held_on: todayIso(), status: 'held' });
  const body = {
    cooperative_id: TAI_HOAN, channel: 'conference', conference_id: conf.id,
    title: 'Đề nghị hỗ trợ đào tạo kế toán HTX', content: 'Hợp tác xã đề nghị mở lớp đào tạo kế toán.', categories: ['workforce'],
  };
  const draft = await createPetition('lienminh', body);
  const fields = { conference_id: conf.id, lead_agency_id: agency['so-congthuong'], text: 'Trả lời tại hội nghị' };
  for (const u of ['ubnd', 'htx-taihoan', 'admin'])
    expectProblem(assert, await act(u, draft.id, 'record_at_conference', fields), 403);
  expectProblem(assert, await act('lienminh', draft.id, 'record_at_conference', { ...fields, text: undefined }), 422, 'text');
  expectProblem(assert, await act('lienminh', draft.id, 'record_at_conference', { ...fields, text: '' }), 422, 'text');
  expectProblem(assert, await act('lienminh', draft.id, 'record_at_conference', { ...fields, conference_id: 999999 }), 422, 'conference_id');
  expectProblem(assert, await act('lienminh', draft.id, 'record_at_conference', { ...fields, lead_agency_id: undefined }), 422, 'lead_agency_id');
  expectProblem(assert, await act('lienminh', draft.id, 'record_at_conference', { ...fields, lead_agency_id: 999999 }), 422, 'lead_agency_id');
  const unchanged = await readPetition(draft.id);
  assert.equal(unchanged.state, 'draft');
  assert.equal(unchanged.version, draft.version);
  assert.deepEqual(unchanged.answers, []);

  const submitted = await ok('lienminh', (await createPetition('lienminh', body)).id, 'submit');
  expectProblem(assert, await act('lienminh', submitted.id, 'record_at_conference', fields), 409);
  const after = await readPetition(submitted.id);
  assert.equal(after.state, 'submitted');
  assert.equal(after.version, submitted.version);
});

// ---------------------------------------------------------------------------------------------
// Directives

test('the demo\'s directives: one to the Alliance about the 2021–2025 scheme; overdue means late and not done', async () => {
  const res = await users.ubnd.request(`${D}?per_page=100`);
  assert.equal(res.status, 200, res.text);
  assert.ok(res.body.items.length > 0);
  const scheme = res.body.items.find((d) => d.assignee_agency.code === 'lien-minh-htx' && /2021\s*[–-]\s*2025/.test(d.content));
  assert.ok(scheme, 'a directive to lien-minh-htx about the 2021–2025 scheme');
  const today = todayIso();
  for (const d of res.body.items) {
    assert.ok(['open', 'in_progress', 'done'].includes(d.status), d.status);
    assert.equal(d.overdue, d.due_on < today && d.status !== 'done', `directive ${d.id} due ${d.due_on} ${d.status}`);
    assert.ok(Array.isArray(d.reports));
    assert.ok(d.assignee_agency.id > 0 && d.assignee_agency.name);
  }
  expectProblem(assert, await server.request(D), 401);
});

test('the leader issues a directive from a conference; the assignee agency is told', async () => {
  const res = await users.ubnd.request(D, { method: 'POST', json: directiveBody({ conference_id: demo.id }) });
  assert.equal(res.status, 201, res.text);
  const d = res.body;
  assert.equal(res.headers.get('location'), `${D}/${d.id}`);
  assert.equal(d.conference_id, demo.id);
  assert.equal(d.content, directiveBody().content);
  assert.equal(d.assignee_agency.code, 'so-congthuong');
  assert.equal(d.assignee_agency.id, agency['so-congthuong']);
  assert.equal(d.due_on, directiveBody().due_on);
  assert.equal(d.status, 'open');
  assert.equal(d.overdue, false);
  assert.deepEqual(d.reports, []);
  const got = await readDirective(d.id);
  assert.equal(got.content, d.content);
  const list = await users.lienminh.request(`${D}?per_page=100`);
  assert.ok(list.body.items.some((x) => x.id === d.id));

  const told = (await notificationsOf('so-congthuong')).items.filter((n) => n.directive_id === d.id);
  assert.equal(told.length, 1);
  assert.equal(told[0].kind, 'directive');
  assert.equal(told[0].read, false);
  assert.ok(!(await notificationsOf('so-taichinh')).items.some((n) => n.directive_id === d.id), 'only the assignee agency');

  // The Alliance issues one too, without a conference.
  const byAlliance = await users.lienminh.request(D, { method: 'POST', json: directiveBody({ assignee_agency_id: agency['so-taichinh'] }) });
  assert.equal(byAlliance.status, 201, byAlliance.text);
  assert.equal(byAlliance.body.conference_id, null);
  assert.equal(byAlliance.body.assignee_agency.code, 'so-taichinh');
  expectProblem(assert, await users.ubnd.request(`${D}/999999`), 404);
});

test('departments and cooperatives cannot issue directives; bad input names the field', async () => {
  const total = async () => (await users.ubnd.request(`${D}?per_page=1`)).body.total;
  const before = await total();
  for (const u of ['so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await users[u].request(D, { method: 'POST', json: directiveBody() }), 403);
  expectProblem(assert, await server.request(D, { method: 'POST', json: directiveBody() }), 401);
  const post = (over) => users.ubnd.request(D, { method: 'POST', json: directiveBody(over) });
  expectProblem(assert, await post({ due_on: plusDays(todayIso(), -1) }), 422, 'due_on');
  expectProblem(assert, await post({ due_on: '2020-01-15' }), 422, 'due_on');
  expectProblem(assert, await post({ due_on: '2026-13-01' }), 422, 'due_on');
  expectProblem(assert, await post({ due_on: undefined }), 422, 'due_on');
  expectProblem(assert, await post({ content: undefined }), 422, 'content');
  expectProblem(assert, await post({ content: '' }), 422, 'content');
  expectProblem(assert, await post({ assignee_agency_id: undefined }), 422, 'assignee_agency_id');
  expectProblem(assert, await post({ assignee_agency_id: 999999 }), 422, 'assignee_agency_id');
  expectProblem(assert, await post({ conference_id: 999999 }), 422, 'conference_id');
  expectProblem(assert, await post({ status: 'done' }), 422, 'status');
  assert.equal(await total(), before);
});

test('progress reports move a directive from open to in progress to done', async () => {
  const d = await createDirective('ubnd');
  const report = (who, json) => users[who].request(`${D}/${d.id}/reports`, { method: 'POST', json });
  const first = await report('so-congthuong', { text: 'Đã làm việc với 3 hệ thống siêu thị.' });
  assert.equal(first.status, 201, first.text);
  assert.equal((await readDirective(d.id)).status, 'open', 'a report without a status keeps it');
  const second = await report('so-congthuong', { text: 'Đã đưa 12 sản phẩm OCOP lên kệ.', status: 'in_progress' });
  assert.equal(second.status, 201, second.text);
  let now = await readDirective(d.id);
  assert.equal(now.status, 'in_progress');
  assert.equal(now.reports.length, 2);
  assert.deepEqual(now.reports.map((r) => r.text), ['Đã làm việc với 3 hệ thống siêu thị.', 'Đã đưa 12 sản phẩm OCOP lên kệ.']);
  assert.ok(now.reports.every((r) => r.reported_on === todayIso()));
  assert.equal(now.reports[1].status, 'in_progress');

  const byAlliance = await report('lienminh', { text: 'Liên minh HTX xác nhận các HTX đã ký hợp đồng.' });
  assert.equal(byAlliance.status, 201, byAlliance.text);
  const done = await report('ubnd', { text: 'Hoàn thành.', status: 'done' });
  assert.equal(done.status, 201, done.text);
  now = await readDirective(d.id);
  assert.equal(now.status, 'done');
  assert.equal(now.overdue, false);
  assert.equal(now.reports.length, 4);
  assert.equal(now.reports[3].status, 'done');
});

test('reports from anyone else are refused; a bad report names the field', async () => {
  const d = await createDirective('ubnd');
  const report = (who, json) => client(who).request(`${D}/${d.id}/reports`, { method: 'POST', json });
  expectProblem(assert, await report('so-taichinh', { text: 'Không phải việc của Sở Tài chính' }), 403);
  expectProblem(assert, await report('htx-taihoan', { text: 'HTX báo cáo' }), 403);
  expectProblem(assert, await report(null, { text: 'Ẩn danh' }), 401);
  expectProblem(assert, await report('so-congthuong', { text: 'Xong', status: 'finished' }), 422, 'status');
  expectProblem(assert, await report('so-congthuong', {}), 422, 'text');
  expectProblem(assert, await report('so-congthuong', { text: '' }), 422, 'text');
  expectProblem(assert, await users['so-congthuong'].request(`${D}/999999/reports`, { method: 'POST', json: { text: 'x' } }), 404);
  const now = await readDirective(d.id);
  assert.equal(now.status, 'open');
  assert.deepEqual(now.reports, []);
});

// ---------------------------------------------------------------------------------------------
// Notifications

test('the notification list: its shape and unread count; 401 without a session', async () => {
  expectProblem(assert, await server.request(N), 401);
  const res = await users['so-congthuong'].request(N);
  assert.equal(res.status, 200, res.text);
  for (const key of ['items', 'total', 'unread', 'page', 'per_page']) assert.ok(key in res.body, key);
  assert.equal(res.body.page, 1);
  assert.ok(res.body.total >= res.body.items.length);
  assert.ok(res.body.unread <= res.body.total);
  for (const n of res.body.items) {
    assert.ok(n.id > 0);
    assert.equal(typeof n.kind, 'string');
    assert.ok('petition_id' in n && 'directive_id' in n);
    assert.ok(n.message && typeof n.message === 'string');
    assert.ok(n.created_at);
    assert.equal(typeof n.read, 'boolean');
  }
  const unread = await notificationsOf('so-congthuong', 'unread=1');
  assert.ok(unread.items.every((n) => n.read === false));
  assert.equal(unread.items.length, res.body.unread);
});

test('the start-up sweep has told Sở Công Thương of its overdue petitions', async () => {
  let overdue = [];
  for (let i = 0; i < 20 && overdue.length === 0; i += 1) {
    overdue = (await notificationsOf('so-congthuong')).items.filter((n) => n.kind === 'overdue');
    if (overdue.length === 0) await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(overdue.length >= 1, 'at least one overdue notification');
  for (const n of overdue) {
    const p = await readPetition(n.petition_id, 'so-congthuong');
    assert.equal(p.lead_agency.code, 'so-congthuong');
  }
  // Reminders are sent once: the same petition is not reported overdue twice.
  const ids = overdue.map((n) => n.petition_id);
  assert.equal(new Set(ids).size, ids.length);
});

test('notifications follow a petition: submitted, returned, assigned, answered, reopened — to the right people only', async () => {
  const body = {
    cooperative_id: TAI_HOAN, title: 'Đề nghị hỗ trợ chứng nhận VietGAP cho vùng chè', content: 'Hợp tác xã đề nghị hỗ trợ kinh phí chứng nhận VietGAP cho 10 ha chè.', categories: ['ocop'],
  };
  const p = await createPetition('htx-taihoan', body);
  await ok('htx-taihoan', p.id, 'submit');
  assert.ok((await kindsFor('lienminh', p.id)).includes('submitted'));

  await ok('lienminh', p.id, 'return', { reason: 'Đề nghị bổ sung diện tích chè từng hộ' });
  assert.ok((await kindsFor('htx-taihoan', p.id)).includes('returned'));
  assert.ok(!(await kindsFor('htx-kientrucxanh', p.id)).includes('returned'));

  await ok('htx-taihoan', p.id, 'resubmit');
  await ok('lienminh', p.id, 'receive');
  const batch = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo kiến nghị', petition_ids: [p.id] } });
  assert.equal(batch.status, 201, batch.text);
  await ok('ubnd', p.id, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']], due_on: plusDays(todayIso(), 40) });
  const assignedToLead = (await notificationsOf('so-congthuong')).items.filter((n) => n.petition_id === p.id && n.kind === 'assigned');
  assert.equal(assignedToLead.length, 1);
  assert.equal(assignedToLead[0].read, false);
  assert.ok((await kindsFor('so-taichinh', p.id)).includes('assigned'), 'the coordinating agency too');

  await ok('so-congthuong', p.id, 'answer', { text: 'Sở sẽ hỗ trợ 100% kinh phí chứng nhận lần đầu.' });
  assert.ok((await kindsFor('htx-taihoan', p.id)).includes('answered'));
  assert.ok((await kindsFor('lienminh', p.id)).includes('answered'));
  assert.ok(!(await kindsFor('htx-kientrucxanh', p.id)).includes('answered'), 'not another cooperative');

  await ok('htx-taihoan', p.id, 'reopen', { reason: 'Chưa nhận được hướng dẫn hồ sơ' });
  assert.ok((await kindsFor('so-congthuong', p.id)).includes('reopened'));
});

test('marking a notification read: 204, counted, and only one\'s own', async () => {
  // Make sure there is an unread one.
  await createDirective('ubnd');
  const before = await notificationsOf('so-congthuong');
  const target = before.items.find((n) => !n.read);
  assert.ok(target, 'an unread notification');
  const path = `${N}/${target.id}/read`;

  expectProblem(assert, await users['so-taichinh'].request(path, { method: 'POST' }), 404);
  expectProblem(assert, await users['htx-taihoan'].request(path, { method: 'POST' }), 404);
  expectProblem(assert, await server.request(path, { method: 'POST' }), 401);
  const still = await notificationsOf('so-congthuong');
  assert.equal(still.items.find((n) => n.id === target.id).read, false, 'others cannot mark it');
  assert.equal(still.unread, before.unread);

  const res = await users['so-congthuong'].request(path, { method: 'POST' });
  assert.equal(res.status, 204, res.text);
  const after = await notificationsOf('so-congthuong');
  assert.equal(after.items.find((n) => n.id === target.id).read, true);
  assert.equal(after.unread, before.unread - 1);
  assert.ok(!(await notificationsOf('so-congthuong', 'unread=1')).items.some((n) => n.id === target.id));
  expectProblem(assert, await users['so-congthuong'].request(`${N}/999999999/read`, { method: 'POST' }), 404);
});
