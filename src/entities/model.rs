//! The tagger's weights, loaded from the embedded `model/ner.bin`.
//!
//! The weights come from CRFsuite's trainer (`tools/src/bin/train-ner.rs`);
//! this module only reads them. After the common header
//! ([`factlens_kit::wire`]: magic `FLNER`, version, the command that made
//! the file): label count u32, transitions `f32[labels][labels]` (from,
//! to), then a sparse table of one-byte weights
//! ([`factlens_kit::wire::SparseTable`]).

use factlens_kit::viterbi::{self, Transitions};
use factlens_kit::wire::{ModelError, Reader, SparseTable};

use super::features::LABELS;

pub(crate) const MAGIC: &[u8; 8] = b"FLNER\0\0\0";
pub(crate) const VERSION: u32 = 2;
const L: usize = LABELS.len();

/// Weights of a linear-chain CRF over the BIO labels.
pub(crate) struct Model {
    weights: SparseTable<L>,
    transitions: Transitions<L>,
}

impl Model {
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader::new("entity", bytes);
        r.header(MAGIC, VERSION)?;
        if r.u32()? as usize != L {
            return Err(r.invalid("wrong label count"));
        }
        let mut next = [[0f32; L]; L];
        for row in &mut next {
            *row = r.f32s()?;
        }
        Ok(Model {
            transitions: Transitions::new(next),
            weights: SparseTable::read(&mut r)?,
        })
    }

    /// Adds the weights of feature `key` to `sum` (nothing if the model
    /// has no weights for it).
    #[inline]
    pub fn add(&self, key: u32, sum: &mut [i32; L]) {
        self.weights.add(key, sum);
    }

    /// The best label sequence for tokens whose features' weights, added
    /// up by [`Model::add`], are `sums`. `out` receives label indices
    /// into [`LABELS`].
    pub fn tag(&self, sums: &[[i32; L]], scores: &mut Vec<[f32; L]>, out: &mut Vec<u8>) {
        let scale = self.weights.scale();
        scores.clear();
        scores.extend(sums.iter().map(|sum| sum.map(|v| v as f32 * scale)));
        viterbi::decode(scores, &self.transitions, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(trans_b_i: f32, feature_says_b: i8) -> Vec<u8> {
        let mut v = factlens_kit::wire::header(MAGIC, VERSION, "test");
        v.extend_from_slice(&(L as u32).to_le_bytes());
        for from in 0..L {
            for to in 0..L {
                let w = if from == 1 && to == 2 { trans_b_i } else { 0.0 };
                v.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut row = [0; L];
        row[1] = feature_says_b;
        let rows = std::collections::BTreeMap::from([(0x0001_0007, row)]);
        SparseTable::write(&rows, 1.0, &mut v).unwrap();
        v
    }

    #[test]
    fn tagging_follows_transitions() {
        let m = Model::parse(&tiny(5.0, 3)).unwrap();
        let mut sums = [[0; L]; 2];
        m.add(0x0001_0007, &mut sums[0]);
        let mut out = Vec::new();
        m.tag(&sums, &mut Vec::new(), &mut out);
        assert_eq!(out, [1, 2]);
    }

    #[test]
    fn corrupt_models_are_rejected() {
        let good = tiny(1.0, 1);
        assert!(Model::parse(&good).is_ok());
        let e = Model::parse(&good[..good.len() - 1]).err().unwrap();
        assert!(e.to_string().starts_with("entity model: "), "{e}");
        let mut bad = good.clone();
        bad[0] = b'X';
        assert!(Model::parse(&bad).is_err());
        let mut old = good.clone();
        old[8] = 9;
        assert!(Model::parse(&old).is_err());
        let mut labels = good;
        labels[8 + 4 + 4 + 4] = 3;
        assert!(Model::parse(&labels).is_err());
    }

    #[test]
    fn the_embedded_model_loads() {
        let m = Model::parse(super::super::MODEL_BYTES).unwrap();
        assert!(m.weights.len() > 1000);
    }
}
