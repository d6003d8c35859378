//! How the built site must be served: the one definition of each file's content type, cache
//! lifetime and headers. The release build writes it out for hosts (`_headers` for Netlify
//! and Cloudflare Pages, an nginx server block: `xtask/src/bundle.rs`); the e2e server and the
//! editors' server (`cargo xtask serve`) take their content types from it. Native only.
//!
//! Architecture Invariant: no other file names a content type or a cache rule for the site.

/// The policy every page runs under (no inline script or style anywhere but `standalone.html`).
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'";

/// Any site may frame the explainer: that is what it is for. Sent as a header, since
/// `frame-ancestors` is ignored in a `<meta>` policy; and so no `X-Frame-Options` is sent.
pub const FRAME_ANCESTORS: &str = "frame-ancestors *";

/// Names carrying their contents' hash never change: a year, never revalidated.
pub const HASHED_CACHE: &str = "public, max-age=31536000, immutable";

/// Names without a hash (`index.html`, `boot.js`, `embed.js`, `oembed.json`, …) must change
/// under every embed soon after a correction: one minute fresh, then served stale for at most
/// four more while the cache asks again, so a correction is everywhere within five minutes.
pub const FRESH_CACHE: &str = "public, max-age=60, stale-while-revalidate=240";

/// Files at least this large get a `.br` and a `.gz` beside them; below it, compression saves
/// less than the headers it costs.
pub const PRECOMPRESS_FROM: usize = 1024;

/// The nginx server block the release build writes (docs/deploying.md), and its two lines a
/// newsroom changes: where it listens and the folder it serves.
pub const NGINX_FILE: &str = "nginx.conf";
pub const NGINX_LISTEN: &str = "listen 80;";
pub const NGINX_ROOT: &str = "root /var/www/explainer;";

/// How long the file's name lets a cache keep it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    /// Named after its contents by Trunk or the prerender (`main-<16 hex>.css`).
    Hashed,
    /// Same name whatever it holds.
    Fresh,
}

/// What a page may run: the strict policy, or none for the one file that inlines everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Not a page.
    None,
    /// `PAGE_CSP` and `FRAME_ANCESTORS`.
    Strict,
    /// `standalone.html` inlines its script and style (it works from disk), so only
    /// `FRAME_ANCESTORS`.
    FramingOnly,
}

/// Every header the site's file `name` (a path under the site, `demo/index.html`) is served with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub content_type: &'static str,
    pub lifetime: Lifetime,
    pub policy: Policy,
    /// `Access-Control-Allow-Origin: *`: a frame sandboxed without `allow-same-origin` (as
    /// WordPress embeds) has an opaque origin, so even our own stylesheet (it carries
    /// `integrity`), module and WASM are cross-origin fetches there.
    pub cors: bool,
    /// Gets `.br` and `.gz` copies when large enough (text and the WASM).
    pub compressible: bool,
}

/// The rule for `name`, a path under the site (`main-0123456789abcdef.css`, `demo/index.html`).
pub fn rule(name: &str) -> Rule {
    let file = name.rsplit('/').next().unwrap_or(name);
    let content_type = content_type(file);
    let page = content_type.starts_with("text/html");
    Rule {
        content_type,
        lifetime: lifetime(file),
        policy: match (page, file) {
            (false, _) => Policy::None,
            (true, "standalone.html") => Policy::FramingOnly,
            (true, _) => Policy::Strict,
        },
        cors: !page,
        compressible: is_text(content_type) || content_type == "application/wasm",
    }
}

/// The content type of `file` by its extension; unknown ones are plain bytes.
pub fn content_type(file: &str) -> &'static str {
    match extension(file) {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The content type of `file` without its parameters (`text/javascript`), as a `data:` URL or a
/// server's type table writes it.
pub fn essence(file: &str) -> &'static str {
    let kind = content_type(file);
    kind.split_once(';').map_or(kind, |(essence, _)| essence)
}

/// Every content type the site uses, by extension: for a host's own type table (nginx).
pub const EXTENSIONS: [&str; 8] = ["html", "js", "css", "json", "wasm", "svg", "png", "txt"];

fn extension(file: &str) -> &str {
    file.rsplit_once('.').map_or("", |(_, extension)| extension)
}

fn is_text(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type == "application/json"
        || content_type == "image/svg+xml"
}

/// Hashed when the stem ends in `-` and 8 to 16 hex digits (`_bg` after it for the WASM):
/// Trunk writes its 64-bit hash without leading zeros.
fn lifetime(file: &str) -> Lifetime {
    let stem = file.split_once('.').map_or(file, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash))
            if (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Lifetime::Hashed
        }
        _ => Lifetime::Fresh,
    }
}

/// The regular expression (nginx's PCRE) matching a hashed file's name, as `lifetime` reads it.
pub const HASHED_NAME_PATTERN: &str = r"-[0-9a-f]{8,16}(_bg)?\.[a-z]+$";

impl Rule {
    /// The headers, in order, as every host must send them (the body's encoding aside).
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = vec![
            ("Content-Type", self.content_type.to_owned()),
            ("Cache-Control", self.cache_control().to_owned()),
            ("X-Content-Type-Options", "nosniff".to_owned()),
        ];
        if let Some(policy) = self.content_security_policy() {
            headers.push(("Content-Security-Policy", policy));
        }
        if self.cors {
            headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
        }
        // On every file, so one rule fits each class on every host; harmless where no
        // compressed copy exists.
        headers.push(("Vary", "Accept-Encoding".to_owned()));
        headers
    }

    pub fn cache_control(&self) -> &'static str {
        match self.lifetime {
            Lifetime::Hashed => HASHED_CACHE,
            Lifetime::Fresh => FRESH_CACHE,
        }
    }

    pub fn content_security_policy(&self) -> Option<String> {
        match self.policy {
            Policy::None => None,
            Policy::Strict => Some(format!("{PAGE_CSP}; {FRAME_ANCESTORS}")),
            Policy::FramingOnly => Some(FRAME_ANCESTORS.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_kept_a_year_and_the_rest_stay_fresh() {
        for hashed in [
            "main-0123456789abcdef.css",
            "coalition-explainer-e23bec42e432819.js",
            "coalition-explainer-0123456789abcdef_bg.wasm",
            "favicon-0123456789abcdef.svg",
        ] {
            assert_eq!(rule(hashed).cache_control(), HASHED_CACHE, "{hashed}");
        }
        for fresh in [
            "index.html",
            "boot.js",
            "embed.js",
            "standalone.html",
            "oembed.json",
            "preview.png",
            "demo/index.html",
            "main-0123.css",
        ] {
            assert_eq!(rule(fresh).cache_control(), FRESH_CACHE, "{fresh}");
        }
    }

    #[test]
    fn pages_carry_the_policy_and_files_carry_cors() {
        let page = rule("demo/index.html").headers();
        assert!(page.contains(&(
            "Content-Security-Policy",
            format!("{PAGE_CSP}; {FRAME_ANCESTORS}")
        )));
        assert!(!page
            .iter()
            .any(|(name, _)| *name == "Access-Control-Allow-Origin"));
        assert_eq!(
            rule("standalone.html").content_security_policy().as_deref(),
            Some(FRAME_ANCESTORS)
        );
        let wasm = rule("coalition-explainer-0123456789abcdef_bg.wasm");
        assert_eq!(wasm.content_type, "application/wasm");
        assert!(wasm.cors && wasm.compressible);
        assert!(!rule("preview.png").compressible);
        assert!(!page.iter().any(|(name, _)| *name == "X-Frame-Options"));
    }
}
