//! Shared helpers for the gap tests and benchmark: load an AIMS case from
//! `core/tests/corpus/gap/`, resolving its system files like the CLI does.
#![allow(dead_code)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helpers may panic on broken fixtures"
)]

use std::path::{Path, PathBuf};

use aimskit_core::aims::{AimsFile, parse_aims};
use aimskit_core::system::{SourceFormat, SystemFile, parse_system};
use aimskit_core::{Date, InputError};

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/gap")
}

pub fn format_of(p: &Path) -> SourceFormat {
    if p.extension().is_some_and(|e| e == "json") {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    }
}

/// Parses the AIMS file at `path` and every system file it names.
pub fn load(path: &Path) -> Result<(AimsFile, Vec<(String, SystemFile)>), InputError> {
    let text = std::fs::read_to_string(path).unwrap();
    let aims = parse_aims(&text, format_of(path))?;
    let base = path.parent().unwrap();
    let mut systems = Vec::new();
    for p in aims.system_paths() {
        let sp = base.join(p);
        let sys = parse_system(&std::fs::read_to_string(&sp).unwrap(), format_of(&sp))?;
        if let Some(w) = &sys.impact {
            aimskit_core::impact::validate(w)?;
        }
        systems.push((sys.name.clone(), sys));
    }
    Ok((aims, systems))
}

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}
