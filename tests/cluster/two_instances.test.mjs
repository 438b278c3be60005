// Two `hoptac serve` on one PostgreSQL database behind Debian's nginx, on loopback (issue 9):
// a session made on one instance acts on the other; two conflicting transitions sent to both
// at once give one 200 and one 409; a report job queued on one is downloaded from the other;
// an attachment uploaded to one is served by the other. Run by scripts/test-instances, which
// gives HOPTAC_TEST_PG (a throwaway cluster).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { startServer, request, DEMO_PASSWORD } from '../api/server.mjs';

let a, b, nginx, proxy;
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  a = await startServer();
  b = await startServer({ dir: mkdtempSync(join(tmpdir(), 'second-')), database: a.database });
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), `
worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream hoptac { server 127.0.0.1:${a.port}; server 127.0.0.1:${b.port}; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://hoptac; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}`);
  nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  proxy = `http://127.0.0.1:${port}`;
  // Wait for nginx to answer, polling.
  for (;;) {
    try { if ((await request(proxy, '/healthz')).status === 200) break; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(async () => {
  nginx?.kill('SIGQUIT');
  await b?.stop();
  await a?.stop();
  a?.cleanup();
});

const signInAt = async (server, username) => {
  const res = await server.request('/api/v1/session', { method: 'POST', json: { username, password: DEMO_PASSWORD } });
  assert.equal(res.status, 200, res.text);
  return { cookie: res.headers.get('set-cookie').split(';')[0], csrf: res.body.csrf_token };
};
const as = (server, s) => (path, options = {}) => server.request(path, { ...options, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(options.headers ?? {}) } });

test('both instances answer through nginx, from one database', async () => {
  const seen = new Set();
  for (let i = 0; i < 6; i += 1) {
    const res = await request(proxy, '/api/v1/cooperatives?per_page=1');
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 455);
    seen.add(res.headers.get('x-request-id').split('-')[0]);
  }
  assert.equal(seen.size, 2, 'nginx reached both instances');
});

test('a session made on one instance acts on the other; conflicting transitions: one 200, one 409', async () => {
  const coop = await signInAt(a, 'htx-taihoan');
  const draft = await as(b, coop)('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 2, title: 'Đề nghị hỗ trợ máy sấy chè', content: 'Hợp tác xã đề nghị hỗ trợ một máy sấy chè.', categories: ['credit'] } });
  assert.equal(draft.status, 201, draft.text);
  const submitted = await as(a, coop)(`/api/v1/petitions/${draft.body.id}/transitions`, { method: 'POST', json: { action: 'submit' } });
  assert.equal(submitted.status, 200, submitted.text);
  const clerkA = await signInAt(a, 'lienminh');
  const receive = (server) => as(server, clerkA)(`/api/v1/petitions/${draft.body.id}/transitions`, { method: 'POST', json: { action: 'receive' } });
  const results = await Promise.all([receive(a), receive(b)]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join(' | '));
  const history = (await as(b, clerkA)(`/api/v1/petitions/${draft.body.id}/history`)).body.items;
  assert.equal(history.filter((h) => h.action === 'receive').length, 1);
});

test('a report job queued on one instance is downloaded from the other', async () => {
  const clerk = await signInAt(a, 'lienminh');
  const queued = await as(a, clerk)('/api/v1/reports/economy/jobs?year=2024&format=csv', { method: 'POST' });
  assert.equal(queued.status, 202, queued.text);
  let job;
  do {  // wait for the state: done (or failed), polling the other instance
    job = (await as(b, clerk)(`/api/v1/jobs/${queued.body.id}`)).body;
    if (job.status !== 'done' && job.status !== 'failed') await new Promise((r) => setTimeout(r, 200));
  } while (job.status !== 'done' && job.status !== 'failed');
  assert.equal(job.status, 'done', JSON.stringify(job));
  const file = await as(b, clerk)(job.download);
  assert.equal(file.status, 200);
  assert.match(file.text, /455/);
});

test('an attachment uploaded to one instance is served by the other', async () => {
  const coop = await signInAt(a, 'htx-taihoan');
  const draft = await as(a, coop)('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 2, title: 'Đề nghị có tệp đính kèm', content: 'Xem tệp.', categories: ['credit'] } });
  const pdf = Buffer.from(`%PDF-1.4\n% hoptac ${Date.now()}\n%%EOF\n`);
  const up = await as(a, coop)(`/api/v1/petitions/${draft.body.id}/attachments?filename=don.pdf`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } });
  assert.equal(up.status, 201, up.text);
  const down = await as(b, coop)(`/api/v1/petitions/${draft.body.id}/attachments/${up.body.id}`);
  assert.equal(down.status, 200);
  assert.deepEqual(down.buffer, pdf);
});
