//! The content file's `[theme]` in the site's own stylesheet: its palette and fonts appended
//! as custom properties, so strict CSPs (`style-src 'self'`) hold, and renamed with a fresh
//! integrity like any change to the stylesheet (`minify::rewrite_stylesheet`). The colours were
//! checked against WCAG 2 AA by the content compiler (`content_compiler::theme`).

use coalition_explainer::content::content;
use content_compiler::content_schema::Theme;
use std::path::Path;

/// `page` linking to its stylesheet with the content's theme appended; as it was without one.
/// With `keep`, the stylesheet it replaces stays (the editors' loop themes it again).
pub fn apply(folder: &Path, page: &str, keep: bool) -> Result<String, String> {
    append(folder, page, content().theme.as_ref(), keep)
}

fn append(folder: &Path, page: &str, theme: Option<&Theme>, keep: bool) -> Result<String, String> {
    match theme {
        Some(theme) => crate::minify::rewrite_stylesheet(folder, page, keep, |css| {
            Ok(format!("{css}\n{}", stylesheet(theme)))
        }),
        None => Ok(page.to_owned()),
    }
}

/// The rules that give the page `theme`'s look, after style/main.css's own. On screen only and
/// not in forced colours: print (black on white) and high contrast (system colours) keep theirs.
pub fn stylesheet(theme: &Theme) -> String {
    let light = theme.light.custom_properties();
    let dark = theme.dark.custom_properties();
    let paired = light
        .iter()
        .zip(dark)
        .map(|((name, light), (_, dark))| (*name, format!("light-dark({light}, {dark})")));
    let light_only = light.iter().map(|(name, light)| (*name, light.to_string()));
    format!(
        "/* The newsroom's look: the content file's [theme] (xtask/src/theme.rs). */\n\
         @media screen and (forced-colors: none) {{\n{}}}\n\n\
         /* As in style/main.css: an engine without light-dark() gets the light palette. */\n\
         @supports not (color: light-dark(#000000, #ffffff)) {{\n\
         @media screen and (forced-colors: none) {{\n{}}}\n}}\n{}",
        rule(":root", paired),
        rule(":root,\n:root[data-theme]", light_only),
        font_rules(theme)
    )
}

/// `selector`'s block declaring each `(property, value)`.
fn rule<'a>(selector: &str, declarations: impl Iterator<Item = (&'a str, String)>) -> String {
    let body: String = declarations
        .map(|(name, value)| format!("  {name}: {value};\n"))
        .collect();
    format!("{selector} {{\n{body}}}\n")
}

/// The body's and the headings' font stacks, where the theme gives them.
fn font_rules(theme: &Theme) -> String {
    let fonts = [
        (":root", theme.body_font),
        ("h1,\nh2,\nh3", theme.heading_font),
    ];
    let rules: String = fonts
        .into_iter()
        .filter(|(_, stack)| !stack.is_empty())
        .map(|(selector, stack)| rule(selector, [("font-family", stack.to_owned())].into_iter()))
        .collect();
    match rules.is_empty() {
        true => rules,
        false => format!("\n@media screen {{\n{rules}}}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standalone::tests::{built_site, INDEX};
    use crate::standalone::{site_path, STYLESHEET};
    use content_compiler::content_schema::Palette;

    const fn palette(ink: &'static str, paper: &'static str) -> Palette {
        Palette {
            ink,
            ink_muted: "#444444",
            paper,
            panel: "#eeeeee",
            rule: "#cccccc",
            accent: "#8a1c1c",
            accent_ink: "#ffffff",
            accent_soft: "#f3dddd",
            focus: "#222222",
            ring_line: "#666666",
        }
    }

    const THEME: Theme = Theme {
        light: palette("#111111", "#fffdf8"),
        dark: palette("#f2efe8", "#1a1714"),
        body_font: "Georgia, \"Times New Roman\", serif",
        heading_font: "",
    };

    #[test]
    fn the_theme_sets_each_property_in_both_schemes_on_screen_only() {
        let css = stylesheet(&THEME);
        assert!(css.contains("@media screen and (forced-colors: none) {\n:root {\n  --ink: light-dark(#111111, #f2efe8);\n  --ink-muted: light-dark(#444444, #444444);"), "{css}");
        assert!(
            css.contains(":root,\n:root[data-theme] {\n  --ink: #111111;"),
            "{css}"
        );
        assert!(css.contains("@media screen {\n:root {\n  font-family: Georgia, \"Times New Roman\", serif;\n}\n}"), "{css}");
        assert!(!css.contains("h1"), "no heading font: the body's");
        assert_eq!(css.matches("--paper:").count(), 2);
        crate::minify::stylesheet(&css).expect("it parses");
    }

    #[test]
    fn the_stylesheet_with_a_theme_is_renamed_with_its_integrity() {
        let folder = built_site("themed");
        let page = append(&folder, INDEX, Some(&THEME), false).unwrap();
        let tag = crate::html::find(&page, STYLESHEET).unwrap();
        let href = tag.get("href").unwrap();
        assert!(
            href.starts_with("./main-") && href.ends_with(".css"),
            "{href}"
        );
        let css = std::fs::read(site_path(&folder, href)).unwrap();
        assert!(css.starts_with(b"body{color:red}\n/* The newsroom's look"));
        use base64::Engine;
        use sha2::Digest;
        let integrity =
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&css));
        assert_eq!(tag.get("integrity").unwrap(), format!("sha384-{integrity}"));
        assert!(!folder.join("main.css").exists());
        assert_eq!(
            append(&folder, INDEX, None, false).unwrap(),
            INDEX,
            "no theme: no change"
        );
        std::fs::remove_dir_all(folder).unwrap();
    }
}
