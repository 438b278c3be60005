// Emulation and commendation: campaigns with a quota, nominations, review and the decision.
// The tests run in order and share one server: a 2023 Giấy khen campaign (G) and a 2023 Bằng
// khen campaign (K) go from nomination to decision.
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

const THIS_YEAR = new Date().getUTCFullYear();
const isoDay = (offsetDays) => new Date(Date.now() + 7 * 3600000 + offsetDays * 86400000).toISOString().slice(0, 10);
const campaignOf = async (id) => (await users.lienminh.request(`/api/v1/award-campaigns/${id}`)).body;
const nominate = (user, campaign, cooperative_id, achievement = 'Thành tích tốt trong sản xuất, kinh doanh năm 2023') =>
  users[user].request(`/api/v1/award-campaigns/${campaign}/nominations`, { method: 'POST', json: { cooperative_id, achievement } });
const review = (user, nomination, decision, reason) =>
  users[user].request(`/api/v1/nominations/${nomination}/review`, { method: 'POST', json: reason === undefined ? { decision } : { decision, reason } });
const decide = (user, campaign, over = {}) =>
  users[user].request(`/api/v1/award-campaigns/${campaign}/decision`, {
    method: 'POST',
    json: { decision_no: '67/QĐ-LMHTX', decided_on: '2024-03-15', signer: 'Chủ tịch Liên minh Hợp tác xã tỉnh', ...over },
  });

// Cooperatives found through the register.
const coops = { good: [], weak: [], new2024: null };
const state = {};

test('the demo awards of 2024: 8 Bằng khen and 16 Giấy khen, public, with a level filter', async () => {
  const all = await server.request('/api/v1/awards?year=2024');
  assert.equal(all.status, 200, all.text);
  assert.equal(all.body.total, 24);
  assert.equal(all.body.items.length, 24);
  const bang = all.body.items.filter((n) => n.level === 'ubnd_bang_khen');
  const giay = all.body.items.filter((n) => n.level === 'alliance_giay_khen');
  assert.equal(bang.length, 8);
  assert.equal(giay.length, 16);
  for (const n of all.body.items) {
    assert.equal(n.status, 'awarded');
    assert.equal(n.year, 2024);
    assert.ok(n.cooperative.id > 0 && n.cooperative.name.length > 0);
  }
  assert.ok(bang.every((n) => n.decision_no === '123/QĐ-UBND'));
  assert.ok(giay.every((n) => n.decision_no === '45/QĐ-LMHTX'));
  // One achievement, one award: nobody has both.
  const ids = new Set(bang.map((n) => n.cooperative.id));
  assert.ok(giay.every((n) => !ids.has(n.cooperative.id)));

  const onlyBang = await server.request('/api/v1/awards?year=2024&level=ubnd_bang_khen');
  assert.equal(onlyBang.status, 200);
  assert.equal(onlyBang.body.total, 8);
  assert.ok(onlyBang.body.items.every((n) => n.level === 'ubnd_bang_khen'));
  const onlyGiay = await server.request('/api/v1/awards?year=2024&level=alliance_giay_khen');
  assert.equal(onlyGiay.body.total, 16);
  assert.ok(onlyGiay.body.items.every((n) => n.level === 'alliance_giay_khen'));
  const none = await server.request('/api/v1/awards?year=2023');
  assert.equal(none.status, 200);
  assert.equal(none.body.total, 0);
  expectProblem(assert, await server.request('/api/v1/awards?level=huan_chuong'), 400, 'level');
  expectProblem(assert, await server.request('/api/v1/awards?colour=red'), 400, 'colour');
});

test('campaigns are listed for the alliance and the leader, not for departments or cooperatives', async () => {
  const list = await users.ubnd.request('/api/v1/award-campaigns?year=2024');
  assert.equal(list.status, 200, list.text);
  assert.equal(list.body.items.length, 2);
  for (const k of list.body.items) {
    assert.equal(k.status, 'closed');
    assert.equal(k.awarded, k.quota);
  }
  expectProblem(assert, await users['so-congthuong'].request('/api/v1/award-campaigns'), 403);
  expectProblem(assert, await users['htx-taihoan'].request('/api/v1/award-campaigns'), 403);
  expectProblem(assert, await server.request('/api/v1/award-campaigns'), 401);
});

