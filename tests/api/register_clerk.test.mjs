// The register as a clerk uses it: search by commune and district before and after the
// reform, import and export in Vietnamese, every form error at once, expired OCOP marks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server;
let lienminh;
let coop;
before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
  coop = await server.as('htx-taihoan');
});
after(async () => { await server.stop(); server.cleanup(); });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ids = async (query) => {
  const out = new Set();
  for (let page = 1; ; page++) {
    const res = await server.request(`/api/v1/cooperatives?per_page=200&page=${page}&${query}`);
    assert.equal(res.status, 200, res.text);
    for (const c of res.body.items) out.add(c.id);
    if (page * 200 >= res.body.total) return out;
  }
};

test('"cho don" finds every cooperative of Huyện Chợ Đồn, with or without diacritics', async () => {
  const district = await ids('district=064');
  assert.ok(district.size > 50, `${district.size}`);
  for (const q of ['cho%20don', encodeURIComponent('Chợ Đồn'), encodeURIComponent('HUYỆN CHỢ ĐỒN')]) {
    const found = await ids(`q=${q}`);
    for (const id of district) assert.ok(found.has(id), `${q}: cooperative ${id} of Chợ Đồn not found`);
  }
});

test('a cooperative in an old commune is found by the name of the new commune it became', async () => {
  const all = (await server.request('/api/v1/cooperatives?district=064&per_page=50')).body.items;
  const moved = all.filter((c) => c.current_communes.length && c.current_communes[0].name !== c.commune.name);
  assert.ok(moved.length > 0);
  for (const c of moved.slice(0, 5)) {
    const name = c.current_communes[0].name;
    const found = await ids(`q=${encodeURIComponent(name)}`);
    assert.ok(found.has(c.id), `${c.name} (${c.commune.name}) not found by ${name}`);
  }
});

test('the search text follows an edit of the commune', async () => {
  const before = await ids('q=cho%20don');
  const created = await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: {
    kind: 'htx', name: 'Hợp tác xã Tìm Theo Huyện', registration_code: '4709990001', commune_code: '02155',
    commune_as_of: '2024-06-01', address: 'Thôn Nà Deng', sectors: ['agriculture'] } });
  assert.equal(created.status, 201, created.text);
  assert.ok(!(await ids('q=cho%20don')).has(created.body.id));
  assert.ok((await ids(`q=${encodeURIComponent(created.body.district.name)}`)).has(created.body.id));
  const moved = await lienminh.request(`/api/v1/cooperatives/${created.body.id}`, { method: 'PATCH', json: { commune_code: '02023', commune_as_of: '2024-06-01' } });
  assert.equal(moved.status, 200, moved.text);
  const after = await ids('q=cho%20don');
  assert.ok(after.has(created.body.id));
  assert.equal(after.size, before.size + 1);
});

const VI_HEADER = 'Loại hình,Tên hợp tác xã,Mã số hợp tác xã,Xã/phường,Xã/phường tại ngày,Địa chỉ trụ sở,Ngành, lĩnh vực,Ngày thành lập,Vốn điều lệ (đồng),Tình trạng';
const viHeader = () => VI_HEADER.replace('Ngành, lĩnh vực', '"Ngành, lĩnh vực"');
const importCsv = (body, query = '?dry_run=1') => lienminh.request(`/api/v1/cooperatives/import${query}`, { method: 'POST', body, headers: { 'content-type': 'text/csv' } });
const row = (over = {}) => {
  const v = { kind: 'htx', name: 'Hợp tác xã Tiếng Việt', code: '4708880001', commune: '02155', asOf: '01/06/2024', address: 'Thôn Pác Cáp', sectors: 'agriculture', founded: '15/03/2021', capital: '"1.000.000"', status: 'active', ...over };
  return [v.kind, v.name, v.code, v.commune, v.asOf, v.address, v.sectors, v.founded, v.capital, v.status].join(',');
};

