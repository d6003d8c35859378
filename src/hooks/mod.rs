//! Hooks: where the app meets browser APIs, always inside effects so server rendering works.

mod after_paint;
mod use_announcement;
mod use_host_page;
mod use_host_resize;
mod use_prepared_panels;
mod use_started_signal;
mod use_url_sync;

pub use after_paint::{after_next_paint, in_a_task_of_its_own};
pub use use_announcement::use_announcement;
pub use use_host_page::{host_url, post_to_host, use_host_page};
pub use use_host_resize::{is_framed, use_host_resize};
pub use use_prepared_panels::use_prepared_panels;
pub use use_started_signal::{use_started_signal, STARTED_EVENT};
pub use use_url_sync::{layer_in_location, use_url_sync};
