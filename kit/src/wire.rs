//! The model file format and its one reader.
//!
//! Every model file starts the same way, little-endian: an eight-byte
//! magic label, a version `u32`, then the length `u32` and UTF-8 text of
//! the command that made the file. What follows is the model's own: a few
//! scalars, then a table of quantized weights (one `i8` per label,
//! multiplied by one scale), either dense (`2^bits` rows indexed by a
//! feature key's low bits, [`Reader::dense`]) or sparse (sorted keys,
//! [`SparseTable`]).
//!
//! [`Reader`] rejects a file whose magic, version, sizes or length are
//! wrong with a [`ModelError`] that names the model. The writers
//! ([`header`], [`quantize`], [`SparseTable::write`]) are used by the
//! trainers, so that both sides agree on the layout by construction.

use std::collections::BTreeMap;
use std::fmt;

use crate::hash::HashedMap;

/// Why a model file was rejected, and which model it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    model: &'static str,
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    Magic,
    Version { found: u32, expected: u32 },
    Truncated,
    Command,
    Size { found: usize, expected: usize },
    Invalid(&'static str),
}

impl ModelError {
    /// The name of the model (as given to [`Reader::new`]).
    pub fn model(&self) -> &'static str {
        self.model
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} model: ", self.model)?;
        match &self.kind {
            ErrorKind::Magic => f.write_str("bad magic label"),
            ErrorKind::Version { found, expected } => {
                write!(f, "version {found}, expected {expected}")
            }
            ErrorKind::Truncated => f.write_str("truncated"),
            ErrorKind::Command => f.write_str("the command in the header is not UTF-8"),
            ErrorKind::Size { found, expected } => {
                write!(f, "{found} bytes of weights, expected {expected}")
            }
            ErrorKind::Invalid(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for ModelError {}

/// Reads the fields of one model file in order.
pub struct Reader<'a> {
    model: &'static str,
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader of `buf`, the file of the model named `model` (errors
    /// name it).
    pub fn new(model: &'static str, buf: &'a [u8]) -> Reader<'a> {
        Reader { model, buf }
    }

    fn error(&self, kind: ErrorKind) -> ModelError {
        ModelError {
            model: self.model,
            kind,
        }
    }

    /// An error naming the model, for a value the model's own reader
    /// finds wrong.
    pub fn invalid(&self, what: &'static str) -> ModelError {
        self.error(ErrorKind::Invalid(what))
    }

    /// Checks the magic label and the version; returns the command that
    /// made the file.
    pub fn header(&mut self, magic: &[u8; 8], version: u32) -> Result<&'a str, ModelError> {
        if self.buf.len() < magic.len() || &self.buf[..magic.len()] != magic {
            return Err(self.error(ErrorKind::Magic));
        }
        self.bytes(magic.len())?;
        let found = self.u32()?;
        if found != version {
            return Err(self.error(ErrorKind::Version {
                found,
                expected: version,
            }));
        }
        let n = self.u32()? as usize;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| self.error(ErrorKind::Command))
    }

    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.buf.len() < n {
            return Err(self.error(ErrorKind::Truncated));
        }
        let (a, b) = self.buf.split_at(n);
        self.buf = b;
        Ok(a)
    }

    /// A byte.
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.bytes(1)?[0])
    }

    /// A little-endian `u32`.
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A little-endian `f32`.
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        self.u32().map(f32::from_bits)
    }

    /// `N` little-endian `f32`s.
    pub fn f32s<const N: usize>(&mut self) -> Result<[f32; N], ModelError> {
        let mut out = [0.0; N];
        for x in &mut out {
            *x = self.f32()?;
        }
        Ok(out)
    }

    /// The rest of the file, which must be exactly `n` bytes long.
    pub fn rest(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.buf.len() != n {
            return Err(self.error(ErrorKind::Size {
                found: self.buf.len(),
                expected: n,
            }));
        }
        self.bytes(n)
    }

    /// The rest of the file as a dense table of `2^bits` rows of `lanes`
    /// weights; `bits` must be within 8..=24.
    pub fn dense(&mut self, bits: u8, lanes: usize) -> Result<DenseTable<'a>, ModelError> {
        if !(8..=24).contains(&bits) {
            return Err(self.invalid("table bits outside 8..=24"));
        }
        let weights = self.rest((1usize << bits) * lanes)?;
        Ok(DenseTable {
            mask: (1u32 << bits) - 1,
            lanes,
            weights,
        })
    }
}

