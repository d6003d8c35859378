use yew::prelude::*;

/// The polite live region that names the chosen layer after each change. What it says is
/// written by `hooks::use_announcement`, through `region`.
pub fn announcer(region: NodeRef) -> Html {
    html! {
        <p class="announcer visually-hidden" aria-live="polite" aria-atomic="true" ref={region}></p>
    }
}
