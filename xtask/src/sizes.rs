//! What the deployable site weighs, file by file: raw, and as served to a client that takes
//! brotli or gzip (the `.br` and `.gz` the bundle wrote; a file without them goes as it is).

use std::path::{Path, PathBuf};

pub fn report(dist: &Path) -> Result<(), String> {
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && !is_copy(path))
        .collect();
    files.sort();
    for required in ["index.html", ".wasm", ".js", ".css"] {
        let found = files
            .iter()
            .any(|f| f.to_string_lossy().ends_with(required));
        if !found {
            return Err(format!(
                "dist/ has no {required} file: the build is incomplete"
            ));
        }
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "dist/", "bytes", "br", "gzip"
    );
    let mut totals = [0; 3];
    for file in &files {
        let sizes = [size(file)?, served(file, "br")?, served(file, "gz")?];
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<48} {:>10} {:>10} {:>10}",
            sizes[0], sizes[1], sizes[2]
        );
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total", totals[0], totals[1], totals[2]
    );
    Ok(())
}

fn is_copy(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "br" || e == "gz")
}

/// The bytes a client taking `extension`'s encoding receives.
fn served(file: &Path, extension: &str) -> Result<u64, String> {
    let copy = PathBuf::from(format!("{}.{extension}", file.display()));
    size(if copy.is_file() { &copy } else { file })
}

fn size(file: &Path) -> Result<u64, String> {
    std::fs::metadata(file)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", file.display()))
}
