//! In a real browser (headless Chromium through wasm-bindgen-test): a reader clicks a layer and
//! reads its quotes, then moves through the layers by keyboard. `cargo xtask test` runs it.
#![cfg(target_arch = "wasm32")]

use coalition_explainer::content::CONTENT;
use coalition_explainer::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// One explainer on the page, removed again by `unmount`.
struct Mounted {
    root: Element,
    app: yew::AppHandle<App>,
}

/// Mounts a fresh explainer and waits until it has drawn.
async fn mount() -> Mounted {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    Mounted { root, app }
}

/// Destroys the app as well as its markup: a live app would keep handling page events.
fn unmount(mounted: Mounted) {
    mounted.app.destroy();
    mounted.root.remove();
}

/// Runs Yew's queued renders and effects to the end.
async fn settle() {
    yew::scheduler::flush().await;
}

/// The next animation frame: the app writes the address after the frame showing a choice.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

/// Waits, frame by frame (a few seconds at most), until `done` holds: what a choice tells the
/// world (the address, the live region) comes after the frame showing it.
async fn frames_until(done: impl Fn() -> bool, never: impl Fn() -> String) {
    const FRAMES: usize = 300;
    for _ in 0..FRAMES {
        if done() {
            return;
        }
        next_frame().await;
    }
    panic!("{}", never());
}

/// Waits until the address's query contains `part`.
async fn address_comes_to_name(part: &str) {
    let search = || {
        gloo::utils::window()
            .location()
            .search()
            .expect("a search string")
    };
    frames_until(
        || search().contains(part),
        || format!("the URL never named {part}: {}", search()),
    )
    .await;
}

fn find(root: &Element, css: &str) -> HtmlElement {
    let found = root
        .query_selector(css)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{css} is in the page"));
    found.dyn_into().expect("an HTML element")
}

fn text(element: &HtmlElement) -> String {
    element
        .inner_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key event");
    target.dispatch_event(&event).expect("dispatched");
}

fn selected_tab(root: &Element) -> HtmlElement {
    find(root, "[role=tab][aria-selected=true]")
}

/// wasm-bindgen-test runs async tests side by side in one page, and Yew apps share the page's
/// event delegation, so the reader's journey is one test with one app, told in steps.
#[wasm_bindgen_test]
async fn a_reader_clicks_types_and_steps_through_the_layers() {
    let mounted = mount().await;
    clicking_a_layer_shows_its_quotes(&mounted.root).await;
    arrow_keys_home_and_end_move_between_layers_and_focus(&mounted.root).await;
    previous_and_next_walk_through_in_order(&mounted.root).await;
    tapping_a_ring_chooses_its_layer(&mounted.root).await;
    unmount(mounted);
}

/// The id of the tab of the layer at `index`: the tests follow the content's own layers.
fn tab_id(index: usize) -> String {
    format!("tab-{}", CONTENT.layers[index].slug)
}

async fn clicking_a_layer_shows_its_quotes(root: &Element) {
    // The second layer: every story has at least two.
    let chosen = &CONTENT.layers[1];
    find(root, &format!("#{}", tab_id(1))).click();
    settle().await;

    assert_eq!(selected_tab(root).id(), tab_id(1));
    let panel = find(root, &format!("#panel-{}", chosen.slug));
    assert!(!panel.hidden(), "the chosen panel shows");
    assert!(
        find(root, &format!("#panel-{}", CONTENT.layers[0].slug)).hidden(),
        "the first panel hides"
    );
    // Mounted without a prerender: the words are the prerender's (src/prerendered.rs), so the
    // app draws each quote's shell and its Copy link, and e2e reads the words on the real page.
    let quotes = panel.query_selector_all(".quote").expect("a selector");
    assert_eq!(
        quotes.length() as usize,
        chosen.quotes.len(),
        "one shell per quote"
    );
    let links = panel
        .query_selector_all(".quote__copy")
        .expect("a selector");
    assert_eq!(
        links.length() as usize,
        chosen.quotes.len(),
        "a Copy link per quote"
    );
    address_comes_to_name(&format!("layer={}", chosen.slug)).await;
}

