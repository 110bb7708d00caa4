//! Keyboard shortcuts: Ctrl+O/S/E, Ctrl+Z / Ctrl+Shift+Z, and (when no text field has the
//! keyboard) arrows between events, Enter for the inspector, Delete to hide, F to fit.

use crate::gui::actions::{Action, PathPurpose};
use egui::{Key, Modifiers};

pub fn shortcuts(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let typing = ctx.text_edit_focused();
    ctx.input_mut(|i| {
        // Shift+Z first: Ctrl+Z alone would also match it.
        if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) || i.consume_key(Modifiers::COMMAND, Key::Y) {
            actions.push(Action::Redo);
        }
        if i.consume_key(Modifiers::COMMAND, Key::Z) {
            actions.push(Action::Undo);
        }
        if i.consume_key(Modifiers::COMMAND, Key::O) {
            actions.push(Action::ChoosePath(PathPurpose::OpenArticles));
        }
        if i.consume_key(Modifiers::COMMAND, Key::S) {
            actions.push(Action::SaveProject);
        }
        if i.consume_key(Modifiers::COMMAND, Key::E) {
            actions.push(Action::ShowExportImage);
        }
        if typing {
            return;
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowRight) || i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            actions.push(Action::Step(1));
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowLeft) || i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            actions.push(Action::Step(-1));
        }
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            actions.push(Action::OpenInspector);
        }
        if i.consume_key(Modifiers::NONE, Key::Delete) || i.consume_key(Modifiers::NONE, Key::Backspace) {
            actions.push(Action::HideSelected);
        }
        if i.consume_key(Modifiers::NONE, Key::F) {
            actions.push(Action::Fit);
        }
    });
}
