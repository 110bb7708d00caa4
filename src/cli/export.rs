//! `chronoscope export PROJECT.chronoscope.json`: writes what the user corrected in the window
//! (moved, renamed, hidden events) as JSON, PNG or TimeML, without a window. The saved timeline
//! is written as saved; TimeML also needs each article's text, read from its file and checked
//! against the hash the project saved.

use super::extract::{write_json, write_timeml};
use chronoscope::export::targets;
use chronoscope::ingest;
use chronoscope::pipeline::content_hash;
use chronoscope::session::project_file::{self, ProjectData, ProjectDocument};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ExportArgs {
    /// A project saved by the window (File › Save project).
    project: PathBuf,
    /// Write the timeline JSON here (`-` for stdout).
    #[arg(long, value_name = "OUT|-")]
    json: Option<String>,
    #[command(flatten)]
    images: super::images::ImageArgs,
    /// Write one TimeML file per article into this directory.
    #[arg(long, value_name = "DIR")]
    timeml: Option<PathBuf>,
    #[command(flatten)]
    tables: super::tables::TableArgs,
}

pub fn run(args: &ExportArgs) -> i32 {
    if args.json.is_none()
        && args.images.png.is_none()
        && args.images.svg.is_none()
        && args.timeml.is_none()
        && !args.tables.any()
    {
        say!(
            "chronoscope export: nothing to write; give --json OUT, --png OUT.png, --svg OUT.svg, --timeml DIR, --csv OUT or --timelinejs OUT"
        );
        return 2;
    }
    let data = match project_file::open(&args.project) {
        Ok(data) => data,
        Err(e) => {
            say!("chronoscope export: {e}");
            return 2;
        }
    };
    // Neither the project nor any of its articles is ever an output.
    let mut inputs = vec![args.project.clone()];
    inputs.extend(data.documents.iter().map(|d| d.path.clone()));
    let outputs = targets::Outputs {
        json: args.json.as_deref().map(Path::new),
        png: args.images.png.as_deref(),
        svg: args.images.svg.as_deref(),
        timeml_dir: args.timeml.as_deref(),
        csv: args.tables.csv.as_deref().map(Path::new),
        timelinejs: args.tables.timelinejs.as_deref().map(Path::new),
        report: args.tables.report.as_deref().map(Path::new),
        jsonl: None,
    };
    if let Err(message) = targets::check(&inputs, &outputs) {
        say!("chronoscope export: {message}");
        return 2;
    }
    if let Err(message) = args.tables.report_format() {
        say!("chronoscope export: {message}");
        return 2;
    }
    let edited = data.timeline.events.iter().filter(|e| e.edited || e.hidden).count();
    say!(
        "{}: {} documents, {} events ({edited} edited or hidden by the user)",
        args.project.display(),
        data.timeline.documents.len(),
        data.timeline.events.len()
    );
    let mut ok = true;
    if let Some(target) = &args.json {
        ok &= write_json(target, &data.timeline);
    }
    ok &= args.tables.write(&data.timeline);
    ok &= args.images.write(&data.timeline);
    if let Some(dir) = &args.timeml {
        ok &= export_timeml(dir, &data);
    }
    if ok {
        0
    } else {
        1
    }
}

/// The article of a project document, read again and checked against the saved hash: TimeML
/// tags the saved phrases into the text, so the text must be the one they were found in.
fn read_unchanged(document: &ProjectDocument) -> Result<ingest::Document, String> {
    let doc = ingest::load(&document.path).map_err(|e| format!("{e}; locate it in the window, then export again"))?;
    match document.hash() {
        Some(saved) if saved != content_hash(&doc.text) => Err(format!(
            "{}: the file changed since the project was saved; open the project in the window to extract it again",
            document.path.display()
        )),
        _ => Ok(doc),
    }
}

/// TimeML of every article that can be read as it was saved; the others are named and skipped.
fn export_timeml(dir: &Path, data: &ProjectData) -> bool {
    let mut ok = true;
    let mut read = Vec::with_capacity(data.documents.len());
    for document in &data.documents {
        let Some(info) = document.id.as_deref().and_then(|id| data.timeline.document(id)) else {
            say!("skipped {}: it was never read into the timeline", document.path.display());
            continue;
        };
        match read_unchanged(document) {
            Ok(doc) => read.push((doc, info)),
            Err(e) => {
                say!("error: {e}");
                ok = false;
            }
        }
    }
    let pairs: Vec<_> = read.iter().map(|(doc, info)| (doc, *info)).collect();
    write_timeml(dir, &pairs, &data.timeline) && ok
}
