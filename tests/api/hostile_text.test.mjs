// Text from clients (issue 8, items 8 and 9): e-mail and phone are checked for what they are;
// control characters are refused everywhere but line breaks in long texts; "%" and "_" in a
// search are characters, not wildcards. Nothing refused is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem } from './server.mjs';

let server, lienminh, taihoan;
const TAI_HOAN = 2;
before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
  taihoan = await server.as('htx-taihoan');
});
after(async () => { await server.stop(); server.cleanup(); });

const coop = (over = {}) => ({
  kind: 'htx', name: 'Hợp tác xã Kiểm thử Văn bản', registration_code: '4709990001', commune_code: '02173',
  commune_as_of: '2024-12-31', address: 'Thôn Nà Cà', sectors: ['agriculture'], founded_on: '2021-03-15',
  representative: { name: 'Lường Văn Sơn', title: 'Giám đốc', phone: '0987 654 321', email: 'son@htx-conminh.vn' },
  ...over,
});
const rep = (over) => coop({ representative: { name: 'Lường Văn Sơn', title: 'Giám đốc', phone: '0987654321', email: 'son@example.vn', ...over } });
const total = async () => (await server.request('/api/v1/cooperatives?per_page=1')).body.total;

test('e-mail addresses that could inject headers or are not addresses are refused', async () => {
  const before = await total();
  for (const email of ['a@b.c\r\nBcc: x@y', 'a@', '@b.vn', '<script>@x.vn', 'a b@c.vn', 'a@b', 'a..b@c.vn', 'a@-b.vn', 'x@y.vn\n', 'Tên <a@b.vn>', 'a@b.vn,c@d.vn'])
    expectProblem(assert, await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: rep({ email }) }), 422, 'representative.email');
  for (const phone of ['abc', '<script>', '0912', '0912345678\r\n', '++84912345678', '0912--345678', '1234567890123456'])
    expectProblem(assert, await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: rep({ phone }) }), 422, 'representative.phone');
  assert.equal(await total(), before, 'a refused record was stored');
  const ok = await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: coop() });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.representative.phone, '0987 654 321');
});

test('every error of a cooperative\'s contact is reported at once', async () => {
  const res = await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: rep({ email: 'a@', phone: 'x' }) });
  expectProblem(assert, res, 422, 'representative.email');
  expectProblem(assert, res, 422, 'representative.phone');
});

test('NUL, CR, LF and other controls are refused in short texts; long texts keep their line breaks', async () => {
  for (const bad of ['Hợp tác xã A\u0000B', 'Hợp tác xã A\r\nB', 'Hợp tác xã A\u0007', 'Hợp tác xã A\u0085', 'Hợp tác xã A\u2028B'])
    expectProblem(assert, await lienminh.request('/api/v1/cooperatives', { method: 'POST', json: coop({ name: bad, registration_code: '4709990002' }) }), 422, 'name');
  expectProblem(assert, await taihoan.request(`/api/v1/cooperatives/${TAI_HOAN}`, { method: 'PATCH', json: { address: 'Thôn 1\r\nBcc: x' } }), 422, 'address');
  const draft = (over) => taihoan.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: TAI_HOAN, title: 'Đề nghị hỗ trợ vốn', content: 'Nội dung', categories: ['credit'], ...over } });
  expectProblem(assert, await draft({ title: 'Đề nghị\u0000 hỗ trợ' }), 422, 'title');
  expectProblem(assert, await draft({ title: 'Đề nghị\nhỗ trợ' }), 422, 'title');
  expectProblem(assert, await draft({ content: 'Dòng một\u0000' }), 422, 'content');
  const ok = await draft({ content: 'Dòng một\r\nDòng hai\n\tDòng ba' });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.body.content, 'Dòng một\nDòng hai\n\tDòng ba');
  for (const title of ['Đề nghị \u202Egnp.exe', 'Đề nghị\uFEFF', 'Đề\u200Bnghị', 'Đề nghị \u2066x'])
    expectProblem(assert, await draft({ title }), 422, 'title');
  expectProblem(assert, await draft({ content: 'Nội dung \u202E đảo chiều' }), 422, 'content');
  // An attachment's name is a short text too, and a visible one.
  for (const filename of ['a\u202Egnp.exe', '..', '.', '   ', 'a\u200B.pdf']) {
    const res = await taihoan.request(`/api/v1/petitions/${ok.body.id}/attachments?filename=${encodeURIComponent(filename)}`, {
      method: 'POST', body: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf' },
    });
    assert.ok([400, 422].includes(res.status), `${JSON.stringify(filename)}: ${res.status} ${res.text}`);
  }
  const up = await taihoan.request(`/api/v1/petitions/${ok.body.id}/attachments?filename=${encodeURIComponent('a\r\nb.pdf')}`, {
    method: 'POST', body: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(up.status, 400, up.text);
  assert.equal((await server.request('/healthz')).status, 200);
});

test('"%" and "_" in a search are characters, not wildcards', async () => {
  const all = await total();
  assert.ok(all > 100);
  for (const q of ['%', '_', '%%', '_%_', '\\', '%25'])
    assert.equal((await server.request(`/api/v1/cooperatives?q=${encodeURIComponent(q)}`)).body.total, 0, `cooperatives q=${q}`);
  for (const q of ['%', '_'])
    assert.equal((await server.request(`/api/v1/admin-units?level=commune&as_of=2024-12-31&q=${encodeURIComponent(q)}`)).body.total, 0, `admin units q=${q}`);
  assert.ok((await server.request('/api/v1/cooperatives?q=tai%20hoan')).body.total >= 1, 'a real search still finds');
  for (const q of ['%', '_', '*', '"', '.'])
    assert.equal((await lienminh.request(`/api/v1/petitions?q=${encodeURIComponent(q)}`)).body.total, 0, `petitions q=${q}`);
  assert.ok((await lienminh.request('/api/v1/petitions?q=ho%20tro')).body.total >= 1, 'a real petition search still finds');
  assert.ok((await server.request('/api/v1/admin-units?level=commune&as_of=2024-12-31&q=nam%20cuong')).body.total >= 1);
});