test('finding cooperatives for the 2023 campaigns in the register', async () => {
  const good = await users.lienminh.request('/api/v1/cooperatives?year=2023&classification=tot&per_page=200');
  assert.equal(good.status, 200, good.text);
  // The first one is rated good in 2022 as well, for a 2022 nomination later.
  const good22 = await users.lienminh.request('/api/v1/cooperatives?year=2022&classification=tot&per_page=200');
  const ids22 = new Set(good22.body.items.map((c) => c.id));
  const ids = good.body.items.map((c) => c.id);
  const both = ids.find((id) => ids22.has(id));
  assert.ok(both, 'a cooperative rated good in 2022 and 2023');
  coops.good = [both, ...ids.filter((id) => id !== both)];
  assert.ok(coops.good.length >= 10);
  const weak = await users.lienminh.request('/api/v1/cooperatives?year=2023&classification=yeu&per_page=200');
  coops.weak = weak.body.items.map((c) => c.id);
  assert.ok(coops.weak.length >= 1);
  // A cooperative founded in 2024 has no 2023 figures.
  for (let page = 1; !coops.new2024 && page <= 3; page++) {
    const r = await users.lienminh.request(`/api/v1/cooperatives?year=2024&per_page=200&page=${page}`);
    for (const c of r.body.items.filter((c) => c.founded_on >= '2024-01-01')) {
      const years = await users.lienminh.request(`/api/v1/cooperatives/${c.id}/years`);
      if (!years.body.items.some((y) => y.year === 2023)) { coops.new2024 = c.id; break; }
    }
  }
  assert.ok(coops.new2024, 'a cooperative without 2023 figures');
});

test('campaigns: created by the alliance or the leader, one per year and level, bad input refused', async () => {
  const g = await users.lienminh.request('/api/v1/award-campaigns', { method: 'POST', json: { year: 2023, level: 'alliance_giay_khen', quota: 2 } });
  assert.equal(g.status, 201, g.text);
  assert.equal(g.headers.get('location'), `/api/v1/award-campaigns/${g.body.id}`);
  assert.equal(g.body.year, 2023);
  assert.equal(g.body.level, 'alliance_giay_khen');
  assert.equal(g.body.quota, 2);
  assert.equal(g.body.status, 'open');
  assert.equal(g.body.decision_no, null);
  assert.equal(g.body.nominated, 0);
  assert.equal(g.body.title, 'Giấy khen của Chủ tịch Liên minh HTX tỉnh năm 2023');
  state.G = g.body.id;

  const dup = await users.ubnd.request('/api/v1/award-campaigns', { method: 'POST', json: { year: 2023, level: 'alliance_giay_khen', quota: 5, title: 'Lần hai' } });
  expectProblem(assert, dup, 409, 'level');

  const k = await users.ubnd.request('/api/v1/award-campaigns', { method: 'POST', json: { year: 2023, level: 'ubnd_bang_khen', quota: 3, title: 'Bằng khen năm 2023' } });
  assert.equal(k.status, 201, k.text);
  assert.equal(k.body.title, 'Bằng khen năm 2023');
  state.K = k.body.id;

  const body = { year: 2022, level: 'alliance_giay_khen', quota: 2 };
  expectProblem(assert, await users['so-congthuong'].request('/api/v1/award-campaigns', { method: 'POST', json: body }), 403);
  expectProblem(assert, await users['htx-taihoan'].request('/api/v1/award-campaigns', { method: 'POST', json: body }), 403);
  expectProblem(assert, await server.request('/api/v1/award-campaigns', { method: 'POST', json: body }), 401);
  const post = (over) => users.lienminh.request('/api/v1/award-campaigns', { method: 'POST', json: { ...body, ...over } });
  expectProblem(assert, await post({ level: 'huan_chuong' }), 422, 'level');
  expectProblem(assert, await post({ quota: 0 }), 422, 'quota');
  expectProblem(assert, await post({ year: THIS_YEAR + 2 }), 422, 'year');
  expectProblem(assert, await post({ year: 1999 }), 422, 'year');
  expectProblem(assert, await post({ title: '' }), 422, 'title');
  const list = await users.lienminh.request('/api/v1/award-campaigns?year=2022');
  assert.equal(list.body.items.length, 0, 'nothing was created by the refused requests');
  const list23 = await users.lienminh.request('/api/v1/award-campaigns?year=2023');
  assert.deepEqual(list23.body.items.map((c) => c.id).sort(), [state.G, state.K].sort());
});

test('nominations: only the alliance nominates', async () => {
  const [a] = coops.good;
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await nominate(u, state.G, a), 403);
  expectProblem(assert, await server.request(`/api/v1/award-campaigns/${state.G}/nominations`, { method: 'POST', json: { cooperative_id: a, achievement: 'x' } }), 401);
  assert.equal((await campaignOf(state.G)).nominated, 0);
});

