//! The "Open recent" list: the last files and projects the user opened, newest first, kept in a
//! small JSON file in the user's config directory (`$XDG_CONFIG_HOME/chronoscope/recent.json`).

use crate::export::atomic;
use std::path::{Path, PathBuf};

/// Entries kept.
pub const MAX_ENTRIES: usize = 10;

/// The recent list and the file it persists to (`None`: kept in memory only).
#[derive(Debug, Clone, Default)]
pub struct Recent {
    pub entries: Vec<PathBuf>,
    file: Option<PathBuf>,
}

/// `$XDG_CONFIG_HOME/chronoscope/recent.json`, or `~/.config/chronoscope/recent.json`.
pub fn default_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("chronoscope").join("recent.json"))
}

impl Recent {
    /// Reads the list from `file` (a missing or unreadable file gives an empty list).
    pub fn load(file: Option<PathBuf>) -> Self {
        let entries = file
            .as_deref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|text| serde_json::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Recent { entries, file }
    }

    /// Puts `path` first; returns an error message when the list could not be written.
    pub fn add(&mut self, path: &Path) -> Result<(), String> {
        self.add_newest_first(std::iter::once(path.to_path_buf()))
    }

    /// Puts `paths` (the newest first) before the list, which is written once: opening a
    /// folder's thousands of files wrote it, synced, once per file. Only the first
    /// `MAX_ENTRIES` distinct paths are read.
    pub fn add_newest_first(&mut self, paths: impl IntoIterator<Item = PathBuf>) -> Result<(), String> {
        let mut entries: Vec<PathBuf> = Vec::with_capacity(MAX_ENTRIES);
        let previous = std::mem::take(&mut self.entries);
        for path in paths.into_iter().chain(previous.iter().cloned()) {
            if !entries.contains(&path) {
                entries.push(path);
                if entries.len() == MAX_ENTRIES {
                    break;
                }
            }
        }
        let changed = entries != previous;
        self.entries = entries;
        if changed {
            self.save()
        } else {
            Ok(())
        }
    }

    fn save(&self) -> Result<(), String> {
        let Some(file) = &self.file else { return Ok(()) };
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        let text = serde_json::to_string_pretty(&self.entries).map_err(|e| e.to_string())?;
        atomic::write_atomic(file, text.as_bytes()).map_err(|e| format!("saving the recent list: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_persisted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cfg/recent.json");
        let mut recent = Recent::load(Some(file.clone()));
        recent.add(Path::new("/a")).unwrap();
        recent.add(Path::new("/b")).unwrap();
        recent.add(Path::new("/a")).unwrap();
        assert_eq!(Recent::load(Some(file)).entries, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
    }

    #[test]
    fn many_paths_at_once_keep_the_newest_few_reading_no_more() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("recent.json");
        let mut recent = Recent::load(Some(file.clone()));
        recent.add(Path::new("/old")).unwrap();
        // The paths a folder of thousands gives, newest first; read lazily, only as far as needed.
        let mut read = 0;
        let paths = (0..5000).rev().map(|n| {
            read += 1;
            PathBuf::from(format!("/f{n}"))
        });
        recent.add_newest_first(paths).unwrap();
        assert_eq!(read, MAX_ENTRIES, "only the newest paths are read");
        let kept = Recent::load(Some(file)).entries;
        assert_eq!(kept.len(), MAX_ENTRIES);
        assert_eq!(kept.first(), Some(&PathBuf::from("/f4999")));
        assert!(!kept.contains(&PathBuf::from("/old")), "older entries fall off the end");
    }
}
