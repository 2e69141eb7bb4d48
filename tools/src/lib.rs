//! Generators and trainers for the tables and models embedded in factlens.
//! Each command is a binary in `src/bin/`; none of this ships in the page.

/// The command that is running, as typed after the program name and
/// behind `prefix`: what a generated file's header names as the command
/// that made it.
pub fn command_line(prefix: &str) -> String {
    std::iter::once(prefix.to_string())
        .chain(std::env::args().skip(1))
        .collect::<Vec<_>>()
        .join(" ")
}
