// The floor for "first annotation shown": two pages with no interface that
// only load the same wasm core, annotate the same sample article and show
// one highlight, timed like the real page by benches/browser.mjs. What the
// real page takes beyond them is the cost of the page itself; what they
// take is what this browser on this machine needs to start the core at all.
//
// served/: index.html streams and compiles pkg/factlens_bg.wasm, as the
//   served page does;
// floor.html: the wasm inlined as base64 and compiled from bytes, as
//   dist/factlens.html does (opened from file://).

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The script both pages run once the compiled module is `compiled`. */
const SHOW = `
const doc = annotate(SAMPLE, null);
const view = document.getElementById('view');
view.textContent = doc.entities.length + ' entities ';
const hl = document.createElement('span');
hl.className = 'hl';
hl.textContent = doc.entities[0]?.text ?? '';
view.append(hl);
view.dataset.rendered = '1';
`;

/** Writes the two floor pages under `dir`; returns their paths. */
export async function writeFloorPages(root, dir) {
  const pkg = join(root, 'www/pkg');
  mkdirSync(join(dir, 'served/pkg'), { recursive: true });
  for (const f of ['factlens.js', 'factlens_bg.wasm']) copyFileSync(join(pkg, f), join(dir, 'served/pkg', f));
  copyFileSync(join(root, 'www/sample.js'), join(dir, 'served/sample.js'));
  writeFileSync(join(dir, 'served/index.html'), `<!doctype html><meta charset="utf-8"><title>floor</title>
<script>globalThis.compiled = WebAssembly.compileStreaming(fetch('pkg/factlens_bg.wasm'));</script>
<script type="module">
import init, { annotate } from './pkg/factlens.js';
import { SAMPLE } from './sample.js';
await init({ module_or_path: await globalThis.compiled });
${SHOW}
</script>
<div id="view"></div>
`);

  const entry = join(dir, 'floor-entry.js');
  writeFileSync(entry, `import init, { annotate } from ${JSON.stringify(join(pkg, 'factlens.js'))};
import { SAMPLE } from ${JSON.stringify(join(root, 'www/sample.js'))};
await init({ module_or_path: await globalThis.compiled });
${SHOW}`);
  const app = (await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, logLevel: 'error' })).outputFiles[0].text;
  const wasm = readFileSync(join(pkg, 'factlens_bg.wasm')).toString('base64');
  const file = join(dir, 'floor.html');
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><title>floor</title>
<script>globalThis.compiled = WebAssembly.compile(Uint8Array.fromBase64(${JSON.stringify(wasm)}));</script>
<script type="module">${app.replace(/<\/script/gi, '<\\/script')}</script>
<div id="view"></div>
`);
  return { servedDir: join(dir, 'served'), file };
}
