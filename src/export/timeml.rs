//! TimeML export: the untouched document text, XML-escaped, with inline `TIMEX3` tags for the
//! mentions (code point offsets), a `DOCID` from the file stem and the `DCT` when known. Reading
//! the result back with `ingest` gives the same text and the same mention spans. Characters XML
//! 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are written as U+FFFD, one for one, so the
//! output stays well-formed and every code point offset stays the same; the count is reported.

use crate::ingest::Document;
use crate::text::offsets::CharOffsets;
use crate::timeline::Mention;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What stands in for a character XML 1.0 cannot hold.
pub const REPLACEMENT: char = '\u{FFFD}';

/// A TimeML document and how many characters had to be replaced to make it well-formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlText {
    pub xml: String,
    /// Characters XML forbids, written as [`REPLACEMENT`].
    pub replaced: usize,
}

/// The file name the TimeML export of `input` gets: its file stem with `.tml` (`None` when the
/// path has no file name). `extract --timeml` and the output checks use this one rule.
pub fn output_name(input: &Path) -> Option<PathBuf> {
    let mut name: OsString = input.file_stem()?.to_os_string();
    name.push(".tml");
    Some(PathBuf::from(name))
}

/// Writes `doc` with `mentions` as a TimeML document. `dct` (a TIMEX3 value) overrides the
/// document's own DCT. Mentions that overlap an earlier one or fall outside the text are left
/// out, since TIMEX3 tags cannot nest.
pub fn to_timeml(doc: &Document, mentions: &[Mention], dct: Option<&str>) -> String {
    render(doc, mentions.iter(), dct).xml
}

/// As [`to_timeml`], from borrowed mentions, also saying how many characters were replaced.
pub fn render<'a>(doc: &Document, mentions: impl IntoIterator<Item = &'a Mention>, dct: Option<&str>) -> TimemlText {
    let mut replaced = 0usize;
    let xml = write_document(doc, mentions, dct, &mut replaced);
    TimemlText { xml, replaced }
}

fn write_document<'a>(
    doc: &Document,
    mentions: impl IntoIterator<Item = &'a Mention>,
    dct: Option<&str>,
    replaced: &mut usize,
) -> String {
    let text = &doc.text;
    let offsets = CharOffsets::new(text);
    let mut ordered: Vec<&Mention> = mentions.into_iter().collect();
    ordered.sort_by_key(|m| (m.start, m.end));
    let mut out = String::with_capacity(text.len() + ordered.len() * 96 + 512);
    out.push_str("<?xml version=\"1.0\" ?>\n");
    out.push_str(
        "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n",
    );
    let stem = doc.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    out.push_str("<DOCID>");
    escape_text(&stem, &mut out, replaced);
    out.push_str("</DOCID>\n\n");
    if let Some(value) = dct.or(doc.dct.as_deref()).map(str::trim).filter(|v| !v.is_empty()) {
        let kind = if value.contains('T') { "TIME" } else { "DATE" };
        out.push_str("<DCT><TIMEX3 tid=\"t0\" type=\"");
        out.push_str(kind);
        out.push_str("\" value=\"");
        escape_attribute(value, &mut out, replaced);
        out.push_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
        escape_text(value, &mut out, replaced);
        out.push_str("</TIMEX3></DCT>\n\n");
    }
    if !doc.title.trim().is_empty() {
        out.push_str("<TITLE>");
        escape_text(doc.title.trim(), &mut out, replaced);
        out.push_str("</TITLE>\n\n");
    }
    out.push_str("<TEXT>");
    let len_chars = offsets.len_chars();
    let mut cursor = 0usize; // byte offset written so far
    let mut next_tid = 1usize;
    for mention in ordered {
        if mention.start >= mention.end || mention.end > len_chars {
            continue;
        }
        let start = offsets.byte_at(mention.start);
        let end = offsets.byte_at(mention.end);
        if start < cursor {
            continue;
        }
        escape_text(&text[cursor..start], &mut out, replaced);
        out.push_str("<TIMEX3 tid=\"t");
        out.push_str(&next_tid.to_string());
        out.push_str("\" type=\"");
        out.push_str(mention.timex_type.as_str());
        out.push_str("\" value=\"");
        escape_attribute(&mention.value, &mut out, replaced);
        out.push('"');
        if let Some(modifier) = mention.modifier.as_deref().filter(|m| !m.is_empty()) {
            out.push_str(" mod=\"");
            escape_attribute(modifier, &mut out, replaced);
            out.push('"');
        }
        out.push('>');
        escape_text(&text[start..end], &mut out, replaced);
        out.push_str("</TIMEX3>");
        cursor = end;
        next_tid += 1;
    }
    escape_text(&text[cursor..], &mut out, replaced);
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

/// True for the characters XML 1.0 does not allow anywhere, not even as `&#N;` references.
pub fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Escapes character data (`&`, `<`, `>`); forbidden characters become [`REPLACEMENT`].
fn escape_text(s: &str, out: &mut String, replaced: &mut usize) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ if forbidden_in_xml(c) => {
                out.push(REPLACEMENT);
                *replaced += 1;
            }
            _ => out.push(c),
        }
    }
}

