//! The `factlens` command: annotate files and measure quality on gold data.

mod annotate;
mod eval;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "factlens",
    version,
    about = "Annotate articles: entities, dates and claims"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate plain UTF-8 text (or JSONL with --jsonl) and print factlens/1 JSON.
    Annotate(annotate::Args),
    /// Score the annotator on gold data.
    Eval(eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(a) => annotate::run(a),
        Command::Eval(a) => eval::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("factlens: {e}");
            ExitCode::from(2)
        }
    }
}
