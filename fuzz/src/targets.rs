//! The fuzz targets. Each draws its raw input bytes from the PRNG
//! (`generate`), turns them into what it feeds factlens with
//! `arbitrary::Unstructured` (so the saved bytes replay exactly), runs it,
//! and checks what must always hold.

use arbitrary::Unstructured;
use factlens::{Document, Options};
use rand::rngs::SmallRng;
use rand::Rng;
use serde_json::Value;

/// One fuzz target.
pub struct Target {
    pub name: &'static str,
    /// Draws the raw bytes of one input.
    pub generate: fn(&mut SmallRng) -> Vec<u8>,
    /// Runs one input: `Err` names an invariant it broke; a panic is caught
    /// by the driver.
    pub run: fn(&[u8]) -> Result<(), String>,
    /// The input as a person reads it, for `--replay`.
    pub describe: fn(&[u8]) -> String,
}

pub static ALL: &[Target] = &[
    Target {
        name: "bytes",
        generate: random_bytes,
        run: bytes,
        describe: describe_bytes,
    },
    Target {
        name: "article",
        generate: random_bytes,
        run: article,
        describe: describe_article,
    },
    Target {
        name: "import",
        generate: random_bytes,
        run: import,
        describe: describe_import,
    },
    Target {
        name: "jsonl",
        generate: random_bytes,
        run: jsonl,
        describe: describe_jsonl,
    },
];

/// Mostly short inputs, now and then a few KB; mostly printable ASCII with
/// raw bytes mixed in (uniform bytes are almost never UTF-8).
fn random_bytes(rng: &mut SmallRng) -> Vec<u8> {
    let max = match rng.random_range(0..10) {
        0..=5 => 256,
        6..=8 => 2048,
        _ => 8192,
    };
    let len = rng.random_range(0..=max);
    (0..len)
        .map(|_| {
            if rng.random_bool(0.85) {
                rng.random_range(b' '..=b'~')
            } else {
                rng.random()
            }
        })
        .collect()
}

/// Options with a document date drawn from `u`, from year 1 to 9999, or none.
fn options(u: &mut Unstructured) -> Options {
    let pick: u8 = u.arbitrary().unwrap_or(0);
    if pick.is_multiple_of(4) {
        return Options::new();
    }
    let year = match pick % 3 {
        0 => u.int_in_range(1..=9999).unwrap_or(1),
        1 => *u.choose(&[1, 1970, 2024, 9999]).unwrap_or(&2024),
        _ => u.int_in_range(1990..=2030).unwrap_or(2024),
    };
    let month = u.int_in_range(1..=12).unwrap_or(1);
    let day = u.int_in_range(1..=31).unwrap_or(1);
    let iso = format!("{year:04}-{month:02}-{day:02}");
    // Impossible days (February 30) are refused: no date then.
    Options::new().document_date(&iso).unwrap_or_default()
}

/// Annotates `text` and checks the document: it serializes, and the
/// reader, given the text, accepts it (spans in range, on the text, in
/// order, references resolving: every check of `Document::from_json`).
fn annotate_and_check(text: &str, opts: &Options) -> Result<(), String> {
    let doc = factlens::annotate(text, opts);
    check_document(&doc, text)
}

fn check_document(doc: &Document, text: &str) -> Result<(), String> {
    if doc.text_length != text.chars().count() {
        return Err(format!("text_length {} is wrong", doc.text_length));
    }
    let mut v = serde_json::to_value(doc).map_err(|e| format!("no JSON: {e}"))?;
    v["text"] = text.into();
    let json = v.to_string();
    let back = Document::from_json(&json).map_err(|e| format!("own output refused: {e}"))?;
    if &back != doc {
        return Err("the document does not read back equal".into());
    }
    Ok(())
}

fn bytes(data: &[u8]) -> Result<(), String> {
    let (opts_bytes, text) = data.split_at(data.len().min(8));
    let opts = options(&mut Unstructured::new(opts_bytes));
    annotate_and_check(&String::from_utf8_lossy(text), &opts)
}

