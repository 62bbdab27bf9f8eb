use super::*;
use crate::Date;
use crate::aims::{AimsFile, ClauseEntry, ControlEntry, SystemRef, parse_aims};
use crate::gap::gap;
use crate::system::{SourceFormat, SystemFile, parse_system};

const UNI: &str = include_str!("../../tests/corpus/gap/public-university/aims.toml");
const PROCTORING: &str =
    include_str!("../../tests/corpus/gap/public-university/systems/exam-proctoring.toml");
const CHATBOT: &str =
    include_str!("../../tests/corpus/gap/public-university/systems/hr-chatbot.toml");

fn date() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// The university case with its systems inline (as the widget exports it).
fn university() -> (AimsFile, GapResult) {
    let mut aims = parse_aims(UNI, SourceFormat::Toml).unwrap();
    aims.systems = [PROCTORING, CHATBOT]
        .iter()
        .map(|t| SystemRef::Inline(Box::new(parse_system(t, SourceFormat::Toml).unwrap())))
        .collect();
    let result = gap(&aims, &[], date());
    (aims, result)
}

/// Minimal RFC 4180 reader for the tests: rows of cells of an export in
/// `lang` (checks the byte order mark, splits on the language's separator).
fn read_csv(text: &str, lang: Lang) -> Vec<Vec<String>> {
    let sep = csv_separator(lang);
    let text = text
        .strip_prefix(CSV_BOM)
        .expect("a CSV export starts with the BOM");
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, c) if c == sep => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_cells_defuse_formulas_and_quote() {
    for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        let cell = csv_cell(risky);
        assert!(cell.starts_with("\"'"), "{risky:?} -> {cell:?}");
    }
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("a;b"), "\"a;b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(csv_cell("2027-03-31"), "2027-03-31");
    assert_eq!(csv_cell(""), "");
}

/// True if `ch` occurs without a backslash before it.
fn unescaped(s: &str, ch: char) -> bool {
    let mut prev = ' ';
    s.chars().any(|c| {
        let hit = c == ch && prev != '\\';
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        hit
    })
}

#[test]
fn markdown_escaping_neutralises_markup() {
    let e = md_escape("a | b *c* [x](javascript:y) <script> `z`\nnext # h \\");
    assert!(!e.contains('\n'));
    for ch in ['|', '*', '[', ']', '<', '>', '`', '#'] {
        assert!(!unescaped(&e, ch), "{ch} unescaped in {e}");
    }
    assert_eq!(md_escape("plain text 1.2"), "plain text 1.2");
}

#[test]
fn soa_csv_has_one_row_per_soa_row() {
    let (_, g) = university();
    let rows = read_csv(&soa_csv(&g, Lang::En), Lang::En);
    assert_eq!(
        rows[0],
        [
            "control",
            "title",
            "applicable",
            "justification",
            "status",
            "required_by"
        ]
    );
    assert_eq!(rows.len() - 1, g.soa.len());
    assert_eq!(g.soa.len(), 38);
    for (row, soa) in rows[1..].iter().zip(&g.soa) {
        assert_eq!(row[0], soa.control);
        assert_eq!(row[3], soa.justification);
        assert_eq!(row[4], soa.status.as_str());
        assert_eq!(row[5], soa.required_by.join("; "));
    }
}

#[test]
fn csv_exports_open_in_spreadsheets_of_each_language() {
    let (_, g) = university();
    for lang in Lang::ALL {
        for csv in [soa_csv(&g, lang), roadmap_csv(&g, lang)] {
            assert!(csv.starts_with('\u{feff}'), "{}: UTF-8 BOM", lang.code());
            let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
            let sep = if lang == Lang::En { ',' } else { ';' };
            assert_eq!(header.split(sep).count(), 6, "{}: {header}", lang.code());
            assert!(!header.contains(if sep == ',' { ';' } else { ',' }));
        }
        // Every row has the header's number of cells with the language's separator.
        let rows = read_csv(&soa_csv(&g, lang), lang);
        assert!(rows.iter().all(|r| r.len() == 6), "{}", lang.code());
    }
}

