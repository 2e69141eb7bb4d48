//! The one Viterbi decoder of the taggers, for any number of labels.
//!
//! A constraint such as "an I never follows an O" is a transition of
//! minus infinity ([`Transitions::forbid`]); the decoder needs no other
//! notion of it.

/// Label transition scores of a linear-chain model with `L` labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transitions<const L: usize> {
    /// The score of starting the sequence with each label.
    pub start: [f32; L],
    /// `next[from][to]`: the score of label `to` after label `from`.
    pub next: [[f32; L]; L],
}

impl<const L: usize> Transitions<L> {
    /// Transitions `next`, with no score for the first label.
    pub fn new(next: [[f32; L]; L]) -> Transitions<L> {
        Transitions {
            start: [0.0; L],
            next,
        }
    }

    /// Makes label `to` impossible after `from` (or, with `None`, at the
    /// start).
    pub fn forbid(&mut self, from: Option<usize>, to: usize) {
        match from {
            Some(f) => self.next[f][to] = f32::NEG_INFINITY,
            None => self.start[to] = f32::NEG_INFINITY,
        }
    }
}

/// Decodes the best label sequence: `scores` holds each token's label
/// scores (emissions) and is overwritten with the scores of the best
/// paths to each label; `out` receives label indices. Of paths that
/// score the same, the one whose labels come first (smallest) from the
/// end backwards wins.
pub fn decode<const L: usize>(scores: &mut [[f32; L]], t: &Transitions<L>, out: &mut Vec<u8>) {
    out.clear();
    let n = scores.len();
    if n == 0 {
        return;
    }
    for (s, &b) in scores[0].iter_mut().zip(&t.start) {
        *s += b;
    }
    for i in 1..n {
        // For each label, the score of the best previous one, all labels
        // at once: the inner loop runs over lanes. Which label that was
        // is found again for the labels of the best path only, once it
        // is known (`best_previous`), rather than stored for all.
        let prev = scores[i - 1];
        let mut best = [f32::NEG_INFINITY; L];
        for (&sp, to) in prev.iter().zip(&t.next) {
            for (b, &w) in best.iter_mut().zip(to) {
                let v = sp + w;
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
            y = best_previous(&scores[i - 1], t, y);
        }
    }
}

/// The label before label `y` on the best path, given the scores of the
/// paths to each label before it: the first of equals, the same additions
/// and comparisons as in [`decode`]'s forward pass.
fn best_previous<const L: usize>(prev: &[f32; L], t: &Transitions<L>, y: usize) -> usize {
    let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
    for (p, &sp) in prev.iter().enumerate() {
        let v = sp + t.next[p][y];
        if v > best {
            best = v;
            arg = p;
        }
    }
    arg
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Viterbi as first written: back pointers in arrays, every
    /// transition in a loop.
    #[allow(clippy::needless_range_loop)] // the plain loops are the point
    fn plain<const L: usize>(emis: &[[f32; L]], t: &Transitions<L>) -> Vec<u8> {
        let n = emis.len();
        let mut back = vec![[0u8; L]];
        let mut score = [0.0; L];
        for l in 0..L {
            score[l] = emis[0][l] + t.start[l];
        }
        for e in &emis[1..] {
            let mut next = [f32::NEG_INFINITY; L];
            let mut bp = [0u8; L];
            for to in 0..L {
                for from in 0..L {
                    let s = score[from] + t.next[from][to];
                    if s > next[to] {
                        next[to] = s;
                        bp[to] = from as u8;
                    }
                }
                next[to] += e[to];
            }
            score = next;
            back.push(bp);
        }
        let mut best = (1..L).fold(0, |b, l| if score[l] > score[b] { l } else { b });
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = best as u8;
            best = back[i][best] as usize;
        }
        out
    }

    /// The score of a label sequence.
    fn score<const L: usize>(emis: &[[f32; L]], t: &Transitions<L>, y: &[u8]) -> f32 {
        let y: Vec<usize> = y.iter().map(|&l| usize::from(l)).collect();
        (0..emis.len())
            .map(|i| {
                emis[i][y[i]]
                    + if i == 0 {
                        t.start[y[0]]
                    } else {
                        t.next[y[i - 1]][y[i]]
                    }
            })
            .sum()
    }

    /// BIO over one type: O, B, I; no I first or after O.
    fn bio(weights: &[f32]) -> Transitions<3> {
        let mut t = Transitions {
            start: [weights[0], weights[1], weights[2]],
            next: [0; 3].map(|_| [0.0; 3]),
        };
        for (k, &w) in weights[3..12].iter().enumerate() {
            t.next[k / 3][k % 3] = w;
        }
        t.forbid(None, 2);
        t.forbid(Some(0), 2);
        t
    }

    fn decoded<const L: usize>(emis: &[[f32; L]], t: &Transitions<L>) -> Vec<u8> {
        let mut scores = emis.to_vec();
        let mut out = Vec::new();
        decode(&mut scores, t, &mut out);
        out
    }

    #[test]
    fn never_starts_a_span_with_i() {
        // Emissions favour I everywhere, but I needs a B before it.
        let out = decoded(&[[0.0, 0.5, 1.0], [0.0, 0.0, 1.0]], &bio(&[0.0; 12]));
        assert_eq!(out, [1, 2]);
    }

    #[test]
    fn follows_transitions() {
        // Nine labels as the entity tagger's: B-PER then I-PER.
        let mut next = [[0.0; 9]; 9];
        next[1][2] = 5.0;
        let mut emis = [[0.0; 9]; 2];
        emis[0][1] = 3.0;
        assert_eq!(decoded(&emis, &Transitions::new(next)), [1, 2]);
    }

    #[test]
    fn empty_input_gives_no_labels() {
        assert!(decoded::<4>(&[], &Transitions::new([[1.0; 4]; 4])).is_empty());
    }

    fn grid<const L: usize>(values: &[i8]) -> Vec<[f32; L]> {
        values
            .chunks_exact(L)
            .map(|c| std::array::from_fn(|l| f32::from(c[l]) * 0.5))
            .collect()
    }

    proptest! {
        #[test]
        fn bio_decodes_as_the_plain_loops_do(
            emis in proptest::collection::vec(-4i8..4, 3..60),
            trans in proptest::collection::vec(-3i8..3, 12),
        ) {
            // Small integers: many ties, which must break the same way.
            let emis = grid::<3>(&emis);
            let trans: Vec<f32> = trans.iter().map(|&x| f32::from(x) * 0.5).collect();
            let t = bio(&trans);
            prop_assert_eq!(decoded(&emis, &t), plain(&emis, &t));
        }

        #[test]
        fn nine_labels_decode_as_the_plain_loops_do(
            emis in proptest::collection::vec(-4i8..4, 9..90),
            next in proptest::collection::vec(-3i8..3, 81),
        ) {
            let emis = grid::<9>(&emis);
            let next = grid::<9>(&next);
            let t = Transitions::new(next.try_into().expect("nine rows"));
            prop_assert_eq!(decoded(&emis, &t), plain(&emis, &t));
        }

        #[test]
        fn finds_a_best_sequence(
            emis in proptest::collection::vec(-4i8..4, 12..=12),
            next in proptest::collection::vec(-3i8..3, 16),
            start in proptest::collection::vec(-3i8..3, 4),
        ) {
            // Four labels, three tokens: every sequence is tried. Integer
            // halves: the sums are exact.
            let emis = grid::<4>(&emis);
            let mut t = Transitions::new(grid::<4>(&next).try_into().expect("four rows"));
            t.start = grid::<4>(&start)[0];
            let best = (0..64u8)
                .map(|k| score(&emis, &t, &[k / 16, k / 4 % 4, k % 4]))
                .fold(f32::NEG_INFINITY, f32::max);
            prop_assert_eq!(score(&emis, &t, &decoded(&emis, &t)), best);
        }
    }
}
