// The main thread's handle on the worker: promises over messages, and only
// the newest annotation request is ever answered.

/* global FACTLENS_INLINE */

function inlined() {
  // Set by scripts/build-web.sh in the single-file build only.
  return typeof FACTLENS_INLINE !== 'undefined' ? FACTLENS_INLINE : null;
}

function base64Bytes(b64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The compiled core, started at once so that fetching and compiling run
 * while the worker itself starts (they used to wait for it); `null` when
 * this page cannot compile here and the worker must load the core itself.
 */
function compileCore(inline) {
  try {
    if (inline) return WebAssembly.compile(base64Bytes(inline.wasm)).catch(() => null);
    const url = new URL('./pkg/factlens_bg.wasm', import.meta.url);
    return WebAssembly.compileStreaming(fetch(url)).catch(() => null);
  } catch {
    return Promise.resolve(null);
  }
}

export class Core {
  constructor() {
    const inline = inlined();
    const compiled = compileCore(inline);
    if (inline) {
      const url = URL.createObjectURL(new Blob([inline.worker], { type: 'text/javascript' }));
      this.worker = new Worker(url); // classic: file:// pages cannot start module workers from blob: URLs
    } else {
      this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    }
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = (ev) => this.receive(ev.data);
    this.worker.onerror = (ev) => this.fail(`The annotator could not start: ${ev.message || 'worker error'}`);
    this.ready = new Promise((resolve, reject) => { this.readyCb = { resolve, reject }; });
    this.ready.catch(() => {});
    compiled.then((module) => {
      // Without a compiled module the single-file page still has the bytes.
      const wasm = module ?? (inline ? base64Bytes(inline.wasm) : null);
      this.worker.postMessage({ type: 'init', wasm });
    });
  }

  fail(message) {
    this.readyCb.reject(new Error(message));
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }

  receive(m) {
    if (m.type === 'ready') return this.readyCb.resolve(m.schema);
    if (m.type === 'failed') return this.fail(`The annotator could not start: ${m.message}`);
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(m.message));
    else p.resolve(m);
  }

  request(msg) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  /** Resolves {doc, ms}; a newer call makes older ones resolve to null. */
  async annotate(text, date) {
    const id = this.nextId;
    this.latest = id;
    const r = await this.request({ type: 'annotate', text, date });
    return id === this.latest ? r : null;
  }

  /** The validated document, or throws the core's message. */
  async readDocument(json) {
    return (await this.request({ type: 'read', json })).doc;
  }
}

let shared = null;

/**
 * The page's one core. It starts when this module first runs: index.html
 * loads this module on its own, ahead of the rest of the page, so the
 * worker boots and the wasm compiles while the other modules still load.
 */
export function startCore() {
  shared ??= new Core();
  return shared;
}

startCore();
