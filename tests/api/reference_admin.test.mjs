// Administering reference data (issue 11): agencies created, renamed, retired and merged into
// another with their open petitions and directives; petition categories; the working calendar's
// holidays and worked weekend days; the reports' letterheads. Admin only (letterheads readable
// by staff); every write checked for each other role, anonymous callers and hostile input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, expectProblem, DEMO_PASSWORD } from './server.mjs';

let server;
let scratch;
const users = {};
const agency = {};  // code -> id
const OTHERS = ['lienminh', 'ubnd', 'so-congthuong', 'so-taichinh', 'htx-taihoan'];
const P = '/api/v1/petitions';
const A = '/api/v1/agencies';

const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
const YEAR = Number(todayIso().slice(0, 4));
function plusDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const weekday = (iso) => (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;  // 0 = Monday
const nextDay = (iso, wanted) => {
  let d = plusDays(iso, 1);
  while (weekday(d) !== wanted) d = plusDays(d, 1);
  return d;
};
function addWorkingDays(fromIso, n, holidays, worked = new Set()) {
  let d = fromIso;
  while (n > 0) {
    d = plusDays(d, 1);
    if (worked.has(d) || (weekday(d) < 5 && !holidays.has(d))) n -= 1;
  }
  return d;
}

before(async () => {
  server = await startServer();
  scratch = mkdtempSync(join(tmpdir(), 'hoptac-refadmin-'));
  for (const u of ['admin', ...OTHERS]) users[u] = await server.as(u);
  for (const a of (await server.request(A)).body.items) agency[a.code] = a.id;
  // The letterhead tests start from none: the demo's two (Bắc Kạn, then Thái Nguyên from
  // 01/07/2025) are removed, and the province's name is the fallback.
  for (const l of (await users.admin.request('/api/v1/letterheads')).body.items)
    assert.equal((await users.admin.request(`/api/v1/letterheads/${l.id}`, { method: 'DELETE' })).status, 204);
});
after(async () => {
  await server.stop();
  server.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

// Every role but admin is 403, an anonymous caller 401, and nothing changes.
async function onlyAdmin(method, path, json) {
  for (const u of OTHERS)
    expectProblem(assert, await users[u].request(path, { method, json }), 403);
  expectProblem(assert, await server.request(path, { method, json }), 401);
}
const asAdmin = (method, path, json) => users.admin.request(path, { method, json });
// A body JSON.stringify cannot write (1e999 would become null).
const rawAdmin = (method, path, body) => users.admin.request(path, { method, body, headers: { 'content-type': 'application/json' } });
const huge = 'x'.repeat(100000);

// ---------------------------------------------------------------------------------------------
// Petitions and directives to move

const draftBody = { cooperative_id: 2, title: 'Đề nghị hỗ trợ kết nối tiêu thụ miến dong',
  content: 'Hợp tác xã đề nghị được kết nối với các siêu thị để tiêu thụ 30 tấn miến dong.', categories: ['market'] };
async function act(who, id, action, fields = {}) {
  const res = await users[who].request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
  assert.equal(res.status, 200, `${action} by ${who}: ${res.text}`);
  return res.body;
}
// A petition forwarded to the UBND, ready to be assigned.
async function forwarded() {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: draftBody });
  assert.equal(res.status, 201, res.text);
  const id = res.body.id;
  await act('htx-taihoan', id, 'submit');
  await act('lienminh', id, 'receive');
  const batch = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo kiến nghị', petition_ids: [id] } });
  assert.equal(batch.status, 201, batch.text);
  return id;
}
async function assigned(lead, coordinating = [], due_on = plusDays(todayIso(), 40)) {
  const id = await forwarded();
  return act('ubnd', id, 'assign', { lead_agency_id: agency[lead] ?? lead, coordinating_agency_ids: coordinating.map((c) => agency[c] ?? c), due_on });
}
const read = async (id) => (await users.lienminh.request(`${P}/${id}`)).body;
async function newAgency(code, name = `Cơ quan thử ${code}`) {
  const res = await asAdmin('POST', A, { code, name, short_name: name.slice(0, 50), kind: 'department' });
  assert.equal(res.status, 201, res.text);
  agency[code] = res.body.id;
  return res.body;
}

// ---------------------------------------------------------------------------------------------
// Agencies

test('agencies show active, merged_into and retired_on; include_retired is a flag', async () => {
  const res = await server.request(A);
  assert.equal(res.status, 200);
  for (const a of res.body.items) {
    assert.equal(a.active, true);
    assert.equal(a.merged_into, null);
    assert.equal(a.retired_on, null);
  }
  assert.equal((await server.request(`${A}?include_retired=true`)).status, 200);
  expectProblem(assert, await server.request(`${A}?include_retired=maybe`), 400, 'include_retired');
  expectProblem(assert, await server.request(`${A}?colour=red`), 400, 'colour');
});

test('an admin creates an agency: 201 with its address; a duplicate code is 409', async () => {
  const res = await asAdmin('POST', A, { code: 'so-dulich', name: 'Sở Văn hóa, Thể thao và Du lịch', short_name: 'Sở VHTTDL', kind: 'department' });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `${A}/${res.body.id}`);
  assert.deepEqual({ ...res.body, id: 0 }, { id: 0, code: 'so-dulich', name: 'Sở Văn hóa, Thể thao và Du lịch', short_name: 'Sở VHTTDL', kind: 'department', active: true, merged_into: null, retired_on: null, commune: null });
  assert.ok((await server.request(A)).body.items.some((a) => a.code === 'so-dulich'));
  expectProblem(assert, await asAdmin('POST', A, { code: 'so-dulich', name: 'Khác', short_name: 'Khác', kind: 'other' }), 409, 'code');
});

