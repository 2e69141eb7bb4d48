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

use crate::document::Stance::{self, *};

/// Word stems and their stance; a cue word matches a stem when it starts
/// with it (so "warned", "warns", "warning" all match "warn").
const STEMS: &[(&str, Stance)] = &[
    ("denie", Denies),
    ("deny", Denies),
    ("denial", Denies),
    ("dismiss", Denies),
    ("reject", Denies),
    ("refut", Denies),
    ("rebuff", Denies),
    ("disput", Denies),
    ("contradict", Denies),
    ("rebut", Denies),
    ("disagree", Denies),
    ("accus", Accuses),
    ("blam", Accuses),
    ("charg", Accuses),
    ("condemn", Accuses),
    ("criticiz", Accuses),
    ("criticis", Accuses),
    ("attack", Accuses),
    ("slam", Accuses),
    ("denounc", Accuses),
    ("fault", Accuses),
    ("warn", Warns),
    ("caution", Warns),
    ("threat", Warns),
    ("fear", Warns),
    ("alarm", Warns),
    ("claim", Claims),
    ("alleg", Claims),
    ("purport", Claims),
    ("contend", Claims),
    ("argu", Claims),
    ("insinuat", Claims),
    ("report", Reports),
    ("announc", Reports),
    ("told", Reports),
    ("tell", Reports),
    ("wrote", Reports),
    ("writ", Reports),
    ("tweet", Reports),
    ("publish", Reports),
    ("disclos", Reports),
    ("reveal", Reports),
    ("inform", Reports),
    ("show", Reports),
    ("found", Reports),
    ("indicat", Reports),
    ("cite", Reports),
    ("citing", Reports),
    ("learn", Reports),
    ("promis", Promises),
    ("pledg", Promises),
    ("vow", Promises),
    ("swor", Promises),
    ("commit", Promises),
    ("guarant", Promises),
    ("ask", Questions),
    ("question", Questions),
    ("doubt", Questions),
    ("wonder", Questions),
    ("skeptic", Questions),
    ("think", Believes),
    ("thought", Believes),
    ("believ", Believes),
    ("expect", Believes),
    ("predict", Believes),
    ("hope", Believes),
    ("suspect", Believes),
    ("feel", Believes),
    ("seem", Believes),
    ("appear", Believes),
    ("estimat", Believes),
    ("suggest", Believes),
    ("forecast", Believes),
    ("view", Believes),
    ("opinion", Believes),
    ("urg", Urges),
    ("call", Urges),
    ("demand", Urges),
    ("appeal", Urges),
    ("insist", Asserts),
];

/// Negations that turn a cue into a denial.
const NEGATIONS: &[&str] = &["not", "n't", "never", "declined", "refused", "no"];

/// The stance signalled by `cue` (the cue's text).
pub(crate) fn of_cue(cue: &str) -> Stance {
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
        (Some(Denies), true) => Asserts,
        (Some(Asserts | Reports) | None, true) => Denies,
        (Some(s), _) => s,
        (None, false) => Asserts,
    }
}

#[cfg(test)]
mod tests {
    use super::of_cue;
    use crate::Stance::*;

    #[test]
    fn cues_map_to_their_stance() {
        for (cue, stance) in [
            ("said", Asserts),
            ("according to", Asserts),
            ("denied", Denies),
            ("dismissed as fake", Denies),
            ("accused", Accuses),
            ("warned", Warns),
            ("claims", Claims),
            ("reported", Reports),
            ("vowed", Promises),
            ("asked", Questions),
            ("believes", Believes),
            ("called for", Urges),
            ("did not confirm", Denies),
            ("did not deny", Asserts),
        ] {
            assert_eq!(of_cue(cue), stance, "cue {cue:?}");
        }
    }
}
