//! Short names for what the WASM and its glue call each other.
//!
//! wasm-bindgen names each import after its JavaScript function plus a 16-digit hash
//! (`__wbg_setAttribute_f75317b2b5cabfb4`) and some exports after a whole Rust path (one is 190
//! characters). Each name is written twice, in the WASM and in the glue, and the hashes do not
//! compress: about 4 KB gzip of a visit. Here every import, and every export the glue only reads
//! as a property (`wasm.name`), gets a one- or two-letter name in both files. Any name the glue
//! does not use that way keeps its name, and a glue that does not name an import stops the build.

use std::collections::BTreeMap;

/// A WASM section: its id and its bytes.
struct Section<'a> {
    id: u8,
    body: &'a [u8],
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
const HEADER: &[u8] = b"\0asm\x01\0\0\0";

/// `wasm` and `glue` with short names; the same renaming in both.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let sections = sections(wasm)?;
    let mut renames = Renames::default();
    let mut out = HEADER.to_vec();
    for section in &sections {
        let body = match section.id {
            IMPORT_SECTION => renames.imports(section.body, glue)?,
            EXPORT_SECTION => renames.exports(section.body, glue)?,
            _ => section.body.to_vec(),
        };
        out.push(section.id);
        write_u32(&mut out, len_u32(body.len())?);
        out.extend_from_slice(&body);
    }
    Ok((out, renames.apply(glue)?))
}

fn sections(wasm: &[u8]) -> Result<Vec<Section<'_>>, String> {
    let mut reader = Reader {
        bytes: wasm.strip_prefix(HEADER).ok_or("not a WASM 1 module")?,
    };
    let mut sections = Vec::new();
    while !reader.bytes.is_empty() {
        let id = reader.byte()?;
        let size = reader.u32()? as usize;
        sections.push(Section {
            id,
            body: reader.take(size)?,
        });
    }
    Ok(sections)
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
    fn imports(&mut self, body: &[u8], glue: &str) -> Result<Vec<u8>, String> {
        let mut reader = Reader { bytes: body };
        let count = reader.u32()?;
        let mut out = Vec::new();
        write_u32(&mut out, count);
        for index in 0..count {
            let module = reader.name()?;
            let field = reader.name()?;
            if occurrences(glue, &field).is_empty() {
                return Err(format!(
                    "the glue does not name the import {module}.{field}"
                ));
            }
            let modules = self.modules.len();
            let short_module = self
                .modules
                .entry(module)
                .or_insert_with(|| short_name(modules))
                .clone();
            let short_field = short_name(index as usize);
            write_name(&mut out, &short_module);
            write_name(&mut out, &short_field);
            self.rename(field, short_field)?;
            out.extend_from_slice(reader.import_description()?);
        }
        reader.end()?;
        Ok(out)
    }

    fn exports(&mut self, body: &[u8], glue: &str) -> Result<Vec<u8>, String> {
        let mut reader = Reader { bytes: body };
        let count = reader.u32()?;
        let mut out = Vec::new();
        write_u32(&mut out, count);
        let mut exported = std::collections::BTreeSet::new();
        for index in 0..count {
            let name = reader.name()?;
            let read_as_property = occurrences(glue, &name)
                .iter()
                .all(|&at| glue[..at].ends_with('.'));
            let kept = name.len() <= 2 || !read_as_property;
            // Export names have their own namespace: `e` + a number never meets another export.
            let new = if kept {
                name
            } else {
                let short = format!("e{}", short_name(index as usize));
                self.rename(name, short.clone())?;
                short
            };
            if !exported.insert(new.clone()) {
                return Err(format!("two exports would be named {new}"));
            }
            write_name(&mut out, &new);
            out.push(reader.byte()?);
            write_u32(&mut out, reader.u32()?);
        }
        reader.end()?;
        Ok(out)
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

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        if len > self.bytes.len() {
            return Err("the WASM ends inside a section".to_owned());
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, String> {
        let mut value = 0u64;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| "a number over 32 bits".to_owned());
            }
        }
        Err("a number over 5 bytes".to_owned())
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "a name that is not UTF-8".to_owned())
    }

    /// An import's kind and type, as they stand.
    fn import_description(&mut self) -> Result<&'a [u8], String> {
        let start = self.bytes;
        match self.byte()? {
            // A function (its type), a tag (an attribute byte, then its type).
            0x00 => drop(self.u32()?),
            0x04 => drop((self.byte()?, self.u32()?)),
            // A table: its element type, then its limits.
            0x01 => drop((self.byte()?, self.limits()?)),
            0x02 => self.limits()?,
            // A global: its value type and mutability.
            0x03 => drop(self.take(2)?),
            kind => return Err(format!("an import of unknown kind {kind:#x}")),
        }
        Ok(&start[..start.len() - self.bytes.len()])
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.u32()?;
        if flags & 1 == 1 {
            self.u32()?;
        }
        Ok(())
    }

    fn end(&self) -> Result<(), String> {
        match self.bytes.is_empty() {
            true => Ok(()),
            false => Err("a section longer than its entries".to_owned()),
        }
    }
}

