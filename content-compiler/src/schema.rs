//! The content file's JSON Schema, generated from the model (model.rs: its structs, their doc
//! comments, `deny_unknown_fields` and defaults), for editors whose TOML language server
//! (Taplo, Tombi) reads a `#:schema` line: field names, descriptions and errors as they type.
//! Never written by hand: `cargo xtask schema` writes `content-schema/content-file.schema.json`
//! and a test fails when that file is stale.
//!
//! The value types state here what they accept when read; the rules that need the whole file
//! (references, the article) stay the build's.

use crate::model::{Colour, ContentFile, FontStack, IsoDate, Slug, Text};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema, as the file in `content-schema/` holds it.
pub fn content_file_schema() -> String {
    let mut schema = schemars::schema_for!(ContentFile);
    schema.insert("title".into(), "Explainer content file".into());
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

/// A string schema named `name`, described, matching `pattern`.
fn string(name: &str, description: &str, pattern: &str) -> Schema {
    json_schema!({
        "title": name,
        "description": description,
        "type": "string",
        "pattern": pattern,
    })
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string("Text", "Words: at least one visible character.", r"\S")
    }
}

impl JsonSchema for Slug {
    fn schema_name() -> Cow<'static, str> {
        "Slug".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let description = "Lowercase letters, digits and single hyphens, such as `us-backstop`.";
        string("Slug", description, "^[a-z0-9]+(-[a-z0-9]+)*$")
    }
}

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let description =
            "A day as YYYY-MM-DD, or a month as YYYY-MM where the source gives no day.";
        string("IsoDate", description, r"^\d{4}-\d{2}(-\d{2})?$")
    }
}

impl JsonSchema for Colour {
    fn schema_name() -> Cow<'static, str> {
        "Colour".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let description = "A colour as CSS hex: #rgb or #rrggbb, such as #1d4f91.";
        string("Colour", description, "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
    }
}

impl JsonSchema for FontStack {
    fn schema_name() -> Cow<'static, str> {
        "FontStack".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let description =
            "A CSS font stack, such as `Georgia, \"Times New Roman\", serif`: no `;`, braces, `<` or `url(`.";
        string("FontStack", description, r#"^[^;{}<>\\]*$"#)
    }
}

/// The `[ui]` table: exactly the app's interface strings (`content_schema::Ui::FIELDS`).
pub struct UiStrings;

impl JsonSchema for UiStrings {
    fn schema_name() -> Cow<'static, str> {
        "UiStrings".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let text = generator.subschema_for::<Text>();
        let fields = content_schema::Ui::FIELDS;
        let properties: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|field| (field.to_string(), text.clone().to_value()))
            .collect();
        json_schema!({
            "description": "The interface's words, in the story's language: every key, no other.",
            "type": "object",
            "properties": properties,
            "required": fields,
            "additionalProperties": false,
        })
    }
}
