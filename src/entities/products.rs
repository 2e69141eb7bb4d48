//! Products: "the iPhone 4", "an Airbus A380", "Boeing's 787 Dreamliner",
//! "777s". The tagger learned its names from 1996 news, where products are
//! rare, and a model number is no name to it; our schema has no product
//! label, so products are MISC ("other named things").
//!
//! Three shapes are recognized, then repeated through the document:
//! - a brand word in lower camel case ("iPod", "iTunes", "iOS");
//! - a model code of letters and digits ("A380", "A350s", "F-16");
//! - a model number after a company of the company list ("Boeing 787");
//!
//! each with what follows it: a version ("iPhone 4", "iOS 5"), a model word
//! ("iPod nano"), a capitalized name ("787 Dreamliner", "iTunes Music
//! Store"). Once a model number is known, it is a product wherever it
//! recurs in the article, alone, in the plural or with a variant suffix
//! ("787s", "777-200LR").

use foldhash::{HashSet, HashSetExt};

use crate::text::{Text, TokenKind};

use super::Tagged;
use crate::document::EntityLabel;

/// Lower-case words that continue a product name.
const MODEL_WORDS: &[&str] = &[
    "nano", "touch", "shuffle", "mini", "classic", "pro", "max", "plus", "air",
];

/// "iPhone", "iOS", "iTunes": a lower-case i, then a capital, then letters.
fn camel_brand(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b[0] == b'i'
        && b[1].is_ascii_uppercase()
        && b[2..].iter().all(u8::is_ascii_alphabetic)
}

/// "A380", "A350s", "F-16", "MiG-29", "7E7": capital letters (a
/// lower-case one inside) then digits, optionally a hyphen between and
/// letters after. Without a hyphen three digits are needed, so that "G7",
/// "M25" and "A1" stay what they are.
fn model_code(w: &str) -> bool {
    let b = w.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == 0
        || letters > 3
        || !b[0].is_ascii_uppercase()
        || b[..letters]
            .iter()
            .filter(|c| c.is_ascii_lowercase())
            .count()
            > 1
    {
        return false;
    }
    let rest = &b[letters..];
    let hyphen = rest.first() == Some(&b'-');
    let rest = if hyphen { &rest[1..] } else { rest };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = &rest[digits..];
    let enough = if hyphen { digits >= 2 } else { digits >= 3 };
    enough
        && digits <= 4
        && tail.len() <= 3
        && tail.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// A model number: "787", "737-800", "777-200LR", "7E7", "3G", "4" after
/// a brand. Years (1900-2099) are not models.
fn model_number(w: &str, short_ok: bool) -> bool {
    let b = w.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 || b.len() > 10 {
        return false;
    }
    let year = digits == 4 && (w[..4].starts_with("19") || w[..4].starts_with("20"));
    let rest = &b[digits..];
    (digits >= 3 || short_ok)
        && !year
        && rest.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// "A380s" and "Dreamliners" are known by "A380" and "Dreamliner".
fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|r| r.len() >= 2).unwrap_or(w)
}

/// The token after a possessive that starts at `i`: "'s", or "' s" as
/// some text is spaced.
fn possessive_end(words: &[&str], i: usize) -> Option<usize> {
    match (words.get(i), words.get(i + 1)) {
        (Some(&("'s" | "’s")), _) => Some(i + 1),
        (Some(&("'" | "’")), Some(&"s")) => Some(i + 2),
        _ => None,
    }
}

/// Whether `w` is a known model `m` in another form: "787s", "787-8",
/// "A380s", "777-200LR".
fn variant_of(w: &str, m: &str) -> bool {
    w == m
        || w.strip_prefix(m)
            .is_some_and(|rest| rest == "s" || rest.starts_with('-') && rest.len() > 1)
}

/// The article as the product pass reads it: its tokens, their words,
/// which tokens open a sentence and which the tagger skipped.
#[derive(Clone, Copy)]
pub(super) struct View<'a> {
    pub text: &'a Text<'a>,
    pub words: &'a [&'a str],
    pub initial: &'a [bool],
    pub skip: &'a [bool],
}

