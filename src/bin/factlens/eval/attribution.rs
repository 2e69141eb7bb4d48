//! `factlens eval attribution`: per role (source, cue, content), exact,
//! overlap and soft (token Jaccard) matching over the multiset of that
//! role's spans in each document, as the reference scorer computes them.

use factlens::{ClaimKind, Options};

use super::{exact, header, overlap_pairs, Counts, GoldDoc, Report};

const ROLES: [&str; 3] = ["source", "cue", "content"];

type Spans = [Vec<(usize, usize)>; 3];

fn gold_spans(g: &GoldDoc) -> Spans {
    let mut out: Spans = Default::default();
    for c in &g.claims {
        for (k, role) in ROLES.iter().enumerate() {
            if let Some(a) = c.get(role).and_then(|v| v.as_array()) {
                if let (Some(s), Some(e)) = (
                    a.first().and_then(|v| v.as_u64()),
                    a.get(1).and_then(|v| v.as_u64()),
                ) {
                    out[k].push((s as usize, e as usize));
                }
            }
        }
    }
    out
}

/// Whitespace tokens of a text in code points: what Python's `str.split()`
/// returns, with offsets.
struct Tokens {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        let mut cur: Option<usize> = None;
        let mut n = 0;
        for (i, c) in text.chars().enumerate() {
            // str.isspace() also counts the ASCII separators \x1c-\x1f.
            let space = c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c);
            match (space, cur) {
                (true, Some(s)) => {
                    starts.push(s);
                    ends.push(i);
                    cur = None;
                }
                (false, None) => cur = Some(i),
                _ => {}
            }
            n = i + 1;
        }
        if let Some(s) = cur {
            starts.push(s);
            ends.push(n);
        }
        Tokens { starts, ends }
    }

    /// Index range of the tokens sharing a character with `[s, e)`.
    fn covered(&self, (s, e): (usize, usize)) -> (usize, usize) {
        if e <= s {
            return (0, 0);
        }
        let lo = self.ends.partition_point(|&x| x <= s);
        let hi = self.starts.partition_point(|&x| x < e);
        (lo, hi.max(lo))
    }

    fn jaccard(&self, g: (usize, usize), p: (usize, usize)) -> f64 {
        let ((gl, gh), (pl, ph)) = (self.covered(g), self.covered(p));
        let inter = gh.min(ph).saturating_sub(gl.max(pl));
        let union = (gh - gl) + (ph - pl) - inter;
        if union == 0 {
            return if g == p { 1.0 } else { 0.0 };
        }
        inter as f64 / union as f64
    }
}

pub fn eval(gold: &[GoldDoc]) -> Result<(Report, Vec<String>), String> {
    let mut ex = [Counts::default(); 3];
    let mut ov = [Counts::default(); 3];
    let mut soft_sum = [0.0f64; 3];
    let mut predictions = Vec::with_capacity(gold.len());
    let (mut n_gold_claims, mut n_pred_claims) = (0, 0);
    for g in gold {
        let doc = factlens::annotate(&g.text, &Options::new());
        let claims: Vec<_> = doc
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Attributed)
            .collect();
        let role = |c: &factlens::Claim, k: usize| -> Option<(usize, usize)> {
            match k {
                0 => c.source.as_ref().map(|r| (r.start, r.end)),
                1 => c.cue.as_ref().map(|r| (r.start, r.end)),
                _ => Some((c.content.start, c.content.end)),
            }
        };
        let pair = |x: Option<(usize, usize)>| {
            x.map_or(serde_json::Value::Null, |(s, e)| serde_json::json!([s, e]))
        };
        predictions.push(
            serde_json::json!({"id": g.id, "claims": claims.iter().map(|c| serde_json::json!({
                "source": pair(role(c, 0)), "cue": pair(role(c, 1)), "content": pair(role(c, 2)),
                "stance": c.stance, "source_entity": c.source_entity,
            })).collect::<Vec<_>>()})
            .to_string(),
        );
        n_gold_claims += g.claims.len();
        n_pred_claims += claims.len();
        let gs = gold_spans(g);
        let mut tokens = None;
        for k in 0..3 {
            let mut p: Vec<(usize, usize)> = claims.iter().filter_map(|c| role(c, k)).collect();
            let mut q = gs[k].clone();
            p.sort();
            q.sort();
            ex[k].add(exact(&p, &q));
            // The reference scorer breaks ties by gold order first.
            let pairs = overlap_pairs(&q, &p);
            ov[k].add(Counts {
                tp: pairs.len(),
                pred: p.len(),
                gold: q.len(),
            });
            if !pairs.is_empty() {
                let t = tokens.get_or_insert_with(|| Tokens::new(&g.text));
                soft_sum[k] += pairs
                    .iter()
                    .map(|&(gi, pi)| t.jaccard(q[gi], p[pi]))
                    .sum::<f64>();
            }
        }
    }
    let soft = |k: usize| -> (Option<f64>, Option<f64>, Option<f64>) {
        let c = ex[k];
        if c.pred + c.gold == 0 {
            return (None, None, None);
        }
        let p = if c.pred == 0 {
            0.0
        } else {
            soft_sum[k] / c.pred as f64
        };
        let r = if c.gold == 0 {
            0.0
        } else {
            soft_sum[k] / c.gold as f64
        };
        (
            Some(p),
            Some(r),
            Some(if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }),
        )
    };
    let mut table = format!(
        "{} documents, {} gold claims, {} predicted claims\n\n",
        gold.len(),
        n_gold_claims,
        n_pred_claims
    );
    table += &header("exact");
    for (k, r) in ROLES.iter().enumerate() {
        table += &ex[k].row(r);
    }
    table += "\n";
    table += &header("overlap");
    for (k, r) in ROLES.iter().enumerate() {
        table += &ov[k].row(r);
    }
    table += "\n";
    table += &header("soft (token Jaccard)");
    for (k, r) in ROLES.iter().enumerate() {
        let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));
        let (p, rr, f1) = soft(k);
        table += &format!("{r:<24} {:>7} {:>7} {:>7}\n", f(p), f(rr), f(f1));
    }
    let roles: serde_json::Map<String, serde_json::Value> = ROLES
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let (p, rr, f1) = soft(k);
            (r.to_string(), serde_json::json!({"exact": ex[k].json(), "overlap": ov[k].json(),
                "soft": {"p": p, "r": rr, "f1": f1, "jaccard_sum": soft_sum[k], "matched": ov[k].tp}}))
        })
        .collect();
    let json = serde_json::json!({"task": "attribution", "documents": gold.len(), "n_gold_claims": n_gold_claims,
        "n_pred_claims": n_pred_claims, "roles": roles});
    Ok((Report { table, json }, predictions))
}

#[cfg(test)]
mod tests {
    use super::Tokens;

    #[test]
    fn soft_match_counts_whitespace_tokens_touched() {
        let t = Tokens::new("He said, “no” today");
        // "said" against "said," covers the same token.
        assert_eq!(t.jaccard((3, 7), (3, 8)), 1.0);
        // One token of two.
        assert_eq!(t.jaccard((3, 8), (3, 13)), 0.5);
        // No token covered: only identical spans count.
        assert_eq!(t.jaccard((2, 3), (2, 3)), 1.0);
    }
}
