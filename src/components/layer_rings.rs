use crate::content::content;
use crate::state::{Action, Walkthrough};
use yew::prelude::*;

/// The drawing's coordinate system: a square, the rings centred in it.
const SIZE: usize = 400;

/// The architecture as one drawing: each layer a ring around the ones before it, the core in the
/// middle, each named on the drawing and outlined in its stage's line (solid for agreed, and so
/// on; see the legend). A tap on a ring or its name chooses that layer.
///
/// For pointers only, and hidden from assistive technology: the tab list beside it carries the
/// same choices for keyboards and screen readers, so each layer is heard once. Integer geometry
/// only, so the WASM needs no float formatting.
pub fn layer_rings(selected: usize, dispatch: &UseReducerDispatcher<Walkthrough>) -> Html {
    html! {
        <svg class="rings" viewBox={format!("0 0 {SIZE} {SIZE}")} aria-hidden="true" focusable="false">
            // Outermost first: each inner ring is drawn over the middle of the one around it,
            // so a tap lands on the innermost ring under the pointer. Hence `nth-last-child` in
            // style/main.css.
            { for content().layers.iter().enumerate().rev().map(|(index, layer)| {
                let onclick = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |_| dispatch.dispatch(Action::Select(index)))
                };
                html! {
                    // A class written from values would cost the WASM Yew's class sets: the
                    // chosen ring is marked by an attribute, its line drawn by the piece.
                    <g class="ring" data-ring={layer.slug}
                        data-selected={(index == selected).then_some("")} {onclick}>
                        { crate::prerendered!(drawing::ring_drawing(index)) }
                    </g>
                }
            }) }
        </svg>
    }
}

/// The rings' shapes and names: prerendered, as they never change.
#[cfg(not(target_arch = "wasm32"))]
mod drawing {
    use super::SIZE;
    use crate::content::{content, Layer};
    use yew::prelude::*;

    const CENTRE: usize = SIZE / 2;
    const OUTER_RADIUS: usize = 194;
    /// The names' size where their bands are wide enough (up to six layers).
    const NAME_SIZE: usize = 19;

    /// Ring `index`'s shape and name.
    pub(super) fn ring_drawing(index: usize) -> Html {
        let band = 2 * OUTER_RADIUS / (2 * content().layers.len() + 1);
        let name = Name::in_band(band);
        html! {
            <>
                <circle class={crate::components::stage_legend::shape_class(content().layers[index].stage.line)}
                    cx={CENTRE.to_string()} cy={CENTRE.to_string()}
                    r={outer_radius(index, band).to_string()} />
                { ring_name(index, &content().layers[index], band, name) }
            </>
        }
    }

    /// Ring `index` (0 is the core) ends here; the core is one and a half bands across.
    fn outer_radius(index: usize, band: usize) -> usize {
        band * (2 * index + 3) / 2
    }

    /// The core's name in its middle, on two lines if it has two words or more; every other name
    /// along the top of its band. Written twice, regular and bold (`ring__name--bold`): the
    /// chosen ring shows the bold one. Swapping which is visible only repaints, where changing
    /// a name's weight would lay the drawing's text out again on every choice.
    fn ring_name(index: usize, layer: &Layer, band: usize, name: Name) -> Html {
        let size = name.size.to_string();
        if index == 0 {
            let lines = two_lines(layer.name);
            let line_height = name.size + 3;
            let first_y = CENTRE + name.drop - if lines.len() > 1 { line_height / 2 } else { 0 };
            return html! {
                { for NAME_CLASSES.into_iter().map(|class| html! {
                    <text {class} text-anchor="middle" font-size={size.clone()}>
                        { for lines.iter().enumerate().map(|(line, words)| html! {
                            <tspan x={CENTRE.to_string()} y={(first_y + line * line_height).to_string()}
                                textLength={name.squeezed(words, band * 3 * 9 / 10)} lengthAdjust="spacingAndGlyphs">{ *words }</tspan>
                        }) }
                    </text>
                }) }
            };
        }
        let radius = (outer_radius(index - 1, band) + outer_radius(index, band)) / 2;
        let arc = format!("ring-arc-{}", layer.slug);
        // The top half of the circle: π r.
        let arc_length = radius * 355 / 113;
        html! {
            <>
                <path id={arc.clone()} class="ring__arc" d={format!(
                    "M {} {CENTRE} A {radius} {radius} 0 0 1 {} {CENTRE}",
                    CENTRE - radius,
                    CENTRE + radius
                )} />
                { for NAME_CLASSES.into_iter().map(|class| html! {
                    <text {class} text-anchor="middle" dy={name.drop.to_string()} font-size={size.clone()}
                        textLength={name.squeezed(layer.name, arc_length * 9 / 10)} lengthAdjust="spacingAndGlyphs">
                        <textPath href={format!("#{arc}")} startOffset="50%">{ layer.name }</textPath>
                    </text>
                }) }
            </>
        }
    }

    /// How the names are drawn in bands `band` wide: an attribute, not the stylesheet, as only
    /// the prerender knows the band.
    #[derive(Clone, Copy)]
    struct Name {
        size: usize,
        /// How far below the arc it follows a name sits, so its capitals are centred in the band.
        drop: usize,
    }

    impl Name {
        /// Eight layers leave bands of 22: a 19 name, with the ring lines on both sides, would
        /// touch them; two thirds of the band leaves a clear gap either side.
        fn in_band(band: usize) -> Name {
            let size = NAME_SIZE.min(band * 2 / 3);
            Name {
                size,
                drop: size * 7 / NAME_SIZE,
            }
        }
    }

    impl Name {
        /// The length `words` are drawn to when they might not fit in `room` (a long name in
        /// German or Finnish on a short arc): `room` itself, the glyphs narrowed to fit; `None`
        /// (their own length) otherwise. The prerender cannot measure text, so it estimates
        /// generously: a bold letter is at most about two thirds of the size wide.
        fn squeezed(&self, words: &str, room: usize) -> Option<String> {
            let widest = words.chars().count() * self.size * 2 / 3;
            (widest > room).then(|| room.to_string())
        }
    }

    /// A ring's name as every ring shows it, then as the chosen ring does.
    const NAME_CLASSES: [&str; 2] = ["ring__name", "ring__name ring__name--bold"];

    /// `name` split at the space nearest its middle (the core is narrow), or whole if one word.
    fn two_lines(name: &str) -> Vec<&str> {
        let middle = name.len() / 2;
        let split = name
            .match_indices(' ')
            .map(|(at, _)| at)
            .min_by_key(|&at| at.abs_diff(middle));
        match split {
            Some(at) => vec![&name[..at], &name[at + 1..]],
            None => vec![name],
        }
    }
}