test('creating an agency: other roles 403, anonymous 401, hostile input 422 naming the field, nothing added', async () => {
  const count = async () => (await server.request(`${A}?include_retired=true`)).body.total;
  const before = await count();
  const ok = { code: 'so-moi', name: 'Sở Mới', short_name: 'Sở Mới', kind: 'department' };
  await onlyAdmin('POST', A, ok);
  for (const [over, field] of [
    [{ code: 'Sở Mới' }, 'code'], [{ code: 'a' }, 'code'], [{ code: 'a'.repeat(41) }, 'code'], [{ code: 7 }, 'code'],
    [{ code: undefined }, 'code'], [{ name: '' }, 'name'], [{ name: '  ' }, 'name'], [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: huge }, 'name'], [{ name: 'a\nb' }, 'name'], [{ short_name: 'x'.repeat(101) }, 'short_name'],
    [{ kind: 'ministry' }, 'kind'], [{ kind: 5 }, 'kind'], [{ kind: undefined }, 'kind'], [{ colour: 'red' }, 'colour'],
    [{ active: false }, 'active'],
  ]) expectProblem(assert, await asAdmin('POST', A, { ...ok, ...over }), 422, field);
  expectProblem(assert, await users.admin.request(A, { method: 'POST', body: '{"code":', headers: { 'content-type': 'application/json' } }), 400);
  expectProblem(assert, await users.admin.request(A, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } }), 400);
  assert.equal(await count(), before);
});

test('after the reform: the admin adds a commune\'s committee tied to a commune in force today', async () => {
  // Xã Na Rì (02155) is a commune after 1 July 2025 (Yến Lạc, Kim Lư and another merged into it).
  const body = { code: 'ubnd-02155', name: 'Ủy ban nhân dân xã Na Rì', short_name: 'UBND xã Na Rì', kind: 'commune', commune_code: '02155' };
  await onlyAdmin('POST', A, body);
  const res = await asAdmin('POST', A, body);
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.kind, 'commune');
  assert.deepEqual(res.body.commune, { code: '02155', name: 'Xã Na Rì' });
  agency['ubnd-02155'] = res.body.id;
  assert.ok((await server.request(A)).body.items.some((a) => a.code === 'ubnd-02155'), 'offered to the pickers');
  // One committee a commune: another for Na Rì is 409.
  const again = await asAdmin('POST', A, { ...body, code: 'ubnd-02155-b' });
  expectProblem(assert, again, 409, 'commune_code');
  // A commune's committee names its commune; no other kind does; the code must be in force today.
  expectProblem(assert, await asAdmin('POST', A, { ...body, code: 'ubnd-x1', commune_code: undefined }), 422, 'commune_code');
  expectProblem(assert, await asAdmin('POST', A, { ...body, code: 'ubnd-x2', kind: 'department' }), 422, 'commune_code');
  // Xã Xuân Lạc (02023) was merged into Nam Cường on 1 July 2025: not a commune any more.
  const old = await asAdmin('POST', A, { ...body, code: 'ubnd-02023', commune_code: '02023' });
  expectProblem(assert, old, 422, 'commune_code');
  assert.match(old.body.errors[0].message, /02023/);
  expectProblem(assert, await asAdmin('POST', A, { ...body, code: 'ubnd-x3', commune_code: '99999' }), 422, 'commune_code');
  expectProblem(assert, await asAdmin('POST', A, { ...body, code: 'ubnd-x4', commune_code: '021550' }), 422, 'commune_code');
  expectProblem(assert, await asAdmin('POST', A, { ...body, code: 'ubnd-x5', commune_code: 2155 }), 422, 'commune_code');
  const codes = (await server.request(`${A}?include_retired=1`)).body.items.map((a) => a.code);
  assert.ok(!codes.some((c) => /^ubnd-(x\d|02023|02155-b)$/.test(c)), 'nothing refused was added');
});

test('a retired district committee cannot be given a petition; today\'s commune committee can', async () => {
  const retired = (await server.request(`${A}?include_retired=1`)).body.items.find((a) => a.code === 'ubnd-066');
  assert.equal(retired.retired_on, '2025-07-01');
  const id = await forwarded();
  const res = await users.ubnd.request(`${P}/${id}/transitions`, { method: 'POST', json: { action: 'assign', lead_agency_id: retired.id } });
  expectProblem(assert, res, 422, 'lead_agency_id');
  assert.match(res.body.errors[0].message, /thôi hoạt động/);
  const coord = await users.ubnd.request(`${P}/${id}/transitions`, { method: 'POST', json: { action: 'assign', lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [retired.id] } });
  expectProblem(assert, coord, 422, 'coordinating_agency_ids');
  assert.equal((await read(id)).state, 'forwarded');
  const p = await act('ubnd', id, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['ubnd-02026']] });
  assert.deepEqual(p.coordinating_agencies.map((a) => a.code), ['ubnd-02026']);
});

