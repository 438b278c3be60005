// The register: list, search, filters, create, edit, yearly figures, products, contracts,
// and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
const users = {};
const KIEN_TRUC_XANH = 1;
const TAI_HOAN = 2;
before(async () => {
  server = await startServer();
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan', 'htx-kientrucxanh'])
    users[u] = await server.as(u);
});
after(async () => { await server.stop(); server.cleanup(); });

const valid = (over = {}) => ({
  kind: 'htx',
  name: 'Hợp tác xã Miến dong Côn Minh',
  registration_code: '4701234567',
  commune_code: '02173',
  commune_as_of: '2024-12-31',
  address: 'Thôn Nà Cà, xã Côn Minh, huyện Na Rì',
  sectors: ['industry_handicraft', 'agriculture'],
  founded_on: '2021-03-15',
  charter_capital_vnd: 800000000,
  representative: { name: 'Lường Văn Sơn', title: 'Giám đốc', phone: '0987654321', email: 'conminh@example.vn' },
  ...over,
});

test('the demo register holds 455 cooperatives, readable without signing in', async () => {
  const res = await server.request('/api/v1/cooperatives');
  assert.equal(res.status, 200);
  assert.equal(res.body.total, 455);
  assert.equal(res.body.page, 1);
  assert.equal(res.body.per_page, 20);
  assert.equal(res.body.items.length, 20);
  // Public fields only: no phone or e-mail of the representative.
  for (const c of res.body.items) {
    assert.equal(c.representative.phone, undefined);
    assert.equal(c.representative.email, undefined);
  }
});

test('search ignores diacritics: "tai hoan" finds HTX Tài Hoan, "cho don" finds Chợ Đồn', async () => {
  const taiHoan = await server.request('/api/v1/cooperatives?q=tai%20hoan');
  assert.equal(taiHoan.body.total, 1);
  assert.equal(taiHoan.body.items[0].name, 'Hợp tác xã Tài Hoan');
  assert.equal(taiHoan.body.items[0].district.name, 'Huyện Na Rì');
  const choDon = await server.request('/api/v1/cooperatives?q=cho%20don&per_page=200');
  assert.ok(choDon.body.total >= 83, `${choDon.body.total}`);  // the district's name too
  assert.ok(choDon.body.items.some((c) => c.name === 'Hợp tác xã Kiến trúc xanh'));
  const accented = await server.request(`/api/v1/cooperatives?q=${encodeURIComponent('Kiến trúc XANH')}`);
  assert.equal(accented.body.items[0].id, KIEN_TRUC_XANH);
  const byCode = await server.request('/api/v1/cooperatives?q=4700100002');
  assert.equal(byCode.body.items[0].id, TAI_HOAN);
});

test('filters: kind, district, commune (old or new code), sector, status, classification, year', async () => {
  const all = await server.request('/api/v1/cooperatives?per_page=1');
  const byKind = {};
  for (const kind of ['tht', 'htx', 'lhhtx']) {
    const res = await server.request(`/api/v1/cooperatives?kind=${kind}&per_page=200`);
    byKind[kind] = res.body.total;
    assert.ok(res.body.items.every((c) => c.kind === kind));
  }
  assert.equal(byKind.tht + byKind.htx + byKind.lhhtx, all.body.total);
  assert.ok(byKind.tht > 0 && byKind.lhhtx > 0);

  const naRi = await server.request('/api/v1/cooperatives?district=066&per_page=200');
  assert.ok(naRi.body.total > 0 && naRi.body.items.every((c) => c.district.code === '066'));
  const xuanLac = await server.request('/api/v1/cooperatives?commune=02023');
  assert.ok(xuanLac.body.items.some((c) => c.id === KIEN_TRUC_XANH));
  // After the reform Xuân Lạc is part of Nam Cường (02026): the new code finds it too.
  const namCuong = await server.request('/api/v1/cooperatives?commune=02026');
  assert.ok(namCuong.body.items.some((c) => c.id === KIEN_TRUC_XANH));
  assert.ok(namCuong.body.total >= xuanLac.body.total);

  const transport = await server.request('/api/v1/cooperatives?sector=transport&per_page=200');
  assert.ok(transport.body.total > 0 && transport.body.items.every((c) => c.sectors.includes('transport')));
  const active = await server.request('/api/v1/cooperatives?status=active&per_page=1');
  assert.equal(active.body.total, 455);
  const good = await server.request('/api/v1/cooperatives?classification=tot&year=2024&per_page=200');
  assert.ok(good.body.total > 0 && good.body.items.every((c) => c.latest_figures.classification === 'tot' && c.latest_figures.year === 2024));
  const y2023 = await server.request('/api/v1/cooperatives?year=2023&per_page=1');
  assert.ok(y2023.body.total < 455, 'the cooperatives founded in 2024 have no 2023 figures');
});

