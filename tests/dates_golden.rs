//! Golden cases for dates: each line of `tests/data/dates/golden.jsonl` is
//! a sentence of our own, an optional document date, and the expressions
//! `annotate` must find (text, TIMEX3 type, value), in order. A line with
//! `document_date` and no `dct` also checks the date read from the text.

use factlens::{DateType, Options};
use serde_json::Value;

fn kind(k: DateType) -> &'static str {
    match k {
        DateType::Date => "DATE",
        DateType::Time => "TIME",
        DateType::Duration => "DURATION",
        DateType::Set => "SET",
    }
}

#[test]
fn golden_dates() {
    let data = include_str!("data/dates/golden.jsonl");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("golden line is JSON");
        cases += 1;
        let name = case["name"].as_str().unwrap_or("?");
        let text = case["text"].as_str().expect("text");
        let options = match case["dct"].as_str() {
            Some(d) => Options::new().document_date(d).expect("valid dct"),
            None => Options::new(),
        };
        let doc = factlens::annotate(text, &options);
        let got: Vec<(String, &str, Option<String>)> = doc
            .dates
            .iter()
            .map(|d| (d.text.clone(), kind(d.kind), d.value.clone()))
            .collect();
        let want: Vec<(String, &str, Option<String>)> = case["expect"]
            .as_array()
            .expect("expect list")
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap_or("").to_string(),
                    e[1].as_str().unwrap_or(""),
                    e[2].as_str().map(str::to_string),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}"));
        }
        // Offsets are code points: the span must cut exactly the text.
        for d in &doc.dates {
            let cut: String = text.chars().skip(d.start).take(d.end - d.start).collect();
            if cut != d.text {
                failures.push(format!(
                    "{name}: span {}..{} cuts {cut:?}, text says {:?}",
                    d.start, d.end, d.text
                ));
            }
        }
        if let Some(want_date) = case["document_date"].as_str() {
            if doc.document_date.as_deref() != Some(want_date)
                || doc.document_date_source.as_deref() != Some("text")
            {
                failures.push(format!(
                    "{name}: document date {:?} from {:?}, want {want_date} from text",
                    doc.document_date, doc.document_date_source
                ));
            }
        }
    }
    assert!(cases >= 40, "golden file has {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
