//! Trains the two attribution taggers (cues; then sources and contents)
//! as averaged structured perceptrons on PolNeAR and writes
//! `cue.bin` and `roles.bin`.
//!
//! `train-claims --help` for the arguments; `scripts/regenerate.sh` runs it.
//!
//! Stage two is trained on cues predicted by stage one (two-fold
//! jackknife over the training documents), so it learns from the same kind
//! of cues it will see when tagging.

use std::io::BufRead;
use std::path::PathBuf;

use factlens::claims_training::{self as ct, GoldClaim, Sequence};

struct Doc {
    text: String,
    gold: Vec<GoldClaim>,
}

fn span(v: &serde_json::Value) -> Option<(usize, usize)> {
    let a = v.as_array()?;
    Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
}

fn read(path: &str) -> Vec<Doc> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).expect("json line");
            let gold = v["claims"]
                .as_array()
                .map(|cs| {
                    cs.iter()
                        .map(|c| GoldClaim {
                            source: span(&c["source"]),
                            cue: span(&c["cue"]),
                            content: span(&c["content"]),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Doc {
                text: v["text"].as_str().unwrap_or_default().to_string(),
                gold,
            }
        })
        .collect()
}

/// An averaged structured perceptron over hashed features.
struct Perceptron {
    mask: u32,
    roles: usize,
    w: Vec<f32>,
    u: Vec<f32>,
    t: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn new(bits: u8, roles: usize) -> Perceptron {
        let n = (1usize << bits) * roles * 3;
        Perceptron {
            mask: (1u32 << bits) - 1,
            roles,
            w: vec![0.0; n],
            u: vec![0.0; n],
            t: vec![0.0; roles * 12],
            tu: vec![0.0; roles * 12],
            c: 1.0,
        }
    }

    fn emissions(w: &[f32], mask: u32, roles: usize, s: &Sequence) -> Vec<f32> {
        let cols = roles * 3;
        let mut e = vec![0.0; s.feats.len() * cols];
        for (i, fs) in s.feats.iter().enumerate() {
            for &f in fs {
                let row = (f & mask) as usize * cols;
                for k in 0..cols {
                    e[i * cols + k] += w[row + k];
                }
            }
        }
        e
    }

    fn predict_with(w: &[f32], t: &[f32], mask: u32, roles: usize, s: &Sequence) -> Vec<Vec<u8>> {
        let e = Self::emissions(w, mask, roles, s);
        (0..roles)
            .map(|r| ct::viterbi(&e, roles * 3, r * 3, &t[r * 12..r * 12 + 12]))
            .collect()
    }

    fn update(&mut self, s: &Sequence) {
        let pred = Self::predict_with(&self.w, &self.t, self.mask, self.roles, s);
        let cols = self.roles * 3;
        for (r, (p, g)) in pred.iter().zip(&s.gold).enumerate() {
            if p == g {
                continue;
            }
            for i in 0..g.len() {
                let from = |l: &[u8]| if i == 0 { 0 } else { l[i - 1] as usize + 1 };
                for (lab, sign) in [(g, 1.0f32), (p, -1.0f32)] {
                    let k = r * 12 + from(lab) * 3 + lab[i] as usize;
                    self.t[k] += sign;
                    self.tu[k] += sign * self.c;
                }
                if p[i] != g[i] {
                    for &f in &s.feats[i] {
                        let row = (f & self.mask) as usize * cols + r * 3;
                        for (lab, sign) in [(g[i], 1.0f32), (p[i], -1.0f32)] {
                            self.w[row + lab as usize] += sign;
                            self.u[row + lab as usize] += sign * self.c;
                        }
                    }
                }
            }
        }
        self.c += 1.0;
    }

    /// The averaged weights and transitions.
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / self.c).collect();
        (avg(&self.w, &self.u), avg(&self.t, &self.tu))
    }
}

fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (*seed >> 33) as usize % (i + 1);
        v.swap(i, j);
    }
}

fn train(
    seqs: &[Sequence],
    bits: u8,
    roles: usize,
    epochs: usize,
    dev: &[Sequence],
    name: &str,
) -> (Vec<f32>, Vec<f32>) {
    let mut p = Perceptron::new(bits, roles);
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut seed = 42u64;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            p.update(&seqs[k]);
        }
        if !dev.is_empty() {
            let (w, t) = p.averaged();
            let f1s: Vec<String> = (0..roles)
                .map(|r| format!("{:.4}", span_f1(&w, &t, p.mask, roles, dev, r)))
                .collect();
            eprintln!("{name} epoch {} dev span F1 {}", epoch + 1, f1s.join(" "));
        }
    }
    p.averaged()
}

fn runs(l: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut cur = None;
    for (i, &x) in l.iter().chain(std::iter::once(&0)).enumerate() {
        if x != 2 {
            if let Some(s) = cur.take() {
                out.push((s, i));
            }
            if x == 1 {
                cur = Some(i);
            }
        }
    }
    out
}

