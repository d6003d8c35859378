//! The content file's rules, proven on a small valid fixture and on broken copies of it.
//! Each broken copy must fail with a message naming file, line and field.

use content_compiler::{compile, parse, ContentError, Reach, MAX_LAYERS, MIN_LAYERS};

/// The valid fixture's path from the crate's folder (where tests run): its article is beside it.
const FILE: &str = "tests/fixtures/valid.toml";
const VALID: &str = include_str!("fixtures/valid.toml");

/// The 1-based line of the `occurrence`-th (0-based) line containing `needle` in `source`.
fn line_of(source: &str, needle: &str, occurrence: usize) -> usize {
    let mut matches = source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle));
    matches
        .nth(occurrence)
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("`{needle}` not in fixture"))
}

/// Applies `edit` to the valid fixture and returns the problems it produces, each as
/// `file:line: field: message` (the column, the line and the hint have tests of their own).
fn errors_after(edit: impl Fn(&str) -> String) -> (String, Vec<String>) {
    let (broken, problems) = problems_after(edit);
    (broken, problems.iter().map(at_line).collect())
}

/// `file:line: field: message`: what most tests here compare.
fn at_line(problem: &ContentError) -> String {
    let p = problem;
    format!("{}:{}: {}: {}", p.file, p.line, p.field, p.message)
}

/// Applies `edit` to the valid fixture and returns the problems it produces.
fn problems_after(edit: impl Fn(&str) -> String) -> (String, Vec<ContentError>) {
    let broken = edit(VALID);
    assert_ne!(broken, VALID, "the edit must change the fixture");
    let errors = parse(FILE, &broken).expect_err("a broken fixture must not parse");
    (broken, errors.0)
}

fn assert_single_error(errors: &[String], expected: &str) {
    assert_eq!(errors, [expected.to_owned()], "unexpected errors");
}

/// One error, beginning with `prefix` (serde's own messages may add detail after it).
fn assert_single_error_starting(errors: &[String], prefix: &str) {
    assert_eq!(errors.len(), 1, "got {errors:?}");
    assert!(
        errors[0].starts_with(prefix),
        "got {:?}, want prefix {prefix:?}",
        errors[0]
    );
}

/// The generated source without whitespace: databake writes tokens with spaces between them.
fn compact(source: &str) -> String {
    source.split_whitespace().collect()
}

#[test]
fn valid_fixture_compiles_to_statics() {
    let generated =
        compact(&compile(FILE, VALID, Reach::Full).expect("the valid fixture compiles"));
    let has = |needle: &str| generated.contains(&compact(needle));
    assert!(has("pub static QUOTES: [content_schema::Quote; 2]"));
    assert!(has(r#"slug: "second-layer""#));
    assert!(has("quotes: &[&QUOTES[0], &QUOTES[1]]"));
    assert!(
        has(r#"label: "Jan. 6, 2026""#),
        "dates get a news-style label"
    );
    assert!(
        has(r#"label: "January 2026""#),
        "a month without a day says so"
    );
    assert!(
        has("is_analysis: true"),
        "the analysis channel marks the article's own words"
    );
    assert!(has("pub static STAGES: [content_schema::Stage; 2]"));
    assert!(has(
        r#"content_schema::Stage { id: "agreed", label: "Agreed", line: content_schema::Line::Solid, }"#
    ));
    assert!(
        has("line: content_schema::Line::DashDot"),
        "`dash-dot` is `Line::DashDot`"
    );
    assert!(
        has("stage: &STAGES[1]"),
        "a layer points at its stage, stored once"
    );
    assert!(has("stages: &STAGES,"), "the legend's stages");
    assert!(has(r#"stage: "Stage", legend: "Legend""#));
    assert_eq!(
        generated.matches("content_schema::Quote{").count(),
        2,
        "each quote is written once, in QUOTES"
    );
}

#[test]
fn missing_field_names_the_table_and_field() {
    let (broken, errors) = errors_after(|s| s.replacen("speaker = \"Alpha\"\n", "", 1));
    let expected_line = line_of(&broken, "[[quotes]]", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{expected_line}: quotes[0]: missing field `speaker`"),
    );
}

#[test]
fn empty_quote_is_refused_with_its_line() {
    let (broken, errors) =
        errors_after(|s| s.replacen("text = \"Alpha said this.\"", "text = \"   \"", 1));
    let line = line_of(&broken, "text = \"   \"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].text: must not be empty"),
    );
}

#[test]
fn bad_dates_are_refused() {
    for bad in [
        "2026-02-30",
        "2026-13",
        "6 Jan 2026",
        "2026-1-6",
        "2026-01-06-01",
        "",
    ] {
        let (broken, errors) = errors_after(|s| {
            s.replacen("\ndate = \"2026-01-06\"", &format!("\ndate = \"{bad}\""), 1)
        });
        let line = line_of(&broken, &format!("date = \"{bad}\""), 0);
        let expected = format!(
            "{FILE}:{line}: quotes[0].date: `{bad}` is not a real date written as YYYY-MM-DD (or YYYY-MM when the day is unknown)"
        );
        assert_single_error(&errors, &expected);
    }
}

#[test]
fn leap_day_is_a_real_date() {
    let edited = VALID.replacen(
        "declaration_date = \"2026-01-06\"",
        "declaration_date = \"2024-02-29\"",
        1,
    );
    assert!(parse(FILE, &edited).is_ok());
}

#[test]
fn duplicate_slug_points_at_the_second_use() {
    let (broken, errors) =
        errors_after(|s| s.replacen("slug = \"second-layer\"", "slug = \"first-layer\"", 1));
    let first = line_of(&broken, "slug = \"first-layer\"", 0);
    let second = line_of(&broken, "slug = \"first-layer\"", 1);
    assert_single_error(
        &errors,
        &format!("{FILE}:{second}: layers[1].slug: duplicate layer slug `first-layer` (first used on line {first})"),
    );
}

#[test]
fn duplicate_quote_id_points_at_the_second_use() {
    let (broken, errors) = errors_after(|s| s.replacen("id = \"beta\"", "id = \"alpha\"", 1));
    let first = line_of(&broken, "id = \"alpha\"", 0);
    let second = line_of(&broken, "id = \"alpha\"", 1);
    let duplicate = format!(
        "{FILE}:{second}: quotes[1].id: duplicate quote id `alpha` (first used on line {first})"
    );
    assert!(errors.contains(&duplicate), "got {errors:?}");
}

#[test]
fn unknown_quote_reference_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "quotes = [\"alpha\", \"beta\"]",
            "quotes = [\"alpha\", \"gamma\"]",
            1,
        )
    });
    let line = line_of(&broken, "\"gamma\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[1].quotes[1]: no quote has the id `gamma`"),
    );
}

