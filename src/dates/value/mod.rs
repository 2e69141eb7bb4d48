//! TIMEX3 values as a type: what the normalizer produces, rendered to
//! TIMEX3 text by `Display` and read back by `FromStr`.
//!
//! Every value the grammar builds is one of these, so the code that asks
//! "which day is this?" or "which year does it name?" matches on a variant
//! instead of slicing a string. The text form is the one TempEval-3 and
//! TimeBank use; `FromStr` reads exactly the forms `Display` writes (a
//! closed language, tested to round-trip), not all of TIMEX3.
//!
//! Years are four digits (`0000`..=`9999`): a computation that leaves
//! them ("240000 months ago") has no value rather than a wrong one.
//!
//! A SET's value is a duration (`P1W`) or an underspecified date
//! (`XXXX-WXX-1`): the type of the expression says it recurs, not the value.

use std::fmt::{self, Display, Write as _};

use jiff::civil::Date;

use crate::document::Granularity;

mod parse;

/// A calendar unit, from the smallest up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// The TIMEX3 duration letter, with whether it belongs after the `T`.
    pub fn letter(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Weekend => ("WE", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("E", false),
            Unit::Century => ("C", false),
            Unit::Millennium => ("L", false),
        }
    }

    /// Is this a unit of the time part (after `T`)?
    fn is_time(self) -> bool {
        self.letter().1
    }

    /// Every unit, shortest first.
    pub(crate) const ALL: [Unit; 12] = [
        Unit::Second,
        Unit::Minute,
        Unit::Hour,
        Unit::Day,
        Unit::Weekend,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::Decade,
        Unit::Century,
        Unit::Millennium,
    ];

    /// The unit a duration letter names, in the date or the time part.
    fn of_letter(s: &str, time: bool) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.letter() == (s, time))
    }
}

/// Part of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The TIMEX3 code: `MO`, `AF`, `EV`, `NI`.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
    fn of_code(s: &str) -> Option<DayPart> {
        [
            DayPart::Morning,
            DayPart::Afternoon,
            DayPart::Evening,
            DayPart::Night,
        ]
        .into_iter()
        .find(|p| p.code() == s)
    }
}

/// A season of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    fn of_code(s: &str) -> Option<Season> {
        [Season::Spring, Season::Summer, Season::Fall, Season::Winter]
            .into_iter()
            .find(|x| x.code() == s)
    }
    /// The month the season starts in (winter: December).
    pub fn start_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A reference to the present, past or future without a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Reference {
    Present,
    Past,
    Future,
}

impl Reference {
    fn as_str(self) -> &'static str {
        match self {
            Reference::Present => "PRESENT_REF",
            Reference::Past => "PAST_REF",
            Reference::Future => "FUTURE_REF",
        }
    }
}

/// A day, known or known in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Day {
    /// `2024-09-20`.
    Date(Date),
    /// `XXXX-09-20`: a day of a month, year unknown (some year has it).
    YearUnknown { month: u8, day: u8 },
    /// `2024-09-XX`: some day of a known month.
    SomeDayOf { year: i16, month: u8 },
    /// `XXXX-WXX-5`: a weekday (1 = Monday) of no known week.
    Weekday(u8),
    /// `XXXX-XX-XX`.
    Unknown,
}

/// A time of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TimeOfDay {
    /// `14:30`; hour 24 is midnight at the end of the day (minute 0).
    Clock { hour: u8, minute: u8 },
    /// `MO`, `NI`, …
    Part(DayPart),
}

/// How many of a duration's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Amount {
    /// `3`.
    Count(u32),
    /// `1.5`: the count and a half.
    AndHalf(u32),
    /// `X`: an unknown number.
    Unknown,
}

/// A length of time: one amount of a unit, then optionally a whole number
/// of a smaller one (`P2Y6M`, `PT1H30M`). A time unit is never followed by
/// a date unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Duration {
    pub amount: Amount,
    pub unit: Unit,
    pub then: Option<(u32, Unit)>,
}

