//! The WebAssembly facade: the only module that knows about JavaScript.

use wasm_bindgen::prelude::*;

use crate::{Document, Options};

/// Annotates `text`. `options` is `undefined`, `null` or
/// `{document_date: "YYYY-MM-DD" | null}`; the result is a factlens/1
/// document as a plain object, with `null` for absent values.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut opts = Options::new();
    if !options.is_undefined() && !options.is_null() {
        let date = js_sys::Reflect::get(&options, &JsValue::from_str("document_date"))
            .map_err(|_| JsError::new("options must be an object"))?;
        if let Some(d) = date.as_string() {
            if !d.is_empty() {
                opts = opts.document_date(&d).map_err(|e| JsError::new(&e.to_string()))?;
            }
        } else if !date.is_undefined() && !date.is_null() {
            return Err(JsError::new("options.document_date must be a string YYYY-MM-DD or null"));
        }
    }
    to_js(&crate::annotate(text, &opts))
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
/// the engine's `JSON.parse`, so one string crosses into JavaScript rather
/// than one call per object, key and value (serde-wasm-bindgen), which was
/// a quarter of the time of `annotate` for a 10 KB article in Chromium.
fn to_js(doc: &Document) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(doc).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the document did not parse as JSON"))
}

