// A real SMTP server on loopback for the tests (the npm smtp-server package): it keeps every
// message it accepts, parsed by mailparser, and can refuse, hold or require TLS and a login.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A self-signed certificate for 127.0.0.1, made with the openssl command.
export function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'hoptac-smtp-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { keyFile: join(dir, 'key.pem'), certFile: join(dir, 'cert.pem'),
    key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

// options.refuse: answer every message with this 5xx text; options.hold: an async function
// each message's acknowledgement waits for (false: not accepted); options.tls: {key, cert} to offer STARTTLS;
// options.login: {user, pass} required before sending.
export async function startSmtp(options = {}) {
  const received = [];
  const waiters = [];
  const notify = () => { for (const w of waiters.splice(0)) w(); };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.login ? [] : ['AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: false,
    hideSTARTTLS: !options.tls,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    onAuth(auth, session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.pass)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const seen = { raw, envelope: session.envelope, secure: session.secure, user: session.user, parsed: await simpleParser(raw) };
        server.seen.push(seen);
        if (options.hold && !(await options.hold(seen))) return callback(Object.assign(new Error('dropped'), { responseCode: 451 }));
        if (options.refuse) return callback(Object.assign(new Error(options.refuse), { responseCode: 550 }));
        received.push(seen);
        notify();
        callback(null, 'Queued');
      });
    },
  });
  server.seen = [];  // every message that reached DATA, acknowledged or not
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = server.server.address().port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    seen: server.seen,
    // Waits for a message that `match` accepts (a state, not a time); fails after `ms`.
    async waitFor(match, ms = 30000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such message in ${received.length} received`);
        await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 200); });
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The flags that point `hoptac serve` at this server, with fast retries for the tests.
export function mailArgs(smtp, extra = []) {
  return ['--smtp-url', smtp.url ?? smtp, '--smtp-from', 'hoptac@lienminh.example.vn',
    '--smtp-from-name', 'Liên minh HTX tỉnh', '--public-url', 'https://hoptac.example.vn/',
    '--smtp-retry-seconds', '1', '--smtp-max-attempts', '3', '--mail-poll-ms', '100', ...extra];
}
