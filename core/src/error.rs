//! The one error type for bad input files (system files, AIMS files).
//!
//! Every message names the file (when known), the field (a dotted path such as
//! `annex_iii[1]` or `clauses."6.1.2".maturity`) and what was expected, and
//! carries a "did you mean" hint for unknown names and IDs.

use std::fmt;

/// What kind of input problem this is: stable codes for the JS API and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputErrorKind {
    /// The text is not valid TOML or JSON.
    Syntax,
    /// `format` is missing, wrong, or a version this build does not know.
    Format,
    /// A field name that the format does not have.
    UnknownField,
    /// A value that is not one of the known IDs.
    UnknownId,
    /// A value of the wrong type (string where a list is expected, ...).
    WrongType,
    /// A value of the right type outside its allowed range.
    OutOfRange,
    /// A date that does not parse.
    Date,
    /// A required field is missing.
    Missing,
    /// Input larger or deeper than the engine accepts.
    TooLarge,
    /// A combination the format forbids (e.g. a clause marked not applicable).
    Invalid,
}

impl InputErrorKind {
    /// The stable code string (`"unknown_id"`, ...).
    pub fn code(self) -> &'static str {
        match self {
            InputErrorKind::Syntax => "syntax",
            InputErrorKind::Format => "format",
            InputErrorKind::UnknownField => "unknown_field",
            InputErrorKind::UnknownId => "unknown_id",
            InputErrorKind::WrongType => "wrong_type",
            InputErrorKind::OutOfRange => "out_of_range",
            InputErrorKind::Date => "date",
            InputErrorKind::Missing => "missing",
            InputErrorKind::TooLarge => "too_large",
            InputErrorKind::Invalid => "invalid",
        }
    }
}

/// A problem with an input file. Never a partial result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    /// The kind of problem.
    pub kind: InputErrorKind,
    /// The file it came from, when the caller knows it.
    pub file: Option<String>,
    /// Dotted path of the offending field; empty for the whole document.
    pub field: String,
    /// What was expected, in plain words.
    pub expected: String,
    /// What was found, if useful (already quoted in backticks).
    pub found: Option<String>,
    /// "did you mean `x`?" target, if any.
    pub did_you_mean: Option<String>,
}

impl InputError {
    /// A new error about `field`.
    pub fn new(
        kind: InputErrorKind,
        field: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        InputError {
            kind,
            file: None,
            field: field.into(),
            expected: expected.into(),
            found: None,
            did_you_mean: None,
        }
    }

    /// Adds what was found.
    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    /// Adds the closest known name among `candidates`.
    pub fn suggest<'a, I: IntoIterator<Item = &'a str>>(
        mut self,
        unknown: &str,
        candidates: I,
    ) -> Self {
        self.did_you_mean = crate::suggest::closest(unknown, candidates).map(str::to_owned);
        self
    }

    /// Names the file the error came from.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if self.field.is_empty() {
            write!(f, "expected {}", self.expected)?;
        } else {
            write!(f, "field `{}`: expected {}", self.field, self.expected)?;
        }
        if let Some(found) = &self.found {
            write!(f, ", found {found}")?;
        }
        if let Some(s) = &self.did_you_mean {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}