test('an admin renames an agency; other fields, roles and unknown ids are refused', async () => {
  const a = await newAgency('so-doi-ten', 'Sở Đổi Tên');
  const res = await asAdmin('PATCH', `${A}/${a.id}`, { name: 'Sở Đã Đổi Tên' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.name, 'Sở Đã Đổi Tên');
  assert.equal(res.body.short_name, a.short_name);
  assert.equal((await asAdmin('PATCH', `${A}/${a.id}`, { short_name: 'SĐĐT' })).body.short_name, 'SĐĐT');
  await onlyAdmin('PATCH', `${A}/${a.id}`, { name: 'Không được' });
  for (const [body, field] of [[{ code: 'khac' }, 'code'], [{ kind: 'bank' }, 'kind'], [{ name: '' }, 'name'], [{ name: huge }, 'name'], [{ short_name: 3 }, 'short_name']])
    expectProblem(assert, await asAdmin('PATCH', `${A}/${a.id}`, body), 422, field);
  expectProblem(assert, await asAdmin('PATCH', `${A}/999999`, { name: 'Không có' }), 404);
  expectProblem(assert, await asAdmin('PATCH', `${A}/abc`, { name: 'Không có' }), 404);
  const now = (await server.request(A)).body.items.find((x) => x.id === a.id);
  assert.equal(now.name, 'Sở Đã Đổi Tên');
  assert.equal(now.short_name, 'SĐĐT');
});

test('retiring: an agency with open work is 409 (merge it instead); an idle one retires once', async () => {
  const busy = await newAgency('so-ban-rong');
  await assigned('so-ban-rong');
  const refused = await users.admin.request(`${A}/${busy.id}/retire`, { method: 'POST', headers: { 'accept-language': 'en' } });
  expectProblem(assert, refused, 409);
  assert.match(refused.body.title, /merge it into another instead/);
  expectProblem(assert, await asAdmin('POST', `${A}/${busy.id}/retire`), 409);

  // An agency that categories answer through by default is not retired under them.
  const deflt = await newAgency('so-mac-dinh');
  const cat = await asAdmin('POST', '/api/v1/categories', { code: 'thu_nghiem_mac_dinh', name_vi: 'Thử nghiệm', name_en: 'Trial', default_agency_id: deflt.id, default_days: 10 });
  assert.equal(cat.status, 201, cat.text);
  const byDefault = await users.admin.request(`${A}/${deflt.id}/retire`, { method: 'POST', headers: { 'accept-language': 'en' } });
  expectProblem(assert, byDefault, 409);
  assert.match(byDefault.body.title, /1 categories answer by default through this agency/);

  const idle = await newAgency('so-nhan-roi');
  await onlyAdmin('POST', `${A}/${idle.id}/retire`);
  const res = await asAdmin('POST', `${A}/${idle.id}/retire`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.active, false);
  assert.equal(res.body.retired_on, todayIso());
  assert.equal(res.body.merged_into, null);
  // No account is put in a retired agency.
  const inRetired = await asAdmin('POST', '/api/v1/users', { username: 'cb-nhan-roi', display_name: 'X', role: 'department', agency_id: idle.id });
  expectProblem(assert, inRetired, 422, 'agency_id');
  expectProblem(assert, await asAdmin('POST', `${A}/${idle.id}/retire`), 409);
  expectProblem(assert, await asAdmin('POST', `${A}/999999/retire`), 404);
  assert.ok(!(await server.request(A)).body.items.some((a) => a.id === idle.id), 'gone from the list');
  const all = (await server.request(`${A}?include_retired=true`)).body.items;
  assert.equal(all.find((a) => a.id === idle.id).active, false);
  // A retired agency is given no new work.
  const id = await forwarded();
  const assign = await users.ubnd.request(`${P}/${id}/transitions`, { method: 'POST', json: { action: 'assign', lead_agency_id: idle.id, due_on: plusDays(todayIso(), 30) } });
  assert.ok(assign.status >= 400 && assign.status < 500, `assign to a retired agency: ${assign.status}`);
});

test('merging is refused into itself, into a retired or unknown agency, or of a retired one', async () => {
  const from = await newAgency('so-gop-thu');
  const retired = await newAgency('so-da-nghi');
  await asAdmin('POST', `${A}/${retired.id}/retire`);
  const merge = (id, body) => asAdmin('POST', `${A}/${id}/merge`, body);
  await onlyAdmin('POST', `${A}/${from.id}/merge`, { into: agency['so-taichinh'] });
  expectProblem(assert, await merge(from.id, { into: from.id }), 422, 'into');
  expectProblem(assert, await merge(from.id, { into: 999999 }), 422, 'into');
  expectProblem(assert, await merge(from.id, { into: retired.id }), 409, 'into');
  expectProblem(assert, await merge(retired.id, { into: from.id }), 409);
  for (const [body, field] of [[{}, 'into'], [{ into: '3' }, 'into'], [{ into: null }, 'into'], [{ into: 1.5 }, 'into'], [{ into: -1 }, 'into'], [{ into: 3, also: 1 }, 'also']])
    expectProblem(assert, await merge(from.id, body), 422, field);
  expectProblem(assert, await rawAdmin('POST', `${A}/${from.id}/merge`, '{"into": 1e999}'), 422, 'into');
  expectProblem(assert, await rawAdmin('POST', `${A}/${from.id}/merge`, '{"into": 18446744073709551616}'), 422, 'into');
  expectProblem(assert, await merge(999999, { into: from.id }), 404);
  const en = await users.admin.request(`${A}/${from.id}/merge`, { method: 'POST', json: { into: from.id }, headers: { 'accept-language': 'en' } });
  assert.match(en.body.errors[0].message, /cannot be merged into itself/);
  const vi = await merge(from.id, { into: from.id });
  assert.match(vi.body.errors[0].message, /chính nó/);
  assert.equal((await server.request(A)).body.items.find((a) => a.id === from.id).active, true, 'still active');
});

// Lead or coordinator, answered or open: what a merge of so-congthuong into a new agency does.
test('a merge moves open petitions (lead and coordinating) and open directives, with history; answered ones stay', async () => {
  const into = await newAgency('so-cong-thuong-moi', 'Sở Công Thương (mới)');
  const ct = agency['so-congthuong'];
  const p1 = await assigned('so-congthuong', ['so-taichinh']);                    // lead moves
  const p2 = await assigned('so-taichinh', ['so-congthuong']);                     // coordinator moves
  const p3 = await assigned('so-cong-thuong-moi', ['so-congthuong']);              // into leads: dropped
  const p4 = await assigned('so-taichinh', ['so-congthuong', 'so-cong-thuong-moi']);  // no duplicate
  let p5 = await assigned('so-congthuong');
  p5 = await act('so-congthuong', p5.id, 'answer', { text: 'Sở đã làm việc với các siêu thị.', legal_basis: 'Nghị định 45/2021/NĐ-CP' });
  const draft = (await users['htx-taihoan'].request(P, { method: 'POST', json: draftBody })).body;

  const directive = async (status) => {
    const res = await users.ubnd.request('/api/v1/directives', { method: 'POST', json: { content: 'Sở Công Thương kết nối tiêu thụ sản phẩm OCOP.', assignee_agency_id: ct, due_on: plusDays(todayIso(), 60) } });
    assert.equal(res.status, 201, res.text);
    if (status === 'done') {
      const r = await users['so-congthuong'].request(`/api/v1/directives/${res.body.id}/reports`, { method: 'POST', json: { text: 'Đã hoàn thành.', status: 'done' } });
      assert.equal(r.status, 201, r.text);
    }
    return res.body.id;
  };
  const dOpen = await directive('open');
  const dDone = await directive('done');

  // What the merge should move: every open petition so-congthuong leads or coordinates.
  const open = ['draft', 'submitted', 'received', 'forwarded', 'assigned'];
  const listAll = async (query) => {
    const items = [];
    for (let page = 1; ; page += 1) {
      const res = await users.lienminh.request(`${P}?${query}&per_page=100&page=${page}`);
      assert.equal(res.status, 200, res.text);
      items.push(...res.body.items);
      if (items.length >= res.body.total || res.body.items.length === 0) return items;
    }
  };
  const ofCt = await listAll(`agency=${ct}`);
  const toMove = ofCt.filter((p) => open.includes(p.state));
  const toKeep = ofCt.filter((p) => !open.includes(p.state));
  assert.ok(toKeep.some((p) => p.id === p5.id));
  const openDirectives = (await users.ubnd.request(`/api/v1/directives?agency=${ct}&per_page=200`)).body.items.filter((d) => d.status !== 'done');

  expectProblem(assert, await asAdmin('POST', `${A}/${ct}/retire`), 409);
  const res = await asAdmin('POST', `${A}/${ct}/merge`, { into: into.id });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.petitions_moved, toMove.length);
  assert.equal(res.body.directives_moved, openDirectives.length);
  assert.equal(res.body.accounts_moved, 1, "the demo's Sở Công Thương officer goes with the work");
  const officer = await server.request('/api/v1/session', { method: 'POST', json: { username: 'so-congthuong', password: DEMO_PASSWORD } });
  assert.equal(officer.body.user.agency_id, into.id);
  assert.equal(res.body.agency.active, false);
  assert.equal(res.body.agency.merged_into, into.id);
  assert.equal(res.body.agency.retired_on, todayIso());

  const codes = (p) => p.coordinating_agencies.map((a) => a.code).sort();
  const r1 = await read(p1.id);
  assert.equal(r1.lead_agency.id, into.id);
  assert.deepEqual(codes(r1), ['so-taichinh']);
  assert.equal(r1.version, p1.version + 1, 'a moved petition has a new version');
  const r2 = await read(p2.id);
  assert.equal(r2.lead_agency.code, 'so-taichinh');
  assert.deepEqual(codes(r2), ['so-cong-thuong-moi']);
  const r3 = await read(p3.id);
  assert.equal(r3.lead_agency.id, into.id);
  assert.deepEqual(codes(r3), []);
  assert.deepEqual(codes(await read(p4.id)), ['so-cong-thuong-moi']);
  const r5 = await read(p5.id);
  assert.equal(r5.lead_agency.id, ct, 'an answered petition keeps the old agency');
  assert.equal(r5.version, p5.version);
  assert.equal((await read(draft.id)).state, 'draft');

  for (const p of [p1, p2, p3, p4]) {
    const history = (await users.lienminh.request(`${P}/${p.id}/history`)).body.items;
    const entry = history.find((h) => h.action === 'agency_merged');
    assert.ok(entry, `history of ${p.code}`);
    assert.equal(entry.from_state, 'assigned');
    assert.equal(entry.to_state, 'assigned');
    assert.ok(entry.reason.includes('Sở Công Thương') && entry.reason.includes('Sở Công Thương (mới)'), entry.reason);
    assert.equal(entry.user.role, 'admin');
  }
  const h5 = (await users.lienminh.request(`${P}/${p5.id}/history`)).body.items;
  assert.ok(!h5.some((h) => h.action === 'agency_merged'));

  const dir = async (id) => (await users.ubnd.request(`/api/v1/directives/${id}`)).body;
  assert.equal((await dir(dOpen)).assignee_agency.id, into.id);
  assert.equal((await dir(dDone)).assignee_agency.id, ct, 'a done directive stays');

  // The lists by agency and the petitions report's table by lead agency agree with the move.
  const ofInto = await listAll(`agency=${into.id}`);
  assert.deepEqual(ofInto.map((p) => p.id).sort(), toMove.map((p) => p.id).sort());
  const leftWithCt = await listAll(`agency=${ct}`);
  assert.ok(leftWithCt.every((p) => !open.includes(p.state)), 'nothing open is left with the old agency');
  assert.deepEqual(leftWithCt.map((p) => p.id).sort(), toKeep.map((p) => p.id).sort());
  const csv = (await users.lienminh.request(`/api/v1/reports/petitions?year=${YEAR}&format=csv`)).buffer.toString('utf8');
  const row = (name) => csv.split(/\r?\n/).map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, ''))).find((r) => r[0] === name);
  const ledThisYear = (list, id) => list.filter((p) => p.lead_agency?.id === id && p.code.startsWith(`KN-${YEAR}-`)).length;
  assert.equal(Number(row('Sở Công Thương (mới)')?.[1]), ledThisYear(ofInto, into.id), 'the new agency\'s row');
  const ctRow = row('Sở Công Thương');
  assert.equal(Number(ctRow?.[1] ?? 0), ledThisYear(leftWithCt, ct), 'the old agency keeps only its answered petitions');

  // Gone from the list, its categories go to the new agency, and it cannot be merged again.
  assert.ok(!(await server.request(A)).body.items.some((a) => a.id === ct));
  const market = (await server.request('/api/v1/categories')).body.items.find((k) => k.code === 'market');
  assert.equal(market.default_agency_id, into.id);
  expectProblem(assert, await asAdmin('POST', `${A}/${ct}/merge`, { into: into.id }), 409);
});

