//! The text model: byte spans, tokens, sentences and the map from UTF-8 byte
//! offsets to code points.
//!
//! Every recognizer works in byte offsets into the original `&str`; only
//! `document` converts to code points, once, through [`CharMap`].

/// A half-open byte range `[start, end)` into the source text, always on
/// `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    #[allow(dead_code)]
    pub fn len(self) -> usize {
        self.end - self.start
    }
    #[allow(dead_code)]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    #[allow(dead_code)]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What a token looks like; recognizers use it for cheap tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (with inner apostrophes, hyphens or dots: "O'Neill", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("1,000", "3.5", "2024-09-20").
    Number,
    /// Anything else, one character at a time.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True when a line break separates this token from the previous one.
    pub line_start: bool,
}

/// A text split into tokens and sentences, shared by all recognizers.
pub(crate) struct Text<'a> {
    pub src: &'a str,
    pub tokens: Vec<Token>,
    /// Sentences as ranges of token indices.
    pub sentences: Vec<std::ops::Range<usize>>,
}

impl<'a> Text<'a> {
    pub fn new(src: &'a str) -> Text<'a> {
        let mut tokens = tokenize(src);
        // The tokens live as long as the annotation: a vector that doubled
        // past its estimate would hold up to twice their size (10 MB of
        // spare capacity on a 1 MB article). Shrinking frees the tail in place.
        tokens.shrink_to_fit();
        let sentences = split_sentences(src, &tokens);
        Text {
            src,
            tokens,
            sentences,
        }
    }

    /// The text of a token.
    pub fn tok(&self, i: usize) -> &'a str {
        &self.src[self.tokens[i].span.start..self.tokens[i].span.end]
    }

    /// The byte span of a range of tokens (a sentence, a mention, a
    /// tagged run): from the first token's start to the last one's end,
    /// empty for no tokens. The one "token range to span" helper.
    pub fn token_span(&self, s: &std::ops::Range<usize>) -> Span {
        if s.is_empty() {
            return Span::default();
        }
        Span::new(
            self.tokens[s.start].span.start,
            self.tokens[s.end - 1].span.end,
        )
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.src[span.start..span.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits text into words, numbers and punctuation. Possessive "'s" becomes
/// its own token, as in the CoNLL convention; inner hyphens, apostrophes
/// and dots of abbreviations stay inside the word.
pub(crate) fn tokenize(src: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(src.len() / 5);
    let bytes = src.as_bytes();
    let mut chars = src.char_indices().peekable();
    let mut newline_seen = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline_seen = true;
            }
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
                line_start: newline_seen,
            });
            newline_seen = false;
            continue;
        }
        // A run of word characters with allowed inner joiners.
        let mut end = i + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        let mut has_dot = false;
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                all_digits &= d.is_ascii_digit();
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            // Currency signs after a country's initials: "C$", "US$", "HK$".
            if d == '$'
                && (1..=3).contains(&(j - i))
                && src[i..j].bytes().all(|b| b.is_ascii_uppercase())
            {
                end = j + 1;
                chars.next();
                break;
            }
            // A joiner must be followed by a word character.
            let next = src[j + d.len_utf8()..].chars().next();
            let next_is_word = next.is_some_and(is_word_char);
            let joins = match d {
                '-' | '\u{2010}' | '\u{2011}' => next_is_word,
                '.' => {
                    next_is_word && !all_digits
                        || next.is_some_and(|n| n.is_ascii_digit()) && all_digits
                }
                ',' => {
                    all_digits
                        && next.is_some_and(|n| n.is_ascii_digit())
                        && digits_after(bytes, j + 1) == 3
                }
                '/' | ':' => all_digits && next.is_some_and(|n| n.is_ascii_digit()),
                '&' => false,
                c2 if is_apostrophe(c2) => {
                    // "O'Neill", "don't" stay whole; possessive 's and s' split.
                    next_is_word && !starts_possessive(&src[j + d.len_utf8()..])
                }
                _ => false,
            };
            if !joins {
                break;
            }
            if d == '.' && !all_digits {
                has_dot = true;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        // "U.S." keeps its final dot when it is an abbreviation of initials.
        if has_dot && bytes.get(end) == Some(&b'.') {
            end += 1;
            chars.next();
        }
        let kind = if all_digits
            || src[i..end].starts_with(|c: char| c.is_ascii_digit())
                && src[i..end]
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,:/-".contains(c))
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span::new(i, end),
            kind,
            line_start: newline_seen,
        });
        newline_seen = false;
        // A possessive apostrophe directly after a word: "'s" as one token.
        if let Some(&(j, d)) = chars.peek() {
            if is_apostrophe(d) && j == end && starts_possessive(&src[j + d.len_utf8()..]) {
                chars.next();
                #[allow(
                    clippy::expect_used,
                    reason = "starts_possessive saw the s after the apostrophe"
                )]
                let (k, s) = chars.next().expect("possessive s");
                out.push(Token {
                    span: Span::new(j, k + s.len_utf8()),
                    kind: TokenKind::Word,
                    line_start: false,
                });
            }
        }
    }
    out
}

