//! Golden entity cases: `tests/data/entities/cases.jsonl`, one case a line:
//! `{name, text, expect: [[surface, label]], absent: [surface],
//! same_entity: [[surface, surface]]}`. Each expected mention must be found
//! with its label, no mention may have an `absent` surface, and the pairs
//! in `same_entity` must share their referent.

use factlens::{annotate, Options};

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    expect: Vec<(String, String)>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    same_entity: Vec<(String, String)>,
}

#[test]
fn golden_entity_cases() {
    let src = include_str!("data/entities/cases.jsonl");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).expect("a valid case line");
        cases += 1;
        let doc = annotate(&case.text, &Options::new());
        let found: Vec<(String, &str, &str)> = doc
            .entities
            .iter()
            .map(|e| (e.text.clone(), e.label.as_str(), e.entity.as_str()))
            .collect();
        for (surface, label) in &case.expect {
            if !found.iter().any(|(t, l, _)| t == surface && l == label) {
                failures.push(format!(
                    "{}: missing {surface} {label}; found {found:?}",
                    case.name
                ));
            }
        }
        for surface in &case.absent {
            if found.iter().any(|(t, _, _)| t == surface) {
                failures.push(format!("{}: unexpected {surface}", case.name));
            }
        }
        for (a, b) in &case.same_entity {
            let id = |s: &str| {
                found
                    .iter()
                    .find(|(t, _, _)| t == s)
                    .map(|x| x.2.to_string())
            };
            if id(a).is_none() || id(a) != id(b) {
                failures.push(format!(
                    "{}: {a} and {b} should be one entity; found {found:?}",
                    case.name
                ));
            }
        }
    }
    assert!(cases >= 5, "the golden file has cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
