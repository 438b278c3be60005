#!/usr/bin/env node
// The public home page's weight and speed, measured in Debian's headless Chromium against a
// running `hoptac serve --web web/dist`:
//   (a) the JavaScript and CSS that / loads (every script, module preload and stylesheet
//       requested until the page is drawn): raw, gzip -9 and brotli (quality 11) computed here on
//       the bodies, and the bytes the server actually sent; target: ≤ 50 KB (51200 bytes) gzip;
//   (b) first contentful paint under a 3G-like network (latency 150 ms, 200,000 bytes/s down,
//       93,750 bytes/s up, no CPU throttle, cache disabled, a fresh browser context per run):
//       median and max of 5 runs; target: median ≤ 1500 ms.
// Usage: node bench/web.mjs --base http://127.0.0.1:PORT [--runs 5] [--path /]
// Output: one line per figure, "web|<figure>|<value>|<target>", then a summary for people.
// Exit status: 0 when measured (a missed target is printed, not an error), 1 on errors.
import { createRequire } from 'node:module';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const { values: opts } = parseArgs({
  options: {
    base: { type: 'string' },
    runs: { type: 'string', default: '5' },
    path: { type: 'string', default: '/' },
    timeout: { type: 'string', default: '60000' },
  },
});
if (!opts.base) {
  console.error('usage: node bench/web.mjs --base http://127.0.0.1:PORT [--runs 5] [--path /]');
  process.exit(2);
}
const BASE = opts.base.replace(/\/+$/, '');
const PATH = opts.path;
const RUNS = Number(opts.runs);
const TIMEOUT = Number(opts.timeout);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive integer, not ${opts.runs}`);

// DevTools' "Fast 3G"-like conditions.
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU_RATE = 1;
const SIZE_TARGET = 51_200; // bytes of JS+CSS, gzip
const FCP_TARGET = 1_500; // ms, median

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Opens the page in a fresh context and waits until it is drawn; the JS/CSS it loaded and its timings. */
async function visit(browser, { throttle }) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const assets = [];
    let drawn = false;
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (drawn || (type !== 'script' && type !== 'stylesheet')) return;
      const read = (async () => {
        if (res.status() !== 200) throw new Error(`${res.url()}: HTTP ${res.status()}`);
        const body = await res.body();
        const sizes = await res.request().sizes();
        return { url: res.url(), type, raw: body.length, sent: sizes.responseBodySize, encoding: (await res.headerValue('content-encoding')) ?? '', body };
      })();
      read.catch(() => {}); // reported by Promise.all below, not as an unhandled rejection
      assets.push(read);
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    if (throttle) await cdp.send('Network.emulateNetworkConditions', THROTTLE);

    const doc = await page.goto(BASE + PATH, { waitUntil: 'load', timeout: TIMEOUT });
    if (!doc || doc.status() !== 200) throw new Error(`${BASE + PATH}: HTTP ${doc?.status()}`);
    // The page is drawn: its heading is there and nothing is loading any more.
    await page.waitForFunction(() => !!document.querySelector('main h1') && !document.querySelector('.state-loading') && !document.querySelector('[aria-busy="true"]'), null, { timeout: TIMEOUT });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: TIMEOUT });
    drawn = true;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      };
    });
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    return { timing, assets: await Promise.all(assets), html: (await doc.body()).length };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const probe = await fetch(BASE + PATH).catch((e) => {
    throw new Error(`${BASE + PATH} does not answer (is hoptac serve --web web/dist running?): ${e.message}`);
  });
  if (!probe.ok) throw new Error(`${BASE + PATH}: HTTP ${probe.status}`);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    // A first visit without throttling: the sizes, and a warm-up of the server.
    const first = await visit(browser, { throttle: false });
    const files = first.assets.map((a) => ({
      ...a,
      gzip: gzipSync(a.body, { level: 9 }).length,
      brotli: brotliCompressSync(a.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: a.body.length } }).length,
    }));
    if (!files.some((f) => f.type === 'script')) throw new Error('the page loaded no script');
    const sum = (k, type) => files.filter((f) => !type || f.type === type).reduce((n, f) => n + f[k], 0);

    const fcps = [];
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await visit(browser, { throttle: true });
      fcps.push(r.timing.fcp);
      runs.push(r);
    }
    const fcpMedian = Math.round(median(fcps));
    const fcpMax = Math.round(Math.max(...fcps));

    const lines = [
      ['home js+css files', files.length, ''],
      ['home js raw', sum('raw', 'script'), ''],
      ['home css raw', sum('raw', 'stylesheet'), ''],
      ['home js+css raw', sum('raw'), ''],
      ['home js gzip', sum('gzip', 'script'), ''],
      ['home css gzip', sum('gzip', 'stylesheet'), ''],
      ['home js+css gzip', sum('gzip'), `target ${SIZE_TARGET}`],
      ['home js+css brotli', sum('brotli'), ''],
      ['home js+css sent by server', sum('sent'), ''],
      ['home html raw', first.html, ''],
      ['home FCP 3G median ms', fcpMedian, `target ${FCP_TARGET}`],
      ['home FCP 3G max ms', fcpMax, ''],
    ];
    for (const [name, value, target] of lines) console.log(`web|${name}|${value}|${target}`);

    const out = [];
    out.push('');
    out.push(`Home page ${BASE}${PATH}: the JavaScript and CSS it loads until it is drawn`);
    out.push('  file                                        raw      gzip -9   brotli   sent (encoding)');
    for (const f of files) {
      const name = new URL(f.url).pathname;
      out.push(`  ${name.padEnd(40)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(9)} ${String(f.brotli).padStart(8)}   ${f.sent} (${f.encoding || 'identity'})`);
    }
    out.push(`  ${'total'.padEnd(40)} ${String(sum('raw')).padStart(8)} ${String(sum('gzip')).padStart(9)} ${String(sum('brotli')).padStart(8)}   ${sum('sent')}`);
    out.push('');
    out.push(`Network: latency ${THROTTLE.latency} ms, down ${THROTTLE.downloadThroughput} bytes/s (1.6 Mbit/s), up ${THROTTLE.uploadThroughput} bytes/s (750 kbit/s); CPU throttle ${CPU_RATE}x; cache disabled; a fresh context per run.`);
    out.push(`  FCP per run (ms): ${fcps.map((x) => Math.round(x)).join(', ')}`);
    out.push(`  DOMContentLoaded per run (ms): ${runs.map((r) => Math.round(r.timing.dcl)).join(', ')}; load: ${runs.map((r) => Math.round(r.timing.load)).join(', ')}`);
    const urls = (r) => r.assets.map((a) => new URL(a.url).pathname).sort().join(' ');
    if (runs.some((r) => urls(r) !== urls(first))) out.push('  note: the throttled runs loaded other files than the first visit');
    const transferNote = sum('sent') < sum('raw') ? 'compressed' : 'uncompressed (the server sent identity encoding)';
    out.push(`  transfers were ${transferNote}`);
    out.push('');
    const sizeOk = sum('gzip') <= SIZE_TARGET;
    const fcpOk = fcpMedian <= FCP_TARGET;
    out.push(`${sizeOk ? 'met   ' : 'MISSED'} home JS+CSS ${kb(sum('gzip'))} gzip (${sum('gzip')} bytes; brotli ${kb(sum('brotli'))}, raw ${kb(sum('raw'))}), target ≤ 50 KB gzip`);
    out.push(`${fcpOk ? 'met   ' : 'MISSED'} home FCP under 3G ${fcpMedian} ms median, ${fcpMax} ms max, target ≤ ${FCP_TARGET} ms median`);
    console.log(out.join('\n'));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`bench/web.mjs: ${e.stack ?? e}`);
  process.exit(1);
});