#[test]
fn unknown_channel_lists_the_known_ones() {
    let (broken, problems) =
        problems_after(|s| s.replacen("channel = \"statement\"", "channel = \"tweet\"", 1));
    let line = line_of(&broken, "channel = \"tweet\"", 0);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].headline(),
        format!("{FILE}:{line}:11: quotes[0].channel: unknown channel `tweet`: not in the [channels] table")
    );
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("one of `analysis`, `statement`")
    );
}

#[test]
fn slug_must_be_url_safe() {
    let (broken, errors) =
        errors_after(|s| s.replacen("slug = \"first-layer\"", "slug = \"First Layer\"", 1));
    let line = line_of(&broken, "slug = \"First Layer\"", 0);
    assert_single_error(
        &errors,
        &format!(
            "{FILE}:{line}: layers[0].slug: `First Layer` is not a valid slug: use lowercase letters, digits and single hyphens"
        ),
    );
}

#[test]
fn template_without_placeholder_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "position = \"Layer {n} of {total}\"",
            "position = \"Layer {n}\"",
            1,
        )
    });
    let line = line_of(&broken, "position = ", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: ui.position: must contain the placeholder {{total}}"),
    );
}

#[test]
fn unknown_field_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("role = \"Role\"", "role = \"Role\"\nspeeker = \"typo\"", 1));
    let line = line_of(&broken, "speeker", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: quotes[0].speeker: unknown field `speeker`"),
    );
}

#[test]
fn syntax_error_names_its_line() {
    let (broken, errors) = errors_after(|s| s.replacen("name = \"First\"", "name = \"First", 1));
    let line = line_of(&broken, "name = \"First", 0);
    assert_single_error_starting(&errors, &format!("{FILE}:{line}: (syntax): "));
}

#[test]
fn layer_without_quotes_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "name = \"First\"\nquotes = [\"alpha\"]",
            "name = \"First\"\nquotes = []",
            1,
        )
    });
    let line = line_of(&broken, "slug = \"first-layer\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[0].quotes: a layer needs at least one quote"),
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let (_, errors) = errors_after(|s| {
        s.replacen("channel = \"statement\"", "channel = \"tweet\"", 1)
            .replacen("\"beta\"]", "\"delta\"]", 1)
    });
    assert_eq!(errors.len(), 2, "got {errors:?}");
}

#[test]
fn more_layers_than_the_stylesheet_can_show_are_refused() {
    let second = &VALID[VALID.rfind("[[layers]]").unwrap()..VALID.find("[why_now]").unwrap()];
    let (broken, errors) = errors_after(|s| {
        let extra: String = (2..=MAX_LAYERS)
            .map(|n| second.replace("second-layer", &format!("layer-{n}")))
            .collect();
        s.replacen(second, &format!("{second}{extra}"), 1)
    });
    let line = line_of(&broken, &format!("slug = \"layer-{MAX_LAYERS}\""), 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[{MAX_LAYERS}]: at most {MAX_LAYERS} layers: style/main.css shows a layer chosen before the app starts by its position, for eight positions"),
    );
}

/// The stylesheet shows a layer the loader chose by its position (`<html data-layer="N">`):
/// it must have a rule for the tab and the panel of every position a content file may use.
#[test]
fn the_stylesheet_covers_every_allowed_layer_position() {
    let css = include_str!("../../style/main.css");
    for n in 1..=MAX_LAYERS {
        for rule in [
            format!("[data-layer=\"{n}\"] .layers__tab:nth-child({n})"),
            format!("[data-layer=\"{n}\"] .panel:nth-child({n})"),
            format!("[data-layer=\"{n}\"] .ring:nth-last-child({n})"),
        ] {
            assert!(css.contains(&rule), "style/main.css lacks `{rule}`");
        }
    }
    assert!(!css.contains(&format!("[data-layer=\"{}\"]", MAX_LAYERS + 1)));
}

