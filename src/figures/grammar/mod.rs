//! Reads figures over the tokens of each sentence: a hedge ("about"), a
//! currency sign or code, a number (digits or words) with its scale, then
//! a currency, percent or unit of measure, and optionally a second number
//! that makes it a range ("between 3 and 5 million", "2 to 3%").
//!
//! Extents follow OntoNotes (spaCy): the hedge is inside the span, the
//! counted noun is not ("75 deputies" gives "75"). Numbers that are part
//! of a name or code ("Article 5", "Flight 17"), ages ("Smith, 45,") and
//! list markers are not figures; tokens inside dates are never read.

use super::lexicon::{
    currency_code, currency_name, currency_sign, measure_name, measure_symbol, national,
    percent_word, power_measure, symbol_scale, HEDGES,
};
use super::number::{
    fraction_word, numeral, scale, scale_word, small_word, vague_word, Num, Scale,
};
use super::value::{Amount, Currency, FigureLabel, FigureMod, FigureValue, Measure, Unit};
use crate::text::{Span, Text, TokenKind};

mod words;

/// One figure, in token indices `[start, end)`.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub label: FigureLabel,
    pub value: FigureValue,
}

/// A token lowercased into a stack buffer (ASCII tokens of at most 24
/// bytes; longer or non-ASCII tokens are never figure words).
struct Low {
    buf: [u8; 24],
    len: usize,
}

impl Low {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// One number phrase: "$1.2bn", "50 million euros", "two-thirds", "75".
#[derive(Debug, Clone, Copy)]
struct Core {
    start: usize,
    end: usize,
    /// The number as written, before scales: `None` for vague counts.
    low: Option<Num>,
    high: Option<Num>,
    /// The power of ten applied: scale words and subunits.
    pow: i32,
    scaled: bool,
    unit: Option<Unit>,
    /// A lone numeral with nothing around it, to be checked for names,
    /// codes and ages.
    bare: bool,
}

impl Core {
    fn amount(&self) -> Option<Amount> {
        let low = self.low?.scaled(self.pow).value();
        match self.high {
            Some(h) => Amount::range(low, h.scaled(self.pow).value()),
            None => Some(Amount::Number(low)),
        }
    }
}

struct Reader<'t, 'a> {
    text: &'t Text<'a>,
    /// Per token of the sentence: not inside a date.
    free: &'t [bool],
    /// The sentence's token range.
    first: usize,
    end: usize,
    /// Whether the sentence is a title-case headline, where capitals say
    /// nothing; worked out when first asked.
    title: std::cell::Cell<Option<bool>>,
}

/// Capitalized words that may stand before a count without making it
/// part of a name ("The 75 deputies", "Only 20").
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "only"
            | "just"
            | "all"
            | "and"
            | "but"
            | "of"
            | "in"
            | "with"
            | "by"
            | "for"
            | "to"
            | "at"
            | "on"
            | "from"
            | "another"
            | "those"
            | "these"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "every"
            | "each"
            | "when"
            | "while"
            | "if"
            | "as"
            | "after"
            | "before"
            | "among"
            | "including"
            | "than"
            | "least"
            | "most"
            | "nearly"
            | "almost"
            | "about"
            | "some"
            | "over"
            | "under"
            | "there"
            | "here"
            | "we"
            | "they"
            | "it"
    )
}

/// Words that can open a figure; anything else is skipped at once, with
/// one string match (most tokens of a text are words that cannot).
fn opens_figure(w: &str) -> bool {
    matches!(
        w,
        "in" | "no"
            | "not"
            | "as"
            | "a"
            | "an"
            | "more"
            | "greater"
            | "upwards"
            | "just"
            | "well"
            | "less"
            | "fewer"
            | "close"
            | "up"
            | "at"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "some"
            | "nearly"
            | "almost"
            | "over"
            | "above"
            | "under"
            | "below"
            | "between"
            | "half"
            | "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "tens"
    ) || w.contains('-') && (small_word(w).is_some() || fraction_word(w).is_some())
}

