//! The shape of the content file, as an editor writes it.
//!
//! Value types check themselves while they are read (`Text` is never blank, `IsoDate` is a real
//! day, `Slug` is URL-safe), so a bad value is reported with the field path and line that serde
//! and the TOML reader already know.

use serde::{de, Deserialize, Deserializer};
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    pub meta: Meta,
    pub source: Source,
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::UiStrings"))]
    pub ui: UiTable,
    pub channels: BTreeMap<String, Channel>,
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Stage>"))]
    pub stages: Spanned<Vec<Stage>>,
    pub layers: Vec<Layer>,
    pub why_now: WhyNow,
    pub still_open: StillOpen,
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The newsroom's look; without it the page keeps the stylesheet's own.
    #[serde(default)]
    pub theme: Option<Theme>,
}

/// `[theme]`: the newsroom's colours and fonts. The build checks every pair of colours the
/// stylesheet draws with them against WCAG 2 AA (theme.rs).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The colours of the light scheme (`[theme.light]`).
    pub light: SchemeColours,
    /// The colours of the dark scheme (`[theme.dark]`), shown when the reader's system or the
    /// host page (`?theme=dark`) asks for it.
    pub dark: SchemeColours,
    /// The body text's CSS font stack, such as `Georgia, "Times New Roman", serif`; absent:
    /// the system's sans-serif.
    #[serde(default)]
    pub body_font: Option<FontStack>,
    /// The headings' CSS font stack; absent: the body's.
    #[serde(default)]
    pub heading_font: Option<FontStack>,
}

/// One scheme's colours, each CSS hex (`#rgb` or `#rrggbb`). The panels, muted text, rules and
/// the marked quote's background are mixed from them.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SchemeColours {
    /// The text colour, on the paper and the panels.
    #[cfg_attr(feature = "schema", schemars(with = "Colour"))]
    pub text: Spanned<Colour>,
    /// The page's background.
    #[cfg_attr(feature = "schema", schemars(with = "Colour"))]
    pub paper: Spanned<Colour>,
    /// Links, the chosen layer, buttons and rules that stand out: text on the paper and the
    /// panels, and the background of buttons' text.
    #[cfg_attr(feature = "schema", schemars(with = "Colour"))]
    pub accent: Spanned<Colour>,
    /// The keyboard focus ring; absent: the text colour.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Colour>"))]
    pub focus: Option<Spanned<Colour>>,
}

/// A colour written as CSS hex, `#rgb` or `#rrggbb`: nothing else can reach the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    pub fn parse(raw: &str) -> Option<Colour> {
        let digits = raw.strip_prefix('#')?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |hex: &str| u8::from_str_radix(hex, 16).ok();
        let short = |i: usize| channel(&digits[i..=i].repeat(2));
        let long = |i: usize| channel(&digits[2 * i..2 * i + 2]);
        let channels = match digits.len() {
            3 => [short(0)?, short(1)?, short(2)?],
            6 => [long(0)?, long(1)?, long(2)?],
            _ => return None,
        };
        Some(Colour(channels))
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(&self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Colour::parse(&raw).ok_or_else(|| {
            de::Error::custom(format!(
                "`{raw}` is not a colour written as CSS hex: #rgb or #rrggbb, such as #1d4f91"
            ))
        })
    }
}

/// A CSS font stack: family names separated by commas, each of letters, digits, spaces,
/// hyphens and underscores, or quoted whole with `"` or `'`. It goes into the stylesheet, so
/// nothing that could end its declaration or rule (`;`, `{`, `}`, `<`, `url(`…) is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontStack(pub String);

impl FontStack {
    /// The problem with `raw` as a font stack, if any.
    pub fn problem(raw: &str) -> Option<String> {
        if raw.trim().is_empty() {
            return Some("must not be empty".to_owned());
        }
        let family_problem = raw.split(',').find_map(|family| {
            let family = family.trim();
            let inner = ['"', '\''].iter().find_map(|&quote| {
                family
                    .strip_prefix(quote)
                    .and_then(|rest| rest.strip_suffix(quote))
            });
            let name = inner.unwrap_or(family);
            let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_');
            match name.chars().find(|&c| !allowed(c)) {
                _ if name.trim().is_empty() => Some("an empty family name".to_owned()),
                Some(c) => Some(format!("`{c}` in `{family}`")),
                None => None,
            }
        })?;
        Some(format!(
            "`{raw}` is not a font stack ({family_problem}): write family names separated by commas, each of letters, digits, spaces and hyphens, quoted with \" or ' if you like; nothing else can go into the stylesheet"
        ))
    }
}

