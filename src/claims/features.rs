//! Hashed features for the attribution taggers.
//!
//! Features are never strings: each is a template number mixed with hashes
//! of lower-cased words, so extraction allocates nothing and the model is a
//! plain table indexed by `hash & mask`. The trainer (`tools/`) calls the
//! same functions through [`crate::claims::training`], so training and
//! tagging see identical features.

use std::ops::Range;

pub(crate) use factlens_kit::hash::mix2 as mix;
use factlens_kit::hash::Fnv;

use crate::text::{Text, TokenKind};

/// The tagged unit: a paragraph (a run of tokens between line breaks),
/// with the sentence index of each token.
pub(crate) struct Unit {
    pub tokens: Range<usize>,
}

/// Paragraphs of `t`: token ranges split where a token starts a line.
pub(crate) fn units(t: &Text) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=t.tokens.len() {
        if i == t.tokens.len() || t.tokens[i].line_start {
            if i > start {
                out.push(Unit { tokens: start..i });
            }
            start = i;
        }
    }
    out
}

/// For every token, the index of its sentence.
pub(crate) fn sentence_ids(t: &Text) -> Vec<u32> {
    let mut ids = vec![0u32; t.tokens.len()];
    for (k, s) in t.sentences.iter().enumerate() {
        for i in s.clone() {
            ids[i] = k as u32;
        }
    }
    ids
}

/// How [`word_hash`] hashes each ASCII byte: lower-cased, digits as `0`.
const FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            b'0'
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// FNV-1a over the lower-cased characters, digits folded to `0` so that
/// numbers share features.
#[inline]
pub(crate) fn word_hash(s: &str) -> u64 {
    // Nearly every token is ASCII: byte by byte through a table, without
    // decoding chars (the same hash for a third of the work).
    let mut h = Fnv::new();
    for &b in s.as_bytes() {
        match FOLD.get(usize::from(b)) {
            Some(&f) => h = h.byte(f),
            None => return word_hash_chars(s),
        }
    }
    h.finish()
}

/// [`word_hash`] of a word with non-ASCII characters.
#[inline(never)]
fn word_hash_chars(s: &str) -> u64 {
    let mut h = Fnv::new();
    for c in s.chars() {
        if c.is_ascii() {
            h = h.byte(FOLD[c as usize]);
        } else {
            // Curly quotes and apostrophes count as their ASCII forms.
            let c = match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                c => c,
            };
            for l in c.to_lowercase() {
                h = h.ch(l);
            }
        }
    }
    h.finish()
}

/// Where feature extraction puts each feature: a list (training) or a
/// running sum of weight rows (the recognizer, which so never stores them).
pub(crate) trait Sink {
    fn add(&mut self, feature: u32);
}

impl Sink for Vec<u32> {
    #[inline]
    fn add(&mut self, feature: u32) {
        self.push(feature);
    }
}

/// A coarse word shape: case pattern and kind.
fn shape(t: &Text, i: usize) -> u64 {
    let w = t.tok(i);
    match t.tokens[i].kind {
        TokenKind::Number => 1,
        TokenKind::Punct => 100 + word_hash(w) % 1000,
        TokenKind::Word => {
            let first = w.chars().next().is_some_and(char::is_uppercase);
            let all = w.chars().all(|c| !c.is_lowercase());
            match (first, all) {
                (true, true) if w.chars().count() > 1 => 2,
                (true, _) => 3,
                _ => 4,
            }
        }
    }
}

fn is_quote(s: &str) -> Option<i8> {
    match s {
        "\"" => Some(0),
        "\u{201C}" => Some(1),
        "\u{201D}" => Some(-1),
        _ => None,
    }
}

/// Values of the tokens of one unit, indexed by the tokens' indices in the
/// text, after and before `PAD` values of padding.
#[derive(Default)]
pub(crate) struct Window<T, const PAD: usize = 0> {
    first: usize,
    values: Vec<T>,
}

impl<T: Copy, const PAD: usize> Window<T, PAD> {
    /// The values of the tokens `r`, padded with `before` and `after`.
    fn fill(&mut self, r: Range<usize>, before: T, after: T, value: impl FnMut(usize) -> T) {
        self.first = r.start;
        self.values.clear();
        self.values.extend(std::iter::repeat(before).take(PAD));
        self.values.extend(r.map(value));
        self.values.extend(std::iter::repeat(after).take(PAD));
    }
}

impl<T: Copy> Window<T, 2> {
    /// The values of tokens `i - 2 ..= i + 2`, padding beyond the unit.
    #[allow(
        clippy::expect_used,
        reason = "the slice is five values long, so the conversion cannot fail"
    )]
    #[inline]
    pub fn around(&self, i: usize) -> [T; 5] {
        let k = i - self.first;
        <[T; 5]>::try_from(&self.values[k..k + 5]).expect("five values")
    }
}

