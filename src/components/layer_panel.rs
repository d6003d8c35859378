use crate::components::layer_figure::{panel_id, tab_id};
use crate::components::quote_figure::quote_list;
use crate::components::walkthrough_nav::walkthrough_nav;
use crate::content::content;
use crate::quote_link::Place;
use crate::state::Walkthrough;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayerPanelsProps {
    pub selected: usize,
    pub dispatch: UseReducerDispatcher<Walkthrough>,
}

/// Every layer's panel. Its own component, created after the figure's: Yew renders a change in
/// the order its components were created, so the tabs' roving `tabindex` is written before a
/// panel is shown. Chromium checks that the focused tab can still take focus when its
/// `tabindex` changes, which lays out the page at once: done first, that layout has only the
/// tabs to redo, not the panel about to be shown.
#[function_component(LayerPanels)]
pub fn layer_panels(props: &LayerPanelsProps) -> Html {
    html! {
        <div class="walkthrough__panels">
            { for (0..content().layers.len()).map(|index| layer_panel(index, index != props.selected, &props.dispatch)) }
        </div>
    }
}

/// One layer in full: summary, status, contributors, commitments, quotes, and Previous / Next.
/// Every panel is always in the page (tabs point at them); only the chosen one is shown. A
/// choice changes only the `hidden` of the panel shown and the one hidden: what is inside
/// (`PanelBody`, whose props never change) is not rendered again.
fn layer_panel(index: usize, hidden: bool, dispatch: &UseReducerDispatcher<Walkthrough>) -> Html {
    let slug = content().layers[index].slug;
    html! {
        <section class="panel" role="tabpanel" id={panel_id(slug)} aria-labelledby={tab_id(slug)}
            tabindex="0" {hidden} key={slug}>
            <PanelBody layer={index} dispatch={dispatch.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PanelBodyProps {
    layer: usize,
    dispatch: UseReducerDispatcher<Walkthrough>,
}

/// The panel's words are prerendered; its quotes' links and its steps are the app's.
#[function_component(PanelBody)]
fn panel_body(props: &PanelBodyProps) -> Html {
    let index = props.layer;
    html! {
        <>
            { crate::prerendered!(facts(index)) }
            { quote_list(Place::Layer(index), content().layers[index].quotes) }
            { walkthrough_nav(props.layer, &props.dispatch) }
        </>
    }
}

/// Layer `index`'s name, summary and facts, and the heading of its quotes.
#[cfg(not(target_arch = "wasm32"))]
fn facts(index: usize) -> Html {
    use crate::components::stage_legend::stage_swatch;
    use crate::components::support::{claims_support, passages_support};
    use crate::content::Claim;
    let layer = &content().layers[index];
    // The tagline, shown in the tab (where a disclosure cannot go), is sourced with the summary.
    let summary_claims = std::iter::once(&layer.tagline).chain(layer.summary);
    let ui = &content().ui;
    let heading_id = format!("{}-heading", panel_id(layer.slug));
    html! {
        <>
            <h2 id={heading_id} class="panel__heading">{ crate::hyphens::soft_hyphens(layer.name, content().meta.lang) }</h2>
            <p>{ Claim::paragraph(layer.summary) }</p>
            { claims_support(summary_claims) }
            <dl class="panel__facts">
                <div class="panel__fact">
                    <dt>{ ui.stage }</dt>
                    <dd>
                        <p class="panel__stage">{ stage_swatch(layer.stage.line) }{ layer.stage.label }</p>
                        { passages_support(layer.stage_support) }
                    </dd>
                </div>
                <div class="panel__fact">
                    <dt>{ ui.status }</dt>
                    <dd><p>{ Claim::paragraph(layer.status) }</p>{ claims_support(layer.status) }</dd>
                </div>
                { list_fact(ui.contributors, layer.contributors) }
                { list_fact(ui.commitments, layer.commitments) }
            </dl>
            <h3 class="panel__quotes-heading">{ ui.quotes }</h3>
        </>
    }
}

/// A fact that lists claims (who contributes, what it carries), with their support; nothing
/// where the layer lists none.
#[cfg(not(target_arch = "wasm32"))]
fn list_fact(term: &str, claims: &[crate::content::Claim]) -> Html {
    if claims.is_empty() {
        return Html::default();
    }
    html! {
        <div class="panel__fact">
            <dt>{ term }</dt>
            <dd>
                <ul>{ for claims.iter().map(|claim| html! { <li>{ claim.text }</li> }) }</ul>
                { crate::components::support::claims_support(claims) }
            </dd>
        </div>
    }
}
