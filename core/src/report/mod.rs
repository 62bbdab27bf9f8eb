//! Exports of a gap analysis as plain text: the Markdown report and CSV files
//! of the Statement of Applicability and of the roadmap.
//!
//! Everything here is a pure function of the [`GapResult`] (and the AIMS file
//! for the parts the result does not repeat: scope, certifications and the
//! impact worksheets), so the widget, the CLI and the tests export the same
//! bytes. User text is escaped: [`md_escape`] for Markdown and [`csv_cell`]
//! for CSV, which also defuses spreadsheet formulas (a cell starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`).
//!
//! # Example
//! ```
//! use aimskit_core::report::csv_cell;
//! assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
//! assert_eq!(csv_cell("plain"), "plain");
//! ```

mod markdown;

pub use markdown::markdown;

use crate::gap::{GapResult, catalogue};
use crate::i18n::{Lang, t};

/// The coverage sentence ("N of M items assessed ...") from the gap's counts,
/// shared by the Markdown report and the widget.
pub fn coverage_text(lang: Lang, gap: &GapResult) -> String {
    let c = &gap.coverage;
    crate::i18n::tf(
        lang,
        "aims.coverage",
        &[
            ("assessed", &c.assessed.to_string()),
            ("total", &c.total.to_string()),
            ("met", &c.met.to_string()),
            ("excluded", &c.not_applicable.to_string()),
            ("not_assessed", &c.not_assessed.to_string()),
        ],
    )
}

/// The field separator of the CSV exports in `lang`: a comma in English, a
/// semicolon in German, French and Italian, the list separator spreadsheet
/// programs use in those locales (so opening the file shows columns).
pub fn csv_separator(lang: Lang) -> char {
    if lang == Lang::En { ',' } else { ';' }
}

/// Starts every CSV export: the UTF-8 byte order mark, so spreadsheet
/// programs read the file as UTF-8 (umlauts, accents) and not in a legacy
/// code page.
pub const CSV_BOM: char = '\u{feff}';

/// One CSV cell: formula-injection safe, quoted when needed (RFC 4180; a
/// cell with either separator is quoted, so it is safe in both).
pub fn csv_cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if risky { format!("'{s}") } else { s.to_owned() };
    if text.contains([',', ';', '"', '\n', '\r']) || risky {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv_row(out: &mut String, sep: char, cells: &[&str]) {
    for (n, c) in cells.iter().enumerate() {
        if n > 0 {
            out.push(sep);
        }
        out.push_str(&csv_cell(c));
    }
    out.push_str("\r\n");
}

/// Text for Markdown: every character that could start markup is escaped
/// with a backslash, line breaks become spaces (safe inside table cells).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~'
            | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `"yes"`/`"no"`/`""` for an optional applicability, in `lang`.
fn applicable_text(lang: Lang, a: Option<bool>) -> &'static str {
    match a {
        Some(true) => t(lang, "aims.yes"),
        Some(false) => t(lang, "aims.no"),
        None => t(lang, "aims.applicable.unstated"),
    }
}

/// The control's title in `lang` (empty for an unknown ID).
fn title(lang: Lang, id: &str) -> &'static str {
    catalogue().item(id).map_or("", |i| i.title.get(lang))
}

/// The Statement of Applicability as CSV: one row per Annex A control, with
/// its title, applicability, justification, status and the inventory
/// obligations that require it. Status and applicability are the spec's IDs
/// so spreadsheets and scripts can filter on them. UTF-8 with a byte order
/// mark, separated by [`csv_separator`] (scripts should read the JSON).
pub fn soa_csv(gap: &GapResult, lang: Lang) -> String {
    let sep = csv_separator(lang);
    let mut out = String::from(CSV_BOM);
    csv_row(
        &mut out,
        sep,
        &[
            "control",
            "title",
            "applicable",
            "justification",
            "status",
            "required_by",
        ],
    );
    for row in &gap.soa {
        let applicable = match row.applicable {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        };
        let required = row.required_by.join("; ");
        csv_row(
            &mut out,
            sep,
            &[
                &row.control,
                title(lang, &row.control),
                applicable,
                &row.justification,
                row.status.as_str(),
                &required,
            ],
        );
    }
    out
}

/// The roadmap as CSV, most urgent first: position, reference, action,
/// priority, due date and reason. Action and reason are in `lang`; the
/// header, the priority and the due date (`YYYY-MM-DD`) stay
/// machine-readable, as in [`soa_csv`] (same encoding and separator).
pub fn roadmap_csv(gap: &GapResult, lang: Lang) -> String {
    let sep = csv_separator(lang);
    let mut out = String::from(CSV_BOM);
    csv_row(
        &mut out,
        sep,
        &["order", "ref", "action", "priority", "due", "because"],
    );
    for (n, a) in gap.roadmap.iter().enumerate() {
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        csv_row(
            &mut out,
            sep,
            &[
                &(n + 1).to_string(),
                &a.ref_,
                &a.action_in(lang),
                a.priority.as_str(),
                &due,
                &a.because_in(lang),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests;
