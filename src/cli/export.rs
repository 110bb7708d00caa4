//! `chronoscope export PROJECT.chronoscope.json`: writes what the user corrected in the window
//! (moved, renamed, hidden events) as JSON, PNG or TimeML, without a window. The saved timeline
//! is written as saved; TimeML also needs each article's text, read from its file and checked
//! against the hash the project saved.

use chronoscope::export::{atomic::write_atomic, json, timeml};
use chronoscope::ingest;
use chronoscope::pipeline::content_hash;
use chronoscope::session::project_file::{self, ProjectData, ProjectDocument};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ExportArgs {
    /// A project saved by the window (File › Save project).
    project: PathBuf,
    /// Write the timeline JSON here (`-` for stdout).
    #[arg(long, value_name = "OUT|-")]
    json: Option<String>,
    /// Render the whole timeline as a PNG (no window needed).
    #[arg(long, value_name = "OUT.png")]
    png: Option<PathBuf>,
    /// PNG size, WIDTHxHEIGHT (at most 3840x2160).
    #[arg(long, default_value = "1920x1080", value_parser = super::extract::parse_size)]
    png_size: (u32, u32),
    /// Write one TimeML file per article into this directory.
    #[arg(long, value_name = "DIR")]
    timeml: Option<PathBuf>,
}

/// Writes a line to stderr; a closed stderr never aborts the export.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

pub fn run(args: &ExportArgs) -> i32 {
    if args.json.is_none() && args.png.is_none() && args.timeml.is_none() {
        say("chronoscope export: nothing to write; give --json OUT, --png OUT.png or --timeml DIR");
        return 2;
    }
    let data = match project_file::open(&args.project) {
        Ok(data) => data,
        Err(e) => {
            say(&format!("chronoscope export: {e}"));
            return 2;
        }
    };
    let edited = data.timeline.events.iter().filter(|e| e.edited || e.hidden).count();
    say(&format!(
        "{}: {} documents, {} events ({edited} edited or hidden by the user)",
        args.project.display(),
        data.timeline.documents.len(),
        data.timeline.events.len()
    ));
    let mut ok = true;
    if let Some(target) = &args.json {
        ok &= write_json(target, &data);
    }
    if let Some(png) = &args.png {
        let (w, h) = args.png_size;
        match chronoscope::render::png::write_png(png, &data.timeline, None, w, h) {
            Ok(()) => say(&format!("wrote {} ({w}x{h})", png.display())),
            Err(e) => {
                say(&format!("error: PNG export: {e}"));
                ok = false;
            }
        }
    }
    if let Some(dir) = &args.timeml {
        ok &= write_timeml(dir, &data);
    }
    if ok {
        0
    } else {
        1
    }
}

fn write_json(target: &str, data: &ProjectData) -> bool {
    let text = json::to_string(&data.timeline);
    let written = if target == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|_| out.flush())
    } else {
        write_atomic(Path::new(target), text.as_bytes())
    };
    match written {
        Ok(()) if target == "-" => true,
        Ok(()) => {
            say(&format!("wrote {target}"));
            true
        }
        Err(e) => {
            say(&format!("error: writing {target}: {e}"));
            false
        }
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

fn write_timeml(dir: &Path, data: &ProjectData) -> bool {
    if let Err(e) = std::fs::create_dir_all(dir) {
        say(&format!("error: creating {}: {e}", dir.display()));
        return false;
    }
    let mut ok = true;
    for document in &data.documents {
        let Some(info) = document.id.as_deref().and_then(|id| data.timeline.document(id)) else {
            say(&format!("skipped {}: it was never read into the timeline", document.path.display()));
            continue;
        };
        let doc = match read_unchanged(document) {
            Ok(doc) => doc,
            Err(e) => {
                say(&format!("error: {e}"));
                ok = false;
                continue;
            }
        };
        let mentions: Vec<_> = data.timeline.mentions.iter().filter(|m| m.doc == info.id).cloned().collect();
        let stem = doc.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| info.id.clone());
        let target = dir.join(format!("{stem}.tml"));
        let xml = timeml::to_timeml(&doc, &mentions, info.dct.as_deref());
        match write_atomic(&target, xml.as_bytes()) {
            Ok(()) => say(&format!("wrote {}", target.display())),
            Err(e) => {
                say(&format!("error: writing {}: {e}", target.display()));
                ok = false;
            }
        }
    }
    ok
}
