// Runs the WebAssembly core off the main thread so typing never waits for it.
// The page compiles the core while this worker starts and passes the
// compiled module (or, in the single-file build, at worst the bytes) in the
// init message; given neither, it loads pkg/factlens_bg.wasm itself.

import __wbg_init, { initSync, annotate, loadModels, readDocument, schemaVersion } from './pkg/factlens.js';

let ready = null;

function start(wasm) {
  if (!ready) {
    ready = (async () => {
      if (wasm) initSync({ module: wasm });
      else await __wbg_init();
      // The models load on first use: load them now, often while the page
      // is still starting, rather than in the first real annotation.
      loadModels();
      return schemaVersion();
    })();
  }
  return ready;
}

function messageOf(e) {
  return e instanceof Error ? e.message : String(e);
}

self.onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.type === 'init') {
      const schema = await start(m.wasm);
      self.postMessage({ type: 'ready', schema });
    } else if (m.type === 'annotate') {
      await start();
      const t0 = performance.now();
      const doc = annotate(m.text, { document_date: m.date || null });
      self.postMessage({ type: 'annotated', id: m.id, doc, ms: performance.now() - t0 });
    } else if (m.type === 'read') {
      await start();
      const doc = readDocument(m.json);
      self.postMessage({ type: 'read', id: m.id, doc });
    }
  } catch (e) {
    self.postMessage({ type: m.type === 'init' ? 'failed' : 'error', id: m.id, message: messageOf(e) });
  }
};
