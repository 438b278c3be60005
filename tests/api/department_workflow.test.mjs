// The department's side of the workflow (docs/petitions.md): more time asked and granted or
// refused, a petition sent back as not within the lead agency's remit, opinions of
// coordinating agencies, the reply letter, late answers, "Cần bổ sung" (needs_info) and a
// conference petition without an answer on the spot. For each action: who may take it, every
// other role 403, anonymous 401, another agency, the wrong state 409, hostile input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
const agency = {};
const holidays = new Set();
const P = '/api/v1/petitions';
const TAI_HOAN = 2;
const ROLES = ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan'];

const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
function addWorkingDays(fromIso, n) {
  const d = new Date(`${fromIso}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6 && !holidays.has(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
function nextSaturday(fromIso) {
  const d = new Date(`${fromIso}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1); while (d.getUTCDay() !== 6);
  return d.toISOString().slice(0, 10);
}
let DUE;

before(async () => {
  server = await startServer();
  for (const u of [...ROLES, 'htx-kientrucxanh']) users[u] = await server.as(u);
  for (const a of (await server.request('/api/v1/agencies')).body.items) agency[a.code] = a.id;
  const year = Number(todayIso().slice(0, 4));
  for (const y of [year, year + 1]) {
    const res = await users.lienminh.request(`/api/v1/holidays?year=${y}`);
    for (const h of res.body?.items ?? []) if (h.kind !== 'working') holidays.add(h.day);
  }
  DUE = addWorkingDays(todayIso(), 10);
});
after(async () => { await server.stop(); server.cleanup(); });

const client = (who) => (who ? users[who] : server);
const act = (who, id, action, fields = {}) =>
  client(who).request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
