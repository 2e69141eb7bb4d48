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
    /// The labels the tagger gives (NORP comes later, from the demonym
    /// list), in the order of its types (`entities::features::LABELS`).
    pub(crate) const TAGGED: [EntityLabel; 4] = [
        EntityLabel::Person,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
    ];

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
    /// The value's granularity; null when there is no value.
    pub granularity: Option<Granularity>,
}

/// The precision of a TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// `2024-09-20`, `XXXX-09-20`.
    Day,
    /// `2024-W38`, `2024-W38-WE`, `XXXX-WXX-1`.
    Week,
    /// `2024-09`, `XXXX-09`.
    Month,
    /// `2024-Q3`, and halves: `2024-H1`.
    Quarter,
    /// `2024-SU`.
    Season,
    /// `2024`.
    Year,
    /// `199`: the 1990s.
    Decade,
    /// `19`: the 1900s.
    Century,
    /// A time of a day: `2024-09-20T14:30`, `2024-09-20TNI`.
    Time,
    /// A length of time: `P2Y`.
    Duration,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference,
}

/// The source's stance towards a claim, as signalled by the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// States it as true ("said", "confirmed", "according to").
    Asserts,
    /// Rejects it ("denied", "dismissed", "did not confirm").
    Denies,
    /// Blames someone ("accused", "blamed", "condemned").
    Accuses,
    /// Announces a danger ("warned", "cautioned").
    Warns,
    /// The author keeps a distance ("claimed", "alleged").
    Claims,
    /// Passes on information ("reported", "announced", "told").
    Reports,
    /// Commits to acting ("promised", "pledged", "vowed").
    Promises,
    /// Doubts or asks ("asked", "questioned", "doubted").
    Questions,
    /// Opinion or expectation ("believes", "expects", "predicted").
    Believes,
    /// Calls for action ("urged", "called for", "demanded").
    Urges,
}

impl Stance {
    /// Every stance, in the schema's order.
    pub const ALL: [Stance; 10] = [
        Stance::Asserts,
        Stance::Denies,
        Stance::Accuses,
        Stance::Warns,
        Stance::Claims,
        Stance::Reports,
        Stance::Promises,
        Stance::Questions,
        Stance::Believes,
        Stance::Urges,
    ];

    /// The stance as written in the document: `asserts`, `denies`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Accuses => "accuses",
            Stance::Warns => "warns",
            Stance::Claims => "claims",
            Stance::Reports => "reports",
            Stance::Promises => "promises",
            Stance::Questions => "questions",
            Stance::Believes => "believes",
            Stance::Urges => "urges",
        }
    }
}

impl std::fmt::Display for Stance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Stance {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Stance, crate::Error> {
        Stance::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| crate::Error::malformed(format!("unknown stance {s:?}")))
    }
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
    /// The source's stance as signalled by the cue.
    pub stance: Stance,
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
    pub granularity: Option<Granularity>,
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
    #[allow(
        clippy::expect_used,
        reason = "a Document holds only strings, numbers and lists, which serde_json always writes"
    )]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document always serializes")
    }

    /// Reads a factlens/1 document and checks everything a reader can
    /// check without the annotator: the schema version, every span against
    /// the text length and its own `text` (and against the article when
    /// the file carries it, as the page's exports do, with its SHA-256),
    /// entity mentions sorted and non-overlapping, dates and claims in text
    /// order, ids well-formed and unique, `checkworthy` in [0, 1], and
    /// every reference resolving (claim and summary to entities, timeline
    /// to dates, sources to claims). A file with any problem is refused
    /// whole; the error names the problems (the first 20).
    pub fn from_json(json: &str) -> Result<Document, crate::Error> {
        let mut v: serde_json::Value =
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
        let mut problems = Problems::default();
        // The article itself, in the page's exports: not a Document field.
        let text = match v.as_object_mut().and_then(|o| o.remove("text")) {
            Some(serde_json::Value::String(t)) => Some(t),
            Some(serde_json::Value::Null) | None => None,
            Some(_) => {
                problems.push("\"text\" is not a string".into());
                None
            }
        };
        let doc: Document =
            serde_json::from_value(v).map_err(|e| crate::Error::malformed(e.to_string()))?;
        crate::validate::check(&doc, text.as_deref(), &mut problems);
        problems.into_result().map(|()| doc)
    }
}

/// The problems found in a document: the first [`Problems::SHOWN`] kept
/// as messages, the rest counted.
#[derive(Default)]
pub(crate) struct Problems {
    shown: Vec<String>,
    total: usize,
}

impl Problems {
    const SHOWN: usize = 20;

    pub fn push(&mut self, why: String) {
        if self.shown.len() < Self::SHOWN {
            self.shown.push(why);
        }
        self.total += 1;
    }

    fn into_result(self) -> Result<(), crate::Error> {
        if self.total == 0 {
            Ok(())
        } else {
            Err(crate::Error::invalid(self.shown, self.total))
        }
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
