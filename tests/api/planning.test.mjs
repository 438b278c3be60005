// Indicators against plan, yearly plans, schemes (đề án) and the leaders' dashboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
before(async () => {
  server = await startServer();
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan'])
    users[u] = await server.as(u);
});
after(async () => { await server.stop(); server.cleanup(); });

const DISTRICTS = ['058', '060', '061', '062', '063', '064', '065', '066'];
const THIS_YEAR = new Date().getUTCFullYear();
const item = (body, code) => body.indicators.find((i) => i.code === code);
const pct = (actual, target) => Math.round((1000 * actual) / target) / 10;

test('indicators of 2024 on the demo: 455 cooperatives, 5,506 members, 59,000,000 VND income, on plan', async () => {
  const res = await server.request('/api/v1/indicators?year=2024');
  assert.equal(res.status, 200, res.text);
  const b = res.body;
  assert.equal(b.year, 2024);
  assert.equal(b.district, null);
  assert.equal(b.commune, null);
  assert.equal(b.cooperatives, 455);
  assert.equal(b.members, 5506);
  assert.equal(b.avg_income_vnd, 59000000);
  assert.equal(b.members_official + b.members_associate, b.members);
  // The breakdowns add up to the whole.
  const sum = (o) => Object.values(o).reduce((a, v) => a + v, 0);
  assert.equal(sum(b.cooperatives_by_kind), 455);
  assert.equal(sum(b.cooperatives_by_status), 455);
  assert.equal(sum(b.cooperatives_by_classification), b.rated);
  assert.ok(b.rated <= 455);
  assert.equal(b.effective, (b.cooperatives_by_classification.tot ?? 0) + (b.cooperatives_by_classification.kha ?? 0));
  assert.equal(b.effective_share_pct, pct(b.effective, b.rated));
  assert.equal(sum(b.ocop_by_stars), b.ocop_products);

  // The list of plan indicators, in report order, with target and achievement.
  assert.deepEqual(b.indicators.map((i) => i.code), [
    'cooperatives', 'new_cooperatives', 'members', 'workers', 'avg_revenue_vnd', 'avg_profit_vnd',
    'avg_income_vnd', 'effective_share_pct', 'ocop_products']);
  const income = item(b, 'avg_income_vnd');
  assert.equal(income.value, 59000000);
  assert.equal(income.target, 59000000);
  assert.equal(income.achievement_pct, 100);
  assert.equal(income.unit, 'vnd');
  assert.equal(income.name, 'Thu nhập bình quân của thành viên, người lao động');
  const members = item(b, 'members');
  assert.equal(members.value, 5506);
  assert.equal(members.target, 5500);
  assert.equal(members.achievement_pct, 100.1);
  assert.equal(item(b, 'cooperatives').value, 455);
  assert.equal(item(b, 'cooperatives').achievement_pct, 100);
  // Each value agrees with the flat field of the same name.
  for (const i of b.indicators) assert.equal(i.value, b[i.code], i.code);
  // No plan target for workers in 2024: no achievement.
  assert.equal(item(b, 'workers').target, null);
  assert.equal(item(b, 'workers').achievement_pct, null);
  const share = item(b, 'effective_share_pct');
  assert.equal(share.target, 62);
  assert.equal(share.achievement_pct, pct(share.value, 62));
});

test('indicators are public and in English on request', async () => {
  const en = await server.request('/api/v1/indicators?year=2024', { headers: { 'accept-language': 'en' } });
  assert.equal(en.status, 200);
  assert.equal(item(en.body, 'avg_income_vnd').name, 'Average member income');
  assert.equal(en.body.cooperatives, 455);
});

