//! The stylesheet's palette (style/main.css): written once, as `light-dark(light, dark)` pairs,
//! with a plain light copy for engines without `light-dark()` that must stay the pairs' first
//! halves, colour for colour.

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