async fn arrow_keys_home_and_end_move_between_layers_and_focus(root: &Element) {
    find(root, &format!("#{}", tab_id(0))).click();
    settle().await;
    let first = find(root, &format!("#{}", tab_id(0)));
    first.focus().expect("focusable");

    press(&first, "ArrowDown");
    settle().await;
    assert_eq!(selected_tab(root).id(), tab_id(1));
    let active = gloo::utils::document()
        .active_element()
        .expect("something has focus");
    assert_eq!(active.id(), tab_id(1), "focus follows the chosen tab");

    press(&selected_tab(root), "End");
    settle().await;
    let last = CONTENT.layers.len() - 1;
    assert_eq!(selected_tab(root).id(), tab_id(last));
    assert!(!find(root, &format!("#panel-{}", CONTENT.layers[last].slug)).hidden());

    press(&selected_tab(root), "Home");
    settle().await;
    assert_eq!(selected_tab(root).id(), tab_id(0));
    let expected = CONTENT
        .ui
        .announcement(CONTENT.layers[0].name, 1, CONTENT.layers.len());
    let announced = || text(&find(root, ".announcer"));
    frames_until(
        || announced() == expected,
        || format!("the live region says {:?}, not {expected:?}", announced()),
    )
    .await;
}

async fn previous_and_next_walk_through_in_order(root: &Element) {
    find(root, &format!("#{}", tab_id(0))).click();
    settle().await;
    let total = CONTENT.layers.len();
    for expected in 1..total {
        shown(root, ".walkthrough__step--next").click();
        settle().await;
        assert_eq!(
            text(&shown(root, ".walkthrough__position")),
            CONTENT.ui.position(expected + 1, total)
        );
        assert!(
            shown(root, ".walkthrough__step--next").eq(&focused()),
            "focus follows to Next in the panel now shown"
        );
    }
    shown(root, ".walkthrough__step--next").click();
    settle().await;
    assert_eq!(
        selected_tab(root).id(),
        tab_id(total - 1),
        "Next stops at the end"
    );
    shown(root, ".walkthrough__step--previous").click();
    settle().await;
    assert_eq!(selected_tab(root).id(), tab_id(total - 2));
    assert!(shown(root, ".walkthrough__step--previous").eq(&focused()));
}

/// `css` inside the panel on show: each panel has its own Previous / Next.
fn shown(root: &Element, css: &str) -> HtmlElement {
    find(root, &format!("[role=tabpanel]:not([hidden]) {css}"))
}

fn focused() -> HtmlElement {
    gloo::utils::document()
        .active_element()
        .expect("something has focus")
        .dyn_into()
        .expect("an HTML element")
}

/// The drawing mirrors the tabs for pointers: a tap on a ring chooses that layer, and the
/// chosen ring follows every choice, whatever made it. (Its shape and name are the prerender's:
/// e2e taps those on the real page.)
async fn tapping_a_ring_chooses_its_layer(root: &Element) {
    for layer in CONTENT.layers.iter() {
        let name = root
            .query_selector(&format!("[data-ring={}]", layer.slug))
            .expect("valid selector")
            .expect("each layer has a ring");
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        let tap =
            web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click");
        name.dispatch_event(&tap).expect("dispatched");
        settle().await;
        assert_eq!(selected_tab(root).id(), format!("tab-{}", layer.slug));
        let chosen = root
            .query_selector(".ring[data-selected]")
            .expect("valid selector")
            .and_then(|ring| ring.get_attribute("data-ring"));
        assert_eq!(
            chosen.as_deref(),
            Some(layer.slug),
            "the chosen ring follows"
        );
    }
    find(root, &format!("#{}", tab_id(0))).click();
    settle().await;
    let chosen = root.query_selector(".ring[data-selected]").ok().flatten();
    assert_eq!(
        chosen
            .and_then(|ring| ring.get_attribute("data-ring"))
            .as_deref(),
        Some(CONTENT.layers[0].slug),
        "a tab's choice moves the ring too"
    );
}
