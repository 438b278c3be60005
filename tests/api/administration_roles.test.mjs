// Every endpoint of administration and accounts, for every role and for anonymous callers:
// who is refused (401, 403) is decided on the server, whatever the pages show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';

let server, other;
const clients = {};
before(async () => {
  server = await startServer();
  for (const who of ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan']) clients[who] = await server.as(who);
  // Actions aim at an account none of the callers signs in with (a 2FA reset ends sessions).
  other = (await server.signIn('so-taichinh')).user.id;
});
after(async () => { await server.stop(); server.cleanup(); });

const ALL = ['admin', 'lienminh', 'ubnd', 'so-congthuong', 'htx-taihoan'];
// [method, path, body, the users who may (others get 403), anonymous status]
const ENDPOINTS = [
  ['GET', '/api/v1/users', null, ['admin', 'lienminh']],
  ['POST', '/api/v1/users', { username: 'role-matrix', display_name: 'X', role: 'leader' }, ['admin']],
  ['GET', '/api/v1/users/{other}', null, ['admin']],
  ['PATCH', '/api/v1/users/{other}', { display_name: 'Cán bộ Sở Tài chính' }, ['admin']],
  ['POST', '/api/v1/users/{other}/enable', null, ['admin']],
  ['POST', '/api/v1/users/{other}/link', null, ['admin']],
  ['POST', '/api/v1/users/{other}/totp-reset', null, ['admin']],
  ['GET', '/api/v1/api-tokens', null, ['admin']],
  ['GET', '/api/v1/security-settings', null, ['admin']],
  ['PUT', '/api/v1/security-settings', { totp_required_roles: [] }, ['admin']],
  ['GET', '/api/v1/audit', null, ['admin', 'lienminh', 'ubnd']],
  ['GET', '/api/v1/audit/export', null, ['admin', 'lienminh', 'ubnd']],
  ['GET', '/api/v1/me', null, ALL],
  ['PATCH', '/api/v1/me', {}, ALL],
  ['GET', '/api/v1/me/sessions', null, ALL],
  ['GET', '/api/v1/me/tokens', null, ALL],
  ['POST', '/api/v1/agencies', { code: 'so-ma-tran', name: 'Sở Ma Trận', short_name: 'Sở MT', kind: 'department' }, ['admin']],
  ['PATCH', '/api/v1/agencies/4', { short_name: 'Sở Tài chính' }, ['admin']],
  ['POST', '/api/v1/categories', { code: 'ma_tran', name_vi: 'Ma trận', name_en: 'Matrix', default_days: 5 }, ['admin']],
  ['PATCH', '/api/v1/categories/credit', { default_days: 10 }, ['admin']],
  ['POST', '/api/v1/holidays', { day: '2027-11-30', name: 'Thử', kind: 'holiday' }, ['admin']],
  ['GET', '/api/v1/letterheads', null, ['admin', 'lienminh', 'ubnd', 'so-congthuong']],
  ['POST', '/api/v1/letterheads', { valid_from: '2031-01-01', parent_body: 'UBND TỈNH THÁI NGUYÊN', issuing_body: 'LIÊN MINH HỢP TÁC XÃ TỈNH', place_name: 'Thái Nguyên' }, ['admin']],
];

for (const [method, template, body, allowed] of ENDPOINTS) {
  test(`${method} ${template}: anonymous 401, ${allowed.join(', ')} allowed, others 403`, async () => {
    const path = template.replace('{other}', other);
    const anon = await server.request(path, { method, json: body ?? undefined });
    assert.equal(anon.status, 401, `anonymous: ${anon.text}`);
    for (const who of ALL) {
      const res = await clients[who].request(path, { method, json: body ?? undefined });
      if (allowed.includes(who)) assert.ok(res.status < 300, `${who}: ${res.status} ${res.text}`);
      else assert.equal(res.status, 403, `${who}: ${res.status} ${res.text}`);
    }
  });
}

test('one-time link pages need no sign-in and say nothing about unknown links', async () => {
  const res = await server.request('/api/v1/account-links/nothing-like-a-token');
  assert.equal(res.status, 404);
  assert.ok(!/username|display_name/.test(res.text));
});
