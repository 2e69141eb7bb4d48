// Bundles the page's modules: www/pkg/app.js (app.js and every module it
// imports, the wasm glue included), so the page makes one request for its
// code instead of one per module, and www/pkg/worker.js (the worker and the
// glue, a classic script: file:// pages cannot start module workers from
// blob: URLs, and the single-file build inlines it).
// Usage: node scripts/bundle.mjs   (after wasm-bindgen has written www/pkg)

import { build } from 'esbuild';

const www = new URL('../www/', import.meta.url).pathname;

for (const [entry, format] of [['app.js', 'esm'], ['worker.js', 'iife']]) {
  await build({ entryPoints: [`${www}${entry}`], outfile: `${www}pkg/${entry}`, bundle: true, format, minify: true,
    target: 'es2022', logLevel: 'error', legalComments: 'none' });
}