/// The fixture's second stage, exactly as written there.
const SECOND_STAGE: &str =
    "[[stages]]\nid = \"offered\"\nlabel = \"Offered\"\nline = \"dash-dot\"\n";

/// The second layer's stage table, exactly as written there.
const SECOND_LAYER_STAGE: &str =
    "[layers.stage]\nid = \"offered\"\nsupport = [\"The second layer is only offered\"]\n";

#[test]
fn layer_without_stage_is_refused() {
    let (broken, errors) = errors_after(|s| s.replacen(&format!("{SECOND_LAYER_STAGE}\n"), "", 1));
    let line = line_of(&broken, "[[layers]]", 1);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: layers[1]: missing field `stage`"),
    );
}

#[test]
fn unknown_stage_is_refused_and_the_unused_one_reported() {
    let (broken, errors) = errors_after(|s| {
        let signed = SECOND_LAYER_STAGE.replace("\"offered\"", "\"signed\"");
        s.replacen(SECOND_LAYER_STAGE, &signed, 1)
    });
    let reference = line_of(&broken, "id = \"signed\"", 0);
    let unused = line_of(&broken, "id = \"offered\"", 0);
    assert_eq!(
        errors,
        [
            format!("{FILE}:{unused}: stages[1]: no layer has the stage `offered`: the legend lists only stages the figure draws"),
            format!("{FILE}:{reference}: layers[1].stage.id: no stage has the id `signed`"),
        ]
    );
}

#[test]
fn unknown_line_is_refused_with_the_known_ones() {
    let (broken, problems) =
        problems_after(|s| s.replacen("line = \"dash-dot\"", "line = \"wavy\"", 1));
    let line = line_of(&broken, "line = \"wavy\"", 0);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].headline(),
        format!("{FILE}:{line}:8: stages[1].line: unknown variant `wavy`")
    );
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("expected one of `solid`, `dashed`, `dotted`, `dash-dot`")
    );
}

#[test]
fn duplicate_stage_id_points_at_the_second_use() {
    let (broken, errors) = errors_after(|s| {
        // The second layer moves to the first `agreed`, so its status opens with that label.
        s.replacen("id = \"offered\"", "id = \"agreed\"", 1)
            .replacen("id = \"offered\"", "id = \"agreed\"", 1)
            .replacen("\"Offered, not agreed.\"", "\"Agreed, once offered.\"", 1)
    });
    let first = line_of(&broken, "id = \"agreed\"", 0);
    let second = line_of(&broken, "id = \"agreed\"", 1);
    assert_single_error(
        &errors,
        &format!("{FILE}:{second}: stages[1].id: duplicate stage id `agreed` (first used on line {first})"),
    );
}

#[test]
fn two_stages_drawn_alike_are_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("line = \"dash-dot\"", "line = \"solid\"", 1));
    let first = line_of(&broken, "line = \"solid\"", 0);
    let second = line_of(&broken, "line = \"solid\"", 1);
    assert_single_error(
        &errors,
        &format!("{FILE}:{second}: stages[1].line: duplicate line (first used on line {first}): each stage needs a line of its own"),
    );
}

#[test]
fn stage_no_layer_uses_is_refused() {
    let (broken, errors) = errors_after(|s| {
        let unused = SECOND_STAGE
            .replace("offered", "pledged")
            .replace("Offered", "Pledged")
            .replace("dash-dot", "dotted");
        s.replacen(SECOND_STAGE, &format!("{SECOND_STAGE}\n{unused}"), 1)
    });
    let line = line_of(&broken, "id = \"pledged\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: stages[2]: no layer has the stage `pledged`: the legend lists only stages the figure draws"),
    );
}

#[test]
fn a_file_without_stages_is_refused() {
    let first_stage = &VALID[VALID.find("[[stages]]").unwrap()..VALID.find(SECOND_STAGE).unwrap()];
    let without = |s: &str| s.replacen(first_stage, "", 1).replacen(SECOND_STAGE, "", 1);
    let (broken, errors) =
        errors_after(|s| without(s).replacen("[meta]", "stages = []\n\n[meta]", 1));
    let empty = line_of(&broken, "stages = []", 0);
    let first = line_of(&broken, "id = \"agreed\"", 0);
    let second = line_of(&broken, "id = \"offered\"", 0);
    assert_eq!(
        errors,
        [
            format!(
                "{FILE}:{empty}: stages: at least one stage is needed: each layer names its stage"
            ),
            format!("{FILE}:{first}: layers[0].stage.id: no stage has the id `agreed`"),
            format!("{FILE}:{second}: layers[1].stage.id: no stage has the id `offered`"),
        ]
    );
    let (_, errors) = errors_after(without);
    assert_single_error(
        &errors,
        &format!("{FILE}:1: (top level): missing field `stages`"),
    );
}

/// The valid fixture, updated on `updated` (if any) and with one correction per `(date, text)`.
fn with_updates(updated: Option<&str>, corrections: &[(&str, &str)]) -> String {
    let mut source = VALID.to_owned();
    if let Some(day) = updated {
        source = source.replacen(
            "declaration_date = \"2026-01-06\"\n",
            &format!("declaration_date = \"2026-01-06\"\nupdated = \"{day}\"\n"),
            1,
        );
    }
    for (date, text) in corrections {
        source.push_str(&format!(
            "\n[[corrections]]\ndate = \"{date}\"\ntext = \"{text}\"\n"
        ));
    }
    source
}

