//! Input that is no article, or is one only in shape: each test is named
//! after what broke on it (issue 15). None times anything: where the
//! defect was a cost growing with the square of the input, the test counts
//! what the output holds.

use factlens::{annotate, ClaimKind, Options};

fn dated() -> Options {
    Options::new()
        .document_date("2024-10-01")
        .expect("valid date")
}

#[test]
fn no_panic_on_relative_dates_beyond_the_calendar() {
    for phrase in [
        "240000 months ago",
        "10 million years ago",
        "5000000 days later",
        "99999999999 weeks ago",
        "in 300000 years",
        "999999 weeks ago",
        "999999 days from now",
        "300000 years ago",
        "999999 decades ago",
        "999999 centuries later",
        "999999 quarters ago",
    ] {
        let text = format!("The pact was signed {phrase}, officials said.");
        let doc = annotate(&text, &dated());
        for d in &doc.dates {
            // A value, when there is one, is a TIMEX3 date with at most
            // four year digits, never a year past the calendar.
            if let Some(v) = &d.value {
                let year = v.split(['-', 'T']).next().unwrap_or("");
                assert!(
                    !v.starts_with('-') && (year.len() <= 4 || v.starts_with('P')),
                    "{phrase:?}: {:?} has value {v:?}",
                    d.text
                );
            }
        }
    }
}

#[test]
fn a_relative_date_beyond_the_calendar_keeps_its_span_without_a_value() {
    let text = "It fell 240000 months ago.";
    let doc = annotate(text, &dated());
    let d = doc
        .dates
        .iter()
        .find(|d| d.text.contains("240000 months"))
        .expect("the expression is still found");
    assert_eq!(d.value, None);
    // In range, the same words are normalized.
    let doc = annotate("It fell 24 months ago.", &dated());
    assert_eq!(doc.dates[0].value.as_deref(), Some("2022-10"));
}

/// Characters of every claim's text and content together.
fn claim_chars(doc: &factlens::Document) -> usize {
    doc.claims
        .iter()
        .map(|c| c.text.chars().count() + c.content.text.chars().count())
        .sum()
}

#[test]
fn repeated_cue_verbs_give_claims_linear_in_the_text() {
    // "Maria said Maria said ...": each claim nested every later one and
    // carried its text, 23 GB of memory for 1 MB of input.
    for text in [
        "Maria said ".repeat(3000),
        "Maria said that Anna claimed ".repeat(1500),
        "\"Maria said, ".repeat(2000),
    ] {
        let doc = annotate(&text, &dated());
        let n = text.chars().count();
        assert!(
            claim_chars(&doc) <= 20 * n,
            "{} characters of claims for {n} of text",
            claim_chars(&doc)
        );
    }
}

#[test]
fn claim_content_length_is_bounded() {
    // One sentence of 40,000 words after a cue: the content is its start.
    let text = format!("Maria said {}.", "the rain fell and ".repeat(10_000));
    let doc = annotate(&text, &dated());
    for c in doc
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Attributed)
    {
        let words = c.content.text.split_whitespace().count();
        assert!(words <= 300, "a content of {words} words");
    }
}

#[test]
fn a_name_repeated_without_a_full_stop_is_not_one_mention_of_the_whole_text() {
    // "Maria Zakharova Maria Zakharova ...": one sentence of 10,000
    // tokens came out as a single mention, the tagger's buffers the size
    // of the whole text.
    let text = "Maria Zakharova ".repeat(5000);
    let doc = annotate(&text, &dated());
    assert!(!doc.entities.is_empty());
    for m in &doc.entities {
        let words = m.text.split_whitespace().count();
        assert!(words <= 4096, "a mention of {words} words");
    }
}

#[test]
fn mentions_do_not_overlap_when_a_product_name_repeats_before_a_product() {
    // "A380 Superjumbo" made "Superjumbo" a product name; its repetition
    // then took the next "A380" along, already in another product.
    let text = "Superjumbo A380 A380 Superjumbo";
    let doc = annotate(text, &dated());
    assert!(!doc.entities.is_empty());
    for w in doc.entities.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{:?} overlaps {:?}",
            w[0].text,
            w[1].text
        );
    }
}
