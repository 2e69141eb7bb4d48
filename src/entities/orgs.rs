//! Companies. The tagger learned organizations from 1996 news and misses
//! or mistypes companies it never saw: "Boeing" as a person, "Qatar
//! Airways" as the place "Qatar". Three kinds of evidence type a name ORG
//! whatever the tagger said:
//! - the company list (`model/companies.txt`: well-known companies and
//!   airlines), matched on the whole name or its first word ("Northrop
//!   Grumman");
//! - a company word after the name ("Qatar Airways", "Acme Corp"), which
//!   joins the name;
//! - a noun before it that only companies take ("aircraft manufacturer
//!   Boeing", "the airline Lufthansa").

use super::Tagged;
use crate::document::EntityLabel::{Loc as LOC, Org as ORG, Person as PER};

/// Words that end a company's name (and "Air Lines").
const SUFFIXES: &[&str] = &[
    "Airlines",
    "Airways",
    "Airline",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Ltd",
    "Ltd.",
    "Plc",
    "PLC",
    "plc",
    "GmbH",
    "AG",
    "Holdings",
    "Group",
];

/// Last words that make a name a company's: "Warner Bros", "Pirelli SpA".
const CORPORATE: &[&str] = &[
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Cos",
    "Ltd",
    "Ltd.",
    "Plc",
    "PLC",
    "plc",
    "GmbH",
    "AG",
    "SA",
    "SpA",
    "NV",
    "Bros",
    "Bros.",
    "Holdings",
    "Airlines",
    "Airways",
    "Bancorp",
    "Bancshares",
    "Pharmaceuticals",
    "Communications",
    "Industries",
    "Motors",
    "Technologies",
    "Electronics",
    "Petroleum",
    "Securities",
    "Insurance",
];

/// Words after a name that only organizations take: "Deportivo chairman",
/// "Eagles owner", "Petofi's board".
const AFTER: &[&str] = &[
    "chairman",
    "owner",
    "shareholders",
    "shares",
    "stock",
    "subsidiary",
    "subsidiaries",
    "board",
];

/// Nouns that name what a company is, directly before its name.
const CUES: &[&str] = &[
    "manufacturer",
    "maker",
    "airline",
    "carrier",
    "airframer",
    "company",
    "firm",
    "retailer",
    "conglomerate",
    "automaker",
    "carmaker",
    "chipmaker",
    "giant",
    "subsidiary",
    "contractor",
    "brokerage",
    "insurer",
];

