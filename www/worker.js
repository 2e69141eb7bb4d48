// Runs the WebAssembly core off the main thread so typing never waits for it.
// The page compiles the core and passes the compiled module in its init
// message; without it, the worker loads factlens_bg.wasm (beside it) itself.
// Bundled with the wasm glue into pkg/worker.js, a classic script, by
// scripts/bundle.mjs. Other messages wait
// for the init message, whenever it comes.

import __wbg_init, { initSync, annotateJson, loadModels, readDocument, schemaVersion } from './pkg/factlens.js';

let received;
const initMessage = new Promise((resolve) => { received = resolve; });
let ready = null;

function start() {
  ready ??= initMessage.then(async (wasm) => {
    if (wasm) initSync({ module: wasm });
    else await __wbg_init({ module_or_path: new URL('factlens_bg.wasm', self.location.href) });
    // The models load on first use: load them now, before the first
    // article the worker annotates.
    loadModels();
    return schemaVersion();
  });
  return ready;
}

function messageOf(e) {
  return e instanceof Error ? e.message : String(e);
}

self.onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.type === 'init') {
      received(m.wasm);
      const schema = await start();
      self.postMessage({ type: 'ready', schema });
    } else if (m.type === 'annotate') {
      await start();
      const t0 = performance.now();
      // JSON text, parsed by the page: one string to copy instead of
      // every object of the document to clone (src/wasm.rs, annotateJson).
      const json = annotateJson(m.text, { document_date: m.date || null });
      self.postMessage({ type: 'annotated', id: m.id, json, ms: performance.now() - t0 });
    } else if (m.type === 'read') {
      await start();
      const doc = readDocument(m.json);
      self.postMessage({ type: 'read', id: m.id, doc });
    }
  } catch (e) {
    self.postMessage({ type: m.type === 'init' ? 'failed' : 'error', id: m.id, message: messageOf(e) });
  }
};