test('district filter: Na Rì (066) is a part; the eight districts add up to the province', async () => {
  const naRi = await server.request('/api/v1/indicators?year=2024&district=066');
  assert.equal(naRi.status, 200, naRi.text);
  assert.equal(naRi.body.district, '066');
  assert.ok(naRi.body.cooperatives > 0 && naRi.body.cooperatives < 455);
  // The same count as the register's list of Na Rì with 2024 figures.
  const list = await server.request('/api/v1/cooperatives?district=066&year=2024&per_page=1');
  assert.equal(naRi.body.cooperatives, list.body.total);
  let cooperatives = 0, members = 0, workers = 0, incomeWeighted = 0;
  for (const d of DISTRICTS) {
    const r = await server.request(`/api/v1/indicators?year=2024&district=${d}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.cooperatives > 0, `district ${d} has cooperatives`);
    cooperatives += r.body.cooperatives;
    members += r.body.members;
    workers += r.body.workers;
    incomeWeighted += r.body.avg_income_vnd * r.body.members;
  }
  assert.equal(cooperatives, 455);
  assert.equal(members, 5506);
  const all = await server.request('/api/v1/indicators?year=2024');
  assert.equal(workers, all.body.workers);
  // The members-weighted average of the districts is the province's (within rounding).
  assert.ok(Math.abs(incomeWeighted / members - 59000000) < 1, `${incomeWeighted / members}`);
});

test('commune filter works with an old (before 07/2025) and a new commune code', async () => {
  // Xuân Lạc (02023) merged into Nam Cường (02026) in the 2025 reform.
  const oldCode = await server.request('/api/v1/indicators?year=2024&commune=02023');
  assert.equal(oldCode.status, 200, oldCode.text);
  assert.equal(oldCode.body.commune, '02023');
  const newCode = await server.request('/api/v1/indicators?year=2024&commune=02026');
  assert.equal(newCode.status, 200, newCode.text);
  assert.ok(oldCode.body.cooperatives > 0);
  assert.ok(newCode.body.cooperatives > oldCode.body.cooperatives, 'the new commune is larger than the old one');
  assert.ok(newCode.body.cooperatives < 455);
  for (const [code, r] of [['02023', oldCode], ['02026', newCode]]) {
    const list = await server.request(`/api/v1/cooperatives?commune=${code}&year=2024&per_page=200`);
    assert.equal(r.body.cooperatives, list.body.total, code);
    const members = list.body.items.reduce((a, c) => a + c.latest_figures.members, 0);
    assert.equal(r.body.members, members, `members of ${code}`);
  }
});

test('a year outside the figures, a malformed year and an unknown parameter are refused', async () => {
  for (const y of [1999, 2020, 2031, THIS_YEAR + 1])
    expectProblem(assert, await server.request(`/api/v1/indicators?year=${y}`), 422, 'year');
  expectProblem(assert, await server.request('/api/v1/indicators?year=abcd'), 400, 'year');
  expectProblem(assert, await server.request('/api/v1/indicators?year=2024&colour=red'), 400, 'colour');
  // The first year with figures is fine.
  const first = await server.request('/api/v1/indicators?year=2021');
  assert.equal(first.status, 200);
  assert.ok(first.body.cooperatives > 0 && first.body.cooperatives < 455);
});

test('plans: staff other than cooperatives read them; anonymous 401, a cooperative 403', async () => {
  for (const u of ['lienminh', 'ubnd', 'so-congthuong', 'admin']) {
    const r = await users[u].request('/api/v1/plans/2024');
    assert.equal(r.status, 200, `${u}: ${r.text}`);
    assert.deepEqual(r.body, {
      year: 2024,
      targets: { cooperatives: 455, new_cooperatives: 20, members: 5500, avg_income_vnd: 59000000, effective_share_pct: 62, ocop_products: 45 },
    });
  }
  expectProblem(assert, await server.request('/api/v1/plans/2024'), 401);
  expectProblem(assert, await users['htx-taihoan'].request('/api/v1/plans/2024'), 403);
  const none = await users.lienminh.request('/api/v1/plans/2030');
  assert.equal(none.status, 200);
  assert.deepEqual(none.body.targets, {});
  expectProblem(assert, await users.lienminh.request('/api/v1/plans/20x4'), 422, 'year');
});

test('plans: the alliance and the leader may set them; department and cooperative 403; anonymous 401', async () => {
  const body = { targets: { cooperatives: 440, members: 5000, avg_income_vnd: 56000000, effective_share_pct: 62.5 } };
  const put = await users.lienminh.request('/api/v1/plans/2023', { method: 'PUT', json: body });
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.body, { year: 2023, ...body });
  const got = await users.ubnd.request('/api/v1/plans/2023');
  assert.deepEqual(got.body, { year: 2023, ...body }, 'the values round-trip; the old ocop target is gone');

  const byLeader = { targets: { cooperatives: 436, members: 5000, avg_income_vnd: 56000000, ocop_products: 25 } };
  const put2 = await users.ubnd.request('/api/v1/plans/2023', { method: 'PUT', json: byLeader });
  assert.equal(put2.status, 200, put2.text);
  assert.deepEqual((await users.lienminh.request('/api/v1/plans/2023')).body, { year: 2023, ...byLeader });

  for (const u of ['so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await users[u].request('/api/v1/plans/2023', { method: 'PUT', json: { targets: { members: 1 } } }), 403);
  expectProblem(assert, await server.request('/api/v1/plans/2023', { method: 'PUT', json: { targets: { members: 1 } } }), 401);
  assert.deepEqual((await users.lienminh.request('/api/v1/plans/2023')).body, { year: 2023, ...byLeader }, 'unchanged');

  // A plan for a future year is allowed (up to ten years ahead).
  const future = await users.lienminh.request(`/api/v1/plans/${THIS_YEAR + 1}`, { method: 'PUT', json: { targets: { members: 7000 } } });
  assert.equal(future.status, 200, future.text);
  assert.deepEqual(future.body.targets, { members: 7000 });
});

test('plans: after a change the indicators show the new target and achievement', async () => {
  // The plan of 2023 as set by the leader above.
  const r = await server.request('/api/v1/indicators?year=2023');
  assert.equal(r.status, 200, r.text);
  const members = item(r.body, 'members');
  assert.equal(members.value, 5032);
  assert.equal(members.target, 5000);
  assert.equal(members.achievement_pct, 100.6); // 5032 / 5000
  const coops = item(r.body, 'cooperatives');
  assert.equal(coops.value, 435);
  assert.equal(coops.target, 436);
  assert.equal(coops.achievement_pct, 99.8); // 435 / 436 = 99.77
  const ocop = item(r.body, 'ocop_products');
  assert.equal(ocop.target, 25);
  assert.equal(ocop.achievement_pct, pct(ocop.value, 25));
  // Removed from the plan: no target, no achievement.
  assert.equal(item(r.body, 'effective_share_pct').target, null);
  assert.equal(item(r.body, 'effective_share_pct').achievement_pct, null);
  // A zero target has no achievement either.
  const zero = await users.lienminh.request('/api/v1/plans/2022', { method: 'PUT', json: { targets: { members: 0, cooperatives: 400 } } });
  assert.equal(zero.status, 200, zero.text);
  const r2 = await server.request('/api/v1/indicators?year=2022');
  assert.equal(item(r2.body, 'members').target, 0);
  assert.equal(item(r2.body, 'members').achievement_pct, null);
  assert.equal(item(r2.body, 'cooperatives').achievement_pct, pct(r2.body.cooperatives, 400));
});

test('plans: bad input is refused with the field named, and nothing changes', async () => {
  const before = (await users.lienminh.request('/api/v1/plans/2024')).body;
  const put = (json, year = 2024) => users.lienminh.request(`/api/v1/plans/${year}`, { method: 'PUT', json });
  expectProblem(assert, await put({ targets: { colour: 5 } }), 422, 'targets.colour');
  expectProblem(assert, await put({ targets: { members: '5000' } }), 422, 'targets.members');
  expectProblem(assert, await put({ targets: { members: null } }), 422, 'targets.members');
  expectProblem(assert, await put({ targets: { members: -1 } }), 422, 'targets.members');
  expectProblem(assert, await put({ targets: { effective_share_pct: 100.5 } }), 422, 'targets.effective_share_pct');
  // One bad target spoils the whole plan: the good ones are not stored either.
  expectProblem(assert, await put({ targets: { members: 1, workers: -5 } }), 422, 'targets.workers');
  expectProblem(assert, await put({}), 422, 'targets');
  expectProblem(assert, await put({ targets: [] }), 422, 'targets');
  expectProblem(assert, await put({ targets: { members: 1 }, colour: 'red' }), 422, 'colour');
  expectProblem(assert, await put({ targets: { members: 1 } }, '20x4'), 422, 'year');
  expectProblem(assert, await put({ targets: { members: 1 } }, '1999'), 422, 'year');
  expectProblem(assert, await put({ targets: { members: 1 } }, String(THIS_YEAR + 11)), 422, 'year');
  assert.deepEqual((await users.lienminh.request('/api/v1/plans/2024')).body, before);
  const ind = await server.request('/api/v1/indicators?year=2024');
  assert.equal(item(ind.body, 'members').target, 5500);
  const limit = await users.lienminh.request('/api/v1/plans/1999');
  assert.deepEqual(limit.body?.targets ?? {}, {});
  // The limit itself is fine.
  const full = await put({ targets: { effective_share_pct: 100 } }, String(THIS_YEAR + 10));
  assert.equal(full.status, 200, full.text);
});


test('schemes: the demo has the 2021–2025 scheme (active) and a 2025–2030 draft; staff only', async () => {
  expectProblem(assert, await server.request('/api/v1/schemes'), 401);
  expectProblem(assert, await users['htx-taihoan'].request('/api/v1/schemes'), 403);
  const res = await users['so-congthuong'].request('/api/v1/schemes');
  assert.equal(res.status, 200, res.text);
  const current = res.body.items.find((s) => s.period_start === 2021 && s.period_end === 2025);
  assert.ok(current, 'a 2021–2025 scheme');
  assert.equal(current.status, 'active');
  assert.deepEqual(current.targets, { cooperatives: 480, members: 6000, avg_income_vnd: 60000000, effective_share_pct: 65, ocop_products: 60 });
  const draft = res.body.items.find((s) => s.period_start === 2025 && s.period_end === 2030);
  assert.ok(draft, 'a 2025–2030 scheme');
  assert.equal(draft.status, 'draft');
  const one = await users.ubnd.request(`/api/v1/schemes/${current.id}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.body, current);
  expectProblem(assert, await users.ubnd.request('/api/v1/schemes/9999'), 404);
  expectProblem(assert, await users['htx-taihoan'].request(`/api/v1/schemes/${current.id}`), 403);
});

test('scheme progress: each target over 2021..2025, actuals for 2021..2024, none yet for 2025', async () => {
  const list = await users.lienminh.request('/api/v1/schemes');
  const scheme = list.body.items.find((s) => s.period_start === 2021 && s.period_end === 2025);
  const res = await users.lienminh.request(`/api/v1/schemes/${scheme.id}/progress`);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.scheme.id, scheme.id);
  assert.deepEqual(res.body.targets.map((t) => t.indicator),
    ['cooperatives', 'members', 'avg_income_vnd', 'effective_share_pct', 'ocop_products']);
  const byYear = {};
  for (const y of [2021, 2022, 2023, 2024]) byYear[y] = (await server.request(`/api/v1/indicators?year=${y}`)).body;
  for (const t of res.body.targets) {
    assert.equal(t.target, scheme.targets[t.indicator], t.indicator);
    assert.deepEqual(t.years.map((y) => y.year), [2021, 2022, 2023, 2024, 2025], t.indicator);
    for (const y of t.years) {
      if (y.year === 2025) {
        assert.equal(y.actual, null, `${t.indicator} 2025`);
        assert.equal(y.achievement_pct, null, `${t.indicator} 2025`);
        continue;
      }
      assert.equal(typeof y.actual, 'number', `${t.indicator} ${y.year}`);
      assert.equal(y.actual, byYear[y.year][t.indicator], `${t.indicator} ${y.year} agrees with the indicators`);
      assert.equal(y.achievement_pct, pct(y.actual, t.target), `${t.indicator} ${y.year}`);
    }
  }
  const members = res.body.targets.find((t) => t.indicator === 'members');
  assert.equal(members.years.find((y) => y.year === 2024).actual, 5506);
  assert.equal(members.years.find((y) => y.year === 2024).achievement_pct, 91.8); // 5506 / 6000
  const income = res.body.targets.find((t) => t.indicator === 'avg_income_vnd');
  assert.equal(income.years.find((y) => y.year === 2024).achievement_pct, 98.3); // 59 / 60 million
  // The membership grows year by year in the demo.
  const m = members.years.slice(0, 4).map((y) => y.actual);
  assert.ok(m[0] < m[1] && m[1] < m[2] && m[2] < m[3], JSON.stringify(m));

  // The draft 2025–2030: no year has figures yet.
  const draft = list.body.items.find((s) => s.period_start === 2025 && s.period_end === 2030);
  const p2 = await users.ubnd.request(`/api/v1/schemes/${draft.id}/progress`);
  assert.equal(p2.status, 200, p2.text);
  for (const t of p2.body.targets) {
    assert.deepEqual(t.years.map((y) => y.year), [2025, 2026, 2027, 2028, 2029, 2030]);
    assert.ok(t.years.every((y) => y.actual === null && y.achievement_pct === null));
  }
  expectProblem(assert, await users.ubnd.request('/api/v1/schemes/9999/progress'), 404);
  expectProblem(assert, await server.request(`/api/v1/schemes/${scheme.id}/progress`), 401);
  expectProblem(assert, await users['htx-taihoan'].request(`/api/v1/schemes/${scheme.id}/progress`), 403);
});

