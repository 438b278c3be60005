// After `vite build`: a gzip -9 sibling X.gz for every text file X in dist (the hashed .js and .css
// under assets/, index.html, .svg and .json), which `hoptac serve` sends as-is, with
// Content-Encoding: gzip, to a request that accepts gzip. A sibling is written only when it is
// smaller than its file, and it gets the file's modification time. Vite empties dist before each
// build, so no sibling outlives its file.
import { readdirSync, readFileSync, writeFileSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && TEXT.test(e.name)) yield p;
  }
}

let count = 0;
let raw = 0;
let packed = 0;
for (const file of files(DIST)) {
  const body = readFileSync(file);
  const gz = gzipSync(body, { level: 9 });
  if (gz.length >= body.length) continue;
  writeFileSync(`${file}.gz`, gz);
  const { atime, mtime } = statSync(file);
  utimesSync(`${file}.gz`, atime, mtime);
  count++;
  raw += body.length;
  packed += gz.length;
}
console.log(`compress: ${count} files in ${relative(process.cwd(), DIST) || '.'} got a .gz sibling: ${(raw / 1024).toFixed(1)} KB → ${(packed / 1024).toFixed(1)} KB`);
