//! Reading one value out of a generated file (Cargo.lock, Trunk's index.html) without a parser.

/// The text between the first `marker` in `text` and the next `"`: a double-quoted value whose
/// opening quote ends `marker`.
pub fn quoted_value_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let start = text.find(marker)? + marker.len();
    let length = text[start..].find('"')?;
    Some(&text[start..start + length])
}

#[cfg(test)]
mod tests {
    use super::quoted_value_after;

    #[test]
    fn reads_the_first_quoted_value_after_the_marker() {
        let text = "name = \"a\"\nversion = \"1.2\"\nversion = \"9\"";
        assert_eq!(quoted_value_after(text, "version = \""), Some("1.2"));
        assert_eq!(quoted_value_after(text, "edition = \""), None);
        assert_eq!(quoted_value_after("src=\"unclosed", "src=\""), None);
    }
}
