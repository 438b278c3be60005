// Who is told of what (issue 13, docs/notifications.md): the cooperative's representatives
// at each step of their petition and of a conference's conclusion that concerns them; the
// lead and coordinating agencies on assignment; deadline reminders before the due date and
// on the day it is overdue, escalation to the UBND leaders and the Liên minh after M working
// days overdue (once per due date, shown as `escalated` and filtered with `escalated=1`);
// directives' deadlines; OCOP certificates 90 days before they expire; the admin's two
// settings. The sweep is run by `hoptac notify sweep` on the server's database; due dates are
// put in the past directly in the database (SQLite or PostgreSQL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, cli, expectProblem } from './server.mjs';

let server;
const users = {};
const agency = {};
const agencyName = {};
const holidays = new Set();
const worked = new Set();
const P = '/api/v1/petitions';
const N = '/api/v1/notifications';
const S = '/api/v1/notification-settings';
const TAI_HOAN = 2;
const WHO = ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan', 'htx-kientrucxanh'];

// Dates as the server counts them: Vietnam's day, working days without holidays, with the
// weekend days worked in their place.
const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
const plusDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const isWorking = (iso) => {
  if (worked.has(iso)) return true;
  const w = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(iso);
};
function addWorkingDays(iso, n) {
  let d = iso;
  for (let left = n; left > 0;) {
    d = plusDays(d, 1);
    if (isWorking(d)) left -= 1;
  }
  return d;
}
// The latest due date that is overdue by `m` working days today.
function overdueBy(m) {
  let d = plusDays(todayIso(), -1);
  while (addWorkingDays(d, m) > todayIso()) d = plusDays(d, -1);
  return d;
}
const vn = (iso) => iso.split('-').reverse().join('/');

// One statement on the server's database, whichever engine it is.
function sql(statement) {
  if (server.dbFile)
    return execFileSync('sqlite3', ['-cmd', '.timeout 10000', server.dbFile, statement], { encoding: 'utf8' });
  return execFileSync('psql', [server.database, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], { encoding: 'utf8' });
}
const setDue = (id, iso) => sql(`UPDATE petitions SET due_on = '${iso}' WHERE id = ${Number(id)}`);

// The sweep, as an operator runs it while the server serves the same database.
function sweep() {
  const out = cli(['notify', 'sweep'], { database: server.database });
  const m = out.match(/(\d+) notifications written/);
  assert.ok(m, `the sweep says how many it wrote: ${out}`);
  return Number(m[1]);
}

before(async () => {
  server = await startServer();
  for (const u of WHO) users[u] = await server.as(u);
  for (const a of (await server.request('/api/v1/agencies')).body.items) {
    agency[a.code] = a.id;
    agencyName[a.code] = a.name;
  }
  const year = Number(todayIso().slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const res = await users.lienminh.request(`/api/v1/holidays?year=${y}`);
    for (const h of res.body?.items ?? []) (h.kind === 'working' ? worked : holidays).add(h.day);
  }
});
after(async () => { await server.stop(); server.cleanup(); });

async function notificationsOf(who) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const res = await users[who].request(`${N}?per_page=100&page=${page}`);
    assert.equal(res.status, 200, res.text);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}
// `who`'s notifications of one kind about one petition (or directive: { directive: id }).
async function told(who, kind, about) {
  const all = await notificationsOf(who);
  return all.filter((n) => n.kind === kind &&
    (about.directive ? n.directive_id === about.directive : n.petition_id === about));
}
async function toldOnce(who, kind, about) {
  const got = await told(who, kind, about);
  assert.equal(got.length, 1, `${who} told once of ${kind} about ${JSON.stringify(about)}: ${JSON.stringify(got)}`);
  return got[0].message;
}
async function notTold(who, kind, about) {
  assert.deepEqual(await told(who, kind, about), [], `${who} not told of ${kind}`);
}
async function nothingAbout(who, petitionId) {
  const got = (await notificationsOf(who)).filter((n) => n.petition_id === petitionId);
  assert.deepEqual(got, [], `${who} is told nothing about petition ${petitionId}`);
}

