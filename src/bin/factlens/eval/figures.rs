//! `factlens eval figures`: MONEY, PERCENT, QUANTITY and CARDINAL spans as
//! the reference scorer's `figures` task counts them. Exact and overlap
//! P/R/F1 per label, micro, without CARDINAL and untyped; value accuracy
//! and value F1 over the exact same-label matches when the gold has
//! values. Predictions that share no character with a gold line's
//! `scored_region` are dropped first (MEANTIME annotates only the opening
//! of each article); `--cardinal-as-quantity` scores CARDINAL as QUANTITY
//! on both sides (MEANTIME's QUANTITY also holds plain counts).

use factlens::{Amount, FigureLabel, Options};

use super::{exact, header, overlap_pairs, Counts, GoldDoc, Report};

const TYPES: [&str; 4] = ["MONEY", "PERCENT", "QUANTITY", "CARDINAL"];
const QUANTITY: usize = 2;
const CARDINAL: usize = 3;

/// Bounds within 0.5% of the gold bound count as the same amount.
const VALUE_REL_TOLERANCE: f64 = 0.005;

fn index(label: FigureLabel) -> usize {
    match label {
        FigureLabel::Money => 0,
        FigureLabel::Percent => 1,
        FigureLabel::Quantity => 2,
        FigureLabel::Cardinal => 3,
    }
}

/// A value as the scorer compares it: the amount as `(low, high)` with
/// whether it is a range (`[x, x]` is the number x), and the unit.
#[derive(Clone, Debug, PartialEq)]
struct Val {
    amount: Option<(f64, f64, bool)>,
    unit: Option<String>,
}

impl Val {
    fn same_as_gold(&self, gold: &Val) -> bool {
        let close = |g: f64, p: f64| (p - g).abs() <= VALUE_REL_TOLERANCE * g.abs();
        self.unit == gold.unit
            && match (gold.amount, self.amount) {
                (None, None) => true,
                (Some((gl, gh, gr)), Some((pl, ph, pr))) => {
                    gr == pr && close(gl, pl) && close(gh, ph)
                }
                _ => false,
            }
    }
}

/// One figure span on either side, in code points.
#[derive(Clone, Debug)]
struct Fig {
    start: usize,
    end: usize,
    label: usize,
    value: Option<Val>,
}

/// A gold `value`: null, or `{"amount": n | [low, high] | null, "unit"}`.
fn gold_value(v: &Option<serde_json::Value>, where_: &str) -> Result<Option<Val>, String> {
    let Some(v) = v.as_ref().filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let bad = |what: &str| format!("{where_}: value {what}");
    let o = v
        .as_object()
        .ok_or_else(|| bad("must be an object or null"))?;
    let amount = match o.get("amount").ok_or_else(|| bad("has no amount"))? {
        serde_json::Value::Null => None,
        serde_json::Value::Array(a) if a.len() == 2 => {
            let lo = a[0]
                .as_f64()
                .ok_or_else(|| bad("range bound is not a number"))?;
            let hi = a[1]
                .as_f64()
                .ok_or_else(|| bad("range bound is not a number"))?;
            if hi < lo {
                return Err(bad("range has high < low"));
            }
            Some((lo, hi, lo != hi))
        }
        n => {
            let x = n
                .as_f64()
                .ok_or_else(|| bad("amount must be a number, [low, high] or null"))?;
            Some((x, x, false))
        }
    };
    let unit = match o.get("unit") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(_) => return Err(bad("unit must be a string or null")),
    };
    Ok(Some(Val { amount, unit }))
}

fn pred_value(v: &factlens::FigureValue) -> Val {
    Val {
        amount: v.amount.map(|a| match a {
            Amount::Number(x) => (x, x, false),
            Amount::Range(lo, hi) => (lo, hi, true),
        }),
        unit: v.unit.map(|u| u.to_string()),
    }
}

/// True when a span shares a character with `[lo, hi)` (a zero-length
/// span: lies in it), as the scorer decides.
fn in_region(start: usize, end: usize, (lo, hi): (usize, usize)) -> bool {
    if start == end {
        lo <= start && start < hi
    } else {
        start < hi && end > lo
    }
}

