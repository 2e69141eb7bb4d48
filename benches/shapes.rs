//! Hostile and odd input shapes: what a newsroom pastes that is not an
//! article. Each shape is generated at 100 KB and 1 MB and annotated
//! natively; the table shows the time, the peak heap per input byte, the
//! size of the factlens/1 JSON, and how the (CPU) time grows from 100 KB to
//! 1 MB (linear cost: about 10).
//!
//! `cargo bench --bench shapes [-- --json PATH] [--quick] [--only NAME] [--stages]`
//! (`--stages` also prints the seconds of each stage at 1 MB).
//!
//! Targets (printed, never asserted: timings are no pass/fail matter):
//! every shape's 1 MB / 100 KB time ratio at most 12, and peak heap at
//! most 40 bytes per input byte plus 32 MiB. What is asserted is that the
//! results are real: the output reads back as a factlens/1 document whose
//! spans lie inside the text, and it covers the whole text.

mod corpus;
mod cpu;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use factlens::{annotate, Document, Options};

/// Counts live heap bytes and their peak (as in benches/throughput.rs).
struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        PEAK.fetch_max(
            LIVE.fetch_add(layout.size(), Relaxed) + layout.size(),
            Relaxed,
        );
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let grow = new_size - layout.size();
            PEAK.fetch_max(LIVE.fetch_add(grow, Relaxed) + grow, Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// Counts the bytes written, as the CLI streams its JSON to stdout.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A small deterministic generator (64-bit LCG), so every run sees the same bytes.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
    /// An invented capitalized word: "Kolvaren".
    fn name(&mut self) -> String {
        const C: &[&str] = &["k", "v", "r", "t", "m", "l", "b", "d", "s", "n", "z", "p"];
        const V: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
        let mut w = String::new();
        for _ in 0..2 + self.below(2) {
            w.push_str(self.pick(C));
            w.push_str(self.pick(V));
        }
        w.push_str(self.pick(C));
        let mut cs = w.chars();
        let first = cs.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
        std::iter::once(first).chain(cs).collect()
    }
}

/// Repeats `piece(rng)` until `size` bytes, cut on a character boundary.
fn fill(size: usize, seed: u64, mut piece: impl FnMut(&mut Rng) -> String) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(size + 64);
    while s.len() < size {
        s.push_str(&piece(&mut rng));
    }
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

const SPEAKERS: &[&str] = &["Maria", "Anna Kovalenko", "the ministry", "officials", "he"];
const CUES: &[&str] = &["said", "claimed", "denied", "told reporters", "insisted"];
const SCRIPTS: &[&str] = &[
    "Минск",
    "заявил",
    "Αθήνα",
    "είπε",
    "القاهرة",
    "قال",
    "北京",
    "表示",
    "東京都",
    "मुंबई",
    "कहा",
    "Kyiv",
    "said",
    "서울",
    "ⴰⵎⴰⵣⵉⵖ",
];
const GLYPHS: &[&str] = &[
    "😀",
    "👩‍👩‍👧‍👦",
    "🇺🇦",
    "e\u{301}",
    "a\u{308}\u{323}",
    "\u{1F44D}\u{1F3FD}",
    "Z\u{335}\u{31B}\u{317}",
    "ﷺ",
    "\u{200D}",
    "\u{FE0F}",
];

