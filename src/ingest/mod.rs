//! Reading article files into `Document`s: format detection, decoding, and the warnings a user
//! should see (placeholder until the ingest work lands).

use std::path::{Path, PathBuf};

/// Which reader produced a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    TimeMl,
}

/// One article: immutable text plus what we learned while reading it.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub title: String,
    pub text: String,
    /// Document creation time as a TIMEX3 value (from TimeML DCT), when the file states one.
    pub dct: Option<String>,
    pub format: SourceFormat,
    pub warnings: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug)]
pub struct IngestError {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for IngestError {}

/// Reads and decodes one article file.
pub fn load(path: &Path) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path)
        .map_err(|e| IngestError { path: path.to_path_buf(), message: format!("cannot read: {e}") })?;
    from_bytes(path, &bytes)
}

/// Decodes an article from bytes; `path` names it and picks the format by extension.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Document { path: path.to_path_buf(), title, text, dct: None, format: SourceFormat::Text, warnings: Vec::new() })
}