/// `company(first, end)` says whether `words[first..end]` is on the
/// company list, `skip` marks tokens that must stay untagged (clutter
/// lines).
pub(super) fn apply(
    words: &[&str],
    skip: &[bool],
    company: impl Fn(usize, usize) -> bool,
    found: &mut Vec<Tagged>,
) {
    let n = words.len();
    let mut covered = vec![false; n];
    for m in found.iter() {
        covered[m.first..m.end].fill(true);
    }
    let mut changed = false;
    for m in found.iter_mut() {
        // A company word after the name joins it: "Qatar Airways".
        let mut end = m.end;
        if end < n && !covered[end] {
            if words[end] == "Air" && words.get(end + 1) == Some(&"Lines") {
                end += 2;
            } else if SUFFIXES.contains(&words[end]) {
                end += 1;
            }
        }
        if end > m.end {
            covered[m.end..end].fill(true);
            m.end = end;
            m.ty = ORG;
            changed = true;
            continue;
        }
        if m.ty == ORG {
            continue;
        }
        if CORPORATE.contains(&words[m.end - 1]) && m.end - m.first >= 2 {
            m.ty = ORG;
            continue;
        }
        // Places on the list are mostly regions that companies are named
        // after ("Jiangsu"): a place needs more than the list.
        let one = m.end - m.first == 1;
        let whole = company(m.first, m.end) && !(one && m.ty == LOC);
        // "Northrop Grumman"; a person's first name may name a company
        // too ("Ralph"), so a person needs both ends on the list.
        let first =
            !one && company(m.first, m.first + 1) && (m.ty != PER || company(m.end - 1, m.end));
        let cued = m.first > 0 && CUES.contains(&words[m.first - 1]) && (one || first);
        if whole || first || cued {
            m.ty = ORG;
        }
    }
    // A name that takes an organization's word anywhere in the article
    // is an organization all through it.
    let after = |m: &Tagged| {
        let k = if words.get(m.end).is_some_and(|w| matches!(*w, "'s" | "’s")) {
            m.end + 1
        } else {
            m.end
        };
        words.get(k).is_some_and(|w| AFTER.contains(w))
    };
    let cued: foldhash::HashSet<&[&str]> = found
        .iter()
        .filter(|m| m.ty != LOC && after(m))
        .map(|m| &words[m.first..m.end])
        .collect();
    if !cued.is_empty() {
        for m in found.iter_mut() {
            if m.ty != LOC && cued.contains(&words[m.first..m.end]) {
                m.ty = ORG;
            }
        }
    }
    // A listed name that goes on after the tagger's mention: "China
    // Eastern Airlines" tagged as the place "China".
    for m in found.iter_mut() {
        for len in (m.end - m.first + 1..=m.end - m.first + 2).rev() {
            let end = m.first + len;
            if end <= n && !covered[m.end..end].contains(&true) && company(m.first, end) {
                covered[m.end..end].fill(true);
                m.end = end;
                m.ty = ORG;
                changed = true;
                break;
            }
        }
    }
    // A listed airline whose name begins before the tagger's mention:
    // "Air France" tagged as the place "France".
    for m in found.iter_mut() {
        for back in 1..=2 {
            let Some(first) = m.first.checked_sub(back) else {
                break;
            };
            if covered[first..m.first].contains(&true)
                || !words[first].starts_with(|c: char| c.is_uppercase())
            {
                break;
            }
            if company(first, m.end) {
                m.first = first;
                m.ty = ORG;
                covered[first..m.end].fill(true);
                changed = true;
                break;
            }
        }
    }
    // Untagged names on the list, at the start of a sentence too: the
    // list has no words that are common in lower case.
    let mut added = Vec::new();
    for i in 0..n {
        // Not in ALL CAPS lines either, where every word is capitalized.
        let w = words[i];
        if !covered[i]
            && !skip[i]
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars().any(char::is_lowercase)
            && company(i, i + 1)
        {
            added.push(Tagged {
                first: i,
                end: i + 1,
                ty: ORG,
            });
        }
    }
    if changed || !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.first);
        // Two mentions joined into one by a suffix or a prefix overlap no
        // more than they did, but keep only the first of any overlap.
        let mut last_end = 0;
        found.retain(|m| {
            let keep = m.first >= last_end;
            if keep {
                last_end = m.end;
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityLabel;
    use crate::document::EntityLabel::Misc as MISC;

    fn t(first: usize, end: usize, ty: EntityLabel) -> Tagged {
        Tagged { first, end, ty }
    }

    #[test]
    fn listed_suffixed_and_cued_companies_are_org() {
        let words = [
            "Zorvex", "and", "Quilla", "Airways", "met", "carmaker", "Dunmore", ";", "Zorvex",
            "Labs", "won",
        ];
        let listed = |a: usize, b: usize| b == a + 1 && words[a] == "Zorvex";
        let mut found = vec![t(0, 1, PER), t(2, 3, LOC), t(6, 7, PER), t(8, 10, MISC)];
        apply(&words, &[false; 11][..words.len()], listed, &mut found);
        assert_eq!(
            found,
            [t(0, 1, ORG), t(2, 4, ORG), t(6, 7, ORG), t(8, 10, ORG)]
        );
        // A person whose first name only is on the list stays a person;
        // an untagged listed name is found, even opening a sentence.
        let mut found = vec![t(8, 10, PER)];
        apply(&words, &[false; 11][..words.len()], listed, &mut found);
        assert_eq!(found, [t(0, 1, ORG), t(8, 10, PER)]);
    }

    #[test]
    fn corporate_words_make_a_company_all_through_the_article() {
        let words = [
            "Velmora",
            "chairman",
            "Tom",
            "Reed",
            "said",
            "Velmora",
            "won",
            ";",
            "Drake",
            "Pharmaceuticals",
            "lost",
        ];
        let mut found = vec![t(0, 1, PER), t(2, 4, PER), t(5, 6, PER), t(8, 10, PER)];
        apply(&words, &[false; 11], |_, _| false, &mut found);
        assert_eq!(
            found,
            [t(0, 1, ORG), t(2, 4, PER), t(5, 6, ORG), t(8, 10, ORG)]
        );
    }

    #[test]
    fn listed_airlines_take_their_first_word_and_untagged_names_are_found() {
        let words = [
            "Flights", "on", "Air", "Brellia", "to", "Brellia", "by", "Zorvex",
        ];
        let listed =
            |a: usize, b: usize| words[a..b] == ["Air", "Brellia"] || words[a..b] == ["Zorvex"];
        let mut found = vec![t(3, 4, LOC), t(5, 6, LOC)];
        apply(&words, &[false; 11][..words.len()], listed, &mut found);
        assert_eq!(found, [t(2, 4, ORG), t(5, 6, LOC), t(7, 8, ORG)]);
    }
}
