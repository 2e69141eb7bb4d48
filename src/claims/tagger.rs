//! A hashed linear sequence tagger: per role, B/I/O labels decoded by
//! Viterbi with the BIO constraint, from an embedded weight table.
//!
//! Wire format (little endian), after the common header
//! ([`factlens_kit::wire`]: magic `FLTAGGER`, version, the command that
//! produced the file): table bits u8, roles u8, scale f32, transitions
//! (roles × 4 from-states × 3 labels) f32, then a dense table of
//! `2^bits × roles × 3` weights as i8 (multiplied by scale).

use std::collections::HashMap;
use std::ops::Range;

use factlens_kit::viterbi::{self, Transitions};
use factlens_kit::wire::{DenseTable, ModelError, Reader};
use foldhash::fast::FixedState;

use super::features::{self, Base, CueMap, Near, Side, Sink, BOS, EOS, LEFT, RIGHT};
use crate::text::Text;

/// Labels of one role.
pub(crate) const O: u8 = 0;
pub(crate) const B: u8 = 1;
pub(crate) const I: u8 = 2;

pub(crate) const MAGIC: &[u8; 8] = b"FLTAGGER";
pub(crate) const VERSION: u32 = 1;

/// A loaded tagger, borrowing its weights from the embedded bytes.
pub(crate) struct Tagger<'a> {
    roles: usize,
    scale: f32,
    trans: Vec<f32>,
    /// `2^bits` rows of `roles × 3` weights.
    weights: DenseTable<'a>,
}

impl<'a> Tagger<'a> {
    /// Parses a tagger file; `model` names it in errors.
    pub fn load(model: &'static str, buf: &'a [u8]) -> Result<Tagger<'a>, ModelError> {
        let mut r = Reader::new(model, buf);
        r.header(MAGIC, VERSION)?;
        let bits = r.u8()?;
        let roles = r.u8()? as usize;
        if !(1..=4).contains(&roles) {
            return Err(r.invalid("roles outside 1..=4"));
        }
        let scale = r.f32()?;
        let trans = (0..roles * 12)
            .map(|_| r.f32())
            .collect::<Result<Vec<f32>, _>>()?;
        let weights = r.dense(bits, roles * 3)?;
        Ok(Tagger {
            roles,
            scale,
            trans,
            weights,
        })
    }

    /// The transitions of one role: 4 from-states (start, O, B, I) × 3.
    pub fn transitions(&self, role: usize) -> &[f32] {
        &self.trans[role * 12..role * 12 + 12]
    }
}

/// The cue tagger and the source/content tagger in one interleaved table,
/// so that the features both stages share cost one memory access per
/// token instead of two.
pub(crate) struct Joint {
    mask: u32,
    /// One row per hashed feature: cue O/B/I in lanes `0..3`, source and
    /// content O/B/I in lanes `ROLES..ROLES + 6`, the other lanes zero.
    rows: Vec<Row>,
    cue_scale: f32,
    role_scale: f32,
}

/// Sixteen one-byte lanes: adding a row to a sum is then a few vector
/// instructions where the compiler has them (the weights of a token's
/// at most 40 features sum to at most 40 × 128, well within `i16`).
type Row = [i8; 16];
/// Running sums of rows.
pub(crate) type Acc = [i16; 16];
/// The first lane of the role weights in a [`Row`].
const ROLES: usize = 4;

/// Adds `row` to `acc`, lane by lane.
#[inline]
fn plus<T: Copy>(acc: &mut Acc, row: &[T; 16])
where
    i16: From<T>,
{
    for (a, &w) in acc.iter_mut().zip(row) {
        *a += i16::from(w);
    }
}

/// Running weight sums of one token's features, in integers (exact, so in
/// any order). Stage one reads the cue lanes; stage two goes on from stage
/// one's sums and reads the role lanes.
pub(crate) struct Sums<'a> {
    joint: &'a Joint,
    acc: Acc,
}

impl Sink for Sums<'_> {
    #[inline]
    fn add(&mut self, feature: u32) {
        plus(
            &mut self.acc,
            &self.joint.rows[(feature & self.joint.mask) as usize],
        );
    }
}

impl<'a> Sums<'a> {
    /// The sums so far, for stage two to start from ([`Joint::roles`]).
    pub fn sums(&self) -> Acc {
        self.acc
    }

