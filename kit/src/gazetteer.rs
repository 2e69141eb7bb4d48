//! Gazetteers: phrases by category, looked up by the keys of their words.
//!
//! The library's gazetteers are built from their committed text by
//! `build.rs` ([`Gazetteer::parse`], then [`Gazetteer::to_static`]) and
//! embedded as static arrays ([`Gazetteer::from_static`]), so that loading
//! costs nothing. The keys are the entity tagger's word keys
//! ([`word_key`]): the tagger reads gazetteer matches as features.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::hash::Fnv;

/// Typographic variants folded to the forms of the training text.
pub fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// The lower-case, folded hash of a word: the key of gazetteers and of the
/// document-level statistics.
pub fn word_key(w: &str) -> u64 {
    let mut h = Fnv::new();
    if w.is_ascii() {
        // The same hash, byte by byte: `fold` changes only '`' of ASCII.
        for b in w.bytes() {
            let b = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
            h = h.byte(b);
        }
        return h.finish();
    }
    for c in w.chars() {
        let c = fold(c);
        if c.is_ascii() {
            h = h.ch(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h = h.ch(l);
            }
        }
    }
    h.finish()
}

const PHRASE: &[u8] = b"phrase";

/// The key of a phrase of word keys (gazetteer entries).
pub fn phrase_key(words: &[u64]) -> u64 {
    let mut h = Fnv::new().bytes(PHRASE);
    for w in words {
        h = h.bytes(&w.to_le_bytes());
    }
    h.finish()
}

/// `out[n - 1] = phrase_key(&words[..n])` for each `n` up to `out.len()`,
/// hashing each word once.
fn phrase_keys(words: &[u64], out: &mut [u64]) {
    let mut h = Fnv::new().bytes(PHRASE);
    for (w, o) in words.iter().zip(out) {
        h = h.bytes(&w.to_le_bytes());
        *o = h.finish();
    }
}

/// Gazetteer categories, one bit each.
pub const GAZ_CATEGORIES: [&str; 6] = ["LOC", "NORP", "ORG", "PER", "GIVEN", "MISC"];
/// The longest gazetteer phrase that is looked up, in words.
pub const GAZ_MAX_WORDS: usize = 6;

/// Phrase keys are bucketed by their top bits, so that a lookup reads one
/// bucket start and searches a few neighbouring keys.
const GAZ_BUCKET_BITS: u32 = 12;

/// The part of a phrase key the table keeps besides its bucket: the next
/// 32 bits. Keys are compared on 44 bits, not 64: with some 30 000 phrases
/// a word sequence that is not one matches by chance once in about 6e8
/// lookups, and the embedded table is half the size (smaller, gzipped,
/// than the gazetteer text it replaces).
#[inline]
fn gaz_rest(key: u64) -> u32 {
    (key >> (64 - GAZ_BUCKET_BITS - 32)) as u32
}

/// Phrases by category, looked up by the keys of their words.
///
/// A sorted table of phrase keys, not a hash map, so that it can be a
/// static array.
#[derive(Debug, PartialEq)]
pub struct Gazetteer {
    /// `gaz_rest` of the phrase keys, sorted by key, without duplicates.
    keys: Cow<'static, [u32]>,
    /// The category bits of each key.
    bits: Cow<'static, [u8]>,
    /// `keys[starts[b]..starts[b + 1]]` are those of the phrase keys whose
    /// top `GAZ_BUCKET_BITS` bits are `b`.
    starts: Cow<'static, [u16]>,
    /// Bit i set when some phrase has i+1 words.
    lengths: u8,
}

impl Gazetteer {
    /// A gazetteer from the parts of a parsed one, as [`Gazetteer::to_static`]
    /// writes them.
    pub const fn from_static(
        keys: &'static [u32],
        bits: &'static [u8],
        starts: &'static [u16],
        lengths: u8,
    ) -> Gazetteer {
        Gazetteer {
            keys: Cow::Borrowed(keys),
            bits: Cow::Borrowed(bits),
            starts: Cow::Borrowed(starts),
            lengths,
        }
    }

    /// The category bits of a phrase key (0 if unknown).
    #[inline]
    fn get(&self, key: u64) -> u8 {
        let b = (key >> (64 - GAZ_BUCKET_BITS)) as usize;
        let (lo, hi) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        match self.keys[lo..hi].binary_search(&gaz_rest(key)) {
            Ok(i) => self.bits[lo + i],
            Err(_) => 0,
        }
    }

