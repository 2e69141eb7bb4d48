//! The sidebar: main actors with counts, a timeline, claims by source.

use std::collections::HashMap;

use crate::document::{Document, Statistics, Summary, SummaryEntity, SummarySource, TimelineEntry};
use crate::text::{Text, TokenKind};

pub(crate) fn build(t: &Text, doc: &Document) -> Summary {
    Summary {
        entities: entities(doc),
        timeline: timeline(doc),
        sources: sources(doc),
        statistics: statistics(t, doc),
    }
}

fn entities(doc: &Document) -> Vec<SummaryEntity> {
    let mut order: Vec<&str> = Vec::new();
    let mut by_id: HashMap<&str, SummaryEntity> = HashMap::new();
    for m in &doc.entities {
        let e = by_id.entry(&m.entity).or_insert_with(|| {
            order.push(&m.entity);
            SummaryEntity {
                entity: m.entity.clone(),
                name: m.text.clone(),
                label: m.label,
                mentions: 0,
            }
        });
        e.mentions += 1;
        // The fullest form names the referent.
        if m.text.chars().count() > e.name.chars().count() {
            e.name = m.text.clone();
        }
    }
    #[allow(
        clippy::expect_used,
        reason = "every id in order was inserted in by_id once"
    )]
    let mut out: Vec<SummaryEntity> = order
        .into_iter()
        .map(|id| by_id.remove(id).expect("entity seen"))
        .collect();
    // Most mentioned first; ties keep first-mention order (stable sort).
    out.sort_by_key(|e| std::cmp::Reverse(e.mentions));
    out
}

fn timeline(doc: &Document) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for d in &doc.dates {
        let Some(v) = &d.value else { continue };
        if !v.starts_with(|c: char| c.is_ascii_digit()) {
            continue; // durations, sets and PRESENT_REF have no place on a line
        }
        match slot.get(v.as_str()) {
            Some(&i) => out[i].dates.push(d.id.clone()),
            None => {
                slot.insert(v, out.len());
                out.push(TimelineEntry {
                    value: v.clone(),
                    granularity: d.granularity,
                    dates: vec![d.id.clone()],
                });
            }
        }
    }
    // ISO values sort chronologically as strings; a coarser value ("2024")
    // sorts before the finer ones inside it ("2024-09").
    out.sort_by(|a, b| a.value.cmp(&b.value));
    out
}

fn sources(doc: &Document) -> Vec<SummarySource> {
    let mut out: Vec<SummarySource> = Vec::new();
    // Named entities group by id, other sources by their lower-cased text.
    let mut slot: HashMap<(Option<String>, String), usize> = HashMap::new();
    let names: HashMap<&str, &str> = doc.summary_names();
    for c in &doc.claims {
        let Some(src) = &c.source else { continue };
        let name = match &c.source_entity {
            Some(e) => names
                .get(e.as_str())
                .map_or_else(|| src.text.clone(), |s| s.to_string()),
            None => src.text.clone(),
        };
        let key = match &c.source_entity {
            Some(e) => (Some(e.clone()), String::new()),
            None => (None, name.to_lowercase()),
        };
        match slot.get(&key) {
            Some(&i) => out[i].claims.push(c.id.clone()),
            None => {
                slot.insert(key, out.len());
                out.push(SummarySource {
                    source_entity: c.source_entity.clone(),
                    name,
                    claims: vec![c.id.clone()],
                });
            }
        }
    }
    out.sort_by_key(|g| std::cmp::Reverse(g.claims.len()));
    out
}

fn statistics(t: &Text, doc: &Document) -> Statistics {
    // A paragraph starts at a non-blank line after a blank one (or the start).
    let mut paragraphs = 0;
    let mut prev_blank = true;
    for line in t.src.lines() {
        let blank = line.trim().is_empty();
        paragraphs += usize::from(prev_blank && !blank);
        prev_blank = blank;
    }
    Statistics {
        characters: doc.text_length,
        words: t
            .tokens
            .iter()
            .filter(|k| k.kind != TokenKind::Punct)
            .count(),
        sentences: t.sentences.len(),
        paragraphs,
    }
}

impl Document {
    /// The fullest name of each entity id.
    fn summary_names(&self) -> HashMap<&str, &str> {
        let mut names: HashMap<&str, &str> = HashMap::new();
        for m in &self.entities {
            let n = names.entry(&m.entity).or_insert(&m.text);
            if m.text.chars().count() > n.chars().count() {
                *n = &m.text;
            }
        }
        names
    }
}
