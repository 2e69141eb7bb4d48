//! The checks a factlens/1 reader makes on a document it did not produce:
//! everything that can be checked without annotating again. The annotator
//! guarantees all of it; an imported file may be edited, truncated or
//! written by another tool, and the page must not show a document whose
//! highlights fall on the wrong words.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::document::{ClaimKind, Document, Problems, Role};

/// Adds every problem of `doc` to `problems`; `text` is the article when
/// the file carries it.
pub(crate) fn check(doc: &Document, text: Option<&str>, problems: &mut Problems) {
    let spans = Spans::new(doc.text_length, text, problems);
    header(doc, text, problems);
    if doc.summary.statistics.characters != doc.text_length {
        problems.push(format!(
            "summary.statistics.characters is {} but text_length is {}",
            doc.summary.statistics.characters, doc.text_length
        ));
    }

    let mut ids = HashSet::new();
    let mut mentions: HashMap<&str, usize> = HashMap::new();
    let mut previous: Option<(&str, usize)> = None;
    for m in &doc.entities {
        let what = format!("entity {}", m.id);
        id(&what, &m.id, 'e', &mut ids, problems);
        id(&what, &m.entity, 'E', &mut HashSet::new(), problems);
        spans.check(&what, m.start, m.end, &m.text, problems);
        if let Some((prev, prev_end)) = previous {
            if m.start < prev_end {
                problems.push(format!(
                    "{what} at {} starts before entity {prev} ends at {prev_end}: entity mentions are sorted and never overlap",
                    m.start
                ));
            }
        }
        previous = Some((&m.id, m.end));
        *mentions.entry(&m.entity).or_default() += 1;
    }

    let mut dates = HashMap::new();
    let mut previous_start = 0;
    for d in &doc.dates {
        let what = format!("date {}", d.id);
        id(&what, &d.id, 'd', &mut ids, problems);
        spans.check(&what, d.start, d.end, &d.text, problems);
        in_order(&what, d.start, &mut previous_start, "dates", problems);
        dates.insert(d.id.as_str(), d.value.as_deref());
    }

    let mut previous_start = 0;
    for f in &doc.figures {
        let what = format!("figure {}", f.id);
        id(&what, &f.id, 'f', &mut ids, problems);
        spans.check(&what, f.start, f.end, &f.text, problems);
        in_order(&what, f.start, &mut previous_start, "figures", problems);
    }

    let mut claims = HashSet::new();
    let mut previous_start = 0;
    for c in &doc.claims {
        let what = format!("claim {}", c.id);
        id(&what, &c.id, 'c', &mut ids, problems);
        claims.insert(c.id.as_str());
        spans.check(&what, c.start, c.end, &c.text, problems);
        in_order(&what, c.start, &mut previous_start, "claims", problems);
        let roles = [
            ("source", c.source.as_ref()),
            ("cue", c.cue.as_ref()),
            ("content", Some(&c.content)),
        ];
        for (name, role) in roles {
            if let Some(r) = role {
                role_in_claim(&what, name, r, c.start, c.end, &spans, problems);
            }
        }
        match c.kind {
            ClaimKind::Factual => {
                if c.source.is_some() || c.cue.is_some() || c.source_entity.is_some() {
                    problems.push(format!(
                        "{what} is factual but has a source, cue or source_entity"
                    ));
                }
            }
            ClaimKind::Attributed => {
                if c.cue.is_none() {
                    problems.push(format!("{what} is attributed but has no cue"));
                }
            }
        }
        if let Some(e) = &c.source_entity {
            resolves(&what, "source_entity", e, &mentions, problems);
        }
        // NaN fails both comparisons, so it is refused too.
        if !(0.0..=1.0).contains(&c.checkworthy) {
            problems.push(format!(
                "{what}: checkworthy {} is outside [0, 1]",
                c.checkworthy
            ));
        }
    }

    summary(doc, &mentions, &dates, &claims, problems);
}

