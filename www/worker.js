// Runs the WebAssembly core off the main thread so typing never waits for it.
// Served, it loads pkg/factlens_bg.wasm itself; in the single-file build the
// page passes the wasm bytes in the init message.

import __wbg_init, { initSync, annotate, readDocument, schemaVersion } from './pkg/factlens.js';

let ready = null;

function start(wasm) {
  if (!ready) {
    ready = (async () => {
      if (wasm) initSync({ module: wasm });
      else await __wbg_init();
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
