//! The words of temporal expressions: what one token can mean.
//!
//! Each token is classified once per document into a small `Lex` value, so
//! the grammar compares enums instead of strings. Classification lowercases
//! into a stack buffer: no allocation per token.

pub(super) use super::value::{DayPart, Season, Unit};

/// What one token can mean in a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    /// Month 1..=12; `ambiguous` for "May", "March" (verbs, names).
    Month {
        n: u8,
        ambiguous: bool,
    },
    /// Weekday, 1 = Monday.
    Weekday(u8),
    /// A cardinal written as a word ("two", "twenty").
    NumWord(u32),
    /// "a", "an", "one" as a count of one.
    Article,
    /// An ordinal word or numeral ("third", "3rd").
    Ordinal(u8),
    /// A unit, singular or plural.
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// spring, summer, fall/autumn, winter (SP, SU, FA, WI).
    Season(Season),
    DayPart(DayPart),
    /// A hyphenated word "third-quarter", "10-year", "mid-November",
    /// "year-earlier": analysed by the grammar.
    Compound,
    /// Digits only.
    Number,
    /// A clock time "10:35".
    Clock,
    /// A vague count: several, few, many, some, numerous.
    Vague,
    /// Any other word the grammar checks by its text.
    Key(Key),
    Other,
}

/// Words the grammar looks for by identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    The,
    This,
    That,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    Current,
    Latest,
    Recent,
    Early,
    Late,
    Mid,
    Earlier,
    Later,
    Ago,
    Before,
    After,
    From,
    Now,
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Currently,
    Recently,
    Future,
    End,
    Beginning,
    Start,
    Middle,
    Of,
    Fiscal,
    Every,
    Each,
    Per,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Quarterly,
    Hourly,
    Nightly,
    Noon,
    Midnight,
    Midday,
    Am,
    Pm,
    Approx,
    About,
    Least,
    At,
    Up,
    To,
    Right,
    Near,
    More,
    Less,
    Than,
    Over,
    And,
    Or,
    So,
    Couple,
    Half,
    Period,
    Old,
    Long,
    Thanksgiving,
    Christmas,
    /// "Election Day" (with "Day").
    Election,
    Easter,
    Eve,
    Times,
    Twice,
    Once,
    Other,
    In,
    On,
    Since,
    Until,
    Zone,
    Nowadays,
}

/// Lowercases an ASCII token into `buf`; `None` for long or non-ASCII
/// tokens, which are never temporal words.
fn lower<'b>(tok: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if tok.len() > buf.len() || !tok.is_ascii() {
        return None;
    }
    let b = &mut buf[..tok.len()];
    b.copy_from_slice(tok.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).ok()
}

/// Classifies one token.
pub(super) fn lex(tok: &str) -> Lex {
    let first = tok.as_bytes().first().copied().unwrap_or(0);
    if first.is_ascii_digit() {
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            return Lex::Number;
        }
        if let Some(o) = ordinal_numeral(tok) {
            return Lex::Ordinal(o);
        }
        if is_clock(tok) {
            return Lex::Clock;
        }
        // "1998-08-07", "8/7/98", "10-year", "1990s": read by the grammar.
        return Lex::Compound;
    }
    let mut buf = [0u8; 24];
    let Some(w) = lower(tok, &mut buf) else {
        return Lex::Other;
    };
    if let Some(l) = word(w) {
        return l;
    }
    if w.contains('-') {
        return Lex::Compound;
    }
    Lex::Other
}

/// "9:30", "10:35", "23:59:59".
fn is_clock(tok: &str) -> bool {
    let mut parts = tok.split(':');
    let h = parts.next().unwrap_or("");
    let m = parts.next().unwrap_or("");
    let ok = |p: &str, max: u32| p.len() == 2 && p.parse::<u32>().is_ok_and(|v| v <= max);
    (1..=2).contains(&h.len())
        && h.parse::<u32>().is_ok_and(|v| v <= 24)
        && ok(m, 59)
        && parts.all(|s| ok(s, 59))
}

