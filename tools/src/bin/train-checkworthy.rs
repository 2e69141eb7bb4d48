//! Trains the check-worthiness model: logistic regression over the hashed
//! features of `factlens::claims_training::worthy_features`, by AdaGrad SGD
//! with the weights averaged over the epochs of `--seeds` shuffled runs.
//! Writes `worthy.bin`.
//!
//! `train-checkworthy --help` for the arguments; `scripts/regenerate.sh`
//! runs it.
//!
//! Without `--folds` the model learns from TRAIN and the decision
//! threshold is the one that maximizes F1 on DEV. With `--folds K` it
//! learns from TRAIN and DEV together and the threshold is the one that
//! maximizes F1 over the out-of-fold scores of a K-fold cross-validation
//! on TRAIN + DEV, DEV examples weighted `--dev-weight` (the figures
//! printed for DEV are then its out-of-fold figures, not those of the
//! shipped model). `--plateau X` takes, instead of the highest F1, the
//! middle of the thresholds within X of it. `--clean P` (with `--folds`)
//! drops the train examples to which the out-of-fold model gives a
//! probability of their own label below P (likely label noise: train is
//! much noisier than dev) and learns again without them. `--report FILE` only prints
//! the shipped model's figures on FILE; nothing is chosen on it.

use std::io::BufRead;
use std::path::PathBuf;

use factlens::claims_training as ct;

type Example = (Vec<u32>, bool);

fn read(path: &str) -> Vec<Example> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).expect("json line");
            (
                ct::worthy_features(v["text"].as_str().unwrap_or_default()),
                v["label"].as_u64() == Some(1),
            )
        })
        .collect()
}

struct Config {
    bits: u8,
    epochs: usize,
    l2: f32,
    seeds: u64,
    dev_weight: f32,
    plateau: f64,
}

struct Model {
    mask: u32,
    w: Vec<f32>,
    bias: f32,
}

impl Model {
    fn score(&self, f: &[u32]) -> f32 {
        self.bias
            + f.iter()
                .map(|&k| self.w[(k & self.mask) as usize])
                .sum::<f32>()
    }

    fn scores(&self, data: &[Example]) -> Vec<(f32, bool)> {
        data.iter().map(|(f, y)| (self.score(f), *y)).collect()
    }
}

/// AdaGrad on the logistic loss, each example with its weight; the
/// result averages the weights at the end of every epoch of every seed
/// (a cheap ensemble that steadies the last, noisiest updates).
fn train(data: &[(&Example, f32)], c: &Config) -> Model {
    let n = 1usize << c.bits;
    let mask = (1u32 << c.bits) - 1;
    let (mut sum, mut sum_bias, mut count) = (vec![0f32; n], 0f32, 0f32);
    for s in 0..c.seeds {
        let (mut w, mut g2) = (vec![0f32; n], vec![1e-6f32; n]);
        let (mut bias, mut b2) = (0f32, 1e-6f32);
        let rate = 0.1f32;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed = 7u64 + s * 1_000_003;
        for _ in 0..c.epochs {
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            for &k in &order {
                let ((f, y), weight) = data[k];
                let z = bias + f.iter().map(|&j| w[(j & mask) as usize]).sum::<f32>();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = weight * (p - if *y { 1.0 } else { 0.0 });
                for &j in f {
                    let j = (j & mask) as usize;
                    let gj = g + c.l2 * w[j];
                    g2[j] += gj * gj;
                    w[j] -= rate * gj / g2[j].sqrt();
                }
                b2 += g * g;
                bias -= rate * g / b2.sqrt();
            }
            for (a, b) in sum.iter_mut().zip(&w) {
                *a += b;
            }
            sum_bias += bias;
            count += 1.0;
        }
    }
    Model {
        mask,
        w: sum.iter().map(|x| x / count).collect(),
        bias: sum_bias / count,
    }
}

/// Scores of every example by a model trained without its fold; fold k
/// holds every k-th example.
fn out_of_fold(all: &[(&Example, f32)], folds: usize, c: &Config) -> Vec<(f32, bool)> {
    let mut oof = vec![(0f32, false); all.len()];
    for k in 0..folds {
        let fit: Vec<(&Example, f32)> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, e)| *e)
            .collect();
        let m = train(&fit, c);
        for (i, e) in all.iter().enumerate().filter(|(i, _)| i % folds == k) {
            oof[i] = (m.score(&e.0 .0), e.0 .1);
        }
    }
    oof
}

