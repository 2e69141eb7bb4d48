//! First attribution rules: a cue verb with its source before it and its
//! content after it (or the reverse), "according to X", and sentences with
//! figures as factual claims. The learned finder replaces it.

use crate::claims::Found;
use crate::document::{ClaimKind, EntityLabel};
use crate::entities::Mention;
use crate::text::{Span, Text, TokenKind};

/// Cue words and the stance they signal.
const CUES: &[(&str, &str)] = &[
    ("said", "asserts"), ("says", "asserts"), ("say", "asserts"), ("stated", "asserts"), ("stating", "asserts"),
    ("asserted", "asserts"), ("asserts", "asserts"), ("added", "asserts"), ("told", "asserts"),
    ("announced", "asserts"), ("insisted", "asserts"), ("stressed", "asserts"), ("noted", "asserts"),
    ("confirmed", "asserts"), ("declared", "asserts"), ("explained", "asserts"),
    ("warned", "warns"), ("warns", "warns"), ("warning", "warns"),
    ("denied", "denies"), ("denies", "denies"), ("rejected", "denies"),
    ("accused", "accuses"), ("accuses", "accuses"), ("blamed", "accuses"),
    ("claimed", "claims"), ("claims", "claims"), ("alleged", "claims"), ("argued", "claims"),
    ("reported", "reports"), ("reports", "reports"),
    ("promised", "promises"), ("pledged", "promises"), ("vowed", "promises"),
    ("questioned", "questions"), ("asked", "questions"),
    ("predicted", "predicts"), ("expects", "predicts"), ("expected", "predicts"),
];

const BOUNDARY: &[&str] = &["that", "which", "who", "and", "but", "while", "with", "as", "when", "where", "after", "because", "this", "it"];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They", "it", "It"];

pub(crate) fn recognize(t: &Text, mentions: &[Mention]) -> Vec<Found> {
    let mut out = Vec::new();
    for sent in &t.sentences {
        let sspan = t.sentence_span(sent);
        let mut found = false;
        for i in sent.clone() {
            let w = t.tok(i);
            let lower = w.to_lowercase();
            let according = lower == "according" && i + 1 < sent.end && t.tok(i + 1) == "to";
            let stance = CUES.iter().find(|(c, _)| *c == lower).map(|(_, s)| *s);
            if according {
                // "according to X, ..." or "..., according to X."
                let src_start = i + 2;
                let mut src_end = src_start;
                while src_end < sent.end && t.tokens[src_end].kind != TokenKind::Punct {
                    src_end += 1;
                }
                if src_end == src_start {
                    continue;
                }
                let source = Span::new(t.tokens[src_start].span.start, t.tokens[src_end - 1].span.end);
                let content = if i == sent.start {
                    trim_span(t, src_end + 1, sent.end)
                } else {
                    trim_span(t, sent.start, i)
                };
                let Some(content) = content else { continue };
                let cue = Span::new(t.tokens[i].span.start, t.tokens[i + 1].span.end);
                out.push(found_claim(t, mentions, sspan, Some(source), cue, content, "reports"));
                found = true;
                break;
            }
            let Some(stance) = stance else { continue };
            let cue = t.tokens[i].span;
            // Source: the words right before the cue, back to a boundary.
            let mut s = i;
            while s > sent.start {
                let p = t.tok(s - 1);
                if t.tokens[s - 1].kind == TokenKind::Punct || BOUNDARY.contains(&p.to_lowercase().as_str()) {
                    break;
                }
                s -= 1;
                if i - s >= 6 {
                    break;
                }
            }
            // "X, who asserted": the source is the phrase before "who".
            let mut source_tokens = (s < i).then_some((s, i));
            if source_tokens.is_none() && s > sent.start + 1 && matches!(t.tok(s - 1), "who" | "which") {
                let e = if t.tok(s - 2) == "," { s - 2 } else { s - 1 };
                let mut b = e;
                while b > sent.start && t.tokens[b - 1].kind != TokenKind::Punct && i - b < 10 {
                    b -= 1;
                }
                source_tokens = (b < e).then_some((b, e));
            }
            let Some((a, b)) = source_tokens else { continue };
            let source = Span::new(t.tokens[a].span.start, t.tokens[b - 1].span.end);
            let mut c = i + 1;
            if c < sent.end && matches!(t.tok(c), "that" | "of" | ":" | ",") {
                c += 1;
            }
            let content = trim_span(t, c, sent.end).or_else(|| trim_span(t, sent.start, a));
            let Some(content) = content else { continue };
            out.push(found_claim(t, mentions, sspan, Some(source), cue, content, stance));
            found = true;
            break;
        }
        if !found && has_figure(t, sent.clone()) {
            out.push(Found {
                span: sspan,
                kind: ClaimKind::Factual,
                source: None,
                source_mention: None,
                cue: None,
                content: sspan,
                stance: "asserts",
                checkworthy: 0.6,
            });
        }
    }
    out
}

/// The span of tokens `a..b` without surrounding punctuation.
fn trim_span(t: &Text, mut a: usize, mut b: usize) -> Option<Span> {
    while a < b && t.tokens[a].kind == TokenKind::Punct && !is_quote(t.tok(a)) {
        a += 1;
    }
    while b > a && t.tokens[b - 1].kind == TokenKind::Punct && !is_quote(t.tok(b - 1)) {
        b -= 1;
    }
    (a < b).then(|| Span::new(t.tokens[a].span.start, t.tokens[b - 1].span.end))
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{201C}" | "\u{201D}")
}

fn has_figure(t: &Text, sent: std::ops::Range<usize>) -> bool {
    sent.clone().any(|i| t.tok(i) == "%" || t.tok(i).eq_ignore_ascii_case("percent"))
        || sent.clone().any(|i| t.tokens[i].kind == TokenKind::Number && i + 1 < sent.end && matches!(t.tok(i + 1), "million" | "billion" | "trillion"))
}

fn found_claim(t: &Text, mentions: &[Mention], whole: Span, source: Option<Span>, cue: Span, content: Span, stance: &'static str) -> Found {
    let source_mention = source.and_then(|s| resolve_source(t, mentions, s));
    let figures = t.slice(content).contains(|c: char| c.is_ascii_digit() || c == '%');
    Found {
        span: whole,
        kind: ClaimKind::Attributed,
        source,
        source_mention,
        cue: Some(cue),
        content,
        stance,
        checkworthy: if figures { 0.7 } else { 0.5 },
    }
}

/// The entity mention a source names, or for a pronoun the nearest
/// preceding person (he, she) or organization or place (they, it).
fn resolve_source(t: &Text, mentions: &[Mention], source: Span) -> Option<usize> {
    // Mentions are sorted: look only at those that start inside the source.
    let first = mentions.partition_point(|m| m.span.start < source.start);
    let last = first + mentions[first..].partition_point(|m| m.span.start < source.end);
    let inside = mentions[first..last].iter().rposition(|m| source.contains(m.span));
    if let Some(i) = inside {
        return Some(first + i);
    }
    let word = t.slice(source);
    if !PRONOUNS.contains(&word) {
        return None;
    }
    let person = matches!(word, "he" | "she" | "He" | "She");
    // The nearest earlier candidate, looking back a bounded distance.
    let before = mentions.partition_point(|m| m.span.end <= source.start);
    let from = before.saturating_sub(50);
    mentions[from..before]
        .iter()
        .rposition(|m| (m.label == EntityLabel::Person) == person && m.label != EntityLabel::Norp)
        .map(|i| from + i)
}
