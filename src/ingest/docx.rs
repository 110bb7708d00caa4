//! Word (.docx) articles: the visible text of the document body (`word/document.xml`), one
//! paragraph per block with a blank line between them, so a paragraph's end is a sentence's end.
//! Running headers, footers, footnotes and comments live in other parts of the file and are not
//! read; deleted text of tracked changes, field codes and the fallback copy of text boxes are
//! left out. The title comes from the document's properties (`docProps/core.xml`) when set.

use super::decode::MAX_BYTES;
use super::timeml::resolve_reference;
use super::WholeFile;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;

/// True when `bytes` start like a zip archive (a .docx is one).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads a .docx file; `Err` says, for a user, why it cannot be read. The zip reader is a
/// third-party parser of hostile input: should it panic, the file gets an error, not the program.
pub fn extract(bytes: &[u8]) -> Result<WholeFile, String> {
    super::contained::run(|| read_word(bytes))
        .unwrap_or_else(|| Err("the Word document is damaged: its zip structure could not be read".to_string()))
}

fn read_word(bytes: &[u8]) -> Result<WholeFile, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx): the file is not a readable zip archive ({e})"))?;
    let body = read_part(&mut archive, "word/document.xml")?.ok_or_else(|| {
        "not a Word document (.docx): it has no word/document.xml (an old .doc renamed? save it as .docx)".to_string()
    })?;
    let text = body_text(&body)?;
    // The properties are a nicety: a damaged part leaves the title to the text.
    let title = read_part(&mut archive, "docProps/core.xml").ok().flatten().and_then(|xml| core_title(&xml));
    Ok(WholeFile { title, ..WholeFile::text(text) })
}

/// The text of part `name`, `None` when the archive has no such part. At most `MAX_BYTES` are
/// unpacked: a zip bomb gets an error, not all the memory.
fn read_part(archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(why)) => {
            return Err(format!("the Word document cannot be opened: {why} (is it password-protected?)"))
        }
        Err(e) => return Err(format!("the Word document is damaged: {name}: {e}")),
    };
    let mut bytes = Vec::new();
    part.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("the Word document is damaged: {name}: {e}"))?;
    if bytes.len() > MAX_BYTES {
        return Err(format!("the Word document's {name} unpacks to more than {} MB", MAX_BYTES / (1024 * 1024)));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| format!("the Word document's {name} is not UTF-8 XML"))
}

/// Where the reader is in the body.
#[derive(Default)]
struct BodyState {
    text: String,
    /// The paragraph being read.
    paragraph: String,
    /// Inside a `w:t` run text.
    in_run_text: bool,
    /// Depth inside a subtree that is not shown (`mc:Fallback`); 0 outside one.
    hidden_depth: usize,
}

impl BodyState {
    fn end_paragraph(&mut self) {
        let line = self.paragraph.trim_end();
        if !line.trim().is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(line);
        }
        self.paragraph.clear();
    }

    fn start(&mut self, tag: &BytesStart<'_>) {
        if self.hidden_depth > 0 {
            self.hidden_depth += 1;
            return;
        }
        match local_name(tag).as_str() {
            "t" => self.in_run_text = true,
            // The fallback copy of a text box repeats what the preferred copy says.
            "Fallback" => self.hidden_depth = 1,
            _ => {}
        }
    }

    fn empty(&mut self, tag: &BytesStart<'_>) {
        if self.hidden_depth > 0 {
            return;
        }
        match local_name(tag).as_str() {
            "tab" => self.paragraph.push('\t'),
            "br" | "cr" => self.paragraph.push('\n'),
            "noBreakHyphen" => self.paragraph.push('-'),
            "p" => self.end_paragraph(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.hidden_depth > 0 {
            self.hidden_depth -= 1;
            return;
        }
        match name {
            "t" => self.in_run_text = false,
            "p" => self.end_paragraph(),
            _ => {}
        }
    }

    fn push(&mut self, content: &str) {
        if self.in_run_text && self.hidden_depth == 0 {
            self.paragraph.push_str(content);
        }
    }
}

/// The local name of a tag (`w:t` → `t`).
fn local_name(tag: &BytesStart<'_>) -> String {
    tag.local_name().as_ref().to_string()
}

/// The paragraphs of `word/document.xml`, separated by blank lines.
fn body_text(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut state = BodyState::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!("the Word document's text is malformed XML near byte {}: {e}", reader.error_position())
        })?;
        match event {
            Event::Start(tag) => state.start(&tag),
            Event::Empty(tag) => state.empty(&tag),
            Event::End(tag) => state.end(tag.local_name().as_ref()),
            Event::Text(text) => state.push(&text),
            Event::CData(data) => state.push(&data),
            Event::GeneralRef(reference) => {
                if let Some(c) = resolve_reference(&reference) {
                    state.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    state.end_paragraph();
    Ok(state.text)
}

/// The `dc:title` of the document's core properties, when set.
fn core_title(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(tag) => in_title = tag.local_name().as_ref() == "title",
            Event::End(_) => in_title = false,
            Event::Text(text) if in_title => title.push_str(&text),
            Event::GeneralRef(reference) if in_title => title.extend(resolve_reference(&reference)),
            Event::Eof => break,
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A .docx holding `body` (the inside of `w:body`) and, when given, a title property.
    pub(crate) fn docx(body: &str, title: Option<&str>) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        );
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.start_file("word/header1.xml", options).unwrap();
        zip.write_all(b"<w:hdr><w:p><w:r><w:t>RUNNING HEADER Monday</w:t></w:r></w:p></w:hdr>").unwrap();
        if let Some(title) = title {
            zip.start_file("docProps/core.xml", options).unwrap();
            let core = format!(
                r#"<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>"#
            );
            zip.write_all(core.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn paragraphs_become_blocks_and_hidden_text_stays_out() {
        let body = concat!(
            "<w:p><w:r><w:t>Fire at the mill</w:t></w:r></w:p>",
            "<w:p><w:r><w:t xml:space=\"preserve\">Crews arrived on </w:t></w:r><w:r><w:t>Tuesday</w:t></w:r>",
            "<w:r><w:delText>Monday</w:delText></w:r><w:r><w:instrText>DATE \\@ yyyy</w:instrText></w:r>",
            "<w:r><w:t>, 13 June 2023 &amp; stayed.</w:t></w:r></w:p>",
            "<w:p/>",
            "<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>Box</w:t></mc:Choice>",
            "<mc:Fallback><w:p><w:r><w:t>Box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        let read = extract(&docx(body, Some("The  mill fire"))).unwrap();
        assert_eq!(
            read.text,
            "Fire at the mill\n\nCrews arrived on Tuesday, 13 June 2023 & stayed.\n\nBox\n\nCell one"
        );
        assert_eq!(read.title.as_deref(), Some("The mill fire"));
    }

    #[test]
    fn other_zips_and_damaged_files_say_why() {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("photo.jpg", zip::write::SimpleFileOptions::default()).unwrap();
        zip.finish().unwrap();
        let message = extract(&out.into_inner()).unwrap_err();
        assert!(message.contains("no word/document.xml"), "{message}");
        let message = extract(b"PK\x03\x04 truncated").unwrap_err();
        assert!(message.contains("not a readable zip archive"), "{message}");
        let bad_xml = docx("<w:p><w:r><w:t>open", None);
        assert!(extract(&bad_xml).unwrap_err().contains("malformed XML"));
    }
}
