//! Golden cases for claims: each line of `tests/data/claims/*.jsonl` is
//! `{name, text, expect, absent_cues?}`; every expected claim must be found
//! (extra claims are allowed, except that `expect: []` means no claim at
//! all), and no claim may have a cue listed in `absent_cues`.

use serde_json::Value;

fn check(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap_or("?");
    let text = case["text"].as_str().ok_or("no text")?;
    let doc = factlens::annotate(text, &factlens::Options::new());
    let expect = case["expect"].as_array().ok_or("no expect")?;
    if expect.is_empty() && !doc.claims.is_empty() {
        return Err(format!(
            "{name}: expected no claim, got {:?}",
            doc.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
        ));
    }
    for e in expect {
        let ok = doc.claims.iter().any(|c| {
            let kind = serde_json::to_value(c.kind).ok();
            kind.as_ref() == Some(&e["kind"])
                && e.get("source").map_or(true, |s| {
                    c.source.as_ref().map(|r| r.text.as_str()) == s.as_str()
                })
                && e.get("cue").map_or(true, |s| {
                    c.cue.as_ref().map(|r| r.text.as_str()) == s.as_str()
                })
                && e.get("stance")
                    .map_or(true, |s| Some(c.stance.as_str()) == s.as_str())
                && e.get("content_has").map_or(true, |s| {
                    s.as_str().is_some_and(|s| c.content.text.contains(s))
                })
                && e.get("source_entity_text").map_or(true, |s| {
                    let names: Vec<&str> = doc
                        .entities
                        .iter()
                        .filter(|m| Some(&m.entity) == c.source_entity.as_ref())
                        .map(|m| m.text.as_str())
                        .collect();
                    s.as_str().is_some_and(|s| names.contains(&s))
                })
        });
        if !ok {
            let got: Vec<String> = doc
                .claims
                .iter()
                .map(|c| {
                    format!(
                        "{:?} src={:?} cue={:?} stance={} content={:?}",
                        c.kind,
                        c.source.as_ref().map(|r| &r.text),
                        c.cue.as_ref().map(|r| &r.text),
                        c.stance,
                        c.content.text
                    )
                })
                .collect();
            return Err(format!("{name}: missing {e}\n  got: {got:#?}"));
        }
    }
    // `absent`: cues that must not be found.
    for cue in case["absent_cues"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if doc
            .claims
            .iter()
            .any(|c| c.cue.as_ref().is_some_and(|r| r.text == cue))
        {
            return Err(format!("{name}: {cue:?} must not be a cue"));
        }
    }
    Ok(())
}

#[test]
fn golden_claims() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/claims");
    let mut failures = Vec::new();
    let mut cases = 0;
    for entry in std::fs::read_dir(dir).expect("golden dir") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path)
            .expect("read")
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let case: Value = serde_json::from_str(line).expect("golden case is JSON");
            cases += 1;
            if let Err(e) = check(&case) {
                failures.push(e);
            }
        }
    }
    assert!(cases > 0, "no golden cases found");
    assert!(
        failures.is_empty(),
        "{} of {cases} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_claim_lies_inside_the_text_on_tricky_input() {
    for text in [
        "",
        "\u{201C}",
        "said",
        "According to",
        "He said: \u{201C}😀 naïve e\u{301} 中文\u{201D}\r\n\r\nShe denied it.",
        "\"\"\"\" said said said ,,,",
    ] {
        let doc = factlens::annotate(text, &factlens::Options::new());
        let n = text.chars().count();
        for c in &doc.claims {
            assert!(
                c.start <= c.end && c.end <= n,
                "claim outside the text in {text:?}"
            );
            assert!(c.content.start <= c.content.end && c.content.end <= n);
            assert!((0.0..=1.0).contains(&c.checkworthy));
        }
    }
}

proptest::proptest! {
    #[test]
    fn claims_never_panic_and_stay_inside_any_text(text in "(\\PC|[\"“”:,.\\n ]|said|denied|according to|he|She){0,60}") {
        let doc = factlens::annotate(&text, &factlens::Options::new());
        let n = text.chars().count();
        for c in &doc.claims {
            proptest::prop_assert!(c.start <= c.end && c.end <= n);
            for r in [c.source.as_ref(), c.cue.as_ref(), Some(&c.content)].into_iter().flatten() {
                proptest::prop_assert!(r.start <= r.end && r.end <= n);
                proptest::prop_assert_eq!(&r.text, &text.chars().skip(r.start).take(r.end - r.start).collect::<String>());
            }
        }
    }
}
