//! Factlens marks up a news article: named entities, dates normalized to
//! TIMEX3 values, and claims (who said what, and check-worthy statements).
//!
//! ```
//! let doc = factlens::annotate(
//!     "Maria Zakharova said on September 20, 2024 that Minsk was ready.",
//!     &factlens::Options::new(),
//! );
//! assert_eq!(doc.schema, "factlens/1");
//! assert!(doc.dates.iter().any(|d| d.value.as_deref() == Some("2024-09-20")));
//! ```
//!
//! # Offsets
//! Every span in a [`Document`] is in Unicode code points, end exclusive,
//! the unit of the W3C Web Annotation model. Inside the crate spans are UTF-8
//! byte offsets; they are converted once, in `document`, through a
//! precomputed map.
//!
//! # Layout
//! `text` owns tokens, sentences and offset maps; `entities`, `dates`,
//! `figures` and `claims` each own one recognizer behind a small function; `summary` builds
//! the sidebar; `document` is the factlens/1 contract; `wasm` is the only
//! module that knows about JavaScript.
#![deny(missing_docs)]
// No panic on any input: data-derived values are never unwrapped; the few
// expects left hold by construction and say why next to them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod claims;
mod dates;
mod document;
mod entities;
mod error;
mod figures;
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonl;
mod pipeline;
mod summary;
mod text;
mod validate;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use document::{
    Claim, ClaimKind, DateMention, DateType, Document, EntityLabel, EntityMention, Figure,
    Granularity, Role, Stance, Statistics, Summary, SummaryEntity, SummarySource, TimelineEntry,
    SCHEMA,
};
pub use error::Error;
pub use figures::{Amount, Currency, FigureLabel, FigureMod, FigureValue, Measure, Unit};
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::profile_stages;
pub use pipeline::{annotate, Options};

/// Not part of the API: the features, decoder and model encoders the
/// claim model trainers in `tools/` share with the recognizer.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub use claims::training as claims_training;

/// Not part of the API: the tokens, features and model encoder the
/// entity model trainer in `tools/` shares with the recognizer.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub use entities::training as entities_training;
