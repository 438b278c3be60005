// Long reports (issue 8, item 4): the minutes of a conference are bounded and laid out in
// linear time, flowing over pages; reports run on their own pool, so that several at once
// never hold the workers that answer everything else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, expectProblem } from './server.mjs';

let server, lienminh, conference;
const MAX_MINUTES = 50000;
// Vietnamese sentences, no line breaks: the worst case for a paragraph's layout.
const minutes = (n) => {
  let s = '';
  for (let i = 0; s.length < n; i += 1) s += `Đại biểu thứ ${i} phát biểu về vốn tín dụng, đất đai và thị trường tiêu thụ nông sản của hợp tác xã. `;
  return `${s.slice(0, n - 12)} KẾT-THÚC-BB`;
};

before(async () => {
  server = await startServer();
  lienminh = await server.as('lienminh');
  const agencies = (await server.request('/api/v1/agencies')).body.items;
  const res = await lienminh.request('/api/v1/conferences', { method: 'POST', json: {
    title: 'Hội nghị đối thoại có biên bản dài', held_on: '2024-11-20', venue: 'Hội trường tỉnh',
    chair_name: 'Hoàng Văn Chủ', chair_title: 'Chủ tịch', host_agency_id: agencies[0].id,
    agency_ids: [agencies[1].id], cooperative_ids: [2], status: 'held', minutes: minutes(MAX_MINUTES),
  } });
  assert.equal(res.status, 201, res.text);
  conference = res.body;
});
after(async () => { await server.stop(); server.cleanup(); });

test('minutes longer than 50,000 characters are refused, naming the field', async () => {
  const res = await lienminh.request(`/api/v1/conferences/${conference.id}`, { method: 'PATCH', json: { minutes: minutes(MAX_MINUTES + 1) } });
  expectProblem(assert, res, 422, 'minutes');
});

test('the longest minutes flow over pages to their last word', async () => {
  const res = await lienminh.request(`/api/v1/reports/conference?conference=${conference.id}&format=pdf`);
  assert.equal(res.status, 200, res.text.slice(0, 300));
  const file = join(server.dir, 'minutes.pdf');
  writeFileSync(file, res.buffer);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 10, info);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  assert.match(text, /KẾT-THÚC-BB/, 'the end of the minutes is missing');
});

test('four long reports at once do not hold the other requests', async () => {
  let reportsDone = 0;
  const reports = Array.from({ length: 4 }, () =>
    lienminh.request(`/api/v1/reports/conference?conference=${conference.id}&format=pdf`).then((r) => { reportsDone += 1; return r; }));
  // Asked after the reports: answered while they are still being prepared.
  const agencies = await server.request('/api/v1/agencies');
  assert.equal(agencies.status, 200);
  assert.ok(reportsDone < 4, 'the agencies list waited for the reports');
  for (const r of await Promise.all(reports)) assert.ok([200, 503].includes(r.status), `${r.status}`);
  assert.equal((await server.request('/healthz')).status, 200);
});

test('large imports at once do not hold the other requests', async () => {
  const header = 'kind,name,registration_code,commune_code,commune_as_of,address,sectors,founded_on,charter_capital_vnd,status';
  const rows = Array.from({ length: 20000 }, (_, i) => `htx,Hợp tác xã Nhập ${i},${4780000000 + i},02155,2024-06-01,Na Rì,agriculture,2020-01-01,100000000,active`);
  const body = `${header}\r\n${rows.join('\r\n')}\r\n`;
  let importsDone = 0;
  const imports = Array.from({ length: 3 }, () => lienminh.request('/api/v1/cooperatives/import?dry_run=1', {
    method: 'POST', body, headers: { 'content-type': 'text/csv' },
  }).then((r) => { importsDone += 1; return r; }));
  const agencies = await server.request('/api/v1/agencies');
  assert.equal(agencies.status, 200);
  assert.ok(importsDone < 3, 'the agencies list waited for the imports');
  for (const r of await Promise.all(imports)) assert.ok([200, 503].includes(r.status), `${r.status} ${r.text.slice(0, 200)}`);
});
