//! The loader (assets/boot.js) reads the address before the app does: these tests run its own
//! functions under Node beside the app's (src/deep_link.rs, src/state.rs) on generated URLs and
//! every key, so the two can never read a URL or a key press apart (issue 11).

use coalition_explainer::content::CONTENT;
use coalition_explainer::deep_link::{
    embed_requested, layer_from_url, layer_to_show, quote_from_url, LAYER_PARAM, QUOTE_FRAGMENT,
    QUOTE_PARAM,
};
use coalition_explainer::embed::{embed_snippet, Theme, EMBED_PARAM, THEME_PARAM};
use coalition_explainer::hooks::STARTED_EVENT;
use coalition_explainer::host_messages::{
    layer_event, quote_link_event, HOST_MESSAGE, LAYER_EVENT, MESSAGE_PREFIX, QUOTE_LINK_EVENT,
    QUOTE_SHOWN_EVENT,
};
use coalition_explainer::quote_link::{linkable_quotes, loader_attribute, HOST_FRAGMENT_PREFIX};
use coalition_explainer::state::{action_for_key, Action, Walkthrough};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

const LOADER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/boot.js");
/// The host page's script: under Node it hands its functions over as `embedScript`.
const EMBED_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/embed.js");

/// Evaluates the loader in a fresh context (no `document`, so it only defines its functions),
/// then applies `answer` (a JS function of the parsed stdin) and prints its JSON.
fn ask_loader(answer: &str, input: &Value) -> Value {
    ask_script(LOADER, answer, input)
}

fn ask_script(file: &str, answer: &str, input: &Value) -> Value {
    let script = format!(
        r#"const vm = require("vm"), fs = require("fs");
const context = vm.createContext({{}});
vm.runInContext(fs.readFileSync({file:?}, "utf8"), context);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(vm.runInContext({answer:?}, context)(input)));"#
    );
    let mut node = Command::new("node")
        .args(["-e", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("Node.js runs the loader's tests (it is on every machine of this kind)");
    let mut stdin = node.stdin.take().expect("piped");
    stdin.write_all(input.to_string().as_bytes()).expect("sent");
    drop(stdin);
    let output = node.wait_with_output().expect("node ran");
    assert!(output.status.success(), "node failed: {output:?}");
    serde_json::from_slice(&output.stdout).expect("the loader's answers are JSON")
}

/// Pieces of URLs readers, CMSs and attackers produce: our names, near misses, separators,
/// escapes and junk.
fn url_piece() -> impl Strategy<Value = String> {
    let slugs: Vec<String> = CONTENT.layers.iter().map(|l| l.slug.to_owned()).collect();
    let quotes: Vec<String> = linkable_quotes()
        .iter()
        .map(|(id, _)| (*id).to_owned())
        .collect();
    prop_oneof![
        proptest::sample::select(slugs.clone()),
        proptest::sample::select(quotes.clone()),
        proptest::sample::select(quotes).prop_map(|id| format!("q-{id}")),
        proptest::sample::select(slugs).prop_map(|s| s.to_uppercase()),
        proptest::sample::select(vec![
            "layer",
            "layer=",
            "Layer=",
            "embed",
            "embed=",
            "embed=0",
            "=",
            "&",
            "&&",
            "?",
            "#",
            "##",
            "%2D",
            "%20",
            "+",
            "childId=x",
            "quote",
            "quote=",
            "q-",
            "Q-",
            "-",
            "",
            "ü",
            "<script>",
            "%00",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,6}",
    ]
}

fn url_part() -> impl Strategy<Value = String> {
    proptest::collection::vec(url_piece(), 0..6).prop_map(|pieces| pieces.concat())
}

fn generated<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, count: usize) -> Vec<T> {
    let mut runner = TestRunner::deterministic();
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).expect("a value").current())
        .collect()
}

/// `location.search` and `location.hash` start with their sign, or are empty.
fn with_prefix(sign: char, part: String) -> String {
    match part.strip_prefix(sign) {
        Some(_) => part,
        None if part.is_empty() => part,
        None => format!("{sign}{part}"),
    }
}

