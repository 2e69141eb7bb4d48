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
