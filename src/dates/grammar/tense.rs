//! The tense of a clause, for dates that name no year or week: "will meet
//! Friday" is the coming Friday, "met Friday" the last one. The verb
//! lists live here, next to the only code that reads them.

use super::G;
use crate::dates::lexicon::{Key, Lex};

/// The tense of a clause, for dates that name no year or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// Irregular past tenses that news reports use with a date.
const PAST_VERBS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "left",
    "went",
    "came",
    "took",
    "began",
    "gave",
    "made",
    "held",
    "won",
    "lost",
    "sent",
    "spent",
    "saw",
    "fell",
    "rose",
    "struck",
    "shot",
    "fled",
    "flew",
    "found",
    "brought",
    "bought",
    "sold",
    "paid",
    "led",
    "kept",
    "thought",
    "felt",
    "heard",
    "got",
    "ran",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "stood",
    "sought",
    "taught",
    "caught",
    "meant",
    "became",
    "knew",
    "threw",
    "drew",
    "grew",
    "ago",
    "yesterday",
    // Regular ones, listed: an "-ed" word is as often an adjective
    // ("the reduced dividend") or not a past at all ("succeed").
    "announced",
    "reported",
    "killed",
    "died",
    "arrived",
    "happened",
    "occurred",
    "attended",
    "started",
    "signed",
    "voted",
    "ruled",
    "decided",
    "filed",
    "arrested",
    "visited",
    "called",
    "asked",
    "agreed",
    "claimed",
    "crashed",
    "exploded",
    "returned",
    "rallied",
    "marched",
    "testified",
    "warned",
    "added",
    "denied",
    "confirmed",
    "launched",
    "opened",
    "ended",
    "closed",
    "canceled",
    "cancelled",
    "resigned",
    "accused",
    "attacked",
    "bombed",
    "injured",
    "issued",
];

/// Punctuation that closes a clause.
fn is_clause_mark(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "--" | "_" | "``" | "''" | "\"" | "(" | ")" | "\u{201c}" | "\u{201d}"
    )
}

impl G<'_, '_> {
    /// Whether the clause around token `i` speaks of the future ("will
    /// meet Friday", "is scheduled to close Monday").
    pub(super) fn future_tense(&self, i: usize) -> bool {
        self.tense(i) == Some(Tense::Future)
    }

    /// The tense at `i` as a direction: −1 past, +1 future, 0 unknown.
    pub(super) fn dir(&self, i: usize) -> i8 {
        match self.tense(i) {
            Some(Tense::Past) => -1,
            Some(Tense::Future) => 1,
            None => 0,
        }
    }

    /// The tense of the clause around token `i`, read from the nearest
    /// tense cue on either side (as HeidelTime reads the sentence's verbs):
    /// "will", "expected", "would" look ahead; "said", "was", "had", a
    /// past participle look back. Crossing a comma or a quote costs
    /// distance, so "will meet Bush on Thursday, officials said" is future
    /// and "met Monday" past. "until"/"deadline" decide only when no verb
    /// does ("Until Thursday, they had not called him" is past).
    pub(super) fn tense(&self, i: usize) -> Option<Tense> {
        // "on patrol since March": whatever the verb, the date is past.
        if self.prev_is(i, &["since"]) {
            return Some(Tense::Past);
        }
        const LEFT: usize = 12;
        const RIGHT: usize = 12;
        let mut best: Option<(usize, Tense)> = None;
        let mut weak: Option<Tense> = None;
        let mut consider = |dist: usize, t: Option<(Tense, bool)>| {
            if let Some((t, strong)) = t {
                if !strong {
                    weak = weak.or(Some(t));
                } else if best.map_or(true, |(d, _)| dist < d) {
                    best = Some((dist, t));
                }
            }
        };
        let mut dist = 0;
        let mut k = i;
        while k > self.lo && i - k < LEFT {
            k -= 1;
            dist += if is_clause_mark(self.w(k)) { 4 } else { 1 };
            consider(dist, self.tense_cue(k));
        }
        dist = 0;
        let mut k = i + 1;
        while k < self.lim && k - i <= RIGHT {
            dist += if is_clause_mark(self.w(k)) { 4 } else { 1 };
            // A cue after the expression weighs a little less than one
            // before it ("said Friday it will" is past).
            consider(dist + 1, self.tense_cue(k));
            k += 1;
        }
        best.map(|(_, t)| t).or(weak)
    }

