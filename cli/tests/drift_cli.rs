//! `aimskit triage --baseline PREVIOUS.json [--fail-on-drift]` through the
//! built binary: baselines are written by the CLI itself.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

const CV: &str = r#"format = "aimskit-system/1"
name = "CV screener"
roles = ["deployer"]
established_in_eu = true
annex_iii = ["4.a"]
first_placed_on_market = "2028-01-01"
"#;

const CHATBOT: &str = r#"format = "aimskit-system/1"
name = "HR chatbot"
roles = ["deployer"]
established_in_eu = true
art50 = ["50.1"]
"#;

const TRANSLATOR: &str = r#"format = "aimskit-system/1"
name = "Translator"
roles = ["deployer"]
established_in_eu = true
"#;

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
        .current_dir(dir)
        .arg("triage")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A fresh directory with `systems/` holding the given files.
fn repo(test: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("aimskit-drift-test-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("systems")).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join("systems").join(name), text).unwrap();
    }
    dir
}

/// Writes `aimskit triage ARGS --format json` to `baseline.json`.
fn baseline(dir: &Path, args: &[&str]) {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (code, out, err) = run_in(dir, &a);
    assert_eq!(code, 0, "{err}");
    std::fs::write(dir.join("baseline.json"), out).unwrap();
}

/// The arguments that evaluate TARGET on DATE against `baseline.json`.
fn against_baseline<'a>(target: &'a str, date: &'a str) -> [&'a str; 5] {
    [target, "--as-of", date, "--baseline", "baseline.json"]
}

fn json_of(out: &str) -> Value {
    serde_json::from_str(out).unwrap()
}