// ---------------------------------------------------------------------------------------------
// Categories

const C = '/api/v1/categories';
const category = (over = {}) => ({ code: 'tourism', name_vi: 'Du lịch cộng đồng', name_en: 'Community tourism', default_agency_id: agency['so-taichinh'], default_days: 12, ...over });

test('categories show their position and default agency (id and reference)', async () => {
  const items = (await server.request(C)).body.items;
  const credit = items.find((k) => k.code === 'credit');
  assert.equal(credit.position, 1);
  assert.equal(credit.default_agency_id, agency.nhnn);
  assert.deepEqual(credit.default_agency, { id: agency.nhnn, code: 'nhnn', name: 'Ngân hàng Nhà nước chi nhánh khu vực' });
});

test('an admin adds a category at the end of the list and changes it; null removes the default agency', async () => {
  const before = (await server.request(C)).body.items;
  const res = await asAdmin('POST', C, category());
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `${C}/tourism`);
  assert.equal(res.body.position, Math.max(...before.map((k) => k.position)) + 1);
  assert.equal(res.body.default_agency.code, 'so-taichinh');
  assert.equal(res.body.default_days, 12);
  expectProblem(assert, await asAdmin('POST', C, category()), 409, 'code');

  let patched = await asAdmin('PATCH', `${C}/tourism`, { default_days: 20, name_en: 'Rural tourism' });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.body.default_days, 20);
  assert.equal(patched.body.name_en, 'Rural tourism');
  assert.equal(patched.body.name_vi, 'Du lịch cộng đồng');
  patched = await asAdmin('PATCH', `${C}/tourism`, { default_agency_id: null });
  assert.equal(patched.body.default_agency_id, null);
  assert.equal(patched.body.default_agency, null);
  const listed = (await server.request(C)).body.items.find((k) => k.code === 'tourism');
  assert.deepEqual(listed, patched.body);
  // Without a default agency, a category needs none to be created either.
  const bare = await asAdmin('POST', C, category({ code: 'heritage', default_agency_id: undefined }));
  assert.equal(bare.status, 201, bare.text);
  assert.equal(bare.body.default_agency, null);
  // A petition can use it at once.
  const p = await users['htx-taihoan'].request(P, { method: 'POST', json: { ...draftBody, categories: ['tourism'] } });
  assert.equal(p.status, 201, p.text);
});