fn describe_bytes(data: &[u8]) -> String {
    format!(
        "{:?}",
        String::from_utf8_lossy(data.get(8..).unwrap_or_default())
    )
}

const NAMES: &[&str] = &[
    "Maria Zakharova",
    "Zakharova",
    "Alexander Lukashenko",
    "President Lukashenko",
    "Helena Vasconcelos",
    "the Port of Lisbon Authority",
    "Reuters",
    "The A380",
    "A380",
    "Kyiv",
    "Minsk",
    "the European Union",
    "EU",
    "NATO",
    "Zoë Müller-Łukasiewicz",
    "北京",
    "Mr. O'Neil",
    "Dr. Ana de la Cruz",
    "John Smith",
    "Smith",
    "Belarusian",
    "Ministry of Defence",
];
const DATES: &[&str] = &[
    "240000 months ago",
    "10 million years ago",
    "99999999999 days ago",
    "18446744073709551616 weeks from now",
    "-5 years ago",
    "in 240000 years",
    "March 3, 2024",
    "September 20, 2024",
    "1 May 2024",
    "Feb 29, 2023",
    "2024-13-45",
    "9999-12-31",
    "0000-01-01",
    "last Friday",
    "next week",
    "yesterday",
    "tomorrow morning",
    "on Thursday",
    "in the 1990s",
    "the 21st century",
    "Q3 2024",
    "every Monday",
    "for three years",
    "two decades later",
    "at 14:30",
    "this month",
    "earlier this year",
    "1998-02-13T14:26:00",
    "the year 10000",
];
const CUES: &[&str] = &[
    "said",
    "told",
    "according to",
    "denied",
    "warned",
    "claimed",
    "said that",
    "told reporters",
    "reported",
    "accused",
    "promised",
    "it was reported that",
    "he said",
    "she told",
    "they said",
];
const QUOTES: &[&str] = &["\"", "“", "”", "«", "»", "'", "‘", "’", "„"];
const WORDS: &[&str] = &[
    "the",
    "minister",
    "would",
    "that",
    "it",
    "He",
    "She",
    "They",
    "prices",
    "rose",
    "by",
    "percent",
    "and",
    "in",
    "of",
    "Government",
    "The",
    "A",
    "President",
    "officials",
    "not",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", ". ", ", ", "\r\n", "\n\n", "\n", "\t", " — ", "...", ": ", "; ", "?", "!",
];
const EMOJI: &[&str] = &["😀", "👨\u{200d}👩\u{200d}👧", "🇺🇦", "👍🏽", "❤\u{fe0f}"];
const MARKS: &[char] = &[
    '\u{301}', '\u{308}', '\u{327}', '\u{200d}', '\u{fe0f}', '\u{200b}', '\u{feff}', '\u{a0}',
];

/// An article-like text: names, dates (out-of-range relative ones too),
/// quotes, cue words, numbers and emoji, separated by spaces, sentence
/// ends and CRLF, or glued together, with combining marks thrown in.
fn article_text(u: &mut Unstructured) -> String {
    let mut s = String::new();
    while !u.is_empty() {
        let kind: u8 = u.arbitrary().unwrap_or(0);
        let pick = |u: &mut Unstructured, list: &[&str]| -> String {
            u.choose(list).map(|s| s.to_string()).unwrap_or_default()
        };
        let piece = match kind % 16 {
            0..=2 => pick(u, NAMES),
            3..=4 => pick(u, DATES),
            5..=6 => pick(u, CUES),
            7 => pick(u, QUOTES),
            8 => match u.int_in_range(0..=3).unwrap_or(0) {
                0 => u.arbitrary::<u64>().unwrap_or(0).to_string(),
                1 => format!("{}%", u.int_in_range(0..=1000).unwrap_or(0)),
                2 => format!(
                    "${},{:03}",
                    u.int_in_range(1..=999).unwrap_or(1),
                    u.int_in_range(0..=999).unwrap_or(0)
                ),
                _ => format!(
                    "{}.{} million",
                    u.int_in_range(0..=99).unwrap_or(0),
                    u.int_in_range(0..=9).unwrap_or(0)
                ),
            },
            9 => pick(u, EMOJI),
            10 => u.choose(MARKS).map(|c| c.to_string()).unwrap_or_default(),
            11 => {
                // Random printable text, sometimes not Latin.
                let n = u.int_in_range(1..=12).unwrap_or(1);
                (0..n)
                    .map(|_| {
                        let c: u32 = u.int_in_range(0x20..=0x2FFF).unwrap_or(0x41);
                        char::from_u32(c).unwrap_or('?')
                    })
                    .collect()
            }
            _ => pick(u, WORDS),
        };
        s.push_str(&piece);
        // Glued to the next piece one time in eight.
        if kind >> 4 != 0 || u.is_empty() {
            s.push_str(&pick(u, SEPARATORS));
        }
    }
    s
}

