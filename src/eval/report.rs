//! Plain-text rendering of an `EvalReport`: the overall micro scores, scores per TIMEX3 type, a
//! table per document (by name), the notes, and optionally every error with gold vs system text
//! and value.

use super::score::{Counts, Entity, TYPES};
use super::EvalReport;
use std::fmt::Write;

/// Renders the report; `errors` adds the error listing.
pub fn render(report: &EvalReport, errors: bool) -> String {
    let mut out = String::new();
    let total = &report.overall;
    let _ = writeln!(
        out,
        "TempEval-3 style TIMEX3 evaluation: {} document{}, {} gold, {} system mentions",
        report.documents.len(),
        if report.documents.len() == 1 { "" } else { "s" },
        total.gold,
        total.system
    );
    let _ = writeln!(out, "(token-based extents; type/value F1 = attribute accuracy on relaxed matches x relaxed F1)");
    out.push('\n');
    let width = report.documents.iter().map(|d| d.name.chars().count()).max().unwrap_or(0).max(16);
    header(&mut out, width);
    row(&mut out, "OVERALL (micro)", total, width);
    out.push_str("\nBy type (relaxed): recall over the gold of the type, precision over the system mentions of\n");
    out.push_str("the type, value accuracy over the found gold of the type\n");
    let _ =
        writeln!(out, "{:<10} {:>6} {:>8} {:>6} {:>10} {:>9}", "type", "gold", "recall", "sys", "precision", "value");
    for (timex_type, c) in TYPES.iter().zip(&report.by_type) {
        let _ = writeln!(
            out,
            "{:<10} {:>6} {:>8} {:>6} {:>10} {:>9}",
            timex_type.as_str(),
            c.gold,
            pct(c.recall(), c.gold),
            c.system,
            pct(c.precision(), c.system),
            pct(c.value_accuracy(), c.gold_found),
        );
    }
    out.push_str("\nPer document:\n");
    header(&mut out, width);
    for doc in &report.documents {
        row(&mut out, &doc.name, &doc.counts, width);
    }
    if !report.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for note in &report.notes {
            let _ = writeln!(out, "  {note}");
        }
    }
    if errors {
        let count: usize = report.documents.iter().map(|d| d.errors.len()).sum();
        let _ = writeln!(out, "\nErrors ({count}):");
        for doc in &report.documents {
            for error in &doc.errors {
                let _ = write!(out, "  {}  {:<8}", doc.name, error.kind.label());
                match (&error.gold, &error.system) {
                    (Some(g), Some(s)) => {
                        let _ = writeln!(out, "  gold {}  vs  system {}", entity(g), entity(s));
                    }
                    (Some(g), None) => {
                        let _ = writeln!(out, "  gold {}", entity(g));
                    }
                    (None, Some(s)) => {
                        let _ = writeln!(out, "  system {}", entity(s));
                    }
                    (None, None) => out.push('\n'),
                }
            }
        }
    }
    out
}

fn header(out: &mut String, width: usize) {
    let _ = writeln!(
        out,
        "{:<width$} {:>5} {:>5} | {:>27} | {:>27} | {:>6} {:>6}",
        "", "", "", "strict", "relaxed", "type", "value"
    );
    let _ = writeln!(
        out,
        "{:<width$} {:>5} {:>5} | {:>8} {:>8} {:>9} | {:>8} {:>8} {:>9} | {:>6} {:>6}",
        "document", "gold", "sys", "P", "R", "F1", "P", "R", "F1", "F1", "F1"
    );
    let _ = writeln!(out, "{}", "-".repeat(width + 84));
}

fn row(out: &mut String, name: &str, c: &Counts, width: usize) {
    let strict = c.strict();
    let relaxed = c.relaxed();
    let _ = writeln!(
        out,
        "{:<width$} {:>5} {:>5} | {:>8} {:>8} {:>9} | {:>8} {:>8} {:>9} | {:>6} {:>6}",
        name,
        c.gold,
        c.system,
        pct(strict.precision, c.system),
        pct(strict.recall, c.gold),
        pct(strict.f1, c.gold + c.system),
        pct(relaxed.precision, c.system),
        pct(relaxed.recall, c.gold),
        pct(relaxed.f1, c.gold + c.system),
        pct(c.type_f1(), c.gold + c.system),
        pct(c.value_f1(), c.gold + c.system),
    );
}

/// A score as a percentage, or "-" when it is undefined (nothing to divide by).
fn pct(value: f64, denominator: usize) -> String {
    if denominator == 0 {
        "-".to_string()
    } else {
        format!("{:.1}", value * 100.0)
    }
}

fn entity(e: &Entity) -> String {
    format!("{:?} [{}..{}] {} {}", e.text, e.start, e.end, e.timex_type.as_str(), e.value)
}

/// Renders an event-dating report (`super::run_events`); `errors` adds one line per sentence
/// with no event or a wrongly dated one.
pub fn render_events(report: &super::EventReport, errors: bool) -> String {
    let mut out = String::new();
    let total = &report.overall;
    let _ = writeln!(
        out,
        "Event dating against the gold TLINKs: {} document{}, {} sentences report an event the gold dates",
        report.documents.len(),
        if report.documents.len() == 1 { "" } else { "s" },
        total.all.reporting
    );
    out.push_str("(recall: sentences with an event; precision: events starting on a gold date of their sentence)\n\n");
    let _ = writeln!(out, "{:<28} {:>16} {:>16}", "", "recall", "precision");
    for (name, counts) in [("every event", &total.all), ("phrase-dated events only", &total.phrase_only)] {
        let _ = writeln!(
            out,
            "{:<28} {:>16} {:>16}",
            name,
            format!("{}/{} {}", counts.found, counts.reporting, pct(counts.recall(), counts.reporting)),
            format!("{}/{} {}", counts.right, counts.placed, pct(counts.precision(), counts.placed)),
        );
    }
    out.push_str("\nBy placement: events in dated sentences, and how many start on a gold date\n");
    for (name, (placed, right)) in super::events::PLACEMENTS.iter().zip(total.by_placement) {
        let share = if placed == 0 { 0.0 } else { right as f64 / placed as f64 };
        let _ = writeln!(out, "  {name:<24} {right:>5}/{placed:<5} {}", pct(share, placed));
    }
    let baseline =
        if total.all.reporting == 0 { 0.0 } else { total.publication_date_right as f64 / total.all.reporting as f64 };
    let _ = writeln!(
        out,
        "\nEvery sentence dated at its publication date would be right in {}/{} ({})",
        total.publication_date_right,
        total.all.reporting,
        pct(baseline, total.all.reporting)
    );
    if !report.notes.is_empty() {
        out.push_str("\nNotes:\n");
        for note in &report.notes {
            let _ = writeln!(out, "  {note}");
        }
    }
    if errors {
        out.push_str("\nSentences with no event or a wrongly dated one:\n");
        for line in &total.errors {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