/// Best F1 over thresholds on the raw score, and that threshold.
fn best_threshold(scores: &[(f32, bool)]) -> (f32, f64) {
    let mut s = scores.to_vec();
    s.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = s.iter().filter(|x| x.1).count();
    let (mut tp, mut best, mut thr) = (0usize, 0.0, 0.0);
    for (k, &(sc, y)) in s.iter().enumerate() {
        tp += usize::from(y);
        let f1 = 2.0 * tp as f64 / (k + 1 + pos) as f64;
        let next = s.get(k + 1).map_or(sc - 1.0, |x| x.0);
        if f1 > best && next < sc {
            best = f1;
            thr = (sc + next) / 2.0;
        }
    }
    (thr, best)
}

/// The middle (by rank) of the thresholds whose F1 is within `tol` of the
/// best: F1 is flat near its peak, and the middle of the plateau is a
/// steadier choice than its noisy highest point.
fn plateau_threshold(scores: &[(f32, bool)], tol: f64) -> (f32, f64) {
    let mut s = scores.to_vec();
    s.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = s.iter().filter(|x| x.1).count();
    let mut curve = Vec::new();
    let mut tp = 0usize;
    for (k, &(sc, y)) in s.iter().enumerate() {
        tp += usize::from(y);
        let next = s.get(k + 1).map_or(sc - 1.0, |x| x.0);
        if next < sc {
            curve.push(((sc + next) / 2.0, 2.0 * tp as f64 / (k + 1 + pos) as f64));
        }
    }
    let best = curve.iter().fold(0.0f64, |m, x| m.max(x.1));
    let near: Vec<&(f32, f64)> = curve.iter().filter(|x| x.1 >= best - tol).collect();
    let mid = near[near.len() / 2];
    (mid.0, mid.1)
}

/// Precision, recall and F1 at `thr`, and average precision.
fn figures(scores: &[(f32, bool)], thr: f32) -> String {
    let tp = scores.iter().filter(|x| x.0 >= thr && x.1).count() as f64;
    let np = scores.iter().filter(|x| x.0 >= thr).count() as f64;
    let ng = scores.iter().filter(|x| x.1).count() as f64;
    let mut ranked = scores.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut hits, mut ap) = (0.0, 0.0);
    for (k, x) in ranked.iter().enumerate() {
        if x.1 {
            hits += 1.0;
            ap += hits / (k + 1) as f64;
        }
    }
    format!(
        "P {:.4} R {:.4} F1 {:.4} AP {:.4}",
        tp / np.max(1.0),
        tp / ng.max(1.0),
        2.0 * tp / (np + ng).max(1.0),
        ap / ng.max(1.0)
    )
}