/// Exact span F1 of one role over sequences (a diagnostic; the product's
/// figures come from `factlens eval attribution`).
fn span_f1(w: &[f32], t: &[f32], mask: u32, roles: usize, seqs: &[Sequence], r: usize) -> f64 {
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for s in seqs {
        let pred = Perceptron::predict_with(w, t, mask, roles, s);
        let (p, g) = (runs(&pred[r]), runs(&s.gold[r]));
        tp += p.iter().filter(|x| g.contains(x)).count();
        np += p.len();
        ng += g.len();
    }
    2.0 * tp as f64 / (np + ng).max(1) as f64
}

fn predict_cues(w: &[f32], t: &[f32], bits: u8, docs: &[Doc]) -> Vec<Vec<Vec<u8>>> {
    let mask = (1u32 << bits) - 1;
    docs.iter()
        .map(|d| {
            ct::cue_sequences(&d.text, &d.gold)
                .iter()
                .map(|s| Perceptron::predict_with(w, t, mask, 1, s).remove(0))
                .collect()
        })
        .collect()
}

/// Trains the attribution taggers (cues; then sources and contents) and
/// writes cue.bin and roles.bin. From the repository root:
/// train-claims ../shared/data/claims/polnear_train.jsonl ../shared/data/claims/polnear_dev.jsonl src/claims/model --bits 17 --epochs 8 --prune 4
#[derive(clap::Parser)]
#[command(verbatim_doc_comment)]
struct Args {
    /// Gold training documents, JSONL (e.g. ../shared/data/claims/polnear_train.jsonl).
    train: String,
    /// Gold documents for the progress lines only (e.g. ../shared/data/claims/polnear_dev.jsonl).
    dev: String,
    /// The directory to write cue.bin and roles.bin to (e.g. src/claims/model).
    out_dir: PathBuf,
    /// The weight table has 2^bits rows.
    #[arg(long, default_value_t = 17, value_parser = clap::value_parser!(u8).range(8..=24))]
    bits: u8,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
    /// Quantized weights of this many steps (of 127) or fewer are set to zero.
    #[arg(long, default_value_t = 4)]
    prune: u8,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let (bits, epochs, prune) = (args.bits, args.epochs, args.prune);
    let command =
        factlens_tools::command_line("cargo run --release -p factlens-tools --bin train-claims --");
    let train_docs = read(&args.train);
    let dev_docs = read(&args.dev);
    eprintln!(
        "{} train docs, {} dev docs",
        train_docs.len(),
        dev_docs.len()
    );

    let cue_seqs = |docs: &[Doc]| -> Vec<Sequence> {
        docs.iter()
            .flat_map(|d| ct::cue_sequences(&d.text, &d.gold))
            .collect()
    };
    let dev_cue = cue_seqs(&dev_docs);

    // Jackknife: cues for stage two's training come from a model that did
    // not see the document.
    let (even, odd): (Vec<_>, Vec<_>) = train_docs
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % 2 == 0);
    let fold = |v: Vec<(usize, Doc)>| v.into_iter().map(|(_, d)| d).collect::<Vec<Doc>>();
    let (a, b) = (fold(even), fold(odd));
    let (wa, ta) = train(&cue_seqs(&a), bits, 1, epochs, &[], "cue fold A");
    let (wb, tb) = train(&cue_seqs(&b), bits, 1, epochs, &[], "cue fold B");
    let pred_b = predict_cues(&wa, &ta, bits, &b);
    let pred_a = predict_cues(&wb, &tb, bits, &a);
    drop((wa, ta, wb, tb));

    let all: Vec<Doc> = a.into_iter().chain(b).collect();
    let preds: Vec<Vec<Vec<u8>>> = pred_a.into_iter().chain(pred_b).collect();
    let (wc, tc) = train(&cue_seqs(&all), bits, 1, epochs, &dev_cue, "cue");

    let role_train: Vec<Sequence> = all
        .iter()
        .zip(&preds)
        .flat_map(|(d, p)| ct::role_sequences(&d.text, &d.gold, p))
        .collect();
    let dev_pred = predict_cues(&wc, &tc, bits, &dev_docs);
    let role_dev: Vec<Sequence> = dev_docs
        .iter()
        .zip(&dev_pred)
        .flat_map(|(d, p)| ct::role_sequences(&d.text, &d.gold, p))
        .collect();
    let (wr, tr) = train(&role_train, bits, 2, epochs, &role_dev, "source/content");

    let out = &args.out_dir;
    std::fs::write(
        out.join("cue.bin"),
        ct::encode_tagger(&command, bits, 1, &wc, &tc, prune),
    )
    .expect("write cue.bin");
    std::fs::write(
        out.join("roles.bin"),
        ct::encode_tagger(&command, bits, 2, &wr, &tr, prune),
    )
    .expect("write roles.bin");
    eprintln!("wrote {}/cue.bin and roles.bin", out.display());
}