test('categories: other roles 403, anonymous 401, hostile input 422 naming the field, nothing changed', async () => {
  const retired = await newAgency('so-cu-danh-muc');
  await asAdmin('POST', `${A}/${retired.id}/retire`);
  const count = async () => (await server.request(C)).body.total;
  const before = await count();
  await onlyAdmin('POST', C, category({ code: 'refused' }));
  for (const [over, field] of [
    [{ code: 'Tourism2' }, 'code'], [{ code: 'a' }, 'code'], [{ code: 'a'.repeat(41) }, 'code'], [{ code: 'to-urism' }, 'code'],
    [{ code: 'du lịch' }, 'code'], [{ code: undefined }, 'code'], [{ name_vi: '' }, 'name_vi'], [{ name_vi: 'x'.repeat(201) }, 'name_vi'],
    [{ name_en: huge }, 'name_en'], [{ name_en: undefined }, 'name_en'], [{ default_days: 0 }, 'default_days'],
    [{ default_days: 366 }, 'default_days'], [{ default_days: '10' }, 'default_days'],
    [{ default_days: 1.5 }, 'default_days'], [{ default_days: undefined }, 'default_days'],
    [{ default_agency_id: 999999 }, 'default_agency_id'], [{ default_agency_id: retired.id }, 'default_agency_id'],
    [{ default_agency_id: 'nhnn' }, 'default_agency_id'], [{ position: 1 }, 'position'],
  ]) expectProblem(assert, await asAdmin('POST', C, category({ code: 'fresh_code', ...over })), 422, field);
  const raw = JSON.stringify(category({ code: 'fresh_code' }));
  expectProblem(assert, await rawAdmin('POST', C, raw.replace('"default_days":12', '"default_days":1e999')), 422, 'default_days');
  expectProblem(assert, await rawAdmin('POST', C, raw.replace('"default_days":12', '"default_days":-1e999')), 422, 'default_days');
  assert.equal(await count(), before);

  const credit = (await server.request(C)).body.items.find((k) => k.code === 'credit');
  await onlyAdmin('PATCH', `${C}/credit`, { default_days: 30 });
  for (const [body, field] of [[{ code: 'loans' }, 'code'], [{ name_vi: '' }, 'name_vi'], [{ default_days: -3 }, 'default_days'], [{ default_agency_id: retired.id }, 'default_agency_id']])
    expectProblem(assert, await asAdmin('PATCH', `${C}/credit`, body), 422, field);
  expectProblem(assert, await asAdmin('PATCH', `${C}/no_such`, { default_days: 3 }), 404);
  expectProblem(assert, await asAdmin('PATCH', `${C}/${'x'.repeat(300)}`, { default_days: 3 }), 404);
  assert.deepEqual((await server.request(C)).body.items.find((k) => k.code === 'credit'), credit);
});

