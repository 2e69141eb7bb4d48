//! Check-worthiness: a hashed n-gram logistic model over one sentence (or
//! a claim's content), trained on CheckThat! 2024 by
//! `tools/src/bin/train-checkworthy.rs`.
//!
//! Wire format (little endian), after the common header
//! ([`factlens_kit::wire`]: magic `FLWORTHY`, version, the command): table
//! bits u8, scale f32, bias f32, the raw score threshold f32 chosen by the
//! trainer, then a dense table of `2^bits` i8 weights.
//! The probability is calibrated so that the threshold maps to 0.5.
//! Version 2 added the word-class counts to the features (version 1
//! models do not load: their rows mean other features).

use std::ops::Range;
use std::sync::OnceLock;

use factlens_kit::wire::{DenseTable, ModelError, Reader};

use super::features::{mix, word_hash, Sink};
use crate::text::{Text, TokenKind};

pub(crate) const MAGIC: &[u8; 8] = b"FLWORTHY";
pub(crate) const VERSION: u32 = 2;

pub(crate) struct Worthy<'a> {
    scale: f32,
    bias: f32,
    threshold: f32,
    weights: DenseTable<'a>,
}

impl<'a> Worthy<'a> {
    pub fn load(buf: &'a [u8]) -> Result<Worthy<'a>, ModelError> {
        let mut r = Reader::new("check-worthiness", buf);
        r.header(MAGIC, VERSION)?;
        let bits = r.u8()?;
        let (scale, bias, threshold) = (r.f32()?, r.f32()?, r.f32()?);
        Ok(Worthy {
            scale,
            bias,
            threshold,
            weights: r.dense(bits, 1)?,
        })
    }

    /// Check-worthiness of tokens `range` of `t`, in [0, 1]; 0.5 is the
    /// decision threshold. `hashes` are the [`word_hash`]es of `t`'s tokens.
    pub fn score(&self, t: &Text, hashes: &[u64], range: Range<usize>) -> f32 {
        let mut sum = Sum {
            model: self,
            acc: 0,
        };
        hashed_features(t, hashes, range, &mut sum);
        let z = sum.acc as f32 * self.scale + self.bias - self.threshold;
        1.0 / (1.0 + (-z).exp())
    }
}

/// The running weight sum of a sentence's features (in integers: exact).
struct Sum<'m, 'a> {
    model: &'m Worthy<'a>,
    acc: i32,
}

impl Sink for Sum<'_, '_> {
    #[inline]
    fn add(&mut self, feature: u32) {
        self.acc += i32::from(self.model.weights.row(feature)[0] as i8);
    }
}

/// Word classes counted per sentence: who speaks to whom, opinion and
/// intention, quantities, comparison. Checkable claims are about numbers,
/// records and changes; opinions, promises and questions are not.
const CLASSES: [&[&str]; 5] = [
    &[
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "we'll", "our", "us",
    ],
    &["you", "you're", "you've", "your"],
    &[
        "think",
        "believe",
        "feel",
        "hope",
        "want",
        "should",
        "must",
        "need",
        "going",
        "gonna",
        "let's",
        "let",
        "please",
        "thank",
        "thanks",
        "great",
        "wonderful",
        "terrible",
        "love",
        "agree",
        "disagree",
        "happy",
        "proud",
        "sorry",
        "question",
        "will",
        "would",
        "can",
    ],
    &[
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "percent",
        "dollars",
        "half",
        "double",
        "twice",
        "times",
        "number",
        "numbers",
        "rate",
        "average",
        "tax",
        "taxes",
        "jobs",
        "%",
        "$",
    ],
    &[
        "more",
        "less",
        "fewer",
        "most",
        "least",
        "higher",
        "lower",
        "highest",
        "lowest",
        "biggest",
        "largest",
        "smallest",
        "best",
        "worst",
        "record",
        "increase",
        "increased",
        "decrease",
        "cut",
        "cuts",
        "raised",
        "rose",
        "fell",
        "never",
        "ever",
        "first",
        "only",
        "every",
        "all",
        "nobody",
        "no",
        "nothing",
        "always",
    ],
];
const QUANTITY: usize = 3;
/// Counted besides the word lists: past participles, capitalized words
/// inside the sentence (names), question marks.
const PAST: usize = 5;
const CAPITAL: usize = 6;
const QUESTION: usize = 7;

/// Slots of the open-addressing table of listed words (a power of two,
/// about four times the number of words, so that a probe mostly ends at
/// the first slot).
const SLOTS: usize = 512;

/// The class bits of each listed word, keyed by `word_hash` (0: empty).
fn class_table() -> &'static [(u64, u8); SLOTS] {
    static T: OnceLock<[(u64, u8); SLOTS]> = OnceLock::new();
    T.get_or_init(|| {
        let mut table = [(0u64, 0u8); SLOTS];
        for (k, list) in CLASSES.iter().enumerate() {
            for w in list.iter() {
                let h = word_hash(w);
                let mut i = h as usize % SLOTS;
                while table[i].0 != 0 && table[i].0 != h {
                    i = (i + 1) % SLOTS;
                }
                table[i] = (h, table[i].1 | 1 << k);
            }
        }
        table
    })
}

