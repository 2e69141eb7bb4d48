//! `factlens annotate`: one document from text, or one line per JSONL record.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use factlens::Options;

#[derive(clap::Args)]
pub struct Args {
    /// The input file, or - for standard input.
    file: PathBuf,
    /// The document date, YYYY-MM-DD, for resolving relative dates.
    #[arg(long)]
    date: Option<String>,
    /// Read one {"id", "text", "dct"?} object per line; write one line each.
    /// A "dct" with a time (YYYY-MM-DDThh:mm...) counts as its day.
    #[arg(long)]
    jsonl: bool,
    /// Print the document on one line instead of indented.
    #[arg(long)]
    compact: bool,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let mut opts = Options::new();
    if let Some(d) = &args.date {
        opts = opts.document_date(d).map_err(|e| e.to_string())?;
    }
    let input = open(&args.file)?;
    if args.jsonl {
        return jsonl(input, &opts);
    }
    let mut bytes = Vec::new();
    let mut input = input;
    input
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let text = utf8(&bytes).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let doc = factlens::annotate(text, &opts);
    // Streamed: the JSON of a 1 MB article is 8 MB, and building it as
    // one string first took twice that at the peak.
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let written = if args.compact {
        serde_json::to_writer(&mut stdout, &doc)
    } else {
        serde_json::to_writer_pretty(&mut stdout, &doc)
    };
    written.map_err(|e| e.to_string())?;
    writeln!(stdout)
        .and_then(|()| stdout.flush())
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn open(path: &PathBuf) -> Result<Box<dyn BufRead>, String> {
    if path.as_os_str() == "-" {
        Ok(Box::new(std::io::stdin().lock()))
    } else {
        let f = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Box::new(std::io::BufReader::new(f)))
    }
}

/// UTF-8 text, or a message that names the byte where it stops being UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
}

fn jsonl(mut input: Box<dyn BufRead>, opts: &Options) -> Result<ExitCode, String> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    let mut number = 0usize;
    let mut failed = 0usize;
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        number += 1;
        // Every line is answered, a blank or broken one too: output line N
        // belongs to input line N.
        let answer = match factlens::jsonl::annotate_line(number, &line, opts) {
            Ok(doc) => doc,
            Err(e) => {
                failed += 1;
                eprintln!("factlens: line {number}: {}", e.message);
                e.to_json()
            }
        };
        serde_json::to_writer(&mut out, &answer)
            .map_err(|e| e.to_string())
            .and_then(|()| writeln!(out).map_err(|e| e.to_string()))?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