fn update_errors(updated: Option<&str>, corrections: &[(&str, &str)]) -> (String, Vec<String>) {
    errors_after(|_| with_updates(updated, corrections))
}

#[test]
fn updates_and_corrections_compile_with_their_dates() {
    let source = with_updates(
        Some("2026-01-10"),
        &[("2026-01-08", "An earlier version misnamed the port.")],
    );
    let generated = compact(&compile(FILE, &source, Reach::Full).expect("updates compile"));
    let has = |needle: &str| generated.contains(&compact(needle));
    assert!(has(
        r#"updated: Some(content_schema::Date { iso: "2026-01-10", label: "Jan. 10, 2026", })"#
    ));
    assert!(has(
        r#"corrections: &[content_schema::Correction { date: content_schema::Date { iso: "2026-01-08", label: "Jan. 8, 2026", }, text: "An earlier version misnamed the port.", }]"#
    ));
    let plain = compact(&compile(FILE, VALID, Reach::Full).expect("the valid fixture compiles"));
    assert!(plain.contains("updated:None") && plain.contains("corrections:&[]"));
}

#[test]
fn an_update_before_the_source_is_refused() {
    let (broken, errors) = update_errors(Some("2025-12-31"), &[]);
    let line = line_of(&broken, "updated = ", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: meta.updated: `2025-12-31` is before the source's date `2026-01` (source.published)"),
    );
}

#[test]
fn an_update_needs_its_day() {
    let (broken, errors) = update_errors(Some("2026-02"), &[]);
    let line = line_of(&broken, "updated = ", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: meta.updated: must be a day written as YYYY-MM-DD"),
    );
}

#[test]
fn a_correction_before_the_source_or_after_the_update_is_refused() {
    let (broken, errors) = update_errors(
        Some("2026-01-10"),
        &[("2025-11-02", "Early."), ("2026-01-12", "Late.")],
    );
    let early = line_of(&broken, "date = \"2025-11-02\"", 0);
    let late = line_of(&broken, "date = \"2026-01-12\"", 0);
    assert_eq!(
        errors,
        [
            format!("{FILE}:{early}: corrections[0].date: `2025-11-02` is before the source's date `2026-01` (source.published)"),
            format!("{FILE}:{late}: corrections[1].date: `2026-01-12` is after `meta.updated` (`2026-01-10`): a correction updates the explainer"),
        ]
    );
}

#[test]
fn a_correction_needs_an_update_and_text() {
    let (broken, errors) = update_errors(None, &[("2026-01-08", "Fixed.")]);
    let line = line_of(&broken, "date = \"2026-01-08\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: corrections[0].date: a correction updates the explainer: set `updated` in [meta] to the day of the last change"),
    );
    let (broken, errors) = update_errors(Some("2026-01-10"), &[("2026-01-08", "  ")]);
    let line = line_of(&broken, "text = \"  \"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: corrections[0].text: must not be empty"),
    );
    let (broken, errors) = errors_after(|_| {
        with_updates(Some("2026-01-10"), &[]) + "\n[[corrections]]\ndate = \"2026-01-08\"\n"
    });
    let line = line_of(&broken, "[[corrections]]", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: corrections[0]: missing field `text`"),
    );
}

