//! What follows a number (a currency, percent or unit of measure) and
//! numbers written in words ("two million", "a quarter of", "half").

use super::*;

impl<'t, 'a> Reader<'t, 'a> {
    /// The unit after a number at `k`: percent, a currency (code, sign,
    /// name with its nationality), or a unit of measure. Gives the unit,
    /// the power of ten it brings ("cents", "bcm") and the end.
    pub(super) fn unit_after(&self, k: usize) -> Option<(Unit, i32, usize)> {
        if !self.ok(k) {
            return None;
        }
        let t = self.tok(k);
        if t == "%" {
            return Some((Unit::Percent, 0, k + 1));
        }
        if let Some(c) = currency_code(t) {
            return Some((Unit::Currency(c), 0, k + 1));
        }
        if matches!(t, "€" | "£" | "₽" | "₴" | "₹" | "₺" | "₪") {
            return Some((Unit::Currency(currency_sign(t)?), 0, k + 1));
        }
        if t == "°" {
            let m = match self.tok_at(k + 1)? {
                "C" => Measure::Celsius,
                "F" => Measure::Fahrenheit,
                _ => return None,
            };
            return Some((Unit::Measure(m), 0, k + 2));
        }
        if let Some(m) = measure_symbol(t) {
            if t == "km" && self.tok_is(k + 1, "/") && self.tok_is(k + 2, "h") {
                return Some((Unit::Measure(Measure::Kmh), 0, k + 3));
            }
            return Some((Unit::Measure(m), symbol_scale(t), k + 1));
        }
        let l = self.low(k)?;
        let w = l.as_str();
        if percent_word(w) {
            return Some((Unit::Percent, 0, k + 1));
        }
        if (w == "per" && self.is(k + 1, "cent"))
            || (w == "percentage" && (self.is(k + 1, "point") || self.is(k + 1, "points")))
        {
            return Some((Unit::Percent, 0, k + 2));
        }
        if let Some((c, pow)) = currency_name(w) {
            // "200 pounds of explosives" weighs.
            if c == Currency::Gbp && w.starts_with("pound") && self.is(k + 1, "of") {
                return Some((Unit::Measure(Measure::Lb), 0, k + 1));
            }
            let end = if c == Currency::Gbp && self.is(k + 1, "sterling") {
                k + 2
            } else {
                k + 1
            };
            return Some((Unit::Currency(c), pow, end));
        }
        // "US dollars", "Canadian dollars", "Hong Kong dollars".
        for (adj, name) in [(k, k + 1), (k + 1, k + 2)] {
            if adj == k + 1 && !matches!(w, "hong" | "new" | "south") {
                break;
            }
            if let (Some(a), Some(n)) = (self.low(adj), self.low(name)) {
                if let Some((base, pow)) = currency_name(n.as_str()) {
                    if let Some(c) = national(a.as_str(), base) {
                        return Some((Unit::Currency(c), pow, name + 1));
                    }
                }
            }
        }
        if matches!(w, "square" | "sq" | "cubic") {
            let next = self.tok_at(k + 1)?;
            let m = measure_symbol(next)
                .or_else(|| self.low(k + 1).and_then(|l| measure_name(l.as_str())))?;
            return Some((Unit::Measure(power_measure(w, m)?), 0, k + 2));
        }
        if w == "metric"
            && self
                .low(k + 1)
                .is_some_and(|l| measure_name(l.as_str()) == Some(Measure::T))
        {
            return Some((Unit::Measure(Measure::T), 0, k + 2));
        }
        if w == "degrees" {
            let m = match self.low(k + 1)?.as_str() {
                "celsius" | "c" | "centigrade" => Measure::Celsius,
                "fahrenheit" | "f" => Measure::Fahrenheit,
                _ => return None,
            };
            return Some((Unit::Measure(m), 0, k + 2));
        }
        let m = measure_name(w)?;
        if self.is(k + 1, "per") && self.is(k + 2, "hour") {
            match m {
                Measure::Km => return Some((Unit::Measure(Measure::Kmh), 0, k + 3)),
                Measure::Mi => return Some((Unit::Measure(Measure::Mph), 0, k + 3)),
                _ => {}
            }
        }
        Some((Unit::Measure(m), 0, k + 1))
    }

