//! `prisma-analyzer format [--check] [PATHS]`: formats schemas as `prisma format` does (see
//! [`crate::ide::format_file`]), writing changed files atomically (`fix::write`), or, with
//! `--check`, only naming the files that would change.

use super::fix::{self, Fixed};
use super::{EXIT_CLEAN, EXIT_DIAGNOSTICS, EXIT_USAGE};
use crate::model::{FileId, Schema};
use crate::workspace::{discover, resolve_paths};
use std::path::PathBuf;

/// Formats the schemas at `paths` (or the one found as `check` finds it); returns the exit
/// code: 0 when everything is (now) formatted, 1 with `--check` when a file would change,
/// 2 when an input cannot be read, written or formatted.
pub fn run(paths: &[PathBuf], check: bool) -> u8 {
    let (inputs, mut errors) = if paths.is_empty() {
        match discover(std::path::Path::new("")) {
            Ok(input) => (vec![input], Vec::new()),
            Err(error) => (Vec::new(), vec![error.to_string()]),
        }
    } else {
        let (inputs, errors) = resolve_paths(paths);
        (inputs, errors.iter().map(ToString::to_string).collect())
    };
    let mut would_change = Vec::new();
    let mut written = 0;
    for input in &inputs {
        let files = match input.load() {
            Ok(files) => files,
            Err(failed) => {
                errors.extend(failed.iter().map(ToString::to_string));
                continue;
            }
        };
        let schema = Schema::new(files.clone());
        let mut texts = Vec::with_capacity(files.len());
        let mut changed = Vec::new();
        for (index, file) in files.iter().enumerate() {
            match crate::ide::format_file(&schema, FileId(index as u32)) {
                Ok(text) => {
                    if text != file.text {
                        changed.push(index);
                    }
                    texts.push(text);
                }
                Err(refusal) => {
                    errors.push(format!(
                        "{}: not formatted: {}",
                        file.name,
                        refusal.reason()
                    ));
                    texts.push(file.text.clone());
                }
            }
        }
        if changed.is_empty() {
            continue;
        }
        if check {
            would_change.extend(changed.iter().map(|&i| files[i].name.clone()));
            continue;
        }
        let formatted = Fixed {
            texts,
            applied: changed.len(),
            changed,
        };
        match fix::write(&input.files, &files, &formatted) {
            Ok(()) => written += formatted.changed.len(),
            Err(error) => errors.push(error.to_string()),
        }
    }
    for name in &would_change {
        println!("would reformat {name}");
    }
    if !check && written > 0 {
        println!("Formatted {written} file{}", super::output::plural(written));
    }
    for error in &errors {
        eprintln!("error: {error}");
    }
    if !errors.is_empty() {
        EXIT_USAGE
    } else if !would_change.is_empty() {
        EXIT_DIAGNOSTICS
    } else {
        EXIT_CLEAN
    }
}
