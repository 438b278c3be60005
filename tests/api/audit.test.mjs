// The audit log: every sign-in, failed sign-in, sign-out and change, with who, when, from where,
// the object and what changed; filtered and exported by the admin, the petitions' part seen by
// leaders and the Liên minh; tamper-evident, checked by `hoptac audit verify`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { startServer, expectProblem, BIN, ENGINE, DEMO_PASSWORD } from './server.mjs';

let server, admin;
before(async () => {
  server = await startServer();
  admin = await server.as('admin');
});
after(async () => { await server.stop(); server.cleanup(); });

const verify = () => spawnSync(BIN, ['audit', 'verify', '--database', server.database], { encoding: 'utf8' });

test('sign-ins, failures and sign-outs are written with the address; secrets never', async () => {
  await server.request('/api/v1/session', { method: 'POST', json: { username: 'lienminh', password: 'not-the-password-1' } });
  const c = await server.as('lienminh');
  await c.request('/api/v1/session', { method: 'DELETE' });
  const res = await admin.request('/api/v1/audit?per_page=20');
  assert.equal(res.status, 200);
  const kinds = res.body.items.filter((e) => e.username === 'lienminh').map((e) => e.kind);
  assert.deepEqual(kinds.slice(0, 3), ['sign_out', 'sign_in', 'sign_in_failed']);
  assert.ok(res.body.items.every((e) => e.address === '127.0.0.1'));
  assert.ok(!res.text.includes('not-the-password-1') && !res.text.includes(DEMO_PASSWORD));
  const byName = await admin.request('/api/v1/audit?user=lienminh');
  assert.ok(byName.body.items.length >= 3 && byName.body.items.every((e) => e.username === 'lienminh'));
  const failed = await admin.request('/api/v1/audit?kind=sign_in_failed');
  assert.ok(failed.body.items.length >= 1 && failed.body.items.every((e) => e.kind === 'sign_in_failed'));
});

test('a change is written in the same transaction, naming the object and what changed', async () => {
  const coop = await server.as('htx-taihoan');
  const made = await coop.request('/api/v1/petitions', { method: 'POST', json: { cooperative_id: coop.user.cooperative_id, title: 'Đề nghị hỗ trợ vốn vay mua máy sấy chè', content: 'Hợp tác xã cần vay 500 triệu đồng để mua máy sấy.', categories: ['credit'] } });
  assert.equal(made.status, 201, made.text);
  const id = String(made.body.id);
  const entries = (await admin.request(`/api/v1/audit?object_type=petitions&object_id=${id}`)).body.items;
  assert.equal(entries.length, 1);
  assert.equal(entries[0].kind, 'create');
  assert.equal(entries[0].user.username, 'htx-taihoan');
  assert.match(entries[0].summary, /POST \/api\/v1\/petitions .*máy sấy chè/);
  // A refused change writes nothing.
  const before = (await admin.request('/api/v1/audit')).body.total;
  expectProblem(assert, await coop.request(`/api/v1/petitions/${id}`, { method: 'PATCH', json: { title: '' } }), 422);
  assert.equal((await admin.request('/api/v1/audit')).body.total, before);
  // One's own password change is written, without the passwords.
  const lm = await server.as('lienminh');
  await lm.request('/api/v1/me/password', { method: 'POST', json: { current_password: DEMO_PASSWORD, new_password: 'doi-mat-khau-2026' } });
  const pw = (await admin.request(`/api/v1/audit?object_type=users&object_id=${lm.user.id}`)).body.items[0];
  assert.match(pw.summary, /POST \/api\/v1\/me\/password/);
  assert.ok(!pw.summary.includes('doi-mat-khau-2026') && !pw.summary.includes(DEMO_PASSWORD));
});

test('reference data changes are written under their own ids: a calendar day, a category', async () => {
  assert.equal((await admin.request('/api/v1/holidays', { method: 'POST', json: { day: '2027-12-31', name: 'Nghỉ bù thử', kind: 'holiday' } })).status, 201);
  assert.equal((await admin.request('/api/v1/holidays/2027-12-31', { method: 'DELETE' })).status, 204);
  const days = (await admin.request('/api/v1/audit?object_type=holidays&object_id=2027-12-31')).body.items;
  assert.deepEqual(days.map((e) => e.kind), ['delete']);
  const made = (await admin.request('/api/v1/audit?object_type=holidays&kind=create')).body.items[0];
  assert.match(made.summary, /Nghỉ bù thử/);
});

test('leaders and the Liên minh see only the petitions\' part; others nothing', async () => {
  const ubnd = await server.as('ubnd');
  const theirs = await ubnd.request('/api/v1/audit?per_page=200');
  assert.equal(theirs.status, 200);
  assert.ok(theirs.body.items.length > 0);
  assert.ok(theirs.body.items.every((e) => e.object_type === 'petitions'));
  const forced = await ubnd.request('/api/v1/audit?object_type=users');
  assert.ok(forced.body.items.every((e) => e.object_type === 'petitions'));
  for (const who of ['so-congthuong', 'htx-taihoan']) expectProblem(assert, await (await server.as(who)).request('/api/v1/audit'), 403);
  expectProblem(assert, await server.request('/api/v1/audit'), 401);
  for (const q of ['kind=delete_all', 'from=2025-02-30',  'per_page=1000', 'object_id=' + 'x'.repeat(41), 'colour=red'])
    expectProblem(assert, await admin.request(`/api/v1/audit?${q}`), 400);
});

test('the admin exports the log as CSV with the filters applied', async () => {
  const res = await admin.request('/api/v1/audit/export?kind=sign_in');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /text\/csv/);
  const lines = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.match(lines[0], /^Mã,Thời điểm \(UTC\),Người dùng/);
  assert.ok(lines.length > 2);
  assert.ok(lines.slice(1).every((l) => l.split(',')[4] === 'sign_in'));
});

test('hoptac audit verify passes on the log, and names the entry a direct edit changed', async () => {
  const ok = verify();
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const n = Number(ok.stdout.match(/audit: (\d+) entries, chain intact/)[1]);
  assert.ok(n > 5, `${n} entries`);
  // Append-only: the database itself refuses an edit...
  const edit = 'UPDATE audit_log SET summary = \'sửa lén\' WHERE id = 3';
  if (ENGINE === 'sqlite') {
    assert.throws(() => execFileSync('sqlite3', [server.dbFile, edit], { stdio: 'pipe' }), /append-only/);
    // ...until someone with the file drops the guard; the chain still tells.
    execFileSync('sqlite3', [server.dbFile, `DROP TRIGGER audit_log_no_update; ${edit};`]);
  } else {
    assert.throws(() => execFileSync('psql', [server.database, '-v', 'ON_ERROR_STOP=1', '-qc', edit], { stdio: 'pipe' }), /append-only/);
    execFileSync('psql', [server.database, '-v', 'ON_ERROR_STOP=1', '-qc', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; ${edit}`]);
  }
  const bad = verify();
  assert.equal(bad.status, 1, bad.stdout);
  assert.match(bad.stdout, /entry 3 does not fit: its content does not match its hash/);
});
