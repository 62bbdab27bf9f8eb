//! Bad input is refused with a message that says what is wrong and where,
//! never a panic or a stack overflow (issue 8, "Bad input: nothing lost").
//! Covers system and AIMS files in TOML and JSON: deep nesting, wrong types,
//! unknown or future format versions, syntax errors with line/column, the
//! 1 MiB size cap, and the released-format fixtures in `tests/fixtures/v1/`.
//! (Invalid UTF-8 cannot reach core, which takes `&str`: the CLI and the web
//! layer refuse it; see `cli/tests/bad_input_cli.rs` and the browser tests.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use std::path::{Path, PathBuf};

use aimskit_core::aims::{SystemRef, parse_aims};
use aimskit_core::system::{MAX_INPUT_BYTES, SourceFormat, parse_system};
use aimskit_core::{Date, InputError, InputErrorKind as K};

const SYS: &str = "format = \"aimskit-system/1\"\nname = \"X\"\n";
const AIMS: &str = "format = \"aimskit-aims/1\"\norganisation = \"X\"\n";

fn sys_err(text: &str, fmt: SourceFormat) -> InputError {
    parse_system(text, fmt).expect_err("must be refused")
}

fn aims_err(text: &str, fmt: SourceFormat) -> InputError {
    parse_aims(text, fmt).expect_err("must be refused")
}

/// Runs `f` on a thread with a small (256 KiB) stack, so a recursive parser
/// without a depth guard would overflow here and fail the test.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn deep_nesting_is_refused_without_stack_overflow() {
    let n = 10_000;
    let toml_arr = format!("{SYS}x = {}1{}\n", "[".repeat(n), "]".repeat(n));
    let toml_inline = format!("{SYS}x = {}{}\n", "{a = ".repeat(n), "}".repeat(n));
    let json_arr = format!(
        "{{\"format\":\"aimskit-system/1\",\"name\":\"X\",\"x\":{}1{}}}",
        "[".repeat(n),
        "]".repeat(n)
    );
    let json_obj = format!(
        "{{\"format\":\"aimskit-system/1\",\"name\":\"X\",\"x\":{}1{}}}",
        "{\"a\":".repeat(n),
        "}".repeat(n)
    );
    // Dotted keys and table headers nest without brackets (each part opens
    // a table): 79-part keys in 24 inline tables once overflowed the stack.
    let key = vec!["a"; 79].join(".");
    let toml_dotted = format!(
        "{SYS}x = {}1{}\n",
        format!("{{{key} = ").repeat(24),
        "}".repeat(24)
    );
    let toml_header = format!("{SYS}[{}]\nb = 1\n", vec!["a"; 40].join("."));
    let cases = [
        (toml_arr, SourceFormat::Toml),
        (toml_inline, SourceFormat::Toml),
        (toml_dotted, SourceFormat::Toml),
        (toml_header, SourceFormat::Toml),
        (json_arr, SourceFormat::Json),
        (json_obj, SourceFormat::Json),
    ];
    for (text, fmt) in cases {
        let aims_text = text.replacen("aimskit-system/1", "aimskit-aims/1", 1);
        let (s, a) = small_stack(move || {
            (
                parse_system(&text, fmt).map(|_| ()),
                parse_aims(&aims_text, fmt).map(|_| ()),
            )
        });
        for e in [s.unwrap_err(), a.unwrap_err()] {
            assert!(
                matches!(e.kind, K::TooLarge | K::Syntax),
                "{fmt:?}: {:?} {e}",
                e.kind
            );
            assert!(e.to_string().contains("nested"), "says why: {e}");
        }
    }
    // The deepest input the guard lets through parses on the small stack
    // (refused for its unknown field, not by the guard or an overflow).
    let limit = aimskit_core::system::MAX_DEPTH;
    let deepest = format!(
        "{SYS}x = {}1{}\n",
        "{a.a.a = ".repeat(limit / 4),
        "}".repeat(limit / 4)
    );
    let e = small_stack(move || parse_system(&deepest, SourceFormat::Toml).map(|_| ()));
    let e = e.expect_err("unknown field");
    assert!(!e.to_string().contains("nested"), "within the limit: {e}");
    // Nesting inside strings is text, not structure.
    let quoted = format!("{SYS}description = \"{}\"\n", "[".repeat(n));
    assert!(parse_system(&quoted, SourceFormat::Toml).is_ok());
}

