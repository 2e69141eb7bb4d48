//! Title Case lines (headlines, section titles such as "A Dual Alliance:")
//! capitalize every word, so capitals say nothing there and the tagger's
//! guesses are weak. A mention on such a line is kept only when something
//! else supports it: the gazetteers know it, or the same words occur in
//! the running text of the article.

use crate::text::{Text, TokenKind};

use super::Tagged;

/// Words that stay in lower case in a Title Case line.
const SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "via",
];

/// Whether a sentence is in Title Case: three words or more, every word
/// capitalized but the small ones, not simply ALL CAPS, no more than
/// fourteen words, and no numbers, commas or brackets (score lines and
/// team lists are tables of names, not headlines).
fn title_case(text: &Text, s: &std::ops::Range<usize>) -> bool {
    if s.clone()
        .any(|i| text.tokens[i].kind == TokenKind::Number || matches!(text.tok(i), "," | "(" | ";"))
    {
        return false;
    }
    let words: Vec<&str> = s
        .clone()
        .filter(|&i| text.tokens[i].kind == TokenKind::Word)
        .map(|i| text.tok(i))
        .collect();
    let lower_ok = words
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || SMALL.contains(w));
    let upper = words
        .iter()
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count();
    (3..=14).contains(&words.len()) && lower_ok && upper * 10 < words.len() * 8
}

pub(super) fn drop_unsupported(
    text: &Text,
    words: &[&str],
    known: impl Fn(&Tagged) -> bool,
    found: &mut Vec<Tagged>,
) {
    let mut title = vec![false; words.len()];
    let mut any = false;
    for s in &text.sentences {
        if title_case(text, s) {
            title[s.clone()].fill(true);
            any = true;
        }
    }
    if !any {
        return;
    }
    let in_running_text = |m: &Tagged| {
        let name = &words[m.first..m.end];
        (0..words.len().saturating_sub(name.len() - 1))
            .any(|i| !title[i] && &words[i..i + name.len()] == name)
    };
    found.retain(|m| !title[m.first] || known(m) || in_running_text(m));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_guesses_need_support() {
        let t = Text::new(
            "Sanctions Bite As Minsk Talks Stall In Gomel\n\nOfficials in Minsk said so.",
        );
        let words: Vec<&str> = (0..t.tokens.len()).map(|i| t.tok(i)).collect();
        let tagged = |w: &str| {
            let i = words.iter().position(|x| *x == w).unwrap();
            Tagged {
                first: i,
                end: i + 1,
                ty: crate::document::EntityLabel::Loc,
            }
        };
        let last = words.iter().rposition(|x| *x == "Minsk").unwrap();
        let mut found = vec![
            tagged("Sanctions"),
            tagged("Minsk"),
            tagged("Gomel"),
            Tagged {
                first: last,
                end: last + 1,
                ty: crate::document::EntityLabel::Loc,
            },
        ];
        drop_unsupported(&t, &words, |m| words[m.first] == "Gomel", &mut found);
        let kept: Vec<&str> = found.iter().map(|m| words[m.first]).collect();
        assert_eq!(kept, ["Minsk", "Gomel", "Minsk"]);
    }
}
