//! What must hold for every input: annotate never panics, every span lies
//! inside the text on character boundaries and its text equals the slice,
//! ids are unique, and the document reads back through `from_json`.

use factlens::{annotate, Document, Options};
use proptest::prelude::*;

/// Checks every invariant of a document against its text.
fn check(text: &str, doc: &Document) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(doc.text_length, chars.len());
    let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
    let span = |what: &str, s: usize, e: usize, t: &str| {
        assert!(
            s <= e && e <= chars.len(),
            "{what} span {s}..{e} outside text of {}",
            chars.len()
        );
        assert_eq!(
            slice(s, e),
            t,
            "{what} text differs from the slice {s}..{e}"
        );
    };
    for m in &doc.entities {
        span("entity", m.start, m.end, &m.text);
        assert!(m.start < m.end, "empty entity");
    }
    for d in &doc.dates {
        span("date", d.start, d.end, &d.text);
    }
    for c in &doc.claims {
        span("claim", c.start, c.end, &c.text);
        span("content", c.content.start, c.content.end, &c.content.text);
        for r in c.source.iter().chain(c.cue.iter()) {
            span("role", r.start, r.end, &r.text);
        }
        assert!((0.0..=1.0).contains(&c.checkworthy));
    }
    let mut ids: Vec<&str> = doc
        .entities
        .iter()
        .map(|m| m.id.as_str())
        .chain(doc.dates.iter().map(|d| d.id.as_str()))
        .chain(doc.claims.iter().map(|c| c.id.as_str()))
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    // Entity mentions do not overlap each other.
    for w in doc.entities.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "overlapping entities {:?} {:?}",
            w[0].text,
            w[1].text
        );
    }
    let back =
        Document::from_json(&serde_json::to_string(doc).unwrap()).expect("document reads back");
    assert_eq!(&back, doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_string_annotates(s in "\\PC*") {
        let doc = annotate(&s, &Options::new());
        check(&s, &doc);
    }

    /// Product names, headlines, datelines and repeated names are where
    /// the entity post-passes add, split and relabel mentions.
    #[test]
    fn entity_mentions_never_overlap(words in prop::collection::vec(prop::sample::select(vec![
        "The", "the", "THE", "A380", "A380s", "A380-800", "Airbus", "AIRBUS", "Boeing", "787",
        "787s", "Dreamliner", "Superjumbo", "iPhone", "4", "Emirates", "Airlines", "Air", "Lines",
        "Inc.", "Smith", "Anna", "TOULOUSE", ",", "France", "(Reuters)", "-", "2024-05-01", ".",
        "\n", "\n\n", "'s", "\"", "said", "Orders", "More", "Jets", "in", "near", "Qantas",
    ]), 0..40)) {
        let s = words.join(" ");
        let doc = annotate(&s, &Options::new().document_date("2024-10-01").unwrap());
        for w in doc.entities.windows(2) {
            prop_assert!(
                w[0].end <= w[1].start,
                "overlapping entities {:?} {:?} in {:?}",
                w[0].text,
                w[1].text,
                s
            );
        }
    }

    #[test]
    fn newsy_strings_annotate(s in "([A-Z][a-z]{1,8}|[a-z]{1,8}|\"|“|”|’s|'s|, |\\. |\\.\n|\r\n|\n\n|😀|中文|e\u{301}|[0-9]{1,4}|%| said | on | May | 2024|-| U\\.S\\. )*") {
        let doc = annotate(&s, &Options::new());
        check(&s, &doc);
    }
}

#[test]
fn control_characters_and_nul_annotate() {
    let s = "Maria Zakharova\0 said\u{1} on\u{7f} March 3, 2024 \u{feff}that\u{200b} Minsk ...\r\n\r\n\t";
    check(s, &annotate(s, &Options::new()));
}

#[test]
fn ten_megabytes_of_one_character_annotate() {
    let s = "a".repeat(10 << 20);
    let doc = annotate(&s, &Options::new());
    assert_eq!(doc.text_length, 10 << 20);
    let s = ".".repeat(1 << 20);
    check(&s, &annotate(&s, &Options::new()));
}

#[test]
fn a_hundred_thousand_lines_annotate() {
    let s = "Alexander Lukashenko said on 1 May 2024 that 50% rose.\n".repeat(100_000);
    let doc = annotate(&s, &Options::new());
    assert_eq!(doc.summary.statistics.sentences, 100_000);
    check(&s, &doc);
}
