//! The WebAssembly facade: the only module that knows about JavaScript.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{Document, Options};

/// Annotates `text`. `options` is `undefined`, `null` or
/// `{document_date: "YYYY-MM-DD" | null}`; the result is a factlens/1
/// document as a plain object, with `null` for absent values. Arguments of
/// the wrong type throw a `TypeError`; lone surrogates in `text` are read
/// as U+FFFD and reported in `warnings` (see [`Input`]).
#[wasm_bindgen]
pub fn annotate(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let input = Input::read("annotate", &text, &options)?;
    let doc = crate::annotate(&input.text, &input.options);
    let json = to_json(&doc, input.warning.as_ref())?;
    json_parse(&json).map_err(|_| JsError::new("the document did not parse as JSON").into())
}

/// [`annotate`], but the document as JSON text: the worker sends that to
/// the page, where `JSON.parse` makes the objects. Copying one string
/// between threads costs far less than cloning the objects (for a 10 KB
/// article 0.6 ms parsing instead of 1.6 ms cloning in Chromium; for 1 MB,
/// 55 ms instead of 147 ms).
#[wasm_bindgen(js_name = annotateJson)]
pub fn annotate_json(text: JsValue, options: JsValue) -> Result<js_sys::JsString, JsValue> {
    let input = Input::read("annotateJson", &text, &options)?;
    let doc = crate::annotate(&input.text, &input.options);
    to_json(&doc, input.warning.as_ref())
}

/// Checks a factlens/1 document given as JSON text and returns it as an
/// object; a document with any problem is refused with a message that
/// names them (`Document::from_json`), a `json` that is no string with a
/// `TypeError`.
#[wasm_bindgen(js_name = readDocument)]
pub fn read_document(json: JsValue) -> Result<JsValue, JsValue> {
    let json = json
        .as_string()
        .ok_or_else(|| type_error("readDocument", "json", "a string of JSON", &json))?;
    let doc = Document::from_json(&json).map_err(|e| JsError::new(&e.to_string()))?;
    let json = to_json(&doc, None)?;
    json_parse(&json).map_err(|_| JsError::new("the document did not parse as JSON").into())
}

/// The arguments of `annotate`, checked. wasm-bindgen's own `&str`
/// conversion trusts JavaScript: `annotate(42)` read memory out of bounds
/// on 4e9d6fc, and a lone surrogate (half of a UTF-16 pair, as slicing a
/// string through an emoji leaves) silently became U+FFFD.
///
/// Each lone surrogate is still read as one U+FFFD: both are one UTF-16
/// unit and one code point (as `Array.from` counts), so every offset in
/// the document stays exact for the caller's own string. The document says
/// so in `warnings`, rather than the call throwing: a pasted article with
/// one broken emoji should still be annotated.
struct Input {
    text: String,
    options: Options,
    warning: Option<Warning>,
}

impl Input {
    fn read(function: &str, text: &JsValue, options: &JsValue) -> Result<Input, JsValue> {
        let js = text
            .dyn_ref::<js_sys::JsString>()
            .ok_or_else(|| type_error(function, "text", "a string", text))?;
        // isWellFormed is one fast pass in the engine; counting unit by
        // unit through char_code_at is only for the rare broken string.
        let well_formed = js
            .unchecked_ref::<Utf16>()
            .is_well_formed()
            .unwrap_or_else(|_| js.is_valid_utf16());
        let (text, warning) = if well_formed {
            (js.as_string().unwrap_or_default(), None)
        } else {
            let (text, warning) = lone_surrogates(js.iter());
            (text, Some(warning))
        };
        Ok(Input {
            text,
            options: options_of(function, options)?,
            warning,
        })
    }
}