test('pagination and sorting', async () => {
  const p1 = await server.request('/api/v1/cooperatives?per_page=50&page=1&sort=id');
  const p2 = await server.request('/api/v1/cooperatives?per_page=50&page=2&sort=id');
  assert.equal(p1.body.items.length, 50);
  assert.equal(p2.body.items[0].id, p1.body.items[49].id + 1);
  const last = await server.request('/api/v1/cooperatives?per_page=50&page=10');
  assert.equal(last.body.items.length, 5);
  expectProblem(assert, await server.request('/api/v1/cooperatives?per_page=50&page=11'), 400, 'page');
  expectProblem(assert, await server.request('/api/v1/cooperatives?per_page=500'), 400, 'per_page');
  expectProblem(assert, await server.request('/api/v1/cooperatives?sort=colour'), 400, 'sort');
  expectProblem(assert, await server.request('/api/v1/cooperatives?kind=company'), 400, 'kind');
  expectProblem(assert, await server.request('/api/v1/cooperatives?sector=mining'), 400, 'sector');
  const desc = await server.request('/api/v1/cooperatives?sort=-id&per_page=2');
  assert.ok(desc.body.items[0].id > desc.body.items[1].id);
  // Vietnamese collation: "Hợp tác xã Ánh ..." would sort with A, not after Z.
  const byName = await server.request('/api/v1/cooperatives?sort=name&per_page=200&kind=htx');
  const names = byName.body.items.map((c) => c.name);
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'vi'));
  assert.deepEqual(names, sorted);
});

test('a cooperative\'s page: public fields for the public, everything for staff and its own representative', async () => {
  const pub = await server.request(`/api/v1/cooperatives/${TAI_HOAN}`);
  assert.equal(pub.status, 200);
  assert.match(pub.headers.get('etag'), /^"\d+"$/);
  assert.equal(pub.body.representative.phone, undefined);
  assert.equal(pub.body.commune.code, '02155');
  assert.equal(pub.body.commune.valid_to, '2025-06-30');
  assert.ok(pub.body.current_communes.length >= 1);
  const own = await users['htx-taihoan'].request(`/api/v1/cooperatives/${TAI_HOAN}`);
  assert.ok(own.body.representative.phone);
  const other = await users['htx-kientrucxanh'].request(`/api/v1/cooperatives/${TAI_HOAN}`);
  assert.equal(other.body.representative.phone, undefined);
  const staff = await users['so-congthuong'].request(`/api/v1/cooperatives/${TAI_HOAN}`);
  assert.ok(staff.body.representative.phone);
  expectProblem(assert, await server.request('/api/v1/cooperatives/999999'), 404);
  expectProblem(assert, await server.request('/api/v1/cooperatives/abc'), 404);
});

