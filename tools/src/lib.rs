//! Generators and trainers for the tables and models embedded in factlens.
//! Each command is a binary in `src/bin/`; none of this ships in the page.

/// The value after `--name` in `args`, parsed, or `default` when the flag is
/// absent or its value does not parse. Shared by the trainers' flag lists.
pub fn flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|k| args.get(k + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
