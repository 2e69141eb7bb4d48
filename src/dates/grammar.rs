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

use jiff::civil::Date;

use super::lexicon::{self, count, DayPart, Key, Lex, Unit};
use super::normalize as n;
use super::value::{Day, Duration, TimeOfDay, TimexValue as V};
use crate::document::DateType;
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

use DateType::{Date as D, Duration as Dur, Set, Time as T};

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

/// The tense of a clause, for dates that name no year or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
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

impl<'a, 't> G<'a, 't> {
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

    /// "nearly two years ago", "more than four decades", "over an hour",
    /// "at least a week": an approximator, then a duration or an "ago".
    fn approx(&self, i: usize) -> Option<M> {
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

    /// "year end", "year's end": like "the end of the year", the year
    /// (the last one after "since"); returns the end token.
    fn year_end(&self, i: usize) -> Option<usize> {
        let k = if self.is(i + 1, &["'s", "\u{2019}s"]) {
            i + 2
        } else {
            i + 1
        };
        self.is(k, &["end"]).then_some(k + 1)
    }

    /// Modifiers that keep the value: "early next year", "late Tuesday",
    /// "mid-1990s", "the end of June", "earlier this month".
    fn modified(&self, i: usize) -> Option<M> {
        if self.l(i)
            == (Lex::Unit {
                unit: Unit::Year,
                plural: false,
            })
        {
            let end = self.year_end(i)?;
            let since = self.prev_is(i, &["since"]);
            return m(end, D, n::shift(self.dct, Unit::Year, -i64::from(since)));
        }
        let j = match self.l(i) {
            // "earlier this month" is annotated as "this month" alone.
            Lex::Key(Key::Early | Key::Late | Key::Mid) => {
                if self.w(i + 1) == "-" {
                    i + 2
                } else {
                    i + 1
                }
            }
            Lex::Key(Key::The)
                if matches!(
                    self.l(i + 1),
                    Lex::Key(Key::End | Key::Beginning | Key::Start | Key::Middle)
                ) && self.key(i + 2, Key::Of) =>
            {
                i + 3
            }
            Lex::Key(Key::End | Key::Beginning | Key::Start | Key::Middle)
                if self.key(i + 1, Key::Of) =>
            {
                i + 2
            }
            Lex::Key(Key::The)
                if self.ordinal(i + 1).is_some_and(|o| o <= 2)
                    && self.key(i + 2, Key::Half)
                    && self.key(i + 3, Key::Of) =>
            {
                let half = self.ordinal(i + 1)?;
                let x = self.date(i + 4)?;
                let y = x.value.and_then(|v| v.explicit_year())?;
                return m(x.end, D, V::half(y, half));
            }
            _ => return None,
        };
        if let Some(x) = self.date(j) {
            return Some(x);
        }
        // "the end of the year", "the beginning of the month".
        if self.key(j, Key::The)
            && matches!(
                self.l(i),
                Lex::Key(Key::The | Key::End | Key::Beginning | Key::Start | Key::Middle)
            )
        {
            if let Some((unit, false)) = self.unit(j + 1) {
                if unit >= Unit::Week {
                    return m(j + 2, D, n::shift(self.dct, unit, 0));
                }
            }
        }
        None
    }

    /// Dates: absolute, relative and deictic.
    fn date(&self, i: usize) -> Option<M> {
        let mut best: Option<M> = None;
        let mut take = |x: Option<M>| {
            if let Some(x) = x {
                if best.as_ref().map_or(true, |b| x.end > b.end) {
                    best = Some(x);
                }
            }
        };
        match self.l(i) {
            Lex::Month { .. } => take(self.month(i)),
            Lex::Number => {
                take(self.second_day(i));
                take(self.day_month(i));
                take(self.year(i));
                take(self.ago(i));
            }
            Lex::Weekday(_) => take(self.weekday(i)),
            Lex::Compound => {
                take(self.compound(i));
                take(self.ago(i));
            }
            Lex::Key(k) => {
                if k == Key::The
                    && self
                        .w(i + 1)
                        .get(..5)
                        .is_some_and(|p| p.eq_ignore_ascii_case("year-"))
                    && self.w(i + 1).len() > 5
                {
                    take(self.compound(i + 1).map(|x| M { end: x.end, ..x }));
                }
                take(self.the_phrase(i));
                // "the summer", "the summer of 1998".
                if k == Key::The && matches!(self.l(i + 1), Lex::Season(_)) {
                    take(self.season(i + 1).map(|x| M { end: x.end, ..x }));
                }
                take(self.deictic(i, k));
                take(self.relative(i));
                take(self.holiday(i));
            }
            Lex::Season(_) => take(self.season(i)),
            Lex::NumWord(_) => {
                take(self.ago(i));
                if let Some((y, end)) = self.spoken_year(i) {
                    if y >= 1100 {
                        take(m(end, D, V::year(y)));
                    }
                }
            }
            Lex::Unit { .. } | Lex::Article | Lex::Vague => take(self.ago(i)),
            Lex::Ordinal(c) => {
                take(self.quarter(i));
                // "20th century".
                if self.l(i + 1)
                    == (Lex::Unit {
                        unit: Unit::Century,
                        plural: false,
                    })
                    && (1..=21).contains(&c)
                {
                    take(m(i + 2, D, Some(V::Century(i16::from(c) - 1))));
                }
            }
            _ => {
                if self.is_punct_start(i) {
                    take(self.compound(i + 1).map(|x| M { end: x.end, ..x }));
                }
            }
        }
        if matches!(self.l(i), Lex::Key(Key::Fiscal)) {
            take(self.quarter(i));
            if let Some(y) = self.year_at(i + 1) {
                take(m(i + 2, D, V::year(y)));
            }
            if self.l(i + 1)
                == (Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                })
            {
                if let Some(y) = self.year_at(i + 2) {
                    take(m(i + 3, D, V::year(y)));
                }
            }
        }
        if let Lex::Key(
            Key::The
            | Key::This
            | Key::Last
            | Key::Next
            | Key::Latest
            | Key::Current
            | Key::Same
            | Key::Fiscal,
        ) = self.l(i)
        {
            take(self.quarter(i));
        }
        best
    }