#[test]
fn wrong_types_name_the_field() {
    let cases = [
        (format!("{SYS}roles = \"provider\"\n"), "roles"),
        (
            format!("{SYS}established_in_eu = \"yes\"\n"),
            "established_in_eu",
        ),
        (format!("{SYS}annex_iii = [4]\n"), "annex_iii[0]"),
        (
            "format = \"aimskit-system/1\"\nname = 42\n".to_owned(),
            "name",
        ),
    ];
    for (text, field) in cases {
        let e = sys_err(&text, SourceFormat::Toml);
        assert_eq!(e.kind, K::WrongType, "{text}: {e}");
        assert_eq!(e.field, field);
        assert!(e.to_string().contains(field), "{e}");
        assert!(e.found.is_some(), "says what it found: {e}");
    }
    let e = sys_err("[1, 2]", SourceFormat::Json);
    assert_eq!(e.kind, K::WrongType);
    let e = aims_err(
        &format!("{AIMS}[clauses.\"4.1\"]\nmaturity = \"high\"\n"),
        SourceFormat::Toml,
    );
    assert_eq!(e.kind, K::WrongType, "{e}");
    assert!(
        e.field.contains("4.1") && e.field.contains("maturity"),
        "{e}"
    );
    let e = aims_err(
        "{\"format\":\"aimskit-aims/1\",\"organisation\":[\"X\"]}",
        SourceFormat::Json,
    );
    assert_eq!(e.kind, K::WrongType, "{e}");
    assert_eq!(e.field, "organisation");
}

#[test]
fn unknown_and_future_format_versions_are_refused() {
    for (text, fmt) in [
        (
            "format = \"aimskit-system/2\"\nname = \"X\"\n",
            SourceFormat::Toml,
        ),
        (
            "{\"format\":\"aimskit-system/2\",\"name\":\"X\"}",
            SourceFormat::Json,
        ),
        (
            "format = \"aimskit-aims/1\"\nname = \"X\"\n",
            SourceFormat::Toml,
        ),
        ("name = \"X\"\n", SourceFormat::Toml),
    ] {
        let e = sys_err(text, fmt);
        assert!(
            matches!(e.kind, K::Format | K::Missing),
            "{text}: {:?} {e}",
            e.kind
        );
        assert!(
            e.to_string().contains("aimskit-system/1"),
            "names the supported version: {e}"
        );
    }
    for (text, fmt) in [
        (
            "format = \"aimskit-aims/9\"\norganisation = \"X\"\n",
            SourceFormat::Toml,
        ),
        (
            "{\"format\":\"aimskit-aims/9\",\"organisation\":\"X\"}",
            SourceFormat::Json,
        ),
        (
            "format = \"aimskit-system/1\"\norganisation = \"X\"\n",
            SourceFormat::Toml,
        ),
    ] {
        let e = aims_err(text, fmt);
        assert!(
            matches!(e.kind, K::Format | K::Missing),
            "{text}: {:?} {e}",
            e.kind
        );
        assert!(
            e.to_string().contains("aimskit-aims/1"),
            "names the supported version: {e}"
        );
    }
    let found = sys_err(
        "format = \"aimskit-system/2\"\nname = \"X\"\n",
        SourceFormat::Toml,
    );
    assert!(
        found.to_string().contains("aimskit-system/2"),
        "shows what it found: {found}"
    );
}

/// The first `line N, column M` (TOML) or `line N column M` (JSON) in a message.
fn location(msg: &str) -> Option<(usize, usize)> {
    let i = msg.find("line ")?;
    let rest = &msg[i + 5..];
    let nums: Vec<usize> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    (nums.len() == 2).then(|| (nums[0], nums[1]))
}

