use crate::components::{
    announcer::announcer, credits::Credits, layer_figure::LayerFigure, layer_panel::LayerPanels,
    still_open::StillOpenSection, why_now::WhyNowSection,
};
use crate::content::content;
use crate::hooks::{
    use_announcement, use_host_page, use_host_resize, use_started_signal, use_url_sync,
};
use crate::state::Walkthrough;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The layer shown before the URL is read: the first one in the browser, any one when
    /// rendering on the server.
    #[prop_or_default]
    pub initial_layer: usize,
}

/// The whole explainer: the layered figure and its panels, then context and credits.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let initial = props.initial_layer;
    let walkthrough = use_reducer(|| Walkthrough::new(content().layers.len(), initial));
    use_url_sync(walkthrough.clone());
    let selected = walkthrough.selected();
    use_host_resize(selected);
    use_host_page(&walkthrough);
    use_started_signal();
    let region = use_announcement(*walkthrough);
    let dispatch = walkthrough.dispatcher();

    html! {
        <main class="explainer">
            { crate::prerendered!(super::explainer_header::explainer_header()) }
            <div class="walkthrough">
                <LayerFigure selected={selected} dispatch={dispatch.clone()} />
                <LayerPanels selected={selected} dispatch={dispatch.clone()} />
                { announcer(region) }
            </div>
            <WhyNowSection />
            <StillOpenSection />
            <Credits />
        </main>
    }
}
