//! `cargo xtask prerender`: Trunk's post-build hook. Renders the explainer with Yew's server
//! renderer into the staged `index.html`, so readers see every word at first paint, before the
//! WASM arrives, and without JavaScript at all. The browser app then hydrates this markup.
//! It also minifies the scripts and stylesheet of a release build (`minify.rs`) and writes the
//! one-file edition, `standalone.html`, from the result, and, in a release build, the deploy
//! bundle (`bundle.rs`: compressed copies and the hosts' serving rules).

use crate::html::{rewrite, rewrite_tag};
use crate::share::{self, SiteAddress};
use crate::standalone::LOADER;
use coalition_explainer::{
    content::content, quote_link::loader_attribute, server::render_html, ROOT_ID,
};
use lol_html::html_content::ContentType;
use std::path::{Path, PathBuf};

pub fn run() -> Result<(), String> {
    // Trunk names its staging folder; run by hand, the task prerenders the built dist/.
    let folder = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::command::project_root().join("dist"));
    prerender(&folder, SiteAddress::from_environment()?.as_ref())?;
    // `trunk serve` built the last good content over a broken file (build.rs): list the
    // problems over the page. (`cargo xtask serve` never builds a broken file.)
    if std::env::var("TRUNK_PROFILE").as_deref() == Ok("debug") && !crate::serve::serving() {
        crate::serve::list_problems_in(&folder)?;
    }
    Ok(())
}

/// Prerenders `folder/index.html` for a site deployed at `site` (`None`: unknown at build time).
pub fn prerender(folder: &Path, site: Option<&SiteAddress>) -> Result<(), String> {
    let index = folder.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    // `cargo xtask serve` prerenders the page again for each edit of the words, from Trunk's page.
    if crate::serve::serving() {
        let template = folder.join(crate::serve::TEMPLATE);
        std::fs::write(&template, &page).map_err(|e| format!("{}: {e}", template.display()))?;
    }
    let finish = match (crate::minify::wanted(), crate::serve::serving()) {
        (true, _) => Finish::Release,
        (false, true) => Finish::Live,
        (false, false) => Finish::Debug,
    };
    prerender_page(folder, &page, site, finish)
}

/// What a prerender does to the site's files besides the page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// Minifies the scripts and stylesheet.
    Release,
    /// Leaves Trunk's files as they are, but for the theme in the stylesheet.
    Debug,
    /// As `Debug`, keeping Trunk's stylesheet beside the themed one: `cargo xtask serve`
    /// prerenders from Trunk's page again at each edit.
    Live,
}

/// Writes `folder/index.html` from Trunk's `page` with the content shown (`content::content`).
pub fn prerender_page(
    folder: &Path,
    page: &str,
    site: Option<&SiteAddress>,
    finish: Finish,
) -> Result<(), String> {
    let index = folder.join("index.html");
    // The theme into our own stylesheet (strict CSPs refuse inline styles), before minifying
    // it, so the page names the final file and standalone.html inlines it.
    let page = crate::theme::apply(folder, page, finish == Finish::Live)?;
    // Then minified, so the page names the minified stylesheet and standalone.html inlines
    // minified files.
    let page = match finish {
        Finish::Release => crate::minify::site(folder, &page)?,
        Finish::Debug | Finish::Live => page,
    };
    let app = futures::executor::block_on(render_html(0));
    let app = match site {
        Some(site) => with_embed_code(&app, &share::embed_code(site))?,
        None => app,
    };
    let prerendered = insert_app(&page, &app)?;
    let prerendered = name_layers_for_loader(&prerendered)?;
    let prerendered = share::with_language(&prerendered)?;
    let prerendered = rewrite(&prerendered, "head", |head| {
        let tags = format!("    {}\n  ", share::head_tags(site));
        head.append(&tags, ContentType::Html);
        Ok(())
    })?;
    share::write_oembed(folder, site)?;
    copy_pym_into_demo(folder)?;
    std::fs::write(&index, &prerendered).map_err(|e| format!("{}: {e}", index.display()))?;
    crate::standalone::write(folder, &prerendered)?;
    // Last, once every file is final: the release site as a host serves it.
    match finish {
        Finish::Release => crate::bundle::write(folder),
        Finish::Debug | Finish::Live => Ok(()),
    }
}

