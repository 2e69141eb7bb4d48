//! A fuzz driver that runs on the stable toolchain (cargo-fuzz needs
//! nightly): it draws inputs from a seeded PRNG, runs one target on each
//! under `catch_unwind`, checks the target's invariants, and saves every
//! input that panics, breaks an invariant or hangs.
//!
//! ```text
//! factlens-fuzz TARGET [--seconds S] [--execs N] [--seed X] [--out DIR] [--hang S] [--known FILE]
//! factlens-fuzz TARGET --replay FILE
//! ```
//! Targets: `bytes`, `article`, `import`, `jsonl` (see `targets.rs`). It
//! prints the executions, the time and the rate, and exits 1 when any
//! input failed, except for failures whose message contains a line of the
//! `--known` file: bugs already filed, still counted and reported, that
//! should not turn every CI run red until their fix lands.

mod targets;

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

use targets::Target;

struct Args {
    target: &'static Target,
    seconds: Option<f64>,
    execs: Option<u64>,
    seed: u64,
    out: PathBuf,
    hang: f64,
    replay: Option<PathBuf>,
    known: Vec<String>,
}

fn usage() -> String {
    let names: Vec<_> = targets::ALL.iter().map(|t| t.name).collect();
    format!(
        "usage: factlens-fuzz {} [--seconds S] [--execs N] [--seed X] [--out DIR] [--hang S] [--known FILE] | --replay FILE",
        names.join("|")
    )
}

fn parse() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let name = it.next().ok_or_else(usage)?;
    let target = targets::ALL
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| format!("unknown target {name:?}\n{}", usage()))?;
    let mut args = Args {
        target,
        seconds: None,
        execs: None,
        // A new seed each run, so that repeated smoke runs cover new
        // ground; it is printed, and --seed repeats a run.
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x5eed, |d| d.as_secs()),
        out: PathBuf::from("target/fuzz"),
        hang: 20.0,
        replay: None,
        known: Vec::new(),
    };
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--seconds" => args.seconds = Some(value.parse().map_err(|e| bad(&e))?),
            "--execs" => args.execs = Some(value.parse().map_err(|e| bad(&e))?),
            "--seed" => args.seed = value.parse().map_err(|e| bad(&e))?,
            "--out" => args.out = PathBuf::from(value),
            "--hang" => args.hang = value.parse().map_err(|e| bad(&e))?,
            "--replay" => args.replay = Some(PathBuf::from(value)),
            "--known" => {
                let text = std::fs::read_to_string(&value).map_err(|e| bad(&e))?;
                args.known = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(String::from)
                    .collect();
            }
            _ => return Err(format!("unknown option {flag}\n{}", usage())),
        }
    }
    if args.seconds.is_none() && args.execs.is_none() {
        args.seconds = Some(10.0);
    }
    Ok(args)
}

/// The message of the panic being unwound, kept by the hook for the
/// report (the default hook would print a backtrace per crash).
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = format!("panic at {at}: {msg}");
        }
    }));
    if let Some(file) = &args.replay {
        return replay(args.target, file);
    }
    run(&args)
}

fn replay(target: &Target, file: &Path) -> ExitCode {
    let data = match std::fs::read(file) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    println!("input: {}", (target.describe)(&data));
    match execute(target, &data) {
        None => {
            println!("ok");
            ExitCode::SUCCESS
        }
        Some(why) => {
            println!("{why}");
            ExitCode::from(1)
        }
    }
}

/// Runs the target once: `None` when all went well, else why not.
fn execute(target: &Target, data: &[u8]) -> Option<String> {
    match panic::catch_unwind(AssertUnwindSafe(|| (target.run)(data))) {
        Ok(Ok(())) => None,
        Ok(Err(broken)) => Some(format!("invariant: {broken}")),
        Err(_) => Some(LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default()),
    }
}

/// A failure kind: the message without numbers, so that the same bug at
/// other offsets counts once.
fn kind_of(why: &str) -> String {
    why.chars()
        .filter(|c| !c.is_ascii_digit())
        .take(120)
        .collect()
}

fn run(args: &Args) -> ExitCode {
    let target = args.target;
    let dir = args.out.join(target.name);
    let mut rng = SmallRng::seed_from_u64(args.seed);
    let deadline = args.seconds.map(Duration::from_secs_f64);
    let max_execs = args.execs.unwrap_or(u64::MAX);

    // A watchdog: one input that runs past --hang seconds is saved and the
    // run ends, since the driver cannot interrupt it.
    let done = Arc::new(AtomicU64::new(0));
    let current: Arc<Mutex<Vec<u8>>> = Arc::default();
    {
        let (done, current, dir) = (done.clone(), current.clone(), dir.clone());
        let hang = Duration::from_secs_f64(args.hang);
        let name = target.name;
        std::thread::spawn(move || {
            let mut seen = u64::MAX;
            let mut since = Instant::now();
            loop {
                std::thread::sleep(Duration::from_millis(250));
                let now = done.load(Ordering::Relaxed);
                if now != seen {
                    seen = now;
                    since = Instant::now();
                } else if since.elapsed() > hang {
                    let input = current.lock().map(|c| c.clone()).unwrap_or_default();
                    let path = save(&dir, "hang", &input);
                    eprintln!(
                        "{name}: HANG: one input ran over {hang:?}; saved to {}",
                        path.display()
                    );
                    std::process::exit(3);
                }
            }
        });
    }

    let start = Instant::now();
    let mut execs = 0u64;
    let mut failures = 0u64;
    let mut known = 0u64;
    let mut kinds: HashMap<String, (u64, PathBuf)> = HashMap::new();
    let mut next_report = Duration::from_secs(60);
    while execs < max_execs && deadline.is_none_or(|d| start.elapsed() < d) {
        let data = (target.generate)(&mut rng);
        if let Ok(mut c) = current.lock() {
            c.clear();
            c.extend_from_slice(&data);
        }
        if let Some(why) = execute(target, &data) {
            if args.known.iter().any(|k| why.contains(k.as_str())) {
                known += 1;
            } else {
                failures += 1;
            }
            let kind = kind_of(&why);
            let entry = kinds.entry(kind).or_insert_with(|| {
                let path = save(&dir, "crash", &data);
                eprintln!(
                    "{}: FAILED: {why}\n  input saved to {} (replay: factlens-fuzz {} --replay {})",
                    target.name,
                    path.display(),
                    target.name,
                    path.display()
                );
                (0, path)
            });
            entry.0 += 1;
        }
        execs += 1;
        done.store(execs, Ordering::Relaxed);
        if start.elapsed() > next_report {
            next_report += Duration::from_secs(60);
            eprintln!(
                "{}: {execs} executions in {:.0} s",
                target.name,
                start.elapsed().as_secs_f64()
            );
        }
        // Keep the PRNG's stream independent of the targets' own work.
        let _: u8 = rng.random();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}: {execs} executions in {secs:.1} s ({:.0}/s), seed {}, {failures} failed inputs \
         and {known} more of known bugs, {} kinds in all",
        target.name,
        execs as f64 / secs.max(1e-9),
        args.seed,
        kinds.len()
    );
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort();
    for (kind, (n, path)) in &kinds {
        println!("  {n} x {kind}\n    first input: {}", path.display());
    }
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Saves an input under `dir`, named by its content, and returns the path.
fn save(dir: &Path, what: &str, data: &[u8]) -> PathBuf {
    // FNV-1a: a stable name for the same bytes, nothing more.
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let path = dir.join(format!("{what}-{hash:016x}"));
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(&path, data);
    path
}
