//! Where outputs may go, checked before any input is read or any work starts: an output never
//! names an input (by canonical path or by device and inode, so links and `./` spellings count),
//! no two outputs name one file, no two inputs would write one `.tml`, and every output folder
//! exists (or, for `--timeml DIR`, can be created). Only metadata is looked at, so the check
//! never blocks on a FIFO and costs one `stat` per path. Shared by `extract` and any other verb
//! that writes files.

use super::atomic::{folder_of, resolve_symlinks};
use super::timeml;
use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

/// The outputs a job asks for. `json` of `-` (stdout) is no file and is not checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outputs<'a> {
    pub json: Option<&'a Path>,
    pub png: Option<&'a Path>,
    pub svg: Option<&'a Path>,
    /// One `<stem>.tml` per input goes into this folder.
    pub timeml_dir: Option<&'a Path>,
    /// `--csv` and `--timelinejs`; `-` is stdout, as for `json`.
    pub csv: Option<&'a Path>,
    pub timelinejs: Option<&'a Path>,
    /// `--jsonl`: one line per article; `-` is stdout.
    pub jsonl: Option<&'a Path>,
    /// `--report`: the chronology; `-` is stdout.
    pub report: Option<&'a Path>,
}

/// What makes two paths one file: the inode when the file exists, else its normalised path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    Inode { dev: u64, ino: u64 },
    Path(PathBuf),
}

/// Checks `outputs` against `inputs` and each other; the message names both paths of a clash.
pub fn check(inputs: &[PathBuf], outputs: &Outputs) -> Result<(), String> {
    let streams = [
        ("--json", outputs.json),
        ("--csv", outputs.csv),
        ("--timelinejs", outputs.timelinejs),
        ("--jsonl", outputs.jsonl),
        ("--report", outputs.report),
    ];
    let to_stdout: Vec<&str> =
        streams.iter().filter(|(_, p)| p.is_some_and(|p| p.as_os_str() == "-")).map(|(f, _)| *f).collect();
    if to_stdout.len() > 1 {
        let which = if to_stdout.len() == 2 { "both" } else { "all" };
        return Err(format!("{} {which} name stdout (-); only one output can go there", to_stdout.join(" and ")));
    }
    let files: Vec<(&str, &Path)> =
        streams.iter().filter_map(|(flag, p)| p.filter(|p| p.as_os_str() != "-").map(|p| (*flag, p))).collect();
    for (flag, path) in &files {
        check_file_output(flag, path)?;
    }
    let images: Vec<(&str, &Path)> =
        [("--png", outputs.png), ("--svg", outputs.svg)].into_iter().filter_map(|(f, p)| p.map(|p| (f, p))).collect();
    for (flag, path) in &images {
        check_file_output(flag, path)?;
    }
    if let Some(dir) = outputs.timeml_dir {
        check_output_dir(dir)?;
    }
    // Who holds each file: an input (true) or an earlier output (false).
    let mut taken: HashMap<FileKey, (String, bool)> = HashMap::with_capacity(inputs.len() * 2 + 3);
    for input in inputs {
        if let Some(key) = existing_key(input) {
            taken.entry(key).or_insert_with(|| (format!("the input {}", input.display()), true));
        }
    }
    let mut claim = |what: String, path: &Path| -> Result<(), String> {
        let key = key_of(path);
        match taken.get(&key) {
            Some((owner, true)) => {
                Err(format!("{what} is {owner}; writing it would destroy the input. Choose another output name"))
            }
            Some((owner, false)) => Err(format!("{what} and {owner} name the same file; give each its own name")),
            None => {
                taken.insert(key, (what, false));
                Ok(())
            }
        }
    };
    for (flag, path) in &files {
        claim(format!("{flag} {}", path.display()), path)?;
    }
    for (flag, path) in &images {
        claim(format!("{flag} {}", path.display()), path)?;
    }
    if let Some(dir) = outputs.timeml_dir {
        claim(format!("--timeml {}", dir.display()), dir)?;
        for (input, name) in timeml_names(inputs)? {
            let target = dir.join(name);
            claim(format!("the TimeML output {} (of {})", target.display(), input.display()), &target)?;
        }
    }
    Ok(())
}

