use crate::components::{
    credits::credits, still_open::still_open_section, walkthrough::Walkthrough,
    why_now::why_now_section,
};
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The layer shown before the URL is read: the first one in the browser, any one when
    /// rendering on the server.
    #[prop_or_default]
    pub initial_layer: usize,
}

/// The whole explainer: the header, the walk-through, then context and credits. Only the
/// walk-through holds state, so the page around it renders once.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    html! {
        <main class="explainer">
            { crate::prerendered!(super::explainer_header::explainer_header()) }
            <Walkthrough initial_layer={props.initial_layer} />
            { why_now_section() }
            { still_open_section() }
            { credits() }
        </main>
    }
}
