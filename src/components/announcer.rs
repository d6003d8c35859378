use crate::content::content;
use crate::state::{Change, Walkthrough};
use yew::prelude::*;

/// A polite live region that names the chosen layer after each change (never the whole panel,
/// and nothing on first load), for screen-reader users who pressed Next or an arrow key.
pub fn announcer(walkthrough: Walkthrough) -> Html {
    let message = match walkthrough.last_change() {
        Change::Initial => String::new(),
        Change::Reader | Change::Url => {
            let layer = &content().layers[walkthrough.selected()];
            content()
                .ui
                .announcement(layer.name, walkthrough.selected() + 1, walkthrough.total())
        }
    };
    html! {
        <p class="announcer visually-hidden" aria-live="polite" aria-atomic="true">{ message }</p>
    }
}