/// Quantized weights by feature key's low bits: `2^bits` rows of `lanes`
/// `i8`s, borrowed from the model file.
#[derive(Clone, Copy, Debug)]
pub struct DenseTable<'a> {
    mask: u32,
    lanes: usize,
    weights: &'a [u8],
}

impl<'a> DenseTable<'a> {
    /// The mask that takes a feature key to its row.
    pub fn mask(&self) -> u32 {
        self.mask
    }

    /// Weights a row.
    pub fn lanes(&self) -> usize {
        self.lanes
    }

    /// The weights of feature key `key`, one per lane.
    #[inline]
    pub fn row(&self, key: u32) -> &'a [u8] {
        let at = (key & self.mask) as usize * self.lanes;
        &self.weights[at..at + self.lanes]
    }

    /// The whole table, row after row (bytes are `i8`s).
    pub fn bytes(&self) -> &'a [u8] {
        self.weights
    }
}

/// The start of a model file: magic, version and the command that made it.
pub fn header(magic: &[u8; 8], version: u32, command: &str) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend(version.to_le_bytes());
    out.extend((command.len() as u32).to_le_bytes());
    out.extend(command.as_bytes());
    out
}

/// A dense table's weights quantized to `i8` with one scale (the largest
/// magnitude is 127 steps), weights of `prune` steps or fewer set to zero
/// (they cost size and barely change a score). Returns the scale and the
/// bytes.
pub fn quantize(weights: &[f32], prune: u8) -> (f32, Vec<u8>) {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
    let scale = max / 127.0;
    let bytes = weights
        .iter()
        .map(|w| {
            let q = (w / scale).round().clamp(-127.0, 127.0) as i8;
            if q.unsigned_abs() <= prune {
                0
            } else {
                q as u8
            }
        })
        .collect();
    (scale, bytes)
}

/// Quantized weights of the features a model kept, by key: `L` `i8`s a
/// feature, times one scale.
///
/// Layout: count `u32`, scale `f32`, then the sorted keys as `u16[65536]`
/// counts of keys per high half and `u16[count]` low halves, then
/// `i8[L][count]` weights, label-major. Keys are random, so this split
/// and the one-byte weights are what keeps the file small once gzipped.
/// Loaded, the weights live in the map itself: tagging is bound by cache
/// misses, and one lookup is then one miss.
pub struct SparseTable<const L: usize> {
    rows: HashedMap<u32, [i8; L]>,
    scale: f32,
}

impl<const L: usize> SparseTable<L> {
    /// Reads a table that ends the file.
    pub fn read(r: &mut Reader<'_>) -> Result<SparseTable<L>, ModelError> {
        let n = r.u32()? as usize;
        let scale = r.f32()?;
        let rest = r.rest(65536 * 2 + n * 2 + n * L)?;
        let (counts, rest) = rest.split_at(65536 * 2);
        let (lows, weights) = rest.split_at(n * 2);
        let mut keys = Vec::with_capacity(n);
        for (high, c) in counts.chunks_exact(2).enumerate() {
            for _ in 0..u16::from_le_bytes([c[0], c[1]]) {
                let k = keys.len();
                let low = lows
                    .get(2 * k..2 * k + 2)
                    .ok_or_else(|| r.invalid("key counts exceed the keys"))?;
                keys.push((high as u32) << 16 | u32::from(u16::from_le_bytes([low[0], low[1]])));
            }
        }
        if keys.len() != n {
            return Err(r.invalid("key counts do not add up to the keys"));
        }
        let mut rows = vec![[0i8; L]; n];
        for (y, lane) in weights.chunks_exact(n.max(1)).take(L).enumerate() {
            for (row, &b) in rows.iter_mut().zip(lane) {
                row[y] = b as i8;
            }
        }
        Ok(SparseTable {
            rows: keys.into_iter().zip(rows).collect(),
            scale,
        })
    }

