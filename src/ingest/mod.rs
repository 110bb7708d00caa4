//! Reading article files into `Document`s: format detection (by extension, sniffing unknown
//! ones), decoding (`decode`), the per-format readers (`markdown`, `html`, `timeml`, `docx`, `pdf`, `email`), titles, and
//! the warnings a user should see, and folders as input (`folder`). Also reads TimeML gold
//! annotations for evaluation.

pub mod byline;
mod contained;
pub mod decode;
pub mod docx;
pub mod email;
pub mod folder;
pub mod html;
pub mod html_depth;
pub mod markdown;
pub mod pdf;
pub mod timeml;

pub use timeml::GoldTimex;

use std::path::{Path, PathBuf};

/// Which reader produced a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
    TimeMl,
    /// A Word document (.docx).
    Word,
    /// A PDF's text layer.
    Pdf,
    /// An e-mail message (.eml).
    Email,
}

impl SourceFormat {
    /// Read whole by a reader of its own (a zip, a PDF, a MIME message), not decoded as text.
    pub fn is_whole_file(self) -> bool {
        matches!(self, SourceFormat::Word | SourceFormat::Pdf | SourceFormat::Email)
    }
}

/// The file types read as articles, for messages.
pub const READ_TYPES: &str = ".txt, .md, .html, .tml, .docx, .pdf, .eml";

/// One article: immutable text plus what we learned while reading it.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub title: String,
    pub text: String,
    /// Document creation time as a TIMEX3 value: the TimeML DCT, or the date of a byline or
    /// dateline in the text (`byline`) when the file states none.
    pub dct: Option<String>,
    /// The byline or dateline the publication date was read from, when it came from the text.
    pub byline: Option<byline::Byline>,
    pub format: SourceFormat,
    /// Byte offsets where the file's structure ends a sentence that the text itself does not
    /// show (TimeML `<s>` elements written back to back); sorted. Empty for most formats.
    pub breaks: Vec<usize>,
    pub warnings: Vec<String>,
}

impl Document {
    /// A plain-text article with no publication date or warnings (for text that does not come
    /// from a file as such: tests, generated inputs).
    pub fn plain_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let path = path.into();
        Document {
            title: file_stem(&path),
            path,
            text: text.into(),
            dct: None,
            byline: None,
            format: SourceFormat::Text,
            breaks: Vec::new(),
            warnings: Vec::new(),
        }
    }
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

/// Titles longer than this (in characters) are not used; the file stem is used instead.
const MAX_TITLE_CHARS: usize = 120;

fn error(path: &Path, message: impl Into<String>) -> IngestError {
    IngestError { path: path.to_path_buf(), message: message.into() }
}

/// Reads and decodes one article file. The file type is checked before the file is opened for
/// reading: a FIFO, device or socket is refused (reading one could block forever or never end),
/// and at most the size limit plus one byte is read, so a file growing meanwhile cannot make the
/// read unbounded.
pub fn load(path: &Path) -> Result<Document, IngestError> {
    use std::io::Read;
    let metadata = std::fs::metadata(path).map_err(|e| error(path, format!("cannot read: {e}")))?;
    if metadata.is_dir() {
        return Err(error(path, "is a directory, not a file"));
    }
    if !metadata.is_file() {
        return Err(error(path, "is not a regular file (a pipe, device or socket); save the article to a file first"));
    }
    if metadata.len() > decode::MAX_BYTES as u64 {
        return Err(error(path, decode::too_large(metadata.len())));
    }
    let file = std::fs::File::open(path).map_err(|e| error(path, format!("cannot read: {e}")))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(decode::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(path, format!("cannot read: {e}")))?;
    from_bytes(path, &bytes)
}

/// The format an extension names, if it names one.
pub fn format_for_extension(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::Text),
        "md" | "markdown" => Some(SourceFormat::Markdown),
        "html" | "htm" | "xhtml" => Some(SourceFormat::Html),
        "tml" | "te3input" | "timeml" => Some(SourceFormat::TimeMl),
        "docx" => Some(SourceFormat::Word),
        "pdf" => Some(SourceFormat::Pdf),
        "eml" => Some(SourceFormat::Email),
        _ => None,
    }
}

/// Decodes an article from bytes; `path` names it and picks the format by extension.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    if bytes.len() > decode::MAX_BYTES {
        return Err(error(path, decode::too_large(bytes.len() as u64)));
    }
    let by_extension = format_for_extension(path);
    // Word and PDF files are known by their content whatever their name.
    let sniffed = || {
        if docx::looks_like_zip(bytes) {
            Some(SourceFormat::Word)
        } else {
            pdf::looks_like_pdf(bytes).then_some(SourceFormat::Pdf)
        }
    };
    if let Some(format) = by_extension.or_else(sniffed).filter(|f| f.is_whole_file()) {
        return whole_file_document(path, bytes, format);
    }
    let decoded = decode::decode(bytes).map_err(|m| error(path, m))?;
    let mut warnings = decoded.warnings;
    let text = decoded.text;
    let format = by_extension.unwrap_or_else(|| {
        if timeml::looks_like_timeml(&text) {
            SourceFormat::TimeMl
        } else if html::looks_like_html(&text) {
            SourceFormat::Html
        } else {
            SourceFormat::Text
        }
    });
    let stem = file_stem(path);
    let mut breaks = Vec::new();
    let (text, title, dct) = match format {
        SourceFormat::Text => {
            let title = first_line_title(&text).unwrap_or(stem);
            (text, title, None)
        }
        SourceFormat::Markdown => {
            let text = markdown::extract(&text);
            let title = first_line_title(&text).unwrap_or(stem);
            (text, title, None)
        }
        SourceFormat::Html => {
            let page = html::extract(&text);
            if page.text.trim().is_empty() {
                return Err(error(path, "the HTML page has no visible text"));
            }
            warnings.extend(page.warnings);
            (page.text, page.title.filter(|t| t.chars().count() <= 300).unwrap_or(stem), None)
        }
        SourceFormat::TimeMl => {
            let parsed = timeml::parse(&text).map_err(|m| error(path, m))?;
            if parsed.text.trim().is_empty() {
                return Err(error(path, "file is empty: the TimeML <TEXT> element holds no text"));
            }
            warnings.extend(parsed.warnings);
            breaks = parsed.breaks;
            (parsed.text, parsed.title.unwrap_or(stem), parsed.dct)
        }
        SourceFormat::Word | SourceFormat::Pdf | SourceFormat::Email => {
            return whole_file_document(path, bytes, format)
        }
    };
    finish(path, Read { text, title, dct, format, breaks, warnings })
}

