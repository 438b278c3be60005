// The HTTP layer against hostile requests (issue 8, items 10 and 11): its own 400, 413 and
// 431 answers carry the security headers; Host is required once; odd methods do not grow
// /metrics; the server stays up after each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { rawRequest } from './raw_http.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); server.cleanup(); });

const secured = (res, what) => {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: no nosniff`);
  assert.match(res.headers['content-security-policy'] ?? '', /default-src 'self'/, `${what}: no CSP`);
};

test('HTTP/1.1 without a Host, or with two, is refused with 400', async () => {
  const none = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
  assert.equal(none.status, 400);
  secured(none, 'no Host');
  const two = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n');
  assert.equal(two.status, 400);
  secured(two, 'two Hosts');
  const ok = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
  assert.equal(ok.status, 200);
  assert.equal((await server.request('/healthz')).status, 200);
});

test('the HTTP layer\'s own 400, 413 and 431 answers carry the security headers', async () => {
  const malformed = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
  assert.equal(malformed.status, 400);
  secured(malformed, '400');
  const big = await rawRequest(server.port,
    `POST /api/v1/cooperatives HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${5 << 20}\r\nConnection: close\r\n\r\n`);
  assert.equal(big.status, 413);
  secured(big, '413');
  const headers = await rawRequest(server.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
  assert.equal(headers.status, 431);
  secured(headers, '431');
  assert.equal((await server.request('/healthz')).status, 200);
});

test('odd methods and paths do not make new /metrics series', async () => {
  const method = 'X'.repeat(5000);
  for (let i = 0; i < 5; i += 1) {
    await rawRequest(server.port, `${method}${i} /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    await rawRequest(server.port, `GET /nothing-${'y'.repeat(3000)}-${i} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  }
  const metrics = (await server.request('/metrics')).text;
  assert.ok(!metrics.includes('XXXXX'), 'a client\'s method became a label');
  assert.ok(!metrics.includes('yyyyy'), 'a client\'s path became a label');
  assert.match(metrics, /method="OTHER"/);
  assert.ok(metrics.length < 200000, `metrics grew to ${metrics.length} bytes`);
  assert.equal((await server.request('/healthz')).status, 200);
});

test('transfer codings other than chunked, or with Content-Length, are refused: no smuggling', async () => {
  const smuggle = (te, cl = 'Content-Length: 2\r\n') => rawRequest(server.port,
    `POST /api/v1/session HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ${te}\r\n${cl}Content-Type: application/json\r\n\r\n{}GET /smuggled HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`);
  for (const te of ['xchunked', 'identity', 'gzip, chunked', 'chunked, identity', 'chunked'])
    for (const cl of ['Content-Length: 2\r\n', ''])
      if (!(te === 'chunked' && cl === '')) {
        const res = await smuggle(te, cl);
        assert.equal(res.status, 400, `${te} ${cl}: ${res.status}`);
        secured(res, te);
      }
  const two = await rawRequest(server.port, 'POST /api/v1/session HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  assert.equal(two.status, 400);
  assert.ok(!server.log.some((l) => l.includes('/smuggled')), 'a smuggled request was served');
  assert.equal((await server.request('/healthz')).status, 200);
});

test('a chunk size that overflows is answered 400', async () => {
  const res = await rawRequest(server.port, 'POST /api/v1/session HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n');
  assert.equal(res.status, 400);
  secured(res, 'bad chunk');
  assert.equal((await server.request('/healthz')).status, 200);
});
