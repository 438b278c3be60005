// `hoptac migrate-data` (issue 9): the demo moves from SQLite to an empty PostgreSQL database
// with its attachments; counts and checksums match; the figures, lists and searches read the
// same from both; a target that is not empty is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, BIN, PG } from '../api/server.mjs';

let lite, pg, target;
before(async () => {
  lite = await startServer({ engine: 'sqlite' });  // the demo on SQLite
  const coop = await lite.as('htx-taihoan');
  const draft = await coop.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 2, title: 'Đề nghị có tệp', content: 'Xem tệp.', categories: ['credit'] } });
  const pdf = Buffer.from('%PDF-1.4\n% chuyển dữ liệu\n%%EOF\n');
  assert.equal((await coop.request(`/api/v1/petitions/${draft.body.id}/attachments?filename=don.pdf`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } })).status, 201);
  await lite.stop();
  const name = `moved_${process.pid}`;
  execFileSync('psql', [PG, '-qc', `CREATE DATABASE ${name}`]);
  target = PG.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
});
after(async () => { await pg?.stop(); lite?.cleanup(); });

test('the demo moves to PostgreSQL; every table\'s count and checksum match', () => {
  const out = execFileSync(BIN, ['migrate-data', '--from', lite.database, '--to', target], { encoding: 'utf8' });
  assert.match(out, /every table's count and checksum match/);
  assert.match(out, /cooperatives: 455 rows/);
  assert.match(out, /1 attachments/);
});

test('a target that is not empty is refused, and keeps what it has', () => {
  try {
    execFileSync(BIN, ['migrate-data', '--from', lite.database, '--to', target], { stdio: ['ignore', 'pipe', 'pipe'] });
    assert.fail('expected a refusal');
  } catch (e) {
    assert.match(String(e.stderr), /not empty/);
  }
});

test('the figures, lists, searches and the attachment read the same from both engines', async () => {
  const again = await startServer({ dir: lite.dir });  // SQLite, as it was
  pg = await startServer({ database: target, dir: mkdtempSync(join(tmpdir(), 'moved-')) });
  try {
    const paths = ['/api/v1/indicators?year=2024', '/api/v1/cooperatives?q=tai%20hoan', '/api/v1/cooperatives?per_page=50&sort=name',
      '/api/v1/petitions?q=ho%20tro&per_page=50', '/api/v1/petitions?per_page=50', '/api/v1/dashboard?year=2024',
      '/api/v1/admin-units?level=commune&q=nam&as_of=2024-12-31', '/api/v1/awards?year=2024', '/api/v1/conferences'];
    const [a, b] = [await again.as('lienminh'), await pg.as('lienminh')];
    for (const path of paths) {
      const [x, y] = [await a.request(path), await b.request(path)];
      assert.equal(x.status, 200, path);
      assert.deepEqual(y.body, x.body, path);
    }
    const ind = (await b.request('/api/v1/indicators?year=2024')).body.indicators;
    const value = (code) => ind.find((i) => i.code === code);
    assert.equal(value('cooperatives').value, 455);
    assert.equal(value('members').value, 5506);
    assert.equal(value('avg_income_vnd').value, 59000000);
    assert.equal(value('cooperatives').achievement_pct, 100);
    const list = (await b.request('/api/v1/petitions?q=tep')).body.items;
    const p = list.find((x) => x.title === 'Đề nghị có tệp') ?? (await (await pg.as('htx-taihoan')).request('/api/v1/petitions?per_page=200')).body.items.find((x) => x.title === 'Đề nghị có tệp');
    const coop = await pg.as('htx-taihoan');
    const detail = (await coop.request(`/api/v1/petitions/${p.id}`)).body;
    const file = await coop.request(`/api/v1/petitions/${p.id}/attachments/${detail.attachments[0].id}`);
    assert.equal(file.status, 200);
    assert.match(file.text, /chuyển dữ liệu/);
  } finally {
    await again.stop();
  }
});
