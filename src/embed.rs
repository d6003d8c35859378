//! Talking to a host page that frames the explainer: pym.js v1's child protocol, AMP's
//! `embed-size` message, and the embed code newsrooms paste. Pure functions, tested natively;
//! `hooks::use_host_resize` and `components::EmbedCode` do the browser side.
//!
//! A host's message is only ever parsed, never navigated to or evaluated: the one message we
//! act on is pym's `width`, and the only action is to report our height again.

/// The query parameter that asks for embed mode outside a frame (a CMS preview, say).
pub const EMBED_PARAM: &str = "embed";

/// The query parameter that chooses the frame's colour scheme (read by assets/boot.js).
pub const THEME_PARAM: &str = "theme";

/// The colour scheme a newsroom chooses for its frame: `?theme=light|dark|auto`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's system, as the explainer does on its own page.
    Auto,
}

impl Theme {
    /// In the order the embed dialog offers them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// What an embedded explainer shows without `?theme=`: most articles are light, whatever
    /// the reader's system, and a dark frame in a light page reads as a hole in it.
    pub const EMBEDDED_DEFAULT: Theme = Theme::Light;

    /// The parameter's value, as the loader compares it (exactly).
    pub fn value(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// The theme whose `value` this is.
    pub fn from_value(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.value() == value)
    }
}

/// pym.js's field separator and message prefix: `pymxPYMx{id}xPYMx{type}xPYMx{value}`.
const PYM_SEPARATOR: &str = "xPYMx";
const PYM_PREFIX: &str = "pym";

/// The iframe's height before the explainer reports its own: roomy enough that a host without
/// `embed.js` or pym.js still shows most of a layer.
pub const INITIAL_FRAME_HEIGHT: u32 = 1600;

/// The longest child id we accept; pym's own ids are short element ids.
const MAX_CHILD_ID: usize = 64;

/// Host pages that hold a message bigger than this are not speaking pym.
const MAX_MESSAGE: usize = 256;

/// The `childId` that pym.js's parent put in our URL, if it is well formed.
pub fn child_id(search: &str) -> Option<&str> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let value = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "childId")?
        .1;
    is_valid_child_id(value).then_some(value)
}

fn is_valid_child_id(id: &str) -> bool {
    (1..=MAX_CHILD_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// pym's height message for `child_id`.
pub fn pym_height_message(child_id: &str, height: u32) -> String {
    format!("{PYM_PREFIX}{PYM_SEPARATOR}{child_id}{PYM_SEPARATOR}height{PYM_SEPARATOR}{height}")
}

/// The width a pym parent sent to `child_id`, if `message` is exactly such a message.
pub fn parent_width(message: &str, child_id: &str) -> Option<u32> {
    if message.len() > MAX_MESSAGE {
        return None;
    }
    let mut fields = message.split(PYM_SEPARATOR);
    let well_formed = fields.next() == Some(PYM_PREFIX)
        && fields.next() == Some(child_id)
        && fields.next() == Some("width");
    let width = fields.next().filter(|_| well_formed)?;
    if fields.next().is_some() || width.is_empty() || !width.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    width.parse().ok()
}

/// The width a frame has before `embed.js` makes it as wide as the article (and in a host that
/// never runs it): a number, as HTML wants, that fits most article columns.
pub const INITIAL_FRAME_WIDTH: u32 = 640;

/// The snippet a newsroom pastes: a titled iframe in embed mode, plus `embed.js`, which makes it
/// full-width and borderless and sizes it to its content. Valid HTML (a number for `width`, no
/// obsolete `frameborder`) and no inline style, which strict host policies refuse. `page` is the
/// explainer's absolute address without query; `embed.js` sits beside it. The theme is always
/// written, the default (light) too: the code says what the editor chose, and keeps it should
/// the default ever change. `allow="clipboard-write"` lets a reader's Copy link work inside the
/// frame (browsers refuse the clipboard to a frame from another origin otherwise).
pub fn embed_snippet(page: &str, title: &str, initial_height: u32, theme: Theme) -> String {
    let folder = page.rsplit_once('/').map_or(page, |(folder, _)| folder);
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(
        "<iframe src=\"{page}?{EMBED_PARAM}&{THEME_PARAM}={theme}\" title=\"{title}\" width=\"{INITIAL_FRAME_WIDTH}\" \
         height=\"{initial_height}\" loading=\"lazy\" allow=\"clipboard-write\" data-coalition-explainer></iframe>\n\
         <script src=\"{folder}/embed.js\" async></script>",
        theme = theme.value(),
    )
}