// ---------------------------------------------------------------------------------------------
// The working calendar

const H = '/api/v1/holidays';

test('holidays list their kind; an admin adds a weekday off and a worked weekend day, and removes them', async () => {
  const listed = (await server.request(`${H}?year=2026`)).body.items;
  assert.ok(listed.length > 0 && listed.every((h) => h.kind === 'holiday'));
  const monday = nextDay('2030-06-01', 0);
  const saturday = nextDay('2030-06-01', 5);
  let res = await asAdmin('POST', H, { day: monday, name: 'Nghỉ bù', kind: 'holiday' });
  assert.equal(res.status, 201, res.text);
  assert.deepEqual(res.body, { day: monday, name: 'Nghỉ bù', kind: 'holiday' });
  res = await asAdmin('POST', H, { day: saturday, name: 'Làm bù cho ngày nghỉ', kind: 'working' });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.kind, 'working');
  const y2030 = (await server.request(`${H}?year=2030`)).body.items;
  assert.deepEqual(y2030.map((h) => [h.day, h.kind]), [[monday, 'holiday'], [saturday, 'working']].sort());
  expectProblem(assert, await asAdmin('POST', H, { day: monday, name: 'Lần nữa', kind: 'holiday' }), 409, 'day');
  assert.equal((await asAdmin('DELETE', `${H}/${monday}`)).status, 204);
  assert.equal((await asAdmin('DELETE', `${H}/${saturday}`)).status, 204);
  expectProblem(assert, await asAdmin('DELETE', `${H}/${saturday}`), 404);
  assert.equal((await server.request(`${H}?year=2030`)).body.total, 0);
});

