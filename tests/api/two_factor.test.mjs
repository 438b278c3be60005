// Two-factor sign-in (TOTP, RFC 6238) with recovery codes; the admin can require it for a role;
// API tokens a user makes and revokes, and the admin sees and revokes all of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem, DEMO_PASSWORD } from './server.mjs';
import { totp, currentStep } from './totp.mjs';

let server, admin;
before(async () => {
  server = await startServer();
  admin = await server.as('admin');
});
after(async () => { await server.stop(); server.cleanup(); });

const signIn = (username, extra = {}) =>
  server.request('/api/v1/session', { method: 'POST', json: { username, password: DEMO_PASSWORD, ...extra } });

async function enrol(client) {
  const start = await client.request('/api/v1/me/totp', { method: 'POST' });
  assert.equal(start.status, 200, start.text);
  assert.match(start.body.secret, /^[A-Z2-7]{32}$/);
  assert.match(start.body.otpauth_uri, /^otpauth:\/\/totp\/hoptac:.+\?secret=[A-Z2-7]+&issuer=hoptac/);
  assert.match(start.body.qr_svg, /^<svg [^>]*viewBox="0 0 \d+ \d+".*<path fill="#000" d="M\d/);
  expectProblem(assert, await client.request('/api/v1/me/totp/confirm', { method: 'POST', json: { code: '000000' === totp(start.body.secret) ? '111111' : '000000' } }), 400, 'code');
  const ok = await client.request('/api/v1/me/totp/confirm', { method: 'POST', json: { code: totp(start.body.secret) } });
  assert.equal(ok.status, 200, ok.text);
  return { secret: start.body.secret, recovery: ok.body.recovery_codes };
}

test('a leader turns on two factors; signing in then needs a code computed from the secret', async () => {
  const ubnd = await server.as('ubnd');
  const { secret, recovery } = await enrol(ubnd);
  assert.equal(recovery.length, 10);
  assert.equal(new Set(recovery).size, 10);
  assert.ok((await ubnd.request('/api/v1/me')).body.user.totp_enabled);

  const without = await signIn('ubnd');
  expectProblem(assert, without, 401, 'totp_code');
  assert.equal(without.body.totp_required, true);
  expectProblem(assert, await signIn('ubnd', { totp_code: '12345' }), 401, 'totp_code');
  // A code of the next step is accepted (clock drift); then the same code, or an earlier one, is not.
  const step = currentStep();
  const next = totp(secret, step + 1);
  const good = await signIn('ubnd', { totp_code: next });
  assert.equal(good.status, 200, good.text);
  expectProblem(assert, await signIn('ubnd', { totp_code: next }), 401, 'totp_code');
  expectProblem(assert, await signIn('ubnd', { totp_code: totp(secret, step) }), 401, 'totp_code');
  // A wrong password with a right code is still a wrong password.
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'ubnd', password: 'wrong-password-1', totp_code: totp(secret, step + 1) } }), 401);
});

test('a recovery code signs in once; the admin can turn two factors off for a lost phone', async () => {
  const c = await server.as('so-taichinh');
  const { recovery } = await enrol(c);
  const code = recovery[3].toUpperCase().replace('-', ' ');  // as typed from paper
  assert.equal((await signIn('so-taichinh', { totp_code: code })).status, 200);
  expectProblem(assert, await signIn('so-taichinh', { totp_code: code }), 401, 'totp_code');
  const reset = await admin.request(`/api/v1/users/${c.user.id}/totp-reset`, { method: 'POST' });
  assert.equal(reset.status, 200);
  assert.equal(reset.body.user.totp_enabled, false);
  assert.equal((await signIn('so-taichinh')).status, 200);
  expectProblem(assert, await c.request(`/api/v1/users/${c.user.id}/totp-reset`, { method: 'POST' }), 401, undefined);
});

test('the admin requires two factors for a role: such a session may only enrol until it has them', async () => {
  expectProblem(assert, await admin.request('/api/v1/security-settings', { method: 'PUT', json: { totp_required_roles: ['coop'] } }), 422, 'totp_required_roles');
  expectProblem(assert, await (await server.as('lienminh')).request('/api/v1/security-settings'), 403);
  const put = await admin.request('/api/v1/security-settings', { method: 'PUT', json: { totp_required_roles: ['department', 'department'] } });
  assert.deepEqual(put.body.totp_required_roles, ['department']);
  const res = await signIn('so-congthuong');
  assert.equal(res.status, 200);
  assert.equal(res.body.totp_setup_required, true);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const h = { cookie, 'x-csrf-token': res.body.csrf_token };
  expectProblem(assert, await server.request('/api/v1/petitions', { headers: h }), 403);
  assert.equal((await server.request('/api/v1/me', { headers: h })).body.totp_required, true);
  // An API token of such an account is held to the same rule; the admin's too.
  const token = (await admin.request('/api/v1/me/tokens', { method: 'POST', json: { name: 'admin script' } })).body.token;
  await admin.request('/api/v1/security-settings', { method: 'PUT', json: { totp_required_roles: ['department', 'admin'] } });
  const bearer = { authorization: `Bearer ${token}` };
  expectProblem(assert, await server.request('/api/v1/security-settings', { method: 'PUT', headers: bearer, json: { totp_required_roles: [] } }), 403);
  expectProblem(assert, await admin.request('/api/v1/petitions'), 403);
  assert.equal((await server.request('/api/v1/me', { headers: bearer })).status, 200);
  const adminSecret = (await enrol(admin)).secret;
  expectProblem(assert, await server.request('/api/v1/security-settings', { method: 'PUT', headers: bearer, json: { totp_required_roles: ['department'] } }), 403, undefined);
  assert.equal((await admin.request('/api/v1/security-settings', { method: 'PUT', json: { totp_required_roles: ['department'] } })).status, 200, 'the enrolled admin, in person');
  assert.ok(adminSecret);
  const client = { request: (path, o = {}) => server.request(path, { ...o, headers: { ...h, ...(o.headers ?? {}) } }) };
  const { secret } = await enrol(client);
  assert.equal((await server.request('/api/v1/petitions', { headers: h })).status, 200);
  expectProblem(assert, await client.request('/api/v1/me/totp', { method: 'DELETE', json: { password: DEMO_PASSWORD } }), 409);
  await admin.request('/api/v1/security-settings', { method: 'PUT', json: { totp_required_roles: [] } });
  expectProblem(assert, await client.request('/api/v1/me/totp', { method: 'DELETE', json: { password: 'wrong-password-1' } }), 400, 'password');
  assert.equal((await client.request('/api/v1/me/totp', { method: 'DELETE', json: { password: DEMO_PASSWORD } })).status, 204);
  assert.equal((await signIn('so-congthuong')).status, 200, 'no code needed any more');
  assert.ok(secret);
});

