//! `factlens eval checkworthy`: each gold line is one sentence, annotated
//! as a document of its own. It counts as check-worthy when one of its
//! claims has `checkworthy` ≥ 0.5, and its score is the highest
//! `checkworthy` of its claims (0 without claims).

use factlens::Options;

use super::{header, Counts, GoldDoc, Report};

/// Average precision with tied scores as one block, as the reference
/// scorer (and scikit-learn) compute it: Σ_t (R_t − R_{t−1}) · P_t.
pub fn average_precision(items: &[(f64, bool)]) -> Option<f64> {
    let pos = items.iter().filter(|x| x.1).count();
    if pos == 0 {
        return None;
    }
    let mut ranked = items.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut ap, mut i) = (0usize, 0.0, 0);
    while i < ranked.len() {
        let mut j = i;
        let mut block = 0;
        while j < ranked.len() && ranked[j].0 == ranked[i].0 {
            block += usize::from(ranked[j].1);
            j += 1;
        }
        tp += block;
        ap += block as f64 * tp as f64 / (pos as f64 * j as f64);
        i = j;
    }
    Some(ap)
}

pub fn eval(gold: &[GoldDoc]) -> Result<(Report, Vec<String>), String> {
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut items = Vec::with_capacity(gold.len());
    let mut predictions = Vec::with_capacity(gold.len());
    for g in gold {
        let label = g
            .label
            .ok_or_else(|| format!("{}: no \"label\": not check-worthiness gold", g.id))?
            == 1;
        let doc = factlens::annotate(&g.text, &Options::new());
        let score = doc.claims.iter().map(|c| c.checkworthy).fold(0.0, f64::max);
        let guess = doc.claims.iter().any(|c| c.checkworthy >= 0.5);
        match (guess, label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => tn += 1,
        }
        items.push((score, label));
        predictions.push(
            serde_json::json!({"id": g.id, "checkworthy": u8::from(guess), "score": score})
                .to_string(),
        );
    }
    let c = Counts {
        tp,
        pred: tp + fp,
        gold: tp + fn_,
    };
    let accuracy = (!gold.is_empty()).then(|| (tp + tn) as f64 / gold.len() as f64);
    let ap = average_precision(&items);
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.4}"));
    let mut table = header("check-worthy (class 1)");
    table += &c.row("positive");
    table += &format!("confusion                tp={tp} fp={fp} fn={fn_} tn={tn}\n");
    table += &format!("accuracy                 {}\n", f(accuracy));
    table += &format!("average precision        {}\n", f(ap));
    let mut positive = c.json();
    positive["fp"] = fp.into();
    positive["fn"] = fn_.into();
    positive["tn"] = tn.into();
    let json = serde_json::json!({"task": "checkworthy", "n": gold.len(), "n_gold_positive": tp + fn_,
        "positive": positive, "accuracy": accuracy, "average_precision": ap});
    Ok((Report { table, json }, predictions))
}

#[cfg(test)]
mod tests {
    use super::average_precision;

    #[test]
    fn tied_scores_form_one_block() {
        // Without ties: mean precision at each positive's rank.
        assert_eq!(
            average_precision(&[(0.9, true), (0.8, false), (0.7, true)]),
            Some((1.0 + 2.0 / 3.0) / 2.0)
        );
        // A tie of one positive and one negative counts as precision 1/2 for the block.
        assert_eq!(average_precision(&[(0.5, true), (0.5, false)]), Some(0.5));
        assert_eq!(average_precision(&[(0.5, false)]), None);
    }
}
