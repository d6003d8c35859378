//! The newsroom's look (`[theme]`): the stylesheet's palette mixed from a theme's colours, and
//! every pair of colours style/main.css draws one on the other, checked against WCAG 2 AA.

use crate::error::{ContentError, LineIndex};
use crate::model::{Colour, SchemeColours, Theme};
use content_schema as schema;

/// WCAG 2's least contrast for text (1.4.3, AA).
pub const TEXT: f64 = 4.5;
/// WCAG 2's least contrast for controls, graphics and the focus ring against what they sit
/// on (1.4.11, AA).
pub const NON_TEXT: f64 = 3.0;

/// A colour the stylesheet draws on another (custom properties of style/main.css), and what
/// it draws: the need and its name in messages.
#[derive(Debug, PartialEq)]
pub struct Pair {
    pub fore: &'static str,
    pub back: &'static str,
    pub least: f64,
    pub drawn: &'static str,
}

const fn pair(fore: &'static str, back: &'static str, least: f64, drawn: &'static str) -> Pair {
    Pair {
        fore,
        back,
        least,
        drawn,
    }
}

/// Every pair of the palette style/main.css draws one on the other (its `color` on the
/// `background` it sits on; its outline, ring lines and fills on theirs). Not here: `--rule`'s
/// borders (the tabs and boxes are known by their text, not by the rule), and the article's
/// analysis colours, which a theme does not set.
pub const PAIRS: [Pair; 13] = [
    // Body text, headings; the tabs and panels; a linked quote, the chosen ring's name and
    // the no-script notice.
    pair("--ink", "--paper", TEXT, "text"),
    pair("--ink", "--panel", TEXT, "text"),
    pair("--ink", "--accent-soft", TEXT, "text"),
    // The dek and attributions; How we know, the caption; a linked quote's attribution.
    pair("--ink-muted", "--paper", TEXT, "text"),
    pair("--ink-muted", "--panel", TEXT, "text"),
    pair("--ink-muted", "--accent-soft", TEXT, "text"),
    // Links and text buttons (How we know, Copy link, Embed), the context figures.
    pair("--accent", "--paper", TEXT, "text"),
    pair("--accent", "--panel", TEXT, "text"),
    pair("--accent", "--accent-soft", TEXT, "text"),
    // Previous / Next, Copy, the chosen tab.
    pair("--accent-ink", "--accent", TEXT, "text"),
    // The focus ring (2 px outside the control), on the page and on a panel.
    pair("--focus", "--paper", NON_TEXT, "the focus ring"),
    pair("--focus", "--panel", NON_TEXT, "the focus ring"),
    // The rings' lines on their fill: the drawing's graphics.
    pair("--ring-line", "--panel", NON_TEXT, "graphics"),
];

