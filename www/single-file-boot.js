// The single-file build only: scripts/single-file.mjs puts this in <head>,
// right after FACTLENS_INLINE. It starts compiling the inlined core at once:
// from bytes, V8 compiles on its own threads while this thread parses and
// lays out the rest of the page (streaming from a DecompressionStream, it
// needed this busy thread for every chunk; see scripts/single-file.mjs).
// www/core.js takes the result.

/* global FACTLENS_INLINE */

globalThis.factlensCompiled = (() => {
  try {
    const b64 = FACTLENS_INLINE.wasm;
    const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return WebAssembly.compile(bytes);
  } catch (e) {
    return Promise.reject(e);
  }
})();
