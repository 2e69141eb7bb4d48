//! The number grammar: numerals ("1,000.50", "95bn", "2-3", "10km"),
//! number words ("two hundred and fifty thousand", "a million"), scales
//! and fractions, all as exact decimal values.

use std::sync::OnceLock;

use regex::Regex;

/// A decimal number `mant × 10^exp`, kept apart so that scaling "1.2" by
/// a billion is exact (1200000000, not 1199999999.9999998).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Num {
    mant: f64,
    exp: i32,
}

impl Num {
    pub fn int(n: f64) -> Num {
        Num { mant: n, exp: 0 }
    }
    /// Multiplied by `10^pow`.
    pub fn scaled(self, pow: i32) -> Num {
        Num {
            mant: self.mant,
            exp: self.exp + pow,
        }
    }
    pub fn value(self) -> f64 {
        if self.exp >= 0 {
            self.mant * 10f64.powi(self.exp)
        } else {
            // Division by an exact power of ten rounds once, correctly.
            self.mant / 10f64.powi(-self.exp)
        }
    }
}

/// What a letter suffix or the word after a number says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scale {
    /// A power of ten: thousand, million, bn, lakh, crore.
    Pow(i32),
    /// "m": million after money, a metre otherwise.
    MillionOrMetre,
}

/// Scale words and abbreviations, lowercase.
pub(super) fn scale(word: &str) -> Option<Scale> {
    Some(Scale::Pow(match word {
        "hundred" => 2,
        "thousand" | "k" => 3,
        "lakh" | "lakhs" => 5,
        "million" | "mn" | "mln" | "mio" => 6,
        "crore" | "crores" => 7,
        "billion" | "bn" | "bln" | "b" => 9,
        "trillion" | "tn" | "trn" => 12,
        "m" => return Some(Scale::MillionOrMetre),
        _ => return None,
    }))
}

/// Scales written as whole words: "million" scales a number word too
/// ("two million"); abbreviations only follow digits.
pub(super) fn scale_word(word: &str) -> Option<i32> {
    match word {
        "thousand" => Some(3),
        "lakh" => Some(5),
        "million" => Some(6),
        "crore" => Some(7),
        "billion" => Some(9),
        "trillion" => Some(12),
        _ => None,
    }
}

/// A numeral token split by the grammar: one number or a range, and what
/// follows the digits in the same token ("bn", "km", "percent").
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Numeral<'a> {
    pub low: Num,
    pub high: Option<Num>,
    /// The letters after the digits, lowercase not applied.
    pub suffix: &'a str,
    /// How many digits before the decimal point the first number has.
    pub int_digits: usize,
}

#[allow(
    clippy::expect_used,
    reason = "the pattern is a constant, compiled and tested"
)]
fn numeral_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A number: digits with thousands separators or without, then
        // decimals. A range joins two with a hyphen ("2-3"); a suffix of
        // letters may follow, after a hyphen or not ("95bn", "10-km").
        let num = r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?";
        Regex::new(&format!(
            r"^{num}(?:-{num})?(?:-?([A-Za-z][A-Za-z0-9²³/-]*))?$"
        ))
        .expect("the numeral pattern compiles")
    })
}

fn num(int: &str, frac: Option<&str>) -> Option<Num> {
    let mut mant = 0f64;
    for b in int.bytes().filter(u8::is_ascii_digit) {
        mant = mant * 10.0 + f64::from(b - b'0');
    }
    let mut exp = 0;
    for b in frac.unwrap_or("").bytes() {
        mant = mant * 10.0 + f64::from(b - b'0');
        exp -= 1;
    }
    mant.is_finite().then_some(Num { mant, exp })
}

/// Reads a token that starts with a digit: "1,000.50", "2-3", "95bn",
/// "21-year-old". `None` for anything else ("3/4", "12:30", "2024-09-20").
pub(super) fn numeral(tok: &str) -> Option<Numeral<'_>> {
    if !tok.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let c = numeral_re().captures(tok)?;
    let int = c.get(1)?.as_str();
    let low = num(int, c.get(2).map(|m| m.as_str()))?;
    let high = match c.get(3) {
        Some(m) => Some(num(m.as_str(), c.get(4).map(|m| m.as_str()))?),
        None => None,
    };
    Some(Numeral {
        low,
        high,
        suffix: c.get(5).map_or("", |m| m.as_str()),
        int_digits: int.bytes().filter(u8::is_ascii_digit).count(),
    })
}

/// The value of a number word below a hundred: "seven", "twenty",
/// "twenty-five". Lowercase input.
pub(super) fn small_word(w: &str) -> Option<f64> {
    let unit = |w: &str| -> Option<f64> {
        Some(match w {
            "zero" => 0.0,
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            _ => return None,
        })
    };
    if let Some(v) = unit(w) {
        return Some(v);
    }
    let (tens, ones) = w.split_once('-')?;
    let (t, o) = (unit(tens)?, unit(ones)?);
    (t >= 20.0 && t % 10.0 == 0.0 && (1.0..10.0).contains(&o)).then_some(t + o)
}

/// A fraction word: "half", "third(s)", "quarter(s)", … as a fraction of
/// one; "one-third", "two-thirds" give the whole value.
pub(super) fn fraction_word(w: &str) -> Option<f64> {
    let part = |w: &str| -> Option<f64> {
        Some(match w {
            "half" | "halves" => 2.0,
            "third" | "thirds" => 3.0,
            "quarter" | "quarters" => 4.0,
            "fifth" | "fifths" => 5.0,
            "tenth" | "tenths" => 10.0,
            _ => return None,
        })
    };
    match w.split_once('-') {
        Some((n, d)) => {
            let n = small_word(n).filter(|n| (1.0..10.0).contains(n))?;
            Some(n / part(d)?)
        }
        None => part(w).map(|d| 1.0 / d),
    }
}

/// Vague counts with no definite number: "dozens", "thousands".
pub(super) fn vague_word(w: &str) -> bool {
    matches!(
        w,
        "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "tens"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_read_separators_ranges_and_suffixes() {
        let n = numeral("1,000.50").unwrap();
        assert_eq!((n.low.value(), n.high, n.suffix), (1000.5, None, ""));
        let n = numeral("2-3").unwrap();
        assert_eq!(
            (n.low.value(), n.high.map(Num::value), n.suffix),
            (2.0, Some(3.0), "")
        );
        assert_eq!(numeral("95bn").unwrap().suffix, "bn");
        assert_eq!(numeral("10-km").unwrap().suffix, "km");
        assert_eq!(numeral("21-year-old").unwrap().suffix, "year-old");
        for no in ["3/4", "12:30", "2024-09-20", "Su-34", "1.2.3"] {
            assert_eq!(numeral(no), None, "{no}");
        }
    }

    #[test]
    fn scaled_decimals_are_exact() {
        let n = numeral("1.2").unwrap().low;
        assert_eq!(n.scaled(9).value(), 1_200_000_000.0);
        assert_eq!(numeral("0.35").unwrap().low.scaled(6).value(), 350_000.0);
        assert_eq!(numeral("12.5").unwrap().low.value(), 12.5);
    }

    #[test]
    fn words_and_fractions() {
        assert_eq!(small_word("twenty-five"), Some(25.0));
        assert_eq!(small_word("five-twenty"), None);
        assert_eq!(fraction_word("two-thirds"), Some(2.0 / 3.0));
        assert_eq!(fraction_word("quarter"), Some(0.25));
    }
}