test('calendar days: a holiday on a weekend, a worked weekday, bad dates and kinds are 422; other roles 403', async () => {
  const before = (await server.request(`${H}?year=2031`)).body.total;
  const saturday = nextDay('2031-03-01', 5);
  const tuesday = nextDay('2031-03-01', 1);
  await onlyAdmin('POST', H, { day: tuesday, name: 'Nghỉ', kind: 'holiday' });
  for (const [body, field] of [
    [{ day: saturday, name: 'Nghỉ', kind: 'holiday' }, 'day'], [{ day: tuesday, name: 'Làm bù', kind: 'working' }, 'day'],
    [{ day: '2025-02-30', name: 'Nghỉ' }, 'day'], [{ day: '2031-13-01', name: 'Nghỉ' }, 'day'], [{ day: '01/03/2031', name: 'Nghỉ' }, 'day'],
    [{ day: '1999-03-02', name: 'Nghỉ' }, 'day'], [{ day: 20310304, name: 'Nghỉ' }, 'day'], [{ name: 'Nghỉ' }, 'day'],
    [{ day: tuesday, name: '' }, 'name'], [{ day: tuesday, name: huge }, 'name'], [{ day: tuesday }, 'name'],
    [{ day: tuesday, name: 'Nghỉ', kind: 'festival' }, 'kind'], [{ day: tuesday, name: 'Nghỉ', kind: 1 }, 'kind'],
    [{ day: tuesday, name: 'Nghỉ', paid: true }, 'paid'],
  ]) expectProblem(assert, await asAdmin('POST', H, body), 422, field);
  const en = await users.admin.request(H, { method: 'POST', json: { day: saturday, name: 'Nghỉ', kind: 'holiday' }, headers: { 'accept-language': 'en' } });
  assert.match(en.body.errors[0].message, /weekday/);
  assert.equal((await server.request(`${H}?year=2031`)).body.total, before);

  const tet = '2026-02-16';
  await onlyAdmin('DELETE', `${H}/${tet}`);
  expectProblem(assert, await asAdmin('DELETE', `${H}/2025-02-30`), 400, 'day');
  expectProblem(assert, await asAdmin('DELETE', `${H}/${huge.slice(0, 200)}`), 400, 'day');
  expectProblem(assert, await asAdmin('DELETE', `${H}/2031-03-05`), 404);
  assert.ok((await server.request(`${H}?year=2026`)).body.items.some((h) => h.day === tet), 'Tết is still there');
});

test('a worked Saturday counts in deadlines: a due date computed at assignment lands a day earlier', async () => {
  const holidays = new Set();
  for (const y of [YEAR, YEAR + 1])
    for (const h of (await server.request(`${H}?year=${y}`)).body.items) holidays.add(h.day);
  const days = (await server.request(C)).body.items.find((k) => k.code === 'market').default_days;
  const saturday = nextDay(todayIso(), 5);
  const assign = async () => {
    const id = await forwarded();
    return act('ubnd', id, 'assign', { lead_agency_id: agency['so-taichinh'] });
  };
  const plain = await assign();
  assert.equal(plain.due_on, addWorkingDays(todayIso(), days, holidays));
  const res = await asAdmin('POST', H, { day: saturday, name: 'Làm bù', kind: 'working' });
  assert.equal(res.status, 201, res.text);
  const worked = await assign();
  assert.equal(worked.due_on, addWorkingDays(todayIso(), days, holidays, new Set([saturday])));
  assert.ok(worked.due_on < plain.due_on, `${worked.due_on} before ${plain.due_on}`);
  assert.equal((await asAdmin('DELETE', `${H}/${saturday}`)).status, 204);
});

// ---------------------------------------------------------------------------------------------
// Letterheads

const L = '/api/v1/letterheads';
const letterhead = (over = {}) => ({ valid_from: todayIso(), parent_body: 'UBND TỈNH THÁI NGUYÊN', issuing_body: 'LIÊN MINH HỢP TÁC XÃ TỈNH', place_name: 'Thái Nguyên', ...over });
let pdfCount = 0;
function pdfText(buffer) {
  const file = join(scratch, `r${++pdfCount}.pdf`);
  writeFileSync(file, buffer);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
async function petitionsPdf() {
  const res = await users.lienminh.request(`/api/v1/reports/petitions?year=${YEAR}&format=pdf`);
  assert.equal(res.status, 200, res.text.slice(0, 300));
  return pdfText(res.buffer);
}

test('letterheads: staff read them, a coop may not; only an admin writes', async () => {
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong']) {
    const res = await users[u].request(L);
    assert.equal(res.status, 200, `${u}: ${res.text}`);
    assert.ok(Array.isArray(res.body.items));
  }
  expectProblem(assert, await users['htx-taihoan'].request(L), 403);
  expectProblem(assert, await server.request(L), 401);
  expectProblem(assert, await users.lienminh.request(`${L}?page=2`), 400, 'page');
  await onlyAdmin('POST', L, letterhead({ valid_from: '2020-01-01' }));
  assert.equal((await users.admin.request(L)).body.total, 0);
});

