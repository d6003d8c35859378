//! Short names for what the WASM and its glue call each other.
//!
//! wasm-bindgen names each import after its JavaScript function plus a 16-digit hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`) and some exports after a whole Rust path (one is 190
//! characters). Each name is written twice, in the WASM and in the glue, and the hashes do not
//! compress: about 4 KB gzip of a visit. Here every import, and every export the glue only reads
//! as a property (`wasm.name`), gets a one- or two-letter name in both files. Any name the glue
//! does not use that way keeps its name, and a glue that does not name an import stops the build.

use std::collections::{BTreeMap, BTreeSet};
use wasm_encoder::{EntityType, ExportSection, ImportSection, Module, RawSection};
use wasmparser::{Encoding, ExportSectionReader, ImportSectionReader, Parser, Payload};

/// `wasm` and `glue` with short names; the same renaming in both. Every section but the
/// imports and exports is copied as it stands.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut renames = Renames::default();
    let mut module = Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| e.to_string())? {
            Payload::Version {
                num: 1,
                encoding: Encoding::Module,
                ..
            } => {}
            Payload::Version { .. } => return Err("not a WASM 1 module".to_owned()),
            Payload::ImportSection(reader) => {
                module.section(&renames.imports(reader, glue)?);
            }
            Payload::ExportSection(reader) => {
                module.section(&renames.exports(reader, glue)?);
            }
            // The code section's entries come with their section; the end has none.
            other => {
                if let Some((id, range)) = other.as_section() {
                    let data = &wasm[range];
                    module.section(&RawSection { id, data });
                }
            }
        }
    }
    Ok((module.finish(), renames.apply(glue)?))
}

/// The old name → new name pairs, and how the glue writes each.
#[derive(Default)]
struct Renames {
    /// Import modules: the glue names them as quoted object keys.
    modules: BTreeMap<String, String>,
    /// Import fields (object keys in the glue) and exports (read as `.name`).
    names: BTreeMap<String, String>,
}

impl Renames {
    fn imports(
        &mut self,
        reader: ImportSectionReader,
        glue: &str,
    ) -> Result<ImportSection, String> {
        let mut section = ImportSection::new();
        for (index, import) in reader.into_imports().enumerate() {
            let import = import.map_err(|e| e.to_string())?;
            let (module, field) = (import.module, import.name);
            if occurrences(glue, field).is_empty() {
                return Err(format!(
                    "the glue does not name the import {module}.{field}"
                ));
            }
            let modules = self.modules.len();
            let short_module = self
                .modules
                .entry(module.to_owned())
                .or_insert_with(|| short_name(modules))
                .clone();
            let short_field = short_name(index);
            let ty = EntityType::try_from(import.ty).map_err(|e| e.to_string())?;
            section.import(&short_module, &short_field, ty);
            self.rename(field.to_owned(), short_field)?;
        }
        Ok(section)
    }

    fn exports(
        &mut self,
        reader: ExportSectionReader,
        glue: &str,
    ) -> Result<ExportSection, String> {
        let mut section = ExportSection::new();
        let mut exported = BTreeSet::new();
        for (index, export) in reader.into_iter().enumerate() {
            let export = export.map_err(|e| e.to_string())?;
            let name = export.name.to_owned();
            let read_as_property = occurrences(glue, &name)
                .iter()
                .all(|&at| glue[..at].ends_with('.'));
            let kept = name.len() <= 2 || !read_as_property;
            // Export names have their own namespace: `e` + a number never meets another export.
            let new = if kept {
                name
            } else {
                let short = format!("e{}", short_name(index));
                self.rename(name, short.clone())?;
                short
            };
            if !exported.insert(new.clone()) {
                return Err(format!("two exports would be named {new}"));
            }
            section.export(&new, export.kind.into(), export.index);
        }
        Ok(section)
    }

    fn rename(&mut self, old: String, new: String) -> Result<(), String> {
        match self.names.insert(old, new) {
            Some(_) => Err("a name both imported and exported, or imported twice".to_owned()),
            None => Ok(()),
        }
    }

