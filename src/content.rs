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
}

/// The content the app shows: the compiled statics. Natively, the server renderer can show
/// another content file for the length of one render (`server::render_content_html`), so tests
/// render any story without rebuilding the app.
#[inline(always)]
pub fn content() -> &'static Content {
    #[cfg(target_arch = "wasm32")]
    return &CONTENT;
    #[cfg(not(target_arch = "wasm32"))]
    return SHOWN.with(std::cell::Cell::get);
}

/// Shows `shown` until the returned guard is dropped, then what was shown before.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn show(shown: &'static Content) -> impl Drop {
    struct Restore(&'static Content);
    impl Drop for Restore {
        fn drop(&mut self) {
            SHOWN.with(|cell| cell.set(self.0));
        }
    }
    Restore(SHOWN.with(|cell| cell.replace(shown)))
}