#[test]
fn syntax_errors_say_where() {
    let toml = "format = \"aimskit-system/1\"\nname = \"X\"\nroles = [\"provider\"\n";
    let json = "{\n  \"format\": \"aimskit-system/1\",\n  \"name\": \"X\",\n  \"roles\": [\"provider\" \"deployer\"]\n}";
    let e = sys_err(toml, SourceFormat::Toml);
    assert_eq!(e.kind, K::Syntax);
    let (line, _) = location(&e.to_string()).unwrap_or_else(|| panic!("no location: {e}"));
    assert!((3..=4).contains(&line), "{e}");
    let e = sys_err(json, SourceFormat::Json);
    assert_eq!(e.kind, K::Syntax);
    assert_eq!(location(&e.to_string()).map(|l| l.0), Some(4), "{e}");
    let e = sys_err("name = \"unterminated\n", SourceFormat::Toml);
    assert_eq!(location(&e.to_string()).map(|l| l.0), Some(1), "{e}");

    let e = aims_err(
        &format!("{AIMS}[clauses.\"4.1\"\nmaturity = 3\n"),
        SourceFormat::Toml,
    );
    assert_eq!(e.kind, K::Syntax);
    assert_eq!(location(&e.to_string()).map(|l| l.0), Some(3), "{e}");
    let e = aims_err(
        "{\"format\": \"aimskit-aims/1\",\n\"organisation\": }",
        SourceFormat::Json,
    );
    assert_eq!(e.kind, K::Syntax);
    assert_eq!(location(&e.to_string()).map(|l| l.0), Some(2), "{e}");
}

#[test]
fn files_over_one_mib_are_refused_before_parsing() {
    assert_eq!(MAX_INPUT_BYTES, 1 << 20);
    let pad = "#".repeat(MAX_INPUT_BYTES);
    let big = format!("{SYS}{pad}\n");
    let e = sys_err(&big, SourceFormat::Toml);
    assert_eq!(e.kind, K::TooLarge);
    assert!(
        e.to_string().contains(&big.len().to_string()),
        "shows the size: {e}"
    );
    let e = aims_err(&format!("{AIMS}{pad}\n"), SourceFormat::Toml);
    assert_eq!(e.kind, K::TooLarge);
    // Exactly at the cap is fine.
    let at_cap = format!("{SYS}{}", "#".repeat(MAX_INPUT_BYTES - SYS.len()));
    assert_eq!(at_cap.len(), MAX_INPUT_BYTES);
    assert!(parse_system(&at_cap, SourceFormat::Toml).is_ok());
}

#[test]
fn hostile_scalars_do_not_panic() {
    for text in [
        format!("{SYS}as_of = \"2026-02-30\"\n"),
        format!("{SYS}as_of = 9999-99-99\n"),
        "{\"format\":\"aimskit-system/1\",\"name\":\"X\",\"gpai\":{\"training_flops\":1e999}}"
            .to_owned(),
        format!("{SYS}name = \"\\u0000\"\n"),
        "\u{feff}format = \"aimskit-system/1\"\nname = \"X\"\n".to_owned(),
        String::new(),
        "\0\0\0".to_owned(),
    ] {
        let fmt = if text.starts_with('{') {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        if let Err(e) = parse_system(&text, fmt) {
            assert!(!e.to_string().is_empty());
        }
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

/// Every released format version (only `/1` so far) keeps a fixture that
/// must still import: system files in TOML and JSON and an AIMS file
/// referencing one of them, evaluated end to end.
#[test]
fn released_format_v1_fixtures_still_import() {
    let dir = fixtures();
    let mut systems = Vec::new();
    for name in ["system.toml", "system.json"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let fmt = if name.ends_with(".json") {
            SourceFormat::Json
        } else {
            SourceFormat::Toml
        };
        let sys = parse_system(&text, fmt).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(sys.format, "aimskit-system/1");
        systems.push(sys);
    }
    assert_eq!(
        systems[0], systems[1],
        "the TOML and JSON fixtures describe the same system"
    );
    let date = "2026-11-29".parse::<Date>().unwrap();
    let r = aimskit_core::triage::triage(&systems[0], date);
    assert_eq!(r.tier, aimskit_core::triage::Tier::HighRisk);

    let text = std::fs::read_to_string(dir.join("aims.toml")).unwrap();
    let aims = parse_aims(&text, SourceFormat::Toml).unwrap();
    assert_eq!(aims.format, "aimskit-aims/1");
    let paths: Vec<&str> = aims.system_paths().collect();
    assert_eq!(paths, ["system.toml"]);
    assert!(
        aims.systems
            .iter()
            .any(|s| matches!(s, SystemRef::Inline(_)))
    );
    let result = aimskit_core::gap::gap(
        &aims,
        &[(systems[0].name.clone(), systems[0].clone())],
        date,
    );
    assert_eq!(result.systems.len(), 2);
    assert!(result.score > 0.0 && result.score < 100.0);
    let text = std::fs::read_to_string(dir.join("aims.json")).unwrap();
    let from_json = parse_aims(&text, SourceFormat::Json).unwrap();
    assert_eq!(from_json.organisation, aims.organisation);
}
