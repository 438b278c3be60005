// Importing cooperatives from CSV and XLSX (dry run, all or nothing) and exporting the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server, lienminh;
before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
});
after(async () => { await server.stop(); server.cleanup(); });

const HEADER = 'kind,name,registration_code,commune_code,commune_as_of,address,sectors,founded_on,charter_capital_vnd,status,representative_name,representative_title,representative_phone,representative_email';
const good = [
  'htx,Hợp tác xã Chè Bằng Phúc,4702000001,02041,2024-06-01,"Thôn Khuổi Cuồng, xã Bằng Phúc",agriculture;trade_services,2020-05-01,500000000,active,Ma Văn Hùng,Giám đốc,0911111111,',
  'tht,Tổ hợp tác Mây tre đan Yến Lạc,,02155,2024-06-01,Tiểu khu 2,industry_handicraft,2022-01-10,,active,Hà Thị Lan,Tổ trưởng,,',
  'htx,Hợp tác xã Nông nghiệp Nam Cường mới,4702000003,02026,,Xã Nam Cường,agriculture,2025-09-01,300000000,active,,,,',
];
const csv = (rows) => '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n';
const total = async () => (await server.request('/api/v1/cooperatives?per_page=1')).body.total;
const importCsv = (body, query = '') => lienminh.request(`/api/v1/cooperatives/import${query}`, { method: 'POST', body, headers: { 'content-type': 'text/csv' } });

test('a dry run lists every bad row with its line and reason, and changes nothing', async () => {
  const before = await total();
  const rows = [
    good[0],
    'htx,Công ty Miến dong,4702000010,02155,2024-06-01,Na Rì,agriculture,,,active,,,,',    // line 3: name
    'htx,Hợp tác xã A,123,02155,2024-06-01,Na Rì,agriculture,,,active,,,,',                  // line 4: code
    'htx,Hợp tác xã B,4702000011,99999,2024-06-01,Na Rì,agriculture,,,active,,,,',           // line 5: commune
    'htx,Hợp tác xã C,4702000012,02155,2024-06-01,Na Rì,mining,2021-02-30,-5,active,,,,',    // line 6: three
    'htx,Hợp tác xã D,4702000001,02155,2024-06-01,Na Rì,agriculture,,,active,,,,',           // line 7: duplicate code
  ];
  const res = await importCsv(csv(rows), '?dry_run=1');
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.dry_run, true);
  assert.equal(res.body.rows, 6);
  const at = (line) => res.body.errors.filter((e) => e.line === line).map((e) => e.field);
  assert.deepEqual(at(2), []);
  assert.ok(at(3).includes('name'));
  assert.ok(at(4).includes('registration_code'));
  assert.ok(at(5).includes('commune_code'));
  assert.ok(at(6).includes('sectors') && at(6).includes('founded_on') && at(6).includes('charter_capital_vnd'), JSON.stringify(at(6)));
  assert.ok(at(7).includes('registration_code'), 'a code repeated inside the file is caught');
  assert.equal(await total(), before);
});

test('a real run with a bad row writes nothing (422); a clean one writes every row', async () => {
  const before = await total();
  const bad = await importCsv(csv([good[0], 'htx,Hợp tác xã X,1,02155,2024-06-01,Na Rì,agriculture,,,active,,,,']));
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].line, 3);
  assert.equal(await total(), before);

  const ok = await importCsv(csv(good));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.created, 3);
  assert.equal(await total(), before + 3);
  const found = await server.request('/api/v1/cooperatives?q=che%20bang%20phuc');
  assert.equal(found.body.items[0].address, 'Thôn Khuổi Cuồng, xã Bằng Phúc');
  assert.deepEqual(found.body.items[0].sectors, ['agriculture', 'trade_services']);
});

test('a wrong header or a broken CSV is refused as a whole', async () => {
  const before = await total();
  expectProblem(assert, await importCsv('kind,name,colour\nhtx,Hợp tác xã Y,red\n'), 422, 'header');
  expectProblem(assert, await importCsv(`${HEADER}\nhtx,"Hợp tác xã Z,4702000020\n`), 422, 'line 2');
  expectProblem(assert, await importCsv(Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x0a, 0xc3, 0x28])), 422, 'file');
  expectProblem(assert, await importCsv(''), 422, 'file');
  expectProblem(assert, await lienminh.request('/api/v1/cooperatives/import', { method: 'POST', body: 'x', headers: { 'content-type': 'application/pdf' } }), 415);
  expectProblem(assert, await lienminh.request('/api/v1/cooperatives/import', { method: 'POST', body: 'not a zip', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }), 422, 'file');
  assert.equal(await total(), before);
});

test('only the Alliance and the admin import', async () => {
  expectProblem(assert, await server.request('/api/v1/cooperatives/import', { method: 'POST', body: csv(good), headers: { 'content-type': 'text/csv' } }), 401);
  for (const u of ['ubnd', 'so-congthuong', 'htx-taihoan']) {
    const s = await server.as(u);
    expectProblem(assert, await s.request('/api/v1/cooperatives/import', { method: 'POST', body: csv(good), headers: { 'content-type': 'text/csv' } }), 403);
  }
});

test('export as CSV: UTF-8 with a BOM, the list\'s filters, public fields for the public', async () => {
  const res = await server.request('/api/v1/cooperatives/export?format=csv&district=066');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/csv/);
  assert.match(res.headers.get('content-disposition'), /attachment/);
  assert.deepEqual([...res.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = res.text.slice(1).trim().split('\r\n');
  // The clerk's headers, in the import's order (the English keys are still read).
  assert.ok(lines[0].startsWith('Loại hình,Tên hợp tác xã,Mã số hợp tác xã,Xã/phường (mã),'), lines[0]);
  const naRi = await server.request('/api/v1/cooperatives?district=066&per_page=1');
  assert.equal(lines.length - 1, naRi.body.total);
  assert.ok(res.text.includes('Hợp tác xã Tài Hoan'));
  assert.ok(!res.text.includes('0912345602'), 'no phone numbers for the public');
  const staff = await lienminh.request('/api/v1/cooperatives/export?format=csv&q=tai%20hoan');
  assert.ok(staff.text.includes('0912345602'));
  expectProblem(assert, await server.request('/api/v1/cooperatives/export?format=pdf'), 400, 'format');
});

test('export as XLSX, then import that file back after changing its codes', async () => {
  const res = await lienminh.request('/api/v1/cooperatives/export?format=xlsx&q=tai%20hoan');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(res.buffer.subarray(0, 2).toString(), 'PK');
  // The exported file reads back: its extra columns are ignored, and its rows are refused
  // only because their registration codes are taken.
  const again = await lienminh.request('/api/v1/cooperatives/import?dry_run=1', {
    method: 'POST', body: res.buffer, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
  assert.equal(again.status, 200, again.text);
  assert.equal(again.body.rows, 1);
  assert.deepEqual(again.body.errors.map((e) => [e.line, e.field]), [[2, 'registration_code']]);
});