test('create: the Alliance and the admin may; others get 401 or 403', async () => {
  expectProblem(assert, await server.request('/api/v1/cooperatives', { method: 'POST', json: valid() }), 401);
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await users[u].request('/api/v1/cooperatives', { method: 'POST', json: valid() }), 403);
  const res = await users.lienminh.request('/api/v1/cooperatives', { method: 'POST', json: valid() });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get('location'), `/api/v1/cooperatives/${res.body.id}`);
  assert.equal(res.body.name, 'Hợp tác xã Miến dong Côn Minh');
  assert.equal(res.body.district.code, '066');
  assert.deepEqual(res.body.sectors, ['industry_handicraft', 'agriculture']);
  const byAdmin = await users.admin.request('/api/v1/cooperatives', { method: 'POST', json: valid({ name: 'Hợp tác xã Nông nghiệp Mới', registration_code: '4701234568', commune_code: '02176', commune_as_of: undefined }) });
  assert.equal(byAdmin.status, 201, byAdmin.text);
  assert.equal(byAdmin.body.district, null, 'after the reform a commune has no district');
  assert.equal(byAdmin.body.province.code, '19');
  const found = await server.request('/api/v1/cooperatives?q=mien%20dong%20con%20minh');
  assert.equal(found.body.total, 1);
});

test('create: every rule of the register is checked and nothing is written', async () => {
  const before = (await server.request('/api/v1/cooperatives?per_page=1')).body.total;
  const post = (body) => users.lienminh.request('/api/v1/cooperatives', { method: 'POST', json: body });
  expectProblem(assert, await post(valid({ kind: 'company' })), 422, 'kind');
  expectProblem(assert, await post(valid({ name: 'Công ty Miến dong' })), 422, 'name');
  expectProblem(assert, await post(valid({ kind: 'lhhtx', name: 'Hợp tác xã X' })), 422, 'name');
  expectProblem(assert, await post(valid({ kind: 'tht', name: 'Hợp tác xã X', registration_code: undefined })), 422, 'name');
  expectProblem(assert, await post(valid({ registration_code: '12345' })), 422, 'registration_code');
  expectProblem(assert, await post(valid({ registration_code: '47012345AB' })), 422, 'registration_code');
  expectProblem(assert, await post(valid({ registration_code: '4700100002' })), 422, 'registration_code');
  expectProblem(assert, await post(valid({ commune_code: '99999' })), 422, 'commune_code');
  // Xã Côn Minh (02173) no longer exists after 01/07/2025.
  expectProblem(assert, await post(valid({ commune_as_of: '2025-08-01' })), 422, 'commune_code');
  expectProblem(assert, await post(valid({ sectors: ['mining'] })), 422, 'sectors');
  expectProblem(assert, await post(valid({ sectors: [] })), 422, 'sectors');
  expectProblem(assert, await post(valid({ charter_capital_vnd: -1 })), 422, 'charter_capital_vnd');
  expectProblem(assert, await post(valid({ charter_capital_vnd: '1000' })), 422, 'charter_capital_vnd');
  expectProblem(assert, await post(valid({ founded_on: '2021-02-30' })), 422, 'founded_on');
  expectProblem(assert, await post(valid({ founded_on: '2099-01-01' })), 422, 'founded_on');
  expectProblem(assert, await post(valid({ status: 'sleeping' })), 422, 'status');
  expectProblem(assert, await post(valid({ name: 'Hợp tác xã ' + 'x'.repeat(300) })), 422, 'name');
  expectProblem(assert, await post(valid({ colour: 'green' })), 422, 'colour');
  expectProblem(assert, await post(valid({ representative: { name: 'A', email: 'not-an-email' } })), 422, 'representative.email');
  expectProblem(assert, await post(valid({ representative: { nickname: 'A' } })), 422, 'representative.nickname');
  expectProblem(assert, await post({}), 422, 'name');
  const after = (await server.request('/api/v1/cooperatives?per_page=1')).body.total;
  assert.equal(after, before);
});

