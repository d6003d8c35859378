//! The deploy bundle: what a release build adds to the site so a host serves it as it is.
//! Beside every text file and the WASM of at least `PRECOMPRESS_FROM` bytes, its `.br`
//! (brotli 11) and `.gz` (zopfli), each read back to the same bytes; and the serving rules of
//! `coalition_explainer::serving` written for hosts: `_headers` (Netlify, Cloudflare Pages) and
//! `nginx.conf` (a server block). See docs/deploying.md.

use coalition_explainer::serving::{
    self, rule, Lifetime, Policy, Rule, EXTENSIONS, HASHED_NAME_PATTERN, NGINX_FILE, NGINX_LISTEN,
    NGINX_ROOT,
};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The rules for Netlify and Cloudflare Pages, which read this file at the site's root.
pub const HEADERS_FILE: &str = "_headers";

/// Writes the compressed copies and the hosts' rules into the built site `folder`.
pub fn write(folder: &Path) -> Result<(), String> {
    let files = site_files(folder)?;
    for file in &files {
        let name = relative_name(folder, file);
        if rule(&name).compressible && file_len(file)? >= serving::PRECOMPRESS_FROM as u64 {
            precompress(file)?;
        }
    }
    let names: Vec<String> = files.iter().map(|f| relative_name(folder, f)).collect();
    write_text(&folder.join(HEADERS_FILE), &headers_file(&names))?;
    write_text(&folder.join(NGINX_FILE), &nginx_server_block())
}

