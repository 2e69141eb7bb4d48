//! Normalization: TIMEX3 values from what the grammar read, resolved
//! against the document date (`dct`). Calendar arithmetic is jiff's and
//! checked, so a value is never an impossible date, and an offset that
//! leaves the calendar ("240000 months ago") gives no value instead of a
//! panic.
//!
//! Without a document date, relative expressions get no value (or an
//! underspecified one such as `XXXX-06`), never a guess.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use super::value::{Amount, Day, Duration, Season, TimexValue as V, Unit};

/// `2024-09-20`, or `None` for February 30.
pub(super) fn ymd(y: i16, m: u8, d: u8) -> Option<V> {
    Date::new(y, m as i8, d as i8).ok().and_then(V::date)
}

/// The year of a month mentioned without one: the sentence's year if it
/// named one, else the year that puts the month nearest the document date,
/// leaning to the past (news reports what happened).
fn year_for(dct: Option<Date>, ctx: Option<i16>, mo: u8, d: u8) -> Option<i16> {
    if let Some(y) = ctx {
        return Some(y);
    }
    let dct = dct?;
    let y = dct.year();
    let cand = Date::new(y, mo as i8, (d as i8).min(28)).ok()?;
    let ahead = (cand - dct).get_days();
    Some(if ahead > 120 {
        y - 1
    } else if ahead < -240 {
        y + 1
    } else {
        y
    })
}

/// "Aug. 7" without a year.
pub(super) fn month_day(dct: Option<Date>, ctx: Option<i16>, mo: u8, d: u8) -> Option<V> {
    match year_for(dct, ctx, mo, d) {
        Some(y) => ymd(y, mo, d),
        None => Date::new(2000, mo as i8, d as i8)
            .ok()
            .map(|_| V::Day(Day::YearUnknown { month: mo, day: d })),
    }
}

/// "August" without a year.
pub(super) fn month(dct: Option<Date>, ctx: Option<i16>, mo: u8) -> Option<V> {
    match year_for(dct, ctx, mo, 15) {
        Some(y) => V::month(y, mo),
        None => Some(V::Month(None, mo)),
    }
}

/// "in August" without a year, by the tense of its clause (`dir` −1
/// past, +1 future, 0 unknown): a future clause takes the next August
/// from this month on; a past one the nearest August but never next
/// year's. A year named earlier in the sentence wins,
/// unless the clause is in the future and that year is over ("joined in
/// July 1997, will join on March 12").
pub(super) fn month_tensed(dct: Option<Date>, ctx: Option<i16>, mo: u8, dir: i8) -> Option<V> {
    let Some(d) = dct else {
        return month(dct, ctx, mo);
    };
    if ctx.is_some_and(|y| dir <= 0 || y >= d.year()) || dir == 0 {
        return month(dct, ctx, mo);
    }
    let cur = d.month() as u8;
    let y = if dir > 0 {
        d.year() + i16::from(mo < cur)
    } else {
        year_for(dct, None, mo, 15)?.min(d.year())
    };
    V::month(y, mo)
}

/// "Aug. 7" without a year, by the tense of its clause as for
/// [`month_tensed`]: a future date is not past. (A past clause changes
/// nothing: "declared a dividend payable Jan. 2" is still to come.)
pub(super) fn month_day_tensed(
    dct: Option<Date>,
    ctx: Option<i16>,
    mo: u8,
    day: u8,
    dir: i8,
) -> Option<V> {
    let Some(d) = dct else {
        return month_day(dct, ctx, mo, day);
    };
    if ctx.is_some_and(|y| dir <= 0 || y >= d.year()) || dir == 0 {
        return month_day(dct, ctx, mo, day);
    }
    let y = d.year();
    let near = year_for(dct, None, mo, day)?;
    let cand = Date::new(y, mo as i8, (day as i8).min(28)).ok()?;
    let ahead = (cand - d).get_days();
    let y = if dir > 0 && ahead < -3 { y + 1 } else { near };
    ymd(y, mo, day)
}

