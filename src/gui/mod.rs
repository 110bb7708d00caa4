//! The desktop window (eframe/egui), a thin layer over the core: it loads articles through
//! `ingest`, extracts with `pipeline`, draws the scene `render` describes, and saves / exports
//! through `export`. One file per job:
//! - [`app`]: the application object, the frame layout, and carrying out [`actions`];
//! - [`state`]: selection, view, notices and drafts (the project, its edits, history, jobs and
//!   project file are the core's [`crate::session`], shared with the CLI);
//! - [`recent`]: the "Open recent" list;
//! - panels: [`menus`], [`top_bar`] (+ [`calendar`]), [`canvas`], [`inspector`], [`documents`],
//!   [`text_pane`], [`dialogs`] (+ [`file_dialog`]); [`keys`] for shortcuts;
//! - [`format`], [`highlight`]: how times and phrases read; [`screenshot`]: the smoke-test shot.

pub mod actions;
pub mod app;
pub mod calendar;
pub mod canvas;
pub mod conflicts;
pub mod dialogs;
pub mod documents;
pub mod file_dialog;
pub mod format;
pub mod highlight;
pub mod inspector;
pub mod keys;
pub mod menus;
pub mod recent;
pub mod screenshot;
pub mod state;
pub mod story_section;
pub mod text_pane;
pub mod top_bar;

pub use app::{AppOptions, ChronoscopeApp};

use std::path::PathBuf;

/// Environment variable: when set to a path, the window saves a screenshot there once the
/// articles are loaded, then closes (for scripts/screenshot.sh).
pub const SCREENSHOT_ENV: &str = "CHRONOSCOPE_SCREENSHOT";

/// Opens the window with `files` loaded (in the background) against `anchor` (when `None`:
/// inferred from the articles, else today), and returns when the user closes it.
pub fn run_app(files: Vec<PathBuf>, anchor: Option<chrono::NaiveDate>) -> Result<(), String> {
    let options = AppOptions {
        native_dialogs: true,
        recent_file: recent::default_file(),
        screenshot: std::env::var_os(SCREENSHOT_ENV).filter(|v| !v.is_empty()).map(PathBuf::from),
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Chronoscope")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Chronoscope",
        native,
        Box::new(move |cc| Ok(Box::new(ChronoscopeApp::new(&cc.egui_ctx, files, anchor, options)))),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}
