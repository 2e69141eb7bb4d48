//! Claims: attributions (source, cue, content, stance) and check-worthy
//! factual statements.

mod rules;

use crate::document::ClaimKind;
use crate::entities::Mention;
use crate::text::{Span, Text};

/// One claim, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The whole attribution or statement.
    pub span: Span,
    pub kind: ClaimKind,
    pub source: Option<Span>,
    /// Index into the entity mentions of the mention the source refers to.
    pub source_mention: Option<usize>,
    pub cue: Option<Span>,
    pub content: Span,
    pub stance: &'static str,
    pub checkworthy: f32,
}

/// Finds the claims of `text`, in text order.
pub(crate) fn recognize(text: &Text, mentions: &[Mention]) -> Vec<Found> {
    rules::recognize(text, mentions)
}
