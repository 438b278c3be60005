// Operations endpoints, HTTP limits, errors and durability, against a real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, expectProblem } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); server.cleanup(); });

test('healthz and readyz answer', async () => {
  assert.equal((await server.request('/healthz')).body.status, 'ok');
  assert.equal((await server.request('/readyz')).body.status, 'ready');
});

test('metrics count requests by route and status, with a latency histogram', async () => {
  await server.request('/api/v1/agencies');
  const res = await server.request('/metrics');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/plain/);
  assert.match(res.text, /hoptac_http_requests_total\{method="GET",route="\/api\/v1\/agencies",status="200"\} \d+/);
  assert.match(res.text, /hoptac_http_request_duration_seconds_bucket\{route="\/api\/v1\/agencies",le="\+Inf"\} \d+/);
});

test('the OpenAPI document is served and lists the register', async () => {
  const res = await server.request('/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  assert.ok(res.body.paths['/api/v1/cooperatives']);
});

test('unknown paths are 404 and wrong methods 405, as problem+json', async () => {
  expectProblem(assert, await server.request('/api/v1/nothing-here'), 404);
  const res = await server.request('/api/v1/agencies', { method: 'DELETE' });
  expectProblem(assert, res, 405);
  assert.match(res.headers.get('allow'), /GET/);
});

test('security headers are on every response', async () => {
  const res = await server.request('/api/v1/agencies');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
});

test('a body over 1 MiB is refused with 413 and nothing is written', async () => {
  const lienminh = await server.as('lienminh');
  const big = JSON.stringify({ name: 'x'.repeat(1100 * 1024) });
  const res = await lienminh.request('/api/v1/cooperatives', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 413);
});

test('malformed JSON, a non-object and invalid UTF-8 are 400', async () => {
  const lienminh = await server.as('lienminh');
  const post = (body) => lienminh.request('/api/v1/cooperatives', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  expectProblem(assert, await post('{"name": '), 400);
  expectProblem(assert, await post('[1, 2]'), 400);
  expectProblem(assert, await post(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 400);
  const wrongType = await lienminh.request('/api/v1/cooperatives', { method: 'POST', body: '{}', headers: { 'content-type': 'text/plain' } });
  expectProblem(assert, wrongType, 415);
});

test('an oversized header block is refused with 431', async () => {
  const res = await fetch(server.base + '/healthz', { headers: { 'x-big': 'y'.repeat(20000) } }).catch(() => null);
  assert.ok(res === null || res.status === 431, `got ${res?.status}`);
});

test('keep-alive: several requests on one connection', async () => {
  const answers = await new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
      if ((data.match(/HTTP\/1\.1 200/g) ?? []).length === 2) { socket.end(); resolve(data); }
    });
    socket.on('error', reject);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  });
  assert.equal((answers.match(/HTTP\/1\.1 200/g) ?? []).length, 2);
});

test('one JSON access-log line per request', async () => {
  await server.request('/api/v1/agencies?x-marker=1');
  // Access-log lines are written by the answering thread a few times a second: wait for it.
  const find = () => server.log.map((l) => { try { return JSON.parse(l); } catch { return null; } })
    .find((e) => e && e.path === '/api/v1/agencies' && e.status === 400);
  let line = find();
  for (let i = 0; !line && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    line = find();
  }
  assert.ok(line, 'the request with an unknown parameter was logged');
  assert.equal(line.method, 'GET');
  assert.equal(typeof line.duration_us, 'number');
});

test('an acknowledged write survives kill -9 of the server', async () => {
  const s = await startServer();
  try {
    const lienminh = await s.as('lienminh');
    const res = await lienminh.request('/api/v1/cooperatives', {
      method: 'POST',
      json: { kind: 'htx', name: 'Hợp tác xã Bền Vững', registration_code: '4799000001', commune_code: '02176', address: 'Xã Trần Phú', sectors: ['agriculture'] },
    });
    assert.equal(res.status, 201);
    await s.stop('SIGKILL');
    const again = await startServer({ dir: s.dir });
    try {
      const read = await again.request(`/api/v1/cooperatives/${res.body.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.name, 'Hợp tác xã Bền Vững');
    } finally {
      await again.stop();
    }
  } finally {
    s.cleanup();
  }
});

test('SIGTERM lets the request in flight finish, then the server exits 0', async () => {
  const s = await startServer();
  try {
    // A sign-in hashes a password (slow on purpose): it is in flight when the signal comes.
    const inflight = s.request('/api/v1/session', { method: 'POST', json: { username: 'admin', password: 'hoptac-demo' } });
    await new Promise((r) => setTimeout(r, 20));
    const code = s.stop('SIGTERM');
    const res = await inflight;
    assert.equal(res.status, 200);
    assert.equal(await code, 0);
  } finally {
    s.cleanup();
  }
});
