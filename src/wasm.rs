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

/// The schema this build reads and writes.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> String {
    crate::SCHEMA.to_string()
}

fn to_js(doc: &Document) -> Result<JsValue, JsError> {
    use serde::Serialize;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    doc.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}