impl<'t, 'a> Reader<'t, 'a> {
    fn tok(&self, i: usize) -> &'a str {
        self.text.tok(i)
    }

    fn title_case(&self) -> bool {
        if let Some(t) = self.title.get() {
            return t;
        }
        let t = title_case(self.text, &(self.first..self.end));
        self.title.set(Some(t));
        t
    }

    /// Token `i` if it lies in the sentence and outside every date.
    fn ok(&self, i: usize) -> bool {
        i >= self.first && i < self.end && self.free[i - self.first]
    }

    fn low(&self, i: usize) -> Option<Low> {
        if !self.ok(i) {
            return None;
        }
        let t = self.tok(i).as_bytes();
        if t.len() > 24 || !t.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(t) {
            *d = s.to_ascii_lowercase();
        }
        Some(Low { buf, len: t.len() })
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.low(i).is_some_and(|l| l.as_str() == w)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tok(i).starts_with(|c: char| c.is_uppercase())
    }

    /// The figure that starts at token `i`, if any.
    fn figure(&self, i: usize) -> Option<Found> {
        let t = self.tok(i);
        if !t.as_bytes()[0].is_ascii_digit() && currency_at(t).is_none() {
            if t.len() > 13 {
                return None;
            }
            let l = self.low(i)?;
            if !opens_figure(l.as_str()) {
                return None;
            }
            if l.as_str() == "between" {
                return self.between(i);
            }
        }
        let (modifier, j) = match self.hedge(i) {
            Some((m, n)) => (Some(m), i + n),
            None => (None, i),
        };
        let c1 = self.core(j)?;
        let (end, amount, unit) = match self.range_tail(i, &c1, false) {
            Some(r) => r,
            None => {
                if modifier.is_none() && c1.bare && !self.stands_alone(&c1) {
                    return None;
                }
                (c1.end, c1.amount(), c1.unit)
            }
        };
        Some(found(i, end, amount, unit, modifier))
    }

    /// "between X and Y": a range, or nothing.
    fn between(&self, i: usize) -> Option<Found> {
        let c1 = self.core(i + 1)?;
        let (end, amount, unit) = self.range_tail(i, &c1, true)?;
        Some(found(i, end, amount, unit, None))
    }

    /// A hedge of one to three words at `i`, and how many words it has.
    fn hedge(&self, i: usize) -> Option<(FigureMod, usize)> {
        let first = self.low(i)?;
        'next: for (words, m) in HEDGES {
            if words[0] != first.as_str() {
                continue;
            }
            for (k, w) in words.iter().enumerate().skip(1) {
                if !self.is(i + k, w) {
                    continue 'next;
                }
            }
            return Some((*m, words.len()));
        }
        None
    }

    /// The second half of a range after `c1`: "- 3", "to $5bn", "and 5
    /// million" (only after "between"), "or three" (number words). Gives
    /// the end, the amount and the unit of the whole.
    fn range_tail(
        &self,
        start: usize,
        c1: &Core,
        between: bool,
    ) -> Option<(usize, Option<Amount>, Option<Unit>)> {
        let k = c1.end;
        if !self.ok(k) || c1.high.is_some() {
            return None;
        }
        let conn = self.tok(k);
        // "from 3% to 5%" is two figures.
        let from = start > 0 && self.is(start - 1, "from");
        let fits = match conn {
            "and" => between,
            "-" | "\u{2013}" | "\u{2014}" | "to" => !(between || from),
            "or" => {
                !between && c1.unit.is_none() && !self.tok(c1.start).as_bytes()[0].is_ascii_digit()
            }
            _ => false,
        };
        if !fits {
            return None;
        }
        let c2 = self.core(k + 1)?;
        if c2.high.is_some() || c1.low.is_none() || c2.low.is_none() {
            return None;
        }
        let unit = match (c1.unit, c2.unit) {
            (a, b) if a == b => a,
            (None, b) => b,
            _ => return None,
        };
        let (l, h) = (c1.low?, c2.low?);
        // "3 to 5 million": the scale of the second number is the first's.
        let pow1 = if !c1.scaled && c2.scaled && l.value() <= h.value() {
            c2.pow
        } else {
            c1.pow
        };
        let amount = Amount::range(l.scaled(pow1).value(), h.scaled(c2.pow).value())?;
        Some((c2.end, Some(amount), unit))
    }

    /// A bare numeral is a count unless it is part of a name or code
    /// ("Article 5", "No. 10"), an age ("Smith, 45,"; "aged 45") or a
    /// list marker.
    fn stands_alone(&self, c: &Core) -> bool {
        let i = c.start;
        if i > 0 {
            let p = i - 1;
            let prev = self.tok(p);
            let pk = self.text.tokens[p].kind;
            if p >= self.first
                && pk == TokenKind::Word
                && self.ok(p)
                && self.capitalized(p)
                && !self.title_case()
            {
                let l = self.low(p);
                if !l.is_some_and(|l| function_word(l.as_str())) {
                    return false;
                }
            }
            if matches!(prev, "#" | "№") || self.is(p, "aged") || self.is(p, "age") {
                return false;
            }
            if prev == "."
                && p > 0
                && matches!(
                    self.tok(p - 1),
                    "No" | "no" | "Nos" | "Art" | "Vol" | "Fig" | "p" | "pp"
                )
            {
                return false;
            }
            let next = if c.end < self.text.tokens.len() {
                self.tok(c.end)
            } else {
                ""
            };
            if p > 0
                && matches!((prev, next), (",", "," | ".") | ("(", ")"))
                && self.text.tokens[p - 1].kind == TokenKind::Word
                && self.capitalized(p - 1)
            {
                return false;
            }
        }
        if self.text.tokens[i].line_start && c.end < self.text.tokens.len() {
            let n = self.text.tokens[c.end];
            if matches!(self.tok(c.end), "." | ")") && n.span.start == self.text.tokens[i].span.end
            {
                return false;
            }
        }
        true
    }

    /// One number phrase at `i`.
    fn core(&self, i: usize) -> Option<Core> {
        if !self.ok(i) {
            return None;
        }
        let mut k = i;
        let mut currency = None;
        if let Some(c) = currency_at(self.tok(k)) {
            if !self.ok(k + 1) {
                return None;
            }
            currency = Some(c);
            k += 1;
        }
        let mut c = Core {
            start: i,
            end: k,
            low: None,
            high: None,
            pow: 0,
            scaled: false,
            unit: currency.map(Unit::Currency),
            bare: false,
        };
        let t = self.tok(k);
        let mut metre_or_million = false;
        let from_numeral = numeral(t);
        if let Some(n) = from_numeral.clone() {
            // Year ranges ("2014-2016", "2016-17") belong to the dates.
            if n.high.is_some() && n.int_digits == 4 && (1000.0..=2100.0).contains(&n.low.value()) {
                return None;
            }
            c.low = Some(n.low);
            c.high = n.high;
            c.end = k + 1;
            if !n.suffix.is_empty() {
                let mut lbuf = [0u8; 24];
                let suf = n.suffix.as_bytes();
                if suf.len() > 24 {
                    return None;
                }
                for (d, s) in lbuf.iter_mut().zip(suf) {
                    *d = s.to_ascii_lowercase();
                }
                let lower = std::str::from_utf8(&lbuf[..suf.len()]).unwrap_or("");
                match scale(lower) {
                    Some(Scale::Pow(p)) if lower != "b" || currency.is_some() => {
                        c.pow = p;
                        c.scaled = true;
                    }
                    Some(Scale::MillionOrMetre) => metre_or_million = true,
                    _ if percent_word(lower) => c.unit = Some(Unit::Percent),
                    _ => {
                        let m = measure_symbol(n.suffix).or_else(|| measure_name(lower))?;
                        if currency.is_some() {
                            return None;
                        }
                        c.pow = symbol_scale(n.suffix);
                        c.unit = Some(Unit::Measure(m));
                    }
                }
            }
        } else if let Some(w) = self.words(k) {
            c = Core { unit: c.unit, ..w };
            c.start = i;
        } else {
            return None;
        }
        if c.low.is_none() {
            return self.vague_tail(c);
        }
        // A scale word after the number: "1.5 million", "95 bn".
        if !c.scaled && (c.unit.is_none() || currency.is_some()) {
            if let Some(l) = self.low(c.end) {
                match scale(l.as_str()) {
                    Some(Scale::Pow(p)) if l.len > 1 => {
                        c.pow += p;
                        c.scaled = true;
                        c.end += 1;
                    }
                    Some(Scale::MillionOrMetre) if currency.is_some() => {
                        c.pow += 6;
                        c.scaled = true;
                        c.end += 1;
                    }
                    _ => {}
                }
            }
        }
        if metre_or_million {
            let money_after = self
                .unit_after(c.end)
                .is_some_and(|(u, _, _)| matches!(u, Unit::Currency(_)));
            if currency.is_some() || money_after || self.plural_noun(c.end) {
                c.pow += 6;
                c.scaled = true;
            } else {
                c.unit = Some(Unit::Measure(Measure::M));
            }
        }
        if c.unit.is_none() {
            if let Some((u, pow, end)) = self.unit_after(c.end) {
                c.unit = Some(u);
                c.pow += pow;
                c.end = end;
            }
        }
        c.bare = c.unit.is_none() && !c.scaled && c.end == c.start + 1 && from_numeral.is_some();
        Some(c)
    }

    /// A lowercase word of three letters or more ending in "s" that is no
    /// unit: "5m people" counts people, "5m wall" measures.
    fn plural_noun(&self, i: usize) -> bool {
        self.low(i).is_some_and(|l| {
            let w = l.as_str();
            w.len() >= 3
                && w.ends_with('s')
                && self.tok(i).starts_with(|c: char| c.is_ascii_lowercase())
                && measure_name(w).is_none()
        })
    }

    /// "dozens", "thousands", "tens of thousands"; "billions of dollars"
    /// is money and "thousands of tonnes" a quantity, with no amount.
    fn vague_tail(&self, mut c: Core) -> Option<Core> {
        if c.unit.is_some() {
            return None;
        }
        if self.is(c.end, "of")
            && self
                .low(c.end + 1)
                .is_some_and(|l| vague_word(l.as_str()) && l.as_str() != "tens")
        {
            c.end += 2;
        }
        if self.is(c.end, "of") {
            if let Some((u, _, end)) = self.unit_after(c.end + 1) {
                if u != Unit::Percent {
                    c.unit = Some(u);
                    c.end = end;
                }
            }
        }
        if self.tok(c.start).eq_ignore_ascii_case("tens") && c.end == c.start + 1 {
            return None;
        }
        Some(c)
    }
}

