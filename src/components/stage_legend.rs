use crate::content::{content, Line};
use yew::prelude::*;

/// What each ring's line says about how settled its layer is, in words.
pub fn stage_legend() -> Html {
    html! {
        <div class="legend">
            <p class="legend__heading">{ content().ui.legend }</p>
            <ul class="legend__list">
                { for content().stages.iter().map(|stage| html! {
                    <li class="legend__item">{ stage_swatch(stage.line) }{ stage.label }</li>
                }) }
            </ul>
        </div>
    }
}

/// A ring's or swatch's shape, drawn in `line` (style/main.css).
pub fn shape_class(line: Line) -> String {
    format!("ring__shape ring__shape--{}", line.name())
}

/// A short stretch of the line a stage's rings are drawn with.
pub fn stage_swatch(line: Line) -> Html {
    html! {
        <svg class="swatch" viewBox="0 0 40 10" aria-hidden="true" focusable="false">
            <line class={shape_class(line)} x1="2" y1="5" x2="38" y2="5" />
        </svg>
    }
}
