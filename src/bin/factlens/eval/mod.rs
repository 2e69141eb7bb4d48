//! `factlens eval TASK GOLD.jsonl`: the annotator against gold data, with
//! the figures of the reference scorer (`../shared/tools/score.py`).

mod attribution;
mod checkworthy;
mod figures;
mod ner;
mod timex;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Deserialize;

#[derive(clap::Args)]
pub struct Args {
    /// ner, timex, figures, attribution or checkworthy.
    task: Task,
    /// Gold data in the format of ../shared/data.
    gold: PathBuf,
    /// Print one JSON object with every figure instead of a table.
    #[arg(long)]
    json: bool,
    /// Drop gold spans marked "nested" (MEANTIME).
    #[arg(long)]
    skip_nested: bool,
    /// timex: score only the annotated part of each text, up to the end of
    /// the line holding the last gold span of any kind (MEANTIME annotates
    /// only its opening sentences); later predictions are dropped.
    #[arg(long)]
    gold_extent: bool,
    /// figures: score CARDINAL as QUANTITY on both sides (MEANTIME's
    /// QUANTITY also holds plain counts).
    #[arg(long)]
    cardinal_as_quantity: bool,
    /// Also write the predictions, one line per document, in the gold
    /// format, for checking against the reference scorer.
    #[arg(long)]
    predictions: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Task {
    Ner,
    Timex,
    Figures,
    Attribution,
    Checkworthy,
}

/// One gold line; each task reads the fields it needs.
#[derive(Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub spans: Vec<GoldSpan>,
    #[serde(default)]
    pub claims: Vec<serde_json::Value>,
    #[serde(default)]
    pub label: Option<u8>,
    #[serde(default)]
    pub meta: serde_json::Value,
    /// The only annotated part of the text, `[start, end)` in code points
    /// (MEANTIME); predictions outside it are not scored.
    #[serde(default)]
    pub scored_region: Option<[usize; 2]>,
}

#[derive(Deserialize, Clone)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// A TIMEX3 value string (timex) or a figure value object (figures).
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    #[serde(default)]
    pub nested: bool,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let gold = read_gold(&args.gold)?;
    let (report, predictions) = match args.task {
        Task::Ner => ner::eval(&gold, args.skip_nested),
        Task::Timex => timex::eval(&gold, args.skip_nested, args.gold_extent),
        Task::Figures => figures::eval(&gold, args.skip_nested, args.cardinal_as_quantity),
        Task::Attribution => attribution::eval(&gold),
        Task::Checkworthy => checkworthy::eval(&gold),
    }?;
    if let Some(path) = &args.predictions {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        );
        for p in &predictions {
            writeln!(f, "{p}").map_err(|e| e.to_string())?;
        }
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&report.json).expect("serializes")
        );
    } else {
        print!("{}", report.table);
    }
    Ok(ExitCode::SUCCESS)
}

/// What an evaluation prints: a table for people, JSON for programs.
pub struct Report {
    pub table: String,
    pub json: serde_json::Value,
}

fn read_gold(path: &PathBuf) -> Result<Vec<GoldDoc>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let doc: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        out.push(doc);
    }
    Ok(out)
}

/// TP, #pred and #gold, and the figures computed from them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.pred += other.pred;
        self.gold += other.gold;
    }
    pub fn precision(&self) -> Option<f64> {
        self.defined().then(|| {
            if self.pred == 0 {
                0.0
            } else {
                self.tp as f64 / self.pred as f64
            }
        })
    }
    pub fn recall(&self) -> Option<f64> {
        self.defined().then(|| {
            if self.gold == 0 {
                0.0
            } else {
                self.tp as f64 / self.gold as f64
            }
        })
    }
    pub fn f1(&self) -> Option<f64> {
        self.defined()
            .then(|| 2.0 * self.tp as f64 / (self.pred + self.gold) as f64)
    }
    fn defined(&self) -> bool {
        self.pred + self.gold > 0
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({"tp": self.tp, "pred": self.pred, "gold": self.gold,
            "p": self.precision(), "r": self.recall(), "f1": self.f1()})
    }
    /// One table row: name, P, R, F1 and the counts.
    pub fn row(&self, name: &str) -> String {
        let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));
        format!(
            "{name:<24} {:>7} {:>7} {:>7}   tp={} pred={} gold={}\n",
            f(self.precision()),
            f(self.recall()),
            f(self.f1()),
            self.tp,
            self.pred,
            self.gold
        )
    }
}

/// The table header matching [`Counts::row`].
pub fn header(title: &str) -> String {
    format!("{title:<24} {:>7} {:>7} {:>7}\n", "P", "R", "F1")
}

/// Exact matches between two multisets of spans with keys.
pub fn exact<K: Ord + Clone>(pred: &[K], gold: &[K]) -> Counts {
    let mut g: Vec<K> = gold.to_vec();
    g.sort();
    let mut tp = 0;
    let mut used = vec![false; g.len()];
    for p in pred {
        // Find an unused equal gold item.
        let lo = g.partition_point(|x| x < p);
        let mut k = lo;
        while k < g.len() && &g[k] == p {
            if !used[k] {
                used[k] = true;
                tp += 1;
                break;
            }
            k += 1;
        }
    }
    Counts {
        tp,
        pred: pred.len(),
        gold: gold.len(),
    }
}

/// Greedy overlap matching as the reference scorer does it: candidate
/// pairs share at least one character; the largest overlap goes first,
/// ties to the smaller |Δstart|+|Δend|, then the lower gold index, then
/// the lower pred index (the scorer's order; callers pass spans sorted by
/// start and end, as the scorer sorts them). Returns the matched
/// (pred index, gold index) pairs.
pub fn overlap_pairs(pred: &[(usize, usize)], gold: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, &(ps, pe)) in pred.iter().enumerate() {
        for (j, &(gs, ge)) in gold.iter().enumerate() {
            let ov = pe.min(ge).saturating_sub(ps.max(gs));
            if ov > 0 {
                let dist = ps.abs_diff(gs) + pe.abs_diff(ge);
                cands.push((std::cmp::Reverse(ov), dist, j, i));
            }
        }
    }
    cands.sort();
    let mut pu = vec![false; pred.len()];
    let mut gu = vec![false; gold.len()];
    let mut out = Vec::new();
    for (_, _, j, i) in cands {
        if !pu[i] && !gu[j] {
            pu[i] = true;
            gu[j] = true;
            out.push((i, j));
        }
    }
    out
}

/// Flushes stdout errors into a message instead of a panic.
#[allow(dead_code)]
pub fn flush() -> Result<(), String> {
    std::io::stdout().flush().map_err(|e| e.to_string())
}
