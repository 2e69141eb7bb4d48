//! From tagged spans to claims: run both taggers over each paragraph, join
//! each cue to its nearest content and source, resolve the source to an
//! entity mention, and add check-worthy sentences as factual claims.

use std::ops::Range;

use super::features::{self, Base, CueMap};
use super::tagger::{spans, viterbi, Acc, CueSums, RoleSums};
use super::{stance, Found, Models};
use crate::document::{ClaimKind, EntityLabel};
use crate::entities::Mention;
use crate::text::{Span, Text, TokenKind};

mod cues;
mod sources;

use cues::*;
use sources::*;

/// Sources further than this many tokens from their cue are not joined.
const MAX_SOURCE_GAP: usize = 30;
/// Contents further than this are not joined.
const MAX_CONTENT_GAP: usize = 12;
/// A cue pairs with contents in its own sentence or the next or previous
/// one ("'...,' he said."), never further, however short the sentences.
const SENTENCE_WINDOW: u32 = 1;
/// The longest content, in tokens (PolNeAR's longest is 171 words): the
/// part nearest its cue is kept. With the nesting bound below it keeps
/// the claims' text linear in the input.
const MAX_CONTENT_TOKENS: usize = 250;
/// How many other cues a content may hold ("A said B said C said ...":
/// each claim nests the next). Deeper claims end before the next cue, so
/// a token lies in a bounded number of contents.
const MAX_NESTED_CUES: usize = 3;
/// How many paragraphs before its own a continued quotation reaches.
const MAX_QUOTE_PARAGRAPHS: usize = 8;

