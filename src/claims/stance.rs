//! Stance: what the cue says about the source's relation to the content.
//!
//! The closed set ([`crate::Stance`]):
//! - `asserts`: states it as true ("said", "stressed", "confirmed", "according to");
//! - `denies`: rejects it ("denied", "dismissed", "rejected", "refuted");
//! - `accuses`: blames someone ("accused", "blamed", "charged", "condemned");
//! - `warns`: announces a danger ("warned", "cautioned", "threatened");
//! - `claims`: the author keeps a distance ("claimed", "alleged", "purported");
//! - `reports`: passes on information ("reported", "announced", "told", "wrote");
//! - `promises`: commits to acting ("promised", "pledged", "vowed");
//! - `questions`: doubts or asks ("asked", "questioned", "doubted", "wondered");
//! - `believes`: opinion or expectation ("thinks", "believes", "expects", "predicted");
//! - `urges`: calls for action ("urged", "called for", "demanded").
//!
//! The stance is read from the words of the cue: the first word found in
//! the lexicon wins, a negation ("did not deny", "declined to confirm")
//! turns an assertion into a denial, and anything unknown is `asserts`.

use std::borrow::Cow;

/// Word stems and their stance; a cue word matches a stem when it starts
/// with it (so "warned", "warns", "warning" all match "warn").
const STEMS: &[(&str, &str)] = &[
    ("denie", "denies"),
    ("deny", "denies"),
    ("denial", "denies"),
    ("dismiss", "denies"),
    ("reject", "denies"),
    ("refut", "denies"),
    ("rebuff", "denies"),
    ("disput", "denies"),
    ("contradict", "denies"),
    ("rebut", "denies"),
    ("disagree", "denies"),
    ("accus", "accuses"),
    ("blam", "accuses"),
    ("charg", "accuses"),
    ("condemn", "accuses"),
    ("criticiz", "accuses"),
    ("criticis", "accuses"),
    ("attack", "accuses"),
    ("slam", "accuses"),
    ("denounc", "accuses"),
    ("fault", "accuses"),
    ("warn", "warns"),
    ("caution", "warns"),
    ("threat", "warns"),
    ("fear", "warns"),
    ("alarm", "warns"),
    ("claim", "claims"),
    ("alleg", "claims"),
    ("purport", "claims"),
    ("contend", "claims"),
    ("argu", "claims"),
    ("insinuat", "claims"),
    ("report", "reports"),
    ("announc", "reports"),
    ("told", "reports"),
    ("tell", "reports"),
    ("wrote", "reports"),
    ("writ", "reports"),
    ("tweet", "reports"),
    ("publish", "reports"),
    ("disclos", "reports"),
    ("reveal", "reports"),
    ("inform", "reports"),
    ("show", "reports"),
    ("found", "reports"),
    ("indicat", "reports"),
    ("cite", "reports"),
    ("citing", "reports"),
    ("learn", "reports"),
    ("promis", "promises"),
    ("pledg", "promises"),
    ("vow", "promises"),
    ("swor", "promises"),
    ("commit", "promises"),
    ("guarant", "promises"),
    ("ask", "questions"),
    ("question", "questions"),
    ("doubt", "questions"),
    ("wonder", "questions"),
    ("skeptic", "questions"),
    ("think", "believes"),
    ("thought", "believes"),
    ("believ", "believes"),
    ("expect", "believes"),
    ("predict", "believes"),
    ("hope", "believes"),
    ("suspect", "believes"),
    ("feel", "believes"),
    ("seem", "believes"),
    ("appear", "believes"),
    ("estimat", "believes"),
    ("suggest", "believes"),
    ("forecast", "believes"),
    ("view", "believes"),
    ("opinion", "believes"),
    ("urg", "urges"),
    ("call", "urges"),
    ("demand", "urges"),
    ("appeal", "urges"),
    ("insist", "asserts"),
];

/// Negations that turn a cue into a denial.
const NEGATIONS: &[&str] = &["not", "n't", "never", "declined", "refused", "no"];

/// The stance signalled by `cue` (the cue's text), by its name in the
/// document (`claims::Found` carries the name; the pipeline reads it as a
/// [`crate::Stance`], and a test checks that every name here is one).
pub(crate) fn of_cue(cue: &str) -> &'static str {
    let mut negated = false;
    let mut found = None;
    for w in cue
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
    {
        // Cue words are mostly lower-case ASCII already: no copy for them.
        let w: Cow<str> = if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Cow::Borrowed(w)
        } else {
            Cow::Owned(w.to_lowercase().replace('\u{2019}', "'"))
        };
        negated |= NEGATIONS.contains(&&*w) || w.ends_with("n't");
        if found.is_none() {
            // The first byte first: most stems differ from the word there.
            found = STEMS
                .iter()
                .find(|(stem, _)| {
                    w.as_bytes().first() == stem.as_bytes().first() && w.starts_with(stem)
                })
                .map(|&(_, s)| s);
        }
    }
    match (found, negated) {
        (Some("denies"), true) => "asserts",
        (Some("asserts") | Some("reports") | None, true) => "denies",
        (Some(s), _) => s,
        (None, false) => "asserts",
    }
}

#[cfg(test)]
mod tests {
    use super::{of_cue, STEMS};
    use crate::Stance;

    #[test]
    fn every_stance_named_here_is_a_stance() {
        for &(stem, name) in STEMS {
            assert!(name.parse::<Stance>().is_ok(), "{stem}: {name}");
        }
        for cue in ["said", "did not deny", "did not confirm", "zzz"] {
            assert!(of_cue(cue).parse::<Stance>().is_ok(), "{cue}");
        }
    }

    #[test]
    fn cues_map_to_their_stance() {
        for (cue, stance) in [
            ("said", "asserts"),
            ("according to", "asserts"),
            ("denied", "denies"),
            ("dismissed as fake", "denies"),
            ("accused", "accuses"),
            ("warned", "warns"),
            ("claims", "claims"),
            ("reported", "reports"),
            ("vowed", "promises"),
            ("asked", "questions"),
            ("believes", "believes"),
            ("called for", "urges"),
            ("did not confirm", "denies"),
            ("did not deny", "asserts"),
        ] {
            assert_eq!(of_cue(cue), stance, "cue {cue:?}");
        }
    }
}
