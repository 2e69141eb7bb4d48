//! The factlens/1 document: the contract between the core, the page, the
//! command-line tool and our users. `docs/schema.md` describes it in prose
//! and `docs/factlens-1.schema.json` as a JSON Schema.
//!
//! Offsets here are Unicode code points, end exclusive. They are produced
//! from the recognizers' byte spans by [`Builder`], the one place that
//! converts.

use serde::{Deserialize, Serialize};

use crate::figures::{FigureLabel, FigureValue};
use crate::text::{CharMap, Span};

/// The schema name and version every document carries.
pub const SCHEMA: &str = "factlens/1";

/// An annotated article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Length of the annotated text in code points.
    pub text_length: usize,
    /// Hex SHA-256 of the text's UTF-8 bytes: ties the document to its text.
    pub text_sha256: String,
    /// The document creation date, `YYYY-MM-DD`, against which relative
    /// dates were resolved.
    pub document_date: Option<String>,
    /// Where the document date came from: `"option"` (given by the caller)
    /// or `"text"` (inferred from a dateline or byline); null when unknown.
    pub document_date_source: Option<String>,
    /// Entity mentions in text order.
    pub entities: Vec<EntityMention>,
    /// Temporal expressions in text order.
    pub dates: Vec<DateMention>,
    /// Money, percentages, quantities and counts in text order. Absent in
    /// documents written before figures existed: read as empty.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Attributed and factual claims in text order.
    pub claims: Vec<Claim>,
    /// The sidebar: actors, timeline, sources, statistics.
    pub summary: Summary,
}

/// The label of an entity mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum EntityLabel {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// Companies, institutions, ministries, armed forces, media, parties, alliances.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, regions, seas, and capitals standing for governments.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Norp,
    /// Other named things: events, treaties and laws, products, works.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// The label as written in the document.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// `e1`, `e2`, … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text, exactly.
    pub text: String,
    /// What kind of thing is named.
    pub label: EntityLabel,
    /// The referent: mentions with the same `entity` name the same thing.
    pub entity: String,
}

/// The TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateType {
    /// A calendar date or period: `2024-09-20`, `2024-10`, `2024-Q3`.
    Date,
    /// A time of day: `2024-09-20T14:30`.
    Time,
    /// A length of time: `P2Y`.
    Duration,
    /// A recurrence: `P1W` with a quantifier.
    Set,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// `d1`, `d2`, … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text, exactly.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: DateType,
    /// TIMEX3 value (`2024-09-20`, `P2Y`, `PRESENT_REF`, …), null when it
    /// could not be normalized.
    pub value: Option<String>,
    /// The value's granularity: `day`, `month`, `year`, … (see the schema).
    pub granularity: Option<String>,
}

/// One figure: money, a percentage, a quantity or a count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `f1`, `f2`, … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text, exactly.
    pub text: String,
    /// MONEY, PERCENT, QUANTITY or CARDINAL.
    pub label: FigureLabel,
    /// The normalized amount, unit and hedge.
    pub value: FigureValue,
}

/// Whether a claim is attributed to a source or a bare factual statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Someone (or an unnamed report) is said to have said it.
    Attributed,
    /// A check-worthy statement of fact in the author's own voice.
    Factual,
}

/// A piece of a claim: source, cue or content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text, exactly.
    pub text: String,
}

/// One claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`, … in text order.
    pub id: String,
    /// First code point of the whole attribution or statement.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The covered text, exactly.
    pub text: String,
    /// Attributed or factual.
    pub kind: ClaimKind,
    /// Who claims it, as written; null for factual claims and unattributed reports.
    pub source: Option<Role>,
    /// The entity the source refers to (also for pronoun sources).
    pub source_entity: Option<String>,
    /// The word(s) that signal the attribution: "said", "according to".
    pub cue: Option<Role>,
    /// What is claimed.
    pub content: Role,
    /// The source's stance as signalled by the cue: `asserts`, `denies`, …
    pub stance: String,
    /// How much the claim deserves checking, in `[0, 1]`.
    pub checkworthy: f64,
}