test('nominations: an eligible cooperative is proposed; weak, without figures, unknown or dissolved ones are not', async () => {
  const [a] = coops.good;
  const res = await nominate('lienminh', state.G, a);
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.campaign_id, state.G);
  assert.equal(res.body.cooperative.id, a);
  assert.equal(res.body.status, 'proposed');
  assert.equal(res.body.proposer, 'Liên minh Hợp tác xã tỉnh');
  assert.equal(res.body.year, 2023);
  assert.equal(res.body.level, 'alliance_giay_khen');
  state.nA = res.body.id;

  expectProblem(assert, await nominate('lienminh', state.G, coops.weak[0]), 422, 'cooperative_id');
  expectProblem(assert, await nominate('lienminh', state.G, coops.new2024), 422, 'cooperative_id');
  expectProblem(assert, await nominate('lienminh', state.G, 999999), 422, 'cooperative_id');
  expectProblem(assert, await nominate('lienminh', state.G, coops.good[1], ''), 422, 'achievement');

  // A dissolved cooperative may not be nominated, even with good 2023 figures.
  const victim = coops.good[coops.good.length - 1];
  const patched = await users.lienminh.request(`/api/v1/cooperatives/${victim}`, { method: 'PATCH', json: { status: 'dissolved' } });
  assert.equal(patched.status, 200, patched.text);
  expectProblem(assert, await nominate('lienminh', state.G, victim), 422, 'cooperative_id');

  const g = await campaignOf(state.G);
  assert.equal(g.nominated, 1);
  assert.deepEqual(g.nominations.map((n) => n.cooperative.id), [a]);
});

test('nominations: the same cooperative twice in a campaign is a conflict', async () => {
  expectProblem(assert, await nominate('lienminh', state.G, coops.good[0]), 409, 'cooperative_id');
  assert.equal((await campaignOf(state.G)).nominated, 1);
});

test('one achievement, one award: a cooperative is nominated for one level a year', async () => {
  const d = coops.good[3];
  const inK = await nominate('lienminh', state.K, d);
  assert.equal(inK.status, 201, inK.text);
  state.nD_K = inK.body.id;
  // D is proposed for the Bằng khen of 2023: not for the Giấy khen of 2023 as well.
  expectProblem(assert, await nominate('lienminh', state.G, d), 409, 'cooperative_id');
  // And A, proposed for the Giấy khen, not for the Bằng khen.
  expectProblem(assert, await nominate('lienminh', state.K, coops.good[0]), 409, 'cooperative_id');
  // Another year is another achievement: A may be nominated for 2022 too.
  const k22 = await users.lienminh.request('/api/v1/award-campaigns', { method: 'POST', json: { year: 2022, level: 'ubnd_bang_khen', quota: 5 } });
  assert.equal(k22.status, 201, k22.text);
  state.K22 = k22.body.id;
  const other = await nominate('lienminh', state.K22, coops.good[0], 'Thành tích năm 2022');
  assert.equal(other.status, 201, other.text);
  assert.equal(other.body.year, 2022);
  // A rejected nomination no longer counts: once D is rejected for the Bằng khen it may be
  // proposed for the Giấy khen.
  const rejected = await review('ubnd', state.nD_K, 'reject', 'Chưa đủ thành tích cho Bằng khen');
  assert.equal(rejected.status, 200, rejected.text);
  assert.equal(rejected.body.status, 'rejected');
  assert.equal(rejected.body.review_reason, 'Chưa đủ thành tích cho Bằng khen');
  const inG = await nominate('lienminh', state.G, d);
  assert.equal(inG.status, 201, inG.text);
  state.nD = inG.body.id;
  assert.equal((await campaignOf(state.G)).nominated, 2);
});

test('nominations: the quota counts the proposals not rejected', async () => {
  // G has A and D: its quota of 2 is reached.
  expectProblem(assert, await nominate('lienminh', state.G, coops.good[4]), 409, 'campaign');
  const g = await campaignOf(state.G);
  assert.equal(g.nominated, 2);
  assert.equal(g.nominations.length, 2);
});

test('review: a Giấy khen is reviewed by the alliance only; a Bằng khen by the leader only', async () => {
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await review(u, state.nA, 'accept'), 403);
  expectProblem(assert, await server.request(`/api/v1/nominations/${state.nA}/review`, { method: 'POST', json: { decision: 'accept' } }), 401);
  // The Bằng khen nomination of D: the alliance may not review it.
  expectProblem(assert, await review('lienminh', state.nD_K, 'accept'), 403);
  expectProblem(assert, await review('lienminh', 999999, 'accept'), 404);
  const g = await campaignOf(state.G);
  assert.ok(g.nominations.every((n) => n.status === 'proposed'), 'nothing was reviewed');
});

