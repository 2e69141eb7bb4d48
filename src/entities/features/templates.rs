//! The feature templates of the entity tagger: each turns what it reads
//! (words' pieces, shapes, gazetteer matches, document statistics) into
//! hashed feature keys. Template numbers are part of the trained model.

use std::hash::Hasher;

use factlens_kit::gazetteer::GAZ_CATEGORIES;
use factlens_kit::hash::mix;

use super::word::{Casing, Pieces, PAD};

/// How a word is seen across the document, for consistency features.
#[derive(Clone, Copy, Default)]
pub(super) struct Seen {
    /// Written in lower case somewhere.
    pub(super) lower: bool,
    /// Capitalized somewhere not at the start of a sentence, in running text.
    pub(super) cap_inside: bool,
}

/// The template part of a feature hash.
const fn t(id: u64) -> u64 {
    id << 32
}

/// Features of a token that depend on the word at offset `d` (-2..=2)
/// from it alone; `p` is `None` beyond the sentence.
pub(super) fn word_at(d: isize, p: Option<&Pieces>, f: &mut dyn FnMut(u32)) {
    let pad = PAD ^ d as u64;
    f(mix(&[t(2), d as u64, p.map_or(pad, |p| p.lower)]));
    f(mix(&[t(3), d as u64, p.map_or(pad, |p| p.shape)]));
    match (d, p) {
        (-1, _) => f(mix(&[t(17), p.map_or(pad, |p| p.cased)])),
        (1, _) => f(mix(&[t(18), p.map_or(pad, |p| p.cased)])),
        (0, Some(p)) => {
            f(mix(&[t(0)]));
            f(mix(&[t(1), p.cased]));
            for k in 0..4 {
                if p.prefix[k] != PAD {
                    f(mix(&[t(4), k as u64, p.prefix[k]]));
                }
                if p.suffix[k] != PAD {
                    f(mix(&[t(5), k as u64, p.suffix[k]]));
                }
            }
        }
        _ => {}
    }
}

/// The feature of a token's word in a sentence of a given casing.
pub(super) fn word_in(casing: Casing, p: &Pieces, f: &mut dyn FnMut(u32)) {
    f(mix(&[t(14), casing as u64, p.lower]));
}

/// What the shape features of a token depend on: the shapes of it and
/// its neighbours, and the sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct ShapeContext {
    /// Shapes at offsets -1, 0, 1 (padding beyond the sentence).
    pub(super) shapes: [u64; 3],
    pub(super) first: bool,
    pub(super) casing: Casing,
    pub(super) numeric: bool,
}

impl std::hash::Hash for ShapeContext {
    fn hash<H: Hasher>(&self, h: &mut H) {
        for s in self.shapes {
            h.write_u64(s);
        }
        h.write_u64(
            u64::from(self.first) | (self.casing as u64) << 1 | u64::from(self.numeric) << 3,
        );
    }
}

pub(super) fn shape_features(c: &ShapeContext, f: &mut dyn FnMut(u32)) {
    let [s0, s1, s2] = c.shapes;
    f(mix(&[t(8), s0, s1]));
    f(mix(&[t(9), s1, s2]));
    f(mix(&[t(10), s0, s1, s2]));
    f(mix(&[t(13), u64::from(c.first), c.casing as u64, s1]));
    f(mix(&[t(21), u64::from(c.numeric), s1, s2]));
}

/// The features that the gazetteer matches of the token at offset `d`
/// give: `b` the categories of the phrase it begins, `n` of one it
/// continues.
pub(super) fn gaz_features(d: isize, (b, n): (u8, u8), f: &mut dyn FnMut(u32)) {
    if b | n == 0 {
        return;
    }
    for (bit, _) in GAZ_CATEGORIES.iter().enumerate() {
        if b & (1 << bit) != 0 {
            f(mix(&[t(15), d as u64, bit as u64, 1]));
        }
        if n & (1 << bit) != 0 {
            f(mix(&[t(15), d as u64, bit as u64, 2]));
        }
    }
}

/// The feature of a token's own gazetteer matches `(b, n)` (as for
/// `gaz_features`) with its shape.
pub(super) fn gaz_shape_feature((b, n): (u8, u8), shape: u64) -> u32 {
    mix(&[t(20), u64::from(b), u64::from(n), shape])
}

/// The feature of a capitalized word seen so across the document, first
/// in its sentence or not, in a sentence of a given casing.
pub(super) fn seen_feature(seen: Seen, first: bool, casing: Casing, f: &mut dyn FnMut(u32)) {
    f(mix(&[
        t(16),
        u64::from(seen.lower),
        u64::from(seen.cap_inside),
        u64::from(first),
        casing as u64,
    ]));
}

/// The index of a `seen_feature` among all 24.
pub(super) fn seen_index(seen: Seen, first: bool, casing: Casing) -> usize {
    ((usize::from(seen.lower) * 2 + usize::from(seen.cap_inside)) * 2 + usize::from(first)) * 3
        + (casing as usize - 1)
}

/// Which token a pair of neighbouring words gives features to: the
/// first word's, the second's, or the one after the pair.
#[derive(Clone, Copy)]
pub(super) enum Pair {
    First,
    Second,
    After,
}

/// The features that the words `a` then `b` (lower-case and shape hashes,
/// padding beyond the sentence) give the token `to`.
pub(super) fn pair_features(
    to: Pair,
    (la, sa): (u64, u64),
    (lb, sb): (u64, u64),
    f: &mut dyn FnMut(u32),
) {
    match to {
        Pair::First => {
            f(mix(&[t(7), la, lb]));
            f(mix(&[t(12), sa, lb]));
        }
        Pair::Second => {
            f(mix(&[t(6), la, lb]));
            f(mix(&[t(11), la, sb]));
        }
        Pair::After => f(mix(&[t(19), la, lb])),
    }
}
