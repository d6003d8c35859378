use crate::components::{
    announcer::announcer, layer_figure::LayerFigure, layer_panel::LayerPanels,
};
use crate::content::content;
use crate::hooks::{
    use_announcement, use_host_page, use_host_resize, use_prepared_panels, use_started_signal,
    use_url_sync,
};
use crate::state::Walkthrough as State;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WalkthroughProps {
    pub initial_layer: usize,
}

/// The interactive part of the page, and the one that renders again after load: the layered
/// figure, the panels and the live region, with the reducer and every hook that follows a
/// choice (the address, the host page, the frame's height, the start signal), and the one that
/// lays the hidden panels out ahead of their first visit.
#[function_component(Walkthrough)]
pub fn walkthrough(props: &WalkthroughProps) -> Html {
    let initial = props.initial_layer;
    let walkthrough = use_reducer(|| State::new(content().layers.len(), initial));
    use_url_sync(walkthrough.clone());
    let selected = walkthrough.selected();
    use_host_resize(selected);
    use_host_page(&walkthrough);
    use_started_signal();
    use_prepared_panels();
    let region = use_announcement(*walkthrough);
    let dispatch = walkthrough.dispatcher();
    html! {
        <div class="walkthrough">
            <LayerFigure selected={selected} dispatch={dispatch.clone()} />
            <LayerPanels selected={selected} dispatch={dispatch} />
            { announcer(region) }
        </div>
    }
}