#[test]
fn no_change_exits_0_even_with_fail_on_drift() {
    let dir = repo("same", &[("cv.toml", CV), ("chat.toml", CHATBOT)]);
    baseline(&dir, &["systems", "--as-of", "2026-11-29"]);
    let (code, out, _) = run_in(
        &dir,
        &[
            &against_baseline("systems", "2026-11-29")[..],
            &["--fail-on-drift", "--format", "json"],
        ]
        .concat(),
    );
    assert_eq!(code, 0);
    let v = json_of(&out);
    assert_eq!(
        v["drift"],
        json!({"baseline": "baseline.json", "changed": false, "added": [], "removed": [],
               "systems": [], "unchanged": 2})
    );
    // The existing output is unchanged: the same as the baseline plus `drift`.
    let mut without = v.clone();
    without.as_object_mut().unwrap().remove("drift");
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(without, base);
    // Text, and "./systems" is the same directory as "systems".
    let (code, out, _) = run_in(
        &dir,
        &[
            "./systems",
            "--as-of",
            "2026-11-29",
            "--baseline=baseline.json",
            "--fail-on-drift",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("No changes since the baseline baseline.json"),
        "{out}"
    );
}

#[test]
fn without_baseline_there_is_no_drift_member() {
    let dir = repo("plain", &[("cv.toml", CV)]);
    let (code, out, _) = run_in(
        &dir,
        &["systems/cv.toml", "--as-of", "2026-11-29", "--format=json"],
    );
    assert_eq!(code, 0);
    assert!(json_of(&out).get("drift").is_none());
    // --fail-on-drift alone is a usage error.
    let (code, _, err) = run_in(&dir, &["systems/cv.toml", "--fail-on-drift"]);
    assert_eq!(code, 2);
    assert!(err.contains("--baseline"), "{err}");
}

#[test]
fn rules_version_change_is_reported_for_every_system() {
    let dir = repo("rules", &[("cv.toml", CV), ("chat.toml", CHATBOT)]);
    baseline(&dir, &["systems", "--as-of", "2026-11-29"]);
    let path = dir.join("baseline.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let current = v["results"][0]["rules_version"]
        .as_str()
        .unwrap()
        .to_owned();
    for r in v["results"].as_array_mut().unwrap() {
        r["rules_version"] = json!("2025.01-old");
    }
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let args = against_baseline("systems", "2026-11-29");
    let (code, out, _) = run_in(&dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "drift alone does not fail without --fail-on-drift");
    let d = &json_of(&out)["drift"];
    assert_eq!(d["changed"], true);
    let systems = d["systems"].as_array().unwrap();
    assert_eq!(systems.len(), 2);
    for s in systems {
        assert_eq!(
            s["changes"],
            json!([{"change": "rules_version", "from": "2025.01-old", "to": current}]),
            "{s}"
        );
    }
    let (code, out, err) = run_in(&dir, &[&args[..], &["--fail-on-drift"]].concat());
    assert_eq!(code, 1);
    assert!(err.contains("--fail-on-drift"), "{err}");
    assert!(
        out.contains(&format!("Rules version: 2025.01-old -> {current}")),
        "{out}"
    );
    let (_, out, _) = run_in(&dir, &[&args[..], &["--lang", "it"]].concat());
    assert!(
        out.contains("Modifiche rispetto al riferimento baseline.json"),
        "{out}"
    );
}

#[test]
fn obligations_become_applicable_as_time_passes() {
    let dir = repo("time", &[("cv.toml", CV)]);
    // A single-file baseline (an aimskit-triage/1 result) from an earlier day.
    baseline(&dir, &["systems/cv.toml", "--as-of", "2026-11-29"]);
    let args = against_baseline("systems/cv.toml", "2028-01-01");
    let (code, out, _) = run_in(&dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let v = json_of(&out);
    assert_eq!(v["as_of"], "2028-01-01", "the new run uses --as-of");
    let d = &v["drift"];
    assert_eq!(d["systems"][0]["file"], "systems/cv.toml");
    let changes = d["systems"][0]["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    // Only applicability changed, each at its applies_from.
    for c in changes {
        assert_eq!(c["change"], "became_applicable", "{c}");
        assert_eq!(c["applies_from"], "2027-12-02", "{c}");
        assert_eq!(c["applicable"], true);
    }
    let use_ = changes
        .iter()
        .find(|c| c["id"] == "hr.deployer_use")
        .expect("Art. 26(1) became applicable");
    assert_eq!(use_["role"], "deployer");
    assert_eq!(use_["articles"], json!(["Art. 26(1)"]));
    let (code, out, _) = run_in(&dir, &[&args[..], &["--fail-on-drift"]].concat());
    assert_eq!(code, 1);
    assert!(
        out.contains("Now applies: Art. 26(1) (deployer), since 2027-12-02"),
        "{out}"
    );
    let (_, out, _) = run_in(&dir, &[&args[..], &["--lang", "de"]].concat());
    assert!(
        out.contains("Gilt jetzt: Art. 26(1) (Betreiber), seit 2. Dezember 2027"),
        "{out}"
    );
    // The same day again: nothing changed.
    let (code, _, _) = run_in(
        &dir,
        &[
            &against_baseline("systems/cv.toml", "2026-11-29")[..],
            &["--fail-on-drift"],
        ]
        .concat(),
    );
    assert_eq!(code, 0);
}

#[test]
fn an_edited_system_file_changes_the_tier() {
    let dir = repo("edit", &[("cv.toml", CV), ("chat.toml", CHATBOT)]);
    baseline(&dir, &["systems", "--as-of", "2028-01-01"]);
    // The CV screener is no longer used for recruitment: only a chatbot.
    let edited = CV.replace("annex_iii = [\"4.a\"]", "art50 = [\"50.1\"]");
    std::fs::write(dir.join("systems/cv.toml"), edited).unwrap();
    let args = against_baseline("systems", "2028-01-01");
    let (code, out, _) = run_in(&dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let d = &json_of(&out)["drift"];
    assert_eq!(d["unchanged"], 1);
    let s = &d["systems"][0];
    assert_eq!(s["file"], "systems/cv.toml");
    let changes = s["changes"].as_array().unwrap();
    assert_eq!(
        changes[0],
        json!({"change": "tier", "from": "high_risk", "to": "limited"})
    );
    assert_eq!(
        changes[1],
        json!({"change": "high_risk_basis", "added": [], "removed": ["annex_iii:4.a"]})
    );
    assert!(changes.contains(&json!({"change": "transparency", "added": ["50.1"], "removed": []})));
    assert!(
        changes
            .iter()
            .any(|c| c["change"] == "obligation_removed" && c["id"] == "hr.deployer_use")
    );
    let (code, out, _) = run_in(&dir, &[&args[..], &["--fail-on-drift"]].concat());
    assert_eq!(code, 1);
    for want in [
        "Tier: HIGH RISK -> LIMITED RISK (transparency)",
        "High-risk basis, removed: annex_iii:4.a",
        "Obligation dropped: Art. 26(1) (deployer)",
        "Systems without changes: 1",
    ] {
        assert!(out.contains(want), "missing {want} in\n{out}");
    }
    let (_, out, _) = run_in(&dir, &[&args[..], &["--lang", "fr"]].concat());
    assert!(out.contains("Changements depuis la référence"), "{out}");
}

#[test]
fn systems_added_and_removed() {
    let dir = repo("inv", &[("cv.toml", CV), ("chat.toml", CHATBOT)]);
    baseline(&dir, &["systems", "--as-of", "2026-11-29"]);
    std::fs::remove_file(dir.join("systems/cv.toml")).unwrap();
    std::fs::write(dir.join("systems/translator.toml"), TRANSLATOR).unwrap();
    let args = against_baseline("systems", "2026-11-29");
    let (code, out, _) = run_in(&dir, &[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let d = &json_of(&out)["drift"];
    assert_eq!(
        d["added"],
        json!([{"file": "systems/translator.toml", "name": "Translator"}])
    );
    assert_eq!(
        d["removed"],
        json!([{"file": "systems/cv.toml", "name": "CV screener"}])
    );
    assert_eq!(d["systems"], json!([]));
    assert_eq!(d["unchanged"], 1);
    let (code, out, _) = run_in(&dir, &[&args[..], &["--fail-on-drift"]].concat());
    assert_eq!(code, 1);
    assert!(
        out.contains("New system: Translator (systems/translator.toml)"),
        "{out}"
    );
    assert!(
        out.contains("System no longer in the run: CV screener (systems/cv.toml)"),
        "{out}"
    );
    // A moved file is matched by its name.
    std::fs::create_dir_all(dir.join("moved")).unwrap();
    std::fs::rename(dir.join("systems/chat.toml"), dir.join("moved/chat.toml")).unwrap();
    let (_, out, _) = run_in(
        &dir,
        &[
            "moved/chat.toml",
            "systems/translator.toml",
            "--as-of",
            "2026-11-29",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    let d = &json_of(&out)["drift"];
    assert_eq!(d["unchanged"], 1, "{d}");
    assert_eq!(d["removed"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_baselines_exit_2_naming_file_and_field() {
    let dir = repo("bad", &[("cv.toml", CV)]);
    let run = |baseline_text: Option<&str>| {
        if let Some(t) = baseline_text {
            std::fs::write(dir.join("prev.json"), t).unwrap();
        }
        run_in(
            &dir,
            &[
                "systems",
                "--as-of",
                "2026-11-29",
                "--baseline",
                "prev.json",
            ],
        )
    };
    // Missing file.
    let (code, out, err) = run(None);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("prev.json") && err.contains("baseline"),
        "{err}"
    );
    // Not JSON.
    let (code, _, err) = run(Some("format = \"aimskit-system/1\"\n"));
    assert_eq!(code, 2);
    assert!(err.contains("prev.json: expected the JSON output"), "{err}");
    // Another format: a gap result or a system file in JSON.
    let (code, _, err) = run(Some(r#"{"format": "aimskit-gap/1"}"#));
    assert_eq!(code, 2);
    assert!(
        err.contains("prev.json: field `format`") && err.contains("`aimskit-gap/1`"),
        "{err}"
    );
    // An inventory whose result lacks a field, or has a bad value.
    let (_, full, _) = run_in(
        &dir,
        &[
            "systems",
            "systems",
            "--as-of",
            "2026-11-29",
            "--format=json",
        ],
    );
    let mut v = json_of(&full);
    v["results"][1].as_object_mut().unwrap().remove("tier");
    let (code, _, err) = run(Some(&v.to_string()));
    assert_eq!(code, 2);
    assert!(
        err.contains("prev.json: field `results[1].tier`: expected"),
        "{err}"
    );
    let mut v = json_of(&full);
    v["results"][0]["obligations"][0]["applies_from"] = json!("soon");
    let (code, _, err) = run(Some(&v.to_string()));
    assert_eq!(code, 2);
    assert!(err.contains("field `results[0].obligations[0]`"), "{err}");
    // A directory.
    std::fs::remove_file(dir.join("prev.json")).unwrap();
    std::fs::create_dir_all(dir.join("prev.json")).unwrap();
    let (code, _, err) = run(None);
    assert_eq!(code, 2);
    assert!(err.contains("prev.json"), "{err}");
}
