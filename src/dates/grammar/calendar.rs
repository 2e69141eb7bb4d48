//! Calendar dates written out: "Aug. 7, 1998", "7 August", "August
//! 1998", a bare "1998", weekdays ("Friday", "Thursday, Jan. 6"), numeric
//! and hyphenated forms ("1998-08-07", "8/7/98", "1990s", "mid-June",
//! "year-end") and spoken years ("nineteen ninety-six").
//!
//! `date` is the entry point of every date family: it dispatches on the
//! first token's class to this file's rules and to the relative,
//! quarter and holiday rules.

use super::{m, G, M};
use crate::dates::lexicon::{self, count, Key, Lex, Unit};
use crate::dates::normalize as n;
use crate::dates::value::{Day, TimeOfDay, TimexValue as V};
use crate::document::DateType::{Date as D, Duration as Dur};

impl G<'_, '_> {
    /// Dates: absolute, relative and deictic.
    pub(super) fn date(&self, i: usize) -> Option<M> {
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

    /// "nineteen ninety-six", "two thousand", "two thousand and one".
    pub(super) fn spoken_year(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn month(&self, i: usize) -> Option<M> {
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
    pub(super) fn second_day(&self, i: usize) -> Option<M> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<M> {
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
    pub(super) fn year(&self, i: usize) -> Option<M> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<M> {
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

    /// Hyphenated or glued forms: "1998-08-07", "8/7/98", "1990s",
    /// "third-quarter", "mid-November", "year-earlier", "year-end".
    pub(super) fn compound(&self, i: usize) -> Option<M> {
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
}

#[cfg(test)]
mod tests {
    use super::super::check;

    #[test]
    fn dates_written_out() {
        check(&[
            (
                "The deal closed on March 3, 2021.",
                "",
                &[("March 3, 2021", "DATE", Some("2021-03-03"))],
            ),
            (
                "Talks resume 7 August 2019 in Vienna.",
                "",
                &[("7 August 2019", "DATE", Some("2019-08-07"))],
            ),
            (
                "He was born in August 1961.",
                "",
                &[("August 1961", "DATE", Some("1961-08"))],
            ),
            (
                "Prices peaked in 1998.",
                "",
                &[("1998", "DATE", Some("1998"))],
            ),
            (
                "The filing is dated 2016-04-12.",
                "",
                &[("2016-04-12", "DATE", Some("2016-04-12"))],
            ),
            (
                "The memo of 8/7/98 was lost.",
                "",
                &[("8/7/98", "DATE", Some("1998-08-07"))],
            ),
            (
                "It opened in nineteen ninety-six.",
                "",
                &[("nineteen ninety-six", "DATE", Some("1996"))],
            ),
            (
                "A deadline of February 30, 2024 was set.",
                "",
                &[("February 30, 2024", "DATE", None)],
            ),
        ]);
    }

    #[test]
    fn decades_and_centuries() {
        check(&[
            (
                "Music from the 1960s returned.",
                "",
                &[("1960s", "DATE", Some("196"))],
            ),
            (
                "Mills of the 1800s closed.",
                "",
                &[("1800s", "DATE", Some("18"))],
            ),
        ]);
    }

    #[test]
    fn months_and_days_without_a_year_take_the_nearest() {
        check(&[
            (
                "Aug. 7 was hot.",
                "1998-08-10",
                &[("Aug. 7", "DATE", Some("1998-08-07"))],
            ),
            (
                "The fair opens in June.",
                "",
                &[("June", "DATE", Some("XXXX-06"))],
            ),
            (
                "Sales rose in mid-June.",
                "2024-09-20",
                &[("mid-June", "DATE", Some("2024-06"))],
            ),
            // A year written earlier in the sentence is the month's year.
            (
                "In 2019 and again in March, rates rose.",
                "2024-09-20",
                &[
                    ("2019", "DATE", Some("2019")),
                    ("March", "DATE", Some("2024-03")),
                ],
            ),
        ]);
    }

    #[test]
    fn weekdays() {
        // 2024-09-20 is a Friday.
        check(&[
            (
                "They met on Friday.",
                "2024-09-20",
                &[("Friday", "DATE", Some("2024-09-20"))],
            ),
            (
                "They will meet on Monday.",
                "2024-09-20",
                &[("Monday", "DATE", Some("2024-09-23"))],
            ),
            (
                "They met on Monday.",
                "",
                &[("Monday", "DATE", Some("XXXX-WXX-1"))],
            ),
            (
                "The vote on Thursday, Jan. 6, 2022 was close.",
                "",
                &[("Thursday, Jan. 6, 2022", "DATE", Some("2022-01-06"))],
            ),
        ]);
    }

    #[test]
    fn numbers_that_are_no_dates() {
        check(&[
            ("Bill 2041 passed.", "2024-09-20", &[]),
            ("It cost $1999 and 2000 people came.", "2024-09-20", &[]),
            ("He may go in his 30s.", "2024-09-20", &[]),
        ]);
    }
}
