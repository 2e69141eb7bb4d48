//! `factlens eval timex`.

use super::{GoldDoc, Report};

pub fn eval(_gold: &[GoldDoc]) -> Result<(Report, Vec<String>), String> {
    Err("eval timex is not implemented yet".into())
}