#[test]
fn the_loader_reads_every_address_as_the_app_does() {
    let slugs: Vec<&str> = CONTENT.layers.iter().map(|l| l.slug).collect();
    let mut cases = generated((url_part(), url_part()), 3000);
    // The forms we publish, so the comparison is sure to cover real links too.
    for slug in &slugs {
        cases.push((format!("?layer={slug}"), String::new()));
        cases.push((String::new(), format!("#{slug}")));
        cases.push((format!("?embed&layer={slug}"), format!("#{}", slugs[0])));
        // Where a looser reading would differ: a bare name, an empty value, two values.
        cases.push((format!("?layer&layer={slug}"), String::new()));
        cases.push((format!("?layer=&layer={slug}"), String::new()));
        cases.push((format!("?layer={slug}&layer={}", slugs[0]), "#".to_owned()));
        cases.push((format!("?layer={slug}=&embed=1"), String::new()));
    }
    let addresses: Vec<(String, String)> = cases
        .into_iter()
        .map(|(search, hash)| (with_prefix('?', search), with_prefix('#', hash)))
        .collect();
    let answers = ask_loader(
        "(c) => c.cases.map(([search, hash]) => [layerFromUrl(c.slugs, search, hash), embedRequested(search)])",
        &json!({ "slugs": slugs, "cases": addresses }),
    );
    let mut layers_linked = 0;
    for ((search, hash), answer) in addresses.iter().zip(answers.as_array().expect("a list")) {
        let app = layer_from_url(&slugs, search, hash);
        layers_linked += usize::from(app.is_some());
        assert_eq!(
            answer[0].as_u64().map(|i| i as usize),
            app,
            "layer of {search}{hash}"
        );
        assert_eq!(
            answer[1].as_bool(),
            Some(embed_requested(search)),
            "embed flag of {search}"
        );
    }
    assert!(
        layers_linked > 3 * slugs.len(),
        "the cases must name layers too, not only junk"
    );
}

#[test]
fn the_loader_moves_as_the_app_does_for_every_key_and_step() {
    let keys = [
        "ArrowDown",
        "ArrowRight",
        "ArrowUp",
        "ArrowLeft",
        "Home",
        "End",
        "Tab",
        "Enter",
        " ",
        "a",
        "",
    ];
    let mut cases = Vec::new();
    for total in 1..=8usize {
        for current in 0..total {
            cases.extend(keys.iter().map(|key| json!([key, current, total])));
        }
    }
    let answers = ask_loader(
        "(cases) => cases.map(([key, current, total]) => key in KEY_MOVES ? moved(KEY_MOVES[key], current, total) : null)",
        &json!(cases),
    );
    for (case, answer) in cases.iter().zip(answers.as_array().expect("a list")) {
        let (key, current, total) = (
            case[0].as_str().unwrap(),
            case[1].as_u64().unwrap(),
            case[2].as_u64().unwrap(),
        );
        let app = action_for_key(key).map(|action| {
            Walkthrough::new(total as usize, current as usize)
                .apply(action)
                .selected()
        });
        assert_eq!(
            answer.as_u64().map(|i| i as usize),
            app,
            "{key:?} on layer {current} of {total}"
        );
    }
    // Previous / Next are the same moves as the arrow keys.
    assert_eq!(action_for_key("ArrowDown"), Some(Action::Next));
    assert_eq!(action_for_key("ArrowUp"), Some(Action::Previous));
}

/// The names the loader and the app must agree on, from the loader's own constants.
#[test]
fn the_loader_uses_the_apps_names() {
    let names = ask_loader(
        "() => [LAYER_PARAM, EMBED_PARAM, STARTED_EVENT, QUOTE_PARAM, QUOTE_FRAGMENT, QUOTE_SHOWN_EVENT, HOST_MESSAGE, THEME_PARAM, THEMES]",
        &json!(null),
    );
    let themes: Vec<&str> = Theme::ALL.into_iter().map(Theme::value).collect();
    assert_eq!(
        names,
        json!([
            LAYER_PARAM,
            EMBED_PARAM,
            STARTED_EVENT,
            QUOTE_PARAM,
            QUOTE_FRAGMENT,
            QUOTE_SHOWN_EVENT,
            HOST_MESSAGE,
            THEME_PARAM,
            themes
        ])
    );
}

/// The loader's theme for each `(search, embedded)` case.
fn loader_themes(cases: &[(String, bool)]) -> Vec<String> {
    let answers = ask_loader(
        "(cases) => cases.map(([search, embedded]) => themeFromUrl(search, embedded))",
        &json!(cases),
    );
    let answers = answers.as_array().expect("a list");
    answers
        .iter()
        .map(|answer| answer.as_str().expect("a theme").to_owned())
        .collect()
}

/// What a search without a usable `theme` gives: light in a host's frame, the system's at top level.
fn default_theme(embedded: bool) -> &'static str {
    if embedded {
        Theme::EMBEDDED_DEFAULT.value()
    } else {
        Theme::Auto.value()
    }
}

