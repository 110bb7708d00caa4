//! The chronology report as Markdown (CommonMark): a heading per day, a list item per story
//! event with its sources' sentences quoted beneath it, numbered to the list of sources and
//! linked to the articles (link reference definitions at the end). Text
//! from the articles is escaped so that it reads as written, never as Markdown.

use super::{Chronology, Entry, Finding, Quote};
use std::fmt::Write;

pub fn render(report: &Chronology) -> String {
    let mut out = String::with_capacity(4096 + report.entry_count() * 256);
    out.push_str("# Chronology\n\n");
    let _ = write!(out, "Day zero: **{}**", report.day_zero);
    if let Some(why) = &report.day_zero_why {
        let _ = write!(out, " ({})", escape(why));
    }
    let _ = writeln!(out, ". {} sources, {} story events.\n", report.sources.len(), report.entry_count());
    out.push_str("## Sources\n\n");
    for source in &report.sources {
        let _ = write!(out, "{}. [{}](<{}>)", source.number, escape(source.title), link(source.path));
        if let Some(published) = source.published {
            let _ = write!(out, ", published {}", escape(published));
        }
        out.push('\n');
    }
    for period in &report.periods {
        let _ = writeln!(out, "\n## {}\n", escape(&period.heading));
        for entry in &period.entries {
            push_entry(&mut out, entry);
        }
    }
    push_findings(&mut out, "Conflicts between sources", &report.conflicts);
    push_findings(&mut out, "Where sources agree", &report.agreements);
    push_source_links(&mut out, report);
    out
}

/// A link reference definition per source, so that every quote's "[2]" is a link to its
/// article, with the article's title as the link's title: "[2]: <path> \"Title\"".
fn push_source_links(out: &mut String, report: &Chronology) {
    out.push('\n');
    for source in &report.sources {
        let title: String = escape(source.title).replace('"', "\\\"");
        let _ = writeln!(out, "[{}]: <{}> \"{title}\"", source.number, link(source.path));
    }
}

fn push_entry(out: &mut String, entry: &Entry) {
    out.push_str("- ");
    if let Some(time) = &entry.time {
        let _ = write!(out, "**{}** ", escape(time));
    }
    out.push_str(&escape(entry.label));
    let sources = entry.quotes.iter().map(|q| q.source).collect::<std::collections::BTreeSet<_>>().len();
    let mut notes: Vec<String> = Vec::new();
    if sources > 1 {
        notes.push(format!("{sources} sources"));
    }
    notes.extend(entry.marks.iter().map(|m| m.to_string()));
    if !notes.is_empty() {
        let _ = write!(out, " *({})*", notes.join(", "));
    }
    out.push('\n');
    push_quotes(out, &entry.quotes);
}

fn push_quotes(out: &mut String, quotes: &[Quote]) {
    for quote in quotes {
        let _ = writeln!(out, "  - \u{201c}{}\u{201d} [{}]", escape(quote.sentence), quote.source);
    }
}

fn push_findings(out: &mut String, title: &str, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {title}\n");
    for finding in findings {
        let _ = writeln!(out, "- **{}**: {}", escape(finding.subject), escape(finding.explanation));
        push_quotes(out, &finding.quotes);
    }
}

/// `text` on one line, every character Markdown could read as inline markup backslash-escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Text never starts a line (it follows "- ", "## " or other text), so list and heading
        // markers need no escape; emphasis, code, links, raw HTML and entities do.
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A path as a link destination inside `<...>`: bytes other than unreserved characters and `/`
/// percent-encoded, so spaces, brackets and line breaks cannot end the link.
pub fn link(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
