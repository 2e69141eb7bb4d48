//! Hashed features for the attribution taggers.
//!
//! Features are never strings: each is a template number mixed with hashes
//! of lower-cased words, so extraction allocates nothing and the model is a
//! plain table indexed by `hash & mask`. The trainer (`tools/`) calls the
//! same functions through [`crate::claims::training`], so training and
//! tagging see identical features.

use std::ops::Range;

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

/// FNV-1a over the lower-cased characters, digits folded to `0` so that
/// numbers share features.
pub(crate) fn word_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in s.chars() {
        if c.is_ascii() {
            let b = c as u8;
            eat(if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() });
        } else {
            // Curly quotes and apostrophes count as their ASCII forms.
            let c = match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                c => c,
            };
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    eat(b);
                }
            }
        }
    }
    h
}

/// Mixes a template number with up to two values (splitmix64 finalizer).
#[inline]
pub(crate) fn mix(template: u64, a: u64, b: u64) -> u32 {
    let mut z = template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ a.rotate_left(17) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as u32
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

/// Values of a run of tokens, indexed by the tokens' indices in the text.
#[derive(Default)]
pub(crate) struct Window<T> {
    first: usize,
    values: Vec<T>,
}

impl<T> Window<T> {
    fn reset(&mut self, first: usize) {
        self.first = first;
        self.values.clear();
    }
}

impl<T> std::ops::Index<usize> for Window<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        &self.values[i - self.first]
    }
}

/// Per-token facts shared by both stages. Sentence ids cover the text;
/// the rest covers the unit being tagged (see [`Base::cover`]), so that
/// no per-token table of a long text is held at once.
pub(crate) struct Base {
    pub word: Window<u64>,
    pub shape: Window<u64>,
    pub sent: Vec<u32>,
    /// True inside a quotation (between opening and closing marks).
    pub quoted: Window<bool>,
}

impl Base {
    /// Facts for every token of `t`.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub fn new(t: &Text) -> Base {
        let mut b = Base::sentences(t);
        b.cover(t, 0..t.tokens.len());
        b
    }

    /// Sentence ids only: [`Base::cover`] adds the rest.
    pub fn sentences(t: &Text) -> Base {
        Base { word: Window::default(), shape: Window::default(), sent: sentence_ids(t), quoted: Window::default() }
    }

    /// Word and shape hashes and quotation state for the tokens `r`, whole
    /// units, in place of the previous ones.
    pub fn cover(&mut self, t: &Text, r: Range<usize>) {
        self.word.reset(r.start);
        self.word.values.extend(r.clone().map(|i| word_hash(t.tok(i))));
        self.shape.reset(r.start);
        self.shape.values.extend(r.clone().map(|i| shape(t, i)));
        self.quoted.reset(r.start);
        self.quoted.values.resize(r.len(), false);
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

const BOS: u64 = 0x5EED_0001;
const EOS: u64 = 0x5EED_0002;

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=5 => 4,
        6..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// Stage one (cue) features of token `i` in `unit`, appended to `out`.
pub(crate) fn cue_features(t: &Text, b: &Base, unit: &Range<usize>, i: usize, out: &mut Vec<u32>) {
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < unit.start as isize {
            BOS
        } else if j >= unit.end as isize {
            EOS
        } else {
            b.word[j as usize]
        }
    };
    let s = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < unit.start as isize || j >= unit.end as isize {
            0
        } else {
            b.shape[j as usize]
        }
    };
    let (wm2, wm1, w0, w1, w2) = (w(-2), w(-1), w(0), w(1), w(2));
    out.push(mix(0, 0, 0));
    out.push(mix(1, w0, 0));
    out.push(mix(2, wm1, 0));
    out.push(mix(3, w1, 0));
    out.push(mix(4, wm2, 0));
    out.push(mix(5, w2, 0));
    out.push(mix(6, wm1, w0));
    out.push(mix(7, w0, w1));
    out.push(mix(8, wm2, wm1));
    out.push(mix(9, w1, w2));
    out.push(mix(10, s(0), 0));
    out.push(mix(11, s(-1), s(0)));
    out.push(mix(12, s(0), s(1)));
    out.push(mix(13, suffix_hash(t.tok(i)), 0));
    let first = i == unit.start || b.sent[i] != b.sent[i - 1];
    let last = i + 1 == unit.end || b.sent[i] != b.sent[i + 1];
    out.push(mix(14, u64::from(first), u64::from(last)));
    out.push(mix(15, u64::from(b.quoted[i]), s(0)));
    out.push(mix(16, u64::from(b.quoted[i]), w0));
    out.push(mix(17, wm1, w1));
}