/// "ended Jan. 31" without a year: the latest one on or before the
/// document date (a sentence's own year wins).
pub(super) fn month_day_past(dct: Option<Date>, ctx: Option<i16>, mo: u8, d: u8) -> Option<V> {
    let (Some(dct), None) = (dct, ctx) else {
        return month_day(dct, ctx, mo, d);
    };
    let y = dct.year();
    let y = if Date::new(y, mo as i8, d as i8).is_ok_and(|x| x > dct) {
        y - 1
    } else {
        y
    };
    ymd(y, mo, d)
}

/// `d` moved by `n` units, or `None` when that leaves the calendar. The
/// one place dates move: jiff's span constructors panic out of range, the
/// `try_` ones do not.
pub(super) fn add(d: Date, n: i64, unit: Unit) -> Option<Date> {
    let span = match unit {
        Unit::Day => Span::new().try_days(n),
        Unit::Week => Span::new().try_weeks(n),
        Unit::Month => Span::new().try_months(n),
        Unit::Quarter => Span::new().try_months(n.checked_mul(3)?),
        Unit::Year => Span::new().try_years(n),
        _ => return None,
    };
    d.checked_add(span.ok()?).ok()
}

/// The document date shifted by days.
pub(super) fn add_days(dct: Option<Date>, days: i64) -> Option<Date> {
    add(dct?, days, Unit::Day)
}

fn weekday_of(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n as i8).ok()
}

/// The ISO week a day falls in: `2000-W10`.
pub(super) fn week_of(d: Date) -> Option<V> {
    V::week_of(d, false)
}

/// Election Day in the United States: the Tuesday after the first Monday
/// of November.
pub(super) fn election_day(y: i16) -> Option<Date> {
    let monday = Date::new(y, 11, 1)
        .ok()?
        .nth_weekday_of_month(1, Weekday::Monday)
        .ok()?;
    monday.tomorrow().ok()
}

/// The date of a weekday. `off` −1 is "last Friday" (strictly before the
/// document date), +1 "next Friday" (strictly after), 0 the bare weekday:
/// the most recent one (today included) unless the clause is in the
/// future tense, then the coming one.
pub(super) fn weekday(dct: Option<Date>, wd: u8, off: i8, future: bool) -> Option<Date> {
    let dct = dct?;
    let target = weekday_of(wd)?;
    let today = dct.weekday();
    let back =
        i64::from((today.to_monday_zero_offset() - target.to_monday_zero_offset()).rem_euclid(7));
    let fwd = (7 - back) % 7;
    let days = match off {
        -1 => -(if back == 0 { 7 } else { back }),
        1 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ if future && fwd != 0 => fwd,
        _ => -back,
    };
    add(dct, days, Unit::Day)
}

/// `1998-08-07`, `8/7/1998`, `8/7/98` (US order).
pub(super) fn iso_or_slash(w: &str) -> Option<V> {
    let b = w.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let y = w.get(..4)?.parse().ok()?;
        return ymd(y, w.get(5..7)?.parse().ok()?, w.get(8..10)?.parse().ok()?);
    }
    let mut it = w.split('/');
    let (mo, d, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || mo.len() > 2 || d.len() > 2 {
        return None;
    }
    let y: i16 = match y.len() {
        4 => y.parse().ok()?,
        2 => {
            let v: i16 = y.parse().ok()?;
            if v < 50 {
                2000 + v
            } else {
                1900 + v
            }
        }
        _ => return None,
    };
    ymd(y, mo.parse().ok()?, d.parse().ok()?)
}

/// "1990s" → `199`, "90s" → `199`, "1800s" → `18` (a century's worth).
pub(super) fn decade(w: &str) -> Option<V> {
    let digits = w.strip_suffix('s').or_else(|| w.strip_suffix("'s"))?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        4 if digits.ends_with("00") => Some(V::Century(digits[..2].parse().ok()?)),
        4 if digits.ends_with('0') => Some(V::Decade(digits[..3].parse().ok()?)),
        2 if digits.ends_with('0') => Some(V::Decade(190 + digits[..1].parse::<i16>().ok()?)),
        _ => None,
    }
}

