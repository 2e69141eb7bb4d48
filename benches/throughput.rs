//! Native whole-pipeline throughput on generated news-like text, with the
//! cost of each stage and how cost grows with length.
//!
//! `cargo bench --bench throughput [-- --json PATH] [--corpus PATH] [--quick]`
//! Prints a table; with --json also writes the figures as JSON; with
//! --corpus also writes the generated text, so the browser benchmark
//! (benches/browser.mjs) annotates exactly the same bytes. --quick runs
//! fewer repetitions. scripts/bench.sh runs everything.

mod corpus;
mod cpu;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::sync::OnceLock;
use std::time::Instant;

use factlens::{annotate, Options};

/// Counts live heap bytes and their peak, so the benchmark can report how
/// much memory annotating takes (one relaxed atomic add per allocation).
struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// While TRACING is set, allocations also note the live heap in 1 ms time
/// slots, so one run of `profile_stages` splits into each stage's peak.
/// Off while timing: reading the clock on every allocation costs.
static TRACING: AtomicBool = AtomicBool::new(false);
static EPOCH: OnceLock<Instant> = OnceLock::new();
const SLOTS: usize = 1 << 16;
static SLOT_PEAK: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];

fn note(live: usize) {
    PEAK.fetch_max(live, Relaxed);
    if TRACING.load(Relaxed) {
        if let Some(epoch) = EPOCH.get() {
            let slot = epoch.elapsed().as_millis() as usize;
            if slot < SLOTS {
                SLOT_PEAK[slot].fetch_max(live, Relaxed);
            }
        }
    }
}

// SAFETY: defers every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(LIVE.fetch_add(layout.size(), Relaxed) + layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            note(LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Peak heap bytes above what was live before `f` ran.
fn peak_heap(f: impl FnOnce()) -> usize {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    f();
    PEAK.load(Relaxed) - base
}

/// The peak heap of each stage of one `profile_stages` run on `text`,
/// above what was live before it (1 ms resolution: for articles of 1 MB).
fn stage_heap(text: &str, opts: &Options) -> Vec<(&'static str, usize)> {
    for slot in &SLOT_PEAK {
        slot.store(0, Relaxed);
    }
    let base = LIVE.load(Relaxed);
    let epoch = *EPOCH.get_or_init(Instant::now);
    let start = epoch.elapsed().as_secs_f64();
    TRACING.store(true, Relaxed);
    let stages = factlens::profile_stages(text, opts);
    TRACING.store(false, Relaxed);
    let mut t0 = start;
    stages
        .into_iter()
        .map(|(name, secs)| {
            let (a, b) = ((t0 * 1e3) as usize, ((t0 + secs) * 1e3).ceil() as usize);
            t0 += secs;
            let peak = SLOT_PEAK[a.min(SLOTS)..b.min(SLOTS - 1) + 1]
                .iter()
                .map(|p| p.load(Relaxed))
                .max()
                .unwrap_or(0);
            (name, peak.saturating_sub(base))
        })
        .collect()
}

const SIZES: &[usize] = &[10 << 10, 100 << 10, 1 << 20, 10 << 20];