/// Exact same-span pairs of one label in one document: how many pairs,
/// and how many of them have equal values. Within identical spans each
/// gold value takes the first unused prediction of equal value, so a
/// duplicate cannot hide a correct value.
fn value_pairs(gold: &[Fig], pred: &[Fig]) -> (usize, usize) {
    let mut keys: Vec<(usize, usize)> = gold.iter().map(|f| (f.start, f.end)).collect();
    keys.sort_unstable();
    keys.dedup();
    let (mut matched, mut correct) = (0, 0);
    for key in keys {
        let g: Vec<&Option<Val>> = gold
            .iter()
            .filter(|f| (f.start, f.end) == key)
            .map(|f| &f.value)
            .collect();
        let mut p: Vec<&Option<Val>> = pred
            .iter()
            .filter(|f| (f.start, f.end) == key)
            .map(|f| &f.value)
            .collect();
        let n = g.len().min(p.len());
        matched += n;
        let mut hits = 0;
        for gv in g {
            let equal = |pv: &&Option<Val>| match (gv, pv) {
                (None, None) => true,
                (Some(gv), Some(pv)) => pv.same_as_gold(gv),
                _ => false,
            };
            if let Some(k) = p.iter().position(equal) {
                hits += 1;
                p.remove(k);
            }
        }
        correct += hits.min(n);
    }
    (matched, correct)
}

/// Value figures of a set of labels: correct, matched and the counts.
#[derive(Default, Clone, Copy)]
struct ValueCounts {
    counts: Counts,
    matched: usize,
}

impl ValueCounts {
    fn accuracy(&self) -> Option<f64> {
        (self.matched > 0).then(|| self.counts.tp as f64 / self.matched as f64)
    }
    fn json(&self) -> serde_json::Value {
        let mut j = self.counts.json();
        if let Some(o) = j.as_object_mut() {
            let tp = o.remove("tp").unwrap_or_default();
            o.insert("correct".into(), tp);
            o.insert("matched".into(), self.matched.into());
            o.insert("accuracy".into(), self.accuracy().into());
        }
        j
    }
}

