//! Throughput of the whole pipeline: annotates every `text` of a JSONL
//! file (gold format) `--rounds` times and prints MB/s of UTF-8 input.
//! Reading and parsing the file are not timed.

use std::io::BufRead;
use std::time::Instant;

/// Annotation throughput in MB/s of UTF-8 input, over every `text` of a
/// JSONL file (e.g. ../shared/data/ner/conll2003_dev.jsonl).
#[derive(clap::Parser)]
struct Args {
    /// Documents, JSONL with a `text` field (e.g. ../shared/data/ner/conll2003_dev.jsonl).
    file: std::path::PathBuf,
    /// Timed passes over the file (after one untimed pass).
    #[arg(long, default_value_t = 5)]
    rounds: usize,
}

fn main() {
    let Args { file, rounds } = <Args as clap::Parser>::parse();
    let f = std::fs::File::open(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let texts: Vec<String> = std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let options = factlens::Options::new();
    // One untimed round loads the models and warms the caches.
    let mut claims = 0;
    for t in &texts {
        claims += factlens::annotate(t, &options).claims.len();
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(factlens::annotate(t, &options));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("{} texts, {:.2} MB x {rounds} rounds in {secs:.3} s: {:.2} MB/s ({claims} claims per round)", texts.len(), bytes as f64 / 1e6, mb / secs);
}
