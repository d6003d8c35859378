use crate::content::CONTENT;
use crate::state::{Action, Walkthrough};
use yew::prelude::*;

/// Previous / Next and where the reader is ("Layer 2 of 4"). At either end the button stays
/// focusable but says it is unavailable (`aria-disabled`), so focus is never lost.
pub fn walkthrough_nav(
    walkthrough: Walkthrough,
    dispatch: &UseReducerDispatcher<Walkthrough>,
) -> Html {
    let ui = &CONTENT.ui;
    let position = ui.position(walkthrough.selected() + 1, walkthrough.total());
    let button = |label: &'static str, action: Action, unavailable: bool, class: &'static str| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" {class} aria-disabled={unavailable.then_some("true")}
                onclick={Callback::from(move |_| dispatch.dispatch(action))}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="walkthrough__nav" aria-label={position.clone()}>
            { button(ui.previous, Action::Previous, walkthrough.is_first(), "button walkthrough__step walkthrough__step--previous") }
            <p class="walkthrough__position">{ position }</p>
            { button(ui.next, Action::Next, walkthrough.is_last(), "button walkthrough__step walkthrough__step--next") }
        </nav>
    }
}