test('reports use the letterhead valid today, not one from tomorrow; without one, the province', async () => {
  const before = await petitionsPdf();
  assert.ok(before.includes('UBND TỈNH BẮC KẠN'), 'the demo province');
  const res = await asAdmin('POST', L, letterhead());
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `${L}/${res.body.id}`);
  assert.deepEqual({ ...res.body, id: 0 }, { id: 0, ...letterhead() });
  const later = await asAdmin('POST', L, letterhead({ valid_from: plusDays(todayIso(), 1), parent_body: 'UBND TỈNH CAO BẰNG', place_name: 'Cao Bằng' }));
  assert.equal(later.status, 201, later.text);
  const t = await petitionsPdf();
  assert.ok(t.includes('UBND TỈNH THÁI NGUYÊN'), 'the letterhead of today');
  assert.ok(!t.includes('UBND TỈNH CAO BẰNG') && !t.includes('UBND TỈNH BẮC KẠN'));
  assert.match(t, /Thái Nguyên, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  assert.ok(t.includes('TM. LIÊN MINH HỢP TÁC XÃ TỈNH'));
  const list = (await users.lienminh.request(L)).body.items;
  assert.deepEqual(list.map((l) => l.valid_from), [todayIso(), plusDays(todayIso(), 1)]);

  // Changed, then deleted: the report follows.
  const patched = await asAdmin('PATCH', `${L}/${res.body.id}`, { parent_body: 'UBND TỈNH THÁI NGUYÊN (MỚI)' });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.body.parent_body, 'UBND TỈNH THÁI NGUYÊN (MỚI)');
  assert.equal(patched.body.place_name, 'Thái Nguyên');
  assert.ok((await petitionsPdf()).includes('UBND TỈNH THÁI NGUYÊN (MỚI)'));
  assert.equal((await asAdmin('DELETE', `${L}/${res.body.id}`)).status, 204);
  assert.equal((await asAdmin('DELETE', `${L}/${later.body.id}`)).status, 204);
  expectProblem(assert, await asAdmin('DELETE', `${L}/${later.body.id}`), 404);
  assert.ok((await petitionsPdf()).includes('UBND TỈNH BẮC KẠN'), 'back to the province');
});

test('letterheads: a taken day is 409, hostile input 422 naming the field, other roles 403', async () => {
  const first = (await asAdmin('POST', L, letterhead({ valid_from: '2024-01-01' }))).body;
  const second = (await asAdmin('POST', L, letterhead({ valid_from: '2024-06-01' }))).body;
  expectProblem(assert, await asAdmin('POST', L, letterhead({ valid_from: '2024-01-01' })), 409, 'valid_from');
  expectProblem(assert, await asAdmin('PATCH', `${L}/${second.id}`, { valid_from: '2024-01-01' }), 409, 'valid_from');
  assert.equal((await asAdmin('PATCH', `${L}/${second.id}`, { valid_from: '2024-06-01' })).status, 200, 'its own day');
  for (const [over, field] of [
    [{ valid_from: '2025-02-30' }, 'valid_from'], [{ valid_from: '2025-2-3' }, 'valid_from'], [{ valid_from: 2025 }, 'valid_from'],
    [{ valid_from: '1999-12-31' }, 'valid_from'], [{ valid_from: undefined }, 'valid_from'], [{ parent_body: '' }, 'parent_body'],
    [{ parent_body: 'x'.repeat(201) }, 'parent_body'], [{ issuing_body: huge }, 'issuing_body'], [{ issuing_body: undefined }, 'issuing_body'],
    [{ place_name: 'x'.repeat(101) }, 'place_name'], [{ place_name: 'Thái\nNguyên' }, 'place_name'], [{ logo: 'x.png' }, 'logo'],
  ]) expectProblem(assert, await asAdmin('POST', L, letterhead({ valid_from: '2024-09-01', ...over })), 422, field);
  for (const [body, field] of [[{ valid_from: '2024-02-30' }, 'valid_from'], [{ place_name: '' }, 'place_name'], [{ id: 3 }, 'id']])
    expectProblem(assert, await asAdmin('PATCH', `${L}/${first.id}`, body), 422, field);
  await onlyAdmin('PATCH', `${L}/${first.id}`, { place_name: 'Khác' });
  await onlyAdmin('DELETE', `${L}/${first.id}`);
  expectProblem(assert, await asAdmin('PATCH', `${L}/999999`, { place_name: 'Khác' }), 404);
  expectProblem(assert, await asAdmin('DELETE', `${L}/999999`), 404);
  const list = (await users.admin.request(L)).body.items;
  assert.deepEqual(list.map((l) => l.valid_from), ['2024-01-01', '2024-06-01']);
  assert.equal(list[0].place_name, 'Thái Nguyên');
  for (const l of list) assert.equal((await asAdmin('DELETE', `${L}/${l.id}`)).status, 204);
});