fn suffix_hash(w: &str) -> u64 {
    let n = w.len();
    let mut k = n.saturating_sub(3);
    while !w.is_char_boundary(k) {
        k -= 1;
    }
    word_hash(&w[k..])
}

/// Where the predicted cues of one unit are, for stage two.
pub(crate) struct CueMap {
    /// Cue token ranges in text order.
    pub cues: Vec<Range<usize>>,
}

/// Stage two (source and content) features: stage one's plus the token's
/// relation to the nearest predicted cue on each side.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn role_features(t: &Text, b: &Base, unit: &Range<usize>, cues: &CueMap, commas: &[u32], i: usize, out: &mut Vec<u32>) {
    cue_features(t, b, unit, i, out);
    relation_features(b, unit, cues, commas, i, out);
}

/// The part of [`role_features`] beyond stage one's: the recognizer looks
/// the shared part up once for both stages.
pub(crate) fn relation_features(b: &Base, unit: &Range<usize>, cues: &CueMap, commas: &[u32], i: usize, out: &mut Vec<u32>) {
    let w0 = b.word[i];
    let same = |j: usize| b.sent[j] == b.sent[i];
    let inside = cues.cues.iter().find(|c| c.contains(&i));
    if let Some(c) = inside {
        out.push(mix(40, b.word[c.start], 0));
        out.push(mix(41, (i - c.start) as u64, 0));
        return;
    }
    // Nearest cue ending at or before i, and starting after i.
    let left = cues.cues.iter().rev().find(|c| c.end <= i);
    let right = cues.cues.iter().find(|c| c.start > i);
    let ql = u64::from(b.quoted[i]);
    match left {
        Some(c) => {
            let d = dist_bucket(i - c.end);
            let sm = u64::from(same(c.start));
            let cw = b.word[c.start];
            let cm = u64::from((commas[i - unit.start] - commas[c.end - 1 - unit.start]).min(3));
            out.push(mix(20, d, sm));
            out.push(mix(21, cw, sm));
            out.push(mix(22, cw, d));
            out.push(mix(23, w0, sm * 10 + d.min(2)));
            out.push(mix(24, cm, sm * 10 + ql));
            out.push(mix(25, b.word[c.end.min(unit.end - 1)], d.min(3)));
        }
        None => out.push(mix(26, 0, 0)),
    }
    match right {
        Some(c) => {
            let d = dist_bucket(c.start - i - 1);
            let sm = u64::from(same(c.start));
            let cw = b.word[c.start];
            let cm = u64::from((commas[c.start - unit.start] - commas[i - unit.start]).min(3));
            out.push(mix(30, d, sm));
            out.push(mix(31, cw, sm));
            out.push(mix(32, cw, d));
            out.push(mix(33, w0, sm * 10 + d.min(2)));
            out.push(mix(34, cm, sm * 10 + ql));
            let before = if c.start > unit.start { b.word[c.start - 1] } else { BOS };
            out.push(mix(35, before, d.min(3)));
        }
        None => out.push(mix(36, 0, 0)),
    }
    out.push(mix(37, u64::from(left.is_some_and(|c| same(c.start))), u64::from(right.is_some_and(|c| same(c.start)))));
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
