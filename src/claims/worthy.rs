//! Check-worthiness: a hashed n-gram logistic model over one sentence (or
//! a claim's content), trained on CheckThat! 2024 by
//! `tools/src/bin/train-checkworthy.rs`.
//!
//! Wire format (little endian): magic `FLWORTHY`, version u32, command
//! length u32 and the command, table bits u8, scale f32, bias f32, the raw
//! score threshold f32 chosen on dev, then `2^bits` i8 weights.
//! The probability is calibrated so that the threshold maps to 0.5.

use std::ops::Range;

use super::features::{mix, word_hash};
use super::tagger::Reader;
use crate::text::{Text, TokenKind};

pub(crate) const MAGIC: &[u8; 8] = b"FLWORTHY";
pub(crate) const VERSION: u32 = 1;

pub(crate) struct Worthy<'a> {
    mask: u32,
    scale: f32,
    bias: f32,
    threshold: f32,
    weights: &'a [u8],
}

impl<'a> Worthy<'a> {
    pub fn load(buf: &'a [u8]) -> Option<Worthy<'a>> {
        let mut r = Reader::new(buf);
        r.header(MAGIC, VERSION)?;
        let bits = r.u8()?;
        if !(8..=24).contains(&bits) {
            return None;
        }
        let (scale, bias, threshold) = (r.f32()?, r.f32()?, r.f32()?);
        let weights = r.rest();
        (weights.len() == 1usize << bits).then_some(Worthy { mask: (1u32 << bits) - 1, scale, bias, threshold, weights })
    }

    /// Check-worthiness of tokens `range` of `t`, in [0, 1]; 0.5 is the
    /// decision threshold.
    pub fn score(&self, t: &Text, range: Range<usize>, buf: &mut Vec<u32>) -> f32 {
        buf.clear();
        features(t, range, buf);
        let mut acc = 0i32;
        for &f in buf.iter() {
            acc += i32::from(self.weights[(f & self.mask) as usize] as i8);
        }
        let z = acc as f32 * self.scale + self.bias - self.threshold;
        1.0 / (1.0 + (-z).exp())
    }
}

/// Unigrams and bigrams of lower-cased words (numbers folded), number and
/// unit cues, the first words, and a length bucket.
pub(crate) fn features(t: &Text, range: Range<usize>, out: &mut Vec<u32>) {
    const BOS: u64 = 0x5EED_0001;
    let mut prev = BOS;
    let mut words = 0u64;
    let mut digits = false;
    out.push(mix(100, 0, 0));
    for i in range.clone() {
        let tok = t.tok(i);
        let kind = t.tokens[i].kind;
        if kind == TokenKind::Punct && !matches!(tok, "%" | "$" | "?" | "\u{20AC}" | "\u{00A3}") {
            continue;
        }
        let w = word_hash(tok);
        out.push(mix(101, w, 0));
        out.push(mix(102, prev, w));
        if words < 2 {
            out.push(mix(103, words, w));
        }
        if kind == TokenKind::Number {
            digits = true;
            out.push(mix(104, prev, 0));
        }
        prev = w;
        words += 1;
    }
    out.push(mix(105, u64::from(digits), 0));
    let len = match words {
        0..=4 => 0,
        5..=8 => 1,
        9..=15 => 2,
        16..=25 => 3,
        _ => 4,
    };
    out.push(mix(106, len, 0));
}
