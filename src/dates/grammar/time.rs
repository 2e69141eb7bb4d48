//! Times of day: "10:35 a.m.", "4 a.m. EDT Thursday", "noon", "ten at
//! night", "5 p.m. EST, Nov. 6".

use super::{m, G, M};
use crate::dates::lexicon::{DayPart, Key, Lex};
use crate::dates::normalize as n;
use crate::dates::value::{Day, TimeOfDay, TimexValue as V};
use crate::document::DateType::Time as T;

impl G<'_, '_> {
    /// "in the morning", "in the evening", "at night" at `j`: the part
    /// of the day and the end token.
    pub(super) fn day_part_phrase(&self, j: usize) -> Option<(DayPart, usize)> {
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

    /// Times of day: "10:35 a.m.", "4 a.m. EDT Thursday", "noon", "4 in
    /// the morning".
    pub(super) fn time(&self, i: usize) -> Option<M> {
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

/// A clock time the grammar checked (hour ≤ 24, minute ≤ 59).
fn clock_time(hour: u8, minute: u8) -> TimeOfDay {
    TimeOfDay::Clock { hour, minute }
}

#[cfg(test)]
mod tests {
    use super::super::check;

    // 2024-09-20 is a Friday.
    const DCT: &str = "2024-09-20";

    #[test]
    fn clock_times() {
        check(&[
            (
                "The blast came at 10:35 a.m. Friday.",
                DCT,
                &[("10:35 a.m. Friday", "TIME", Some("2024-09-20T10:35"))],
            ),
            (
                "The market closes at 4 p.m. today.",
                DCT,
                &[("4 p.m. today", "TIME", Some("2024-09-20T16:00"))],
            ),
            (
                "The match starts at 14:30.",
                "",
                &[("14:30", "TIME", Some("XXXX-XX-XXT14:30"))],
            ),
        ]);
    }

    #[test]
    fn named_hours_and_parts_of_the_day() {
        check(&[
            (
                "They met at noon.",
                "",
                &[("noon", "TIME", Some("XXXX-XX-XXT12:00"))],
            ),
            (
                "Guards left at midnight.",
                DCT,
                &[("midnight", "TIME", Some("2024-09-20T24:00"))],
            ),
            (
                "The call came at ten at night.",
                DCT,
                &[("ten at night", "TIME", Some("2024-09-20T22:00"))],
            ),
        ]);
    }

    #[test]
    fn race_times_and_showdowns_are_no_times() {
        check(&[
            ("The race was won in 2:03:45.", DCT, &[]),
            ("It was high noon for the team.", DCT, &[]),
        ]);
    }
}
