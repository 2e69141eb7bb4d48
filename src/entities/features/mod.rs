//! Features of the entity tagger: what the model sees of each token.
//!
//! The library tags with these features and the `train-ner` tool trains
//! on them (through `crate::entities::training`), so both sides compute
//! identical features.
//!
//! A feature is a 32-bit hash of a template and its values. Hashing keeps
//! the model small (no feature strings) and tagging cheap: every token's
//! word-level pieces (word, shape, affixes) are hashed once, and window and
//! pair features only mix those hashes, without allocating.
//!
//! Here: the document pass ([`Extractor`]: distinct words, document-level
//! statistics, features sentence by sentence). `word`: what is read of one
//! word; `templates`: the feature templates; `sums`: summed weights, what
//! tagging computes instead of the features. Word and phrase keys and the
//! gazetteer table are the tagging kit's (`factlens_kit::gazetteer`).

mod sums;
mod templates;
mod word;

use std::ops::Range;

use factlens_kit::gazetteer::{word_key, Gazetteer};
use factlens_kit::hash::HashedMap;

use sums::{Row, WordRows};
use templates::{
    gaz_features, gaz_shape_feature, pair_features, seen_feature, shape_features, word_at, word_in,
    Pair, Seen, ShapeContext,
};
use word::{casing, flags, pad_word, pieces, Casing, Flags, Pieces, PAD};

/// The features of every token of a document, flattened: token `i` has
/// `feats[offsets[i]..offsets[i + 1]]`.
#[derive(Default)]
pub struct DocFeatures {
    feats: Vec<u32>,
    offsets: Vec<usize>,
}

impl DocFeatures {
    /// The features of token `i`.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // read by training and tests
    pub fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }

    fn clear(&mut self) {
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
    }
}

/// One distinct word of a document: what all its tokens share.
struct Word {
    pieces: Pieces,
    /// Its `word_key`, and the index of that key among the document's.
    key: u64,
    key_index: u32,
    flags: Flags,
}

/// Computes features for a document, one sentence at a time: `begin`
/// reads the document-level statistics, then `sentence` gives the
/// features of one sentence, or `sentence_sums` their summed weights.
/// Only one sentence's worth of features is ever held (features of a
/// whole 1 MB article took 30 MB). `words` are the tokens' texts,
/// `sentences` ranges of token indices. Reusable buffers live here.
#[derive(Default)]
pub struct Extractor {
    /// The distinct words of the document, hashed once each.
    vocab: Vec<Word>,
    /// Each token's index in `vocab`.
    ids: Vec<u32>,
    /// The word key of every token of the document (8 bytes a token).
    keys: Vec<u64>,
    flags: Vec<Flags>,
    gaz: Vec<(u8, u8)>,
    /// The shapes of the current sentence's tokens, with the padding
    /// before and after it.
    shapes: Vec<u64>,
    /// By word key index (`Word::key_index`).
    seen: Vec<Seen>,
    /// The casing of each sentence, from `begin`.
    casings: Vec<Casing>,
    /// The current sentence has a number: result tables and scores.
    numeric: bool,
    /// For `sentence_sums`: each word's weights (by `vocab` index, then
    /// the padding's), and those of shape contexts.
    rows: Vec<WordRows>,
    /// The `Pair::After` features of the first token of a sentence.
    pad_after: Row,
    shape_rows: HashedMap<ShapeContext, Row>,
    /// Gazetteer features by offset and categories (`gaz_key`), and the
    /// 24 `seen_feature`s (`seen_index`), as they are met.
    gaz_rows: HashedMap<u32, Row>,
    seen_rows: Vec<Option<Row>>,
    /// For `sentence_sums`: the weights of word pairs by `vocab` indices
    /// (for `Pair::First`, `Second` and `After`), and those of the pairs
    /// of the current sentence, by the index of their first token.
    pair_rows: HashedMap<(u32, u32), [Row; 3]>,
    pairs: Vec<[Row; 3]>,
    /// The `rows` index of each token of the current sentence, two
    /// paddings either side, and its gazetteer matches, one either side.
    padded: Vec<u32>,
    gaz_around: Vec<(u8, u8)>,
}

impl Extractor {
    /// The `word_key` of every token of the document given to `begin`;
    /// the other buffers are freed.
    pub fn into_keys(self) -> Vec<u64> {
        self.keys
    }

    /// The features of every token of a document (for training):
    /// token `i` has `out.of(i)` when `sentences` cover the tokens in order.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // the library tags sentence by sentence
    pub fn extract(
        &mut self,
        words: &[&str],
        sentences: &[Range<usize>],
        gazetteer: &Gazetteer,
        out: &mut DocFeatures,
    ) {
        self.begin(words, sentences);
        out.clear();
        for (k, s) in sentences.iter().enumerate() {
            self.append(words, k, s.clone(), gazetteer, out);
        }
    }

