//! The `factlens` command as users call it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn factlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("factlens runs");
    // A command that fails early exits before reading: a broken pipe here is
    // not the test's business.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout_json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn annotate_reads_stdin_and_applies_the_date() {
    let o = factlens(
        &["annotate", "--date", "2024-10-01", "-"],
        "Maria Zakharova said on September 20, 2024 that Minsk was ready.".as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = stdout_json(&o);
    assert_eq!(d["schema"], "factlens/1");
    assert_eq!(d["document_date"], "2024-10-01");
    assert!(d["dates"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["value"] == "2024-09-20"));
}

#[test]
fn annotate_does_not_panic_on_offsets_that_leave_the_calendar() {
    // Regression (issue #15): "240000 months ago" panicked in jiff's span
    // constructor; now the expression keeps its span and has no value.
    let o = factlens(
        &["annotate", "--date", "2024-10-01", "-"],
        b"It happened 240000 months ago.",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = stdout_json(&o);
    let dates = d["dates"].as_array().unwrap();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0]["text"], "240000 months ago");
    assert!(dates[0]["value"].is_null());
    assert!(dates[0]["granularity"].is_null());
}

#[test]
fn invalid_utf8_is_reported_with_its_byte_position() {
    let o = factlens(&["annotate", "-"], b"Minsk \xff\xfe reported");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("invalid UTF-8 at byte 6"), "{err}");
}

#[test]
fn bad_date_option_is_a_clear_error() {
    let o = factlens(&["annotate", "--date", "2024-02-30", "-"], b"text");
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid document date"));
}

#[test]
fn jsonl_keeps_order_reports_bad_lines_and_goes_on() {
    let input = "{\"id\": \"a\", \"text\": \"Kyiv denied it.\", \"dct\": \"2024-10-01\"}\n\
                 not json\n\
                 \n\
                 {\"id\": 7, \"text\": \"Lukashenko spoke in Minsk.\"}\n\
                 {\"id\": \"x\"}\n";
    let o = factlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(1),
        "a failed line makes the exit status 1"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one answer per input line");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["document_date"], "2024-10-01");
    assert_eq!(lines[0]["schema"], "factlens/1");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["error"], "blank line");
    assert_eq!(lines[3]["id"], 7);
    assert_eq!(lines[4]["line"], 5);
    assert_eq!(lines[4]["id"], "x", "the error carries the input's id");
    assert!(lines[4]["error"].as_str().unwrap().contains("text"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2") && err.contains("line 5"), "{err}");
}

/// On 4e9d6fc a blank line gave no output line, and a line refused for its
/// `dct` (a news corpus's "03-02-2009") came back without its id.
#[test]
fn jsonl_answers_blank_and_broken_lines_one_to_one_with_their_ids() {
    let input = "\n\
                 {\"id\": \"nyt-1\", \"text\": \"Kyiv denied it.\", \"dct\": \"03-02-2009\"}\n\
                 \r\n\
                 {\"id\": 42, \"text\": \"Minsk said so.\", \"dct\": 2009}\n\
                 {\"id\": \"cut\", \"text\": \"Lukashenko spo\n\
                 {\"id\": \"ok\", \"text\": \"Lukashenko spoke in Minsk.\"}\n\
                 \n";
    let o = factlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 7, "{lines:#?}");
    for (i, l) in lines.iter().enumerate() {
        if l.get("error").is_some() {
            assert_eq!(l["line"], i + 1, "{l}");
        }
    }
    assert_eq!(lines[0]["error"], "blank line");
    assert!(lines[0].get("id").is_none());
    assert_eq!(lines[1]["id"], "nyt-1");
    assert!(lines[1]["error"].as_str().unwrap().contains("03-02-2009"));
    assert_eq!(lines[2]["error"], "blank line");
    assert_eq!(lines[3]["id"], 42);
    assert!(lines[3]["error"].as_str().unwrap().contains("dct"));
    assert_eq!(lines[4]["id"], "cut", "a line cut short keeps its id");
    assert_eq!(lines[5]["id"], "ok");
    assert_eq!(lines[5]["schema"], "factlens/1");
    assert_eq!(lines[6]["error"], "blank line");
}

/// On 4e9d6fc a date off the calendar panicked in the date normalizer
/// and the panic ended the batch: the lines after it got no answer.
#[test]
fn jsonl_a_line_that_panics_costs_that_line_not_the_batch() {
    let input =
        "{\"id\": \"far\", \"text\": \"It began 240000 months ago.\", \"dct\": \"2024-10-01\"}\n\
                 {\"id\": \"next\", \"text\": \"Kyiv denied it.\"}\n";
    let o = factlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(lines[0]["id"], "far", "answered, as a document or an error");
    assert_eq!(lines[1]["id"], "next");
    assert_eq!(lines[1]["schema"], "factlens/1");
}

