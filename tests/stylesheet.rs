//! The stylesheet's palette (style/main.css): written once, as `light-dark(light, dark)` pairs,
//! with a plain light copy for engines without `light-dark()` that must stay the pairs' first
//! halves, colour for colour.

use content_compiler::content_schema::Palette;
use content_compiler::theme;
use std::collections::BTreeMap;

const STYLESHEET: &str = include_str!("../style/main.css");
const FALLBACK: &str = "@supports not (color: light-dark(";

/// The `--name: value;` declarations of the first rule block after `start`.
fn declarations(after: &str) -> BTreeMap<&str, &str> {
    let block = after.split_once('{').expect("a block").1;
    let block = block.split_once('}').expect("its end").0;
    block
        .split(';')
        .filter_map(|declaration| declaration.trim().split_once(':'))
        .filter(|(name, _)| name.starts_with("--"))
        .map(|(name, value)| (name, value.trim()))
        .collect()
}

fn palette_pairs() -> BTreeMap<&'static str, (&'static str, &'static str)> {
    let root = &STYLESHEET[STYLESHEET.find(":root {").expect("a :root rule")..];
    declarations(root)
        .into_iter()
        .filter_map(|(name, value)| {
            let pair = value.strip_prefix("light-dark(")?.strip_suffix(')')?;
            let (light, dark) = pair.split_once(',')?;
            Some((name, (light.trim(), dark.trim())))
        })
        .collect()
}

#[test]
fn engines_without_light_dark_get_the_light_half_of_every_pair() {
    let pairs = palette_pairs();
    assert!(
        pairs.len() >= 10,
        "the palette is in light-dark pairs: {pairs:?}"
    );
    let fallback = &STYLESHEET[STYLESHEET
        .find(FALLBACK)
        .expect("a fallback for old engines")..];
    let after_condition = &fallback[fallback.find(") {").expect("its condition ends")..];
    let fallback = declarations(&after_condition[3..]);
    let light: BTreeMap<&str, &str> = pairs.iter().map(|(n, (l, _))| (*n, *l)).collect();
    assert_eq!(fallback, light);
}

#[test]
fn the_dark_palette_is_written_once() {
    assert!(
        !STYLESHEET.contains("prefers-color-scheme"),
        "the scheme is chosen by color-scheme alone, not by a second palette"
    );
    // A second dark palette (a `[data-theme=dark]` block, say) would repeat these values.
    for (name, (_, dark)) in palette_pairs() {
        assert_eq!(STYLESHEET.matches(dark).count(), 1, "{name}'s dark {dark}");
    }
}

/// The stylesheet's own palette in one scheme (`half` picks it from each pair), as a theme's.
fn default_palette(half: fn((&'static str, &'static str)) -> &'static str) -> Palette {
    let pairs = palette_pairs();
    let colour = |name: &str| half(pairs[name]);
    Palette {
        ink: colour("--ink"),
        ink_muted: colour("--ink-muted"),
        paper: colour("--paper"),
        panel: colour("--panel"),
        rule: colour("--rule"),
        accent: colour("--accent"),
        accent_ink: colour("--accent-ink"),
        accent_soft: colour("--accent-soft"),
        focus: colour("--focus"),
        ring_line: colour("--ring-line"),
    }
}

/// The pairs a content file's `[theme]` must pass (content_compiler::theme::PAIRS) hold for the
/// page without one, in both schemes.
#[test]
fn the_default_palette_passes_wcag_aa_in_both_schemes() {
    for (scheme, half) in [
        ("light", (|(light, _)| light) as fn(_) -> _),
        ("dark", |(_, dark)| dark),
    ] {
        let shortfalls = theme::shortfalls(&default_palette(half));
        assert!(shortfalls.is_empty(), "{scheme}: {shortfalls:#?}");
    }
}

/// Every custom property a theme sets is one of the palette's pairs: a renamed property would
/// leave the theme's value unread.
#[test]
fn a_theme_sets_only_the_palettes_own_properties() {
    let pairs = palette_pairs();
    for (name, _) in default_palette(|(light, _)| light).custom_properties() {
        assert!(pairs.contains_key(name), "{name}");
    }
    for pair in &theme::PAIRS {
        assert!(pairs.contains_key(pair.fore) && pairs.contains_key(pair.back));
    }
}