test('an import with Vietnamese headers, dd/mm/yyyy dates and 1.000.000 amounts writes the rows', async () => {
  const file = `${viHeader().toUpperCase()}\r\n${row()}\r\n${row({ name: 'Hợp tác xã Hai', code: '4708880002', capital: '1 000 000 000', founded: '2020-01-02', kind: 'Hợp tác xã', status: 'Đang hoạt động', sectors: '"Nông, lâm, ngư nghiệp"' })}\r\n`;
  const res = await importCsv(file, '');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.created, 2);
  const one = (await server.request('/api/v1/cooperatives?q=4708880001')).body.items[0];
  assert.equal(one.founded_on, '2021-03-15');
  const two = (await server.request('/api/v1/cooperatives?q=4708880002')).body.items[0];
  assert.equal(two.founded_on, '2020-01-02');
  assert.deepEqual(two.sectors, ['agriculture']);
  assert.equal(two.status, 'active');
  const full = await lienminh.request(`/api/v1/cooperatives/${one.id}`);
  assert.equal(full.body.charter_capital_vnd, 1000000);
  assert.equal((await lienminh.request(`/api/v1/cooperatives/${two.id}`)).body.charter_capital_vnd, 1000000000);
});

test('every bad cell of a row is named at once, by line and by its Vietnamese column', async () => {
  const bad = row({ code: '123', founded: '31/02/2025', capital: '"1.000.000.000.000.000.000.000"', sectors: 'mining' });
  const res = await importCsv(`${viHeader()}\r\n${row({ code: '4708880010' })}\r\n${bad}\r\n`);
  assert.equal(res.status, 200, res.text);
  const at3 = res.body.errors.filter((e) => e.line === 3);
  const columns = at3.map((e) => e.column).sort();
  assert.deepEqual(columns, ['Mã số hợp tác xã', 'Ngành, lĩnh vực', 'Ngày thành lập', 'Vốn điều lệ (đồng)'].sort(), JSON.stringify(at3));
  assert.ok(!res.body.errors.some((e) => e.line === 2));
});

test('hostile amounts and dates are refused by their column; nothing is written', async () => {
  const total = (await server.request('/api/v1/cooperatives?per_page=1')).body.total;
  for (const capital of ['"1,5"', '-0', '"1.000.000.000.000.000.000.000"', '1.5', '"1.000 000"', '=1+1', '"=HYPERLINK(""x"")"', '1e3']) {
    const res = await importCsv(`${viHeader()}\r\n${row({ capital, code: '4708880020' })}\r\n`, '');
    assert.equal(res.status, 422, `${capital}: ${res.text}`);
    assert.deepEqual(res.body.errors.map((e) => [e.line, e.field, e.column]), [[2, 'charter_capital_vnd', 'Vốn điều lệ (đồng)']], capital);
  }
  for (const founded of ['31/02/2025', '29/02/2025', '00/12/2020', '15/13/2020', '15/03/21', '=TODAY()']) {
    const res = await importCsv(`${viHeader()}\r\n${row({ founded, code: '4708880021' })}\r\n`, '');
    assert.equal(res.status, 422, `${founded}: ${res.text}`);
    assert.deepEqual(res.body.errors.map((e) => e.field), ['founded_on'], founded);
  }
  assert.equal((await server.request('/api/v1/cooperatives?per_page=1')).body.total, total);
});

test('a header row of 10,000 columns is refused as a whole, naming columns, without a crash', async () => {
  const wide = viHeader() + ',' + Array.from({ length: 10000 }, (_, i) => `Cột lạ ${i}`).join(',');
  expectProblem(assert, await importCsv(`${wide}\r\n${row()}\r\n`), 422, 'line 1');
  const header = viHeader() + ',' + Array.from({ length: 900 }, (_, i) => `Cột lạ ${i}`).join(',');
  const res = await importCsv(`${header}\r\n${row()}\r\n`);
  expectProblem(assert, res, 422, 'header');
  assert.ok(res.body.errors.length <= 1000);
  assert.match(res.body.errors[0].message, /Cột 11/);
  const repeated = await importCsv(`${viHeader()},tên HỢP TÁC  xã\r\n${row()},x\r\n`);
  expectProblem(assert, repeated, 422, 'header');
  assert.match(repeated.text, /lặp/);
  const missing = await importCsv('Tên hợp tác xã\r\nHợp tác xã A\r\n');
  expectProblem(assert, missing, 422, 'header');
  assert.match(missing.text, /Loại hình/);
});

test('the template is an XLSX with the Vietnamese headers, an example row and the allowed values; it imports', async () => {
  const res = await server.request('/api/v1/cooperatives/import/template');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), XLSX);
  assert.match(res.headers.get('content-disposition'), /attachment/);
  assert.ok(res.buffer.includes('xl/worksheets/sheet2.xml'), 'a sheet of allowed values');
  const again = await lienminh.request('/api/v1/cooperatives/import?dry_run=1', { method: 'POST', body: res.buffer, headers: { 'content-type': XLSX } });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.rows, 1);
  assert.deepEqual(again.body.errors, []);
});

