//! Sets (recurrences): "daily", "quarterly", "every Monday", "each
//! year", "every two weeks", "every other week".

use super::{m, G, M};
use crate::dates::lexicon::{DayPart, Key, Lex, Unit};
use crate::dates::normalize as n;
use crate::dates::value::{Day, Duration, TimeOfDay, TimexValue as V};
use crate::document::DateType::Set;

impl G<'_, '_> {
    /// Sets: "daily", "every Monday", "each year", "every two weeks".
    pub(super) fn set(&self, i: usize) -> Option<M> {
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
}

/// The value of "every day", "quarterly": once per `n` units.
fn every(n: u32, unit: Unit) -> V {
    V::Duration(Duration::count(n, unit))
}

#[cfg(test)]
mod tests {
    use super::super::check;

    #[test]
    fn recurrences() {
        check(&[
            (
                "The paper is printed daily.",
                "",
                &[("daily", "SET", Some("P1D"))],
            ),
            (
                "Bonuses are paid quarterly.",
                "",
                &[("quarterly", "SET", Some("P3M"))],
            ),
            (
                "The guard checks nightly.",
                "",
                &[("nightly", "SET", Some("XXXX-XX-XXTNI"))],
            ),
            (
                "They meet every Monday.",
                "",
                &[("every Monday", "SET", Some("XXXX-WXX-1"))],
            ),
            (
                "She runs every morning.",
                "",
                &[("every morning", "SET", Some("XXXX-XX-XXTMO"))],
            ),
            (
                "Elections are held every two years.",
                "",
                &[("every two years", "SET", Some("P2Y"))],
            ),
            (
                "We meet every other week.",
                "",
                &[("every other week", "SET", Some("P2W"))],
            ),
        ]);
    }

    #[test]
    fn a_quarterly_dividend_is_no_set() {
        check(&[("A quarterly dividend was declared.", "", &[])]);
    }
}