pub(crate) fn recognize(m: &Models, t: &Text, mentions: &[Mention]) -> Vec<Found> {
    let mut b = Base::sentences(t);
    let mut emis: Vec<f32> = Vec::new();
    let mut labels = Vec::new();
    let mut commas = Vec::new();
    let mut partial: Vec<Acc> = Vec::new();
    // Claims of one sentence share its score: the last one computed.
    let mut memo: Option<(Range<usize>, f32)> = None;
    let mut out = Vec::new();
    let mut cue_sums = CueSums::new(&m.joint);
    let mut role_sums = RoleSums::default();
    let units = features::units(t);
    let read: Vec<Range<usize>> = units
        .iter()
        .flat_map(|unit| pieces(&b, unit.tokens.clone()))
        .collect();
    for u in read {
        b.cover(t, u.clone());
        cue_sums.cover(t, &b, &u);
        partial.clear();
        partial.extend(u.clone().map(|i| cue_sums.token(&b, &u, i).sums()));
        m.joint.add_pairs(&b, &u, &mut partial);
        emis.clear();
        emis.extend(partial.iter().flat_map(|acc| m.joint.cue_scores(acc)));
        viterbi(&emis, 3, 0, m.cue.transitions(0), &mut labels);
        let mut cues = CueMap {
            cues: spans(&labels, u.start),
        };
        add_rule_cues(t, &u, &mut cues.cues);
        drop_heading_cues(t, &u, &mut cues.cues);
        if cues.cues.is_empty() {
            continue;
        }
        features::comma_counts(t, &u, &mut commas);
        emis.clear();
        role_sums.cover(&cues);
        for i in u.clone() {
            let mut sums = m.joint.roles(&partial[i - u.start]);
            role_sums.add(&mut sums, &b, &u, &cues, &commas, i);
            emis.extend(sums.role_scores());
        }
        viterbi(&emis, 6, 0, m.roles.transitions(0), &mut labels);
        let sources = spans(&labels, u.start);
        viterbi(&emis, 6, 3, m.roles.transitions(1), &mut labels);
        let contents = spans(&labels, u.start);
        let mut prev: Option<(Range<usize>, Range<usize>)> = None;
        join(
            t,
            &b,
            &cues.cues,
            &sources,
            &contents,
            |cue, source, content| {
                let bytes = |r: &Range<usize>| t.token_span(r);
                // "Kyiv denies these claims, asserting that ...": a participle
                // cue without a subject shares the previous cue's source.
                let source = source.or_else(|| {
                    let (pc, ps) = prev.as_ref()?;
                    (t.tok(cue.start).ends_with("ing")
                        && b.sent[pc.start] == b.sent[cue.start]
                        && gap(&cue, ps) <= MAX_SOURCE_GAP)
                        .then(|| ps.clone())
                });
                let source = source.or_else(|| participle_subject(t, &b, mentions, &cue));
                if let Some(s) = &source {
                    prev = Some((cue.clone(), s.clone()));
                }
                // "the senator's assertion that ...": a noun cue speaks for its possessor.
                let source = possessor(t, &b, mentions, &cue).or(source);
                // "It was reported that ...": an expletive "it" is no source.
                let source = source.filter(|s| {
                    !(s.len() == 1
                        && t.tok(s.start).eq_ignore_ascii_case("it")
                        && is_passive(t.tok(cue.start)))
                });
                let (cue_b, content_b) = (bytes(&cue), bytes(&content));
                let source_b = source.as_ref().map(bytes);
                let mut whole = cue_b.cover(content_b);
                if let Some(s) = source_b {
                    whole = whole.cover(s);
                }
                out.push(Found {
                    span: whole,
                    kind: ClaimKind::Attributed,
                    source: source_b,
                    source_mention: source_b.and_then(|s| resolve_source(t, mentions, s)),
                    cue: Some(cue_b),
                    content: content_b,
                    stance: stance::of_cue(t.slice(cue_b)),
                    // Scored on whole sentences, the unit the model learned from.
                    checkworthy: {
                        let range = sentences_of(t, &b, &content);
                        match &memo {
                            Some((r, score)) if *r == range => *score,
                            _ => {
                                let score = m.worthy.score(t, &b.hashes, range.clone());
                                memo = Some((range, score));
                                score
                            }
                        }
                    },
                });
                // A statistic stays a checkable fact whoever reports it.
                #[allow(clippy::expect_used, reason = "the claim was pushed on the line above")]
                let last = out.last().expect("just pushed");
                if last.checkworthy >= 0.5 && has_figure(t, &content) {
                    let checkworthy = last.checkworthy;
                    out.push(Found {
                        span: content_b,
                        kind: ClaimKind::Factual,
                        source: None,
                        source_mention: None,
                        cue: None,
                        content: content_b,
                        stance: crate::document::Stance::Asserts,
                        checkworthy,
                    });
                }
            },
        );
    }
    extend_quotes_across_paragraphs(t, &units, &mut out);
    // Sentences in the author's voice that deserve checking.
    // The text the attributions cover, as disjoint spans in text order:
    // whether a sentence overlaps one is a binary search, however long
    // the longest claim (a scan back over every claim it may reach was
    // quadratic).
    let mut attributed: Vec<Span> = out
        .iter()
        .filter(|f| f.kind == ClaimKind::Attributed)
        .map(|f| f.span)
        .collect();
    attributed.sort_unstable();
    let mut covered: Vec<Span> = Vec::with_capacity(attributed.len());
    for a in attributed {
        match covered.last_mut() {
            Some(last) if a.start <= last.end => last.end = last.end.max(a.end),
            _ => covered.push(a),
        }
    }
    let overlaps_claim = |span: Span| {
        let k = covered.partition_point(|a| a.start < span.end);
        k > 0 && covered[k - 1].overlaps(span)
    };
    for s in &t.sentences {
        let span = t.token_span(s);
        if span.is_empty() || overlaps_claim(span) || !statement_like(t, s) {
            continue;
        }
        let score = m.worthy.score(t, &b.hashes, s.clone());
        if let Some((cue, source, content)) = opening_attribution(t, mentions, s) {
            let bytes = |r: &Range<usize>| t.token_span(r);
            let source_b = bytes(&source);
            out.push(Found {
                span: bytes(&(cue.start..content.end)),
                kind: ClaimKind::Attributed,
                source: Some(source_b),
                source_mention: resolve_source(t, mentions, source_b),
                cue: Some(bytes(&cue)),
                content: bytes(&content),
                stance: stance::of_cue(t.slice(bytes(&cue))),
                checkworthy: score,
            });
            continue;
        }
        if score >= 0.5 {
            out.push(Found {
                span,
                kind: ClaimKind::Factual,
                source: None,
                source_mention: None,
                cue: None,
                content: span,
                stance: crate::document::Stance::Asserts,
                checkworthy: score,
            });
        }
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// The most tokens the taggers read at once. A paragraph is their unit,
/// and their buffers hold about 90 bytes a token of it: a paragraph of
/// a million tokens (a page of punctuation, a PDF dump on one line) is
/// read in pieces of whole sentences, or of this many tokens when one
/// sentence is longer. News paragraphs are a few hundred tokens.
const MAX_UNIT_TOKENS: usize = 4096;

/// `u` in pieces of at most [`MAX_UNIT_TOKENS`], cut after a sentence
/// where one ends.
fn pieces(b: &Base, u: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = u.start;
    std::iter::from_fn(move || {
        if start >= u.end {
            return None;
        }
        let mut end = u.end.min(start + MAX_UNIT_TOKENS);
        if end < u.end {
            // The last sentence end in the piece, if any.
            if let Some(e) = (start + 1..end).rev().find(|&i| b.sent[i] != b.sent[i - 1]) {
                end = e;
            }
        }
        let piece = start..end;
        start = end;
        Some(piece)
    })
}

/// The tokens of the sentences that `r` touches.
fn sentences_of(t: &Text, b: &Base, r: &Range<usize>) -> Range<usize> {
    let first = &t.sentences[b.sent[r.start] as usize];
    let last = &t.sentences[b.sent[r.end - 1] as usize];
    first.start..last.end
}

/// Tokens between two token ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    b.start
        .saturating_sub(a.end)
        .max(a.start.saturating_sub(b.end))
}

/// The spans of `spans` within `max_gap` tokens of `c`, by binary search:
/// the spans of one tagging are disjoint and in text order.
fn near(spans: &[Range<usize>], c: &Range<usize>, max_gap: usize) -> Range<usize> {
    let from = spans.partition_point(|x| x.end + max_gap < c.start);
    let to = spans.partition_point(|x| x.start <= c.end + max_gap);
    from..to.max(from)
}

/// Pairs each cue with its content (each content used once, nearest pairs
/// first, preferring the cue's sentence) and its nearest source (a source
/// may serve several cues: "she said ... and added").
fn join(
    t: &Text,
    b: &Base,
    cues: &[Range<usize>],
    sources: &[Range<usize>],
    contents: &[Range<usize>],
    mut emit: impl FnMut(Range<usize>, Option<Range<usize>>, Range<usize>),
) {
    let cost = |c: &Range<usize>, x: &Range<usize>| {
        let same = b.sent[c.start] == b.sent[x.start] || b.sent[c.start] == b.sent[x.end - 1];
        gap(c, x) + if same { 0 } else { 1000 }
    };
    // Sentences apart, 0 when `x` touches the cue's sentence.
    let sentences_apart = |c: &Range<usize>, x: &Range<usize>| {
        let (s, first, last) = (b.sent[c.start], b.sent[x.start], b.sent[x.end - 1]);
        first.saturating_sub(s).max(s.saturating_sub(last))
    };
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, c) in cues.iter().enumerate() {
        for j in near(contents, c, MAX_CONTENT_GAP) {
            let x = &contents[j];
            if gap(c, x) <= MAX_CONTENT_GAP && sentences_apart(c, x) <= SENTENCE_WINDOW {
                pairs.push((cost(c, x), i, j));
            }
        }
    }
    pairs.sort();
    let mut content_of = vec![None; cues.len()];
    let mut used = vec![false; contents.len()];
    for (_, i, j) in pairs {
        if content_of[i].is_none() && !used[j] {
            content_of[i] = Some(j);
            used[j] = true;
        }
    }
    for (i, c) in cues.iter().enumerate() {
        let content = content_of[i].map(|j| contents[j].clone());
        let source = sources[near(sources, c, MAX_SOURCE_GAP)]
            .iter()
            .filter(|s| {
                !(s.start < c.end && c.start < s.end)
                    && gap(c, s) <= MAX_SOURCE_GAP
                    && cost(c, s) < 1000
            })
            .filter(|s| {
                !t.tokens[s.start..s.end]
                    .iter()
                    .all(|k| k.kind == TokenKind::Punct)
            })
            .min_by_key(|s| {
                // Sources inside the content belong to a nested claim.
                let inside = content
                    .as_ref()
                    .is_some_and(|x| x.start <= s.start && s.end <= x.end);
                cost(c, s) + if inside { 500 } else { 0 }
            })
            .cloned()
            .and_then(|s| clean_source(t, s))
            .or_else(|| subject_before(t, b, c));
        let content = content.or_else(|| fallback_content(t, b, cues, i, source.as_ref()));
        let Some(content) = content.map(|x| within_reach(c, x)) else {
            continue;
        };
        emit(c.clone(), source, content);
    }
}

