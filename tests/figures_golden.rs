//! Golden cases for figures: each line of `tests/data/figures/golden.jsonl`
//! is a sentence of our own and the figures `annotate` must find, in
//! order, as `[text, label, amount, unit, mod]`: `amount` a number,
//! `[low, high]` or null; `unit` and `mod` a string or null. A line whose
//! `expect` is empty lists things that are not figures (names, codes,
//! ages, ordinals, dates).

use factlens::{Amount, Options};
use serde_json::Value;

/// Amounts agree to a relative 1e-9: the values are exact decimals, so
/// only the last bit of a fraction ("two-thirds") may differ.
fn same_amount(got: Option<Amount>, want: &Value) -> bool {
    let close = |a: f64, b: &Value| {
        b.as_f64()
            .is_some_and(|b| (a - b).abs() <= 1e-9 * b.abs().max(1e-9))
    };
    match (got, want) {
        (None, Value::Null) => true,
        (Some(Amount::Number(x)), w) if w.is_number() => close(x, w),
        (Some(Amount::Range(lo, hi)), Value::Array(w)) if w.len() == 2 => {
            close(lo, &w[0]) && close(hi, &w[1])
        }
        _ => false,
    }
}

#[test]
fn golden_figures() {
    let data = include_str!("data/figures/golden.jsonl");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("golden line is JSON");
        cases += 1;
        let name = case["name"].as_str().unwrap_or("?");
        let text = case["text"].as_str().expect("text");
        let doc = factlens::annotate(text, &Options::new());
        let want = case["expect"].as_array().expect("expect list");
        let show = |f: &factlens::Figure| {
            format!(
                "[{:?}, {}, {}]",
                f.text,
                f.label.as_str(),
                serde_json::to_string(&f.value).unwrap_or_default()
            )
        };
        let got: Vec<String> = doc.figures.iter().map(show).collect();
        let same = doc.figures.len() == want.len()
            && doc.figures.iter().zip(want).all(|(f, w)| {
                w[0].as_str() == Some(f.text.as_str())
                    && w[1].as_str() == Some(f.label.as_str())
                    && same_amount(f.value.amount, &w[2])
                    && w[3].as_str().map(str::to_string) == f.value.unit.map(|u| u.to_string())
                    && w[4] == serde_json::to_value(f.value.modifier).unwrap_or_default()
            });
        if !same {
            failures.push(format!(
                "{name}: {text}\n  got  {}\n  want {}",
                got.join(" "),
                serde_json::to_string(want).unwrap_or_default()
            ));
        }
        // Offsets are code points: the span must cut exactly the text.
        for f in &doc.figures {
            let cut: String = text.chars().skip(f.start).take(f.end - f.start).collect();
            if cut != f.text {
                failures.push(format!(
                    "{name}: span {}..{} cuts {cut:?}, text says {:?}",
                    f.start, f.end, f.text
                ));
            }
        }
    }
    assert!(cases >= 80, "golden file has {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
