//! `factlens eval ner`: CoNLL exact match per type, untyped, PER/ORG/LOC
//! only, and overlap (relaxed) match within one type, as the reference
//! scorer computes them; `--skip-nested` drops nested gold (MEANTIME).

use factlens::{EntityLabel, Options};

use super::{exact, header, overlap_pairs, Counts, GoldDoc, Report};

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Our labels in CoNLL terms.
fn conll(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "PER",
        EntityLabel::Org => "ORG",
        EntityLabel::Loc => "LOC",
        EntityLabel::Norp | EntityLabel::Misc => "MISC",
    }
}

/// Gold labels in CoNLL terms; `None` for temporal spans.
fn gold_type(label: &str) -> Option<&'static str> {
    match label.trim().to_uppercase().as_str() {
        "PER" | "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" | "GPE" | "FAC" | "PLACE" => Some("LOC"),
        "NORP" | "MISC" | "EVENT" | "LAW" | "PRODUCT" | "WORK_OF_ART" | "LANGUAGE" => Some("MISC"),
        _ => None,
    }
}

type Typed = (usize, usize, &'static str);

pub fn eval(gold: &[GoldDoc], skip_nested: bool) -> Result<(Report, Vec<String>), String> {
    let mut exact_by: Vec<Counts> = vec![Counts::default(); TYPES.len()];
    let mut relaxed_by: Vec<Counts> = vec![Counts::default(); TYPES.len()];
    let mut untyped = Counts::default();
    let mut untyped_relaxed = Counts::default();
    let mut predictions = Vec::with_capacity(gold.len());
    for g in gold {
        let doc = factlens::annotate(&g.text, &Options::new());
        let pred: Vec<Typed> = doc
            .entities
            .iter()
            .map(|e| (e.start, e.end, conll(e.label)))
            .collect();
        let gs: Vec<Typed> = g
            .spans
            .iter()
            .filter(|s| !(skip_nested && s.nested))
            .filter_map(|s| gold_type(&s.label).map(|t| (s.start, s.end, t)))
            .collect();
        predictions.push(
            serde_json::json!({"id": g.id, "spans": pred.iter().map(|&(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l})).collect::<Vec<_>>()})
                .to_string(),
        );
        let strip = |v: &[Typed]| v.iter().map(|&(s, e, _)| (s, e)).collect::<Vec<_>>();
        untyped.add(exact(&strip(&pred), &strip(&gs)));
        let (p, q) = (strip(&pred), strip(&gs));
        untyped_relaxed.add(Counts {
            tp: overlap_pairs(&p, &q).len(),
            pred: p.len(),
            gold: q.len(),
        });
        for (k, t) in TYPES.iter().enumerate() {
            let p: Vec<(usize, usize)> = pred
                .iter()
                .filter(|x| x.2 == *t)
                .map(|&(s, e, _)| (s, e))
                .collect();
            let q: Vec<(usize, usize)> = gs
                .iter()
                .filter(|x| x.2 == *t)
                .map(|&(s, e, _)| (s, e))
                .collect();
            exact_by[k].add(exact(&p, &q));
            relaxed_by[k].add(Counts {
                tp: overlap_pairs(&p, &q).len(),
                pred: p.len(),
                gold: q.len(),
            });
        }
    }
    let sum = |v: &[Counts], upto: usize| {
        v[..upto].iter().fold(Counts::default(), |mut a, c| {
            a.add(*c);
            a
        })
    };
    let (micro, pol) = (sum(&exact_by, 4), sum(&exact_by, 3));
    let (rmicro, rpol) = (sum(&relaxed_by, 4), sum(&relaxed_by, 3));
    let mut table = header("exact (CoNLL)");
    table += &micro.row("micro");
    for (k, t) in TYPES.iter().enumerate() {
        table += &exact_by[k].row(t);
    }
    table += &untyped.row("untyped");
    table += &pol.row("PER/ORG/LOC only");
    table += "\n";
    table += &header("relaxed (overlap)");
    table += &rmicro.row("micro");
    for (k, t) in TYPES.iter().enumerate() {
        table += &relaxed_by[k].row(t);
    }
    table += &rpol.row("PER/ORG/LOC only");
    // Not in the reference scorer: overlap with any type, for gold whose
    // type conventions differ from CoNLL's (MEANTIME types adjectives LOC).
    table += &untyped_relaxed.row("untyped (extra)");
    let per_type = |v: &[Counts]| -> serde_json::Value {
        TYPES
            .iter()
            .zip(v)
            .map(|(t, c)| (t.to_string(), c.json()))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let json = serde_json::json!({
        "task": "ner", "documents": gold.len(),
        "exact": {"micro": micro.json(), "per_type": per_type(&exact_by), "untyped": untyped.json(), "per_org_loc": pol.json()},
        "relaxed": {"micro": rmicro.json(), "per_type": per_type(&relaxed_by), "per_org_loc": rpol.json(), "untyped": untyped_relaxed.json()},
    });
    Ok((Report { table, json }, predictions))
}
