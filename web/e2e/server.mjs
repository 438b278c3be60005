// Starts a real `hoptac serve` for the browser tests: a freshly seeded demo database in a
// temporary directory, an ephemeral loopback port, and web/dist as the web root. With
// { empty: { username, password, name } } the database has no demo: only the migrations'
// reference data and that one administrator (`hoptac migrate`, then `hoptac user add`).
// `args`: more flags for `hoptac serve` (the SMTP server of tests/api/smtp.mjs's mailArgs).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const BIN = process.env.HOPTAC_BIN ?? fileURLToPath(new URL('../../build-asan/hoptac', import.meta.url));
export const DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const PASSWORD = 'hoptac-demo';

export async function startServer({ empty, args = [] } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-e2e-'));
  const database = `sqlite:${join(dir, 'hoptac.db')}`;
  if (empty) {
    execFileSync(BIN, ['migrate', '--database', database], { stdio: ['ignore', 'ignore', 'inherit'] });
    const add = ['user', 'add', '--database', database, '--username', empty.username, '--role', 'admin'];
    if (empty.name) add.push('--name', empty.name);
    execFileSync(BIN, add, { input: `${empty.password}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
  } else {
    execFileSync(BIN, ['seed-demo', '--database', database], { stdio: 'ignore' });
  }
  const child = spawn(BIN, ['serve', '--database', database, '--listen', '127.0.0.1:0', '--threads', '4', '--web', DIST, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'listening') resolve(entry.port);
      } catch {}
    });
    child.on('exit', (code) => reject(new Error(`hoptac serve exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.on('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    /** A JSON request as a user (or anonymous), for checks of the server's own refusals. */
    async api(path, { user, password = PASSWORD, method = 'GET', json } = {}) {
      const headers = { accept: 'application/json' };
      if (user) {
        const s = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
        headers.cookie = s.headers.get('set-cookie').split(';')[0];
        headers['x-csrf-token'] = (await s.json()).csrf_token;
      }
      if (json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
      const text = await res.text();
      return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
    },
  };
}
