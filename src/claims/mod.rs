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
    pub stance: crate::document::Stance,
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

/// The embedded models, checked once. A bad model is a build defect that
/// the unit tests catch, so failing here stops loudly, naming the model
/// (as the entity model does).
fn models() -> &'static Models {
    static M: OnceLock<Models> = OnceLock::new();
    M.get_or_init(|| {
        let fail = |e: &dyn std::fmt::Display| -> ! { panic!("{e}") };
        let cue = tagger::Tagger::load("cue", CUE_MODEL).unwrap_or_else(|e| fail(&e));
        let roles = tagger::Tagger::load("role", ROLE_MODEL).unwrap_or_else(|e| fail(&e));
        let worthy = worthy::Worthy::load(WORTHY_MODEL).unwrap_or_else(|e| fail(&e));
        let joint = tagger::Joint::new(&cue, &roles).unwrap_or_else(|e| fail(&e));
        Models {
            cue,
            roles,
            joint,
            worthy,
        }
    })
}

/// Finds the claims of `text`, in text order.
pub(crate) fn recognize(text: &Text, mentions: &[Mention]) -> Vec<Found> {
    assemble::recognize(models(), text, mentions)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_models_load() {
        // Panics, naming the model, when one fails validation.
        let m = super::models();
        assert_eq!(m.cue.transitions(0).len(), 12);
    }
}
