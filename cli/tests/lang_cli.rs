//! `aimskit triage --lang`: the text output in German, French and Italian.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests may panic"
)]

use std::path::PathBuf;
use std::process::Command;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/corpus/triage/systems/exam-proctoring-deployer.toml")
}

fn triage(lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
        .arg("triage")
        .arg(example())
        .args(["--as-of", "2028-09-01", "--lang", lang])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn text_output_follows_the_language() {
    let (code, en, _) = triage("en");
    assert_eq!(code, 0);
    assert!(en.contains("Tier: HIGH RISK"), "{en}");
    assert!(en.contains("not legal advice"));
    for (lang, tier, fria, disclaimer) in [
        (
            "de",
            "Stufe: HOHES RISIKO",
            "Grundrechte-Folgenabschätzung",
            "keine Rechtsberatung",
        ),
        (
            "fr",
            "Niveau: HAUT RISQUE",
            "analyse d'impact sur les droits fondamentaux",
            "pas un conseil juridique",
        ),
        (
            "it",
            "Livello: ALTO RISCHIO",
            "valutazione d'impatto sui diritti fondamentali",
            "non una consulenza legale",
        ),
    ] {
        let (code, out, err) = triage(lang);
        assert_eq!(code, 0, "{lang}: {err}");
        for want in [tier, fria, disclaimer] {
            assert!(out.contains(want), "{lang}: `{want}` missing in\n{out}");
        }
        // Every reason is translated: no English rule sentence is left.
        assert!(!out.contains("you are covered"), "{lang}:\n{out}");
        assert!(!out.contains('{'), "{lang}: unfilled placeholder\n{out}");
    }
}

/// The `YYYY-MM-DD` dates in a text.
fn iso_dates(text: &str) -> Vec<&str> {
    (0..text.len().saturating_sub(9))
        .filter_map(|i| text.get(i..i + 10))
        .filter(|s| s.parse::<aimskit_core::Date>().is_ok())
        .collect()
}

#[test]
fn text_output_writes_dates_in_the_language() {
    let (_, en, _) = triage("en");
    assert!(en.contains("As of: 2028-09-01"), "{en}");
    assert!(en.contains("from 2027-12-02  "), "{en}");
    for (lang, as_of, from, text) in [
        (
            "de",
            "Stand: 1. September 2028",
            "ab 02.12.2027  ",
            "ab 2. Dezember 2027",
        ),
        (
            "fr",
            "1er septembre 2028",
            "dès le 02.12.2027  ",
            "à partir du 2 décembre 2027",
        ),
        (
            "it",
            "1º settembre 2028",
            "dal 02.12.2027  ",
            "dal 2 dicembre 2027",
        ),
    ] {
        let (code, out, err) = triage(lang);
        assert_eq!(code, 0, "{lang}: {err}");
        // The as-of date and reasons in the long form, the obligation list
        // (aligned columns) in the short form, no ISO date left.
        for want in [as_of, from, text] {
            assert!(out.contains(want), "{lang}: `{want}` missing in\n{out}");
        }
        assert_eq!(iso_dates(&out), Vec::<&str>::new(), "{lang}:\n{out}");
    }
}

#[test]
fn unknown_language_is_a_usage_error() {
    let (code, _, err) = triage("es");
    assert_eq!(code, 2);
    assert!(err.contains("`--lang` expects en, de, fr or it"), "{err}");
}

#[test]
fn gap_text_uses_catalogue_texts_in_the_language() {
    let aims =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/corpus/gap/empty/aims.toml");
    let run = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
            .arg("gap")
            .arg(&aims)
            .args(["--as-of", "2027-01-01", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{lang}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run("en").contains("Scope not defined"));
    let it = run("it");
    assert!(it.contains("Campo di applicazione non definito"), "{it}");
    assert!(it.contains("Non conformità:"), "{it}");
    let fr = run("fr");
    assert!(fr.contains("Domaine d'application non défini"), "{fr}");
    // The title's as-of date in the long form (1 January: `1er`, `1º`).
    assert!(run("en").contains(", as of 2027-01-01"));
    assert!(fr.contains("1er janvier 2027"), "{fr}");
    assert!(it.contains("1º gennaio 2027"), "{it}");
    let de = run("de");
    assert!(de.contains("Stand 1. Januar 2027"), "{de}");
    for (lang, out) in [("de", &de), ("fr", &fr), ("it", &it)] {
        assert_eq!(iso_dates(out), Vec::<&str>::new(), "{lang}:\n{out}");
    }
}

#[test]
fn gap_text_findings_and_roadmap_follow_the_language() {
    let run = public_university_gap;
    let en = run("en");
    assert!(
        en.contains("needs a fundamental rights impact assessment"),
        "{en}"
    );
    assert!(en.contains("because: "), "{en}");
    let de = run("de");
    assert!(
        de.contains("braucht eine Grundrechte-Folgenabschätzung"),
        "{de}"
    );
    assert!(
        !de.contains("needs a fundamental rights impact assessment"),
        "{de}"
    );
    assert!(
        !de.contains("is excluded, but the inventory requires it"),
        "{de}"
    );
    let fr = run("fr");
    assert!(
        fr.contains("analyse d'impact sur les droits fondamentaux"),
        "{fr}"
    );
    let it = run("it");
    assert!(
        it.contains("valutazione d'impatto sui diritti fondamentali"),
        "{it}"
    );
    assert!(
        it.contains("Richiesto da") || it.contains("Escluso, ma richiesto da"),
        "{it}"
    );
}

#[test]
fn gap_text_headings_follow_the_language() {
    let run = public_university_gap;
    let english = [
        "Readiness score:",
        "AI system inventory",
        "Statement of Applicability:",
        "Roadmap (",
        "items not met",
        "not legal advice",
    ];
    let en = run("en");
    for h in english {
        assert!(en.contains(h), "en: `{h}` missing in\n{en}");
    }
    for (lang, want) in [
        (
            "de",
            [
                "Reifegrad-Punktzahl:",
                "Erklärung zur Anwendbarkeit:",
                "keine Rechtsberatung",
            ],
        ),
        (
            "fr",
            [
                "Score de préparation :",
                "Déclaration d'applicabilité :",
                "pas un avis juridique",
            ],
        ),
        (
            "it",
            [
                "Punteggio di preparazione:",
                "Dichiarazione di applicabilità:",
                "non una consulenza legale",
            ],
        ),
    ] {
        let out = run(lang);
        for w in want {
            assert!(out.contains(w), "{lang}: `{w}` missing in\n{out}");
        }
        for h in english {
            assert!(!out.contains(h), "{lang}: English `{h}` in\n{out}");
        }
        assert!(!out.contains("{"), "{lang}: unfilled placeholder\n{out}");
    }
}

#[test]
fn needs_review_follows_the_language() {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/corpus/triage/systems/annex-iii-unsure-empty.toml");
    for (lang, want, english) in [
        ("de", "Wenn ", "If "),
        ("fr", "Si ", "If "),
        ("it", "Se ", "If "),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
            .arg("triage")
            .arg(&file)
            .args(["--lang", lang])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let reviews: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("    - ") && l.contains(": "))
            .filter(|l| l.contains('`'))
            .collect();
        assert!(!reviews.is_empty(), "{lang}: no review lines in\n{text}");
        for l in reviews {
            let why = l.split_once(": ").unwrap().1;
            assert!(why.starts_with(want), "{lang}: {l}");
            assert!(
                !why.starts_with(english) && !why.contains('{'),
                "{lang}: {l}"
            );
        }
    }
}

/// `aimskit gap` text output for the public-university corpus case in `lang`.
fn public_university_gap(lang: &str) -> String {
    let aims = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/corpus/gap/public-university/aims.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_aimskit"))
        .arg("gap")
        .arg(&aims)
        .args(["--as-of", "2026-11-29", "--lang", lang])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{lang}");
    String::from_utf8(out.stdout).unwrap()
}