fn article(data: &[u8]) -> Result<(), String> {
    let mut u = Unstructured::new(data);
    let opts = options(&mut u);
    let text = article_text(&mut u);
    annotate_and_check(&text, &opts)
}

fn describe_article(data: &[u8]) -> String {
    let mut u = Unstructured::new(data);
    let _ = options(&mut u);
    format!("{:?}", article_text(&mut u))
}

/// A valid page export of an article made from `u`.
fn exported(u: &mut Unstructured) -> Value {
    let opts = options(u);
    let len = u.int_in_range(0..=600).unwrap_or(0);
    let bytes = u.bytes(len.min(u.len())).unwrap_or_default();
    let text = article_text(&mut Unstructured::new(bytes));
    let doc = factlens::annotate(&text, &opts);
    let mut v = serde_json::to_value(&doc).unwrap_or_default();
    v["text"] = text.into();
    v
}

/// A JSON value drawn from `u`: the values a broken file holds.
fn json_value(u: &mut Unstructured, depth: u32) -> Value {
    let kind = u.int_in_range(0..=13).unwrap_or(0);
    match kind {
        0 => Value::Null,
        1 => u.arbitrary::<bool>().unwrap_or(false).into(),
        2 => u.arbitrary::<i64>().unwrap_or(0).into(),
        3 => u.arbitrary::<u64>().unwrap_or(0).into(),
        4 => u.int_in_range(-2i64..=40).unwrap_or(0).into(),
        5 => serde_json::Number::from_f64(u.arbitrary::<f64>().unwrap_or(0.5))
            .map_or(Value::Null, Value::Number),
        6 => (*u.choose(&[7.0, 1.5, -0.0, 1e300, 0.5]).unwrap_or(&7.0)).into(),
        7 => u.arbitrary::<String>().unwrap_or_default().into(),
        8 => (*u
            .choose(&[
                "",
                "e1",
                "E1",
                "d1",
                "c1",
                "x",
                "factlens/1",
                "PERSON",
                "factual",
                "attributed",
                "2024-02-30",
                "😀",
            ])
            .unwrap_or(&""))
        .into(),
        9 if depth < 3 => {
            let n = u.int_in_range(0..=3).unwrap_or(0);
            Value::Array((0..n).map(|_| json_value(u, depth + 1)).collect())
        }
        10 if depth < 3 => {
            let n = u.int_in_range(0..=3).unwrap_or(0);
            Value::Object(
                (0..n)
                    .map(|_| {
                        let k = (*u
                            .choose(&["start", "end", "text", "id", "entity", "x"])
                            .unwrap_or(&"x"))
                        .to_string();
                        (k, json_value(u, depth + 1))
                    })
                    .collect(),
            )
        }
        _ => u.int_in_range(0u64..=2000).unwrap_or(0).into(),
    }
}