/// `?theme=` says light, dark or auto exactly once, or it says nothing: hostile, mistyped,
/// overlong and repeated values give the default, in a frame and at top level.
#[test]
fn the_loader_takes_a_theme_only_when_it_is_exactly_one_of_ours() {
    let overlong = format!("?theme=dark{}", "k".repeat(5000));
    let ignored = [
        "",
        "?theme",
        "?theme=",
        "?theme=DARK",
        "?theme=Dark",
        "?theme=<script>alert(1)</script>",
        "?theme=%64ark",
        "?theme=dark%20",
        "?theme=dark=",
        "?theme=dark&theme=dark",
        "?theme=dark&theme=light",
        "?theme&theme=dark",
        "?themes=dark",
        "?xtheme=dark",
        "?Theme=dark",
        "?embed=dark",
        &overlong,
    ];
    let mut cases = Vec::new();
    let mut expected = Vec::new();
    for embedded in [true, false] {
        for search in ignored {
            cases.push((search.to_owned(), embedded));
            expected.push(default_theme(embedded));
        }
        for theme in Theme::ALL {
            for search in [
                format!("?theme={}", theme.value()),
                format!("?embed&layer=us-backstop&theme={}&childId=x", theme.value()),
                format!("?&&theme={}&", theme.value()),
            ] {
                cases.push((search, embedded));
                expected.push(theme.value());
            }
        }
    }
    for ((case, answer), expected) in cases.iter().zip(loader_themes(&cases)).zip(expected) {
        assert_eq!(answer, expected, "theme of {case:?}");
    }
}

/// Junk around a theme changes nothing: generated addresses without the parameter give the
/// default, and with one `theme=<value>` put among the same junk, that theme.
#[test]
fn the_loader_reads_a_theme_among_any_junk() {
    let searches: Vec<String> = generated(url_part(), 1000)
        .into_iter()
        .filter(|part| !part.to_lowercase().contains("theme"))
        .map(|part| with_prefix('?', part))
        .collect();
    let mut cases = Vec::new();
    let mut expected = Vec::new();
    for (index, search) in searches.iter().enumerate() {
        let embedded = index % 2 == 0;
        cases.push((search.clone(), embedded));
        expected.push(default_theme(embedded).to_owned());
        let theme = Theme::ALL[index % Theme::ALL.len()];
        cases.push((format!("{search}&theme={}", theme.value()), embedded));
        expected.push(theme.value().to_owned());
    }
    assert!(cases.len() > 1000, "the junk must not all mention themes");
    assert_eq!(loader_themes(&cases), expected);
}

/// The embed code the dialog writes for each choice is read back by the loader as that choice.
#[test]
fn the_loader_reads_each_embed_code_as_its_theme() {
    let cases: Vec<(String, bool)> = Theme::ALL
        .into_iter()
        .map(|theme| {
            let snippet = embed_snippet("https://news.example/x/index.html", "T", 900, theme);
            let src = snippet.split('"').nth(1).expect("the iframe's src");
            let search = &src[src.find('?').expect("a query")..];
            (search.to_owned(), true)
        })
        .collect();
    let themes: Vec<&str> = Theme::ALL.into_iter().map(Theme::value).collect();
    assert_eq!(loader_themes(&cases), themes);
}

#[test]
fn the_loader_reads_quote_links_as_the_app_does() {
    let slugs: Vec<&str> = CONTENT.layers.iter().map(|l| l.slug).collect();
    let quotes = linkable_quotes();
    let mut cases = generated((url_part(), url_part()), 3000);
    for (id, _) in &quotes {
        cases.push((String::new(), format!("#q-{id}")));
        cases.push((format!("?quote={id}"), String::new()));
        cases.push((format!("?quote={id}"), format!("#{}", slugs[1])));
        cases.push((format!("?layer={}&quote={id}", slugs[3]), String::new()));
        cases.push((format!("?quote&quote={id}"), format!("#q-{id}x")));
    }
    let addresses: Vec<(String, String)> = cases
        .into_iter()
        .map(|(search, hash)| (with_prefix('?', search), with_prefix('#', hash)))
        .collect();
    let answers = ask_loader(
        "(c) => { const quotes = quotesOf(c.attribute); return [quotes, c.cases.map(([s, h]) => [quoteFromUrl(c.slugs, quotes, s, h), layerToShow(c.slugs, quotes, s, h)])]; }",
        &json!({ "slugs": slugs, "attribute": loader_attribute(), "cases": addresses }),
    );
    // The loader reads the prerender's attribute back into the app's own list.
    assert_eq!(
        answers[0],
        json!(quotes),
        "data-quotes as the loader reads it"
    );
    let mut quotes_linked = 0;
    for ((search, hash), answer) in addresses.iter().zip(answers[1].as_array().expect("a list")) {
        let quote = quote_from_url(&slugs, &quotes, search, hash);
        quotes_linked += usize::from(quote.is_some());
        let index = |value: &Value| value.as_u64().map(|i| i as usize);
        assert_eq!(index(&answer[0]), quote, "quote of {search}{hash}");
        assert_eq!(
            index(&answer[1]),
            layer_to_show(&slugs, &quotes, search, hash),
            "layer of {search}{hash}"
        );
    }
    assert!(
        quotes_linked > 3 * quotes.len(),
        "the cases must name quotes too"
    );
}

