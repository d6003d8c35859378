//! The explainer's words as static data, compiled from the content file by `build.rs`. The types
//! are `content_schema`'s, the one definition the content compiler also builds and bakes; the
//! WASM carries no text-format parser.

pub use content_schema::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
