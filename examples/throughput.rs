//! Whole-pipeline throughput on the texts of a gold file (or any JSONL with
//! a "text" field), on one core:
//!
//! ```text
//! cargo run --release --example throughput -- ../shared/data/ner/conll2003_dev.jsonl
//! ```

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: throughput FILE.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = factlens::Options::new();
    // Warm up (loads the embedded model once).
    let mut entities = 0;
    for t in texts.iter().take(5) {
        entities += factlens::annotate(t, &options).entities.len();
    }
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let start = Instant::now();
        for t in &texts {
            entities += factlens::annotate(t, &options).entities.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    assert!(entities > 0, "the pipeline found entities");
    println!(
        "{} documents, {:.2} MB: best of {rounds} rounds {:.3} s, {:.2} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best
    );
}
