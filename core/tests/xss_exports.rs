//! XSS and formula-injection payloads in every free-text field of an AIMS
//! file (organisation, scope, clause evidence/owner/note, control
//! justification, inline system name/description) come out of the pure
//! export functions escaped: the Markdown report adds no markup (no raw
//! `<`, no links or images), and no CSV cell can start a formula.
//! Payloads: `tests/fixtures/xss-payloads.txt` (shared with the browser tests).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code may panic on broken fixtures"
)]

use aimskit_core::Date;
use aimskit_core::aims::parse_aims;
use aimskit_core::gap::gap;
use aimskit_core::i18n::Lang;
use aimskit_core::report::{csv_cell, markdown, md_escape, roadmap_csv, soa_csv};
use aimskit_core::system::SourceFormat;

fn payloads() -> Vec<String> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-payloads.txt"),
    )
    .unwrap();
    let v: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert!(v.len() >= 30, "at least 30 payloads, found {}", v.len());
    v
}

/// An AIMS file (JSON, so any payload is representable) with `p` in every
/// free-text field.
fn aims_with(p: &str) -> String {
    let s = serde_json::Value::String(p.to_owned());
    serde_json::json!({
        "format": "aimskit-aims/1",
        "organisation": s,
        "as_of": "2026-11-29",
        "scope": s,
        "systems": [{
            "format": "aimskit-system/1", "name": s, "description": s,
            "roles": ["deployer"], "established_in_eu": true, "annex_iii": ["4.a"]
        }],
        "clauses": {
            "4.1": { "maturity": 3, "evidence": [s], "owner": s, "note": s },
            "6.1.2": { "maturity": 1, "evidence": [], "owner": s, "note": s, "due": "2027-01-31" }
        },
        "controls": {
            "A.2.2": { "applicable": true, "justification": s, "maturity": 2, "evidence": [s], "owner": s, "note": s },
            "A.10.4": { "applicable": false, "justification": s }
        }
    })
    .to_string()
}

/// Markup-significant spots not escaped with a backslash: raw `<`, link or
/// image starts `[`/`![`, and backticks.
fn unescaped_markup(md: &str) -> usize {
    let b = md.as_bytes();
    (0..b.len())
        .filter(|&i| {
            matches!(b[i], b'<' | b'[' | b'`' | b'{' | b'$') && (i == 0 || b[i - 1] != b'\\')
        })
        .count()
}

/// Cells of an RFC 4180 CSV text.
fn csv_cells(text: &str) -> Vec<String> {
    // Exports in every language: BOM first, comma or semicolon between cells.
    let text = text.trim_start_matches('\u{feff}');
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cur.push(c),
            (false, '"') => quoted = true,
            (false, ',' | ';' | '\n') => cells.push(std::mem::take(&mut cur)),
            (false, '\r') => {}
            (false, c) => cur.push(c),
        }
    }
    if !cur.is_empty() {
        cells.push(cur);
    }
    cells
}

#[test]
fn exports_escape_every_payload() {
    let date: Date = "2026-11-29".parse().unwrap();
    let baseline = {
        let a = parse_aims(&aims_with("Plain text"), SourceFormat::Json).unwrap();
        let r = gap(&a, &[], date);
        unescaped_markup(&markdown(&a, &r, Lang::En))
    };
    for p in payloads() {
        let a = parse_aims(&aims_with(&p), SourceFormat::Json)
            .unwrap_or_else(|e| panic!("{p:?} must be accepted as text: {e}"));
        let r = gap(&a, &[], date);
        for lang in [Lang::En, Lang::De] {
            let md = markdown(&a, &r, lang);
            assert!(
                md.contains(&md_escape(&p)),
                "{p:?}: shown literally (escaped) in Markdown"
            );
            if lang == Lang::En {
                assert_eq!(
                    unescaped_markup(&md),
                    baseline,
                    "{p:?}: Markdown gained markup"
                );
            }
            for bad in [
                "<script",
                "<img",
                "<svg",
                "<iframe",
                "](javascript:",
                "<style",
            ] {
                assert!(
                    !md.replace("\\<", "")
                        .replace("\\[", "")
                        .replace("\\]", "")
                        .to_lowercase()
                        .contains(bad),
                    "{p:?}: unescaped `{bad}` in Markdown"
                );
            }
            for csv in [soa_csv(&r, lang), roadmap_csv(&r, lang)] {
                for cell in csv_cells(&csv) {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{p:?}: CSV cell {cell:?} could start a formula"
                    );
                }
            }
        }
        let soa = soa_csv(&r, Lang::En);
        let cells = csv_cells(&soa);
        let expected = if p.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{p}")
        } else {
            p.clone()
        };
        assert!(
            cells.contains(&expected),
            "{p:?}: the justification is in the SoA CSV as text"
        );
        assert_eq!(
            csv_cells(&csv_cell(&p)),
            [expected],
            "{p:?}: csv_cell round trip"
        );
    }
}
