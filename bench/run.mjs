#!/usr/bin/env node
// make bench: national-size data sets (made once, kept in build/bench), the roofs and hoptac
// on SQLite and on PostgreSQL, driven by wrk from this machine; one table of requests/s, p50,
// p95, p99 and the ratio to the roof at the same number of connections, each row checked
// against its target. Writes bench/RESULTS.md. See bench/README.md for the method.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const BIN = process.env.BIN ?? 'build/hoptac';
const BUILD = process.env.BUILD ?? 'build';
const DIR = process.env.BENCH_DIR ?? 'build/bench';
const DURATION = process.env.DURATION ?? '5s';
const COOPS = Number(process.env.COOPS ?? 35000);
const SIZES = (process.env.SIZES ?? '10000,100000,1000000').split(',').map(Number);
const LARGEST = SIZES[SIZES.length - 1];
const ENGINES = (process.env.ENGINES ?? 'sqlite,postgresql').split(',');
const THREADS = Number(process.env.IO_THREADS ?? cpus().length);
const PORTS = { roof: 18900, nginx: 18901, hoptac: 18902, scratch: 18903 };
mkdirSync(DIR, { recursive: true });

const run = (cmd, args, opts = {}) => {  // its standard output; throws on failure
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
};
const seconds = (t0) => (performance.now() - t0) / 1000;
const log = (...a) => console.error('bench:', ...a);

// ---- data sets ---------------------------------------------------------------------------
const timings = {};  // what the bulk steps took, in seconds
function dataset(n) {
  const db = `${DIR}/national-${n}.db`;
  if (!existsSync(db)) {
    log(`making ${COOPS} cooperatives and ${n} petitions (seed-bench)`);
    rmSync(`${db}.tmp`, { force: true });
    const t0 = performance.now();
    run(BIN, ['seed-bench', '--database', `sqlite:${db}.tmp`, '--cooperatives', `${COOPS}`, '--petitions', `${n}`]);
    writeFileSync(`${db}.seconds`, `${seconds(t0).toFixed(1)}\n`);
    run(BIN, ['user', 'add', '--database', `sqlite:${db}.tmp`, '--username', 'bench-leader', '--role', 'leader'], { input: 'bench-password-1\n' });
    run(BIN, ['user', 'add', '--database', `sqlite:${db}.tmp`, '--username', 'bench-coop', '--role', 'coop', '--cooperative', '1'], { input: 'bench-password-1\n' });
    run('mv', [`${db}.tmp`, db]);
  }
  timings[`seed-bench ${n}`] = Number(readFileSync(`${db}.seconds`, 'utf8'));
  return db;
}
const tokens = (database) => ({
  leader: run(BIN, ['token', 'create', '--database', database, '--username', 'bench-leader']).trim(),
  coop: run(BIN, ['token', 'create', '--database', database, '--username', 'bench-coop']).trim(),
});

// The PostgreSQL copy of the largest set: a cluster of its own, loaded once by migrate-data.
function postgres(sqliteDb) {
  const dir = `${process.cwd()}/${DIR}/pg`;
  if (!existsSync(`${dir}/.loaded`)) {
    spawnSync('scripts/pg-throwaway', ['stop', dir]);
    run('scripts/pg-throwaway', ['start', dir]);
    // Settings for a database of a few GB on a machine with memory to spare (docs/deploy.md).
    const conf = "shared_buffers = '1GB'\neffective_cache_size = '8GB'\nwork_mem = '32MB'\n" +
      "maintenance_work_mem = '512MB'\nrandom_page_cost = 1.1\nmax_wal_size = '4GB'\n";
    writeFileSync(`${dir}/data/bench.conf`, conf);
    run('bash', ['-c', `echo "include 'bench.conf'" >> ${dir}/data/postgresql.conf && chown postgres ${dir}/data/bench.conf`]);
    run('scripts/pg-throwaway', ['halt', dir]);
    const again = run('scripts/pg-throwaway', ['resume', dir]).trim();
    log('loading the PostgreSQL copy (migrate-data)');
    const t0 = performance.now();
    run(BIN, ['migrate', '--database', again]);
    run(BIN, ['migrate-data', '--from', `sqlite:${sqliteDb}`, '--to', again]);
    run('psql', ['-X', '-q', again, '-c', 'VACUUM ANALYZE']);
    writeFileSync(`${dir}/.loaded`, `${seconds(t0).toFixed(1)}\n`);
  }
  timings[`migrate-data ${LARGEST} to PostgreSQL`] = Number(readFileSync(`${dir}/.loaded`, 'utf8'));
  return run('scripts/pg-throwaway', ['resume', dir]).trim();
}

