//! The Coalition of the Willing explainer: a Yew app that renders in the browser (`csr`) and
//! natively on a server (`ssr`), from content compiled at build time.

pub mod clipboard;
pub mod components;
pub mod content;
pub mod deep_link;
pub mod embed;
pub mod hooks;
pub mod host_messages;
pub mod iframe_resizer;
pub mod prerendered;
pub mod quote_link;
pub mod state;

pub use components::{App, AppProps};

/// The id of the element the explainer lives in: filled by the prerender, hydrated in the browser.
pub const ROOT_ID: &str = "explainer";
#[cfg(not(target_arch = "wasm32"))]
pub mod hyphens;
#[cfg(not(target_arch = "wasm32"))]
pub mod server;
#[cfg(not(target_arch = "wasm32"))]
pub mod serving;
