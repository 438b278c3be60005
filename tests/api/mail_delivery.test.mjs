// E-mail delivery (docs/notifications.md) against a real SMTP server on loopback: what a
// message says and to whom, once and only once across restarts, crashes and two instances,
// retries then 'failed' when the mail server is down or refuses, STARTTLS with a login, each
// user's choice (at once, daily digest, off), the weekly digest, and the admin's outbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, expectProblem, cli } from './server.mjs';
import { startSmtp, mailArgs, selfSignedCertificate } from './smtp.mjs';

const P = '/api/v1/petitions';
const TAI_HOAN = 2;
const todayIso = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
function addWorkingDays(fromIso, n) {
  const d = new Date(`${fromIso}T00:00:00Z`);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
const vietnamese = (iso) => iso.split('-').reverse().join('/');

async function signedIn(server, names) {
  const users = {};
  for (const u of names) users[u] = await server.as(u);
  return users;
}
// An address for the user; for a leader or the Liên minh without the weekly digest, which the
// server queues as it starts and would come between the e-mails a test counts.
async function setEmail(user, email, { weekly = false } = {}) {
  const res = await user.request('/api/v1/me', { method: 'PATCH', json: { email } });
  assert.equal(res.status, 200, res.text);
  if (!weekly && ['leader', 'alliance'].includes(user.user.role)) {
    const off = await user.request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { weekly_digest: 'off' } } });
    assert.equal(off.status, 200, off.text);
  }
}
async function ok(user, id, action, fields = {}) {
  const res = await user.request(`${P}/${id}/transitions`, { method: 'POST', json: { action, ...fields } });
  assert.equal(res.status, 200, `${action}: ${res.text}`);
  return res.body;
}
async function submitted(users, title = 'Đề nghị hỗ trợ tiêu thụ miến dong') {
  const res = await users['htx-taihoan'].request(P, { method: 'POST', json: {
    cooperative_id: TAI_HOAN, title, content: 'Hợp tác xã đề nghị được kết nối tiêu thụ 30 tấn miến dong.', categories: ['market'] } });
  assert.equal(res.status, 201, res.text);
  return ok(users['htx-taihoan'], res.body.id, 'submit');
}
async function outboxOf(admin, userId) {
  const res = await admin.request(`/api/v1/outbox?user_id=${userId}&per_page=200`);
  assert.equal(res.status, 200, res.text);
  return res.body.items;
}
// Polls the outbox until `done` holds for a user's e-mails (a state, not a time).
async function outboxUntil(admin, userId, done, what, ms = 60000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const items = await outboxOf(admin, userId);
    if (done(items)) return items;
    if (Date.now() > deadline) throw new Error(`outbox never reached: ${what}; now ${JSON.stringify(items.map((i) => [i.state, i.attempts, i.last_error]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const to = (address) => (m) => m.envelope.rcptTo.some((r) => r.address === address);

test('a new petition reaches the Liên minh by e-mail: encoded subject, text and HTML, code, title, links, its own Message-ID', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    const p = await submitted(users, 'Đề nghị hỗ trợ vốn vay & "tiêu thụ" <miến dong>');
    const m = await smtp.waitFor(to('lienminh@example.vn'));
    assert.deepEqual(m.envelope.rcptTo.map((r) => r.address), ['lienminh@example.vn']);
    assert.equal(m.envelope.mailFrom.address, 'hoptac@lienminh.example.vn');
    assert.match(m.raw, /^Subject: =\?UTF-8\?B\?/m, 'the subject is RFC 2047 encoded');
    assert.equal(m.parsed.subject, `[hoptac] Kiến nghị mới cần tiếp nhận – ${p.code}`);
    assert.equal(m.parsed.from.value[0].name, 'Liên minh HTX tỉnh');
    assert.match(m.parsed.headers.get('content-type').value, /multipart\/alternative/);
    assert.match(m.parsed.text, new RegExp(`Mã kiến nghị: ${p.code}`));
    assert.ok(m.parsed.text.includes('Tiêu đề: Đề nghị hỗ trợ vốn vay & "tiêu thụ" <miến dong>'), m.parsed.text);
    assert.ok(m.parsed.text.includes(`Xem kiến nghị: https://hoptac.example.vn/petitions/${p.id}`), m.parsed.text);
    assert.ok(m.parsed.text.includes('https://hoptac.example.vn/account#notifications'));
    assert.ok(m.parsed.html.includes(`href="https://hoptac.example.vn/petitions/${p.id}"`));
    assert.ok(m.parsed.html.includes('&lt;miến dong&gt;'), 'the title is escaped in the HTML part');
    const [row] = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'sent', 'sent');
    assert.equal(row.message_id, m.parsed.messageId);
    assert.match(row.message_id, /^<hoptac\.\d+\.[A-Za-z0-9_-]+@lienminh\.example\.vn>$/);
    assert.equal(row.attempts, 1);
    assert.equal(row.recipient, 'lienminh@example.vn');
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('an assignment tells the lead and coordinating officers the agency and the due date; English for those who chose it', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['lienminh', 'ubnd', 'htx-taihoan', 'so-congthuong', 'so-taichinh']);
    const agency = {};
    for (const a of (await server.request('/api/v1/agencies')).body.items) agency[a.code] = a.id;
    await setEmail(users['so-congthuong'], 'congthuong@example.vn');
    await setEmail(users['so-taichinh'], 'taichinh@example.vn');
    const en = await users['so-taichinh'].request('/api/v1/me/notification-settings', { method: 'PUT', json: { language: 'en' } });
    assert.equal(en.status, 200, en.text);
    const p = await submitted(users);
    await ok(users.lienminh, p.id, 'receive');
    const b = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title: 'Báo cáo', petition_ids: [p.id] } });
    assert.equal(b.status, 201, b.text);
    const due = addWorkingDays(todayIso(), 12);
    await ok(users.ubnd, p.id, 'assign', { lead_agency_id: agency['so-congthuong'], coordinating_agency_ids: [agency['so-taichinh']], due_on: due });
    const lead = await smtp.waitFor(to('congthuong@example.vn'));
    assert.equal(lead.parsed.subject, `[hoptac] Kiến nghị được giao cơ quan trả lời – ${p.code}`);
    assert.ok(lead.parsed.text.includes(`Hạn trả lời: ${vietnamese(due)}`), lead.parsed.text);
    assert.ok(lead.parsed.text.includes('Cơ quan chủ trì: Sở Công Thương'), lead.parsed.text);
    const coordinating = await smtp.waitFor(to('taichinh@example.vn'));
    assert.equal(coordinating.parsed.subject, `[hoptac] Petition assigned to an agency – ${p.code}`);
    assert.ok(coordinating.parsed.text.includes(`Due: ${due}`), coordinating.parsed.text);
    assert.ok(coordinating.parsed.text.includes('Change how you are notified: https://hoptac.example.vn/account#notifications'));
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('a restart between sends sends nothing twice', async () => {
  const smtp = await startSmtp();
  let server = await startServer({ args: mailArgs(smtp) });
  const dir = server.dir;
  try {
    let users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users, 'Kiến nghị thứ nhất');
    await smtp.waitFor(to('lienminh@example.vn'));
    await server.stop();
    server = await startServer({ dir, args: mailArgs(smtp) });
    users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    const second = await submitted(users, 'Kiến nghị thứ hai');
    await smtp.waitFor((m) => to('lienminh@example.vn')(m) && m.parsed.subject.includes(second.code));
    const rows = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i.length === 2 && i.every((r) => r.state === 'sent'), 'two sent');
    const mine = smtp.received.filter(to('lienminh@example.vn'));
    assert.equal(mine.length, 2, 'each e-mail arrived once');
    assert.deepEqual(new Set(mine.map((m) => m.parsed.messageId)), new Set(rows.map((r) => r.message_id)));
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('an instance killed in the middle of a send: after the lease that one e-mail goes again, with the same Message-ID', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let first = true;
  // The first message is held until its sender is dead, then refused on the dead connection.
  const smtp = await startSmtp({ hold: async () => { if (!first) return true; first = false; await held; return false; } });
  const args = mailArgs(smtp, ['--mail-lease-seconds', '2']);
  let server = await startServer({ args });
  const dir = server.dir;
  try {
    let users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users);
    const deadline = Date.now() + 30000;
    while (smtp.seen.length === 0) {
      if (Date.now() > deadline) throw new Error('the first send never reached the mail server');
      await new Promise((r) => setTimeout(r, 50));
    }
    const messageId = smtp.seen[0].parsed.messageId;
    await server.stop('SIGKILL');
    release();
    server = await startServer({ dir, args });
    users = await signedIn(server, ['admin', 'lienminh']);
    const again = await smtp.waitFor(to('lienminh@example.vn'));
    assert.equal(again.parsed.messageId, messageId, 'the resend carries the same Message-ID');
    const [row] = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'sent', 'sent');
    assert.equal(row.attempts, 2);
    assert.equal(smtp.received.filter(to('lienminh@example.vn')).length, 1);
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('a mail server that is down: retries, then failed with the reason; once it is up the admin retries and it arrives', async () => {
  const probe = await startSmtp();
  const port = probe.port;
  await probe.close();
  const server = await startServer({ args: mailArgs(`smtp://127.0.0.1:${port}`) });
  let smtp;
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    const p = await submitted(users);
    const [failed] = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'failed', 'failed');
    assert.equal(failed.attempts, 3);
    assert.match(failed.last_error, /connect/i);
    const listed = await users.admin.request('/api/v1/outbox?state=failed');
    assert.ok(listed.body.items.some((r) => r.id === failed.id));
    assert.ok(listed.body.counts.failed >= 1);
    smtp = await startSmtp({ port });
    // The address was mended meanwhile: the retry goes to the one the account has now.
    await setEmail(users.lienminh, 'lienminh.moi@example.vn');
    const retried = await users.admin.request(`/api/v1/outbox/${failed.id}/retry`, { method: 'POST' });
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.body.state, 'pending');
    const m = await smtp.waitFor(to('lienminh.moi@example.vn'));
    assert.equal(smtp.received.filter(to('lienminh@example.vn')).length, 0);
    assert.ok(m.parsed.subject.includes(p.code));
    assert.equal(m.parsed.messageId, failed.message_id);
    await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'sent', 'sent');
  } finally { await server.stop(); server.cleanup(); if (smtp) await smtp.close(); }
});