test('schemes: the alliance and the leader create them; others may not; bad input is refused', async () => {
  const count = async () => (await users.lienminh.request('/api/v1/schemes')).body.items.length;
  const n0 = await count();
  const valid = {
    title: 'Đề án hỗ trợ hợp tác xã nông nghiệp ứng dụng công nghệ cao giai đoạn 2022–2024',
    period_start: 2022,
    period_end: 2024,
    status: 'active',
    description: 'Thử nghiệm',
    targets: { members: 5000, workers: 8000 },
  };
  const created = await users.ubnd.request('/api/v1/schemes', { method: 'POST', json: valid });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.headers.get('location'), `/api/v1/schemes/${created.body.id}`);
  for (const k of ['title', 'period_start', 'period_end', 'status', 'description', 'targets'])
    assert.deepEqual(created.body[k], valid[k], k);
  assert.deepEqual((await users.lienminh.request(`/api/v1/schemes/${created.body.id}`)).body, created.body);
  const progress = await users.lienminh.request(`/api/v1/schemes/${created.body.id}/progress`);
  const workers = progress.body.targets.find((t) => t.indicator === 'workers');
  const w2024 = workers.years.find((y) => y.year === 2024);
  assert.equal(w2024.actual, (await server.request('/api/v1/indicators?year=2024')).body.workers);
  assert.equal(w2024.achievement_pct, pct(w2024.actual, 8000));

  // Without a status it is a draft.
  const byAlliance = await users.lienminh.request('/api/v1/schemes', { method: 'POST', json: { title: 'Đề án thử', period_start: 2026, period_end: 2030 } });
  assert.equal(byAlliance.status, 201, byAlliance.text);
  assert.equal(byAlliance.body.status, 'draft');
  assert.deepEqual(byAlliance.body.targets, {});
  assert.equal(await count(), n0 + 2);

  for (const u of ['so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await users[u].request('/api/v1/schemes', { method: 'POST', json: valid }), 403);
  expectProblem(assert, await server.request('/api/v1/schemes', { method: 'POST', json: valid }), 401);

  const post = (over) => users.lienminh.request('/api/v1/schemes', { method: 'POST', json: { ...valid, ...over } });
  expectProblem(assert, await post({ period_end: 2022 }), 422, 'period_end');
  expectProblem(assert, await post({ period_end: 2021 }), 422, 'period_end');
  expectProblem(assert, await post({ period_end: 2043 }), 422, 'period_end'); // more than 20 years
  expectProblem(assert, await post({ status: 'paused' }), 422, 'status');
  expectProblem(assert, await post({ targets: { colour: 1 } }), 422, 'targets.colour');
  expectProblem(assert, await post({ targets: { members: -1 } }), 422, 'targets.members');
  expectProblem(assert, await post({ targets: { members: 'nhiều' } }), 422, 'targets.members');
  expectProblem(assert, await post({ targets: { effective_share_pct: 101 } }), 422, 'targets.effective_share_pct');
  expectProblem(assert, await post({ title: '' }), 422, 'title');
  expectProblem(assert, await post({ period_start: 1999 }), 422, 'period_start');
  expectProblem(assert, await post({ colour: 'red' }), 422, 'colour');
  const { title, ...untitled } = valid;
  void title;
  expectProblem(assert, await users.lienminh.request('/api/v1/schemes', { method: 'POST', json: untitled }), 422, 'title');
  assert.equal(await count(), n0 + 2, 'nothing was created by the bad requests');
});

test('dashboard for 2024: headline, petitions, oldest open ones and directives due, for the leader and the alliance', async () => {
  const overdueList = await users.lienminh.request('/api/v1/petitions?overdue=true&per_page=1');
  const dueSoonList = await users.lienminh.request('/api/v1/petitions?due_soon=true&per_page=1');
  for (const u of ['ubnd', 'lienminh']) {
    const res = await users[u].request('/api/v1/dashboard?year=2024');
    assert.equal(res.status, 200, `${u}: ${res.text}`);
    const d = res.body;
    assert.equal(d.year, 2024);
    assert.equal(d.headline.year, 2024);
    assert.equal(d.headline.cooperatives, 455);
    assert.equal(d.headline.members, 5506);
    assert.equal(d.headline.avg_income_vnd, 59000000);
    assert.equal(item(d.headline, 'avg_income_vnd').target, 59000000);
    assert.equal(item(d.headline, 'avg_income_vnd').achievement_pct, 100);
    assert.equal(typeof d.petitions.by_state, 'object');
    assert.ok(d.petitions.by_state !== null && !Array.isArray(d.petitions.by_state));
    assert.ok('on_time_rate_pct' in d.petitions);
    assert.ok(d.petitions.overdue > 0, 'the demo has overdue petitions');
    assert.equal(d.petitions.overdue, overdueList.body.total);
    assert.equal(d.petitions.due_soon, dueSoonList.body.total);
    assert.ok(Array.isArray(d.oldest_open) && d.oldest_open.length > 0 && d.oldest_open.length <= 10);
    for (const p of d.oldest_open) assert.ok(['submitted', 'received', 'forwarded', 'assigned'].includes(p.state), p.state);
    const times = d.oldest_open.map((p) => p.submitted_at);
    assert.deepEqual(times, [...times].sort(), 'oldest first');
    assert.ok(d.oldest_open.some((p) => p.title.includes('Vằng Mười')), 'the Tài Hoan petition from the conference is still open');
    assert.ok(Array.isArray(d.directives_due) && d.directives_due.length > 0);
    const soon = new Date(Date.now() + 7 * 3600000 + 30 * 86400000).toISOString().slice(0, 10);
    for (const dir of d.directives_due) {
      assert.notEqual(dir.status, 'done');
      assert.ok(dir.due_on <= soon, dir.due_on);
    }
  }
});

test('dashboard: petitions of a year by state, on-time rate; the years add up to all petitions but drafts', async () => {
  const res = await users.ubnd.request(`/api/v1/dashboard?year=${THIS_YEAR}`);
  assert.equal(res.status, 200, res.text);
  const s = res.body.petitions;
  assert.ok(Object.keys(s.by_state).length > 0);
  assert.ok(s.answered_with_due > 0);
  assert.ok(s.answered_on_time <= s.answered_with_due);
  assert.equal(s.on_time_rate_pct, pct(s.answered_on_time, s.answered_with_due));
  assert.ok(s.on_time_rate_pct >= 0 && s.on_time_rate_pct <= 100);
  let total = 0;
  for (let y = 2021; y <= THIS_YEAR; y++) {
    const r = await users.lienminh.request(`/api/v1/dashboard?year=${y}`);
    assert.equal(r.status, 200, r.text);
    total += Object.values(r.body.petitions.by_state).reduce((a, v) => a + v, 0);
  }
  // Drafts are not petitions yet: never in the official figures.
  const all = await users.lienminh.request('/api/v1/petitions?per_page=1');
  const drafts = await users.lienminh.request('/api/v1/petitions?per_page=1&status=draft');
  assert.ok(drafts.body.total > 0, 'the demo has drafts');
  assert.equal(total, all.body.total - drafts.body.total);
});

test('dashboard: department and cooperative 403, anonymous 401, bad year refused', async () => {
  expectProblem(assert, await users['so-congthuong'].request('/api/v1/dashboard?year=2024'), 403);
  expectProblem(assert, await users['htx-taihoan'].request('/api/v1/dashboard?year=2024'), 403);
  expectProblem(assert, await server.request('/api/v1/dashboard?year=2024'), 401);
  expectProblem(assert, await users.ubnd.request('/api/v1/dashboard?year=1999'), 422, 'year');
  expectProblem(assert, await users.ubnd.request('/api/v1/dashboard?year=2024&colour=red'), 400, 'colour');
});