test('edit: the Alliance edits the record; If-Match guards against lost updates', async () => {
  const current = await users.lienminh.request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`);
  const etag = current.headers.get('etag');
  const res = await users.lienminh.request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`, {
    method: 'PATCH', json: { charter_capital_vnd: 1800000000 }, headers: { 'if-match': etag },
  });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.charter_capital_vnd, 1800000000);
  assert.notEqual(res.headers.get('etag'), etag);
  const stale = await users.lienminh.request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`, {
    method: 'PATCH', json: { charter_capital_vnd: 1 }, headers: { 'if-match': etag },
  });
  expectProblem(assert, stale, 412);
  const read = await server.request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`);
  assert.equal(read.body.charter_capital_vnd, 1800000000);
  expectProblem(assert, await users.lienminh.request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`, { method: 'PATCH', json: { registration_code: 'abc' } }), 422, 'registration_code');
  expectProblem(assert, await users.lienminh.request('/api/v1/cooperatives/999999', { method: 'PATCH', json: { address: 'x' } }), 404);
});

test('edit: a cooperative keeps its own contact details only; others are refused', async () => {
  const own = await users['htx-kientrucxanh'].request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`, {
    method: 'PATCH', json: { representative: { name: 'Hoàng Văn Thắng', title: 'Giám đốc', phone: '0912000111', email: '' } },
  });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.body.representative.phone, '0912000111');
  expectProblem(assert, await users['htx-kientrucxanh'].request(`/api/v1/cooperatives/${KIEN_TRUC_XANH}`, { method: 'PATCH', json: { name: 'Hợp tác xã Khác' } }), 403, 'name');
  expectProblem(assert, await users['htx-kientrucxanh'].request(`/api/v1/cooperatives/${TAI_HOAN}`, { method: 'PATCH', json: { address: 'x' } }), 403);
  for (const u of ['ubnd', 'so-congthuong'])
    expectProblem(assert, await users[u].request(`/api/v1/cooperatives/${TAI_HOAN}`, { method: 'PATCH', json: { address: 'x' } }), 403);
  expectProblem(assert, await server.request(`/api/v1/cooperatives/${TAI_HOAN}`, { method: 'PATCH', json: { address: 'x' } }), 401);
});

const year = (over = {}) => ({
  members_official: 12, members_associate: 3, workers: 20, revenue_vnd: 3500000000,
  profit_vnd: 210000000, avg_income_vnd: 62000000, classification: 'kha', ...over,
});

test('yearly figures: read by signed-in users, written by the Alliance, the admin and the cooperative itself', async () => {
  expectProblem(assert, await server.request(`/api/v1/cooperatives/${TAI_HOAN}/years`), 401);
  const list = await users.ubnd.request(`/api/v1/cooperatives/${TAI_HOAN}/years`);
  assert.equal(list.status, 200);
  // HTX Tài Hoan was founded in 2016: the demo has its figures for 2021 to 2024, newest first.
  assert.deepEqual(list.body.items.map((y) => y.year), [2024, 2023, 2022, 2021]);
  const created = await users['htx-taihoan'].request(`/api/v1/cooperatives/${TAI_HOAN}/years/2025`, { method: 'PUT', json: year() });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.members_official, 12);
  const replaced = await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/years/2025`, { method: 'PUT', json: year({ workers: 25 }) });
  assert.equal(replaced.status, 200);
  assert.equal(replaced.body.workers, 25);
  // A loss is a negative profit, which is allowed.
  assert.equal((await users.admin.request(`/api/v1/cooperatives/${TAI_HOAN}/years/2025`, { method: 'PUT', json: year({ profit_vnd: -5000000 }) })).status, 200);
  for (const u of ['ubnd', 'so-congthuong', 'htx-kientrucxanh'])
    expectProblem(assert, await users[u].request(`/api/v1/cooperatives/${TAI_HOAN}/years/2025`, { method: 'PUT', json: year() }), 403);
  expectProblem(assert, await server.request(`/api/v1/cooperatives/${TAI_HOAN}/years/2025`, { method: 'PUT', json: year() }), 401);
});

test('yearly figures: bad input is refused naming the field', async () => {
  const put = (y, body) => users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/years/${y}`, { method: 'PUT', json: body });
  expectProblem(assert, await put(2025, year({ members_official: 4 })), 422, 'members_official');
  expectProblem(assert, await put(2025, year({ members_official: -1 })), 422, 'members_official');
  expectProblem(assert, await put(2025, year({ revenue_vnd: -1 })), 422, 'revenue_vnd');
  expectProblem(assert, await put(2025, year({ workers: 1.5 })), 422, 'workers');
  expectProblem(assert, await put(2025, year({ classification: 'excellent' })), 422, 'classification');
  expectProblem(assert, await put(2025, year({ classification: 'tot', classification_score: 60 })), 422, 'classification');
  expectProblem(assert, await put(1999, year()), 422, 'year');
  expectProblem(assert, await put(2090, year()), 422, 'year');
  expectProblem(assert, await put('20x5', year()), 422, 'year');
  const fromScore = await put(2025, year({ classification: undefined, classification_score: 83 }));
  assert.equal(fromScore.body.classification, 'tot');
});

