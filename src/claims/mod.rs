//! Claims: attributions (source, cue, content, stance) and check-worthy
//! factual statements.
//!
//! Attributions come from two learned taggers over each paragraph
//! (`tagger`, `features`): stage one marks cues; stage two, knowing where
//! the cues are, marks sources and contents, which may overlap cues (a
//! split quote's content spans its cue). `assemble` joins each cue to its
//! nearest source and content, `stance` reads the stance off the cue, and
//! `worthy` scores every claim and turns check-worthy sentences outside
//! attributions into factual claims. Models are embedded from `model/`
//! (see `model/README.md` for the commands that produced them).

mod assemble;
mod features;
mod stance;
mod tagger;
#[cfg(not(target_arch = "wasm32"))]
pub mod training;
mod worthy;

use std::sync::OnceLock;

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
    /// The name of a [`crate::Stance`].
    pub stance: &'static str,
    pub checkworthy: f32,
}

static CUE_MODEL: &[u8] = include_bytes!("model/cue.bin");
static ROLE_MODEL: &[u8] = include_bytes!("model/roles.bin");
static WORTHY_MODEL: &[u8] = include_bytes!("model/worthy.bin");

pub(crate) struct Models {
    cue: tagger::Tagger<'static>,
    roles: tagger::Tagger<'static>,
    joint: tagger::Joint,
    worthy: worthy::Worthy<'static>,
}

/// The embedded models, validated once. A corrupt model is a build defect,
/// caught by the tests; at run time it yields no claims rather than a panic.
fn models() -> Option<&'static Models> {
    static M: OnceLock<Option<Models>> = OnceLock::new();
    M.get_or_init(|| {
        let cue = tagger::Tagger::load(CUE_MODEL)?;
        let roles = tagger::Tagger::load(ROLE_MODEL)?;
        let worthy = worthy::Worthy::load(WORTHY_MODEL)?;
        let joint = tagger::Joint::new(&cue, &roles)?;
        Some(Models {
            cue,
            roles,
            joint,
            worthy,
        })
    })
    .as_ref()
}

/// Finds the claims of `text`, in text order.
pub(crate) fn recognize(text: &Text, mentions: &[Mention]) -> Vec<Found> {
    match models() {
        Some(m) => assemble::recognize(m, text, mentions),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_models_load() {
        assert!(
            super::models().is_some(),
            "an embedded claims model fails validation"
        );
    }
}