/// The `.tml` name of each input; two inputs with one name would overwrite each other's output.
fn timeml_names(inputs: &[PathBuf]) -> Result<Vec<(&Path, PathBuf)>, String> {
    let mut by_name: HashMap<PathBuf, &Path> = HashMap::with_capacity(inputs.len());
    let mut names = Vec::with_capacity(inputs.len());
    for input in inputs {
        let Some(name) = timeml::output_name(input) else { continue };
        if let Some(earlier) = by_name.insert(name.clone(), input) {
            let same_file = existing_key(earlier).is_some() && existing_key(earlier) == existing_key(input);
            return Err(if same_file {
                format!(
                    "{} is given twice ({} and {}); give each article once",
                    input.display(),
                    earlier.display(),
                    input.display()
                )
            } else {
                format!(
                    "{} and {} would both be written to {} by --timeml; rename one or export them separately",
                    earlier.display(),
                    input.display(),
                    name.display()
                )
            });
        }
        names.push((input.as_path(), name));
    }
    Ok(names)
}

/// An output file: not a folder itself, and its folder must exist.
fn check_file_output(flag: &str, path: &Path) -> Result<(), String> {
    if path.as_os_str().is_empty() {
        return Err(format!("{flag} needs a file name"));
    }
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("{flag} {} is a folder; give a file name", path.display()));
    }
    let target = resolve_symlinks(path).map_err(|e| format!("{flag} {}: {e}", path.display()))?;
    let folder = folder_of(&target);
    match fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(format!("{flag} {}: {} is not a folder", path.display(), folder.display())),
        Err(_) => Err(format!("{flag} {}: the folder {} does not exist", path.display(), folder.display())),
    }
}

/// Checks that `output`, a file the window is about to write, is none of `articles` (the files
/// the user opened): the same file by device and inode, so another spelling or a link counts.
pub fn not_an_input(output: &Path, articles: &[PathBuf]) -> Result<(), String> {
    let key = key_of(output);
    match articles.iter().find(|article| existing_key(article).is_some_and(|k| k == key)) {
        Some(article) => Err(format!(
            "{} is the article {} you opened; writing there would destroy its text. Choose another name",
            output.display(),
            article.display()
        )),
        None => Ok(()),
    }
}

/// The `--timeml` folder: an existing folder, or a path whose nearest existing ancestor is one.
fn check_output_dir(dir: &Path) -> Result<(), String> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => return Err(format!("--timeml {} is not a folder", dir.display())),
        Err(_) => {}
    }
    for ancestor in dir.ancestors().skip(1) {
        let ancestor = if ancestor.as_os_str().is_empty() { Path::new(".") } else { ancestor };
        if let Ok(meta) = fs::metadata(ancestor) {
            return if meta.is_dir() {
                Ok(())
            } else {
                Err(format!("--timeml {}: cannot create it, {} is not a folder", dir.display(), ancestor.display()))
            };
        }
    }
    Err(format!("--timeml {}: no part of the path exists", dir.display()))
}

fn existing_key(path: &Path) -> Option<FileKey> {
    fs::metadata(path).ok().map(|meta| FileKey::Inode { dev: meta.dev(), ino: meta.ino() })
}

fn key_of(path: &Path) -> FileKey {
    existing_key(path).unwrap_or_else(|| FileKey::Path(normalise(path)))
}

/// An absolute spelling of a path that need not exist: its deepest existing ancestor
/// canonicalised (symlinks resolved), the rest appended with `.` and `..` applied.
fn normalise(path: &Path) -> PathBuf {
    let path = resolve_symlinks(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(&path),
        _ => path,
    };
    for ancestor in absolute.ancestors() {
        if let Ok(mut base) = fs::canonicalize(ancestor) {
            let rest = absolute.strip_prefix(ancestor).unwrap_or(Path::new(""));
            for part in rest.components() {
                match part {
                    Component::ParentDir => {
                        base.pop();
                    }
                    Component::Normal(name) => base.push(name),
                    _ => {}
                }
            }
            return base;
        }
    }
    absolute
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_never_writes_over_an_article() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        fs::write(&article, "text").unwrap();
        let linked = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&article, &linked).unwrap();
        let articles = vec![article.clone()];
        for spelling in [article.clone(), dir.path().join(".").join("a.txt"), linked] {
            let refused = not_an_input(&spelling, &articles).unwrap_err();
            assert!(refused.contains("destroy") && refused.contains("a.txt"), "{refused}");
        }
        assert!(not_an_input(&dir.path().join("timeline.json"), &articles).is_ok());
        assert!(not_an_input(&article, &[dir.path().join("missing.txt")]).is_ok());
    }
}
