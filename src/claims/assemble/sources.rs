//! Who speaks: the source of a cue, found before it, after it, as a
//! possessor or as the subject of a participle clause, and resolved to an
//! entity mention.

use super::*;

pub(super) const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his"];
pub(super) const GROUP_PRONOUNS: &[&str] = &["they", "it", "we", "its", "their"];

/// How far back (in mentions) a pronoun or a common noun looks for its referent.
pub(super) const RESOLVE_WINDOW: usize = 60;

/// The mention a source refers to: a mention inside it (a person first),
/// for a pronoun the nearest earlier fitting mention, and for a common noun
/// ("the ministry") the nearest earlier mention containing that noun.
/// `mentions` are in text order, so both searches are local.
pub(super) fn resolve_source(t: &Text, mentions: &[Mention], source: Span) -> Option<usize> {
    let from = mentions.partition_point(|m| m.span.start < source.start);
    let to = mentions.partition_point(|m| m.span.start < source.end);
    let inside = || {
        (from..to)
            .rev()
            .filter(|&i| source.contains(mentions[i].span))
    };
    if let Some(i) = inside().find(|&i| mentions[i].label == EntityLabel::Person) {
        return Some(i);
    }
    // "Russian officials" are not Russia: only a mention that heads the
    // source (ends it) names the speaker.
    if let Some(i) = inside()
        .find(|&i| mentions[i].span.end == source.end && mentions[i].label != EntityLabel::Norp)
    {
        return Some(i);
    }
    let lower = t.slice(source).to_lowercase();
    let before = |ok: &dyn Fn(&Mention) -> bool| {
        (from.saturating_sub(RESOLVE_WINDOW)..from)
            .rev()
            .find(|&i| mentions[i].span.end <= source.start && ok(&mentions[i]))
    };
    // "Oleg Dunda, who asserted": the relative pronoun's antecedent.
    if matches!(lower.as_str(), "who" | "which") {
        return before(&|m| m.label != EntityLabel::Norp && m.label != EntityLabel::Misc);
    }
    if PERSON_PRONOUNS.contains(&lower.as_str()) {
        return before(&|m| m.label == EntityLabel::Person);
    }
    if GROUP_PRONOUNS.contains(&lower.as_str()) {
        return before(&|m| matches!(m.label, EntityLabel::Org | EntityLabel::Loc));
    }
    let head = lower.split_whitespace().last()?;
    if head.len() < 4 {
        return None;
    }
    before(&|m| has_word(t.slice(m.span), head))
}

/// Whether a whitespace-separated word of `text` lower-cases to `lower`.
pub(super) fn has_word(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        // The ASCII characters that are Unicode white space: the same words
        // as `split_whitespace`, split byte by byte.
        let space = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ');
        text.as_bytes()
            .split(space)
            .any(|w| !w.is_empty() && w.eq_ignore_ascii_case(lower.as_bytes()))
    } else {
        text.split_whitespace().any(|w| lowercases_to(w, lower))
    }
}

/// Whether `w` lower-cased is `lower` (a lower-cased word), without
/// lower-casing ASCII words into a new string: `lower` holds no ASCII
/// capital, so an ASCII word matches it exactly when it does ignoring ASCII case.
pub(super) fn lowercases_to(w: &str, lower: &str) -> bool {
    if w.is_ascii() {
        w.eq_ignore_ascii_case(lower)
    } else {
        w.to_lowercase() == lower
    }
}

/// What a sentence-opening "In a statement, ..." may name.
pub(super) const OPENING_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "letter",
    "speech",
    "tweet",
    "post",
    "release",
    "email",
    "filing",
    "memo",
];