#[test]
fn roadmap_csv_has_every_action_in_order() {
    let (_, g) = university();
    assert!(!g.roadmap.is_empty());
    for lang in Lang::ALL {
        let rows = read_csv(&roadmap_csv(&g, lang), lang);
        assert_eq!(rows.len() - 1, g.roadmap.len());
        for (n, (row, a)) in rows[1..].iter().zip(&g.roadmap).enumerate() {
            assert_eq!(row[0], (n + 1).to_string());
            assert_eq!(row[1], a.ref_);
            assert_eq!(row[2], a.action_in(lang));
            assert_eq!(row[3], a.priority.as_str());
            assert_eq!(row[4], a.due.map(|d| d.to_string()).unwrap_or_default());
            assert_eq!(row[5], a.because_in(lang));
            if lang == Lang::En {
                assert_eq!(
                    (row[2].as_str(), row[5].as_str()),
                    (a.action.as_str(), a.because.as_str())
                );
            } else {
                assert_ne!(row[5], a.because, "{}: {}", lang.code(), a.because);
            }
        }
    }
}

#[test]
fn markdown_report_contains_everything_on_screen() {
    let (aims, g) = university();
    for lang in Lang::ALL {
        let md = markdown(&aims, &g, lang);
        assert!(md.contains(&md_escape(&g.organisation)));
        assert!(md.contains(&md_escape(&aims.scope)));
        assert!(md.contains(&g.as_of.long(lang)));
        assert!(md.contains(&md_escape(&g.rules_version)));
        assert!(md.contains(&format!("{:.1}", g.score)));
        for s in &g.systems {
            assert!(md.contains(&md_escape(&s.name)), "system {}", s.name);
            for ob in &s.triage.obligations {
                assert!(
                    md.contains(&md_escape(&ob.articles.join(", "))),
                    "obligation {}",
                    ob.id
                );
            }
        }
        for r in &g.soa {
            assert!(
                md.contains(&format!("| {} |", md_escape(&r.control))),
                "SoA row {}",
                r.control
            );
        }
        for f in &g.findings {
            let m = f.message_in(lang);
            assert!(md.contains(&md_escape(&m)), "finding {m}");
        }
        for a in &g.roadmap {
            let action = a.action_in(lang);
            assert!(md.contains(&md_escape(&action)), "roadmap {action}");
        }
        assert!(!g.pitfall_details.is_empty());
        for p in &g.pitfall_details {
            assert!(
                md.contains(&md_escape(&p.because_in(lang))),
                "pitfall {}",
                p.id
            );
        }
        let soa_lines = md.lines().filter(|l| l.starts_with("| A.")).count();
        assert_eq!(soa_lines, g.soa.len());
    }
}

/// The `YYYY-MM-DD` dates in a text.
fn iso_dates(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9))
        .filter(|&i| text.is_char_boundary(i) && text.is_char_boundary(i + 10))
        .map(|i| &text[i..i + 10])
        .filter(|s| s.parse::<Date>().is_ok())
        .collect()
}

#[test]
fn markdown_report_writes_dates_in_the_language() {
    let (aims, g) = university();
    let en = markdown(&aims, &g, Lang::En);
    assert!(en.contains(&format!("** {}", g.as_of)), "{en}");
    assert!(!iso_dates(&en).is_empty());
    let due: Vec<Date> = g.roadmap.iter().filter_map(|a| a.due).collect();
    assert!(!due.is_empty());
    for lang in [Lang::De, Lang::Fr, Lang::It] {
        let md = markdown(&aims, &g, lang);
        // Text in the long form, table cells in the short form, no ISO date.
        assert!(md.contains(&format!("** {}", g.as_of.long(lang))), "{md}");
        for d in &due {
            assert!(md.contains(&format!("| {} |", d.short(lang))), "{d}");
        }
        // The `gap.f.review` finding renders the triage's review sentence in
        // the language too, so no ISO date is left anywhere.
        assert!(g.systems.iter().any(|s| !s.triage.needs_review.is_empty()));
        for s in &g.systems {
            for r in &s.triage.needs_review {
                assert!(
                    md.contains(&md_escape(&r.why_in(lang))),
                    "{}",
                    r.why_in(lang)
                );
            }
        }
        let lines: Vec<&str> = md.lines().filter(|l| !iso_dates(l).is_empty()).collect();
        assert!(lines.is_empty(), "{}: {lines:#?}", lang.code());
    }
    let de = markdown(&aims, &g, Lang::De);
    assert!(de.contains("29. November 2026"), "{de}");
    assert!(de.contains(".2027 |") || de.contains(".2026 |"), "{de}");
}

