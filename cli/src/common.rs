//! What `aimskit triage` and `aimskit gap` share: the common options, reading
//! input files (size cap, UTF-8) and today's date.

use std::path::Path;

use aimskit_core::i18n::Lang;
use aimskit_core::system::{MAX_INPUT_BYTES, SourceFormat};
use aimskit_core::{Date, InputError, InputErrorKind};

/// Text for people or the spec's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Text for people.
    Text,
    /// Exactly the spec's JSON.
    Json,
}

/// The options every command takes.
#[derive(Debug)]
pub struct Common {
    /// `--format`.
    pub output: Output,
    /// `--as-of`.
    pub as_of: Option<Date>,
    /// `--lang`.
    pub lang: Lang,
}

/// An argument the common parser left for the command.
#[derive(Debug, PartialEq, Eq)]
pub enum Arg {
    /// One of the command's own switches (from `switches`).
    Switch(String),
    /// A file or directory.
    Positional(String),
    /// One of the command's own options with a value (from `valued`).
    Value(String, String),
}

const COMMON_FLAGS: [&str; 3] = ["--format", "--as-of", "--lang"];

/// Parses `--format`, `--as-of` and `--lang` (also as `--flag=value`); the
/// command's own boolean `switches` and positional arguments are returned in
/// order. Unknown options are an error with a "did you mean".
pub fn parse_common(args: &[String], switches: &[&str]) -> Result<(Common, Vec<Arg>), String> {
    parse_common_with(args, switches, &[])
}

/// Like [`parse_common`], also taking the command's own options with a
/// value (`valued`, e.g. `--baseline FILE` or `--baseline=FILE`).
pub fn parse_common_with(
    args: &[String],
    switches: &[&str],
    valued: &[&str],
) -> Result<(Common, Vec<Arg>), String> {
    let mut common = Common {
        output: Output::Text,
        as_of: None,
        lang: Lang::En,
    };
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("`{name}` needs a value"))
        };
        match flag {
            "--format" => {
                common.output = match value("--format")?.as_str() {
                    "text" => Output::Text,
                    "json" => Output::Json,
                    other => {
                        return Err(format!(
                            "`--format` expects `text` or `json`, found `{other}`"
                        ));
                    }
                }
            }
            "--as-of" => {
                let v = value("--as-of")?;
                common.as_of =
                    Some(v.parse().map_err(|_| {
                        format!("`--as-of` expects a date YYYY-MM-DD, found `{v}`")
                    })?);
            }
            "--lang" => {
                let v = value("--lang")?;
                common.lang = Lang::ALL
                    .into_iter()
                    .find(|l| l.code() == v)
                    .ok_or_else(|| format!("`--lang` expects en, de, fr or it, found `{v}`"))?;
            }
            f if switches.contains(&f) => rest.push(Arg::Switch(f.to_owned())),
            f if valued.contains(&f) => {
                let v = value(f)?;
                rest.push(Arg::Value(f.to_owned(), v));
            }
            f if f.starts_with("--") => {
                let known = COMMON_FLAGS.iter().chain(switches).chain(valued).copied();
                let hint = aimskit_core::suggest::hint(f, known);
                return Err(format!("unknown option `{f}`{hint}"));
            }
            _ => rest.push(Arg::Positional(a.clone())),
        }
    }
    Ok((common, rest))
}

/// TOML unless the file name ends in `.json`.
pub fn format_of(path: &Path) -> SourceFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => SourceFormat::Json,
        _ => SourceFormat::Toml,
    }
}

/// Reads a UTF-8 text file of at most 1 MiB (checked before reading);
/// `what` names it in errors ("system file", "AIMS file").
pub fn read_text(path: &Path, what: &str) -> Result<String, InputError> {
    read_text_max(path, what, MAX_INPUT_BYTES)
}

/// Like [`read_text`] with another size cap (`max` bytes, a whole number
/// of MiB), for files the CLI wrote itself, such as a baseline inventory.
pub fn read_text_max(path: &Path, what: &str, max: usize) -> Result<String, InputError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        InputError::new(
            InputErrorKind::Missing,
            "",
            format!("a readable {what} ({e})"),
        )
        .in_file(&name)
    })?;
    if !meta.is_file() {
        return Err(InputError::new(
            InputErrorKind::Missing,
            "",
            format!("a {what}, not a directory"),
        )
        .in_file(&name));
    }
    if meta.len() > max as u64 {
        let mib = max / (1024 * 1024);
        return Err(InputError::new(
            InputErrorKind::TooLarge,
            "",
            format!("a file of at most {mib} MiB"),
        )
        .found(format!("{} bytes", meta.len()))
        .in_file(&name));
    }
    std::fs::read_to_string(path).map_err(|e| {
        InputError::new(
            InputErrorKind::Syntax,
            "",
            format!("a UTF-8 text {what} ({e})"),
        )
        .in_file(&name)
    })
}

/// Today's date (UTC) from the system clock: only the CLI reads the clock.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI, unlike core, may read the clock"
)]
pub fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_days(i64::try_from(secs / 86_400).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn parses_common_options_and_leaves_the_rest() {
        let (c, rest) = parse_common(
            &args(&[
                "a.toml",
                "--format=json",
                "--as-of",
                "2027-12-02",
                "--x",
                "--lang",
                "de",
            ]),
            &["--x"],
        )
        .unwrap();
        assert_eq!(c.output, Output::Json);
        assert_eq!(
            c.as_of.map(|d| d.to_string()).as_deref(),
            Some("2027-12-02")
        );
        assert_eq!(c.lang, Lang::De);
        assert_eq!(
            rest,
            vec![Arg::Positional("a.toml".into()), Arg::Switch("--x".into())]
        );
    }

    #[test]
    fn rejects_bad_options_with_hints() {
        let err = parse_common(&args(&["--formt", "json"]), &[]).unwrap_err();
        assert!(err.contains("did you mean `--format`"), "{err}");
        assert!(parse_common(&args(&["--as-of", "2027-13-01"]), &[]).is_err());
        assert!(parse_common(&args(&["--lang", "es"]), &[]).is_err());
        assert!(parse_common(&args(&["--format"]), &[]).is_err());
    }
}