/// The shapes: a name and a generator of about `size` bytes.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    ("one line, no breaks", |n| {
        corpus::generate(n + 4096, 7)
            .replace(['\n', '\r'], " ")
            .chars()
            .scan(0, |len, c| {
                *len += c.len_utf8();
                (*len <= n).then_some(c)
            })
            .collect()
    }),
    ("repeated cue verbs", |n| {
        fill(n, 1, |r| format!("{} {} ", r.pick(SPEAKERS), r.pick(CUES)))
    }),
    ("one name repeated", |n| {
        fill(n, 2, |_| "Maria Zakharova ".into())
    }),
    ("names sharing a surname", |n| {
        fill(n, 3, |r| {
            format!("{} Smith met {} Smith. ", r.name(), r.name())
        })
    }),
    ("Title Case lines", |n| {
        fill(n, 4, |r| {
            let words: Vec<String> = (0..4 + r.below(6)).map(|_| r.name()).collect();
            format!("{}\n", words.join(" "))
        })
    }),
    ("punctuation only", |n| {
        fill(n, 5, |r| {
            r.pick(&[".", ",", ";", ":", "!", "?", "-", "(", ")", "\"", "'", "…"])
                .into()
        })
    }),
    ("digits only", |n| {
        fill(n, 6, |r| {
            let digits: String = (0..1 + r.below(9))
                .map(|_| char::from(b'0' + r.below(10) as u8))
                .collect();
            format!("{digits}{}", r.pick(&[" ", " ", " ", "\n"]))
        })
    }),
    ("deeply nested quotes", |n| {
        fill(n, 7, |r| {
            format!(
                "{} {}, {}",
                r.pick(SPEAKERS),
                r.pick(CUES),
                r.pick(&["\"", "“", "‘", "'", "«", "„"])
            )
        })
    }),
    ("a single 1 MB token", |n| {
        fill(n, 8, |r| char::from(b'a' + r.below(26) as u8).to_string())
    }),
    ("one-word paragraphs", |n| {
        fill(n, 9, |r| format!("{}\n\n", r.name()))
    }),
    // The same with sixteen names: what the distinct words cost.
    ("one-word paragraphs, 16 names", |n| {
        fill(n, 9, |r| format!("{}\n\n", r.pick(corpus::FIRST)))
    }),
    ("emoji and combining marks", |n| {
        fill(n, 10, |r| {
            let sep = r.pick(&["", " ", " ", "\n"]);
            format!("{}{sep}", r.pick(GLYPHS))
        })
    }),
    ("mixed scripts", |n| {
        fill(n, 11, |r| {
            format!(
                "{}{}",
                r.pick(SCRIPTS),
                r.pick(&[" ", " ", ". ", ", ", "\n"])
            )
        })
    }),
    ("out-of-range dates", |n| {
        fill(n, 12, |r| {
            let count = r.pick(&["240000", "999999", "10 million", "300000", "5000000"]);
            let unit = r.pick(&["days", "weeks", "months", "years", "decades", "centuries"]);
            let dir = r.pick(&["ago", "later", "from now", "earlier"]);
            format!("It happened {count} {unit} {dir}, in {count} {unit}. ")
        })
    }),
];

const SIZES: [usize; 2] = [100 << 10, 1 << 20];

struct Run {
    /// Best wall seconds.
    wall: f64,
    /// Best CPU seconds, wall seconds where CPU time is unknown.
    seconds: f64,
    peak_heap: usize,
    json_bytes: usize,
    entities: usize,
    dates: usize,
    claims: usize,
}

