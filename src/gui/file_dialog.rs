//! The system file dialog (rfd). Without a D-Bus session or xdg-desktop-portal it cannot appear;
//! then the caller gets the reason and shows a path field instead of failing silently.

use crate::gui::actions::PathPurpose;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub enum Answer {
    Paths(Vec<PathBuf>),
    Cancelled,
    /// The dialog could not be shown, and why.
    Unavailable(String),
}

/// A dialog that "answers" faster than a person can click was never shown.
const TOO_FAST: Duration = Duration::from_millis(300);

pub fn ask(purpose: PathPurpose, project: Option<&Path>) -> Answer {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty()) {
        return Answer::Unavailable(
            "The system file dialog needs a D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set). Type the path instead, or drop files onto the window."
                .into(),
        );
    }
    let mut dialog = rfd::FileDialog::new().set_title(purpose.title());
    if let Some(dir) = project.and_then(Path::parent) {
        dialog = dialog.set_directory(dir);
    }
    let started = Instant::now();
    let picked: Option<Vec<PathBuf>> = match purpose {
        PathPurpose::OpenArticles => dialog
            .add_filter("Articles", &["txt", "md", "html", "htm", "tml", "docx", "pdf", "eml"])
            .add_filter("All files", &["*"])
            .pick_files(),
        PathPurpose::OpenFolder => dialog.pick_folder().map(|p| vec![p]),
        PathPurpose::LocateDocument => dialog.pick_file().map(|p| vec![p]),
        PathPurpose::OpenProject => dialog.add_filter("Chronoscope project", &["json"]).pick_file().map(|p| vec![p]),
        PathPurpose::SaveProject => dialog
            .add_filter("Chronoscope project", &["json"])
            .set_file_name("story.chronoscope.json")
            .save_file()
            .map(|p| vec![p]),
        PathPurpose::ExportJson => {
            dialog.add_filter("JSON", &["json"]).set_file_name("timeline.json").save_file().map(|p| vec![p])
        }
        PathPurpose::ExportCsv => {
            dialog.add_filter("CSV", &["csv"]).set_file_name("timeline.csv").save_file().map(|p| vec![p])
        }
        PathPurpose::ExportTimelineJs => dialog
            .add_filter("TimelineJS JSON", &["json"])
            .set_file_name("timelinejs.json")
            .save_file()
            .map(|p| vec![p]),
        PathPurpose::ExportReport => dialog
            .add_filter("HTML report", &["html", "htm"])
            .add_filter("Markdown report", &["md"])
            .set_file_name("chronology.html")
            .save_file()
            .map(|p| vec![p]),
        PathPurpose::ExportImage(choice) => {
            let extension = choice.format.extension();
            dialog
                .add_filter(format!("{} image", choice.format.name()), &[extension])
                .set_file_name(format!("timeline.{extension}"))
                .save_file()
                .map(|p| vec![p])
        }
    };
    match picked {
        Some(paths) if !paths.is_empty() => Answer::Paths(paths),
        _ if started.elapsed() < TOO_FAST => Answer::Unavailable(
            "The system file dialog did not open (is xdg-desktop-portal running?). Type the path instead, or drop files onto the window."
                .into(),
        ),
        _ => Answer::Cancelled,
    }
}
