//! `factlens eval checkworthy`.

use super::{GoldDoc, Report};

pub fn eval(_gold: &[GoldDoc]) -> Result<(Report, Vec<String>), String> {
    Err("eval checkworthy is not implemented yet".into())
}