/// The top-level fields: hash, document date and its source, and the
/// article against `text_length` and `text_sha256` when the file has it.
fn header(doc: &Document, text: Option<&str>, problems: &mut Problems) {
    let hex = |s: &str| s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !hex(&doc.text_sha256) {
        problems.push(format!(
            "text_sha256 {:?} is not 64 lowercase hex digits",
            doc.text_sha256
        ));
    } else if let Some(t) = text {
        let actual = crate::pipeline::hex(&Sha256::digest(t.as_bytes()));
        if actual != doc.text_sha256 {
            problems.push(
                "the text does not match text_sha256: the file was changed after export".into(),
            );
        }
    }
    if let Some(d) = &doc.document_date {
        if crate::Options::new().document_date(d).is_err() || d.len() != 10 {
            problems.push(format!("document_date {d:?} is not a real date YYYY-MM-DD"));
        }
    }
    match (
        doc.document_date.as_deref(),
        doc.document_date_source.as_deref(),
    ) {
        (Some(_), Some("option" | "text")) | (None, None) => {}
        (None, Some(s)) => problems.push(format!(
            "document_date_source is {s:?} but there is no document_date"
        )),
        (Some(_), s) => problems.push(format!(
            "document_date_source is {s:?}: expected \"option\" or \"text\""
        )),
    }
}

/// A well-formed id (`e12`) not seen before in `seen`.
fn id<'a>(
    what: &str,
    id: &'a str,
    prefix: char,
    seen: &mut HashSet<&'a str>,
    problems: &mut Problems,
) {
    let ok = id
        .strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        problems.push(format!(
            "{what}: id {id:?} is not {prefix} followed by digits"
        ));
    } else if !seen.insert(id) {
        problems.push(format!("{what}: id {id} is used twice"));
    }
}

fn in_order(what: &str, start: usize, previous: &mut usize, list: &str, problems: &mut Problems) {
    if start < *previous {
        problems.push(format!(
            "{what} at {start} comes after one at {}: {list} are in text order",
            *previous
        ));
    }
    *previous = start;
}

fn role_in_claim(
    what: &str,
    name: &str,
    r: &Role,
    start: usize,
    end: usize,
    spans: &Spans,
    problems: &mut Problems,
) {
    let what = format!("{what} {name}");
    spans.check(&what, r.start, r.end, &r.text, problems);
    if r.start < start || r.end > end {
        problems.push(format!(
            "{what} {}..{} lies outside its claim {start}..{end}",
            r.start, r.end
        ));
    }
}

fn resolves(
    what: &str,
    field: &str,
    entity: &str,
    mentions: &HashMap<&str, usize>,
    problems: &mut Problems,
) {
    if !mentions.contains_key(entity) {
        problems.push(format!(
            "{what}: {field} {entity} is no entity of the document"
        ));
    }
}

/// The sidebar refers only to what the document has, and counts it right.
fn summary(
    doc: &Document,
    mentions: &HashMap<&str, usize>,
    dates: &HashMap<&str, Option<&str>>,
    claims: &HashSet<&str>,
    problems: &mut Problems,
) {
    let mut listed = HashSet::new();
    for s in &doc.summary.entities {
        let what = format!("summary entity {}", s.entity);
        match mentions.get(s.entity.as_str()) {
            None => resolves(&what, "entity", &s.entity, mentions, problems),
            Some(&n) if n != s.mentions => problems.push(format!(
                "{what} says {} mentions but the document has {n}",
                s.mentions
            )),
            Some(_) => {}
        }
        if !listed.insert(s.entity.as_str()) {
            problems.push(format!("{what} is listed twice"));
        }
    }
    let mut missing: Vec<&str> = mentions
        .keys()
        .copied()
        .filter(|e| !listed.contains(e))
        .collect();
    missing.sort_unstable();
    for e in missing {
        problems.push(format!("entity {e} is missing from summary.entities"));
    }
    for t in &doc.summary.timeline {
        for d in &t.dates {
            match dates.get(d.as_str()) {
                None => problems.push(format!(
                    "timeline {}: date {d} is no date of the document",
                    t.value
                )),
                Some(v) if *v != Some(t.value.as_str()) => problems.push(format!(
                    "timeline {}: date {d} has the value {}",
                    t.value,
                    v.unwrap_or("null")
                )),
                Some(_) => {}
            }
        }
    }
    for s in &doc.summary.sources {
        let what = format!("summary source {:?}", s.name);
        if let Some(e) = &s.source_entity {
            resolves(&what, "source_entity", e, mentions, problems);
        }
        for c in &s.claims {
            if !claims.contains(c.as_str()) {
                problems.push(format!("{what}: claim {c} is no claim of the document"));
            }
        }
    }
}