/// `is_company` says whether a token is a company of the company list,
/// `is_company_phrase` whether one begins there ("Air France"),
/// `known` whether the gazetteers know it, `initial` which tokens open a
/// sentence. Product mentions replace what
/// the tagger found over them; a mention that sticks out keeps its part
/// outside ("Apple" of a tagged "Apple launches iPhone").
pub(super) fn apply(
    view: View<'_>,
    is_company: impl Fn(usize) -> bool,
    is_company_phrase: impl Fn(usize) -> bool,
    known: impl Fn(usize) -> bool,
    found: &mut Vec<Tagged>,
) {
    let View {
        text,
        words,
        initial,
        skip,
    } = view;
    let n = words.len();
    let word = |i: usize| text.tokens[i].kind == TokenKind::Word;
    let cap = |i: usize| words[i].starts_with(|c: char| c.is_uppercase());
    // Result lines ("Sussex 363 and Essex 372") put numbers after names.
    let mut score_line = vec![false; n];
    for s in &text.sentences {
        let numbers = s
            .clone()
            .filter(|&k| text.tokens[k].kind == TokenKind::Number)
            .count();
        if numbers > 3 && numbers * 6 >= s.len() {
            score_line[s.clone()].fill(true);
        }
    }
    let mut products: Vec<Tagged> = Vec::new();
    // Model numbers and names seen in a first shape, repeated later.
    let mut models: HashSet<&str> = HashSet::new();
    let mut names: HashSet<&str> = HashSet::new();
    let mut i = 0;
    while i < n {
        if skip[i] {
            i += 1;
            continue;
        }
        let w = words[i];
        // Every shape opens with "i", a capital or a digit (or a letter
        // outside ASCII, checked the slow way): most words
        // stop here.
        let b0 = w.as_bytes()[0];
        if !(b0 == b'i' || b0.is_ascii_uppercase() || b0.is_ascii_digit() || b0 >= 0x80) {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut end;
        if camel_brand(w) {
            end = i + 1;
            names.insert(singular(w));
        } else if model_code(w) && word(i) {
            end = i + 1;
            models.insert(singular(w));
        } else if i + 1 < n && model_number(words[i + 1], false) && !score_line[i] && is_company(i)
        {
            // "Boeing 787" is the product; "Boeing's 787" is the company's 787.
            end = i + 2;
            models.insert(singular(words[i + 1]));
        } else if let Some(k) = possessive_end(words, i + 1)
            .filter(|&k| k < n && model_number(words[k], false) && !score_line[i] && is_company(i))
        {
            // "Boeing's 787": the company stays, its model is the product.
            start = k;
            end = k + 1;
            models.insert(singular(words[k]));
        } else if i + 1 < n
            && !score_line[i]
            && text.tokens[i].kind == TokenKind::Number
            && model_number(w, false)
            && cap(i + 1)
            && word(i + 1)
            && !initial[i + 1]
            && words[i + 1].chars().any(char::is_lowercase)
            && !known(i + 1)
            && !is_company(i + 1)
            && !is_company_phrase(i + 1)
        {
            // "the new 787 Dreamliner": a model number that a name follows,
            // a name none of the gazetteers knows ("300 Serbs" is people).
            end = i + 1;
            models.insert(w);
        } else {
            i += 1;
            continue;
        }
        // What follows: a version, a model word, a capitalized name.
        let mut tail = 0;
        while end < n && tail < 3 && !skip[end] {
            // A quoted name: 787 "Dreamliner".
            let quoted = matches!(words[end], "``" | "\"" | "“")
                && end + 1 < n
                && cap(end + 1)
                && word(end + 1)
                && !skip[end + 1];
            if quoted {
                end += 1;
            }
            let next = words[end];
            let version = tail == 0 && model_number(next, true) && next.len() <= 4;
            let model_word = MODEL_WORDS.contains(&next.to_lowercase().as_str());
            // A capitalized name, or a short acronym ("SDK"), not a
            // word of an ALL CAPS line.
            let shouting = !next.chars().any(char::is_lowercase) && next.chars().count() > 4;
            let name = cap(end)
                && word(end)
                && !initial[end]
                && !is_company(end)
                && !known(end)
                && next.chars().count() >= 2
                && !shouting;
            if !(version || model_word || name) {
                break;
            }
            if name && !version {
                names.insert(singular(next));
            }
            end += 1;
            tail += 1;
        }
        products.push(Tagged {
            first: start,
            end,
            ty: EntityLabel::Misc,
        });
        i = end;
    }
    // Repetitions of a known model number, model code or product name.
    if !models.is_empty() || !names.is_empty() {
        let mut covered = vec![false; n];
        for p in &products {
            covered[p.first..p.end].fill(true);
        }
        for i in 0..n {
            if covered[i] || skip[i] {
                continue;
            }
            let w = words[i];
            let model = (text.tokens[i].kind == TokenKind::Number || word(i))
                && models.iter().any(|m| variant_of(w, m));
            let name = cap(i)
                && names.iter().any(|m| variant_of(w, m))
                && (!initial[i] || names.contains(singular(w)));
            if model || name {
                let mut end = i + 1;
                if end < n && cap(end) && word(end) && names.contains(singular(words[end])) {
                    end += 1;
                }
                covered[i..end].fill(true);
                products.push(Tagged {
                    first: i,
                    end,
                    ty: EntityLabel::Misc,
                });
            }
        }
        products.sort_by_key(|p| p.first);
    }
    if products.is_empty() {
        return;
    }
    let mut inside = vec![false; n];
    for p in &products {
        inside[p.first..p.end].fill(true);
    }
    let mut kept: Vec<Tagged> = Vec::with_capacity(found.len() + products.len());
    for m in found.iter() {
        if !inside[m.first..m.end].contains(&true) {
            kept.push(*m);
            continue;
        }
        // The part before the product, if any, stays what it was.
        let before = (m.first..m.end).take_while(|&k| !inside[k]).count();
        if before > 0 {
            kept.push(Tagged {
                first: m.first,
                end: m.first + before,
                ty: m.ty,
            });
        }
        let after = (m.first..m.end).rev().take_while(|&k| !inside[k]).count();
        if after > 0 && m.end - after > m.first + before {
            kept.push(Tagged {
                first: m.end - after,
                end: m.end,
                ty: m.ty,
            });
        }
    }
    kept.extend(products);
    kept.sort_by_key(|m| m.first);
    *found = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_product_names() {
        for w in ["iPhone", "iOS", "iTunes"] {
            assert!(camel_brand(w), "{w}");
        }
        for w in ["iI", "i", "ideal", "IPhone", "eBay"] {
            assert!(!camel_brand(w), "{w}");
        }
        for w in ["A380", "A350s", "F-16", "MiG-29", "B747"] {
            assert!(model_code(w), "{w}");
        }
        for w in ["G7", "M25", "A1", "COVID", "ABC-1", "U.S.", "Qatar", "MP3"] {
            assert!(!model_code(w), "{w}");
        }
        assert!(
            model_number("787", false) && model_number("737-800", false) && model_number("4", true)
        );
        assert!(
            !model_number("1996", false)
                && !model_number("12", false)
                && !model_number("2,000", false)
        );
        assert!(
            variant_of("787s", "787")
                && variant_of("777-200LR", "777")
                && !variant_of("7877", "787")
        );
    }
}
