//! Documents match the published JSON Schema, and unknown versions are refused.

use factlens::{annotate, Document, Options};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/factlens-1.schema.json"))
            .expect("schema parses");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn documents_match_the_json_schema() {
    let v = validator();
    for (text, date) in [
        ("Maria Zakharova warned on September 20, 2024 that Minsk would answer. Trade fell 50% in 2021.", Some("2024-10-01")),
        ("", None),
        ("😀 中文 Kyiv denied it.\r\n", None),
    ] {
        let mut opts = Options::new();
        if let Some(d) = date {
            opts = opts.document_date(d).unwrap();
        }
        let doc = serde_json::to_value(annotate(text, &opts)).unwrap();
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{text:?}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_a_wrong_label() {
    let mut doc =
        serde_json::to_value(annotate("Alexander Lukashenko spoke.", &Options::new())).unwrap();
    doc["entities"][0]["label"] = "PER".into();
    assert!(!validator().is_valid(&doc));
}

#[test]
fn reading_refuses_unknown_schemas_and_bad_spans() {
    let doc = annotate("Kyiv denied it.", &Options::new());
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(Document::from_json(&json).unwrap(), doc);

    let future = json.replace("\"factlens/1\"", "\"factlens/2\"");
    let err = Document::from_json(&future).unwrap_err();
    assert!(err.is_unknown_schema());
    assert_eq!(
        err.to_string(),
        "unknown schema \"factlens/2\": this version reads only \"factlens/1\""
    );

    let foreign =
        Document::from_json("{\"@context\": \"http://www.w3.org/ns/anno.jsonld\"}").unwrap_err();
    assert!(foreign.to_string().contains("not a factlens document"));

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["entities"][0]["end"] = 999.into();
    let err = Document::from_json(&v.to_string()).unwrap_err();
    assert!(err.to_string().contains("outside the text"), "{err}");
}

#[test]
fn a_document_written_before_figures_still_reads() {
    let doc = annotate("Kyiv paid $5 million.", &Options::new());
    assert_eq!(doc.figures.len(), 1);
    let mut v = serde_json::to_value(&doc).unwrap();
    v.as_object_mut().unwrap().remove("figures");
    assert!(validator().is_valid(&v), "the schema accepts it too");
    let old = Document::from_json(&v.to_string()).expect("reads without figures");
    assert!(old.figures.is_empty());
    assert_eq!(old.entities, doc.entities);
}

#[test]
fn figures_match_the_json_schema() {
    let doc = annotate(
        "Between 3 and 5 million people, about 40% of them, walked 20 km; thousands stayed.",
        &Options::new(),
    );
    assert!(doc.figures.len() >= 4, "{:?}", doc.figures);
    let v = serde_json::to_value(&doc).unwrap();
    let errors: Vec<String> = validator().iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut bad = v.clone();
    bad["figures"][0]["value"]["mod"] = "ABOUT".into();
    assert!(!validator().is_valid(&bad));
}

/// A page export: the document plus its article, with entities, dates,
/// an attributed claim, a timeline and sources to break.
fn exported() -> serde_json::Value {
    let text = "Maria Zakharova warned on September 20, 2024 that Minsk would answer.\n\n\
                Kyiv denied it on 1 May 2024, Zakharova said.";
    let doc = annotate(text, &Options::new().document_date("2024-10-01").unwrap());
    assert!(doc.entities.len() >= 3 && doc.dates.len() >= 2, "{doc:#?}");
    assert!(
        doc.claims.iter().any(|c| c.source_entity.is_some()),
        "{doc:#?}"
    );
    let mut v = serde_json::to_value(&doc).unwrap();
    v["text"] = text.into();
    v["corrections"] = serde_json::json!([]);
    v
}

fn refusal(v: &serde_json::Value) -> String {
    Document::from_json(&v.to_string())
        .expect_err("the broken document is refused")
        .to_string()
}

/// Each check of the reader, by the defect it catches: on 4e9d6fc the page
/// accepted offsets that did not match the text, overlapping spans and a
/// `checkworthy` of 7.
#[test]
fn reading_refuses_each_kind_of_broken_document() {
    let good = exported();
    assert!(Document::from_json(&good.to_string()).is_ok());
    type Break = fn(&mut serde_json::Value);
    let cases: &[(&str, Break, &str)] = &[
        (
            "span past the end",
            |v| v["entities"][0]["end"] = 999.into(),
            "outside the text",
        ),
        (
            "start after end",
            |v| v["dates"][0]["start"] = 60.into(),
            "outside the text",
        ),
        (
            "span text edited",
            |v| v["entities"][0]["text"] = "Mario Zakharova".into(),
            "is not what the span 0..15 covers",
        ),
        (
            "span shifted",
            |v| {
                v["entities"][0]["start"] = 1.into();
                v["entities"][0]["end"] = 16.into();
            },
            "is not what the span 1..16 covers",
        ),
        (
            "entities overlap",
            |v| v["entities"][1]["start"] = v["entities"][0]["start"].clone(),
            "never overlap",
        ),
        (
            "dates out of order",
            |v| {
                let d = v["dates"].as_array_mut().unwrap();
                d.swap(0, 1);
            },
            "dates are in text order",
        ),
        (
            "checkworthy 7",
            |v| v["claims"][0]["checkworthy"] = 7.into(),
            "checkworthy 7 is outside [0, 1]",
        ),
        (
            "negative checkworthy",
            |v| v["claims"][0]["checkworthy"] = (-0.5).into(),
            "outside [0, 1]",
        ),
        (
            "duplicate id",
            |v| v["entities"][1]["id"] = v["entities"][0]["id"].clone(),
            "used twice",
        ),
        (
            "foreign id",
            |v| v["dates"][0]["id"] = "x1".into(),
            "not d followed by digits",
        ),
        (
            "dangling source_entity",
            |v| {
                let c = v["claims"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|c| !c["source_entity"].is_null())
                    .unwrap();
                c["source_entity"] = "E99".into();
            },
            "source_entity E99 is no entity",
        ),
        (
            "summary count",
            |v| v["summary"]["entities"][0]["mentions"] = 42.into(),
            "says 42 mentions",
        ),
        (
            "summary entity dropped",
            |v| {
                v["summary"]["entities"].as_array_mut().unwrap().pop();
            },
            "missing from summary.entities",
        ),
        (
            "timeline to no date",
            |v| v["summary"]["timeline"][0]["dates"][0] = "d99".into(),
            "date d99 is no date",
        ),
        (
            "timeline value",
            |v| v["summary"]["timeline"][0]["value"] = "1999-01-01".into(),
            "has the value",
        ),
        (
            "source to no claim",
            |v| v["summary"]["sources"][0]["claims"][0] = "c99".into(),
            "claim c99 is no claim",
        ),
        (
            "text edited",
            |v| {
                let t = v["text"].as_str().unwrap().replace("Minsk", "Pinsk");
                v["text"] = t.into();
            },
            "does not match text_sha256",
        ),
        (
            "text cut",
            |v| {
                let t = v["text"].as_str().unwrap()[..20].to_string();
                v["text"] = t.into();
            },
            "characters long but text_length",
        ),
        (
            "bad hash",
            |v| v["text_sha256"] = "ABC".into(),
            "not 64 lowercase hex",
        ),
        (
            "impossible document date",
            |v| v["document_date"] = "2024-02-30".into(),
            "not a real date",
        ),
        (
            "date source without a date",
            |v| v["document_date"] = serde_json::Value::Null,
            "no document_date",
        ),
        (
            "factual claim with a cue",
            |v| {
                let c = v["claims"][0].clone();
                v["claims"][0]["kind"] = "factual".into();
                assert!(!c["cue"].is_null());
            },
            "is factual but has a source",
        ),
        (
            "cue outside its claim",
            |v| {
                let end = v["claims"][0]["end"].as_u64().unwrap();
                v["claims"][0]["end"] = (end - 3).into();
                let t: String = v["text"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .skip(v["claims"][0]["start"].as_u64().unwrap() as usize)
                    .take((end - 3 - v["claims"][0]["start"].as_u64().unwrap()) as usize)
                    .collect();
                v["claims"][0]["text"] = t.into();
            },
            "lies outside its claim",
        ),
        (
            "statistics",
            |v| v["summary"]["statistics"]["characters"] = 3.into(),
            "summary.statistics.characters is 3",
        ),
        (
            "text not a string",
            |v| v["text"] = 5.into(),
            "\"text\" is not a string",
        ),
    ];
    for (name, break_it, expected) in cases {
        let mut v = good.clone();
        break_it(&mut v);
        let err = refusal(&v);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.starts_with("invalid document, "), "{name}: {err}");
    }
}

#[test]
fn reading_without_the_article_checks_span_text_lengths() {
    let mut v = exported();
    v.as_object_mut().unwrap().remove("text");
    assert!(Document::from_json(&v.to_string()).is_ok());
    v["entities"][0]["text"] = "Maria".into();
    assert!(refusal(&v).contains("is not what the span 0..15 covers"));
}

#[test]
fn a_refusal_names_the_first_20_problems_and_counts_the_rest() {
    let text = "Minsk and Kyiv met in Warsaw.\n".repeat(10);
    let mut v = serde_json::to_value(annotate(&text, &Options::new())).unwrap();
    let entities = v["entities"].as_array_mut().unwrap();
    let total = entities.len();
    assert!(total > 20, "{total}");
    for e in entities {
        e["text"] = "x".into();
    }
    let err = refusal(&v);
    assert!(
        err.starts_with(&format!("invalid document, {total} problems: ")),
        "{err}"
    );
    assert!(
        err.ends_with(&format!("; and {} more", total - 20)),
        "{err}"
    );
    assert_eq!(err.matches("is not what the span").count(), 20, "{err}");
}

/// The fuzzer found documents whose figure amounts came back one unit in
/// the last place off: serde_json's default float parser is not exact.
#[test]
fn figure_amounts_read_back_exactly() {
    // Many amounts with long mantissas: scaled decimals and huge counts.
    let text: String = (1..400)
        .map(|i| {
            format!(
                "Exports reached {i}.{:03} million euros and {} people, up {}.7%. ",
                i * 37 % 1000,
                7_739_528_654_632_852_832u64 / i,
                i * 3
            )
        })
        .collect();
    let doc = annotate(&text, &Options::new());
    assert!(
        doc.figures.len() > 300,
        "figures found: {}",
        doc.figures.len()
    );
    let mut v = serde_json::to_value(&doc).expect("serializes");
    v["text"] = text.clone().into();
    let back = Document::from_json(&v.to_string()).expect("own output reads");
    assert_eq!(back.figures, doc.figures);
}