#[test]
fn hostile_user_text_is_escaped_everywhere() {
    let mut aims = AimsFile::new("Evil | Corp <b>");
    aims.scope = "=cmd|' /C calc'!A0\n# heading".into();
    aims.clauses.insert(
        "6.1.2".into(),
        ClauseEntry {
            maturity: Some(1),
            ..Default::default()
        },
    );
    aims.controls.insert(
        "A.7.5".into(),
        ControlEntry {
            applicable: false,
            justification: "=HYPERLINK(\"http://x\")|**bold**".into(),
            ..Default::default()
        },
    );
    let mut sys = SystemFile::new("Sys | with *stars*");
    sys.impact = Some(crate::impact::ImpactWorksheet {
        processes: "<img src=x>".into(),
        ..Default::default()
    });
    aims.systems.push(SystemRef::Inline(Box::new(sys)));
    let g = gap(&aims, &[], date());
    let md = markdown(&aims, &g, Lang::En);
    assert!(md.contains("Evil \\| Corp \\<b\\>"));
    assert!(md.contains("\\<img src=x\\>"));
    assert!(!md.contains("\n# heading"));
    assert!(md.contains("\\*\\*bold\\*\\*"));
    let rows = read_csv(&soa_csv(&g, Lang::En), Lang::En);
    let a75 = rows.iter().find(|r| r[0] == "A.7.5").unwrap();
    assert_eq!(a75[3], "'=HYPERLINK(\"http://x\")|**bold**");
}

#[test]
fn aims_file_with_inline_systems_round_trips_to_the_same_result() {
    let (aims, g) = university();
    let again = parse_aims(&crate::aims::aims_to_toml(&aims), SourceFormat::Toml).unwrap();
    assert_eq!(gap(&again, &[], date()), g);
    let again = parse_aims(&crate::aims::aims_to_json(&aims), SourceFormat::Json).unwrap();
    assert_eq!(gap(&again, &[], date()), g);
}

#[test]
fn markdown_report_shows_the_fria_notification_date() {
    // Art. 27(3): the worksheet's `notified` date is part of the report, in
    // the reader's language.
    const BANK: &str = include_str!("../../tests/corpus/gap/bank-fria/aims.toml");
    let aims = parse_aims(BANK, SourceFormat::Toml).unwrap();
    let g = gap(&aims, &[], Date::new(2028, 1, 15).unwrap());
    let en = markdown(&aims, &g, Lang::En);
    assert_eq!(
        en.matches("notified to the market surveillance authority (Art. 27(3)):** 2028-01-10")
            .count(),
        1,
        "{en}"
    );
    let de = markdown(&aims, &g, Lang::De);
    assert!(
        de.contains("Marktüberwachungsbehörde mitgeteilt (Art. 27 Abs. 3):** 10. Januar 2028"),
        "{de}"
    );
}

#[test]
fn markdown_report_shows_the_42001_worksheet_fields() {
    // Societal impacts (A.5.5) and foreseeable misuse (6.1.4) are printed
    // with their reference, and the 42001 elements get their own status and
    // missing list next to the Art. 27 ones.
    const BANK: &str = include_str!("../../tests/corpus/gap/bank-fria/aims.toml");
    let mut aims = parse_aims(BANK, SourceFormat::Toml).unwrap();
    if let Some(SystemRef::Inline(s)) = aims.systems.first_mut() {
        if let Some(w) = s.impact.as_mut() {
            w.societal_impacts = "Credit gets *tighter* in poorer districts".into();
        }
    }
    let g = gap(&aims, &[], Date::new(2028, 1, 15).unwrap());
    let en = markdown(&aims, &g, Lang::En);
    assert!(
        en.contains(
            "- **Impacts on society (ISO/IEC 42001 A.5.5):** Credit gets \\*tighter\\* in poorer districts"
        ),
        "{en}"
    );
    assert_eq!(
        en.matches("- **Reasonably foreseeable misuse (ISO/IEC 42001 6.1.4):** \n")
            .count(),
        2,
        "{en}"
    );
    assert_eq!(
        en.matches("- **ISO/IEC 42001 elements (6.1.4, A.5.4, A.5.5):** incomplete")
            .count(),
        2
    );
    assert_eq!(
        en.matches("- Still empty: `impact.foreseeable\\_misuse` (ISO/IEC 42001 6.1.4)")
            .count(),
        2
    );
    assert_eq!(
        en.matches("`impact.societal\\_impacts` (ISO/IEC 42001 A.5.5)")
            .count(),
        1,
        "only the second system lacks societal impacts"
    );
    let de = markdown(&aims, &g, Lang::De);
    assert!(
        de.contains("- **Gesellschaftliche Auswirkungen (ISO/IEC 42001 A.5.5):** Credit"),
        "{de}"
    );
}
