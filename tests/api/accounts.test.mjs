// Accounts administered from the browser: invitations with one-time links, password rules,
// disabling, the Liên minh's cooperative representatives, one's own password and sessions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem, DEMO_PASSWORD } from './server.mjs';

let server, admin, lienminh;
before(async () => {
  server = await startServer();
  admin = await server.as('admin');
  lienminh = await server.as('lienminh');
});
after(async () => { await server.stop(); server.cleanup(); });

const agencyId = async (code) => (await server.request('/api/v1/agencies')).body.items.find((a) => a.code === code).id;
const tokenOf = (link) => link.path.split('/').pop();

async function invite(client, body) {
  const res = await client.request('/api/v1/users', { method: 'POST', json: body });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

test('the admin invites a department officer, who sets a password through the link and signs in', async () => {
  const made = await invite(admin, { username: 'cb-taichinh2', display_name: 'Nguyễn Văn Bình', email: 'binh@example.vn', phone: '0912345678', role: 'department', agency_id: await agencyId('so-taichinh') });
  assert.equal(made.user.status, 'invited');
  assert.equal(made.user.agency.code, 'so-taichinh');
  assert.match(made.link.path, /^\/activate\/[A-Za-z0-9_-]{40,}$/);
  const days = (Date.parse(made.link.expires_at) - Date.now()) / 86400000;
  assert.ok(days > 6.9 && days <= 7, `the link lasts 7 days, not ${days}`);
  // Not usable before activation.
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'cb-taichinh2', password: 'anything-long-enough' } }), 401);

  const token = tokenOf(made.link);
  const info = await server.request(`/api/v1/account-links/${token}`);
  assert.equal(info.status, 200);
  assert.equal(info.body.purpose, 'activate');
  assert.equal(info.body.username, 'cb-taichinh2');
  // The rules, each named next to the field, and nothing changes.
  for (const weak of ['ngan', '1234567890', 'matkhau123', 'cb-taichinh2', 'xx-cb-taichinh2-yy', 'aaaaaaaaaaaa']) {
    const res = await server.request(`/api/v1/account-links/${token}`, { method: 'POST', json: { password: weak } });
    expectProblem(assert, res, 422, 'password');
  }
  const res = await server.request(`/api/v1/account-links/${token}`, { method: 'POST', json: { password: 'rung-tre-xanh-2026' } });
  assert.equal(res.status, 204, res.text);
  // The token never reaches the access log: wait for a later request's line, then look.
  const marker = await server.request('/healthz');
  const id = marker.headers.get('x-request-id');
  while (!server.log.some((l) => l.includes(id))) await new Promise((r) => server.child.stdout.once('data', r));
  assert.ok(server.log.some((l) => l.includes('/api/v1/account-links/…')));
  assert.ok(!server.log.some((l) => l.includes(token)), 'no one-time token in the log');
  // The link is used once.
  expectProblem(assert, await server.request(`/api/v1/account-links/${token}`), 404);
  expectProblem(assert, await server.request(`/api/v1/account-links/${token}`, { method: 'POST', json: { password: 'another-good-one-77' } }), 404);
  const session = await server.request('/api/v1/session', { method: 'POST', json: { username: 'cb-taichinh2', password: 'rung-tre-xanh-2026' } });
  assert.equal(session.status, 200);
  assert.equal(session.body.user.role, 'department');
  const listed = await admin.request('/api/v1/users?q=binh');
  assert.equal(listed.body.items.find((u) => u.username === 'cb-taichinh2').status, 'active');
});