test('API tokens: made with a name and an expiry, shown once, revoked by their owner or the admin', async () => {
  const c = await server.as('lienminh');
  const made = await c.request('/api/v1/me/tokens', { method: 'POST', json: { name: 'Đồng bộ số liệu', expires_on: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10) } });
  assert.equal(made.status, 201, made.text);
  assert.match(made.body.token, /^[A-Za-z0-9_-]{40,}$/);
  const listed = await c.request('/api/v1/me/tokens');
  assert.equal(listed.body.items.length, 1);
  assert.equal(listed.body.items[0].name, 'Đồng bộ số liệu');
  assert.equal(listed.body.items[0].token, undefined, 'never shown again');
  const bearer = { authorization: `Bearer ${made.body.token}` };
  assert.equal((await server.request('/api/v1/petitions', { headers: bearer })).status, 200);
  // A token never changes what guards the account: a leaked one must not become the account.
  for (const [method, path, json] of [
    ['POST', '/api/v1/me/tokens', { name: 'forever' }],
    ['POST', '/api/v1/me/totp'],
    ['POST', '/api/v1/me/totp/confirm', { code: '123456' }],
    ['DELETE', '/api/v1/me/totp', { password: DEMO_PASSWORD }],
    ['POST', '/api/v1/me/password', { current_password: DEMO_PASSWORD, new_password: 'token-cannot-do-this' }],
    ['DELETE', '/api/v1/me/sessions/0123456789abcdef'],
    ['PATCH', '/api/v1/me', { email: 'attacker@example.com' }],
  ]) expectProblem(assert, await server.request(path, { method, json, headers: bearer }), 403);
  for (const bad of [{ name: '' }, { name: 'x'.repeat(101) }, { name: 'a', expires_on: '2020-01-01' }, { name: 'a', expires_on: '2099-01-01' }, { name: 'a', expires_on: '2026-02-30' }])
    expectProblem(assert, await c.request('/api/v1/me/tokens', { method: 'POST', json: bad }), 422);
  const all = await admin.request('/api/v1/api-tokens');
  const row = all.body.items.find((t) => t.id === made.body.id);
  assert.equal(row.user.username, 'lienminh');
  expectProblem(assert, await c.request('/api/v1/api-tokens'), 403);
  // Another user cannot revoke it; the owner can; the admin can revoke anyone's.
  expectProblem(assert, await (await server.as('ubnd').catch(() => admin)).request(`/api/v1/me/tokens/${made.body.id}`, { method: 'DELETE' }), 404);
  assert.equal((await c.request(`/api/v1/me/tokens/${made.body.id}`, { method: 'DELETE' })).status, 204);
  expectProblem(assert, await server.request('/api/v1/petitions', { headers: bearer }), 401);
  // Nor does an admin's token make accounts, links or rules.
  const adminToken = (await admin.request('/api/v1/me/tokens', { method: 'POST', json: { name: 'đồng bộ' } })).body.token;
  const asAdminToken = { authorization: `Bearer ${adminToken}` };
  expectProblem(assert, await server.request('/api/v1/users', { method: 'POST', headers: asAdminToken, json: { username: 'by-token', display_name: 'X', role: 'admin' } }), 403);
  expectProblem(assert, await server.request('/api/v1/security-settings', { method: 'PUT', headers: asAdminToken, json: { totp_required_roles: [] } }), 403);
  assert.equal((await server.request('/api/v1/users', { headers: asAdminToken })).status, 200, 'reading is fine');
  const second = await c.request('/api/v1/me/tokens', { method: 'POST', json: { name: 'thứ hai' } });
  assert.equal((await admin.request(`/api/v1/api-tokens/${second.body.id}`, { method: 'DELETE' })).status, 204);
  expectProblem(assert, await server.request('/api/v1/petitions', { headers: { authorization: `Bearer ${second.body.token}` } }), 401);
  expectProblem(assert, await admin.request('/api/v1/api-tokens/%27%20OR%201=1', { method: 'DELETE' }), 404);
});
