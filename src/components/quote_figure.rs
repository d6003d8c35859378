use crate::content::{Quote, CONTENT};
use yew::prelude::*;

/// Quotes in the order the content file gives them.
pub fn quote_list(quotes: &[&'static Quote]) -> Html {
    html! {
        <div class="quotes">{ for quotes.iter().map(|quote| quote_figure(quote)) }</div>
    }
}

/// A verbatim quote with its attribution outside the blockquote, in the figure's caption.
/// The article's own analysis is labelled as such, so it never reads as an official's words.
fn quote_figure(quote: &'static Quote) -> Html {
    html! {
        <figure class={if quote.is_analysis { "quote quote--analysis" } else { "quote" }} key={quote.id}>
            if quote.is_analysis {
                <p class="quote__kind">{ CONTENT.ui.analysis }</p>
            }
            <blockquote class="quote__text"><p>{ display_text(quote.text) }</p></blockquote>
            <figcaption class="quote__attribution">
                // The comma stays with the name, so a screen reader reads "name, role" as one
                // phrase and never a lone comma between two elements.
                <span class="quote__speaker">{ format!("{},", quote.speaker) }</span>
                { " " }
                <span class="quote__role">{ quote.role }</span>
                <span class="quote__source">
                    { quote.channel }{ ", " }
                    <time datetime={quote.date.iso}>{ quote.date.label }</time>
                </span>
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