/// Every file a reader may fetch: not the rules themselves, not earlier compressed copies.
fn site_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(current) = folders.pop() {
        let entries =
            std::fs::read_dir(&current).map_err(|e| format!("{}: {e}", current.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if is_served(&relative_name(folder, &path)) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn is_served(name: &str) -> bool {
    !(name.ends_with(".br") || name.ends_with(".gz") || name == HEADERS_FILE || name == NGINX_FILE)
}

fn relative_name(folder: &Path, file: &Path) -> String {
    file.strip_prefix(folder)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

fn file_len(file: &Path) -> Result<u64, String> {
    std::fs::metadata(file)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// `file.br` and `file.gz`, each checked to give `file`'s bytes back.
fn precompress(file: &Path) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    for (extension, packed) in [("br", brotli_best(&bytes)), ("gz", gzip_best(&bytes)?)] {
        let unpacked = unpack(extension, &packed)?;
        if unpacked != bytes {
            return Err(format!(
                "{}.{extension} does not give the file back",
                file.display()
            ));
        }
        let target = PathBuf::from(format!("{}.{extension}", file.display()));
        std::fs::write(&target, packed).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

pub fn brotli_best(bytes: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    {
        // Quality 11 and the largest window: the files are written once and read by millions.
        let mut writer = brotli::CompressorWriter::new(&mut packed, 64 * 1024, 11, 24);
        writer.write_all(bytes).expect("writing to memory");
    }
    packed
}

pub fn gzip_best(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut packed = Vec::new();
    // Zopfli: gzip any client reads, some per cent smaller than gzip -9.
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut packed,
    )
    .map_err(|e| format!("zopfli: {e}"))?;
    Ok(packed)
}

pub fn unpack(extension: &str, packed: &[u8]) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = match extension {
        "br" => brotli::Decompressor::new(packed, 64 * 1024).read_to_end(&mut bytes),
        _ => flate2::read::GzDecoder::new(packed).read_to_end(&mut bytes),
    };
    read.map_err(|e| format!("{extension}: {e}"))?;
    Ok(bytes)
}

/// Netlify's and Cloudflare Pages' `_headers`: each file by its own path (both apply every
/// block that matches, so blocks must not overlap), a folder's page under its folder's too.
pub fn headers_file(names: &[String]) -> String {
    let mut text = generated_note("#");
    for name in names {
        let paths = match name.strip_suffix("index.html") {
            Some(folder) => vec![format!("/{folder}"), format!("/{name}")],
            None => vec![format!("/{name}")],
        };
        for path in paths {
            text.push_str(&format!("{path}\n"));
            for (header, value) in rule(name).headers() {
                text.push_str(&format!("  {header}: {value}\n"));
            }
        }
    }
    text
}

/// The nginx server block: the types from the policy, and per class of file the headers.
/// nginx's `add_header` in a location replaces the server's, so each location has them all.
pub fn nginx_server_block() -> String {
    let types: String = EXTENSIONS
        .iter()
        .map(|extension| {
            let mime = serving::essence(&format!("x.{extension}"));
            format!("        {mime} {extension};\n")
        })
        .collect();
    let charset_types: Vec<&str> = EXTENSIONS
        .iter()
        .map(|extension| format!("x.{extension}"))
        .filter(|file| serving::content_type(file).contains("charset=utf-8"))
        .map(|file| serving::essence(&file))
        // nginx adds the charset to text/html by itself, and refuses it listed again.
        .filter(|mime| *mime != "text/html")
        .collect();
    let locations: String = nginx_classes()
        .into_iter()
        .map(|(pattern, example)| nginx_location(pattern, &rule(example)))
        .collect();
    format!(
        "{note}server {{\n    {NGINX_LISTEN}\n    server_name _;\n    {NGINX_ROOT}\n    index index.html;\n\
         \n    # The .br and .gz files beside each file, to clients that accept them.\n    brotli_static on;\n    gzip_static on;\n\
         \n    # The hosts' rule files are not the site's.\n    location ~ \"/(_headers|nginx\\.conf)$\" {{ return 404; }}\n\
         \n    types {{\n{types}    }}\n    default_type application/octet-stream;\n    charset utf-8;\n    charset_types {};\n\
         {locations}}}\n",
        charset_types.join(" "),
        note = generated_note("#"),
    )
}

/// Each class of file as nginx matches it (regular expressions, first match wins, then the
/// plain prefix), with a file of that class.
fn nginx_classes() -> [(&'static str, &'static str); 4] {
    [
        (r#"~ "/standalone\.html$""#, "standalone.html"),
        (r#"~ "\.html$""#, "index.html"),
        (HASHED_NAME_PATTERN, "main-0123456789abcdef.css"),
        ("/", "boot.js"),
    ]
}

fn nginx_location(pattern: &str, rule: &Rule) -> String {
    let pattern = match pattern {
        HASHED_NAME_PATTERN => format!("~ \"{HASHED_NAME_PATTERN}\""),
        other => other.to_owned(),
    };
    let headers: String = rule
        .headers()
        .into_iter()
        .filter(|(header, _)| *header != "Content-Type")
        .map(|(header, value)| format!("        add_header {header} \"{value}\";\n"))
        .collect();
    format!(
        "\n    # {}\n    location {pattern} {{\n{headers}    }}\n",
        describe(rule)
    )
}

fn describe(rule: &Rule) -> &'static str {
    match (rule.policy, rule.lifetime) {
        (Policy::FramingOnly, _) => "The one-file edition inlines its script and style.",
        (Policy::Strict, _) => "Pages: fresh, under the strict policy, framable anywhere.",
        (Policy::None, Lifetime::Hashed) => "Named after their contents: kept a year.",
        (Policy::None, Lifetime::Fresh) => "Same name whatever they hold: fresh within minutes.",
    }
}

fn generated_note(comment: &str) -> String {
    format!(
        "{comment} Written by the release build from src/serving.rs (the site's one serving policy):\n\
         {comment} do not edit; see docs/deploying.md.\n"
    )
}

fn write_text(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_copies_give_the_bytes_back() {
        let text = "The explainer, ".repeat(200).into_bytes();
        assert_eq!(unpack("br", &brotli_best(&text)).unwrap(), text);
        assert_eq!(unpack("gz", &gzip_best(&text).unwrap()).unwrap(), text);
        assert!(brotli_best(&text).len() < text.len() / 10);
    }

    #[test]
    fn headers_list_every_file_with_its_rules() {
        let names = [
            "index.html".to_owned(),
            "main-0123456789abcdef.css".to_owned(),
        ];
        let text = headers_file(&names);
        assert!(text.contains("/\n  Content-Type: text/html; charset=utf-8\n"));
        assert!(text.contains("/index.html\n"));
        assert!(text.contains(&format!("/main-0123456789abcdef.css\n  Content-Type: text/css; charset=utf-8\n  Cache-Control: {}\n", serving::HASHED_CACHE)));
        assert!(!text.contains("X-Frame-Options"));
    }

    #[test]
    fn nginx_sends_each_class_its_headers() {
        let block = nginx_server_block();
        assert!(block.contains("application/wasm wasm;"));
        assert!(block.contains(&format!(
            "add_header Cache-Control \"{}\";",
            serving::HASHED_CACHE
        )));
        assert!(block.contains("frame-ancestors *"));
        assert!(block.contains(NGINX_LISTEN) && block.contains(NGINX_ROOT));
        assert!(!block.contains("X-Frame-Options"));
    }
}
