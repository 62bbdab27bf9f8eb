//! The report's exports as pure text: the AIMS file (TOML or JSON, with the
//! whole inventory as inline system tables, so `aimskit gap FILE` reproduces
//! the result), the Markdown report and CSV files of the SoA and the roadmap.
//! Rendering lives in `aimskit_core::report`; this only names the files.

use aimskit_core::aims::{AimsFile, aims_to_json, aims_to_toml};
use aimskit_core::gap::GapResult;
use aimskit_core::i18n::Lang;
use aimskit_core::report;

use crate::state::files::{ExportFile, slug};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The AIMS file as TOML, systems inline.
    AimsToml,
    /// The AIMS file as JSON, systems inline.
    AimsJson,
    /// The Markdown report.
    Markdown,
    /// The Statement of Applicability as CSV.
    SoaCsv,
    /// The roadmap as CSV.
    RoadmapCsv,
}

impl ExportKind {
    /// Every export, in button order.
    pub const ALL: [ExportKind; 5] = [
        ExportKind::AimsToml,
        ExportKind::AimsJson,
        ExportKind::Markdown,
        ExportKind::SoaCsv,
        ExportKind::RoadmapCsv,
    ];

    /// Translation key of the button label.
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::AimsToml => "rep.export.aims_toml",
            ExportKind::AimsJson => "rep.export.aims_json",
            ExportKind::Markdown => "rep.export.markdown",
            ExportKind::SoaCsv => "rep.export.soa_csv",
            ExportKind::RoadmapCsv => "rep.export.roadmap_csv",
        }
    }
}

/// The file for an export. `file` is the AIMS file with the inventory inline
/// (see `aims::state::export_file`) and `gap` its result.
pub fn export(kind: ExportKind, file: &AimsFile, gap: &GapResult, lang: Lang) -> ExportFile {
    let stem = if file.organisation.trim().is_empty() {
        "aims".to_owned()
    } else {
        slug(&file.organisation)
    };
    let (suffix, mime, text) = match kind {
        ExportKind::AimsToml => ("aims.toml", "application/toml", aims_to_toml(file)),
        ExportKind::AimsJson => ("aims.json", "application/json", aims_to_json(file)),
        ExportKind::Markdown => (
            "report.md",
            "text/markdown;charset=utf-8",
            report::markdown(file, gap, lang),
        ),
        ExportKind::SoaCsv => (
            "soa.csv",
            "text/csv;charset=utf-8",
            report::soa_csv(gap, lang),
        ),
        ExportKind::RoadmapCsv => (
            "roadmap.csv",
            "text/csv;charset=utf-8",
            report::roadmap_csv(gap, lang),
        ),
    };
    ExportFile {
        filename: format!("{stem}-{suffix}"),
        mime,
        text,
    }
}
