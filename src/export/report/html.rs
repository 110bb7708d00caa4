//! The chronology report as one self-contained HTML page: inline CSS, no scripts, no external
//! resources, so it opens in any browser and survives being mailed. Every text from the articles
//! is escaped; each quote links to its numbered source, each conflict to its story event.

use super::markdown::link;
use super::{Chronology, Entry, Finding, Quote};
use crate::export::html_text::escape;
use std::fmt::Write;

const STYLE: &str = "body{font:16px/1.5 Georgia,serif;color:#1d1d1f;background:#fff;margin:0}\
main{max-width:46rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;margin-top:2rem}\
h3{font-size:1rem;margin:.8rem 0 .2rem}.time{color:#555;margin-right:.4rem}\
.meta{color:#555;font-size:.9rem}.mark{font:600 .75rem sans-serif;border-radius:.6rem;padding:0 .45rem;\
margin-left:.35rem;background:#eee;color:#333}.mark.disputed{background:#fde2e1;color:#8a1c13}\
blockquote{margin:.2rem 0 .2rem 1rem;padding-left:.7rem;border-left:3px solid #ccc;color:#333}\
a{color:#0b5cad}ol.sources li{margin:.2rem 0}";

pub fn render(report: &Chronology) -> String {
    let mut out = String::with_capacity(8192 + report.entry_count() * 400);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = write!(out, "<title>Chronology</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n");
    out.push_str("<h1>Chronology</h1>\n");
    let _ = write!(out, "<p class=\"meta\">Day zero: <strong>{}</strong>", escape(&report.day_zero));
    if let Some(why) = &report.day_zero_why {
        let _ = write!(out, " ({})", escape(why));
    }
    let _ = writeln!(out, ". {} sources, {} story events.</p>", report.sources.len(), report.entry_count());
    out.push_str("<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for source in &report.sources {
        let _ = write!(
            out,
            "<li id=\"source-{}\"><a href=\"{}\">{}</a>",
            source.number,
            escape(&file_url(source.path)),
            escape(source.title)
        );
        if let Some(published) = source.published {
            let _ = write!(out, " <span class=\"meta\">published {}</span>", escape(published));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    for period in &report.periods {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&period.heading));
        for entry in &period.entries {
            push_entry(&mut out, entry);
        }
        out.push_str("</section>\n");
    }
    push_findings(&mut out, "Conflicts between sources", &report.conflicts);
    push_findings(&mut out, "Where sources agree", &report.agreements);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn push_entry(out: &mut String, entry: &Entry) {
    let _ = write!(out, "<article id=\"{}\">\n<h3>", anchor(entry.id));
    if let Some(time) = &entry.time {
        let _ = write!(out, "<span class=\"time\">{}</span>", escape(time));
    }
    out.push_str(&escape(entry.label));
    for mark in &entry.marks {
        let _ = write!(out, "<span class=\"mark {}\">{mark}</span>", mark.replace(' ', "-"));
    }
    out.push_str("</h3>\n");
    push_quotes(out, &entry.quotes);
    out.push_str("</article>\n");
}

fn push_quotes(out: &mut String, quotes: &[Quote]) {
    for quote in quotes {
        let _ = writeln!(
            out,
            "<blockquote>\u{201c}{}\u{201d} <a href=\"#source-{n}\">[{n}]</a></blockquote>",
            escape(quote.sentence),
            n = quote.source
        );
    }
}

fn push_findings(out: &mut String, title: &str, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    let _ = writeln!(out, "<section>\n<h2>{title}</h2>\n<ul>");
    for finding in findings {
        let _ = write!(out, "<li><strong>{}</strong>: {}", escape(finding.subject), escape(finding.explanation));
        if let Some(entry) = finding.entry {
            let _ = write!(out, " <a href=\"#{}\">(in the chronology)</a>", anchor(entry));
        }
        out.push('\n');
        push_quotes(out, &finding.quotes);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

/// An element id for a story event id (ids are letters, digits and dashes; anything else is
/// dropped so the id stays valid and unquoted-safe).
fn anchor(id: &str) -> String {
    let clean: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    format!("story-{clean}")
}

/// A link to an article: `file://` and the encoded path for an absolute path, else the encoded
/// relative path (relative to where the report is opened).
fn file_url(path: &str) -> String {
    if path.starts_with('/') {
        format!("file://{}", link(path))
    } else {
        link(path)
    }
}
