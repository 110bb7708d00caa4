//! The user's working session, shared by the window and the CLI (no egui here): the project
//! (article files with their stable document ids, the anchor, the timeline with every edit), the
//! edits as pure functions (of events, and of story events in `story_edit`), the undo history that
//! refers to events by id, the project file, the
//! merge that carries edits into a fresh extraction, and the background jobs that read and
//! extract articles.

pub mod edit;
pub mod history;
pub mod jobs;
pub mod merge;
pub mod project;
pub mod project_file;
pub mod story_edit;
