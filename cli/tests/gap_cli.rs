//! `aimskit gap` end to end, through the built binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/corpus/gap")
        .join(rel)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aimskit"))
        .arg("gap")
        .args(args)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A scratch directory for one test (under the target dir, no temp crate needed).
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("gap-cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("systems")).unwrap();
    d
}

const AIMS: &str = "format = \"aimskit-aims/1\"\norganisation = \"T\"\nscope = \"all\"\n";

#[test]
fn json_follows_the_spec_and_matches_the_corpus() {
    let out = run(&[
        corpus("public-university/aims.toml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "aimskit-gap/1");
    assert_eq!(v["score"], 92.7);
    assert_eq!(v["as_of"], "2026-11-29"); // from the AIMS file
    assert_eq!(v["soa"].as_array().unwrap().len(), 38);
    let nc = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["ref"] == "A.5.2" && f["severity"] == "nonconformity")
        .unwrap();
    assert!(
        nc["message"]
            .as_str()
            .unwrap()
            .contains("Online exam proctoring at a public university")
    );
    assert!(nc["citation"].as_str().unwrap().contains("Art. 27"));
}

#[test]
fn text_output_is_for_people() {
    let out = run(&[corpus("public-university/aims.toml").to_str().unwrap()]);
    assert!(out.status.success());
    let s = text(&out.stdout);
    for want in [
        "Readiness score: 92.7 / 100",
        "PDCA: plan",
        "nonconformity:",
        "Treating the 42001 certificate as AI Act conformity (certificate_as_ai_act_conformity)",
        "What to do:",
        "Statement of Applicability: 23 applicable, 15 excluded",
        "<-- contradiction",
        "Roadmap (",
        "not legal advice",
    ] {
        assert!(s.contains(want), "missing {want:?} in:\n{s}");
    }
}

#[test]
fn as_of_option_overrides_the_file() {
    let out = run(&[
        corpus("public-university/aims.toml").to_str().unwrap(),
        "--format=json",
        "--as-of",
        "2028-01-15",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["as_of"], "2028-01-15");
    assert_eq!(v["roadmap"][0]["priority"], "critical");
}

#[test]
fn json_aims_with_inline_system() {
    let out = run(&[
        corpus("insurer-json/aims.json").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pitfalls"], serde_json::json!(["impact_as_dpia_only"]));
}

fn bad(dir: &Path, aims: &str, expect: &[&str]) {
    let file = dir.join("aims.toml");
    std::fs::write(&file, aims).unwrap();
    let out = run(&[file.to_str().unwrap(), "--as-of", "2026-11-29"]);
    assert_eq!(out.status.code(), Some(2), "stdout: {}", text(&out.stdout));
    assert!(out.stdout.is_empty(), "no partial result on bad input");
    let err = text(&out.stderr);
    for e in expect {
        assert!(err.contains(e), "stderr lacks {e:?}: {err}");
    }
}

#[test]
fn bad_input_exits_2_with_file_field_and_expectation() {
    let d = scratch("bad");
    bad(
        &d,
        &format!("{AIMS}[clauses.\"8.4\"]\napplicable = false\n"),
        &[
            "aims.toml",
            "clauses.\"8.4\".applicable",
            "cannot be excluded",
        ],
    );
    bad(
        &d,
        &format!("{AIMS}[controls.\"A.5.1\"]\napplicable = true\n"),
        &["controls.\"A.5.1\"", "did you mean `A.5.2`"],
    );
    bad(
        &d,
        &format!("{AIMS}[clauses.\"4.1\"]\nmaturity = 9\n"),
        &["clauses.\"4.1\".maturity", "0 to 5", "`9`"],
    );
    bad(
        &d,
        &format!("{AIMS}systems = [\"systems/missing.toml\"]\n"),
        &["missing.toml", "readable"],
    );
    std::fs::write(
        d.join("systems/bad.toml"),
        "format = \"aimskit-system/1\"\nname = \"S\"\nannex_iii = [\"4.z\"]\n",
    )
    .unwrap();
    bad(
        &d,
        &format!("{AIMS}systems = [\"systems/bad.toml\"]\n"),
        &["bad.toml", "annex_iii[0]", "did you mean `4.a`"],
    );
    std::fs::write(
        d.join("systems/risk.toml"),
        "format = \"aimskit-system/1\"\nname = \"S\"\n[[impact.risks]]\nharm = \"h\"\nlikelihood = 6\nseverity = 2\n",
    )
    .unwrap();
    bad(
        &d,
        &format!("{AIMS}systems = [\"systems/risk.toml\"]\n"),
        &["risk.toml", "impact.risks[0].likelihood", "1 to 5"],
    );
    std::fs::write(
        d.join("systems/right.toml"),
        "format = \"aimskit-system/1\"\nname = \"S\"\n[[impact.risks]]\nharm = \"h\"\nright = \"privacyy\"\nlikelihood = 2\nseverity = 2\n",
    )
    .unwrap();
    bad(
        &d,
        &format!("{AIMS}systems = [\"systems/right.toml\"]\n"),
        &[
            "right.toml",
            "impact.risks[0].right",
            "did you mean `privacy`",
        ],
    );
    bad(
        &d,
        "format = \"aimskit-aims/1\"\norganisation = ",
        &["aims.toml", "valid TOML"],
    );
}

#[test]
fn json_system_files_are_read_by_extension() {
    let d = scratch("json-system");
    std::fs::write(
        d.join("systems/chat.json"),
        r#"{"format": "aimskit-system/1", "name": "Chat", "roles": ["deployer"], "established_in_eu": true, "art50": ["50.1"]}"#,
    )
    .unwrap();
    let file = d.join("aims.toml");
    std::fs::write(&file, format!("{AIMS}systems = [\"systems/chat.json\"]\n")).unwrap();
    let out = run(&[
        file.to_str().unwrap(),
        "--format",
        "json",
        "--as-of",
        "2026-11-29",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["systems"][0]["name"], "Chat");
    assert_eq!(v["systems"][0]["triage"]["tier"], "limited");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["a.toml", "b.toml"],
        &["a.toml", "--format", "xml"],
        &["a.toml", "--as-of", "tomorrow"],
        &["a.toml", "--fromat", "json"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("aimskit gap:"));
    }
    let out = run(&["a.toml", "--fromat", "json"]);
    assert!(text(&out.stderr).contains("did you mean `--format`"));
}

#[test]
fn text_output_shows_the_42001_impact_assessment_status() {
    // The corpus worksheet fills Art. 27(1) but not the 42001 elements
    // (societal impacts, foreseeable misuse).
    let src = corpus("hr-tech-provider");
    let line = |dir: &Path| {
        let out = run(&[dir.join("aims.toml").to_str().unwrap()]);
        assert!(out.status.success());
        let s = text(&out.stdout);
        s.lines()
            .find(|l| l.contains("Applicant ranking assistant:"))
            .unwrap_or_else(|| panic!("no inventory line in:\n{s}"))
            .to_owned()
    };
    assert!(
        line(&src).ends_with("ISO/IEC 42001 impact assessment (6.1.4, A.5): INCOMPLETE"),
        "{}",
        line(&src)
    );
    let d = scratch("iso-impact");
    std::fs::copy(src.join("aims.toml"), d.join("aims.toml")).unwrap();
    let sys = std::fs::read_to_string(src.join("systems/applicant-ranking.toml")).unwrap();
    let filled = sys.replacen(
        "[impact]\n",
        "[impact]\nsocietal_impacts = \"Fewer older people hired across the sector\"\n\
         foreseeable_misuse = \"Ranking used to reject without review\"\n",
        1,
    );
    assert_ne!(filled, sys);
    std::fs::write(d.join("systems/applicant-ranking.toml"), filled).unwrap();
    assert!(
        line(&d).ends_with("ISO/IEC 42001 impact assessment (6.1.4, A.5): complete"),
        "{}",
        line(&d)
    );
}