/// One random change somewhere in `v`: a value replaced, a number nudged,
/// a field or element removed, two elements swapped or one duplicated.
fn mutate(v: &mut Value, u: &mut Unstructured) {
    // Choose a random node (the path, then the node: the borrow checker
    // does not follow a loop that walks down a &mut and stops anywhere).
    let mut path = Vec::new();
    let mut at: &Value = v;
    loop {
        let len = match at {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if len == 0 || !u.ratio(3, 4).unwrap_or(false) {
            break;
        }
        let i = u.choose_index(len).unwrap_or(0);
        let next = match at {
            Value::Object(m) => m.values().nth(i),
            Value::Array(a) => a.get(i),
            _ => None,
        };
        match next {
            Some(n) => {
                path.push(i);
                at = n;
            }
            None => break,
        }
    }
    let mut node = v;
    for i in path {
        let next = match node {
            Value::Object(m) => m.values_mut().nth(i),
            Value::Array(a) => a.get_mut(i),
            _ => None,
        };
        let Some(next) = next else { return };
        node = next;
    }
    match u.int_in_range(0..=5).unwrap_or(0) {
        0 | 1 => *node = json_value(u, 0),
        2 => {
            if let Some(n) = node.as_i64() {
                let d = u.int_in_range(-3i64..=3).unwrap_or(1);
                *node = n.saturating_add(d).into();
            }
        }
        3 => match node {
            Value::Object(m) if !m.is_empty() => {
                let i = u.choose_index(m.len()).unwrap_or(0);
                if let Some(k) = m.keys().nth(i).cloned() {
                    m.remove(&k);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                let i = u.choose_index(a.len()).unwrap_or(0);
                a.remove(i);
            }
            _ => {}
        },
        4 => {
            if let Value::Array(a) = node {
                if !a.is_empty() {
                    let i = u.choose_index(a.len()).unwrap_or(0);
                    let j = u.choose_index(a.len()).unwrap_or(0);
                    a.swap(i, j);
                }
            }
        }
        _ => {
            if let Value::Array(a) = node {
                if let Some(x) = a.first().cloned() {
                    a.push(x);
                }
            }
        }
    }
}

/// The text fed to the reader: a mutated valid export, or random JSON, or
/// random text.
fn import_input(data: &[u8]) -> String {
    let mut u = Unstructured::new(data);
    match u.int_in_range(0..=9).unwrap_or(0) {
        0 => String::from_utf8_lossy(u.take_rest()).into_owned(),
        1 => {
            let mut v = json_value(&mut u, 0);
            if let Value::Object(m) = &mut v {
                m.insert("schema".into(), "factlens/1".into());
            }
            v.to_string()
        }
        _ => {
            let mut v = exported(&mut u);
            let n = u.int_in_range(0..=4).unwrap_or(0);
            for _ in 0..n {
                mutate(&mut v, &mut u);
            }
            let mut json = v.to_string();
            // Now and then a file cut short.
            if u.ratio(1, 10).unwrap_or(false) {
                let cut = u.int_in_range(0..=json.len()).unwrap_or(0);
                json = json.get(..cut).unwrap_or_default().to_string();
            }
            json
        }
    }
}

fn import(data: &[u8]) -> Result<(), String> {
    let json = import_input(data);
    let Ok(doc) = Document::from_json(&json) else {
        return Ok(());
    };
    // Accepted: then it reads back the same, and its spans hold.
    let again = serde_json::to_string(&doc).map_err(|e| format!("no JSON: {e}"))?;
    match Document::from_json(&again) {
        Ok(d) if d == doc => {}
        Ok(_) => return Err("an accepted document does not read back equal".into()),
        Err(e) => return Err(format!("an accepted document is refused once written: {e}")),
    }
    for m in &doc.entities {
        if m.start > m.end || m.end > doc.text_length {
            return Err(format!("accepted entity {} out of range", m.id));
        }
    }
    let text: Option<String> = serde_json::from_str::<Value>(&json)
        .ok()
        .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(String::from));
    if let Some(t) = text {
        let cps: Vec<char> = t.chars().collect();
        for m in &doc.entities {
            let slice: String = cps.get(m.start..m.end).unwrap_or_default().iter().collect();
            if slice != m.text {
                return Err(format!("accepted entity {} does not match the text", m.id));
            }
        }
    }
    Ok(())
}

fn describe_import(data: &[u8]) -> String {
    import_input(data)
}

/// One JSONL line: a record (ids of every type, good and bad `dct`s),
/// perhaps cut short, with raw bytes spliced in or CRLF at the end, or
/// random bytes; and its line number.
fn jsonl_input(data: &[u8]) -> (usize, Vec<u8>) {
    let mut u = Unstructured::new(data);
    let number = u.int_in_range(1..=1_000_000).unwrap_or(1);
    let mut line = match u.int_in_range(0..=7).unwrap_or(0) {
        0 => {
            let n = u.len();
            u.bytes(n).unwrap_or_default().to_vec()
        }
        kind => {
            let mut rec = serde_json::Map::new();
            if kind != 1 {
                let id = match u.int_in_range(0..=4).unwrap_or(0) {
                    0 => Value::from(u.arbitrary::<String>().unwrap_or_default()),
                    1 => Value::from(u.arbitrary::<i64>().unwrap_or(0)),
                    _ => json_value(&mut u, 1),
                };
                rec.insert("id".into(), id);
            }
            let dct = match u.int_in_range(0..=9).unwrap_or(0) {
                0 => None,
                1 => Some(Value::Null),
                2 => Some("03-02-2009".into()),
                3 => Some("2024-02-30".into()),
                4 => Some("1998-02-13T14:26:00".into()),
                5 => Some(2009.into()),
                6 => Some(json_value(&mut u, 1)),
                _ => Some("2024-10-01".into()),
            };
            let len = u.int_in_range(0..=400).unwrap_or(0);
            let bytes = u.bytes(len.min(u.len())).unwrap_or_default();
            let text = article_text(&mut Unstructured::new(bytes));
            if kind != 2 {
                rec.insert("text".into(), text.into());
            }
            match dct {
                Some(d) if kind == 3 => {
                    rec.insert("meta".into(), serde_json::json!({ "dct": d }));
                }
                Some(d) => {
                    rec.insert("dct".into(), d);
                }
                None => {}
            }
            let mut line = Value::Object(rec).to_string().into_bytes();
            if u.ratio(1, 8).unwrap_or(false) {
                let cut = u.int_in_range(0..=line.len()).unwrap_or(0);
                line.truncate(cut);
            }
            if u.ratio(1, 8).unwrap_or(false) {
                let at = u.int_in_range(0..=line.len()).unwrap_or(0);
                let junk: Vec<u8> = u.arbitrary().unwrap_or_default();
                line.splice(at..at, junk);
            }
            line
        }
    };
    if u.ratio(1, 2).unwrap_or(false) {
        line.extend_from_slice(if u.ratio(1, 2).unwrap_or(false) {
            b"\r\n"
        } else {
            b"\n"
        });
    }
    (number, line)
}

fn jsonl(data: &[u8]) -> Result<(), String> {
    let (number, line) = jsonl_input(data);
    let id = std::str::from_utf8(&line)
        .ok()
        .and_then(|l| serde_json::from_str::<Value>(l.trim_start_matches('\u{feff}')).ok())
        .and_then(|v| v.get("id").cloned());
    let answer = match factlens::jsonl::annotate_line(number, &line, &Options::new()) {
        Ok(v) => {
            if v.get("schema").and_then(Value::as_str) != Some(factlens::SCHEMA) {
                return Err("a document answer without its schema".into());
            }
            v
        }
        Err(e) => {
            if e.line != number {
                return Err(format!("error for line {} answers line {number}", e.line));
            }
            e.to_json()
        }
    };
    if let Some(id) = id {
        if answer.get("id") != Some(&id) {
            return Err(format!("the answer lost the id {id}"));
        }
    }
    let json = serde_json::to_string(&answer).map_err(|e| format!("no JSON: {e}"))?;
    if json.contains('\n') {
        return Err("the answer spans more than one line".into());
    }
    serde_json::from_str::<Value>(&json).map_err(|e| format!("the answer is no JSON: {e}"))?;
    Ok(())
}

fn describe_jsonl(data: &[u8]) -> String {
    let (number, line) = jsonl_input(data);
    format!("line {number}: {:?}", String::from_utf8_lossy(&line))
}