pub fn eval(
    gold: &[GoldDoc],
    skip_nested: bool,
    cardinal_as_quantity: bool,
) -> Result<(Report, Vec<String>), String> {
    let relabel = |l: usize| {
        if cardinal_as_quantity && l == CARDINAL {
            QUANTITY
        } else {
            l
        }
    };
    let types: &[usize] = if cardinal_as_quantity {
        &[0, 1, 2]
    } else {
        &[0, 1, 2, 3]
    };
    let mut exact_by = [Counts::default(); 4];
    let mut overlap_by = [Counts::default(); 4];
    let (mut untyped, mut untyped_overlap) = (Counts::default(), Counts::default());
    let mut matched_by = [0usize; 4];
    let mut correct_by = [0usize; 4];
    let (mut gold_with_value, mut nested_dropped, mut outside) = (0usize, 0usize, 0usize);
    let mut predictions = Vec::with_capacity(gold.len());
    for g in gold {
        let doc = factlens::annotate(&g.text, &Options::new());
        predictions.push(
            serde_json::json!({"id": g.id, "spans": doc.figures.iter().map(|f| {
                let mut v = serde_json::to_value(f.value).unwrap_or_default();
                v["approx"] = f.value.modifier.is_some().into();
                serde_json::json!({"start": f.start, "end": f.end, "label": f.label.as_str(), "value": v})
            }).collect::<Vec<_>>()})
            .to_string(),
        );
        let mut pred: Vec<Fig> = doc
            .figures
            .iter()
            .filter(|f| {
                g.scored_region
                    .map_or(true, |[lo, hi]| in_region(f.start, f.end, (lo, hi)))
            })
            .map(|f| Fig {
                start: f.start,
                end: f.end,
                label: relabel(index(f.label)),
                value: Some(pred_value(&f.value)),
            })
            .collect();
        outside += doc.figures.len() - pred.len();
        let mut gs = Vec::new();
        for (k, s) in g.spans.iter().enumerate() {
            let where_ = format!("{}: spans[{k}]", g.id);
            let l = s.label.trim().to_uppercase();
            let label = TYPES
                .iter()
                .position(|t| *t == l)
                .ok_or_else(|| format!("{where_}: unknown gold label {:?}", s.label))?;
            if skip_nested && s.nested {
                nested_dropped += 1;
                continue;
            }
            gs.push(Fig {
                start: s.start,
                end: s.end,
                label: relabel(label),
                value: gold_value(&s.value, &where_)?,
            });
        }
        // Both sides in the scorer's order, so that ties in the greedy
        // overlap matching break the same way.
        pred.sort_by_key(|f| (f.start, f.end));
        gs.sort_by_key(|f| (f.start, f.end));
        gold_with_value += gs.iter().filter(|f| f.value.is_some()).count();
        let spans = |v: &[Fig]| v.iter().map(|f| (f.start, f.end)).collect::<Vec<_>>();
        for &t in types {
            let p: Vec<Fig> = pred.iter().filter(|f| f.label == t).cloned().collect();
            let q: Vec<Fig> = gs.iter().filter(|f| f.label == t).cloned().collect();
            let (ps, qs) = (spans(&p), spans(&q));
            exact_by[t].add(exact(&ps, &qs));
            overlap_by[t].add(Counts {
                tp: overlap_pairs(&ps, &qs).len(),
                pred: ps.len(),
                gold: qs.len(),
            });
            let (m, c) = value_pairs(&q, &p);
            matched_by[t] += m;
            correct_by[t] += c;
        }
        let (ps, qs) = (spans(&pred), spans(&gs));
        untyped.add(exact(&ps, &qs));
        untyped_overlap.add(Counts {
            tp: overlap_pairs(&ps, &qs).len(),
            pred: ps.len(),
            gold: qs.len(),
        });
    }
    let sum = |v: &[Counts; 4], subset: &[usize]| {
        subset
            .iter()
            .filter(|t| types.contains(t))
            .fold(Counts::default(), |mut a, &t| {
                a.add(v[t]);
                a
            })
    };
    let value_of = |subset: &[usize]| {
        let mut v = ValueCounts::default();
        for &t in subset.iter().filter(|t| types.contains(t)) {
            v.counts.tp += correct_by[t];
            v.counts.pred += exact_by[t].pred;
            v.counts.gold += exact_by[t].gold;
            v.matched += matched_by[t];
        }
        v
    };
    let no_cardinal = [0, 1, 2];
    let label_name = |micro: bool| {
        if micro {
            format!("micro ({} labels)", types.len())
        } else {
            String::new()
        }
    };

    let mut table = String::new();
    if cardinal_as_quantity {
        table += "--cardinal-as-quantity: CARDINAL spans are scored as QUANTITY on both sides\n\n";
    }
    for (title, by, untyped) in [
        ("exact (same label)", &exact_by, &untyped),
        ("overlap (same label, 1:1)", &overlap_by, &untyped_overlap),
    ] {
        table += &header(title);
        table += &sum(by, types).row(&label_name(true));
        for &t in types {
            table += &by[t].row(TYPES[t]);
        }
        if !cardinal_as_quantity {
            table += &sum(by, &no_cardinal).row("micro without CARDINAL");
        }
        table += &untyped.row("untyped span");
        table += "\n";
    }
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));
    if gold_with_value == 0 {
        table += "value: - (the gold has no values)\n";
    } else {
        table += &header("value (over exact matches)");
        let micro = value_of(types);
        table += &micro.counts.row(&label_name(true));
        for &t in types {
            table += &value_of(&[t]).counts.row(TYPES[t]);
        }
        table += &format!(
            "value accuracy {}  ({}/{})\n",
            f(micro.accuracy()),
            micro.counts.tp,
            micro.matched
        );
    }
    table += "\nper label (gold / predicted):";
    for &t in types {
        table += &format!(" {} {}/{}", TYPES[t], exact_by[t].gold, exact_by[t].pred);
    }
    table += &format!("\npredictions outside the scored region, dropped: {outside}\n");

    let per_type = |by: &[Counts; 4]| -> serde_json::Value {
        TYPES
            .iter()
            .enumerate()
            .map(|(t, name)| (name.to_string(), by[t].json()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let block = |by: &[Counts; 4], untyped: &Counts| {
        serde_json::json!({"micro": sum(by, types).json(), "per_type": per_type(by),
            "no_cardinal": sum(by, &no_cardinal).json(), "untyped": untyped.json()})
    };
    let value = (gold_with_value > 0).then(|| {
        let per: serde_json::Map<_, _> = TYPES
            .iter()
            .enumerate()
            .map(|(t, name)| (name.to_string(), value_of(&[t]).json()))
            .collect();
        serde_json::json!({"micro": value_of(types).json(), "per_type": per,
            "no_cardinal": value_of(&no_cardinal).json()})
    });
    let count_by = |side: fn(&Counts) -> usize| -> serde_json::Value {
        TYPES
            .iter()
            .enumerate()
            .map(|(t, name)| (name.to_string(), side(&exact_by[t]).into()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let json = serde_json::json!({
        "task": "figures", "documents": gold.len(),
        "cardinal_as_quantity": cardinal_as_quantity,
        "exact": block(&exact_by, &untyped), "overlap": block(&overlap_by, &untyped_overlap),
        "value": value,
        "gold_per_type": count_by(|c| c.gold), "pred_per_type": count_by(|c| c.pred),
        "gold_with_value": gold_with_value, "gold_nested_dropped": nested_dropped,
        "pred_spans_outside_scored_region": outside,
    });
    Ok((Report { table, json }, predictions))
}
