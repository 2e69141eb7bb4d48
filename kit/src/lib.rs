//! The tagging kit of factlens: the pieces every tagger, the build script
//! and the trainers share, so that each exists once.
//!
//! ```
//! use factlens_kit::hash::Fnv;
//! // FNV-1a, as the committed models were trained on.
//! assert_eq!(Fnv::new().bytes(b"a").finish(), 0xaf63_dc4c_8601_ec8c);
//! ```
//!
//! # Modules
//! - [`hash`]: the feature hasher (FNV-1a), the feature-key mixers and a
//!   map for keys that are already hashes.
//! - [`wire`]: the model file format (magic, version, the command that made
//!   the file) and its one reader, which rejects a bad model with an error
//!   naming it; the quantized weight tables stored in it.
//! - [`viterbi`]: the one decoder, for any number of labels.
//! - [`gazetteer`]: phrase tables looked up by word keys, as `build.rs`
//!   embeds them.
//!
//! It depends on `std` only, because `build.rs` uses it.
#![deny(missing_docs)]

pub mod gazetteer;
pub mod hash;
pub mod viterbi;
pub mod wire;
