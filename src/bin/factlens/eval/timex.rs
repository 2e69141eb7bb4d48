//! `factlens eval timex`: TempEval-3 figures. Strict extraction (exact
//! span, any type), relaxed extraction (greedy overlap, any type), and type
//! and value accuracy over the relaxed matches, each line's `meta.dct` being
//! the document date.

use factlens::{DateType, Options};

use super::{exact, header, overlap_pairs, Counts, GoldDoc, Report};

const TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];

fn label(kind: DateType) -> &'static str {
    match kind {
        DateType::Date => "DATE",
        DateType::Time => "TIME",
        DateType::Duration => "DURATION",
        DateType::Set => "SET",
    }
}

/// One temporal span on either side: start, end (code points), type, value.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Tx {
    start: usize,
    end: usize,
    label: String,
    value: Option<String>,
}

/// The document date of a gold line: `meta.dct`, whose first ten
/// characters are `YYYY-MM-DD` (some carry a time of day too).
fn dct(meta: &serde_json::Value) -> Option<&str> {
    meta.get("dct")
        .and_then(|v| v.as_str())
        .and_then(|s| s.get(..10))
}

/// The end (code points) of the annotated part of a gold text: the end of
/// the line that holds the last gold span.
fn annotated_end(g: &GoldDoc) -> usize {
    let last = g.spans.iter().map(|s| s.end).max().unwrap_or(0);
    let n = g.text.chars().count();
    g.text
        .chars()
        .enumerate()
        .skip(last)
        .find(|&(_, c)| c == '\n')
        .map_or(n, |(i, _)| i)
}

pub fn eval(
    gold: &[GoldDoc],
    skip_nested: bool,
    gold_extent: bool,
) -> Result<(Report, Vec<String>), String> {
    let (mut strict, mut relaxed) = (Counts::default(), Counts::default());
    let (mut type_ok, mut value_ok) = (0usize, 0usize);
    let mut gold_per_type = [0usize; 4];
    let mut pred_per_type = [0usize; 4];
    let mut predictions = Vec::with_capacity(gold.len());
    for g in gold {
        let options = match dct(&g.meta) {
            Some(d) => Options::new()
                .document_date(d)
                .map_err(|e| format!("{}: meta.dct: {e}", g.id))?,
            None => Options::new(),
        };
        let doc = factlens::annotate(&g.text, &options);
        // Both sides sorted as the reference scorer sorts them, so that
        // ties in the greedy matching break the same way.
        let mut pred: Vec<Tx> = doc
            .dates
            .iter()
            .map(|d| Tx {
                start: d.start,
                end: d.end,
                label: label(d.kind).to_string(),
                value: d.value.clone(),
            })
            .collect();
        if gold_extent {
            let end = annotated_end(g);
            pred.retain(|t| t.start < end);
        }
        pred.sort();
        let mut gs: Vec<Tx> = g
            .spans
            .iter()
            .filter(|s| !(skip_nested && s.nested))
            .filter_map(|s| {
                let l = s.label.trim().to_uppercase();
                TYPES.contains(&l.as_str()).then(|| Tx {
                    start: s.start,
                    end: s.end,
                    label: l,
                    value: s
                        .value
                        .as_ref()
                        .and_then(|v| v.as_str())
                        .map(str::to_string),
                })
            })
            .collect();
        gs.sort();
        predictions.push(
            serde_json::json!({"id": g.id, "spans": pred.iter().map(|t| serde_json::json!({"start": t.start, "end": t.end, "label": t.label, "value": t.value})).collect::<Vec<_>>()})
                .to_string(),
        );
        for (k, t) in TYPES.iter().enumerate() {
            gold_per_type[k] += gs.iter().filter(|x| x.label == *t).count();
            pred_per_type[k] += pred.iter().filter(|x| x.label == *t).count();
        }
        let p: Vec<(usize, usize)> = pred.iter().map(|t| (t.start, t.end)).collect();
        let q: Vec<(usize, usize)> = gs.iter().map(|t| (t.start, t.end)).collect();
        strict.add(exact(&p, &q));
        let pairs = overlap_pairs(&p, &q);
        relaxed.add(Counts {
            tp: pairs.len(),
            pred: p.len(),
            gold: q.len(),
        });
        for (i, j) in pairs {
            type_ok += usize::from(pred[i].label == gs[j].label);
            let up = |v: &Option<String>| v.as_ref().map(|s| s.to_uppercase());
            value_ok += usize::from(up(&pred[i].value) == up(&gs[j].value));
        }
    }
    let attr = |correct: usize| Counts {
        tp: correct,
        pred: relaxed.pred,
        gold: relaxed.gold,
    };
    let accuracy = |correct: usize| (relaxed.tp > 0).then(|| correct as f64 / relaxed.tp as f64);
    let (ty, va) = (attr(type_ok), attr(value_ok));
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));

    let mut table = header("extraction");
    table += &strict.row("strict (exact span)");
    table += &relaxed.row("relaxed (overlap, 1:1)");
    table += "\n";
    table += &header("attributes (over relaxed)");
    table += &ty.row("type");
    table += &va.row("value");
    table += &format!(
        "type accuracy  {}  ({type_ok}/{})\n",
        f(accuracy(type_ok)),
        relaxed.tp
    );
    table += &format!(
        "value accuracy {}  ({value_ok}/{})\n",
        f(accuracy(value_ok)),
        relaxed.tp
    );
    table += "\nper type (gold / predicted):";
    for (k, t) in TYPES.iter().enumerate() {
        table += &format!(" {t} {}/{}", gold_per_type[k], pred_per_type[k]);
    }
    table += "\n";

    let attribute = |correct: usize| {
        let mut j = attr(correct).json();
        if let Some(o) = j.as_object_mut() {
            let tp = o.remove("tp");
            o.insert("correct".into(), tp.unwrap_or_default());
            o.insert("matched".into(), relaxed.tp.into());
            o.insert("accuracy".into(), accuracy(correct).into());
        }
        j
    };
    let per_type = |v: &[usize; 4]| -> serde_json::Value {
        TYPES
            .iter()
            .zip(v)
            .map(|(t, n)| (t.to_string(), serde_json::Value::from(*n)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let json = serde_json::json!({
        "task": "timex", "documents": gold.len(),
        "strict": strict.json(), "relaxed": relaxed.json(),
        "type": attribute(type_ok), "value": attribute(value_ok),
        "gold_per_type": per_type(&gold_per_type), "pred_per_type": per_type(&pred_per_type),
    });
    Ok((Report { table, json }, predictions))
}
