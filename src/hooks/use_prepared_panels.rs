//! The hidden panels, laid out ahead of the reader's first visit to each.

use crate::components::panel_id;
use crate::content::content;
use crate::hooks::{after_next_paint, in_a_task_of_its_own};
use yew::prelude::*;

/// Once the app is on screen, lays out each hidden panel in a task of its own. Where the
/// stylesheet skips a hidden panel's contents (`content-visibility: hidden`), the engine builds
/// a panel's boxes only when it is first needed, and keeps them while it is hidden again: left
/// alone, that is the reader's first tap on each layer, whose paint then waits for the panel's
/// whole layout (10–16 ms of a phone's main thread in the trace, against 5 for a later tap).
/// One panel per task, so a tap meanwhile waits for one panel at most. Elsewhere a hidden
/// panel has no boxes and reading one costs nothing.
#[hook]
pub fn use_prepared_panels() {
    use_effect_with((), |_| after_next_paint(|| prepare_from(0)));
}

/// Lays out panel `index`, then the next one in a task of its own. The one shown is laid out
/// already, so reading it costs nothing.
fn prepare_from(index: usize) {
    let Some(layer) = content().layers.get(index) else {
        return;
    };
    let panel = gloo::utils::document().get_element_by_id(&panel_id(layer.slug));
    if let Some(last) = panel.and_then(|panel| panel.last_element_child()) {
        // Reading the size of a skipped panel's last box makes the engine lay the panel out.
        let _ = last.client_height();
    }
    in_a_task_of_its_own(move || prepare_from(index + 1));
}