#[test]
fn dates_are_written_in_the_contents_language() {
    // The article gives the quote's day in English only ("Jan. 6"), so in Ukrainian the quote
    // is dated by its month; the declaration keeps its day.
    let ukrainian = VALID
        .replacen("lang = \"en\"", "lang = \"uk\"", 1)
        .replacen("\ndate = \"2026-01-06\"", "\ndate = \"2026-01\"", 1);
    let generated = compact(&compile(FILE, &ukrainian, Reach::Full).expect("Ukrainian compiles"));
    assert!(generated.contains(&compact(r#"label: "6 січня 2026 року""#)));
    assert!(
        generated.contains(&compact(r#"label: "січень 2026 року""#)),
        "a month alone is nominative"
    );
    let german = ukrainian.replacen("lang = \"uk\"", "lang = \"de\"", 1);
    let generated = compact(&compile(FILE, &german, Reach::Full).expect("German compiles"));
    assert!(generated.contains(&compact(r#"label: "6. Januar 2026""#)));
    assert!(generated.contains(&compact(r#"label: "Januar 2026""#)));
    let british = VALID.replacen("lang = \"en\"", "lang = \"en-GB\"", 1);
    assert!(
        compile(FILE, &british, Reach::Full).is_ok(),
        "a region keeps its language's style"
    );
}

#[test]
fn a_language_without_a_date_style_is_refused_at_meta_lang() {
    let (broken, errors) = errors_after(|s| s.replacen("lang = \"en\"", "lang = \"fr\"", 1));
    let line = line_of(&broken, "lang = \"fr\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: meta.lang: no news style for dates in `fr`: the compiler writes dates in en, uk, de"),
    );
}

#[test]
fn a_single_layer_is_refused() {
    let second = VALID
        .find("[[layers]]\nslug = \"second-layer\"")
        .expect("the second layer");
    let end = VALID.find("[why_now]").expect("the table after the layers");
    let (broken, errors) = errors_after(|s| {
        let one_layer = format!("{}{}", &s[..second], &s[end..]);
        // Its stage would go unused: one stage only, so only the count is wrong.
        one_layer.replacen(SECOND_STAGE, "", 1)
    });
    let line = line_of(&broken, "slug = \"first-layer\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers: at least {MIN_LAYERS} layers: the explainer walks from one to the next"),
    );
}

#[test]
fn the_ui_table_holds_exactly_the_apps_strings() {
    let (broken, errors) = errors_after(|s| s.replacen("copied = \"Copied\"\n", "", 1));
    let table = line_of(&broken, "[ui]", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{table}: ui: missing field `copied`"),
    );
    let (broken, errors) = errors_after(|s| s.replacen("[ui]\n", "[ui]\ncopyed = \"Copied\"\n", 1));
    let line = line_of(&broken, "copyed = ", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: ui.copyed: unknown field `copyed`, expected one of `position`, `announcement`,"),
    );
    let (broken, errors) = errors_after(|s| s.replacen("copy = \"Copy\"", "copy = \" \"", 1));
    let line = line_of(&broken, "copy = \" \"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: ui.copy: must not be empty"),
    );
}

#[test]
fn claims_are_baked_with_their_support() {
    let generated =
        compact(&compile(FILE, VALID, Reach::Full).expect("the valid fixture compiles"));
    let has = |needle: &str| generated.contains(&compact(needle));
    assert!(has(
        r#"dek: content_schema::Claim { text: "What two towns agreed, layer by layer.", support: &[content_schema::Support::Excerpt("Two towns have drawn up a plan with 2 layers.",)], }"#
    ));
    assert!(
        has(
            r#"summary: &[content_schema::Claim { text: "Alpha spoke on Jan. 6.", support: &[content_schema::Support::Excerpt("in a statement on Jan. 6",), content_schema::Support::Quote(&QUOTES[0],)], }]"#
        ),
        "excerpts first, then quotes, each a reference to its static"
    );
    assert!(has(
        r#"support: &[content_schema::Support::Quote(&QUOTES[1],)]"#
    ));
    assert!(has(
        r#"stage: &STAGES[1], stage_support: &[content_schema::Support::Excerpt("The second layer is only offered",)]"#
    ));
    assert!(has(
        r#"content_schema::Figure { value: "2", label: "layers", support: &[content_schema::Support::Excerpt("a plan with 2 layers",)], }"#
    ));
    assert!(has(
        r#"attribution: &["So said Alpha, the Role, in a statement on Jan. 6."]"#
    ));
    assert!(has(r#"how_we_know: "How we know""#));
}

#[test]
fn a_claim_without_support_is_refused() {
    let message = "no support: name the article's words behind it (`support = [\"…\"]`, verbatim) or quotes of this file (`quotes = [\"id\"]`)";
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "text = \"The agreed layer\"\nsupport = [\"The first layer is agreed\"]\n",
            "text = \"The agreed layer\"\n",
            1,
        )
    });
    let line = line_of(&broken, "text = \"The agreed layer\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[0].tagline: {message}"),
    );
    let (broken, errors) =
        errors_after(|s| s.replacen(SECOND_LAYER_STAGE, "[layers.stage]\nid = \"offered\"\n", 1));
    let line = line_of(&broken, "id = \"offered\"", 1);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[1].stage: {message}"),
    );
}

#[test]
fn a_support_quote_that_does_not_exist_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "support = [\"in a statement on Jan. 6\"]\nquotes = [\"alpha\"]",
            "support = [\"in a statement on Jan. 6\"]\nquotes = [\"gamma\"]",
            1,
        )
    });
    let line = line_of(&broken, "quotes = [\"gamma\"]", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: why_now.summary[0].quotes[0]: no quote has the id `gamma`"),
    );
}

#[test]
fn an_excerpt_not_verbatim_in_the_article_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "support = [\"Someone builds it\"]",
            "support = [\"Someone built it\"]",
            1,
        )
    });
    let line = line_of(&broken, "\"Someone built it\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[0].contributors[0].support[0]: the excerpt is not verbatim in the article: \"Someone built it\""),
    );
    let omitted = VALID.replacen(
        "support = [\"Someone builds it\"]",
        "support = [\"The first  layer is agreed … “Alpha said this.” So said Alpha\"]",
        1,
    );
    assert!(
        parse(FILE, &omitted).is_ok(),
        "\" … \" marks an omission; spacing and quote marks may differ"
    );
}

#[test]
fn a_quote_not_verbatim_in_the_article_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "text = \"Alpha said this.\"",
            "text = \"Alpha said that.\"",
            1,
        )
    });
    let line = line_of(&broken, "text = \"Alpha said that.\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].text: the quote is not verbatim in the article: \"Alpha said that.\""),
    );
}

/// The first quote's attribution, exactly as written there.
const ALPHA_ATTRIBUTION: &str =
    "attribution = [\"So said Alpha, the Role, in a statement on Jan. 6.\"]";