/// The class bits of the word with hash `h` (0 when it is in no list).
fn class_of(table: &[(u64, u8); SLOTS], h: u64) -> u8 {
    let mut i = h as usize % SLOTS;
    loop {
        match table[i] {
            (0, _) => return 0,
            (k, bits) if k == h => return bits,
            _ => i = (i + 1) % SLOTS,
        }
    }
}

/// Unigrams, bigrams and the first two words of lower-cased words (numbers
/// folded), number cues, counts of word classes, and a length bucket.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn features(t: &Text, range: Range<usize>, out: &mut impl Sink) {
    // Hashes of the tokens before `range` are never read.
    let hashes: Vec<u64> = (0..range.end)
        .map(|i| {
            if range.contains(&i) {
                word_hash(t.tok(i))
            } else {
                0
            }
        })
        .collect();
    hashed_features(t, &hashes, range, out);
}

/// [`features`] of tokens `range`, given the [`word_hash`] of each token
/// of `t` in `hashes`.
fn hashed_features(t: &Text, hashes: &[u64], range: Range<usize>, out: &mut impl Sink) {
    const BOS: u64 = 0x5EED_0001;
    let table = class_table();
    let mut prev = BOS;
    let mut words = 0u64;
    let mut digits = false;
    let mut classes = [0u64; 8];
    out.add(mix(100, 0, 0));
    for i in range.clone() {
        let tok = t.tok(i);
        let kind = t.tokens[i].kind;
        if kind == TokenKind::Punct && !matches!(tok, "%" | "$" | "?" | "\u{20AC}" | "\u{00A3}") {
            continue;
        }
        let w = hashes[i];
        out.add(mix(101, w, 0));
        out.add(mix(102, prev, w));
        let bits = class_of(table, w);
        if bits != 0 {
            for (c, n) in classes.iter_mut().enumerate().take(CLASSES.len()) {
                *n += u64::from(bits >> c & 1);
            }
        }
        match kind {
            TokenKind::Number => classes[QUANTITY] += 1,
            TokenKind::Word if tok.len() > 3 && tok.ends_with("ed") => classes[PAST] += 1,
            _ => {}
        }
        if kind == TokenKind::Word
            && words > 0
            && tok.chars().next().is_some_and(char::is_uppercase)
        {
            classes[CAPITAL] += 1;
        }
        classes[QUESTION] += u64::from(tok == "?");
        if words < 2 {
            out.add(mix(103, words, w));
        }
        if kind == TokenKind::Number {
            digits = true;
            out.add(mix(104, prev, 0));
        }
        prev = w;
        words += 1;
    }
    for (k, &n) in classes.iter().enumerate() {
        out.add(mix(109, k as u64, n.min(3)));
    }
    out.add(mix(105, u64::from(digits), 0));
    let len = match words {
        0..=4 => 0,
        5..=8 => 1,
        9..=15 => 2,
        16..=25 => 3,
        _ => 4,
    };
    out.add(mix(106, len, 0));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_counts(s: &str) -> Vec<u32> {
        let t = Text::new(s);
        let mut f = Vec::new();
        features(&t, 0..t.tokens.len(), &mut f);
        f
    }

    #[test]
    fn word_classes_are_counted_whatever_the_case() {
        let table = class_table();
        let class = |w: &str| class_of(table, word_hash(w));
        assert_eq!(class("We"), 1);
        assert_eq!(class("MILLION"), 1 << QUANTITY);
        assert_eq!(class("river"), 0);
        // Two first-person words and one: different count features.
        let two = class_counts("We said our plan works.");
        let one = class_counts("We said the plan works.");
        assert!(two.contains(&mix(109, 0, 2)) && one.contains(&mix(109, 0, 1)));
        // A number counts as a quantity; a question mark is counted.
        assert!(class_counts("Is it 40 or not?").contains(&mix(109, QUANTITY as u64, 1)));
        assert!(class_counts("Is it 40 or not?").contains(&mix(109, QUESTION as u64, 1)));
    }
}
