//! Server-side renders of every layer: what a reader (or a crawler, or a screen reader) gets.

use coalition_explainer::content::{Claim, Support, CONTENT};
use coalition_explainer::server::render_html;
use scraper::{ElementRef, Html, Selector};

fn render(layer: usize) -> Html {
    Html::parse_fragment(&futures::executor::block_on(render_html(layer)))
}

fn select<'a>(scope: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    scope
        .select(&Selector::parse(css).expect("valid selector"))
        .collect()
}

fn text_of(element: &ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn each_layer_renders_selected_with_its_own_quotes() {
    for (index, layer) in CONTENT.layers.iter().enumerate() {
        let page = render(index);
        let tabs = select(&page, "[role=tab]");
        assert_eq!(tabs.len(), CONTENT.layers.len());
        for (tab_index, tab) in tabs.iter().enumerate() {
            let selected = tab_index == index;
            assert_eq!(
                tab.attr("aria-selected"),
                Some(if selected { "true" } else { "false" })
            );
            assert_eq!(
                tab.attr("tabindex"),
                Some(if selected { "0" } else { "-1" }),
                "roving tabindex"
            );
        }
        let visible: Vec<_> = select(&page, "[role=tabpanel]:not([hidden])");
        assert_eq!(visible.len(), 1, "exactly one panel shows");
        let panel = visible[0];
        assert_eq!(
            panel.attr("id"),
            Some(format!("panel-{}", layer.slug).as_str())
        );
        assert_eq!(tabs[index].attr("aria-controls"), panel.attr("id"));
        assert_eq!(panel.attr("aria-labelledby"), tabs[index].attr("id"));
        let panel_text = text_of(&panel);
        assert!(
            panel_text.contains(&Claim::paragraph(layer.summary)),
            "{} shows its summary",
            layer.slug
        );
        for quote in layer.quotes {
            assert!(
                panel_text.contains(&normalized(quote.text)),
                "{} shows quote {}",
                layer.slug,
                quote.id
            );
        }
    }
}

#[test]
fn every_panel_is_in_the_page_so_every_tab_points_somewhere() {
    let page = render(0);
    for tab in select(&page, "[role=tab]") {
        let panel_id = tab.attr("aria-controls").expect("tabs control a panel");
        assert_eq!(
            select(&page, &format!("#{panel_id}[role=tabpanel]")).len(),
            1,
            "{panel_id} exists once"
        );
    }
}

#[test]
fn tabs_are_named_after_their_layers() {
    let page = render(0);
    // A long name carries soft hyphens at its syllables (src/hyphens.rs), which readers and
    // screen readers never meet as characters.
    let names: Vec<String> = select(&page, "[role=tab]")
        .iter()
        .map(|tab| text_of(tab).replace('\u{ad}', ""))
        .collect();
    let multinational = &select(&page, "#tab-multinational-force .layers__name")[0];
    assert!(
        text_of(multinational).contains('\u{ad}'),
        "the long name breaks at a syllable"
    );
    for (name, expected) in names.iter().zip([
        "Ukrainian forces",
        "Multinational force",
        "US backstop",
        "EU accession",
    ]) {
        assert!(
            name.contains(expected),
            "tab {name:?} is named {expected:?}"
        );
    }
}

#[test]
fn quotes_are_figures_with_attribution_outside_the_blockquote() {
    let page = render(0);
    let figures = select(&page, ".quote > figure");
    assert!(
        figures.len() >= 20,
        "every quote of every section renders, got {}",
        figures.len()
    );
    for figure in figures {
        let figure_html = Html::parse_fragment(&figure.html());
        let blockquote = select(&figure_html, "blockquote");
        let caption = select(&figure_html, "figure > figcaption");
        assert_eq!(blockquote.len(), 1, "one blockquote per figure");
        assert_eq!(caption.len(), 1, "one figcaption per figure");
        // HTML wants a figure's caption first or last; ours is last (the link comes after).
        assert_eq!(
            select(&figure_html, "figure > figcaption:last-child").len(),
            1,
            "the caption ends the figure"
        );
        assert!(
            select(&figure_html, "blockquote figcaption, blockquote time").is_empty(),
            "attribution is outside"
        );
        assert_eq!(
            select(&figure_html, "figcaption time[datetime]").len(),
            1,
            "the date is machine-readable"
        );
    }
}

#[test]
fn attribution_carries_speaker_role_channel_and_date() {
    let page = render(2);
    let backstop = CONTENT
        .layers
        .iter()
        .find(|l| l.slug == "us-backstop")
        .expect("the US backstop layer");
    let quote = backstop.quotes[0];
    let captions: Vec<String> = select(&page, "#panel-us-backstop figcaption")
        .iter()
        .map(text_of)
        .collect();
    let caption = &captions[0];
    for part in [quote.speaker, quote.role, quote.channel, quote.date.label] {
        // An empty role (none in the article) is in every caption; the rest must be there.
        assert!(caption.contains(part), "caption {caption:?} names {part:?}");
    }
}

#[test]
fn the_articles_analysis_is_labelled_and_never_an_officials_word() {
    let page = render(0);
    let analyses = select(&page, ".quote--analysis");
    assert!(!analyses.is_empty(), "the author's conclusion is shown");
    for analysis in analyses {
        assert!(
            text_of(&analysis).contains(CONTENT.ui.analysis),
            "labelled as the article's analysis"
        );
    }
    let analysis_quotes = CONTENT
        .layers
        .iter()
        .flat_map(|l| l.quotes)
        .filter(|q| q.is_analysis)
        .count();
    assert!(analysis_quotes > 0);
}

#[test]
fn one_h1_and_context_sections() {
    let page = render(0);
    assert_eq!(select(&page, "h1").len(), 1);
    let headings: Vec<String> = select(&page, "h2").iter().map(text_of).collect();
    for expected in [
        CONTENT.why_now.heading,
        CONTENT.still_open.heading,
        CONTENT.ui.source_heading,
    ] {
        assert!(
            headings.iter().any(|h| h == expected),
            "{expected} heading present in {headings:?}"
        );
    }
    let credits = text_of(&select(&page, "footer.credits")[0]);
    assert!(
        credits.contains(CONTENT.source.author) && credits.contains(CONTENT.source.article_title)
    );
}

/// Every panel carries its own Previous / Next and position, so whatever shows a panel (the
/// app, or the loader before it starts) shows the right ones with it.
#[test]
fn each_panel_has_its_position_and_ends() {
    let total = CONTENT.layers.len();
    let page = render(0);
    let panels = select(&page, "[role=tabpanel]");
    assert_eq!(panels.len(), total);
    for (index, panel) in panels.iter().enumerate() {
        let within = |css: &str| {
            let selector = Selector::parse(css).expect("valid selector");
            panel.select(&selector).collect::<Vec<_>>()
        };
        let position = text_of(&within(".walkthrough__position")[0]);
        assert_eq!(position, CONTENT.ui.position(index + 1, total));
        let previous = within(".walkthrough__step--previous")[0];
        let next = within(".walkthrough__step--next")[0];
        assert_eq!(previous.attr("aria-disabled").is_some(), index == 0);
        assert_eq!(next.attr("aria-disabled").is_some(), index + 1 == total);
    }
}

#[test]
fn live_region_is_silent_on_first_render() {
    let page = render(1);
    let regions = select(&page, ".announcer[aria-live=polite]");
    assert_eq!(regions.len(), 1);
    assert_eq!(
        text_of(&regions[0]),
        "",
        "nothing is announced before the reader acts"
    );
}

#[test]
fn markup_has_no_inline_styles_or_scripts() {
    let html = futures::executor::block_on(render_html(0));
    let page = Html::parse_fragment(&html);
    assert!(
        select(&page, "[style], script, style").is_empty(),
        "strict CSP: no inline style or script"
    );
}

#[test]
fn out_of_range_initial_layer_falls_back_to_the_first() {
    let page = render(usize::MAX);
    let selected = select(&page, "[role=tab][aria-selected=true]");
    assert_eq!(
        selected[0].attr("id"),
        Some(format!("tab-{}", CONTENT.layers[0].slug).as_str())
    );
}

/// The drawing: one ring per layer, outermost first (each inner ring drawn over the one around
/// it), each named (regular and bold) and lined by its stage, the chosen one marked; hidden from assistive
/// technology, which has the tabs.
#[test]
fn the_drawing_has_a_named_ring_per_layer_and_marks_the_chosen_one() {
    let total = CONTENT.layers.len();
    for chosen in 0..total {
        let page = render(chosen);
        let drawing = select(&page, "figure.layers svg.rings");
        assert_eq!(drawing.len(), 1, "one drawing");
        assert_eq!(drawing[0].attr("aria-hidden"), Some("true"));
        let rings = select(&page, "svg.rings > g.ring");
        assert_eq!(rings.len(), total);
        for (ring, layer) in rings.iter().zip(CONTENT.layers.iter().rev()) {
            assert_eq!(ring.attr("data-ring"), Some(layer.slug), "outermost first");
            // The core's name may be set on two lines (two <tspan>s), so spaces are not compared.
            // Named twice, regular then bold: the chosen ring shows the bold one (main.css).
            let letters = |text: &str| text.split_whitespace().collect::<String>();
            let names: Vec<_> = ring
                .select(&Selector::parse(".ring__name").expect("valid"))
                .collect();
            let bold: Vec<_> = names
                .iter()
                .map(|name| name.value().classes().any(|c| c == "ring__name--bold"))
                .collect();
            assert_eq!(
                bold,
                [false, true],
                "{}: a regular name, then a bold one",
                layer.slug
            );
            for name in names {
                assert_eq!(letters(&text_of(&name)), letters(layer.name));
            }
            let line = format!("ring__shape--{}", layer.stage.line.name());
            let shape = ring
                .select(&Selector::parse(".ring__shape").expect("valid"))
                .next();
            assert!(
                shape.is_some_and(|shape| shape.value().classes().any(|c| c == line)),
                "{} drawn {line}",
                layer.slug
            );
        }
        let marked = select(&page, "g.ring[data-selected]");
        assert_eq!(marked.len(), 1);
        assert_eq!(
            marked[0].attr("data-ring"),
            Some(CONTENT.layers[chosen].slug)
        );
    }
}

/// How settled each layer is: the legend names every stage once, and each panel its own.
#[test]
fn stages_are_in_the_legend_and_in_each_panel() {
    let page = render(0);
    let legend: Vec<String> = select(&page, ".legend__item").iter().map(text_of).collect();
    let stages: Vec<&str> = CONTENT.stages.iter().map(|stage| stage.label).collect();
    assert_eq!(legend, stages);
    for layer in CONTENT.layers.iter() {
        let stated = select(&page, &format!("#panel-{} .panel__stage", layer.slug));
        assert_eq!(text_of(&stated[0]), layer.stage.label);
    }
}

/// What a second accessibility checker found: no label on the footer (its role takes none),
/// the embed code named by reference, and "name, role" read as one phrase (no lone comma).
#[test]
fn labels_and_attributions_read_as_they_should() {
    let page = render(0);
    assert!(select(&page, "footer[aria-labelledby]").is_empty());
    let code = select(&page, "textarea#embed-code")[0];
    let label = code.attr("aria-labelledby").expect("named by reference");
    assert_eq!(
        select(&page, &format!("label#{label}[for=embed-code]")).len(),
        1
    );
    for (speaker, quote) in select(&page, ".quote__speaker")
        .iter()
        .zip(CONTENT.layers[0].quotes)
    {
        // The comma joins a role to the name; without one, the name stands alone.
        let expected = match quote.role {
            "" => quote.speaker.to_owned(),
            _ => format!("{},", quote.speaker),
        };
        assert_eq!(text_of(speaker), expected);
    }
}

/// Where the page will live is unknown when it is rendered: the embed code's box says where the
/// code comes from rather than holding a relative code that would load nothing once pasted.
#[test]
fn the_prerendered_embed_code_is_never_a_broken_path() {
    let page = render(0);
    let code = text_of(&select(&page, "textarea#embed-code")[0]);
    assert_eq!(code, CONTENT.ui.embed_code_pending);
    let html = futures::executor::block_on(render_html(0));
    assert!(
        !html.contains("embed.js"),
        "no relative embed code anywhere"
    );
}

/// The frame's colour scheme is a radio group as GOV.UK writes one: a fieldset named by its
/// legend and described by its hint, one labelled radio per theme, the embedded default checked.
#[test]
fn the_embed_dialog_offers_each_theme_as_a_labelled_radio() {
    use coalition_explainer::embed::Theme;
    let page = render(0);
    let fieldset = select(&page, ".embed fieldset.embed__theme");
    assert_eq!(fieldset.len(), 1, "one group of themes in the embed dialog");
    let legend = select(&page, ".embed__theme > legend:first-child");
    assert_eq!(text_of(&legend[0]), CONTENT.ui.theme_legend);
    let hint = fieldset[0].attr("aria-describedby").expect("described");
    assert_eq!(
        text_of(&select(&page, &format!(".embed__theme #{hint}"))[0]),
        CONTENT.ui.theme_hint
    );
    let radios = select(&page, ".embed__theme input[type=radio][name=embed-theme]");
    let labels = [
        CONTENT.ui.theme_light,
        CONTENT.ui.theme_dark,
        CONTENT.ui.theme_auto,
    ];
    assert_eq!(radios.len(), Theme::ALL.len());
    for ((radio, theme), words) in radios.iter().zip(Theme::ALL).zip(labels) {
        assert_eq!(radio.attr("value"), Some(theme.value()));
        let id = radio.attr("id").expect("an id for its label");
        let label = select(&page, &format!("label[for={id}]"));
        assert_eq!(label.len(), 1, "{id} has one label");
        assert_eq!(text_of(&label[0]), words);
        let checked = radio.attr("checked").is_some();
        assert_eq!(checked, theme == Theme::EMBEDDED_DEFAULT, "{id} checked");
    }
}

/// The words a passage shows a reader: an excerpt, or a quote's text.
fn passage_words(passage: &Support) -> &'static str {
    match passage {
        Support::Excerpt(words) => words,
        Support::Quote(quote) => quote.text,
    }
}

