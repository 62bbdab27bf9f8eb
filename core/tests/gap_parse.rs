//! AIMS file parsing: bad input gives precise errors, good input round-trips.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

mod gap_support;

use aimskit_core::InputErrorKind as K;
use aimskit_core::aims::{SystemRef, aims_to_json, aims_to_toml, parse_aims};
use aimskit_core::system::SourceFormat;

const HEAD: &str = "format = \"aimskit-aims/1\"\norganisation = \"X\"\n";

fn err(body: &str) -> aimskit_core::InputError {
    parse_aims(&format!("{HEAD}{body}"), SourceFormat::Toml).unwrap_err()
}

#[test]
fn clause_marked_not_applicable_is_invalid() {
    let e = err("[clauses.\"6.1.4\"]\napplicable = false\n");
    assert_eq!(e.kind, K::Invalid);
    assert_eq!(e.field, "clauses.\"6.1.4\".applicable");
    assert!(e.to_string().contains("cannot be excluded"), "{e}");
    // `applicable = true` on a clause is harmless.
    assert!(
        parse_aims(
            &format!("{HEAD}[clauses.\"6.1.4\"]\napplicable = true\n"),
            SourceFormat::Toml
        )
        .is_ok()
    );
}

#[test]
fn unknown_ids_get_did_you_mean() {
    let e = err("[clauses.\"6.1.5\"]\nmaturity = 2\n");
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::UnknownId, "clauses.\"6.1.5\"")
    );
    assert!(e.did_you_mean.is_some());
    let e = err("[controls.\"A.5.1\"]\napplicable = true\n");
    assert_eq!(e.kind, K::UnknownId);
    assert_eq!(e.did_you_mean.as_deref(), Some("A.5.2"));
    let e = err("[controls.\"A.7.44\"]\napplicable = true\n");
    assert_eq!(e.did_you_mean.as_deref(), Some("A.7.4"));
    // A control under [clauses] points to the right table.
    let e = err("[clauses.\"A.5.2\"]\nmaturity = 1\n");
    assert_eq!(e.did_you_mean.as_deref(), Some("[controls.\"A.5.2\"]"));
    let e = err("certifications = [\"iso-27001\"]\n");
    assert_eq!(
        (e.kind, e.did_you_mean.as_deref()),
        (K::UnknownId, Some("iso27001"))
    );
}

#[test]
fn unknown_fields_get_did_you_mean() {
    let e = err("organization = \"Y\"\n");
    assert_eq!(
        (e.kind, e.did_you_mean.as_deref()),
        (K::UnknownField, Some("organisation"))
    );
    let e = err("[clauses.\"4.1\"]\nmaturiy = 2\n");
    assert_eq!(
        (e.field.as_str(), e.did_you_mean.as_deref()),
        ("clauses.\"4.1\".maturiy", Some("maturity"))
    );
    let e = err("[controls.\"A.2.2\"]\njustifcation = \"x\"\n");
    assert_eq!(e.did_you_mean.as_deref(), Some("justification"));
}

#[test]
fn maturity_out_of_range_and_wrong_types() {
    let e = err("[clauses.\"4.1\"]\nmaturity = 6\n");
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::OutOfRange, "clauses.\"4.1\".maturity")
    );
    assert!(e.expected.contains("0 to 5"));
    assert_eq!(
        err("[controls.\"A.2.2\"]\nmaturity = -1\n").kind,
        K::OutOfRange
    );
    assert_eq!(
        err("[clauses.\"4.1\"]\nmaturity = \"3\"\n").kind,
        K::WrongType
    );
    assert_eq!(
        err("[clauses.\"4.1\"]\nmaturity = 2.5\n").kind,
        K::WrongType
    );
    assert_eq!(
        err("[clauses.\"4.1\"]\nevidence = \"doc\"\n").kind,
        K::WrongType
    );
    assert_eq!(
        err("[clauses.\"4.1\"]\ndue = \"2027-02-30\"\n").kind,
        K::Date
    );
    assert_eq!(
        err("relies_on_certificate_for_ai_act = \"yes\"\n").kind,
        K::WrongType
    );
    assert_eq!(err("systems = [3]\n").kind, K::WrongType);
}

#[test]
fn format_errors() {
    let e = parse_aims("organisation = \"X\"\n", SourceFormat::Toml).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (K::Format, "format"));
    let e = parse_aims(
        "format = \"aimskit-system/1\"\nname = \"x\"\n",
        SourceFormat::Toml,
    )
    .unwrap_err();
    assert_eq!(e.kind, K::Format);
    assert!(e.expected.contains("system file"));
    assert_eq!(
        parse_aims("format = \"aimskit-aims/2\"\n", SourceFormat::Toml)
            .unwrap_err()
            .kind,
        K::Format
    );
    assert_eq!(
        parse_aims("format = ", SourceFormat::Toml)
            .unwrap_err()
            .kind,
        K::Syntax
    );
    assert_eq!(
        parse_aims("{\"format\": ", SourceFormat::Json)
            .unwrap_err()
            .kind,
        K::Syntax
    );
    assert_eq!(
        parse_aims("[1, 2]", SourceFormat::Json).unwrap_err().kind,
        K::WrongType
    );
    // TOML given as JSON and the other way round.
    assert_eq!(
        parse_aims(HEAD, SourceFormat::Json).unwrap_err().kind,
        K::Syntax
    );
}

#[test]
fn integrated_with_must_be_certified() {
    let e = err("certifications = [\"iso9001\"]\nintegrated_with = [\"iso27001\"]\n");
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::Invalid, "integrated_with[0]")
    );
}

