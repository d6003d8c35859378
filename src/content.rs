//! The explainer's words as static data, compiled from the content file by `build.rs`. The types
//! are `content_schema`'s, the one definition the content compiler also builds and bakes; the
//! WASM carries no text-format parser.

pub use content_schema::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The content file the app was built from (`EXPLAINER_CONTENT`, or `content/explainer.toml`).
pub const CONTENT_FILE: &str = env!("EXPLAINER_CONTENT_FILE");

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static SHOWN: std::cell::Cell<&'static Content> = const { std::cell::Cell::new(&CONTENT) };
    /// Where prerendered pieces read from, when not from `SHOWN` (`show_with_app_reach`).
    static PIECES: std::cell::Cell<Option<&'static Content>> = const { std::cell::Cell::new(None) };
}

/// The content the app shows: the compiled statics (in the browser, only the app's reach: see
/// `prerendered`). Natively, the server renderer can show another content file for the length
/// of one render (`server::render_content_html`), so tests render any story without rebuilding.
#[inline(always)]
pub fn content() -> &'static Content {
    #[cfg(target_arch = "wasm32")]
    return &CONTENT;
    #[cfg(not(target_arch = "wasm32"))]
    return SHOWN.with(std::cell::Cell::get);
}

/// Shows `shown` until the returned guard is dropped, then what was shown before: for the
/// server renderer and tools (the editors' live page, `cargo xtask serve`) on this thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn show(shown: &'static Content) -> impl Drop {
    Restore::after(|| SHOWN.with(|cell| cell.set(shown)))
}

/// Shows `app` (a story's app reach, as the browser's content holds it) to the app and `full`
/// to the prerendered pieces, as the browser meets them: the app's own content, the server's
/// markup.
#[cfg(not(target_arch = "wasm32"))]
pub fn show_with_app_reach(app: &'static Content, full: &'static Content) -> impl Drop {
    Restore::after(|| {
        SHOWN.with(|cell| cell.set(app));
        PIECES.with(|cell| cell.set(Some(full)));
    })
}

/// While a prerendered piece renders: the full content, where the app is shown only its reach.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn show_pieces() -> impl Drop {
    Restore::after(|| {
        if let Some(full) = PIECES.with(std::cell::Cell::get) {
            SHOWN.with(|cell| cell.set(full));
        }
    })
}

/// What was shown before a change, put back when dropped.
#[cfg(not(target_arch = "wasm32"))]
struct Restore(&'static Content, Option<&'static Content>);

#[cfg(not(target_arch = "wasm32"))]
impl Restore {
    fn after(change: impl FnOnce()) -> Restore {
        let before = Restore(
            SHOWN.with(std::cell::Cell::get),
            PIECES.with(std::cell::Cell::get),
        );
        change();
        before
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Drop for Restore {
    fn drop(&mut self) {
        SHOWN.with(|cell| cell.set(self.0));
        PIECES.with(|cell| cell.set(self.1));
    }
}
