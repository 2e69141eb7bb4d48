//! Feature hashing: the one hasher of words and phrases ([`Fnv`]), the
//! mixers that turn a feature template and its values into a model key,
//! and a map for keys that are already hashes ([`HashedMap`]).
//!
//! Every committed model and gazetteer table is keyed by these exact
//! functions, so they are spelled out here rather than taken from a
//! hasher whose output may change between versions or platforms. Changing
//! one changes every key: the models must then be retrained.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits, one step per value: a byte of UTF-8 in word and
/// phrase keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;

    /// The empty hash.
    #[inline]
    pub const fn new() -> Fnv {
        Fnv(Fnv::OFFSET)
    }

    /// Goes on from a hash already finished (a prefix's).
    #[inline]
    pub const fn resume(h: u64) -> Fnv {
        Fnv(h)
    }

    /// One step over a value: a byte, or (for name keys) a code point.
    #[inline]
    pub const fn step(self, v: u64) -> Fnv {
        Fnv((self.0 ^ v).wrapping_mul(Fnv::PRIME))
    }

    /// One step over a byte.
    #[inline]
    pub const fn byte(self, b: u8) -> Fnv {
        self.step(b as u64)
    }

    /// One step over each byte.
    #[inline]
    pub fn bytes(mut self, b: &[u8]) -> Fnv {
        for &x in b {
            self = self.byte(x);
        }
        self
    }

    /// The steps over the UTF-8 bytes of `c`.
    #[inline]
    pub fn ch(self, c: char) -> Fnv {
        if c.is_ascii() {
            // Its UTF-8 is the one byte: the same hash without encoding.
            return self.step(c as u64);
        }
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes())
    }

    /// The hash.
    #[inline]
    pub const fn finish(self) -> u64 {
        self.0
    }
}

/// FNV-1a of `bytes`.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    Fnv::new().bytes(bytes).finish()
}

/// The entity tagger's feature key of a template and its values: the
/// rotate-multiply step of FxHash, with a final avalanche so that the low
/// 32 bits depend on every input.
#[inline]
pub fn mix(parts: &[u64]) -> u32 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &p in parts {
        h = (h.rotate_left(5) ^ p).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 32;
    h as u32
}

/// The claim models' feature key of a template and up to two values (the
/// splitmix64 finalizer). A second mixer besides [`mix`] only because
/// the claim models were trained on it: merging the two means retraining.
#[inline]
pub fn mix2(template: u64, a: u64, b: u64) -> u32 {
    let mut z = template.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ a.rotate_left(17)
        ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as u32
}

/// A [`Hasher`] for keys that are already hashes: maps over them need not
/// hash again, only spread the bits (hashbrown probes with the top seven).
#[derive(Default)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    // Strings (words) are hashed eight bytes at a time.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.write_u64(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        for &b in words.remainder() {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    // One key hashes to `key * K`; keys of several parts mix them in.
    fn write_u32(&mut self, k: u32) {
        self.write_u64(u64::from(k));
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = (self.0.rotate_left(26) ^ k).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by hashes.
pub type HashedMap<K, V> = HashMap<K, V, BuildHasherDefault<PreHashed>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_fnv1a() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn chars_hash_as_their_utf8() {
        for s in ["Minsk", "École", "日本", "🙂x"] {
            let by_char = s.chars().fold(Fnv::new(), Fnv::ch);
            assert_eq!(by_char.finish(), fnv1a(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn resuming_a_prefix_continues_it() {
        let p = Fnv::new().bytes(b"pre").finish();
        assert_eq!(Fnv::resume(p).bytes(b"fix").finish(), fnv1a(b"prefix"));
    }

    #[test]
    fn mixers_depend_on_every_part() {
        assert_ne!(mix(&[1, 2]), mix(&[2, 1]));
        assert_ne!(mix(&[1]), mix(&[1, 0]));
        assert_ne!(mix2(1, 2, 3), mix2(1, 3, 2));
        assert_ne!(mix2(1, 2, 3), mix2(2, 2, 3));
    }
}
