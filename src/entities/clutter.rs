//! Page clutter: the navigation and comment-form lines that come along when
//! a person copies an article from a web page ("Related Articles", "Leave a
//! Reply", "Back to top button"). They are short Title Case lines, which is
//! what headlines and names look like, so the tagger is told about them.

use crate::text::Text;

/// Lines that are page furniture, lower case, without final punctuation.
const LINES: &[&str] = &[
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related",
    "read more",
    "read next",
    "leave a reply",
    "leave a comment",
    "cancel reply",
    "post comment",
    "comments",
    "no comments",
    "back to top",
    "back to top button",
    "scroll to top",
    "skip to content",
    "skip to main content",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share",
    "you may also like",
    "you might also like",
    "more stories",
    "more from",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "popular posts",
    "latest news",
    "latest posts",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "newsletter",
    "sign up for our newsletter",
    "follow us",
    "advertisement",
    "sponsored",
    "sponsored content",
    "print",
    "email",
    "tags",
    "categories",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "load more",
    "show more",
    "see also",
    "privacy policy",
    "terms of use",
    "cookie policy",
    "all rights reserved",
    "contact us",
    "about us",
    "home",
];

/// For each sentence, whether it is a clutter line.
pub(crate) fn clutter_sentences(t: &Text) -> Vec<bool> {
    t.sentences
        .iter()
        .map(|s| {
            let line = t
                .slice(t.token_span(s))
                .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
            line.len() <= 40 && {
                let lower = line
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase();
                LINES.contains(&lower.as_str()) || s.len() == 1 && glued_menu(line)
            }
        })
        .collect()
}

/// Menu items copied without their separators: "PoliticsSecurity". Each
/// piece is a capitalized word of four letters or more, so "McDonald" and
/// "PayPal" are not menus.
fn glued_menu(word: &str) -> bool {
    let mut pieces = 0;
    let mut len = 0;
    for c in word.chars() {
        if c.is_uppercase() {
            if pieces > 0 && len < 4 {
                return false;
            }
            pieces += 1;
            len = 1;
        } else if c.is_lowercase() && pieces > 0 {
            len += 1;
        } else {
            return false;
        }
    }
    pieces >= 2 && len >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_clutter_and_prose_is_not() {
        let t = Text::new("Related Articles\n\nThe Related Articles Act passed.\n\nLeave a Reply\n\nBack to top button");
        assert_eq!(clutter_sentences(&t), [true, false, true, true]);
        let t = Text::new("NewsWorldEconomy\n\nMcDonald\n\nPayPal\n\nMinsk");
        assert_eq!(clutter_sentences(&t), [true, false, false, false]);
    }
}