#[test]
fn inline_systems_are_validated_with_paths() {
    let e =
        err("systems = [{ format = \"aimskit-system/1\", name = \"S\", annex_iii = [\"4.z\"] }]\n");
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::UnknownId, "systems[0].annex_iii[0]")
    );
    let e = err(
        "systems = [{ format = \"aimskit-system/1\", name = \"S\", impact = { risks = [{ harm = \"h\", likelihood = 7, severity = 2 }] } }]\n",
    );
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::OutOfRange, "systems[0].impact.risks[0].likelihood")
    );
    let e = err(
        "systems = [{ format = \"aimskit-system/1\", name = \"S\", impact = { risks = [{ harm = \"h\", right = \"non_discrimnation\", likelihood = 2, severity = 2 }] } }]\n",
    );
    assert_eq!(
        (e.field.as_str(), e.did_you_mean.as_deref()),
        (
            "systems[0].impact.risks[0].right",
            Some("non_discrimination")
        )
    );
}

#[test]
fn size_and_depth_guards() {
    let big = format!("{HEAD}note = \"{}\"\n", "x".repeat(2 << 20));
    assert_eq!(
        parse_aims(&big, SourceFormat::Toml).unwrap_err().kind,
        K::TooLarge
    );
    let deep = format!(
        "{{\"format\": \"aimskit-aims/1\", \"x\": {}1{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(
        parse_aims(&deep, SourceFormat::Json).unwrap_err().kind,
        K::TooLarge
    );
    let deep_toml = format!("{HEAD}x = {}1{}\n", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(
        parse_aims(&deep_toml, SourceFormat::Toml).unwrap_err().kind,
        K::TooLarge
    );
}

#[test]
fn unquoted_dotted_ids_are_understood() {
    let a = parse_aims(&format!("{HEAD}[clauses.6.1.2]\nmaturity = 3\n[controls.A.7.5]\napplicable = false\njustification = \"none\"\n"), SourceFormat::Toml).unwrap();
    assert_eq!(a.clauses["6.1.2"].maturity, Some(3));
    assert!(!a.controls["A.7.5"].applicable);
}

#[test]
fn corpus_files_round_trip_through_toml_and_json() {
    for case in [
        "public-university/aims.toml",
        "hr-tech-provider/aims.toml",
        "insurer-json/aims.json",
        "empty/aims.toml",
        "template-only/aims.toml",
        "bank-fria/aims.toml",
    ] {
        let (aims, _) = gap_support::load(&gap_support::corpus_dir().join(case)).unwrap();
        let t = aims_to_toml(&aims);
        assert_eq!(
            parse_aims(&t, SourceFormat::Toml).unwrap(),
            aims,
            "{case} via TOML:\n{t}"
        );
        let j = aims_to_json(&aims);
        assert_eq!(
            parse_aims(&j, SourceFormat::Json).unwrap(),
            aims,
            "{case} via JSON"
        );
    }
    let (aims, _) =
        gap_support::load(&gap_support::corpus_dir().join("insurer-json/aims.json")).unwrap();
    assert!(
        matches!(&aims.systems[0], SystemRef::Inline(s) if s.name == "Health insurance premium model")
    );
    // The optional Art. 27(3) notification date survives both syntaxes.
    let (aims, _) =
        gap_support::load(&gap_support::corpus_dir().join("bank-fria/aims.toml")).unwrap();
    let notified = |a: &aimskit_core::aims::AimsFile| match &a.systems[1] {
        SystemRef::Inline(s) => s.impact.as_ref().and_then(|w| w.notified),
        SystemRef::Path(_) => None,
    };
    assert_eq!(notified(&aims), Some(gap_support::date("2028-01-10")));
    let again = parse_aims(&aims_to_json(&aims), SourceFormat::Json).unwrap();
    assert_eq!(notified(&again), notified(&aims));
}

#[test]
fn an_id_given_twice_is_an_error_not_a_silent_choice() {
    // `"6.1.2"` and `6.1.2` are different keys to TOML; both name 6.1.2.
    let e = err(
        "[clauses.\"6.1.2\"]\nmaturity = 5\nevidence = [\"x\"]\n[clauses.6.1.2]\nmaturity = 0\n",
    );
    assert_eq!(e.kind, K::Invalid);
    assert_eq!(e.field, "clauses.\"6.1.2\"");
    let json = r#"{"format":"aimskit-aims/1","organisation":"X","controls":{"A.5.2":{"applicable":false},"A":{"5":{"2":{"applicable":true}}}}}"#;
    let e = parse_aims(json, SourceFormat::Json).unwrap_err();
    assert_eq!(
        (e.kind, e.field.as_str()),
        (K::Invalid, "controls.\"A.5.2\"")
    );
}

#[test]
fn a_bad_notification_date_names_its_field() {
    let e = err(
        "[[systems]]\nformat = \"aimskit-system/1\"\nname = \"S\"\n[systems.impact]\nnotified = \"2027-13-01\"\n",
    );
    assert_eq!(e.kind, K::Date);
    assert_eq!(e.field, "systems[0].impact.notified");
}

#[test]
fn left_out_control_fields_mean_applicable() {
    let a = parse_aims(
        &format!("{HEAD}[controls.\"A.2.2\"]\nmaturity = 2\n"),
        SourceFormat::Toml,
    )
    .unwrap();
    assert!(a.controls["A.2.2"].applicable);
}
