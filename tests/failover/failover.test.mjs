// Failover (issue 9): hoptac on a multi-host URL writes petitions while the primary is
// stopped with `pg_ctl stop -m immediate` and the synchronous standby is promoted; it serves
// writes again without a restart, and every write it acknowledged is on the new primary.
// While no database answers, requests get 503 with Retry-After and /readyz is 503.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer } from '../api/server.mjs';

const URL = process.env.HOPTAC_FAILOVER_URL;
const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';
const asPostgres = (args) => execFileSync(process.getuid() === 0 ? 'runuser' : args[0],
  process.getuid() === 0 ? ['-u', 'postgres', '--', ...args] : args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
let server;
after(async () => { await server?.stop(); });

test('every acknowledged write survives the primary\'s crash; writes resume without a restart', async () => {
  execFileSync(process.env.HOPTAC_BIN, ['migrate', '--database', URL]);
  execFileSync(process.env.HOPTAC_BIN, ['seed-demo', '--database', URL]);
  server = await startServer({ database: URL });
  const coop = await server.as('htx-taihoan');
  const acknowledged = [];
  let refused = 0, retryAfter = 0, n = 0;
  const write = async () => {
    n += 1;
    try {
      const res = await coop.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 2, title: `Kiến nghị thử chuyển đổi dự phòng ${n}`, content: 'Ghi trong lúc chuyển đổi.', categories: ['credit'] } });
      if (res.status === 201) acknowledged.push(res.body.id);
      else {
        assert.equal(res.status, 503, res.text);
        refused += 1;
        if (Number(res.headers.get('retry-after')) > 0) retryAfter += 1;
      }
      return res.status;
    } catch (e) { refused += 1; return 0; }
  };
  for (let i = 0; i < 40; i += 1) assert.equal(await write(), 201);
  // The primary crashes; writes go on.
  asPostgres([`${PGBIN}/pg_ctl`, '-D', process.env.HOPTAC_FAILOVER_PRIMARY, 'stop', '-m', 'immediate']);
  const down = Date.now();
  for (let i = 0; i < 5; i += 1) await write();
  assert.equal((await server.request('/readyz')).status, 503, '/readyz while no primary answers');
  asPostgres([`${PGBIN}/pg_ctl`, '-D', process.env.HOPTAC_FAILOVER_STANDBY, 'promote', '-w']);
  // Wait for the state: writes accepted again (each attempt is a real write).
  let back = null;
  while (back === null) {
    if ((await write()) === 201) back = Date.now();
    assert.ok(Date.now() - down < 120000, 'writes did not resume');
  }
  for (let i = 0; i < 20; i += 1) assert.equal(await write(), 201);
  const seconds = (back - down) / 1000;
  console.log(`failover: ${acknowledged.length} writes acknowledged, ${refused} refused (${retryAfter} with Retry-After), ${seconds.toFixed(1)} s without writes`);
  assert.ok(seconds < 10, `writes resumed after ${seconds} s`);
  assert.ok(refused === 0 || retryAfter === refused, 'every refusal carries Retry-After');
  // Every acknowledged write is there.
  const lienminh = await server.as('lienminh');
  const missing = [];
  for (const id of acknowledged)
    if ((await lienminh.request(`/api/v1/petitions/${id}`)).status !== 200 && (await coop.request(`/api/v1/petitions/${id}`)).status !== 200) missing.push(id);
  assert.deepEqual(missing, [], 'acknowledged writes lost');
  assert.equal((await server.request('/readyz')).status, 200);
});