/// The best (least disturbed) wall and CPU seconds over several runs.
#[derive(Clone, Copy)]
struct Timing {
    wall: f64,
    cpu: Option<f64>,
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Timing {
    let mut best = Timing {
        wall: f64::INFINITY,
        cpu: None,
    };
    for _ in 0..runs {
        let c = cpu::seconds();
        let t = Instant::now();
        f();
        let wall = t.elapsed().as_secs_f64();
        let cpu = c.zip(cpu::seconds()).map(|(a, b)| b - a);
        best.wall = best.wall.min(wall);
        best.cpu = match (best.cpu, cpu) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    best
}

/// The first `size` bytes of the corpus, cut after a paragraph.
fn prefix(big: &str, size: usize) -> &str {
    let end = big[..size.min(big.len())]
        .rfind("\n\n")
        .map_or(size, |i| i + 2);
    &big[..end]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let json_path = arg("--json");
    let quick = args.iter().any(|a| a == "--quick");
    let big = corpus::generate(*SIZES.last().unwrap(), 42);
    if let Some(path) = arg("--corpus") {
        std::fs::write(&path, &big).expect("write corpus");
        println!("wrote the {} byte corpus to {path}", big.len());
    }
    let opts = Options::new()
        .document_date("2024-10-01")
        .expect("valid date");
    let runs_for = |size: usize| match (size, quick) {
        (_, true) => 2,
        (s, _) if s <= 10 << 10 => 50,
        (s, _) if s <= 100 << 10 => 20,
        (s, _) if s <= 1 << 20 => 8,
        _ => 3,
    };

    println!("factlens native throughput, one thread, generated news-like text (best of N runs)");
    println!(
        "{:>10} {:>5} {:>10} {:>9} {:>10} {:>11} {:>9} {:>9} {:>9} {:>10} {:>8}",
        "bytes",
        "runs",
        "wall s",
        "MB/s",
        "cpu MB/s",
        "tokens/s",
        "ns/byte",
        "entities",
        "dates",
        "heap MiB",
        "heap B/B"
    );
    let mut rows = Vec::new();
    let mut stage_by_size = Vec::new();
    for &size in SIZES {
        let text = prefix(&big, size);
        let runs = runs_for(size);
        let mut doc = None;
        let t = best_of(runs, || doc = Some(annotate(text, &opts)));
        let doc = doc.expect("ran at least once");
        // Lazily built tables and models were built by the timed runs, so
        // this is what one more article costs.
        let heap = peak_heap(|| drop(std::hint::black_box(annotate(text, &opts))));
        // The benchmark checks its own result: the text was really annotated.
        assert!(
            doc.entities.len() > text.len() / 200,
            "too few entities: {}",
            doc.entities.len()
        );
        assert!(
            !doc.dates.is_empty() && !doc.claims.is_empty(),
            "no dates or claims found"
        );
        assert_eq!(
            doc.text_length,
            text.chars().count(),
            "the document covers the whole text"
        );
        let words = doc.summary.statistics.words as f64;
        let mbs = text.len() as f64 / t.wall / 1e6;
        let cpu_mbs = t.cpu.map(|c| text.len() as f64 / c / 1e6);
        println!(
            "{:>10} {:>5} {:>10.4} {:>9.2} {:>10} {:>11.0} {:>9.1} {:>9} {:>9} {:>10.1} {:>8.1}",
            text.len(),
            runs,
            t.wall,
            mbs,
            cpu_mbs.map_or("-".to_string(), |m| format!("{m:.2}")),
            words / t.wall,
            t.wall * 1e9 / text.len() as f64,
            doc.entities.len(),
            doc.dates.len(),
            heap as f64 / 1048576.0,
            heap as f64 / text.len() as f64,
        );
        rows.push(serde_json::json!({"bytes": text.len(), "runs": runs, "seconds": t.wall, "cpu_seconds": t.cpu, "mb_per_s": mbs,
            "cpu_mb_per_s": cpu_mbs, "tokens": words, "tokens_per_s": words / t.wall,
            "entities": doc.entities.len(), "dates": doc.dates.len(), "claims": doc.claims.len(), "peak_heap_bytes": heap}));

        // Each stage, best of a few passes; "json" is the factlens/1
        // serialization the CLI writes (the page gets objects instead).
        let stage_runs = runs.min(if quick { 1 } else { 5 });
        let mut stages: Vec<(&str, f64)> = Vec::new();
        for _ in 0..stage_runs {
            let mut lap = factlens::profile_stages(text, &opts);
            let json = best_of(1, || {
                std::hint::black_box(serde_json::to_string(&doc).expect("serializes"));
            });
            lap.push(("json", json.wall));
            if stages.is_empty() {
                stages = lap;
            } else {
                for (best, (_, secs)) in stages.iter_mut().zip(lap) {
                    best.1 = best.1.min(secs);
                }
            }
        }
        stage_by_size.push((text.len(), words, stages));
    }

    // Where the memory goes, on the article size the page's memory target is about.
    let mb = prefix(&big, 1 << 20);
    let heap_by_stage = stage_heap(mb, &opts);
    // Live heap, so a stage's figure includes the text model and the
    // earlier stages' results that profile_stages still holds.
    print!(
        "\npeak live heap during each stage, {} byte article (MiB):",
        mb.len()
    );
    for (name, bytes) in &heap_by_stage {
        print!(" {name} {:.1}", *bytes as f64 / 1048576.0);
    }
    println!();

    let (big_len, big_words, big_stages) = stage_by_size.last().expect("sizes");
    println!(
        "\nstages on {big_len} bytes, {big_words} word tokens (best of {}):",
        runs_for(*big_len).min(5)
    );
    println!(
        "{:>12} {:>10} {:>10} {:>12} {:>8}",
        "stage", "seconds", "MB/s", "tokens/s", "share"
    );
    let whole = big_stages
        .iter()
        .find(|(n, _)| *n == "whole")
        .map_or(f64::NAN, |s| s.1);
    let mut stage_rows = Vec::new();
    for (name, secs) in big_stages {
        let mbs = *big_len as f64 / secs / 1e6;
        println!(
            "{:>12} {:>10.4} {:>10.2} {:>12.0} {:>7.1}%",
            name,
            secs,
            mbs,
            big_words / secs,
            100.0 * secs / whole
        );
        stage_rows.push(serde_json::json!({"stage": name, "seconds": secs, "mb_per_s": mbs, "tokens_per_s": big_words / secs,
            "ns_per_byte_by_size": stage_by_size.iter().map(|(len, _, st)| {
                let s = st.iter().find(|(n, _)| n == name).map_or(f64::NAN, |s| s.1);
                serde_json::json!({"bytes": len, "ns_per_byte": s * 1e9 / *len as f64})
            }).collect::<Vec<_>>()}));
    }

    println!("\nns per byte by stage and length (linear cost: the same in every column)");
    print!("{:>12}", "stage");
    for (len, _, _) in &stage_by_size {
        print!(" {:>10}", len);
    }
    println!(" {:>12}", "10MB/10KB");
    for (name, _) in big_stages {
        print!("{name:>12}");
        let per: Vec<f64> = stage_by_size
            .iter()
            .map(|(len, _, st)| {
                st.iter().find(|(n, _)| n == name).map_or(f64::NAN, |s| s.1) * 1e9 / *len as f64
            })
            .collect();
        for p in &per {
            print!(" {p:>10.1}");
        }
        println!(" {:>12.2}", per.last().unwrap() / per[0]);
    }

    let per_byte = |r: &serde_json::Value, key: &str| {
        r[key].as_f64().unwrap_or(f64::NAN) / r["bytes"].as_f64().unwrap()
    };
    let growth = per_byte(rows.last().unwrap(), "seconds") / per_byte(&rows[0], "seconds");
    let cpu_growth =
        per_byte(rows.last().unwrap(), "cpu_seconds") / per_byte(&rows[0], "cpu_seconds");
    println!("\ncost per byte at 10 MB / at 10 KB: {growth:.3} wall, {cpu_growth:.3} cpu (linear: <= 1.10)");

    if let Some(path) = json_path {
        let out = serde_json::json!({"benchmark": "native-throughput", "sizes": rows, "stages": stage_rows,
            "per_byte_growth_10mb_vs_10kb": growth, "cpu_per_byte_growth_10mb_vs_10kb": cpu_growth,
            "peak_heap_by_stage": {"bytes": mb.len(), "stages": heap_by_stage.iter().map(|(n, b)| serde_json::json!({"stage": n, "peak_heap_bytes": b})).collect::<Vec<_>>()}});
        std::fs::write(&path, serde_json::to_string_pretty(&out).unwrap()).expect("write JSON");
        println!("wrote {path}");
    }
}
