//! Document-level consistency: a name means the same thing all through an
//! article. The tagger decides each sentence on its own, so a name it is
//! sure of in one sentence ("Boeing said") can be missed or typed
//! differently in another ("between Boeing and Lockheed"). Here the
//! mentions of one document vote: each name takes its majority type, a
//! person's surname alone is that person, and untagged repetitions of a
//! tagged name are tagged too.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::{name_key, Tagged};
use crate::document::EntityLabel::{self, Org, Person};

/// Capitalized words that are names in one sentence and dates in the next.
const CALENDAR: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `words` are the document's tokens, `skip` tokens that must stay
/// untagged (clutter lines), `initial` tokens that open a sentence, `found`
/// the tagger's mentions in order. A one-word name is not copied to the
/// start of a sentence, where any word is capitalized.
pub(super) fn apply(words: &[&str], skip: &[usize], initial: &[bool], found: &mut Vec<Tagged>) {
    let mut votes: HashMap<&[&str], [u32; 5]> = HashMap::new();
    for m in found.iter() {
        votes.entry(&words[m.first..m.end]).or_default()[m.ty as usize] += 1;
    }
    let majority = |v: &[u32; 5], own: EntityLabel| -> EntityLabel {
        let best = EntityLabel::TAGGED
            .into_iter()
            .max_by_key(|&t| (v[t as usize], t == own))
            .unwrap_or(own);
        if v[best as usize] > v[own as usize] {
            best
        } else {
            own
        }
    };
    for m in found.iter_mut() {
        if let Some(v) = votes.get(&words[m.first..m.end]) {
            m.ty = majority(v, m.ty);
        }
    }
    // A person's surname alone is that person ("MaliVai Washington" ...
    // "Washington won"), whatever the tagger made of the lone word.
    let surnames: HashSet<&str> = found
        .iter()
        .filter(|m| m.ty == Person && m.end - m.first >= 2)
        .map(|m| words[m.end - 1])
        .collect();
    // A lone word taken for a person that begins a company's name is that
    // company ("Magna International Inc" ... "Magna was up"); places stay
    // places ("Japan Airlines" ... "Japan").
    let companies: HashSet<&str> = found
        .iter()
        .filter(|m| m.ty == Org && m.end - m.first >= 2)
        .map(|m| words[m.first])
        .collect();
    for m in found.iter_mut() {
        if m.end - m.first == 1 && surnames.contains(&words[m.first]) {
            m.ty = Person;
        } else if m.ty == Person && m.end - m.first == 1 && companies.contains(&words[m.first]) {
            m.ty = Org;
        }
    }
    let mut covered = vec![false; words.len()];
    for &i in skip {
        covered[i] = true;
    }
    for m in found.iter() {
        covered[m.first..m.end].fill(true);
    }
    // Names by first word, longest first.
    let mut by_first: HashMap<&str, Vec<(&[&str], EntityLabel)>> = HashMap::new();
    for (name, v) in &votes {
        let ty = if name.len() == 1 && surnames.contains(&name[0]) {
            Person
        } else {
            majority(v, Person)
        };
        by_first.entry(name[0]).or_default().push((name, ty));
    }
    for c in by_first.values_mut() {
        c.sort_by_key(|(name, ty)| (std::cmp::Reverse(name.len()), *name, *ty));
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = if covered[i] {
            None
        } else {
            by_first.get(words[i]).and_then(|c| {
                c.iter().find(|(name, _)| {
                    words.get(i..i + name.len()) == Some(name)
                        && !covered[i..i + name.len()].contains(&true)
                        && !(name.len() == 1
                            && (initial[i] && !surnames.contains(&name[0])
                                || CALENDAR.contains(&name[0])))
                })
            })
        };
        match hit {
            Some(&(name, ty)) => {
                added.push(Tagged {
                    first: i,
                    end: i + name.len(),
                    ty,
                });
                covered[i..i + name.len()].fill(true);
                i += name.len();
            }
            None => i += 1,
        }
    }
    shouted(words, &covered, found, &mut added);
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.first);
    }
}

