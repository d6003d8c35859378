//! Errors that point an editor at the exact place to fix: file, line, column and field, the
//! line itself, and where the checker knows it, what would be valid.

use std::fmt;

/// One problem in the content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters (as an editor counts them), where the value starts.
    pub column: usize,
    pub field: String,
    pub message: String,
    /// The line of the file as the editor wrote it (empty when the problem has no place).
    pub text: String,
    /// What would be valid, where the checker knows.
    pub hint: Option<String>,
}

impl ContentError {
    /// The same problem with `hint`: what would be valid.
    pub fn with_hint(self, hint: impl Into<String>) -> Self {
        Self {
            hint: Some(hint.into()),
            ..self
        }
    }

    /// `file:line:column: field: message`, the one line an editor's tools jump from.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.file, self.line, self.column, self.field, self.message
        )
    }
}

/// The headline, the line itself with a caret under the value, and the hint:
///
/// ```text
/// content/explainer.toml:42:8: layers[1].slug: `Bad Slug` is not a valid slug: …
///    42 | slug = "Bad Slug"
///       |        ^
///       = hint: `bad-slug`
/// ```
impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.headline())?;
        let gutter = " ".repeat(self.line.to_string().len());
        if !self.text.trim().is_empty() {
            let caret = " ".repeat(self.column.saturating_sub(1));
            write!(f, "\n {} | {}", self.line, self.text)?;
            write!(f, "\n {gutter} | {caret}^")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n {gutter} = hint: {hint}")?;
        }
        Ok(())
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

/// Turns byte offsets into places (line, column, the line's text) in one source text.
pub(crate) struct LineIndex<'a> {
    file: &'a str,
    source: &'a str,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(file: &'a str, source: &'a str) -> Self {
        Self { file, source }
    }

    /// The 1-based line, the 1-based column in characters, and the line's text at `offset`.
    fn place(&self, offset: usize) -> (usize, usize, &'a str) {
        let mut end = offset.min(self.source.len());
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.source[..end];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = self.source[end..]
            .find('\n')
            .map_or(self.source.len(), |newline| end + newline);
        let line = before.matches('\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        let text = self.source[line_start..line_end].trim_end_matches('\r');
        (line, column, text)
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.place(offset).0
    }

    pub(crate) fn error(
        &self,
        offset: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ContentError {
        let (line, column, text) = self.place(offset);
        ContentError {
            file: self.file.to_owned(),
            line,
            column,
            field: field.into(),
            message: message.into(),
            text: text.to_owned(),
            hint: None,
        }
    }
}
