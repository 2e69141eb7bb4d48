//! Recognition: a small hand-written grammar over tokens.
//!
//! At each token that can open a temporal expression every rule is tried;
//! the longest match wins and scanning resumes after it. Rules work on the
//! per-token `Lex` classes (computed once per document) and build the
//! TIMEX3 value as they go, through [`super::normalize`], so recognition
//! and normalization agree on what was read. A rule is a plain function:
//! no regex backtracking, no allocation unless something matched.
//!
//! Extents follow TempEval-3: determiners and modifiers that are part of
//! the expression are included ("the third quarter", "nearly two years
//! ago", "the end of June"); prepositions are not ("since February 2022"
//! gives "February 2022").
//!
//! The rules are grouped by family, one file each: `calendar` (dates
//! written out, and the `date` dispatcher), `periods` (quarters, halves,
//! seasons, holidays), `relative` (deictic, shifted and anaphoric dates,
//! "ago"), `duration`, `set`, `time`; `tense` reads the tense of a clause
//! for the rules that need it. This file holds the scan, the per-sentence
//! state and the token helpers every rule shares.

mod calendar;
mod duration;
mod periods;
mod relative;
mod set;
mod tense;
mod time;

use jiff::civil::Date;

use super::lexicon::{self, count, Key, Lex, Unit};
use super::value::{Day, TimexValue as V};
use crate::document::DateType;
use crate::document::DateType::{Date as D, Duration as Dur, Set};
use crate::text::{Text, TokenKind};

/// A recognized expression over tokens `start..end`.
#[derive(Debug)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: DateType,
    pub value: Option<V>,
}

/// What a rule returns: the end token (exclusive), the type and the value.
#[derive(Debug, Clone)]
struct M {
    end: usize,
    kind: DateType,
    value: Option<V>,
}

fn m(end: usize, kind: DateType, value: Option<V>) -> Option<M> {
    Some(M { end, kind, value })
}

