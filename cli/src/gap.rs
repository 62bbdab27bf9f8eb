//! `aimskit gap` (being built).

use std::process::ExitCode;

/// Runs `aimskit gap`.
pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("aimskit gap: not built yet");
    ExitCode::from(2)
}