    /// Reads the distinct words, how each is written across the document
    /// and how each sentence is cased; `sentence` needs all three.
    pub fn begin(&mut self, words: &[&str], sentences: &[Range<usize>]) {
        self.seen.clear();
        self.casings.clear();
        self.keys.clear();
        self.ids.clear();
        self.vocab.clear();
        self.rows.clear();
        self.shape_rows.clear();
        self.pair_rows.clear();
        self.gaz_rows.clear();
        self.seen_rows.clear();
        self.seen_rows.resize(24, None);
        let mut index: HashedMap<&str, u32> = HashedMap::default();
        let mut key_index: HashedMap<u64, u32> = HashedMap::default();
        for &w in words {
            let (vocab, seen) = (&mut self.vocab, &mut self.seen);
            let id = *index.entry(w).or_insert_with(|| {
                let (f, key) = (flags(w), word_key(w));
                let key_index = *key_index.entry(key).or_insert_with(|| {
                    seen.push(Seen::default());
                    (seen.len() - 1) as u32
                });
                vocab.push(Word {
                    pieces: pieces(w, f),
                    key,
                    key_index,
                    flags: f,
                });
                (vocab.len() - 1) as u32
            });
            self.ids.push(id);
            self.keys.push(self.vocab[id as usize].key);
        }
        for s in sentences {
            self.flags.clear();
            self.flags.extend(
                self.ids[s.clone()]
                    .iter()
                    .map(|&id| self.vocab[id as usize].flags),
            );
            let c = casing(&self.flags);
            self.casings.push(c);
            for (i, p) in s.clone().zip(&self.flags) {
                let e = &mut self.seen[self.vocab[self.ids[i] as usize].key_index as usize];
                if !p.cap && !p.nonletter && !p.upper {
                    e.lower = true;
                }
                if c == Casing::Normal && p.cap && i > s.start && !p.upper {
                    e.cap_inside = true;
                }
            }
        }
    }

    /// The features of sentence `k` (tokens `s`) after `begin`: token
    /// `s.start + i` has `out.of(i)`.
    #[cfg_attr(not(test), allow(dead_code))] // the library sums weights
    pub fn sentence(
        &mut self,
        words: &[&str],
        k: usize,
        s: Range<usize>,
        gazetteer: &Gazetteer,
        out: &mut DocFeatures,
    ) {
        out.clear();
        self.append(words, k, s, gazetteer, out);
    }

    fn append(
        &mut self,
        words: &[&str],
        k: usize,
        s: Range<usize>,
        gazetteer: &Gazetteer,
        out: &mut DocFeatures,
    ) {
        self.prepare(words, s.clone(), gazetteer);
        let casing = self.casings[k];
        for i in 0..s.len() {
            #[allow(clippy::expect_used, reason = "i is a token of the sentence s")]
            let p = self.at(&s, i, 0).expect("a token of the sentence");
            let f = &mut |x| out.feats.push(x);
            for d in -2..=2 {
                word_at(d, self.at(&s, i, d), f);
            }
            word_in(casing, p, f);
            shape_features(&self.shape_context(i, casing), f);
            pair_features(
                Pair::Second,
                self.pair_word(&s, i, -1),
                self.pair_word(&s, i, 0),
                f,
            );
            pair_features(
                Pair::First,
                self.pair_word(&s, i, 0),
                self.pair_word(&s, i, 1),
                f,
            );
            pair_features(
                Pair::After,
                self.pair_word(&s, i, -2),
                self.pair_word(&s, i, -1),
                f,
            );
            self.context(&s, i, casing, f);
            out.offsets.push(out.feats.len());
        }
    }

    /// Reads what the features of sentence `s` share: gazetteer matches
    /// and whether it has a number.
    fn prepare(&mut self, words: &[&str], s: Range<usize>, gazetteer: &Gazetteer) {
        let (vocab, ids) = (&self.vocab, &self.ids[s.clone()]);
        gazetteer.tag(
            &self.keys[s.clone()],
            |k| vocab[ids[k] as usize].pieces.cap,
            &mut self.gaz,
        );
        self.numeric = words[s]
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
        self.shapes.clear();
        self.shapes.push(PAD ^ -1isize as u64);
        self.shapes
            .extend(ids.iter().map(|&id| vocab[id as usize].pieces.shape));
        self.shapes.push(PAD ^ 1);
    }

    /// The document index of the token at offset `d` from token `i` of
    /// sentence `s`, if within the sentence.
    fn index(&self, s: &Range<usize>, i: usize, d: isize) -> Option<usize> {
        i.checked_add_signed(d)
            .filter(|&j| j < s.len())
            .map(|j| s.start + j)
    }

    fn at(&self, s: &Range<usize>, i: usize, d: isize) -> Option<&Pieces> {
        self.index(s, i, d)
            .map(|j| &self.vocab[self.ids[j] as usize].pieces)
    }

    fn shape_context(&self, i: usize, casing: Casing) -> ShapeContext {
        #[allow(clippy::expect_used, reason = "the slice is three shapes long")]
        let shapes = self.shapes[i..i + 3].try_into().expect("three shapes");
        ShapeContext {
            shapes,
            first: i == 0,
            casing,
            numeric: self.numeric,
        }
    }