/// "In a statement, the union called the offer an insult.": a sentence
/// with no cue of its own that opens with "In (a|its|...) (word)? NOUN,"
/// attributes the rest to the subject after the comma. Returns the cue,
/// source and content tokens.
pub(super) fn opening_attribution(
    t: &Text,
    mentions: &[Mention],
    s: &Range<usize>,
) -> Option<(Range<usize>, Range<usize>, Range<usize>)> {
    if !t.tok(s.start).eq_ignore_ascii_case("in") {
        return None;
    }
    let comma = (s.start + 2..(s.start + 5).min(s.end)).find(|&i| t.tok(i) == ",")?;
    if !OPENING_NOUNS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(t.tok(comma - 1)))
        || !DETERMINERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t.tok(s.start + 1)))
    {
        return None;
    }
    let from = comma + 1;
    if from >= s.end {
        return None;
    }
    let start = t.tokens[from].span.start;
    let k = mentions.partition_point(|m| m.span.start < start);
    let source_end = if let Some(m) = mentions.get(k).filter(|m| m.span.start == start) {
        (from..s.end).find(|&i| t.tokens[i].span.end >= m.span.end)? + 1
    } else {
        let mut e = from;
        if DETERMINERS.iter().any(|w| w.eq_ignore_ascii_case(t.tok(e))) {
            e += 1;
            let run = (e..s.end)
                .take_while(|&i| t.tok(i).chars().next().is_some_and(char::is_uppercase))
                .count();
            e += run.max(1);
        } else {
            e += (from..s.end)
                .take_while(|&i| t.tok(i).chars().next().is_some_and(char::is_uppercase))
                .count();
        }
        e
    };
    let mut end = s.end;
    while end > source_end
        && t.tokens[end - 1].kind == TokenKind::Punct
        && !matches!(t.tok(end - 1), "\"" | "\u{201D}")
    {
        end -= 1;
    }
    (source_end > from && end >= source_end + 2).then_some((
        s.start..comma,
        from..source_end,
        source_end..end,
    ))
}

/// Determiners that open the possessor of a noun cue ("the senator's").
/// ("that" is left out: "said that Smith's claim" is more common than
/// "that man's claim".)
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "his", "her", "its", "their", "our", "my", "your",
];

/// The possessor of a one-word noun cue right after "'s", with the "'s"
/// (as PolNeAR marks it): the entity
/// mention that ends there, else the phrase from a nearby determiner, else
/// the capitalized words before it; "his claim" has no possessive and
/// keeps the tagger's source.
pub(super) fn possessor(
    t: &Text,
    b: &Base,
    mentions: &[Mention],
    cue: &Range<usize>,
) -> Option<Range<usize>> {
    if cue.len() != 1
        || cue.start < 2
        || !is_possessive(t.tok(cue.start - 1))
        || !NOUN_CUES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(t.tok(cue.start)))
    {
        return None;
    }
    let end = cue.start - 1;
    let sent_start = t.sentences[b.sent[end - 1] as usize].start;
    let last = t.tokens[end - 1].span.end;
    let k = mentions.partition_point(|m| m.span.start < last);
    if let Some(m) = mentions[..k]
        .iter()
        .rev()
        .take(3)
        .find(|m| m.span.end == last)
    {
        // Tokens are in text order: the mention's first one by binary search.
        let s = t.tokens.partition_point(|k| k.span.start < m.span.start);
        if (sent_start..end).contains(&s) && t.tokens[s].span.start == m.span.start {
            return Some(s..cue.start);
        }
    }
    let from = end.saturating_sub(4).max(sent_start);
    if let Some(d) = (from..end)
        .rev()
        .find(|&i| DETERMINERS.iter().any(|w| w.eq_ignore_ascii_case(t.tok(i))))
    {
        if d + 1 < end {
            return Some(d..cue.start);
        }
    }
    let mut s = end;
    while s > sent_start && t.tok(s - 1).chars().next().is_some_and(char::is_uppercase) {
        s -= 1;
    }
    (s < end).then_some(s..cue.start)
}

/// Words that open a clause, not a source ("Although Moscow announced").
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "although", "though", "while", "when", "after", "as", "because", "but", "and", "however", "if",
    "since", "so", "yet",
];

