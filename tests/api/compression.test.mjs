// Answers compressed for slow links: JSON gzipped on the fly above 1 KB when accepted, with
// Vary; never without Accept-Encoding, for small answers or for a PDF; hostile headers; the
// web app's files as brotli or gzip copies made at build time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { rawGet } from './raw_http.mjs';

let server;
let web;
const APP = 'const x = 1;\n'.repeat(5000);
before(async () => {
  web = mkdtempSync(join(tmpdir(), 'hoptac-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>hoptac</title><script src="/assets/app-1.js"></script>');
  writeFileSync(join(web, 'assets', 'app-1.js'), APP);
  writeFileSync(join(web, 'assets', 'app-1.js.gz'), gzipSync(APP, { level: 9 }));
  writeFileSync(join(web, 'assets', 'app-1.js.br'), brotliCompressSync(APP));
  server = await startServer({ args: ['--web', web] });
});
after(async () => { await server.stop(); server.cleanup(); rmSync(web, { recursive: true, force: true }); });

const LIST = '/api/v1/cooperatives?per_page=50';

test('a large JSON answer is gzipped when accepted, and decodes to the same JSON', async () => {
  const plain = await rawGet(server.port, LIST);
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(plain.headers.vary ?? '', /Accept-Encoding/);
  assert.ok(plain.body.length > 1024);
  const gz = await rawGet(server.port, LIST, 'Accept-Encoding: gzip, deflate, br\r\n');
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary ?? '', /Accept-Encoding/);
  assert.match(gz.headers['content-type'], /application\/json/);
  assert.equal(Number(gz.headers['content-length']), gz.body.length);
  assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()));
  assert.ok(gz.body.length * 3 < plain.body.length, `${gz.body.length} of ${plain.body.length}`);
});

test('small answers, refused gzip and PDF are sent as they are', async () => {
  const small = await rawGet(server.port, '/healthz', 'Accept-Encoding: gzip\r\n');
  assert.ok(small.body.length <= 1024);
  assert.equal(small.headers['content-encoding'], undefined);
  assert.doesNotThrow(() => JSON.parse(small.body.toString()));
  const refused = await rawGet(server.port, LIST, 'Accept-Encoding: gzip;q=0, identity\r\n');
  assert.equal(refused.headers['content-encoding'], undefined);
  assert.doesNotThrow(() => JSON.parse(refused.body.toString()));
  const other = await rawGet(server.port, LIST, 'Accept-Encoding: deflate, compress\r\n');
  assert.equal(other.headers['content-encoding'], undefined);
});

test('a hostile Accept-Encoding does not crash the server', async () => {
  for (const h of [',,,,', ';;;q=', 'gzip;q=', 'gzip;q=abc', 'gzip;;;', '*;q=0', ' '.repeat(4000), 'gzip,'.repeat(1500),
    '\tgzip\t;\tq=1', 'GZIP', 'x'.repeat(7000)]) {
    const res = await rawGet(server.port, LIST, `Accept-Encoding: ${h}\r\n`);
    assert.ok(res.status === 200 || res.status === 431 || res.status === 400, `${JSON.stringify(h.slice(0, 20))}: ${res.status}`);
    if (res.status === 200 && res.headers['content-encoding'] === 'gzip') JSON.parse(gunzipSync(res.body).toString());
    else if (res.status === 200) JSON.parse(res.body.toString());
  }
  assert.equal((await rawGet(server.port, '/healthz')).status, 200);
});

test("the home page's assets: brotli or gzip copies much smaller than without", async () => {
  const plain = await rawGet(server.port, '/assets/app-1.js');
  const gz = await rawGet(server.port, '/assets/app-1.js', 'Accept-Encoding: gzip\r\n');
  const br = await rawGet(server.port, '/assets/app-1.js', 'Accept-Encoding: gzip, deflate, br\r\n');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(br.headers['content-encoding'], 'br');
  for (const r of [gz, br]) assert.match(r.headers.vary ?? '', /Accept-Encoding/);
  assert.equal(plain.body.toString(), APP);
  assert.equal(gunzipSync(gz.body).toString(), APP);
  assert.equal(brotliDecompressSync(br.body).toString(), APP);
  assert.ok(br.body.length < gz.body.length && gz.body.length * 10 < plain.body.length,
    `plain ${plain.body.length}, gzip ${gz.body.length}, br ${br.body.length}`);
  const noBr = await rawGet(server.port, '/assets/app-1.js', 'Accept-Encoding: br;q=0, gzip\r\n');
  assert.equal(noBr.headers['content-encoding'], 'gzip');
});

test("the built home page's scripts and styles: brotli and gzip against without", async (t) => {
  const dist = new URL('../../web/dist/', import.meta.url).pathname;
  let index;
  try {
    index = (await import('node:fs')).readFileSync(join(dist, 'index.html'), 'utf8');
  } catch {
    t.skip('web/dist is not built (cd web && npm run build)');
    return;
  }
  const app = await startServer({ args: ['--web', dist] });
  try {
    const assets = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    assert.ok(assets.length > 0);
    const sizes = { plain: 0, gzip: 0, br: 0 };
    for (const a of assets) {
      const plain = await rawGet(app.port, a);
      const gz = await rawGet(app.port, a, 'Accept-Encoding: gzip\r\n');
      const br = await rawGet(app.port, a, 'Accept-Encoding: br, gzip\r\n');
      assert.equal(gz.headers['content-encoding'], 'gzip', a);
      assert.equal(br.headers['content-encoding'], 'br', a);
      assert.ok(brotliDecompressSync(br.body).equals(plain.body), a);
      assert.ok(gunzipSync(gz.body).equals(plain.body), a);
      sizes.plain += plain.body.length;
      sizes.gzip += gz.body.length;
      sizes.br += br.body.length;
    }
    console.log(`home page assets: ${(sizes.plain / 1024).toFixed(1)} KB, gzip ${(sizes.gzip / 1024).toFixed(1)} KB, br ${(sizes.br / 1024).toFixed(1)} KB`);
    assert.ok(sizes.br < sizes.gzip && sizes.gzip < sizes.plain * 0.4, JSON.stringify(sizes));
  } finally {
    await app.stop();
    app.cleanup();
  }
});