    /// What the pair features read of the word at offset `d` from token
    /// `i` of sentence `s` (padding beyond it).
    fn pair_word(&self, s: &Range<usize>, i: usize, d: isize) -> (u64, u64) {
        self.at(s, i, d).map_or(pad_word(d), Pieces::pair_word)
    }

    /// The features of token `i` of sentence `s` that depend on more than
    /// one word and are neither shape nor pair features: gazetteer
    /// matches and how the word is seen across the document.
    fn context(&self, s: &Range<usize>, i: usize, casing: Casing, f: &mut dyn FnMut(u32)) {
        #[allow(clippy::expect_used, reason = "i is a token of the sentence s")]
        let p = self.at(s, i, 0).expect("a token of the sentence");
        for d in -1..=1isize {
            if let Some(j) = i.checked_add_signed(d).filter(|&j| j < s.len()) {
                gaz_features(d, self.gaz[j], f);
            }
        }
        if self.gaz[i] != (0, 0) {
            f(gaz_shape_feature(self.gaz[i], p.shape));
        }
        if let Some(seen) = self.seen_at(s, i) {
            seen_feature(seen, i == 0, casing, f);
        }
    }

    /// How the word of token `i` of sentence `s` is seen across the
    /// document, if that gives it a feature (capitalized words only).
    fn seen_at(&self, s: &Range<usize>, i: usize) -> Option<Seen> {
        let w = &self.vocab[self.ids[s.start + i] as usize];
        (w.pieces.cap && !w.pieces.nonletter).then(|| self.seen[w.key_index as usize])
    }
}

/// The tagger's labels: BIO over the four CoNLL types.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

#[cfg(test)]
mod tests {
    use super::sums::N;
    use super::*;

    #[test]
    fn sentence_features_equal_the_whole_document_features() {
        // Document-level statistics ("Boeing" seen in lower case, in a
        // title-cased or running sentence) must reach every sentence.
        let g = Gazetteer::parse("factlens-gazetteer 1\nLOC\tNew York\n").unwrap();
        let words = [
            "BOEING", "WINS", "IN", "NEW", "YORK", "Then", "boeing", "met", "New", "York", "'s",
            "Boeing", ".", "É", "3", "x",
        ];
        let sentences = [0..5, 5..13, 13..16];
        let mut whole = DocFeatures::default();
        Extractor::default().extract(&words, &sentences, &g, &mut whole);
        let mut x = Extractor::default();
        x.begin(&words, &sentences);
        let mut one = DocFeatures::default();
        for (k, s) in sentences.iter().enumerate() {
            x.sentence(&words, k, s.clone(), &g, &mut one);
            for i in s.clone() {
                assert_eq!(one.of(i - s.start), whole.of(i), "token {i}");
            }
        }
    }

    #[test]
    fn sentence_sums_equal_the_sums_of_the_features() {
        // Weights made up from the key, so that every feature counts.
        let add = |k: u32, sum: &mut [i32; N]| {
            for (y, s) in sum.iter_mut().enumerate() {
                *s += i32::from(k.rotate_left(y as u32 * 4) as i8);
            }
        };
        let g = Gazetteer::parse("factlens-gazetteer 1\nLOC\tNew York\nPER\tBoeing\n").unwrap();
        let words = [
            "BOEING", "WINS", "IN", "NEW", "YORK", "Then", "boeing", "met", "New", "York", "'s",
            "Boeing", ".", "É", "3", "x", "New", "York", "met", "Boeing", "in", "New", "York", ".",
        ];
        let sentences = [0..5, 5..13, 13..16, 16..16, 16..24];
        let mut whole = DocFeatures::default();
        Extractor::default().extract(&words, &sentences, &g, &mut whole);
        let mut x = Extractor::default();
        x.begin(&words, &sentences);
        let mut sums = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            x.sentence_sums(&words, k, s.clone(), &g, &add, &mut sums);
            assert_eq!(sums.len(), s.len());
            for i in s.clone() {
                let mut want = [0; N];
                whole.of(i).iter().for_each(|&f| add(f, &mut want));
                assert_eq!(sums[i - s.start], want, "token {i}");
            }
        }
    }

    #[test]
    fn features_are_the_same_for_the_same_context() {
        let g = Gazetteer::parse("factlens-gazetteer 1\n").unwrap();
        let mut x = Extractor::default();
        let (mut a, mut b) = (DocFeatures::default(), DocFeatures::default());
        x.extract(
            &["Mr", "Smith", "left"],
            std::slice::from_ref(&(0..3)),
            &g,
            &mut a,
        );
        x.extract(
            &["Mr", "Smith", "left", "."],
            std::slice::from_ref(&(0..4)),
            &g,
            &mut b,
        );
        assert_eq!(a.of(0), b.of(0));
        assert_ne!(a.of(1), a.of(2));
    }
}
