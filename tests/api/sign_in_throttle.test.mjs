// Sign-in limiting (issue 8, item 5): by address and by username, with a delay that grows,
// counted atomically, with Retry-After; a stranger's failures never lock the real user out of
// a clean address. The server believes X-Forwarded-For from 127.0.0.1 (a trusted proxy), so
// the tests can come from several addresses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_PASSWORD } from './server.mjs';

let server;
before(async () => { server = await startServer({ args: ['--trusted-proxy', '127.0.0.1'] }); });
after(async () => { await server.stop(); server.cleanup(); });

const signIn = (username, password, from) => server.request('/api/v1/session', {
  method: 'POST', json: { username, password }, headers: { 'x-forwarded-for': from },
});

test('a stranger\'s wrong passwords do not lock the real user out; the stranger is held back with Retry-After', async () => {
  const statuses = [];
  for (let i = 0; i < 12; i += 1) statuses.push((await signIn('so-taichinh', 'wrong-password', '203.0.113.7')).status);
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.ok(statuses.slice(5).every((s) => s === 429), `after 5 failures: ${statuses}`);
  const held = await signIn('so-taichinh', DEMO_PASSWORD, '203.0.113.7');
  assert.equal(held.status, 429, 'the guessing address is held back even with the right password');
  assert.ok(Number(held.headers.get('retry-after')) >= 1, 'Retry-After is set');
  assert.match(held.body.title, /giây/);
  // The real user, from the office's own address, signs in.
  const real = await signIn('so-taichinh', DEMO_PASSWORD, '198.51.100.20');
  assert.equal(real.status, 200, real.text);
});

test('spraying many usernames from one address is held back after a few', async () => {
  const statuses = [];
  for (let i = 0; i < 25; i += 1) statuses.push((await signIn(`nobody-${i}`, 'hoptac-demo', '203.0.113.8')).status);
  assert.equal(statuses.filter((s) => s === 401).length, 5, `${statuses}`);
  assert.equal(statuses.filter((s) => s === 429).length, 20, `${statuses}`);
});

test('parallel wrong attempts are counted atomically: only the free ones get through', async () => {
  const all = await Promise.all(Array.from({ length: 30 }, () => signIn('lienminh', 'wrong-password', '203.0.113.9')));
  const statuses = all.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 401).length, 5, `${statuses}`);
  assert.equal(statuses.filter((s) => s === 429).length, 25, `${statuses}`);
});

test('a username under attack from many addresses still lets a clean address in, and holds back failed ones', async () => {
  for (let i = 0; i < 12; i += 1) assert.equal((await signIn('ubnd', 'wrong', `192.0.2.${i + 1}`)).status, 401);
  // 12 failures for ubnd: an address that has failed is held back for ubnd ...
  const failedBefore = await signIn('ubnd', 'wrong', '192.0.2.1');
  assert.equal(failedBefore.status, 429, failedBefore.text);
  // ... a clean one is not.
  assert.equal((await signIn('ubnd', DEMO_PASSWORD, '198.51.100.30')).status, 200);
});

test('sign-in failures and throttling are logged, without the password', async () => {
  await signIn('admin', 'my-secret-guess', '203.0.113.50');
  const lines = server.log.filter((l) => l.includes('"event":"sign_in_'));
  assert.ok(lines.some((l) => l.includes('"sign_in_failed"') && l.includes('203.0.113.50')), 'a failure is logged with the address');
  assert.ok(lines.some((l) => l.includes('"sign_in_throttled"')), 'throttling is logged');
  assert.ok(!server.log.some((l) => l.includes('my-secret-guess')), 'a password was logged');
});

test('a session is no way round the throttle: wrong current passwords are held back like sign-ins', async () => {
  const from = { 'x-forwarded-for': '203.0.113.30' };
  const s = await server.request('/api/v1/session', { method: 'POST', json: { username: 'htx-kientrucxanh', password: DEMO_PASSWORD }, headers: from });
  const h = { ...from, cookie: s.headers.get('set-cookie').split(';')[0], 'x-csrf-token': s.body.csrf_token };
  const change = (current) => server.request('/api/v1/me/password', { method: 'POST', headers: h, json: { current_password: current, new_password: 'mot-mat-khau-moi-9' } });
  const statuses = [];
  for (let i = 0; i < 8; i += 1) statuses.push((await change(`wrong-guess-${i}`)).status);
  assert.deepEqual(statuses.slice(0, 5), [422, 422, 422, 422, 422]);
  assert.ok(statuses.slice(5).every((x) => x === 429), `${statuses}`);
  const off = await server.request('/api/v1/me/totp', { method: 'DELETE', headers: h, json: { password: 'wrong-guess-x' } });
  assert.equal(off.status, 429, 'turning two factors off checks the password under the same throttle');
  assert.equal((await change(DEMO_PASSWORD)).status, 429, 'held back even with the right one');
});
