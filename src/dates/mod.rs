//! Temporal expressions: recognition, TIMEX3 normalization, and the
//! document date.
//!
//! `recognize` finds TIMEX3 expressions (DATE, TIME, DURATION, SET) with
//! TempEval-3 extents and normalizes them against the document creation
//! time; `infer_document_date` reads a dateline or byline.
//!
//! Layout: `lexicon` says what a word can mean, `grammar` reads
//! expressions over tokens, `normalize` computes values with jiff's
//! calendar, `value` is the TIMEX3 value type and its text form, `document_date` finds the date of the article itself.
//!
//! Calendar arithmetic is jiff's `civil::Date` (no time zones, no tzdb):
//! dates are valid by construction, month and week arithmetic and ISO
//! weeks are exact, and it builds for wasm32 without features.
//!
//! Conventions follow the TempEval-3 (TimeBank) annotation where it is
//! consistent: weekdays and bare months resolve to the nearest occurrence
//! leaning to the past unless the clause is in the future tense; "a year
//! ago" in an earnings report is the same quarter a year before; "former"
//! and "already" are not expressions (TimeBank leaves them out).

mod document_date;
mod grammar;
mod lexicon;
mod normalize;
mod value;

use jiff::civil::Date;

use crate::document::DateType;
use crate::text::{Span, Text};

pub(crate) use document_date::infer_document_date;
pub(crate) use value::TimexValue;

/// One temporal expression, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timex {
    pub span: Span,
    pub kind: DateType,
    pub value: Option<TimexValue>,
}

/// Finds and normalizes the temporal expressions of `text`; relative ones
/// ("last Friday") resolve against `dct` and get no value without it.
pub(crate) fn recognize(text: &Text, dct: Option<Date>) -> Vec<Timex> {
    grammar::find(text, dct)
        .into_iter()
        .filter(|f| f.start < f.end && f.end <= text.tokens.len())
        .map(|f| Timex {
            span: text.token_span(&(f.start..f.end)),
            kind: f.kind,
            value: f.value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str, dct: &str) -> Vec<(String, &'static str, Option<String>)> {
        let t = Text::new(s);
        let kind = |k| match k {
            DateType::Date => "DATE",
            DateType::Time => "TIME",
            DateType::Duration => "DURATION",
            DateType::Set => "SET",
        };
        recognize(&t, dct.parse().ok())
            .into_iter()
            .map(|x| {
                (
                    s[x.span.start..x.span.end].to_string(),
                    kind(x.kind),
                    x.value.map(|v| v.to_string()),
                )
            })
            .collect()
    }

    fn one(s: &str, dct: &str) -> (String, &'static str, Option<String>) {
        let v = tag(s, dct);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        v.into_iter().next().unwrap_or_default_triple()
    }

    trait Triple {
        fn unwrap_or_default_triple(self) -> (String, &'static str, Option<String>);
    }
    impl Triple for Option<(String, &'static str, Option<String>)> {
        fn unwrap_or_default_triple(self) -> (String, &'static str, Option<String>) {
            self.unwrap_or((String::new(), "", None))
        }
    }

    #[test]
    fn absolute_dates_normalize() {
        assert_eq!(
            tag(
                "On September 20, 2024 and in October 2024, unlike 2021 or the 1990s.",
                ""
            ),
            [
                (
                    "September 20, 2024".into(),
                    "DATE",
                    Some("2024-09-20".into())
                ),
                ("October 2024".into(), "DATE", Some("2024-10".into())),
                ("2021".into(), "DATE", Some("2021".into())),
                ("1990s".into(), "DATE", Some("199".into())),
            ]
        );
    }

    #[test]
    fn impossible_dates_get_no_value() {
        assert_eq!(
            tag("February 30, 2024", ""),
            [("February 30, 2024".into(), "DATE", None)]
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_document_date() {
        let dct = "2024-09-20";
        assert_eq!(
            one("It happened last month.", dct),
            ("last month".into(), "DATE", Some("2024-08".into()))
        );
        assert_eq!(
            one("He left two years ago.", dct),
            ("two years ago".into(), "DATE", Some("2022".into()))
        );
        assert_eq!(
            one("They met on Wednesday.", dct),
            ("Wednesday".into(), "DATE", Some("2024-09-18".into()))
        );
        assert_eq!(
            one("Talks stalled at the end of June.", dct),
            ("the end of June".into(), "DATE", Some("2024-06".into()))
        );
        assert_eq!(
            one("Sales fell in the third quarter.", dct),
            ("the third quarter".into(), "DATE", Some("2024-Q3".into()))
        );
        assert_eq!(
            one("Prices are high now.", dct),
            ("now".into(), "DATE", Some("PRESENT_REF".into()))
        );
        assert_eq!(
            one("She recently quit.", dct),
            ("recently".into(), "DATE", Some("PAST_REF".into()))
        );
    }

    #[test]
    fn offsets_that_leave_the_calendar_keep_their_span_without_a_value() {
        assert_eq!(
            one("It happened 240000 months ago.", "2024-10-01"),
            ("240000 months ago".into(), "DATE", None)
        );
        assert_eq!(
            one("It formed 999999 years ago.", "2024-10-01"),
            ("999999 years ago".into(), "DATE", None)
        );
    }

    #[test]
    fn durations_and_sets() {
        assert_eq!(
            one("It took nearly two years.", ""),
            ("nearly two years".into(), "DURATION", Some("P2Y".into()))
        );
        assert_eq!(
            one("over the past five years", ""),
            ("the past five years".into(), "DURATION", Some("P5Y".into()))
        );
        assert_eq!(
            one("They meet every Monday.", ""),
            ("every Monday".into(), "SET", Some("XXXX-WXX-1".into()))
        );
    }

    proptest::proptest! {
        /// Any text, and especially text made of date words, numbers,
        /// hyphens and non-ASCII letters: no panic, spans on char
        /// boundaries, in order and inside the text.
        #[test]
        fn never_panics_and_spans_stay_valid(words in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("May".to_string()), proptest::strategy::Just("Sept.".to_string()), proptest::strategy::Just("the".to_string()),
            proptest::strategy::Just("last".to_string()), proptest::strategy::Just("year-é".to_string()), proptest::strategy::Just("2024-0€-01".to_string()),
            proptest::strategy::Just("1990s".to_string()), proptest::strategy::Just("12:3".to_string()), proptest::strategy::Just("a.m.".to_string()),
            proptest::strategy::Just("fiscal".to_string()), proptest::strategy::Just("third-quarter".to_string()), proptest::strategy::Just("Friday".to_string()),
            "[0-9]{1,5}", "\\PC{0,4}", "[a-z-]{1,8}",
        ], 0..40), dct in proptest::option::of(0i16..=9999)) {
            let s = words.join(" ");
            let t = Text::new(&s);
            let d = dct.and_then(|y| Date::new(y.max(1), if y % 2 == 0 { 12 } else { 1 }, if y % 3 == 0 { 31 } else { 1 }).ok());
            let found = recognize(&t, d);
            let mut last = 0;
            for x in &found {
                proptest::prop_assert!(x.span.start < x.span.end && x.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
                proptest::prop_assert!(x.span.start >= last);
                last = x.span.end;
            }
            let _ = infer_document_date(&t);
        }
    }

    #[test]
    fn no_dates_in_numbers_money_or_verbs() {
        assert!(tag(
            "He may go. Troops march on. It cost $2024 and 1999 people came.",
            "2024-09-20"
        )
        .is_empty());
        assert!(tag("Bill 2041 passed with 45% of the vote.", "2024-09-20").is_empty());
    }
}