impl<'de> Deserialize<'de> for FontStack {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        match FontStack::problem(&raw) {
            Some(problem) => Err(de::Error::custom(problem)),
            None => Ok(FontStack(raw.trim().to_owned())),
        }
    }
}

/// A correction, published with the day it was made.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Correction {
    #[cfg_attr(feature = "schema", schemars(with = "IsoDate"))]
    pub date: Spanned<IsoDate>,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// A BCP 47 tag; its language (the part before any `-`) must be one dates can be written
    /// in (`IsoDate::news_style`).
    #[cfg_attr(feature = "schema", schemars(with = "Text"))]
    pub lang: Spanned<Text>,
    pub title: Text,
    pub dek: Claim,
    pub description: Claim,
    /// The figure's caption: what the drawing of the layers shows.
    pub figure_caption: Claim,
    pub declaration_date: IsoDate,
    /// The day of the last change since publication; absent until there is one.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<IsoDate>"))]
    pub updated: Option<Spanned<IsoDate>>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The article's text, a path relative to the content file: the test suite checks every
    /// quote against it. Never shown, so not baked into the app.
    #[cfg_attr(feature = "schema", schemars(with = "Text"))]
    pub article: Spanned<Text>,
    pub article_title: Text,
    pub author: Text,
    pub publication: Text,
    pub published: IsoDate,
    pub credit: Text,
}

/// The `[ui]` table: interface text by key. Its keys are `content_schema::Ui::FIELDS` (the one
/// definition), checked in validate.rs, so a new string is declared only there.
pub type UiTable = Spanned<BTreeMap<String, Spanned<Text>>>;

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Layer {
    #[cfg_attr(feature = "schema", schemars(with = "Slug"))]
    pub slug: Spanned<Slug>,
    pub name: Text,
    pub tagline: Claim,
    /// Sentence by sentence, each with its support.
    pub summary: Vec<Claim>,
    pub status: Vec<Claim>,
    pub stage: StageChoice,
    pub contributors: Vec<Claim>,
    #[serde(default)]
    pub commitments: Vec<Claim>,
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
}

/// A sentence (or list item) of ours and the passages of the article that back it: excerpts,
/// verbatim, and quotes of the file by id. A claim with neither is refused (validate.rs).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    #[cfg_attr(feature = "schema", schemars(with = "Text"))]
    pub text: Spanned<Text>,
    /// The article's own words, verbatim (checked as quotes are).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Text>"))]
    pub support: Vec<Spanned<Text>>,
    /// Quotes of this file, by id.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
}

/// A layer's stage (the id of one of `[[stages]]`) and the passages that make it that settled.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageChoice {
    #[cfg_attr(feature = "schema", schemars(with = "Slug"))]
    pub id: Spanned<Slug>,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Text>"))]
    pub support: Vec<Spanned<Text>>,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
}

/// How a quote reached the public ("Social media post"), and the article's words that say so.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub label: Text,
    /// Words of which a quote's attribution must hold one ("posted", "post"): the channel is
    /// what the article says.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Text>"))]
    pub cues: Spanned<Vec<Text>>,
}

/// How settled a layer is; the legend lists the stages in the file's order.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[cfg_attr(feature = "schema", schemars(with = "Slug"))]
    pub id: Spanned<Slug>,
    pub label: Text,
    #[cfg_attr(feature = "schema", schemars(with = "Line"))]
    pub line: Spanned<Line>,
}

