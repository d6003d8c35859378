//! What the deployable site weighs, raw and gzip-compressed, file by file.

use crate::command::run;
use std::path::Path;
use std::process::Command;

pub fn report(dist: &Path) -> Result<(), String> {
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
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
    println!("{:<48} {:>10} {:>10}", "dist/", "bytes", "gzip -9");
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in &files {
        let raw = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
        let gzip = gzip_size(file)?;
        raw_total += raw;
        gzip_total += gzip;
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!("{name:<48} {raw:>10} {gzip:>10}");
    }
    println!("{:<48} {raw_total:>10} {gzip_total:>10}", "total");
    Ok(())
}

fn gzip_size(file: &Path) -> Result<u64, String> {
    let mut gzip = Command::new("gzip");
    gzip.arg("-9c").arg(file);
    let output = gzip.output().map_err(|e| format!("gzip: {e}"))?;
    if !output.status.success() {
        run(gzip)?;
    }
    Ok(output.stdout.len() as u64)
}
