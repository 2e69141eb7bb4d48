//! `factlens eval attribution`.

use super::{GoldDoc, Report};

pub fn eval(_gold: &[GoldDoc]) -> Result<(Report, Vec<String>), String> {
    Err("eval attribution is not implemented yet".into())
}