const act = (who, id, action, fields = {}) =>
  users[who].request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
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
async function created(title = 'Đề nghị hỗ trợ tiêu thụ miến dong') {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: {
    cooperative_id: TAI_HOAN, title, content: 'Hợp tác xã đề nghị được kết nối tiêu thụ 30 tấn miến dong.', categories: ['market'] } });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}
async function forward(id) {
  const b = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo kiến nghị', petition_ids: [id] } });
  assert.equal(b.status, 201, b.text);
  return b.body;
}
// A fresh petition assigned to the Sở Công Thương alone.
async function assigned(due = addWorkingDays(todayIso(), 10)) {
  const id = await created();
  await ok('htx-taihoan', id, 'submit');
  await ok('lienminh', id, 'receive');
  await forward(id);
  await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: due });
  return id;
}

test('the cooperative is told at each step of its petition, and no other cooperative is', async () => {
  const id = await created('Đề nghị hỗ trợ chứng nhận VietGAP cho vùng chè');
  await ok('htx-taihoan', id, 'submit');
  await ok('lienminh', id, 'return', { reason: 'Đề nghị bổ sung diện tích chè của từng hộ' });
  assert.match(await toldOnce('htx-taihoan', 'returned', id), /Đề nghị bổ sung diện tích chè của từng hộ/);

  await ok('htx-taihoan', id, 'resubmit');
  await ok('lienminh', id, 'receive');
  assert.match(await toldOnce('htx-taihoan', 'received', id), /tiếp nhận/);

  const batch = await forward(id);
  const forwarded = await toldOnce('htx-taihoan', 'forwarded', id);
  assert.match(forwarded, /UBND tỉnh/);
  assert.ok(forwarded.includes(batch.number), forwarded);

  const due = addWorkingDays(todayIso(), 12);
  await ok('ubnd', id, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']], due_on: due });
  const assignedMsg = await toldOnce('htx-taihoan', 'assigned', id);
  assert.ok(assignedMsg.includes(agencyName['so-congthuong']), assignedMsg);
  assert.ok(assignedMsg.includes(vn(due)), assignedMsg);
  // Both agencies: the lead and the coordinating one, each with the due date.
  assert.ok((await toldOnce('so-congthuong', 'assigned', id)).includes(vn(due)));
  assert.ok((await toldOnce('so-taichinh', 'assigned', id)).includes(vn(due)));

  await ok('so-congthuong', id, 'answer', { text: 'Sở sẽ hỗ trợ 100% kinh phí chứng nhận lần đầu.' });
  await toldOnce('htx-taihoan', 'answered', id);
  await toldOnce('lienminh', 'answered', id);

  await ok('lienminh', id, 'publish');
  await toldOnce('htx-taihoan', 'published', id);

  await nothingAbout('htx-kientrucxanh', id);
  for (const who of ['ubnd', 'lienminh', 'so-congthuong', 'so-taichinh', 'admin'])
    for (const kind of ['received', 'returned', 'forwarded', 'published']) await notTold(who, kind, id);
});

test('only the lead agency is told when no agency coordinates', async () => {
  const id = await assigned();
  await toldOnce('so-congthuong', 'assigned', id);
  await nothingAbout('so-taichinh', id);
});

test('a directive: the assignee agency with its deadline; the cooperatives of its conference', async () => {
  const conf = await users.lienminh.request('/api/v1/conferences', { method: 'POST', json: {
    title: 'Hội nghị đối thoại với các HTX miến dong', held_on: plusDays(todayIso(), 3),
    agency_ids: [agency['so-congthuong']], cooperative_ids: [TAI_HOAN] } });
  assert.equal(conf.status, 201, conf.text);
  const due = addWorkingDays(todayIso(), 20);
  const res = await users.ubnd.request('/api/v1/directives', { method: 'POST', json: {
    content: 'Sở Công Thương tổ chức kết nối tiêu thụ miến dong tại các siêu thị trong tỉnh.',
    assignee_agency_id: agency['so-congthuong'], due_on: due, conference_id: conf.body.id } });
  assert.equal(res.status, 201, res.text);
  const d = { directive: res.body.id };
  assert.ok((await toldOnce('so-congthuong', 'directive', d)).includes(vn(due)));
  const toCoop = await toldOnce('htx-taihoan', 'directive', d);
  assert.ok(toCoop.includes(vn(due)) && toCoop.includes(agencyName['so-congthuong']), toCoop);
  for (const who of ['htx-kientrucxanh', 'so-taichinh', 'lienminh']) await notTold(who, 'directive', d);

  // Without a conference, no cooperative is concerned.
  const alone = await users.ubnd.request('/api/v1/directives', { method: 'POST', json: {
    content: 'Sở Công Thương báo cáo kết quả xúc tiến thương mại quý.', assignee_agency_id: agency['so-congthuong'], due_on: due } });
  assert.equal(alone.status, 201, alone.text);
  await toldOnce('so-congthuong', 'directive', { directive: alone.body.id });
  await notTold('htx-taihoan', 'directive', { directive: alone.body.id });
});

test('reminders before the due date and on the day it is overdue; escalation after 5 working days overdue — each once', async () => {
  const soon = await assigned(addWorkingDays(todayIso(), 2));
  const later = await assigned(addWorkingDays(todayIso(), 10));
  const late = await assigned();
  const veryLate = await assigned();
  setDue(late, plusDays(todayIso(), -1));
  const escalatedFor = overdueBy(5);
  setDue(veryLate, escalatedFor);

  const first = sweep();
  assert.ok(first >= 5, `reminders written: ${first}`);
  assert.equal(sweep(), 0, 'a second sweep writes nothing');
  assert.equal(sweep(), 0);

  assert.ok((await toldOnce('so-congthuong', 'due_soon', soon)).includes(vn(addWorkingDays(todayIso(), 2))));
  await notTold('so-congthuong', 'due_soon', later);
  await notTold('so-congthuong', 'overdue', soon);
  await toldOnce('so-congthuong', 'overdue', late);
  assert.ok((await toldOnce('so-congthuong', 'overdue', veryLate)).includes(vn(escalatedFor)));
  await notTold('so-congthuong', 'due_soon', late);
  for (const id of [soon, later, late, veryLate]) await nothingAbout('so-taichinh', id);

  // Escalation: the leaders and the Liên minh, once; not the agency, not the cooperative.
  for (const who of ['ubnd', 'lienminh']) {
    assert.ok((await toldOnce(who, 'escalated', veryLate)).includes(vn(escalatedFor)));
    await notTold(who, 'escalated', late);
  }
  for (const who of ['so-congthuong', 'htx-taihoan', 'htx-kientrucxanh', 'admin']) await notTold(who, 'escalated', veryLate);

  // Shown in the petition and in the lists.
  assert.equal((await read(veryLate)).escalated, true);
  assert.equal((await read(late)).escalated, false);
  assert.equal((await read(soon)).escalated, false);
  assert.equal((await read(veryLate, 'so-congthuong')).escalated, true);
  for (const who of ['lienminh', 'ubnd', 'so-congthuong']) {
    const list = await users[who].request(`${P}?escalated=1&per_page=100`);
    assert.equal(list.status, 200, list.text);
    const ids = list.body.items.map((p) => p.id);
    assert.ok(ids.includes(veryLate), `${who} finds it escalated`);
    assert.ok(!ids.includes(late) && !ids.includes(soon));
    assert.ok(list.body.items.every((p) => p.escalated === true && p.state === 'assigned'));
  }
  const all = await users.lienminh.request(`${P}?escalated=0&per_page=100`);
  assert.equal(all.status, 200);
  assert.ok(all.body.items.every((p) => typeof p.escalated === 'boolean'));
  expectProblem(assert, await users.lienminh.request(`${P}?escalated=yes`), 400, 'escalated');
  const coopList = await users['htx-kientrucxanh'].request(`${P}?escalated=1`);
  assert.ok(!coopList.body.items.some((p) => p.id === veryLate), 'another cooperative does not see it');

  // A new due date (more time, still missed) is a new deadline: told once more.
  const newDue = overdueBy(6);
  setDue(veryLate, newDue);
  assert.equal((await read(veryLate)).escalated, false, 'escalated for the old date only');
  assert.ok(sweep() >= 3);
  assert.equal(sweep(), 0);
  assert.equal((await read(veryLate)).escalated, true);
  for (const who of ['ubnd', 'lienminh']) assert.equal((await told(who, 'escalated', veryLate)).length, 2);
  assert.equal((await told('so-congthuong', 'overdue', veryLate)).length, 2);

  // Answered: no longer escalated, nothing more is sent.
  await ok('so-congthuong', veryLate, 'answer', { text: 'Sở đã làm việc với các siêu thị; kết quả gửi kèm.' });
  assert.equal((await read(veryLate)).escalated, false);
  const list = await users.lienminh.request(`${P}?escalated=1&per_page=100`);
  assert.ok(!list.body.items.some((p) => p.id === veryLate));
  assert.equal(sweep(), 0);
});

test('a directive\'s deadline: a reminder to the assignee agency, once', async () => {
  const due = addWorkingDays(todayIso(), 2);
  const res = await users.ubnd.request('/api/v1/directives', { method: 'POST', json: {
    content: 'Sở Công Thương báo cáo tình hình tiêu thụ nông sản trước Tết.', assignee_agency_id: agency['so-congthuong'], due_on: due } });
  assert.equal(res.status, 201, res.text);
  const far = await users.ubnd.request('/api/v1/directives', { method: 'POST', json: {
    content: 'Sở Công Thương xây dựng kế hoạch xúc tiến thương mại năm sau.', assignee_agency_id: agency['so-congthuong'], due_on: addWorkingDays(todayIso(), 15) } });
  assert.equal(far.status, 201, far.text);
  sweep();
  sweep();
  const got = await told('so-congthuong', 'directive', { directive: res.body.id });
  assert.equal(got.length, 2, 'assigned, then reminded once');
  assert.equal(got.filter((n) => n.message.includes('sắp đến hạn') && n.message.includes(vn(due))).length, 1);
  assert.equal((await told('so-congthuong', 'directive', { directive: far.body.id })).length, 1, 'no reminder yet');
  await notTold('so-taichinh', 'directive', { directive: res.body.id });
});

test('an OCOP certificate 90 days before it expires: the cooperative and the Liên minh, once', async () => {
  const products = `/api/v1/cooperatives/${TAI_HOAN}/products`;
  // Decided 36 months ago less 30 days: it expires in about 30 days.
  const t = new Date(`${todayIso()}T00:00:00Z`);
  const decided = new Date(Date.UTC(t.getUTCFullYear() - 3, t.getUTCMonth(), 1));
  decided.setUTCDate(decided.getUTCDate() + 30);
  const soon = await users.lienminh.request(products, { method: 'POST', json: {
    name: 'Miến dong Tài Hoan hộp quà', group: 'food', stars: 4, score: 76, decision_no: '812/QĐ-UBND', decided_on: decided.toISOString().slice(0, 10) } });
  assert.equal(soon.status, 201, soon.text);
  const far = await users.lienminh.request(products, { method: 'POST', json: {
    name: 'Măng khô Tài Hoan', group: 'food', stars: 3, score: 60, decision_no: '813/QĐ-UBND', decided_on: plusDays(todayIso(), -200) } });
  assert.equal(far.status, 201, far.text);
  sweep();
  assert.equal(sweep(), 0);
  const about = (items, name) => items.filter((n) => n.kind === 'ocop_expiring' && n.message.includes(name));
  for (const who of ['htx-taihoan', 'lienminh']) {
    const items = await notificationsOf(who);
    const mine = about(items, 'Miến dong Tài Hoan hộp quà');
    assert.equal(mine.length, 1, `${who}: ${JSON.stringify(mine)}`);
    assert.ok(mine[0].message.includes(vn(soon.body.expires_on)), mine[0].message);
    assert.equal(about(items, 'Măng khô Tài Hoan').length, 0, 'not a certificate valid for years');
  }
  for (const who of ['htx-kientrucxanh', 'ubnd', 'so-congthuong'])
    assert.equal(about(await notificationsOf(who), 'Miến dong Tài Hoan').length, 0, who);
});

test('the reminder settings: the admin reads and changes them; others 403; bad values 422', async () => {
  const got = await users.admin.request(S);
  assert.equal(got.status, 200, got.text);
  assert.deepEqual(got.body, { reminder_working_days: 3, escalation_working_days: 5 });
  for (const who of ['lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan']) {
    expectProblem(assert, await users[who].request(S), 403);
    expectProblem(assert, await users[who].request(S, { method: 'PUT', json: { reminder_working_days: 2, escalation_working_days: 2 } }), 403);
    expectProblem(assert, await users[who].request(S, { method: 'PUT', json: { reminder_working_days: 99 } }), 403);
  }
  expectProblem(assert, await server.request(S), 401);
  expectProblem(assert, await server.request(S, { method: 'PUT', json: { reminder_working_days: 2, escalation_working_days: 2 } }), 401);

  const put = (json) => users.admin.request(S, { method: 'PUT', json });
  expectProblem(assert, await put({ reminder_working_days: 31, escalation_working_days: 5 }), 422, 'reminder_working_days');
  expectProblem(assert, await put({ reminder_working_days: -1, escalation_working_days: 5 }), 422, 'reminder_working_days');
  expectProblem(assert, await put({ reminder_working_days: 3, escalation_working_days: 0 }), 422, 'escalation_working_days');
  expectProblem(assert, await put({ reminder_working_days: 3, escalation_working_days: 61 }), 422, 'escalation_working_days');
  expectProblem(assert, await put({ reminder_working_days: '3', escalation_working_days: 2.5 }), 422, 'escalation_working_days');
  expectProblem(assert, await put({ reminder_working_days: 3 }), 422, 'escalation_working_days');
  expectProblem(assert, await put({ reminder_working_days: 3, escalation_working_days: 5, extra: 1 }), 422, 'extra');
  expectProblem(assert, await put({ reminder_working_days: 1e300, escalation_working_days: -9007199254740993 }), 422, 'reminder_working_days');
  expectProblem(assert, await put({ reminder_working_days: null, escalation_working_days: [] }), 422, 'reminder_working_days');
  for (const body of ['{', '[]', '"x"', `{"reminder_working_days": ${'9'.repeat(400)}}`]) {
    const res = await users.admin.request(S, { method: 'PUT', body, headers: { 'content-type': 'application/json' } });
    assert.ok(res.status >= 400 && res.status < 500, `${body.slice(0, 20)}: ${res.status}`);
  }
  const wrongType = await users.admin.request(S, { method: 'PUT', body: 'reminder_working_days=2', headers: { 'content-type': 'text/plain' } });
  assert.ok(wrongType.status >= 400 && wrongType.status < 500);
  assert.deepEqual((await users.admin.request(S)).body, { reminder_working_days: 3, escalation_working_days: 5 }, 'nothing changed');

  // Escalation after 2 working days overdue: a petition 2 working days late is now reported.
  const id = await assigned();
  setDue(id, overdueBy(2));
  assert.equal(sweep() >= 1, true);
  await notTold('ubnd', 'escalated', id);
  const saved = await put({ reminder_working_days: 0, escalation_working_days: 2 });
  assert.equal(saved.status, 200, saved.text);
  assert.deepEqual(saved.body, { reminder_working_days: 0, escalation_working_days: 2 });
  assert.deepEqual((await users.admin.request(S)).body, saved.body);
  sweep();
  await toldOnce('ubnd', 'escalated', id);
  await toldOnce('lienminh', 'escalated', id);
  assert.equal((await read(id)).escalated, true);

  // 0: the reminder on the due date only.
  const today = await assigned();
  setDue(today, todayIso());
  const tomorrow = await assigned(addWorkingDays(todayIso(), 1));
  sweep();
  await toldOnce('so-congthuong', 'due_soon', today);
  await notTold('so-congthuong', 'due_soon', tomorrow);

  const back = await put({ reminder_working_days: 3, escalation_working_days: 5 });
  assert.equal(back.status, 200, back.text);
});
