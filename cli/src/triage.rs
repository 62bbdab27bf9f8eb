//! `aimskit triage` (being built).

use std::process::ExitCode;

/// Runs `aimskit triage`.
pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("aimskit triage: not built yet");
    ExitCode::from(2)
}