/// Checks spans against the text length and, when the file carries the
/// article, against the article itself.
struct Spans<'a> {
    length: usize,
    /// The article and the byte offset of every [`Spans::STEP`]-th code point.
    text: Option<(&'a str, Vec<usize>)>,
}

impl<'a> Spans<'a> {
    /// A code point's byte offset is found from the marked one before it in
    /// fewer than STEP steps: a full table would take 4 or 8 bytes per
    /// character, 20 MB for a 5 MB article in wasm memory, which never
    /// shrinks.
    const STEP: usize = 64;

    fn new(length: usize, text: Option<&'a str>, problems: &mut Problems) -> Spans<'a> {
        let text = text.and_then(|t| {
            let mut n = 0;
            let mut marks = Vec::with_capacity(t.len() / Self::STEP + 1);
            for (i, _) in t.char_indices() {
                if n % Self::STEP == 0 {
                    marks.push(i);
                }
                n += 1;
            }
            if n == length {
                Some((t, marks))
            } else {
                problems.push(format!(
                    "the text is {n} characters long but text_length says {length}"
                ));
                None
            }
        });
        Spans { length, text }
    }

    /// The byte offset of code point `cp` (at most the text length).
    fn byte_of(t: &str, marks: &[usize], cp: usize) -> Option<usize> {
        let base = marks.get(cp / Self::STEP).copied().unwrap_or(t.len());
        let rest = t.get(base..)?;
        let at = rest
            .char_indices()
            .map(|(i, _)| i)
            .chain([rest.len()])
            .nth(cp % Self::STEP)?;
        Some(base + at)
    }

    fn check(&self, what: &str, start: usize, end: usize, covered: &str, problems: &mut Problems) {
        if start > end || end > self.length {
            problems.push(format!(
                "{what}: span {start}..{end} is outside the text of length {}",
                self.length
            ));
            return;
        }
        let length_ok = covered.chars().count() == end - start;
        let matches = match &self.text {
            Some((t, marks)) => {
                length_ok
                    && Self::byte_of(t, marks, start)
                        .and_then(|s| t.get(s..))
                        .is_some_and(|rest| rest.starts_with(covered))
            }
            None => length_ok,
        };
        if !matches {
            problems.push(format!(
                "{what}: its text {:?} is not what the span {start}..{end} covers",
                short(covered)
            ));
        }
    }
}

/// At most 40 characters of `s`, for a message: a claim's text can be long.
fn short(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_of_finds_every_code_point_past_the_marks() {
        let t: String = "aé😀中\r\n".repeat(50);
        let mut problems = Problems::default();
        let n = t.chars().count();
        let spans = Spans::new(n, Some(&t), &mut problems);
        let (text, marks) = spans.text.as_ref().unwrap();
        let expected: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        for (cp, &b) in expected.iter().enumerate() {
            assert_eq!(Spans::byte_of(text, marks, cp), Some(b), "code point {cp}");
        }
        assert_eq!(Spans::byte_of(text, marks, n + 1), None);
    }
}
