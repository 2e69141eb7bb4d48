//! The tagger's weights, loaded from the embedded `model/ner.bin`, and
//! Viterbi decoding over them.
//!
//! The weights come from CRFsuite's trainer (`tools/src/bin/train-ner.rs`);
//! this module only reads them. Layout, little-endian:
//! `b"FLNER\0\0\0"`, version u32, header length u32 and the header (the
//! command that made the file), label count u32, transitions
//! `f32[labels][labels]` (from, to), feature count u32, weight scale f32,
//! then the sorted feature keys as `u16[65536]` counts per high half and
//! `u16[n]` low halves, then `i8[labels][n]` weights (label-major). A
//! weight is `i8 * scale`. Keys are random, so this split and the one-byte
//! weights are what keeps the file small once gzipped.

use super::features::{HashedMap, LABELS};

const MAGIC: &[u8; 8] = b"FLNER\0\0\0";
const VERSION: u32 = 2;
const L: usize = LABELS.len();

/// Weights of a linear-chain CRF over the BIO labels.
pub(crate) struct Model {
    /// Quantized weights by feature key, kept in the table itself: tagging
    /// is bound by cache misses, and this makes one lookup one miss.
    rows: HashedMap<u32, [i8; L]>,
    scale: f32,
    transitions: [[f32; L]; L],
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("entity model: truncated".into());
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| "entity model: truncated")?,
        ))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC {
            return Err("entity model: bad magic".into());
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(format!(
                "entity model: version {version}, expected {VERSION}"
            ));
        }
        let header = r.u32()? as usize;
        r.take(header)?;
        if r.u32()? as usize != L {
            return Err("entity model: wrong label count".into());
        }
        let mut transitions = [[0f32; L]; L];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        if r.0.len() != 65536 * 2 + n * 2 + n * L {
            return Err("entity model: wrong size".into());
        }
        let counts = r.take(65536 * 2)?;
        let lows = r.take(n * 2)?;
        let mut keys = Vec::with_capacity(n);
        for (high, c) in counts.chunks_exact(2).enumerate() {
            for _ in 0..u16::from_le_bytes([c[0], c[1]]) {
                let k = keys.len();
                let low = lows
                    .get(2 * k..2 * k + 2)
                    .ok_or("entity model: key counts exceed keys")?;
                keys.push((high as u32) << 16 | u32::from(u16::from_le_bytes([low[0], low[1]])));
            }
        }
        if keys.len() != n {
            return Err("entity model: key counts do not add up".into());
        }
        let mut weights = vec![[0i8; L]; n];
        for y in 0..L {
            for (row, &b) in weights.iter_mut().zip(r.take(n)?) {
                row[y] = b as i8;
            }
        }
        let rows = keys.into_iter().zip(weights).collect();
        Ok(Model {
            rows,
            scale,
            transitions,
        })
    }

    /// Adds the weights of feature `key` to `sum` (nothing if the model
    /// has no weights for it).
    #[inline]
    pub fn add(&self, key: u32, sum: &mut [i32; L]) {
        if let Some(w) = self.rows.get(&key) {
            for y in 0..L {
                sum[y] += i32::from(w[y]);
            }
        }
    }

    /// The best label sequence for tokens whose features' weights, added
    /// up by [`Model::add`], are `sums`. `out` receives label indices
    /// into [`LABELS`].
    pub fn tag(&self, sums: &[[i32; L]], scores: &mut Vec<[f32; L]>, out: &mut Vec<u8>) {
        let n = sums.len();
        out.clear();
        if n == 0 {
            return;
        }
        scores.clear();
        scores.extend(sums.iter().map(|sum| sum.map(|v| v as f32 * self.scale)));
        for i in 1..n {
            // For each label, the score of the best previous one, all
            // labels at once: the inner loop runs over lanes. Which label
            // that was is found again for the labels of the best path
            // only, once it is known (`best_previous`).
            let prev = scores[i - 1];
            let mut best = [f32::NEG_INFINITY; L];
            for (&sp, to) in prev.iter().zip(&self.transitions) {
                for (b, &t) in best.iter_mut().zip(to) {
                    let v = sp + t;
                    if v > *b {
                        *b = v;
                    }
                }
            }
            for (s, b) in scores[i].iter_mut().zip(best) {
                *s += b;
            }
        }
        let last = &scores[n - 1];
        let mut y = (0..L).fold(0, |b, k| if last[k] > last[b] { k } else { b });
        out.resize(n, 0);
        for i in (0..n).rev() {
            out[i] = y as u8;
            if i > 0 {
                y = self.best_previous(&scores[i - 1], y);
            }
        }
    }

    /// The label before label `y` on the best path, given the scores of
    /// the paths to each label before it: the first of equals, the same
    /// additions and comparisons as in [`Model::tag`]'s forward pass.
    fn best_previous(&self, prev: &[f32; L], y: usize) -> usize {
        let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
        for (p, &sp) in prev.iter().enumerate() {
            let v = sp + self.transitions[p][y];
            if v > best {
                best = v;
                arg = p;
            }
        }
        arg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(trans_b_i: f32, feature_says_b: i8) -> Vec<u8> {
        let mut v = MAGIC.to_vec();
        v.extend_from_slice(&VERSION.to_le_bytes());
        v.extend_from_slice(&4u32.to_le_bytes());
        v.extend_from_slice(b"test");
        v.extend_from_slice(&(L as u32).to_le_bytes());
        for from in 0..L {
            for to in 0..L {
                let w = if from == 1 && to == 2 { trans_b_i } else { 0.0 };
                v.extend_from_slice(&w.to_le_bytes());
            }
        }
        // One feature, key 0x0001_0007.
        v.extend_from_slice(&1u32.to_le_bytes());
        v.extend_from_slice(&1f32.to_le_bytes());
        let mut counts = vec![0u8; 65536 * 2];
        counts[2] = 1;
        v.extend_from_slice(&counts);
        v.extend_from_slice(&7u16.to_le_bytes());
        for y in 0..L {
            v.push(if y == 1 { feature_says_b as u8 } else { 0 });
        }
        v
    }

    #[test]
    fn viterbi_follows_transitions() {
        let m = Model::parse(&tiny(5.0, 3)).unwrap();
        let mut sums = [[0; L]; 2];
        m.add(0x0001_0007, &mut sums[0]);
        let mut out = Vec::new();
        m.tag(&sums, &mut Vec::new(), &mut out);
        assert_eq!(out, [1, 2]);
    }

    #[test]
    fn viterbi_finds_the_best_sequence() {
        // Made-up weights, integers (exact sums) with ties among them;
        // every sequence of three labels is tried.
        let next = |x: &mut u32| {
            *x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (*x >> 16) as i32 % 5 - 2
        };
        let mut x = 7;
        let mut m = Model {
            rows: HashedMap::default(),
            scale: 1.0,
            transitions: [[0.0; L]; L],
        };
        for row in &mut m.transitions {
            row.iter_mut().for_each(|w| *w = next(&mut x) as f32);
        }
        let mut sums = [[0; L]; 3];
        sums.iter_mut()
            .for_each(|s| s.iter_mut().for_each(|v| *v = next(&mut x)));
        let score = |y: &[usize]| {
            (0..3)
                .map(|i| {
                    sums[i][y[i]] as f32
                        + if i > 0 {
                            m.transitions[y[i - 1]][y[i]]
                        } else {
                            0.0
                        }
                })
                .sum::<f32>()
        };
        let best = (0..L * L * L)
            .map(|k| score(&[k / (L * L), k / L % L, k % L]))
            .fold(f32::NEG_INFINITY, f32::max);
        let mut out = Vec::new();
        m.tag(&sums, &mut Vec::new(), &mut out);
        assert_eq!(
            score(&out.iter().map(|&y| usize::from(y)).collect::<Vec<_>>()),
            best
        );
    }

    #[test]
    fn corrupt_models_are_rejected() {
        let good = tiny(1.0, 1);
        assert!(Model::parse(&good).is_ok());
        assert!(Model::parse(&good[..good.len() - 1]).is_err());
        let mut bad = good.clone();
        bad[0] = b'X';
        assert!(Model::parse(&bad).is_err());
        let mut old = good;
        old[8] = 9;
        assert!(Model::parse(&old).is_err());
    }
}