/// Trains the check-worthiness model and writes worthy.bin. From the
/// repository root:
/// train-checkworthy ../shared/data/claims/ct24_en_train.jsonl ../shared/data/claims/ct24_en_dev.jsonl src/claims/model --bits 17 --epochs 6 --seeds 4 --dev-weight 3 --folds 5 --clean 0.15 --plateau 0.005 --report ../shared/data/claims/ct24_en_devtest.jsonl
#[derive(clap::Parser)]
#[command(verbatim_doc_comment)]
struct Args {
    /// Labelled sentences to learn from, JSONL (e.g. ../shared/data/claims/ct24_en_train.jsonl).
    train: String,
    /// Labelled sentences that choose the threshold, or with --folds are
    /// learnt from too (e.g. ../shared/data/claims/ct24_en_dev.jsonl).
    dev: String,
    /// The directory to write worthy.bin to (e.g. src/claims/model).
    out_dir: PathBuf,
    /// The weight table has 2^bits rows.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u8).range(8..=24))]
    bits: u8,
    /// Passes over the data, per run.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// L2 regularization.
    #[arg(long, default_value_t = 1e-6)]
    l2: f32,
    /// Shuffled runs whose weights are averaged.
    #[arg(long, default_value_t = 1)]
    seeds: u64,
    /// The weight of a DEV example (with --folds).
    #[arg(long, default_value_t = 1.0)]
    dev_weight: f32,
    /// Quantized weights of this many steps (of 127) or fewer are set to zero.
    #[arg(long, default_value_t = 1)]
    prune: u8,
    /// Cross-validation folds over TRAIN + DEV (0: learn from TRAIN, threshold on DEV).
    #[arg(long, default_value_t = 0)]
    folds: usize,
    /// Drop train examples whose out-of-fold probability of their own label is below this.
    #[arg(long, default_value_t = 0.0)]
    clean: f32,
    /// Take the middle of the thresholds whose F1 is within this of the best.
    #[arg(long, default_value_t = 0.0)]
    plateau: f64,
    /// Labelled sentences to print the shipped model's figures on (e.g.
    /// ../shared/data/claims/ct24_en_devtest.jsonl); nothing is chosen on them.
    #[arg(long)]
    report: Option<String>,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let c = Config {
        bits: args.bits,
        epochs: args.epochs,
        l2: args.l2,
        seeds: args.seeds,
        dev_weight: args.dev_weight,
        plateau: args.plateau,
    };
    let (prune, folds, clean) = (args.prune, args.folds, args.clean);
    let report = args.report.clone();
    let command = factlens_tools::command_line(
        "cargo run --release -p factlens-tools --bin train-checkworthy --",
    );
    let train_set = read(&args.train);
    let dev = read(&args.dev);
    let (model, thr) = if folds < 2 {
        let model = train(&train_set.iter().map(|e| (e, 1.0)).collect::<Vec<_>>(), &c);
        let ds = model.scores(&dev);
        let (thr, _) = if c.plateau > 0.0 {
            plateau_threshold(&ds, c.plateau)
        } else {
            best_threshold(&ds)
        };
        eprintln!(
            "threshold {thr:.3} chosen on dev: dev {}",
            figures(&ds, thr)
        );
        (model, thr)
    } else {
        let mut all: Vec<(&Example, f32)> = train_set
            .iter()
            .map(|e| (e, 1.0))
            .chain(dev.iter().map(|e| (e, c.dev_weight)))
            .collect();
        let mut oof = out_of_fold(&all, folds, &c);
        if clean > 0.0 {
            // Train labels the other folds contradict with confidence are
            // most likely noise: learn without them, then score again.
            let limit = (clean / (1.0 - clean)).ln();
            let mut dropped = 0;
            for (e, &(s, y)) in all.iter_mut().zip(&oof).take(train_set.len()) {
                if if y { s < limit } else { s > -limit } {
                    e.1 = 0.0;
                    dropped += 1;
                }
            }
            eprintln!("dropped {dropped} train examples whose out-of-fold probability of their label is below {clean}");
            oof = out_of_fold(&all, folds, &c);
        }
        // Dropped examples keep their scores here: the threshold must suit all text.
        let (thr, _) = if c.plateau > 0.0 {
            plateau_threshold(&oof, c.plateau)
        } else {
            best_threshold(&oof)
        };
        eprintln!(
            "threshold {thr:.3} chosen on {folds}-fold out-of-fold scores: all {}",
            figures(&oof, thr)
        );
        eprintln!(
            "dev, out of fold: {}",
            figures(&oof[train_set.len()..], thr)
        );
        (train(&all, &c), thr)
    };
    if let Some(path) = report {
        let rs = model.scores(&read(&path));
        eprintln!(
            "report {path}: {} (best F1 at any threshold {:.4})",
            figures(&rs, thr),
            best_threshold(&rs).1
        );
    }
    let out = args.out_dir.join("worthy.bin");
    std::fs::write(
        &out,
        ct::encode_worthy(&command, c.bits, &model.w, model.bias, thr, prune),
    )
    .expect("write worthy.bin");
    eprintln!("wrote {}", out.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_separate_the_classes() {
        let s = [(3.0, true), (2.0, true), (1.0, false), (0.0, false)];
        let (thr, f1) = best_threshold(&s);
        assert_eq!((thr, f1), (1.5, 1.0));
        // Within 0.2 of the best F1: thresholds 1.5 and 0.5 (F1 0.8); the middle by rank is the lower one.
        assert_eq!(plateau_threshold(&s, 0.2), (0.5, 0.8));
        assert_eq!(plateau_threshold(&s, 0.0), (1.5, 1.0));
    }
}
