// Writes dist/factlens.html: one self-contained page (CSS, JS, worker and
// wasm inlined) that works from file:// with no network. The worker runs
// from a Blob URL; the compiled wasm module travels to it in a message.
// Usage: node scripts/single-file.mjs   (after www/pkg is built)

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const www = `${root}www/`;

async function bundle(entry, format) {
  const r = await build({ entryPoints: [`${www}${entry}`], bundle: true, format, minify: true, write: false,
    target: 'es2022', logLevel: 'error', legalComments: 'none' });
  return r.outputFiles[0].text;
}

// Chromium refuses module workers from blob: URLs on file:// pages, so the
// worker is a classic script; it never reads import.meta (the wasm is passed in).
const worker = await bundle('worker.js', 'iife');
const app = await bundle('app.js', 'esm');
// Gzipped: the page is half the size, and parsing it is what delays the start.
const wasmGzip = gzipSync(readFileSync(`${www}pkg/factlens_bg.wasm`), { level: 9 }).toString('base64');
const css = readFileSync(`${www}style.css`, 'utf8');

// JSON is valid JavaScript; escaping "<" keeps "</script>" out of the page.
const inline = JSON.stringify({ worker, wasmGzip }).replace(/</g, '\\u003c');
let script = `const FACTLENS_INLINE = ${inline};\n${app}`;
script = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
if (/<\/script/i.test(script) || /<\/style/i.test(css)) throw new Error('inline content would close its element');

const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// Only these exact inline blocks may run; the worker comes from a blob: URL;
// nothing may be fetched or connected to.
const csp = [
  "default-src 'none'",
  `script-src ${sha(script)} blob: 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(`${www}index.html`, 'utf8');
const swap = (re, replacement) => {
  if (!re.test(html)) throw new Error(`index.html: ${re} not found`);
  html = html.replace(re, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
// Everything is inline: nothing to preload.
swap(/<!-- Runs as soon as it arrives[^]*?-->\n<script type="module" async src="core.js"><\/script>\n/, '');
swap(/<!-- The core and every module[^]*?-->\n(<link rel="(module)?preload"[^>]*>\n)+/, '');
swap(/<script type="module" src="app.js"><\/script>/, `<script type="module">${script}</script>`);

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/factlens.html`, html);
console.log(`dist/factlens.html: ${html.length} bytes`);