fn digits_after(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

fn starts_possessive(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s') | Some('S')) && !it.next().is_some_and(is_word_char)
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "St",
    "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec", "Mt", "Ft", "Rev", "Hon", "Pres", "approx", "etc", "e.g", "i.e",
];

/// Splits tokens into sentences at line breaks and at . ! ? that end a
/// sentence (not an abbreviation or an initial).
pub(crate) fn split_sentences(src: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let text = |i: usize| &src[tokens[i].span.start..tokens[i].span.end];
    for i in 0..tokens.len() {
        if i > start && tokens[i].line_start {
            // A blank line or any line break ends a sentence, unless the
            // previous line clearly continues (ends with a comma or a word
            // in lower case followed by a lower-case word).
            let prev_gap = &src[tokens[i - 1].span.end..tokens[i].span.start];
            let blank = prev_gap.matches('\n').count() >= 2;
            let cont = !blank
                && text(i).chars().next().is_some_and(|c| c.is_lowercase())
                && !matches!(text(i - 1), "." | "!" | "?" | ":");
            if !cont {
                out.push(start..i);
                start = i;
            }
        }
        let t = text(i);
        if matches!(t, "." | "!" | "?") {
            // Swallow closing quotes and brackets after the terminator.
            let mut end = i + 1;
            while end < tokens.len()
                && !tokens[end].line_start
                && matches!(text(end), "\"" | "\u{201D}" | "'" | "\u{2019}" | ")" | "]")
                && tokens[end].span.start == tokens[end - 1].span.end
            {
                end += 1;
            }
            let next_starts = end >= tokens.len() || {
                let n = text(end);
                n.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_numeric() || "\"\u{201C}'\u{2018}(".contains(c)
                }) || tokens[end].line_start
            };
            let prev_abbrev =
                t == "." && i > 0 && tokens[i - 1].span.end == tokens[i].span.start && {
                    let p = text(i - 1);
                    ABBREVIATIONS.contains(&p)
                        || p.chars().count() == 1 && p.chars().all(|c| c.is_uppercase())
                };
            if next_starts && !prev_abbrev && end > start {
                out.push(start..end);
                start = end;
            }
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Maps UTF-8 byte offsets of one text to code point offsets.
///
/// It keeps the code point count at the start of every 64-byte block and
/// counts the rest of the block on demand (at most 63 bytes), so the map
/// costs 1/16 of the text's size rather than 4 bytes per byte: on a 1 MB
/// article that is 64 KB instead of 4 MB of WebAssembly memory. ASCII text,
/// the common case, needs no table at all.
pub(crate) struct CharMap<'a> {
    bytes: &'a [u8],
    /// Code points before each block; empty when the text is ASCII.
    blocks: Vec<u32>,
    len: usize,
}

const BLOCK: usize = 64;

/// Code points starting in `bytes`: every byte that is not a continuation
/// byte (0b10xx_xxxx) starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl<'a> CharMap<'a> {
    pub fn new(src: &'a str) -> CharMap<'a> {
        let bytes = src.as_bytes();
        if src.is_ascii() {
            return CharMap {
                bytes,
                blocks: Vec::new(),
                len: bytes.len(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n = 0usize;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(n as u32);
            n += count_chars(chunk);
        }
        CharMap {
            bytes,
            blocks,
            len: n,
        }
    }

    /// The code point index of a byte offset on a char boundary (or the
    /// end of the text).
    pub fn cp(&self, byte: usize) -> usize {
        if self.blocks.is_empty() {
            return byte.min(self.len);
        }
        match self.blocks.get(byte / BLOCK) {
            Some(&before) => {
                before as usize
                    + count_chars(&self.bytes[byte / BLOCK * BLOCK..byte.min(self.bytes.len())])
            }
            None => self.len,
        }
    }

    /// Code point count of the whole text.
    pub fn len(&self) -> usize {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn tokens_follow_conll_conventions() {
        assert_eq!(
            toks("Russia’s ally, the U.S. said."),
            ["Russia", "’s", "ally", ",", "the", "U.S.", "said", "."]
        );
        assert_eq!(
            toks("O'Neill's short-lived $1,000.50 deal"),
            ["O'Neill", "'s", "short-lived", "$", "1,000.50", "deal"]
        );
        assert_eq!(toks("50% on 2024-09-20"), ["50", "%", "on", "2024-09-20"]);
        assert_eq!(toks("“deal a blow”"), ["“", "deal", "a", "blow", "”"]);
        assert_eq!(
            toks("C$ 1.5 or US$40, $5"),
            ["C$", "1.5", "or", "US$", "40", ",", "$", "5"]
        );
    }

    #[test]
    fn sentences_split_on_terminators_not_abbreviations() {
        let s = "Mr. Smith went to Washington. He said “no.” Then\nanother line\n\nNew para";
        let t = Text::new(s);
        let got: Vec<&str> = t
            .sentences
            .iter()
            .map(|r| t.slice(t.token_span(r)))
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Smith went to Washington.",
                "He said “no.”",
                "Then\nanother line",
                "New para"
            ]
        );
    }

    #[test]
    fn char_map_counts_code_points() {
        let s = "a😀b\u{301}中\r\nz";
        let m = CharMap::new(s);
        assert_eq!(m.cp(s.find('b').unwrap()), 2);
        assert_eq!(m.cp(s.find('z').unwrap()), 7);
        assert_eq!(m.len(), s.chars().count());
    }

    #[test]
    fn char_map_is_exact_at_every_boundary_across_blocks() {
        // Long enough for many 64-byte blocks, with 1- to 4-byte characters
        // straddling block edges; and pure ASCII, which has no table.
        let mixed: String = "Kyiv 😀 東京 e\u{301} \r\n ø".repeat(40);
        let ascii = "Minsk said on 1 May 2024 that talks would resume. ".repeat(10);
        for s in [mixed.as_str(), ascii.as_str(), "", "é"] {
            let m = CharMap::new(s);
            for (n, (i, _)) in s.char_indices().enumerate() {
                assert_eq!(m.cp(i), n, "byte {i} of {s:?}");
            }
            assert_eq!(m.cp(s.len()), s.chars().count());
            assert_eq!(m.len(), s.chars().count());
        }
    }
}
