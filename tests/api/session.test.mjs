// Signing in and out, cookies, CSRF, API tokens, the sign-in rate limit, and the CLI accounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, expectProblem, cli, BIN } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); server.cleanup(); });

test('sign-in sets an HttpOnly SameSite=Strict cookie and returns the user and a CSRF token', async () => {
  const res = await server.request('/api/v1/session', { method: 'POST', json: { username: 'ubnd', password: 'hoptac-demo' } });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /^hoptac_session=[A-Za-z0-9_-]{20,};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.equal(res.body.user.role, 'leader');
  assert.ok(res.body.csrf_token.length >= 20);
});

test('GET /session tells who is signed in; without a session it is 401', async () => {
  expectProblem(assert, await server.request('/api/v1/session'), 401);
  const s = await server.as('so-congthuong');
  const res = await s.request('/api/v1/session');
  assert.equal(res.status, 200);
  assert.equal(res.body.user.username, 'so-congthuong');
  assert.equal(res.body.user.role, 'department');
  assert.ok(res.body.user.agency_id > 0);
  assert.equal(res.body.csrf_token, s.csrf);
});

test('a wrong password is 401 and names no user', async () => {
  const res = await server.request('/api/v1/session', { method: 'POST', json: { username: 'ubnd', password: 'wrong' } });
  expectProblem(assert, res, 401);
  const unknown = await server.request('/api/v1/session', { method: 'POST', json: { username: 'nobody', password: 'wrong' } });
  expectProblem(assert, unknown, 401);
  assert.equal(unknown.body.title, res.body.title);
});

test('a sign-in body with missing or unknown fields is 422', async () => {
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'ubnd' } }), 422, 'password');
  expectProblem(assert, await server.request('/api/v1/session', { method: 'POST', json: { username: 'ubnd', password: 'x', extra: 1 } }), 422, 'extra');
});

test('a write with the cookie but without X-CSRF-Token is 403 and changes nothing', async () => {
  const s = await server.signIn('lienminh');
  const res = await server.request('/api/v1/cooperatives/1', { method: 'PATCH', json: { address: 'Không được ghi' }, headers: { cookie: s.cookie } });
  expectProblem(assert, res, 403);
  const read = await server.request('/api/v1/cooperatives/1');
  assert.notEqual(read.body.address, 'Không được ghi');
  const wrong = await server.request('/api/v1/cooperatives/1', { method: 'PATCH', json: { address: 'x' }, headers: { cookie: s.cookie, 'x-csrf-token': 'nope' } });
  expectProblem(assert, wrong, 403);
});

test('sign-out ends the session', async () => {
  const s = await server.as('admin');
  const out = await s.request('/api/v1/session', { method: 'DELETE' });
  assert.equal(out.status, 204);
  assert.match(out.headers.get('set-cookie'), /Max-Age=0/);
  expectProblem(assert, await s.request('/api/v1/session'), 401);
});

test('an API token from the CLI works as a Bearer token, without CSRF', async () => {
  const token = cli(['token', 'create', '--username', 'lienminh'], { database: server.database }).trim();
  assert.ok(token.length >= 20);
  const auth = { authorization: `Bearer ${token}` };
  const me = await server.request('/api/v1/session', { headers: auth });
  assert.equal(me.body.user.username, 'lienminh');
  const res = await server.request('/api/v1/cooperatives/1', { method: 'PATCH', json: { address: 'Thôn Bản Ó, xã Xuân Lạc' }, headers: auth });
  assert.equal(res.status, 200);
  expectProblem(assert, await server.request('/api/v1/session', { headers: { authorization: 'Bearer not-a-token' } }), 401);
});

test('user add reads the password from standard input and the user can sign in', async () => {
  cli(['user', 'add', '--username', 'canbo-nnmt', '--role', 'department', '--agency', 'so-nnmt'], { database: server.database, input: 'mat-khau-dai\n' });
  const s = await server.signIn('canbo-nnmt', 'mat-khau-dai');
  assert.equal(s.user.role, 'department');
  assert.throws(() => cli(['user', 'add', '--username', 'x', '--role', 'department', '--agency', 'no-such'], { database: server.database, input: 'mat-khau-dai\n' }));
  assert.throws(() => cli(['user', 'add', '--username', 'y', '--role', 'emperor'], { database: server.database, input: 'mat-khau-dai\n' }));
  // The password rules hold on the command line too.
  for (const weak of ['ngan', '1234567890', 'quantri-tinh'])
    assert.throws(() => cli(['user', 'add', '--username', 'quantri-tinh', '--role', 'admin'], { database: server.database, input: `${weak}\n` }), /password/);
});

// Sign-in limiting by address and username: tests/api/sign_in_throttle.test.mjs.

test('a PostgreSQL server that does not answer is a clear error', () => {
  try {
    execFileSync(BIN, ['migrate', '--database', 'postgresql://hoptac@127.0.0.1:1/hoptac'], { stdio: ['ignore', 'pipe', 'pipe'] });
    assert.fail('expected a refusal');
  } catch (e) {
    assert.match(String(e.stderr), /cannot connect to PostgreSQL postgresql:\/\/hoptac@127\.0\.0\.1:1\/hoptac/);
    assert.equal(e.status, 1);
  }
});