/// Every sourced block of a panel has its "How we know", holding every passage behind it (the
/// tagline's with the summary's: a tab cannot hold a disclosure); each quote its attribution.
#[test]
fn every_claim_shows_its_support_under_how_we_know() {
    let page = render(0);
    for layer in CONTENT.layers {
        let panel = &select(&page, &format!("#panel-{}", layer.slug))[0];
        let disclosures: Vec<ElementRef> = panel
            .select(&Selector::parse("details.support").unwrap())
            .collect();
        let blocks = [
            layer
                .summary
                .iter()
                .chain([&layer.tagline])
                .collect::<Vec<&Claim>>(),
            layer.status.iter().collect(),
            layer.contributors.iter().collect(),
            layer.commitments.iter().collect(),
        ];
        let listed = blocks.iter().filter(|claims| !claims.is_empty()).count();
        // The listed blocks, the stage, and one per quote.
        assert_eq!(
            disclosures.len(),
            listed + 1 + layer.quotes.len(),
            "{}",
            layer.slug
        );
        let shown: String = disclosures.iter().map(text_of).collect();
        for claims in &blocks {
            for passage in claims.iter().flat_map(|claim| claim.support) {
                let words = normalized(passage_words(passage));
                assert!(shown.contains(&words), "{}: {words:?} shown", layer.slug);
            }
        }
        for passage in layer.stage_support {
            assert!(shown.contains(&normalized(passage_words(passage))));
        }
        for quote in layer.quotes {
            for words in quote.attribution {
                assert!(
                    shown.contains(&normalized(words)),
                    "{}: {words:?}",
                    quote.id
                );
            }
        }
        let summary = disclosures[0]
            .select(&Selector::parse("summary").unwrap())
            .map(|summary| text_of(&summary))
            .collect::<Vec<_>>();
        assert_eq!(summary, [CONTENT.ui.how_we_know]);
    }
}

