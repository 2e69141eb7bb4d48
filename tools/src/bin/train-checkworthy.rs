//! Trains the check-worthiness model: logistic regression over the hashed
//! n-gram features of `factlens::claims_training::worthy_features`, by
//! AdaGrad SGD on CheckThat! 2024 train; the decision threshold is the one
//! that maximizes F1 on DEV. Writes `worthy.bin`.
//!
//! Usage: train-checkworthy TRAIN.jsonl DEV.jsonl OUT_DIR [--bits N] [--epochs N] [--l2 X] [--prune N]

use std::io::BufRead;

use factlens::claims_training as ct;

fn read(path: &str) -> Vec<(Vec<u32>, bool)> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l).expect("json line");
            (ct::worthy_features(v["text"].as_str().unwrap_or_default()), v["label"].as_u64() == Some(1))
        })
        .collect()
}

fn score(w: &[f32], bias: f32, mask: u32, f: &[u32]) -> f32 {
    bias + f.iter().map(|&k| w[(k & mask) as usize]).sum::<f32>()
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

fn f1_at(scores: &[(f32, bool)], thr: f32) -> (f64, f64, f64) {
    let tp = scores.iter().filter(|x| x.0 >= thr && x.1).count() as f64;
    let np = scores.iter().filter(|x| x.0 >= thr).count() as f64;
    let ng = scores.iter().filter(|x| x.1).count() as f64;
    (tp / np.max(1.0), tp / ng.max(1.0), 2.0 * tp / (np + ng).max(1.0))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: train-checkworthy TRAIN.jsonl DEV.jsonl OUT_DIR [--bits N] [--epochs N] [--l2 X] [--prune N]");
        std::process::exit(2);
    }
    let flag = |name, default| factlens_tools::flag(&args, name, default);
    let (bits, epochs, l2, prune): (u8, usize, f32, u8) = (flag("--bits", 16.0) as u8, flag("--epochs", 10.0) as usize, flag("--l2", 1e-6) as f32, flag("--prune", 1.0) as u8);
    let command = format!("cargo run --release -p factlens-tools --bin train-checkworthy -- {}", args[1..].join(" "));
    let train = read(&args[1]);
    let dev = read(&args[2]);
    let mask = (1u32 << bits) - 1;
    let n = 1usize << bits;
    let (mut w, mut g2) = (vec![0f32; n], vec![1e-6f32; n]);
    let (mut bias, mut b2) = (0f32, 1e-6f32);
    let rate = 0.1f32;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 7u64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &k in &order {
            let (f, y) = &train[k];
            let p = 1.0 / (1.0 + (-score(&w, bias, mask, f)).exp());
            let g = p - if *y { 1.0 } else { 0.0 };
            for &j in f {
                let j = (j & mask) as usize;
                let gj = g + l2 * w[j];
                g2[j] += gj * gj;
                w[j] -= rate * gj / g2[j].sqrt();
            }
            b2 += g * g;
            bias -= rate * g / b2.sqrt();
        }
        let ds: Vec<(f32, bool)> = dev.iter().map(|(f, y)| (score(&w, bias, mask, f), *y)).collect();
        let (thr, f1) = best_threshold(&ds);
        eprintln!("epoch {} dev best F1 {f1:.4} at {thr:.3}, F1 at 0: {:.4}", epoch + 1, f1_at(&ds, 0.0).2);
    }
    let ds: Vec<(f32, bool)> = dev.iter().map(|(f, y)| (score(&w, bias, mask, f), *y)).collect();
    let (thr, _) = best_threshold(&ds);
    let (p, r, f) = f1_at(&ds, thr);
    eprintln!("threshold {thr:.3}: dev P {p:.4} R {r:.4} F1 {f:.4}");
    let out = std::path::Path::new(&args[3]).join("worthy.bin");
    std::fs::write(&out, ct::encode_worthy(&command, bits, &w, bias, thr, prune)).expect("write worthy.bin");
    eprintln!("wrote {}", out.display());
}