/// Annotates `text` `runs` times; the best time, the peak heap of
/// annotating and writing the JSON, and the checked result.
fn measure(text: &str, opts: &Options, runs: usize) -> Run {
    let (mut wall, mut seconds) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..runs {
        let c = cpu::seconds();
        let t = Instant::now();
        std::hint::black_box(annotate(text, opts));
        let w = t.elapsed().as_secs_f64();
        wall = wall.min(w);
        seconds = seconds.min(c.zip(cpu::seconds()).map_or(w, |(a, b)| b - a));
    }
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let doc = annotate(text, opts);
    let mut out = Counter(0);
    serde_json::to_writer(&mut out, &doc).expect("a document serializes");
    let peak_heap = PEAK.load(Relaxed) - base;
    // The result is real: it reads back, its spans lie inside the text
    // (from_json checks them) and it covers the whole text.
    let json = serde_json::to_string(&doc).expect("a document serializes");
    assert_eq!(json.len(), out.0);
    let back = Document::from_json(&json).expect("the output reads back as factlens/1");
    assert_eq!(
        back.text_length,
        text.chars().count(),
        "covers the whole text"
    );
    for w in back.entities.windows(2) {
        assert!(w[0].end <= w[1].start, "overlapping entities");
    }
    Run {
        wall,
        seconds,
        peak_heap,
        json_bytes: out.0,
        entities: back.entities.len(),
        dates: back.dates.len(),
        claims: back.claims.len(),
    }
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
    let only = arg("--only");
    let quick = args.iter().any(|a| a == "--quick");
    let opts = Options::new()
        .document_date("2024-10-01")
        .expect("valid date");
    // Models and tables load lazily: the first article pays for them.
    annotate("Maria Zakharova said on Monday that Minsk agreed.", &opts);

    println!(
        "factlens on hostile shapes, native, one thread (CPU time, best of N runs; wall time in the JSON)"
    );
    println!(
        "{:<26} {:>9} {:>9} {:>7} {:>9} {:>9} {:>9} {:>8} {:>7} {:>7} {:>7}",
        "shape",
        "100KB ms",
        "1MB ms",
        "ratio",
        "heap B/B",
        "heap MiB",
        "JSON MB",
        "JSON B/B",
        "ents",
        "dates",
        "claims"
    );
    let mut rows = Vec::new();
    let mut held = true;
    for (name, generate) in SHAPES {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let runs: Vec<(usize, Run)> = SIZES
            .iter()
            .map(|&size| {
                let text = generate(size);
                let n = match (size, quick) {
                    (_, true) => 1,
                    (s, _) if s <= 100 << 10 => 7,
                    _ => 3,
                };
                (text.len(), measure(&text, &opts, n))
            })
            .collect();
        if args.iter().any(|a| a == "--stages") {
            let text = generate(SIZES[1]);
            let stages = factlens::profile_stages(&text, &opts);
            let stages: Vec<String> = stages.iter().map(|(n, s)| format!("{n} {s:.3}s")).collect();
            println!("  {name}, 1 MB stages: {}", stages.join(", "));
        }
        let (small_len, small) = &runs[0];
        let (big_len, big) = &runs[1];
        let ratio = big.seconds / small.seconds;
        let per_byte = big.peak_heap as f64 / *big_len as f64;
        let ok = ratio <= 12.0 && big.peak_heap <= 40 * big_len + (32 << 20);
        held &= ok;
        println!(
            "{:<26} {:>9.1} {:>9.1} {:>7.2} {:>9.1} {:>9.1} {:>9.2} {:>8.1} {:>7} {:>7} {:>7}{}",
            name,
            small.seconds * 1e3,
            big.seconds * 1e3,
            ratio,
            per_byte,
            big.peak_heap as f64 / 1048576.0,
            big.json_bytes as f64 / 1e6,
            big.json_bytes as f64 / *big_len as f64,
            big.entities,
            big.dates,
            big.claims,
            if ok { "" } else { "  (over target)" }
        );
        let figures = |len: usize, r: &Run| {
            serde_json::json!({"bytes": len, "cpu_seconds": r.seconds, "wall_seconds": r.wall, "peak_heap_bytes": r.peak_heap,
                "json_bytes": r.json_bytes, "entities": r.entities, "dates": r.dates, "claims": r.claims})
        };
        rows.push(serde_json::json!({"shape": name, "sizes": [figures(*small_len, small), figures(*big_len, big)],
            "time_ratio_1mb_vs_100kb": ratio, "peak_heap_bytes_per_byte_1mb": per_byte, "within_targets": ok}));
    }
    println!(
        "\ntargets: 1MB/100KB time ratio <= 12, peak heap <= 40 B/B + 32 MiB: {}",
        if held {
            "all shapes hold"
        } else {
            "NOT all shapes hold"
        }
    );
    if let Some(path) = json_path {
        let out = serde_json::json!({"benchmark": "native-shapes", "shapes": rows, "all_within_targets": held});
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&out).expect("serializes"),
        )
        .expect("write JSON");
        println!("wrote {path}");
    }
}
