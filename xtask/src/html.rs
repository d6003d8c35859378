//! The HTML the build rewrites (Trunk's `index.html`, the prerendered app), found by CSS selector
//! with lol_html, the streaming rewriter Trunk itself uses: whatever a rewrite does not touch
//! keeps its bytes, and neither the order of Trunk's attributes nor its spacing matters.

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, rewrite_str, RewriteStrSettings};

/// `page` with `change` made to the first element `selector` matches; an error if none does.
pub fn rewrite(
    page: &str,
    selector: &str,
    mut change: impl FnMut(&mut Element) -> Result<(), String>,
) -> Result<String, String> {
    let mut matched = false;
    let handler = element!(selector, |element| {
        if !std::mem::replace(&mut matched, true) {
            change(element)?;
        }
        Ok(())
    });
    let settings = RewriteStrSettings::new().append_element_content_handler(handler);
    let rewritten = rewrite_str(page, settings).map_err(|error| error.to_string())?;
    match matched {
        true => Ok(rewritten),
        false => Err(format!("the page has no `{selector}`")),
    }
}

/// The start tag of the first element `selector` matches in `page`.
pub fn find(page: &str, selector: &str) -> Result<Tag, String> {
    let mut found = None;
    rewrite(page, selector, |element| {
        found = Some(Tag::of(element));
        Ok(())
    })?;
    found.ok_or_else(|| format!("the page has no `{selector}`"))
}

/// `page` with the start tag of the first element `selector` matches changed by `change`.
pub fn rewrite_tag(
    page: &str,
    selector: &str,
    mut change: impl FnMut(&mut Tag) -> Result<(), String>,
) -> Result<String, String> {
    rewrite(page, selector, |element| {
        let mut tag = Tag::of(element);
        change(&mut tag)?;
        tag.write_into(element);
        Ok(())
    })
}

/// A start tag's attributes, as written (entities left as they are), in order.
#[derive(Debug)]
pub struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    self_closing: bool,
}

impl Tag {
    pub fn of(element: &Element) -> Tag {
        Tag {
            name: element.tag_name(),
            attributes: (element.attributes().iter())
                .map(|attribute| (attribute.name(), attribute.value()))
                .collect(),
            self_closing: element.is_self_closing(),
        }
    }

    /// The value of the attribute `name`.
    pub fn get(&self, name: &str) -> Result<&str, String> {
        (self.attributes.iter())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .ok_or_else(|| format!("<{}> has no {name}", self.name))
    }

    /// Sets `name` to `value` (HTML, as it goes between double quotes) where it stands, or
    /// after the other attributes.
    pub fn set(&mut self, name: &str, value: &str) {
        match self.attributes.iter_mut().find(|(key, _)| key == name) {
            Some((_, old)) => *old = value.to_owned(),
            None => self.attributes.push((name.to_owned(), value.to_owned())),
        }
    }

    /// Puts `name="value"` right after the attribute `anchor`.
    pub fn insert_after(&mut self, anchor: &str, name: &str, value: &str) -> Result<(), String> {
        let at = (self.attributes.iter())
            .position(|(key, _)| key == anchor)
            .ok_or_else(|| format!("<{}> has no {anchor}", self.name))?;
        (self.attributes).insert(at + 1, (name.to_owned(), value.to_owned()));
        Ok(())
    }

    pub fn remove(&mut self, name: &str) {
        self.attributes.retain(|(key, _)| key != name);
    }

    /// The element's start tag replaced by this one, written as Trunk writes tags: lol_html's
    /// own writer would add `=""` to a bare attribute (`itemscope`) and a space before `/>`.
    pub fn write_into(&self, element: &mut Element) {
        let mut html = format!("<{}", self.name);
        for (name, value) in &self.attributes {
            match value.is_empty() {
                true => html.push_str(&format!(" {name}")),
                false => html.push_str(&format!(" {name}=\"{}\"", value.replace('"', "&quot;"))),
            }
        }
        html.push_str(if self.self_closing { "/>" } else { ">" });
        element.start_tag().replace(&html, ContentType::Html);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><link integrity=\"x\" rel=\"stylesheet\" href=\"./a.css\"/><script src=\"./boot.js\" data-js=\"./app.js\"></script></head></html>";

    #[test]
    fn a_rewrite_changes_only_the_tag_it_finds() {
        let page = rewrite_tag(PAGE, "link[rel=stylesheet]", |tag| {
            tag.set("href", "./b.css");
            Ok(())
        })
        .unwrap();
        assert_eq!(page, PAGE.replace("./a.css", "./b.css"));
        let page = rewrite_tag(PAGE, "html", |tag| {
            tag.set("lang", "en");
            tag.set("itemscope", "");
            Ok(())
        })
        .unwrap();
        assert_eq!(page, PAGE.replace("<html>", "<html lang=\"en\" itemscope>"));
    }

    #[test]
    fn attributes_go_where_they_are_put() {
        let page = rewrite_tag(PAGE, "script[src=\"./boot.js\"]", |tag| {
            tag.insert_after("src", "data-layers", "a b")?;
            tag.remove("src");
            Ok(())
        })
        .unwrap();
        assert!(page.contains("<script data-layers=\"a b\" data-js=\"./app.js\"></script>"));
    }

    #[test]
    fn a_missing_element_or_attribute_is_named() {
        assert_eq!(find(PAGE, "link").unwrap().get("href"), Ok("./a.css"));
        assert!(find(PAGE, "link")
            .unwrap()
            .get("src")
            .unwrap_err()
            .contains("src"));
        assert!(find(PAGE, "#explainer").unwrap_err().contains("#explainer"));
    }
}
