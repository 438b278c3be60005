// A statement that runs past the limit (--statement-timeout-ms) is stopped and answered 503
// with a message that says what to do; the server goes on answering; the same request under
// the default limit succeeds. On both engines (SQLite's progress handler, PostgreSQL's
// statement_timeout).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cli, startServer } from './server.mjs';

const servers = [];
after(async () => {
  for (const s of servers) {
    await s.stop();
    s.cleanup();
  }
});

// A register large enough that a search no index can serve (two letters: no trigram) reads
// for more than a millisecond on any machine.
async function bigRegister(args) {
  const first = await startServer({ demo: false });
  await first.stop();
  cli(['seed-bench', '--cooperatives', '20000', '--petitions', '0'], { database: first.database });
  const server = await startServer({ demo: false, dir: first.dir, args });
  servers.push(server);
  return server;
}

test('a statement past the limit is stopped with a 503 that says why, and the server goes on', async () => {
  const server = await bigRegister(['--statement-timeout-ms', '1']);
  const res = await server.request('/api/v1/cooperatives?q=xa&sort=members&per_page=200');
  assert.equal(res.status, 503, res.text);
  assert.match(res.headers.get('content-type'), /problem\+json/);
  assert.match(res.body.title, /quá nhiều thời gian/);
  assert.ok(res.headers.get('retry-after'), 'a Retry-After');
  assert.ok(res.body.request_id, 'the problem names the request');
  // Logged with its cause, under the request id.
  let logged;
  for (let i = 0; i < 200 && !logged; i++) {
    logged = server.log.find((l) => l.includes('"event":"database_error"') && l.includes('"kind":"timeout"') && l.includes(res.body.request_id));
    if (!logged) await new Promise((r) => setTimeout(r, 25));
  }
  assert.ok(logged, 'the 503 is logged with kind timeout and the request id');
  const health = await server.request('/healthz');
  assert.equal(health.status, 200);
  const small = await server.request('/api/v1/cooperatives?q=hop%20tac&per_page=1');
  assert.ok([200, 503].includes(small.status), 'a request after a stopped one is answered');
});

test('the same request under the default limit is answered', async () => {
  const server = await bigRegister([]);
  const res = await server.request('/api/v1/cooperatives?q=xa&sort=members&per_page=200');
  assert.equal(res.status, 200, res.text);
  assert.ok(res.body.total > 1000, `${res.body.total} cooperatives found`);
});

test('a statement limit that is not a number is refused at start', async () => {
  await assert.rejects(startServer({ demo: false, args: ['--statement-timeout-ms', '1e999'] }), /exited/);
});