/// A tagged source without a leading clause opener ("Although Moscow").
pub(super) fn clean_source(t: &Text, mut s: Range<usize>) -> Option<Range<usize>> {
    while s.start < s.end
        && CLAUSE_OPENERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t.tok(s.start)))
    {
        s.start += 1;
    }
    (s.start < s.end).then_some(s)
}

/// Words that may stand between a subject and its verb ("Kyiv has
/// repeatedly denied").
pub(super) const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "repeatedly",
    "reportedly",
    "later",
    "then",
    "again",
    "previously",
    "publicly",
    "has",
    "is",
    "was",
    "were",
    "are",
];
/// Words that end a subject noun phrase going leftwards.
pub(super) const NP_STOPS: &[&str] = &[
    "that", "which", "who", "and", "but", "with", "while", "when", "as", "because", "after",
    "although", "if", "since", "of", "to", "in", "on", "by", "for",
];

/// The noun phrase right before a cue verb, when the tagger gave none:
/// "with the border guard stating", "Kyiv denied". It must hold a
/// capitalized word or start with a determiner.
pub(super) fn subject_before(t: &Text, b: &Base, c: &Range<usize>) -> Option<Range<usize>> {
    let sent = &t.sentences[b.sent[c.start] as usize];
    let mut end = c.start;
    while end > sent.start
        && AUXILIARIES
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t.tok(end - 1)))
    {
        end -= 1;
    }
    let mut start = end;
    while start > sent.start && end - start < 8 {
        let w = t.tok(start - 1);
        if t.tokens[start - 1].kind == TokenKind::Punct && !matches!(w, "’s" | "'s")
            || NP_STOPS.iter().any(|s| s.eq_ignore_ascii_case(w))
            || CLAUSE_OPENERS.iter().any(|s| s.eq_ignore_ascii_case(w))
        {
            break;
        }
        start -= 1;
    }
    if start == end {
        return None;
    }
    let first = t.tok(start);
    let capital = (start..end).any(|i| t.tok(i).chars().next().is_some_and(char::is_uppercase));
    let det = matches!(
        first.to_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    );
    let pronoun = end - start == 1
        && matches!(
            first.to_lowercase().as_str(),
            "he" | "she" | "they" | "we" | "i" | "it"
        );
    (capital || det || pronoun).then_some(start..end)
}

/// Whether a cue opens with a passive or copula auxiliary ("was reported",
/// "is said", "has been claimed").
pub(super) fn is_passive(first: &str) -> bool {
    ["was", "is", "has", "had", "were", "been", "would"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first))
}

/// "Minsk closed its borders, citing ...": a participle cue after a comma,
/// with no source of its own, speaks for the first named actor of its
/// clause.
pub(super) fn participle_subject(
    t: &Text,
    b: &Base,
    mentions: &[Mention],
    cue: &Range<usize>,
) -> Option<Range<usize>> {
    if !t.tok(cue.start).ends_with("ing") || cue.start == 0 || t.tok(cue.start - 1) != "," {
        return None;
    }
    // The clause is looked at no further back than a source may be.
    let sent = &t.sentences[b.sent[cue.start] as usize];
    let reach = sent.start.max(cue.start.saturating_sub(MAX_SOURCE_GAP));
    let from = (reach..cue.start)
        .rev()
        .find(|&i| t.tok(i) == ";")
        .map_or(reach, |i| i + 1);
    let (lo, hi) = (t.tokens[from].span.start, t.tokens[cue.start].span.start);
    let first = mentions.partition_point(|m| m.span.start < lo);
    let m = mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= hi)
        .find(|m| !matches!(m.label, EntityLabel::Norp | EntityLabel::Misc))?;
    let s = (from..cue.start).find(|&i| t.tokens[i].span.start == m.span.start)?;
    let e = (s..cue.start).find(|&i| t.tokens[i].span.end == m.span.end)?;
    Some(s..e + 1)
}
