// Search over more petitions than a page's total counts: the total is exact up to 10,000 and
// "10,000+" past it (total_capped); results come newest first from the text index; a rare
// word's total is exact. The register's substring search finds cooperatives through the
// trigram index, as LIKE does. On both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cli, startServer } from './server.mjs';

let server, leader;
before(async () => {
  const first = await startServer({ demo: false });
  await first.stop();
  cli(['seed-bench', '--cooperatives', '300', '--petitions', '10100'], { database: first.database });
  cli(['user', 'add', '--username', 'scale-leader', '--role', 'leader'], { database: first.database, input: 'scale-password-1\n' });
  server = await startServer({ demo: false, dir: first.dir });
  const token = cli(['token', 'create', '--username', 'scale-leader'], { database: first.database }).trim();
  leader = (path) => server.request(path, { headers: { authorization: `Bearer ${token}` } });
});
after(async () => {
  await server.stop();
  server.cleanup();
});

test('a broad search counts to 10,000 and says there are more', async () => {
  const res = await leader('/api/v1/petitions?q=hop%20tac&per_page=20');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.total, 10000);
  assert.equal(res.body.total_capped, true);
  assert.equal(res.body.items.length, 20);
  const ids = res.body.items.map((p) => p.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest entry first');
  const last = await leader('/api/v1/petitions?q=hop%20tac&per_page=20&page=500');
  assert.equal(last.status, 200);
  const past = await leader('/api/v1/petitions?q=hop%20tac&per_page=20&page=501');
  assert.equal(past.status, 400, 'past the counted pages');
});

test('a narrow search has an exact total, the same in every order', async () => {
  const all = await leader('/api/v1/petitions?per_page=1');
  assert.equal(all.body.total_capped, true, 'the whole list is counted to the cap too');
  const code = (await leader('/api/v1/petitions?per_page=1&sort=code')).body.items[0].code;
  const one = await leader(`/api/v1/petitions?q=${code}`);
  assert.equal(one.body.total, 1);
  assert.equal(one.body.total_capped, false);
  // A word of the generator's long tail: few petitions, counted exactly.
  for (const word of ['trui', 'xinh', 'hem', 'lem']) {
    const byDate = await leader(`/api/v1/petitions?q=${word}&per_page=200`);
    assert.equal(byDate.status, 200);
    if (byDate.body.total === 0 || byDate.body.total >= 200) continue;
    assert.equal(byDate.body.total_capped, false);
    assert.equal(byDate.body.items.length, byDate.body.total);
    const byDue = await leader(`/api/v1/petitions?q=${word}&per_page=200&sort=due_on`);
    assert.equal(byDue.body.total, byDate.body.total, 'another order, the same matches');
    assert.deepEqual(byDue.body.items.map((p) => p.id).sort(), byDate.body.items.map((p) => p.id).sort());
    return;
  }
  assert.fail('no rare word found among the candidates');
});

test('the last word is a prefix, the others whole words', async () => {
  const prefix = await leader('/api/v1/petitions?q=hop%20ta&per_page=1');
  assert.ok(prefix.body.total > 0);
  const notWhole = await leader('/api/v1/petitions?q=ho%20tac&per_page=1');
  const whole = await leader('/api/v1/petitions?q=hop%20tac&per_page=1');
  assert.ok(notWhole.body.total < whole.body.total || notWhole.body.total === 0 || whole.body.total_capped,
    '"ho" is a word of its own, not the start of "hop"');
});

test('the register finds a substring through the trigram index, as a scan does', async () => {
  const list = await server.request('/api/v1/cooperatives?per_page=200&sort=id');
  const name = list.body.items[7].name;  // "Hợp tác xã Trồng chè Xã ..."
  const words = name.split(' ');
  const piece = words.slice(3, 5).join(' ').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  const found = await server.request(`/api/v1/cooperatives?q=${encodeURIComponent(piece)}&per_page=200`);
  assert.equal(found.status, 200);
  assert.ok(found.body.items.some((c) => c.name === name), `"${piece}" finds ${name}`);
  const inside = piece.slice(1, -1);  // the middle of a word: a substring, not a prefix
  const alsoFound = await server.request(`/api/v1/cooperatives?q=${encodeURIComponent(inside)}&per_page=200`);
  assert.ok(alsoFound.body.total >= found.body.total);
  const quote = await server.request('/api/v1/cooperatives?q=%22%20OR%20x');
  assert.equal(quote.status, 200, 'a quote in the query is text, not syntax');
  assert.equal(quote.body.total, 0);
});
