//! Which files changed, by their modification times, looked at every `EVERY`: simpler than an
//! OS watch and quick enough for the 2-second loop (a content edit is seen within `EVERY`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

const EVERY: Duration = Duration::from_millis(100);

/// What the code is: everything Trunk builds from, besides the content.
const CODE: [&str; 11] = [
    "src",
    "style",
    "assets",
    "demo",
    "index.html",
    "Cargo.toml",
    "build.rs",
    "Trunk.toml",
    "content-schema/src",
    "content-compiler/src",
    "xtask/src",
];

pub enum Change {
    /// The content file or its article.
    Words,
    Code,
}

pub struct Watch {
    words: Vec<PathBuf>,
    seen: BTreeMap<PathBuf, Option<SystemTime>>,
}

impl Watch {
    pub fn new(file: &str) -> Watch {
        let mut watch = Watch {
            words: Vec::new(),
            seen: BTreeMap::new(),
        };
        watch.follow_article(file);
        watch.changed();
        watch
    }

    /// Watches the content file and the article it names now.
    pub fn follow_article(&mut self, file: &str) {
        self.words = std::iter::once(PathBuf::from(file))
            .chain(super::article_of(file))
            .collect();
    }

    /// Waits for a change; a change of the code outranks one of the words.
    pub fn next_change(&mut self) -> Change {
        loop {
            std::thread::sleep(EVERY);
            let changed = self.changed();
            if changed.iter().any(|path| !self.words.contains(path)) {
                return Change::Code;
            }
            if !changed.is_empty() {
                return Change::Words;
            }
        }
    }

    /// The files whose time moved (or that came or went) since last asked.
    fn changed(&mut self) -> Vec<PathBuf> {
        let now: BTreeMap<PathBuf, Option<SystemTime>> = self
            .watched()
            .into_iter()
            .map(|path| {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                (path, modified)
            })
            .collect();
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(path, time)| self.seen.get(*path) != Some(time))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(self.seen.keys().filter(|p| !now.contains_key(*p)).cloned());
        self.seen = now;
        changed
    }

    fn watched(&self) -> Vec<PathBuf> {
        let code = CODE
            .iter()
            .flat_map(|path| super::files_under(std::path::Path::new(path)));
        code.chain(self.words.iter().cloned()).collect()
    }
}