// ---- servers -------------------------------------------------------------------------------
const children = [];
process.on('exit', () => children.forEach((c) => { try { c.kill('SIGKILL'); } catch {} }));
async function waitFor(url, tries = 600) {
  for (let i = 0; i < tries; i++) {
    try { if ((await fetch(url)).status < 500) return; } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not answer`);
}
function start(cmd, args) {
  const c = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'], detached: false });
  children.push(c);
  return c;
}
async function stop(c) {
  if (c.exitCode !== null) return;
  const exited = new Promise((r) => c.on('exit', r));
  c.kill('SIGTERM');
  await exited;
}
async function hoptac(database, port = PORTS.hoptac) {
  const c = start(BIN, ['serve', '--database', database, '--listen', `127.0.0.1:${port}`,
    '--io-threads', `${THREADS}`, '--threads', '4', '--web', 'web/dist']);
  await waitFor(`http://127.0.0.1:${port}/healthz`);
  return c;
}
const rss = (c) => {
  try {
    const m = readFileSync(`/proc/${c.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch { return 0; }
};

// ---- wrk -----------------------------------------------------------------------------------
// Each row is measured after a one-second run of the same requests, so that it measures the
// steady state (caches warm, plans prepared), not the first requests after a start.
function wrk(url, conns, opts = {}) {
  once(url, conns, { ...opts, duration: '1s' });
  return once(url, conns, opts);
}
function once(url, conns, { token, script = 'bench/lua/stats.lua', env = {}, duration = DURATION } = {}) {
  const args = ['-t1', `-c${conns}`, `-d${duration}`, '--timeout', '10s', '-s', script];
  if (token) args.push('-H', `Authorization: Bearer ${token}`);
  args.push(url);
  const out = run('wrk', args, { env: { ...process.env, ...env } });
  const line = out.split('\n').find((l) => l.startsWith('BENCH '));
  const s = JSON.parse(line.slice(6));
  return { rps: s.requests / s.seconds, p50: s.p50_us / 1000, p95: s.p95_us / 1000, p99: s.p99_us / 1000,
    bad: s.non2xx + s.errors, requests: s.requests };
}

// ---- the rows ------------------------------------------------------------------------------
const rows = [];
const roofs = {};  // requests/s of the bare Beast server, by connections
function row(engine, size, name, conns, r, target = {}, note = '') {
  const ratio = roofs[conns] ? r.rps / roofs[conns] : null;
  const misses = [];
  if (target.ratio && !(ratio >= target.ratio)) misses.push(`ratio ${ratio?.toFixed(2)} < ${target.ratio}`);
  if (target.p95 && !(r.p95 <= target.p95)) misses.push(`p95 ${r.p95.toFixed(1)} ms > ${target.p95} ms`);
  if (target.p99 && !(r.p99 <= target.p99)) misses.push(`p99 ${r.p99.toFixed(1)} ms > ${target.p99} ms`);
  if (target.rps && !(r.rps >= target.rps)) misses.push(`${r.rps.toFixed(0)} req/s < ${target.rps}`);
  if (r.bad) misses.push(`${r.bad} errors or non-2xx`);
  const want = [target.ratio && `≥ ${target.ratio}× roof`, target.p95 && `p95 ≤ ${target.p95} ms`,
    target.p99 && `p99 ≤ ${target.p99} ms`, target.rps && `≥ ${target.rps} req/s`].filter(Boolean).join(', ');
  rows.push({ engine, size, name, conns, ...r, ratio, want, verdict: want ? (misses.length ? `missed: ${misses.join('; ')}` : 'met') : '', note });
  log(`${engine} ${size} ${name} c${conns}: ${r.rps.toFixed(0)} req/s p95 ${r.p95.toFixed(2)} ms ${misses.join('; ')}`);
}

async function apiJson(base, path, token) {
  const res = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

// The read endpoints, measured at every size: what a clerk and a leader open all day.
const READS = [
  { name: 'cooperatives q=tai hoan', path: '/api/v1/cooperatives?q=tai%20hoan&per_page=20', target: { p95: 5 } },
  { name: 'cooperatives q=cho don', path: '/api/v1/cooperatives?q=cho%20don&per_page=20', target: { p95: 5 } },
  { name: 'cooperatives q=che', path: '/api/v1/cooperatives?q=che&per_page=20', target: { p95: 5 } },
  { name: 'petitions q=<rare word>', path: '/api/v1/petitions?q=RARE&per_page=20', auth: 'leader', target: { p95: 30 } },
  { name: 'petitions q=mien dong', path: '/api/v1/petitions?q=mien%20dong&per_page=20', auth: 'leader', target: { p95: 30 } },
  { name: 'petitions q=ho tro', path: '/api/v1/petitions?q=ho%20tro&per_page=20', auth: 'leader', target: { p95: 30 } },
  { name: 'petitions overdue', path: '/api/v1/petitions?overdue=1&per_page=20', auth: 'leader', target: { p95: 10 } },
  { name: 'petitions due soon', path: '/api/v1/petitions?due_soon=1&per_page=20', auth: 'leader', target: { p95: 10 } },
  { name: 'dashboard 2024', path: '/api/v1/dashboard?year=2024', auth: 'leader', target: { p95: 20 } },
  { name: 'indicators 2024', path: '/api/v1/indicators?year=2024', target: { p95: 20 } },
];

async function measureEngine(engine, database, size, full) {
  const tok = tokens(database);
  const server = await hoptac(database);
  const base = `http://127.0.0.1:${PORTS.hoptac}`;
  let peak = rss(server);
  const sample = () => { peak = Math.max(peak, rss(server)); };
  const rare = process.env.RARE ?? 'trui';
  const found = {};
  for (const q of [rare, 'mien dong', 'ho tro']) {
    const p = await apiJson(base, `/api/v1/petitions?q=${encodeURIComponent(q)}&per_page=1`, tok.leader);
    found[q] = `${p.total}${p.total_capped ? '+' : ''}`;
  }
  if (full) {
    const published = await apiJson(base, '/api/v1/public/petitions?per_page=1&page=1');
    const code = published.items[0].code;
    row(engine, size, '/healthz', 64, wrk(`${base}/healthz`, 64), { ratio: 0.7 }); sample();
    row(engine, size, 'public petition by code', 64, wrk(`${base}/api/v1/public/petitions/${code}`, 64), { ratio: 0.5, p99: 5 }); sample();
  }
  for (const r of READS) {
    const path = r.path.replace('RARE', encodeURIComponent(rare));
    const note = r.name.startsWith('petitions q=') ? `${found[r.name === 'petitions q=<rare word>' ? rare : r.name.slice(12)]} match` : '';
    row(engine, size, r.name.replace('<rare word>', rare), 1, wrk(base + path, 1, { token: r.auth && tok[r.auth] }), r.target, note);
    sample();
  }
  if (full) {
    row(engine, size, 'petitions q=mien dong', 16, wrk(`${base}/api/v1/petitions?q=mien%20dong&per_page=20`, 16, { token: tok.leader }), { rps: 1000 }); sample();
    row(engine, size, 'dashboard 2024', 16, wrk(`${base}/api/v1/dashboard?year=2024`, 16, { token: tok.leader }), { rps: 300 }); sample();
    row(engine, size, 'indicators 2024', 16, wrk(`${base}/api/v1/indicators?year=2024`, 16), { rps: 300 }); sample();
    const writes = wrk(base, 16, { script: 'bench/lua/create_submit.lua', env: { TOKEN: tok.coop, COOP_ID: '1' } });
    row(engine, size, 'create + submit a petition (durable)', 16, writes,
      { rps: engine === 'sqlite' ? 2000 : 1000 }, `${(writes.rps / 2).toFixed(0)} petitions/s`);
    sample();
  }
  await stop(server);
  return peak;
}

// Import of the register: the 35,000 cooperatives exported as CSV, into an empty database.
async function importRow(engine, database, freshDatabase) {
  const tok = tokens(database);
  const server = await hoptac(database);
  const csv = await (await fetch(`http://127.0.0.1:${PORTS.hoptac}/api/v1/cooperatives/export?format=csv`,
    { headers: { authorization: `Bearer ${tok.leader}` } })).text();
  await stop(server);
  run(BIN, ['migrate', '--database', freshDatabase]);
  run(BIN, ['user', 'add', '--database', freshDatabase, '--username', 'bench-clerk', '--role', 'alliance'], { input: 'bench-password-1\n' });
  const clerk = run(BIN, ['token', 'create', '--database', freshDatabase, '--username', 'bench-clerk']).trim();
  const fresh = await hoptac(freshDatabase, PORTS.scratch);
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORTS.scratch}/api/v1/cooperatives/import`, {
    method: 'POST', body: csv, headers: { authorization: `Bearer ${clerk}`, 'content-type': 'text/csv' } });
  const took = seconds(t0);
  const body = await res.json();
  await stop(fresh);
  const lines = csv.trim().split('\n').length - 1;
  rows.push({ engine, size: '', name: `import ${lines} cooperatives (CSV)`, conns: '', rps: null, p50: null, p95: null, p99: null,
    ratio: null, want: '≤ 5 s', verdict: res.status === 200 && took <= 5 ? 'met' : `missed: ${res.status} in ${took.toFixed(1)} s`,
    note: `${took.toFixed(2)} s, ${body.created ?? body.imported ?? ''} created` });
  log(`import: ${res.status} in ${took.toFixed(2)} s`, JSON.stringify(body).slice(0, 200));
}

// ---- main ----------------------------------------------------------------------------------
const started = new Date();
log('building the roof and the micro-benchmarks');
run('cmake', ['--build', BUILD, '--target', 'roof', 'micro_bench', '-j2']);
const dbs = Object.fromEntries(SIZES.map((n) => [n, dataset(n)]));

// Roofs at every connection count the rows use.
const roof = start(`${BUILD}/roof`, [`${PORTS.roof}`, `${THREADS}`]);
await waitFor(`http://127.0.0.1:${PORTS.roof}/`);
for (const c of [1, 16, 64]) {
  const r = wrk(`http://127.0.0.1:${PORTS.roof}/`, c);
  roofs[c] = r.rps;
  row('—', '', `bare Beast, ${THREADS} threads (roof)`, c, r);
}
await stop(roof);
mkdirSync(`${DIR}/www`, { recursive: true });
writeFileSync(`${DIR}/www/static.json`, '{"status":"ok"}\n');
writeFileSync(`${DIR}/nginx.conf`, `worker_processes 1; daemon off; pid ${process.cwd()}/${DIR}/nginx.pid; error_log ${process.cwd()}/${DIR}/nginx.err;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:${PORTS.nginx}; root ${process.cwd()}/${DIR}/www; } }\n`);
const nginx = start('nginx', ['-c', `${process.cwd()}/${DIR}/nginx.conf`]);
await waitFor(`http://127.0.0.1:${PORTS.nginx}/static.json`);
row('—', '', 'nginx, 1 worker, a static file', 64, wrk(`http://127.0.0.1:${PORTS.nginx}/static.json`, 64));
await stop(nginx);

let peak = 0;
// SQLite: every size; the largest on a copy, which the writes change.
for (const n of SIZES) {
  let db = dbs[n];
  if (n === LARGEST) {
    copyFileSync(db, `${DIR}/work.db`);
    db = `${DIR}/work.db`;
  }
  peak = Math.max(peak, await measureEngine('sqlite', `sqlite:${db}`, n, n === LARGEST));
}
rmSync(`${DIR}/import.db`, { force: true });
await importRow('sqlite', `sqlite:${dbs[LARGEST]}`, `sqlite:${DIR}/import.db`);

if (ENGINES.includes('postgresql')) {
  const url = postgres(dbs[LARGEST]);
  // The writes change the data: measure on a copy made from the loaded database.
  const admin = url.replace('hoptac@', 'postgres@').replace(/\/hoptac$/, '/postgres');
  run('psql', ['-X', '-q', admin, '-c', 'DROP DATABASE IF EXISTS work WITH (FORCE)', '-c', 'CREATE DATABASE work TEMPLATE hoptac OWNER hoptac']);
  const work = url.replace(/\/hoptac$/, '/work');
  peak = Math.max(peak, await measureEngine('postgresql', work, LARGEST, true));
  run('psql', ['-X', '-q', admin, '-c', 'DROP DATABASE IF EXISTS import WITH (FORCE)', '-c', 'CREATE DATABASE import OWNER hoptac']);
  await importRow('postgresql', work, url.replace(/\/hoptac$/, '/import'));
  run('scripts/pg-throwaway', ['halt', `${process.cwd()}/${DIR}/pg`]);
}

// The web application and the hot functions.
const web = await (async () => {
  const server = await hoptac(`sqlite:${dbs[SIZES[0]]}`);
  const out = run('node', ['bench/web.mjs', '--base', `http://127.0.0.1:${PORTS.hoptac}`]);
  await stop(server);
  return out;
})();
const micro = run('bash', ['bench/micro.sh', BUILD]).split('\n').filter((l) => l.startsWith('|')).join('\n');

// ---- the results ---------------------------------------------------------------------------
const f = (x, d = 1) => (x === null || x === undefined ? '' : Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Run on ${started.toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0].model}), ${Math.round(require_mem() / 1024)} GiB;`,
  `${COOPS.toLocaleString('en-US')} cooperatives and ${SIZES.map((n) => n.toLocaleString('en-US')).join(' / ')} petitions from \`seed-bench\`;`,
  `release build; hoptac with ${THREADS} I/O threads and 4 database workers; wrk with one thread, ${DURATION} per row, all rows in one run.`,
  'The ratio is to the bare Beast server (the roof) at the same connections, measured in the same run.', '');
lines.push('| engine | petitions | what | conns | req/s | p50 ms | p95 ms | p99 ms | ÷ roof | target | verdict | note |');
lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|');
for (const r of rows)
  lines.push(`| ${r.engine} | ${r.size === '' ? '' : r.size.toLocaleString('en-US')} | ${r.name} | ${r.conns} | ${f(r.rps, 0)} | ${f(r.p50, 2)} | ${f(r.p95, 2)} | ${f(r.p99, 2)} | ${r.ratio ? r.ratio.toFixed(3) : ''} | ${r.want} | ${r.verdict} | ${r.note} |`);
lines.push('', '## Bulk, memory, growth', '');
for (const [k, v] of Object.entries(timings)) lines.push(`- ${k}: ${v.toFixed(1)} s${k === `seed-bench ${LARGEST}` ? ` (target ≤ 180 s: ${v <= 180 ? 'met' : 'missed'})` : ''}`);
lines.push(`- hoptac's resident memory, highest sample after each row: ${peak.toFixed(0)} MB (target ≤ 300 MB: ${peak <= 300 ? 'met' : 'missed'})`);
for (const r of READS) {
  const name = r.name.replace('<rare word>', process.env.RARE ?? 'trui');
  const at = (n) => rows.find((x) => x.engine === 'sqlite' && x.size === n && x.name === name && x.conns === 1);
  const small = at(SIZES[0]), big = at(LARGEST);
  if (small && big) lines.push(`- growth of ${name}: p95 ${f(small.p95, 2)} ms at ${SIZES[0].toLocaleString('en-US')} → ${f(big.p95, 2)} ms at ${LARGEST.toLocaleString('en-US')} = ${(big.p95 / small.p95).toFixed(2)}× (target ≤ 2×: ${big.p95 <= 2 * small.p95 ? 'met' : 'missed'})`);
}
lines.push('', '## Web', '', '```', web.trim(), '```', '', '## Hot functions (Google Benchmark)', '', micro.trim(), '');
// What the figures mean, where a target is missed and why: written by hand after a run.
if (existsSync('bench/analysis.md')) lines.push(readFileSync('bench/analysis.md', 'utf8').trim(), '');
writeFileSync(`${DIR}/results.md`, lines.join('\n') + '\n');
if (!process.env.BENCH_DIR) writeFileSync('bench/RESULTS.md', lines.join('\n') + '\n');
console.log(lines.join('\n'));

function require_mem() {
  const m = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : 0;
}