/// The app with `code` in its embed-code box instead of the note on where the code comes
/// from: with the site's address known at build time, the page without JavaScript shows the
/// code too. (The running app writes the code for the address it is served from.)
fn with_embed_code(app: &str, code: &str) -> Result<String, String> {
    rewrite(app, "textarea#embed-code", |textarea| {
        textarea.set_inner_content(&share::escape(code), ContentType::Html);
        Ok(())
    })
    .map_err(|error| format!("the prerendered app: {error}"))
}

/// Puts `app` inside the root element of `page`.
fn insert_app(page: &str, app: &str) -> Result<String, String> {
    rewrite(page, &format!("div#{ROOT_ID}"), |root| {
        root.set_inner_content(app, ContentType::Html);
        Ok(())
    })
    .map_err(|error| format!("index.html to prerender into: {error}"))
}

/// Hands the loader the layers' slugs, in order, and every quote's id with the layer that holds
/// it: it runs in `<head>`, before the tabs exist, and must know which layer a link names
/// (directly or through a quote) before the first paint.
fn name_layers_for_loader(page: &str) -> Result<String, String> {
    let slugs: Vec<&str> = content().layers.iter().map(|layer| layer.slug).collect();
    rewrite_tag(page, LOADER, |loader| {
        loader.insert_after("src", "data-layers", &slugs.join(" "))?;
        loader.insert_after("data-layers", "data-quotes", &loader_attribute())
    })
    .map_err(|error| format!("index.html's loader (Trunk.toml's pattern_script): {error}"))
}

/// The demo host page (`demo/`) embeds the explainer with pym.js's own parent library, which
/// comes from npm (`tools/package.json`) rather than being copied into the repository. Without
/// the npm tools (plain `trunk serve` before `cargo xtask setup`) the explainer itself is whole
/// and only the demo's pym.js frame cannot size itself: say so in one line, do not stop.
fn copy_pym_into_demo(folder: &Path) -> Result<(), String> {
    let pym = crate::command::node_bin().join("../pym.js/dist/pym.v1.min.js");
    if !pym.is_file() {
        println!(
            "prerender: demo/ without pym.js ({} is missing; `cargo xtask setup` installs it)",
            pym.display()
        );
        return Ok(());
    }
    let target = folder.join("demo/pym.v1.min.js");
    std::fs::copy(&pym, &target)
        .map(drop)
        .map_err(|e| format!("copying {}: {e}", pym.display()))
}

#[cfg(test)]
mod tests {
    use super::{insert_app, name_layers_for_loader};

    #[test]
    fn the_app_goes_into_the_empty_root() {
        let page = "<body><div id=\"explainer\"></div></body>";
        assert_eq!(
            insert_app(page, "<main></main>").unwrap(),
            "<body><div id=\"explainer\"><main></main></div></body>"
        );
    }

    #[test]
    fn a_page_without_the_root_is_refused() {
        assert!(insert_app("<body></body>", "<main></main>")
            .unwrap_err()
            .contains("no `div#explainer`"));
    }

    #[test]
    fn the_loader_is_told_every_layer_in_order() {
        let page =
            name_layers_for_loader("<head><script src=\"./boot.js\" data-js=\"a\"></script>")
                .unwrap();
        let slugs: Vec<&str> = coalition_explainer::content::CONTENT
            .layers
            .iter()
            .map(|l| l.slug)
            .collect();
        assert!(
            page.contains(&format!(
                "<script src=\"./boot.js\" data-layers=\"{}\" data-quotes=\"declaration-defend-itself:0 ",
                slugs.join(" ")
            )),
            "{page}"
        );
    }
}