    /// Stage two's source and content scores.
    pub fn role_scores(&self) -> [f32; 6] {
        let s = self.joint.role_scale;
        let mut out = [0.0; 6];
        for (o, &a) in out.iter_mut().zip(&self.acc[ROLES..ROLES + 6]) {
            *o = f32::from(a) * s;
        }
        out
    }
}

impl Joint {
    /// Fails when the two taggers' tables differ in size.
    pub fn new(cue: &Tagger, roles: &Tagger) -> Result<Joint, &'static str> {
        if cue.weights.mask() != roles.weights.mask() || cue.roles != 1 || roles.roles != 2 {
            return Err("the cue and role models' tables do not match");
        }
        let (c, r) = (cue.weights.bytes(), roles.weights.bytes());
        let mut rows = vec![[0i8; 16]; c.len() / 3];
        for ((row, c), r) in rows
            .iter_mut()
            .zip(c.chunks_exact(3))
            .zip(r.chunks_exact(6))
        {
            for (x, &w) in row[..3].iter_mut().zip(c) {
                *x = w as i8;
            }
            for (x, &w) in row[ROLES..ROLES + 6].iter_mut().zip(r) {
                *x = w as i8;
            }
        }
        Ok(Joint {
            mask: cue.weights.mask(),
            rows,
            cue_scale: cue.scale,
            role_scale: roles.scale,
        })
    }

    /// Stage one: sums for the features of one token, to be given to
    /// [`cue_features`](super::features::cue_features).
    pub fn shared(&self) -> Sums<'_> {
        Sums {
            joint: self,
            acc: [0; 16],
        }
    }

    /// Stage two: sums starting from stage one's ([`Sums::sums`]), for
    /// the relation features.
    pub fn roles(&self, shared: &Acc) -> Sums<'_> {
        Sums {
            joint: self,
            acc: *shared,
        }
    }

    /// Stage one's cue scores from its sums.
    pub fn cue_scores(&self, acc: &Acc) -> [f32; 3] {
        let s = self.cue_scale;
        [
            f32::from(acc[0]) * s,
            f32::from(acc[1]) * s,
            f32::from(acc[2]) * s,
        ]
    }

    /// Adds to `sums`, the stage one sums of the tokens of the covered
    /// unit `u` from [`CueSums::token`], their pair features. In a pass
    /// of their own: a pair is seldom seen twice, so its row is read from
    /// the whole table and mostly misses the cache, and in a short loop
    /// the reads of many tokens are in flight at once.
    pub fn add_pairs(&self, b: &Base, u: &Range<usize>, sums: &mut [Acc]) {
        for (acc, i) in sums.iter_mut().zip(u.clone()) {
            let mut s = Sums {
                joint: self,
                acc: *acc,
            };
            features::pair_features(b.word.around(i), &mut s);
            *acc = s.acc;
        }
    }

    /// The summed row of the features that `emit` gives.
    fn row<'a>(&'a self, emit: impl FnOnce(&mut Sums<'a>)) -> Acc {
        let mut s = self.shared();
        emit(&mut s);
        s.acc
    }
}

/// Stage two's relation features ([`features::relation_features`]) of the
/// tokens of one unit, with those that read only the nearest cue of a side,
/// the distance bucket and the sentence flag summed once per cue, side,
/// bucket and flag: the many tokens far from a cue share a bucket. The
/// features of a few values each are looked up once per document. Integer
/// sums, so exactly those of adding every feature.
#[derive(Default)]
pub(crate) struct RoleSums {
    /// Per cue, side, bucket and flag ([`RoleSums::slot`]): the summed row, once computed.
    memo: Vec<Option<Acc>>,
    /// The rows of the features of few values ([`FIXED`] of them), once looked up.
    fixed: Vec<Option<Acc>>,
}

/// Keys of `RoleSums::fixed`: the commas feature of each side (sixteen
/// values each), the feature of both sides (four) and of each side without
/// a cue (one each).
const COMMAS_KEY: [usize; 2] = [0, 16];
const BOTH_KEY: usize = 32;
const NO_CUE_KEY: [usize; 2] = [36, 37];
const FIXED: usize = 38;

/// Distance buckets (`features::dist_bucket`) times the two sentence flags.
const SIDE_SLOTS: usize = 8 * 2;

impl RoleSums {
    /// Forgets the rows of the previous unit, for a unit with `cues`.
    pub fn cover(&mut self, cues: &CueMap) {
        self.memo.clear();
        self.memo.resize(cues.cues.len() * 2 * SIDE_SLOTS, None);
        self.fixed.resize(FIXED, None);
    }

