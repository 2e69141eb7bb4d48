//! A hashed linear sequence tagger: per role, B/I/O labels decoded by
//! Viterbi with the BIO constraint, from an embedded weight table.
//!
//! Wire format (little endian): magic `FLTAGGER`, version u32, command
//! length u32 and the UTF-8 command that produced the file, table bits u8,
//! roles u8, scale f32, transitions (roles × 4 from-states × 3 labels) f32,
//! then `2^bits × roles × 3` weights as i8 (multiplied by scale).

/// Labels of one role.
pub(crate) const O: u8 = 0;
pub(crate) const B: u8 = 1;
pub(crate) const I: u8 = 2;

pub(crate) const MAGIC: &[u8; 8] = b"FLTAGGER";
pub(crate) const VERSION: u32 = 1;

/// A loaded tagger, borrowing its weights from the embedded bytes.
pub(crate) struct Tagger<'a> {
    mask: u32,
    roles: usize,
    scale: f32,
    trans: Vec<f32>,
    weights: &'a [u8],
}

/// Reads the little-endian fields of a model blob.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }
    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let b = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(b)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.bytes(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn f32(&mut self) -> Option<f32> {
        self.u32().map(f32::from_bits)
    }
    /// Checks magic and version and skips the producing command.
    pub fn header(&mut self, magic: &[u8; 8], version: u32) -> Option<()> {
        (self.bytes(8)? == magic).then_some(())?;
        (self.u32()? == version).then_some(())?;
        let n = self.u32()? as usize;
        std::str::from_utf8(self.bytes(n)?).ok()?;
        Some(())
    }
    pub fn rest(&mut self) -> &'a [u8] {
        let r = &self.buf[self.pos..];
        self.pos = self.buf.len();
        r
    }
}

impl<'a> Tagger<'a> {
    /// Parses a tagger blob; `None` when the magic, version or sizes are wrong.
    pub fn load(buf: &'a [u8]) -> Option<Tagger<'a>> {
        let mut r = Reader::new(buf);
        r.header(MAGIC, VERSION)?;
        let bits = r.u8()?;
        let roles = r.u8()? as usize;
        if !(8..=24).contains(&bits) || !(1..=4).contains(&roles) {
            return None;
        }
        let scale = r.f32()?;
        let trans = (0..roles * 12).map(|_| r.f32()).collect::<Option<Vec<f32>>>()?;
        let weights = r.rest();
        if weights.len() != (1usize << bits) * roles * 3 {
            return None;
        }
        Some(Tagger { mask: (1u32 << bits) - 1, roles, scale, trans, weights })
    }

    /// The i8 weight table, `2^bits × roles × 3`.
    fn table(&self) -> &'a [u8] {
        self.weights
    }

    /// The transitions of one role: 4 from-states (start, O, B, I) × 3.
    pub fn transitions(&self, role: usize) -> &[f32] {
        &self.trans[role * 12..role * 12 + 12]
    }
}

/// The cue tagger and the source/content tagger in one interleaved table
/// (rows of 3 + 6 weights), so that the features both stages share cost
/// one memory access per token instead of two.
pub(crate) struct Joint {
    mask: u32,
    /// i8 weights, stored as the model's bytes.
    table: Vec<u8>,
    cue_scale: f32,
    role_scale: f32,
}

impl Joint {
    /// `None` when the two taggers' tables differ in size.
    pub fn new(cue: &Tagger, roles: &Tagger) -> Option<Joint> {
        if cue.mask != roles.mask || cue.roles != 1 || roles.roles != 2 {
            return None;
        }
        let rows = cue.mask as usize + 1;
        let (c, r) = (cue.table(), roles.table());
        // Built before the first annotation, so row by row with copies
        // rather than weight by weight.
        let mut table = vec![0u8; rows * 9];
        for ((row, c), r) in table.chunks_exact_mut(9).zip(c.chunks_exact(3)).zip(r.chunks_exact(6)) {
            row[..3].copy_from_slice(c);
            row[3..].copy_from_slice(r);
        }
        Some(Joint { mask: cue.mask, table, cue_scale: cue.scale, role_scale: roles.scale })
    }

