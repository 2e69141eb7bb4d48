//! Adjectives made of a name: "Ontario-based", "U.S.-led",
//! "Jamaican-born". They name no referent of their own, but point at one,
//! and CoNLL-2003 marks them MISC (in its training text, 35 times MISC and
//! 7 times not for these three endings). The tagger rarely does, since
//! the name is hidden inside one token.

use super::Tagged;
use crate::document::EntityLabel;

/// "Ontario-based": a capitalized stem, a hyphen and one of the endings.
fn name_adjective(w: &str) -> bool {
    ["-based", "-led", "-born"].iter().any(|end| {
        w.strip_suffix(end)
            .is_some_and(|stem| stem.len() >= 2 && stem.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Tags the untagged adjectives of `words` that `covered` leaves free.
pub(super) fn apply(words: &[&str], skip: &[bool], found: &mut Vec<Tagged>) {
    let mut covered = vec![false; words.len()];
    for m in found.iter() {
        covered[m.first..m.end].fill(true);
    }
    let before = found.len();
    for (i, w) in words.iter().enumerate() {
        if w.len() > 6
            && w.starts_with(|c: char| c.is_uppercase())
            && !covered[i]
            && !skip[i]
            && name_adjective(w)
        {
            found.push(Tagged {
                first: i,
                end: i + 1,
                ty: EntityLabel::Misc,
            });
        }
    }
    if found.len() > before {
        found.sort_by_key(|m| m.first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_of_names_are_misc() {
        let words = [
            "the",
            "Quebec-based",
            "firm",
            "and",
            "a",
            "U.S.-led",
            "force",
            "of",
            "home-based",
            "workers",
            "-based",
        ];
        let mut found = vec![];
        apply(&words, &[false; 11], &mut found);
        let t = |i: usize| Tagged {
            first: i,
            end: i + 1,
            ty: EntityLabel::Misc,
        };
        assert_eq!(found, [t(1), t(5)]);
    }
}
