//! `aimskit`: the command-line front end. All decisions are made by `aimskit-core`.

use std::process::ExitCode;

mod common;
mod drift;
mod gap;
mod triage;

const USAGE: &str = "usage:
  aimskit triage FILE|DIR... [--format text|json] [--as-of YYYY-MM-DD] [--fail-on-review]
                 [--baseline PREVIOUS.json] [--fail-on-drift] [--lang en|de|fr|it]
  aimskit gap FILE [--format text|json]
  aimskit --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("triage") => triage::run(&args[1..]),
        Some("gap") => gap::run(&args[1..]),
        Some("--version") | Some("-V") => {
            println!("aimskit {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