test('every field error is reported at once, and a wrong value is never saved', async () => {
  const res = await admin.request('/api/v1/users', { method: 'POST', json: { username: 'có dấu', display_name: '', email: 'not-an-email', phone: 'abc', role: 'department' } });
  expectProblem(assert, res, 422);
  const fields = res.body.errors.map((e) => e.field);
  for (const f of ['username', 'display_name', 'email', 'phone', 'agency_id']) assert.ok(fields.includes(f), `${f} in ${fields}`);
  expectProblem(assert, await admin.request('/api/v1/users', { method: 'POST', json: { username: 'x', display_name: 'X', role: 'emperor' } }), 422, 'role');
  const huge = await admin.request('/api/v1/users', { method: 'POST', body: '{"username":"x","display_name":"X","role":"coop","cooperative_id":1e999}', headers: { 'content-type': 'application/json' } });
  expectProblem(assert, huge, 422, 'cooperative_id');
  expectProblem(assert, await admin.request('/api/v1/users', { method: 'POST', json: { username: 'x', display_name: 'X', role: 'coop', password: 'set-by-admin-123' } }), 422, 'password');
  expectProblem(assert, await admin.request('/api/v1/users', { method: 'POST', json: { username: 'admin', display_name: 'X', role: 'admin' } }), 409, 'username');
  expectProblem(assert, await admin.request('/api/v1/users', { method: 'POST', json: { username: 'Admin', display_name: 'X', role: 'coop', cooperative_id: 1 } }), 409, 'username');
  expectProblem(assert, await admin.request(`/api/v1/users/${admin.user.id}`, { method: 'PATCH', json: { role: 'leader' } }), 409, 'role');
  assert.equal((await admin.request(`/api/v1/users/${admin.user.id}`)).body.status, 'active', 'the demo accounts are active');
  const none = await admin.request('/api/v1/users?q=x&per_page=200');
  assert.ok(!none.body.items.some((u) => u.username === 'x'));
});

test('who may administer accounts: the admin all, the Liên minh only representatives, no one else', async () => {
  for (const who of ['ubnd', 'so-congthuong', 'htx-taihoan']) {
    const c = await server.as(who);
    expectProblem(assert, await c.request('/api/v1/users'), 403);
    expectProblem(assert, await c.request('/api/v1/users', { method: 'POST', json: { username: 'y1', display_name: 'Y', role: 'coop', cooperative_id: 1 } }), 403);
    expectProblem(assert, await c.request('/api/v1/users/1/disable', { method: 'POST' }), 403);
  }
  expectProblem(assert, await server.request('/api/v1/users'), 401);
  expectProblem(assert, await lienminh.request('/api/v1/users', { method: 'POST', json: { username: 'y2', display_name: 'Y', role: 'admin' } }), 403);
  const adminId = admin.user.id;
  expectProblem(assert, await lienminh.request(`/api/v1/users/${adminId}`), 403);
  expectProblem(assert, await lienminh.request(`/api/v1/users/${adminId}/disable`, { method: 'POST' }), 403);
  expectProblem(assert, await lienminh.request(`/api/v1/users/${adminId}`, { method: 'PATCH', json: { display_name: 'X' } }), 403);
  const theirs = await lienminh.request('/api/v1/users?per_page=200');
  assert.ok(theirs.body.items.length > 0 && theirs.body.items.every((u) => u.role === 'coop'));
});