/// "1st", "22nd", "3rd", "4th".
pub(super) fn ordinal_numeral(tok: &str) -> Option<u8> {
    let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
    let (num, suf) = tok.split_at(digits);
    if digits == 0
        || digits > 2
        || !matches!(suf.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
    {
        return None;
    }
    num.parse().ok()
}

/// Every word `word` and `number_word` know. Most tokens are none of
/// them; a Bloom filter built from this list rejects those before the long
/// `match`. A test keeps the list in sync.
const WORDS: &[&str] = &[
    "a",
    "a.m",
    "a.m.",
    "about",
    "after",
    "afternoon",
    "afternoons",
    "ago",
    "almost",
    "am",
    "an",
    "and",
    "annually",
    "approximately",
    "apr",
    "april",
    "around",
    "at",
    "aug",
    "august",
    "autumn",
    "barely",
    "before",
    "beginning",
    "bst",
    "cdt",
    "centuries",
    "century",
    "cet",
    "christmas",
    "close",
    "coming",
    "couple",
    "cst",
    "current",
    "currently",
    "daily",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "dozen",
    "each",
    "earlier",
    "early",
    "easter",
    "edt",
    "eight",
    "eighteen",
    "eighth",
    "eighty",
    "election",
    "eleven",
    "eleventh",
    "end",
    "ensuing",
    "est",
    "et",
    "eve",
    "evening",
    "evenings",
    "every",
    "fall",
    "feb",
    "february",
    "few",
    "fewer",
    "fifteen",
    "fifth",
    "fifty",
    "final",
    "first",
    "fiscal",
    "five",
    "following",
    "forty",
    "four",
    "fourteen",
    "fourth",
    "fri",
    "friday",
    "from",
    "future",
    "gmt",
    "half",
    "hour",
    "hourly",
    "hours",
    "hrs",
    "hundred",
    "in",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "late",
    "lately",
    "later",
    "latest",
    "least",
    "less",
    "long",
    "many",
    "mar",
    "march",
    "may",
    "mid",
    "midday",
    "middle",
    "midnight",
    "millennia",
    "millennium",
    "min",
    "mins",
    "minute",
    "minutes",
    "mon",
    "monday",
    "month",
    "monthly",
    "months",
    "more",
    "morning",
    "mornings",
    "near",
    "nearly",
    "next",
    "night",
    "nightly",
    "nights",
    "nine",
    "nineteen",
    "ninety",
    "ninth",
    "noon",
    "nov",
    "november",
    "now",
    "nowadays",
    "numerous",
    "oct",
    "october",
    "of",
    "old",
    "on",
    "once",
    "one",
    "or",
    "other",
    "over",
    "overnight",
    "p.m",
    "p.m.",
    "past",
    "pdt",
    "per",
    "period",
    "periods",
    "pm",
    "preceding",
    "present",
    "previous",
    "prior",
    "pst",
    "quarter",
    "quarterly",
    "quarters",
    "recent",
    "recently",
    "right",
    "roughly",
    "same",
    "sat",
    "saturday",
    "second",
    "seconds",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventh",
    "seventy",
    "several",
    "since",
    "six",
    "sixteen",
    "sixth",
    "sixty",
    "so",
    "some",
    "spring",
    "start",
    "summer",
    "sun",
    "sunday",
    "ten",
    "tenth",
    "than",
    "thanksgiving",
    "that",
    "the",
    "these",
    "third",
    "thirteen",
    "thirty",
    "this",
    "those",
    "three",
    "through",
    "thu",
    "thurs",
    "thursday",
    "till",
    "times",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tue",
    "tues",
    "tuesday",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "twice",
    "two",
    "until",
    "up",
    "upcoming",
    "utc",
    "wed",
    "wednesday",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "winter",
    "year",
    "yearly",
    "years",
    "yesterday",
    "yr",
    "yrs",
];

/// A Bloom filter over WORDS (8192 bits, two FNV-1a probes): about one
/// unknown word in three hundred gets past it to the long `match`.
fn may_be_word(w: &str) -> bool {
    const BITS: u64 = 8192;
    fn probes(w: &str) -> (usize, usize) {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in w.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        ((h % BITS) as usize, ((h >> 32) % BITS) as usize)
    }
    static FILTER: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let filter = FILTER.get_or_init(|| {
        let mut f = vec![0u64; (BITS / 64) as usize];
        for w in WORDS {
            let (a, b) = probes(w);
            f[a / 64] |= 1 << (a % 64);
            f[b / 64] |= 1 << (b % 64);
        }
        f
    });
    let (a, b) = probes(w);
    filter[a / 64] & (1 << (a % 64)) != 0 && filter[b / 64] & (1 << (b % 64)) != 0
}

/// The meaning of a lowercased word.
pub(super) fn word(w: &str) -> Option<Lex> {
    use Key::*;
    if !may_be_word(w) {
        return None;
    }
    let unit = |unit, plural| Some(Lex::Unit { unit, plural });
    Some(match w {
        "january" | "jan" => Lex::Month {
            n: 1,
            ambiguous: false,
        },
        "february" | "feb" => Lex::Month {
            n: 2,
            ambiguous: false,
        },
        "march" => Lex::Month {
            n: 3,
            ambiguous: true,
        },
        "mar" => Lex::Month {
            n: 3,
            ambiguous: false,
        },
        "april" | "apr" => Lex::Month {
            n: 4,
            ambiguous: false,
        },
        "may" => Lex::Month {
            n: 5,
            ambiguous: true,
        },
        "june" | "jun" => Lex::Month {
            n: 6,
            ambiguous: false,
        },
        "july" | "jul" => Lex::Month {
            n: 7,
            ambiguous: false,
        },
        "august" | "aug" => Lex::Month {
            n: 8,
            ambiguous: false,
        },
        "september" | "sept" | "sep" => Lex::Month {
            n: 9,
            ambiguous: false,
        },
        "october" | "oct" => Lex::Month {
            n: 10,
            ambiguous: false,
        },
        "november" | "nov" => Lex::Month {
            n: 11,
            ambiguous: false,
        },
        "december" | "dec" => Lex::Month {
            n: 12,
            ambiguous: false,
        },
        "monday" | "mon" => Lex::Weekday(1),
        "tuesday" | "tue" | "tues" => Lex::Weekday(2),
        "wednesday" | "wed" => Lex::Weekday(3),
        "thursday" | "thu" | "thurs" => Lex::Weekday(4),
        "friday" | "fri" => Lex::Weekday(5),
        "saturday" | "sat" => Lex::Weekday(6),
        "sunday" | "sun" => Lex::Weekday(7),
        "a" | "an" => Lex::Article,
        "second" | "seconds" => unit(Unit::Second, w.ends_with('s'))?,
        "minute" | "minutes" | "min" | "mins" => unit(Unit::Minute, w.ends_with('s'))?,
        "hour" | "hours" | "hrs" => unit(Unit::Hour, w.ends_with('s'))?,
        "day" | "days" => unit(Unit::Day, w.ends_with('s'))?,
        "weekend" | "weekends" => unit(Unit::Weekend, w.ends_with('s'))?,
        "week" | "weeks" => unit(Unit::Week, w.ends_with('s'))?,
        "month" | "months" => unit(Unit::Month, w.ends_with('s'))?,
        "quarter" | "quarters" => unit(Unit::Quarter, w.ends_with('s'))?,
        "year" | "years" | "yr" | "yrs" => unit(Unit::Year, w.ends_with('s'))?,
        "decade" | "decades" => unit(Unit::Decade, w.ends_with('s'))?,
        "millennium" | "millennia" => unit(Unit::Millennium, w == "millennia")?,
        "spring" => Lex::Season(Season::Spring),
        "summer" => Lex::Season(Season::Summer),
        "fall" | "autumn" => Lex::Season(Season::Fall),
        "winter" => Lex::Season(Season::Winter),
        "morning" | "mornings" => Lex::DayPart(DayPart::Morning),
        "afternoon" | "afternoons" => Lex::DayPart(DayPart::Afternoon),
        "evening" | "evenings" => Lex::DayPart(DayPart::Evening),
        "night" | "nights" | "overnight" => Lex::DayPart(DayPart::Night),
        "several" | "few" | "many" | "numerous" | "some" => Lex::Vague,
        "the" => Lex::Key(The),
        "this" | "these" => Lex::Key(This),
        "that" | "those" => Lex::Key(That),
        "last" => Lex::Key(Last),
        "next" => Lex::Key(Next),
        "past" => Lex::Key(Past),
        "coming" | "upcoming" => Lex::Key(Coming),
        "previous" | "prior" | "preceding" => Lex::Key(Previous),
        "following" | "ensuing" => Lex::Key(Following),
        "same" => Lex::Key(Same),
        "current" | "present" => Lex::Key(Current),
        "latest" => Lex::Key(Latest),
        "recent" => Lex::Key(Recent),
        "early" => Lex::Key(Early),
        "late" => Lex::Key(Late),
        "mid" => Lex::Key(Mid),
        "earlier" => Lex::Key(Earlier),
        "later" => Lex::Key(Later),
        "ago" => Lex::Key(Ago),
        "before" => Lex::Key(Before),
        "after" => Lex::Key(After),
        "from" => Lex::Key(From),
        "now" => Lex::Key(Now),
        "today" => Lex::Key(Today),
        "tonight" => Lex::Key(Tonight),
        "yesterday" => Lex::Key(Yesterday),
        "tomorrow" => Lex::Key(Tomorrow),
        "currently" => Lex::Key(Currently),
        "recently" | "lately" => Lex::Key(Recently),
        "nowadays" => Lex::Key(Nowadays),
        "future" => Lex::Key(Future),
        "end" | "close" => Lex::Key(End),
        "beginning" => Lex::Key(Beginning),
        "start" => Lex::Key(Start),
        "middle" => Lex::Key(Middle),
        "of" => Lex::Key(Of),
        "fiscal" => Lex::Key(Fiscal),
        "every" => Lex::Key(Every),
        "each" => Lex::Key(Each),
        "per" => Lex::Key(Per),
        "daily" => Lex::Key(Daily),
        "weekly" => Lex::Key(Weekly),
        "monthly" => Lex::Key(Monthly),
        "yearly" | "annually" => Lex::Key(Yearly),
        "quarterly" => Lex::Key(Quarterly),
        "hourly" => Lex::Key(Hourly),
        "nightly" => Lex::Key(Nightly),
        "noon" => Lex::Key(Noon),
        "midnight" => Lex::Key(Midnight),
        "midday" => Lex::Key(Midday),
        "a.m." | "am" | "a.m" => Lex::Key(Am),
        "p.m." | "pm" | "p.m" => Lex::Key(Pm),
        "almost" | "nearly" | "roughly" | "approximately" | "barely" => Lex::Key(Approx),
        "about" | "around" => Lex::Key(About),
        "least" => Lex::Key(Least),
        "at" => Lex::Key(At),
        "up" => Lex::Key(Up),
        "to" => Lex::Key(To),
        "right" => Lex::Key(Right),
        "near" => Lex::Key(Near),
        "century" | "centuries" => unit(Unit::Century, w.ends_with('s'))?,
        "more" => Lex::Key(More),
        "less" | "fewer" => Lex::Key(Less),
        "than" => Lex::Key(Than),
        "over" => Lex::Key(Over),
        "and" => Lex::Key(And),
        "or" => Lex::Key(Or),
        "so" => Lex::Key(So),
        "couple" => Lex::Key(Couple),
        "half" => Lex::Key(Half),
        "period" | "periods" => Lex::Key(Period),
        "old" => Lex::Key(Old),
        "long" => Lex::Key(Long),
        "thanksgiving" => Lex::Key(Thanksgiving),
        "election" => Lex::Key(Election),
        "christmas" => Lex::Key(Christmas),
        "easter" => Lex::Key(Easter),
        "eve" => Lex::Key(Eve),
        "times" => Lex::Key(Times),
        "twice" => Lex::Key(Twice),
        "once" => Lex::Key(Once),
        "other" => Lex::Key(Other),
        "in" => Lex::Key(In),
        "on" => Lex::Key(On),
        "since" => Lex::Key(Since),
        "until" | "till" | "through" => Lex::Key(Until),
        "edt" | "est" | "gmt" | "utc" | "et" | "pst" | "pdt" | "cst" | "cdt" | "bst" | "cet" => {
            Lex::Key(Zone)
        }
        "first" => Lex::Ordinal(1),
        "third" => Lex::Ordinal(3),
        "fourth" => Lex::Ordinal(4),
        "fifth" => Lex::Ordinal(5),
        "sixth" => Lex::Ordinal(6),
        "seventh" => Lex::Ordinal(7),
        "eighth" => Lex::Ordinal(8),
        "ninth" => Lex::Ordinal(9),
        "tenth" => Lex::Ordinal(10),
        "eleventh" => Lex::Ordinal(11),
        "twelfth" => Lex::Ordinal(12),
        "twentieth" => Lex::Ordinal(20),
        "final" => Lex::Ordinal(99),
        _ => Lex::NumWord(number_word(w)?),
    })
}

/// Cardinals written as words, "one" to "ninety" and the round ones.
pub(super) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// A count written as digits or one number word, incl. "twenty-four".
pub(super) fn count(w: &str) -> Option<u32> {
    if !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    let mut buf = [0u8; 24];
    let w = lower(w, &mut buf)?;
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (number_word(a)?, number_word(b)?);
        return (a % 10 == 0 && a >= 20 && b < 10).then_some(a + b);
    }
    match w {
        "a" | "an" => Some(1),
        _ => number_word(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_classified_case_insensitively() {
        for (w, want) in [
            ("Sept", "Month { n: 9, ambiguous: false }"),
            ("MAY", "Month { n: 5, ambiguous: true }"),
            ("Friday", "Weekday(5)"),
            ("years", "Unit { unit: Year, plural: true }"),
            ("WINTER", "Season(Winter)"),
            ("1998", "Number"),
            ("3rd", "Ordinal(3)"),
            ("third-quarter", "Compound"),
            ("Zürich", "Other"),
        ] {
            assert_eq!(format!("{:?}", lex(w)), want, "{w}");
        }
    }

    #[test]
    fn the_word_list_covers_every_word_the_lexicon_knows() {
        // Every quoted word in `word` and `number_word` must be in WORDS,
        // or the filter would hide it.
        let src = include_str!("lexicon.rs");
        let start = src.find("pub(super) fn word(").unwrap_or(0);
        let end = src
            .find("/// A count written as digits")
            .unwrap_or(src.len());
        let body = &src[start..end];
        let mut missing = Vec::new();
        for piece in body.split('"').skip(1).step_by(2) {
            if !piece.is_empty()
                && piece.bytes().all(|b| b.is_ascii_lowercase() || b == b'.')
                && !WORDS.contains(&piece)
            {
                missing.push(piece);
            }
        }
        assert!(missing.is_empty(), "add to WORDS: {missing:?}");
        for w in WORDS {
            assert!(word(w).is_some(), "{w} is listed but unknown");
        }
    }

    #[test]
    fn counts_read_digits_and_words() {
        assert_eq!(count("twenty-four"), Some(24));
        assert_eq!(count("Two"), Some(2));
        assert_eq!(count("14"), Some(14));
        assert_eq!(count("an"), Some(1));
        assert_eq!(count("four-twenty"), None);
    }
}
