//! `chronoscope extract ARTICLE...`: the main headless job. Reads the articles, resolves every
//! time phrase, prints a per-document summary to stderr and writes JSON / TimeML / PNG.

use chronoscope::export::{atomic::write_atomic, json, timeml};
use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{self, Settings};
use chronoscope::timeline::Timeline;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ExtractArgs {
    /// Article files (.txt, .md, .html, .tml).
    #[arg(required = true)]
    articles: Vec<PathBuf>,
    /// The story's day zero, YYYY-MM-DD. Without it: the first publication date, else the first
    /// full date in the texts (and the summary says which).
    #[arg(long, value_parser = super::parse_date)]
    anchor: Option<chrono::NaiveDate>,
    /// Publication date of every article (overrides dates found in TimeML files).
    #[arg(long)]
    dct: Option<String>,
    /// Write the timeline JSON here (`-` for stdout).
    #[arg(long, value_name = "OUT|-")]
    json: Option<String>,
    /// Write one TimeML file per article into this directory.
    #[arg(long, value_name = "DIR")]
    timeml: Option<PathBuf>,
    /// Render the whole timeline as a PNG (no window needed).
    #[arg(long, value_name = "OUT.png")]
    png: Option<PathBuf>,
    /// PNG size, WIDTHxHEIGHT (at most 3840x2160).
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    png_size: (u32, u32),
}

pub fn parse_size(value: &str) -> Result<(u32, u32), String> {
    let (w, h) = value.split_once(['x', 'X']).ok_or_else(|| format!("{value:?}: write the size as WIDTHxHEIGHT"))?;
    let w = w.trim().parse().map_err(|_| format!("{value:?}: width is not a number"))?;
    let h = h.trim().parse().map_err(|_| format!("{value:?}: height is not a number"))?;
    Ok((w, h))
}

pub fn run(args: &ExtractArgs) -> i32 {
    let mut failed = 0;
    let mut docs: Vec<Document> = Vec::new();
    for path in &args.articles {
        match ingest::load(path) {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    if docs.is_empty() {
        eprintln!("chronoscope extract: no article could be read");
        return 2;
    }
    if let Some(dct) = &args.dct {
        if chronoscope::resolve::parse_dct(dct).is_none() {
            eprintln!("chronoscope extract: --dct {dct:?} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
            return 2;
        }
    }
    let anchor = match args.anchor {
        Some(anchor) => anchor,
        None => match pipeline::infer_anchor(&docs) {
            Some((anchor, why)) => {
                eprintln!("note: no --anchor given; using {anchor} ({why})");
                anchor
            }
            None => {
                eprintln!("chronoscope extract: no --anchor given and no date found in the articles to use instead");
                eprintln!("give the story's day zero: --anchor YYYY-MM-DD");
                return 2;
            }
        },
    };
    let settings = Settings { anchor, dct: args.dct.clone() };
    let timeline = pipeline::build_timeline(&docs, &settings);
    print_summary(&timeline);

    let mut write_failed = false;
    if let Some(target) = &args.json {
        let text = json::to_string(&timeline);
        if target == "-" {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                eprintln!("error: writing JSON to stdout: {e}");
                write_failed = true;
            }
        } else if let Err(e) = write_atomic(Path::new(target), text.as_bytes()) {
            eprintln!("error: writing {target}: {e}");
            write_failed = true;
        } else {
            eprintln!("wrote {target}");
        }
    }
    if let Some(dir) = &args.timeml {
        write_failed |= !write_timeml(dir, &docs, &timeline);
    }
    if let Some(png) = &args.png {
        let (w, h) = args.png_size;
        match chronoscope::render::png::write_png(png, &timeline, None, w, h) {
            Ok(()) => eprintln!("wrote {} ({w}x{h})", png.display()),
            Err(e) => {
                eprintln!("error: PNG export: {e}");
                write_failed = true;
            }
        }
    }
    if write_failed || failed > 0 {
        1
    } else {
        0
    }
}

fn write_timeml(dir: &Path, docs: &[Document], timeline: &Timeline) -> bool {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("error: creating {}: {e}", dir.display());
        return false;
    }
    let mut ok = true;
    for (doc, info) in docs.iter().zip(&timeline.documents) {
        let mentions: Vec<_> = timeline.mentions.iter().filter(|m| m.doc == info.id).cloned().collect();
        let stem = doc.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| info.id.clone());
        let target = dir.join(format!("{stem}.tml"));
        let xml = timeml::to_timeml(doc, &mentions, info.dct.as_deref());
        match write_atomic(&target, xml.as_bytes()) {
            Ok(()) => eprintln!("wrote {}", target.display()),
            Err(e) => {
                eprintln!("error: writing {}: {e}", target.display());
                ok = false;
            }
        }
    }
    ok
}

fn print_summary(timeline: &Timeline) {
    eprintln!("anchor (day zero): {}", chronoscope::resolve::day_name(timeline.anchor));
    for doc in &timeline.documents {
        let mentions = timeline.mentions.iter().filter(|m| m.doc == doc.id).count();
        let events: Vec<_> = timeline.events.iter().filter(|e| e.doc == doc.id).collect();
        let reference = match &doc.dct {
            Some(dct) => format!("publication date {dct}"),
            None => format!("no publication date: relative phrases resolve against the anchor {}", timeline.anchor),
        };
        eprintln!(
            "{} {} — {} time phrases, {} events, {} warnings ({reference})",
            doc.id,
            doc.path,
            mentions,
            events.len(),
            doc.warnings.len()
        );
        for warning in &doc.warnings {
            eprintln!("  warning: {warning}");
        }
        for event in events {
            eprintln!("  {}  {}", event.start.format("%Y-%m-%d %H:%M"), event.label);
        }
    }
}
