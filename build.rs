//! Turns the entity gazetteers (`src/entities/model/*.txt`, the committed
//! sources) into static tables, so that the library does not parse and
//! hash some 30 000 phrases before its first annotation (in the browser,
//! that was on the path to the first result).
//!
//! The tables are `Gazetteer::parse` of the text, by the tagging kit
//! (`kit/`, which the library uses to look them up), written out as a
//! Rust expression that `src/entities/mod.rs` includes.

use std::path::Path;

use factlens_kit::gazetteer::Gazetteer;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["gazetteer", "companies"] {
        let src = format!("src/entities/model/{name}.txt");
        println!("cargo::rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let g = Gazetteer::parse(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.rs")), g.to_static())
            .expect("OUT_DIR is writable");
    }
}
