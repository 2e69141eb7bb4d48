//! Golden cases from `tests/data/golden.json`: `{name, text, date, expect}`.
//! Each expected entity, date or claim must be in the document (more may
//! be); an expected empty list means the document has none.

use factlens::{annotate, Options};
use serde_json::Value;

fn options(date: &Value) -> Options {
    match date.as_str() {
        Some(d) => Options::new().document_date(d).expect("valid golden date"),
        None => Options::new(),
    }
}

/// True when every field of `want` equals the same field of `got`.
fn fields_match(want: &Value, got: &Value) -> bool {
    want.as_object()
        .expect("expected item is an object")
        .iter()
        .all(|(k, v)| got.get(k) == Some(v))
}

#[test]
fn golden_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("data/golden.json")).expect("golden.json parses");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let doc = serde_json::to_value(annotate(text, &options(&case["date"]))).unwrap();
        let expect = &case["expect"];
        for list in ["entities", "dates"] {
            if let Some(want) = expect.get(list).and_then(Value::as_array) {
                let got = doc[list].as_array().unwrap();
                if want.is_empty() && !got.is_empty() {
                    failures.push(format!("{name}: expected no {list}, got {}", got.len()));
                }
                for w in want {
                    if !got.iter().any(|g| fields_match(w, g)) {
                        failures.push(format!("{name}: missing {list} item {w}"));
                    }
                }
            }
        }
        if let Some(want) = expect.get("claims").and_then(Value::as_array) {
            let got = doc["claims"].as_array().unwrap();
            if want.is_empty() && !got.is_empty() {
                failures.push(format!("{name}: expected no claims, got {}", got.len()));
            }
            for w in want {
                let hit = got.iter().any(|c| {
                    w.get("source").is_none_or(|s| c["source"]["text"] == *s)
                        && w.get("cue").is_none_or(|s| c["cue"]["text"] == *s)
                        && w.get("stance").is_none_or(|s| c["stance"] == *s)
                });
                if !hit {
                    failures.push(format!("{name}: missing claim {w}"));
                }
            }
        }
        for key in ["document_date", "document_date_source"] {
            if let Some(w) = expect.get(key) {
                if doc[key] != *w {
                    failures.push(format!("{name}: {key} is {}, expected {w}", doc[key]));
                }
            }
        }
        if let Some(names) = expect.get("same_entity").and_then(Value::as_array) {
            let ids: Vec<&Value> = names
                .iter()
                .filter_map(|n| {
                    doc["entities"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|e| e["text"] == *n)
                        .map(|e| &e["entity"])
                })
                .collect();
            if ids.len() != names.len() || ids.windows(2).any(|w| w[0] != w[1]) {
                failures.push(format!("{name}: {names:?} are not one entity"));
            }
        }
        if let Some(names) = expect.get("summary_names").and_then(Value::as_array) {
            for n in names {
                if !doc["summary"]["entities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["name"] == *n)
                {
                    failures.push(format!("{name}: summary does not name {n}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "golden failures:\n{}",
        failures.join("\n")
    );
}
