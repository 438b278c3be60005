// Raw HTTP/1.1 over a socket, for what fetch() refuses to send: paths as they are ("//etc",
// "%2e%2e"), absolute-form targets, odd methods, missing or doubled Host headers.
import net from 'node:net';

// Sends `text` (a whole request) and resolves with the answer once the server closes or the
// whole body (Content-Length) has arrived.
export function rawRequest(port, text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    const finish = () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      const status = Number(statusLine.split(' ')[1] ?? 0);
      resolve({ status, headers, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4), raw: all });
    };
    socket.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return;
      const m = /content-length:\s*(\d+)/i.exec(all.subarray(0, split).toString('latin1'));
      if (m && all.length >= split + 4 + Number(m[1])) socket.end();
    });
    socket.on('end', finish);
    socket.on('close', () => { if (!socket.readableEnded) finish(); });
    socket.on('error', (e) => (chunks.length ? finish() : reject(e)));
    socket.write(text);
  });
}

// A GET of `target` exactly as written.
export const rawGet = (port, target, extraHeaders = '') =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extraHeaders}\r\n`);