/// A currency sign or code that may stand before a number. Called on
/// every token: words in lower case are turned away first.
fn currency_at(t: &str) -> Option<Currency> {
    let b = t.as_bytes();
    if b.len() == 3 && b.iter().all(u8::is_ascii_uppercase) {
        return currency_code(t);
    }
    if b.len() > 4 || b[0].is_ascii_lowercase() {
        return None;
    }
    currency_sign(t)
}

fn found(
    start: usize,
    end: usize,
    amount: Option<Amount>,
    unit: Option<Unit>,
    modifier: Option<FigureMod>,
) -> Found {
    let label = match unit {
        Some(Unit::Currency(_)) => FigureLabel::Money,
        Some(Unit::Percent) => FigureLabel::Percent,
        Some(Unit::Measure(_)) => FigureLabel::Quantity,
        None => FigureLabel::Cardinal,
    };
    Found {
        start,
        end,
        label,
        value: FigureValue {
            amount,
            unit,
            modifier,
        },
    }
}

/// True when every content word of a sentence is capitalized: a headline
/// in title case ("Duma Sends 75 Deputies"), where capitals say nothing.
fn title_case(text: &Text, s: &std::ops::Range<usize>) -> bool {
    let mut words = 0;
    for i in s.clone() {
        let w = text.tok(i);
        if text.tokens[i].kind != TokenKind::Word
            || w.len() < 3
            || matches!(w, "and" | "the" | "for" | "with" | "from" | "into" | "over")
        {
            continue;
        }
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        words += 1;
    }
    words >= 3
}

/// Every figure of `text`, in order, never on a token inside one of the
/// `dates` (sorted). Which tokens are free is worked out one sentence at
/// a time, while its tokens are in the cache anyway.
pub(super) fn find(text: &Text, dates: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut free = Vec::new();
    let mut d = 0;
    for s in &text.sentences {
        free.clear();
        for t in &text.tokens[s.clone()] {
            while d < dates.len() && dates[d].end <= t.span.start {
                d += 1;
            }
            free.push(!(d < dates.len() && dates[d].overlaps(t.span)));
        }
        let r = Reader {
            text,
            free: &free,
            first: s.start,
            end: s.end,
            title: std::cell::Cell::new(None),
        };
        let mut i = s.start;
        while i < s.end {
            if !free[i - s.start] {
                i += 1;
                continue;
            }
            match r.figure(i) {
                Some(f) => {
                    i = f.end;
                    out.push(f);
                }
                None => i += 1,
            }
        }
    }
    out
}
