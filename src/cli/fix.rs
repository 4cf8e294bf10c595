//! `check --fix` and `check --diff`: every safe fix of a schema (see
//! [`crate::ide::fixes::fix_all`]), shown as a diff or written back. Each schema's
//! changed files are written atomically and all together or not at all: every new text is
//! first written to a temporary file beside the file it replaces (with its permissions),
//! and only when all are written are they renamed over the originals.

use crate::analysis::Options;
use crate::ide::fixes;
use crate::model::SourceFile;
use crate::workspace::InputError;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What fixing one schema changed.
pub struct Fixed {
    /// Every file's text after the fixes, in the order of the input.
    pub texts: Vec<String>,
    /// How many fixes were applied (0 when no file changed).
    pub applied: usize,
    /// The indices of the files whose text changed.
    pub changed: Vec<usize>,
}

/// Applies every safe fix to a schema's files (nothing is written).
pub fn fix(files: &[SourceFile], options: &Options) -> Fixed {
    let named: Vec<(String, String)> = files
        .iter()
        .map(|file| (file.name.clone(), file.text.clone()))
        .collect();
    let result = fixes::fix_all(&named, options);
    let changed: Vec<usize> = (0..files.len())
        .filter(|&i| result.texts[i] != files[i].text)
        .collect();
    Fixed {
        applied: if changed.is_empty() {
            0
        } else {
            result.applied.len()
        },
        texts: result.texts,
        changed,
    }
}

/// The unified diffs of the changed files.
pub fn diff(files: &[SourceFile], fixed: &Fixed) -> String {
    fixed
        .changed
        .iter()
        .map(|&i| fixes::unified_diff(&files[i].name, &files[i].text, &fixed.texts[i]))
        .collect()
}

/// Writes the changed files of one schema (`paths[i]` was read as `files[i]`): all of them,
/// or, when one cannot be written, none (the error names the file).
pub fn write(paths: &[PathBuf], files: &[SourceFile], fixed: &Fixed) -> Result<(), InputError> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let discard = |staged: &[(PathBuf, PathBuf)]| {
        for (temporary, _) in staged {
            let _ = fs::remove_file(temporary);
        }
    };
    for &i in &fixed.changed {
        match stage(&paths[i], &files[i].text, &fixed.texts[i]) {
            Ok(pair) => staged.push(pair),
            Err(error) => {
                discard(&staged);
                return Err(error);
            }
        }
    }
    for (index, (temporary, target)) in staged.iter().enumerate() {
        if let Err(error) = fs::rename(temporary, target) {
            discard(&staged[index..]);
            return Err(cannot_write(target, &error));
        }
    }
    Ok(())
}

fn cannot_write(path: &Path, error: &std::io::Error) -> InputError {
    InputError::Io {
        path: path.to_path_buf(),
        message: format!("cannot write the fixes ({error}); the schema's files are unchanged"),
    }
}

/// Writes `text` to a new temporary file beside the file `path` names (following symbolic
/// links, so that a link stays a link), with the file's permissions. Returns the temporary
/// file and the file it is to replace.
fn stage(path: &Path, before: &str, text: &str) -> Result<(PathBuf, PathBuf), InputError> {
    let target = fs::canonicalize(path).map_err(|e| cannot_write(path, &e))?;
    // Someone may have saved the file since it was read: never overwrite their change.
    match crate::workspace::read_regular_file(&target, crate::workspace::MAX_SCHEMA_BYTES) {
        Ok(current) if current == before.as_bytes() => {}
        Ok(_) => {
            return Err(InputError::Io {
                path: path.to_path_buf(),
                message:
                    "the file changed while it was being fixed; the schema's files are unchanged"
                        .to_string(),
            });
        }
        Err(error) => {
            return Err(InputError::Io {
                path: path.to_path_buf(),
                message: format!(
                    "cannot read it again ({error}); the schema's files are unchanged"
                ),
            });
        }
    }
    let metadata = fs::metadata(&target).map_err(|e| cannot_write(path, &e))?;
    // Renaming would replace a file its owner made read-only: ask the file, not the folder.
    if metadata.permissions().readonly() {
        return Err(InputError::Io {
            path: path.to_path_buf(),
            message: "the file is read-only; the schema's files are unchanged".to_string(),
        });
    }
    if let Err(error) = fs::OpenOptions::new().write(true).open(&target) {
        return Err(cannot_write(path, &error));
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(
        ".{name}.{}.prisma-analyzer-fix",
        std::process::id()
    ));
    let written = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.set_permissions(metadata.permissions())?;
        file.sync_all()
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(cannot_write(path, &error));
    }
    #[cfg(unix)]
    {
        // Keep the owner when we may (as root); otherwise the file becomes the user's own,
        // as with any editor that saves by renaming.
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::chown(&temporary, Some(metadata.uid()), Some(metadata.gid()));
    }
    Ok((temporary, target))
}