/// The header's dek, the figure's caption and the context sections' sentences and figures show
/// their support too.
#[test]
fn the_dek_caption_and_context_show_their_support() {
    let page = render(0);
    let in_block = |css: &str, claims: Vec<&Support>| {
        let block = &select(&page, css)[0];
        let shown: String = select_in(block, "details.support")
            .iter()
            .map(text_of)
            .collect();
        for passage in claims {
            let words = normalized(passage_words(passage));
            assert!(shown.contains(&words), "{css}: {words:?}");
        }
    };
    let meta = &CONTENT.meta;
    in_block(".explainer__header", meta.dek.support.iter().collect());
    in_block(
        ".layers__caption",
        meta.figure_caption.support.iter().collect(),
    );
    let caption = select(&page, "#layers-caption");
    assert_eq!(
        text_of(&caption[0]),
        meta.figure_caption.text,
        "the tabs' name, no more"
    );
    let why_now = &CONTENT.why_now;
    let figures = why_now.figures.iter().flat_map(|figure| figure.support);
    let summary = why_now.summary.iter().flat_map(|claim| claim.support);
    in_block(
        "[aria-labelledby=why-now-heading]",
        summary.chain(figures).collect(),
    );
    let still_open = &CONTENT.still_open;
    let items = still_open.items.iter().flat_map(|item| item.summary);
    let claims = still_open.summary.iter().chain(items);
    in_block(
        "[aria-labelledby=still-open-heading]",
        claims.flat_map(|claim| claim.support).collect(),
    );
}

fn select_in<'a>(scope: &ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    scope
        .select(&Selector::parse(css).expect("valid selector"))
        .collect()
}