/// How the figure draws a ring at a stage. The file's words are the app's `Line::name`
/// (tests/content_editorial.rs checks that they agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Line {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhyNow {
    pub heading: Text,
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
    pub summary: Vec<Claim>,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    #[cfg_attr(feature = "schema", schemars(with = "Text"))]
    pub value: Spanned<Text>,
    pub label: Text,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Text>"))]
    pub support: Vec<Spanned<Text>>,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StillOpen {
    pub heading: Text,
    pub summary: Vec<Claim>,
    pub items: Vec<OpenItem>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenItem {
    pub topic: Text,
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Slug>"))]
    pub quotes: Vec<Spanned<Slug>>,
    pub summary: Vec<Claim>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    #[cfg_attr(feature = "schema", schemars(with = "Slug"))]
    pub id: Spanned<Slug>,
    #[cfg_attr(feature = "schema", schemars(with = "Text"))]
    pub text: Spanned<Text>,
    pub speaker: Text,
    /// As the article gives it; absent where it gives none.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Text>"))]
    pub role: Option<Spanned<Text>>,
    /// A day only where the attribution gives one; else the month.
    #[cfg_attr(feature = "schema", schemars(with = "IsoDate"))]
    pub date: Spanned<IsoDate>,
    #[cfg_attr(feature = "schema", schemars(with = "Slug"))]
    pub channel: Spanned<Slug>,
    /// The article's own words that attribute the quote: who, how, when. Verbatim.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<Text>"))]
    pub attribution: Vec<Spanned<Text>>,
}

/// A string with at least one visible character, trimmed of surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(de::Error::custom("must not be empty"));
        }
        Ok(Text(trimmed.to_owned()))
    }
}

/// A URL- and id-safe name: lowercase ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slug(pub String);

impl Slug {
    pub fn is_valid(candidate: &str) -> bool {
        !candidate.is_empty()
            && !candidate.starts_with('-')
            && !candidate.ends_with('-')
            && !candidate.contains("--")
            && candidate
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        if !Slug::is_valid(&raw) {
            return Err(de::Error::custom(format!(
                "`{raw}` is not a valid slug: use lowercase letters, digits and single hyphens{}`{}`",
                crate::hint::HINT_MARK,
                crate::hint::slug_from(&raw)
            )));
        }
        Ok(Slug(raw))
    }
}

/// A calendar day written as YYYY-MM-DD, or a month written as YYYY-MM where the source gives
/// no day (an editor must never invent one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

/// The languages dates can be written in, by `news_style`.
pub const DATE_LANGUAGES: [&str; 3] = ["en", "uk", "de"];

/// Ukrainian month names: genitive after a day ("6 січня"), nominative alone ("січень").
const UKRAINIAN_MONTHS: [(&str, &str); 12] = [
    ("січня", "січень"),
    ("лютого", "лютий"),
    ("березня", "березень"),
    ("квітня", "квітень"),
    ("травня", "травень"),
    ("червня", "червень"),
    ("липня", "липень"),
    ("серпня", "серпень"),
    ("вересня", "вересень"),
    ("жовтня", "жовтень"),
    ("листопада", "листопад"),
    ("грудня", "грудень"),
];

