// The session cookie gets Secure when the client used TLS, as a trusted proxy says, or when
// the operator sets --secure-cookies (issue 8, item 7); an untrusted peer cannot say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, DEMO_PASSWORD } from './server.mjs';

const cookieOf = async (server, headers) => {
  const res = await server.request('/api/v1/session', { method: 'POST', json: { username: 'lienminh', password: DEMO_PASSWORD }, headers });
  assert.equal(res.status, 200, res.text);
  return res.headers.get('set-cookie');
};

test('behind a trusted proxy: Secure exactly when the proxy says https', async () => {
  const server = await startServer({ args: ['--trusted-proxy', '127.0.0.1'] });
  try {
    assert.match(await cookieOf(server, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.1' }), /; Secure/);
    assert.doesNotMatch(await cookieOf(server, { 'x-forwarded-proto': 'http' }), /Secure/);
    assert.doesNotMatch(await cookieOf(server, {}), /Secure/);
  } finally { await server.stop(); server.cleanup(); }
});

test('an untrusted peer cannot ask for Secure or choose its address; --secure-cookies always sets it', async () => {
  const plain = await startServer();
  try {
    assert.doesNotMatch(await cookieOf(plain, { 'x-forwarded-proto': 'https' }), /Secure/);
  } finally { await plain.stop(); plain.cleanup(); }
  const secure = await startServer({ args: ['--secure-cookies'] });
  try {
    const cookie = await cookieOf(secure, {});
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
  } finally { await secure.stop(); secure.cleanup(); }
});