#[test]
fn a_quote_without_attribution_is_refused() {
    let (broken, errors) = errors_after(|s| s.replacen(ALPHA_ATTRIBUTION, "attribution = []", 1));
    let line = line_of(&broken, "id = \"alpha\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].attribution: no attribution: give the article's words that say who said it, how and when (`attribution = [\"…\"]`)"),
    );
    let (broken, errors) = errors_after(|s| s.replacen(&format!("{ALPHA_ATTRIBUTION}\n"), "", 1));
    let line = line_of(&broken, "[[quotes]]", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: quotes[0]: missing field `attribution`"),
    );
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            ALPHA_ATTRIBUTION,
            "attribution = [\"So said Alpha, the Role, in a speech on Jan. 6.\"]",
            1,
        )
    });
    let line = line_of(&broken, "in a speech", 0);
    assert_eq!(
        errors[0],
        format!("{FILE}:{line}: quotes[0].attribution[0]: the attribution is not verbatim in the article: \"So said Alpha, the Role, in a speech on Jan. 6.\""),
    );
}

#[test]
fn a_day_the_attribution_does_not_give_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("\ndate = \"2026-01-06\"", "\ndate = \"2026-01-07\"", 1));
    let line = line_of(&broken, "date = \"2026-01-07\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].date: the attribution gives no day (Jan. 7): write the month, `2026-01`, or cite the words that give the day"),
    );
    let month = VALID.replacen("\ndate = \"2026-01-06\"", "\ndate = \"2026-01\"", 1);
    assert!(
        parse(FILE, &month).is_ok(),
        "the month alone is always safe"
    );
}

#[test]
fn a_role_not_in_the_attribution_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("role = \"Role\"", "role = \"Minister\"", 1));
    let line = line_of(&broken, "role = \"Minister\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].role: `Minister` is not in the quote's attribution: a role is as the article gives it"),
    );
    let without = VALID.replacen("role = \"Role\"\n", "", 1);
    assert!(
        parse(FILE, &without).is_ok(),
        "a role is optional: none where the article gives none"
    );
}

#[test]
fn a_channel_the_attribution_does_not_name_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("channel = \"statement\"", "channel = \"analysis\"", 1));
    let line = line_of(&broken, "channel = \"analysis\"", 0);
    let message = "the channel is as the article gives it";
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].channel: the attribution says none of the channel's words (view): {message}"),
    );
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "cues = [\"said\", \"statement\"]",
            "cues = [\"posted\", \"post\"]",
            1,
        )
    });
    let line = line_of(&broken, "channel = \"statement\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].channel: the attribution says none of the channel's words (posted, post): {message}"),
    );
}

#[test]
fn a_speaker_not_in_the_attribution_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("speaker = \"Alpha\"", "speaker = \"Alpha Gamma\"", 1));
    let line = line_of(&broken, "id = \"alpha\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: quotes[0].speaker: `Gamma` is in none of the quote's attribution"),
    );
}

#[test]
fn a_number_or_name_missing_from_a_claims_support_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "text = \"The agreed layer\"",
            "text = \"The layer agreed in 2027 in Paris\"",
            1,
        )
    });
    let line = line_of(&broken, "in Paris", 0);
    let cite = "in none of its support: cite the passage that gives it";
    assert_eq!(
        errors,
        [
            format!("{FILE}:{line}: layers[0].tagline: the number(s) 2027 {cite}"),
            format!("{FILE}:{line}: layers[0].tagline: the name(s) Paris {cite}"),
        ]
    );
    let (broken, errors) = errors_after(|s| s.replacen("value = \"2\"", "value = \"3\"", 1));
    let line = line_of(&broken, "value = \"3\"", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: why_now.figures[0]: the number(s) 3 {cite}"),
    );
    let from_quote = VALID.replacen(
        "text = \"The plan is not finished.\"",
        "text = \"Beta thinks the plan is not finished.\"",
        1,
    );
    assert!(
        parse(FILE, &from_quote).is_ok(),
        "a quote's text is support; a sentence's first word is no name"
    );
}

#[test]
fn two_layers_on_the_same_passages_at_different_stages_are_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            SECOND_LAYER_STAGE,
            "[layers.stage]\nid = \"offered\"\nsupport = [\"The first layer is agreed\"]\n",
            1,
        )
    });
    let line = line_of(&broken, "id = \"offered\"", 1);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: layers[1].stage: `offered` rests on the same passages as layers[0]'s `agreed`: cite the sentence that tells them apart, or give both one stage"),
    );
}

#[test]
fn a_status_not_opening_with_its_stages_label_is_refused() {
    let (broken, errors) = errors_after(|s| {
        s.replacen(
            "text = \"Offered, not agreed.\"",
            "text = \"Not agreed, only offered.\"",
            1,
        )
    });
    let line = line_of(&broken, "text = \"Not agreed", 0);
    assert_single_error(
        &errors,
        &format!(
            "{FILE}:{line}: layers[1].status[0]: must begin with its stage's label, `Offered`"
        ),
    );
    let lowercase = VALID.replacen("\"Offered, not agreed.\"", "\"offered, not agreed.\"", 1);
    assert!(
        parse(FILE, &lowercase).is_ok(),
        "the label's case may differ"
    );
}

#[test]
fn an_unreadable_article_is_refused() {
    let (broken, errors) =
        errors_after(|s| s.replacen("article = \"article.txt\"", "article = \"missing.txt\"", 1));
    let line = line_of(&broken, "article = \"missing.txt\"", 0);
    assert_single_error_starting(
        &errors,
        &format!("{FILE}:{line}: source.article: cannot read tests/fixtures/missing.txt: "),
    );
    assert!(errors[0].ends_with(": every quote and excerpt is checked against it"));
}

