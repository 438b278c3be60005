// Numbers from JSON, CSV and XLSX (issue 8, items 2, 3 and 12): non-finite, out of range and
// int64 bounds are a 422 naming the field and change nothing; figures, the dashboard and the
// reports stay valid JSON and PDF; the server stays up after each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';
import { zip } from './zip.mjs';

let server, lienminh, admin;
const TAI_HOAN = 2;
before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
  admin = await server.as('admin');
});
after(async () => { await server.stop(); server.cleanup(); });

// Written as JSON text, because JSON.stringify cannot write 1e999 or NaN.
const HOSTILE = ['1e999', '-1e999', '1e19', '-1e19', '9223372036854775807', '-9223372036854775808',
  '18446744073709551616', '1e308', '"NaN"', '"Infinity"', '"1e999"', 'NaN', 'Infinity'];
const putJson = (who, path, text) => who.request(path, { method: 'PUT', body: text, headers: { 'content-type': 'application/json' } });
const alive = async () => assert.equal((await server.request('/healthz')).status, 200, 'the server is down');

test('count targets are whole numbers and shares have one decimal: no absurd achievement', async () => {
  for (const [code, v] of [['members', '1.5'], ['members', '4.9e-324'], ['ocop_products', '1e-7'], ['effective_share_pct', '1e-300'], ['effective_share_pct', '50.25'], ['avg_income_vnd', '0.5']])
    expectProblem(assert, await putJson(lienminh, '/api/v1/plans/2024', `{"targets":{"${code}":${v}}}`), 422, `targets.${code}`);
  const ind = await lienminh.request('/api/v1/indicators?year=2024');
  for (const i of ind.body.indicators) assert.ok(i.achievement_pct === null || i.achievement_pct < 1e6, `${i.code}: ${i.achievement_pct}`);
});

test('a plan target of 1e999, 1e19, NaN or int64 bounds is a 422 naming it; the figures stay JSON', async () => {
  const before = (await lienminh.request('/api/v1/plans/2024')).body;
  for (const v of HOSTILE) {
    const res = await putJson(lienminh, '/api/v1/plans/2024', `{"targets":{"members":${v}}}`);
    if (v === 'NaN' || v === 'Infinity') assert.equal(res.status, 400, `${v}: ${res.text}`);  // not JSON
    else expectProblem(assert, res, 422, 'targets.members');
    await alive();
  }
  assert.deepEqual((await lienminh.request('/api/v1/plans/2024')).body, before, 'a refused plan changed the plan');
  for (const path of ['/api/v1/indicators?year=2024', '/api/v1/dashboard?year=2024']) {
    const res = await lienminh.request(path);
    assert.equal(res.status, 200, path);
    assert.doesNotThrow(() => JSON.parse(res.text), path);
    assert.ok(!/Infinity|NaN/.test(res.text), `${path} wrote a non-finite number`);
  }
  const pdf = await lienminh.request('/api/v1/reports/economy?year=2024&format=pdf');
  assert.equal(pdf.status, 200);
  await alive();
});

test('a scheme target must be finite and in range too', async () => {
  const body = (v) => `{"title":"Đề án thử","period_start":2021,"period_end":2025,"status":"active","description":"","targets":{"members":${v}}}`;
  for (const v of ['1e999', '1e19', '9223372036854775807'])
    expectProblem(assert, await lienminh.request('/api/v1/schemes', { method: 'POST', body: body(v), headers: { 'content-type': 'application/json' } }), 422, 'targets.members');
  await alive();
});

test('yearly figures at int64 bounds or beyond a cooperative\'s range are refused, and totals never overflow', async () => {
  const year = (field, v) => `{"members_official":12,"members_associate":3,"workers":20,"revenue_vnd":3500000000,"profit_vnd":210000000,"avg_income_vnd":62000000,"classification":"kha","${field}":${v}}`;
  for (const field of ['members_official', 'members_associate', 'workers', 'revenue_vnd', 'profit_vnd', 'avg_income_vnd'])
    for (const v of ['9223372036854775807', '-9223372036854775808', '1e999', '-1e999', '1e19', '1e15', '"12"', '12.5']) {
      const res = await putJson(lienminh, `/api/v1/cooperatives/${TAI_HOAN}/years/2024`, year(field, v));
      expectProblem(assert, res, 422, field);
    }
  // The largest allowed figures, on two cooperatives: the totals add up without overflow.
  const max = '{"members_official":100000,"members_associate":100000,"workers":100000,"revenue_vnd":10000000000000,"profit_vnd":10000000000000,"avg_income_vnd":1000000000,"classification":"kha"}';
  for (const id of [1, 2]) assert.ok([200, 201].includes((await putJson(lienminh, `/api/v1/cooperatives/${id}/years/2024`, max)).status));
  const ind = await lienminh.request('/api/v1/indicators?year=2024');
  assert.equal(ind.status, 200, ind.text);
  assert.ok(ind.body.indicators.find((i) => i.code === 'members').value >= 400000);
  for (const format of ['pdf', 'xlsx', 'csv'])
    assert.equal((await lienminh.request(`/api/v1/reports/economy?year=2024&format=${format}`)).status, 200, format);
  assert.equal((await lienminh.request('/api/v1/dashboard?year=2024')).status, 200);
  await alive();
});

