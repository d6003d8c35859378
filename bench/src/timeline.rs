//! The peer: a TimelineJS 3.9.11 page carrying the explainer's four layers and their quotes,
//! generated from the same compiled content (`CONTENT`), so the two pages say the same words.

use coalition_explainer::content::{Layer, Quote, CONTENT};
use serde_json::{json, Value};

/// TimelineJS's story: one slide per layer, in the explainer's order, with no title slide, so
/// slide 2 is layer 2 as it is in the explainer.
pub fn story() -> Value {
    let events: Vec<Value> = CONTENT
        .layers
        .iter()
        .enumerate()
        .map(|(index, layer)| slide(index, layer))
        .collect();
    json!({ "events": events })
}

fn slide(index: usize, layer: &Layer) -> Value {
    let quotes: String = layer.quotes.iter().copied().map(quote_html).collect();
    json!({
        // TimelineJS gives the slide and its marker these ids (`<slug>`, `<slug>-marker`).
        "unique_id": layer.slug,
        "start_date": start_date(),
        // Every layer dates from the declaration; the label says where the reader is instead.
        "display_date": CONTENT.ui.position(index + 1, CONTENT.layers.len()),
        "text": {
            "headline": escape(layer.name),
            "text": format!("<p>{}</p>{quotes}", escape(layer.summary)),
        },
    })
}

/// A quote as TimelineJS shows rich text: the words, then who said them, when and where.
fn quote_html(quote: &Quote) -> String {
    let speaker = if quote.is_analysis {
        format!("{} ({})", quote.speaker, CONTENT.ui.analysis)
    } else {
        quote.speaker.to_owned()
    };
    format!(
        "<blockquote>{}</blockquote><p>— {}, {}. {}, {}</p>",
        escape(quote.text),
        escape(&speaker),
        escape(quote.role),
        escape(quote.date.label),
        escape(quote.channel),
    )
}

/// The declaration's day: TimelineJS orders slides by date, and keeps equal dates in order.
fn start_date() -> Value {
    let mut parts = CONTENT.meta.declaration_date.iso.split('-');
    let mut next = || parts.next().unwrap_or("1").to_owned();
    json!({ "year": next(), "month": next(), "day": next() })
}

/// The page: TimelineJS's own stylesheet and script from its npm dist (copied beside the page as
/// `css/` and `js/`), the story inline so TimelineJS is not charged an extra request for it.
pub fn page(story: &Value) -> String {
    // `</` cannot end the script early once escaped; JSON stays valid.
    let data = story.to_string().replace("</", "<\\/");
    format!(
        r#"<!doctype html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{title}</title>
    <!-- TimelineJS brings no icon; without one Chromium asks for /favicon.ico and gets a 404. -->
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="css/timeline.css">
    <script src="js/timeline.js"></script>
    <style>body {{ margin: 0; }} #timeline-embed {{ width: 100%; height: 650px; }}</style>
  </head>
  <body>
    <div id="timeline-embed"></div>
    <script>
      // font: null keeps TimelineJS from fetching Google Fonts: the benchmark stays on loopback.
      window.timeline = new TL.Timeline("timeline-embed", {data}, {{ font: null }});
    </script>
  </body>
</html>
"#,
        lang = CONTENT.meta.lang,
        title = escape(CONTENT.meta.title),
    )
}

/// Plain content text as HTML text (TimelineJS treats every text field as HTML).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slide_per_layer_in_order_with_every_quote_attributed() {
        let story = story();
        let events = story["events"].as_array().expect("events");
        assert_eq!(events.len(), CONTENT.layers.len());
        for (event, layer) in events.iter().zip(CONTENT.layers) {
            assert_eq!(event["unique_id"], layer.slug);
            assert_eq!(event["text"]["headline"], escape(layer.name));
            let text = event["text"]["text"].as_str().expect("text");
            assert!(text.contains(&escape(layer.summary)));
            for quote in layer.quotes {
                assert!(text.contains(&format!("<blockquote>{}</blockquote>", escape(quote.text))));
                assert!(text.contains(&escape(quote.speaker)));
                assert!(text.contains(&escape(quote.date.label)));
            }
        }
    }

    #[test]
    fn slides_share_the_declaration_date() {
        let date = start_date();
        let iso = format!("{}-{}-{}", date["year"], date["month"], date["day"]).replace('"', "");
        assert_eq!(iso, CONTENT.meta.declaration_date.iso);
    }

    #[test]
    fn the_page_loads_timelinejs_and_its_inline_story_cannot_close_the_script() {
        let page = page(&json!({ "events": [{ "text": { "text": "</script><b>" } }] }));
        assert!(page.contains(r#"<script src="js/timeline.js"></script>"#));
        assert!(page.contains(r#"href="css/timeline.css""#));
        assert_eq!(page.matches("</script>").count(), 2);
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<a href="x">&"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;"
        );
    }
}
