// The inputs this wave added (e-mail: the outbox and the notification settings; the reform:
// place filters, retired agencies, undo) against 1e999, NUL, '//etc/passwd' and a 1 MB string:
// each is a 4xx naming the problem, nothing changes, the server stays up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server, admin, coop, ubnd, lienminh;
before(async () => {
  server = await startServer();
  admin = await server.as('admin');
  coop = await server.as('htx-taihoan');
  ubnd = await server.as('ubnd');
  lienminh = await server.as('lienminh');
});
after(async () => { await server.stop(); server.cleanup(); });

const MB = 'x'.repeat(1 << 20);
const VALUES = ['1e999', '%00', 'a%00b', '%2F%2Fetc%2Fpasswd', '..%2F..%2Fetc%2Fpasswd', encodeURIComponent(MB.slice(0, 200000))];
const alive = async () => assert.equal((await server.request('/healthz')).status, 200, 'the server is down');
const is4xx = (res, what) => assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${res.text.slice(0, 200)}`);

test('query parameters of the outbox, the place filters and the agencies: every hostile value is a 4xx', async () => {
  for (const v of VALUES) {
    for (const [who, path] of [[admin, `/api/v1/outbox?state=${v}`], [admin, `/api/v1/outbox?user_id=${v}`],
      [admin, `/api/v1/outbox?page=${v}`], [lienminh, `/api/v1/petitions?district=${v}`],
      [lienminh, `/api/v1/petitions?commune=${v}`], [lienminh, `/api/v1/petitions?escalated=${v}`],
      [server, `/api/v1/agencies?include_retired=${v}`], [server, `/api/v1/cooperatives?commune=${v}`]])
      is4xx(await who.request(path), path.slice(0, 80));
  }
  await alive();
});

test('path ids of the outbox and the undo: 1e999, NUL and paths are 404, never a 5xx', async () => {
  for (const id of ['1e999', '%00', '1%00', '%2F%2Fetc%2Fpasswd', '99999999999999999999999', MB.slice(0, 5000)]) {
    for (const [who, method, path] of [[admin, 'GET', `/api/v1/outbox/${id}`], [admin, 'POST', `/api/v1/outbox/${id}/retry`],
      [ubnd, 'POST', `/api/v1/petitions/${id}/undo`], [lienminh, 'POST', `/api/v1/batches/${id}/undo`]])
      is4xx(await who.request(path, { method }), `${method} ${path.slice(0, 60)}`);
  }
  await alive();
});

test('notification settings bodies: 1e999, NUL, a path and a 1 MB string are 422 or 413, and nothing changes', async () => {
  const S = '/api/v1/me/notification-settings';
  const before = (await coop.request(S)).body;
  const put = (who, path, text) => who.request(path, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } });
  for (const body of ['{"language":1e999}', '{"language":"vi\\u0000"}', '{"language":"//etc/passwd"}',
    `{"language":"${MB}"}`, '{"kinds":{"returned":1e999}}', '{"kinds":{"returned":"off\\u0000"}}',
    '{"kinds":{"returned\\u0000":"off"}}', '{"kinds":{"//etc/passwd":"off"}}', `{"kinds":{"returned":"${MB}"}}`])
    is4xx(await put(coop, S, body), body.slice(0, 60));
  assert.deepEqual((await coop.request(S)).body, before, 'nothing changed');
  const R = '/api/v1/notification-settings';
  const reminders = (await admin.request(R)).body;
  for (const body of ['{"reminder_working_days":1e999,"escalation_working_days":5}', '{"reminder_working_days":"3\\u0000","escalation_working_days":5}',
    '{"reminder_working_days":3,"escalation_working_days":"//etc/passwd"}', `{"reminder_working_days":"${MB}","escalation_working_days":5}`])
    is4xx(await put(admin, R, body), body.slice(0, 60));
  assert.deepEqual((await admin.request(R)).body, reminders, 'nothing changed');
  await alive();
});

test('an e-mail address with a NUL, a path or 1 MB is refused; what e-mails would go to is unchanged', async () => {
  const me = (await lienminh.request('/api/v1/me')).body.user;
  for (const email of ['a\u0000@b.vn', '//etc/passwd', `${MB}@b.vn`, 'a@b.vn>\r\nRCPT TO:<c@d.vn'])
    is4xx(await lienminh.request('/api/v1/me', { method: 'PATCH', json: { email } }), email.slice(0, 40));
  assert.equal((await lienminh.request('/api/v1/me')).body.user.email, me.email);
  expectProblem(assert, await admin.request('/api/v1/outbox?per_page=1e999'), 400);
  await alive();
});