/// The sidebar.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Entities, most mentioned first.
    pub entities: Vec<SummaryEntity>,
    /// Normalized dates in chronological order.
    pub timeline: Vec<TimelineEntry>,
    /// Claims grouped by who made them.
    pub sources: Vec<SummarySource>,
    /// Counts about the text.
    pub statistics: Statistics,
}

/// One referent in the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryEntity {
    /// The `entity` id shared by its mentions.
    pub entity: String,
    /// Its fullest name in the text.
    pub name: String,
    /// Its label.
    pub label: EntityLabel,
    /// How many mentions it has.
    pub mentions: usize,
}

/// One point of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// A TIMEX3 value.
    pub value: String,
    /// Its granularity.
    pub granularity: Option<String>,
    /// The ids of the date mentions with this value.
    pub dates: Vec<String>,
}

/// The claims of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySource {
    /// The entity of the source; null for sources that are no named entity.
    pub source_entity: Option<String>,
    /// How the source is named.
    pub name: String,
    /// Ids of its claims.
    pub claims: Vec<String>,
}

/// Counts about the text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Statistics {
    /// Code points.
    pub characters: usize,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Blocks of text separated by blank lines.
    pub paragraphs: usize,
}

impl Document {
    /// Serializes the document as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document always serializes")
    }

    /// Reads a factlens/1 document, refusing unknown schemas and spans that
    /// do not fit the declared text length.
    pub fn from_json(json: &str) -> Result<Document, crate::Error> {
        let v: serde_json::Value =
            serde_json::from_str(json).map_err(|e| crate::Error::malformed(e.to_string()))?;
        match v.get("schema").and_then(|s| s.as_str()) {
            Some(SCHEMA) => {}
            Some(other) => return Err(crate::Error::unknown_schema(other)),
            None => {
                return Err(crate::Error::malformed(
                    "no \"schema\" field: not a factlens document",
                ))
            }
        }
        let doc: Document =
            serde_json::from_value(v).map_err(|e| crate::Error::malformed(e.to_string()))?;
        doc.check_spans()?;
        Ok(doc)
    }

    fn check_spans(&self) -> Result<(), crate::Error> {
        let n = self.text_length;
        let check = |what: &str, id: &str, s: usize, e: usize| {
            if s > e || e > n {
                Err(crate::Error::malformed(format!(
                    "{what} {id}: span {s}..{e} is outside the text of length {n}"
                )))
            } else {
                Ok(())
            }
        };
        for m in &self.entities {
            check("entity", &m.id, m.start, m.end)?;
        }
        for d in &self.dates {
            check("date", &d.id, d.start, d.end)?;
        }
        for f in &self.figures {
            check("figure", &f.id, f.start, f.end)?;
        }
        for c in &self.claims {
            check("claim", &c.id, c.start, c.end)?;
            for r in [c.source.as_ref(), c.cue.as_ref(), Some(&c.content)]
                .into_iter()
                .flatten()
            {
                check("claim", &c.id, r.start, r.end)?;
            }
        }
        Ok(())
    }
}

/// Converts byte spans of one text to code-point roles; the only place
/// where offsets change unit.
pub(crate) struct Builder<'a> {
    pub src: &'a str,
    map: CharMap<'a>,
}

impl<'a> Builder<'a> {
    pub fn new(src: &'a str) -> Builder<'a> {
        Builder {
            src,
            map: CharMap::new(src),
        }
    }
    pub fn text_length(&self) -> usize {
        self.map.len()
    }
    pub fn role(&self, span: Span) -> Role {
        Role {
            start: self.map.cp(span.start),
            end: self.map.cp(span.end),
            text: self.src[span.start..span.end].to_string(),
        }
    }
}
