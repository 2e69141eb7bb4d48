//! The crate's one error type: opaque, with a private kind.

use std::fmt;

/// Why an operation failed. The message is meant for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    BadDate(String),
    UnknownSchema(String),
    Malformed(String),
    /// The first problems found, and how many there were in all.
    Invalid {
        shown: Vec<String>,
        total: usize,
    },
}

impl Error {
    pub(crate) fn bad_date(input: &str) -> Self {
        Error {
            kind: Kind::BadDate(input.to_string()),
        }
    }
    pub(crate) fn unknown_schema(found: &str) -> Self {
        Error {
            kind: Kind::UnknownSchema(found.to_string()),
        }
    }
    pub(crate) fn malformed(why: impl Into<String>) -> Self {
        Error {
            kind: Kind::Malformed(why.into()),
        }
    }
    pub(crate) fn invalid(shown: Vec<String>, total: usize) -> Self {
        Error {
            kind: Kind::Invalid { shown, total },
        }
    }
    /// True when a document declared a schema this version cannot read.
    pub fn is_unknown_schema(&self) -> bool {
        matches!(self.kind, Kind::UnknownSchema(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::BadDate(s) => write!(
                f,
                "invalid document date {s:?}: expected a real date as YYYY-MM-DD"
            ),
            Kind::UnknownSchema(s) => write!(
                f,
                "unknown schema {s:?}: this version reads only {:?}",
                crate::document::SCHEMA
            ),
            Kind::Malformed(s) => write!(f, "malformed document: {s}"),
            Kind::Invalid { shown, total } => {
                let noun = if *total == 1 { "problem" } else { "problems" };
                write!(f, "invalid document, {total} {noun}: {}", shown.join("; "))?;
                if *total > shown.len() {
                    write!(f, "; and {} more", total - shown.len())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}