impl<T, const PAD: usize> std::ops::Index<usize> for Window<T, PAD> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        &self.values[i - self.first + PAD]
    }
}

/// Per-token facts shared by both stages. Sentence ids and word hashes
/// cover the text (check-worthiness reads the hashes of whole sentences);
/// the rest covers the unit being tagged (see [`Base::cover`]), so that
/// no wider per-token table of a long text is held at once.
pub(crate) struct Base {
    /// Word hashes, after two [`BOS`] and before two [`EOS`].
    pub word: Window<u64, 2>,
    /// Shapes, padded with 0.
    pub shape: Window<u64, 2>,
    pub sent: Vec<u32>,
    /// [`word_hash`] of every token of the text.
    pub hashes: Vec<u64>,
    /// True inside a quotation (between opening and closing marks).
    pub quoted: Window<bool>,
}

impl Base {
    /// Sentence ids and word hashes only: [`Base::cover`] adds the rest.
    pub fn sentences(t: &Text) -> Base {
        let hashes = (0..t.tokens.len()).map(|i| word_hash(t.tok(i))).collect();
        Base {
            word: Window::default(),
            shape: Window::default(),
            sent: sentence_ids(t),
            hashes,
            quoted: Window::default(),
        }
    }

    /// Word and shape hashes and quotation state for the tokens `r` of one
    /// unit, in place of the previous unit's: features of a token read
    /// the covered unit's tokens only.
    pub fn cover(&mut self, t: &Text, r: Range<usize>) {
        self.word.fill(r.clone(), BOS, EOS, |i| self.hashes[i]);
        self.shape.fill(r.clone(), 0, 0, |i| shape(t, i));
        self.quoted.fill(r.clone(), false, false, |_| false);
        // A quotation never runs past its unit: a unit starts at a line start.
        let mut open = false;
        for i in r.clone() {
            if i > r.start && t.tokens[i].line_start {
                open = false;
            }
            match is_quote(t.tok(i)) {
                Some(0) => open = !open,
                Some(1) => open = true,
                Some(_) => open = false,
                None => self.quoted.values[i - r.start] = open,
            }
        }
    }
}

/// The word hashes of the padding before and after a unit.
pub(crate) const BOS: u64 = 0x5EED_0001;
pub(crate) const EOS: u64 = 0x5EED_0002;

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// Stage one (cue) features of token `i` in `unit`, appended to `out`:
/// the groups below, which the recognizer sums per word and per shape
/// context once per document (see [`crate::claims::tagger::CueSums`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn cue_features(t: &Text, b: &Base, unit: &Range<usize>, i: usize, out: &mut impl Sink) {
    debug_assert!(
        b.word.first == unit.start && b.word.values.len() == unit.len() + 4,
        "features of a unit not covered"
    );
    let words = b.word.around(i);
    let [_, sm1, s0, s1, _] = b.shape.around(i);
    let (first, last) = sentence_edges(b, unit, i);
    shape_features([sm1, s0, s1], b.quoted[i], first, last, out);
    own_word_features(words[2], suffix_hash(t.tok(i)), b.quoted[i], out);
    for (k, &w) in [words[0], words[1], words[3], words[4]].iter().enumerate() {
        near_word_feature(k, w, out);
    }
    pair_features(words, out);
}

/// Whether token `i` opens and whether it closes its sentence (within `unit`).
#[inline]
pub(crate) fn sentence_edges(b: &Base, unit: &Range<usize>, i: usize) -> (bool, bool) {
    let first = i == unit.start || b.sent[i] != b.sent[i - 1];
    let last = i + 1 == unit.end || b.sent[i] != b.sent[i + 1];
    (first, last)
}

/// Cue features that read only the shapes of tokens `i - 1 ..= i + 1`,
/// the quotation state and the sentence edges (and the bias feature).
pub(crate) fn shape_features(
    [sm1, s0, s1]: [u64; 3],
    quoted: bool,
    first: bool,
    last: bool,
    out: &mut impl Sink,
) {
    out.add(mix(0, 0, 0));
    out.add(mix(10, s0, 0));
    out.add(mix(11, sm1, s0));
    out.add(mix(12, s0, s1));
    out.add(mix(14, u64::from(first), u64::from(last)));
    out.add(mix(15, u64::from(quoted), s0));
}

/// Cue features that read only the token's own word: its hash `w`, the
/// hash of its last three bytes, and whether it is quoted.
pub(crate) fn own_word_features(w: u64, suffix: u64, quoted: bool, out: &mut impl Sink) {
    out.add(mix(1, w, 0));
    out.add(mix(13, suffix, 0));
    out.add(mix(16, u64::from(quoted), w));
}

