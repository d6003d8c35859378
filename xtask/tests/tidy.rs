//! Docs that cannot go stale, in the style of rust-analyzer's tidy tests: each test reads the
//! docs (README.md, ARCHITECTURE.md, BENCHMARKS.md, docs/*.md) and the code, and fails, saying
//! where, when they disagree. Plain string handling, no parser: what counts as a path, a count
//! or a task is spelled out at each test.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the project root")
        .to_path_buf()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The docs, as paths relative to the root.
fn docs() -> Vec<String> {
    let mut docs = vec![
        "README.md".to_owned(),
        "ARCHITECTURE.md".to_owned(),
        "BENCHMARKS.md".to_owned(),
    ];
    let mut more: Vec<String> = fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|entry| entry.expect("an entry of docs/").file_name())
        .filter_map(|name| name.to_str().map(str::to_owned))
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

/// A doc's text outside fenced code blocks, with each line's number; fenced blocks hold
/// commands and sample output, whose paths are examples (`stories/next/…`), not the repository's.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            lines.push((index + 1, line));
        }
    }
    lines
}

/// Every inline code span of a doc's prose (`like this`), with the line it starts on. A span may
/// run over a line break, as Markdown allows; the break reads as a space.
fn code_spans(text: &str) -> Vec<(usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (number, line) in prose(text) {
        for (index, piece) in line.split('`').enumerate() {
            if index > 0 {
                open = match open.take() {
                    Some(span) => {
                        spans.push(span);
                        None
                    }
                    None => Some((number, String::new())),
                };
            }
            if let Some((_, span)) = open.as_mut() {
                span.push_str(piece);
            }
        }
        if let Some((_, span)) = open.as_mut() {
            span.push(' ');
        }
    }
    spans
}

/// The extensions that make a span without a `/` a file name (`boot.js`, `Trunk.toml`).
const EXTENSIONS: [&str; 11] = [
    ".rs", ".js", ".toml", ".md", ".css", ".html", ".json", ".txt", ".png", ".svg", ".lock",
];

/// What the build or the installs write, never in the repository: named by the docs as what a
/// reader gets, so they are skipped. Folders by their first components, files by name.
const GENERATED_FOLDERS: [&str; 3] = ["dist/", "target/", "tools/node_modules"];
const GENERATED_FILES: [&str; 2] = ["standalone.html", "oembed.json"];

/// Media types (`application/wasm`) have a `/` but name no file.
const MEDIA_TYPES: [&str; 4] = ["application/", "text/", "image/", "font/"];

/// The span as a repository path, if it is one: only the characters of our file names
/// (letters, digits, `_`, `-`, `.`, `/`), so a span holding a placeholder (`<story>`), a glob
/// (`*`), an ellipsis (`…`), a query or fragment (`?`, `#`), a Rust path (`::`) or spaces (a
/// command) is not; nor one starting with `.` (a class, `.wasm`, `../shared`, outside the
/// repository) or `/` (a URL's path). Of the rest, a path has a `/` or a known extension.
fn as_path(span: &str) -> Option<&str> {
    let path_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    if span.is_empty() || !span.chars().all(path_chars) || span.starts_with(['.', '/']) {
        return None;
    }
    let looks_like_a_path = span.contains('/') || EXTENSIONS.iter().any(|e| span.ends_with(e));
    let generated =
        GENERATED_FOLDERS.iter().any(|g| span.starts_with(g)) || GENERATED_FILES.contains(&span);
    let media_type = MEDIA_TYPES.iter().any(|m| span.starts_with(m));
    (looks_like_a_path && !generated && !media_type).then_some(span)
}

/// The names of every file in the repository (not in `target/`, `dist/`, `node_modules/` or
/// `.git/`), for spans that name a file without its folder.
fn file_names(folder: &Path, names: &mut BTreeSet<String>) {
    for entry in fs::read_dir(folder).expect("a folder of the repository") {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if path.is_dir() {
            if !matches!(name.as_str(), ".git" | "target" | "dist" | "node_modules") {
                file_names(&path, names);
            }
        } else {
            names.insert(name);
        }
    }
}