fn len_u32(len: usize) -> Result<u32, String> {
    u32::try_from(len).map_err(|_| "a section over 4 GB".to_owned())
}

fn write_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `./app_bg.js`.`__wbg_log_0123456789abcdef` (a function of type 0)
    /// and exporting `memory` and `__wbindgen_malloc`, with one unrelated custom section.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_u32(&mut imports, 1);
        write_name(&mut imports, "./app_bg.js");
        write_name(&mut imports, "__wbg_log_0123456789abcdef");
        imports.extend_from_slice(&[0x00, 0x00]);
        let mut exports = Vec::new();
        write_u32(&mut exports, 2);
        write_name(&mut exports, "memory");
        exports.extend_from_slice(&[0x02, 0x00]);
        write_name(&mut exports, "__wbindgen_malloc");
        exports.extend_from_slice(&[0x00, 0x01]);
        let mut wasm = HEADER.to_vec();
        for (id, body) in [(0u8, b"\x04note".to_vec()), (2, imports), (7, exports)] {
            wasm.push(id);
            write_u32(&mut wasm, body.len() as u32);
            wasm.extend_from_slice(&body);
        }
        wasm
    }

    const GLUE: &str =
        "const i={\"./app_bg.js\":{__wbg_log_0123456789abcdef:function(e){console.log(e)}}};\
        let memory=w.memory;f(w.__wbindgen_malloc,w.__wbindgen_malloc);";

    fn names(wasm: &[u8], id: u8) -> Vec<String> {
        let section = sections(wasm)
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap();
        let mut reader = Reader {
            bytes: section.body,
        };
        let count = reader.u32().unwrap();
        let mut names = Vec::new();
        for _ in 0..count {
            names.push(reader.name().unwrap());
            if id == IMPORT_SECTION {
                names.push(reader.name().unwrap());
                reader.import_description().unwrap();
            } else {
                reader.take(2).unwrap();
            }
        }
        names
    }

    #[test]
    fn imports_and_property_read_exports_get_short_names_in_both_files() {
        let (wasm, glue) = shorten(&module(), GLUE).expect("shortened");
        assert_eq!(names(&wasm, IMPORT_SECTION), ["a", "a"]);
        // `memory` is also a variable of the glue: it keeps its name.
        assert_eq!(names(&wasm, EXPORT_SECTION), ["memory", "eb"]);
        assert_eq!(
            glue,
            "const i={\"a\":{a:function(e){console.log(e)}}};let memory=w.memory;f(w.eb,w.eb);"
        );
        let custom = &sections(&wasm).unwrap()[0];
        assert_eq!((custom.id, custom.body), (0, &b"\x04note"[..]));
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