/// The cue feature "word `w` at offset -2, -1, 1 or 2" (`k` 0 to 3).
#[inline]
pub(crate) fn near_word_feature(k: usize, w: u64, out: &mut impl Sink) {
    const TEMPLATES: [u64; 4] = [4, 2, 3, 5];
    out.add(mix(TEMPLATES[k], w, 0));
}

/// Cue features of two words of the window `words` (offsets -2..=2).
#[inline]
pub(crate) fn pair_features([wm2, wm1, w0, w1, w2]: [u64; 5], out: &mut impl Sink) {
    out.add(mix(6, wm1, w0));
    out.add(mix(7, w0, w1));
    out.add(mix(8, wm2, wm1));
    out.add(mix(9, w1, w2));
    out.add(mix(17, wm1, w1));
}

/// Hash of the last three bytes of `w` (whole characters).
pub(crate) fn suffix_hash(w: &str) -> u64 {
    let n = w.len();
    let mut k = n.saturating_sub(3);
    while !w.is_char_boundary(k) {
        k -= 1;
    }
    word_hash(&w[k..])
}

/// Where the predicted cues of one unit are, for stage two.
pub(crate) struct CueMap {
    /// Cue token ranges, disjoint and in text order.
    pub cues: Vec<Range<usize>>,
}

/// Stage two (source and content) features: stage one's plus the token's
/// relation to the nearest predicted cue on each side.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn role_features(
    t: &Text,
    b: &Base,
    unit: &Range<usize>,
    cues: &CueMap,
    commas: &[u32],
    i: usize,
    out: &mut impl Sink,
) {
    cue_features(t, b, unit, i, out);
    relation_features(b, unit, cues, commas, i, out);
}

/// Where token `i` stands to the predicted cues: the index in
/// [`CueMap::cues`] of the cue it is in, else of the nearest cue ending at
/// or before it and of the nearest starting after it.
pub(crate) enum Near {
    Inside(usize),
    Between {
        left: Option<usize>,
        right: Option<usize>,
    },
}

impl CueMap {
    /// By binary search, as the cues are disjoint and in text order (the
    /// spans of one tagging): a scan of every cue for every token was
    /// quadratic in a paragraph of many cues.
    pub fn near(&self, i: usize) -> Near {
        let k = self.cues.partition_point(|c| c.end <= i);
        if self.cues.get(k).is_some_and(|c| c.start <= i) {
            return Near::Inside(k);
        }
        let left = k.checked_sub(1);
        let right = (k < self.cues.len()).then_some(k);
        Near::Between { left, right }
    }
}

/// The nearest cue on one side of a token, as stage two sees it.
pub(crate) struct Side {
    /// [`LEFT`] or [`RIGHT`]: the first template number of that side.
    pub templates: u64,
    /// Distance bucket.
    pub d: u64,
    /// 1 when the cue starts in the token's sentence.
    pub same: u64,
    /// Hash of the cue's first word.
    pub cue_word: u64,
    /// Hash of the word after a left cue (its last word at the unit's
    /// end), or of the word before a right cue.
    pub edge: u64,
    /// Commas, semicolons, dashes and colons between them, at most 3.
    pub commas: u64,
}

/// Template numbers of the features of the nearest cue on the left and
/// on the right (`+ 0 ..= + 5`; `+ 6` when there is none).
pub(crate) const LEFT: u64 = 20;
pub(crate) const RIGHT: u64 = 30;

impl Side {
    /// The nearest cue on the left of token `i`, `c`.
    pub fn left(b: &Base, unit: &Range<usize>, commas: &[u32], i: usize, c: &Range<usize>) -> Side {
        Side {
            templates: LEFT,
            d: dist_bucket(i - c.end),
            same: u64::from(b.sent[c.start] == b.sent[i]),
            cue_word: b.word[c.start],
            edge: b.word[c.end.min(unit.end - 1)],
            commas: u64::from((commas[i - unit.start] - commas[c.end - 1 - unit.start]).min(3)),
        }
    }

    /// The nearest cue on the right of token `i`, `c`.
    pub fn right(
        b: &Base,
        unit: &Range<usize>,
        commas: &[u32],
        i: usize,
        c: &Range<usize>,
    ) -> Side {
        Side {
            templates: RIGHT,
            d: dist_bucket(c.start - i - 1),
            same: u64::from(b.sent[c.start] == b.sent[i]),
            cue_word: b.word[c.start],
            edge: if c.start > unit.start {
                b.word[c.start - 1]
            } else {
                BOS
            },
            commas: u64::from((commas[c.start - unit.start] - commas[i - unit.start]).min(3)),
        }
    }
}