/// (a) Every path the docs name exists: a span with a `/` relative to the root (a trailing `/`
/// a folder), a bare file name (`boot.js`) as some file of the repository; and every relative
/// Markdown link (`[text](docs/editing.md#part)`) relative to its doc.
#[test]
fn every_path_named_in_the_docs_exists() {
    let root = root();
    let mut names = BTreeSet::new();
    file_names(&root, &mut names);
    let mut missing = Vec::new();
    for doc in docs() {
        let text = read(&root.join(&doc));
        for (line, span) in code_spans(&text) {
            let Some(path) = as_path(&span) else { continue };
            let exists = if path.contains('/') {
                let target = root.join(path);
                if path.ends_with('/') {
                    target.is_dir()
                } else {
                    target.exists()
                }
            } else {
                names.contains(path)
            };
            if !exists {
                missing.push(format!("{doc}:{line}: `{path}`"));
            }
        }
        let folder = Path::new(&doc).parent().unwrap_or(Path::new(""));
        for (line, text) in prose(&text) {
            for link in text.split("](").skip(1) {
                let Some(end) = link.find(')') else { continue };
                let target = link[..end].split('#').next().unwrap_or_default();
                if target.is_empty() || target.contains("://") {
                    continue;
                }
                let path = normalize(&folder.join(target));
                if !root.join(&path).exists() {
                    missing.push(format!("{doc}:{line}: link to {target}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "the docs name paths that do not exist:\n{}",
        missing.join("\n")
    );
}

/// `docs/../README.md` as `README.md`.
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                normal.pop();
            }
            std::path::Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// The source folders whose Rust files the code map covers, and whether their subfolders count.
const SOURCES: [(&str, bool); 7] = [
    ("src", true),
    ("content-compiler/src", true),
    ("content-schema/src", true),
    ("xtask/src", true),
    ("e2e/src", true),
    ("bench/src", true),
    ("tests", false),
];

fn rust_files(folder: &Path, deep: bool, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            if deep {
                rust_files(&path, deep, files);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// (b) Every Rust source file is in the code map: ARCHITECTURE.md names it in a code span by its
/// path from the root (`src/state.rs`), or names the folder holding it, with a trailing `/`
/// (`e2e/src/scenarios/`), for an entry that covers the folder as a whole. A folder covers only
/// the files directly in it; the source folders themselves (`src/`, `tests/`, …) cover nothing;
/// and a folder the map goes into file by file (naming any of its files but `mod.rs` by path)
/// covers nothing either, so each of its files needs its own entry.
#[test]
fn every_source_file_is_in_the_code_map() {
    let root = root();
    let named: BTreeSet<String> = code_spans(&read(&root.join("ARCHITECTURE.md")))
        .into_iter()
        .map(|(_, span)| span.trim().to_owned())
        .collect();
    let mut files = Vec::new();
    for (folder, deep) in SOURCES {
        rust_files(&root.join(folder), deep, &mut files);
    }
    let unnamed: Vec<String> = files
        .iter()
        .map(|file| {
            let relative = file.strip_prefix(&root).expect("under the root");
            relative.to_string_lossy().replace('\\', "/")
        })
        .filter(|path| {
            let (folder, _) = path.rsplit_once('/').expect("every source is in a folder");
            let file_by_file = named.iter().any(|span| {
                span.rsplit_once('/').is_some_and(|(parent, name)| {
                    parent == folder && name != "mod.rs" && name.ends_with(".rs")
                })
            });
            let by_folder = !SOURCES.iter().any(|(source, _)| *source == folder)
                && !file_by_file
                && named.contains(&format!("{folder}/"));
            !named.contains(path) && !by_folder
        })
        .collect();
    assert!(
        unnamed.is_empty(),
        "source files missing from ARCHITECTURE.md's code map:\n{}",
        unnamed.join("\n")
    );
}

/// Nouns whose counts the code changes: a scenario, test, story or task added or removed. Plural
/// only: a count of one says how things are organized ("one test each"), and the singulars are
/// also adjectives and verbs ("test story", "cargo test").
const COUNTED: [&str; 8] = [
    "tests",
    "scenarios",
    "screenshots",
    "stories",
    "fixtures",
    "tasks",
    "passed",
    "failed",
];

/// Numbers as the docs would write them; "one" is left out ("one test each", "one test binary
/// per engine" say how things are organized, not how many there are).
const NUMBER_WORDS: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// (c) The docs hard-code no count the code can change: a number (digits or a word, see
/// `NUMBER_WORDS`) followed by one of `COUNTED`, with at most two words between ("49 scenarios", "three
/// invented test stories", "e2e Firefox: 47 passed") fails, fenced blocks included. Sample
/// output says `N passed`. Counts of the content (four layers) and the method's parameters
/// (16 taps, 60 layer changes) are not checked: they are not the code's tallies.
#[test]
fn the_docs_hard_code_no_counts() {
    let root = root();
    let mut counts = Vec::new();
    for doc in docs() {
        for (index, line) in read(&root.join(&doc)).lines().enumerate() {
            // An ordered list's number ("2. **Native tests**") counts nothing.
            let item = line.trim_start();
            let item = match item.split_once(". ") {
                Some((number, rest)) if number.chars().all(|c| c.is_ascii_digit()) => rest,
                _ => item,
            };
            // Words between spaces, stripped of punctuation around them: a number inside a
            // word (`E2E=1`, `Chrome/156`, `WCAG 2.2`) is not a count.
            let words: Vec<String> = item
                .split_whitespace()
                .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|word| !word.is_empty())
                .map(str::to_lowercase)
                .collect();
            for (at, word) in words.iter().enumerate() {
                let number = word.chars().all(|c| c.is_ascii_digit())
                    || NUMBER_WORDS.contains(&word.as_str());
                let counted = words
                    .iter()
                    .skip(at + 1)
                    .take(3)
                    .any(|next| COUNTED.contains(&next.as_str()));
                if number && counted {
                    counts.push(format!("{doc}:{}: {}", index + 1, line.trim()));
                    break;
                }
            }
        }
    }
    assert!(
        counts.is_empty(),
        "the docs hard-code counts the code can change (say what, not how many):\n{}",
        counts.join("\n")
    );
}

/// The tasks of `xtask/src/main.rs`: the words of its `USAGE` line (`<serve | build | new DIR
/// | …>`, each entry's first word) and the names its `match` handles (`"serve" =>`).
fn usage_and_handled_tasks() -> (BTreeSet<String>, BTreeSet<String>) {
    let main = read(&root().join("xtask/src/main.rs"));
    let usage = main
        .split("const USAGE")
        .nth(1)
        .and_then(|rest| rest.split('<').nth(1))
        .and_then(|rest| rest.split('>').next())
        .expect("xtask/src/main.rs: a USAGE string with <task | task …>");
    let usage = usage
        .split('|')
        .filter_map(|entry| entry.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    let handled = main
        .lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix('"')?;
            let (task, arrow) = rest.split_once('"')?;
            arrow
                .trim_start()
                .starts_with("=>")
                .then(|| task.to_owned())
        })
        .collect();
    (usage, handled)
}

/// (d) `cargo xtask`'s tasks agree everywhere: its `USAGE` line, the tasks its `match` handles,
/// and the table of tasks in docs/testing.md (rows starting ``| `cargo xtask <task>``) are the
/// same set, holding `bench` and `schema`; and every `cargo xtask <task>` any doc names is one.
#[test]
fn the_usage_and_the_docs_list_the_same_tasks() {
    let root = root();
    let (usage, handled) = usage_and_handled_tasks();
    assert_eq!(
        usage, handled,
        "xtask/src/main.rs: USAGE and the tasks main handles"
    );
    for task in ["bench", "schema"] {
        assert!(usage.contains(task), "USAGE lacks {task}");
    }
    let table: BTreeSet<String> = read(&root.join("docs/testing.md"))
        .lines()
        .filter_map(|line| line.strip_prefix("| `cargo xtask "))
        .filter_map(|rest| rest.split([' ', '`']).next())
        .map(str::to_owned)
        .collect();
    assert_eq!(
        usage, table,
        "USAGE in xtask/src/main.rs and the table of tasks in docs/testing.md"
    );
    let mut unknown = Vec::new();
    for doc in docs() {
        for (index, line) in read(&root.join(&doc)).lines().enumerate() {
            for rest in line.split("cargo xtask ").skip(1) {
                let task: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect();
                if !task.is_empty() && !usage.contains(&task) {
                    unknown.push(format!("{doc}:{}: cargo xtask {task}", index + 1));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "the docs name tasks cargo xtask does not have:\n{}",
        unknown.join("\n")
    );
}
