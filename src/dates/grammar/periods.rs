//! Named periods of a year: quarters and halves ("the third quarter",
//! "fiscal 1989's second quarter", "the first half"), seasons ("the
//! summer of 1998"), holidays ("Thanksgiving", "Christmas Eve",
//! "Election Day") and other periods named with "the" ("the weekend",
//! "the fiscal year", "the nineties", "the 20th century").

use super::duration::one_year;
use super::{m, G, M};
use crate::dates::lexicon::{self, Key, Lex, Unit};
use crate::dates::normalize as n;
use crate::dates::value::TimexValue as V;
use crate::document::DateType::{Date as D, Duration as Dur};

impl G<'_, '_> {
    /// Phrases with "the": "the weekend", "the near future", "the fiscal
    /// year", "the nineties", "the 20th century", "the year two thousand".
    pub(super) fn the_phrase(&self, i: usize) -> Option<M> {
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

    /// "the third quarter", "the fourth quarter of 1990", "the latest
    /// quarter", "fiscal 1989's second quarter", "Q3 2024", "this year's
    /// third quarter", "the first half".
    pub(super) fn quarter(&self, i: usize) -> Option<M> {
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
    pub(super) fn year_after(&self, i: usize) -> Option<i16> {
        self.year_at(self.after_of(i))
    }

    pub(super) fn after_of(&self, i: usize) -> usize {
        if self.key(i, Key::Of) || self.w(i) == "," {
            i + 1
        } else {
            i
        }
    }

    /// Does the sentence talk of quarters? Then "a year ago" means the
    /// same quarter a year before.
    pub(super) fn mentions_quarter(&self) -> bool {
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

    /// "Thanksgiving Day", "Christmas Eve", "Christmas".
    pub(super) fn holiday(&self, i: usize) -> Option<M> {
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
    pub(super) fn season(&self, i: usize) -> Option<M> {
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
}

/// An ordinal word's number ("third" → 3).
pub(super) fn o_of(w: &str) -> Option<u8> {
    match lexicon::word(w)? {
        Lex::Ordinal(o) => Some(o),
        Lex::Unit {
            unit: Unit::Second,
            plural: false,
        } => Some(2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::check;

    #[test]
    fn quarters_and_halves() {
        check(&[
            (
                "Profit rose in the third quarter.",
                "2024-09-20",
                &[("the third quarter", "DATE", Some("2024-Q3"))],
            ),
            (
                "Profit fell in the fourth quarter of 1990.",
                "",
                &[("the fourth quarter of 1990", "DATE", Some("1990-Q4"))],
            ),
            (
                "Results for the first half were strong.",
                "2024-09-20",
                &[("the first half", "DATE", Some("2024-H1"))],
            ),
            (
                "Sales slowed in the latest quarter.",
                "2024-09-20",
                &[("the latest quarter", "DATE", Some("2024-Q2"))],
            ),
            // In January the fourth quarter being reported is last year's.
            (
                "Profit rose in the fourth quarter.",
                "2024-01-15",
                &[("the fourth quarter", "DATE", Some("2023-Q4"))],
            ),
            (
                "Profit rose in the third quarter.",
                "",
                &[("the third quarter", "DATE", Some("XXXX-Q3"))],
            ),
        ]);
    }

    #[test]
    fn seasons() {
        check(&[
            (
                "The summer of 1998 was dry.",
                "",
                &[("The summer of 1998", "DATE", Some("1998-SU"))],
            ),
            (
                "Crops failed in the winter.",
                "2024-09-20",
                &[("the winter", "DATE", Some("2024-WI"))],
            ),
            ("Prices fall when supply rises.", "2024-09-20", &[]),
        ]);
    }

    #[test]
    fn periods_named_with_the() {
        // 2024-09-20 is a Friday: the last weekend is the one before.
        check(&[
            (
                "Songs of the nineties sold.",
                "",
                &[("the nineties", "DATE", Some("199"))],
            ),
            (
                "Art of the 20th century fills the hall.",
                "",
                &[("the 20th century", "DATE", Some("19"))],
            ),
            (
                "Shops shut for the weekend.",
                "2024-09-20",
                &[("the weekend", "DATE", Some("2024-W37-WE"))],
            ),
            (
                "Profit for the fiscal year rose.",
                "2024-09-20",
                &[("the fiscal year", "DURATION", Some("P1Y"))],
            ),
            (
                "Profit for the current fiscal year rose.",
                "2024-09-20",
                &[("the current fiscal year", "DATE", Some("2024"))],
            ),
            (
                "Rates will stay low in the near future.",
                "2024-09-20",
                &[("the near future", "DATE", Some("FUTURE_REF"))],
            ),
        ]);
    }

    #[test]
    fn holidays() {
        check(&[
            (
                "Stores close on Christmas Eve.",
                "2024-09-20",
                &[("Christmas Eve", "DATE", Some("2024-12-24"))],
            ),
            (
                "Families gathered at Thanksgiving.",
                "2024-09-20",
                &[("Thanksgiving", "DATE", Some("2024-11-28"))],
            ),
            (
                "Turnout rose on Election Day.",
                "2024-09-20",
                &[("Election Day", "DATE", Some("2024-11-05"))],
            ),
        ]);
    }
}