test('the export has the Vietnamese headers and dd/mm/yyyy dates, and re-imports', async () => {
  const res = await lienminh.request('/api/v1/cooperatives/export?q=tai%20hoan');
  assert.equal(res.status, 200);
  const [header, line] = res.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.ok(header.startsWith('Loại hình,Tên hợp tác xã,Mã số hợp tác xã,'), header);
  assert.match(line, /,\d\d\/\d\d\/\d{4},/);
  const again = await importCsv(res.text);
  assert.equal(again.status, 200, again.text);
  assert.deepEqual(again.body.errors.map((e) => [e.line, e.field, e.column]), [[2, 'registration_code', 'Mã số hợp tác xã']]);
});

const editBody = { registration_code: '12AB', charter_capital_vnd: -5, founded_on: '2021-02-30', representative: { name: 'A', title: 'B', phone: '09x12', email: 'not-mail' } };

test('the register\'s edit form gets every field error in one answer, and nothing is saved', async () => {
  const id = 2;
  const before = await lienminh.request(`/api/v1/cooperatives/${id}`);
  const res = await lienminh.request(`/api/v1/cooperatives/${id}`, { method: 'PATCH', json: editBody });
  expectProblem(assert, res, 422);
  const fields = res.body.errors.map((e) => e.field).sort();
  assert.deepEqual(fields, ['charter_capital_vnd', 'founded_on', 'registration_code', 'representative.email', 'representative.phone']);
  const afterwards = await lienminh.request(`/api/v1/cooperatives/${id}`);
  assert.equal(afterwards.body.version, before.body.version);
  assert.equal(afterwards.body.charter_capital_vnd, before.body.charter_capital_vnd);
  const typed = await lienminh.request(`/api/v1/cooperatives/${id}`, { method: 'PATCH', json: { charter_capital_vnd: '1.000', registration_code: '1' } });
  assert.deepEqual(typed.body.errors.map((e) => e.field).sort(), ['charter_capital_vnd', 'registration_code']);
});

test('creating a cooperative reports every wrong and missing field at once', async () => {
  const res = await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: { ...editBody, kind: 'htx', name: 'Công ty X', sectors: [] } });
  expectProblem(assert, res, 422);
  const fields = new Set(res.body.errors.map((e) => e.field));
  for (const f of ['charter_capital_vnd', 'founded_on', 'registration_code', 'representative.email', 'representative.phone', 'name', 'sectors', 'commune_code', 'address'])
    assert.ok(fields.has(f), `${f}: ${JSON.stringify([...fields])}`);
  assert.equal(res.body.errors.filter((e) => e.field === 'charter_capital_vnd').length, 1);
});

test('a new petition reports title, content, categories and cooperative at once', async () => {
  const res = await lienminh.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 0, title: '', content: '', categories: [] } });
  expectProblem(assert, res, 422);
  const fields = new Set(res.body.errors.map((e) => e.field));
  for (const f of ['cooperative_id', 'title', 'content', 'categories']) assert.ok(fields.has(f), `${f}: ${res.text}`);
  const typed = await coop.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: 2, title: 5, content: 'Nội dung', categories: ['no-such'] } });
  expectProblem(assert, typed, 422);
  assert.deepEqual(typed.body.errors.map((e) => e.field).sort(), ['categories', 'title']);
});

test('an OCOP certificate past its 36 months is marked expired, with the date it expired', async () => {
  const created = await lienminh.request('/api/v1/cooperatives/2/products', { method: 'POST', json: { name: 'Miến dong cũ', group: 'food', stars: 3, decision_no: '12/QĐ-UBND', decided_on: '2020-05-04' } });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.expires_on, '2023-05-04');
  assert.equal(created.body.expired, true);
  assert.equal(created.body.valid, false);
  const list = await server.request('/api/v1/cooperatives/2/products');
  const fresh = list.body.items.filter((p) => !p.expired);
  for (const p of fresh) assert.ok(p.expires_on >= new Date().toISOString().slice(0, 10));
  assert.ok(list.body.items.some((p) => p.id === created.body.id && p.expired));
});