test('review: a rejection needs a reason; the decision is accept or reject', async () => {
  expectProblem(assert, await review('lienminh', state.nA, 'reject'), 422, 'reason');
  expectProblem(assert, await review('lienminh', state.nA, 'reject', ''), 422, 'reason');
  expectProblem(assert, await review('lienminh', state.nA, 'maybe'), 422, 'decision');
  const g = await campaignOf(state.G);
  assert.equal(g.nominations.find((n) => n.id === state.nA).status, 'proposed');
});

test('decision: refused while nothing is accepted', async () => {
  expectProblem(assert, await decide('lienminh', state.G), 409, 'campaign');
  const g = await campaignOf(state.G);
  assert.equal(g.status, 'open');
  assert.equal(g.decision_no, null);
});

test('review: accepting beyond the quota is a conflict', async () => {
  const a = await review('lienminh', state.nA, 'accept');
  assert.equal(a.status, 200, a.text);
  assert.equal(a.body.status, 'accepted');
  // D is rejected, which frees a place for C.
  const d = await review('lienminh', state.nD, 'reject', 'Hồ sơ chưa đầy đủ');
  assert.equal(d.status, 200, d.text);
  assert.equal(d.body.status, 'rejected');
  const c = await nominate('lienminh', state.G, coops.good[5]);
  assert.equal(c.status, 201, c.text);
  state.nC = c.body.id;
  const acceptC = await review('lienminh', state.nC, 'accept');
  assert.equal(acceptC.status, 200, acceptC.text);
  let g = await campaignOf(state.G);
  assert.equal(g.accepted, 2);
  // Two accepted = the quota: D cannot be accepted on second thought.
  expectProblem(assert, await review('lienminh', state.nD, 'accept'), 409, 'decision');
  g = await campaignOf(state.G);
  assert.equal(g.accepted, 2);
  assert.equal(g.nominations.find((n) => n.id === state.nD).status, 'rejected');
  // Accepting an accepted one again is not "beyond" the quota.
  const again = await review('lienminh', state.nA, 'accept');
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.status, 'accepted');
});

test('decision: by the right chairman, with a valid number and a past date', async () => {
  // A Giấy khen is decided by the alliance, not the leader; a Bằng khen by the leader.
  expectProblem(assert, await decide('ubnd', state.G), 403);
  expectProblem(assert, await decide('so-congthuong', state.G), 403);
  expectProblem(assert, await decide('htx-taihoan', state.G), 403);
  expectProblem(assert, await decide('lienminh', state.K, { decision_no: '12/QĐ-UBND' }), 403);
  expectProblem(assert, await server.request(`/api/v1/award-campaigns/${state.G}/decision`, { method: 'POST', json: { decision_no: '67/QĐ-LMHTX', decided_on: '2024-03-15', signer: 'X' } }), 401);

  expectProblem(assert, await decide('lienminh', state.G, { decision_no: '123-QD' }), 422, 'decision_no');
  expectProblem(assert, await decide('lienminh', state.G, { decision_no: '123/QD-LMHTX' }), 422, 'decision_no');
  expectProblem(assert, await decide('lienminh', state.G, { decision_no: '123/QĐ-lmhtx' }), 422, 'decision_no');
  expectProblem(assert, await decide('lienminh', state.G, { decided_on: isoDay(2) }), 422, 'decided_on');
  expectProblem(assert, await decide('lienminh', state.G, { decided_on: '2024-02-30' }), 422, 'decided_on');
  expectProblem(assert, await decide('lienminh', state.G, { signer: '' }), 422, 'signer');
  const g = await campaignOf(state.G);
  assert.equal(g.status, 'open', 'nothing was decided by the refused requests');
  assert.equal(g.accepted, 2);
  assert.equal(g.awarded, 0);
  assert.equal((await server.request('/api/v1/awards?year=2023')).body.total, 0);
});

