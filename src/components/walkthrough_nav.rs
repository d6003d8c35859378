use crate::content::CONTENT;
use crate::state::{Action, Walkthrough};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WalkthroughNavProps {
    pub walkthrough: Walkthrough,
    pub dispatch: UseReducerDispatcher<Walkthrough>,
}

/// Previous / Next and where the reader is ("Layer 2 of 4"). At either end the button stays
/// focusable but says it is unavailable (`aria-disabled`), so focus is never lost.
#[function_component(WalkthroughNav)]
pub fn walkthrough_nav(props: &WalkthroughNavProps) -> Html {
    let ui = &CONTENT.ui;
    let walkthrough = props.walkthrough;
    let button = |label: &'static str, action: Action, unavailable: bool, class: &'static str| {
        let dispatch = props.dispatch.clone();
        html! {
            <button type="button" class={classes!("button", "walkthrough__step", class)}
                aria-disabled={unavailable.then_some("true")}
                onclick={Callback::from(move |_| dispatch.dispatch(action))}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="walkthrough__nav" aria-label={ui.position(walkthrough.selected() + 1, walkthrough.total())}>
            { button(ui.previous, Action::Previous, walkthrough.is_first(), "walkthrough__step--previous") }
            <p class="walkthrough__position">{ ui.position(walkthrough.selected() + 1, walkthrough.total()) }</p>
            { button(ui.next, Action::Next, walkthrough.is_last(), "walkthrough__step--next") }
        </nav>
    }
}
