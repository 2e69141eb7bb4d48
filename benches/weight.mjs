// Page weight: raw, gzip (level 9) and brotli (quality 11) bytes of every
// file of the served page (www/, with the built www/pkg) and of the
// single-file build dist/factlens.html.
//
// Usage (after scripts/build-web.sh): node benches/weight.mjs
//   [--loaded target/bench/browser.json] [--json target/bench/weight.json]
// With --loaded, "loaded" marks the files Chromium actually requested when
// it opened the page (benches/browser.mjs records them); without it, every
// file except TypeScript declarations counts as loaded.

import { readFileSync, readdirSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
const loadedPath = opt('--loaded');
const jsonPath = opt('--json');

const www = join(ROOT, 'www');
if (!existsSync(join(www, 'pkg/factlens_bg.wasm'))) {
  console.error('www/pkg is missing: run scripts/build-web.sh first');
  process.exit(2);
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function weigh(path) {
  const raw = readFileSync(path);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).length,
  };
}

let loaded = null;
if (loadedPath && existsSync(loadedPath)) {
  loaded = new Set(JSON.parse(readFileSync(loadedPath, 'utf8')).served_assets ?? []);
}

const rows = files(www).sort().map((p) => {
  const path = relative(www, p);
  const isLoaded = loaded ? loaded.has(`/${path}`) : !path.endsWith('.d.ts');
  return { file: `www/${path}`, loaded: isLoaded, ...weigh(p) };
});
// The sum the tool is judged by: what the browser downloads to show the page.
const sum = (rs) => rs.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const served = sum(rows.filter((r) => r.loaded));
const all = sum(rows);
const dist = join(ROOT, 'dist/factlens.html');
const single = existsSync(dist) ? { file: 'dist/factlens.html', ...weigh(dist) } : null;
if (loaded) {
  const missing = [...loaded].filter((p) => !rows.some((r) => r.file === `www${p}`));
  if (missing.length) throw new Error(`the page loaded files that are not in www/: ${missing.join(', ')}`);
}

const kb = (n) => (n / 1024).toFixed(1);
console.log(`page weight (KiB; gzip -9, brotli 11)${loaded ? '; loaded = requested by Chromium' : ''}`);
console.log(`${'file'.padEnd(30)} ${'loaded'.padStart(6)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(30)} ${(r.loaded ? 'yes' : '').padStart(6)} ${kb(r.raw).padStart(9)} ${kb(r.gzip).padStart(9)} ${kb(r.brotli).padStart(9)}`);
console.log(`${'served page (loaded files)'.padEnd(30)} ${''.padStart(6)} ${kb(served.raw).padStart(9)} ${kb(served.gzip).padStart(9)} ${kb(served.brotli).padStart(9)}`);
console.log(`${'all of www/'.padEnd(30)} ${''.padStart(6)} ${kb(all.raw).padStart(9)} ${kb(all.gzip).padStart(9)} ${kb(all.brotli).padStart(9)}`);
if (single) console.log(`${single.file.padEnd(30)} ${''.padStart(6)} ${kb(single.raw).padStart(9)} ${kb(single.gzip).padStart(9)} ${kb(single.brotli).padStart(9)}`);

if (jsonPath) {
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify({ benchmark: 'page-weight', files: rows, served_page: served, all_www: all, single_file: single }, null, 2)}\n`);
  console.log(`wrote ${jsonPath}`);
}
