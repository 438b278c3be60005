// Administrative units before and after the 2025 reform, and agencies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); server.cleanup(); });

test('before the reform Bắc Kạn has 8 districts and Na Rì 17 communes', async () => {
  const districts = await server.request('/api/v1/admin-units?level=district&parent=06&as_of=2025-03-01');
  assert.equal(districts.body.total, 8);
  assert.ok(districts.body.items.some((d) => d.code === '064' && d.name === 'Huyện Chợ Đồn'));
  const communes = await server.request('/api/v1/admin-units?level=commune&parent=066&as_of=2024-12-31&per_page=50');
  assert.equal(communes.body.total, 17);
});

test('after the reform there are 34 provinces, no districts, and Thái Nguyên has 92 communes', async () => {
  const provinces = await server.request('/api/v1/admin-units?level=province&as_of=2025-07-01&per_page=100');
  assert.equal(provinces.body.total, 34);
  const districts = await server.request('/api/v1/admin-units?level=district&as_of=2026-01-01');
  assert.equal(districts.body.total, 0);
  const communes = await server.request('/api/v1/admin-units?level=commune&parent=19&as_of=2026-01-01');
  assert.equal(communes.body.total, 92);
});

test('an old commune points to the commune it became: Xuân Lạc 02023 -> Nam Cường 02026', async () => {
  const res = await server.request('/api/v1/admin-units?level=commune&parent=064&as_of=2024-06-01&q=xuan%20lac');
  assert.equal(res.body.total, 1);
  const xuanLac = res.body.items[0];
  assert.equal(xuanLac.code, '02023');
  assert.equal(xuanLac.valid_to, '2025-06-30');
  assert.deepEqual(xuanLac.successor_codes, ['02026']);
});

test('q is diacritic-insensitive: "tran phu" finds Xã Trần Phú', async () => {
  const res = await server.request('/api/v1/admin-units?level=commune&parent=19&q=tran%20phu&as_of=2026-01-01');
  assert.ok(res.body.items.some((u) => u.code === '02176' && u.name === 'Xã Trần Phú'));
});

test('bad filters are 400 naming the parameter', async () => {
  expectProblem(assert, await server.request('/api/v1/admin-units?level=hamlet'), 400, 'level');
  expectProblem(assert, await server.request('/api/v1/admin-units?as_of=2025-13-01'), 400, 'as_of');
  expectProblem(assert, await server.request('/api/v1/admin-units?per_page=0'), 400, 'per_page');
  expectProblem(assert, await server.request('/api/v1/admin-units?colour=red'), 400, 'colour');
  expectProblem(assert, await server.request('/api/v1/admin-units?level=province&page=99'), 400, 'page');
});

test('agencies are data: the departments, the Alliance and, after the reform, the new communes\' committees', async () => {
  const res = await server.request('/api/v1/agencies');
  assert.equal(res.status, 200);
  const codes = res.body.items.map((a) => a.code);
  for (const code of ['ubnd-tinh', 'vp-ubnd', 'lien-minh-htx', 'so-congthuong', 'so-taichinh', 'so-nnmt', 'ubnd-02026'])
    assert.ok(codes.includes(code), code);
  assert.equal(res.body.total, res.body.items.length);
  // The districts were abolished on 1 July 2025: their committees are not offered any more.
  assert.ok(!res.body.items.some((a) => a.kind === 'district'), 'no district committee is active');
  assert.ok(res.body.items.every((a) => a.active && a.retired_on === null));
  const namCuong = res.body.items.find((a) => a.code === 'ubnd-02026');
  assert.equal(namCuong.kind, 'commune');
  assert.equal(namCuong.name, 'Ủy ban nhân dân xã Nam Cường');
  assert.deepEqual(namCuong.commune, { code: '02026', name: 'Xã Nam Cường' });
});

test('with include_retired the district committees are there, retired on 01/07/2025', async () => {
  const all = (await server.request('/api/v1/agencies?include_retired=1')).body.items;
  const districts = all.filter((a) => a.kind === 'district');
  assert.equal(districts.length, 8);
  for (const a of districts) {
    assert.equal(a.active, false, a.code);
    assert.equal(a.retired_on, '2025-07-01', a.code);
    assert.equal(a.merged_into, null);
    assert.equal(a.commune, null);
  }
  assert.ok(districts.some((a) => a.code === 'ubnd-066'));
  expectProblem(assert, await server.request('/api/v1/agencies?include_retired=maybe'), 400, 'include_retired');
});

test('the province as it is named today: Thái Nguyên after the 2025 reform, from the dated letterheads', async () => {
  const res = await server.request('/api/v1/province');
  assert.equal(res.status, 200);
  assert.equal(res.body.name, 'Thái Nguyên');
  assert.equal(res.body.valid_from, '2025-07-01');
  assert.equal(res.body.parent_body, 'UBND TỈNH THÁI NGUYÊN');
  expectProblem(assert, await server.request('/api/v1/province?as_of=2024-01-01'), 400, 'as_of');
});

test('district committees are named as in official use', async () => {
  const names = (await server.request('/api/v1/agencies?include_retired=1')).body.items.filter((a) => a.kind === 'district' || a.kind === 'commune').map((a) => a.name);
  assert.ok(names.includes('Ủy ban nhân dân huyện Pác Nặm'), names.join(', '));
  assert.ok(names.includes('Ủy ban nhân dân thành phố Bắc Kạn'));
  assert.ok(names.includes('Ủy ban nhân dân phường Bắc Kạn'));
  assert.ok(!names.some((n) => /dân Huyện|dân Thành phố|dân Xã|dân Phường/.test(n)));
});
