//! Cues found by rule where the tagger misses them (stance verbs such as
//! "denied", nouns that name a claim: "the ministry's warning that"), and
//! the cues of headings, which are dropped.

use super::*;

/// Stance-bearing verbs that are attribution cues in news, added where the
/// tagger missed them: a missed denial or accusation is the costliest
/// miss for a fact-checker. (The wider list of speech verbs, each a cue
/// nine times in ten in PolNeAR train, lowered dev F1: the tagger already
/// finds the cues among them.)
pub(super) const RULE_CUES: &[&str] = &[
    "warned", "warns", "asserted", "stated", "denied", "denies", "accused", "accuses",
];
/// The lengths of the [`RULE_CUES`] (a test checks it).
pub(super) const RULE_CUE_LENGTHS: std::ops::RangeInclusive<usize> = 5..=8;

/// Nouns that name a claim; "X's warning that ..." is an attribution
/// with the possessor as source.
pub(super) const NOUN_CUES: &[&str] = &[
    "warning",
    "warnings",
    "claim",
    "claims",
    "assertion",
    "assertions",
    "statement",
    "denial",
    "denials",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "insistence",
    "contention",
    "admission",
    "announcement",
    "prediction",
    "promise",
    "pledge",
    "suggestion",
    "argument",
    "assurance",
    "assurances",
    "charge",
    "complaint",
];

pub(super) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// "the mayor's claim that": a noun cue between a possessive and "that".
pub(super) fn is_noun_cue(t: &Text, u: &Range<usize>, i: usize) -> bool {
    i > u.start
        && i + 1 < u.end
        && is_possessive(t.tok(i - 1))
        && t.tok(i + 1).eq_ignore_ascii_case("that")
        && NOUN_CUES.iter().any(|c| c.eq_ignore_ascii_case(t.tok(i)))
}

pub(super) fn add_rule_cues(t: &Text, u: &Range<usize>, cues: &mut Vec<Range<usize>>) {
    // The tagger's cues are disjoint and in text order, and so are the
    // added ones: overlaps are found by binary search and by the last
    // one added, not by a scan of every cue (quadratic in a unit of many).
    let tagged = cues.len();
    for i in u.clone() {
        let w = t.tok(i);
        // Most tokens are shorter or longer than every rule cue.
        let n = if RULE_CUE_LENGTHS.contains(&w.len())
            && RULE_CUES.iter().any(|c| c.eq_ignore_ascii_case(w))
            || is_noun_cue(t, u, i)
        {
            1
        } else {
            continue;
        };
        let k = cues[..tagged].partition_point(|c| c.end <= i);
        let on_tagged = cues[..tagged].get(k).is_some_and(|c| c.start < i + n);
        let on_added = cues[tagged..].last().is_some_and(|c| i < c.end);
        if !on_tagged && !on_added {
            cues.push(i..i + n);
        }
    }
    if cues.len() > tagged {
        cues.sort_by_key(|c| c.start);
    }
}

/// A Title-Case run-in heading ("Continued Support for Moscow: ...") holds
/// no attribution: its verbs are headline words.
pub(super) fn drop_heading_cues(t: &Text, u: &Range<usize>, cues: &mut Vec<Range<usize>>) {
    let Some(colon) = u.clone().take(12).find(|&i| t.tok(i) == ":") else {
        return;
    };
    let words: Vec<&str> = (u.start..colon)
        .filter(|&i| t.tokens[i].kind == TokenKind::Word)
        .map(|i| t.tok(i))
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !words.is_empty() && capitalized * 3 >= words.len() * 2 {
        cues.retain(|c| c.start >= colon);
    }
}