    /// Whether `phrase` is, as a whole, a NORP entry ("Belarusian").
    pub fn is_demonym(&self, phrase: &str) -> bool {
        self.categories(phrase.split(' ')) & (1 << 1) != 0
    }

    /// The category bits of a phrase given by its words (0 if unknown).
    pub fn categories<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> u8 {
        // Called on many tokens: the keys go on the stack, not the heap.
        let mut keys = [0u64; GAZ_MAX_WORDS];
        let mut n = 0;
        for w in words.into_iter().filter(|w| !w.is_empty()) {
            if n == GAZ_MAX_WORDS {
                return 0;
            }
            keys[n] = word_key(w);
            n += 1;
        }
        if n == 0 || self.lengths & (1 << (n - 1)) == 0 {
            return 0;
        }
        self.get(phrase_key(&keys[..n]))
    }

    /// The category bits of a phrase given by its words' `word_key`s.
    pub fn categories_of_keys(&self, keys: &[u64]) -> u8 {
        if keys.is_empty()
            || keys.len() > GAZ_MAX_WORDS
            || self.lengths & (1 << (keys.len() - 1)) == 0
        {
            return 0;
        }
        self.get(phrase_key(keys))
    }

    /// Reads `CATEGORY<TAB>phrase` lines; `#` starts a comment line. The
    /// first line must be `factlens-gazetteer 1`. (Used by `build.rs` and
    /// tests, not by the library at run time.)
    pub fn parse(src: &str) -> Result<Gazetteer, String> {
        let mut lines = src.lines();
        if lines.next().map(str::trim) != Some("factlens-gazetteer 1") {
            return Err("gazetteer: bad magic or version".into());
        }
        let mut entries: Vec<(u64, u8)> = Vec::new();
        let mut lengths = 0u8;
        for line in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let tab = line
                .bytes()
                .position(|b| b == b'\t')
                .ok_or_else(|| format!("gazetteer: bad line {line:?}"))?;
            let (cat, phrase) = (&line[..tab], &line[tab + 1..]);
            let bit = GAZ_CATEGORIES
                .iter()
                .position(|c| *c == cat)
                .ok_or_else(|| format!("gazetteer: bad category {cat:?}"))?;
            let keys: Vec<u64> = phrase
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(word_key)
                .collect();
            if keys.is_empty() || keys.len() > GAZ_MAX_WORDS {
                continue;
            }
            lengths |= 1 << (keys.len() - 1);
            entries.push((phrase_key(&keys), 1 << bit));
        }
        // Sorted by key; a phrase in several categories (or two phrases
        // whose keys agree on the compared bits) gets all their bits.
        entries.sort_unstable();
        if entries.len() > usize::from(u16::MAX) {
            return Err("gazetteer: more than 65535 phrases".into());
        }
        let (mut keys, mut bits, mut starts) = (
            Vec::with_capacity(entries.len()),
            Vec::with_capacity(entries.len()),
            vec![0u16],
        );
        let mut last = None;
        for (k, b) in entries {
            let bucket = k >> (64 - GAZ_BUCKET_BITS);
            while starts.len() as u64 <= bucket {
                starts.push(keys.len() as u16);
            }
            if last == Some((bucket, gaz_rest(k))) {
                *bits.last_mut().expect("bits parallel keys") |= b;
            } else {
                keys.push(gaz_rest(k));
                bits.push(b);
                last = Some((bucket, gaz_rest(k)));
            }
        }
        starts.resize((1 << GAZ_BUCKET_BITS) + 1, keys.len() as u16);
        Ok(Gazetteer {
            keys: keys.into(),
            bits: bits.into(),
            starts: starts.into(),
            lengths,
        })
    }

    /// A Rust expression that makes this gazetteer again with
    /// [`Gazetteer::from_static`]: `build.rs` embeds it.
    pub fn to_static(&self) -> String {
        let mut s = String::from("Gazetteer::from_static(&[");
        for k in self.keys.iter() {
            write!(s, "{k:#x},").expect("writing to a String");
        }
        s.push_str("], &[");
        for b in self.bits.iter() {
            write!(s, "{b},").expect("writing to a String");
        }
        s.push_str("], &[");
        for b in self.starts.iter() {
            write!(s, "{b},").expect("writing to a String");
        }
        write!(s, "], {})", self.lengths).expect("writing to a String");
        s
    }

    /// For each token, the categories of the longest phrase covering it,
    /// as (begin bits, inside bits). Phrases match whatever the case, but
    /// must begin and end with a capitalized token (`cap`), so that towns
    /// named like common words do not fire on those words.
    pub fn tag(&self, keys: &[u64], cap: impl Fn(usize) -> bool, out: &mut Vec<(u8, u8)>) {
        out.clear();
        out.resize(keys.len(), (0, 0));
        let mut i = 0;
        while i < keys.len() {
            let mut best = (0usize, 0u8);
            if !cap(i) {
                i += 1;
                continue;
            }
            // The phrases that may match, longest first; the keys of
            // all of them come from one pass over the longest's words.
            let may = |n: usize| self.lengths & (1 << (n - 1)) != 0 && cap(i + n - 1);
            let longest = (1..=GAZ_MAX_WORDS.min(keys.len() - i))
                .rev()
                .find(|&n| may(n))
                .unwrap_or(0);
            let mut phrases = [0u64; GAZ_MAX_WORDS];
            phrase_keys(&keys[i..i + longest], &mut phrases[..longest]);
            for n in (1..=longest).rev() {
                if !may(n) {
                    continue;
                }
                let bits = self.get(phrases[n - 1]);
                if bits != 0 {
                    best = (n, bits);
                    break;
                }
            }
            if best.0 == 0 {
                i += 1;
                continue;
            }
            out[i].0 |= best.1;
            for o in &mut out[i + 1..i + best.0] {
                o.1 |= best.1;
            }
            i += best.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_variants_share_a_key() {
        assert_eq!(word_key("’s"), word_key("'s"));
        assert_eq!(word_key("Minsk"), word_key("MINSK"));
        assert_ne!(word_key("Minsk"), word_key("Pinsk"));
    }

    #[test]
    fn prefers_the_longest_phrase() {
        let g = Gazetteer::parse(
            "factlens-gazetteer 1\nLOC\tNew York\nLOC\tYork\nORG\tNew York Times\n",
        )
        .unwrap();
        let words = ["the", "New", "York", "Times", "in", "new", "york"];
        let keys: Vec<u64> = words.iter().map(|w| word_key(w)).collect();
        let mut out = Vec::new();
        g.tag(
            &keys,
            |i| words[i].starts_with(char::is_uppercase),
            &mut out,
        );
        assert_eq!(
            out,
            [
                (0, 0),
                (0b100, 0),
                (0, 0b100),
                (0, 0b100),
                (0, 0),
                (0, 0),
                (0, 0)
            ]
        );
    }

    #[test]
    fn word_keys_of_ascii_words_fold_like_other_words() {
        // The ASCII path of `word_key` folds only '`'; `fold` agrees.
        for b in 0..128u8 {
            let c = char::from(b);
            assert_eq!(fold(c), if c == '`' { '\'' } else { c });
        }
        assert_eq!(word_key("`Tis"), word_key("’tis"));
        let g =
            Gazetteer::parse("factlens-gazetteer 1\nLOC\tNew  York\nORG\tÉcole Polytechnique\n")
                .unwrap();
        assert_ne!(g.categories(["new", "york"]), 0);
        assert_ne!(g.categories(["école", "POLYTECHNIQUE"]), 0);
    }

    #[test]
    fn rejects_a_wrong_header() {
        assert!(Gazetteer::parse("LOC\tParis\n").is_err());
    }

    #[test]
    fn static_tables_are_the_parsed_ones() {
        let g = Gazetteer::parse("factlens-gazetteer 1\nLOC\tParis\nNORP\tBelarusian\n").unwrap();
        let e = g.to_static();
        // The expression's arrays, read back.
        let arrays: Vec<Vec<u64>> = e
            .split("&[")
            .skip(1)
            .map(|a| {
                a.split(']')
                    .next()
                    .unwrap()
                    .split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| match x.strip_prefix("0x") {
                        Some(h) => u64::from_str_radix(h, 16).unwrap(),
                        None => x.parse().unwrap(),
                    })
                    .collect()
            })
            .collect();
        let keys: Vec<u32> = arrays[0].iter().map(|&k| k as u32).collect();
        let bits: Vec<u8> = arrays[1].iter().map(|&k| k as u8).collect();
        let starts: Vec<u16> = arrays[2].iter().map(|&k| k as u16).collect();
        let lengths = e
            .rsplit(", ")
            .next()
            .unwrap()
            .trim_end_matches(')')
            .parse()
            .unwrap();
        let keys: &'static [u32] = Vec::leak(keys);
        let bits: &'static [u8] = Vec::leak(bits);
        let starts: &'static [u16] = Vec::leak(starts);
        let s = Gazetteer::from_static(keys, bits, starts, lengths);
        assert_eq!(s, g);
        assert!(s.is_demonym("Belarusian"));
        assert_eq!(s.categories(["paris"]), 1);
    }
}
