//! The small pieces of window state besides the project: what is selected, what part of time
//! the canvas shows (and a drag in progress), the user-visible message list, and the text the
//! user is typing into fields before it is applied.

use crate::render::{TimelineView, Viewport};
use crate::timeline::Event;
use std::collections::HashMap;
use std::path::PathBuf;

/// What the user is looking at.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// The selected event id.
    pub event: Option<String>,
    /// The document shown in the text pane.
    pub doc: Option<String>,
    /// The event under the pointer last frame.
    pub hovered: Option<String>,
    /// Scroll the text pane to the selected event's sentence on the next frame.
    pub scroll_text: bool,
    pub inspector_open: bool,
    pub show_hidden: bool,
    /// Leave out the events the text only implies (births from ages, starts from tenures, ...).
    pub hide_implied: bool,
    /// Leave out the events placed by context (sentences with no time phrase of their own).
    pub hide_context: bool,
    /// The view the user chose; `None` follows the number of articles (Story from two on).
    pub view: Option<TimelineView>,
    /// The Conflicts panel is open.
    pub conflicts_open: bool,
    /// Documents whose lane is collapsed in the By source view.
    pub collapsed: Vec<String>,
    /// A claim the user jumped to: its document and code point span, highlighted in the text.
    pub focus: Option<Focus>,
}

/// A span of a document the text pane highlights and scrolls to (a claim's phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

impl Selection {
    /// The view the timeline is drawn in for `documents` open articles.
    pub fn timeline_view(&self, documents: usize) -> TimelineView {
        self.view.unwrap_or_else(|| TimelineView::default_for(documents))
    }
}

/// An event being dragged along the axis (in the Story view, a story event: its lead event is
/// dragged and the others follow).
#[derive(Debug, Clone)]
pub struct Drag {
    /// The event as it was when the drag began.
    pub before: Event,
    /// The other events of its story event that move with it (Story view), as they were.
    pub followers: Vec<Event>,
    /// Pointer x (screen points) where the drag began.
    pub origin_x: f32,
    /// The event where the drag would put it now.
    pub preview: Event,
}

/// The canvas' time range.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// `None` until the canvas first knows its size (then it fits the timeline).
    pub viewport: Option<Viewport>,
    pub fit_requested: bool,
    pub drag: Option<Drag>,
}

/// One line in the message list.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// What the notice is about, when a later success makes it stale (`Topic`).
    pub topic: Option<Topic>,
}

/// Kinds of failure a later success takes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Saving the project.
    Save,
    /// Writing one export file (JSON, PNG, CSV, TimelineJS).
    Export,
}

/// Messages for the user, newest last, each dismissable.
#[derive(Debug, Clone, Default)]
pub struct Notices {
    pub items: Vec<Notice>,
}

impl Notices {
    pub fn error(&mut self, text: impl Into<String>) {
        self.items.push(Notice { text: text.into(), error: true, topic: None });
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.items.push(Notice { text: text.into(), error: false, topic: None });
    }

    /// An error that a later success of the same kind takes back.
    pub fn failed(&mut self, topic: Topic, text: impl Into<String>) {
        self.items.push(Notice { text: text.into(), error: true, topic: Some(topic) });
    }

    /// Drops the errors of `topic` once it has succeeded: a failed save must not stay on
    /// screen, in red, after the save that worked.
    pub fn succeeded(&mut self, topic: Topic) {
        self.items.retain(|n| n.topic != Some(topic));
    }
}

/// Field contents being typed.
#[derive(Debug, Clone, Default)]
pub struct Drafts {
    pub anchor: String,
    pub anchor_error: Option<String>,
    /// Publication date fields, by document path.
    pub published: HashMap<PathBuf, String>,
    pub inspector: InspectorDraft,
}

/// The inspector's fields, synced from the event they were filled from.
#[derive(Debug, Clone, Default)]
pub struct InspectorDraft {
    pub synced_from: Option<Event>,
    pub label: String,
    pub date: String,
    pub time: String,
    pub error: Option<String>,
}