async function ok(who, id, action, fields = {}) {
  const res = await act(who, id, action, fields);
  assert.equal(res.status, 200, `${action} by ${who}: ${res.text}`);
  return res.body;
}
async function read(id, who = 'lienminh') {
  const res = await users[who].request(`${P}/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body;
}
async function history(id) {
  return (await users.lienminh.request(`${P}/${id}/history`)).body.items;
}

// A fresh petition assigned to the Sở Công Thương, the Sở Tài chính coordinating or not.
async function assigned({ coordinating = false } = {}) {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: {
    cooperative_id: TAI_HOAN, title: 'Đề nghị hỗ trợ tiêu thụ miến dong',
    content: 'Hợp tác xã đề nghị được kết nối tiêu thụ 30 tấn miến dong.', categories: ['market'] } });
  assert.equal(res.status, 201, res.text);
  const id = res.body.id;
  await ok('htx-taihoan', id, 'submit');
  await ok('lienminh', id, 'receive');
  const b = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo', petition_ids: [id] } });
  assert.equal(b.status, 201, b.text);
  const fields = { lead_agency_id: agency['so-congthuong'], due_on: DUE };
  if (coordinating) fields.coordinating_agency_ids = [agency['so-taichinh']];
  return ok('ubnd', id, 'assign', fields);
}

// Only `allowed` may take the action: the others 403 (404 when they cannot see it), anonymous 401.
async function onlyBy(allowed, id, action, fields) {
  for (const who of ROLES.filter((r) => !allowed.includes(r))) {
    const res = await act(who, id, action, fields);
    assert.ok([403, 404].includes(res.status), `${who} ${action}: ${res.status} ${res.text}`);
  }
  expectProblem(assert, await act(null, id, action, fields), 401);
}

test('extension: the lead asks, the leader grants; the due date and history follow', async () => {
  let p = await assigned({ coordinating: true });
  const proposed = addWorkingDays(DUE, 10);
  const ask = { reason: 'Cần khảo sát thực địa tại các xã', proposed_due_on: proposed };
  await onlyBy(['so-congthuong'], p.id, 'request_extension', ask);
  expectProblem(assert, await act('so-taichinh', p.id, 'request_extension', ask), 403);  // a coordinator
  p = await ok('so-congthuong', p.id, 'request_extension', ask);
  assert.equal(p.due_on, DUE, 'the due date waits for the decision');
  assert.equal(p.extensions.length, 1);
  assert.equal(p.extensions[0].status, 'open');
  assert.equal(p.extensions[0].proposed_due_on, proposed);
  assert.ok(!p.allowed_actions.includes('request_extension'), 'one open request at a time');
  expectProblem(assert, await act('so-congthuong', p.id, 'request_extension', ask), 409);
  assert.ok((await read(p.id, 'ubnd')).allowed_actions.includes('grant_extension'));

  const granted = addWorkingDays(DUE, 5);
  await onlyBy(['ubnd'], p.id, 'grant_extension', { due_on: granted });
  p = await ok('ubnd', p.id, 'grant_extension', { due_on: granted, reason: 'Đồng ý 5 ngày' });
  assert.equal(p.due_on, granted);
  assert.equal(p.extensions[0].status, 'granted');
  assert.equal(p.extensions[0].granted_due_on, granted);
  expectProblem(assert, await act('ubnd', p.id, 'grant_extension', {}), 409);
  const h = await history(p.id);
  assert.deepEqual(h.slice(-2).map((x) => x.action), ['request_extension', 'grant_extension']);
  assert.match(h.at(-2).reason, /Cần khảo sát thực địa/);
  assert.equal(h.at(-1).user.role, 'leader');

  // A second request, refused with a reason; the date stays.
  p = await ok('so-congthuong', p.id, 'request_extension', { ...ask, proposed_due_on: addWorkingDays(granted, 3) });
  expectProblem(assert, await act('ubnd', p.id, 'refuse_extension', {}), 422, 'reason');
  p = await ok('ubnd', p.id, 'refuse_extension', { reason: 'Đề nghị trả lời đúng hạn đã gia hạn' });
  assert.equal(p.due_on, granted);
  assert.deepEqual(p.extensions.map((e) => e.status), ['granted', 'refused']);
  // Granting without a date grants the date proposed.
  const again = addWorkingDays(granted, 2);
  p = await ok('so-congthuong', p.id, 'request_extension', { ...ask, proposed_due_on: again });
  p = await ok('ubnd', p.id, 'grant_extension');
  assert.equal(p.due_on, again);
});

test('extension: hostile and wrong dates are refused naming the field', async () => {
  const p = await assigned();
  const req = (fields) => act('so-congthuong', p.id, 'request_extension', { reason: 'Cần thêm thời gian', ...fields });
  expectProblem(assert, await req({}), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: '2025-02-30' }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: '2020-01-06' }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: DUE }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: nextSaturday(DUE) }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: addWorkingDays(DUE, 91) }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: 1e999 }), 422, 'proposed_due_on');
  expectProblem(assert, await req({ proposed_due_on: addWorkingDays(DUE, 3), reason: undefined }), 422, 'reason');
  expectProblem(assert, await req({ proposed_due_on: addWorkingDays(DUE, 3), reason: 'x'.repeat(2001) }), 422, 'reason');
  expectProblem(assert, await req({ proposed_due_on: addWorkingDays(DUE, 3), surprise: 1 }), 422, 'surprise');
  await ok('so-congthuong', p.id, 'request_extension', { reason: 'Cần thêm thời gian', proposed_due_on: addWorkingDays(DUE, 90) });
  expectProblem(assert, await act('ubnd', p.id, 'grant_extension', { due_on: '2025-02-30' }), 422, 'due_on');
  expectProblem(assert, await act('ubnd', p.id, 'grant_extension', { due_on: DUE }), 422, 'due_on');
  const unchanged = await read(p.id);
  assert.equal(unchanged.due_on, DUE);
  assert.equal(unchanged.extensions[0].status, 'open');
  // Not from another state.
  const answered = await assigned();
  await ok('so-congthuong', answered.id, 'answer', { text: 'Đã trả lời.' });
  expectProblem(assert, await act('so-congthuong', answered.id, 'request_extension', { reason: 'x', proposed_due_on: addWorkingDays(DUE, 3) }), 409);
});

test('send back: the lead returns it to the UBND with a reason; it is assigned again', async () => {
  let p = await assigned({ coordinating: true });
  await onlyBy(['so-congthuong'], p.id, 'send_back', { reason: 'Không thuộc thẩm quyền' });
  expectProblem(assert, await act('so-taichinh', p.id, 'send_back', { reason: 'x' }), 403);
  expectProblem(assert, await act('so-congthuong', p.id, 'send_back', {}), 422, 'reason');
  expectProblem(assert, await act('so-congthuong', p.id, 'send_back', { reason: 'x'.repeat(2001) }), 422, 'reason');
  await ok('so-congthuong', p.id, 'request_extension', { reason: 'Cần thêm', proposed_due_on: addWorkingDays(DUE, 3) });
  p = await ok('so-congthuong', p.id, 'send_back', { reason: 'Nội dung về thuế, thuộc Cục Thuế' });
  assert.equal(p.state, 'forwarded');
  assert.equal(p.lead_agency, null);
  assert.deepEqual(p.coordinating_agencies, []);
  assert.equal(p.due_on, null);
  const again = await read(p.id);
  assert.equal(again.extensions[0].status, 'withdrawn');
  const h = (await history(p.id)).at(-1);
  assert.equal(h.action, 'send_back');
  assert.equal(h.user.role, 'department');
  assert.match(h.reason, /Sở Công Thương.*Nội dung về thuế/);
  assert.equal((await users['so-congthuong'].request(`${P}/${p.id}`)).status, 404, 'the agency no longer sees it');
  expectProblem(assert, await act('so-congthuong', p.id, 'send_back', { reason: 'x' }), 404);
  p = await ok('ubnd', p.id, 'assign', { lead_agency_id: agency['so-taichinh'], due_on: DUE });
  assert.equal(p.state, 'assigned');
  assert.equal(p.lead_agency.id, agency['so-taichinh']);
});

test('opinion: the lead asks a coordinating agency, which answers from its queue', async () => {
  let p = await assigned();
  const ask = { agency_id: agency['so-taichinh'], question: 'Đề nghị cho ý kiến về nguồn kinh phí hỗ trợ' };
  await onlyBy(['so-congthuong'], p.id, 'ask_opinion', ask);
  expectProblem(assert, await act('so-congthuong', p.id, 'ask_opinion', { ...ask, agency_id: 999999 }), 422, 'agency_id');
  expectProblem(assert, await act('so-congthuong', p.id, 'ask_opinion', { ...ask, agency_id: agency['so-congthuong'] }), 422, 'agency_id');
  expectProblem(assert, await act('so-congthuong', p.id, 'ask_opinion', { agency_id: agency['so-taichinh'] }), 422, 'question');
  expectProblem(assert, await act('so-congthuong', p.id, 'ask_opinion', { ...ask, agency_id: 1e999 }), 422, 'agency_id');
  p = await ok('so-congthuong', p.id, 'ask_opinion', ask);
  assert.deepEqual(p.coordinating_agencies.map((a) => a.id), [agency['so-taichinh']], 'the agency asked joins the coordinators');
  assert.equal(p.opinions.length, 1);
  assert.equal(p.opinions[0].answer, null);
  expectProblem(assert, await act('so-congthuong', p.id, 'ask_opinion', ask), 422, 'agency_id');

  const queue = await users['so-taichinh'].request(`${P}?opinion_waiting=1&per_page=200`);
  assert.ok(queue.body.items.some((x) => x.id === p.id), 'the coordinator sees the request in its queue');
  const mine = await read(p.id, 'so-taichinh');
  assert.ok(mine.allowed_actions.includes('give_opinion'));
  assert.ok(!mine.allowed_actions.includes('answer'));

  const pdf = Buffer.from('%PDF-1.4\n% ý kiến\n');
  const up = await users['so-taichinh'].request(`${P}/${p.id}/attachments?filename=y-kien-stc.pdf`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } });
  assert.equal(up.status, 201, up.text);
  await onlyBy(['so-taichinh'], p.id, 'give_opinion', { text: 'Đồng ý' });
  expectProblem(assert, await act('so-taichinh', p.id, 'give_opinion', {}), 422, 'text');
  expectProblem(assert, await act('so-taichinh', p.id, 'give_opinion', { text: 'x'.repeat(10001) }), 422, 'text');
  expectProblem(assert, await act('so-taichinh', p.id, 'give_opinion', { text: 'Đồng ý', attachment_id: 999999 }), 422, 'attachment_id');
  p = await ok('so-taichinh', p.id, 'give_opinion', { text: 'Sở Tài chính thống nhất bố trí từ nguồn khuyến công.', attachment_id: up.body.id });
  const lead = await read(p.id, 'so-congthuong');
  assert.equal(lead.opinions[0].answer, 'Sở Tài chính thống nhất bố trí từ nguồn khuyến công.');
  assert.equal(lead.opinions[0].attachment_id, up.body.id);
  expectProblem(assert, await act('so-taichinh', p.id, 'give_opinion', { text: 'Lần nữa' }), 403);
  const after = await users['so-taichinh'].request(`${P}?opinion_waiting=1&per_page=200`);
  assert.ok(!after.body.items.some((x) => x.id === p.id));
});

async function uploadLetter(who, id) {
  const res = await users[who].request(`${P}/${id}/attachments?filename=cong-van-tra-loi.pdf`, {
    method: 'POST', body: Buffer.from('%PDF-1.4\n% công văn\n'), headers: { 'content-type': 'application/pdf' } });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

test('reply letter: recorded with the answer, shown on the petition and the public page', async () => {
  let p = await assigned();
  const file = await uploadLetter('so-congthuong', p.id);
  const letter = { letter_number: '125/SCT-QLTM', letter_date: todayIso(), signer_name: 'Nguyễn Văn An', signer_title: 'Phó Giám đốc', letter_attachment_id: file };
  const answer = (over) => act('so-congthuong', p.id, 'answer', { text: 'Sở đã kết nối tiêu thụ.', ...letter, ...over });
  expectProblem(assert, await answer({ letter_number: 'công văn' }), 422, 'letter_number');
  expectProblem(assert, await answer({ letter_number: 'x'.repeat(51) }), 422, 'letter_number');
  expectProblem(assert, await answer({ letter_date: '2025-02-30' }), 422, 'letter_date');
  expectProblem(assert, await answer({ letter_date: addWorkingDays(todayIso(), 1) }), 422, 'letter_date');
  expectProblem(assert, await answer({ letter_date: '2020-01-06' }), 422, 'letter_date');
  expectProblem(assert, await answer({ signer_name: undefined }), 422, 'signer_name');
  expectProblem(assert, await answer({ signer_title: 'x'.repeat(101) }), 422, 'signer_title');
  expectProblem(assert, await answer({ letter_attachment_id: undefined }), 422, 'letter_attachment_id');
  expectProblem(assert, await answer({ letter_attachment_id: 1e999 }), 422, 'letter_attachment_id');
  expectProblem(assert, await answer({ letter_unknown: 1 }), 422, 'letter_unknown');
  assert.equal((await read(p.id)).state, 'assigned', 'nothing saved');
  p = await ok('so-congthuong', p.id, 'answer', { text: 'Sở đã kết nối tiêu thụ.', ...letter });
  assert.equal(p.state, 'answered');
  assert.equal(p.answered_late, false);
  assert.deepEqual(p.answers[0].letter, { number: '125/SCT-QLTM', date: todayIso(), signer_name: 'Nguyễn Văn An', signer_title: 'Phó Giám đốc', attachment_id: file });
  assert.equal(p.attachments.find((a) => a.id === file).reply_letter, true);
  await ok('lienminh', p.id, 'publish');
  const pub = await server.request(`/api/v1/public/petitions/${p.code}`);
  assert.equal(pub.status, 200);
  assert.deepEqual(pub.body.answers[0].letter, { number: '125/SCT-QLTM', date: todayIso(), signer_name: 'Nguyễn Văn An', signer_title: 'Phó Giám đốc' });
});

test('late: an answer after the due date is marked late, in lists and in the on-time figures', async () => {
  const overdue = await users['so-congthuong'].request(`${P}?overdue=1&per_page=5`);
  const late = overdue.body.items.find((x) => x.lead_agency?.id === agency['so-congthuong']);
  assert.ok(late, 'the demo has an overdue petition of the Sở Công Thương');
  const before = (await users.ubnd.request('/api/v1/dashboard')).body;
  const p = await ok('so-congthuong', late.id, 'answer', { text: 'Trả lời muộn.' });
  assert.equal(p.answered_late, true);
  const list = await users.lienminh.request(`${P}?late=1&per_page=200&sort=-created_at`);
  assert.ok(list.body.items.some((x) => x.id === p.id && x.answered_late));
  assert.ok(list.body.items.every((x) => x.answered_late));
  const afterward = (await users.ubnd.request('/api/v1/dashboard')).body;
  assert.equal(afterward.petitions.answered_with_due, before.petitions.answered_with_due + 1, 'counted as answered');
  assert.equal(afterward.petitions.answered_on_time, before.petitions.answered_on_time, 'not on time');
  assert.equal(afterward.petitions.overdue, before.petitions.overdue - 1, 'no longer overdue');
  // On time: an answer within the due date.
  const fresh = await assigned();
  const onTime = await ok('so-congthuong', fresh.id, 'answer', { text: 'Đúng hạn.' });
  assert.equal(onTime.answered_late, false);
});

test('needs_info: a returned petition has its own state, the reason, and is sent back', async () => {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: {
    cooperative_id: TAI_HOAN, title: 'Đề nghị hỗ trợ vốn', content: 'Hợp tác xã đề nghị vay vốn.', categories: ['credit'] } });
  let p = res.body;
  await ok('htx-taihoan', p.id, 'submit');
  expectProblem(assert, await act('lienminh', p.id, 'return', {}), 422, 'reason');
  p = await ok('lienminh', p.id, 'return', { reason: 'Đề nghị bổ sung số tiền vay và phương án sản xuất' });
  assert.equal(p.state, 'needs_info');
  assert.equal(p.return_reason, 'Đề nghị bổ sung số tiền vay và phương án sản xuất');
  const mine = await read(p.id, 'htx-taihoan');
  assert.deepEqual(mine.allowed_actions, ['resubmit']);
  const listed = await users['htx-taihoan'].request(`${P}?status=needs_info`);
  assert.ok(listed.body.items.some((x) => x.id === p.id));
  const drafts = await users['htx-taihoan'].request(`${P}?status=draft&per_page=200`);
  assert.ok(!drafts.body.items.some((x) => x.id === p.id), 'not among the drafts');
  const patched = await users['htx-taihoan'].request(`${P}/${p.id}`, { method: 'PATCH', json: { content: 'Hợp tác xã đề nghị vay 500 triệu đồng.' } });
  assert.equal(patched.status, 200, patched.text);
  for (const who of ['so-congthuong', 'so-taichinh', 'ubnd']) {
    const r = await act(who, p.id, 'resubmit');
    assert.ok([403, 404].includes(r.status), `${who}: ${r.status}`);
  }
  expectProblem(assert, await act('htx-kientrucxanh', p.id, 'resubmit'), 404);
  expectProblem(assert, await act(null, p.id, 'resubmit'), 401);
  expectProblem(assert, await act('htx-taihoan', p.id, 'submit'), 409);
  p = await ok('htx-taihoan', p.id, 'resubmit');
  assert.equal(p.state, 'submitted');
  expectProblem(assert, await act('htx-taihoan', p.id, 'resubmit'), 409);
  const h = (await history(p.id)).slice(-2);
  assert.deepEqual(h.map((x) => [x.action, x.to_state]), [['return', 'needs_info'], ['resubmit', 'submitted']]);
});

test('conference: a petition recorded without an answer on the spot is received', async () => {
  const k = (await users.lienminh.request('/api/v1/conferences')).body.items[0];
  const create = await users.lienminh.request(P, { method: 'POST', json: {
    cooperative_id: TAI_HOAN, title: 'Kiến nghị tại hội nghị', content: 'Đề nghị hỗ trợ mặt bằng sản xuất.', categories: ['land'], channel: 'conference', conference_id: k.id } });
  assert.equal(create.status, 201, create.text);
  const id = create.body.id;
  expectProblem(assert, await act('lienminh', id, 'record_at_conference', { conference_id: k.id, no_answer: 'yes' }), 422, 'no_answer');
  expectProblem(assert, await act('lienminh', id, 'record_at_conference', { conference_id: k.id, no_answer: true, text: 'x' }), 422, 'text');
  expectProblem(assert, await act('so-congthuong', id, 'record_at_conference', { conference_id: k.id, no_answer: true }), 403);
  const p = await ok('lienminh', id, 'record_at_conference', { conference_id: k.id, no_answer: true });
  assert.equal(p.state, 'received');
  assert.equal(p.answers.length, 0);
  assert.equal(p.channel, 'conference');
  const b = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Sau hội nghị', petition_ids: [id] } });
  assert.equal(b.status, 201, b.text);
  const a = await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: DUE });
  assert.equal(a.state, 'assigned');
});
