//! Expressions relative to the document date or to a date the text
//! named: deictic words ("now", "yesterday morning", "recently"), shifts
//! ("last week", "next Friday", "this past weekend", "last fall"),
//! anaphora ("that day", "the following year"), counts back and forth
//! ("two years ago", "ten days later") and modifiers that keep the value
//! ("early next year", "the end of June").

use jiff::civil::Date;

use super::{m, Anchor, G, M};
use crate::dates::lexicon::{DayPart, Key, Lex, Unit};
use crate::dates::normalize as n;
use crate::dates::value::{Day, TimeOfDay, TimexValue as V};
use crate::document::DateType::{Date as D, Duration as Dur, Time as T};

impl G<'_, '_> {
    /// Modifiers that keep the value: "early next year", "late Tuesday",
    /// "mid-1990s", "the end of June", "earlier this month".
    pub(super) fn modified(&self, i: usize) -> Option<M> {
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

    /// "year end", "year's end": like "the end of the year", the year
    /// (the last one after "since"); returns the end token.
    pub(super) fn year_end(&self, i: usize) -> Option<usize> {
        let k = if self.is(i + 1, &["'s", "\u{2019}s"]) {
            i + 2
        } else {
            i + 1
        };
        self.is(k, &["end"]).then_some(k + 1)
    }

    /// "now", "today", "yesterday morning", "recently", "the future".
    pub(super) fn deictic(&self, i: usize, k: Key) -> Option<M> {
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
    pub(super) fn anaphoric_offset(&self, i: usize, j: usize) -> Option<i64> {
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
    pub(super) fn relative(&self, i: usize) -> Option<M> {
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
    pub(super) fn anchored_day(&self, i: usize) -> Option<M> {
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
                m(end, D, Some(V::Day(Day::SomeDayOf { year: y, month: mo })))
            }
            Anchor::Month(..) => None,
        }
    }

    /// "two years ago", "a year earlier", "ten days later", "a week or so
    /// ago", "several years ago".
    pub(super) fn ago(&self, i: usize) -> Option<M> {
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
}

#[cfg(test)]
mod tests {
    use super::super::check;

    // 2024-09-20 is a Friday in ISO week 38.
    const DCT: &str = "2024-09-20";

    #[test]
    fn deictic_words() {
        check(&[
            (
                "It rained yesterday.",
                DCT,
                &[("yesterday", "DATE", Some("2024-09-19"))],
            ),
            (
                "Prices are high now.",
                DCT,
                &[("now", "DATE", Some("PRESENT_REF"))],
            ),
            (
                "She recently quit.",
                DCT,
                &[("recently", "DATE", Some("PAST_REF"))],
            ),
            (
                "He spoke tonight.",
                DCT,
                &[("tonight", "TIME", Some("2024-09-20TNI"))],
            ),
            ("It rained yesterday.", "", &[("yesterday", "DATE", None)]),
        ]);
    }

    #[test]
    fn shifts_from_the_document_date() {
        check(&[
            (
                "Prices rose last month.",
                DCT,
                &[("last month", "DATE", Some("2024-08"))],
            ),
            (
                "They will decide next week.",
                DCT,
                &[("next week", "DATE", Some("2024-W39"))],
            ),
            (
                "She left last fall.",
                DCT,
                &[("last fall", "DATE", Some("2023-FA"))],
            ),
            (
                "Growth slowed early next year.",
                DCT,
                &[("early next year", "DATE", Some("2025"))],
            ),
            (
                "Crowds were big at the end of June.",
                DCT,
                &[("the end of June", "DATE", Some("2024-06"))],
            ),
        ]);
    }

    #[test]
    fn counts_back_and_forth() {
        check(&[
            (
                "He resigned two years ago.",
                DCT,
                &[("two years ago", "DATE", Some("2022"))],
            ),
            (
                "Ten days later the ship sank.",
                DCT,
                &[("Ten days later", "DATE", Some("2024-09-30"))],
            ),
            (
                "They sold it several years ago.",
                DCT,
                &[("several years ago", "DATE", Some("PAST_REF"))],
            ),
        ]);
    }

    #[test]
    fn offsets_that_leave_the_calendar_have_no_value() {
        check(&[
            (
                "It happened 240000 months ago.",
                "2024-10-01",
                &[("240000 months ago", "DATE", None)],
            ),
            (
                "The rock formed 999999 years ago.",
                "2024-10-01",
                &[("999999 years ago", "DATE", None)],
            ),
        ]);
    }

    #[test]
    fn anaphora_point_back_to_the_date_last_named() {
        check(&[
            (
                "On March 3, 2024 the dam broke. That same day the river rose.",
                DCT,
                &[
                    ("March 3, 2024", "DATE", Some("2024-03-03")),
                    ("That same day", "DATE", Some("2024-03-03")),
                ],
            ),
            (
                "They met on May 3, 2021. The following year they married.",
                DCT,
                &[
                    ("May 3, 2021", "DATE", Some("2021-05-03")),
                    ("The following year", "DATE", Some("2022")),
                ],
            ),
            // Without a day named before, "that day" is not read.
            ("Trades made that day were void.", DCT, &[]),
        ]);
    }
}