test('decision: closes the campaign and the accepted ones become awarded', async () => {
  const res = await decide('lienminh', state.G);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.status, 'closed');
  assert.equal(res.body.decision_no, '67/QĐ-LMHTX');
  assert.equal(res.body.decided_on, '2024-03-15');
  assert.equal(res.body.signer, 'Chủ tịch Liên minh Hợp tác xã tỉnh');
  assert.equal(res.body.awarded, 2);
  assert.equal(res.body.accepted, 0);
  const g = await campaignOf(state.G);
  assert.equal(g.status, 'closed');
  const statusOf = (id) => g.nominations.find((n) => n.id === id).status;
  assert.equal(statusOf(state.nA), 'awarded');
  assert.equal(statusOf(state.nC), 'awarded');
  assert.equal(statusOf(state.nD), 'rejected', 'a rejected nomination stays rejected');

  const awards = await server.request('/api/v1/awards?year=2023');
  assert.equal(awards.status, 200);
  assert.deepEqual(awards.body.items.map((n) => n.cooperative.id).sort((x, y) => x - y),
    [coops.good[0], coops.good[5]].sort((x, y) => x - y));
  for (const n of awards.body.items) {
    assert.equal(n.status, 'awarded');
    assert.equal(n.level, 'alliance_giay_khen');
    assert.equal(n.year, 2023);
    assert.equal(n.decision_no, '67/QĐ-LMHTX');
    assert.equal(n.decided_on, '2024-03-15');
  }
  assert.equal((await server.request('/api/v1/awards?year=2023&level=ubnd_bang_khen')).body.total, 0);
  // The demo's 2024 awards are untouched.
  assert.equal((await server.request('/api/v1/awards?year=2024')).body.total, 24);
});

test('a closed campaign: no second decision, no new nomination, no review', async () => {
  expectProblem(assert, await decide('lienminh', state.G, { decision_no: '68/QĐ-LMHTX' }), 409, 'campaign');
  expectProblem(assert, await nominate('lienminh', state.G, coops.good[6]), 409, 'campaign');
  expectProblem(assert, await review('lienminh', state.nD, 'accept'), 409);
  expectProblem(assert, await review('lienminh', state.nA, 'reject', 'Đổi ý'), 409);
  const g = await campaignOf(state.G);
  assert.equal(g.decision_no, '67/QĐ-LMHTX');
  assert.equal(g.awarded, 2);
  assert.equal(g.nominations.length, 3);
  // The demo's closed campaigns too.
  const demo = (await users.lienminh.request('/api/v1/award-campaigns?year=2024')).body.items
    .find((k) => k.level === 'alliance_giay_khen');
  expectProblem(assert, await nominate('lienminh', demo.id, coops.good[6]), 409, 'campaign');
});

test('a Bằng khen is reviewed and decided by the leader', async () => {
  const f = coops.good[7];
  const n = await nominate('lienminh', state.K, f, 'Thành tích xuất sắc năm 2023');
  assert.equal(n.status, 201, n.text);
  expectProblem(assert, await review('lienminh', n.body.id, 'accept'), 403);
  const accepted = await review('ubnd', n.body.id, 'accept');
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.body.status, 'accepted');
  const res = await decide('ubnd', state.K, { decision_no: '12/QĐ-UBND', decided_on: '2024-04-01', signer: 'Chủ tịch UBND tỉnh' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.status, 'closed');
  const awards = await server.request('/api/v1/awards?year=2023&level=ubnd_bang_khen');
  assert.deepEqual(awards.body.items.map((x) => x.cooperative.id), [f]);
  assert.equal(awards.body.items[0].decision_no, '12/QĐ-UBND');
  assert.equal((await server.request('/api/v1/awards?year=2023')).body.total, 3);
});

test('one achievement, one award holds when a rejected nomination is accepted again', async () => {
  // X is proposed for a 2022 Giấy khen, rejected there, then proposed for the 2022 Bằng khen.
  // Accepting X again for the Giấy khen would give it two awards for 2022.
  const g22 = await users.lienminh.request('/api/v1/award-campaigns', { method: 'POST', json: { year: 2022, level: 'alliance_giay_khen', quota: 5 } });
  assert.equal(g22.status, 201, g22.text);
  const good22 = await users.lienminh.request('/api/v1/cooperatives?year=2022&classification=tot&per_page=200');
  const taken = new Set(coops.good.slice(0, 1));
  const x = good22.body.items.map((c) => c.id).find((id) => !taken.has(id) && id !== coops.good[coops.good.length - 1]);
  assert.ok(x);
  const first = await nominate('lienminh', g22.body.id, x, 'Thành tích năm 2022');
  assert.equal(first.status, 201, first.text);
  assert.equal((await review('lienminh', first.body.id, 'reject', 'Chuyển đề nghị Bằng khen')).status, 200);
  const second = await nominate('lienminh', state.K22, x, 'Thành tích năm 2022');
  assert.equal(second.status, 201, second.text);
  expectProblem(assert, await review('lienminh', first.body.id, 'accept'), 409);
  const k = await campaignOf(g22.body.id);
  assert.equal(k.nominations.find((n) => n.id === first.body.id).status, 'rejected');
});
