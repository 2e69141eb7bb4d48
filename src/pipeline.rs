//! `annotate`: text in, factlens/1 document out.

use sha2::{Digest, Sha256};

use crate::document::{Builder, Document, SCHEMA};
use crate::text::Text;
use crate::{claims, dates, entities, figures, summary, Error};

/// How to annotate. `Options::new()` is the common case.
#[derive(Debug, Clone, Default)]
pub struct Options {
    document_date: Option<jiff::civil::Date>,
}

impl Options {
    /// No document date: it is inferred from the text when the text has one.
    pub fn new() -> Options {
        Options::default()
    }

    /// Sets the document date from `YYYY-MM-DD`; relative dates ("last
    /// Friday") are resolved against it.
    pub fn document_date(mut self, iso: &str) -> Result<Options, Error> {
        let iso = iso.trim();
        let ok = iso.len() == 10 && iso.as_bytes()[4] == b'-' && iso.as_bytes()[7] == b'-';
        let date: jiff::civil::Date = if ok {
            iso.parse().map_err(|_| Error::bad_date(iso))?
        } else {
            return Err(Error::bad_date(iso));
        };
        self.document_date = Some(date);
        Ok(self)
    }
}

/// The id of the `i`-th (from 0) item with `prefix`: "e1", "E12". There
/// are tens of thousands in a long article: itoa, not `format!`'s machinery.
fn id(prefix: &str, i: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(i + 1);
    let mut s = String::with_capacity(prefix.len() + digits.len());
    s.push_str(prefix);
    s.push_str(digits);
    s
}

/// Annotates `text`: entities, dates, figures, claims and a summary, with every
/// offset in code points.
pub fn annotate(text: &str, options: &Options) -> Document {
    let t = Text::new(text);
    let (dct, dct_source) = match options.document_date {
        Some(d) => (Some(d), Some("option")),
        None => match dates::infer_document_date(&t) {
            Some(d) => (Some(d), Some("text")),
            None => (None, None),
        },
    };
    let timexes = dates::recognize(&t, dct);
    let mentions = entities::recognize(&t);
    let clusters = entities::merge(&t, &mentions);
    let found = claims::recognize(&t, &mentions);

    let b = Builder::new(text);
    let entity_id = |cluster: usize| id("E", cluster);
    let entities: Vec<_> = mentions
        .iter()
        .zip(&clusters)
        .enumerate()
        .map(|(i, (m, &c))| {
            let r = b.role(m.span);
            crate::EntityMention {
                id: id("e", i),
                start: r.start,
                end: r.end,
                text: r.text,
                label: m.label,
                entity: entity_id(c),
            }
        })
        .collect();
    let dates: Vec<_> = timexes
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let r = b.role(x.span);
            crate::DateMention {
                id: id("d", i),
                start: r.start,
                end: r.end,
                text: r.text,
                kind: x.kind,
                granularity: x.value.and_then(|v| v.granularity()),
                value: x.value.map(|v| v.to_string()),
            }
        })
        .collect();
    // Recognized last and turned into the document's list at once, so that
    // a column of numbers (a figure per token) does not hold two lists of
    // them through the entity and claim stages.
    let figures: Vec<_> = figures::recognize(&t, &timexes)
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let r = b.role(f.span);
            crate::Figure {
                id: id("f", i),
                start: r.start,
                end: r.end,
                text: r.text,
                label: f.label,
                value: f.value,
            }
        })
        .collect();
    let claims: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let r = b.role(f.span);
            crate::Claim {
                id: id("c", i),
                start: r.start,
                end: r.end,
                text: r.text,
                kind: f.kind,
                source: f.source.map(|s| b.role(s)),
                source_entity: f.source_mention.map(|m| entity_id(clusters[m])),
                cue: f.cue.map(|s| b.role(s)),
                content: b.role(f.content),
                stance: f.stance,
                // Three decimals: f32 noise (0.699999988) helps nobody reading the JSON.
                checkworthy: (f64::from(f.checkworthy) * 1000.0).round() / 1000.0,
            }
        })
        .collect();

    let mut doc = Document {
        schema: SCHEMA.to_string(),
        text_length: b.text_length(),
        text_sha256: hex(&Sha256::digest(text.as_bytes())),
        document_date: dct.map(|d| d.to_string()),
        document_date_source: dct_source.map(str::to_string),
        entities,
        dates,
        figures,
        claims,
        summary: Default::default(),
    };
    doc.summary = summary::build(&t, &doc);
    doc
}

/// Seconds spent in each stage of [`annotate`] on `text`, for benchmarks.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub fn profile_stages(text: &str, options: &Options) -> Vec<(&'static str, f64)> {
    use std::time::Instant;
    let mut out = Vec::new();
    let mut lap = |name: &'static str, t: Instant| out.push((name, t.elapsed().as_secs_f64()));
    let t = Instant::now();
    let tx = Text::new(text);
    lap("text", t);
    let t = Instant::now();
    let dct = options
        .document_date
        .or_else(|| dates::infer_document_date(&tx));
    let timexes = dates::recognize(&tx, dct);
    lap("dates", t);
    let t = Instant::now();
    let _ = figures::recognize(&tx, &timexes);
    lap("figures", t);
    let t = Instant::now();
    let mentions = entities::recognize(&tx);
    let _ = entities::merge(&tx, &mentions);
    lap("entities", t);
    let t = Instant::now();
    let _ = claims::recognize(&tx, &mentions);
    lap("claims", t);
    let t = Instant::now();
    let _ = annotate(text, options);
    lap("whole", t);
    out
}

/// Lowercase hex, as `text_sha256` is written (the reader checks with it too).
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
