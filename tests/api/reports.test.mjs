// Reports as PDF (read back with poppler's pdftotext), XLSX (read back with SheetJS) and CSV,
// and report jobs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { startServer, expectProblem } from './server.mjs';

let server;
let scratch;
const users = {};
before(async () => {
  server = await startServer();
  scratch = mkdtempSync(join(tmpdir(), 'hoptac-reports-'));
  for (const u of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan'])
    users[u] = await server.as(u);
});
after(async () => {
  await server.stop();
  server.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const THIS_YEAR = new Date().getUTCFullYear();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// "ngày 05 tháng 3 năm 2025": the day on two digits, months 1 and 2 too.
function todayPhrase() {
  const now = new Date();
  const dd = String(now.getUTCDate()).padStart(2, '0');
  const m = now.getUTCMonth() + 1;
  return `Thái Nguyên, ngày ${dd} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${now.getUTCFullYear()}`;
}

// 5506 -> "5.506", as Vietnamese writes it.
const vi = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
// 71.5 -> "71,5%"
const viPct = (n) => `${n.toFixed(1).replace('.', ',')}%`;

let pdfCount = 0;
function pdfText(buffer) {
  const file = join(scratch, `r${++pdfCount}.pdf`);
  writeFileSync(file, buffer);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
const flat = (s) => s.replace(/\s+/g, ' ');

// The administrative header of Nghị định 30/2020 and the document's kind.
function assertHeader(text, kind) {
  assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), 'national title');
  assert.ok(text.includes('Độc lập - Tự do - Hạnh phúc'), 'motto');
  assert.ok(text.includes('UBND TỈNH THÁI NGUYÊN'), 'parent body: the province as it is named on the day of issue');
  assert.ok(text.includes('LIÊN MINH HỢP TÁC XÃ TỈNH'), 'issuing body');
  assert.match(text, /Số:\s+\/B[CB]-LMHTX/);
  assert.match(text, /Thái Nguyên, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
  assert.ok(text.includes(todayPhrase()), `place and date "${todayPhrase()}"`);
  assert.match(text, new RegExp(`^\\s*${kind}\\s*$`, 'm'), `the kind ${kind} on a line of its own`);
  assert.ok(text.includes('TM. LIÊN MINH HỢP TÁC XÃ TỈNH'), 'signature block');
}

// A cell as a number: numbers as they are, texts written the Vietnamese way ("5.506",
// "71,5%") read as such.
function num(cell) {
  assert.ok(cell, 'the cell is not empty');
  if (cell.t === 'n') return typeof cell.z === 'string' && cell.z.includes('%') ? Math.round(cell.v * 1000) / 10 : cell.v;
  const s = String(cell.v).trim();
  return Number(s.replace('%', '').replace(/\./g, '').replace(',', '.'));
}
const text = (cell) => (cell ? String(cell.v) : '');

function readXlsx(buffer) {
  const wb = XLSX.read(buffer, { type: 'buffer' });
  const sheet = (i) => wb.Sheets[wb.SheetNames[i]];
  const rows = (i) => XLSX.utils.sheet_to_json(sheet(i), { header: 1, raw: true, defval: null });
  return { wb, sheet, rows };
}

// RFC 4180 with the BOM removed.
function parseCsv(s) {
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r') {}
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function report(kind, query, format, user = 'lienminh') {
  const res = await users[user].request(`/api/v1/reports/${kind}?${query}&format=${format}`);
  assert.equal(res.status, 200, `${kind} ${format}: ${res.text.slice(0, 300)}`);
  return res;
}

async function indicators(query) {
  const r = await server.request(`/api/v1/indicators?${query}`);
  assert.equal(r.status, 200);
  return r.body;
}

const INCOME = 'Thu nhập bình quân của thành viên, người lao động';

test('economy report 2024 as PDF: the administrative header and the figures in Vietnamese', async () => {
  const res = await report('economy', 'year=2024', 'pdf');
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="bao-cao-economy-2024.pdf"');
  assert.equal(res.buffer.subarray(0, 5).toString('latin1'), '%PDF-');
  const t = pdfText(res.buffer);
  assertHeader(t, 'BÁO CÁO');
  const f = flat(t);
  assert.ok(f.includes('Tình hình phát triển kinh tế tập thể, hợp tác xã năm 2024'), 'summary');
  assert.ok(f.includes('Năm 2024 toàn tỉnh có 455 hợp tác xã'), 'cooperatives in the text');
  assert.ok(f.includes('5.506 thành viên'), 'members with a dot for thousands');
  assert.ok(f.includes('đạt 59.000.000 đồng/người/năm, đạt 100,0% kế hoạch'), 'income and achievement');
  assert.match(t, /Thu nhập bình quân của thành viên, người lao động\s+59\.000\.000\s+59\.000\.000\s+100,0%/);
  assert.match(t, /Tổng số thành viên\s+5\.506\s+5\.500\s+100,1%/);
  // The districts' table: Na Rì as the indicators give it.
  const naRi = await indicators('year=2024&district=066');
  assert.match(t, new RegExp(`Huyện Na Rì\\s+${naRi.cooperatives}\\s+${vi(naRi.members).replace('.', '\\.')}\\s`));
  assert.ok(f.includes('Chưa xếp loại'));
});

test('economy report 2024 as XLSX: the right values in the right cells', async () => {
  const res = await report('economy', 'year=2024', 'xlsx');
  assert.equal(res.headers.get('content-type'), XLSX_TYPE);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="bao-cao-economy-2024.xlsx"');
  assert.equal(res.buffer.subarray(0, 2).toString('latin1'), 'PK');
  const { wb, sheet, rows } = readXlsx(res.buffer);
  assert.equal(wb.SheetNames.length, 5, JSON.stringify(wb.SheetNames));
  wb.SheetNames.forEach((n, i) => {
    assert.ok(n.startsWith(`${i + 1}. `), n);
    assert.ok([...n].length <= 31, n);
  });
  const ind = await indicators('year=2024');
  // Sheet 1: the plan indicators, one a row, in report order.
  const s1 = sheet(0);
  assert.deepEqual(rows(0)[0], ['Chỉ tiêu', 'Thực hiện', 'Kế hoạch', '% kế hoạch']);
  assert.equal(rows(0).length, 1 + 9);
  assert.equal(text(s1.A2), 'Số hợp tác xã, liên hiệp, tổ hợp tác');
  assert.equal(num(s1.B2), 455);
  assert.equal(num(s1.C2), 455);
  assert.equal(num(s1.D2), 100);
  assert.equal(text(s1.A4), 'Tổng số thành viên');
  assert.equal(num(s1.B4), 5506);
  assert.equal(num(s1.C4), 5500);
  assert.equal(num(s1.D4), 100.1);
  assert.equal(text(s1.A5), 'Số lao động');
  assert.equal(num(s1.B5), ind.workers);
  assert.equal(s1.C5, undefined, 'no plan for workers: an empty cell');
  assert.equal(num(s1.B6), ind.avg_revenue_vnd);
  assert.equal(text(s1.A8), INCOME);
  assert.equal(num(s1.B8), 59000000);
  assert.equal(num(s1.C8), 59000000);
  assert.equal(num(s1.D8), 100);
  assert.equal(text(s1.A9), 'Tỷ lệ hợp tác xã hoạt động hiệu quả (tốt, khá)');
  assert.equal(num(s1.B9), ind.effective_share_pct);
  assert.equal(num(s1.C9), 62);
  assert.equal(num(s1.D9), 115.3);
  assert.equal(num(s1.B10), ind.ocop_products);

  // Sheet 2: by district; the districts add up to the province.
  const byDistrict = rows(1);
  assert.deepEqual(byDistrict[0], ['Huyện, thành phố', 'Số HTX', 'Thành viên', 'Lao động', 'Thu nhập BQ (đồng)', 'Tốt, khá (%)']);
  assert.equal(byDistrict.length, 1 + 8);
  const s2 = sheet(1);
  let coops = 0, members = 0, workers = 0;
  for (let r = 2; r <= 9; r++) {
    coops += num(s2[`B${r}`]);
    members += num(s2[`C${r}`]);
    workers += num(s2[`D${r}`]);
  }
  assert.equal(coops, 455);
  assert.equal(members, 5506);
  assert.equal(workers, ind.workers);
  const naRiRow = byDistrict.findIndex((r) => r[0] === 'Huyện Na Rì') + 1;
  assert.ok(naRiRow > 1);
  const naRi = await indicators('year=2024&district=066');
  assert.equal(num(s2[`B${naRiRow}`]), naRi.cooperatives);
  assert.equal(num(s2[`C${naRiRow}`]), naRi.members);
  assert.equal(num(s2[`E${naRiRow}`]), naRi.avg_income_vnd);
  assert.equal(num(s2[`F${naRiRow}`]), naRi.effective_share_pct);

  // Sheet 5: by classification, and the unrated.
  const byClass = Object.fromEntries(rows(4).slice(1).map((r, i) => [r[0], num(sheet(4)[`B${i + 2}`])]));
  assert.deepEqual(byClass, {
    'Tốt': ind.cooperatives_by_classification.tot,
    'Khá': ind.cooperatives_by_classification.kha,
    'Trung bình': ind.cooperatives_by_classification.trung_binh,
    'Yếu': ind.cooperatives_by_classification.yeu,
    'Chưa xếp loại': ind.cooperatives - ind.rated,
  });
});

test('economy report 2024 as CSV: UTF-8 with a BOM, the Vietnamese values', async () => {
  const res = await report('economy', 'year=2024', 'csv');
  assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8$/i);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="bao-cao-economy-2024.csv"');
  assert.deepEqual([...res.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parseCsv(res.buffer.toString('utf8'));
  assert.deepEqual(rows[0], ['BÁO CÁO Tình hình phát triển kinh tế tập thể, hợp tác xã năm 2024']);
  assert.deepEqual(rows.find((r) => r[0] === INCOME), [INCOME, '59.000.000', '59.000.000', '100,0%']);
  assert.deepEqual(rows.find((r) => r[0] === 'Tổng số thành viên'), ['Tổng số thành viên', '5.506', '5.500', '100,1%']);
  const naRi = await indicators('year=2024&district=066');
  assert.deepEqual(rows.find((r) => r[0] === 'Huyện Na Rì'),
    ['Huyện Na Rì', vi(naRi.cooperatives), vi(naRi.members), vi(naRi.workers), vi(naRi.avg_income_vnd), viPct(naRi.effective_share_pct)]);
});

function screenStateNames() {
  const src = readFileSync(new URL('../../web/src/i18n.ts', import.meta.url), 'utf8');
  const names = {};
  for (const m of src.matchAll(/'state\.(\w+)': \['([^']+)'/g)) names[m[1]] = m[2];
  assert.equal(Object.keys(names).length, 10, JSON.stringify(names));
  return names;
}

test('petitions report of the current year in the three formats', async () => {
  const dash = (await users.ubnd.request(`/api/v1/dashboard?year=${THIS_YEAR}`)).body.petitions;
  const total = Object.values(dash.by_state).reduce((a, v) => a + v, 0);
  assert.ok(total > 0);
  const overdue = await users.lienminh.request('/api/v1/petitions?overdue=true&per_page=100');
  const overdueCodes = overdue.body.items.map((p) => p.code).sort();
  assert.ok(overdueCodes.length > 0);

  const pdf = await report('petitions', `year=${THIS_YEAR}`, 'pdf');
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const t = pdfText(pdf.buffer);
  assertHeader(t, 'BÁO CÁO');
  const f = flat(t);
  assert.ok(f.includes(`Tổng hợp kết quả giải quyết kiến nghị của các hợp tác xã năm ${THIS_YEAR}`));
  assert.ok(f.includes(`Năm ${THIS_YEAR} có ${vi(total)} kiến nghị.`), 'the total');
  assert.ok(f.includes(`Tỷ lệ trả lời đúng hạn: ${viPct(dash.on_time_rate_pct)}`), 'the on-time rate');
  assert.ok(f.includes(`Đang quá hạn: ${dash.overdue}.`), 'overdue');
  assert.ok(f.includes('II. KIẾN NGHỊ QUÁ HẠN'));
  for (const code of overdueCodes) assert.ok(t.includes(code), `overdue ${code} listed`);

  const xlsx = await report('petitions', `year=${THIS_YEAR}`, 'xlsx');
  assert.equal(xlsx.headers.get('content-type'), XLSX_TYPE);
  const { wb, sheet, rows } = readXlsx(xlsx.buffer);
  assert.equal(wb.SheetNames.length, 4, JSON.stringify(wb.SheetNames));
  assert.deepEqual(rows(0)[0], ['Trạng thái', 'Số kiến nghị']);
  // The same names as on screen (web/src/i18n.ts, the one table of state names); no drafts.
  const names = screenStateNames();
  delete names.draft;
  const states = rows(0).slice(1);
  assert.deepEqual(states.map((r) => r[0]), Object.values(names));
  Object.keys(names).forEach((code, i) =>
    assert.equal(num(sheet(0)[`B${i + 2}`]), dash.by_state[code] ?? 0, code));
  // The last sheet: the overdue petitions, one a row, with days overdue.
  const list = rows(3);
  assert.deepEqual(list[0], ['Mã', 'Nội dung', 'Cơ quan chủ trì', 'Hạn', 'Quá (ngày)']);
  assert.deepEqual(list.slice(1).map((r) => r[0]).sort(), overdueCodes);
  for (let r = 2; r <= list.length; r++) {
    const days = num(sheet(3)[`E${r}`]);
    assert.ok(Number.isInteger(days) && days > 0, `days overdue ${days}`);
    assert.match(text(sheet(3)[`D${r}`]), /^\d{2}\/\d{2}\/\d{4}$/);
  }

  const csv = await report('petitions', `year=${THIS_YEAR}`, 'csv');
  assert.deepEqual([...csv.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const crows = parseCsv(csv.buffer.toString('utf8'));
  assert.deepEqual(crows.find((r) => r[0] === 'Đang giải quyết'), ['Đang giải quyết', vi(dash.by_state.assigned ?? 0)]);
  assert.ok(crows.some((r) => r[0] === 'Danh sách kiến nghị quá hạn'));
  for (const code of overdueCodes) assert.ok(crows.some((r) => r[0] === code), code);
});

test('awards report 2024 in the three formats', async () => {
  const awards = (await server.request('/api/v1/awards?year=2024')).body.items;
  const bang = awards.filter((n) => n.level === 'ubnd_bang_khen').map((n) => n.cooperative.name).sort();
  const giay = awards.filter((n) => n.level === 'alliance_giay_khen').map((n) => n.cooperative.name).sort();
  assert.equal(bang.length, 8);
  assert.equal(giay.length, 16);

  const pdf = await report('awards', 'year=2024', 'pdf');
  const t = pdfText(pdf.buffer);
  assertHeader(t, 'BÁO CÁO');
  const f = flat(t);
  assert.ok(f.includes('Danh sách hợp tác xã được khen thưởng năm 2024'));
  assert.ok(f.includes('Bằng khen của Chủ tịch UBND tỉnh (8)'));
  assert.ok(f.includes('Giấy khen của Chủ tịch Liên minh HTX tỉnh (16)'));
  assert.ok(t.includes('123/QĐ-UBND') && t.includes('45/QĐ-LMHTX'));
  assert.ok(t.includes('20/03/2025'));
  assert.ok(t.includes('Tài Hoan'));

  const xlsx = await report('awards', 'year=2024', 'xlsx');
  const { wb, sheet, rows } = readXlsx(xlsx.buffer);
  assert.equal(wb.SheetNames.length, 2);
  for (const [i, names, decision] of [[0, bang, '123/QĐ-UBND ngày 20/03/2025'], [1, giay, '45/QĐ-LMHTX ngày 20/03/2025']]) {
    const r = rows(i);
    assert.deepEqual(r[0], ['STT', 'Hợp tác xã', 'Thành tích', 'Quyết định']);
    assert.equal(r.length, 1 + names.length);
    assert.deepEqual(r.slice(1).map((x) => x[1]).sort(), names);
    for (let k = 1; k < r.length; k++) {
      assert.equal(num(sheet(i)[`A${k + 1}`]), k, 'numbered from 1');
      assert.equal(text(sheet(i)[`D${k + 1}`]), decision);
      assert.ok(text(sheet(i)[`C${k + 1}`]).includes('năm 2024'));
    }
  }

  const csv = await report('awards', 'year=2024', 'csv');
  assert.deepEqual([...csv.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const crows = parseCsv(csv.buffer.toString('utf8'));
  assert.deepEqual(crows[0], ['BÁO CÁO Danh sách hợp tác xã được khen thưởng năm 2024']);
  assert.ok(crows.some((r) => r[0] === 'Bằng khen của Chủ tịch UBND tỉnh (8)'));
  const named = crows.filter((r) => r.length === 4 && /^\d+$/.test(r[0]));
  assert.equal(named.length, 24);
  assert.ok(named.some((r) => r[1] === 'Hợp tác xã Tài Hoan' && r[3] === '123/QĐ-UBND ngày 20/03/2025'));
});

test('conference minutes (BIÊN BẢN) in the three formats', async () => {
  const confs = await users.lienminh.request('/api/v1/conferences');
  assert.equal(confs.status, 200);
  const conf = confs.body.items[0];
  assert.ok(conf && conf.id > 0);
  const petitions = (await users.lienminh.request(`/api/v1/petitions?conference=${conf.id}&per_page=100`)).body.items;
  assert.ok(petitions.length > 0);
  const vangMuoi = petitions.find((p) => p.title.includes('Vằng Mười'));
  assert.ok(vangMuoi, 'the demo conference raised the Vằng Mười petition');
  const directives = (await users.lienminh.request(`/api/v1/directives?conference=${conf.id}&per_page=100`)).body;

  const pdf = await report('conference', `conference=${conf.id}`, 'pdf');
  assert.equal(pdf.headers.get('content-disposition'), `attachment; filename="bao-cao-conference-${conf.id}.pdf"`);
  const t = pdfText(pdf.buffer);
  assertHeader(t, 'BIÊN BẢN');
  assert.match(t, /Số:\s+\/BB-LMHTX/);
  const f = flat(t);
  assert.ok(f.includes(`Kết quả ${conf.title}`), 'the conference in the summary');
  assert.ok(f.includes('Thời gian: 20/03/2025.'));
  assert.ok(f.includes(`Chủ trì: ${conf.chair_name}`));
  assert.ok(f.includes('Vằng Mười'));
  for (const p of petitions) assert.ok(t.includes(p.code), p.code);
  assert.ok(f.includes('III. KẾT LUẬN VÀ NHIỆM VỤ'));

  const xlsx = await report('conference', `conference=${conf.id}`, 'xlsx');
  const { wb, rows } = readXlsx(xlsx.buffer);
  assert.equal(wb.SheetNames.length, 2);
  const raised = rows(0);
  assert.deepEqual(raised[0], ['Mã', 'Hợp tác xã', 'Kiến nghị', 'Trả lời', 'Cơ quan']);
  assert.deepEqual(raised.slice(1).map((r) => r[0]), petitions.map((p) => p.code).sort());
  const row = raised.find((r) => r[0] === vangMuoi.code);
  assert.equal(row[1], vangMuoi.cooperative.name);
  assert.equal(row[2], vangMuoi.title);
  if (!(vangMuoi.answers ?? []).length) assert.equal(row[3], '(chưa trả lời)');
  const dirs = rows(1);
  assert.deepEqual(dirs[0], ['Nội dung kết luận, nhiệm vụ', 'Cơ quan thực hiện', 'Hạn', 'Tình trạng']);
  assert.equal(dirs.length, 1 + directives.total);
  const status = { open: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành' };
  for (const d of directives.items) {
    const r = dirs.find((x) => x[0] === d.content);
    assert.ok(r, d.content);
    assert.equal(r[1], d.assignee_agency.name);
    assert.equal(r[2], d.due_on.split('-').reverse().join('/'));
    assert.equal(r[3], status[d.status]);
  }

  const csv = await report('conference', `conference=${conf.id}`, 'csv');
  assert.deepEqual([...csv.buffer.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const crows = parseCsv(csv.buffer.toString('utf8'));
  assert.equal(crows[0][0], `BIÊN BẢN Kết quả ${conf.title}`);
  assert.ok(crows.some((r) => r[0] === vangMuoi.code && r[2] === vangMuoi.title));
});

test('reports: the leader and the department may have them too', async () => {
  for (const u of ['ubnd', 'so-congthuong', 'admin']) {
    const r = await users[u].request('/api/v1/reports/economy?year=2024&format=csv');
    assert.equal(r.status, 200, `${u}: ${r.text.slice(0, 200)}`);
    assert.ok(r.text.includes('59.000.000'));
  }
});

test('reports: bad requests', async () => {
  const get = (path, user = 'lienminh') => users[user].request(path);
  expectProblem(assert, await get('/api/v1/reports/budget?year=2024&format=pdf'), 404);
  expectProblem(assert, await get('/api/v1/reports/economy?year=2024&format=doc'), 400, 'format');
  expectProblem(assert, await get('/api/v1/reports/economy?year=2024&format=PDF'), 400, 'format');
  const old = await get('/api/v1/reports/economy?year=1999&format=pdf');
  assert.ok(old.status >= 400 && old.status < 500, `${old.status}`);
  expectProblem(assert, old, old.status, 'year');
  const noFigures = await get('/api/v1/reports/economy?year=2020&format=pdf');
  assert.ok(noFigures.status >= 400 && noFigures.status < 500, `${noFigures.status}`);
  expectProblem(assert, noFigures, noFigures.status, 'year');
  expectProblem(assert, await get(`/api/v1/reports/petitions?year=${THIS_YEAR + 1}&format=pdf`), 400, 'year');
  expectProblem(assert, await get('/api/v1/reports/economy?year=20x4&format=pdf'), 400, 'year');
  expectProblem(assert, await get('/api/v1/reports/conference?format=pdf'), 400, 'conference');
  expectProblem(assert, await get('/api/v1/reports/conference?conference=9999&format=pdf'), 404);
  expectProblem(assert, await get('/api/v1/reports/economy?year=2024&format=pdf&colour=red'), 400, 'colour');
  expectProblem(assert, await get('/api/v1/reports/economy?year=2024&format=pdf', 'htx-taihoan'), 403);
  expectProblem(assert, await get('/api/v1/reports/conference?conference=1&format=csv', 'htx-taihoan'), 403);
  expectProblem(assert, await server.request('/api/v1/reports/economy?year=2024&format=pdf'), 401);
});

async function waitForJob(client, id) {
  const deadline = Date.now() + 10000;
  let job;
  while (Date.now() < deadline) {
    const r = await client.request(`/api/v1/jobs/${id}`);
    assert.equal(r.status, 200, r.text);
    job = r.body;
    assert.ok(['queued', 'running', 'done', 'failed'].includes(job.status), job.status);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`job ${id} not finished within 10 s: ${JSON.stringify(job)}`);
}

test('report jobs: queued with 202 and a Location, done with progress 100, the file is the report', async () => {
  const res = await users.lienminh.request('/api/v1/reports/economy/jobs?year=2024&format=pdf', { method: 'POST' });
  assert.equal(res.status, 202, res.text);
  const id = res.body.id;
  assert.ok(Number.isInteger(id) && id > 0);
  assert.equal(res.headers.get('location'), `/api/v1/jobs/${id}`);
  assert.equal(res.body.kind, 'economy');
  assert.ok(['queued', 'running', 'done'].includes(res.body.status), res.body.status);
  const job = await waitForJob(users.lienminh, id);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.progress, 100);
  assert.equal(job.error, null);
  assert.ok(job.finished_at);
  assert.equal(job.download, `/api/v1/jobs/${id}/file`);
  const file = await users.lienminh.request(`/api/v1/jobs/${id}/file`);
  assert.equal(file.status, 200, file.text.slice(0, 200));
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.equal(file.buffer.subarray(0, 4).toString('latin1'), '%PDF');
  const t = pdfText(file.buffer);
  assertHeader(t, 'BÁO CÁO');
  assert.ok(t.includes('59.000.000'));

  // Someone else's job is not found, for the leader as for anyone; anonymous 401.
  expectProblem(assert, await users.ubnd.request(`/api/v1/jobs/${id}`), 404);
  expectProblem(assert, await users.ubnd.request(`/api/v1/jobs/${id}/file`), 404);
  expectProblem(assert, await users['so-congthuong'].request(`/api/v1/jobs/${id}/file`), 404);
  expectProblem(assert, await server.request(`/api/v1/jobs/${id}`), 401);
  expectProblem(assert, await server.request(`/api/v1/jobs/${id}/file`), 401);
  expectProblem(assert, await users.lienminh.request('/api/v1/jobs/999999'), 404);
});

test('report jobs: an XLSX job; bad requests are refused at once', async () => {
  const res = await users.ubnd.request(`/api/v1/reports/petitions/jobs?year=${THIS_YEAR}&format=xlsx`, { method: 'POST' });
  assert.equal(res.status, 202, res.text);
  const job = await waitForJob(users.ubnd, res.body.id);
  assert.equal(job.status, 'done', JSON.stringify(job));
  const file = await users.ubnd.request(`/api/v1/jobs/${res.body.id}/file`);
  assert.equal(file.headers.get('content-type'), XLSX_TYPE);
  const { rows } = readXlsx(file.buffer);
  assert.deepEqual(rows(0)[0], ['Trạng thái', 'Số kiến nghị']);
  // ubnd's job is not lienminh's.
  expectProblem(assert, await users.lienminh.request(`/api/v1/jobs/${res.body.id}`), 404);

  const post = (path, user = 'lienminh') => users[user].request(path, { method: 'POST' });
  expectProblem(assert, await post('/api/v1/reports/economy/jobs?year=2024&format=doc'), 400, 'format');
  expectProblem(assert, await post('/api/v1/reports/budget/jobs?year=2024&format=pdf'), 404);
  expectProblem(assert, await post('/api/v1/reports/conference/jobs?format=pdf'), 400, 'conference');
  const old = await post('/api/v1/reports/economy/jobs?year=1999&format=pdf');
  expectProblem(assert, old, old.status, 'year');
  assert.ok(old.status >= 400 && old.status < 500);
  expectProblem(assert, await post('/api/v1/reports/economy/jobs?year=2024&format=pdf', 'htx-taihoan'), 403);
  expectProblem(assert, await server.request('/api/v1/reports/economy/jobs?year=2024&format=pdf', { method: 'POST' }), 401);
});

test('report jobs: a conference that does not exist is refused or fails, never done', async () => {
  const res = await users.lienminh.request('/api/v1/reports/conference/jobs?conference=9999&format=pdf', { method: 'POST' });
  if (res.status === 202) {
    const job = await waitForJob(users.lienminh, res.body.id);
    assert.equal(job.status, 'failed');
    assert.ok(job.error);
    expectProblem(assert, await users.lienminh.request(`/api/v1/jobs/${res.body.id}/file`), 409);
  } else {
    expectProblem(assert, res, 404);
  }
});
