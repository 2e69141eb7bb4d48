//! Throughput of the whole pipeline: annotates every `text` of a JSONL
//! file (gold format) `--rounds` times and prints MB/s of UTF-8 input.
//! Reading and parsing the file are not timed.
//!
//! Usage: bench-annotate FILE.jsonl [--rounds N]

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: bench-annotate FILE.jsonl [--rounds N]");
        std::process::exit(2);
    };
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|k| args.get(k + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let f = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
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
