//! Which files make a schema: explicit paths, folders (one multi-file schema or many
//! schemas), Prisma's default locations, and the schema an open file belongs to. Shared by
//! the CLI and the server; reads files as UTF-8.

use crate::model::SourceFile;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger schema files are refused. Analysing costs about 40 bytes of memory per byte of
/// schema, so this keeps a check under about 1.5 GB; the largest public schemas are a few
/// megabytes, and 10,000 generated models are 10 MB.
pub const MAX_SCHEMA_BYTES: u64 = 32 << 20;

/// Larger project files around a schema (`.env`, `package.json`, `prisma-analyzer.toml`)
/// are not read.
pub const MAX_PROJECT_FILE_BYTES: u64 = 4 << 20;

/// The files of one schema (one file, or the files of a multi-file schema folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaInput {
    pub files: Vec<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    NotFound(PathBuf),
    NoSchema(PathBuf),
    NotUtf8 {
        path: PathBuf,
        offset: usize,
    },
    /// Larger than `limit` bytes (read up to one byte past the limit, never further).
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// A named pipe, a device, a socket or a folder where a file was expected.
    NotRegular {
        path: PathBuf,
        what: &'static str,
    },
    Io {
        path: PathBuf,
        message: String,
    },
}

impl InputError {
    pub fn io(path: impl Into<PathBuf>, error: &std::io::Error) -> Self {
        InputError::Io {
            path: path.into(),
            message: error.to_string(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(path) => {
                write!(f, "{}: no such file or directory", path.display())
            }
            InputError::NoSchema(path) => write!(
                f,
                "{}: no Prisma schema found (looked for .prisma files, and in a project for prisma/schema.prisma, schema.prisma and prisma/schema/)",
                display_folder(path)
            ),
            InputError::NotUtf8 { path, offset } => write!(
                f,
                "{}: not a text file in UTF-8 (invalid byte at offset {offset}); Prisma schemas must be UTF-8",
                path.display()
            ),
            InputError::TooLarge { path, limit } => write!(
                f,
                "{}: file too large (over {} MiB, the most that is read)",
                path.display(),
                limit >> 20
            ),
            InputError::NotRegular { path, what } => write!(
                f,
                "{}: {what}, not a regular file; only regular files are read",
                path.display()
            ),
            InputError::Io { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

/// The current folder is passed around as an empty path; show it as `.`.
fn display_folder(path: &Path) -> String {
    if path.as_os_str().is_empty() {
        ".".to_string()
    } else {
        path.display().to_string()
    }
}

impl SchemaInput {
    /// Reads every file. Errors are collected per file so that all of them are reported.
    pub fn load(&self) -> Result<Vec<SourceFile>, Vec<InputError>> {
        let mut files = Vec::with_capacity(self.files.len());
        let mut errors = Vec::new();
        for path in &self.files {
            match read_schema_file(path) {
                Ok(text) => files.push(SourceFile::parse(path.display().to_string(), text)),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() {
            Ok(files)
        } else {
            Err(errors)
        }
    }
}

/// Reads a schema file as UTF-8, with a clear error for anything else.
pub fn read_schema_file(path: &Path) -> Result<String, InputError> {
    read_text_file(path, MAX_SCHEMA_BYTES)
}

/// Reads a regular file of at most `limit` bytes as UTF-8.
pub fn read_text_file(path: &Path, limit: u64) -> Result<String, InputError> {
    let bytes = read_regular_file(path, limit)?;
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a regular file of at most `limit` bytes: the one way this program reads a file.
///
/// Anything else is refused before a byte is read: a named pipe would block until someone
/// writes to it (so it is opened without blocking, then looked at), and a device such as
/// `/dev/zero` never ends. The limit is enforced while reading, not trusted from the
/// metadata, which special and growing files get wrong.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| not_found_or_io(path, &e))?;
    let metadata = file.metadata().map_err(|e| InputError::io(path, &e))?;
    if !metadata.is_file() {
        return Err(InputError::NotRegular {
            path: path.to_path_buf(),
            what: describe_file_type(&metadata.file_type()),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len().min(limit)).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

fn describe_file_type(file_type: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

fn not_found_or_io(path: &Path, error: &std::io::Error) -> InputError {
    if error.kind() == std::io::ErrorKind::NotFound {
        InputError::NotFound(path.to_path_buf())
    } else {
        InputError::io(path, error)
    }
}

/// Turns command-line paths into schemas. Each path is a file (one schema) or a folder.
pub fn resolve_paths(paths: &[PathBuf]) -> (Vec<SchemaInput>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Err(error) => errors.push(not_found_or_io(path, &error)),
            Ok(metadata) if metadata.is_dir() => match schemas_in_folder(path) {
                Ok(found) if found.is_empty() => errors.push(InputError::NoSchema(path.clone())),
                Ok(mut found) => inputs.append(&mut found),
                Err(error) => errors.push(error),
            },
            Ok(_) => inputs.push(SchemaInput {
                files: vec![path.clone()],
            }),
        }
    }
    (inputs, errors)
}

/// The schemas in a folder. Prisma reads a folder as one schema whose files share a single
/// datasource; a folder holding several datasources is a collection of schemas: each file
/// directly in it is one schema, and each subfolder is looked at the same way.
fn schemas_in_folder(folder: &Path) -> Result<Vec<SchemaInput>, InputError> {
    let files = prisma_files(folder, true)?;
    let datasources: usize = files.iter().map(|f| count_datasources(f)).sum();
    if datasources <= 1 {
        return Ok(if files.is_empty() {
            Vec::new()
        } else {
            vec![SchemaInput { files }]
        });
    }
    let mut inputs: Vec<SchemaInput> = prisma_files(folder, false)?
        .into_iter()
        .map(|file| SchemaInput { files: vec![file] })
        .collect();
    for subfolder in subfolders(folder)? {
        inputs.extend(schemas_in_folder(&subfolder)?);
    }
    Ok(inputs)
}

/// Counts `datasource name {` lines without parsing; an unreadable file counts as none (its
/// error is reported when it is loaded).
fn count_datasources(path: &Path) -> usize {
    let Ok(bytes) = read_regular_file(path, MAX_SCHEMA_BYTES) else {
        return 0;
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|line| {
            line.trim_start()
                .strip_prefix("datasource")
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        })
        .count()
}

fn is_skipped_folder(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules"
}

fn sorted_entries(folder: &Path) -> Result<Vec<fs::DirEntry>, InputError> {
    let mut entries = fs::read_dir(folder)
        .map_err(|e| InputError::io(folder, &e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| InputError::io(folder, &e))?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

fn subfolders(folder: &Path) -> Result<Vec<PathBuf>, InputError> {
    Ok(sorted_entries(folder)?
        .into_iter()
        // `file_type` does not follow symlinks, so a link cycle cannot trap the walk.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !is_skipped_folder(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect())
}

/// The `.prisma` files of a folder, sorted, optionally including its subfolders.
fn prisma_files(folder: &Path, recursive: bool) -> Result<Vec<PathBuf>, InputError> {
    let mut files: Vec<PathBuf> = sorted_entries(folder)?
        .into_iter()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "prisma") && p.is_file())
        .collect();
    if recursive {
        for subfolder in subfolders(folder)? {
            files.extend(prisma_files(&subfolder, true)?);
        }
    }
    Ok(files)
}

/// Finds the schema of the project in `root` the way Prisma does: the `prisma.schema` entry
/// of `package.json`, then `prisma/schema.prisma`, `schema.prisma`, and the `prisma/schema/`
/// folder.
pub fn discover(root: &Path) -> Result<SchemaInput, InputError> {
    if let Some(configured) = package_json_schema(root) {
        let path = root.join(configured);
        return if path.is_dir() {
            Ok(SchemaInput {
                files: prisma_files(&path, true)?,
            })
            .and_then(|input| non_empty(input, &path))
        } else if path.is_file() {
            Ok(SchemaInput { files: vec![path] })
        } else {
            Err(InputError::NotFound(path))
        };
    }
    for candidate in ["prisma/schema.prisma", "schema.prisma"] {
        let path = root.join(candidate);
        if path.is_file() {
            return Ok(SchemaInput { files: vec![path] });
        }
    }
    let folder = root.join("prisma/schema");
    if folder.is_dir() {
        let files = prisma_files(&folder, true)?;
        return non_empty(SchemaInput { files }, &folder);
    }
    Err(InputError::NoSchema(root.to_path_buf()))
}

fn non_empty(input: SchemaInput, folder: &Path) -> Result<SchemaInput, InputError> {
    if input.files.is_empty() {
        Err(InputError::NoSchema(folder.to_path_buf()))
    } else {
        Ok(input)
    }
}

fn package_json_schema(root: &Path) -> Option<String> {
    let text = read_text_file(&root.join("package.json"), MAX_PROJECT_FILE_BYTES).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("prisma")?
        .get("schema")?
        .as_str()
        .map(str::to_string)
}

/// The files of the schema that `file` belongs to, as Prisma would read them: the files of
/// the nearest enclosing folder that holds the datasource, when that folder (subfolders
/// included) holds exactly one datasource; otherwise `file` alone. Looks at most a few
/// folders up, and never above a folder with `package.json` or `.git` (the project root).
pub fn schema_files_for(file: &Path) -> Vec<PathBuf> {
    const MAX_LEVELS: usize = 4;
    let alone = vec![file.to_path_buf()];
    for folder in folders_up_to_project_root(file).take(MAX_LEVELS) {
        let Ok(files) = prisma_files(folder, true) else {
            return alone;
        };
        let datasources: usize = files.iter().map(|f| count_datasources(f)).sum();
        match datasources {
            1 if files.iter().any(|f| f == file) && files.len() > 1 => return files,
            1 => return alone,
            0 => {}
            _ => return alone,
        }
    }
    alone
}

/// The folders from `file`'s own up to the project root (the first with `package.json` or
/// `.git`), nearest first; at most eight. What is above the project root is not the
/// project's: `.env` and `prisma-analyzer.toml` are looked for only here.
pub fn folders_up_to_project_root(file: &Path) -> impl Iterator<Item = &Path> {
    const MAX_LEVELS: usize = 8;
    let mut reached_root = false;
    file.ancestors()
        .skip(1)
        .take(MAX_LEVELS)
        .take_while(move |folder| {
            let go_on = !reached_root;
            reached_root = is_project_root(folder);
            go_on
        })
}

fn is_project_root(folder: &Path) -> bool {
    folder.join("package.json").exists() || folder.join(".git").exists()
}

/// The `.env` file Prisma would load for the schema file at `schema_path`: one next to it,
/// else in a folder above, up to the project root and at most five folders up.
pub fn find_dotenv(schema_path: &Path) -> Option<PathBuf> {
    folders_up_to_project_root(schema_path)
        .take(5)
        .map(|folder| folder.join(".env"))
        .find(|candidate| candidate.is_file())
}

/// The names Prisma 7 looks for its configuration under, in the project root.
const PRISMA_CONFIG_FILES: &[&str] = &[
    "prisma.config.ts",
    "prisma.config.mts",
    "prisma.config.cts",
    "prisma.config.js",
    "prisma.config.mjs",
    "prisma.config.cjs",
    ".config/prisma.ts",
    ".config/prisma.mts",
    ".config/prisma.cts",
    ".config/prisma.js",
    ".config/prisma.mjs",
    ".config/prisma.cjs",
];

/// Where a new `prisma.config.ts` would go for the schema made of `files` (the project root:
/// the nearest folder above with `package.json` or `.git`, else the folder holding a
/// `prisma/` folder, else the schema's own), and the `schema` path it would name, relative
/// to it. `None` when the project already has a Prisma configuration file.
pub fn new_prisma_config(files: &[PathBuf]) -> Option<(PathBuf, String)> {
    let first = files.first()?;
    let schema_folder = first.parent()?;
    let root = folders_up_to_project_root(first)
        .find(|folder| is_project_root(folder))
        .or_else(|| {
            schema_folder
                .ancestors()
                .find(|folder| folder.file_name().is_some_and(|name| name == "prisma"))
                .and_then(Path::parent)
        })
        .unwrap_or(schema_folder);
    if PRISMA_CONFIG_FILES
        .iter()
        .any(|name| root.join(name).exists())
    {
        return None;
    }
    // A multi-file schema is named by its folder.
    let schema = if files.len() > 1 {
        schema_folder
    } else {
        first.as_path()
    };
    let relative = schema.strip_prefix(root).unwrap_or(schema);
    let named: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some((root.join("prisma.config.ts"), named.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary folder")
    }

    #[test]
    fn finds_the_dotenv_beside_or_above_the_schema_up_to_the_project_root() {
        let root = folder();
        let root = root.path();
        let prisma = root.join("project/prisma");
        let _ = fs::create_dir_all(&prisma);
        let schema = prisma.join("schema.prisma");
        assert_eq!(find_dotenv(&schema), None);
        // Above the project root does not count.
        let _ = fs::write(root.join(".env"), "X=1\n");
        let _ = fs::write(root.join("project/package.json"), "{}");
        assert_eq!(find_dotenv(&schema), None);
        let _ = fs::write(root.join("project/.env"), "X=1\n");
        assert_eq!(find_dotenv(&schema), Some(root.join("project/.env")));
        let _ = fs::write(prisma.join(".env"), "X=1\n");
        assert_eq!(find_dotenv(&schema), Some(prisma.join(".env")));
    }

    #[test]
    fn a_new_prisma_config_goes_to_the_project_root_unless_one_exists() {
        let dir = folder();
        let project = dir.path().join("app");
        let schema_folder = project.join("prisma/schema");
        let _ = fs::create_dir_all(&schema_folder);
        let _ = fs::write(project.join("package.json"), "{}");
        let one = vec![project.join("prisma/schema.prisma")];
        assert_eq!(
            new_prisma_config(&one),
            Some((
                project.join("prisma.config.ts"),
                "prisma/schema.prisma".to_string()
            ))
        );
        let several = vec![
            schema_folder.join("a.prisma"),
            schema_folder.join("b.prisma"),
        ];
        assert_eq!(
            new_prisma_config(&several),
            Some((
                project.join("prisma.config.ts"),
                "prisma/schema".to_string()
            ))
        );
        let _ = fs::create_dir_all(project.join(".config"));
        let _ = fs::write(project.join(".config/prisma.ts"), "");
        assert_eq!(new_prisma_config(&one), None);
    }

    #[test]
    fn without_a_project_root_the_config_goes_beside_the_prisma_folder() {
        let dir = folder();
        let schema = dir.path().join("prisma/schema.prisma");
        let _ = fs::create_dir_all(dir.path().join("prisma"));
        assert_eq!(
            new_prisma_config(std::slice::from_ref(&schema)),
            Some((
                dir.path().join("prisma.config.ts"),
                "prisma/schema.prisma".to_string()
            ))
        );
        let elsewhere = dir.path().join("db/main.prisma");
        assert_eq!(
            new_prisma_config(std::slice::from_ref(&elsewhere)),
            Some((
                dir.path().join("db/prisma.config.ts"),
                "main.prisma".to_string()
            ))
        );
    }
}
