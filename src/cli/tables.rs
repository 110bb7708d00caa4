//! The spreadsheet and publishing outputs that `extract` and `export` both offer: `--csv` (one
//! row per event), `--timelinejs` (Knight Lab's TimelineJS 3 JSON) and `--report` (the
//! chronology in Markdown or HTML), each to a file through the safe writer or to stdout with `-`.

use chronoscope::export::report::{self, Format};
use chronoscope::export::{csv, timelinejs};
use chronoscope::timeline::Timeline;
use clap::Args;
use std::io::{self, BufWriter};
use std::path::Path;

#[derive(Args, Default)]
pub struct TableArgs {
    /// Write one CSV row per event here (`-` for stdout): start, end, granularity, label,
    /// document, sentence, time phrase, value, edited, story, sources, placement.
    #[arg(long, value_name = "OUT|-")]
    pub csv: Option<String>,
    /// Write the timeline as TimelineJS 3 JSON here (`-` for stdout), to publish with Knight
    /// Lab's TimelineJS: one slide per story event, with its sources quoted.
    #[arg(long, value_name = "OUT|-")]
    pub timelinejs: Option<String>,
    /// Write the chronology report here (`-` for stdout): events in time order grouped by day,
    /// each with its sources' sentences quoted, then the conflicts. Markdown or self-contained
    /// HTML, by the file's extension (.md, .html) or `--report-format`.
    #[arg(long, value_name = "OUT.md|OUT.html|-")]
    pub report: Option<String>,
    /// The report's format when the extension does not say it (or for stdout): `md` or `html`.
    #[arg(long, value_name = "md|html", value_parser = parse_format, requires = "report")]
    pub report_format: Option<Format>,
}

fn parse_format(value: &str) -> Result<Format, String> {
    Format::parse(value).ok_or_else(|| format!("{value:?}: the report format is md or html"))
}

impl TableArgs {
    pub fn any(&self) -> bool {
        self.csv.is_some() || self.timelinejs.is_some() || self.report.is_some()
    }

    /// The report's format: `--report-format`, else the extension, else Markdown for stdout.
    /// An output file whose extension says neither is an error, before any work starts.
    pub fn report_format(&self) -> Result<Option<Format>, String> {
        let Some(target) = &self.report else { return Ok(None) };
        if let Some(format) = self.report_format {
            return Ok(Some(format));
        }
        if target == "-" {
            return Ok(Some(Format::Markdown));
        }
        match Format::of_path(Path::new(target)) {
            Some(format) => Ok(Some(format)),
            None => Err(format!("--report {target}: name it .md or .html, or give --report-format md|html")),
        }
    }

    /// Writes every output asked for; false when one failed (each failure is said).
    pub fn write(&self, timeline: &Timeline) -> bool {
        let mut ok = true;
        if let Some(target) = &self.csv {
            ok &= write_one("CSV", target, timeline, csv::to_writer, csv::write_file);
        }
        if let Some(target) = &self.timelinejs {
            ok &= write_one("TimelineJS", target, timeline, timelinejs::to_writer, timelinejs::write_file);
        }
        if let (Some(target), Ok(Some(format))) = (&self.report, self.report_format()) {
            ok &= write_report(target, timeline, format);
        }
        ok
    }
}

type ToWriter = fn(&Timeline, BufWriter<io::StdoutLock<'static>>) -> io::Result<()>;
type ToFile = fn(&Path, &Timeline) -> io::Result<()>;

fn write_one(what: &str, target: &str, timeline: &Timeline, to_writer: ToWriter, to_file: ToFile) -> bool {
    let result = if target == "-" {
        to_writer(timeline, BufWriter::new(io::stdout().lock()))
    } else {
        to_file(Path::new(target), timeline)
    };
    said(what, target, result)
}

fn write_report(target: &str, timeline: &Timeline, format: Format) -> bool {
    let result = if target == "-" {
        report::to_writer(timeline, format, BufWriter::new(io::stdout().lock()))
    } else {
        report::write_file(Path::new(target), timeline, format)
    };
    said("the report", target, result)
}

/// Says what became of writing `what` to `target`; true when it was written.
fn said(what: &str, target: &str, result: io::Result<()>) -> bool {
    match result {
        Ok(()) if target == "-" => true,
        Ok(()) => {
            say!("wrote {target}");
            true
        }
        Err(e) => {
            say!("error: writing {what} to {target}: {e}");
            false
        }
    }
}