impl Duration {
    /// `P3D`, `PXY`.
    pub fn of(amount: Amount, unit: Unit) -> Duration {
        Duration {
            amount,
            unit,
            then: None,
        }
    }
    /// `P3D`.
    pub fn count(n: u32, unit: Unit) -> Duration {
        Duration::of(Amount::Count(n), unit)
    }
    /// `P2Y6M`: whole units then some of a smaller one.
    pub fn and(n: u32, unit: Unit, m: u32, smaller: Unit) -> Duration {
        Duration {
            amount: Amount::Count(n),
            unit,
            then: Some((m, smaller)),
        }
    }
}

/// A TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TimexValue {
    /// `2024`.
    Year(i16),
    /// `2024-10`, or `XXXX-10` when the year is unknown.
    Month(Option<i16>, u8),
    /// `2024-09-20`, `XXXX-09-20`, `2024-09-XX`, `XXXX-WXX-5`.
    Day(Day),
    /// An ISO week `2024-W05`, or its weekend `2024-W05-WE`.
    Week { year: i16, week: u8, weekend: bool },
    /// `2024-Q1`, `XXXX-Q3`.
    Quarter(Option<i16>, u8),
    /// `2024-H1`.
    Half(Option<i16>, u8),
    /// `2024-SU`, `XXXX-WI`.
    Season(Option<i16>, Season),
    /// `199`: the 1990s (the year divided by ten).
    Decade(i16),
    /// `19`: the 1900s.
    Century(i16),
    /// `2`: the years 2000 to 2999.
    Millennium(i16),
    /// `2024-09-20T14:30`, `2024-09-20TNI`, `XXXX-XX-XXTMO`.
    Time(Day, TimeOfDay),
    /// `P3D`, `PT2H`, `PXY`, `P2Y6M`.
    Duration(Duration),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
}

/// The years a TIMEX3 value can write: four digits.
const YEARS: std::ops::RangeInclusive<i64> = 0..=9999;

/// `y` as a four-digit year, or `None` when it leaves the calendar.
pub(crate) fn year(y: impl Into<i64>) -> Option<i16> {
    let y = y.into();
    YEARS.contains(&y).then_some(y as i16)
}

impl TimexValue {
    /// A whole day (`2024-09-20`); `None` for a year that is not four digits.
    pub fn date(d: Date) -> Option<TimexValue> {
        year(d.year())?;
        Some(TimexValue::Day(Day::Date(d)))
    }
    /// The year `y`, if it has four digits.
    pub fn year(y: impl Into<i64>) -> Option<TimexValue> {
        year(y).map(TimexValue::Year)
    }
    /// `2024-10`, if the year has four digits.
    pub fn month(y: impl Into<i64>, month: u8) -> Option<TimexValue> {
        Some(TimexValue::Month(Some(year(y)?), month))
    }
    /// `2024-Q1`, if the year has four digits.
    pub fn quarter(y: impl Into<i64>, q: u8) -> Option<TimexValue> {
        Some(TimexValue::Quarter(Some(year(y)?), q))
    }
    /// `2024-H1`, if the year has four digits.
    pub fn half(y: impl Into<i64>, h: u8) -> Option<TimexValue> {
        Some(TimexValue::Half(Some(year(y)?), h))
    }
    /// `2024-SU`, if the year has four digits.
    pub fn season(y: impl Into<i64>, s: Season) -> Option<TimexValue> {
        Some(TimexValue::Season(Some(year(y)?), s))
    }
    /// The ISO week a day falls in: `2024-W05`.
    pub fn week_of(d: Date, weekend: bool) -> Option<TimexValue> {
        let w = d.iso_week_date();
        Some(TimexValue::Week {
            year: year(w.year())?,
            week: w.week() as u8,
            weekend,
        })
    }
    /// A reference to the present, past or future.
    pub const PRESENT: TimexValue = TimexValue::Reference(Reference::Present);
    /// "recently", "the past".
    pub const PAST: TimexValue = TimexValue::Reference(Reference::Past);
    /// "the future".
    pub const FUTURE: TimexValue = TimexValue::Reference(Reference::Future);

