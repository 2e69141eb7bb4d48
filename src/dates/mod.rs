//! Temporal expressions: recognition, TIMEX3 normalization, and the
//! document date.
//!
//! `recognize` finds TIMEX3 expressions and normalizes them against the
//! document creation time; `infer_document_date` reads a dateline or byline.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex::Regex;

use crate::document::DateType;
use crate::text::{Span, Text};

/// One temporal expression, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timex {
    pub span: Span,
    pub kind: DateType,
    pub value: Option<String>,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

fn month_number(name: &str) -> Option<i8> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let n = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].iter().position(|m| *m == key)?;
    Some(n as i8 + 1)
}

fn patterns() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?P<mdy_m>{MONTHS})\s+(?P<mdy_d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<mdy_y>(?:19|20)\d\d)|(?P<dmy_d>[0-3]?\d)\s+(?P<dmy_m>{MONTHS})\s+(?P<dmy_y>(?:19|20)\d\d)|(?P<my_m>{MONTHS})\s+(?P<my_y>(?:19|20)\d\d)|(?P<y>(?:19|20)\d\d)s?)\b"
        ))
        .expect("date pattern")
    })
}

/// Finds and normalizes the temporal expressions of `text`.
pub(crate) fn recognize(text: &Text, _dct: Option<Date>) -> Vec<Timex> {
    let src = text.src;
    let mut out = Vec::new();
    for c in patterns().captures_iter(src) {
        let m = c.get(0).expect("whole match");
        let span = Span::new(m.start(), m.end());
        let value = if let Some(iso) = c.name("iso") {
            iso.as_str().parse::<Date>().ok().map(|d| d.to_string())
        } else if let (Some(mo), Some(d), Some(y)) = (
            c.name("mdy_m").or(c.name("dmy_m")),
            c.name("mdy_d").or(c.name("dmy_d")),
            c.name("mdy_y").or(c.name("dmy_y")),
        ) {
            let (y, d): (i16, i8) = (y.as_str().parse().unwrap_or(0), d.as_str().parse().unwrap_or(0));
            month_number(mo.as_str()).and_then(|mo| Date::new(y, mo, d).ok()).map(|d| d.to_string())
        } else if let (Some(mo), Some(y)) = (c.name("my_m"), c.name("my_y")) {
            month_number(mo.as_str()).map(|mo| format!("{}-{mo:02}", y.as_str()))
        } else if let Some(y) = c.name("y") {
            if m.as_str().ends_with('s') {
                Some(y.as_str()[..3].to_string())
            } else {
                Some(y.as_str().to_string())
            }
        } else {
            None
        };
        // "May 2024" but not "may" the verb: month names must be capitalized.
        if m.as_str().starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        out.push(Timex { span, kind: DateType::Date, value });
    }
    out
}

/// Reads the document date from a dateline or byline near the top of the
/// text ("Published September 20, 2024", "LONDON, Oct. 1 2024").
pub(crate) fn infer_document_date(text: &Text) -> Option<Date> {
    let head_end = text.src.char_indices().nth(600).map_or(text.src.len(), |(i, _)| i);
    let head = Text { src: &text.src[..head_end], tokens: Vec::new(), sentences: Vec::new() };
    recognize(&head, None)
        .into_iter()
        .filter_map(|x| x.value)
        .find(|v| v.len() == 10)
        .and_then(|v| v.parse().ok())
}

/// The granularity of a TIMEX3 value, for display and the timeline.
pub(crate) fn granularity(value: &str) -> Option<&'static str> {
    let b = value.as_bytes();
    Some(match value {
        _ if value.starts_with('P') => "duration",
        "PRESENT_REF" | "PAST_REF" | "FUTURE_REF" => "reference",
        _ if value.contains('T') => "time",
        _ if b.len() == 10 => "day",
        _ if value.contains("-W") => "week",
        _ if value.contains("-Q") || value.contains("-H") => "quarter",
        _ if b.len() == 7 => "month",
        _ if b.len() == 4 => "year",
        _ if b.len() == 3 => "decade",
        _ if b.len() == 2 => "century",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<(String, Option<String>)> {
        let t = Text::new(s);
        recognize(&t, None).into_iter().map(|x| (s[x.span.start..x.span.end].to_string(), x.value)).collect()
    }

    #[test]
    fn absolute_dates_normalize() {
        assert_eq!(
            values("On September 20, 2024 and in October 2024, unlike 2021 or the 1990s."),
            [
                ("September 20, 2024".into(), Some("2024-09-20".into())),
                ("October 2024".into(), Some("2024-10".into())),
                ("2021".into(), Some("2021".into())),
                ("1990s".into(), Some("199".into())),
            ]
        );
    }

    #[test]
    fn impossible_dates_get_no_value() {
        assert_eq!(values("February 30, 2024"), [("February 30, 2024".into(), None)]);
    }
}
