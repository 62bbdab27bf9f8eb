//! Integration tests of `aimskit triage` through the built binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test and bench code may panic on broken fixtures"
)]

use std::path::PathBuf;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_aimskit"))
}

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/corpus/triage/systems")
        .join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().arg("triage").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aimskit-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn one_file_json_is_the_spec_result() {
    let f = corpus("hr-chatbot.toml");
    let (code, out, _) = run(&[f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "aimskit-triage/1");
    assert_eq!(v["tier"], "limited");
    assert_eq!(v["transparency"], serde_json::json!(["50.1"]));
    assert_eq!(v["as_of"], "2026-11-29");
    for key in [
        "prohibited",
        "high_risk_basis",
        "derogation",
        "gpai",
        "roles",
        "obligations",
        "needs_review",
        "trace",
        "rules_version",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn text_output_for_people() {
    let f = corpus("claims-document-classifier.toml");
    let (code, out, _) = run(&[f.to_str().unwrap()]);
    assert_eq!(code, 0);
    for want in [
        "Tier: MINIMAL RISK",
        "Art. 6(4)",
        "Needs review",
        "profiling",
        "Rules version: 2026.11-omnibus",
        "not legal advice",
    ] {
        assert!(out.contains(want), "missing {want} in\n{out}");
    }
}

#[test]
fn as_of_overrides_the_file() {
    let f = corpus("smart-lift.toml");
    let (_, out, _) = run(&[
        f.to_str().unwrap(),
        "--format=json",
        "--as-of",
        "2028-08-02",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], "2028-08-02");
    let hr16 = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["articles"][0] == "Art. 16")
        .unwrap();
    assert_eq!(hr16["applicable"], true);
}

#[test]
fn directory_is_an_inventory_with_summary() {
    let dir = corpus("");
    let (code, out, _) = run(&[dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "aimskit-inventory/1");
    let results = v["results"].as_array().unwrap();
    let n: u64 = v["summary"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_u64().unwrap())
        .sum();
    assert_eq!(n as usize, results.len());
    assert!(results.len() > 100);
    let files: Vec<&str> = results
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(v["summary"]["prohibited"].as_u64().unwrap() >= 1);
}

#[test]
fn fail_on_review_gate() {
    let clean = corpus("translation-tool.toml");
    assert_eq!(run(&[clean.to_str().unwrap(), "--fail-on-review"]).0, 0);
    let review = corpus("claims-document-classifier.toml");
    assert_eq!(run(&[review.to_str().unwrap()]).0, 0);
    assert_eq!(run(&[review.to_str().unwrap(), "--fail-on-review"]).0, 1);
    let prohibited = corpus("classroom-emotion.toml");
    assert_eq!(
        run(&[
            clean.to_str().unwrap(),
            prohibited.to_str().unwrap(),
            "--fail-on-review"
        ])
        .0,
        1
    );
}

#[test]
fn bad_input_exits_2_with_file_field_expectation_and_hint() {
    let f = tmp(
        "bad.toml",
        "format = \"aimskit-system/1\"\nname = \"x\"\nannex_iii = [\"4.z\"]\n",
    );
    let (code, out, err) = run(&[f.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "no partial result: {out}");
    assert!(
        err.contains("bad.toml")
            && err.contains("annex_iii[0]")
            && err.contains("expected")
            && err.contains("did you mean `4.a`"),
        "{err}"
    );
    let f = tmp(
        "bad.json",
        "{\"format\": \"aimskit-system/1\", \"name\": \"x\", \"profilling\": true}",
    );
    let (code, _, err) = run(&[f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `profiling`"), "{err}");
    // one bad file in an inventory: nothing printed as if complete
    let good = corpus("hr-chatbot.toml");
    let (code, out, _) = run(&[good.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[]).0, 2);
    let f = corpus("hr-chatbot.toml");
    assert_eq!(run(&[f.to_str().unwrap(), "--format", "xml"]).0, 2);
    assert_eq!(run(&[f.to_str().unwrap(), "--as-of", "tomorrow"]).0, 2);
    let (code, _, err) = run(&[f.to_str().unwrap(), "--fail-on-reveiw"]);
    assert_eq!(code, 2);
    assert!(err.contains("--fail-on-review"), "{err}");
    assert_eq!(run(&["/nonexistent/system.toml"]).0, 2);
}
