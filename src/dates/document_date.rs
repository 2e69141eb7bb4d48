//! The article's own date, read from the text when the caller gave none:
//! a "Published …" or "Updated …" line, a dateline, or a date standing on
//! a line of its own near the top.

use jiff::civil::Date;

use super::grammar;
use crate::text::Text;

/// How far into the text a dateline or byline may sit, in tokens.
const HEAD_TOKENS: usize = 120;

/// Reads the document date from the head of the text. A date after
/// "Published", "Posted" or "Updated" wins (the publication date before
/// the update); otherwise the first full date that opens a line or follows
/// a dateline's place name.
pub(crate) fn infer_document_date(text: &Text) -> Option<Date> {
    let found = grammar::find_head(text, HEAD_TOKENS);
    let full = |v: &Option<super::TimexValue>| v.and_then(|v| v.as_date());
    let cue = |start: usize, words: &[&str]| {
        (start.saturating_sub(4)..start)
            .any(|k| words.iter().any(|w| text.tok(k).eq_ignore_ascii_case(w)))
    };
    let mut published = None;
    let mut updated = None;
    let mut line = None;
    for f in &found {
        let Some(d) = full(&f.value) else { continue };
        if published.is_none() && cue(f.start, &["published", "posted", "dated"]) {
            published = Some(d);
        } else if updated.is_none() && cue(f.start, &["updated", "modified"]) {
            updated = Some(d);
        } else if line.is_none() {
            // A dateline: the date opens a line, or follows "PLACE," or
            // "PLACE (Agency) -" at a line start.
            let upto = (f.start + 1).min(text.tokens.len());
            let lead = text.tokens[..upto]
                .iter()
                .rposition(|t| t.line_start)
                .map_or(f.start, |s| f.start - s);
            if lead <= 6 {
                line = Some(d);
            }
        }
    }
    published.or(line).or(updated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer(s: &str) -> Option<String> {
        infer_document_date(&Text::new(s)).map(|d| d.to_string())
    }

    #[test]
    fn published_line_wins_over_updated() {
        assert_eq!(
            infer("Storm hits coast\nUpdated March 3, 2024\nPublished March 2, 2024\nRain fell."),
            Some("2024-03-02".into())
        );
    }

    #[test]
    fn dateline_is_read() {
        assert_eq!(
            infer("Harbour reopens\nOct. 1, 2023\nThe port reopened on Monday."),
            Some("2023-10-01".into())
        );
        assert_eq!(
            infer("LONDON, Sept. 20, 2024 (Agency) - Markets rose."),
            Some("2024-09-20".into())
        );
    }

    #[test]
    fn date_on_the_line_under_the_title() {
        assert_eq!(infer("Airline orders forty jets\nJune 13 , 2005\nThe airline said today it would buy them."), Some("2005-06-13".into()));
    }

    #[test]
    fn dates_deep_in_the_story_are_not_the_document_date() {
        assert_eq!(infer("Markets rose as investors cheered the decision, which analysts had expected for months. It was first announced in a speech that recalled how the bank had acted on July 4, 1998."), None);
        assert_eq!(infer("No date here at all."), None);
    }
}
