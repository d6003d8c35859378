//! `cargo xtask schema`: writes the content file's JSON Schema (`content_compiler::schema`) to
//! `content-schema/content-file.schema.json`, where every content file's `#:schema` line points.
//! `xtask/tests/schema.rs` fails while the file is stale.

use crate::command::project_root;

/// The schema's file, from the project root.
pub const SCHEMA_FILE: &str = "content-schema/content-file.schema.json";

pub fn run_task() -> Result<(), String> {
    let path = project_root().join(SCHEMA_FILE);
    let schema = content_compiler::schema::content_file_schema();
    std::fs::write(&path, schema).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {SCHEMA_FILE}");
    Ok(())
}
