//! Named entities: recognition and mention merging.
//!
//! `recognize` finds mentions; `merge` groups the mentions of one referent.
//! Both are replaceable without touching the rest of the pipeline.

mod rules;

use crate::document::EntityLabel;
use crate::text::{Span, Text};

/// One recognized mention, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    pub span: Span,
    pub label: EntityLabel,
}

/// Finds entity mentions in text order, without overlaps.
pub(crate) fn recognize(text: &Text) -> Vec<Mention> {
    rules::recognize(text)
}

/// Titles that may precede a name but are not part of it.
const TITLES: &[&str] = &["President", "Prime", "Minister", "General", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov."];

/// For each mention, the index of its referent cluster (0-based, in order
/// of first mention).
///
/// Mentions merge when they share a label and the shorter one's words are
/// the last (surname) or the first words of the longer one, or one is the
/// initials of the other ("Shanghai Cooperation Organization" / "SCO").
pub(crate) fn merge(text: &Text, mentions: &[Mention]) -> Vec<usize> {
    let norm = |m: &Mention| -> Vec<String> {
        text.slice(m.span)
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty() && !TITLES.contains(w))
            .map(|w| w.trim_end_matches(['.', '\'', '’']).replace('.', "").to_lowercase())
            .filter(|w| !w.is_empty() && w != "the")
            .collect()
    };
    let words: Vec<Vec<String>> = mentions.iter().map(norm).collect();
    let mut cluster = vec![usize::MAX; mentions.len()];
    // Representative (longest) mention index per cluster.
    let mut reps: Vec<usize> = Vec::new();
    // Longest mentions first, so short forms attach to full names.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(words[i].len()), i));
    for &i in &order {
        let found = reps.iter().position(|&r| same_referent(&words[r], mentions[r].label, &words[i], mentions[i].label));
        match found {
            Some(c) => cluster[i] = c,
            None => {
                cluster[i] = reps.len();
                reps.push(i);
            }
        }
    }
    // Renumber clusters by first mention in the text.
    let mut renum = vec![usize::MAX; reps.len()];
    let mut next = 0;
    for c in cluster.iter_mut() {
        if renum[*c] == usize::MAX {
            renum[*c] = next;
            next += 1;
        }
        *c = renum[*c];
    }
    cluster
}

fn same_referent(long: &[String], long_label: EntityLabel, short: &[String], short_label: EntityLabel) -> bool {
    if long.is_empty() || short.is_empty() {
        return false;
    }
    if long == short {
        return long_label == short_label;
    }
    if long_label != short_label {
        return false;
    }
    let initials: String = long.iter().filter(|w| !matches!(w.as_str(), "of" | "and" | "for")).filter_map(|w| w.chars().next()).collect();
    if short.len() == 1 && short[0].chars().count() >= 2 && short[0] == initials {
        return true;
    }
    match long_label {
        EntityLabel::Person => short.len() < long.len() && long.ends_with(short),
        _ => short.len() < long.len() && long.ends_with(short) && short.len() >= 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_acronyms_merge_with_full_names() {
        let s = "Alexander Lukashenko met the Shanghai Cooperation Organization. Lukashenko praised the SCO.";
        let t = Text::new(s);
        let span = |w: &str, nth: usize| {
            let start = s.match_indices(w).nth(nth).unwrap().0;
            Span::new(start, start + w.len())
        };
        let ms = [
            Mention { span: span("Alexander Lukashenko", 0), label: EntityLabel::Person },
            Mention { span: span("Shanghai Cooperation Organization", 0), label: EntityLabel::Org },
            Mention { span: span("Lukashenko", 1), label: EntityLabel::Person },
            Mention { span: span("SCO", 0), label: EntityLabel::Org },
        ];
        assert_eq!(merge(&t, &ms), [0, 1, 0, 1]);
    }
}
