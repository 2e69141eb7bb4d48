// Writes dist/factlens.html: one self-contained page (CSS, JS, worker and
// wasm inlined) that works from file:// with no network. The worker runs
// from a Blob URL; the compiled wasm module travels to it in a message.
// Usage: node scripts/single-file.mjs   (after www/pkg is built and bundled)

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const www = `${root}www/`;

const read = (path) => readFileSync(`${www}${path}`, 'utf8');
/** `code` made safe to put between <script> and </script>. */
function scriptText(code) {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (/<\/script/i.test(safe)) throw new Error('inline content would close its element');
  return safe;
}

// The bundles scripts/bundle.mjs wrote.
const worker = read('pkg/worker.js');
const app = scriptText(read('pkg/app.js'));
// Not gzipped: www/single-file-boot.js compiles plain bytes on V8's own
// threads. Inflated through a DecompressionStream, every chunk waited for
// the main thread, busy laying out the page: the first annotation came
// about 45 ms later (median of 16 cold loads). The page is 2.8 MB instead
// of 1.4 MB (1.24 MB gzipped instead of 1.03 MB).
const wasm = readFileSync(`${www}pkg/factlens_bg.wasm`).toString('base64');
// JSON is valid JavaScript; escaping "<" keeps "</script>" out of the page.
const inline = JSON.stringify({ worker, wasm }).replace(/</g, '\\u003c');
const boot = scriptText(`const FACTLENS_INLINE = ${inline};\n${read('single-file-boot.js')}`);
const css = read('style.css');
if (/<\/style/i.test(css)) throw new Error('inline content would close its element');

const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// Only these exact inline blocks may run; the worker comes from a blob: URL;
// nothing may be fetched or connected to.
const csp = [
  "default-src 'none'",
  `script-src ${sha(boot)} ${sha(app)} blob: 'wasm-unsafe-eval'`,
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
// Everything is inline: nothing to preload. The core starts in <head>.
swap(/<!-- Fetched at once;[^]*?-->\n<link rel="preload"[^>]*>\n/, `<script>${boot}</script>\n`);
swap(/<!-- app.js and every module[^]*?-->\n<script type="module" src="pkg\/app.js"><\/script>/, `<script type="module">${app}</script>`);

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/factlens.html`, html);
console.log(`dist/factlens.html: ${html.length} bytes`);