    /// The value's precision, for display and the timeline; `None` for a
    /// millennium, which the schema has no name for.
    pub fn granularity(&self) -> Option<Granularity> {
        Some(match *self {
            TimexValue::Year(_) => Granularity::Year,
            TimexValue::Month(..) => Granularity::Month,
            // A weekday of no known week is read as a week, as before
            // values were typed (`XXXX-WXX-1`).
            TimexValue::Day(Day::Weekday(_)) | TimexValue::Week { .. } => Granularity::Week,
            TimexValue::Day(_) => Granularity::Day,
            TimexValue::Quarter(..) | TimexValue::Half(..) => Granularity::Quarter,
            TimexValue::Season(..) => Granularity::Season,
            TimexValue::Decade(_) => Granularity::Decade,
            TimexValue::Century(_) => Granularity::Century,
            TimexValue::Millennium(_) => return None,
            TimexValue::Time(..) => Granularity::Time,
            TimexValue::Duration(_) => Granularity::Duration,
            TimexValue::Reference(_) => Granularity::Reference,
        })
    }

    /// The whole day this value names, if it names one exactly.
    pub fn as_date(&self) -> Option<Date> {
        match *self {
            TimexValue::Day(Day::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// The year written at the start of the value ("1998", "1998-08-07",
    /// "1998-W05"), if it has one.
    pub fn explicit_year(&self) -> Option<i16> {
        match *self {
            TimexValue::Year(y) | TimexValue::Week { year: y, .. } => Some(y),
            TimexValue::Month(y, _)
            | TimexValue::Quarter(y, _)
            | TimexValue::Half(y, _)
            | TimexValue::Season(y, _) => y,
            TimexValue::Day(d) | TimexValue::Time(d, _) => match d {
                Day::Date(d) => Some(d.year()),
                Day::SomeDayOf { year, .. } => Some(year),
                _ => None,
            },
            _ => None,
        }
    }

    /// The year and month of a month or of a day in a known year.
    pub fn year_month(&self) -> Option<(i16, u8)> {
        match *self {
            TimexValue::Month(Some(y), m) => Some((y, m)),
            TimexValue::Day(d) | TimexValue::Time(d, _) => match d {
                Day::Date(d) => Some((d.year(), d.month() as u8)),
                Day::SomeDayOf { year, month } => Some((year, month)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Does the value name a month, or a day of a known month
    /// (`2024-10`, `XXXX-10`, `2024-10-01`, `2024-10-XX`)?
    pub fn names_month(&self) -> bool {
        match *self {
            TimexValue::Month(..) => true,
            TimexValue::Day(d) | TimexValue::Time(d, _) => {
                matches!(
                    d,
                    Day::Date(_) | Day::YearUnknown { .. } | Day::SomeDayOf { .. }
                )
            }
            _ => false,
        }
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, y: Option<i16>) -> fmt::Result {
    match y {
        Some(y) => write!(f, "{y:04}"),
        None => f.write_str("XXXX"),
    }
}

impl Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // jiff writes four-digit years as `2024-09-20`; the
            // constructors keep years to four digits.
            Day::Date(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Day::YearUnknown { month, day } => write!(f, "XXXX-{month:02}-{day:02}"),
            Day::SomeDayOf { year, month } => write!(f, "{year:04}-{month:02}-XX"),
            Day::Weekday(w) => write!(f, "XXXX-WXX-{w}"),
            Day::Unknown => f.write_str("XXXX-XX-XX"),
        }
    }
}

impl Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Amount::Count(n) => write!(f, "{n}"),
            Amount::AndHalf(n) => write!(f, "{n}.5"),
            Amount::Unknown => f.write_char('X'),
        }
    }
}

impl Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('P')?;
        let mut in_time = false;
        let mut part = |f: &mut fmt::Formatter<'_>, amount: Amount, unit: Unit| {
            let (letter, time) = unit.letter();
            if time && !in_time {
                in_time = true;
                f.write_char('T')?;
            }
            write!(f, "{amount}{letter}")
        };
        part(f, self.amount, self.unit)?;
        if let Some((n, unit)) = self.then {
            part(f, Amount::Count(n), unit)?;
        }
        Ok(())
    }
}

