//! TimeML reader (TempEval-3 `.tml` / `.TE3input`): the document text is exactly the character
//! content of the `TEXT` element (entities decoded, inner tags removed), so code point offsets
//! line up with the TempEval-3 tools; the DCT comes from `<DCT><TIMEX3 value=..>`, the title from
//! `<TITLE>`, and the gold `TIMEX3`s inside `TEXT` are returned with code point offsets, as are
//! the gold `EVENT`s, with the `MAKEINSTANCE`s and `TLINK`s that tie them to times
//! (`crate::eval::events` dates events with them).

use crate::timex::TimexType;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One gold TIMEX3 of the `TEXT` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub tid: String,
    /// Code point offsets into `Document::text`, half-open.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub timex_type: TimexType,
    pub value: String,
    pub modifier: Option<String>,
}

/// What the reader found in one TimeML file.
#[derive(Debug, Default)]
pub struct ParsedTimeMl {
    pub text: String,
    pub title: Option<String>,
    pub dct: Option<String>,
    pub timexes: Vec<GoldTimex>,
    /// Byte offsets into `text` where an element of `TEXT` other than an inline annotation opens
    /// or closes (`<s>`, `<p>`, `<HEADLINE>`): sentence boundaries even where no whitespace
    /// separates the elements' text. Sorted, distinct, inside the text.
    pub breaks: Vec<usize>,
    pub warnings: Vec<String>,
    /// The `tid` of the DCT's TIMEX3, which TLINKs use to point at the publication date.
    pub dct_tid: Option<String>,
    /// The gold `EVENT`s of `TEXT`, in text order.
    pub events: Vec<GoldEvent>,
    /// `MAKEINSTANCE`s as (event instance id, event id).
    pub instances: Vec<(String, String)>,
    pub links: Vec<GoldLink>,
}

/// One gold EVENT of the `TEXT` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    pub eid: String,
    /// TimeML's event class (`OCCURRENCE`, `REPORTING`, `STATE`...).
    pub class: String,
    /// Code point offsets into `Document::text`, half-open.
    pub start: usize,
    pub end: usize,
}

/// One end of a TLINK: an event instance (`eiid`) or a time (`tid`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkEnd {
    EventInstance(String),
    Time(String),
}

/// A gold TLINK: `from` stands in relation `rel_type` (`IS_INCLUDED`, `BEFORE`...) to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldLink {
    pub rel_type: String,
    pub from: LinkEnd,
    pub to: LinkEnd,
}

/// Elements of `TEXT` that mark up words inside a sentence; every other element is a block.
const INLINE_ELEMENTS: &[&str] =
    &["TIMEX3", "TIMEX2", "EVENT", "SIGNAL", "ENAMEX", "NUMEX", "CARDINAL", "MAKEINSTANCE", "C-SIGNAL"];

/// An open TIMEX3 inside TEXT.
struct OpenTimex {
    tid: String,
    start: usize,
    byte_start: usize,
    timex_type: Option<TimexType>,
    raw_type: String,
    value: String,
    modifier: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Other,
    Text,
    Dct,
    Title,
}

