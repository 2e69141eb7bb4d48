//! Summed feature weights: what tagging computes instead of the features
//! themselves. Most features depend on one word or on the shapes around a
//! token only, so their weights are summed once per word and per shape
//! context for the whole document ([`Extractor::sentence_sums`]).

use std::ops::Range;

use factlens_kit::gazetteer::Gazetteer;

use super::templates::{
    gaz_features, gaz_shape_feature, pair_features, seen_feature, seen_index, shape_features,
    word_at, word_in, Pair,
};
use super::word::{pad_word, Casing};
use super::{Extractor, LABELS};

/// At most this many word pairs have their weights kept (about 5 MB).
pub(super) const PAIR_CACHE: usize = 1 << 16;

/// Number of labels.
pub(super) const N: usize = LABELS.len();

/// Summed weights of a group of features, by label. A group has at most
/// 13 features of one-byte weights, so the sums fit in 16 bits; so do
/// those of all the features of a token (at most 22 from words, 1 for
/// the casing, 5 of shapes, 5 of pairs, 36 of gazetteers and 2 more:
/// 71 * 128 < 32768), which are therefore added up in 16 bits too.
pub(super) type Row = [i16; N];

/// The sum of the weights (`add`) of the features that `emit` gives.
pub(super) fn row(
    add: &impl Fn(u32, &mut [i32; N]),
    emit: impl FnOnce(&mut dyn FnMut(u32)),
) -> [i32; N] {
    let mut sum = [0; N];
    emit(&mut |x| add(x, &mut sum));
    sum
}

#[allow(
    clippy::expect_used,
    reason = "the trainer quantizes the embedded model so that every group sum fits"
)]
pub(super) fn narrow(sum: [i32; N]) -> Row {
    sum.map(|v| i16::try_from(v).expect("a feature group's weights fit in 16 bits"))
}

pub(super) fn plus(sum: &mut Row, row: &Row) {
    for (s, &r) in sum.iter_mut().zip(row) {
        *s += r;
    }
}

/// A word's feature weights, summed once per document.
pub(super) struct WordRows {
    /// What the word gives tokens at offsets -2, -1, 1 and 2 from it.
    pub(super) near: [Row; 4],
    /// Its own features, by sentence casing (`Casing as usize - 1`).
    pub(super) own: [Row; 3],
    /// Its pair features with padding: first in a sentence
    /// (`Pair::Second`), last (`Pair::First`), and the `Pair::After`
    /// features it gives the second token after it when it is first.
    pub(super) edges: [Row; 3],
}

/// Offsets of the neighbours whose words a token's features read.
pub(super) const NEAR: [isize; 4] = [-2, -1, 1, 2];

