//! Durations: "two years", "the past five years", "a few days",
//! "10-year", "an hour and a half", "half an hour", and the approximators
//! that lead into one or into an "ago" ("nearly two years ago", "more than
//! four decades", "at least a week").

use super::{m, G, M};
use crate::dates::lexicon::{self, count, Key, Lex, Unit};
use crate::dates::normalize as n;
use crate::dates::value::{Duration, TimexValue as V};
use crate::document::DateType::{Date as D, Duration as Dur};

impl G<'_, '_> {
    /// "nearly two years ago", "more than four decades", "over an hour",
    /// "at least a week": an approximator, then a duration or an "ago".
    pub(super) fn approx(&self, i: usize) -> Option<M> {
        // "about"/"around" stay outside a bare duration ("about five
        // hours") but belong to an "ago" and a clock time.
        let (j, loose) = match self.l(i) {
            Lex::Key(Key::Approx) => (i + 1, false),
            Lex::Key(Key::About) => (i + 1, true),
            Lex::Key(Key::More | Key::Less) if self.key(i + 1, Key::Than) => (i + 2, false),
            Lex::Key(Key::At) if self.key(i + 1, Key::Least) => (i + 2, false),
            Lex::Key(Key::Up) if self.key(i + 1, Key::To) => (i + 2, false),
            _ => return None,
        };
        if loose {
            if let Some(x) = self.time(j) {
                return Some(x);
            }
            return self.ago(j);
        }
        if self.count_at(j).is_none()
            && self.l(j) != Lex::Vague
            && !self.key(j, Key::Half)
            && !self.key(j, Key::The)
        {
            return None;
        }
        let a = self.ago(j);
        let d = self.duration(j);
        match (a, d) {
            (Some(a), Some(d)) => Some(if a.end >= d.end { a } else { d }),
            (a, d) => a.or(d),
        }
    }

    /// Durations: "two years", "the past five years", "the first nine
    /// months", "a few days", "10-year", "centuries", "an hour and a half".
    /// With past/next and no count they are references: "the last few
    /// months" (PAST_REF), "coming months" (FUTURE_REF).
    pub(super) fn duration(&self, i: usize) -> Option<M> {
        let mut j = i;
        let the = self.key(j, Key::The);
        if the {
            j += 1;
        }
        let (dir, lead) = match self.l(j) {
            Lex::Key(Key::Past | Key::Last | Key::Previous) => (-1i8, true),
            Lex::Key(Key::Next | Key::Coming | Key::Following) => (1, true),
            Lex::Ordinal(1 | 99) => (0, true),
            _ => (0, false),
        };
        if lead {
            j += 1;
        }
        // Hyphenated "10-year", "five-hour", "two-day": "the" stays out.
        if self.l(j) == Lex::Compound {
            if the && !lead {
                return None;
            }
            let w = self.w(j).to_ascii_lowercase();
            let (a, b) = w.split_once('-')?;
            let c = count(a)?;
            let Lex::Unit { unit, .. } = lexicon::word(b)? else {
                return None;
            };
            // "three-quarters" is a fraction, "four-quarter" a test's span.
            if unit == Unit::Quarter || self.key(j + 1, Key::Old) || self.w(j + 1) == "-" {
                return None;
            }
            return m(j + 1, Dur, Some(n::duration(Some(c), unit)));
        }
        let (c, k) = match self.l(j) {
            Lex::Vague => (None, j + 1),
            Lex::Article if self.l(j + 1) == Lex::Vague => (None, j + 2),
            Lex::Article if self.key(j + 1, Key::Couple) && self.key(j + 2, Key::Of) => {
                (Some(2), j + 3)
            }
            Lex::Key(Key::Couple) if lead && self.key(j + 1, Key::Of) => (Some(2), j + 2),
            Lex::Key(Key::Half) if self.l(j + 1) == Lex::Article => {
                let (unit, _) = self.unit(j + 2)?;
                return m(j + 3, Dur, Some(n::half_duration(unit)));
            }
            Lex::Unit { plural: true, .. } => (None, j),
            _ => {
                let (c, k) = self.count_at(j)?;
                // "the 1988 quarter" is a year, not 1988 quarters.
                if c >= 1000 && self.l(j) == Lex::Number && self.unit(k).is_some_and(|(_, p)| !p) {
                    return None;
                }
                (Some(c), k)
            }
        };
        // "two more weeks", "20 more years".
        let k = if c.is_some()
            && self.w(k).eq_ignore_ascii_case("more")
            && self.unit(k + 1).is_some()
        {
            k + 1
        } else {
            k
        };
        // "eight trading days".
        let k = if c.is_some()
            && self.is(k, &["trading", "business", "working", "calendar"])
            && self.unit(k + 1).is_some()
        {
            k + 1
        } else {
            k
        };
        let (unit, plural) = self.unit(k)?;
        // ``60 Minutes'': a capitalized unit right after a quote mark is a title.
        if self.capitalized(k)
            && j > self.lo
            && matches!(self.w(j - 1), "``" | "''" | "\"" | "\u{201c}" | "'")
        {
            return None;
        }
        let mut end = k + 1;
        let bare = c.is_none() && k == j;
        // "the days", "the weeks": "the" stays out of a bare plural.
        if the && !lead && bare {
            return None;
        }
        // A bare plural ("years") needs a word that makes it a length of
        // time: "for years", "in decades".
        if bare && !lead {
            let mut p = i;
            if p > self.lo && self.key(p - 1, Key::The) {
                p -= 1;
            }
            if !self.prev_is(
                p,
                &[
                    "for", "in", "over", "within", "after", "took", "spent", "last", "lasted",
                    "during",
                ],
            ) && unit < Unit::Century
            {
                return None;
            }
            if unit < Unit::Day {
                return None;
            }
        }
        if self.key(end, Key::Old) || self.w(end) == "-" && self.key(end + 1, Key::Old) {
            return None;
        }
        // Past or coming stretches without any count are references
        // ("past years", "coming months"); "the next few days" is a
        // duration.
        if bare && dir != 0 && plural {
            return m(end, D, Some(if dir < 0 { V::PAST } else { V::FUTURE }));
        }
        // "a second group", "a quarter of the market": not lengths of time.
        if self.l(j) == Lex::Article && matches!(unit, Unit::Second | Unit::Quarter) {
            return None;
        }
        // "$5 a day", "four flights a week": a rate, not an expression in
        // the TempEval-3 annotation.
        if c == Some(1) && self.l(j) == Lex::Article && !lead && !plural && i > self.lo {
            let rate = (i.saturating_sub(3).max(self.lo)..i).any(|k| {
                let w = self.w(k);
                matches!(self.l(k), Lex::Number | Lex::Compound)
                    || w.ends_with(|c: char| c.is_ascii_digit())
                    || self.is(
                        k,
                        &["million", "billion", "$", "percent", "%", "times", "twice"],
                    )
            });
            if rate {
                return None;
            }
        }
        let mut value = Some(n::duration(c, unit));
        // "5 1/2 hours": the count read the fraction after it.
        if let Some(c) =
            c.filter(|_| k >= j + 2 && self.w(k - 1) == "1/2" && self.l(j) == Lex::Number)
        {
            value = n::duration_frac(c, unit);
        }
        // "an hour and a half".
        if self.key(end, Key::And)
            && self.l(end + 1) == Lex::Article
            && self.key(end + 2, Key::Half)
        {
            end += 3;
            if let Some(c) = c {
                value = n::duration_frac(c, unit);
            }
        }
        // Singular unit without a count ("the year") is not a duration here.
        if c.is_none() && !plural {
            return None;
        }
        m(end, Dur, value)
    }
}

