//! The spreadsheet and publishing outputs that `extract` and `export` both offer: `--csv` (one
//! row per event) and `--timelinejs` (Knight Lab's TimelineJS 3 JSON), each to a file through
//! the safe writer or to stdout with `-`.

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
}

impl TableArgs {
    pub fn any(&self) -> bool {
        self.csv.is_some() || self.timelinejs.is_some()
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