impl Extractor {
    /// For each token of sentence `k` (tokens `s`) after `begin`, the sum
    /// of the weights of its features, given by `add` (which adds a
    /// feature's weights to a sum): what adding up those of `sentence`
    /// gives, exactly, but cheaper. Most features depend on one word (the
    /// token's or a neighbour's) or on the shapes around the token only,
    /// so their sums are kept per word and per shape context for the
    /// whole document; only the rest are looked up token by token.
    pub fn sentence_sums(
        &mut self,
        words: &[&str],
        k: usize,
        s: Range<usize>,
        gazetteer: &Gazetteer,
        add: &impl Fn(u32, &mut [i32; N]),
        out: &mut Vec<[i32; N]>,
    ) {
        self.prepare(words, s.clone(), gazetteer);
        if self.rows.is_empty() {
            self.word_rows(add);
        }
        self.pairs.clear();
        for j in s.start + 1..s.end {
            let key = (self.ids[j - 1], self.ids[j]);
            let rows = match self.pair_rows.get(&key) {
                Some(&rows) => rows,
                None => {
                    let (a, b) = (
                        self.vocab[key.0 as usize].pieces.pair_word(),
                        self.vocab[key.1 as usize].pieces.pair_word(),
                    );
                    let rows = [Pair::First, Pair::Second, Pair::After]
                        .map(|to| narrow(row(add, |f| pair_features(to, a, b, f))));
                    if self.pair_rows.len() < PAIR_CACHE {
                        self.pair_rows.insert(key, rows);
                    }
                    rows
                }
            };
            self.pairs.push(rows);
        }
        let casing = self.casings[k];
        // The sentence's words with two paddings either side (the last
        // row), and its gazetteer matches with none either side.
        let pad = (self.rows.len() - 1) as u32;
        self.padded.clear();
        self.padded.extend(
            [pad, pad]
                .iter()
                .chain(&self.ids[s.clone()])
                .chain(&[pad, pad]),
        );
        self.padded_gaz();
        let ids = &self.ids[s.clone()];
        out.clear();
        for (i, &id) in ids.iter().enumerate() {
            let word = &self.rows[id as usize];
            let mut sum = word.own[casing as usize - 1];
            // The pairs (i - 1, i), (i, i + 1) and (i - 2, i - 1).
            plus(
                &mut sum,
                if i >= 1 {
                    &self.pairs[i - 1][1]
                } else {
                    &word.edges[0]
                },
            );
            plus(
                &mut sum,
                if i + 1 < ids.len() {
                    &self.pairs[i][0]
                } else {
                    &word.edges[1]
                },
            );
            plus(
                &mut sum,
                if i >= 2 {
                    &self.pairs[i - 2][2]
                } else if i == 1 {
                    &self.rows[ids[0] as usize].edges[2]
                } else {
                    &self.pad_after
                },
            );
            let around = &self.padded[i..i + 5];
            for (slot, d) in NEAR.into_iter().enumerate() {
                plus(
                    &mut sum,
                    &self.rows[around[(d + 2) as usize] as usize].near[slot],
                );
            }
            let c = self.shape_context(i, casing);
            plus(
                &mut sum,
                self.shape_rows
                    .entry(c)
                    .or_insert_with(|| narrow(row(add, |f| shape_features(&c, f)))),
            );
            // What `context` gives, by cached groups but for the one
            // feature that reads the token's shape.
            let gaz = &self.gaz_around[i..i + 3];
            if gaz != [(0, 0); 3] {
                for (d, &g) in (-1..=1isize).zip(gaz) {
                    if g != (0, 0) {
                        let key = ((d + 1) as u32) << 16 | u32::from(g.0) << 8 | u32::from(g.1);
                        plus(
                            &mut sum,
                            self.gaz_rows
                                .entry(key)
                                .or_insert_with(|| narrow(row(add, |f| gaz_features(d, g, f)))),
                        );
                    }
                }
            }
            if let Some(seen) = self.seen_at(&s, i) {
                let slot = &mut self.seen_rows[seen_index(seen, i == 0, casing)];
                plus(
                    &mut sum,
                    slot.get_or_insert_with(|| {
                        narrow(row(add, |f| seen_feature(seen, i == 0, casing, f)))
                    }),
                );
            }
            let mut sum = sum.map(i32::from);
            if self.gaz[i] != (0, 0) {
                add(
                    gaz_shape_feature(self.gaz[i], self.vocab[id as usize].pieces.shape),
                    &mut sum,
                );
            }
            out.push(sum);
        }
    }

    /// The weights of every word of the document given to `begin`, by
    /// `vocab` index, then those of the padding.
    fn word_rows(&mut self, add: &impl Fn(u32, &mut [i32; N])) {
        for w in &self.vocab {
            let p = &w.pieces;
            let own = row(add, |f| word_at(0, Some(p), f));
            let by_casing = |c: Casing| {
                let mut sum = row(add, |f| word_in(c, p, f));
                sum.iter_mut().zip(own).for_each(|(s, o)| *s += o);
                narrow(sum)
            };
            let pair = |to: Pair, a: (u64, u64), b: (u64, u64)| {
                narrow(row(add, |f| pair_features(to, a, b, f)))
            };
            let me = p.pair_word();
            self.rows.push(WordRows {
                near: NEAR.map(|d| narrow(row(add, |f| word_at(d, Some(p), f)))),
                own: [Casing::Normal, Casing::Title, Casing::Upper].map(by_casing),
                edges: [
                    pair(Pair::Second, pad_word(-1), me),
                    pair(Pair::First, me, pad_word(1)),
                    pair(Pair::After, pad_word(-2), me),
                ],
            });
        }
        // The padding, as a word that only has neighbours.
        self.rows.push(WordRows {
            near: NEAR.map(|d| narrow(row(add, |f| word_at(d, None, f)))),
            own: [[0; N]; 3],
            edges: [[0; N]; 3],
        });
        self.pad_after = narrow(row(add, |f| {
            pair_features(Pair::After, pad_word(-2), pad_word(-1), f)
        }));
    }

    /// The gazetteer matches of the current sentence's tokens, with none
    /// before and after it.
    fn padded_gaz(&mut self) {
        self.gaz_around.clear();
        self.gaz_around.push((0, 0));
        self.gaz_around.extend_from_slice(&self.gaz);
        self.gaz_around.push((0, 0));
    }
}
