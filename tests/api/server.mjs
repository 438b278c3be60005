// Starts a real hoptac server on an ephemeral loopback port with a fresh demo database,
// and gives the tests a small HTTP client for it. With HOPTAC_TEST_PG set (a PostgreSQL URL
// from scripts/pg-throwaway), every server gets a database of its own on that cluster,
// copied from a demo template; otherwise an SQLite file.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, existsSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const BIN = process.env.HOPTAC_BIN ?? new URL('../../build-asan/hoptac', import.meta.url).pathname;
export const DEMO_PASSWORD = 'hoptac-demo';

// The demo is seeded once per run into a template, then copied for every server.
const templateDir = process.env.HOPTAC_TEST_DIR ?? join(tmpdir(), `hoptac-template-${process.ppid}`);
function demoTemplate() {
  const db = join(templateDir, 'demo.db');
  if (!existsSync(db)) {
    execFileSync('mkdir', ['-p', templateDir]);
    const tmp = join(templateDir, `seed-${process.pid}.db`);
    execFileSync(BIN, ['migrate', '--database', `sqlite:${tmp}`]);
    execFileSync(BIN, ['seed-demo', '--database', `sqlite:${tmp}`]);
    // Fold the WAL into the main file so that one file is the whole database.
    execFileSync('sqlite3', [tmp, 'PRAGMA wal_checkpoint(TRUNCATE);']);
    if (!existsSync(db)) execFileSync('mv', [tmp, db]);
  }
  return db;
}

export const PG = process.env.HOPTAC_TEST_PG;  // the cluster's URL, when testing PostgreSQL
export const ENGINE = PG ? 'postgresql' : 'sqlite';

// A database URL on the test cluster: same server, another database name.
const pgUrl = (name) => PG.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
const psql = (sql) => execFileSync('psql', [PG, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
let pgDatabases = 0;
function pgTemplate() {
  const name = `demo_${process.pid}`;
  const marker = join(templateDir, `${name}.pg`);
  if (!existsSync(marker)) {
    execFileSync('mkdir', ['-p', templateDir]);
    psql(`DROP DATABASE IF EXISTS ${name}`);
    psql(`CREATE DATABASE ${name}`);
    execFileSync(BIN, ['migrate', '--database', pgUrl(name)]);
    execFileSync(BIN, ['seed-demo', '--database', pgUrl(name)]);
    writeFileSync(marker, name);
  }
  return readFileSync(marker, 'utf8');
}
// A fresh database for one server: a copy of the demo template, or empty. PostgreSQL copies a
// template only once no session uses it, and the seeding command's session ends a moment
// after the command: wait for that state, polling.
function pgDatabase(demo) {
  const name = `t${process.pid}_${++pgDatabases}`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      psql(`CREATE DATABASE ${name}${demo ? ` TEMPLATE ${pgTemplate()}` : ''}`);
      return pgUrl(name);
    } catch (e) {
      if (!String(e.stderr).includes('is being accessed by other users') || attempt > 300) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

// `database`: a URL (sqlite:PATH or postgresql://...), as server.database gives it.
export function cli(args, { database, input } = {}) {
  return execFileSync(BIN, [...args, '--database', database], {
    input: input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

// `args`: more flags for `hoptac serve` (--web, --trusted-proxy, ...).
// `database`: a database URL to share with another server (two instances on one database).
export async function startServer({ demo = true, dir, args = [], database: shared, engine = ENGINE } = {}) {
  dir ??= mkdtempSync(join(process.env.HOPTAC_TEST_DIR ?? tmpdir(), 'server-'));
  const dbFile = join(dir, 'hoptac.db');
  const urlFile = join(dir, 'database.url');  // a restart in the same dir keeps its database
  let database = shared;
  if (database) {
    // given by the caller
  } else if (existsSync(urlFile)) {
    database = readFileSync(urlFile, 'utf8');
  } else if (engine === 'postgresql') {
    database = pgDatabase(demo);
  } else {
    if (demo) copyFileSync(demoTemplate(), dbFile);
    database = `sqlite:${dbFile}`;
  }
  writeFileSync(urlFile, database);
  const child = spawn(BIN, ['serve', '--database', database, '--listen', '127.0.0.1:0', '--threads', '4', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log = [];
  const port = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      log.push(line);
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'listening') resolve(entry.port);
      } catch {}
    });
    child.on('exit', (code) => reject(new Error(`hoptac serve exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const server = {
    base, port, child, database, dbFile: PG ? null : dbFile, dir, log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise((resolve) => child.on('exit', (code, sig) => resolve(code ?? sig)));
      child.kill(signal);
      return exited;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (database.startsWith('postgresql:')) psql(`DROP DATABASE IF EXISTS ${new URL(database).pathname.slice(1)} WITH (FORCE)`);
    },
    request: (path, options) => request(base, path, options),
    async signIn(username, password = DEMO_PASSWORD) {
      const res = await request(base, '/api/v1/session', { method: 'POST', json: { username, password } });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${res.text}`);
      const cookie = res.headers.get('set-cookie').split(';')[0];
      return { cookie, csrf: res.body.csrf_token, user: res.body.user };
    },
    // A client acting as one signed-in user (cookie + CSRF token).
    async as(username) {
      const s = await server.signIn(username);
      return {
        ...s,
        request: (path, options = {}) => request(base, path, {
          ...options,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(options.headers ?? {}) },
        }),
      };
    },
  };
  return server;
}

export async function request(base, path, { method = 'GET', json, body, headers = {} } = {}) {
  const h = { ...headers };
  let payload = body;
  if (json !== undefined) {
    payload = JSON.stringify(json);
    h['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers: h, body: payload });
  const buffer = Buffer.from(await res.arrayBuffer());
  const text = buffer.toString('utf8');
  let parsed;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json') && text.length) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed, text, buffer };
}

// Asserts a problem+json answer with this status and, when given, a field error.
export function expectProblem(assert, res, status, field) {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text}`);
  assert.match(res.headers.get('content-type'), /application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.ok(res.body.title, 'a problem has a title');
  if (field) {
    const fields = (res.body.errors ?? []).map((e) => e.field);
    assert.ok(fields.includes(field), `expected an error on ${field}, got ${JSON.stringify(fields)}`);
  }
}
