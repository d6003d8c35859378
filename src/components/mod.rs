//! One component per file, each named after what the reader sees.

mod announcer;
mod app;
mod copy_link;
mod credits;
mod embed_code;
#[cfg(not(target_arch = "wasm32"))]
mod explainer_header;
mod layer_figure;
mod layer_panel;
mod layer_rings;
mod quote_figure;
#[cfg(not(target_arch = "wasm32"))]
mod stage_legend;
mod still_open;
#[cfg(not(target_arch = "wasm32"))]
mod support;
mod walkthrough;
mod walkthrough_nav;
mod why_now;

pub use app::{App, AppProps};
/// The id of a layer's panel, which the hooks find it by.
pub(crate) use layer_figure::panel_id;
