//! Turns the entity gazetteers (`src/entities/model/*.txt`, the committed
//! sources) into static tables, so that the library does not parse and
//! hash some 30 000 phrases before its first annotation (in the browser,
//! that was on the path to the first result).
//!
//! The tables are `Gazetteer::parse` of the text, by the library's own
//! code (`src/entities/features.rs`, which depends on nothing but `std`),
//! written out as a Rust expression that `src/entities/mod.rs` includes.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/entities/features.rs"]
mod features;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/entities/features.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["gazetteer", "companies"] {
        let src = format!("src/entities/model/{name}.txt");
        println!("cargo::rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let g = features::Gazetteer::parse(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.rs")), expression(&g))
            .expect("OUT_DIR is writable");
    }
}

/// `Gazetteer::from_static(&[keys], &[bits], &[starts], lengths)`.
fn expression(g: &features::Gazetteer) -> String {
    let mut s = String::from("Gazetteer::from_static(&[");
    for k in g.keys.iter() {
        write!(s, "{k:#x},").expect("writing to a String");
    }
    s.push_str("], &[");
    for b in g.bits.iter() {
        write!(s, "{b},").expect("writing to a String");
    }
    s.push_str("], &[");
    for b in g.starts.iter() {
        write!(s, "{b},").expect("writing to a String");
    }
    write!(s, "], {})", g.lengths).expect("writing to a String");
    s
}