/// A content cut to [`MAX_CONTENT_TOKENS`], keeping the end nearest its cue.
fn within_reach(c: &Range<usize>, x: Range<usize>) -> Range<usize> {
    if x.len() <= MAX_CONTENT_TOKENS {
        x
    } else if x.end <= c.start {
        x.end - MAX_CONTENT_TOKENS..x.end
    } else {
        let start = x.start.max(c.start.min(x.end - MAX_CONTENT_TOKENS));
        start..start + MAX_CONTENT_TOKENS
    }
}

/// When the tagger marked no content for a cue (`cues[i]`): the rest of
/// its sentence after the cue, or, for a cue at the end ("..., officials
/// said."), the sentence before its source; either holds at most
/// [`MAX_NESTED_CUES`] other cues and [`MAX_CONTENT_TOKENS`] tokens.
fn fallback_content(
    t: &Text,
    b: &Base,
    cues: &[Range<usize>],
    i: usize,
    source: Option<&Range<usize>>,
) -> Option<Range<usize>> {
    let c = &cues[i];
    let sent = &t.sentences[b.sent[c.start] as usize];
    let trim = |mut r: Range<usize>| {
        while r.start < r.end && matches!(t.tok(r.start), "," | ":" | "\u{2014}") {
            r.start += 1;
        }
        while r.end > r.start
            && matches!(
                t.tok(r.end - 1),
                "." | "," | ";" | ":" | "!" | "?" | "\u{2014}"
            )
        {
            r.end -= 1;
        }
        (r.end > r.start + 1).then_some(r)
    };
    let end = cues
        .get(i + 1 + MAX_NESTED_CUES)
        .map_or(sent.end, |n| n.start.max(c.end).min(sent.end))
        .min(c.end + MAX_CONTENT_TOKENS);
    let after = trim(c.end..end.max(c.end));
    let before = source.map_or(c.start, |s| s.start.min(c.start));
    let start = i
        .checked_sub(1 + MAX_NESTED_CUES)
        .map_or(sent.start, |k| cues[k].end.min(before).max(sent.start))
        .max(before.saturating_sub(MAX_CONTENT_TOKENS));
    after.or_else(|| trim(start.min(before)..before))
}

