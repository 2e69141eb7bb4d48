//! The batch reader behind `factlens annotate --jsonl`: every input line,
//! whatever it holds, gets exactly one answer, so that output line N always
//! belongs to input line N. It lives in the library, not the CLI, so that
//! the fuzzer in `fuzz/` drives the very code the CLI runs.

use serde_json::Value;

use crate::Options;

/// Why one line gave no document: the 1-based line number, the input's
/// `id` when one could be read from the line (even a broken one), and a
/// message. Serialized as `{"line": N, "error": "…", "id": …}`, `id` only
/// when known.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    /// The 1-based line number.
    pub line: usize,
    /// The input's `id`, when the line had one.
    pub id: Option<Value>,
    /// What was wrong, for a person.
    pub message: String,
}

impl LineError {
    /// The answer line: `{"line", "error", "id"?}`.
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("line".into(), self.line.into());
        m.insert("error".into(), self.message.clone().into());
        if let Some(id) = &self.id {
            m.insert("id".into(), id.clone());
        }
        Value::Object(m)
    }
}

/// Answers line `number` (1-based) of a JSONL batch; `line` may still end
/// in `\n` or `\r\n`. A record `{"id", "text", "dct"?}` (`dct` also under
/// `meta`) gives `{"id"}` merged with its document; anything else, a blank
/// line included, gives a [`LineError`].
pub fn annotate_line(number: usize, line: &[u8], options: &Options) -> Result<Value, LineError> {
    let fail = |id: Option<Value>, message: String| LineError {
        line: number,
        id,
        message,
    };
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            let lossy = String::from_utf8_lossy(line);
            return Err(fail(
                lenient_id(&lossy),
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            ));
        }
    };
    let text = text
        .trim_end_matches(['\n', '\r'])
        .trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(fail(None, "blank line".into()));
    }
    record(text, options).map_err(|message| fail(lenient_id(text), message))
}

/// Annotates one JSONL record: `{"id"}` merged with the document's fields.
fn record(line: &str, opts: &Options) -> Result<Value, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = v
        .as_object()
        .ok_or("expected an object {\"id\", \"text\"}")?;
    let id = obj.get("id").cloned().ok_or("missing \"id\"")?;
    let text = obj
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("missing string \"text\"")?;
    let opts = match obj
        .get("dct")
        .or_else(|| obj.get("meta").and_then(|m| m.get("dct")))
    {
        // An ISO date-time (TimeBank's "1998-02-13T14:26:00") gives its day.
        Some(Value::String(d)) => {
            let day = d.split_once('T').map_or(d.as_str(), |(day, _)| day);
            opts.clone().document_date(day).map_err(|e| e.to_string())?
        }
        Some(Value::Null) | None => opts.clone(),
        Some(_) => return Err("\"dct\" must be a string YYYY-MM-DD (or an ISO date-time)".into()),
    };
    let doc = crate::annotate(text, &opts);
    let mut merged = serde_json::Map::new();
    merged.insert("id".into(), id);
    match serde_json::to_value(&doc) {
        Ok(Value::Object(fields)) => merged.extend(fields),
        // A Document is a struct of plain fields: it always serializes to an object.
        _ => return Err("the document did not serialize".into()),
    }
    Ok(Value::Object(merged))
}

/// The `id` of a line that may not be valid JSON (cut short, a bad
/// escape further on, a field of the wrong type): the value of the first
/// top-level key `"id"`, if that value itself parses.
fn lenient_id(line: &str) -> Option<Value> {
    if let Ok(v) = serde_json::from_str::<Value>(line) {
        return v.get("id").cloned();
    }
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' => {
                depth += 1;
                expect_key = depth == 1;
            }
            b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_key = true,
            b'"' => {
                let end = string_end(bytes, i)?;
                if depth == 1 && expect_key {
                    expect_key = false;
                    let key = line.get(i + 1..end)?;
                    let rest = line.get(end + 1..)?.trim_start();
                    if key == "id" {
                        let value = rest.strip_prefix(':')?;
                        return serde_json::Deserializer::from_str(value)
                            .into_iter::<Value>()
                            .next()?
                            .ok();
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the quote that closes the string opening at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_id_reads_the_id_of_a_line_cut_short() {
        assert_eq!(
            lenient_id(r#"{"id": "a\"b", "text": "Kyiv den"#),
            Some(Value::from("a\"b"))
        );
        assert_eq!(lenient_id(r#"{"text": "x", "id": 12, "#), Some(12.into()));
    }

    #[test]
    fn lenient_id_ignores_nested_ids_and_id_as_a_value() {
        assert_eq!(lenient_id(r#"{"meta": {"id": 1}, "text": "id": "#), None);
        assert_eq!(lenient_id(r#"{"text": "id", "x": [1, {"id": 2}"#), None);
    }

    #[test]
    fn a_bad_dct_keeps_the_id() {
        let line = br#"{"id": "nyt-17", "text": "Kyiv denied it.", "dct": "03-02-2009"}"#;
        let e = annotate_line(3, line, &Options::new()).unwrap_err();
        assert_eq!(e.id, Some(Value::from("nyt-17")));
        assert_eq!(e.line, 3);
        assert!(e.message.contains("invalid document date"), "{}", e.message);
    }

    #[test]
    fn invalid_utf8_keeps_the_id() {
        let line = b"{\"id\": 5, \"text\": \"Kyiv \xff denied it.\"}\n";
        let e = annotate_line(1, line, &Options::new()).unwrap_err();
        assert_eq!(e.id, Some(5.into()));
        assert!(e.message.contains("invalid UTF-8 at byte"), "{}", e.message);
    }

    #[test]
    fn a_blank_line_is_answered() {
        for line in [&b"\n"[..], b"  \r\n", b"\xef\xbb\xbf\n", b""] {
            let e = annotate_line(2, line, &Options::new()).unwrap_err();
            assert_eq!((e.line, e.id, e.message.as_str()), (2, None, "blank line"));
        }
    }
}