/// Problems of shape in different sections are all named in one run: an editor fixes them
/// together (issue 23), not one per build.
#[test]
fn problems_in_several_sections_are_reported_at_once() {
    let (broken, errors) = errors_after(|s| {
        s.replacen("slug = \"first-layer\"", "slug = \"First Layer\"", 1)
            .replacen("speaker = \"Beta\"", "speaker = \" \"", 1)
            .replacen(
                "declaration_date = \"2026-01-06\"",
                "declaration_date = \"soon\"",
                1,
            )
    });
    let at = |needle: &str| line_of(&broken, needle, 0);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!(
            "{FILE}:{}: meta.declaration_date: `soon`",
            at("\"soon\"")
        )),
        "{errors:?}"
    );
    assert!(errors.contains(&format!(
        "{FILE}:{}: layers[0].slug: `First Layer` is not a valid slug: use lowercase letters, digits and single hyphens",
        at("First Layer")
    )), "{errors:?}");
    assert!(
        errors.contains(&format!(
            "{FILE}:{}: quotes[1].speaker: must not be empty",
            at("speaker = \" \"")
        )),
        "{errors:?}"
    );
}

/// Every syntax problem the reader can recover from is named in one run.
#[test]
fn several_syntax_problems_are_reported_at_once() {
    let (broken, errors) = errors_after(|s| {
        s.replacen("title = \"Title\"", "title = \"Title", 1)
            .replacen("heading = \"Why now\"", "heading = Why now", 1)
    });
    assert!(errors.len() >= 2, "{errors:?}");
    for needle in ["title = \"Title", "heading = Why now"] {
        let line = line_of(&broken, needle, 0);
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with(&format!("{FILE}:{line}: (syntax): "))),
            "{needle:?} at line {line}: {errors:?}"
        );
    }
}

/// Past `MOST_PROBLEMS` the list stops, saying how many more there are.
#[test]
fn a_file_full_of_problems_lists_the_first_hundred() {
    let blank = (0..150)
        .map(|i| format!("\n[[quotes]]\nid = \"extra-{i}\"\ntext = \" \"\nspeaker = \"X\"\ndate = \"2026-01\"\nchannel = \"statement\"\nattribution = [\"x\"]\n"))
        .collect::<String>();
    let (_, errors) = errors_after(|s| format!("{s}{blank}"));
    assert_eq!(
        errors.len(),
        content_compiler::MOST_PROBLEMS + 1,
        "{errors:?}"
    );
    let last = errors.last().expect("a last line");
    // Each blank quote is also unattributed: its channel and attribution are refused too.
    assert!(
        last.contains("(more): 350 more problem(s) not listed"),
        "{last}"
    );
}

/// The four mistakes of a first try, all in one run: two that stop a value reading (a bad slug,
/// a blank speaker) and two that only the rules find (an unknown stage, a quote changed by one
/// letter), each with its place, its line and a hint.
#[test]
fn values_that_do_not_read_do_not_hide_the_rules() {
    let (broken, problems) = problems_after(|s| {
        s.replacen("slug = \"first-layer\"", "slug = \"First Layer\"", 1)
            .replacen(
                SECOND_LAYER_STAGE,
                &SECOND_LAYER_STAGE.replace("\"offered\"", "\"ofered\""),
                1,
            )
            .replacen("speaker = \"Beta\"", "speaker = \" \"", 1)
            .replacen(
                "text = \"Alpha said this.\"",
                "text = \"Alpha said thus.\"",
                1,
            )
    });
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "stages[1]", // `offered`, which the misspelt stage leaves unused
            "layers[0].slug",
            "layers[1].stage.id",
            "quotes[0].text",
            "quotes[1].speaker"
        ],
        "{problems:#?}"
    );
    let slug = &problems[1];
    assert_eq!(slug.line, line_of(&broken, "First Layer", 0));
    assert_eq!(
        (slug.column, slug.text.as_str()),
        (8, "slug = \"First Layer\"")
    );
    assert_eq!(slug.hint.as_deref(), Some("`first-layer`"));
    assert_eq!(problems[2].hint.as_deref(), Some("did you mean `offered`?"));
    let quote = problems[3].hint.as_deref().expect("the article's words");
    assert_eq!(quote, "the article has \"Alpha said this.\"");
}

/// What the terminal shows: the headline, the line with a caret under the value, the hint.
#[test]
fn a_problem_shows_its_line_and_hint() {
    let (broken, problems) =
        problems_after(|s| s.replacen("slug = \"first-layer\"", "slug = \"First Layer\"", 1));
    let line = line_of(&broken, "First Layer", 0);
    let pad = " ".repeat(line.to_string().len());
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{FILE}:{line}:8: layers[0].slug: `First Layer` is not a valid slug: use lowercase letters, digits and single hyphens\n \
             {line} | slug = \"First Layer\"\n \
             {pad} |        ^\n \
             {pad} = hint: `first-layer`"
        )
    );
}

