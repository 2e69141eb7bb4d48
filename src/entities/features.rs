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

use std::hash::Hasher;
use std::ops::Range;

use factlens_kit::gazetteer::{fold, word_key, Gazetteer, GAZ_CATEGORIES};
use factlens_kit::hash::{mix, Fnv, HashedMap};

/// How a sentence is cased: running text, a Title Case headline, or ALL CAPS.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Casing {
    Normal = 1,
    Title = 2,
    Upper = 3,
}

/// Word-level pieces of one token, hashed once.
#[derive(Clone, Copy, Default)]
struct Pieces {
    cased: u64,
    lower: u64,
    shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// Starts with an upper-case letter.
    cap: bool,
    /// Has no letter at all.
    nonletter: bool,
}

const PAD: u64 = 0x5a5a_5a5a;

impl Pieces {
    /// What pair features read of a word: its lower-case and shape hashes.
    fn pair_word(&self) -> (u64, u64) {
        (self.lower, self.shape)
    }
}

/// What pair features read of the padding at offset `d` beyond a sentence.
fn pad_word(d: isize) -> (u64, u64) {
    (PAD ^ d as u64, PAD ^ d as u64)
}

fn pieces(w: &str, flags: Flags) -> Pieces {
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
struct Flags {
    /// Starts with an upper-case letter.
    cap: bool,
    /// Has letters and no lower-case letter.
    upper: bool,
    /// Has no letter at all.
    nonletter: bool,
}

fn flags(w: &str) -> Flags {
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

fn casing(p: &[Flags]) -> Casing {
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

/// How a word is seen across the document, for consistency features.
#[derive(Clone, Copy, Default)]
struct Seen {
    /// Written in lower case somewhere.
    lower: bool,
    /// Capitalized somewhere not at the start of a sentence, in running text.
    cap_inside: bool,
}

/// One distinct word of a document: what all its tokens share.
struct Word {
    pieces: Pieces,
    /// Its `word_key`, and the index of that key among the document's.
    key: u64,
    key_index: u32,
    flags: Flags,
}

/// The template part of a feature hash.
const fn t(id: u64) -> u64 {
    id << 32
}

/// Features of a token that depend on the word at offset `d` (-2..=2)
/// from it alone; `p` is `None` beyond the sentence.
fn word_at(d: isize, p: Option<&Pieces>, f: &mut dyn FnMut(u32)) {
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
fn word_in(casing: Casing, p: &Pieces, f: &mut dyn FnMut(u32)) {
    f(mix(&[t(14), casing as u64, p.lower]));
}

/// What the shape features of a token depend on: the shapes of it and
/// its neighbours, and the sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShapeContext {
    /// Shapes at offsets -1, 0, 1 (padding beyond the sentence).
    shapes: [u64; 3],
    first: bool,
    casing: Casing,
    numeric: bool,
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

fn shape_features(c: &ShapeContext, f: &mut dyn FnMut(u32)) {
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
fn gaz_features(d: isize, (b, n): (u8, u8), f: &mut dyn FnMut(u32)) {
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
fn gaz_shape_feature((b, n): (u8, u8), shape: u64) -> u32 {
    mix(&[t(20), u64::from(b), u64::from(n), shape])
}

/// The feature of a capitalized word seen so across the document, first
/// in its sentence or not, in a sentence of a given casing.
fn seen_feature(seen: Seen, first: bool, casing: Casing, f: &mut dyn FnMut(u32)) {
    f(mix(&[
        t(16),
        u64::from(seen.lower),
        u64::from(seen.cap_inside),
        u64::from(first),
        casing as u64,
    ]));
}

/// The index of a `seen_feature` among all 24.
fn seen_index(seen: Seen, first: bool, casing: Casing) -> usize {
    ((usize::from(seen.lower) * 2 + usize::from(seen.cap_inside)) * 2 + usize::from(first)) * 3
        + (casing as usize - 1)
}

/// Which token a pair of neighbouring words gives features to: the
/// first word's, the second's, or the one after the pair.
#[derive(Clone, Copy)]
enum Pair {
    First,
    Second,
    After,
}

/// The features that the words `a` then `b` (lower-case and shape hashes,
/// padding beyond the sentence) give the token `to`.
fn pair_features(to: Pair, (la, sa): (u64, u64), (lb, sb): (u64, u64), f: &mut dyn FnMut(u32)) {
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

/// At most this many word pairs have their weights kept (about 5 MB).
const PAIR_CACHE: usize = 1 << 16;

/// Number of labels.
const N: usize = LABELS.len();

/// Summed weights of a group of features, by label. A group has at most
/// 13 features of one-byte weights, so the sums fit in 16 bits; so do
/// those of all the features of a token (at most 22 from words, 1 for
/// the casing, 5 of shapes, 5 of pairs, 36 of gazetteers and 2 more:
/// 71 * 128 < 32768), which are therefore added up in 16 bits too.
type Row = [i16; N];

/// The sum of the weights (`add`) of the features that `emit` gives.
fn row(add: &impl Fn(u32, &mut [i32; N]), emit: impl FnOnce(&mut dyn FnMut(u32))) -> [i32; N] {
    let mut sum = [0; N];
    emit(&mut |x| add(x, &mut sum));
    sum
}

fn narrow(sum: [i32; N]) -> Row {
    sum.map(|v| i16::try_from(v).expect("a feature group's weights fit in 16 bits"))
}

fn plus(sum: &mut Row, row: &Row) {
    for (s, &r) in sum.iter_mut().zip(row) {
        *s += r;
    }
}

/// A word's feature weights, summed once per document.
struct WordRows {
    /// What the word gives tokens at offsets -2, -1, 1 and 2 from it.
    near: [Row; 4],
    /// Its own features, by sentence casing (`Casing as usize - 1`).
    own: [Row; 3],
    /// Its pair features with padding: first in a sentence
    /// (`Pair::Second`), last (`Pair::First`), and the `Pair::After`
    /// features it gives the second token after it when it is first.
    edges: [Row; 3],
}

/// Offsets of the neighbours whose words a token's features read.
const NEAR: [isize; 4] = [-2, -1, 1, 2];

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
