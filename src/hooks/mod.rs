//! Hooks: where the app meets browser APIs, always inside effects so server rendering works.

mod use_url_sync;

pub use use_url_sync::{layer_in_location, use_url_sync};
