//! A first rule-based recognizer: runs of capitalized words, labelled by a
//! small gazetteer and by cue words. The learned tagger replaces it.

use crate::document::EntityLabel;
use crate::entities::Mention;
use crate::text::{Text, TokenKind};

const PLACES: &[&str] = &[
    "Ukraine", "Belarus", "Russia", "Minsk", "Kyiv", "Kiev", "Moscow", "Gomel", "Zhytomyr", "Poland", "Lithuania",
    "China", "India", "Iran", "Europe", "Asia", "Africa", "America", "United States", "United Kingdom", "Britain",
    "France", "Germany", "Washington", "London", "Paris", "Berlin", "Beijing", "Brussels", "Warsaw", "Crimea",
    "Donbas", "Israel", "Gaza", "Syria", "Turkey", "Japan", "Canada", "Mexico", "Brazil", "U.S.", "US", "UK",
];
const NATIONALITIES: &[&str] = &[
    "Ukrainian", "Belarusian", "Russian", "Polish", "Lithuanian", "Chinese", "American", "British", "French",
    "German", "European", "Western", "Slavic", "Soviet", "Iranian", "Israeli", "Palestinian", "Muslim", "Christian",
    "Democrats", "Republicans", "Democrat", "Republican",
];
const ORGS: &[&str] = &["NATO", "EU", "UN", "IMF", "SCO", "BRICS", "CSTO", "OSCE", "World Bank", "Kremlin", "Pentagon"];
const ORG_WORDS: &[&str] = &[
    "Organization", "Organisation", "Ministry", "Bank", "Council", "Union", "Party", "Agency", "Committee",
    "Forces", "Army", "Service", "Company", "Corporation", "Inc.", "Ltd", "Group", "Institute", "University",
    "Parliament", "Commission", "Department", "Association", "Federation", "Court", "Assembly", "Fund", "Times", "News",
];
const TITLES: &[&str] = &[
    "President", "Prime", "Minister", "General", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Senator", "Sen.",
    "Spokesperson", "Spokesman", "Chancellor", "King", "Queen", "Pope",
];
const STOP: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "But", "And", "Or", "As", "If", "While", "When", "Since", "After", "Before", "However", "Although", "Such",
    "His", "Her", "Their", "Its", "Our", "Some", "Many", "Most", "According", "Following", "Despite", "With",
    "For", "From", "By", "To", "Of", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Related", "Articles", "Leave", "Reply", "Back", "Top", "Share", "Political",
];
const CONNECTORS: &[&str] = &["of", "for", "and", "de", "the"];

fn capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(crate) fn recognize(t: &Text) -> Vec<Mention> {
    let mut out = Vec::new();
    for sent in &t.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let w = t.tok(i);
            if t.tokens[i].kind != TokenKind::Word || !capitalized(w) || STOP.contains(&w) || TITLES.contains(&w) {
                i += 1;
                continue;
            }
            // Extend over capitalized words and inner connectors.
            let mut j = i + 1;
            let mut end = i + 1;
            while j < sent.end && t.tokens[j].kind == TokenKind::Word && !t.tokens[j].line_start {
                let x = t.tok(j);
                if capitalized(x) && !STOP.contains(&x) && !TITLES.contains(&x) {
                    end = j + 1;
                } else if !(CONNECTORS.contains(&x) && j + 1 < sent.end && capitalized(t.tok(j + 1))) {
                    break;
                }
                j += 1;
            }
            let span = crate::text::Span::new(t.tokens[i].span.start, t.tokens[end - 1].span.end);
            let phrase = t.slice(span);
            let words: Vec<&str> = (i..end).map(|k| t.tok(k)).collect();
            let at_sentence_start = i == sent.start;
            let label = if PLACES.contains(&phrase) {
                Some(EntityLabel::Loc)
            } else if NATIONALITIES.contains(&phrase) {
                Some(EntityLabel::Norp)
            } else if ORGS.contains(&phrase) || words.iter().any(|w| ORG_WORDS.contains(w)) {
                Some(EntityLabel::Org)
            } else if words.len() >= 2 && words.len() <= 3 && words.iter().all(|w| capitalized(w)) {
                // Two or three capitalized words after a title or anywhere: a person.
                Some(EntityLabel::Person)
            } else if !at_sentence_start && words.len() == 1 && w.chars().all(|c| c.is_uppercase()) && w.len() >= 2 {
                Some(EntityLabel::Org)
            } else {
                let after_title = i > sent.start && TITLES.contains(&t.tok(i - 1));
                after_title.then_some(EntityLabel::Person)
            };
            if let Some(label) = label {
                out.push(Mention { span, label });
            }
            i = end;
        }
    }
    // Single capitalized words that repeat a person's surname are persons.
    let surnames: std::collections::HashSet<&str> = out
        .iter()
        .filter(|m| m.label == EntityLabel::Person)
        .filter_map(|m| t.slice(m.span).rsplit(' ').next())
        .collect();
    let mut extra = Vec::new();
    for (k, tok) in t.tokens.iter().enumerate() {
        let w = t.tok(k);
        if surnames.contains(w) && !out[out.partition_point(|m| m.span.end <= tok.span.start)..].first().is_some_and(|m| m.span.overlaps(tok.span)) {
            extra.push(Mention { span: tok.span, label: EntityLabel::Person });
        }
    }
    out.extend(extra);
    out.sort_by_key(|m| m.span.start);
    out
}
