//! Folders as input: every article file under a folder, found in a stable order (sorted by
//! path), with what was left out and why, so that `chronoscope extract DIR` and File › Open
//! folder read what a user expects and say what they skipped.

use super::{format_for_extension, READ_TYPES};
use std::path::{Path, PathBuf};

/// Folders nested deeper than this under the one given are not read (a hostile or looping tree
/// cannot make the walk unbounded).
const MAX_DEPTH: usize = 32;

/// The files a list of inputs stands for.
#[derive(Debug, Default, PartialEq)]
pub struct Expanded {
    /// Files, each once, in the order given; a folder's files sorted by path in its place.
    pub files: Vec<PathBuf>,
    /// What was left out under the folders, and why, in the order met.
    pub skipped: Vec<Skipped>,
}

/// A file or folder under an input folder that is not read.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Replaces every folder among `inputs` by the article files under it (recursively, sorted by
/// path; hidden entries and files of other types are skipped and listed). Other inputs are kept
/// as given, even when they do not exist: reading them reports that. A file named twice is
/// kept once, at its first place.
pub fn expand(inputs: &[PathBuf]) -> Expanded {
    let mut out = Expanded::default();
    let mut seen = std::collections::HashSet::new();
    for input in inputs {
        if std::fs::metadata(input).is_ok_and(|m| m.is_dir()) {
            let mut found = Vec::new();
            let skipped_before = out.skipped.len();
            walk(input, 0, &mut found, &mut out.skipped);
            if found.is_empty() && out.skipped.len() == skipped_before {
                out.skipped.push(Skipped { path: input.clone(), reason: "the folder is empty".to_string() });
            }
            found.sort();
            for file in found {
                if seen.insert(identity(&file)) {
                    out.files.push(file);
                }
            }
        } else if seen.insert(identity(input)) {
            out.files.push(input.clone());
        }
    }
    out
}

/// The file behind `path`, so that two spellings of one file count once.
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Collects the article files under `folder` into `found`; what is left out goes to `skipped`.
/// Links to folders are not followed (they could loop); links to files are read.
fn walk(folder: &Path, depth: usize, found: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let skip = |skipped: &mut Vec<Skipped>, path: &Path, reason: String| {
        skipped.push(Skipped { path: path.to_path_buf(), reason });
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => return skip(skipped, folder, format!("cannot list the folder: {e}")),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => skip(skipped, folder, format!("cannot list part of the folder: {e}")),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(link) = std::fs::symlink_metadata(&path) else {
            skip(skipped, &path, "cannot be read".to_string());
            continue;
        };
        let is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir && link.file_type().is_symlink() {
            skip(skipped, &path, "a link to a folder (not followed)".to_string());
        } else if is_dir && depth + 1 >= MAX_DEPTH {
            skip(skipped, &path, format!("nested more than {MAX_DEPTH} folders deep"));
        } else if is_dir {
            walk(&path, depth + 1, found, skipped);
        } else if format_for_extension(&path).is_some() {
            found.push(path);
        } else {
            skip(skipped, &path, not_an_article(&path));
        }
    }
}

/// Why a file in a folder is not read as an article.
fn not_an_article(path: &Path) -> String {
    match path.extension() {
        Some(ext) => {
            format!("not an article type Chronoscope reads (.{}; it reads {READ_TYPES})", ext.to_string_lossy())
        }
        None => format!("no file extension (name it after its type to read it: {READ_TYPES})"),
    }
}

/// One line for a user: how many files were skipped and the first few of them.
pub fn skipped_summary(skipped: &[Skipped], shown: usize) -> Option<String> {
    if skipped.is_empty() {
        return None;
    }
    let list: Vec<String> = skipped.iter().take(shown).map(Skipped::to_string).collect();
    let more = skipped.len().saturating_sub(shown);
    let tail = if more > 0 { format!("; and {more} more") } else { String::new() };
    let noun = if skipped.len() == 1 { "entry" } else { "entries" };
    Some(format!("skipped {} {noun} in the folders given: {}{tail}", skipped.len(), list.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "On Monday it rained.").unwrap();
    }

    #[test]
    fn a_folder_gives_its_articles_sorted_and_says_what_it_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.tml", ".hidden.txt", "photo.jpg", "README", "e.docx"]
        {
            touch(&root.join(name));
        }
        let expanded = expand(&[root.to_path_buf()]);
        let names: Vec<String> =
            expanded.files.iter().map(|p| p.strip_prefix(root).unwrap().display().to_string()).collect();
        assert_eq!(names, ["a.md", "b.txt", "e.docx", "sub/c.html", "sub/deeper/d.tml"]);
        let skipped: Vec<String> =
            expanded.skipped.iter().map(|s| s.path.strip_prefix(root).unwrap().display().to_string()).collect();
        assert_eq!(skipped, ["README", "photo.jpg"]);
        assert!(expanded.skipped[1].reason.contains(".jpg"), "{}", expanded.skipped[1].reason);
        let line = skipped_summary(&expanded.skipped, 1).unwrap();
        assert!(line.starts_with("skipped 2 entries") && line.ends_with("and 1 more"), "{line}");
    }

    #[test]
    fn files_keep_their_place_and_come_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(&root.join("x/one.txt"));
        touch(&root.join("two.txt"));
        let missing = root.join("missing.txt");
        let inputs = [root.join("two.txt"), root.join("x"), missing.clone(), root.join("x/one.txt")];
        let expanded = expand(&inputs);
        assert_eq!(expanded.files, [root.join("two.txt"), root.join("x/one.txt"), missing]);
        assert!(expanded.skipped.is_empty());
    }

    #[test]
    fn an_empty_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let expanded = expand(&[dir.path().to_path_buf()]);
        assert!(expanded.files.is_empty());
        assert_eq!(expanded.skipped[0].reason, "the folder is empty");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_the_tree_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(&root.join("a/one.txt"));
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        let expanded = expand(&[root.to_path_buf()]);
        assert_eq!(expanded.files, [root.join("a/one.txt")]);
        assert!(expanded.skipped[0].reason.contains("not followed"));
    }
}
