// After `vite build`: a brotli (quality 11) sibling X.br and a gzip -9 sibling X.gz for every text
// file X in dist (the hashed .js and .css under assets/, index.html, .svg and .json), which
// `hoptac serve` sends as-is, with Content-Encoding: br or gzip, to a request that accepts it (br
// first). A sibling is written only when it is smaller than its file, and it gets the file's
// modification time. Vite empties dist before each
// build, so no sibling outlives its file.
import { readdirSync, readFileSync, writeFileSync, statSync, utimesSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && TEXT.test(e.name)) yield p;
  }
}

function sibling(file, body, ext, packed, totals) {
  if (packed.length >= body.length) return;
  writeFileSync(`${file}${ext}`, packed);
  const { atime, mtime } = statSync(file);
  utimesSync(`${file}${ext}`, atime, mtime);
  totals.count++;
  totals.raw += body.length;
  totals.packed += packed.length;
}

const gz = { count: 0, raw: 0, packed: 0 };
const br = { count: 0, raw: 0, packed: 0 };
for (const file of files(DIST)) {
  const body = readFileSync(file);
  sibling(file, body, '.gz', gzipSync(body, { level: 9 }), gz);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  sibling(file, body, '.br', brotli, br);
}
const kb = (n) => (n / 1024).toFixed(1);
const where = relative(process.cwd(), DIST) || '.';
console.log(`compress: ${gz.count} files in ${where} got a .gz sibling: ${kb(gz.raw)} KB → ${kb(gz.packed)} KB`);
console.log(`compress: ${br.count} files in ${where} got a .br sibling: ${kb(br.raw)} KB → ${kb(br.packed)} KB`);