/// `P1Y`: a year-long stretch.
pub(super) fn one_year() -> V {
    V::Duration(Duration::count(1, Unit::Year))
}

#[cfg(test)]
mod tests {
    use super::super::check;

    #[test]
    fn counted_lengths() {
        check(&[
            (
                "The talks lasted three hours.",
                "",
                &[("three hours", "DURATION", Some("PT3H"))],
            ),
            (
                "Over the past five years prices doubled.",
                "",
                &[("the past five years", "DURATION", Some("P5Y"))],
            ),
            (
                "A 10-year bond rallied.",
                "",
                &[("10-year", "DURATION", Some("P10Y"))],
            ),
            (
                "The flood lasted a few days.",
                "",
                &[("a few days", "DURATION", Some("PXD"))],
            ),
            (
                "For decades the mill ran.",
                "",
                &[("decades", "DURATION", Some("PXY"))],
            ),
        ]);
    }

    #[test]
    fn halves() {
        check(&[
            (
                "It took an hour and a half.",
                "",
                &[("an hour and a half", "DURATION", Some("PT1H30M"))],
            ),
            (
                "The wait was half an hour.",
                "",
                &[("half an hour", "DURATION", Some("PT30M"))],
            ),
            (
                "It lasted 2 1/2 years.",
                "",
                &[("2 1/2 years", "DURATION", Some("P2Y6M"))],
            ),
        ]);
    }

    #[test]
    fn approximators() {
        check(&[
            (
                "The trial took nearly two years.",
                "",
                &[("nearly two years", "DURATION", Some("P2Y"))],
            ),
            (
                "More than four decades passed.",
                "",
                &[("More than four decades", "DURATION", Some("P4E"))],
            ),
            // "about" stays outside a bare duration.
            (
                "It took about five hours.",
                "",
                &[("five hours", "DURATION", Some("PT5H"))],
            ),
        ]);
    }

    #[test]
    fn rates_are_no_durations() {
        check(&[("Tickets cost $5 a day.", "", &[])]);
    }
}