/// German month names.
const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl IsoDate {
    pub fn parse(raw: &str) -> Option<Self> {
        let mut parts = raw.split('-');
        let year = number(parts.next()?, 4)?;
        let month = u8::try_from(number(parts.next()?, 2)?).ok()?;
        let day = parts
            .next()
            .map(|d| number(d, 2).and_then(|d| u8::try_from(d).ok()));
        if parts.next().is_some() || !(1..=12).contains(&month) {
            return None;
        }
        let date = IsoDate {
            year,
            month,
            day: day.map_or(Some(None), |d| d.map(Some))?,
        };
        match date.day {
            Some(day) if !(1..=date.days_in_month()).contains(&day) => None,
            _ => Some(date),
        }
    }

    fn days_in_month(&self) -> u8 {
        let leap = (self.year.is_multiple_of(4) && !self.year.is_multiple_of(100))
            || self.year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Whether this day (or month) is surely earlier than `other`: a month without a day is
    /// compared by month only, since its day is unknown.
    pub fn is_before(&self, other: &IsoDate) -> bool {
        let month = (self.year, self.month);
        let other_month = (other.year, other.month);
        match (self.day, other.day) {
            (Some(day), Some(other_day)) => (month, day) < (other_month, other_day),
            _ => month < other_month,
        }
    }

    /// The machine-readable form, for `<time datetime>`.
    pub fn iso(&self) -> String {
        match self.day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, self.month, day),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// The date as that language's news writes it, for `lang` (a BCP 47 tag); `None` for a
    /// language not in `DATE_LANGUAGES`.
    pub fn news_style(&self, lang: &str) -> Option<String> {
        match lang.split('-').next() {
            Some("en") => Some(self.english_news_style()),
            Some("uk") => Some(self.ukrainian_news_style()),
            Some("de") => Some(self.german_news_style()),
            _ => None,
        }
    }

    /// The day as running text writes it, without the year ("Jan. 6", "6 січня"); `None` for
    /// a month without a day or a language not in `DATE_LANGUAGES`.
    pub fn day_in_text(&self, lang: &str) -> Option<String> {
        self.day?;
        let full = self.news_style(lang)?;
        let year = self.year.to_string();
        let cut = full.find(&year)?;
        Some(full[..cut].trim_end_matches([',', ' ']).to_owned())
    }

    /// Ukrainian news style: "6 січня 2026 року", and "січень 2026 року" without a day.
    fn ukrainian_news_style(&self) -> String {
        let (genitive, nominative) = UKRAINIAN_MONTHS[usize::from(self.month) - 1];
        match self.day {
            Some(day) => format!("{day} {genitive} {} року", self.year),
            None => format!("{nominative} {} року", self.year),
        }
    }

    /// German news style: "6. Januar 2026", and "Januar 2026" without a day.
    fn german_news_style(&self) -> String {
        let month = GERMAN_MONTHS[usize::from(self.month) - 1];
        match self.day {
            Some(day) => format!("{day}. {month} {}", self.year),
            None => format!("{month} {}", self.year),
        }
    }

    /// News style (AP): "Jan. 6, 2026", "March 3, 2026", and "January 2026" without a day.
    fn english_news_style(&self) -> String {
        let month = MONTHS[usize::from(self.month) - 1];
        match self.day {
            None => format!("{month} {}", self.year),
            Some(day) if month.len() <= 5 => format!("{month} {day}, {}", self.year),
            Some(day) => {
                let short = if month == "September" {
                    "Sept"
                } else {
                    &month[..3]
                };
                format!("{short}. {day}, {}", self.year)
            }
        }
    }
}

/// Exactly `width` ASCII digits.
fn number(digits: &str, width: usize) -> Option<u16> {
    let well_formed = digits.len() == width && digits.bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| digits.parse().ok()).flatten()
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        IsoDate::parse(&raw)
            .ok_or_else(|| de::Error::custom(format!("`{raw}` is not a real date written as YYYY-MM-DD (or YYYY-MM when the day is unknown)")))
    }
}

/// Anything of ours that the article must back: where it stands, its words (for the word
/// checks), and its support.
pub trait Backed {
    fn at(&self) -> usize;
    fn words(&self) -> String;
    fn excerpts(&self) -> &[Spanned<Text>];
    fn quote_ids(&self) -> &[Spanned<Slug>];
}

/// `Backed` for a type with `support` and `quotes` fields: where it stands is `$at`'s start,
/// its words `$words`.
macro_rules! backed {
    ($type:ty, |$item:ident| $at:expr, $words:expr) => {
        impl Backed for $type {
            fn at(&self) -> usize {
                let $item = self;
                $at.span().start
            }
            fn words(&self) -> String {
                let $item = self;
                $words
            }
            fn excerpts(&self) -> &[Spanned<Text>] {
                &self.support
            }
            fn quote_ids(&self) -> &[Spanned<Slug>] {
                &self.quotes
            }
        }
    };
}

backed!(Claim, |claim| claim.text, claim.text.get_ref().0.clone());
// A stage's words are its label's, which the layer's status repeats and backs.
backed!(StageChoice, |stage| stage.id, {
    let _ = stage;
    String::new()
});
backed!(Figure, |figure| figure.value, {
    format!("{} {}", figure.value.get_ref().0, figure.label.0)
});