/// The text with each lone surrogate replaced by one U+FFFD, and the
/// warning that says how many there were and where the first one was.
fn lone_surrogates(units: impl Iterator<Item = u16>) -> (String, Warning) {
    let mut text = String::new();
    let mut count = 0;
    let mut first = None;
    for (at, c) in char::decode_utf16(units).enumerate() {
        let c = c.unwrap_or_else(|_| {
            count += 1;
            first.get_or_insert(at);
            char::REPLACEMENT_CHARACTER
        });
        text.push(c);
    }
    let first = first.unwrap_or(0);
    let message = format!(
        "the text has {count} lone surrogate{} (half of a UTF-16 pair, the first at code point {first}); \
         each was read as U+FFFD, so offsets are unchanged",
        if count == 1 { "" } else { "s" }
    );
    let warning = Warning {
        code: WarningCode::LoneSurrogates,
        count,
        first,
        message,
    };
    (text, warning)
}

/// Something the caller should know about the input, in the document's
/// `warnings` (only when there is one).
#[derive(Serialize)]
struct Warning {
    code: WarningCode,
    /// How many times it happened.
    count: usize,
    /// The code point offset of the first time.
    first: usize,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum WarningCode {
    LoneSurrogates,
}

/// The document with its warnings, as JavaScript gets it.
#[derive(Serialize)]
struct Annotated<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    warnings: [&'a Warning; 1],
}

/// `TypeError: annotate: text must be a string, got number`.
fn type_error(function: &str, name: &str, expected: &str, got: &JsValue) -> JsValue {
    let got = if got.is_null() {
        "null".to_string()
    } else if got.is_array() {
        "an array".to_string()
    } else {
        got.js_typeof().as_string().unwrap_or_default()
    };
    js_sys::TypeError::new(&format!("{function}: {name} must be {expected}, got {got}")).into()
}

/// The options `annotate` takes, from `undefined`, `null` or
/// `{document_date: "YYYY-MM-DD" | null}`.
fn options_of(function: &str, options: &JsValue) -> Result<Options, JsValue> {
    let mut opts = Options::new();
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    let expected = "undefined, null or {document_date}";
    if !options.is_object() || options.is_array() {
        return Err(type_error(function, "options", expected, options));
    }
    let date = js_sys::Reflect::get(options, &JsValue::from_str("document_date"))
        .map_err(|_| type_error(function, "options", expected, options))?;
    if let Some(d) = date.as_string() {
        if !d.is_empty() {
            opts = opts
                .document_date(&d)
                .map_err(|e| JsError::new(&e.to_string()))?;
        }
    } else if !date.is_undefined() && !date.is_null() {
        return Err(type_error(
            function,
            "options.document_date",
            "a string YYYY-MM-DD or null",
            &date,
        ));
    }
    Ok(opts)
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

/// The document as one JavaScript string of JSON, written in chunks, with
/// its warnings if any. JavaScript gets objects from this through
/// `JSON.parse`: a few strings cross into JavaScript rather than one call
/// per object, key and value (serde-wasm-bindgen, with which `annotate`
/// took 10-20% longer for 10 KB to 1 MB articles in Chromium). Whole, the
/// JSON would be 9 MB for a 1 MB article, and the wasm memory, which never
/// shrinks, would keep that peak.
fn to_json(doc: &Document, warning: Option<&Warning>) -> Result<js_sys::JsString, JsValue> {
    let mut out = JsChunks {
        buf: Vec::with_capacity(JsChunks::CHUNK + 4),
        parts: js_sys::Array::new(),
    };
    let written = match warning {
        None => serde_json::to_writer(&mut out, doc),
        Some(w) => serde_json::to_writer(&mut out, &Annotated { doc, warnings: [w] }),
    };
    written.map_err(|e| JsError::new(&e.to_string()))?;
    out.send(out.buf.len());
    Ok(out.parts.join(""))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JavaScript string (js_sys's takes a Rust `&str`).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;

    /// A JavaScript string, for the one method js_sys does not offer
    /// with `catch`.
    type Utf16;

    /// `String.prototype.isWellFormed` (ES2024); throws where the engine is
    /// older, and the caller falls back to counting units.
    #[wasm_bindgen(method, js_name = isWellFormed, catch)]
    fn is_well_formed(this: &Utf16) -> Result<bool, JsValue>;
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
        #[allow(
            clippy::expect_used,
            reason = "serde_json writes UTF-8 and the caller cuts on a character boundary"
        )]
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
