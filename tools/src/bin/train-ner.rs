//! Trains the entity tagger and writes `src/entities/model/ner.bin`.
//!
//! ```text
//! cargo run --release -p factlens-tools --bin train-ner -- \
//!     ../shared/data/ner/conll2003_train.jsonl src/entities/model/ner.bin \
//!     --iterations 150 --prune 4
//! ```
//!
//! (`scripts/regenerate.sh` runs it so.)
//!
//! Training is CRFsuite's L-BFGS with L1+L2 regularization, done by the
//! `crfs` crate (a maintained pure-Rust port). The learned weights are
//! then re-packed into the compact format the library reads: hashed
//! feature keys with one quantized weight per label, and the label
//! transitions. The library tags with its own small Viterbi over that
//! format because CRFsuite's format names features by strings, which
//! would mean building strings for every token at tagging time.
//!
//! The training text is CoNLL-2003 (tokens joined by spaces, one sentence
//! a line); it is re-tokenized by the library's own tokenizer. Some documents are added a second time with part of their
//! sentences in Title Case, so that headlines as users paste them do not
//! look like runs of names.

use std::io::{BufRead, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use factlens::entities_training::{self as training, DocFeatures, Extractor, LABELS};

#[derive(serde::Deserialize)]
struct GoldDoc {
    text: String,
    spans: Vec<GoldSpan>,
}

#[derive(serde::Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    label: String,
}

/// One training document: tokens, sentences, BIO labels.
struct Doc {
    words: Vec<String>,
    sentences: Vec<Range<usize>>,
    labels: Vec<&'static str>,
}

/// Trains the entity tagger (a CRF, CRFsuite's L-BFGS) and writes the
/// model the library embeds. From the repository root:
/// train-ner ../shared/data/ner/conll2003_train.jsonl src/entities/model/ner.bin --iterations 150 --prune 4
#[derive(clap::Parser)]
#[command(verbatim_doc_comment)]
struct Opts {
    /// Gold training documents, JSONL (e.g. ../shared/data/ner/conll2003_train.jsonl).
    train: PathBuf,
    /// The model to write (e.g. src/entities/model/ner.bin).
    out: PathBuf,
    /// L1 regularization coefficient.
    #[arg(long, default_value_t = 0.1)]
    c1: f64,
    /// L2 regularization coefficient.
    #[arg(long, default_value_t = 0.01)]
    c2: f64,
    /// L-BFGS iterations.
    #[arg(long, default_value_t = 150)]
    iterations: usize,
    /// Every Nth document is added again with part of its sentences in
    /// Title Case (0: none).
    #[arg(long, default_value_t = 3)]
    augment: u64,
    /// Features whose every weight is within this many quantization steps
    /// (of 127) of zero are left out.
    #[arg(long, default_value_t = 0.0)]
    prune: f64,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("train-ner: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let o = <Opts as clap::Parser>::parse();
    let command = factlens_tools::command_line("train-ner");
    let gazetteer = training::gazetteer();
    let docs = read_docs(&o.train)?;
    eprintln!(
        "{} documents, {} tokens",
        docs.len(),
        docs.iter().map(|d| d.words.len()).sum::<usize>()
    );

    let mut trainer = crfs::train::Trainer::lbfgs();
    trainer
        .params_mut()
        .set_c1(o.c1)
        .map_err(|e| e.to_string())?;
    trainer
        .params_mut()
        .set_c2(o.c2)
        .map_err(|e| e.to_string())?;
    trainer
        .params_mut()
        .set_max_iterations(o.iterations)
        .map_err(|e| e.to_string())?;
    trainer.verbose(true);
    let mut x = Extractor::default();
    let mut f = DocFeatures::default();
    // Documents are appended in chunks of about CHUNK tokens, not one
    // instance per sentence: crfs clears its gradient buffers (one slot per
    // feature) for every instance, so fewer, longer instances train many
    // times faster. The only change to the model is a transition between
    // sentences, mostly O to O.
    const CHUNK: usize = 8000;
    let mut xseq: Vec<Vec<crfs::Attribute>> = Vec::new();
    let mut yseq: Vec<&'static str> = Vec::new();
    let mut add = |doc: &Doc,
                   trainer: &mut crfs::train::Trainer<crfs::train::Lbfgs>,
                   flush: bool|
     -> Result<(), String> {
        let words: Vec<&str> = doc.words.iter().map(String::as_str).collect();
        x.extract(&words, &doc.sentences, gazetteer, &mut f);
        for i in 0..doc.words.len() {
            xseq.push(
                f.of(i)
                    .iter()
                    .map(|h| crfs::Attribute::new(format!("{h:08x}"), 1.0))
                    .collect(),
            );
        }
        yseq.extend_from_slice(&doc.labels);
        if !xseq.is_empty() && (xseq.len() >= CHUNK || flush) {
            trainer.append(&xseq, &yseq).map_err(|e| e.to_string())?;
            xseq.clear();
            yseq.clear();
        }
        Ok(())
    };
    let mut augmented = 0;
    for (n, doc) in docs.iter().enumerate() {
        let last = n + 1 == docs.len();
        add(doc, &mut trainer, last && o.augment == 0)?;
        if o.augment > 0 && (n as u64).is_multiple_of(o.augment) {
            add(&title_cased(doc, n as u64), &mut trainer, last)?;
            augmented += 1;
        } else if last && o.augment > 0 {
            add(
                &Doc {
                    words: vec![],
                    sentences: vec![],
                    labels: vec![],
                },
                &mut trainer,
                true,
            )?;
        }
    }
    eprintln!("{augmented} documents added again in part in Title Case");
    let tmp = std::env::temp_dir().join(format!("train-ner-{}.crfsuite", std::process::id()));
    trainer.train(&tmp).map_err(|e| e.to_string())?;
    let raw = std::fs::read(&tmp).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&tmp);
    let model = crfs::Model::new(&raw).map_err(|e| e.to_string())?;
    let mut dump = Vec::new();
    model.dump(&mut dump).map_err(|e| e.to_string())?;
    let packed = pack(&String::from_utf8_lossy(&dump), &command, o.prune)?;
    std::fs::write(&o.out, &packed).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!("wrote {} ({} bytes)", o.out.display(), packed.len());
    Ok(())
}

