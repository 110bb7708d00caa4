//! `chronoscope [FILE...]`: opens the desktop window (when built with the `gui` feature).

use std::path::PathBuf;

#[cfg(feature = "gui")]
pub fn run(files: Vec<PathBuf>, anchor: Option<chrono::NaiveDate>) -> i32 {
    match chronoscope::gui::run_app(files, anchor) {
        Ok(()) => 0,
        Err(message) => {
            say!("chronoscope: the window could not open: {message}");
            say!("(headless use: chronoscope extract ARTICLE... --anchor YYYY-MM-DD --json -)");
            1
        }
    }
}

#[cfg(not(feature = "gui"))]
pub fn run(_files: Vec<PathBuf>, _anchor: Option<chrono::NaiveDate>) -> i32 {
    say!("chronoscope: this build has no window (built without the `gui` feature).");
    say!("Use: chronoscope extract ARTICLE... --anchor YYYY-MM-DD --json -");
    2
}