test('the Liên minh invites a representative for a cooperative, sees them on the record, and withdraws one', async () => {
  const coop = (await server.request('/api/v1/cooperatives?q=tai%20hoan')).body.items[0];
  const made = await invite(lienminh, { username: 'daidien-taihoan', display_name: 'Lý Thị Mai', phone: '0987654321', role: 'coop', cooperative_id: coop.id });
  assert.equal(made.user.cooperative.id, coop.id);
  const reps = await lienminh.request(`/api/v1/users?role=coop&cooperative=${coop.id}`);
  assert.deepEqual(reps.body.items.map((u) => u.username).sort(), ['daidien-taihoan', 'htx-taihoan']);
  assert.equal((await server.request(`/api/v1/account-links/${tokenOf(made.link)}`, { method: 'POST', json: { password: 'nuoc-suoi-trong-9' } })).status, 204);
  const rep = await server.as('daidien-taihoan').catch(() => null) ?? null;
  assert.equal(rep, null, 'server.as uses the demo password; the representative has their own');
  const s = await server.request('/api/v1/session', { method: 'POST', json: { username: 'daidien-taihoan', password: 'nuoc-suoi-trong-9' } });
  const cookie = s.headers.get('set-cookie').split(';')[0];
  assert.equal((await server.request('/api/v1/petitions', { headers: { cookie } })).status, 200);
  const withdrawn = await lienminh.request(`/api/v1/users/${made.user.id}/disable`, { method: 'POST' });
  assert.equal(withdrawn.status, 200);
  assert.equal(withdrawn.body.user.status, 'disabled');
  // Its session ended at once, and it cannot sign in again.
  assert.equal((await server.request('/api/v1/session', { headers: { cookie } })).status, 401);
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'daidien-taihoan', password: 'nuoc-suoi-trong-9' } }), 401);
  // Never deleted: still listed, as disabled.
  const after = await admin.request(`/api/v1/users/${made.user.id}`);
  assert.equal(after.body.status, 'disabled');
  expectProblem(assert, await admin.request(`/api/v1/users/${admin.user.id}/disable`, { method: 'POST' }), 409);
});

test('disabling ends API tokens at once; enabling gives the account back', async () => {
  const c = await server.as('so-congthuong');
  const made = await c.request('/api/v1/me/tokens', { method: 'POST', json: { name: 'báo cáo tự động' } });
  assert.equal(made.status, 201, made.text);
  const bearer = { authorization: `Bearer ${made.body.token}` };
  assert.equal((await server.request('/api/v1/petitions', { headers: bearer })).status, 200);
  const id = c.user.id;
  assert.equal((await admin.request(`/api/v1/users/${id}/disable`, { method: 'POST' })).status, 200);
  expectProblem(assert, await server.request('/api/v1/petitions', { headers: bearer }), 401);
  assert.equal((await admin.request(`/api/v1/users/${id}/enable`, { method: 'POST' })).status, 200);
  expectProblem(assert, await server.request('/api/v1/petitions', { headers: bearer }), 401);  // tokens stay revoked
  assert.equal((await server.signIn('so-congthuong')).user.id, id);
});

test('the admin edits an account but never its password; a reset link sets a new one', async () => {
  const made = await invite(admin, { username: 'lanhdao2', display_name: 'Phó Chủ tịch', role: 'leader' });
  const edited = await admin.request(`/api/v1/users/${made.user.id}`, { method: 'PATCH', json: { display_name: 'Phó Chủ tịch UBND tỉnh', email: 'pct@example.vn' } });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.body.email, 'pct@example.vn');
  expectProblem(assert, await admin.request(`/api/v1/users/${made.user.id}`, { method: 'PATCH', json: { password: 'set-by-admin-123' } }), 422, 'password');
  expectProblem(assert, await admin.request(`/api/v1/users/${made.user.id}`, { method: 'PATCH', json: { username: 'renamed' } }), 422, 'username');
  // A second link replaces the first.
  const again = await admin.request(`/api/v1/users/${made.user.id}/link`, { method: 'POST' });
  assert.equal(again.status, 201);
  assert.equal(again.body.purpose, 'activate');
  expectProblem(assert, await server.request(`/api/v1/account-links/${tokenOf(made.link)}`), 404);
  assert.equal((await server.request(`/api/v1/account-links/${again.body.token}`, { method: 'POST', json: { password: 'mua-xuan-tren-doi-1' } })).status, 204);
  const reset = await admin.request(`/api/v1/users/${made.user.id}/link`, { method: 'POST' });
  assert.equal(reset.body.purpose, 'reset');
  assert.equal((await server.request(`/api/v1/account-links/${reset.body.token}`, { method: 'POST', json: { password: 'mua-thu-ha-noi-22' } })).status, 204);
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'lanhdao2', password: 'mua-xuan-tren-doi-1' } }), 401);
  assert.equal((await server.request('/api/v1/session', { method: 'POST', json: { username: 'lanhdao2', password: 'mua-thu-ha-noi-22' } })).status, 200);
});

