use crate::content::{Quote, CONTENT};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuoteListProps {
    pub quotes: &'static [&'static Quote],
}

/// Quotes in the order the content file gives them.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    html! {
        <div class="quotes">
            { for props.quotes.iter().map(|quote| html! { <QuoteFigure quote={*quote} key={quote.id} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuoteFigureProps {
    pub quote: &'static Quote,
}

/// A verbatim quote with its attribution outside the blockquote, in the figure's caption.
/// The article's own analysis is labelled as such, so it never reads as an official's words.
#[function_component(QuoteFigure)]
pub fn quote_figure(props: &QuoteFigureProps) -> Html {
    let quote = props.quote;
    html! {
        <figure class={classes!("quote", quote.is_analysis.then_some("quote--analysis"))}>
            if quote.is_analysis {
                <p class="quote__kind">{ CONTENT.ui.analysis }</p>
            }
            <blockquote class="quote__text"><p>{ display_text(quote.text) }</p></blockquote>
            <figcaption class="quote__attribution">
                <span class="quote__speaker">{ quote.speaker }</span>
                { ", " }
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