/// The valid fixture with a `[theme]` whose dark accent is `dark_accent` and light text
/// `light_text`.
fn with_theme(light_text: &str, dark_accent: &str, fonts: &str) -> String {
    format!(
        "{VALID}\n[theme]\n{fonts}\n\n[theme.light]\ntext = \"{light_text}\"\npaper = \"#fffdf8\"\naccent = \"#8a1c1c\"\n\n[theme.dark]\ntext = \"#f2efe8\"\npaper = \"#1a1714\"\naccent = \"{dark_accent}\"\nfocus = \"#ffd166\"\n"
    )
}

fn theme_errors(source: String) -> (String, Vec<String>) {
    let errors = parse(FILE, &source).expect_err("a theme that must be refused");
    let errors = errors.0.iter().map(at_line).collect();
    (source, errors)
}

#[test]
fn a_theme_is_baked_with_its_mixed_palette_and_fonts() {
    let source = with_theme(
        "#222",
        "#f4a3a3",
        "body_font = 'Georgia, \"Times New Roman\", serif'",
    );
    let content = content_compiler::load(FILE, &source).expect("a theme passing AA");
    let theme = content.theme.as_ref().expect("the theme");
    assert_eq!(theme.light.ink, "#222222", "#rgb is written out");
    assert_eq!(theme.light.paper, "#fffdf8");
    assert_eq!(theme.light.focus, "#222222", "no focus given: the text's");
    assert_eq!(theme.dark.focus, "#ffd166");
    assert_eq!(
        theme.light.accent_ink, "#fffdf8",
        "the paper stands out on a dark accent"
    );
    assert_eq!(theme.dark.accent_ink, "#1a1714");
    assert_eq!(theme.body_font, "Georgia, \"Times New Roman\", serif");
    assert_eq!(theme.heading_font, "");
    let without = content_compiler::load(FILE, VALID).expect("the valid fixture");
    assert_eq!(without.theme, None);
}

#[test]
fn a_theme_below_aa_names_each_failing_pair_at_its_colour() {
    let (source, errors) = theme_errors(with_theme("#222", "#5a3030", ""));
    let line = line_of(&source, "accent = \"#5a3030\"", 0);
    assert_eq!(
        errors[0],
        format!("{FILE}:{line}: theme.dark.accent: contrast 1.61:1 with theme.dark.paper, below 4.5:1 for text")
    );
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with(&format!("{FILE}:{line}: theme.dark.accent: "))),
        "{errors:#?}"
    );
    assert_one_holds(
        &errors,
        "with the panels' #25221f (the paper with a little text), below 4.5:1 for text",
    );
}

/// Some error of `errors` holds `words`.
fn assert_one_holds(errors: &[String], words: &str) {
    assert!(
        errors.iter().any(|e| e.contains(words)),
        "{words}: {errors:#?}"
    );
}

#[test]
fn light_text_names_the_muted_text_mixed_from_it() {
    let (source, errors) = theme_errors(with_theme("#8a8a8a", "#f4a3a3", ""));
    let line = line_of(&source, "text = \"#8a8a8a\"", 0);
    let prefix = format!("{FILE}:{line}: theme.light.text: ");
    assert!(errors.iter().all(|e| e.starts_with(&prefix)), "{errors:#?}");
    // The rings' lines are mixed from the text.
    assert_one_holds(&errors, "below 3:1 for graphics");
    assert_one_holds(
        &errors,
        &format!("{prefix}contrast 3.39:1 with theme.light.paper, below 4.5:1 for text"),
    );
    assert_one_holds(
        &errors,
        "muted text #a4a3a2 (text mixed with paper): contrast 2.47:1 with theme.light.paper",
    );
}

#[test]
fn theme_colours_must_be_css_hex() {
    for bad in [
        "red",
        "#12345",
        "1d4f91",
        "#1d4f9g",
        "rgb(0,0,0)",
        "#1d4f91; x",
    ] {
        let source = with_theme(bad, "#f4a3a3", "");
        let (_, errors) = theme_errors(source.clone());
        let line = line_of(&source, &format!("text = \"{bad}\""), 0);
        assert_single_error(
            &errors,
            &format!("{FILE}:{line}: theme.light.text: `{bad}` is not a colour written as CSS hex: #rgb or #rrggbb, such as #1d4f91"),
        );
    }
}

#[test]
fn a_font_stack_cannot_leave_its_declaration() {
    for (bad, culprit) in [
        ("serif; color: red", "`;`"),
        ("serif} body{color:red", "`}`"),
        ("x</style><script>", "`<`"),
        ("url(https://x.example/f.woff)", "`(`"),
        ("\"Open Sans, serif", "`\"`"),
        ("Georgia,,serif", "an empty family name"),
    ] {
        let fonts = format!("heading_font = '{bad}'");
        let source = with_theme("#222", "#f4a3a3", &fonts);
        let (_, errors) = theme_errors(source.clone());
        let line = line_of(&source, "heading_font", 0);
        assert_single_error_starting(
            &errors,
            &format!("{FILE}:{line}: theme.heading_font: `{bad}` is not a font stack ({culprit}"),
        );
    }
}

#[test]
fn a_theme_needs_both_schemes() {
    let source = format!("{VALID}\n[theme]\n\n[theme.light]\ntext = \"#222\"\npaper = \"#fff\"\naccent = \"#8a1c1c\"\n");
    let (source, errors) = theme_errors(source);
    let line = line_of(&source, "[theme]", 0);
    assert_single_error(
        &errors,
        &format!("{FILE}:{line}: theme: missing field `dark`"),
    );
}