/// Escapes an attribute value (also quotes and the whitespace XML would normalise away).
fn escape_attribute(s: &str, out: &mut String, replaced: &mut usize) {
    for c in s.chars() {
        match c {
            _ if forbidden_in_xml(c) => {
                out.push(REPLACEMENT);
                *replaced += 1;
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::SourceFormat;
    use crate::timex::TimexType;
    use std::path::PathBuf;

    fn mention(text: &str, start: usize, end: usize, value: &str) -> Mention {
        Mention {
            id: smol_str::format_smolstr!("d1-m{start}"),
            doc: "d1".into(),
            text: text.chars().skip(start).take(end - start).collect::<String>().into(),
            start,
            end,
            timex_type: TimexType::Date,
            value: value.into(),
            modifier: None,
            interval: None,
            granularity: None,
            rule: "test".into(),
            explanation: "".into(),
            sentence: 0,
        }
    }

    fn doc(text: &str) -> Document {
        Document {
            path: PathBuf::from("/tmp/story one.txt"),
            title: "Story & more".into(),
            text: text.into(),
            dct: None,
            byline: None,
            format: SourceFormat::Text,
            breaks: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Drops tags and decodes the five entities (enough for what `to_timeml` writes).
    fn strip(xml: &str) -> String {
        let mut plain = String::new();
        let mut in_tag = false;
        for c in xml.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => plain.push(c),
                _ => {}
            }
        }
        plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
    }

    #[test]
    fn stripping_tags_gives_back_the_text() {
        let text = "Zoë’s AT&T deal <closed> on May 3 & “5 days” later.\n\nEnd";
        let start = text.chars().position(|c| c == 'M').unwrap();
        let days = text.chars().position(|c| c == '5').unwrap();
        let mentions = vec![mention(text, days, days + 6, "P5D"), mention(text, start, start + 5, "2023-05-03")];
        let xml = to_timeml(&doc(text), &mentions, Some("2023-05-10"));
        let inner = &xml[xml.find("<TEXT>").unwrap() + 6..xml.find("</TEXT>").unwrap()];
        assert_eq!(strip(inner), text);
        assert!(inner.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-05-03\">May 3</TIMEX3>"), "{inner}");
        assert!(inner.contains("tid=\"t2\" type=\"DATE\" value=\"P5D\">5 days</TIMEX3>"), "{inner}");
        assert!(xml.contains("<DOCID>story one</DOCID>"));
        assert!(xml.contains("value=\"2023-05-10\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\""));
        assert!(xml.contains("<TITLE>Story &amp; more</TITLE>"));
    }

    #[test]
    fn overlapping_and_out_of_range_mentions_are_skipped() {
        let text = "on Monday morning";
        let mut out_of_range = mention(text, 3, 9, "Y");
        out_of_range.end = 40;
        let mentions = [mention(text, 3, 17, "X"), mention(text, 3, 9, "Y"), mention(text, 10, 40, "Z"), out_of_range];
        let xml = to_timeml(&doc(text), &mentions, None);
        assert_eq!(xml.matches("<TIMEX3").count(), 1);
        assert!(!xml.contains("<DCT>"));
        let inner = &xml[xml.find("<TEXT>").unwrap() + 6..xml.find("</TEXT>").unwrap()];
        assert_eq!(strip(inner), text);
    }

    #[test]
    fn modifier_is_written() {
        let text = "about three years";
        let mut m = mention(text, 0, 17, "P3Y");
        m.timex_type = TimexType::Duration;
        m.modifier = Some("APPROX".into());
        let xml = to_timeml(&doc(text), &[m], None);
        assert!(xml
            .contains("<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P3Y\" mod=\"APPROX\">about three years</TIMEX3>"));
    }
}