    pub(super) fn tok_at(&self, i: usize) -> Option<&'a str> {
        self.ok(i).then(|| self.tok(i))
    }

    pub(super) fn tok_is(&self, i: usize, s: &str) -> bool {
        self.tok_at(i) == Some(s)
    }

    /// A number in words at `k`: "two hundred and fifty thousand", "a
    /// million", "one and a half", "a quarter of", "half of",
    /// "two-thirds of", "thousands".
    pub(super) fn words(&self, k: usize) -> Option<Core> {
        let first = self.low(k)?;
        let fw = first.as_str();
        // A capitalized number word inside a sentence names something:
        // "the Five Eyes", "the Group of Seven".
        if k > self.first && self.capitalized(k) && !self.title_case() {
            return None;
        }
        let core = |end: usize, v: Option<f64>, scaled: bool| Core {
            start: k,
            end,
            low: v.map(Num::int),
            high: None,
            pow: 0,
            scaled,
            unit: None,
            bare: false,
        };
        if vague_word(fw) {
            return Some(core(k + 1, None, false));
        }
        let of = |i: usize| self.is(i, "of");
        if fw == "half" {
            let next = self.low(k + 1)?;
            return matches!(next.as_str(), "of" | "the" | "a" | "an")
                .then(|| core(k + 1, Some(0.5), false));
        }
        if let Some(f) = fraction_word(fw) {
            // "two-thirds of", "one-quarter of".
            return (fw.contains('-') && of(k + 1)).then(|| core(k + 1, Some(f), false));
        }
        if matches!(fw, "a" | "an") {
            let next = self.low(k + 1)?;
            let n = next.as_str();
            if let Some(f) = fraction_word(n) {
                return (!n.contains('-') && !n.ends_with('s') && n != "half" && of(k + 2))
                    .then(|| core(k + 2, Some(f), false));
            }
            if !(n == "hundred" || n == "dozen" || scale_word(n).is_some()) {
                return None;
            }
        }
        let (mut total, mut current, mut last_small) = (0f64, 0f64, None::<f64>);
        let mut scaled = false;
        let mut j = k;
        let mut any = false;
        while let Some(l) = self.low(j) {
            let w = l.as_str();
            if let Some(v) = small_word(w) {
                match last_small {
                    // "twenty five"
                    Some(t) if t >= 20.0 && t % 10.0 == 0.0 && v < 10.0 && v > 0.0 => {}
                    Some(_) => break,
                    None => {}
                }
                current += v;
                last_small = Some(v);
            } else if w == "hundred" {
                current = current.max(1.0) * 100.0;
                last_small = None;
            } else if w == "dozen" {
                current = current.max(1.0) * 12.0;
                last_small = None;
            } else if let Some(p) = scale_word(w) {
                total += current.max(1.0) * 10f64.powi(p);
                current = 0.0;
                scaled = true;
                last_small = None;
            } else if (w == "a" || w == "an") && j == k {
                // Counted by the word that follows.
            } else if w == "and" && any {
                if self.is(j + 1, "a") && self.is(j + 2, "half") && last_small.is_some() {
                    current += 0.5;
                    j += 3;
                    last_small = None;
                    continue;
                }
                let next_small = self.low(j + 1).and_then(|l| small_word(l.as_str()));
                if next_small.is_some() && current >= 100.0 && last_small.is_none() {
                    j += 1;
                    continue;
                }
                break;
            } else {
                break;
            }
            any = true;
            j += 1;
        }
        if !any || j == k {
            return None;
        }
        // "three quarters of", "two thirds of".
        if let (Some(n), Some(l)) = (last_small, self.low(j)) {
            if let Some(f) = fraction_word(l.as_str()).filter(|_| l.as_str().ends_with('s')) {
                return of(j + 1).then(|| core(j + 1, Some(n * f), false));
            }
        }
        let value = total + current;
        // "one" as a pronoun: "no one", "one another", "the one".
        if j == k + 1 && fw == "one" {
            let prev = (k > self.first).then(|| self.low(k - 1)).flatten();
            if prev.is_some_and(|p| {
                matches!(
                    p.as_str(),
                    "no" | "any"
                        | "every"
                        | "each"
                        | "this"
                        | "that"
                        | "the"
                        | "which"
                        | "someone"
                        | "another"
                        | "last"
                        | "only"
                )
            }) || self.is(j, "another")
            {
                return None;
            }
        }
        Some(core(j, Some(value), scaled))
    }
}
