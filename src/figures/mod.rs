//! Figures: money, percentages, quantities and counts, each with a
//! normalized value (an amount or a range, a currency or unit, a hedge).
//!
//! `recognize` runs after the dates: a token inside a date is never part
//! of a figure, so "two years" stays a duration and "2024" a year.
//!
//! Layout: `number` reads numerals and number words with their scales,
//! `lexicon` names currencies, units and hedges, `grammar` reads figures
//! over tokens, `value` holds the public value types.

mod grammar;
mod lexicon;
mod number;
mod value;

pub use value::{Amount, Currency, FigureLabel, FigureMod, FigureValue, Measure, Unit};

use crate::dates::Timex;
use crate::text::{Span, Text};

/// One figure, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub span: Span,
    pub label: FigureLabel,
    pub value: FigureValue,
}

/// Finds the figures of `text` outside the `dates` (sorted, as
/// `dates::recognize` gives them).
pub(crate) fn recognize(text: &Text, dates: &[Timex]) -> Vec<Figure> {
    let dates: Vec<Span> = dates.iter().map(|d| d.span).collect();
    grammar::find(text, &dates)
        .into_iter()
        .map(|f| Figure {
            span: Span::new(
                text.tokens[f.start].span.start,
                text.tokens[f.end - 1].span.end,
            ),
            label: f.label,
            value: f.value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(s: &str) -> Vec<(String, &'static str, String)> {
        let t = Text::new(s);
        let dates = crate::dates::recognize(&t, "2024-10-01".parse().ok());
        recognize(&t, &dates)
            .into_iter()
            .map(|f| {
                (
                    s[f.span.start..f.span.end].to_string(),
                    f.label.as_str(),
                    serde_json::to_string(&f.value).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn money_percent_quantity_and_counts() {
        let got = figures("A €95bn package, 50% more, 1,000 km away and 75 deputies.");
        let want = [
            (
                "€95bn",
                "MONEY",
                r#"{"amount":95000000000,"unit":"EUR","mod":null}"#,
            ),
            ("50%", "PERCENT", r#"{"amount":50,"unit":"%","mod":null}"#),
            (
                "1,000 km",
                "QUANTITY",
                r#"{"amount":1000,"unit":"km","mod":null}"#,
            ),
            ("75", "CARDINAL", r#"{"amount":75,"unit":null,"mod":null}"#),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn dates_are_not_figures() {
        assert!(figures("Talks lasted two years, from 2014 to 2016, until 5 May.").is_empty());
    }

    proptest::proptest! {
        /// Any text made of number-ish pieces: no panic, spans on char
        /// boundaries, in order, inside the text, ranges ordered.
        #[test]
        fn never_panics_and_spans_stay_valid(words in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("$".to_string()), proptest::strategy::Just("€".to_string()),
            proptest::strategy::Just("between".to_string()), proptest::strategy::Just("and".to_string()),
            proptest::strategy::Just("to".to_string()), proptest::strategy::Just("million".to_string()),
            proptest::strategy::Just("a".to_string()), proptest::strategy::Just("half".to_string()),
            proptest::strategy::Just("%".to_string()), proptest::strategy::Just("km".to_string()),
            proptest::strategy::Just("about".to_string()), proptest::strategy::Just("of".to_string()),
            "[0-9]{1,4}", "[0-9]{1,3}[.,-][0-9]{1,3}[a-z]{0,2}", "\\PC{0,3}", "[a-z-]{1,8}",
        ], 0..30)) {
            let s = words.join(" ");
            let t = Text::new(&s);
            let mut last = 0;
            for f in recognize(&t, &[]) {
                proptest::prop_assert!(f.span.start < f.span.end && f.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                proptest::prop_assert!(f.span.start >= last);
                last = f.span.end;
                if let Some(Amount::Range(lo, hi)) = f.value.amount {
                    proptest::prop_assert!(lo < hi);
                }
            }
        }
    }
}