/// Whether tokens `r` hold a statistic: a number with a unit or scale.
fn has_figure(t: &Text, r: &Range<usize>) -> bool {
    r.clone().any(|i| {
        t.tokens[i].kind == TokenKind::Number
            && (i + 1 < r.end
                && matches!(
                    t.tok(i + 1).to_lowercase().as_str(),
                    "%" | "percent" | "million" | "billion" | "trillion" | "per"
                )
                || i > r.start && matches!(t.tok(i - 1), "$" | "\u{20AC}" | "\u{00A3}"))
    })
}

/// Headings ("Contradictory Implications:") and fragments are no
/// statements: at least four words, not ending in a colon.
fn statement_like(t: &Text, s: &Range<usize>) -> bool {
    let words = s
        .clone()
        .filter(|&i| t.tokens[i].kind != TokenKind::Punct)
        .count();
    words >= 4 && t.tok(s.end - 1) != ":"
}

/// News style continues a long quotation over paragraphs by opening each
/// with a quotation mark and closing only the last. When a claim's content
/// opens its paragraph with a quotation mark, earlier paragraphs that open
/// a quotation and leave it open belong to the same content.
fn extend_quotes_across_paragraphs(t: &Text, units: &[features::Unit], out: &mut [Found]) {
    let opens = |i: usize| matches!(t.tok(i), "\"" | "\u{201C}");
    let closes = |i: usize| matches!(t.tok(i), "\"" | "\u{201D}");
    // A paragraph that opens a quotation and never closes it.
    let open_paragraph = |u: &Range<usize>| {
        opens(u.start)
            && !u.clone().skip(1).any(|i| {
                t.tok(i) == "\u{201D}"
                    || t.tok(i) == "\"" && i + 1 < u.end && !t.tokens[i + 1].line_start
            })
            && !closes(u.end - 1)
    };
    // Whether each paragraph is open, computed once, not once per claim.
    let mut open: Vec<Option<bool>> = vec![None; units.len()];
    let mut is_open = |k: usize| *open[k].get_or_insert_with(|| open_paragraph(&units[k].tokens));
    for f in out.iter_mut().filter(|f| f.kind == ClaimKind::Attributed) {
        // Units are in text order: find the one the content starts with by binary search.
        let k = units.partition_point(|u| t.tokens[u.tokens.start].span.start < f.content.start);
        if k >= units.len() || t.tokens[units[k].tokens.start].span.start != f.content.start {
            continue;
        }
        if !opens(units[k].tokens.start) {
            continue;
        }
        let mut first = k;
        while first > 0 && k - first < MAX_QUOTE_PARAGRAPHS && is_open(first - 1) {
            first -= 1;
        }
        if first < k {
            let start = t.tokens[units[first].tokens.start].span.start;
            f.content = Span::new(start, f.content.end);
            f.span = Span::new(start.min(f.span.start), f.span.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_participle_cue_speaks_for_the_clause_subject() {
        let t = Text::new("Minsk closed its borders, citing smuggling.");
        let b = Base::sentences(&t);
        let mentions = [Mention {
            span: Span::new(0, 5),
            label: EntityLabel::Loc,
        }];
        assert_eq!(participle_subject(&t, &b, &mentions, &(5..6)), Some(0..1));
        // Without the comma it is no participle clause.
        let t = Text::new("Minsk closed its borders citing smuggling.");
        let b = Base::sentences(&t);
        assert_eq!(participle_subject(&t, &b, &mentions, &(4..5)), None);
    }

    /// Every (cue, content) pair `join` emits for the given spans.
    fn joined(
        t: &Text,
        cues: &[Range<usize>],
        contents: &[Range<usize>],
    ) -> Vec<(usize, Range<usize>)> {
        let b = Base::sentences(t);
        let mut out = Vec::new();
        join(t, &b, cues, &[], contents, |cue, _, content| {
            out.push((cue.start, content))
        });
        out
    }

    #[test]
    fn a_cue_never_pairs_with_content_a_thousand_tokens_away() {
        // One sentence of 1,100 words: the "1000 per sentence" penalty
        // wrapped around, so a content 1,004 tokens away paired.
        let text = format!("said {}.", "word ".repeat(1100));
        let t = Text::new(&text);
        let far = 1005..1010;
        let one = std::slice::from_ref;
        for (_, content) in joined(&t, one(&(0..1)), one(&far)) {
            assert_ne!(content, far);
            assert!(content.end <= 1 + MAX_CONTENT_TOKENS);
        }
    }

    #[test]
    fn a_cue_never_pairs_with_content_in_another_sentence_window() {
        // Sentences of one word: the content is 7 tokens but 3 sentences
        // before the cue.
        let t = Text::new("Rain. Wind. Snow. Maria said.");
        assert_eq!(t.tok(6), "Maria");
        let one = std::slice::from_ref;
        let pairs = joined(&t, one(&(7..8)), one(&(0..1)));
        assert!(pairs.iter().all(|(_, c)| *c != (0..1)), "{pairs:?}");
        // The next sentence is within the window.
        let t = Text::new("Rain fell hard. Maria said.");
        assert_eq!(joined(&t, one(&(5..6)), one(&(0..3))), [(5, 0..3)]);
    }

    #[test]
    fn nested_cues_do_not_copy_the_rest_of_the_sentence_into_every_claim() {
        // "Maria said Maria said ...": every fallback content ran to the
        // end of the sentence, so the claims' text grew with the square
        // of the count.
        let text = "Maria said ".repeat(2000);
        let t = Text::new(&text);
        let cues: Vec<Range<usize>> = (0..2000).map(|k| 2 * k + 1..2 * k + 2).collect();
        let pairs = joined(&t, &cues, &[]);
        assert!(!pairs.is_empty());
        let covered: usize = pairs.iter().map(|(_, c)| c.len()).sum();
        assert!(
            covered <= (MAX_NESTED_CUES + 2) * t.tokens.len(),
            "{covered} tokens"
        );
        for (cue, content) in &pairs {
            let nested = cues.iter().filter(|c| content.contains(&c.start)).count();
            assert!(nested <= MAX_NESTED_CUES, "cue {cue}: {nested} nested cues");
        }
    }

    #[test]
    fn long_paragraphs_are_read_in_pieces_of_whole_sentences() {
        let text = format!("{}\n\nShort one.", "Rain fell on the town. ".repeat(2000));
        let t = Text::new(&text);
        let b = Base::sentences(&t);
        let units = features::units(&t);
        let long = units[0].tokens.clone();
        let got: Vec<Range<usize>> = pieces(&b, long.clone()).collect();
        assert!(got.len() > 1 && got.iter().all(|p| p.len() <= MAX_UNIT_TOKENS));
        assert_eq!(
            (got[0].start, got[got.len() - 1].end),
            (long.start, long.end)
        );
        for w in got.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert_ne!(
                b.sent[w[1].start],
                b.sent[w[1].start - 1],
                "cut inside a sentence"
            );
        }
        let short = units[1].tokens.clone();
        assert_eq!(pieces(&b, short.clone()).collect::<Vec<_>>(), [short]);
        // One sentence longer than a piece is cut anyway.
        let text = "said ".repeat(10_000);
        let t = Text::new(&text);
        let b = Base::sentences(&t);
        assert!(pieces(&b, 0..t.tokens.len()).all(|p| p.len() <= MAX_UNIT_TOKENS));
    }

    #[test]
    fn rule_cue_lengths_cover_the_rule_cues() {
        assert!(RULE_CUES
            .iter()
            .all(|c| RULE_CUE_LENGTHS.contains(&c.len())));
    }

    #[test]
    fn mention_words_match_as_lower_cased_words() {
        for text in [
            "the Interior Ministry",
            "MINISTRY of x",
            "a\x0Bministry",
            "ministry\u{A0}b",
            "Ministère ministry",
            "ministryx",
            "Ministry\u{2019}s",
        ] {
            let plain = text
                .split_whitespace()
                .any(|w| w.to_lowercase() == "ministry");
            assert_eq!(has_word(text, "ministry"), plain, "{text:?}");
        }
        assert!(has_word("the MINISTRY", "ministry") && !has_word("ministries", "ministry"));
    }

    #[test]
    fn relative_pronouns_resolve_to_their_antecedent() {
        let t = Text::new("He met Oleg Dunda, who asserted it.");
        let mentions = [Mention {
            span: Span::new(7, 17),
            label: EntityLabel::Person,
        }];
        let who = Span::new(19, 22);
        assert_eq!(t.slice(who), "who");
        assert_eq!(resolve_source(&t, &mentions, who), Some(0));
    }
}
