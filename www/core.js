// The page's handle on the core: a worker, promises over messages, and only
// the newest annotation request is ever answered. Until the worker is ready,
// a second instance on this thread annotates (short texts only), so the
// first article is shown without waiting for the worker to boot.

/* global FACTLENS_INLINE */

function inlined() {
  // Set by scripts/single-file.mjs in the single-file build only.
  return typeof FACTLENS_INLINE !== 'undefined' ? FACTLENS_INLINE : null;
}

/**
 * The compiled core, started at once so that fetching and compiling run
 * while the worker itself starts (they used to wait for it); `null` when
 * this page cannot compile here and the worker must load the core itself.
 */
function compileCore(inline) {
  performance.mark('factlens:start');
  let compiled;
  try {
    // The single-file build's <head> started compiling the inlined bytes
    // (www/single-file-boot.js); served, streaming compiles while the bytes
    // arrive (index.html preloads them).
    compiled = inline
      ? globalThis.factlensCompiled ?? Promise.reject(new Error('the inlined core did not start'))
      : WebAssembly.compileStreaming(fetch(new URL('pkg/factlens_bg.wasm', document.baseURI)));
  } catch (e) {
    compiled = Promise.reject(e);
  }
  return compiled.then((module) => { performance.mark('factlens:compiled'); return module; }, () => null);
}

/** The longest text the main thread annotates (a few ms) before the worker is up. */
const LOCAL_MAX_CHARS = 20_000;

/**
 * The core on this thread, for the first annotations only: it starts as
 * soon as the module is compiled, while the worker boots and loads its own
 * copy, so the page need not wait for the worker to show the first
 * article. `null` when it cannot start here.
 */
async function localCore(compiled) {
  try {
    const [module, glue] = await Promise.all([compiled, import('./pkg/factlens.js')]);
    if (!module) return null;
    await glue.default({ module_or_path: module });
    // No loadModels(): the first annotation loads only what it needs.
    performance.mark('factlens:local-ready');
    return glue;
  } catch {
    return null;
  }
}

export class Core {
  constructor() {
    const inline = inlined();
    const compiled = compileCore(inline);
    // Dropped once the worker is ready: from then on everything goes there.
    this.local = localCore(compiled);
    this.workerReady = false;
    if (inline) {
      const url = URL.createObjectURL(new Blob([inline.worker], { type: 'text/javascript' }));
      this.worker = new Worker(url); // classic: file:// pages cannot start module workers from blob: URLs
    } else {
      this.worker = new Worker(new URL('pkg/worker.js', document.baseURI));
    }
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = (ev) => this.receive(ev.data);
    this.worker.onerror = (ev) => this.fail(`The annotator could not start: ${ev.message || 'worker error'}`);
    this.workerStarted = new Promise((resolve, reject) => { this.readyCb = { resolve, reject }; });
    this.workerStarted.catch(() => {});
    this.workerStarted.then(() => { performance.mark('factlens:worker-ready'); this.workerReady = true; this.local = null; }, () => {});
    // Ready when either core can annotate: usually this thread's, first.
    this.ready = Promise.race([this.local.then((l) => l ?? this.workerStarted), this.workerStarted]);
    this.ready.catch(() => {});
    // The worker's own start (instantiating, loading the models) waits
    // until this thread has annotated the first article, so that the two do
    // not compete for the CPU while the page is still starting.
    this.firstDone = new Promise((resolve) => { this.firstDoneCb = resolve; });
    this.local.then((l) => { if (!l) this.firstDoneCb(); });
    // Without a compiled module the worker tries to load the core itself.
    Promise.all([compiled, this.firstDone]).then(([module]) => this.worker.postMessage({ type: 'init', wasm: module }));
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
    const id = this.nextId++;
    this.latest = id;
    // A long text would freeze the page here: it waits for the worker.
    const local = this.workerReady || text.length > LOCAL_MAX_CHARS ? null : await this.local;
    let r;
    if (local && !this.workerReady) {
      const t0 = performance.now();
      try {
        r = { doc: local.annotate(text, { document_date: date || null }), ms: performance.now() - t0 };
      } finally {
        this.firstDoneCb();
      }
    } else {
      this.firstDoneCb();
      const m = await this.request({ type: 'annotate', text, date });
      r = { doc: JSON.parse(m.json), ms: m.ms };
    }
    return id === this.latest ? r : null;
  }

  /** The validated document, or throws the core's message. */
  async readDocument(json) {
    return (await this.request({ type: 'read', json })).doc;
  }
}

let shared = null;

/** The page's one core, started when this module first runs. */
export function startCore() {
  shared ??= new Core();
  return shared;
}

startCore();