/// Parses a decoded TimeML document; `Err` says what is malformed.
pub fn parse(xml: &str) -> Result<ParsedTimeMl, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().allow_dangling_amp = true;
    let mut out = ParsedTimeMl::default();
    let mut section = Section::Other;
    let mut section_depth = 0usize;
    let mut depth = 0usize;
    let mut seen_text = false;
    let mut closed_text = false;
    let mut chars = 0usize;
    let mut title = String::new();
    let mut open: Option<OpenTimex> = None;
    let mut open_event: Option<GoldEvent> = None;
    let mut unknown_entities = 0usize;
    loop {
        let event =
            reader.read_event().map_err(|e| format!("malformed TimeML near byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(tag) => {
                depth += 1;
                let name = tag_name(&tag);
                read_link(&name, &tag, &mut out);
                match section {
                    Section::Other => {
                        let entered = match name.as_str() {
                            "TEXT" if !seen_text => Section::Text,
                            "DCT" => Section::Dct,
                            "TITLE" => Section::Title,
                            _ => Section::Other,
                        };
                        if entered != Section::Other {
                            section = entered;
                            section_depth = depth;
                            seen_text |= entered == Section::Text;
                        }
                    }
                    Section::Text if !is_inline(&name) => add_break(&mut out),
                    Section::Text if name == "TIMEX3" => {
                        if let Some(outer) = &open {
                            return Err(format!(
                                "malformed TimeML: TIMEX3 nested inside TIMEX3 {} near byte {}",
                                outer.tid,
                                reader.buffer_position()
                            ));
                        }
                        open = Some(open_timex(&tag, chars, out.text.len())?);
                    }
                    Section::Text if name == "EVENT" => open_event = Some(open_gold_event(&tag, chars)),
                    Section::Dct if name == "TIMEX3" && out.dct.is_none() => read_dct(&tag, &mut out)?,
                    _ => {}
                }
            }
            Event::Empty(tag) => {
                let name = tag_name(&tag);
                read_link(&name, &tag, &mut out);
                if section == Section::Dct && name == "TIMEX3" && out.dct.is_none() {
                    read_dct(&tag, &mut out)?;
                }
                if section == Section::Text && !is_inline(&name) {
                    add_break(&mut out);
                }
                if section == Section::Other && name == "TEXT" && !seen_text {
                    seen_text = true;
                    closed_text = true;
                }
            }
            Event::End(tag) => {
                let name = String::from_utf8_lossy(tag.name().as_ref().as_bytes()).into_owned();
                if section == Section::Text && name == "TIMEX3" {
                    if let Some(timex) = open.take() {
                        finish_timex(timex, chars, &mut out);
                    }
                }
                if section == Section::Text && name == "EVENT" {
                    if let Some(event) = open_event.take() {
                        out.events.push(GoldEvent { end: chars, ..event });
                    }
                }
                if section == Section::Text && depth > section_depth && !is_inline(&name) {
                    add_break(&mut out);
                }
                if section != Section::Other && depth == section_depth {
                    if section == Section::Text {
                        closed_text = true;
                    }
                    section = Section::Other;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) => {
                let content: &str = &text;
                push_content(section, content, &mut out.text, &mut chars, &mut title);
            }
            Event::CData(data) => {
                let content: &str = &data;
                push_content(section, content, &mut out.text, &mut chars, &mut title);
            }
            Event::GeneralRef(reference) => {
                let resolved = resolve_reference(&reference);
                let content = match resolved {
                    Some(c) => c.to_string(),
                    None => {
                        if section == Section::Text {
                            unknown_entities += 1;
                        }
                        format!("&{};", &*reference)
                    }
                };
                push_content(section, &content, &mut out.text, &mut chars, &mut title);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_text {
        return Err("not TimeML: no <TEXT> element".to_string());
    }
    if !closed_text {
        return Err("malformed TimeML: the <TEXT> element is never closed".to_string());
    }
    if let Some(timex) = open {
        return Err(format!("malformed TimeML: TIMEX3 {} is never closed", timex.tid));
    }
    if unknown_entities > 0 {
        out.warnings.push(format!(
            "{unknown_entities} unknown XML entit{} kept as written",
            if unknown_entities == 1 { "y was" } else { "ies were" }
        ));
    }
    let length = out.text.len();
    out.breaks.retain(|&at| at < length);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !title.is_empty() {
        out.title = Some(title);
    }
    Ok(out)
}

fn is_inline(name: &str) -> bool {
    INLINE_ELEMENTS.iter().any(|inline| inline.eq_ignore_ascii_case(name))
}

/// A sentence boundary at the end of the text read so far.
fn add_break(out: &mut ParsedTimeMl) {
    let at = out.text.len();
    if at > 0 && out.breaks.last() != Some(&at) {
        out.breaks.push(at);
    }
}

fn push_content(section: Section, content: &str, text: &mut String, chars: &mut usize, title: &mut String) {
    match section {
        Section::Text => {
            text.push_str(content);
            *chars += content.chars().count();
        }
        Section::Title => title.push_str(content),
        _ => {}
    }
}

fn tag_name(tag: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(tag.name().as_ref().as_bytes()).into_owned()
}

/// The unescaped value of attribute `name`, if present.
fn attribute(tag: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
    match tag.try_get_attribute(name) {
        Ok(Some(attr)) => match attr.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => Ok(Some(value.into_owned())),
            Err(_) => Ok(Some(attr.value.to_string())),
        },
        Ok(None) => Ok(None),
        Err(e) => Err(format!("malformed TimeML: bad attributes on <{}>: {e}", tag_name(tag))),
    }
}

fn open_timex(tag: &BytesStart<'_>, chars: usize, bytes: usize) -> Result<OpenTimex, String> {
    let raw_type = attribute(tag, "type")?.unwrap_or_default();
    Ok(OpenTimex {
        tid: attribute(tag, "tid")?.unwrap_or_default(),
        start: chars,
        byte_start: bytes,
        timex_type: parse_type(&raw_type),
        raw_type,
        value: attribute(tag, "value")?.unwrap_or_default(),
        modifier: attribute(tag, "mod")?.filter(|m| !m.is_empty()),
    })
}

fn read_dct(tag: &BytesStart<'_>, out: &mut ParsedTimeMl) -> Result<(), String> {
    out.dct = attribute(tag, "value")?.filter(|v| !v.trim().is_empty());
    out.dct_tid = attribute(tag, "tid")?;
    Ok(())
}

/// An attribute for the event-dating gold: a malformed one counts as absent, so that an odd
/// annotation never stops the text from being read.
fn lenient(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    attribute(tag, name).ok().flatten()
}

fn open_gold_event(tag: &BytesStart<'_>, chars: usize) -> GoldEvent {
    GoldEvent {
        eid: lenient(tag, "eid").unwrap_or_default(),
        class: lenient(tag, "class").unwrap_or_default(),
        start: chars,
        end: chars,
    }
}

/// Keeps a `MAKEINSTANCE` or a `TLINK` (wherever it stands); other tags are left alone.
fn read_link(name: &str, tag: &BytesStart<'_>, out: &mut ParsedTimeMl) {
    match name {
        "MAKEINSTANCE" => {
            if let (Some(eiid), Some(eid)) = (lenient(tag, "eiid"), lenient(tag, "eventID")) {
                out.instances.push((eiid, eid));
            }
        }
        "TLINK" => {
            let end = |event: &str, time: &str| match (lenient(tag, event), lenient(tag, time)) {
                (Some(eiid), _) => Some(LinkEnd::EventInstance(eiid)),
                (None, Some(tid)) => Some(LinkEnd::Time(tid)),
                (None, None) => None,
            };
            let from = end("eventInstanceID", "timeID");
            let to = end("relatedToEventInstance", "relatedToTime");
            if let (Some(from), Some(to), Some(rel_type)) = (from, to, lenient(tag, "relType")) {
                out.links.push(GoldLink { rel_type: rel_type.trim().to_ascii_uppercase(), from, to });
            }
        }
        _ => {}
    }
}

fn finish_timex(timex: OpenTimex, chars: usize, out: &mut ParsedTimeMl) {
    let text = out.text[timex.byte_start..].to_string();
    if chars == timex.start {
        return; // a non-consuming TIMEX3 covers no text and cannot be matched
    }
    let Some(timex_type) = timex.timex_type else {
        out.warnings
            .push(format!("TIMEX3 {} has unknown type {:?}; it is not used as gold", timex.tid, timex.raw_type));
        return;
    };
    out.timexes.push(GoldTimex {
        tid: timex.tid,
        start: timex.start,
        end: chars,
        text,
        timex_type,
        value: timex.value,
        modifier: timex.modifier,
    });
}

/// The four TIMEX3 types, case-insensitively.
pub fn parse_type(raw: &str) -> Option<TimexType> {
    match raw.trim().to_ascii_uppercase().as_str() {
        "DATE" => Some(TimexType::Date),
        "TIME" => Some(TimexType::Time),
        "DURATION" => Some(TimexType::Duration),
        "SET" => Some(TimexType::Set),
        _ => None,
    }
}

pub(crate) fn resolve_reference(reference: &BytesRef<'_>) -> Option<char> {
    if reference.is_char_ref() {
        return reference.resolve_char_ref().ok().flatten();
    }
    match &**reference {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// True when `text` starts like a TimeML document (used to sniff unknown extensions).
pub fn looks_like_timeml(text: &str) -> bool {
    let head = &text[..text.len().min(2048).min(floor_boundary(text, 2048))];
    head.contains("<TimeML") || (head.contains("<DOCID>") && text.contains("<TEXT>"))
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_exact_with_entities_and_offsets() {
        let xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\
                   <TEXT>\nAT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> &lt;ok&gt;</TEXT></TimeML>";
        let parsed = parse(xml).unwrap();
        assert_eq!(parsed.text, "\nAT&T said yesterday <ok>");
        assert_eq!(parsed.dct.as_deref(), Some("1998-01-08"));
        let t = &parsed.timexes[0];
        assert_eq!((t.start, t.end), (11, 20));
        assert_eq!(t.text, "yesterday");
    }

    /// Regression (issue #10 §4): `<s>` elements written back to back ran their sentences
    /// together ("…Boeing 737sJune 13 , 2005Irish…"); their edges are breaks now, and the text and
    /// the TIMEX3 offsets stay what the TempEval tools expect.
    #[test]
    fn sentence_elements_give_breaks_without_changing_the_text() {
        let xml = "<TimeML><TEXT><s>It ordered Boeing 737s</s><s><TIMEX3 tid=\"t1\" type=\"DATE\" \
                   value=\"2005-06-13\">June 13 , 2005</TIMEX3></s><s>Irish <EVENT eid=\"e1\">airline</EVENT> \
                   said</s></TEXT></TimeML>";
        let parsed = parse(xml).unwrap();
        assert_eq!(parsed.text, "It ordered Boeing 737sJune 13 , 2005Irish airline said");
        assert_eq!(parsed.breaks, vec![22, 36], "inline EVENT and TIMEX3 are no breaks");
        assert_eq!((parsed.timexes[0].start, parsed.timexes[0].end), (22, 36));
    }

    #[test]
    fn malformed_is_an_error_not_a_panic() {
        assert!(parse("<TimeML><TEXT>a <TIMEX3 tid=\"t1\">b</EVENT></TEXT></TimeML>").is_err());
        assert!(parse("<TimeML><TEXT>never closed").is_err());
        assert!(parse("<TimeML><DOCID>x</DOCID></TimeML>").unwrap_err().contains("no <TEXT>"));
    }

    #[test]
    fn lenient_with_bare_ampersands_and_unknown_entities() {
        let parsed = parse(
            "<TimeML><TEXT>AT&T &UR; <TIMEX3 tid=\"t1\" type=\"date\" value=\"1998\">1998</TIMEX3></TEXT></TimeML>",
        )
        .unwrap();
        assert_eq!(parsed.text, "AT&T &UR; 1998");
        assert_eq!((parsed.timexes[0].start, parsed.timexes[0].end), (10, 14));
        assert_eq!(parsed.timexes[0].timex_type, TimexType::Date);
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    }

    #[test]
    fn empty_timex_is_skipped() {
        let parsed = parse("<TimeML><TEXT>a <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\"/> b</TEXT></TimeML>").unwrap();
        assert_eq!(parsed.text, "a  b");
        assert!(parsed.timexes.is_empty());
    }
}