/// Names in ALL CAPS lines ("WOODS MAKES PRO DEBUT") that the running text
/// writes in mixed case ("Tiger Woods"): the tagger has little to go on in
/// capitals, the article has. `covered` marks tokens already taken.
fn shouted(words: &[&str], covered: &[bool], found: &[Tagged], added: &mut Vec<Tagged>) {
    // Most words fail on their second letter.
    let caps = |w: &str| {
        let b = w.as_bytes();
        if b.len() < 2
            || b[0].is_ascii() && !b[0].is_ascii_uppercase()
            || b[1].is_ascii() && !(b[1].is_ascii_uppercase() || b[1] == b'.' || b[1] == b'-')
        {
            return false;
        }
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '.' || c == '-')
            && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
    };
    if !(0..words.len()).any(|i| !covered[i] && caps(words[i])) {
        return;
    }
    // Mixed-case names and the surnames of people, ignoring case.
    let mut names: HashMap<u64, EntityLabel> = HashMap::new();
    for m in found.iter().filter(|m| {
        words[m.first..m.end]
            .iter()
            .any(|w| w.chars().any(char::is_lowercase))
    }) {
        names.insert(name_key(&words[m.first..m.end], true), m.ty);
        if m.ty == Person && m.end - m.first >= 2 {
            names.insert(name_key(&words[m.end - 1..m.end], true), Person);
        }
    }
    let mut i = 0;
    while i < words.len() {
        if covered[i] || !caps(words[i]) {
            i += 1;
            continue;
        }
        let hit = (1..=3).rev().find_map(|n| {
            let span = words.get(i..i + n)?;
            if covered[i..i + n].contains(&true) || !span.iter().all(|w| caps(w)) {
                return None;
            }
            names.get(&name_key(span, true)).map(|&ty| (n, ty))
        });
        match hit {
            Some((n, ty)) => {
                added.push(Tagged {
                    first: i,
                    end: i + n,
                    ty,
                });
                i += n;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityLabel::{Loc as LOC, Org as ORG, Person as PER};

    fn t(first: usize, end: usize, ty: EntityLabel) -> Tagged {
        Tagged { first, end, ty }
    }

    #[test]
    fn repetitions_of_a_name_are_tagged_and_typed_alike() {
        let words = [
            "Boeing", "said", ".", "Boeing", "and", "Boeing", "lost", "to", "Airbus",
        ];
        let mut found = vec![t(0, 1, ORG), t(3, 4, ORG), t(5, 6, LOC)];
        let initial = [true, false, false, true, false, false, false, false, false];
        apply(&words, &[], &initial, &mut found);
        assert_eq!(found, [t(0, 1, ORG), t(3, 4, ORG), t(5, 6, ORG)]);
        let mut found = vec![t(0, 1, ORG)];
        apply(&words, &[], &initial, &mut found);
        assert_eq!(found, [t(0, 1, ORG), t(5, 6, ORG)]);
    }

    #[test]
    fn a_surname_alone_is_the_person() {
        let words = [
            "Mary",
            "Washington",
            "won",
            ".",
            "Washington",
            "smiled",
            ";",
            "Washington",
            "waved",
        ];
        let initial = [true, false, false, false, true, false, false, false, false];
        let mut found = vec![t(0, 2, PER), t(7, 8, LOC)];
        apply(&words, &[], &initial, &mut found);
        assert_eq!(found, [t(0, 2, PER), t(4, 5, PER), t(7, 8, PER)]);
    }

    #[test]
    fn a_word_taken_for_a_person_that_begins_a_company_is_the_company() {
        let words = [
            "Magna",
            "International",
            "Inc",
            "bid",
            ".",
            "Magna",
            "rose",
            "in",
            "Japan",
            "Airlines",
            "and",
            "Japan",
        ];
        let initial = [
            true, false, false, false, false, true, false, false, false, false, false, false,
        ];
        let mut found = vec![t(0, 3, ORG), t(5, 6, PER), t(8, 10, ORG), t(11, 12, LOC)];
        apply(&words, &[], &initial, &mut found);
        assert_eq!(
            found,
            [t(0, 3, ORG), t(5, 6, ORG), t(8, 10, ORG), t(11, 12, LOC)]
        );
    }

    #[test]
    fn names_in_capitals_are_the_names_of_the_running_text() {
        let words = [
            "REED", "AND", "NEW", "HAVEN", "WIN", ".", "Tom", "Reed", "beat", "New", "Haven", ".",
        ];
        let mut found = vec![t(6, 8, PER), t(9, 11, ORG)];
        apply(&words, &[], &[false; 12], &mut found);
        assert_eq!(
            found,
            [t(0, 1, PER), t(2, 4, ORG), t(6, 8, PER), t(9, 11, ORG)]
        );
    }

    #[test]
    fn skipped_tokens_stay_untagged() {
        let words = ["Reply", "from", "Reply", "Ltd"];
        let mut found = vec![t(2, 4, ORG)];
        apply(&words, &[0], &[false; 4], &mut found);
        assert_eq!(found, [t(2, 4, ORG)]);
    }
}
