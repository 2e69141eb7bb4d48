//! Places the tagger took for people: "fighting near Tavildara", "flights
//! in Longyear". In news, a name right after "in" or "near" is a place
//! (in the CoNLL-2003 training text, 585 times a place and 3 times a
//! person), so a one-word or two-word "person" there is a place, and so
//! is every other mention of that name in the article, unless the name is
//! also tagged something else.

use foldhash::{HashSet, HashSetExt};

use super::{name_key, Tagged};

use crate::document::EntityLabel::{Loc as LOC, Person as PER};

pub(super) fn apply(words: &[&str], found: &mut [Tagged]) {
    // The cue counts whatever the tagger typed there ("in Tavildara" a
    // place, "Tavildara fell" a person); "believe in" takes anyone.
    let cued = |m: &Tagged| {
        matches!(m.ty, PER | LOC)
            && m.end - m.first <= 2
            && m.first > 0
            && matches!(words[m.first - 1], "in" | "near")
            && !(m.first > 1 && words[m.first - 2].starts_with("believ"))
            && !words
                .get(m.end)
                .is_some_and(|w| matches!(*w, "'s" | "’s" | "'"))
    };
    let mut places: HashSet<u64> = found
        .iter()
        .filter(|m| cued(m))
        .map(|m| name_key(&words[m.first..m.end], false))
        .collect();
    // The tagger may have left the cued mention out ("waited in Tormsby"
    // untagged, "Tormsby is small" a person): untagged cued words count.
    let cue_at = |i: usize| {
        matches!(words[i - 1], "in" | "near") && !(i > 1 && words[i - 2].starts_with("believ"))
    };
    // Built only when some name follows a cue: most articles have none.
    let after_cue = found.iter().any(|m| m.ty == PER)
        && (1..words.len()).any(|i| cue_at(i) && words[i].starts_with(|c: char| c.is_uppercase()));
    let people: HashSet<u64> = if after_cue {
        found
            .iter()
            .filter(|m| m.ty == PER && m.end - m.first <= 2)
            .map(|m| name_key(&words[m.first..m.end], false))
            .collect()
    } else {
        HashSet::new()
    };
    if !people.is_empty() {
        for i in 1..words.len() {
            if cue_at(i) {
                for n in 1..=2 {
                    if let Some(key) = words
                        .get(i..i + n)
                        .map(|name| name_key(name, false))
                        .filter(|k| people.contains(k))
                    {
                        if !words
                            .get(i + n)
                            .is_some_and(|w| matches!(*w, "'s" | "’s" | "'"))
                        {
                            places.insert(key);
                        }
                    }
                }
            }
        }
    }
    if places.is_empty() {
        return;
    }
    // A name also tagged an organization is one ("invest in Ruch").
    for m in found.iter().filter(|m| m.ty != PER && m.ty != LOC) {
        places.remove(&name_key(&words[m.first..m.end], false));
    }
    for m in found.iter_mut() {
        if m.ty == PER && places.contains(&name_key(&words[m.first..m.end], false)) {
            m.ty = LOC;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityLabel;
    use crate::document::EntityLabel::Org as ORG;

    #[test]
    fn a_person_after_in_or_near_is_a_place_all_through_the_article() {
        let t = |first: usize, end: usize, ty: EntityLabel| Tagged { first, end, ty };
        let words = [
            "Fighting", "near", "Varzob", "went", "on", ";", "Varzob", "fell", "in", "Ann", "Lee",
            "'s", "view",
        ];
        let mut found = vec![t(2, 3, PER), t(6, 7, PER), t(9, 11, PER)];
        apply(&words, &mut found);
        assert_eq!(found, [t(2, 3, LOC), t(6, 7, LOC), t(9, 11, PER)]);
        // The cued word itself untagged.
        let mut found = vec![t(6, 7, PER), t(9, 11, PER)];
        apply(&words, &mut found);
        assert_eq!(found, [t(6, 7, LOC), t(9, 11, PER)]);
        let mut found = vec![t(2, 3, PER), t(6, 7, PER), t(9, 11, PER)];
        apply(&words, &mut found);
        assert_eq!(found, [t(2, 3, LOC), t(6, 7, LOC), t(9, 11, PER)]);
        let words = [
            "We", "believe", "in", "Ann", ".", "Ann", "left", "Nurek", ",", "fled", "in", "Nurek",
            "in", "Ruch", "Ruch",
        ];
        let mut found = vec![
            t(3, 4, PER),
            t(5, 6, PER),
            t(7, 8, PER),
            t(11, 12, LOC),
            t(13, 14, PER),
            t(14, 15, ORG),
        ];
        apply(&words, &mut found);
        assert_eq!(
            found,
            [
                t(3, 4, PER),
                t(5, 6, PER),
                t(7, 8, LOC),
                t(11, 12, LOC),
                t(13, 14, PER),
                t(14, 15, ORG)
            ]
        );
    }
}