    /// Stage one: cue scores into `cue` (3) and the shared part of the
    /// role scores, still unscaled, into `partial` (6).
    pub fn emit_shared(&self, feats: &[u32], cue: &mut [f32], partial: &mut [i32; 6]) {
        let mut acc = [0i32; 9];
        for &f in feats {
            let row = (f & self.mask) as usize * 9;
            if let Some(ws) = self.table.get(row..row + 9) {
                for k in 0..9 {
                    acc[k] += i32::from(ws[k] as i8);
                }
            }
        }
        for k in 0..3 {
            cue[k] = acc[k] as f32 * self.cue_scale;
        }
        partial.copy_from_slice(&acc[3..]);
    }

    /// Stage two: role scores from the shared part plus the relation
    /// features.
    pub fn emit_roles(&self, feats: &[u32], partial: &[i32; 6], out: &mut [f32]) {
        let mut acc = *partial;
        for &f in feats {
            let row = (f & self.mask) as usize * 9 + 3;
            if let Some(ws) = self.table.get(row..row + 6) {
                for k in 0..6 {
                    acc[k] += i32::from(ws[k] as i8);
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32 * self.role_scale;
        }
    }
}

/// Best B/I/O path for one role. `emis` holds `n × stride` scores with this
/// role's three at `offset`; `trans` is 4 × 3 (start, O, B, I → O, B, I).
/// An I never follows an O or starts the sequence.
pub(crate) fn viterbi(emis: &[f32], stride: usize, offset: usize, trans: &[f32], out: &mut Vec<u8>) {
    out.clear();
    let n = emis.len() / stride;
    if n == 0 {
        return;
    }
    let e = |i: usize, l: usize| emis[i * stride + offset + l];
    let mut back: Vec<[u8; 3]> = Vec::with_capacity(n);
    let mut score = [e(0, 0) + trans[0], e(0, 1) + trans[1], f32::NEG_INFINITY];
    back.push([0; 3]);
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; 3];
        let mut bp = [0u8; 3];
        for to in 0..3 {
            for from in 0..3 {
                if to == I as usize && from == O as usize {
                    continue;
                }
                let s = score[from] + trans[(from + 1) * 3 + to];
                if s > next[to] {
                    next[to] = s;
                    bp[to] = from as u8;
                }
            }
            next[to] += e(i, to);
        }
        score = next;
        back.push(bp);
    }
    let mut best = 0;
    for l in 1..3 {
        if score[l] > score[best] {
            best = l;
        }
    }
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = best as u8;
        best = back[i][best] as usize;
    }
}

/// Token ranges of the B-I* runs in a label sequence, offset by `base`.
pub(crate) fn spans(labels: &[u8], base: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, &l) in labels.iter().enumerate() {
        match l {
            B => {
                if let Some(s) = cur {
                    out.push(base + s..base + i);
                }
                cur = Some(i);
            }
            I if cur.is_some() => {}
            _ => {
                if let Some(s) = cur.take() {
                    out.push(base + s..base + i);
                }
            }
        }
    }
    if let Some(s) = cur {
        out.push(base + s..base + labels.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_a_span_with_i() {
        // Emissions favour I everywhere, but I needs a B before it.
        let emis = [0.0, 0.5, 1.0, 0.0, 0.0, 1.0];
        let mut out = Vec::new();
        viterbi(&emis, 3, 0, &[0.0; 12], &mut out);
        assert_eq!(out, [B, I]);
    }

    #[test]
    fn spans_split_at_b_and_o() {
        assert_eq!(spans(&[B, I, O, B, B, I], 10), [10..12, 13..14, 14..16]);
    }

    #[test]
    fn load_rejects_wrong_magic_and_truncation() {
        assert!(Tagger::load(b"NOTATAGGER").is_none());
        let mut blob = MAGIC.to_vec();
        blob.extend(VERSION.to_le_bytes());
        blob.extend(0u32.to_le_bytes());
        blob.extend([8u8, 1]);
        blob.extend(1.0f32.to_le_bytes());
        blob.extend(std::iter::repeat(0).take(12 * 4));
        blob.extend(std::iter::repeat(0).take(256 * 3 - 1));
        assert!(Tagger::load(&blob).is_none());
        blob.push(0);
        assert!(Tagger::load(&blob).is_some());
    }
}