    /// The glue with every renamed name replaced, whole names only.
    fn apply(&self, glue: &str) -> Result<String, String> {
        let mut out = glue.to_owned();
        for (old, new) in &self.modules {
            let quoted = |name: &str| format!("\"{name}\"");
            if !out.contains(&quoted(old)) {
                return Err(format!("the glue does not name the import module {old}"));
            }
            out = out.replace(&quoted(old), &quoted(new));
        }
        let mut replaced = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(start) = rest.find(is_name_char) {
            replaced.push_str(&rest[..start]);
            let end = rest[start..]
                .find(|c| !is_name_char(c))
                .map_or(rest.len(), |len| start + len);
            let word = &rest[start..end];
            replaced.push_str(self.names.get(word).map_or(word, String::as_str));
            rest = &rest[end..];
        }
        replaced.push_str(rest);
        Ok(replaced)
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Where `name` stands as a whole word in `text`.
fn occurrences(text: &str, name: &str) -> Vec<usize> {
    text.match_indices(name)
        .map(|(at, _)| at)
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(is_name_char) && !after.is_some_and(is_name_char)
        })
        .collect()
}

/// The `n`th short JavaScript identifier: `a` … `Z`, then `aa`, `ab` …
fn short_name(n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut name = vec![FIRST[n % FIRST.len()]];
    let mut n = n / FIRST.len();
    while n > 0 {
        n -= 1;
        name.push(REST[n % REST.len()]);
        n /= REST.len();
    }
    String::from_utf8(name).expect("ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{CustomSection, ExportKind};

    /// A module importing `./app_bg.js`.`__wbg_log_0123456789abcdef` (a function of type 0)
    /// and exporting `memory` and `__wbindgen_malloc`, with one unrelated custom section.
    fn module() -> Vec<u8> {
        let mut imports = ImportSection::new();
        imports.import(
            "./app_bg.js",
            "__wbg_log_0123456789abcdef",
            EntityType::Function(0),
        );
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0).export(
            "__wbindgen_malloc",
            ExportKind::Func,
            1,
        );
        let note = CustomSection {
            name: "note".into(),
            data: Default::default(),
        };
        let mut module = Module::new();
        module.section(&note).section(&imports).section(&exports);
        module.finish()
    }

    const GLUE: &str =
        "const i={\"./app_bg.js\":{__wbg_log_0123456789abcdef:function(e){console.log(e)}}};\
        let memory=w.memory;f(w.__wbindgen_malloc,w.__wbindgen_malloc);";

    /// The import (module, then field) or export names of `wasm`, in order, and its custom
    /// sections' names.
    fn names(wasm: &[u8]) -> (Vec<String>, Vec<String>, Vec<String>) {
        let (mut imports, mut exports, mut custom) = (Vec::new(), Vec::new(), Vec::new());
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.unwrap() {
                Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.unwrap();
                        imports.extend([import.module.to_owned(), import.name.to_owned()]);
                    }
                }
                Payload::ExportSection(reader) => {
                    exports.extend(reader.into_iter().map(|e| e.unwrap().name.to_owned()));
                }
                Payload::CustomSection(reader) => custom.push(reader.name().to_owned()),
                _ => {}
            }
        }
        (imports, exports, custom)
    }

    #[test]
    fn imports_and_property_read_exports_get_short_names_in_both_files() {
        let (wasm, glue) = shorten(&module(), GLUE).expect("shortened");
        let (imports, exports, custom) = names(&wasm);
        assert_eq!(imports, ["a", "a"]);
        // `memory` is also a variable of the glue: it keeps its name.
        assert_eq!(exports, ["memory", "eb"]);
        assert_eq!(
            glue,
            "const i={\"a\":{a:function(e){console.log(e)}}};let memory=w.memory;f(w.eb,w.eb);"
        );
        assert_eq!(custom, ["note"]);
        assert!(wasm.len() < module().len());
    }

    #[test]
    fn shortening_twice_changes_nothing_more() {
        // The hook may run again on a built site (`cargo xtask prerender` on `dist/`).
        let once = shorten(&module(), GLUE).expect("shortened");
        let twice = shorten(&once.0, &once.1).expect("shortened again");
        assert_eq!(once, twice);
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_stops_the_build() {
        let glue = GLUE.replace("__wbg_log_0123456789abcdef", "__wbg_log_other");
        let error = shorten(&module(), &glue).expect_err("refused");
        assert!(error.contains("__wbg_log_0123456789abcdef"), "{error}");
    }

    #[test]
    fn a_truncated_module_is_refused() {
        let wasm = module();
        assert!(shorten(&wasm[..wasm.len() - 3], GLUE).is_err());
        assert!(shorten(b"not wasm", GLUE).is_err());
    }

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..5000).map(short_name).collect();
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.chars().next().unwrap().is_ascii_alphabetic()));
        assert_eq!((names[0].as_str(), names[52].as_str()), ("a", "aa"));
    }
}
