//! Errors that point an editor at the exact place to fix: file, line and field.

use std::fmt;

/// One problem in the content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.field, self.message
        )
    }
}

/// Every problem found in one pass, so an editor can fix them all at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

/// Turns byte offsets into 1-based line numbers for one source text.
pub(crate) struct LineIndex<'a> {
    file: &'a str,
    source: &'a str,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(file: &'a str, source: &'a str) -> Self {
        Self { file, source }
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.source.len());
        self.source.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    pub(crate) fn error(
        &self,
        offset: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ContentError {
        ContentError {
            file: self.file.to_owned(),
            line: self.line_of(offset),
            field: field.into(),
            message: message.into(),
        }
    }
}