/// Finds every temporal expression of `text`, resolving relative ones
/// against `dct`.
pub(super) fn find(text: &Text, dct: Option<Date>) -> Vec<Found> {
    let lex: Vec<Lex> = text
        .tokens
        .iter()
        .map(|t| {
            if t.kind == TokenKind::Punct {
                Lex::Other
            } else {
                lexicon::lex(text.slice(t.span))
            }
        })
        .collect();
    // Earnings reports compare quarters: there "a year ago" means the
    // same quarter a year before.
    let quarterly = lex.iter().any(|l| {
        matches!(
            l,
            Lex::Unit {
                unit: Unit::Quarter,
                ..
            }
        )
    });
    let mut out = Vec::new();
    let mut prev_lo = 0;
    // Without a document date, a month without a year takes the year of
    // the last month or day written out with one ("In October 2024 ...
    // since the end of June").
    let mut doc_year: Option<i16> = None;
    let mut anchor_year: Option<i16> = None;
    let mut anchor_day: Option<Anchor> = None;
    for s in &text.sentences {
        let mut g = G {
            text,
            lex: &lex,
            dct,
            lo: s.start,
            lim: s.end.min(text.tokens.len()),
            year: doc_year.filter(|_| dct.is_none()),
            quarterly,
            prev_lo,
            anchor_year,
            anchor_day,
        };
        prev_lo = s.start;
        let mut i = g.lo;
        while i < g.lim {
            if !g.can_start(i) {
                i += 1;
                continue;
            }
            match g.at(i) {
                Some(x) if x.end > i => {
                    // Only a month or day written out with its year sets the
                    // context year ("on July 4, 1998 ... July 6"); a bare year
                    // does not ("since 2003 ... as of February").
                    let fine = x.value.is_some_and(|v| v.names_month());
                    let written = (i..x.end).find_map(|k| g.year_at(k));
                    if let Some(y) = written.filter(|_| fine) {
                        g.year = Some(y);
                        doc_year = Some(y);
                    }
                    if let Some(y) = written.filter(|_| x.kind == D) {
                        g.anchor_year = Some(y);
                        anchor_year = Some(y);
                    }
                    // Any day or month the text names, written out or
                    // resolved ("Friday night", "last October"), is what
                    // "that day" points back to.
                    if let Some(a) = x
                        .value
                        .filter(|_| x.kind != Dur && x.kind != Set)
                        .and_then(Anchor::of)
                    {
                        g.anchor_day = Some(a);
                        anchor_day = Some(a);
                    }
                    out.push(Found {
                        start: i,
                        end: x.end,
                        kind: x.kind,
                        value: x.value,
                    });
                    i = x.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// The day or month an expression named, for "that day".
#[derive(Debug, Clone, Copy)]
enum Anchor {
    Day(Date),
    Month(i16, u8),
}

impl Anchor {
    /// `1998-10-23`, `1998-10-23TNI` or `1998-10`.
    fn of(v: V) -> Option<Anchor> {
        match v {
            V::Day(Day::Date(d)) | V::Time(Day::Date(d), _) => Some(Anchor::Day(d)),
            V::Month(Some(y), mo) => Some(Anchor::Month(y, mo)),
            _ => None,
        }
    }
}

/// The grammar over one sentence.
struct G<'a, 't> {
    text: &'a Text<'t>,
    lex: &'a [Lex],
    dct: Option<Date>,
    /// First token of the sentence.
    lo: usize,
    /// One past the last token of the sentence.
    lim: usize,
    /// The last explicit year read in this sentence: the year of a bare
    /// "March 5" that follows it.
    year: Option<i16>,
    /// The document speaks of quarters.
    quarterly: bool,
    /// The year of the last expression that wrote one out ("in 1995"):
    /// what "that year" and "the following year" refer to in a narrative.
    anchor_year: Option<i16>,
    /// First token of the previous sentence.
    prev_lo: usize,
    /// The day of the last expression that named one: what "that day"
    /// and "the next day" refer to.
    anchor_day: Option<Anchor>,
}

impl<'t> G<'_, 't> {
    fn l(&self, i: usize) -> Lex {
        if i < self.lim {
            self.lex[i]
        } else {
            Lex::Other
        }
    }

    fn w(&self, i: usize) -> &'t str {
        if i < self.lim {
            self.text.tok(i)
        } else {
            ""
        }
    }

    fn key(&self, i: usize, k: Key) -> bool {
        self.l(i) == Lex::Key(k)
    }

    /// Is token `i` one of `words` (lowercase), ignoring ASCII case?
    fn is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// Is the token before `i` (in this sentence) one of `words`?
    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > self.lo && self.is(i - 1, words)
    }

    /// A cheap test run at every token: can an expression start here?
    /// Most tokens are not temporal words, and the frequent function words
    /// ("the", "a", "at") start one only before the right next word.
    fn can_start(&self, i: usize) -> bool {
        use Key::*;
        match self.l(i) {
            Lex::Other => self.is_punct_start(i),
            Lex::Article => matches!(
                self.l(i + 1),
                Lex::Unit { .. } | Lex::Vague | Lex::Key(Couple)
            ),
            // "year end", "year's end".
            Lex::Unit {
                unit: Unit::Year,
                plural: false,
            } => self.year_end(i).is_some(),
            Lex::DayPart(_) | Lex::Unit { plural: false, .. } => false,
            // "well-known" is no date: a hyphenated word needs digits or a
            // temporal word in front ("10-year", "mid-June", "year-end").
            Lex::Compound => {
                let w = self.w(i);
                w.starts_with(|c: char| c.is_ascii_digit())
                    || w.split_once('-').is_some_and(|(a, _)| {
                        lexicon::lex(a) != Lex::Other
                            || a.eq_ignore_ascii_case("mid")
                            || a.eq_ignore_ascii_case("post")
                            || a.eq_ignore_ascii_case("pre")
                    })
            }
            Lex::Key(k) => match k {
                The => {
                    !matches!(
                        self.l(i + 1),
                        Lex::Other
                            | Lex::Article
                            | Lex::Key(Of | In | On | And | Or | To | That | The)
                    ) || self.w(i + 1).ends_with("ties")
                        || self.is(i + 1, &["full", "short"])
                }
                At => self.key(i + 1, Least),
                More | Less => self.key(i + 1, Than),
                Up => self.key(i + 1, To),
                Right => self.key(i + 1, Now),
                Of | In | On | And | Or | So | To | Than | Over | Am | Pm | Zone | Times
                | Twice | Once | Other | Since | Until | Old | Long | Period | Couple | Eve
                | Ago | Before | After | From | Near | Least | Same | Earlier | Later | Per
                | Future | Half | That | Following | Previous | Coming => {
                    // "half an hour", "previous Friday", "coming months".
                    matches!(k, Half | Previous | Coming | Following | Future)
                        && self.l(i + 1) != Lex::Other
                        || k == That
                            && matches!(
                                self.l(i + 1),
                                Lex::Unit {
                                    unit: Unit::Year | Unit::Month | Unit::Week | Unit::Day,
                                    plural: false
                                } | Lex::Key(Same)
                            )
                }
                _ => true,
            },
            _ => true,
        }
    }

    fn is_punct_start(&self, i: usize) -> bool {
        // "'90s" opens with an apostrophe.
        matches!(self.w(i), "'" | "\u{2019}")
            && self.w(i + 1).ends_with('s')
            && self.w(i + 1).starts_with(|c: char| c.is_ascii_digit())
    }

    fn capitalized(&self, i: usize) -> bool {
        self.w(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Token `i` is "." glued to the token before it ("Aug.").
    fn glued_dot(&self, i: usize) -> bool {
        i > 0
            && i < self.lim
            && self.w(i) == "."
            && self.text.tokens[i].span.start == self.text.tokens[i - 1].span.end
    }

    /// Skips a comma.
    fn comma(&self, i: usize) -> usize {
        if self.w(i) == "," {
            i + 1
        } else {
            i
        }
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.l(i) {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    /// An ordinal, including "second" (which the lexicon reads as a unit).
    fn ordinal(&self, i: usize) -> Option<u8> {
        match self.l(i) {
            Lex::Ordinal(o) => Some(o),
            Lex::Unit {
                unit: Unit::Second,
                plural: false,
            } => Some(2),
            _ => None,
        }
    }

    /// A four-digit year 1000..=2099 at `i`.
    fn year_at(&self, i: usize) -> Option<i16> {
        if self.l(i) != Lex::Number || self.w(i).len() != 4 {
            return None;
        }
        let y: i16 = self.w(i).parse().ok()?;
        (1000..=2099).contains(&y).then_some(y)
    }

    /// A count at `i`: digits, number words ("twenty four", "twenty-four"),
    /// "a"/"an". Returns the count and the token after it.
    fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        match self.l(i) {
            Lex::Number => {
                let w = self.w(i);
                let c = count(w)?;
                // "5 1/2": a fraction after the count.
                if self.l(i + 1) == Lex::Compound
                    && self.w(i + 1).contains('/')
                    && self.w(i + 1).len() <= 4
                {
                    return Some((c, i + 2));
                }
                Some((c, i + 1))
            }
            Lex::NumWord(v) => {
                if v >= 20 && v % 10 == 0 {
                    if let Lex::NumWord(u) = self.l(i + 1) {
                        if u < 10 {
                            return Some((v + u, i + 2));
                        }
                    }
                }
                if self.w(i + 1).eq_ignore_ascii_case("hundred") {
                    return Some((v * 100, i + 2));
                }
                Some((v, i + 1))
            }
            Lex::Article => Some((1, i + 1)),
            Lex::Compound => count(self.w(i)).map(|c| (c, i + 1)),
            _ => None,
        }
    }

    /// Every rule at token `i`; the longest match wins (the first on ties).
    fn at(&self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut take = |x: Option<M>| {
            if let Some(x) = x {
                if best.as_ref().map_or(true, |b| x.end > b.end) {
                    best = Some(x);
                }
            }
        };
        if let Some(x) = self.approx(i) {
            return Some(x);
        }
        take(self.modified(i));
        take(self.date(i));
        take(self.duration(i));
        take(self.set(i));
        take(self.time(i));
        best
    }
}

/// The expressions among the first `max_tokens` tokens, without a
/// document date (for finding the document date itself).
pub(super) fn find_head(text: &Text, max_tokens: usize) -> Vec<Found> {
    let n = max_tokens.min(text.tokens.len());
    let head = Text {
        src: text.src,
        tokens: text.tokens[..n].to_vec(),
        sentences: text
            .sentences
            .iter()
            .filter(|s| s.start < n)
            .map(|s| s.start..s.end.min(n))
            .collect(),
    };
    find(&head, None)
}

/// One expression a test expects: its text, TIMEX3 type and value.
#[cfg(test)]
type Expect<'a> = (&'a str, &'a str, Option<&'a str>);

/// Runs a table of cases: each sentence, read against its document date
/// (`""` for none), gives exactly these expressions.
#[cfg(test)]
fn check(cases: &[(&str, &str, &[Expect])]) {
    for &(sentence, dct, want) in cases {
        let t = Text::new(sentence);
        let got: Vec<(&str, &str, Option<String>)> = find(&t, dct.parse().ok())
            .iter()
            .map(|f| {
                let span = t.tokens[f.start].span.start..t.tokens[f.end - 1].span.end;
                let kind = match f.kind {
                    DateType::Date => "DATE",
                    DateType::Time => "TIME",
                    DateType::Duration => "DURATION",
                    DateType::Set => "SET",
                };
                (&sentence[span], kind, f.value.map(|v| v.to_string()))
            })
            .collect();
        let want: Vec<(&str, &str, Option<String>)> = want
            .iter()
            .map(|&(s, k, v)| (s, k, v.map(String::from)))
            .collect();
        assert_eq!(got, want, "{sentence:?} against {dct:?}");
    }
}
