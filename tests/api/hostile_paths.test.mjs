// Static files: no request path, however it is written, gets a byte from outside the web root
// (issue 8, item 1). The server serves a web root of its own, with links that point out of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, symlinkSync, readFileSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { rawGet } from './raw_http.mjs';

let server, root, secret;
const SECRET = 'hoptac-secret-outside-the-web-root';

before(async () => {
  server = await startServer({ demo: false, args: [] });
  await server.stop();
  // The web root, beside the database and a secret file that must never be served.
  root = join(server.dir, 'web');
  secret = join(server.dir, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>hoptac</title><p>app</p>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("app")');
  // The build's compressed copies (web/scripts/compress.mjs); one of them links out of the root.
  writeFileSync(join(root, 'assets', 'app-1234.js.gz'), gzipSync('console.log("app")'));
  writeFileSync(join(root, 'index.html.gz'), gzipSync('<!doctype html><title>hoptac</title><p>app</p>'));
  writeFileSync(join(root, 'assets', 'plain-1.css'), 'p{}');
  writeFileSync(join(root, 'assets', 'linked-1.js'), 'console.log("linked")');
  writeFileSync(join(root, '.env'), SECRET);
  writeFileSync(secret, SECRET);
  symlinkSync(secret, join(root, 'assets', 'leak.js'));
  symlinkSync(server.dir, join(root, 'up'));
  symlinkSync('/etc', join(root, 'etc-link'));
  symlinkSync(secret, join(root, 'assets', 'linked-1.js.gz'));
  server = await startServer({ demo: false, dir: server.dir, args: ['--web', root] });
});
after(async () => { await server.stop(); server.cleanup(); });

const outside = () => [
  SECRET, 'root:x:0:0', 'SQLite format 3', readFileSync('/etc/hostname', 'utf8').trim() || 'no-hostname',
];

// The server's own files (an SQLite database, the file naming the database) beside the root.
const hostilePaths = (dbFile = join(server.dir, 'hoptac.db')) => [
  '//etc/passwd', '///etc/passwd', '/%2fetc%2fpasswd', '/%2Fetc/passwd', `/${dbFile}`,
  `/${dbFile.slice(1)}`, `/${dbFile.replace('hoptac.db', 'database.url')}`, '/..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/assets/../../secret.txt', '/assets/..%2f..%2fsecret.txt',
  '/../secret.txt', '/./../secret.txt', '/%00', '/index.html%00.js', '/assets/%00/../../secret.txt',
  '/..\\..\\secret.txt', '/assets\\..\\..\\secret.txt', '/%5c..%5c..%5csecret.txt',
  '/assets/leak.js', '/up/secret.txt', '/up/hoptac.db', '/etc-link/passwd', '/etc-link/hostname',
  '/.env', '/%2eenv', '/assets/./leak.js', '/C:/Windows/win.ini', '/%c0%ae%c0%ae/secret.txt',
  'http://127.0.0.1/etc/passwd', 'http://evil.example//etc/passwd', 'file:///etc/passwd', '*',
];

test('no hostile path gets a byte from outside the web root', async () => {
  for (const path of hostilePaths()) {
    const res = await rawGet(server.port, path);
    const body = res.body.toString('latin1');
    for (const marker of outside())
      assert.ok(!body.includes(marker), `${path} answered ${res.status} with bytes from outside the root`);
    assert.ok([400, 404].includes(res.status) || body.includes('<p>app</p>'),
      `${path}: ${res.status} ${body.slice(0, 120)}`);
    assert.ok(res.status < 500, `${path}: ${res.status}`);
  }
  assert.equal((await server.request('/healthz')).status, 200);
});

test('paths that climb, hide or link out are 404; the app and its assets are served', async () => {
  for (const path of ['//etc/passwd', '/%2fetc%2fpasswd', '/assets/leak.js', '/up/secret.txt', '/.env', '/%00', '/..\\secret.txt'])
    assert.equal((await rawGet(server.port, path)).status, 404, path);
  const asset = await rawGet(server.port, '/assets/app-1234.js');
  assert.equal(asset.status, 200);
  assert.equal(asset.body.toString(), 'console.log("app")');
  assert.match(asset.headers['cache-control'], /immutable/);
  const route = await rawGet(server.port, '/hop-tac-xa/12');
  assert.equal(route.status, 200);
  assert.match(route.body.toString(), /<p>app<\/p>/);
  assert.equal((await rawGet(server.port, '/assets/missing.js')).status, 404);
});

test('absolute-form and asterisk targets are refused with 400, with the security headers', async () => {
  for (const target of ['http://evil.example/healthz', 'http://127.0.0.1/healthz', '*']) {
    const res = await rawGet(server.port, target);
    assert.equal(res.status, 400, target);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', target);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, target);
  }
});

test('a client that takes gzip gets the compressed copy; the others, and links out, do not', async () => {
  const gz = await rawGet(server.port, '/assets/app-1234.js', 'Accept-Encoding: gzip, br\r\n');
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers['content-type'], /javascript/);
  assert.match(gz.headers.vary, /Accept-Encoding/);
  assert.equal(gunzipSync(gz.body).toString(), 'console.log("app")');
  const plain = await rawGet(server.port, '/assets/app-1234.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), 'console.log("app")');
  const refused = await rawGet(server.port, '/assets/app-1234.js', 'Accept-Encoding: gzip;q=0, br\r\n');
  assert.equal(refused.headers['content-encoding'], undefined, 'q=0 refuses gzip');
  const route = await rawGet(server.port, '/hop-tac-xa/12', 'Accept-Encoding: gzip\r\n');
  assert.equal(route.headers['content-encoding'], 'gzip', 'the app page too');
  assert.match(gunzipSync(route.body).toString(), /<p>app<\/p>/);
  const noCopy = await rawGet(server.port, '/assets/plain-1.css', 'Accept-Encoding: gzip\r\n');
  assert.equal(noCopy.headers['content-encoding'], undefined);
  assert.equal(noCopy.body.toString(), 'p{}');
  const linked = await rawGet(server.port, '/assets/linked-1.js', 'Accept-Encoding: gzip\r\n');
  assert.equal(linked.status, 200);
  assert.equal(linked.headers['content-encoding'], undefined, 'a copy that links out is not served');
  assert.ok(!linked.body.toString().includes(SECRET));
  assert.equal(linked.body.toString(), 'console.log("linked")');
});
