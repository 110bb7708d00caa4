//! The "Open recent" list: the last files and projects the user opened, newest first, kept in a
//! small JSON file in the user's config directory (`$XDG_CONFIG_HOME/chronoscope/recent.json`).

use crate::export::atomic;
use std::path::{Path, PathBuf};

const MAX_ENTRIES: usize = 10;

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
        self.entries.retain(|p| p != path);
        self.entries.insert(0, path.to_path_buf());
        self.entries.truncate(MAX_ENTRIES);
        self.save()
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
}