#[test]
fn jsonl_dct_with_a_time_counts_as_its_day() {
    let input = "{\"id\": \"t\", \"text\": \"Kyiv denied it on Friday.\", \"dct\": \"1998-02-13T14:26:00\"}\n\
                 {\"id\": \"u\", \"text\": \"Kyiv denied it.\", \"dct\": \"1998-02-30T14:26:00\"}\n";
    let o = factlens(&["annotate", "--jsonl", "-"], input.as_bytes());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["document_date"], "1998-02-13");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("invalid document date"),
        "{}",
        lines[1]
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "the impossible day is still refused"
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let o = factlens(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/file.txt"));
}

/// `factlens eval figures` and the reference scorer, on the predictions
/// the first writes: every count and figure must agree. The scorer lives
/// outside the repository (`../shared/tools/score.py`); without it or
/// without python3 the test says so and checks only our own run.
#[test]
fn eval_figures_agrees_with_the_reference_scorer() {
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/figures/eval_gold.jsonl"
    );
    let scorer = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    let dir = std::env::temp_dir().join(format!("factlens-eval-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let preds = dir.join("pred.jsonl");
    let preds = preds.to_str().unwrap();
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    for flags in [
        &[][..],
        &["--cardinal-as-quantity"][..],
        &["--skip-nested"][..],
    ] {
        let mut args = vec!["eval", "figures", gold, "--json", "--predictions", preds];
        args.extend_from_slice(flags);
        let o = factlens(&args, b"");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let ours = stdout_json(&o);
        assert!(
            ours["exact"]["micro"]["gold"].as_u64().unwrap() > 0,
            "{ours}"
        );
        if !python || !scorer.exists() {
            eprintln!(
                "skipped the comparison: python3 or {} is missing",
                scorer.display()
            );
            continue;
        }
        let o = Command::new("python3")
            .arg(&scorer)
            .args(["figures", gold, preds, "--json"])
            .args(flags)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let theirs = stdout_json(&o);
        let same = |a: &serde_json::Value, b: &serde_json::Value, what: String| match (
            a.as_f64(),
            b.as_f64(),
        ) {
            (Some(x), Some(y)) => assert!(
                (x - y).abs() < 1e-12,
                "{what} {flags:?}: ours {x}, score.py {y}"
            ),
            _ => assert_eq!(a, b, "{what} {flags:?}"),
        };
        let labels = ["MONEY", "PERCENT", "QUANTITY", "CARDINAL"];
        for block in ["exact", "overlap"] {
            for part in ["micro", "no_cardinal", "untyped"]
                .into_iter()
                .map(|p| (p.to_string(), &ours[block][p], &theirs[block][p]))
                .chain(labels.iter().map(|l| {
                    (
                        l.to_string(),
                        &ours[block]["per_type"][l],
                        &theirs[block]["per_type"][l],
                    )
                }))
            {
                let (name, a, b) = part;
                for (k, l) in [
                    ("tp", "tp"),
                    ("pred", "n_pred"),
                    ("gold", "n_gold"),
                    ("p", "p"),
                    ("r", "r"),
                    ("f1", "f1"),
                ] {
                    same(&a[k], &b[l], format!("{block}.{name}.{k}"));
                }
            }
        }
        assert_eq!(
            ours["value"].is_null(),
            theirs["value"].is_null(),
            "{flags:?}"
        );
        if !theirs["value"].is_null() {
            let parts = ["micro", "no_cardinal"]
                .into_iter()
                .map(|p| (p, &ours["value"][p], &theirs["value"][p]))
                .chain(labels.iter().map(|l| {
                    (
                        *l,
                        &ours["value"]["per_type"][l],
                        &theirs["value"]["per_type"][l],
                    )
                }));
            for (name, a, b) in parts {
                for (k, l) in [
                    ("correct", "correct"),
                    ("matched", "matched"),
                    ("pred", "n_pred"),
                    ("gold", "n_gold"),
                    ("f1", "f1"),
                    ("accuracy", "accuracy"),
                ] {
                    same(&a[k], &b[l], format!("value.{name}.{k}"));
                }
            }
        }
        same(
            &ours["pred_spans_outside_scored_region"],
            &theirs["scored_region"]["pred_spans_outside"],
            "outside".into(),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