    /// The tense word `k` marks, and whether it is a verb (strong) or only
    /// a preposition that leans one way (weak).
    pub(super) fn tense_cue(&self, k: usize) -> Option<(Tense, bool)> {
        let w = self.w(k);
        if w.is_empty() || !w.starts_with(|c: char| c.is_ascii_lowercase() || c == '\'') {
            return None;
        }
        let is = |words: &[&str]| words.iter().any(|x| w.eq_ignore_ascii_case(x));
        if is(&[
            "will",
            "'ll",
            "shall",
            "would",
            "wo",
            "scheduled",
            "schedule",
            "expected",
            "expects",
            "expect",
            "due",
            "planned",
            "planning",
            "intends",
            "intend",
            "upcoming",
            "postponed",
            "resume",
            "expire",
            "expires",
        ]) || is(&["set", "going", "plan", "plans"]) && self.w(k + 1) == "to"
            || is(&["soon", "early"])
                && k > self.lo
                && self.w(k - 1).eq_ignore_ascii_case("as")
                && self.w(k + 1).eq_ignore_ascii_case("as")
        {
            // "the hastily planned trip", "a scheduled visit": a participle
            // used as an adjective says nothing of the clause.
            if w.ends_with("ed")
                && k > self.lo
                && (self.w(k - 1).ends_with("ly")
                    || matches!(self.l(k - 1), Lex::Article)
                    || self.key(k - 1, Key::The))
            {
                return None;
            }
            // "had been scheduled to expire Friday", "had planned", "had
            // been due to expire": a plan that lies in the past.
            for b in 1..=4 {
                if k < self.lo + b || is_clause_mark(self.w(k - b)) {
                    break;
                }
                if self.w(k - b).eq_ignore_ascii_case("had") {
                    return Some((Tense::Past, true));
                }
            }
            return Some((Tense::Future, true));
        }
        if is(&["until", "till", "deadline"]) {
            return Some((Tense::Future, false));
        }
        // "were planning to", "was expected to": the verb after decides.
        if is(&["was", "were"])
            && (self
                .tense_cue(k + 1)
                .is_some_and(|(t, _)| t == Tense::Future)
                || self.w(k + 1).ends_with("ing"))
        {
            return None;
        }
        // "would be paid", "will be held": a passive after a future "be"
        // is no past.
        if is(PAST_VERBS) {
            let future_be = k >= self.lo + 2
                && self.w(k - 1).eq_ignore_ascii_case("be")
                && matches!(
                    self.w(k - 2).to_ascii_lowercase().as_str(),
                    "will" | "would" | "'ll" | "shall"
                );
            return Some((
                if future_be {
                    Tense::Future
                } else {
                    Tense::Past
                },
                true,
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::check;

    // 2024-09-20 is a Friday: the bare weekday is the last one in a past
    // clause and the coming one in a future clause.
    const DCT: &str = "2024-09-20";

    #[test]
    fn the_clause_decides_which_weekday() {
        check(&[
            (
                "Officials will meet on Tuesday.",
                DCT,
                &[("Tuesday", "DATE", Some("2024-09-24"))],
            ),
            (
                "Officials met on Tuesday.",
                DCT,
                &[("Tuesday", "DATE", Some("2024-09-17"))],
            ),
            (
                "The deal is scheduled to expire Monday.",
                DCT,
                &[("Monday", "DATE", Some("2024-09-23"))],
            ),
            // A plan that lies in the past.
            (
                "The deal had been scheduled to expire Monday.",
                DCT,
                &[("Monday", "DATE", Some("2024-09-16"))],
            ),
            // A cue after the expression weighs less than one before it.
            (
                "He said Tuesday it will rain.",
                DCT,
                &[("Tuesday", "DATE", Some("2024-09-17"))],
            ),
        ]);
    }

    #[test]
    fn the_clause_decides_which_month() {
        check(&[
            (
                "The law will take effect in March.",
                DCT,
                &[("March", "DATE", Some("2025-03"))],
            ),
            (
                "The law took effect in March.",
                DCT,
                &[("March", "DATE", Some("2024-03"))],
            ),
        ]);
    }
}
