//! Markup that never changes once the page has loaded: the words of the panels, the quotes, the
//! context sections, the credits. The prerender writes it; the browser's app adopts it as it is
//! and carries neither its words nor the code that draws it.
//!
//! `prerendered!(function(arguments))` is an `Html` value. On the server it is the markup the
//! function returns, written between Yew's raw-HTML markers. In the browser it is an empty raw node:
//! hydrating one takes over whatever lies between its markers, and a raw node whose HTML never
//! changes is never touched again. The function is not even compiled for the browser.
//!
//! Architecture Invariant: a prerendered piece reads its words from `content()` itself, by
//! index, and is handed by the app only values in the app's reach: the browser's content
//! (`build.rs`, the compiler's `Reach::App`) keeps only what the app draws, so the app's own
//! references lead to blank words. `tests/prerendered.rs` renders the page with the app's content and requires it
//! identical to the full render.

/// See the module: `function(arguments)` (returning `Html`) on the server, what the server
/// wrote in the browser. In the browser the arguments are evaluated and dropped, so the values
/// the page hands a piece are used either way, and the function is not compiled at all.
#[macro_export]
macro_rules! prerendered {
    ($($function:ident)::+ ($($argument:expr),* $(,)?)) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let piece = $crate::prerendered::markup(move || $($function)::+($($argument),*));
        #[cfg(target_arch = "wasm32")]
        let piece = {
            $(let _ = $argument;)*
            $crate::prerendered::adopted()
        };
        piece
    }};
}

/// The browser's piece: an empty raw node, which hydrating fills with the server's markup.
#[cfg(target_arch = "wasm32")]
#[inline]
pub fn adopted() -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::Static(""))
}

#[cfg(not(target_arch = "wasm32"))]
pub use server::markup;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use server::{fill, forget_pending};

/// The server's side: pieces wait as placeholders while the page renders, then are filled in.
#[cfg(not(target_arch = "wasm32"))]
mod server {
    /// The server's piece: for now a placeholder, and `render` is kept for `fill`. Yew renders
    /// components in its scheduler, which is busy with the page while this runs: a piece is
    /// rendered once the page is done.
    pub fn markup(render: impl FnOnce() -> yew::Html + 'static) -> yew::Html {
        let number = PENDING.with(|pending| {
            let mut pending = pending.borrow_mut();
            pending.push(Box::new(render));
            pending.len() - 1
        });
        yew::Html::from_html_unchecked(placeholder(number).into())
    }

    type Render = Box<dyn FnOnce() -> yew::Html>;

    thread_local! {
        /// The pieces of the page being rendered, in the order their placeholders were written.
        static PENDING: std::cell::RefCell<Vec<Render>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    fn placeholder(number: usize) -> String {
        format!("<!--prerendered piece {number}-->")
    }

    /// Starts a page: no piece of an earlier, unfinished render is left waiting.
    pub(crate) fn forget_pending() {
        PENDING.with(|pending| pending.borrow_mut().clear());
    }

    /// `page` (rendered since `forget_pending`) with each placeholder replaced by its piece's
    /// markup, drawn from the full content.
    pub(crate) async fn fill(mut page: String) -> String {
        let pieces = PENDING.with(std::cell::RefCell::take);
        for (number, render) in pieces.into_iter().enumerate() {
            let markup = {
                let _full = crate::content::show_pieces();
                let html = render();
                yew::LocalServerRenderer::<Piece>::with_props(PieceProps { html })
                    .hydratable(false)
                    .render()
                    .await
            };
            page = page.replacen(&placeholder(number), &markup, 1);
        }
        page
    }

    #[derive(yew::Properties, PartialEq)]
    struct PieceProps {
        html: yew::Html,
    }

    #[yew::function_component(Piece)]
    fn piece(props: &PieceProps) -> yew::Html {
        props.html.clone()
    }
}