/// "nineties" → `199`.
pub(super) fn decade_word(w: &str) -> Option<V> {
    let d = match w {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(V::Decade(190 + d))
}

fn quarter_of(d: Date) -> u8 {
    ((d.month() - 1) / 3 + 1) as u8
}

/// "the third quarter": of the document's year, or the year before when
/// that quarter has not begun yet and the clause is not in the future
/// ("the fourth quarter" in a January earnings report).
pub(super) fn quarter(dct: Option<Date>, year: Option<i16>, q: u8, future: bool) -> Option<V> {
    let of_dct = dct.map(|d| d.year() - i16::from(!future && q > quarter_of(d)));
    Some(match year.or(of_dct) {
        Some(y) => return V::quarter(y, q),
        None => V::Quarter(None, q),
    })
}

/// "the latest quarter", "the quarter": the last one completed before the
/// document date (the one being reported).
pub(super) fn latest_quarter(dct: Option<Date>) -> Option<V> {
    let d = dct?.checked_sub(3.months()).ok()?;
    V::quarter(d.year(), quarter_of(d))
}

/// "a year ago", "year-earlier": the previous year, or in talk of quarters
/// the latest quarter a year before.
pub(super) fn year_ago(dct: Option<Date>, quarterly: bool) -> Option<V> {
    let d = dct?;
    if quarterly {
        let q = d.checked_sub(3.months()).ok()?;
        return V::quarter(q.year() - 1, quarter_of(q));
    }
    V::year(d.year() - 1)
}

/// A calendar period relative to the document date at the unit's
/// granularity: "last month" (−1, month) → `2024-08`.
pub(super) fn shift(dct: Option<Date>, unit: Unit, off: i64) -> Option<V> {
    let d = dct?;
    let y = i64::from(d.year());
    let within = |x: i64, max: i64| (0..=max).contains(&x).then_some(x as i16);
    match unit {
        Unit::Year => V::year(y.checked_add(off)?),
        Unit::Month => {
            let x = add(d, off, Unit::Month)?;
            V::month(x.year(), x.month() as u8)
        }
        Unit::Quarter => {
            let x = add(d, off, Unit::Quarter)?;
            V::quarter(x.year(), quarter_of(x))
        }
        Unit::Week | Unit::Weekend => V::week_of(add(d, off, Unit::Week)?, unit == Unit::Weekend),
        Unit::Day => V::date(add(d, off, Unit::Day)?),
        Unit::Decade => within((y / 10).checked_add(off)?, 999).map(V::Decade),
        Unit::Century => within((y / 100).checked_add(off)?, 99).map(V::Century),
        Unit::Millennium => within((y / 1000).checked_add(off)?, 9).map(V::Millennium),
        Unit::Hour | Unit::Minute | Unit::Second => None,
    }
}

/// "the weekend": the last one (this one if the document date falls on
/// it), or in a future-tense clause the coming one.
pub(super) fn weekend(dct: Option<Date>, future: bool) -> Option<V> {
    let d = dct?;
    let on_weekend = d.weekday().to_monday_one_offset() >= 6;
    let off = if on_weekend || future { 0 } else { -1 };
    shift(dct, Unit::Weekend, off)
}

/// "two years ago" (−2, year) → `2022`; "three days ago" → the day.
pub(super) fn ago(dct: Option<Date>, unit: Unit, n: i64) -> Option<V> {
    let d = dct?;
    match unit {
        Unit::Week => V::date(add(d, n, Unit::Week)?),
        Unit::Hour | Unit::Minute | Unit::Second => V::date(d),
        _ => shift(dct, unit, n),
    }
}

/// "last April" (−1): the latest April before this month; "next April"
/// (+1) the first after; "this April" (0) this year's.
pub(super) fn month_rel(dct: Option<Date>, mo: u8, off: i64) -> Option<V> {
    let d = dct?;
    let cur = d.month() as u8;
    let y = d.year()
        + match off {
            -1 if mo >= cur => -1,
            1 if mo <= cur => 1,
            _ => 0,
        };
    V::month(y, mo)
}

/// "last fall" (−1): the latest fall that has ended; "next spring" (+1).
pub(super) fn season_rel(dct: Option<Date>, s: Season, off: i64) -> Option<V> {
    let d = dct?;
    let start = s.start_month();
    let mo = d.month() as u8;
    let y = d.year();
    let y = match off {
        // The season has not ended yet this year: last one was a year back.
        -1 if mo < start + 3 => y - 1,
        1 if mo >= start => y + 1,
        _ => y,
    };
    V::season(y, s)
}

/// Thanksgiving: the fourth Thursday of November.
pub(super) fn thanksgiving(y: i16) -> Option<Date> {
    Date::new(y, 11, 1)
        .ok()?
        .nth_weekday_of_month(4, Weekday::Thursday)
        .ok()
}

/// "last Thanksgiving": this year's if already past, else last year's.
pub(super) fn holiday_rel(dct: Option<Date>, h: Date, off: i64) -> Option<V> {
    let d = dct?;
    let is_thanksgiving = h.month() == 11;
    // The holiday of the document's year decides, not the nearest one
    // ("last Thanksgiving" in February is the one three months back).
    let on = |y: i16| {
        if is_thanksgiving {
            thanksgiving(y)
        } else {
            Date::new(y, h.month(), h.day()).ok()
        }
    };
    let h = on(d.year())?;
    let y = match off {
        -1 if h >= d => d.year() - 1,
        1 if h <= d => d.year() + 1,
        _ => d.year(),
    };
    V::date(on(y)?)
}

/// `P2Y`, `PT3H`, `PXD` for an unknown count.
pub(super) fn duration(c: Option<u32>, unit: Unit) -> V {
    V::Duration(match (c, unit) {
        (Some(c), _) => Duration::count(c, unit),
        // "decades", "decades-long": an unknown number of years, as
        // TempEval-3 and MEANTIME both annotate it.
        (None, Unit::Decade) => Duration::of(Amount::Unknown, Unit::Year),
        (None, _) => Duration::of(Amount::Unknown, unit),
    })
}

/// "an hour and a half", "2 1/2 years": whole units and half of one,
/// written in the next smaller unit as TimeBank does (`PT1H30M`,
/// `P2Y6M`); a decimal where there is no such unit (`P1.5W`).
pub(super) fn duration_frac(c: u32, unit: Unit) -> Option<V> {
    Some(V::Duration(match unit {
        Unit::Year => Duration::and(c, Unit::Year, 6, Unit::Month),
        Unit::Day => Duration::and(c, Unit::Day, 12, Unit::Hour),
        Unit::Hour => Duration::and(c, Unit::Hour, 30, Unit::Minute),
        Unit::Minute => Duration::and(c, Unit::Minute, 30, Unit::Second),
        Unit::Decade => Duration::count(c.checked_mul(10)?.checked_add(5)?, Unit::Year),
        Unit::Century => Duration::count(c.checked_mul(100)?.checked_add(50)?, Unit::Year),
        _ => Duration::of(Amount::AndHalf(c), unit),
    }))
}

/// "half an hour" → `PT30M`, "half a year" → `P6M`.
pub(super) fn half_duration(unit: Unit) -> V {
    V::Duration(match unit {
        Unit::Hour => Duration::count(30, Unit::Minute),
        Unit::Minute => Duration::count(30, Unit::Second),
        Unit::Day => Duration::count(12, Unit::Hour),
        Unit::Year => Duration::count(6, Unit::Month),
        Unit::Month => Duration::count(2, Unit::Week),
        u => Duration::of(Amount::AndHalf(0), u),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    #[test]
    fn bare_weekdays_look_back_unless_future() {
        // 2024-09-20 is a Friday.
        assert_eq!(weekday(d("2024-09-20"), 5, 0, false), d("2024-09-20"));
        assert_eq!(weekday(d("2024-09-20"), 3, 0, false), d("2024-09-18"));
        assert_eq!(weekday(d("2024-09-20"), 1, 0, true), d("2024-09-23"));
        assert_eq!(weekday(d("2024-09-20"), 5, -1, false), d("2024-09-13"));
        assert_eq!(weekday(d("2024-09-20"), 5, 1, false), d("2024-09-27"));
    }

    #[test]
    fn months_without_year_lean_to_the_past() {
        assert_eq!(
            month_day(d("2000-01-15"), None, 11, 25)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1999-11-25")
        );
        assert_eq!(
            month_day(d("1989-11-02"), None, 1, 2)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1990-01-02")
        );
        assert_eq!(
            month_day(d("1998-08-10"), None, 8, 7)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1998-08-07")
        );
        assert_eq!(month_day(None, None, 2, 30), None);
        assert_eq!(
            month_day_past(d("1989-10-27"), None, 10, 31)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1988-10-31")
        );
        assert_eq!(
            month_day_past(d("1989-10-31"), None, 1, 31)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1989-01-31")
        );
        assert_eq!(
            month(None, None, 6).map(|v| v.to_string()).as_deref(),
            Some("XXXX-06")
        );
    }

    #[test]
    fn shifts_keep_the_granularity() {
        let x = d("2024-01-10");
        assert_eq!(
            shift(x, Unit::Month, -1).map(|v| v.to_string()).as_deref(),
            Some("2023-12")
        );
        assert_eq!(
            shift(x, Unit::Quarter, -1)
                .map(|v| v.to_string())
                .as_deref(),
            Some("2023-Q4")
        );
        assert_eq!(
            shift(x, Unit::Week, 0).map(|v| v.to_string()).as_deref(),
            Some("2024-W02")
        );
        assert_eq!(
            shift(x, Unit::Decade, 0).map(|v| v.to_string()).as_deref(),
            Some("202")
        );
        assert_eq!(
            latest_quarter(x).map(|v| v.to_string()).as_deref(),
            Some("2023-Q4")
        );
        assert_eq!(
            quarter(x, None, 4, false).map(|v| v.to_string()).as_deref(),
            Some("2023-Q4")
        );
        assert_eq!(
            quarter(x, None, 4, true).map(|v| v.to_string()).as_deref(),
            Some("2024-Q4")
        );
        assert_eq!(
            quarter(x, None, 1, false).map(|v| v.to_string()).as_deref(),
            Some("2024-Q1")
        );
        assert_eq!(
            year_ago(d("1989-10-26"), true)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1988-Q3")
        );
    }

    #[test]
    fn durations_and_decades() {
        assert_eq!(duration(Some(3), Unit::Hour).to_string(), "PT3H");
        assert_eq!(duration(None, Unit::Year).to_string(), "PXY");
        assert_eq!(duration(None, Unit::Decade).to_string(), "PXY");
        assert_eq!(duration(Some(2), Unit::Decade).to_string(), "P2E");
        assert_eq!(duration(Some(2), Unit::Quarter).to_string(), "P2Q");
        assert_eq!(
            decade("1990s").map(|v| v.to_string()).as_deref(),
            Some("199")
        );
        assert_eq!(
            decade("1800s").map(|v| v.to_string()).as_deref(),
            Some("18")
        );
        assert_eq!(
            iso_or_slash("8/7/98").map(|v| v.to_string()).as_deref(),
            Some("1998-08-07")
        );
        assert_eq!(iso_or_slash("2024-02-30"), None);
    }

    #[test]
    fn seasons_and_holidays_resolve() {
        assert_eq!(
            season_rel(d("1998-02-06"), Season::Fall, -1)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1997-FA")
        );
        assert_eq!(thanksgiving(1999), d("1999-11-25"));
        // November 1 a Tuesday: the election is a week later.
        assert_eq!(election_day(2022), d("2022-11-08"));
        assert_eq!(election_day(1998), d("1998-11-03"));
        assert_eq!(election_day(2024), d("2024-11-05"));
        assert_eq!(
            holiday_rel(d("2000-02-10"), "2000-11-23".parse().unwrap(), -1)
                .map(|v| v.to_string())
                .as_deref(),
            Some("1999-11-25")
        );
    }

    #[test]
    fn offsets_that_leave_the_calendar_have_no_value_instead_of_panicking() {
        let x = d("2024-10-01");
        assert_eq!(ago(x, Unit::Month, -240_000), None);
        assert_eq!(ago(x, Unit::Quarter, -999_999), None);
        assert_eq!(ago(x, Unit::Week, -999_999), None);
        assert_eq!(ago(x, Unit::Day, -999_999_999), None);
        assert_eq!(ago(x, Unit::Year, -10_000_000), None);
        assert_eq!(ago(x, Unit::Decade, -999_999), None);
        assert_eq!(ago(x, Unit::Century, 999_999), None);
        assert_eq!(ago(x, Unit::Millennium, 8), None);
        assert_eq!(add(d("9999-12-31").unwrap(), i64::MAX, Unit::Quarter), None);
        assert_eq!(
            ago(x, Unit::Month, -24).map(|v| v.to_string()).as_deref(),
            Some("2022-10")
        );
    }
}
