//! What the entity features read of one word, hashed once per distinct
//! word of a document: its pieces (cased and lower-case forms, shape,
//! affixes), its case flags, and how a sentence of such words is cased.

use factlens_kit::gazetteer::fold;
use factlens_kit::hash::Fnv;

/// How a sentence is cased: running text, a Title Case headline, or ALL CAPS.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Casing {
    Normal = 1,
    Title = 2,
    Upper = 3,
}

/// Word-level pieces of one token, hashed once.
#[derive(Clone, Copy, Default)]
pub(super) struct Pieces {
    pub(super) cased: u64,
    pub(super) lower: u64,
    pub(super) shape: u64,
    pub(super) prefix: [u64; 4],
    pub(super) suffix: [u64; 4],
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// Has no letter at all.
    pub(super) nonletter: bool,
}

pub(super) const PAD: u64 = 0x5a5a_5a5a;

impl Pieces {
    /// What pair features read of a word: its lower-case and shape hashes.
    pub(super) fn pair_word(&self) -> (u64, u64) {
        (self.lower, self.shape)
    }
}

/// What pair features read of the padding at offset `d` beyond a sentence.
pub(super) fn pad_word(d: isize) -> (u64, u64) {
    (PAD ^ d as u64, PAD ^ d as u64)
}

pub(super) fn pieces(w: &str, flags: Flags) -> Pieces {
    let mut cased = Fnv::new();
    let mut lower = Fnv::new();
    let mut shape = Fnv::new().bytes(b"s");
    let mut last_shape = '\0';
    let mut shape_len = 0;
    let mut prefix = [PAD; 4];
    let mut n = 0;
    for c in w.chars() {
        let c = fold(c);
        cased = cased.ch(c);
        let l = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        let d = if c.is_ascii_digit() { '0' } else { l };
        lower = lower.ch(d);
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'x'
        } else {
            c
        };
        // Runs of one class collapse, but only after two of them, so that
        // "Xx" (a name) and "Xxx" differ from "X" (an initial).
        if s != last_shape {
            shape = shape.ch(s);
            last_shape = s;
            shape_len = 1;
        } else if shape_len < 2 {
            shape = shape.ch(s);
            shape_len += 1;
        }
        if n < 4 {
            prefix[n] = if n == 0 {
                Fnv::new().bytes(b"p")
            } else {
                Fnv::resume(prefix[n - 1])
            }
            .ch(c)
            .finish();
        }
        n += 1;
    }
    let mut suffix = [PAD; 4];
    let mut h = Fnv::new().bytes(b"x");
    for (k, c) in w.chars().rev().take(4).enumerate() {
        h = h.ch(fold(c));
        suffix[k] = h.finish();
    }
    // Affixes of the whole word are the word itself: keep them distinct
    // only for words longer than the affix.
    for k in n..4 {
        prefix[k] = PAD;
        suffix[k] = PAD;
    }
    let Flags { cap, nonletter, .. } = flags;
    Pieces {
        cased: cased.finish(),
        lower: lower.finish(),
        shape: shape.finish(),
        prefix,
        suffix,
        cap,
        nonletter,
    }
}

/// What the document-level statistics and the sentence casing need of a
/// token, without hashing anything.
#[derive(Clone, Copy, Default)]
pub(super) struct Flags {
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// Has letters and no lower-case letter.
    pub(super) upper: bool,
    /// Has no letter at all.
    pub(super) nonletter: bool,
}

pub(super) fn flags(w: &str) -> Flags {
    let (mut has_lower, mut has_upper, mut has_letter) = (false, false, false);
    for c in w.chars() {
        // `fold` maps punctuation to punctuation only, so case and
        // letterhood are those of `c` itself.
        if c.is_uppercase() {
            has_upper = true;
        } else if c.is_lowercase() {
            has_lower = true;
        }
        has_letter |= c.is_alphabetic();
    }
    Flags {
        cap: w.chars().next().is_some_and(char::is_uppercase),
        upper: has_upper && !has_lower,
        nonletter: !has_letter,
    }
}

pub(super) fn casing(p: &[Flags]) -> Casing {
    // Counted in one pass, without collecting the words (once a sentence).
    let (mut words, mut upper, mut cap) = (0, 0, 0);
    for x in p.iter().filter(|x| !x.nonletter) {
        words += 1;
        upper += usize::from(x.upper);
        cap += usize::from(x.cap);
    }
    if words < 2 {
        return Casing::Normal;
    }
    if upper * 10 >= words * 8 {
        return Casing::Upper;
    }
    if words >= 3 && cap * 10 >= words * 7 {
        return Casing::Title;
    }
    Casing::Normal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_read_case_and_letters() {
        let f = |w| {
            let x = flags(w);
            (x.cap, x.upper, x.nonletter)
        };
        assert_eq!(f("Minsk"), (true, false, false));
        assert_eq!(f("NATO"), (true, true, false));
        assert_eq!(f("iPhone"), (false, false, false));
        assert_eq!(f("3M"), (false, true, false));
        assert_eq!(f("1,000"), (false, false, true));
        assert_eq!(f("’"), (false, false, true));
        assert_eq!(f("Éire"), (true, false, false));
    }
}
