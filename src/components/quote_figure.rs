use crate::components::copy_link::CopyLink;
use crate::content::Quote;
use crate::quote_link::{anchor, home, Place};
use yew::prelude::*;

/// Quotes in the order the content file gives them, as shown at `place`.
pub fn quote_list(place: Place, quotes: &[&'static Quote]) -> Html {
    html! {
        <div class="quotes">
            { for quotes.iter().enumerate().map(|(index, quote)| quote_figure(quote, place, index)) }
        </div>
    }
}

/// A verbatim quote (prerendered: its words never change) with its link beside the figure (a
/// figure's caption must be its first or last child). Only the quote's home carries its anchor
/// (ids are unique); a linked quote takes focus (the loader's doing), so every quote can hold
/// it.
fn quote_figure(quote: &'static Quote, place: Place, index: usize) -> Html {
    let id = (home(quote.id) == Some(place)).then(|| anchor(quote.id));
    let class = if quote.is_analysis {
        "quote quote--analysis"
    } else {
        "quote"
    };
    html! {
        <div {class} key={quote.id} {id} tabindex="-1">
            { crate::prerendered!(words::quote_words(place, index)) }
            <CopyLink {quote} />
        </div>
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod words {
    use crate::content::content;
    use crate::quote_link::{places, Place};
    use yew::prelude::*;

    /// Quote `index` at `place`, with its attribution outside the blockquote, in the figure's
    /// caption. The article's own analysis is labelled as such, so it never reads as an
    /// official's words.
    pub(super) fn quote_words(place: Place, index: usize) -> Html {
        let quote = places()
            .find(|(at, _)| *at == place)
            .map(|(_, quotes)| quotes[index])
            .expect("the app shows only the content's own places");
        html! {
            <figure class="quote__figure">
            if quote.is_analysis {
                <p class="quote__kind">{ content().ui.analysis }</p>
            }
            <blockquote class="quote__text"><p>{ display_text(quote.text) }</p></blockquote>
            <figcaption class="quote__attribution">
                // The comma stays with the name, so a screen reader reads "name, role" as one
                // phrase and never a lone comma between two elements. No role where the
                // article gives none.
                if quote.role.is_empty() {
                    <span class="quote__speaker">{ quote.speaker }</span>
                } else {
                    <span class="quote__speaker">{ format!("{},", quote.speaker) }</span>
                    { " " }
                    <span class="quote__role">{ quote.role }</span>
                }
                <span class="quote__source">
                    { quote.channel }{ ", " }
                    <time datetime={quote.date.iso}>{ quote.date.label }</time>
                </span>
                { crate::components::support::attribution_support(quote) }
            </figcaption>
            </figure>
        }
    }

    /// A quote that starts mid-sentence gets a leading ellipsis, so the reader sees the cut.
    fn display_text(text: &str) -> String {
        match text.chars().next() {
            Some(first) if first.is_lowercase() => format!("…{text}"),
            _ => text.to_owned(),
        }
    }
}