const product = (over = {}) => ({ name: 'Miến dong Tài Hoan loại đặc biệt', group: 'food', stars: 4, score: 75, decision_no: '1234/QĐ-UBND', decided_on: '2024-11-20', ...over });

test('OCOP products: public list; the certificate expires 36 months after the decision', async () => {
  const list = await server.request(`/api/v1/cooperatives/${TAI_HOAN}/products`);
  assert.equal(list.status, 200);
  assert.ok(list.body.items.some((p) => p.name === 'Miến dong Tài Hoan' && p.stars === 4));
  const created = await users['htx-taihoan'].request(`/api/v1/cooperatives/${TAI_HOAN}/products`, { method: 'POST', json: product() });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.expires_on, '2027-11-20');
  const pid = created.body.id;
  const patched = await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/products/${pid}`, { method: 'PATCH', json: { stars: 5, score: 91, decided_on: '2025-02-28' } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.body.expires_on, '2028-02-28');
  expectProblem(assert, await users['htx-kientrucxanh'].request(`/api/v1/cooperatives/${TAI_HOAN}/products/${pid}`, { method: 'DELETE' }), 403);
  assert.equal((await users['htx-taihoan'].request(`/api/v1/cooperatives/${TAI_HOAN}/products/${pid}`, { method: 'DELETE' })).status, 204);
  expectProblem(assert, await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/products/${pid}`, { method: 'DELETE' }), 404);
});

test('OCOP products: star bands, groups and roles', async () => {
  const post = (who, body) => users[who].request(`/api/v1/cooperatives/${TAI_HOAN}/products`, { method: 'POST', json: body });
  expectProblem(assert, await post('lienminh', product({ stars: 2 })), 422, 'stars');
  expectProblem(assert, await post('lienminh', product({ stars: 6 })), 422, 'stars');
  expectProblem(assert, await post('lienminh', product({ stars: 3, score: 75 })), 422, 'score');
  expectProblem(assert, await post('lienminh', product({ group: 'textiles' })), 422, 'group');
  expectProblem(assert, await post('lienminh', product({ decided_on: '2099-01-01' })), 422, 'decided_on');
  expectProblem(assert, await post('lienminh', product({ name: undefined })), 422, 'name');
  for (const u of ['ubnd', 'so-congthuong', 'htx-kientrucxanh']) expectProblem(assert, await post(u, product()), 403);
  expectProblem(assert, await server.request(`/api/v1/cooperatives/${TAI_HOAN}/products`, { method: 'POST', json: product() }), 401);
});

test('offtake contracts: signed-in users read, the register\'s keepers write', async () => {
  expectProblem(assert, await server.request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`), 401);
  const list = await users['so-congthuong'].request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`);
  assert.ok(list.body.items.some((k) => k.partner === 'Công ty CP Thực phẩm Bắc Kạn'));
  const contract = { partner: 'Công ty TNHH Miến Việt', product: 'Miến dong', volume: '30 tấn/năm', valid_from: '2025-01-01', valid_to: '2027-12-31' };
  const created = await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`, { method: 'POST', json: contract });
  assert.equal(created.status, 201, created.text);
  expectProblem(assert, await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`, { method: 'POST', json: { ...contract, valid_to: '2024-01-01' } }), 422, 'valid_to');
  expectProblem(assert, await users.lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`, { method: 'POST', json: { ...contract, partner: undefined } }), 422, 'partner');
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan'])
    expectProblem(assert, await users[u].request(`/api/v1/cooperatives/${TAI_HOAN}/contracts`, { method: 'POST', json: contract }), 403);
});
