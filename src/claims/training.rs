//! Hooks for the model trainers in `tools/` (not part of the API): the
//! exact features the recognizer computes, gold labels aligned to our
//! tokens, the decoder, and the model encoders. The learning algorithms
//! themselves live in `tools/`.

use std::ops::Range;

use factlens_kit::wire;

use super::features::{self, Base, CueMap};
use super::tagger::{self, B, I, O};
use crate::text::{Span, Text};

/// One gold attribution, in code points (as in the gold files).
#[derive(Debug, Clone, Default)]
pub struct GoldClaim {
    /// Who claims.
    pub source: Option<(usize, usize)>,
    /// The signalling words.
    pub cue: Option<(usize, usize)>,
    /// What is claimed.
    pub content: Option<(usize, usize)>,
}

/// One tagged unit (a paragraph): features and gold labels per token.
pub struct Sequence {
    /// Hashed features of each token.
    pub feats: Vec<Vec<u32>>,
    /// Gold B/I/O labels (0 O, 1 B, 2 I) per role, one entry per token.
    pub gold: Vec<Vec<u8>>,
}

/// Byte offset of each code point (and of the end).
fn cp_to_byte(src: &str) -> Vec<usize> {
    let mut v: Vec<usize> = src.char_indices().map(|(i, _)| i).collect();
    v.push(src.len());
    v
}

/// B/I/O labels over all tokens for one role's spans; a span that overlaps
/// an earlier one of the same role is dropped (flat tagging).
fn labels(t: &Text, spans: &[(usize, usize)], cp: &[usize], units: &[Range<usize>]) -> Vec<u8> {
    let mut out = vec![O; t.tokens.len()];
    let mut sorted: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| s < e && e < cp.len())
        .collect();
    sorted.sort();
    for (s, e) in sorted {
        let span = Span::new(cp[s], cp[e]);
        let toks: Vec<usize> = (0..t.tokens.len())
            .filter(|&i| t.tokens[i].span.overlaps(span))
            .collect();
        if toks.iter().any(|&i| out[i] != O) {
            continue;
        }
        for (k, &i) in toks.iter().enumerate() {
            let unit_start = units.iter().any(|u| u.start == i);
            out[i] = if k == 0 || unit_start { B } else { I };
        }
    }
    out
}

/// Stage one: one sequence per paragraph with cue features and gold cue
/// labels.
pub fn cue_sequences(text: &str, gold: &[GoldClaim]) -> Vec<Sequence> {
    let t = Text::new(text);
    let mut b = Base::sentences(&t);
    let us: Vec<Range<usize>> = features::units(&t).into_iter().map(|u| u.tokens).collect();
    let cp = cp_to_byte(text);
    let cues: Vec<_> = gold.iter().filter_map(|g| g.cue).collect();
    let lab = labels(&t, &cues, &cp, &us);
    us.iter()
        .map(|u| {
            b.cover(&t, u.clone());
            let feats = u
                .clone()
                .map(|i| {
                    let mut f = Vec::new();
                    features::cue_features(&t, &b, u, i, &mut f);
                    f
                })
                .collect();
            Sequence {
                feats,
                gold: vec![lab[u.clone()].to_vec()],
            }
        })
        .collect()
}

/// Stage two: for each paragraph in which `cue_labels` (one label vector
/// per paragraph, as predicted by stage one) has a cue, features relative
/// to those cues and gold source and content labels.
pub fn role_sequences(text: &str, gold: &[GoldClaim], cue_labels: &[Vec<u8>]) -> Vec<Sequence> {
    let t = Text::new(text);
    let mut b = Base::sentences(&t);
    let us: Vec<Range<usize>> = features::units(&t).into_iter().map(|u| u.tokens).collect();
    let cp = cp_to_byte(text);
    let src: Vec<_> = gold.iter().filter_map(|g| g.source).collect();
    let con: Vec<_> = gold.iter().filter_map(|g| g.content).collect();
    let (ls, lc) = (labels(&t, &src, &cp, &us), labels(&t, &con, &cp, &us));
    let mut out = Vec::new();
    let mut commas = Vec::new();
    for (u, cl) in us.iter().zip(cue_labels) {
        let cues = CueMap {
            cues: tagger::spans(cl, u.start),
        };
        if cues.cues.is_empty() {
            continue;
        }
        b.cover(&t, u.clone());
        features::comma_counts(&t, u, &mut commas);
        let feats = u
            .clone()
            .map(|i| {
                let mut f = Vec::new();
                features::role_features(&t, &b, u, &cues, &commas, i, &mut f);
                f
            })
            .collect();
        out.push(Sequence {
            feats,
            gold: vec![ls[u.clone()].to_vec(), lc[u.clone()].to_vec()],
        });
    }
    out
}

/// Best B/I/O labels for one role given per-token scores (`n × stride`,
/// this role's three at `offset`) and 4 × 3 transitions.
pub fn viterbi(emis: &[f32], stride: usize, offset: usize, trans: &[f32]) -> Vec<u8> {
    let mut out = Vec::new();
    tagger::viterbi(emis, stride, offset, trans, &mut out);
    out
}

/// Serializes a tagger: weights are `2^bits × roles × 3` floats,
/// quantized to i8 with one scale, and quantized weights of magnitude
/// `prune` or less set to zero (they cost size and barely change a score);
/// `trans` is roles × 12.
pub fn encode_tagger(
    command: &str,
    bits: u8,
    roles: u8,
    weights: &[f32],
    trans: &[f32],
    prune: u8,
) -> Vec<u8> {
    let (scale, table) = wire::quantize(weights, prune);
    let mut out = wire::header(tagger::MAGIC, tagger::VERSION, command);
    out.extend([bits, roles]);
    out.extend(scale.to_le_bytes());
    for t in trans {
        out.extend(t.to_le_bytes());
    }
    out.extend(table);
    out
}

/// Hashed features of one sentence for the check-worthiness model.
pub fn worthy_features(sentence: &str) -> Vec<u32> {
    let t = Text::new(sentence);
    let mut out = Vec::new();
    super::worthy::features(&t, 0..t.tokens.len(), &mut out);
    out
}

/// Serializes the check-worthiness model: `2^bits` weights quantized to
/// i8 (pruned as in [`encode_tagger`]), a bias, and the decision threshold
/// on the raw score.
pub fn encode_worthy(
    command: &str,
    bits: u8,
    weights: &[f32],
    bias: f32,
    threshold: f32,
    prune: u8,
) -> Vec<u8> {
    let (scale, table) = wire::quantize(weights, prune);
    let mut out = wire::header(super::worthy::MAGIC, super::worthy::VERSION, command);
    out.push(bits);
    out.extend(scale.to_le_bytes());
    out.extend(bias.to_le_bytes());
    out.extend(threshold.to_le_bytes());
    out.extend(table);
    out
}