    /// Writes `rows` (sorted by key) and their scale in the layout
    /// [`SparseTable::read`] reads. Fails when more than 65535 keys share
    /// a high half.
    pub fn write(
        rows: &BTreeMap<u32, [i8; L]>,
        scale: f32,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        out.extend((rows.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        let mut counts = vec![0u16; 65536];
        for k in rows.keys() {
            let c = &mut counts[(k >> 16) as usize];
            *c = c
                .checked_add(1)
                .ok_or("more than 65535 keys with one high half")?;
        }
        for c in counts {
            out.extend(c.to_le_bytes());
        }
        for k in rows.keys() {
            out.extend(((k & 0xffff) as u16).to_le_bytes());
        }
        for y in 0..L {
            out.extend(rows.values().map(|row| row[y] as u8));
        }
        Ok(())
    }

    /// An empty table of a given scale (tests).
    pub fn new(scale: f32) -> SparseTable<L> {
        SparseTable {
            rows: HashedMap::default(),
            scale,
        }
    }

    /// The weight of one step.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The number of features with weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no feature has weights.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds the weights of feature `key` to `sum`, in steps (nothing if
    /// the table has none for it).
    #[inline]
    pub fn add(&self, key: u32, sum: &mut [i32; L]) {
        if let Some(w) = self.rows.get(&key) {
            for y in 0..L {
                sum[y] += i32::from(w[y]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"FLTEST\0\0";

    fn sparse_file(rows: &BTreeMap<u32, [i8; 3]>) -> Vec<u8> {
        let mut v = header(MAGIC, 1, "made by hand");
        SparseTable::write(rows, 0.5, &mut v).unwrap();
        v
    }

    fn read_sparse(v: &[u8]) -> Result<SparseTable<3>, ModelError> {
        let mut r = Reader::new("test", v);
        assert_eq!(r.header(MAGIC, 1)?, "made by hand");
        SparseTable::read(&mut r)
    }

    #[test]
    fn sparse_tables_read_what_was_written() {
        let rows = BTreeMap::from([(0x0001_0007, [1, -2, 3]), (0xffff_0000, [-127, 0, 127])]);
        let t = read_sparse(&sparse_file(&rows)).unwrap();
        assert_eq!((t.len(), t.scale()), (2, 0.5));
        let mut sum = [0; 3];
        t.add(0x0001_0007, &mut sum);
        t.add(0xffff_0000, &mut sum);
        t.add(0x1234_5678, &mut sum);
        assert_eq!(sum, [-126, -2, 130]);
    }

    #[test]
    fn bad_models_are_rejected_with_their_name() {
        let good = sparse_file(&BTreeMap::from([(7, [1, 1, 1])]));
        assert!(read_sparse(&good).is_ok());
        let truncated = read_sparse(&good[..good.len() - 1]).err().unwrap();
        assert_eq!(truncated.model(), "test");
        assert!(
            truncated.to_string().starts_with("test model: "),
            "{truncated}"
        );
        let mut longer = good.clone();
        longer.push(0);
        assert!(read_sparse(&longer).is_err());
        let mut magic = good.clone();
        magic[0] = b'X';
        assert_eq!(
            read_sparse(&magic).err().unwrap().to_string(),
            "test model: bad magic label"
        );
        let mut version = good.clone();
        version[8] = 9;
        assert_eq!(
            read_sparse(&version).err().unwrap().to_string(),
            "test model: version 9, expected 1"
        );
        // Counts that claim more keys than there are.
        let mut counts = good.clone();
        let at = MAGIC.len() + 8 + "made by hand".len() + 8;
        counts[at] = 2;
        assert!(read_sparse(&counts).is_err());
        assert!(Reader::new("test", b"FLTE").header(MAGIC, 1).is_err());
    }

    #[test]
    fn dense_tables_must_fill_the_rest() {
        let mut v = header(MAGIC, 1, "");
        v.push(8);
        v.extend(std::iter::repeat(1).take(256 * 2 - 1));
        fn dense(v: &[u8]) -> Result<DenseTable<'_>, ModelError> {
            let mut r = Reader::new("dense", v);
            r.header(MAGIC, 1)?;
            let bits = r.u8()?;
            r.dense(bits, 2)
        }
        assert!(dense(&v).is_err());
        v.push(2);
        let t = dense(&v).unwrap();
        assert_eq!(t.row(255 + 256), [1, 2]);
        v[MAGIC.len() + 8] = 30;
        assert!(dense(&v).is_err());
    }

    #[test]
    fn quantizing_keeps_the_largest_weight_at_127_steps() {
        let (scale, q) = quantize(&[0.5, -1.0, 0.004, 0.1], 1);
        assert_eq!(scale, 1.0 / 127.0);
        assert_eq!(q, [64, (-127i8) as u8, 0, 13]);
    }
}
