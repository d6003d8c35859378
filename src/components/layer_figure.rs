use crate::components::layer_rings::layer_rings;
use crate::content::content;
use crate::state::{action_for_key, Action, Walkthrough};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayerFigureProps {
    pub selected: usize,
    pub dispatch: UseReducerDispatcher<Walkthrough>,
}

/// The layers as one figure, from the core outwards: the drawing of nested rings (for pointers),
/// the tab list (WAI-ARIA tabs pattern, automatic activation, roving tabindex: the one set of
/// layer controls assistive technology meets), and the legend of how settled each layer is.
#[function_component(LayerFigure)]
pub fn layer_figure(props: &LayerFigureProps) -> Html {
    let total = content().layers.len();
    // Yew delegates events, so `current_target` is not the tablist: keep a reference to it.
    let tablist = use_node_ref();
    let onkeydown = {
        let tablist = tablist.clone();
        let dispatch = props.dispatch.clone();
        let selected = props.selected;
        Callback::from(move |event: KeyboardEvent| {
            let Some(action) = action_for_key(&event.key()) else {
                return;
            };
            event.prevent_default();
            dispatch.dispatch(action);
            let target = Walkthrough::new(total, selected).apply(action).selected();
            if let Some(tablist) = tablist.cast::<Element>() {
                focus_tab(&tablist, target);
            }
        })
    };

    html! {
        <figure class="layers">
            { crate::prerendered!(caption()) }
            <div class="layers__drawing">{ layer_rings(props.selected, &props.dispatch) }</div>
            <div class="layers__list" role="tablist" aria-orientation="vertical"
                aria-labelledby="layers-caption" ref={tablist} {onkeydown}>
                { for content().layers.iter().enumerate().map(|(index, layer)| {
                    let is_selected = index == props.selected;
                    let onclick = {
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |_| dispatch.dispatch(Action::Select(index)))
                    };
                    html! {
                        <button type="button" role="tab" id={tab_id(layer.slug)}
                            class="layers__tab"
                            aria-selected={is_selected.to_string()}
                            aria-controls={panel_id(layer.slug)}
                            tabindex={if is_selected { "0" } else { "-1" }}
                            {onclick}>
                            { crate::prerendered!(tab_label(index)) }
                        </button>
                    }
                }) }
            </div>
            { crate::prerendered!(crate::components::stage_legend::stage_legend()) }
        </figure>
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn caption() -> Html {
    let caption = &content().meta.figure_caption;
    html! {
        <figcaption class="layers__caption">
            <span id="layers-caption">{ caption.text }</span>
            { super::support::claims_support(std::slice::from_ref(caption)) }
        </figcaption>
    }
}

/// Layer `index`'s number, name and tagline.
#[cfg(not(target_arch = "wasm32"))]
fn tab_label(index: usize) -> Html {
    use crate::hyphens::soft_hyphens;
    let layer = &content().layers[index];
    html! {
        <>
            <span class="layers__number" aria-hidden="true">{ index + 1 }</span>
            <span class="layers__text">
                <span class="layers__name">{ soft_hyphens(layer.name, content().meta.lang) }</span>
                <span class="layers__tagline">{ layer.tagline.text }</span>
            </span>
        </>
    }
}

pub fn tab_id(slug: &str) -> String {
    format!("tab-{slug}")
}

pub fn panel_id(slug: &str) -> String {
    format!("panel-{slug}")
}

/// Keyboard users follow their choice: the newly chosen tab takes focus. The tab is found
/// inside this tablist, not by id, so two explainers on one page never steal each other's focus.
fn focus_tab(tablist: &Element, index: usize) {
    let tab = u32::try_from(index)
        .ok()
        .and_then(|i| tablist.children().item(i));
    if let Some(tab) = tab.and_then(|tab| tab.dyn_into::<HtmlElement>().ok()) {
        // Focus can fail only on a detached element; the tab then simply keeps no focus.
        let _ = tab.focus();
    }
}
