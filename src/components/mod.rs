//! One component per file, each named after what the reader sees.

mod announcer;
mod app;
mod copy_link;
mod credits;
mod embed_code;
mod explainer_header;
mod layer_figure;
mod layer_panel;
mod layer_rings;
mod quote_figure;
mod stage_legend;
mod still_open;
mod walkthrough_nav;
mod why_now;

pub use app::{App, AppProps};
