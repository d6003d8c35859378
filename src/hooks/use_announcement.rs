use crate::content::content;
use crate::hooks::after_next_paint;
use crate::state::{Change, Walkthrough};
use yew::prelude::*;

/// Names the chosen layer in the live region (`components/announcer.rs`) after each change,
/// for screen-reader users who pressed Next or an arrow key: never the whole panel, and nothing
/// for the first view. The words are written once the change is painted, so the panel shows
/// no later for them; the region's text is not Yew's (its markup has no children).
#[hook]
pub fn use_announcement(walkthrough: Walkthrough) -> NodeRef {
    let region = use_node_ref();
    {
        let region = region.clone();
        use_effect_with(walkthrough, move |walkthrough| {
            if walkthrough.last_change() != Change::Initial {
                let layer = &content().layers[walkthrough.selected()];
                let message = content().ui.announcement(
                    layer.name,
                    walkthrough.selected() + 1,
                    walkthrough.total(),
                );
                after_next_paint(move || say(&region, &message));
            }
        });
    }
    region
}

/// The region's one text node takes the new words (a new node for each change would leave the
/// old ones to the garbage collector).
fn say(region: &NodeRef, message: &str) {
    let Some(region) = region.get() else {
        return;
    };
    match region.first_child() {
        Some(text) => text.set_node_value(Some(message)),
        None => region.set_text_content(Some(message)),
    }
}
