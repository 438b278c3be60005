// The dashboard's "which agencies are late": each figure is the total of the petition list
// behind it; drafts are never counted; who may read it; hostile parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
const THIS_YEAR = new Date().getUTCFullYear();
const A = '/api/v1/dashboard/agencies';
before(async () => {
  server = await startServer();
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan']) users[u] = await server.as(u);
});
after(async () => { await server.stop(); server.cleanup(); });

async function total(query) {
  const res = await users.lienminh.request(`/api/v1/petitions?${query}&per_page=1`);
  assert.equal(res.status, 200, res.text);
  return res.body.total;
}

for (const year of [2024, THIS_YEAR]) {
  test(`agencies of ${year}: every figure is the total of its list`, async () => {
    const res = await users.ubnd.request(`${A}?year=${year}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.year, year);
    const { today, items } = res.body;
    assert.ok(items.length > 0, 'the demo has agencies with petitions');
    if (year === THIS_YEAR) assert.ok(items.some((a) => a.assigned > 0 && a.answered > 0), "this year's petitions are assigned and answered");
    for (const a of items) {
      const lead = `lead_agency=${a.agency.id}`;
      assert.equal(a.assigned, await total(`${lead}&year=${year}`), `${a.agency.name}: assigned`);
      assert.equal(a.answered, await total(`${lead}&year=${year}&answered=any`), `${a.agency.name}: answered`);
      assert.equal(a.answered_on_time, await total(`${lead}&year=${year}&answered=on_time`));
      assert.equal(a.answered_late, await total(`${lead}&year=${year}&answered=late`));
      assert.equal(a.overdue, await total(`${lead}&overdue=1`), `${a.agency.name}: overdue`);
      const done = a.answered_on_time + a.answered_late;
      assert.equal(a.on_time_pct, done ? Math.round((1000 * a.answered_on_time) / done) / 10 : null);
      if (a.overdue === 0) {
        assert.equal(a.oldest_overdue_days, null);
      } else {
        const oldest = await users.lienminh.request(`/api/v1/petitions?${lead}&overdue=1&sort=due_on&per_page=1`);
        const days = (Date.parse(today) - Date.parse(oldest.body.items[0].due_on)) / 86400000;
        assert.equal(a.oldest_overdue_days, days);
        assert.ok(days >= 1);
      }
    }
    // The default order: most overdue first.
    const overdue = items.map((a) => a.overdue);
    assert.deepEqual(overdue, [...overdue].sort((x, y) => y - x));
  });
}

test('agencies: sorted as asked, empty values last', async () => {
  const pct = await users.lienminh.request(`${A}?year=2024&sort=on_time_pct`);
  assert.equal(pct.status, 200, pct.text);
  const values = pct.body.items.map((a) => a.on_time_pct);
  const firstNull = values.indexOf(null);
  const known = firstNull < 0 ? values : values.slice(0, firstNull);
  assert.deepEqual(known, [...known].sort((x, y) => x - y));
  if (firstNull >= 0) assert.ok(values.slice(firstNull).every((v) => v === null));
  const names = (await users.lienminh.request(`${A}?year=2024&sort=-assigned`)).body.items.map((a) => a.assigned);
  assert.deepEqual(names, [...names].sort((x, y) => y - x));
});

test('drafts are never counted: not in the dashboard, the agency table or the report', async () => {
  const before = (await users.ubnd.request(`/api/v1/dashboard?year=${THIS_YEAR}`)).body.petitions.by_state;
  const res = await users['htx-taihoan'].request('/api/v1/petitions', {
    method: 'POST',
    json: { cooperative_id: 2, title: 'Bản nháp chưa gửi', content: 'Nội dung còn đang soạn.', categories: ['market'] },
  });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.state, 'draft');
  const after = (await users.ubnd.request(`/api/v1/dashboard?year=${THIS_YEAR}`)).body.petitions.by_state;
  assert.equal(after.draft, undefined);
  assert.deepEqual(after, before);
  assert.equal(await total(`lead_agency=1&status=draft`), 0);
});

test('agencies: leader, alliance and admin read it; department and cooperative 403; anonymous 401', async () => {
  for (const u of ['ubnd', 'lienminh', 'admin']) assert.equal((await users[u].request(A)).status, 200, u);
  expectProblem(assert, await users['so-congthuong'].request(A), 403);
  expectProblem(assert, await users['htx-taihoan'].request(A), 403);
  expectProblem(assert, await server.request(A), 401);
});

test('agencies and the lists behind them: hostile parameters are 400', async () => {
  for (const q of ['year=abc', 'year=1999', 'year=99999999999999999999', 'year=2024.5', 'sort=DROP', 'sort=--overdue',
    "sort=name'--", 'colour=red'])
    expectProblem(assert, await users.ubnd.request(`${A}?${q}`), 400);
  for (const q of ['lead_agency=0', 'lead_agency=-1', 'lead_agency=abc', 'answered=maybe', 'year=abc'])
    expectProblem(assert, await users.ubnd.request(`/api/v1/petitions?${q}`), 400);
});

test('the table follows the work: an assignment and an answer move its figures at once', async () => {
  const forwarded = (await users.ubnd.request('/api/v1/petitions?status=forwarded&per_page=1')).body.items[0];
  assert.ok(forwarded, 'the demo has a forwarded petition');
  const year = Number(forwarded.code.slice(3, 7));
  const agencies = (await server.request('/api/v1/agencies')).body.items;
  const lead = agencies.find((a) => a.code === 'so-congthuong');
  const row = async () => (await users.ubnd.request(`${A}?year=${year}`)).body.items.find((a) => a.agency.id === lead.id)
    ?? { assigned: 0, answered: 0, answered_on_time: 0, answered_late: 0, overdue: 0 };
  const before = await row();
  const due = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const assigned = await users.ubnd.request(`/api/v1/petitions/${forwarded.id}/transitions`, { method: 'POST', json: { action: 'assign', lead_agency_id: lead.id, due_on: due } });
  assert.equal(assigned.status, 200, assigned.text);
  const mid = await row();
  assert.equal(mid.assigned, before.assigned + 1);
  assert.equal(mid.answered, before.answered);
  const answered = await users['so-congthuong'].request(`/api/v1/petitions/${forwarded.id}/transitions`, { method: 'POST', json: { action: 'answer', text: 'Sở đã làm việc với hợp tác xã và hướng dẫn thủ tục.' } });
  assert.equal(answered.status, 200, answered.text);
  const after = await row();
  assert.equal(after.assigned, before.assigned + 1);
  assert.equal(after.answered, before.answered + 1);
  assert.equal(after.answered_on_time, before.answered_on_time + 1);
  assert.equal(after.answered_late, before.answered_late);
  assert.equal(after.overdue, before.overdue);
});
