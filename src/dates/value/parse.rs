//! Reading TIMEX3 text back into a [`TimexValue`]: exactly the forms its
//! `Display` writes, one way each (no leading zeros, no `T` without a
//! time unit), so that parse and render are inverses.

use std::fmt::{self, Display};
use std::str::FromStr;

use jiff::civil::Date;

use super::{Amount, Day, DayPart, Duration, Season, TimeOfDay, TimexValue, Unit};

/// A string that is not a TIMEX3 value this crate writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseTimexError;

impl Display for ParseTimexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a TIMEX3 value")
    }
}

/// Exactly `n` ASCII digits.
fn digits<T: FromStr>(s: &str, n: usize) -> Option<T> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `XXXX` or four digits.
fn opt_year(s: &str) -> Option<Option<i16>> {
    if s == "XXXX" {
        Some(None)
    } else {
        digits(s, 4).map(Some)
    }
}

fn month_of(s: &str) -> Option<u8> {
    digits(s, 2).filter(|m| (1..=12).contains(m))
}

fn parse_day(s: &str) -> Option<Day> {
    if s == "XXXX-XX-XX" {
        return Some(Day::Unknown);
    }
    if let Some(w) = s.strip_prefix("XXXX-WXX-") {
        return digits(w, 1)
            .filter(|w| (1..=7).contains(w))
            .map(Day::Weekday);
    }
    let (y, rest) = s.split_once('-')?;
    let (m, d) = rest.split_once('-')?;
    let year = opt_year(y)?;
    let month = month_of(m)?;
    match (year, d) {
        (Some(year), "XX") => Some(Day::SomeDayOf { year, month }),
        (Some(y), d) => Date::new(y, month as i8, digits(d, 2)?).ok().map(Day::Date),
        // A leap year has every day a month can have.
        (None, d) => {
            let day: u8 = digits(d, 2)?;
            Date::new(2000, month as i8, day as i8).ok()?;
            Some(Day::YearUnknown { month, day })
        }
    }
}

fn parse_amount(s: &str) -> Option<Amount> {
    if s == "X" {
        return Some(Amount::Unknown);
    }
    let count = |s: &str| -> Option<u32> {
        // One way to write a number: no sign, no leading zero.
        (!s.is_empty()
            && s.bytes().all(|b| b.is_ascii_digit())
            && (s == "0" || !s.starts_with('0')))
        .then(|| s.parse().ok())
        .flatten()
    };
    match s.strip_suffix(".5") {
        Some(n) => count(n).map(Amount::AndHalf),
        None => count(s).map(Amount::Count),
    }
}

fn parse_duration(s: &str) -> Option<Duration> {
    let mut rest = s.strip_prefix('P')?;
    let mut time = false;
    let mut parts: Vec<(Amount, Unit)> = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('T') {
            if time {
                return None;
            }
            time = true;
            rest = r;
        }
        let n = rest.find(|c: char| c.is_ascii_uppercase() && c != 'X')?;
        let amount = parse_amount(&rest[..n])?;
        let after = &rest[n..];
        let len = if after.starts_with("WE") { 2 } else { 1 };
        let unit = Unit::of_letter(after.get(..len)?, time)?;
        parts.push((amount, unit));
        rest = &after[len..];
    }
    // The `T` appears right before the first time unit, not earlier.
    if time && !parts.iter().any(|(_, u)| u.is_time()) {
        return None;
    }
    match parts[..] {
        [(amount, unit)] => Some(Duration::of(amount, unit)),
        [(amount, unit), (Amount::Count(m), smaller)] => Some(Duration {
            amount,
            unit,
            then: Some((m, smaller)),
        }),
        _ => None,
    }
}

impl FromStr for TimexValue {
    type Err = ParseTimexError;

    fn from_str(s: &str) -> Result<TimexValue, ParseTimexError> {
        parse(s).ok_or(ParseTimexError)
    }
}

fn parse(s: &str) -> Option<TimexValue> {
    use TimexValue as V;
    match s {
        "PRESENT_REF" => return Some(V::PRESENT),
        "PAST_REF" => return Some(V::PAST),
        "FUTURE_REF" => return Some(V::FUTURE),
        _ => {}
    }
    if s.starts_with('P') {
        return parse_duration(s).map(V::Duration);
    }
    if let Some((d, t)) = s.split_once('T') {
        let day = parse_day(d)?;
        let time = match t.split_once(':') {
            Some((h, m)) => {
                let (hour, minute): (u8, u8) = (digits(h, 2)?, digits(m, 2)?);
                if hour > 24 || minute > 59 || hour == 24 && minute != 0 {
                    return None;
                }
                TimeOfDay::Clock { hour, minute }
            }
            None => TimeOfDay::Part(DayPart::of_code(t)?),
        };
        return Some(V::Time(day, time));
    }
    match s.len() {
        1 => return digits(s, 1).map(V::Millennium),
        2 => return digits(s, 2).map(V::Century),
        3 => return digits(s, 3).map(V::Decade),
        4 => return digits(s, 4).map(V::Year),
        10 => return parse_day(s).map(V::Day),
        _ => {}
    }
    let (y, rest) = s.split_once('-')?;
    let y = opt_year(y)?;
    // Before weeks: winter is `WI`.
    if let Some(season) = Season::of_code(rest) {
        return Some(V::Season(y, season));
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (w, weekend) = match w.strip_suffix("-WE") {
            Some(w) => (w, true),
            None => (w, false),
        };
        let week = digits(w, 2).filter(|w| (1..=53).contains(w))?;
        return Some(V::Week {
            year: y?,
            week,
            weekend,
        });
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return digits(q, 1)
            .filter(|q| (1..=4).contains(q))
            .map(|q| V::Quarter(y, q));
    }
    if let Some(h) = rest.strip_prefix('H') {
        return digits(h, 1)
            .filter(|h| (1..=2).contains(h))
            .map(|h| V::Half(y, h));
    }
    month_of(rest).map(|m| V::Month(y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<TimexValue> {
        s.parse().ok()
    }

    #[test]
    fn strings_that_are_no_value_are_refused() {
        for s in [
            "",
            "2024-02-30",
            "XXXX-02-30",
            "2024-13",
            "2024-W54",
            "2024-Q5",
            "2024-H3",
            "2024-XX",
            "2024-09-20T25:00",
            "2024-09-20T24:30",
            "2024-09-20TXX",
            "P",
            "PT",
            "PT3D",
            "P3",
            "P03D",
            "P1H",
            "P1Y2M3D",
            "P1.25Y",
            "PAST",
            "-001",
            "20244",
            "XXXX-WXX-8",
            "abc",
        ] {
            assert_eq!(v(s), None, "{s}");
        }
    }
}