test('charter capital and other integers: int64 bounds, 1e999 and non-integers are 422 naming the field', async () => {
  for (const v of ['9223372036854775807', '-9223372036854775808', '1e999', '1e19', '18446744073709551616', '1.5'])
    expectProblem(assert, await lienminh.request(`/api/v1/cooperatives/${TAI_HOAN}`, { method: 'PATCH', body: `{"charter_capital_vnd":${v}}`, headers: { 'content-type': 'application/json' } }), 422, 'charter_capital_vnd');
  const campaign = (v) => `{"year":${v},"level":"province","title":"Khen thưởng","quota":${v}}`;
  const res = await lienminh.request('/api/v1/award-campaigns', { method: 'POST', body: campaign('9223372036854775807'), headers: { 'content-type': 'application/json' } });
  assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${res.text}`);
  await alive();
});

const HEADER = 'kind,name,registration_code,commune_code,commune_as_of,address,sectors,founded_on,charter_capital_vnd,status';
const row = (capital) => `htx,Hợp tác xã Số Lớn,4702000099,02155,2024-06-01,Na Rì,agriculture,2020-01-01,${capital},active`;
const importAs = (body, type, query = '?dry_run=1') => lienminh.request(`/api/v1/cooperatives/import${query}`, { method: 'POST', body, headers: { 'content-type': type } });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a CSV import with 1e999, 1e19, int64 bounds or NaN as an amount names the line and the column', async () => {
  const total = (await server.request('/api/v1/cooperatives?per_page=1')).body.total;
  for (const v of ['1e999', '1e19', '9223372036854775807', '-9223372036854775808', 'NaN', 'Infinity', '99999999999999999999', '-5', '1.5']) {
    const res = await importAs(`${HEADER}\r\n${row(v)}\r\n`, 'text/csv', '');
    assert.equal(res.status, 422, `${v}: ${res.text}`);
    assert.ok(res.body.errors.some((e) => e.line === 2 && e.field === 'charter_capital_vnd'), `${v}: ${res.text}`);
  }
  assert.equal((await server.request('/api/v1/cooperatives?per_page=1')).body.total, total, 'a refused import wrote rows');
  await alive();
});

// The smallest workbook: one sheet of inline cells, with the cell references given.
const workbook = (cells, { rowNumber = '1', shared } = {}) => zip({
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
  ...(shared ? { 'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>` } : {}),
  'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="${rowNumber}">${cells}</row></sheetData></worksheet>`,
});

test('an XLSX with cell references, row numbers or string indexes out of range is a 422, never a crash', async () => {
  const cases = [
    workbook('<c r="ZZZZZZZZ1" t="inlineStr"><is><t>kind</t></is></c>'),
    workbook('<c r="ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ1" t="inlineStr"><is><t>kind</t></is></c>'),
    workbook('<c r="XFE1" t="inlineStr"><is><t>kind</t></is></c>'),
    workbook('<c r="A1" t="inlineStr"><is><t>kind</t></is></c>', { rowNumber: '99999999999999999999' }),
    workbook('<c r="A1" t="inlineStr"><is><t>kind</t></is></c>', { rowNumber: '-5' }),
    workbook('<c r="A1" t="s"><v>99999999999999999999</v></c>', { shared: ['kind'] }),
    workbook('<c r="A1" t="s"><v>-1</v></c>', { shared: ['kind'] }),
    workbook('<c r="A1" t="s"><v>1</v></c>', { shared: ['kind'] }),
  ];
  for (const [i, file] of cases.entries()) {
    const res = await importAs(file, XLSX_TYPE);
    expectProblem(assert, res, 422, 'file');
    assert.ok(res.body.errors.some((e) => /range/.test(e.message_en)), `case ${i}: ${res.text}`);
    await alive();
  }
});

test('an XLSX amount of 1e999 or beyond int64 names the line and the column', async () => {
  const cells = (v) => HEADER.split(',').map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('') +
    `</row><row r="2">${row(v).split(',').map((x, i) => i === 8 ? `<c r="I2"><v>${x}</v></c>` : `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${x}</t></is></c>`).join('')}`;
  for (const v of ['1e999', '1E+19', '9223372036854775807']) {
    const res = await importAs(workbook(cells(v)), XLSX_TYPE);
    assert.ok(res.body.errors.some((e) => e.line === 2 && e.field === 'charter_capital_vnd'), `${v}: ${res.text}`);
  }
  await alive();
});

test('an import\'s error list is capped at 1,000 with the total; a file is bounded in rows and columns', async () => {
  const header = Array.from({ length: 100000 }, (_, i) => `col${i}`).join(',');
  const wide = await importAs(`${header}\r\n`, 'text/csv');
  expectProblem(assert, wide, 422, 'line 1');
  assert.match(wide.body.errors[0].message_en, /More than 1000 columns/);
  assert.ok(wide.text.length < 10000, `${wide.text.length} bytes`);
  const unknown = Array.from({ length: 980 }, (_, i) => `col${i}`).join(',');
  const res = await importAs(`${HEADER},${unknown}\r\n`, 'text/csv');
  expectProblem(assert, res, 422, 'header');
  assert.equal(res.body.errors.length, 980);
  const rows = Array.from({ length: 1500 }, () => row('-5'));
  const many = await importAs(`${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'text/csv');
  assert.equal(many.body.errors.length, 1000);
  assert.equal(many.body.errors_total, 1500);
  await alive();
});