    /// Phrases with "the": "the weekend", "the near future", "the fiscal
    /// year", "the nineties", "the 20th century", "the year two thousand".
    fn the_phrase(&self, i: usize) -> Option<M> {
        if !self.key(i, Key::The) {
            return None;
        }
        let j = i + 1;
        if self.l(j)
            == (Lex::Unit {
                unit: Unit::Weekend,
                plural: false,
            })
        {
            return m(j + 1, D, n::weekend(self.dct, self.future_tense(i)));
        }
        if self.key(j, Key::Near) && self.key(j + 1, Key::Future) {
            return m(j + 2, D, Some(V::FUTURE));
        }
        // "the week of March 6": the week that day falls in.
        if self.l(j)
            == (Lex::Unit {
                unit: Unit::Week,
                plural: false,
            })
            && self.key(j + 1, Key::Of)
        {
            let x = self.date(j + 2)?;
            let d = x.value?.as_date()?;
            return m(x.end, D, n::week_of(d));
        }
        // "in the near term", "over the short term".
        if (self.key(j, Key::Near) || self.is(j, &["short"]))
            && self.is(j + 1, &["term"])
            && self.prev_is(i, &["in", "over", "for"])
        {
            return m(j + 2, D, Some(V::FUTURE));
        }
        // "the full year": the document's year.
        if self.is(j, &["full"])
            && self.l(j + 1)
                == (Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                })
        {
            return m(j + 2, D, self.dct.and_then(|d| V::year(d.year())));
        }
        // "the current fiscal year" is a date; "the fiscal year" (ended
        // Jan. 31) a year-long stretch.
        let k = if self.key(j, Key::Current) { j + 1 } else { j };
        if self.key(k, Key::Fiscal)
            && self.l(k + 1)
                == (Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                })
            && self.year_at(k + 2).is_none()
        {
            if k == j {
                return m(k + 2, Dur, Some(one_year()));
            }
            return m(k + 2, D, self.dct.and_then(|d| V::year(d.year())));
        }
        if let Some(dec) = Some(self.w(j))
            .filter(|w| w.len() >= 7 && w.ends_with("ies"))
            .and_then(|w| n::decade_word(&w.to_ascii_lowercase()))
        {
            return m(j + 1, D, Some(dec));
        }
        if let Some(c) = self
            .ordinal(j)
            .or_else(|| lexicon::ordinal_numeral(self.w(j)))
        {
            if self.l(j + 1)
                == (Lex::Unit {
                    unit: Unit::Century,
                    plural: false,
                })
                && (1..=21).contains(&c)
            {
                return m(j + 2, D, Some(V::Century(i16::from(c) - 1)));
            }
        }
        if self.l(j)
            == (Lex::Unit {
                unit: Unit::Year,
                plural: false,
            })
        {
            if let Some((y, end)) = self.spoken_year(j + 1) {
                return m(end, D, V::year(y));
            }
            // "for the year ended June 30" is a year-long stretch; "for the
            // year", "earlier in the year" the document's year.
            if self.is(j + 1, &["ended", "ending"]) {
                return m(j + 1, Dur, Some(one_year()));
            }
            if self.prev_is(i, &["for", "of", "in"])
                && !self.is(j + 1, &["before", "after", "earlier", "ago", "'s"])
            {
                return m(j + 1, D, self.dct.and_then(|d| V::year(d.year())));
            }
        }
        None
    }

    /// "nineteen ninety-six", "two thousand", "two thousand and one".
    fn spoken_year(&self, i: usize) -> Option<(u32, usize)> {
        let Lex::NumWord(a) = self.l(i) else {
            return None;
        };
        if a == 2 && self.w(i + 1).eq_ignore_ascii_case("thousand") {
            let mut end = i + 2;
            let mut y = 2000;
            let k = if self.key(end, Key::And) {
                end + 1
            } else {
                end
            };
            if let Some((c, e)) = self.count_at(k).filter(|&(c, _)| c < 100) {
                if self.l(k) != Lex::Article {
                    y += c;
                    end = e;
                }
            }
            return Some((y, end));
        }
        if !(11..=20).contains(&a) {
            return None;
        }
        let (b, end) = match self.l(i + 1) {
            Lex::NumWord(b) if (20..=90).contains(&b) && b % 10 == 0 => self.count_at(i + 1)?,
            Lex::Compound => (
                count(self.w(i + 1)).filter(|&b| (21..=99).contains(&b))?,
                i + 2,
            ),
            _ => return None,
        };
        Some((a * 100 + b, end))
    }

    /// "Aug. 7", "Aug. 7, 1998", "August 1998", "August", "Oct. 23rd".
    fn month(&self, i: usize) -> Option<M> {
        let Lex::Month { n: mo, ambiguous } = self.l(i) else {
            return None;
        };
        let mut j = i + 1;
        let abbrev = self.w(i).len() <= 4
            && !matches!(
                self.w(i).to_ascii_lowercase().as_str(),
                "june" | "july" | "may"
            );
        if self.glued_dot(j) {
            j += 1;
        }
        // Day.
        let day = match self.l(j) {
            Lex::Number if self.w(j).len() <= 2 => self
                .w(j)
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=31).contains(d)),
            Lex::Ordinal(o)
                if (1..=31).contains(&o) && self.w(j).starts_with(|c: char| c.is_ascii_digit()) =>
            {
                Some(o)
            }
            _ => None,
        };
        if let Some(d) = day {
            let k = self.comma(j + 1);
            if let Some(y) = self.year_at(k) {
                return m(k + 1, D, n::ymd(y, mo, d));
            }
            // A bare "May 5" still needs a capital.
            if !self.capitalized(i) {
                return None;
            }
            // "the year ended Jan. 31": the last one, not the coming one.
            if self.prev_is(i, &["ended"]) {
                return m(j + 1, D, n::month_day_past(self.dct, self.year, mo, d));
            }
            return m(
                j + 1,
                D,
                n::month_day_tensed(self.dct, self.year, mo, d, self.dir(i)),
            );
        }
        let k = if self.key(j, Key::Of) || self.w(j) == "," {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_at(k) {
            if self.capitalized(i) {
                return m(k + 1, D, V::month(y, mo));
            }
        }
        // A month alone: capitalized, spelled out (or "Sept."), and for
        // "May"/"March" preceded by a word that makes it a date.
        if !self.capitalized(i) || abbrev && !self.glued_dot(i + 1) {
            return None;
        }
        if ambiguous {
            let ok = self.prev_is(
                i,
                &[
                    "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next",
                    "this", "before", "after", "during", "from", "through", "till", "end", "-",
                ],
            );
            // "the March accession", "the May elections": a month used as
            // a modifier ("the March of Dimes", "the May Day parade" are
            // names).
            let modifier = self.prev_is(i, &["the"])
                && self.w(i + 1).starts_with(|c: char| c.is_ascii_lowercase())
                && !self.is(
                    i + 1,
                    &[
                        "of", "on", "to", "for", "and", "or", "in", "at", "from", "with",
                    ],
                );
            if !ok && !modifier {
                return None;
            }
        }
        // The dot after an abbreviation is kept only before a day; here
        // it may end the sentence.
        // "June last year", "January this year".
        if let Lex::Key(k @ (Key::Last | Key::This | Key::Next)) = self.l(i + 1) {
            if self.l(i + 2)
                == (Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                })
            {
                let off = match k {
                    Key::Last => -1,
                    Key::Next => 1,
                    _ => 0,
                };
                return m(
                    i + 3,
                    D,
                    self.dct.and_then(|d| V::month(d.year() + off, mo)),
                );
            }
        }
        m(
            i + 1,
            D,
            n::month_tensed(self.dct, self.year, mo, self.dir(i)),
        )
    }

    /// The second day of "April 24 and 25": the month and year of the
    /// first.
    fn second_day(&self, i: usize) -> Option<M> {
        let d: u8 = self
            .w(i)
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d) && self.w(i).len() <= 2)?;
        if i < self.lo + 3
            || !self.is(i - 1, &["and", "or"])
            || matches!(
                self.l(i + 1),
                Lex::Unit { .. } | Lex::Month { .. } | Lex::Number
            )
            || self.is(i + 1, &["%", "percent"])
        {
            return None;
        }
        let k = i - 2;
        self.w(k)
            .parse::<u8>()
            .ok()
            .filter(|&first| first < d && self.l(k) == Lex::Number)?;
        let mo = if self.glued_dot(k - 1) { k - 2 } else { k - 1 };
        let x = self.month(mo).filter(|x| mo >= self.lo && x.end == k + 1)?;
        let (y, mm) = x.value?.year_month()?;
        m(i + 1, D, n::ymd(y, mm, d))
    }

    /// "7 August 1998", "7 August".
    fn day_month(&self, i: usize) -> Option<M> {
        let d: u8 = self
            .w(i)
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d) && self.w(i).len() <= 2)?;
        let Lex::Month { n: mo, .. } = self.l(i + 1) else {
            return None;
        };
        if !self.capitalized(i + 1) {
            return None;
        }
        let mut j = i + 2;
        if self.glued_dot(j) {
            j += 1;
        }
        let k = self.comma(j);
        if let Some(y) = self.year_at(k) {
            return m(k + 1, D, n::ymd(y, mo, d));
        }
        m(
            i + 2,
            D,
            n::month_day_tensed(self.dct, self.year, mo, d, self.dir(i)),
        )
    }

    /// A year "1998", with "the 1988 period", "the 1990 fourth quarter".
    fn year(&self, i: usize) -> Option<M> {
        let y = self.year_at(i)?;
        if y < 1600 {
            return None;
        }
        let prev = if i > self.lo { self.w(i - 1) } else { "" };
        if matches!(
            prev,
            "$" | "#"
                | "No"
                | "No."
                | "no."
                | "number"
                | "Number"
                | "\u{20ac}"
                | "\u{a3}"
                | "-"
                | "+"
        ) {
            return None;
        }
        // Numbers that name things: "Bill 2041", "Resolution 1441", "Flight 1549".
        if self.prev_is(
            i,
            &[
                "bill",
                "bills",
                "resolution",
                "resolutions",
                "section",
                "article",
                "chapter",
                "flight",
                "route",
                "highway",
                "room",
                "page",
                "pages",
                "item",
                "model",
                "version",
                "rule",
                "amendment",
                "h.r.",
                "s.",
                "code",
                "paragraph",
                "act",
                "motion",
                "proposition",
                "measure",
                "docket",
                "case",
                "precinct",
                "district",
                "interstate",
                "bus",
                "train",
                "apartment",
                "suite",
                "box",
                "lot",
                "exit",
                "gate",
                "platform",
                "channel",
                "volume",
                "vol",
                "issue",
                "no",
                "nos",
            ],
        ) {
            return None;
        }
        let next = self.w(i + 1);
        if matches!(next, "%" | "$") || self.l(i + 1) == Lex::Number {
            return None;
        }
        if self.is(
            i + 1,
            &[
                "percent",
                "people",
                "feet",
                "ft",
                "meters",
                "metres",
                "miles",
                "kilometers",
                "km",
                "tons",
                "tonnes",
                "pounds",
                "dollars",
                "shares",
                "points",
                "units",
                "troops",
                "soldiers",
                "members",
                "cars",
                "barrels",
                "jobs",
                "votes",
                "employees",
                "workers",
                "acres",
                "residents",
                "homes",
                "copies",
                "hp",
                "cc",
                "rpm",
            ],
        ) {
            return None;
        }
        m(i + 1, D, V::year(y))
    }

    /// Weekdays: "Friday", "Friday morning", "Monday, Oct. 26".
    fn weekday(&self, i: usize) -> Option<M> {
        let Lex::Weekday(wd) = self.l(i) else {
            return None;
        };
        if !self.capitalized(i) {
            return None;
        }
        // Abbreviations only with their dot ("Sat" is too ambiguous).
        let short = self.w(i).len() <= 5
            && !self.w(i).eq_ignore_ascii_case("sunday")
            && !self.w(i).eq_ignore_ascii_case("monday")
            && !self.w(i).eq_ignore_ascii_case("friday");
        if short && !self.glued_dot(i + 1) {
            return None;
        }
        // "Thursday, Jan. 6": one expression (as TimeBank marks it), the
        // date the month and day name.
        let j = self.comma(i + 1);
        if let Lex::Month { .. } = self.l(j) {
            if let Some(x) = self.month(j) {
                if matches!(x.value, Some(V::Day(_))) {
                    return m(x.end, D, x.value);
                }
            }
        }
        // "Wednesday's ruling" names something that has happened, whatever
        // the clause says will follow ("would look for ways around
        // Wednesday's ruling"): the latest one.
        let possessive = self.w(i + 1) == "'s" || self.w(i + 1) == "\u{2019}s";
        let future = !possessive && self.future_tense(i);
        let date = n::weekday(self.dct, wd, 0, future);
        if let Lex::DayPart(p) = self.l(i + 1) {
            return m(
                i + 2,
                D,
                Some(V::Time(
                    date.map_or(Day::Weekday(wd), Day::Date),
                    TimeOfDay::Part(p),
                )),
            );
        }
        m(
            i + 1,
            D,
            Some(V::Day(date.map_or(Day::Weekday(wd), Day::Date))),
        )
    }

    /// Whether the clause around token `i` speaks of the future ("will
    /// meet Friday", "is scheduled to close Monday").
    fn future_tense(&self, i: usize) -> bool {
        self.tense(i) == Some(Tense::Future)
    }

    /// The tense at `i` as a direction: −1 past, +1 future, 0 unknown.
    fn dir(&self, i: usize) -> i8 {
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
    fn tense(&self, i: usize) -> Option<Tense> {
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
    fn tense_cue(&self, k: usize) -> Option<(Tense, bool)> {
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

    /// Hyphenated or glued forms: "1998-08-07", "8/7/98", "1990s",
    /// "third-quarter", "mid-November", "year-earlier", "year-end".
    fn compound(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        let lw = w.to_ascii_lowercase();
        if let Some(v) = n::iso_or_slash(w) {
            return m(i + 1, D, Some(v));
        }
        // "in his 30s" is an age.
        let age = self.prev_is(
            i,
            &[
                "his", "her", "their", "my", "your", "our", "early", "late", "mid",
            ],
        );
        if let Some(dec) = n::decade(&lw).filter(|_| !(age && lw.len() <= 4)) {
            return m(i + 1, D, Some(dec));
        }
        let (a, b) = lw.split_once('-')?;
        // "third-quarter", "fiscal second-quarter", "first-half".
        let ord = match lexicon::word(a) {
            Some(Lex::Ordinal(o)) => Some(o),
            Some(Lex::Unit {
                unit: Unit::Second,
                plural: false,
            }) => Some(2),
            _ => None,
        };
        if let Some(o) = ord {
            if b == "quarter" && (1..=4).contains(&o) {
                return m(
                    i + 1,
                    D,
                    n::quarter(self.dct, None, o, self.future_tense(i)),
                );
            }
            if b == "half" && o <= 2 {
                return m(i + 1, D, self.dct.and_then(|d| V::half(d.year(), o)));
            }
        }
        match (a, b) {
            // "post-1959 politics", "pre-2008 levels".
            ("post" | "pre", rest)
                if rest.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit()) =>
            {
                m(i + 1, D, V::year(rest.parse::<i16>().ok()?))
            }
            ("mid" | "early" | "late", rest) => {
                if let Some(Lex::Month { n: mo, .. }) = lexicon::word(rest) {
                    return m(i + 1, D, n::month(self.dct, self.year, mo));
                }
                if let Some(dec) = n::decade(rest) {
                    return m(i + 1, D, Some(dec));
                }
                if rest.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit()) {
                    return m(i + 1, D, V::year(rest.parse::<i16>().ok()?));
                }
                if let Some(Lex::Season(s)) = lexicon::word(rest) {
                    return m(i + 1, D, self.dct.and_then(|d| V::season(d.year(), s)));
                }
                None
            }
            ("year", "earlier" | "ago") => {
                // "the year-earlier quarter", "year-ago".
                let mut end = i + 1;
                let quarterly = self.l(i + 1)
                    == Lex::Unit {
                        unit: Unit::Quarter,
                        plural: false,
                    }
                    || self.key(i + 1, Key::Period);
                if quarterly {
                    end += 1;
                }
                m(
                    end,
                    D,
                    n::year_ago(self.dct, quarterly || self.mentions_quarter()),
                )
            }
            // "by year-end" is this December 31st; "since year-end" the last.
            ("year", "end") => {
                let since = i > self.lo && self.w(i - 1).eq_ignore_ascii_case("since");
                m(
                    i + 1,
                    D,
                    self.dct
                        .and_then(|d| n::ymd(d.year() - i16::from(since), 12, 31)),
                )
            }
            // "decades-long", "day-long".
            (unit, "long") => match lexicon::word(unit)? {
                Lex::Unit { unit, plural } => m(
                    i + 1,
                    Dur,
                    Some(n::duration(if plural { None } else { Some(1) }, unit)),
                ),
                _ => None,
            },
            _ => None,
        }
    }

    /// Does the sentence talk of quarters? Then "a year ago" means the
    /// same quarter a year before.
    fn mentions_quarter(&self) -> bool {
        // This sentence or the one before it.
        self.quarterly
            && (self.prev_lo..self.lim).any(|k| {
                matches!(
                    self.l(k),
                    Lex::Unit {
                        unit: Unit::Quarter,
                        ..
                    }
                ) || self.key(k, Key::Period)
                    || self.w(k).len() > 8 && self.w(k).to_ascii_lowercase().ends_with("-quarter")
            })
    }

    /// "now", "today", "yesterday morning", "recently", "the future".
    fn deictic(&self, i: usize, k: Key) -> Option<M> {
        let part = |j: usize| match self.l(j) {
            Lex::DayPart(p) => Some(p),
            _ => None,
        };
        let day = |off: i64, j: usize| {
            let d = n::add_days(self.dct, off);
            if let Some(p) = part(j) {
                return m(
                    j + 1,
                    T,
                    Some(V::Time(
                        d.map_or(Day::Unknown, Day::Date),
                        TimeOfDay::Part(p),
                    )),
                );
            }
            m(j, D, d.and_then(V::date))
        };
        match k {
            Key::Now | Key::Currently | Key::Nowadays => m(i + 1, D, Some(V::PRESENT)),
            Key::Right if self.key(i + 1, Key::Now) => m(i + 2, D, Some(V::PRESENT)),
            Key::This if self.is(i + 1, &["days"]) && self.w(i).eq_ignore_ascii_case("these") => {
                m(i + 2, D, Some(V::PRESENT))
            }
            // "future quarters".
            Key::Future if matches!(self.l(i + 1), Lex::Unit { plural: true, .. }) => {
                m(i + 2, D, Some(V::FUTURE))
            }
            Key::Recently => m(i + 1, D, Some(V::PAST)),
            // "today's world", "many of today's computers": the present in
            // general, not the day.
            Key::Today
                if self.w(i + 1).ends_with("'s")
                    && (self.prev_is(i, &["of"])
                        || self.is(
                            i + 2,
                            &[
                                "world",
                                "youth",
                                "society",
                                "generation",
                                "children",
                                "young",
                                "standards",
                                "technology",
                                "economy",
                                "culture",
                                "families",
                                "students",
                            ],
                        )) =>
            {
                None
            }
            Key::Today => day(0, i + 1),
            Key::Yesterday => day(-1, i + 1),
            Key::Tomorrow => day(1, i + 1),
            Key::Tonight => m(
                i + 1,
                T,
                Some(V::Time(
                    n::add_days(self.dct, 0).map_or(Day::Unknown, Day::Date),
                    TimeOfDay::Part(DayPart::Night),
                )),
            ),
            // "in the future", not "the future of our peoples".
            Key::The
                if self.key(i + 1, Key::Future)
                    && self.prev_is(i, &["in", "into", "for", "near"]) =>
            {
                m(i + 2, D, Some(V::FUTURE))
            }
            Key::The
                if self.key(i + 1, Key::Past)
                    && self.count_at(i + 2).is_none()
                    && self.unit(i + 2).is_none()
                    && self.l(i + 2) != Lex::Vague =>
            {
                m(i + 2, D, Some(V::PAST))
            }
            Key::Recent => {
                // "recent years" is the past; "recent weeks", "recent
                // months" a stretch of them (TimeBank's PXW, PXM).
                let (unit, plural) = self.unit(i + 1)?;
                if !plural {
                    return None;
                }
                if matches!(unit, Unit::Day | Unit::Week | Unit::Month) {
                    return m(i + 2, Dur, Some(n::duration(None, unit)));
                }
                m(i + 2, D, Some(V::PAST))
            }
            Key::This | Key::Last if part(i + 1).is_some() => {
                let p = part(i + 1)?;
                let off = if k == Key::Last && p == DayPart::Night {
                    -1
                } else {
                    0
                };
                if k == Key::Last && p != DayPart::Night {
                    return None;
                }
                let d = n::add_days(self.dct, off);
                m(
                    i + 2,
                    T,
                    Some(V::Time(
                        d.map_or(Day::Unknown, Day::Date),
                        TimeOfDay::Part(p),
                    )),
                )
            }
            _ => None,
        }
    }

    /// The offset that "that" (0, no article), "the same" (0), "the
    /// following" (+1) or "the previous" (-1) at `j` gives a unit counted
    /// from the date last named; `i` is where the phrase starts.
    fn anaphoric_offset(&self, i: usize, j: usize) -> Option<i64> {
        match self.l(j) {
            Lex::Key(Key::That) if j == i => Some(0),
            Lex::Key(Key::Same) if j > i => Some(0),
            Lex::Key(Key::Following) if j > i => Some(1),
            Lex::Key(Key::Previous) if j > i => Some(-1),
            _ => None,
        }
    }

    /// "last week", "this year", "next Friday", "the past year", "last
    /// April", "last fall", "earlier this year", "the coming months".
    fn relative(&self, i: usize) -> Option<M> {
        let mut j = i;
        if self.key(j, Key::The) {
            j += 1;
        }
        // "that year", "the same year", "the following year": in a
        // narrative, relative to the year last written out ("On May 22,
        // 1995, ... the following year") rather than to the document date.
        if self.l(j + 1)
            == (Lex::Unit {
                unit: Unit::Year,
                plural: false,
            })
            && !self.is(j + 2, &["'s", "-"])
        {
            let off = self.anaphoric_offset(i, j);
            if let (Some(off), Some(y)) = (off, self.anchor_year) {
                return m(j + 2, D, V::year(i64::from(y) + off));
            }
        }
        // "the following month", "that week", "the previous month": from
        // the day or month last named, as for the year.
        if let Some(a) = self.anchor_day {
            let off = self.anaphoric_offset(i, j);
            if let (
                Some(off),
                Lex::Unit {
                    unit: unit @ (Unit::Month | Unit::Week),
                    plural: false,
                },
            ) = (off, self.l(j + 1))
            {
                if !self.is(j + 2, &["'s", "-", "of"]) {
                    let v = match (a, unit) {
                        (Anchor::Day(d), Unit::Week) => n::week_of(n::add(d, off, Unit::Week)?),
                        (Anchor::Day(d), _) => n::shift(Some(d), Unit::Month, off),
                        (Anchor::Month(y, mo), Unit::Month) => {
                            n::shift(Date::new(y, mo as i8, 1).ok(), Unit::Month, off)
                        }
                        _ => None,
                    };
                    if v.is_some() {
                        return m(j + 2, D, v);
                    }
                }
            }
        }
        if let Some(x) = self.anchored_day(i) {
            return Some(x);
        }
        let off: i64 = match self.l(j) {
            Lex::Key(Key::Last | Key::Past | Key::Previous) => -1,
            Lex::Key(Key::This | Key::Current) => 0,
            Lex::Key(Key::Next | Key::Coming | Key::Following) => 1,
            _ => return None,
        };
        // "the this" is not English; "the" goes with past/next/coming.
        if j > i && matches!(self.l(j), Lex::Key(Key::This)) {
            return None;
        }
        let mut k = j + 1;
        let mut off = off;
        // "This Week" mid-sentence is a title (a TV programme).
        if self.capitalized(j)
            && self.capitalized(k)
            && j > self.lo
            && matches!(self.l(k), Lex::Unit { .. })
        {
            return None;
        }
        // "this past weekend", "this coming Sunday".
        if self.key(j, Key::This) && matches!(self.l(k), Lex::Key(Key::Past | Key::Coming)) {
            off = if self.key(k, Key::Past) { -1 } else { 1 };
            k += 1;
        }
        match self.l(k) {
            Lex::Unit {
                unit,
                plural: false,
            } => {
                if unit <= Unit::Day {
                    return None;
                }
                let v = n::shift(self.dct, unit, off);
                m(k + 1, D, v)
            }
            Lex::Month { n: mo, .. } if self.capitalized(k) => {
                // "last Oct. 23": the day makes it a plain date.
                let d = if self.glued_dot(k + 1) { k + 2 } else { k + 1 };
                if matches!(self.l(d), Lex::Number | Lex::Ordinal(_)) {
                    return None;
                }
                m(k + 1, D, n::month_rel(self.dct, mo, off))
            }
            Lex::Weekday(wd) if self.capitalized(k) => {
                // "the previous Friday", "the following Monday": from the
                // day last named ("closed Friday ... from the previous
                // Friday"); "last Friday" from the document date.
                let from = match (self.l(j), self.anchor_day) {
                    (Lex::Key(Key::Previous | Key::Following), Some(Anchor::Day(d))) if j > i => {
                        Some(d)
                    }
                    _ => self.dct,
                };
                let d = n::weekday(from, wd, off as i8, false);
                m(
                    k + 1,
                    D,
                    Some(V::Day(d.map_or(Day::Weekday(wd), Day::Date))),
                )
            }
            Lex::Season(s) => m(k + 1, D, n::season_rel(self.dct, s, off)),
            Lex::Key(Key::Thanksgiving | Key::Christmas) => {
                let h = self.holiday(k)?;
                let v = h
                    .value
                    .and_then(|v| v.as_date())
                    .and_then(|v| n::holiday_rel(self.dct, v, off));
                m(h.end, D, v)
            }
            _ => None,
        }
    }

    /// "that day", "that same day", "the same day", "the next day", "the
    /// following day", "the previous day": the day the text last named
    /// ("On March 3, 2024 ... That same day"), never the document date;
    /// after a month, "the same day" is a day of it ("last October ...
    /// that same day"), but a bare "that day" is too often generic
    /// ("trades made that day"). Without such a day or month they are not
    /// read, nor is "that day" as a subject ("that day has come").
    fn anchored_day(&self, i: usize) -> Option<M> {
        let day = |k: usize| {
            self.l(k)
                == (Lex::Unit {
                    unit: Unit::Day,
                    plural: false,
                })
                && !self.is(
                    k + 1,
                    &[
                        "'s", "-", "of", "has", "had", "will", "would", "is", "was", "may",
                        "might", "must", "could", "when",
                    ],
                )
        };
        // "the day before Christmas", "the day after last Tuesday's
        // hearing": a day from the date that follows.
        if self.key(i, Key::The)
            && self.l(i + 1)
                == (Lex::Unit {
                    unit: Unit::Day,
                    plural: false,
                })
            && matches!(self.l(i + 2), Lex::Key(Key::Before | Key::After))
        {
            let x = self.date(i + 3)?;
            let d = x.value?.as_date()?;
            let off = if self.key(i + 2, Key::Before) { -1 } else { 1 };
            return m(x.end, D, V::date(n::add(d, off, Unit::Day)?));
        }
        let (off, end, same) = match self.l(i) {
            Lex::Key(Key::That) if day(i + 1) => (0, i + 2, false),
            Lex::Key(Key::That) if self.key(i + 1, Key::Same) && day(i + 2) => (0, i + 3, true),
            Lex::Key(Key::The) if day(i + 2) => match self.l(i + 1) {
                Lex::Key(Key::Same) => (0, i + 3, true),
                Lex::Key(Key::Next | Key::Following) => (1, i + 3, false),
                Lex::Key(Key::Previous) => (-1, i + 3, false),
                _ => return None,
            },
            _ => return None,
        };
        match self.anchor_day? {
            Anchor::Day(d) => m(end, D, V::date(n::add(d, off, Unit::Day)?)),
            Anchor::Month(y, mo) if same => {
                m(end, D, Some(V::Day(Day::OfMonth { year: y, month: mo })))
            }
            Anchor::Month(..) => None,
        }
    }

    /// "the third quarter", "the fourth quarter of 1990", "the latest
    /// quarter", "fiscal 1989's second quarter", "Q3 2024", "this year's
    /// third quarter", "the first half".
    fn quarter(&self, i: usize) -> Option<M> {
        let mut j = i;
        let mut year: Option<i16> = None;
        if self.key(j, Key::The) {
            j += 1;
        }
        // "this year's", "last year's".
        if matches!(self.l(j), Lex::Key(Key::This | Key::Last | Key::Next))
            && self.l(j + 1)
                == (Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                })
            && self.w(j + 2).ends_with("'s")
        {
            let off = match self.l(j) {
                Lex::Key(Key::Last) => -1,
                Lex::Key(Key::Next) => 1,
                _ => 0,
            };
            year = Some(self.dct?.year() + off);
            j += 3;
        }
        if self.key(j, Key::Fiscal) {
            j += 1;
        }
        if let Some(y) = self.year_at(j) {
            year = Some(y);
            j += 1;
            if self.key(j, Key::Fiscal) {
                j += 1;
            }
            // "the 1988 quarter", "the 1989 period": that year's quarter
            // like the one being reported.
            if j == i + 2
                && (self.l(j)
                    == (Lex::Unit {
                        unit: Unit::Quarter,
                        plural: false,
                    })
                    || self.key(j, Key::Period))
            {
                let v = match n::latest_quarter(self.dct) {
                    Some(V::Quarter(_, q)) => V::quarter(y, q),
                    _ => V::year(y),
                };
                return m(j + 1, D, v);
            }
        }
        let (q, k): (Option<u8>, usize) = if let Some(o) = self.ordinal(j) {
            if self.key(j + 1, Key::Half) && o <= 2 {
                let y = self
                    .year_after(j + 2)
                    .or(year)
                    .or(self.dct.map(|d| d.year()));
                let end = if self.year_after(j + 2).is_some() {
                    self.after_of(j + 2) + 1
                } else {
                    j + 2
                };
                return m(end, D, y.and_then(|y| V::half(y, o)));
            }
            if o == 99 || o > 4 {
                return None;
            }
            (Some(o), j + 1)
        } else if self.l(j) == Lex::Compound {
            let w = self.w(j).to_ascii_lowercase();
            let (a, b) = w.split_once('-')?;
            if b != "quarter" {
                return None;
            }
            let o = if a == "second" { 2 } else { o_of(a)? };
            if !(1..=4).contains(&o) {
                return None;
            }
            // "the third-quarter results": "the" goes with the noun, not
            // the date; the compound rule alone takes it.
            if j == i || self.key(i, Key::The) {
                return None;
            }
            (Some(o), j)
        } else if matches!(
            self.l(j),
            Lex::Key(
                Key::Latest
                    | Key::This
                    | Key::Current
                    | Key::Last
                    | Key::Previous
                    | Key::Same
                    | Key::Next
            )
        ) {
            let off = match self.l(j) {
                Lex::Key(Key::Last | Key::Previous) => -1,
                Lex::Key(Key::Next) => 1,
                Lex::Key(Key::Latest) => 0,
                _ => 0,
            };
            if self.l(j + 1)
                != (Lex::Unit {
                    unit: Unit::Quarter,
                    plural: false,
                })
                && !(self.key(j + 1, Key::Period) && self.key(j, Key::Latest))
            {
                return None;
            }
            let v = match self.l(j) {
                Lex::Key(Key::Latest) => n::latest_quarter(self.dct),
                Lex::Key(Key::Same) => return None,
                _ => n::shift(self.dct, Unit::Quarter, off),
            };
            return m(j + 2, D, v);
        } else if j > i
            && self.l(j)
                == (Lex::Unit {
                    unit: Unit::Quarter,
                    plural: false,
                })
            && year.is_none()
        {
            // "the quarter": the one just reported.
            if self.key(j + 1, Key::Of) || self.w(j + 1).eq_ignore_ascii_case("ended") {
                return None;
            }
            return m(j + 1, D, n::latest_quarter(self.dct));
        } else {
            return None;
        };
        let q = q?;
        let mut end;
        if self.l(k)
            == (Lex::Unit {
                unit: Unit::Quarter,
                plural: false,
            })
        {
            end = k + 1;
        } else if k == j {
            end = j + 1;
        } else {
            return None;
        }
        if year.is_none() {
            if let Some(y) = self.year_after(end) {
                year = Some(y);
                end = self.after_of(end) + 1;
            }
        }
        let v = match year {
            Some(y) => V::quarter(y, q),
            None => n::quarter(self.dct, None, q, self.future_tense(i)),
        };
        m(end, D, v)
    }

    /// A year right after "of" or directly at `i`: "of 1990", "1990".
    fn year_after(&self, i: usize) -> Option<i16> {
        self.year_at(self.after_of(i))
    }
    fn after_of(&self, i: usize) -> usize {
        if self.key(i, Key::Of) || self.w(i) == "," {
            i + 1
        } else {
            i
        }
    }

    /// "Thanksgiving Day", "Christmas Eve", "Christmas".
    fn holiday(&self, i: usize) -> Option<M> {
        let y = self.dct.map(|d| d.year());
        match self.l(i) {
            Lex::Key(Key::Thanksgiving) => {
                let end = if self.l(i + 1)
                    == (Lex::Unit {
                        unit: Unit::Day,
                        plural: false,
                    }) {
                    i + 2
                } else {
                    i + 1
                };
                // The nearest one, leaning to the past, like a bare "Nov. 25".
                let y = n::month_day(self.dct, self.year, 11, 25)
                    .and_then(|v| v.explicit_year())
                    .or(y);
                m(end, D, y.and_then(n::thanksgiving).and_then(V::date))
            }
            // "Election Day": the nearest one, leaning to the past.
            Lex::Key(Key::Election) if self.capitalized(i) && self.w(i + 1) == "Day" => {
                let y = n::month_day(self.dct, self.year, 11, 5).and_then(|v| v.explicit_year());
                m(i + 2, D, y.and_then(n::election_day).and_then(V::date))
            }
            Lex::Key(Key::Christmas) => {
                if self.key(i + 1, Key::Eve) {
                    return m(i + 2, D, y.and_then(|y| n::ymd(y, 12, 24)));
                }
                let end = if self.l(i + 1)
                    == (Lex::Unit {
                        unit: Unit::Day,
                        plural: false,
                    }) {
                    i + 2
                } else {
                    i + 1
                };
                m(end, D, y.and_then(|y| n::ymd(y, 12, 25)))
            }
            _ => None,
        }
    }

    /// "summer", "the summer of 1998", "spring 2024".
    fn season(&self, i: usize) -> Option<M> {
        let Lex::Season(s) = self.l(i) else {
            return None;
        };
        if let Some(y) = self.year_after(i + 1) {
            return m(self.after_of(i + 1) + 1, D, V::season(y, s));
        }
        // A bare season needs "the" or "in" before it ("fall" is a verb).
        // "the fall of the Berlin Wall" is no season.
        if self.key(i + 1, Key::Of)
            || !self.prev_is(i, &["in", "the", "during", "this", "since", "until", "by"])
        {
            return None;
        }
        m(i + 1, D, self.dct.and_then(|d| V::season(d.year(), s)))
    }

    /// "two years ago", "a year earlier", "ten days later", "a week or so
    /// ago", "several years ago".
    fn ago(&self, i: usize) -> Option<M> {
        let (c, mut j) = match self.l(i) {
            Lex::Vague => (None, i + 1),
            Lex::Article if self.l(i + 1) == Lex::Vague => (None, i + 2),
            Lex::Unit { plural: true, .. } => (None, i),
            _ => {
                let (c, j) = self.count_at(i)?;
                (Some(c), j)
            }
        };
        let (unit, _) = self.unit(j)?;
        j += 1;
        if self.key(j, Key::Or) && self.key(j + 1, Key::So) {
            j += 2;
        }
        let dir: i64 = match self.l(j) {
            Lex::Key(Key::Ago | Key::Earlier | Key::Before) => -1,
            Lex::Key(Key::Later | Key::After) => 1,
            Lex::Key(Key::From) if self.key(j + 1, Key::Now) => {
                j += 1;
                1
            }
            _ => return None,
        };
        // "before"/"after" are prepositions when a noun follows ("two days
        // before the vote"): then only the duration is an expression.
        if matches!(self.l(j), Lex::Key(Key::Before | Key::After))
            && !matches!(self.w(j + 1), "." | "," | "" | ";")
        {
            return None;
        }
        let v = match c {
            None => Some(if dir < 0 { V::PAST } else { V::FUTURE }),
            Some(c) => {
                if unit == Unit::Year && c == 1 && self.mentions_quarter() && dir < 0 {
                    n::year_ago(self.dct, true)
                } else {
                    n::ago(self.dct, unit, dir * i64::from(c))
                }
            }
        };
        m(j + 1, D, v)
    }

    /// Durations: "two years", "the past five years", "the first nine
    /// months", "a few days", "10-year", "centuries", "an hour and a half".
    /// With past/next and no count they are references: "the last few
    /// months" (PAST_REF), "coming months" (FUTURE_REF).
    fn duration(&self, i: usize) -> Option<M> {
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

    /// Sets: "daily", "every Monday", "each year", "every two weeks".
    fn set(&self, i: usize) -> Option<M> {
        match self.l(i) {
            Lex::Key(Key::Daily) => m(i + 1, Set, Some(every(1, Unit::Day))),
            Lex::Key(Key::Weekly) => m(i + 1, Set, Some(every(1, Unit::Week))),
            Lex::Key(Key::Monthly) => m(i + 1, Set, Some(every(1, Unit::Month))),
            Lex::Key(Key::Yearly) => m(i + 1, Set, Some(every(1, Unit::Year))),
            // "a quarterly dividend" is no set; "paid quarterly" is.
            Lex::Key(Key::Quarterly) if !self.w(i + 1).starts_with(|c: char| c.is_lowercase()) => {
                m(i + 1, Set, Some(every(3, Unit::Month)))
            }
            Lex::Key(Key::Hourly) => m(i + 1, Set, Some(every(1, Unit::Hour))),
            Lex::Key(Key::Nightly) => m(
                i + 1,
                Set,
                Some(V::Time(Day::Unknown, TimeOfDay::Part(DayPart::Night))),
            ),
            Lex::Key(Key::Every | Key::Each) => {
                let mut j = i + 1;
                if self.key(j, Key::Other) {
                    j += 1;
                }
                match self.l(j) {
                    Lex::Weekday(wd) => m(j + 1, Set, Some(V::Day(Day::Weekday(wd)))),
                    Lex::DayPart(p) => {
                        m(j + 1, Set, Some(V::Time(Day::Unknown, TimeOfDay::Part(p))))
                    }
                    Lex::Season(s) => m(j + 1, Set, Some(V::Season(None, s))),
                    Lex::Month { n: mo, .. } if self.capitalized(j) => {
                        m(j + 1, Set, Some(V::Month(None, mo)))
                    }
                    Lex::Unit {
                        unit,
                        plural: false,
                    } => m(
                        j + 1,
                        Set,
                        Some(n::duration(Some(if j > i + 1 { 2 } else { 1 }), unit)),
                    ),
                    _ => {
                        let (c, k) = self.count_at(j)?;
                        let (unit, _) = self.unit(k)?;
                        m(k + 1, Set, Some(n::duration(Some(c), unit)))
                    }
                }
            }
            _ => None,
        }
    }

    /// Times of day: "10:35 a.m.", "4 a.m. EDT Thursday", "noon", "this
    /// morning".
    /// "in the morning", "in the evening", "at night" at `j`: the part
    /// of the day and the end token.
    fn day_part_phrase(&self, j: usize) -> Option<(DayPart, usize)> {
        match (self.l(j), self.l(j + 1), self.l(j + 2)) {
            (Lex::Key(Key::In), Lex::Key(Key::The), Lex::DayPart(p)) if p != DayPart::Night => {
                Some((p, j + 3))
            }
            (Lex::Key(Key::At), Lex::DayPart(DayPart::Night), _)
                if self.w(j + 1).eq_ignore_ascii_case("night") =>
            {
                Some((DayPart::Night, j + 2))
            }
            _ => None,
        }
    }

    fn time(&self, i: usize) -> Option<M> {
        let (mut h, mut mi, mut j) = match self.l(i) {
            Lex::Clock => {
                let w = self.w(i);
                let (a, b) = w.split_once(':')?;
                (
                    a.parse::<u8>().ok()?,
                    b.get(..2)?.parse::<u8>().ok()?,
                    i + 1,
                )
            }
            Lex::Number | Lex::NumWord(_)
                if matches!(self.l(i + 1), Lex::Key(Key::Am | Key::Pm))
                    || self.w(i + 1).eq_ignore_ascii_case("o'clock")
                    || self.day_part_phrase(i + 1).is_some() =>
            {
                let (c, _) = self.count_at(i)?;
                (
                    u8::try_from(c).ok().filter(|h| (1..=12).contains(h))?,
                    0,
                    i + 1,
                )
            }
            // "high noon" is a showdown, not a time.
            Lex::Key(Key::Noon) if self.prev_is(i, &["high"]) => return None,
            Lex::Key(Key::Noon | Key::Midday) => (12, 0, i + 1),
            Lex::Key(Key::Midnight) => (24, 0, i + 1),
            _ => return None,
        };
        let clock = self.l(i) == Lex::Clock;
        // "2:03:45" is a race time; a bare "14:30" needs "at", "by", ... or
        // a zone to be a time of day.
        if clock {
            let marked = matches!(self.l(j), Lex::Key(Key::Am | Key::Pm | Key::Zone));
            let seconds = self.w(i).matches(':').count() > 1;
            let prev = if i > self.lo {
                self.w(i - 1).to_ascii_lowercase()
            } else {
                String::new()
            };
            if !marked
                && (seconds
                    || !matches!(
                        prev.as_str(),
                        "at" | "by"
                            | "until"
                            | "till"
                            | "from"
                            | "before"
                            | "after"
                            | "around"
                            | "about"
                    ))
            {
                return None;
            }
        }
        if self.w(j).eq_ignore_ascii_case("o'clock") {
            j += 1;
        }
        if let Some((p, end)) = self.day_part_phrase(j) {
            // "4 in the morning", "ten at night" (but "2 at night" is 2 a.m.).
            match p {
                DayPart::Morning if h == 12 => h = 0,
                DayPart::Morning => {}
                DayPart::Night if h < 6 => {}
                _ if h < 12 => h += 12,
                _ => {}
            }
            j = end;
        } else {
            match self.l(j) {
                Lex::Key(Key::Am) => {
                    if h == 12 {
                        h = 0;
                    }
                    j += 1;
                }
                Lex::Key(Key::Pm) => {
                    if h < 12 {
                        h += 12;
                    }
                    j += 1;
                }
                _ if clock || self.w(j - 1).eq_ignore_ascii_case("o'clock") => {}
                _ if h == 12 || h == 24 => {}
                _ => return None,
            }
        }
        if self.glued_dot(j) && self.w(j - 1).len() <= 2 {
            // "a.m." split as "a.m" + "." by the tokenizer at a sentence end.
            j += 1;
        }
        if h > 24 || mi > 59 {
            return None;
        }
        if h == 24 {
            mi = 0;
        }
        if self.key(j, Key::Zone) {
            j += 1;
        }
        // The day it happens on: "4 a.m. Thursday", "9 a.m. today",
        // "5 p.m. EST, Nov. 6".
        let mut day = n::add_days(self.dct, 0);
        let c = self.comma(j);
        if let Lex::Month { .. } = self.l(c) {
            if let Some(x) = self.month(c) {
                if let Some(d) = x.value.and_then(|v| v.as_date()) {
                    return m(x.end, T, Some(V::Time(Day::Date(d), clock_time(h, mi))));
                }
            }
        }
        // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT
        // Thursday)": a weekday just after or at the end of the
        // parenthesis names the day; the extent stays the clock time.
        if self.w(j) == "(" {
            if let Some(p) = (j + 1..(j + 6).min(self.lim)).find(|&p| self.w(p) == ")") {
                let named = [p + 1, p - 1].into_iter().find_map(|k| match self.l(k) {
                    Lex::Weekday(wd) if self.capitalized(k) => Some(wd),
                    _ => None,
                });
                if let Some(wd) = named {
                    day = n::weekday(self.dct, wd, 0, self.future_tense(i));
                }
            }
        }
        match self.l(j) {
            Lex::Weekday(wd) if self.capitalized(j) => {
                day = n::weekday(self.dct, wd, 0, self.future_tense(i));
                j += 1;
            }
            Lex::Key(Key::Today) => j += 1,
            Lex::Key(Key::Yesterday) => {
                day = n::add_days(self.dct, -1);
                j += 1;
            }
            Lex::Key(Key::Tomorrow) => {
                day = n::add_days(self.dct, 1);
                j += 1;
            }
            _ => {}
        }
        let v = V::Time(day.map_or(Day::Unknown, Day::Date), clock_time(h, mi));
        m(j, T, Some(v))
    }
}

/// `P1Y`: a year-long stretch.
fn one_year() -> V {
    V::Duration(Duration::count(1, Unit::Year))
}

/// The value of "every day", "quarterly": once per `n` units.
fn every(n: u32, unit: Unit) -> V {
    V::Duration(Duration::count(n, unit))
}

/// A clock time the grammar checked (hour ≤ 24, minute ≤ 59).
fn clock_time(hour: u8, minute: u8) -> TimeOfDay {
    TimeOfDay::Clock { hour, minute }
}

/// An ordinal word's number ("third" → 3).
fn o_of(w: &str) -> Option<u8> {
    match lexicon::word(w)? {
        Lex::Ordinal(o) => Some(o),
        Lex::Unit {
            unit: Unit::Second,
            plural: false,
        } => Some(2),
        _ => None,
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