test('a mail server that refuses: each attempt is refused, then failed with its answer', async () => {
  const smtp = await startSmtp({ refuse: 'Mailbox unavailable' });
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users);
    const [failed] = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'failed', 'failed');
    assert.equal(failed.attempts, 3);
    assert.match(failed.last_error, /^550 .*Mailbox unavailable/);
    assert.equal(smtp.seen.filter(to('lienminh@example.vn')).length, 3, 'three attempts reached the server');
    assert.equal(new Set(smtp.seen.map((m) => m.parsed.messageId)).size, 1, 'each attempt is the same e-mail');
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('STARTTLS with a login: sent encrypted and authenticated; a wrong password fails with the server\'s answer', async () => {
  const tls = selfSignedCertificate();
  const smtp = await startSmtp({ tls, login: { user: 'hoptac', pass: 'mật-khẩu-thư' } });
  const args = mailArgs(smtp, ['--smtp-require-tls', '--smtp-ca-file', tls.certFile, '--smtp-user', 'hoptac']);
  process.env.HOPTAC_SMTP_PASSWORD = 'mật-khẩu-thư';
  const server = await startServer({ args });
  process.env.HOPTAC_SMTP_PASSWORD = 'sai';
  const wrong = await startServer({ args });
  delete process.env.HOPTAC_SMTP_PASSWORD;
  try {
    const users = await signedIn(server, ['lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users);
    const m = await smtp.waitFor(to('lienminh@example.vn'));
    assert.equal(m.secure, true, 'the session was upgraded by STARTTLS');
    assert.equal(m.user, 'hoptac');
    const other = await signedIn(wrong, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(other.lienminh, 'lienminh2@example.vn');
    await submitted(other);
    const [failed] = await outboxUntil(other.admin, other.lienminh.user.id, (i) => i[0]?.state === 'failed', 'failed');
    assert.match(failed.last_error, /535/);
    assert.ok(!wrong.log.some((l) => l.includes('sai')), 'the password is never logged');
  } finally {
    await server.stop(); server.cleanup(); await wrong.stop(); wrong.cleanup(); await smtp.close();
  }
});

test('a login never goes in clear: without STARTTLS nothing is sent and the e-mail fails saying why', async () => {
  const smtp = await startSmtp({ login: { user: 'hoptac', pass: 'mật-khẩu-thư' } });  // no TLS offered
  process.env.HOPTAC_SMTP_PASSWORD = 'mật-khẩu-thư';
  const server = await startServer({ args: mailArgs(smtp, ['--smtp-user', 'hoptac']) });
  delete process.env.HOPTAC_SMTP_PASSWORD;
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users);
    const [failed] = await outboxUntil(users.admin, users.lienminh.user.id, (i) => i[0]?.state === 'failed', 'failed');
    assert.match(failed.last_error, /TLS|SSL/i);
    assert.equal(smtp.seen.length, 0, 'nothing reached the server');
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('an assignment is undone although the cooperative was e-mailed; not once the agency\'s digest carries it', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'ubnd', 'htx-taihoan', 'so-congthuong']);
    const agency = {};
    for (const a of (await server.request('/api/v1/agencies')).body.items) agency[a.code] = a.id;
    await setEmail(users['htx-taihoan'], 'taihoan@example.vn');
    const assigned = async (title) => {
      const p = await submitted(users, title);
      await ok(users.lienminh, p.id, 'receive');
      const b = await users.lienminh.request('/api/v1/batches', { method: 'POST', json: { title, petition_ids: [p.id] } });
      assert.equal(b.status, 201, b.text);
      return ok(users.ubnd, p.id, 'assign', { lead_agency_id: agency['so-congthuong'], due_on: addWorkingDays(todayIso(), 12) });
    };
    const p = await assigned('Giao nhầm cơ quan');
    const mail = await smtp.waitFor((m) => to('taihoan@example.vn')(m) && m.parsed.subject.includes(p.code) && m.parsed.subject.includes('giao'));
    assert.ok(mail, 'the cooperative was told of the assignment');
    const undone = await users.ubnd.request(`${P}/${p.id}/undo`, { method: 'POST' });
    assert.equal(undone.status, 200, `the cooperative's e-mail does not stop the UBND's undo: ${undone.text}`);
    const coopNotices = (await users['htx-taihoan'].request('/api/v1/notifications?per_page=100')).body.items;
    assert.ok(coopNotices.some((n) => n.kind === 'assigned' && n.message.includes(p.code)), 'what was e-mailed stays on record');
    const deptNotices = (await users['so-congthuong'].request('/api/v1/notifications?per_page=100')).body.items;
    assert.ok(!deptNotices.some((n) => n.kind === 'assigned' && n.message.includes(p.code)), 'the agency\'s unseen notice is taken back');

    await setEmail(users['so-congthuong'], 'congthuong@example.vn');
    await users['so-congthuong'].request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { assigned: 'daily' } } });
    const q = await assigned('Vào thư tổng hợp');
    cli(['mail', 'queue-digests', '--now'], { database: server.database });
    const refused = await users.ubnd.request(`${P}/${q.id}/undo`, { method: 'POST' });
    expectProblem(assert, refused, 409);
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('each user chooses: off keeps the in-app notification and sends nothing; daily waits for the digest', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'htx-taihoan']);
    const coop = users['htx-taihoan'];
    await setEmail(coop, 'taihoan@example.vn');
    const settings = await coop.request('/api/v1/me/notification-settings');
    assert.equal(settings.status, 200);
    assert.equal(settings.body.language, 'vi');
    assert.equal(settings.body.email, 'taihoan@example.vn');
    const returned = settings.body.kinds.find((k) => k.kind === 'returned');
    assert.deepEqual([returned.delivery, returned.default_delivery, returned.label_vi], ['immediate', 'immediate', 'Kiến nghị cần bổ sung']);
    assert.ok(!settings.body.kinds.some((k) => k.kind === 'due_soon'), 'a cooperative is offered its own kinds only');

    const off = await coop.request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { returned: 'off' } } });
    assert.equal(off.body.kinds.find((k) => k.kind === 'returned').delivery, 'off');
    const p1 = await submitted(users, 'Kiến nghị không gửi thư');
    await ok(users.lienminh, p1.id, 'return', { reason: 'Bổ sung hồ sơ vay vốn' });
    const inApp = await coop.request('/api/v1/notifications?per_page=50');
    assert.ok(inApp.body.items.some((n) => n.kind === 'returned' && n.message.includes(p1.code)), 'the in-app notification is kept');
    assert.equal((await outboxOf(users.admin, coop.user.id)).length, 0, 'no e-mail was queued');

    await coop.request('/api/v1/me/notification-settings', { method: 'PUT', json: { kinds: { returned: 'daily' } } });
    const p2 = await submitted(users, 'Kiến nghị vào bản tổng hợp');
    await ok(users.lienminh, p2.id, 'return', { reason: 'Bổ sung giấy chứng nhận' });
    assert.equal((await outboxOf(users.admin, coop.user.id)).length, 0, 'a daily choice waits for the digest');
    assert.match(cli(['mail', 'queue-digests', '--now'], { database: server.database }), /hoptac: \d+ digest e-mails queued/);
    const digest = await smtp.waitFor(to('taihoan@example.vn'));
    assert.match(digest.parsed.subject, /^\[hoptac\] Tổng hợp thông báo ngày \d\d\/\d\d\/\d{4}$/);
    assert.ok(digest.parsed.text.includes(p2.code), digest.parsed.text);
    assert.ok(!digest.parsed.text.includes(p1.code), 'what was turned off is not in the digest');
    // Once a day: queued again, nothing more for this user.
    cli(['mail', 'queue-digests', '--now'], { database: server.database });
    const rows = await outboxOf(users.admin, coop.user.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].kind, 'daily_digest');
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('the weekly digest reaches the UBND\'s leaders and the Liên minh once a week, with figures by agency', async () => {
  const smtp = await startSmtp();
  const server = await startServer({ args: mailArgs(smtp) });
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'ubnd']);
    await setEmail(users.ubnd, 'ubnd@example.vn', { weekly: true });
    await setEmail(users.lienminh, 'lienminh@example.vn');  // and turns the weekly digest off
    cli(['mail', 'queue-digests', '--now'], { database: server.database });
    const m = await smtp.waitFor(to('ubnd@example.vn'));
    assert.match(m.parsed.subject, /^\[hoptac\] Bản tin tuần \d\d\/\d\d\/\d{4} – \d\d\/\d\d\/\d{4}$/);
    assert.match(m.parsed.text, /Tiếp nhận: \d+/);
    assert.match(m.parsed.text, /Đang quá hạn: \d+/);
    assert.ok(m.parsed.html.includes('<th>Cơ quan</th>'), 'a table by agency');
    cli(['mail', 'queue-digests', '--now'], { database: server.database });
    await outboxUntil(users.admin, users.ubnd.user.id, (i) => i.length === 1 && i[0].state === 'sent', 'one sent');
    assert.equal((await outboxOf(users.admin, users.lienminh.user.id)).length, 0, 'turned off');
  } finally { await server.stop(); server.cleanup(); await smtp.close(); }
});

