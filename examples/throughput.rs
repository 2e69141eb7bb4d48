//! Throughput of the date recognizer and of the whole pipeline, natively.
//!
//! ```text
//! cargo run --release --example throughput -- FILE.jsonl|FILE.txt [MB]
//! ```
//! Reads plain text, or the `text` fields of a JSONL file, repeats it up to
//! MB megabytes (default 4) and reports MB/s for: tokenizing, tokenizing +
//! dates, and `annotate` (everything), each the best of five runs. Dates'
//! own cost is the difference of the first two.

use std::time::Instant;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: throughput FILE [MB]")?;
    let mb: f64 = args.next().map_or(Ok(4.0), |s| s.parse().map_err(|_| "MB must be a number".to_string()))?;
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let docs: Vec<String> = if path.ends_with(".jsonl") {
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect()
    } else {
        vec![raw]
    };
    let one: usize = docs.iter().map(String::len).sum();
    if one == 0 {
        return Err("no text".into());
    }
    let reps = ((mb * 1e6) / one as f64).ceil().max(1.0) as usize;
    let bytes = (one * reps) as f64 / 1e6;
    let dct = "2024-09-20".parse().ok();
    // The best of five runs: the machine is shared, the minimum is the
    // least disturbed measurement.
    let time = |f: &dyn Fn(&str) -> usize| {
        let mut best = f64::INFINITY;
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = 0;
            for _ in 0..reps {
                for d in &docs {
                    n += f(d);
                }
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        (best, n)
    };
    let (t_tok, n_tok) = time(&|d| factlens::bench_dates(d, dct, false));
    let (t_dates, n_dates) = time(&|d| factlens::bench_dates(d, dct, true));
    let options = factlens::Options::new().document_date("2024-09-20").map_err(|e| e.to_string())?;
    let (t_all, n_all) = time(&|d| factlens::annotate(d, &options).dates.len());
    println!("text: {bytes:.1} MB ({} documents x {reps})", docs.len());
    println!("tokenize:          {:8.1} MB/s  ({n_tok} tokens)", bytes / t_tok);
    println!("tokenize + dates:  {:8.1} MB/s  ({n_dates} dates)", bytes / t_dates);
    println!("dates alone:       {:8.1} MB/s  ({:.3} s)", bytes / (t_dates - t_tok).max(1e-9), t_dates - t_tok);
    println!("annotate (all):    {:8.1} MB/s  ({n_all} dates)", bytes / t_all);
    Ok(())
}