    /// Adds the row of the features that `emit` gives, looked up once per `key`.
    #[inline]
    fn add_fixed<'a>(&mut self, sums: &mut Sums<'a>, key: usize, emit: impl FnOnce(&mut Sums<'a>)) {
        let joint = sums.joint;
        plus(
            &mut sums.acc,
            self.fixed[key].get_or_insert_with(|| joint.row(emit)),
        );
    }

    fn slot(cue: usize, s: &Side) -> usize {
        debug_assert!(s.d < 8 && s.same < 2);
        (cue * 2 + usize::from(s.templates == RIGHT)) * SIDE_SLOTS
            + s.d as usize * 2
            + s.same as usize
    }

    /// Adds the features of the nearest cue `cue` on one side, `s`, of a
    /// token with word `w0`.
    #[inline]
    fn add_side(&mut self, sums: &mut Sums, cue: usize, s: &Side, w0: u64, quoted: bool) {
        let joint = sums.joint;
        let row = self.memo[Self::slot(cue, s)].get_or_insert_with(|| {
            joint.row(|x| {
                features::cue_side_features(s, x);
                features::cue_edge_feature(s, x);
            })
        });
        plus(&mut sums.acc, row);
        features::token_word_feature(s, w0, sums);
        debug_assert!(s.commas < 4 && s.same < 2);
        let key = COMMAS_KEY[usize::from(s.templates == RIGHT)]
            + (s.commas as usize * 2 + s.same as usize) * 2
            + usize::from(quoted);
        self.add_fixed(sums, key, |x| features::commas_feature(s, quoted, x));
    }

    /// Adds the relation features of token `i` of `unit` (covered by `b`) to `sums`.
    pub fn add(
        &mut self,
        sums: &mut Sums,
        b: &Base,
        unit: &Range<usize>,
        cues: &CueMap,
        commas: &[u32],
        i: usize,
    ) {
        let (left, right) = match cues.near(i) {
            Near::Inside(k) => return features::inside_features(b, &cues.cues[k], i, sums),
            Near::Between { left, right } => (left, right),
        };
        let (w0, quoted) = (b.word[i], b.quoted[i]);
        let left = left.map(|k| (k, Side::left(b, unit, commas, i, &cues.cues[k])));
        match &left {
            Some((k, s)) => self.add_side(sums, *k, s, w0, quoted),
            None => self.add_fixed(sums, NO_CUE_KEY[0], |x| features::no_cue_feature(LEFT, x)),
        }
        let right = right.map(|k| (k, Side::right(b, unit, commas, i, &cues.cues[k])));
        match &right {
            Some((k, s)) => self.add_side(sums, *k, s, w0, quoted),
            None => self.add_fixed(sums, NO_CUE_KEY[1], |x| features::no_cue_feature(RIGHT, x)),
        }
        let (left, right) = (left.as_ref().map(|x| &x.1), right.as_ref().map(|x| &x.1));
        let key = BOTH_KEY
            + left.map_or(0, |s| s.same as usize) * 2
            + right.map_or(0, |s| s.same as usize);
        self.add_fixed(sums, key, |x| features::both_sides_feature(left, right, x));
    }
}

/// Stage one's weight sums for the tokens of a document, with the
/// features that read one word only (its own, or a neighbour's) summed once
/// per distinct word, and those that read only shapes, quotation and
/// sentence edges once per distinct context. Integer sums, so the result
/// is exactly that of adding every feature of
/// [`cue_features`](features::cue_features).
pub(crate) struct CueSums<'a> {
    joint: &'a Joint,
    /// (word hash, suffix hash) to index in `words`.
    vocab: HashMap<(u64, u64), u32, FixedState>,
    words: Vec<WordRows>,
    /// Packed shape context ([`shape_key`]) to its summed row.
    shapes: HashMap<u64, Acc, FixedState>,
    /// The `words` index of each token of the covered unit, after two of
    /// the padding before it and before two of the padding after.
    ids: Vec<u32>,
}

/// A word's summed weights.
struct WordRows {
    /// Its own features, unquoted and quoted.
    own: [Acc; 2],
    /// What it gives the tokens that see it at offsets -2, -1, 1 and 2.
    near: [Acc; 4],
}

/// Index in `CueSums::words` of the padding before and after a unit.
const BOS_ID: u32 = 0;
const EOS_ID: u32 = 1;

