//! Datelines: "NEW YORK 1996-08-30", "MILWAUKEE , Wisconsin 1996-08-29".
//! A line of a place name and a date, under the headline, says where the
//! story was filed, so the name on it is a place, whatever the rest of the
//! article (a baseball table where "NEW YORK" is the team) makes of it.

use crate::text::{Text, TokenKind};

use super::Tagged;

use crate::document::EntityLabel::Loc as LOC;

/// "1996-08-30": an ISO date, the form of news-agency datelines.
fn iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Types LOC the mentions that fill a dateline up to its date or comma.
pub(super) fn apply(text: &Text, found: &mut [Tagged]) {
    for s in &text.sentences {
        let last = match s.end.checked_sub(1) {
            Some(l)
                if l > s.start
                    && text.tokens[l].kind == TokenKind::Number
                    && iso_date(text.tok(l)) =>
            {
                l
            }
            _ => continue,
        };
        // Capitalized words only, with at most one comma: "CITY , Region".
        let words_only = (s.start..last).all(|i| {
            let w = text.tok(i);
            w == ","
                || text.tokens[i].kind == TokenKind::Word
                    && w.starts_with(|c: char| c.is_uppercase())
        });
        if !words_only || (s.start..last).filter(|&i| text.tok(i) == ",").count() > 1 {
            continue;
        }
        let first_end = (s.start..last)
            .find(|&i| text.tok(i) == ",")
            .unwrap_or(last);
        let at = found.partition_point(|m| m.first < s.start);
        for m in found[at..].iter_mut().take_while(|m| m.first < last) {
            if m.first == s.start && m.end == first_end {
                m.ty = LOC;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityLabel::{self, Org};

    #[test]
    fn the_name_on_a_dateline_is_a_place() {
        let t = Text::new("Harbor City Wins Again\nHARBOR CITY 2031-04-05\nHARBOR CITY beat Ostend.\nVELDT , Ostria 2031-04-06\nVELDT 12");
        let words: Vec<&str> = (0..t.tokens.len()).map(|i| t.tok(i)).collect();
        let at = |w: &str, nth: usize| {
            words
                .iter()
                .enumerate()
                .filter(|(_, x)| **x == w)
                .nth(nth)
                .unwrap()
                .0
        };
        let org = |first: usize, end: usize| Tagged {
            first,
            end,
            ty: Org,
        };
        let mut found = vec![
            org(at("HARBOR", 0), at("HARBOR", 0) + 2),
            org(at("HARBOR", 1), at("HARBOR", 1) + 2),
            org(at("VELDT", 0), at("VELDT", 0) + 1),
            org(at("VELDT", 1), at("VELDT", 1) + 1),
        ];
        apply(&t, &mut found);
        let types: Vec<EntityLabel> = found.iter().map(|m| m.ty).collect();
        assert_eq!(types, [LOC, Org, LOC, Org]);
        assert!(iso_date("1996-08-30") && !iso_date("1996-8-30") && !iso_date("12"));
    }
}