/// What a format's reader found, before the publication date is settled.
struct Read {
    text: String,
    title: String,
    dct: Option<String>,
    format: SourceFormat,
    breaks: Vec<usize>,
    warnings: Vec<String>,
}

/// What the reader of a whole-file format (Word, PDF, e-mail) found.
#[derive(Debug, Default)]
pub struct WholeFile {
    pub text: String,
    /// The title the file states (document properties, a subject line), if any.
    pub title: Option<String>,
    /// The publication date the file states, as a TIMEX3 value, if any.
    pub dct: Option<String>,
    pub warnings: Vec<String>,
}

impl WholeFile {
    /// Text and nothing else.
    pub fn text(text: String) -> WholeFile {
        WholeFile { text, ..WholeFile::default() }
    }
}

/// A Word, PDF or e-mail file, read whole by its own reader (not decoded as text first); the
/// title falls back to the first line, then to the file name.
fn whole_file_document(path: &Path, bytes: &[u8], format: SourceFormat) -> Result<Document, IngestError> {
    let found = match format {
        SourceFormat::Word => docx::extract(bytes),
        SourceFormat::Pdf => pdf::extract(bytes).map(WholeFile::text),
        SourceFormat::Email => email::extract(bytes),
        text_format => Err(format!("a {text_format:?} file is decoded as text, not read whole")),
    }
    .map_err(|m| error(path, m))?;
    let title = found.title.or_else(|| first_line_title(&found.text)).unwrap_or_else(|| file_stem(path));
    let read = Read { text: found.text, title, dct: found.dct, format, breaks: Vec::new(), warnings: found.warnings };
    finish(path, read)
}

/// The document: refused when it shows no text; the publication date is the file's (checked
/// against a dateline when it is not a TIMEX3 date) or the byline's.
fn finish(path: &Path, read: Read) -> Result<Document, IngestError> {
    let Read { text, title, dct, format, breaks, mut warnings } = read;
    if text.trim().is_empty() {
        return Err(error(path, "file is empty (no visible text)"));
    }
    let (dct, byline) = match dct {
        None => {
            let byline = byline::find(&text);
            (byline.as_ref().map(|b| b.value.clone()), byline)
        }
        Some(value) if crate::resolve::parse_dct(&value).is_none() => match byline::confirm_dct(&value, &text) {
            Some((fixed, byline)) => {
                warnings.push(format!(
                    "the file's publication date {value:?} is not a TIMEX3 date; read as {fixed}, the date of the dateline"
                ));
                (Some(fixed), Some(byline))
            }
            None => (Some(value), None),
        },
        Some(value) => (Some(value), None),
    };
    Ok(Document { path: path.to_path_buf(), title, text, dct, byline, format, breaks, warnings })
}

/// Reads a TimeML file and its gold TIMEX3s (code point offsets into `Document::text`).
pub fn parse_timeml_gold(path: &Path, bytes: &[u8]) -> Result<(Document, Vec<GoldTimex>), IngestError> {
    let (doc, parsed) = parse_timeml_annotated(path, bytes)?;
    Ok((doc, parsed.timexes))
}

/// Reads a TimeML file as `parse_timeml_gold` does, keeping every annotation: the gold times,
/// events, event instances and TLINKs (for the event-dating evaluation).
pub fn parse_timeml_annotated(path: &Path, bytes: &[u8]) -> Result<(Document, timeml::ParsedTimeMl), IngestError> {
    let decoded = decode::decode(bytes).map_err(|m| error(path, m))?;
    let mut parsed = timeml::parse(&decoded.text).map_err(|m| error(path, m))?;
    if parsed.text.trim().is_empty() {
        return Err(error(path, "file is empty: the TimeML <TEXT> element holds no text"));
    }
    let mut warnings = decoded.warnings;
    warnings.append(&mut parsed.warnings);
    let doc = Document {
        path: path.to_path_buf(),
        title: parsed.title.take().unwrap_or_else(|| file_stem(path)),
        text: std::mem::take(&mut parsed.text),
        dct: parsed.dct.clone(),
        byline: None,
        format: SourceFormat::TimeMl,
        breaks: std::mem::take(&mut parsed.breaks),
        warnings,
    };
    Ok((doc, parsed))
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The first non-empty line, when it is short enough to be a title.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (line.chars().count() < MAX_TITLE_CHARS).then(|| line.to_string())
}