/// Shares of the theme's colours in the colours mixed from them, close to the stylesheet's own
/// palette: muted text is mostly text, the panels barely off the paper.
const MUTED_TEXT: f64 = 0.78;
const PANEL: f64 = 0.05;
const RULE: f64 = 0.22;
const MARKED: f64 = 0.15;
const RING_LINE: f64 = 0.6;

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance(colour: Colour) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = colour.0.map(linear);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2 contrast ratio of two colours, from 1 to 21, whichever is lighter.
pub fn contrast(a: Colour, b: Colour) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `ratio` as a person reads it, never rounded up (4.499 is not 4.5): "4.48", "2.9".
pub fn ratio_text(ratio: f64) -> String {
    let hundredths = (ratio * 100.0).floor() / 100.0;
    let text = format!("{hundredths:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `share` of `other` mixed into `base`, channel by channel in sRGB (CSS `color-mix(in srgb)`).
fn mix(base: Colour, other: Colour, share: f64) -> Colour {
    let channel = |i: usize| {
        let value = f64::from(base.0[i]) * (1.0 - share) + f64::from(other.0[i]) * share;
        value.round().clamp(0.0, 255.0) as u8
    };
    Colour([channel(0), channel(1), channel(2)])
}

/// The stylesheet's palette in one scheme, from the theme's colours.
pub fn palette(colours: &SchemeColours) -> schema::Palette {
    let text = *colours.text.get_ref();
    let paper = *colours.paper.get_ref();
    let accent = *colours.accent.get_ref();
    let focus = colours
        .focus
        .as_ref()
        .map_or(text, |focus| *focus.get_ref());
    // A button's words: the paper or the text, whichever stands out on the accent.
    let accent_ink = match contrast(paper, accent) >= contrast(text, accent) {
        true => paper,
        false => text,
    };
    let hex = |colour: Colour| -> &'static str { Box::leak(colour.hex().into_boxed_str()) };
    schema::Palette {
        ink: hex(text),
        ink_muted: hex(mix(paper, text, MUTED_TEXT)),
        paper: hex(paper),
        panel: hex(mix(paper, text, PANEL)),
        rule: hex(mix(paper, text, RULE)),
        accent: hex(accent),
        accent_ink: hex(accent_ink),
        accent_soft: hex(mix(paper, accent, MARKED)),
        focus: hex(focus),
        ring_line: hex(mix(paper, text, RING_LINE)),
    }
}

/// A pair of `PAIRS` below its least contrast, with the colours it had.
#[derive(Debug, PartialEq)]
pub struct Shortfall {
    pub pair: &'static Pair,
    pub fore: Colour,
    pub back: Colour,
    pub ratio: f64,
}

/// Every pair of `palette` below WCAG 2 AA, in `PAIRS`' order. A colour that is not hex (the
/// stylesheet's own palette is read as text) counts as missing: a panic names it.
pub fn shortfalls(palette: &schema::Palette) -> Vec<Shortfall> {
    let colour = |property: &str| {
        let (_, value) = palette
            .custom_properties()
            .into_iter()
            .find(|(name, _)| *name == property)
            .unwrap_or_else(|| panic!("{property} is not in the palette"));
        Colour::parse(value).unwrap_or_else(|| panic!("{property}: `{value}` is not hex"))
    };
    PAIRS
        .iter()
        .filter_map(|pair| {
            let (fore, back) = (colour(pair.fore), colour(pair.back));
            let ratio = contrast(fore, back);
            (ratio < pair.least).then_some(Shortfall {
                pair,
                fore,
                back,
                ratio,
            })
        })
        .collect()
}

/// Every pair the theme's palettes draw below WCAG 2 AA, each at the line of the colour to
/// change, as `theme.dark.accent: contrast 2.9:1 with theme.dark.paper, below 4.5:1 for text`.
pub(crate) fn check(theme: &Theme, lines: &LineIndex, errors: &mut Vec<ContentError>) {
    for (scheme, colours) in [("light", &theme.light), ("dark", &theme.dark)] {
        for shortfall in shortfalls(&palette(colours)) {
            let (field, at) = to_change(shortfall.pair, colours);
            let message = format!(
                "{}contrast {}:1 with {}, below {}:1 for {}",
                derived(shortfall.pair.fore, shortfall.fore, scheme),
                ratio_text(shortfall.ratio),
                named(shortfall.pair.back, shortfall.back, scheme),
                ratio_text(shortfall.pair.least),
                shortfall.pair.drawn,
            );
            errors.push(lines.error(at, format!("theme.{scheme}.{field}"), message));
        }
    }
}

/// The theme's field to change for `pair`, and where it is written: the colour drawn, or for
/// a colour mixed from the text, the text; a button's words come from the paper or text, so
/// its accent is what to change.
fn to_change(pair: &Pair, colours: &SchemeColours) -> (&'static str, usize) {
    match pair.fore {
        "--accent" | "--accent-ink" => ("accent", colours.accent.span().start),
        "--focus" => match &colours.focus {
            Some(focus) => ("focus", focus.span().start),
            None => ("text", colours.text.span().start),
        },
        _ => ("text", colours.text.span().start),
    }
}

/// How a message names `property`, one of the theme's own colours or one mixed from them.
fn named(property: &str, colour: Colour, scheme: &str) -> String {
    let own = |field: &str| format!("theme.{scheme}.{field}");
    match property {
        "--ink" => own("text"),
        "--paper" => own("paper"),
        "--accent" => own("accent"),
        "--focus" => own("focus"),
        "--panel" => format!(
            "the panels' {} (the paper with a little text)",
            colour.hex()
        ),
        "--accent-soft" => format!(
            "a linked quote's {} (the paper with a little accent)",
            colour.hex()
        ),
        "--ink-muted" => format!("muted text {} (text mixed with paper)", colour.hex()),
        "--accent-ink" => format!("a button's words {}", colour.hex()),
        "--ring-line" => format!("the rings' lines {} (text mixed with paper)", colour.hex()),
        other => format!("{other} {}", colour.hex()),
    }
}

/// The start of a message about the colour `property`: nothing for the field itself, else
/// which mixed colour it is.
fn derived(property: &str, colour: Colour, scheme: &str) -> String {
    match property {
        "--ink" | "--accent" | "--focus" => String::new(),
        _ => format!("{}: ", named(property, colour, scheme)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(hex: &str) -> Colour {
        Colour::parse(hex).unwrap()
    }

    fn ratio(a: &str, b: &str) -> String {
        ratio_text(contrast(colour(a), colour(b)))
    }

    #[test]
    fn contrast_matches_known_pairs() {
        // 4.478:1, which WCAG's examples round to 4.48 and we never round up.
        assert!((contrast(colour("#777"), colour("#fff")) - 4.478).abs() < 0.001);
        assert_eq!(ratio("#777", "#fff"), "4.47");
        assert_eq!(ratio("#000", "#fff"), "21");
        assert_eq!(ratio("#fff", "#000"), "21", "either way round");
        assert_eq!(ratio("#767676", "#ffffff"), "4.54");
        assert_eq!(ratio("#1d4f91", "#1d4f91"), "1");
        assert!(contrast(colour("#777"), colour("#fff")) < TEXT);
        assert!(contrast(colour("#767676"), colour("#fff")) >= TEXT);
    }

    #[test]
    fn ratios_are_never_rounded_up() {
        assert_eq!(ratio_text(4.499), "4.49");
        assert_eq!(ratio_text(2.9), "2.9");
        assert_eq!(ratio_text(3.0), "3");
    }

    #[test]
    fn mixes_are_in_srgb() {
        assert_eq!(
            mix(colour("#000"), colour("#fff"), 0.5).hex(),
            "#808080",
            "half way, rounded"
        );
        assert_eq!(mix(colour("#123456"), colour("#fff"), 0.0).hex(), "#123456");
    }
}