fn read_docs(file: &Path) -> Result<Vec<Doc>, String> {
    let path = file.display();
    let f = std::fs::File::open(file).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldDoc =
            serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        docs.push(to_doc(&g));
    }
    Ok(docs)
}

/// Tokenizes and splits the text exactly as the library does at run time,
/// so that the model learns from the tokens it will see
/// ("A." in CoNLL is "A" and "." here), and labels the tokens that overlap
/// a gold span with BIO.
fn to_doc(g: &GoldDoc) -> Doc {
    let t = training::tokenize(&g.text);
    let words = t.words;
    // Code points to bytes.
    let byte_of: Vec<usize> = g
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(g.text.len()))
        .collect();
    let mut labels = vec!["O"; words.len()];
    for sp in &g.spans {
        let ty = match sp.label.as_str() {
            "PER" => 1,
            "ORG" => 3,
            "LOC" => 5,
            "MISC" => 7,
            _ => continue,
        };
        let (Some(&start), Some(&end)) = (byte_of.get(sp.start), byte_of.get(sp.end)) else {
            continue;
        };
        let mut first = true;
        for (k, tok) in t.spans.iter().enumerate() {
            if tok.start < end && start < tok.end && labels[k] == "O" {
                labels[k] = LABELS[if first { ty } else { ty + 1 }];
                first = false;
            }
        }
    }
    Doc {
        words,
        sentences: t.sentences,
        labels,
    }
}

/// Words that stay lower case in a Title Case headline.
const SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "as", "with",
    "from",
];

/// A copy of the document with about one sentence in three in Title Case.
fn title_cased(doc: &Doc, seed: u64) -> Doc {
    let mut words = doc.words.clone();
    for (k, s) in doc.sentences.iter().enumerate() {
        if !(seed + k as u64).is_multiple_of(3) {
            continue;
        }
        for w in &mut words[s.clone()] {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                if c.is_lowercase() && !SMALL.contains(&w.as_str()) {
                    *w = c.to_uppercase().chain(cs).collect();
                }
            }
        }
    }
    Doc {
        words,
        sentences: doc.sentences.clone(),
        labels: doc.labels.clone(),
    }
}

/// The library's model (written by the library's own encoder).
/// `prune`: features whose every weight is at most this many quantization
/// steps (of 127) are left out; they change almost no decision and each
/// costs a table entry and a cache miss when tagging.
fn pack(dump: &str, command: &str, prune: f64) -> Result<Vec<u8>, String> {
    let label = |s: &str| {
        LABELS
            .iter()
            .position(|l| *l == s)
            .ok_or(format!("unknown label {s}"))
    };
    let mut trans = [[0f64; 9]; 9];
    let mut state: std::collections::BTreeMap<u32, [f64; 9]> = Default::default();
    let mut section = "";
    for line in dump.lines() {
        if line.ends_with("= {") {
            section = line.split(' ').next().unwrap_or("");
            continue;
        }
        let Some((lhs, w)) = line.trim().rsplit_once(": ") else {
            continue;
        };
        let Some((src, dst)) = lhs.split_once(" --> ") else {
            continue;
        };
        let src = src.split_once(") ").map_or(src, |x| x.1);
        let w: f64 = w.parse().map_err(|e| format!("weight {w}: {e}"))?;
        match section {
            "TRANSITIONS" => trans[label(src)?][label(dst)?] = w,
            "STATE_FEATURES" => {
                let key =
                    u32::from_str_radix(src, 16).map_err(|e| format!("attribute {src}: {e}"))?;
                state.entry(key).or_insert([0.0; 9])[label(dst)?] = w;
            }
            _ => {}
        }
    }
    let max = state.values().flatten().fold(0f64, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    // Features whose every weight rounds to zero cost bytes and change nothing.
    state.retain(|_, row| {
        row.iter()
            .any(|w| (w / scale).round().abs() > prune.max(0.0))
    });
    let mut next = [[0f32; 9]; 9];
    for (n, t) in next.iter_mut().zip(&trans) {
        *n = t.map(|w| w as f32);
    }
    let rows = state
        .iter()
        .map(|(&k, row)| {
            (
                k,
                row.map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8),
            )
        })
        .collect();
    let out = training::encode(
        &format!("generated by: {command}"),
        next,
        &rows,
        scale as f32,
    )?;
    std::io::stderr().flush().ok();
    eprintln!("{} features with a weight, scale {scale:e}", state.len());
    Ok(out)
}
