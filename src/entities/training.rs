//! Hooks for the entity model trainer in `tools/` (not part of the API):
//! the recognizer's own tokens and features, and the model encoder, so
//! that training sees exactly what tagging sees and writes what
//! `entities::model` reads.

use std::collections::BTreeMap;
use std::ops::Range;

use factlens_kit::gazetteer::Gazetteer;
use factlens_kit::viterbi::Transitions;
use factlens_kit::wire::{self, SparseTable};

pub use super::features::{DocFeatures, Extractor, LABELS};
use super::model::{MAGIC, VERSION};
use crate::text::Text;

/// A text as the recognizer splits it.
pub struct Tokens {
    /// The text of each token.
    pub words: Vec<String>,
    /// The byte range of each token.
    pub spans: Vec<Range<usize>>,
    /// Sentences as ranges of token indices.
    pub sentences: Vec<Range<usize>>,
}

/// Tokens and sentences of `src`, exactly as the recognizer sees them.
pub fn tokenize(src: &str) -> Tokens {
    let t = Text::new(src);
    Tokens {
        words: (0..t.tokens.len()).map(|i| t.tok(i).to_string()).collect(),
        spans: t.tokens.iter().map(|k| k.span.start..k.span.end).collect(),
        sentences: t.sentences.clone(),
    }
}

/// The gazetteer the recognizer reads as features (embedded at build time
/// from `src/entities/model/gazetteer.txt`).
pub fn gazetteer() -> &'static Gazetteer {
    &super::GAZETTEER
}

/// The model file: the header naming `command`, the label transitions
/// (`next[from][to]`, by index into [`LABELS`]) and the quantized
/// weights of each kept feature, one step worth `scale`.
pub fn encode(
    command: &str,
    next: [[f32; LABELS.len()]; LABELS.len()],
    rows: &BTreeMap<u32, [i8; LABELS.len()]>,
    scale: f32,
) -> Result<Vec<u8>, String> {
    let mut out = wire::header(MAGIC, VERSION, command);
    out.extend((LABELS.len() as u32).to_le_bytes());
    let t = Transitions::new(next);
    for row in &t.next {
        for w in row {
            out.extend(w.to_le_bytes());
        }
    }
    SparseTable::write(rows, scale, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_models_load() {
        let mut next = [[0.0; LABELS.len()]; LABELS.len()];
        next[1][2] = 2.0;
        let rows = BTreeMap::from([(0xdead_beef, [1; LABELS.len()])]);
        let bytes = encode("train-ner test", next, &rows, 0.25).unwrap();
        let m = super::super::model::Model::parse(&bytes).unwrap();
        let mut sum = [0; LABELS.len()];
        m.add(0xdead_beef, &mut sum);
        assert_eq!(sum, [1; LABELS.len()]);
    }

    #[test]
    fn tokens_are_the_recognizer_tokens() {
        let t = tokenize("Mr. Smith left. He came back.");
        assert_eq!(t.words.len(), t.spans.len());
        assert_eq!(t.sentences.len(), 2);
        assert_eq!(t.words[2], "Smith");
        assert_eq!(t.spans[2], 4..9);
    }
}