test('hostile links: unknown, overlong, and path tricks are 404; nothing is set', async () => {
  for (const t of ['x', 'A'.repeat(500), '..%2f..%2fetc%2fpasswd', '%00']) {
    const res = await server.request(`/api/v1/account-links/${t}`, { method: 'POST', json: { password: 'mot-mat-khau-dai-1' } });
    assert.ok(res.status === 404, `${t}: ${res.status}`);
  }
});

test('each user changes their own password with the current one; other sessions end', async () => {
  const made = await invite(admin, { username: 'cv-lienminh2', display_name: 'Chuyên viên 2', role: 'alliance', agency_id: await agencyId('lien-minh-htx') });
  await server.request(`/api/v1/account-links/${tokenOf(made.link)}`, { method: 'POST', json: { password: 'hoa-ban-trang-2024' } });
  const signIn = async (password) => {
    const res = await server.request('/api/v1/session', { method: 'POST', json: { username: 'cv-lienminh2', password }, headers: { 'user-agent': 'DienThoaiThu/1.0' } });
    return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], csrf: res.body?.csrf_token };
  };
  const one = await signIn('hoa-ban-trang-2024');
  const two = await signIn('hoa-ban-trang-2024');
  const sessions = await server.request('/api/v1/me/sessions', { headers: { cookie: one.cookie } });
  assert.equal(sessions.body.items.length, 2);
  assert.equal(sessions.body.items.filter((s) => s.current).length, 1);
  assert.equal(sessions.body.items[0].user_agent, 'DienThoaiThu/1.0');
  const h = { cookie: one.cookie, 'x-csrf-token': one.csrf };
  expectProblem(assert, await server.request('/api/v1/me/password', { method: 'POST', headers: h, json: { current_password: 'wrong-one-here', new_password: 'hoa-ban-do-2025!' } }), 422, 'current_password');
  expectProblem(assert, await server.request('/api/v1/me/password', { method: 'POST', headers: h, json: { current_password: 'hoa-ban-trang-2024', new_password: 'short' } }), 422, 'new_password');
  assert.equal((await server.request('/api/v1/me/password', { method: 'POST', headers: h, json: { current_password: 'hoa-ban-trang-2024', new_password: 'hoa-ban-do-2025!' } })).status, 204);
  assert.equal((await server.request('/api/v1/session', { headers: { cookie: one.cookie } })).status, 200, 'this session goes on');
  assert.equal((await server.request('/api/v1/session', { headers: { cookie: two.cookie } })).status, 401, 'the other ended');
  assert.equal((await signIn('hoa-ban-do-2025!')).status, 200);
  // Ending a session by its id; another's id names nothing.
  const mine = (await server.request('/api/v1/me/sessions', { headers: { cookie: one.cookie } })).body.items;
  const other = mine.find((s) => !s.current);
  assert.equal((await server.request(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', headers: h })).status, 204);
  expectProblem(assert, await lienminh.request(`/api/v1/me/sessions/${mine.find((s) => s.current).id}`, { method: 'DELETE' }), 404);
  expectProblem(assert, await server.request('/api/v1/me/sessions/zz', { method: 'DELETE', headers: h }), 404);
});

test('a profile is one\'s own: name and contact, not role', async () => {
  const c = await server.as('so-taichinh');
  const res = await c.request('/api/v1/me', { method: 'PATCH', json: { display_name: 'Cán bộ Sở Tài chính (phòng HTX)', phone: '+84912000111' } });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.user.phone, '+84912000111');
  expectProblem(assert, await c.request('/api/v1/me', { method: 'PATCH', json: { role: 'admin' } }), 422, 'role');
  expectProblem(assert, await c.request('/api/v1/me', { method: 'PATCH', json: { email: 'a@b', phone: '12' } }), 422, 'email');
  assert.equal((await c.request('/api/v1/me')).body.user.role, 'department');
});