/// One key per shape context (shapes are below 2^11, see `features::shape`).
fn shape_key([sm1, s0, s1]: [u64; 3], quoted: bool, first: bool, last: bool) -> u64 {
    debug_assert!(sm1 < 1 << 11 && s0 < 1 << 11 && s1 < 1 << 11);
    sm1 | s0 << 11
        | s1 << 22
        | u64::from(quoted) << 33
        | u64::from(first) << 34
        | u64::from(last) << 35
}

impl<'a> CueSums<'a> {
    pub fn new(joint: &'a Joint) -> CueSums<'a> {
        let mut c = CueSums {
            joint,
            vocab: HashMap::default(),
            words: Vec::new(),
            shapes: HashMap::default(),
            ids: Vec::new(),
        };
        for pad in [BOS, EOS] {
            c.words.push(c.word_rows(pad, None));
        }
        c
    }

    /// The summed row of the features that `emit` gives.
    fn row(&self, emit: impl FnOnce(&mut Sums<'a>)) -> Acc {
        self.joint.row(emit)
    }

    /// Rows of word `w` (with its suffix hash; none for the padding).
    fn word_rows(&self, w: u64, suffix: Option<u64>) -> WordRows {
        let own = |quoted| match suffix {
            Some(x) => self.row(|s| features::own_word_features(w, x, quoted, s)),
            None => [0; 16],
        };
        let near = |k| self.row(|s| features::near_word_feature(k, w, s));
        WordRows {
            own: [own(false), own(true)],
            near: [near(0), near(1), near(2), near(3)],
        }
    }

    /// Interns the words of the unit `u` that `b` covers.
    pub fn cover(&mut self, t: &Text, b: &Base, u: &Range<usize>) {
        self.ids.clear();
        self.ids.extend([BOS_ID; 2]);
        for i in u.clone() {
            let w = b.word[i];
            let suffix = features::suffix_hash(t.tok(i));
            let id = match self.vocab.get(&(w, suffix)) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.push(self.word_rows(w, Some(suffix)));
                    self.vocab.insert((w, suffix), id);
                    id
                }
            };
            self.ids.push(id);
        }
        self.ids.extend([EOS_ID; 2]);
    }

    /// The stage one sums of token `i` of the covered unit `u`, but for
    /// the pair features, which [`Joint::add_pairs`] adds.
    pub fn token(&mut self, b: &Base, u: &Range<usize>, i: usize) -> Sums<'a> {
        let [_, sm1, s0, s1, _] = b.shape.around(i);
        let quoted = b.quoted[i];
        let (first, last) = features::sentence_edges(b, u, i);
        let key = shape_key([sm1, s0, s1], quoted, first, last);
        let mut acc = match self.shapes.get(&key) {
            Some(row) => *row,
            None => {
                let row =
                    self.row(|s| features::shape_features([sm1, s0, s1], quoted, first, last, s));
                self.shapes.insert(key, row);
                row
            }
        };
        let k = i - u.start;
        let ids = &self.ids[k..k + 5];
        let rows = [
            &self.words[ids[2] as usize].own[usize::from(quoted)],
            &self.words[ids[0] as usize].near[0],
            &self.words[ids[1] as usize].near[1],
            &self.words[ids[3] as usize].near[2],
            &self.words[ids[4] as usize].near[3],
        ];
        for row in rows {
            plus(&mut acc, row);
        }
        Sums {
            joint: self.joint,
            acc,
        }
    }
}

/// Best B/I/O path for one role. `emis` holds `n × stride` scores with this
/// role's three at `offset`; `trans` is 4 × 3 (start, O, B, I → O, B, I).
/// An I never follows an O or starts the sequence.
pub(crate) fn viterbi(
    emis: &[f32],
    stride: usize,
    offset: usize,
    trans: &[f32],
    out: &mut Vec<u8>,
) {
    #[allow(
        clippy::expect_used,
        reason = "the model reader checked the table sizes when the model loaded"
    )]
    let trans: &[f32; 12] = trans.try_into().expect("4 x 3 transitions");
    let mut t = Transitions {
        start: [trans[0], trans[1], trans[2]],
        next: [0; 3].map(|_| [0.0; 3]),
    };
    for (from, row) in t.next.iter_mut().enumerate() {
        row.copy_from_slice(&trans[3 + from * 3..6 + from * 3]);
    }
    t.forbid(None, usize::from(I));
    t.forbid(Some(usize::from(O)), usize::from(I));
    let mut scores: Vec<[f32; 3]> = emis
        .chunks_exact(stride)
        .map(|r| [r[offset], r[offset + 1], r[offset + 2]])
        .collect();
    viterbi::decode(&mut scores, &t, out);
}