test('two instances on one database send each e-mail once', async () => {
  const smtp = await startSmtp();
  const a = await startServer({ args: mailArgs(smtp) });
  const b = await startServer({ database: a.database, args: mailArgs(smtp) });
  try {
    const users = await signedIn(a, ['admin', 'lienminh', 'htx-taihoan']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    for (let i = 0; i < 8; i += 1) await submitted(users, `Kiến nghị số ${i + 1}`);
    const rows = await outboxUntil(users.admin, users.lienminh.user.id, (r) => r.length === 8 && r.every((x) => x.state === 'sent'), 'eight sent');
    const mine = smtp.received.filter(to('lienminh@example.vn'));
    assert.equal(mine.length, 8, 'eight e-mails, none twice');
    assert.equal(new Set(mine.map((m) => m.parsed.messageId)).size, 8);
    assert.ok(rows.every((r) => r.attempts === 1));
  } finally { await b.stop(); await a.stop(); a.cleanup(); await smtp.close(); }
});

test('without SMTP the e-mail stays in the outbox and the admin sees it; the outbox is the admin\'s only', async () => {
  const server = await startServer();
  try {
    const users = await signedIn(server, ['admin', 'lienminh', 'ubnd', 'htx-taihoan', 'so-congthuong']);
    await setEmail(users.lienminh, 'lienminh@example.vn');
    await submitted(users);
    const res = await users.admin.request('/api/v1/outbox');
    assert.equal(res.status, 200);
    assert.equal(res.body.smtp.configured, false);
    const mine = res.body.items.filter((r) => r.user.id === users.lienminh.user.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].state, 'pending');
    assert.ok(res.body.counts.pending >= 1);
    for (const who of ['lienminh', 'ubnd', 'htx-taihoan', 'so-congthuong']) {
      expectProblem(assert, await users[who].request('/api/v1/outbox'), 403);
      expectProblem(assert, await users[who].request(`/api/v1/outbox/${mine[0].id}/retry`, { method: 'POST' }), 403);
    }
    expectProblem(assert, await server.request('/api/v1/outbox'), 401);
    expectProblem(assert, await users.admin.request('/api/v1/outbox?state=lost'), 400);
    expectProblem(assert, await users.admin.request('/api/v1/outbox?user_id=-1'), 400);
    expectProblem(assert, await users.admin.request('/api/v1/outbox/99999999'), 404);
    expectProblem(assert, await users.admin.request(`/api/v1/outbox/${mine[0].id}/retry`, { method: 'POST' }), 409);
    const one = await users.admin.request(`/api/v1/outbox/${mine[0].id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.body_text, null, 'written when it is first sent');
  } finally { await server.stop(); server.cleanup(); }
});

test('notification settings are one\'s own and checked: every wrong value is a 422 and nothing changes', async () => {
  const server = await startServer();
  try {
    const users = await signedIn(server, ['htx-taihoan', 'so-congthuong']);
    const coop = users['htx-taihoan'];
    const S = '/api/v1/me/notification-settings';
    const before = (await coop.request(S)).body;
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { kinds: { due_soon: 'off' } } }), 422, 'kinds.due_soon');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { kinds: { returned: 'weekly' } } }), 422, 'kinds.returned');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { kinds: { returned: 1 } } }), 422, 'kinds');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { kinds: { ['x'.repeat(5000)]: 'off' } } }), 422, 'kinds');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { language: 'fr', kinds: { returned: 'off' } } }), 422, 'language');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { kinds: [] } }), 422, 'kinds');
    expectProblem(assert, await coop.request(S, { method: 'PUT', json: { colour: 'red' } }), 422, 'colour');
    expectProblem(assert, await coop.request(S, { method: 'PUT', body: '{', headers: { 'content-type': 'application/json' } }), 400);
    assert.deepEqual((await coop.request(S)).body, before, 'nothing changed');
    expectProblem(assert, await server.request(S), 401);
    const dept = (await users['so-congthuong'].request(S)).body;
    assert.ok(dept.kinds.some((k) => k.kind === 'due_soon') && dept.kinds.some((k) => k.kind === 'overdue'));
    expectProblem(assert, await users['so-congthuong'].request(S, { method: 'PUT', json: { kinds: { weekly_digest: 'daily' } } }), 422, 'kinds.weekly_digest');
  } finally { await server.stop(); server.cleanup(); }
});