#[test]
fn embed_js_uses_the_apps_names_and_fields() {
    let names = ask_script(
        EMBED_SCRIPT,
        "() => { const e = embedScript; return [e.MESSAGE_PREFIX, e.HOST_MESSAGE, e.QUOTE_SHOWN_EVENT, e.HOST_FRAGMENT_PREFIX, e.EVENT_FIELDS]; }",
        &json!(null),
    );
    assert_eq!(
        names.as_array().expect("a list")[..4],
        [
            json!(MESSAGE_PREFIX),
            json!(HOST_MESSAGE),
            json!(QUOTE_SHOWN_EVENT),
            json!(HOST_FRAGMENT_PREFIX)
        ]
    );
    // Every event the app sends passes embed.js's check whole, and nothing else does.
    let fields = |message: Vec<(&str, _)>| -> Vec<String> {
        let mut names: Vec<String> = message
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .filter(|name| name != "type")
            .collect();
        names.sort();
        names
    };
    for (event, sent) in [
        (LAYER_EVENT, fields(layer_event(2))),
        (QUOTE_LINK_EVENT, fields(quote_link_event("an-id"))),
    ] {
        let mut known: Vec<String> = names[4][event]
            .as_object()
            .unwrap_or_else(|| panic!("embed.js does not know {event}"))
            .keys()
            .cloned()
            .collect();
        known.sort();
        assert_eq!(known, sent, "{event}");
    }
}

#[test]
fn embed_js_passes_on_only_well_formed_events() {
    let long = "a".repeat(101);
    let messages = json!([
        {"type": LAYER_EVENT, "slug": "us-backstop", "index": 3, "total": 4},
        {"type": LAYER_EVENT, "slug": "us-backstop", "index": 3, "total": 4, "reader": "x"},
        {"type": QUOTE_LINK_EVENT, "quote": "von-der-leyen-goal"},
        {"type": QUOTE_SHOWN_EVENT, "quote": "von-der-leyen-goal", "top": 1200},
        {"type": LAYER_EVENT, "slug": 3, "index": 3, "total": 4},
        {"type": LAYER_EVENT, "slug": "x", "index": "3", "total": 4},
        {"type": QUOTE_LINK_EVENT, "quote": long},
        {"type": QUOTE_SHOWN_EVENT, "quote": "x", "top": null},
        {"type": "coalition-explainer:other", "quote": "x"},
        {"type": "__proto__"},
        {"type": "toString"},
        null,
        "coalition-explainer:layer",
        []
    ]);
    let answers = ask_script(
        EMBED_SCRIPT,
        "(messages) => messages.map((m) => embedScript.eventOf(m))",
        &messages,
    );
    assert_eq!(
        answers[0],
        json!([LAYER_EVENT, {"type": LAYER_EVENT, "slug": "us-backstop", "index": 3, "total": 4}])
    );
    // Unknown fields are dropped, not passed on.
    assert_eq!(answers[1], answers[0]);
    assert!(answers[2].is_array() && answers[3].is_array());
    for (i, answer) in answers.as_array().unwrap().iter().enumerate().skip(4) {
        assert_eq!(answer, &Value::Null, "message {i} must be refused");
    }
}

#[test]
fn embed_js_forwards_only_our_own_fragments() {
    let cases = json!([
        "#explainer-q-von-der-leyen-goal",
        "explainer-us-backstop",
        "#explainer-",
        "#explainer-q-<script>",
        "#explainer-q-%3Cscript%3E",
        "#Explainer-us-backstop",
        "#explainer-US-BACKSTOP",
        "#us-backstop",
        "#q-von-der-leyen-goal",
        "",
        "#",
        format!("#explainer-{}", "a".repeat(101)),
        "#explainer-q-x y"
    ]);
    let answers = ask_script(
        EMBED_SCRIPT,
        "(cases) => cases.map((hash) => embedScript.forwardedFragment(hash))",
        &cases,
    );
    assert_eq!(
        answers,
        json!([
            "q-von-der-leyen-goal",
            "us-backstop",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null
        ])
    );
}