/// Token ranges of the B-I* runs in a label sequence, offset by `base`.
pub(crate) fn spans(labels: &[u8], base: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, &l) in labels.iter().enumerate() {
        match l {
            B => {
                if let Some(s) = cur {
                    out.push(base + s..base + i);
                }
                cur = Some(i);
            }
            I if cur.is_some() => {}
            _ => {
                if let Some(s) = cur.take() {
                    out.push(base + s..base + i);
                }
            }
        }
    }
    if let Some(s) = cur {
        out.push(base + s..base + labels.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_sums_equal_the_sums_of_every_feature() {
        let m = crate::claims::models();
        let text = "\"We will not pay,\" the minister SAID on Monday, denying 40% of the claims.\n\
                    In a statement, the union \u{201C}rejected\u{201D} the offer; it said: \"never\" — Ministère officials denied it.\n\
                    \"The minister said the offer was fair.\n\"We said so,\" she said.";
        let t = Text::new(text);
        let mut b = Base::sentences(&t);
        let mut cached = CueSums::new(&m.joint);
        let mut units = 0;
        for unit in features::units(&t) {
            let u = unit.tokens;
            b.cover(&t, u.clone());
            cached.cover(&t, &b, &u);
            let mut sums: Vec<Acc> = u.clone().map(|i| cached.token(&b, &u, i).acc).collect();
            m.joint.add_pairs(&b, &u, &mut sums);
            for (i, sums) in u.clone().zip(sums) {
                let mut every = m.joint.shared();
                features::cue_features(&t, &b, &u, i, &mut every);
                assert_eq!(sums, every.acc, "token {i} {:?}", t.tok(i));
            }
            units += 1;
        }
        assert!(
            units == 4 && cached.words.len() < t.tokens.len(),
            "{units} units, {} words",
            cached.words.len()
        );
    }

    #[test]
    fn role_sums_equal_the_sums_of_every_feature() {
        let m = crate::claims::models();
        let text = "\"We will not pay,\" the minister said on Monday, denying 40% of the claims, and he added, in a long and winding \
                    statement that nobody read to the end: \"never\" (officials denied it).\n\
                    The union said so. It has repeatedly denied it; critics, however, said that the union, which is large, lied.";
        let t = Text::new(text);
        let mut b = Base::sentences(&t);
        let mut memo = RoleSums::default();
        let (mut commas, mut checked) = (Vec::new(), 0);
        for unit in features::units(&t) {
            let u = unit.tokens;
            b.cover(&t, u.clone());
            features::comma_counts(&t, &u, &mut commas);
            // One- and two-token cues, at both ends of the unit too.
            let mut cues: Vec<Range<usize>> = u
                .clone()
                .filter(|&i| matches!(t.tok(i), "said" | "denied" | "denying"))
                .map(|i| i..i + 1)
                .collect();
            cues.extend([u.start..u.start + 2, u.end - 1..u.end]);
            cues.sort_by_key(|c| c.start);
            let cues = CueMap { cues };
            memo.cover(&cues);
            for i in u.clone() {
                let mut fast = m.joint.shared();
                memo.add(&mut fast, &b, &u, &cues, &commas, i);
                let mut every = m.joint.shared();
                features::relation_features(&b, &u, &cues, &commas, i, &mut every);
                assert_eq!(fast.acc, every.acc, "token {i} {:?}", t.tok(i));
                checked += 1;
            }
        }
        assert_eq!(checked, t.tokens.len());
    }

    #[test]
    fn spans_split_at_b_and_o() {
        assert_eq!(spans(&[B, I, O, B, B, I], 10), [10..12, 13..14, 14..16]);
    }

    #[test]
    fn load_rejects_wrong_magic_and_truncation() {
        assert!(Tagger::load("test", b"NOTATAGGER").is_err());
        let mut blob = factlens_kit::wire::header(MAGIC, VERSION, "");
        blob.extend([8u8, 1]);
        blob.extend(1.0f32.to_le_bytes());
        blob.extend(std::iter::repeat(0).take(12 * 4));
        blob.extend(std::iter::repeat(0).take(256 * 3 - 1));
        let e = Tagger::load("test", &blob).err().unwrap();
        assert!(e.to_string().starts_with("test model: "), "{e}");
        blob.push(0);
        assert!(Tagger::load("test", &blob).is_ok());
        blob[8 + 4 + 4 + 1] = 5;
        assert!(Tagger::load("test", &blob).is_err());
    }
}
