//! Native whole-pipeline throughput on generated news-like text, with the
//! cost of each stage and how cost grows with length.
//!
//! `cargo bench --bench throughput [-- --json PATH]`
//! Prints a table; with --json also writes the figures as JSON.

mod corpus;

use std::time::Instant;

use factlens::{annotate, Options};

const SIZES: &[usize] = &[10 << 10, 100 << 10, 1 << 20, 10 << 20];

/// Best of `runs` timings of `f`, in seconds: the least disturbed run.
fn best_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let json_path = args.iter().position(|a| a == "--json").and_then(|i| args.get(i + 1)).cloned();
    let big = corpus::generate(*SIZES.last().unwrap(), 42);
    let opts = Options::new().document_date("2024-10-01").expect("valid date");

    println!("factlens native throughput, one thread, generated news-like text");
    println!("{:>10} {:>10} {:>10} {:>12} {:>12} {:>10}", "size", "seconds", "MB/s", "tokens/s", "entities", "ns/byte");
    let mut rows = Vec::new();
    for &size in SIZES {
        let end = big[..size.min(big.len())].rfind("\n\n").map_or(size, |i| i + 2);
        let text = &big[..end];
        let runs = if size <= 1 << 20 { 20 } else { 3 };
        let mut doc = None;
        let secs = best_of(runs, || doc = Some(annotate(text, &opts)));
        let doc = doc.expect("ran at least once");
        // The benchmark checks its own result: the text was really annotated.
        assert!(doc.entities.len() > text.len() / 200, "too few entities: {}", doc.entities.len());
        assert!(!doc.dates.is_empty() && !doc.claims.is_empty(), "no dates or claims found");
        let words = doc.summary.statistics.words as f64;
        let mbs = text.len() as f64 / secs / 1e6;
        println!(
            "{:>10} {:>10.4} {:>10.2} {:>12.0} {:>12} {:>10.1}",
            text.len(),
            secs,
            mbs,
            words / secs,
            doc.entities.len(),
            secs * 1e9 / text.len() as f64
        );
        rows.push(serde_json::json!({"bytes": text.len(), "seconds": secs, "mb_per_s": mbs, "tokens_per_s": words / secs,
            "entities": doc.entities.len(), "dates": doc.dates.len(), "claims": doc.claims.len()}));
    }

    let stages = factlens::profile_stages(&big, &opts);
    println!("\nstages on {} bytes:", big.len());
    println!("{:>12} {:>10} {:>10}", "stage", "seconds", "MB/s");
    let mut stage_rows = Vec::new();
    for (name, secs) in &stages {
        println!("{:>12} {:>10.4} {:>10.2}", name, secs, big.len() as f64 / secs / 1e6);
        stage_rows.push(serde_json::json!({"stage": name, "seconds": secs, "mb_per_s": big.len() as f64 / secs / 1e6}));
    }
    let per_byte = |r: &serde_json::Value| r["seconds"].as_f64().unwrap() / r["bytes"].as_f64().unwrap();
    let growth = per_byte(rows.last().unwrap()) / per_byte(&rows[0]);
    println!("\ncost per byte at 10 MB / at 10 KB: {growth:.3}");

    if let Some(path) = json_path {
        let out = serde_json::json!({"benchmark": "native-throughput", "sizes": rows, "stages": stage_rows,
            "per_byte_growth_10mb_vs_10kb": growth});
        std::fs::write(&path, serde_json::to_string_pretty(&out).unwrap()).expect("write JSON");
        println!("wrote {path}");
    }
}