/// The features of a side that read only its cue, the distance bucket and
/// the sentence flag (so the same for every token at that distance).
pub(crate) fn cue_side_features(s: &Side, out: &mut impl Sink) {
    out.add(mix(s.templates, s.d, s.same));
    out.add(mix(s.templates + 1, s.cue_word, s.same));
    out.add(mix(s.templates + 2, s.cue_word, s.d));
}

/// The feature of a side that reads the token's word `w0`.
pub(crate) fn token_word_feature(s: &Side, w0: u64, out: &mut impl Sink) {
    out.add(mix(s.templates + 3, w0, s.same * 10 + s.d.min(2)));
}

/// The feature of a side that reads the commas between token and cue
/// and whether the token is quoted (sixteen values a side).
pub(crate) fn commas_feature(s: &Side, quoted: bool, out: &mut impl Sink) {
    out.add(mix(
        s.templates + 4,
        s.commas,
        s.same * 10 + u64::from(quoted),
    ));
}

/// The feature of the word at the edge of a side's cue.
pub(crate) fn cue_edge_feature(s: &Side, out: &mut impl Sink) {
    out.add(mix(s.templates + 5, s.edge, s.d.min(3)));
}

/// The feature of a side without a cue.
pub(crate) fn no_cue_feature(templates: u64, out: &mut impl Sink) {
    out.add(mix(templates + 6, 0, 0));
}

/// The features of a token inside cue `c`.
pub(crate) fn inside_features(b: &Base, c: &Range<usize>, i: usize, out: &mut impl Sink) {
    out.add(mix(40, b.word[c.start], 0));
    out.add(mix(41, (i - c.start) as u64, 0));
}

/// The feature of whether the nearest cues on the left and on the right
/// start in the token's sentence (four values).
pub(crate) fn both_sides_feature(left: Option<&Side>, right: Option<&Side>, out: &mut impl Sink) {
    out.add(mix(
        37,
        left.map_or(0, |s| s.same),
        right.map_or(0, |s| s.same),
    ));
}

/// The part of [`role_features`] beyond stage one's: the recognizer looks
/// the shared part up once for both stages (and sums the groups above
/// once per cue and distance, see [`crate::claims::tagger::RoleSums`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn relation_features(
    b: &Base,
    unit: &Range<usize>,
    cues: &CueMap,
    commas: &[u32],
    i: usize,
    out: &mut impl Sink,
) {
    let (left, right) = match cues.near(i) {
        Near::Inside(k) => return inside_features(b, &cues.cues[k], i, out),
        Near::Between { left, right } => (left, right),
    };
    let left = left.map(|k| Side::left(b, unit, commas, i, &cues.cues[k]));
    let right = right.map(|k| Side::right(b, unit, commas, i, &cues.cues[k]));
    for (s, templates) in [(&left, LEFT), (&right, RIGHT)] {
        match s {
            Some(s) => {
                cue_side_features(s, out);
                token_word_feature(s, b.word[i], out);
                commas_feature(s, b.quoted[i], out);
                cue_edge_feature(s, out);
            }
            None => no_cue_feature(templates, out),
        }
    }
    both_sides_feature(left.as_ref(), right.as_ref(), out);
}

/// Running count of commas up to and including each token of the unit,
/// indexed from the unit's first token.
pub(crate) fn comma_counts(t: &Text, unit: &Range<usize>, out: &mut Vec<u32>) {
    out.clear();
    let mut n = 0;
    for i in unit.clone() {
        if matches!(t.tok(i), "," | ";" | "\u{2014}" | ":") {
            n += 1;
        }
        out.push(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_cues_are_those_a_scan_finds() {
        let cues = CueMap {
            cues: vec![2..3, 3..5, 8..9, 12..15],
        };
        for i in 0..17 {
            let inside = cues.cues.iter().position(|c| c.contains(&i));
            let left = cues.cues.iter().rposition(|c| c.end <= i);
            let right = cues.cues.iter().position(|c| c.start > i);
            match cues.near(i) {
                Near::Inside(k) => assert_eq!(Some(k), inside, "{i}"),
                Near::Between { left: l, right: r } => {
                    assert_eq!((inside, l, r), (None, left, right), "{i}")
                }
            }
        }
    }

    #[test]
    fn ascii_words_hash_as_the_char_by_char_path_does() {
        for w in [
            "said", "Said", "SAID", "2024", "U.S.", "don't", "", "x-9Z", "\"", "%",
        ] {
            assert_eq!(word_hash(w), word_hash_chars(w), "{w:?}");
        }
        assert_eq!(word_hash("said"), word_hash("SAID"));
        assert_eq!(word_hash("1999"), word_hash("2024"));
        assert_eq!(word_hash("don\u{2019}t"), word_hash("DON'T"));
        assert_ne!(word_hash("said"), word_hash("says"));
    }
}