impl Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TimexValue::Year(y) => write!(f, "{y:04}"),
            TimexValue::Month(y, m) => {
                write_year(f, y)?;
                write!(f, "-{m:02}")
            }
            TimexValue::Day(d) => d.fmt(f),
            TimexValue::Week {
                year,
                week,
                weekend,
            } => {
                write!(f, "{year:04}-W{week:02}")?;
                if weekend {
                    f.write_str("-WE")?;
                }
                Ok(())
            }
            TimexValue::Quarter(y, q) => {
                write_year(f, y)?;
                write!(f, "-Q{q}")
            }
            TimexValue::Half(y, h) => {
                write_year(f, y)?;
                write!(f, "-H{h}")
            }
            TimexValue::Season(y, s) => {
                write_year(f, y)?;
                write!(f, "-{}", s.code())
            }
            TimexValue::Decade(d) => write!(f, "{d:03}"),
            TimexValue::Century(c) => write!(f, "{c:02}"),
            TimexValue::Millennium(m) => write!(f, "{m}"),
            TimexValue::Time(d, t) => {
                write!(f, "{d}T")?;
                match t {
                    TimeOfDay::Clock { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
                    TimeOfDay::Part(p) => f.write_str(p.code()),
                }
            }
            TimexValue::Duration(d) => d.fmt(f),
            TimexValue::Reference(r) => f.write_str(r.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn v(s: &str) -> Option<TimexValue> {
        s.parse().ok()
    }

    #[test]
    fn every_form_the_normalizer_writes_reads_back() {
        for s in [
            "2024",
            "2024-10",
            "XXXX-10",
            "2024-09-20",
            "XXXX-09-20",
            "XXXX-02-29",
            "2024-09-XX",
            "XXXX-WXX-5",
            "2024-W05",
            "2024-W05-WE",
            "2024-Q1",
            "XXXX-Q3",
            "2024-H2",
            "2024-SU",
            "XXXX-WI",
            "199",
            "19",
            "2",
            "2024-09-20T14:30",
            "2024-09-20T24:00",
            "2016-09-17TNI",
            "XXXX-XX-XXTNI",
            "XXXX-WXX-5TMO",
            "XXXX-XX-XXT09:05",
            "P3D",
            "PT2H",
            "P1E",
            "PXY",
            "P2WE",
            "P2Y6M",
            "P1DT12H",
            "PT1H30M",
            "PT1M30S",
            "P1.5W",
            "PT0.5S",
            "P0.5Q",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ] {
            let x = v(s).unwrap_or_else(|| panic!("{s} does not parse"));
            assert_eq!(x.to_string(), s);
        }
    }

    #[test]
    fn years_outside_four_digits_have_no_value() {
        assert_eq!(TimexValue::year(-1), None);
        assert_eq!(TimexValue::year(10_000), None);
        assert_eq!(TimexValue::year(0), Some(TimexValue::Year(0)));
        assert_eq!(TimexValue::date("-000003-01-01".parse().unwrap()), None);
    }

    #[test]
    fn references_have_the_reference_granularity() {
        // Regression: the string rules read PRESENT_REF and PAST_REF as
        // durations (they start with P).
        for s in ["PRESENT_REF", "PAST_REF", "FUTURE_REF"] {
            assert_eq!(v(s).unwrap().granularity(), Some(Granularity::Reference));
        }
        for (s, g) in [
            ("2024-09-20", Granularity::Day),
            ("XXXX-09-20", Granularity::Day),
            ("XXXX-WXX-1", Granularity::Week),
            ("2024-W05-WE", Granularity::Week),
            ("2024-H1", Granularity::Quarter),
            ("XXXX-SU", Granularity::Season),
            ("19", Granularity::Century),
            ("XXXX-XX-XXTNI", Granularity::Time),
            ("P1D", Granularity::Duration),
        ] {
            assert_eq!(v(s).unwrap().granularity(), Some(g), "{s}");
        }
        assert_eq!(v("2").unwrap().granularity(), None);
    }

    #[test]
    fn the_year_and_month_a_value_names() {
        let x = |s: &str| v(s).unwrap();
        assert_eq!(x("1998-08-07").explicit_year(), Some(1998));
        assert_eq!(x("1998-W05").explicit_year(), Some(1998));
        assert_eq!(x("1998-08-07T10:00").explicit_year(), Some(1998));
        assert_eq!(x("XXXX-08").explicit_year(), None);
        assert_eq!(x("P1998Y").explicit_year(), None);
        assert_eq!(x("1998-08-XX").year_month(), Some((1998, 8)));
        assert_eq!(x("1998-Q3").year_month(), None);
        assert!(x("XXXX-08").names_month());
        assert!(!x("XXXX-WXX-1").names_month());
        assert!(!x("PT1500M").names_month());
    }

    fn unit() -> impl Strategy<Value = Unit> {
        (0..Unit::ALL.len()).prop_map(|i| Unit::ALL[i])
    }

    fn amount() -> impl Strategy<Value = Amount> {
        prop_oneof![
            any::<u32>().prop_map(Amount::Count),
            any::<u32>().prop_map(Amount::AndHalf),
            Just(Amount::Unknown),
        ]
    }

    fn duration() -> impl Strategy<Value = Duration> {
        (
            amount(),
            unit(),
            proptest::option::of((any::<u32>(), unit())),
        )
            .prop_map(|(amount, unit, then)| Duration {
                amount,
                unit,
                // A date unit never follows a time unit.
                then: then.filter(|&(_, u)| !unit.is_time() || u.is_time()),
            })
    }

    fn date() -> impl Strategy<Value = Date> {
        (0i16..=9999, 1i8..=12, 1i8..=31)
            .prop_filter_map("a real day", |(y, m, d)| Date::new(y, m, d).ok())
    }

    fn day() -> impl Strategy<Value = Day> {
        prop_oneof![
            date().prop_map(Day::Date),
            date().prop_map(|d| Day::YearUnknown {
                month: d.month() as u8,
                day: d.day() as u8
            }),
            (0i16..=9999, 1u8..=12).prop_map(|(year, month)| Day::SomeDayOf { year, month }),
            (1u8..=7).prop_map(Day::Weekday),
            Just(Day::Unknown),
        ]
    }

    fn year() -> impl Strategy<Value = Option<i16>> {
        proptest::option::of(0i16..=9999)
    }

    fn value() -> impl Strategy<Value = TimexValue> {
        use TimexValue as V;
        let part = prop_oneof![
            Just(DayPart::Morning),
            Just(DayPart::Afternoon),
            Just(DayPart::Evening),
            Just(DayPart::Night),
        ];
        let season = prop_oneof![
            Just(Season::Spring),
            Just(Season::Summer),
            Just(Season::Fall),
            Just(Season::Winter),
        ];
        let time = prop_oneof![
            (0u8..=23, 0u8..=59).prop_map(|(hour, minute)| TimeOfDay::Clock { hour, minute }),
            Just(TimeOfDay::Clock {
                hour: 24,
                minute: 0
            }),
            part.prop_map(TimeOfDay::Part),
        ];
        prop_oneof![
            (0i16..=9999).prop_map(V::Year),
            (year(), 1u8..=12).prop_map(|(y, m)| V::Month(y, m)),
            day().prop_map(V::Day),
            (0i16..=9999, 1u8..=53, any::<bool>()).prop_map(|(year, week, weekend)| V::Week {
                year,
                week,
                weekend
            }),
            (year(), 1u8..=4).prop_map(|(y, q)| V::Quarter(y, q)),
            (year(), 1u8..=2).prop_map(|(y, h)| V::Half(y, h)),
            (year(), season).prop_map(|(y, s)| V::Season(y, s)),
            (0i16..=999).prop_map(V::Decade),
            (0i16..=99).prop_map(V::Century),
            (0i16..=9).prop_map(V::Millennium),
            (day(), time).prop_map(|(d, t)| V::Time(d, t)),
            duration().prop_map(V::Duration),
            Just(V::PRESENT),
            Just(V::PAST),
            Just(V::FUTURE),
        ]
    }

    proptest! {
        /// Every value renders to text that reads back as the same value.
        #[test]
        fn values_round_trip(x in value()) {
            let s = x.to_string();
            prop_assert_eq!(s.parse::<TimexValue>(), Ok(x), "{}", s);
        }

        /// Any text that reads as a value is the text the value renders:
        /// one way to write each value.
        #[test]
        fn parsed_text_renders_back_unchanged(s in "[0-9XPTWQHSUFAINREMOVCYDL_:.-]{1,12}") {
            if let Ok(x) = s.parse::<TimexValue>() {
                prop_assert_eq!(x.to_string(), s);
            }
        }
    }
}
