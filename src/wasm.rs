//! The WebAssembly facade: the only module that knows about JavaScript.

use wasm_bindgen::prelude::*;

use crate::{Document, Options};

/// Annotates `text`. `options` is `undefined`, `null` or
/// `{document_date: "YYYY-MM-DD" | null}`; the result is a factlens/1
/// document as a plain object, with `null` for absent values.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::annotate(text, &options_of(&options)?))
}

/// [`annotate`], but the document as JSON text: the worker sends that to
/// the page, where `JSON.parse` makes the objects. Copying one string
/// between threads costs far less than cloning the objects (for a 10 KB
/// article 0.6 ms parsing instead of 1.6 ms cloning in Chromium; for 1 MB,
/// 55 ms instead of 147 ms).
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(text: &str, options: JsValue) -> Result<js_sys::JsString, JsError> {
    to_json(&crate::annotate(text, &options_of(&options)?))
}

/// The options `annotate` takes, from `undefined`, `null` or
/// `{document_date: "YYYY-MM-DD" | null}`.
fn options_of(options: &JsValue) -> Result<Options, JsError> {
    let mut opts = Options::new();
    if !options.is_undefined() && !options.is_null() {
        let date = js_sys::Reflect::get(options, &JsValue::from_str("document_date"))
            .map_err(|_| JsError::new("options must be an object"))?;
        if let Some(d) = date.as_string() {
            if !d.is_empty() {
                opts = opts
                    .document_date(&d)
                    .map_err(|e| JsError::new(&e.to_string()))?;
            }
        } else if !date.is_undefined() && !date.is_null() {
            return Err(JsError::new(
                "options.document_date must be a string YYYY-MM-DD or null",
            ));
        }
    }
    Ok(opts)
}

/// Checks a factlens/1 document given as JSON text and returns it as an
/// object; unknown schemas and out-of-range spans are refused with a
/// message.
#[wasm_bindgen(js_name = readDocument)]
pub fn read_document(json: &str) -> Result<JsValue, JsError> {
    let doc = Document::from_json(json).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&doc)
}

/// Loads the models and every lazy table now (they otherwise load in the
/// first annotation) by annotating a short text that reaches all of them;
/// V8 also compiles the functions that takes on first call. The worker calls
/// it at start, before the first real article. Calling it again only costs
/// one short annotation.
#[wasm_bindgen(js_name = loadModels)]
pub fn load_models() {
    const WARM: &str = "LISBON, March 14, 2025 — Helena Vasconcelos, president of the Port of Lisbon \
        Authority, said on Thursday that the terminal would open in 2029. \"It is safe,\" she told Reuters.";
    drop(crate::annotate(WARM, &Options::new()));
}

/// The schema this build reads and writes.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    crate::SCHEMA.to_string()
}

/// The document as a plain object: serialized to JSON here and parsed by
/// the engine's `JSON.parse`, so a few strings cross into JavaScript rather
/// than one call per object, key and value (serde-wasm-bindgen, with which
/// `annotate` took 10-20% longer for 10 KB to 1 MB articles in Chromium).
/// The JSON goes over in chunks: whole, it would be 9 MB for a 1 MB article,
/// and the wasm memory, which never shrinks, would keep that peak.
fn to_js(doc: &Document) -> Result<JsValue, JsError> {
    json_parse(&to_json(doc)?).map_err(|_| JsError::new("the document did not parse as JSON"))
}

/// The document as one JavaScript string of JSON, written in chunks.
fn to_json(doc: &Document) -> Result<js_sys::JsString, JsError> {
    let mut out = JsChunks {
        buf: Vec::with_capacity(JsChunks::CHUNK + 4),
        parts: js_sys::Array::new(),
    };
    serde_json::to_writer(&mut out, doc).map_err(|e| JsError::new(&e.to_string()))?;
    out.send(out.buf.len());
    Ok(out.parts.join(""))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JavaScript string (js_sys's takes a Rust `&str`).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// A writer that hands UTF-8 text to JavaScript, one string per chunk.
struct JsChunks {
    buf: Vec<u8>,
    parts: js_sys::Array,
}

impl JsChunks {
    const CHUNK: usize = 64 * 1024;

    /// Sends the first `n` bytes of the buffer, which end on a character boundary.
    fn send(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        // serde_json writes only valid UTF-8 and the cut is on a boundary.
        let text = std::str::from_utf8(&self.buf[..n])
            .expect("JSON is UTF-8, cut on a character boundary");
        self.parts.push(&JsValue::from_str(text));
        self.buf.drain(..n);
    }
}

impl std::io::Write for JsChunks {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= Self::CHUNK {
            // Cut before the last character that may be incomplete.
            let cut = self
                .buf
                .iter()
                .rposition(|&b| b & 0xC0 != 0x80)
                .unwrap_or(0);
            self.send(cut);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
