//! Everything the user can ask the window to do, as values: panels push `Action`s while they
//! draw and the app carries them out after the frame's widgets are laid out, so no panel needs
//! mutable access to the project.

use crate::session::history::{EventEdit, EventsEdit};
use chrono::NaiveDate;
use std::path::PathBuf;

/// The file format of an exported picture of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Pixels, for slides and the web.
    Png,
    /// Vectors with real text, for print.
    Svg,
}

impl ImageFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG",
            ImageFormat::Svg => "SVG",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// What an image export should show, and in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageChoice {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
    /// The whole timeline (true) or the canvas' current time range.
    pub whole: bool,
}

/// The sizes offered in the image export dialog.
pub const IMAGE_SIZES: [(u32, u32); 3] = [(1920, 1080), (2560, 1440), (3840, 2160)];

/// A file the app needs the user to name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathPurpose {
    OpenArticles,
    /// A folder: every article file under it.
    OpenFolder,
    /// The new place of a document whose file is missing.
    LocateDocument,
    OpenProject,
    SaveProject,
    ExportJson,
    ExportCsv,
    ExportTimelineJs,
    /// The chronology report, Markdown or HTML by the file's extension.
    ExportReport,
    ExportImage(ImageChoice),
}

impl PathPurpose {
    pub fn title(self) -> &'static str {
        match self {
            PathPurpose::OpenArticles => "Open articles",
            PathPurpose::OpenFolder => "Open folder",
            PathPurpose::LocateDocument => "Locate the missing article",
            PathPurpose::OpenProject => "Open project",
            PathPurpose::SaveProject => "Save project",
            PathPurpose::ExportJson => "Export JSON",
            PathPurpose::ExportCsv => "Export CSV",
            PathPurpose::ExportTimelineJs => "Export TimelineJS",
            PathPurpose::ExportReport => "Export chronology report",
            PathPurpose::ExportImage(choice) => match choice.format {
                ImageFormat::Png => "Export PNG",
                ImageFormat::Svg => "Export SVG",
            },
        }
    }

    pub fn saving(self) -> bool {
        !matches!(
            self,
            PathPurpose::OpenArticles
                | PathPurpose::OpenFolder
                | PathPurpose::OpenProject
                | PathPurpose::LocateDocument
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask the user for a path (native dialog, or the path field when there is none).
    ChoosePath(PathPurpose),
    /// Carry out `purpose` on paths the user named.
    PathsChosen(PathPurpose, Vec<PathBuf>),
    /// Add article files to the timeline.
    AddFiles(Vec<PathBuf>),
    /// Ask where the missing file of document `id` is now.
    Locate(String),
    /// Open a project, discarding unsaved changes (the user confirmed).
    OpenProjectDiscarding(PathBuf),
    /// Save to the project's own path, or ask for one.
    SaveProject,
    ShowExportImage,
    Undo,
    Redo,
    Fit,
    /// Show the time range `[start, end)` (seconds), e.g. to open a cluster.
    ZoomTo(f64, f64),
    SetAnchor(NaiveDate),
    SetPublished {
        path: PathBuf,
        date: Option<String>,
    },
    Select(Option<String>),
    /// Select an event from a phrase clicked in the text (no scrolling of the text).
    SelectFromText(String),
    SelectDocument(String),
    /// Move the selection to the next (+1) or previous (-1) visible event in time order.
    Step(i32),
    OpenInspector,
    Edit(Box<EventEdit>),
    /// A story decision: several events change together, as one undoable step.
    EditMany(Box<EventsEdit>),
    HideSelected,
    ResetSelected,
    ToggleShowHidden,
    /// Show or leave out the events the text only implies.
    ToggleImplied,
    /// Show or hide the events placed by context.
    ToggleContext,
    /// Draw the timeline as the story (each story event once) or one lane per source.
    SetView(crate::render::TimelineView),
    /// Collapse or expand a document's lane (By source view).
    ToggleLane(String),
    /// Open or close the Conflicts panel.
    ToggleConflicts,
    /// Show a claim's sentence: its document in the text pane, the phrase highlighted, and its
    /// event selected when it has one.
    JumpToClaim(String),
    /// Switch between the dark and the light look.
    ToggleTheme,
    DismissNotice(usize),
    Quit,
}
