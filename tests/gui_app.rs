//! Drives the real window state with egui_kittest: loads the bundled example articles, finds
//! event markers by their accessible labels, clicks, drags, undoes, hides, changes the anchor,
//! saves / reopens a project and exports JSON, PNG, CSV and TimelineJS (never over an article).
#![cfg(feature = "gui")]

use chrono::NaiveDate;
use chronoscope::gui::actions::{Action, ImageChoice, ImageFormat, PathPurpose};
use chronoscope::gui::canvas::{accessible_label, accessible_story_label};
use chronoscope::gui::{AppOptions, ChronoscopeApp};
use chronoscope::render::TimelineView;
use chronoscope::timeline::Event;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    ["marrowby-courier-fire.txt", "marrowby-courier-investigation.html", "valley-ledger-aftermath.md"]
        .iter()
        .map(|f| dir.join(f))
        .collect()
}

fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 13).unwrap()
}

fn options() -> AppOptions {
    AppOptions { native_dialogs: false, recent_file: None, screenshot: None }
}

/// Steps the app until the background loader is idle, then lets layout settle.
fn settle(harness: &mut Harness<'_, ChronoscopeApp>) {
    for _ in 0..1_000 {
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_busy(), "loading did not finish");
    harness.run_steps(4);
}

/// The app on `files`, in the By source view: most tests here drive single events in their
/// document's lane. The Story view (the default with two or more articles) has tests of its own.
fn app_with(files: Vec<PathBuf>) -> Harness<'static, ChronoscopeApp> {
    let mut harness = app_in_default_view(files);
    harness.state_mut().perform(Action::SetView(TimelineView::Sources));
    harness.run_steps(2);
    harness
}

fn app_in_default_view(files: Vec<PathBuf>) -> Harness<'static, ChronoscopeApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChronoscopeApp::new(&cc.egui_ctx, files, Some(anchor()), options()));
    settle(&mut harness);
    harness
}

/// Events whose marker is on screen (found by accessible label), in timeline order.
fn visible_markers(harness: &Harness<'_, ChronoscopeApp>) -> Vec<Event> {
    harness
        .state()
        .project
        .timeline
        .events
        .iter()
        .filter(|e| harness.query_by_label(&accessible_label(e, &harness.state().project.timeline)).is_some())
        .cloned()
        .collect()
}

/// A visible, movable (day-or-finer) event and the centre of its marker.
fn pick_event(harness: &Harness<'_, ChronoscopeApp>) -> (Event, egui::Pos2) {
    let event = visible_markers(harness)
        .into_iter()
        // Parts of the day move through the named parts, not by whole units of one length.
        .find(|e| {
            use chronoscope::timex::Granularity;
            e.granularity <= Granularity::Day && e.granularity != Granularity::PartOfDay
        })
        .expect("a day-or-finer event marker is on screen");
    let rect = harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).rect();
    (event, rect.center())
}

fn drag(harness: &mut Harness<'_, ChronoscopeApp>, from: egui::Pos2, dx: f32) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=4 {
        harness.hover_at(from + egui::vec2(dx * k as f32 / 4.0, 0.0));
        harness.step();
    }
    harness.drop_at(from + egui::vec2(dx, 0.0));
    harness.step();
    harness.run_steps(2);
}

#[test]
fn examples_load_in_background_and_every_document_is_listed() {
    let harness = app_with(examples());
    let app = harness.state();
    assert_eq!(app.project.slots.len(), 3);
    assert!(app.project.slots.iter().all(|s| s.document.is_some() && s.error.is_none()));
    assert_eq!(app.project.timeline.documents.len(), 3);
    assert!(!app.project.timeline.events.is_empty(), "the examples yield events");
    assert!(!visible_markers(&harness).is_empty(), "event markers carry accessible labels");
    for info in &app.project.timeline.documents {
        assert!(harness.query_all_by_label(&info.title).count() >= 1, "{} is listed", info.title);
    }
    // Regression: the unsaved marker appeared right after loading, before any edit.
    assert!(!app.title().contains('*'), "loading articles is not an edit: {}", app.title());
    assert!(app.title().contains("3 articles"), "{}", app.title());
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_load() {
    let mut files = examples();
    files.insert(1, PathBuf::from("/no/such/article.txt"));
    let harness = app_with(files);
    let app = harness.state();
    assert_eq!(app.project.timeline.documents.len(), 3);
    let failed: Vec<_> = app.project.slots.iter().filter(|s| s.error.is_some()).collect();
    assert_eq!(failed.len(), 1);
    assert!(app.notices.items.iter().any(|n| n.error && n.text.contains("/no/such/article.txt")));
    assert!(harness.get_all_by_label_contains("cannot read").count() >= 2, "in the messages and the document list");
    // Regression: the title counted the unreadable file as an article ("*4 articles").
    let title = app.title();
    assert!(title.contains("3 of 4 articles (1 unreadable)"), "{title}");
    assert!(!title.contains('*'), "a failed load is no edit: {title}");
}

#[test]
fn clicking_an_event_shows_its_sentence_in_the_inspector() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    assert!(harness.query_by_label(&event.sentence.text).is_none() || harness.state().selection.event.is_none());
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection.event.as_deref(), Some(event.id.as_str()));
    harness.get_by_label(&event.sentence.text);
    for mention in event.mentions.iter().filter_map(|m| harness.state().project.timeline.mention(m)) {
        harness.get_by_label(&mention.explanation);
    }
}

#[test]
fn dragging_an_event_moves_it_by_whole_snapped_units_and_undo_restores_it() {
    let mut harness = app_with(examples());
    let (before, centre) = pick_event(&harness);
    let vp = harness.state().view.viewport.expect("the canvas has a viewport");
    // Drag far enough for several units of the event's granularity.
    let unit = before.granularity.snap_seconds() as f64;
    let dx = ((3.4 * unit) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    drag(&mut harness, centre, dx);
    let after = harness.state().project.timeline.event(&before.id).unwrap().clone();
    let moved = (after.start - before.start).num_seconds();
    assert_ne!(moved, 0, "the drag moved the event");
    assert_eq!(
        moved % before.granularity.snap_seconds(),
        0,
        "moved by whole units: {moved} s; {before:?} -> {after:?}"
    );
    assert_eq!(after.end - after.start, before.end - before.start);
    assert!(after.edited);
    assert_eq!(after.original.as_deref(), Some(&before.placement()));
    assert!(harness.state().title().contains('*'));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project.timeline.event(&before.id), Some(&before));

    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project.timeline.event(&before.id), Some(&after));
}

#[test]
fn delete_hides_the_selected_event_recoverably() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(harness.state().project.timeline.event(&event.id).unwrap().hidden);
    assert!(
        harness.query_by_label(&accessible_label(&event, &harness.state().project.timeline)).is_none(),
        "a hidden event is not drawn"
    );
    harness.get_by_label("Hidden events (1)");
    harness.get_by_label("Show hidden (1)").click();
    harness.run_steps(2);
    assert!(harness.state().selection.show_hidden);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline));
    harness.get_by_label("Reset to extracted").click();
    harness.run_steps(2);
    assert!(!harness.state().project.timeline.event(&event.id).unwrap().hidden);
}

#[test]
fn arrows_walk_events_in_time_order() {
    let mut harness = app_with(examples());
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    let first = harness.state().selection.event.clone().expect("an event is selected");
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    let second = harness.state().selection.event.clone().unwrap();
    let t = &harness.state().project.timeline;
    assert!(t.event(&first).unwrap().start <= t.event(&second).unwrap().start);
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().selection.event.as_deref(), Some(first.as_str()));
}

#[test]
fn changing_the_anchor_keeps_edited_events_and_re_resolves_the_others() {
    let mut harness = app_with(examples());
    let (event, centre) = pick_event(&harness);
    let vp = harness.state().view.viewport.unwrap();
    let dx = ((2.0 * event.granularity.snap_seconds() as f64) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    drag(&mut harness, centre, dx);
    let moved = harness.state().project.timeline.event(&event.id).unwrap().clone();
    assert!(moved.edited);
    let before_change = harness.state().project.timeline.clone();
    let new_anchor = NaiveDate::from_ymd_opt(2024, 2, 20).unwrap();
    harness.state_mut().perform(Action::SetAnchor(new_anchor));
    settle(&mut harness);
    let t = &harness.state().project.timeline;
    assert_eq!(t.anchor, new_anchor);
    let kept = t.events.iter().find(|e| e.sentence == moved.sentence && e.doc == moved.doc).unwrap();
    assert_eq!((kept.start, kept.end, kept.edited), (moved.start, moved.end, true));
    let re_resolved = t
        .events
        .iter()
        .filter(|e| !e.edited)
        .filter(|e| before_change.events.iter().any(|b| b.id == e.id && b.sentence == e.sentence && b.start != e.start))
        .count();
    assert!(re_resolved > 0, "relative dates follow the new anchor");
}

#[test]
fn export_json_through_the_menu_and_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.json");
    let mut harness = app_with(examples());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("JSON…").click();
    harness.run();
    harness.get_by_label("Export JSON");
    let field =
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Where to write the JSON, e.g. timeline.json");
    field.focus();
    field.type_text(&out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    let text = std::fs::read_to_string(&out).expect("the JSON was written");
    let timeline = chronoscope::export::json::from_str(&text).unwrap();
    assert_eq!(timeline, {
        let mut t = harness.state().project.timeline.clone();
        // The export sorts; compare as the export reads back.
        t = chronoscope::export::json::from_str(&chronoscope::export::json::to_string(&t)).unwrap();
        t
    });
}

/// File › Open folder… opens every article file under the folder, in path order, and says what
/// it skipped (issue #11, inputs).
#[test]
fn open_folder_through_the_menu_reads_every_article_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("story");
    std::fs::create_dir_all(folder.join("later")).unwrap();
    for (from, to) in examples().iter().zip(["b.txt", "a.html", "later/c.md"]) {
        std::fs::copy(from, folder.join(to)).unwrap();
    }
    std::fs::write(folder.join("photo.jpg"), b"\xff\xd8\xff\xe0 JFIF").unwrap();
    let mut harness = app_in_default_view(Vec::new());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open folder…").click();
    harness.run();
    harness.get_by_label("Open folder");
    let field = harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "The folder's path: every article file under it is opened",
    );
    field.focus();
    field.type_text(&folder.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    settle(&mut harness);
    let app = harness.state();
    let opened: Vec<String> = app
        .project
        .slots
        .iter()
        .map(|s| s.path.strip_prefix(std::fs::canonicalize(&folder).unwrap()).unwrap().display().to_string())
        .collect();
    assert_eq!(opened, ["a.html", "b.txt", "later/c.md"]);
    assert!(app.project.slots.iter().all(|s| s.document.is_some()), "every article loaded");
    assert!(harness.query_by_label_contains("photo.jpg").is_some(), "the skipped file is named");
}

/// File › Export › CSV, TimelineJS and Chronology report write what `extract --csv` /
/// `--timelinejs` / `--report` write for the window's timeline, edits included (issue #11).
#[test]
fn export_csv_timelinejs_and_report_through_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(examples());
    let (event, centre) = pick_event(&harness);
    let vp = harness.state().view.viewport.unwrap();
    let dx = ((2.0 * event.granularity.snap_seconds() as f64) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    drag(&mut harness, centre, dx);
    assert!(harness.state().project.timeline.event(&event.id).unwrap().edited);
    for (item, title, hint, name) in [
        ("CSV (spreadsheet)…", "Export CSV", "Where to write the CSV, e.g. timeline.csv", "t.csv"),
        ("TimelineJS…", "Export TimelineJS", "Where to write the TimelineJS file, e.g. timelinejs.json", "tjs.json"),
        (
            "Chronology report (HTML, Markdown)…",
            "Export chronology report",
            "Where to write the report, e.g. chronology.html or chronology.md",
            "chronology.html",
        ),
    ] {
        let out = dir.path().join(name);
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export").hover();
        harness.run();
        harness.get_by_label(item).click();
        harness.run();
        harness.get_by_label(title);
        let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, hint);
        field.focus();
        field.type_text(&out.display().to_string());
        harness.run_steps(1);
        harness.get_by_label("Save").click();
        harness.run_steps(2);
        let written = std::fs::read(&out).expect("the export was written");
        let mut expected = Vec::new();
        let timeline = &harness.state().project.timeline;
        if name.ends_with(".csv") {
            chronoscope::export::csv::to_writer(timeline, &mut expected).unwrap();
        } else if name.ends_with(".html") {
            let html = chronoscope::export::report::Format::Html;
            chronoscope::export::report::to_writer(timeline, html, &mut expected).unwrap();
        } else {
            chronoscope::export::timelinejs::to_writer(timeline, &mut expected).unwrap();
        }
        assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(expected).unwrap(), "{name}");
    }
    let csv = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
    let edited_row = csv.lines().find(|line| line.contains(event.label.as_str())).expect("the moved event has a row");
    assert!(edited_row.contains("true"), "the row says it was edited: {edited_row}");
    let report = std::fs::read_to_string(dir.path().join("chronology.html")).unwrap();
    assert!(report.contains("<span class=\"mark corrected\">corrected</span>"), "the moved event is marked");
}

/// Regression: the window wrote exports and projects wherever the user pointed, so naming an
/// open article (a slip in the path field, or the system dialog's overwrite prompt clicked
/// through) replaced the article's text with JSON.
#[test]
fn nothing_is_written_over_an_open_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "Police arrested two men on Tuesday, 13 June 2023.").unwrap();
    let mut harness = app_with(vec![article.clone()]);
    let before = std::fs::read(&article).unwrap();
    let spelled_otherwise = dir.path().join(".").join("article.txt");
    for purpose in [
        PathPurpose::ExportJson,
        PathPurpose::ExportCsv,
        PathPurpose::ExportTimelineJs,
        PathPurpose::ExportReport,
        PathPurpose::SaveProject,
        PathPurpose::ExportImage(ImageChoice { format: ImageFormat::Png, width: 1920, height: 1080, whole: true }),
        PathPurpose::ExportImage(ImageChoice { format: ImageFormat::Svg, width: 1920, height: 1080, whole: true }),
    ] {
        harness.state_mut().perform(Action::PathsChosen(purpose, vec![spelled_otherwise.clone()]));
        assert_eq!(std::fs::read(&article).unwrap(), before, "{purpose:?} wrote over the article");
    }
    let app = harness.state();
    let refusals = app.notices.items.iter().filter(|n| n.error && n.text.contains("would destroy its text")).count();
    assert_eq!(refusals, 7, "each refusal is said");
    assert!(app.project.path.is_none(), "the project did not take the article's path");
}

#[test]
fn export_png_has_the_requested_size_and_is_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(examples());
    for (whole, name) in [(true, "whole.png"), (false, "view.png")] {
        let out = dir.path().join(name);
        let choice = ImageChoice { format: ImageFormat::Png, width: 1920, height: 1080, whole };
        harness.state_mut().perform(Action::PathsChosen(PathPurpose::ExportImage(choice), vec![out.clone()]));
        let pixmap = tiny_skia::Pixmap::load_png(&out).expect("a decodable PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
        let first = pixmap.pixels()[0];
        let differing = pixmap.pixels().iter().filter(|p| **p != first).count();
        assert!(differing > 10_000, "{name}: only {differing} pixels differ from the background");
    }
}

/// File › Export › Image… with SVG chosen writes the drawing the PNG would show, as vectors.
#[test]
fn export_svg_writes_the_view_as_vectors() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(examples());
    let out = dir.path().join("timeline.svg");
    let choice = ImageChoice { format: ImageFormat::Svg, width: 2560, height: 1440, whole: false };
    harness.state_mut().perform(Action::PathsChosen(PathPurpose::ExportImage(choice), vec![out.clone()]));
    let svg = std::fs::read_to_string(&out).expect("the SVG was written");
    assert!(svg.contains("width=\"2560\" height=\"1440\""), "{}", &svg[..300.min(svg.len())]);
    assert!(svg.matches("<text ").count() > 20, "labels, axis and badges are text");
    let errors: Vec<_> = harness.state().notices.items.iter().filter(|n| n.error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_saved_project_reopens_with_its_edits_and_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("story.chronoscope.json");
    let mut harness = app_with(examples());
    let (event, centre) = pick_event(&harness);
    let vp = harness.state().view.viewport.unwrap();
    let dx = ((2.0 * event.granularity.snap_seconds() as f64) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    drag(&mut harness, centre, dx);
    let moved = harness.state().project.timeline.event(&event.id).unwrap().clone();
    harness.state_mut().perform(Action::PathsChosen(PathPurpose::SaveProject, vec![project.clone()]));
    assert!(!harness.state().project.dirty);
    harness.run_steps(2);
    assert!(!harness.state().title().contains('*'), "saved: {}", harness.state().title());

    let mut reopened = app_with(Vec::new());
    reopened.state_mut().open_project(&project);
    settle(&mut reopened);
    let app = reopened.state();
    assert_eq!(app.project.timeline.event(&event.id), Some(&moved));
    assert_eq!(app.project.slots.len(), 3);
    assert!(app.project.slots.iter().all(|s| s.document.is_some()));
    assert!(!app.project.dirty);
}

#[test]
fn without_an_anchor_the_window_infers_one_from_the_articles() {
    let files = examples();
    let docs: Vec<_> = files.iter().map(|f| chronoscope::ingest::load(f).unwrap()).collect();
    let (expected, _) = chronoscope::pipeline::infer_anchor(&docs).expect("the examples state a date");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChronoscopeApp::new(&cc.egui_ctx, files, None, options()));
    settle(&mut harness);
    assert_eq!(harness.state().project.anchor, expected);
    assert_eq!(harness.state().project.timeline.anchor, expected);
    assert!(harness.state().notices.items.iter().any(|n| n.text.contains(&expected.to_string())));
}

/// Regression (issue #11, the empty window): the anchor field showed today's date, which nothing
/// had said, until the articles loaded; it stays empty (hinting that the articles will give it)
/// until they do, then shows the inferred day.
#[test]
fn the_anchor_field_shows_no_day_until_one_is_known() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| ChronoscopeApp::new(&cc.egui_ctx, Vec::new(), None, options()));
    harness.run_steps(2);
    let today = chrono::Local::now().date_naive().to_string();
    assert!(harness.query_all_by_value(&today).next().is_none(), "today's date is shown as day zero");
    harness.state_mut().perform(Action::AddFiles(examples()));
    settle(&mut harness);
    harness.run_steps(2);
    let inferred = harness.state().project.anchor.to_string();
    assert!(harness.query_all_by_value(&inferred).next().is_some(), "the inferred day {inferred} is shown");
}

/// Regression guard: the README promises the window never silently uses today. With no anchor
/// given and no date in the articles, today stands in and an error notice says so.
#[test]
fn without_any_date_the_window_says_today_stands_in() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("undated.txt");
    std::fs::write(&article, "The council met and voted to rebuild the bridge.").unwrap();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChronoscopeApp::new(&cc.egui_ctx, vec![article], None, options()));
    settle(&mut harness);
    let today = chrono::Local::now().date_naive();
    let app = harness.state();
    assert!(matches!(app.project.anchor_choice, chronoscope::session::project::AnchorChoice::StandIn(_)));
    let notice = app.notices.items.iter().find(|n| n.text.contains("stands in")).expect("a notice about the anchor");
    assert!(notice.text.contains(&today.to_string()) || app.project.anchor != today, "{}", notice.text);
}

/// A file dropped onto the window in a test.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_files_onto_the_window_adds_them() {
    let files = examples();
    let mut harness = app_with(vec![files[0].clone()]);
    assert_eq!(harness.state().project.timeline.documents.len(), 1);
    harness.input_mut().dropped_files =
        files[1..].iter().map(|f| std::sync::Arc::new(Dropped(f.clone())) as egui::DroppedFileHandle).collect();
    harness.step();
    settle(&mut harness);
    assert_eq!(harness.state().project.timeline.documents.len(), 3);
}

fn span(harness: &Harness<'_, ChronoscopeApp>) -> (f64, f64) {
    let vp = harness.state().view.viewport.unwrap();
    (vp.start, vp.end)
}

fn wheel(harness: &mut Harness<'_, ChronoscopeApp>, delta: egui::Vec2) {
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(20);
}

#[test]
fn wheel_zooms_around_the_pointer_sideways_scroll_pans_and_f_fits() {
    let mut harness = app_with(examples());
    let (start, end) = span(&harness);
    let (_, centre) = pick_event(&harness);
    // Hover a point on the canvas left of the event, where the time stays put while zooming.
    let pointer = centre - egui::vec2(120.0, 0.0);
    harness.hover_at(pointer);
    harness.run_steps(2);
    wheel(&mut harness, egui::vec2(0.0, 200.0));
    let (zs, ze) = span(&harness);
    assert!(ze - zs < (end - start) * 0.8, "zoomed in: {} -> {}", end - start, ze - zs);
    wheel(&mut harness, egui::vec2(150.0, 0.0));
    let (ps, pe) = span(&harness);
    assert!(ps < zs && ((pe - ps) - (ze - zs)).abs() < 1.0, "panned to earlier times without zooming");
    harness.remove_cursor();
    harness.key_press(egui::Key::F);
    harness.run_steps(2);
    let (fs, fe) = span(&harness);
    // F shows the story's own span again (the first view: day-precise events and the anchor);
    // what lies outside it is counted at the edges, and its chip takes it in (the 1990s too).
    assert!((fs - start).abs() < 1.0 && (fe - end).abs() < 1.0, "F returns to the story's span");
    harness
        .query_all_by_label_contains("earlier events: click to show them")
        .next()
        .expect("earlier events are counted")
        .click();
    harness.run_steps(3);
    let (fs, fe) = span(&harness);
    let extent = harness.state().project.timeline.extent().unwrap();
    let to_seconds = chronoscope::render::time_axis::to_seconds;
    assert!(
        fs <= to_seconds(extent.start) && fe >= end - 1.0,
        "the chip takes the earlier events in and keeps the story"
    );
    assert!(fe - fs > (end - start) * 2.0, "wider than the story's first view");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = app_with(examples());
    assert!(!harness.state().project.dirty, "nothing edited yet");
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(harness.state().project.dirty);
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run_steps(2);
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Unsaved changes").is_none());
}

#[test]
fn the_calendar_picker_sets_the_anchor() {
    let mut harness = app_with(examples());
    harness.get_by_label("Calendar").click();
    harness.run_steps(3);
    harness.get_by_label("June 2023");
    harness.get_by_label("20").click();
    harness.run_steps(2);
    settle(&mut harness);
    let expected = NaiveDate::from_ymd_opt(2023, 6, 20).unwrap();
    assert_eq!(harness.state().project.anchor, expected);
    assert_eq!(harness.state().project.timeline.anchor, expected);
}

/// One load of the fifty articles: how many frames were drawn while loading, and whether the
/// progress bar showed a count.
fn load_fifty_articles(files: Vec<std::path::PathBuf>) -> (usize, bool) {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| ChronoscopeApp::new(&cc.egui_ctx, files, Some(anchor()), options()));
    let started = std::time::Instant::now();
    let mut frames_while_busy = 0;
    let mut slowest = std::time::Duration::ZERO;
    // Reading counts the 50 files; the stages after it count their own steps.
    let counts = |p: &chronoscope::session::jobs::Progress| p.total > 0 && p.done <= p.total;
    let mut saw_progress = harness.state().loader_progress().is_some_and(counts);
    while harness.state().is_busy() && started.elapsed() < std::time::Duration::from_secs(120) {
        let frame = std::time::Instant::now();
        harness.step();
        slowest = slowest.max(frame.elapsed());
        frames_while_busy += 1;
        saw_progress |= harness.state().loader_progress().is_some_and(counts);
    }
    settle(&mut harness);
    eprintln!(
        "50 articles: loaded in {:?}, {frames_while_busy} frames drawn meanwhile, slowest frame {:?}",
        started.elapsed(),
        slowest
    );
    assert_eq!(harness.state().project.timeline.documents.len(), 50);
    (frames_while_busy, saw_progress)
}

/// Loading runs off the UI thread: the window keeps drawing and shows the progress. A load
/// that finishes within one frame (the tests run side by side, and a busy UI thread may draw
/// its first frame after the loader is done) shows nothing either way, so the load is tried up
/// to three times; on the UI thread it would never show both.
#[test]
fn fifty_articles_load_off_the_ui_thread_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for copy in 0..17 {
        for source in examples() {
            let name = format!("{copy:02}-{}", source.file_name().unwrap().to_string_lossy());
            let target = dir.path().join(name);
            std::fs::copy(&source, &target).unwrap();
            files.push(target);
        }
    }
    files.truncate(50);
    let attempts: Vec<(usize, bool)> = (0..3).map(|_| load_fifty_articles(files.clone())).collect();
    assert!(
        attempts.iter().any(|&(frames, progress)| frames > 1 && progress),
        "the window kept drawing and showed the progress while loading: {attempts:?}"
    );
}

#[test]
fn the_inspector_renames_and_moves_the_selected_event() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);

    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label");
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label").type_text("Warehouse blaze");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let renamed = harness.state().project.timeline.event(&event.id).unwrap().clone();
    assert_eq!(renamed.label, "Warehouse blaze");
    assert_eq!(renamed.original_label.as_deref(), Some(event.label.as_str()));
    assert!(renamed.edited);

    let target = event.start.date() + chrono::Duration::days(3);
    let date = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Start date");
    date.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Start date").type_text(&target.to_string());
    harness.run_steps(1);
    harness.get_by_label("Move").click();
    harness.run_steps(3);
    let moved = harness.state().project.timeline.event(&event.id).unwrap().clone();
    assert_eq!(moved.start, target.and_time(event.start.time()));
    assert_eq!(moved.end - moved.start, event.end - event.start);
    assert_eq!(moved.original.as_deref(), Some(&event.placement()));

    harness.get_by_label("Reset to extracted").click();
    harness.run_steps(3);
    assert_eq!(harness.state().project.timeline.event(&event.id), Some(&event));
}

/// Regression (issue #11, window defects): Escape in the label field committed the half-typed
/// label as a rename instead of cancelling it.
#[test]
fn escape_in_the_label_field_cancels_the_typing() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label");
    field.focus();
    harness.run_steps(1);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label").type_text(" half-typ");
    harness.run_steps(1);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.project.timeline.event(&event.id), Some(&event), "nothing was renamed");
    assert!(app.project.history.undo_name().is_none(), "no edit was recorded");
    let shown = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label").value();
    assert_eq!(shown.as_deref(), Some(event.label.as_str()), "the field shows the label again");
}

/// Regression (issue #11, window defects): "Redid: Move" stayed in the status line under later
/// edits, and a failed save stayed on screen in red after a later save that worked.
#[test]
fn the_status_line_and_errors_follow_what_happened_last() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_with(examples());
    let (event, centre) = pick_event(&harness);
    let vp = harness.state().view.viewport.unwrap();
    let dx = ((2.0 * event.granularity.snap_seconds() as f64) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    drag(&mut harness, centre, dx);
    harness.state_mut().perform(Action::Undo);
    harness.state_mut().perform(Action::Redo);
    harness.run_steps(2);
    assert_eq!(harness.query_all_by_label("Redid: Move").count(), 1, "the redo is said");
    let moved = harness.state().project.timeline.event(&event.id).unwrap().clone();
    let renamed = chronoscope::session::edit::relabel(&moved, "Warehouse blaze").unwrap();
    let rename = chronoscope::session::history::EventEdit { what: "Rename".into(), before: moved, after: renamed };
    harness.state_mut().perform(Action::Edit(Box::new(rename)));
    harness.run_steps(2);
    assert_eq!(harness.query_all_by_label("Redid: Move").count(), 0, "a later edit replaces it");

    let nowhere = dir.path().join("no-such-folder").join("story.chronoscope.json");
    harness.state_mut().perform(Action::PathsChosen(PathPurpose::SaveProject, vec![nowhere]));
    let errors = |h: &Harness<'_, ChronoscopeApp>| h.state().notices.items.iter().filter(|n| n.error).count();
    assert_eq!(errors(&harness), 1, "the failed save is said");
    let good = dir.path().join("story.chronoscope.json");
    harness.state_mut().perform(Action::PathsChosen(PathPurpose::SaveProject, vec![good]));
    assert_eq!(errors(&harness), 0, "the save that worked takes the error back");
    assert!(!harness.state().project.dirty);
}

#[test]
fn a_documents_publication_date_can_be_set() {
    let mut harness = app_with(examples());
    let slot = harness.state().project.slots[0].path.clone();
    harness.state_mut().perform(Action::SetPublished { path: slot.clone(), date: Some("2023-06-01".into()) });
    settle(&mut harness);
    let app = harness.state();
    let info = app.project.timeline.documents.iter().find(|d| Path::new(&d.path) == slot).unwrap();
    assert_eq!(info.dct.as_deref(), Some("2023-06-01"));
    // Regression: a date set in the window was recorded as coming from the file.
    assert_eq!(info.dct_source.as_deref(), Some("user"), "the JSON says the user set it");
}

/// A project of ten thousand events over five years, in the three example documents.
fn big_project(dir: &Path) -> PathBuf {
    use chronoscope::session::project_file::{self, ProjectData, ProjectDocument};
    use chronoscope::timeline::{DocumentInfo, Placement, SentenceRef, Timeline};
    use chronoscope::timex::Granularity;
    let mut timeline = Timeline::empty(anchor());
    for (i, path) in examples().iter().enumerate() {
        timeline.documents.push(DocumentInfo {
            id: format!("d{}", i + 1),
            path: std::fs::canonicalize(path).unwrap().display().to_string(),
            title: format!("Document {}", i + 1),
            dct: None,
            dct_source: None,
            chars: 10,
            warnings: vec![],
        });
    }
    let base = anchor().and_hms_opt(0, 0, 0).unwrap();
    for n in 0..10_000i64 {
        let doc = format!("d{}", n % 3 + 1);
        let start = base + chrono::Duration::hours(n * 7 % (5 * 365 * 24));
        let place = Placement { start, end: start + chrono::Duration::hours(1), granularity: Granularity::Hour };
        let sentence = SentenceRef { start: 0, end: 5, text: format!("Sentence {n}.").into() };
        timeline.events.push(Event::new(
            format!("{doc}-e{n}").into(),
            doc.into(),
            format!("Event number {n}"),
            place,
            sentence,
        ));
    }
    let documents = examples()
        .iter()
        .enumerate()
        .map(|(i, p)| ProjectDocument {
            id: Some(format!("d{}", i + 1)),
            path: std::fs::canonicalize(p).unwrap(),
            content_hash: None,
            published: None,
        })
        .collect();
    let path = dir.join("big.chronoscope.json");
    project_file::save(&path, &ProjectData { anchor: anchor(), documents, timeline }).unwrap();
    path
}

#[test]
fn ten_thousand_events_keep_frames_interactive() {
    let dir = tempfile::tempdir().unwrap();
    let project = big_project(dir.path());
    let mut harness = app_with(Vec::new());
    harness.state_mut().open_project(&project);
    settle(&mut harness);
    assert_eq!(harness.state().project.timeline.events.len(), 10_000);
    let mut frames = Vec::new();
    for _ in 0..10 {
        let started = std::time::Instant::now();
        harness.step();
        frames.push(started.elapsed());
    }
    frames.sort();
    eprintln!("10,000 events: median frame {:?}, slowest {:?} (whole window, this build)", frames[5], frames[9]);
    // Generous: unoptimised test builds on a shared machine; the point is no quadratic blow-up.
    assert!(frames[5] < std::time::Duration::from_secs(2));
}

#[test]
fn clicking_a_cluster_badge_zooms_into_its_events() {
    let mut harness = app_with(examples());
    let (start, end) = span(&harness);
    {
        // In the fitted view the examples' days around the anchor fold into a badge.
        let badge = harness.query_all_by_label_contains("events here: click to zoom in").next();
        badge.expect("a cluster badge in the fitted view").click();
    }
    harness.run_steps(3);
    let (zs, ze) = span(&harness);
    assert!(ze - zs < (end - start) / 2.0, "zoomed from {} s to {} s", end - start, ze - zs);
}

#[test]
fn opening_a_project_over_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("story.chronoscope.json");
    let mut harness = app_with(examples());
    harness.state_mut().perform(Action::PathsChosen(PathPurpose::SaveProject, vec![project.clone()]));
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(2);
    assert!(harness.state().project.dirty);

    harness.state_mut().perform(Action::PathsChosen(PathPurpose::OpenProject, vec![project.clone()]));
    harness.run_steps(2);
    harness.get_by_label("Unsaved changes");
    assert!(harness.state().project.timeline.event(&event.id).unwrap().hidden, "nothing replaced yet");
    harness.get_by_label("Discard changes and open").click();
    harness.run_steps(2);
    settle(&mut harness);
    assert!(!harness.state().project.timeline.event(&event.id).unwrap().hidden, "the saved project is back");
    assert!(!harness.state().project.dirty);
}

/// Regression: an event that was only hidden (or only renamed) kept the old anchor's date after
/// the anchor changed, because `carry_edits` copies such events whole.
#[test]
fn hidden_or_renamed_events_still_follow_a_new_anchor() {
    let mut harness = app_with(examples());
    let new_anchor = NaiveDate::from_ymd_opt(2024, 2, 20).unwrap();
    let docs = harness.state().project.extraction_input();
    let settings = chronoscope::pipeline::Settings { anchor: new_anchor, dct: None };
    let sources: Vec<_> = docs.iter().map(|(id, doc)| (id.as_str(), doc)).collect();
    let fresh = chronoscope::pipeline::build_timeline_of(&sources, &settings);
    let movers: Vec<Event> = harness
        .state()
        .project
        .timeline
        .events
        .iter()
        .filter(|e| fresh.event(&e.id).is_some_and(|f| f.start != e.start))
        .take(2)
        .cloned()
        .collect();
    assert_eq!(movers.len(), 2, "the examples have relative dates that follow the anchor");
    let hidden = chronoscope::session::edit::set_hidden(&movers[0], true);
    let renamed = chronoscope::session::edit::relabel(&movers[1], "Renamed by hand").unwrap();
    for (before, after) in [(&movers[0], hidden), (&movers[1], renamed)] {
        let edit = chronoscope::session::history::EventEdit { what: "test".into(), before: before.clone(), after };
        harness.state_mut().perform(Action::Edit(Box::new(edit)));
    }
    harness.state_mut().perform(Action::SetAnchor(new_anchor));
    settle(&mut harness);
    let t = &harness.state().project.timeline;
    let h = t.event(&movers[0].id).unwrap();
    assert!(h.hidden);
    assert_eq!(h.start, fresh.event(&movers[0].id).unwrap().start);
    let r = t.event(&movers[1].id).unwrap();
    assert_eq!(r.label, "Renamed by hand");
    assert_eq!(r.start, fresh.event(&movers[1].id).unwrap().start);
}

#[test]
fn dragging_the_background_pans_the_timeline() {
    let mut harness = app_with(examples());
    let (start, end) = span(&harness);
    let canvas = harness.get_by_role_and_label(egui::accesskit::Role::Canvas, "Timeline").rect();
    // The top-left corner holds no event, badge or chip.
    let from = canvas.left_top() + egui::vec2(6.0, 6.0);
    drag(&mut harness, from, 120.0);
    let (ps, pe) = span(&harness);
    assert!(ps < start, "dragging right shows earlier times");
    assert!(((pe - ps) - (end - start)).abs() < 1.0, "panning keeps the zoom");
    assert!(harness.state().project.timeline.events.iter().all(|e| !e.edited), "no event moved");
}

#[test]
fn arrows_still_step_after_clicking_a_marker() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    let mut next = harness.state().selection.event.clone().unwrap();
    let forward = next != event.id;
    if !forward {
        // The clicked event was the last one: step back instead.
        harness.key_press(egui::Key::ArrowLeft);
        harness.run_steps(2);
        next = harness.state().selection.event.clone().unwrap();
    }
    assert_ne!(next, event.id, "the selection moved on");
    let t = &harness.state().project.timeline;
    let start = t.event(&next).unwrap().start;
    assert!(if forward { start >= event.start } else { start <= event.start });
}

#[test]
fn the_inspector_changes_an_events_granularity() {
    let mut harness = app_with(examples());
    let event = visible_markers(&harness)
        .into_iter()
        .find(|e| e.granularity == chronoscope::timex::Granularity::Day)
        .expect("a day event on screen");
    harness.get_by_label(&accessible_label(&event, &harness.state().project.timeline)).click();
    harness.run_steps(2);
    harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Granularity").click();
    harness.run();
    harness.get_by_label("month").click();
    harness.run_steps(3);
    let after = harness.state().project.timeline.event(&event.id).unwrap().clone();
    assert_eq!(after.granularity, chronoscope::timex::Granularity::Month);
    assert_eq!(chrono::Datelike::day(&after.start.date()), 1);
    assert!(after.start <= event.start && event.end <= after.end, "the month covers the day");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project.timeline.event(&event.id), Some(&event));
}

#[test]
fn the_view_menu_switches_to_the_light_theme() {
    let mut harness = app_with(examples());
    assert!((harness.ctx.theme() == egui::Theme::Dark));
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Light theme").click();
    harness.run_steps(3);
    assert!(!(harness.ctx.theme() == egui::Theme::Dark));
}

/// The example articles copied into `dir`, so a test can move, change or delete them.
fn copied_examples(dir: &Path) -> Vec<PathBuf> {
    examples()
        .iter()
        .map(|f| {
            let copy = dir.join(f.file_name().unwrap());
            std::fs::copy(f, &copy).unwrap();
            copy
        })
        .collect()
}

/// Moves `event` two units later through the edit action (as a drag's release does).
fn move_later(harness: &mut Harness<'_, ChronoscopeApp>, event: &Event) -> Event {
    let after = chronoscope::session::edit::retime(event, 2).unwrap();
    let edit = chronoscope::session::history::EventEdit { what: "Move".into(), before: event.clone(), after };
    harness.state_mut().perform(Action::Edit(Box::new(edit)));
    harness.state().project.timeline.event(&event.id).unwrap().clone()
}

/// Regression: a background job overwrote the timeline it copied when it started, so an edit
/// made while it ran (here: while the new anchor re-extracts) was lost when it finished.
#[test]
fn an_edit_made_while_a_re_extraction_runs_survives_it() {
    let mut harness = app_with(examples());
    let (event, _) = pick_event(&harness);
    harness.state_mut().perform(Action::SetAnchor(NaiveDate::from_ymd_opt(2024, 2, 20).unwrap()));
    assert!(harness.state().is_busy(), "the re-extraction runs");
    let moved = move_later(&mut harness, &event);
    assert!(moved.edited);
    settle(&mut harness);
    let after = harness.state().project.timeline.event(&event.id).expect("the event keeps its id").clone();
    assert_eq!((after.start, after.end, after.edited), (moved.start, moved.end, true));
    // Undo still finds the event by its id after the merge.
    harness.state_mut().perform(Action::Undo);
    assert!(!harness.state().project.timeline.event(&event.id).unwrap().edited);
}

/// The same with a real drag: the re-extraction starts once the drag has grabbed the event, and
/// the move survives whether the job ends during the drag or after it.
#[test]
fn dragging_while_the_anchor_re_extracts_keeps_the_move() {
    let mut harness = app_with(examples());
    let (event, from) = pick_event(&harness);
    let vp = harness.state().view.viewport.unwrap();
    let dx = ((2.0 * event.granularity.snap_seconds() as f64) / vp.seconds_per_px()).clamp(40.0, 300.0) as f32;
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(from + egui::vec2(dx / 4.0, 0.0));
    harness.step();
    assert!(harness.state().view.drag.is_some(), "the drag grabbed the event");
    harness.state_mut().perform(Action::SetAnchor(NaiveDate::from_ymd_opt(2017, 3, 22).unwrap()));
    assert!(harness.state().is_busy(), "the re-extraction runs during the drag");
    for k in 2..=4 {
        harness.hover_at(from + egui::vec2(dx * k as f32 / 4.0, 0.0));
        harness.step();
    }
    harness.drop_at(from + egui::vec2(dx, 0.0));
    harness.step();
    settle(&mut harness);
    let after = harness.state().project.timeline.event(&event.id).expect("the event keeps its id");
    assert!(after.edited, "the move survived the re-extraction");
    let original = **after.original.as_ref().expect("the extraction is remembered");
    assert_ne!(after.start, original.start);
    assert_eq!(after.granularity, original.granularity);
}

/// Regression: reopening a project whose first article had gone shifted every later article's
/// ids, so edits landed on the wrong events or vanished. Now the missing article is named, its
/// saved events stay, the other articles keep their ids and edits, and Locate… brings it back.
#[test]
fn a_project_with_a_missing_article_keeps_every_edit_and_can_locate_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = copied_examples(dir.path());
    let project = dir.path().join("story.chronoscope.json");
    let mut harness = app_with(files.clone());
    let events = harness.state().project.timeline.events.clone();
    let first_doc = harness.state().project.timeline.documents[0].id.clone();
    let in_first =
        events.iter().find(|e| *e.doc == *first_doc && e.granularity <= chronoscope::timex::Granularity::Day);
    let in_other =
        events.iter().find(|e| *e.doc != *first_doc && e.granularity <= chronoscope::timex::Granularity::Day);
    let (in_first, in_other) = (in_first.unwrap().clone(), in_other.unwrap().clone());
    let moved_first = move_later(&mut harness, &in_first);
    let moved_other = move_later(&mut harness, &in_other);
    harness.state_mut().save_project(&project);

    let moved_away = dir.path().join("moved-away.txt");
    std::fs::rename(&files[0], &moved_away).unwrap();
    let mut reopened = app_with(Vec::new());
    reopened.state_mut().open_project(&project);
    settle(&mut reopened);
    let app = reopened.state();
    assert_eq!(app.project.timeline.event(&in_other.id), Some(&moved_other), "other articles keep ids and edits");
    assert_eq!(app.project.timeline.event(&in_first.id), Some(&moved_first), "the missing article's edits stay");
    assert!(app.notices.items.iter().any(|n| n.error && n.text.contains("marrowby-courier-fire.txt")));
    assert!(reopened.query_by_label("Locate…").is_some(), "the document list offers to locate the file");

    // Locate… through the path field (no native dialog in tests).
    reopened.get_by_label("Locate…").click();
    reopened.run_steps(2);
    reopened.state_mut().perform(Action::PathsChosen(PathPurpose::LocateDocument, vec![moved_away.clone()]));
    settle(&mut reopened);
    let app = reopened.state();
    let slot = app.project.slots.iter().find(|s| s.id.as_deref() == Some(first_doc.as_str())).unwrap();
    assert!(slot.document.is_some() && slot.error.is_none());
    assert_eq!(slot.path, std::fs::canonicalize(&moved_away).unwrap());
    let located = app.project.timeline.event(&in_first.id).unwrap();
    assert_eq!((located.start, located.edited), (moved_first.start, true), "the edit is carried into the re-read file");
    assert!(app.project.dirty, "the new path is a change to save");
}

/// An article edited on disk since the save: the window says so, extracts it again and carries
/// the user's edit to the sentence it belongs to.
#[test]
fn a_project_whose_article_changed_says_so_and_carries_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let files = copied_examples(dir.path());
    let project = dir.path().join("story.chronoscope.json");
    let mut harness = app_with(files.clone());
    let first_doc = harness.state().project.timeline.documents[0].id.clone();
    let event = harness
        .state()
        .project
        .timeline
        .events
        .iter()
        .find(|e| *e.doc == *first_doc && e.granularity <= chronoscope::timex::Granularity::Day)
        .unwrap()
        .clone();
    let moved = move_later(&mut harness, &event);
    harness.state_mut().save_project(&project);

    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], format!("Correction appended below.\n\n{text}")).unwrap();
    let mut reopened = app_with(Vec::new());
    reopened.state_mut().open_project(&project);
    settle(&mut reopened);
    let app = reopened.state();
    assert!(app.notices.items.iter().any(|n| n.text.contains("changed since the project was saved")));
    let carried = app.project.timeline.event(&event.id).expect("the edited event keeps its id");
    assert_eq!((carried.start, carried.edited), (moved.start, true));
    assert_eq!(carried.sentence.text, event.sentence.text);
    assert_ne!(carried.sentence.start, event.sentence.start, "the text moved");
}

/// Issue #9 §1: the inspector shows a story event's sources and why they were joined; the user
/// splits the event out, undoes it, and the sources are one story event again.
#[test]
fn a_story_event_lists_its_sources_and_splits_with_undo() {
    let mut harness = app_with(examples());
    let timeline = &harness.state().project.timeline;
    let story = timeline.stories.iter().find(|s| s.documents.len() >= 2).expect("two outlets report the fire").clone();
    let first = timeline.event(&story.events[0]).unwrap().clone();
    let second = timeline.event(&story.events[1]).unwrap().clone();
    harness.state_mut().perform(Action::Select(Some(first.id.to_string())));
    harness.state_mut().perform(Action::OpenInspector);
    harness.run_steps(3);
    harness.get_by_label(&format!("Story event: reported by 2 sources ({} reports)", story.events.len()));
    let other_doc = timeline_title(&harness, &second.doc);
    assert!(harness.query_all_by_label_contains(&other_doc).count() > 0, "the other source ({other_doc}) is listed");
    harness.get_by_label("Split from story event").click();
    harness.run_steps(3);
    let story_of =
        |h: &Harness<'_, ChronoscopeApp>, id: &str| h.state().project.timeline.event(id).unwrap().story.clone();
    assert_ne!(story_of(&harness, &first.id), story_of(&harness, &second.id), "split");
    assert!(harness.state().title().contains('*'), "a story decision is an edit");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(story_of(&harness, &first.id), story_of(&harness, &second.id), "undo joins them again");
}

fn timeline_title(harness: &Harness<'_, ChronoscopeApp>, doc: &str) -> String {
    harness.state().project.timeline.document(doc).unwrap().title.clone()
}

/// Issue #9 §3: implied events (a tenure's start, a birth from an age) are drawn, and one toggle
/// leaves them all out.
#[test]
fn implied_events_are_drawn_and_hidden_with_one_toggle() {
    let mut harness = app_with(examples());
    let implied: Vec<Event> =
        harness.state().project.timeline.events.iter().filter(|e| e.implied.is_some()).cloned().collect();
    assert!(!implied.is_empty(), "the examples imply events (a 20-year veteran, a 61-year-old)");
    let extent = harness.state().project.timeline.extent().unwrap();
    let to_seconds = chronoscope::render::time_axis::to_seconds;
    harness.state_mut().perform(Action::ZoomTo(to_seconds(extent.start), to_seconds(extent.end)));
    harness.run_steps(3);
    let drawn = |h: &Harness<'_, ChronoscopeApp>| {
        implied
            .iter()
            .map(|e| h.query_all_by_label(&accessible_label(e, &h.state().project.timeline)).count())
            .sum::<usize>()
    };
    assert!(drawn(&harness) > 0, "implied events are on the timeline");
    harness.get_by_label(&format!("Implied ({})", implied.len())).click();
    harness.run_steps(3);
    assert!(harness.state().selection.hide_implied);
    assert_eq!(drawn(&harness), 0, "the toggle leaves them out");
}

/// Issue #9 §5: with two or more articles the window opens on the Story view: a story event
/// reported by several sources is drawn once (not once per source); By source draws each report
/// in its own lane again.
#[test]
fn the_story_view_is_the_default_and_draws_a_shared_story_event_once() {
    let mut harness = app_in_default_view(examples());
    assert_eq!(harness.state().selection.timeline_view(3), TimelineView::Story);
    let timeline = harness.state().project.timeline.clone();
    let story = timeline.stories.iter().find(|s| s.documents.len() >= 2).expect("two outlets report the fire").clone();
    let members: Vec<&Event> = story.events.iter().filter_map(|id| timeline.event(id)).collect();
    let event_markers = |h: &Harness<'_, ChronoscopeApp>| {
        members.iter().filter(|e| h.query_by_label(&accessible_label(e, &timeline)).is_some()).count()
    };
    assert_eq!(harness.query_all_by_label(&accessible_story_label(&story)).count(), 1, "drawn once");
    assert_eq!(event_markers(&harness), 0, "its reports are not drawn one by one");

    harness.get_by_label("By source").click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection.view, Some(TimelineView::Sources));
    assert!(harness.query_by_label(&accessible_story_label(&story)).is_none());
    assert!(event_markers(&harness) >= 2, "each source's report in its lane");

    harness.get_by_label("Story").click();
    harness.run_steps(3);
    assert_eq!(harness.query_all_by_label(&accessible_story_label(&story)).count(), 1);
}

/// Issue #9 §5: dragging a story event in the Story view moves every report of it, as one step.
#[test]
fn dragging_a_story_event_moves_all_its_reports_and_undo_restores_them() {
    let mut harness = app_in_default_view(examples());
    let timeline = harness.state().project.timeline.clone();
    let story = timeline
        .stories
        .iter()
        .filter(|s| s.documents.len() >= 2 && s.granularity <= chronoscope::timex::Granularity::Day)
        .find(|s| harness.query_by_label(&accessible_story_label(s)).is_some())
        .expect("a shared, day-precise story event is on screen")
        .clone();
    let before: Vec<Event> = story.events.iter().filter_map(|id| timeline.event(id).cloned()).collect();
    let at = harness.get_by_label(&accessible_story_label(&story)).rect().center();
    drag(&mut harness, at, 140.0);
    let now = |h: &Harness<'_, ChronoscopeApp>| -> Vec<Event> {
        before.iter().map(|e| h.state().project.timeline.event(&e.id).unwrap().clone()).collect()
    };
    let moved = now(&harness);
    for (b, m) in before.iter().zip(&moved) {
        assert!(
            m.start > b.start && m.edited,
            "{} moved later with the story event: {:?} -> {:?}",
            b.id,
            b.start,
            m.start
        );
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    for (b, r) in before.iter().zip(now(&harness)) {
        assert_eq!((r.start, r.end, r.edited), (b.start, b.end, b.edited), "undo restores {}", b.id);
    }
}

/// Issue #9 §2: the Conflicts panel lists each conflict with its values and sources; clicking a
/// source shows its sentence in the article, the phrase marked.
#[test]
fn the_conflicts_panel_lists_conflicts_and_jumps_to_a_source_sentence() {
    let mut harness = app_in_default_view(examples());
    let timeline = harness.state().project.timeline.clone();
    assert!(!timeline.conflicts.is_empty(), "the examples disagree (injured 2 or 3, the guard 61 or 62)");
    harness.get_by_label(&format!("Conflicts ({})", timeline.conflicts.len())).click();
    harness.run_steps(3);
    assert!(harness.state().selection.conflicts_open);
    harness.get_by_label("Conflicts");
    let conflict = &timeline.conflicts[0];
    let claims: Vec<_> =
        conflict.claims.iter().map(|id| timeline.claims.iter().find(|c| c.id == *id).unwrap().clone()).collect();
    for claim in &claims {
        assert!(
            harness.query_all_by_label(&format!("\u{201c}{}\u{201d}", claim.text)).count() > 0,
            "{} is listed",
            claim.text
        );
    }
    let target = claims.last().unwrap();
    harness.query_all_by_label(&format!("\u{201c}{}\u{201d}", target.text)).next().unwrap().click();
    harness.run_steps(4);
    let selection = &harness.state().selection;
    assert_eq!(selection.doc.as_deref(), Some(&*target.doc), "the claim's article is shown");
    let focus = selection.focus.clone().expect("the claim's phrase is marked");
    assert_eq!((focus.start, focus.end), (target.start, target.end));
    assert_eq!(selection.event.as_deref(), target.event.as_deref(), "its event is selected");
}

/// Issue #10 §1: events placed by context (sentences with no time phrase of their own) are
/// drawn, explain themselves in the inspector, and one toggle leaves them all out.
#[test]
fn context_placed_events_are_drawn_explained_and_hidden_with_one_toggle() {
    let mut harness = app_with(examples());
    let placed: Vec<Event> = harness
        .state()
        .project
        .timeline
        .events
        .iter()
        .filter(|e| e.placement != chronoscope::timeline::PlacementKind::Phrase)
        .cloned()
        .collect();
    assert!(!placed.is_empty(), "the examples have sentences placed by context");
    // Zoomed to the first one's day: the examples' day zero holds many events, folded into
    // cluster badges at the zoom of the whole story.
    let to_seconds = chronoscope::render::time_axis::to_seconds;
    let (from, to) = (placed[0].start - chrono::Duration::hours(12), placed[0].end + chrono::Duration::hours(12));
    harness.state_mut().perform(Action::ZoomTo(to_seconds(from), to_seconds(to)));
    harness.run_steps(3);
    let drawn = |h: &Harness<'_, ChronoscopeApp>| {
        placed.iter().filter(|e| h.query_by_label(&accessible_label(e, &h.state().project.timeline)).is_some()).count()
    };
    // Seen once in about twenty runs (never reproduced): say what the window showed if it recurs.
    assert!(
        drawn(&harness) > 0,
        "context-placed events are on the timeline: {:?} in {:?}; labels: {:?}",
        { placed.iter().map(|e| (&e.id, e.start)).collect::<Vec<_>>() },
        harness.state().view.viewport,
        {
            let t = &harness.state().project.timeline;
            placed.iter().map(|e| accessible_label(e, t)).collect::<Vec<_>>()
        }
    );
    harness.state_mut().perform(Action::Select(Some(placed[0].id.to_string())));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains(": no time phrase;").is_some(), "the inspector says why");
    harness.get_by_label(&format!("Context-placed ({})", placed.len())).click();
    harness.run_steps(3);
    assert!(harness.state().selection.hide_context);
    assert_eq!(drawn(&harness), 0, "the toggle leaves them out");
}

/// Regression (issue #11, window defects): the side panels grew to the longest label they once
/// showed (a long event label, a long title) and never shrank back.
#[test]
fn side_panels_do_not_grow_with_long_labels() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let title = "https://www.harbour-news.example/2023/06/13/harbour-authority-closes-northern-quay-to-all-shipping-after-storm";
    let long = "The harbour authority closed the northern quay to all shipping traffic after the storm had damaged the cranes, the fuel lines and the old customs house (see https://www.harbour-news.example/2023/06/13/harbour-authority-closes-northern-quay) on Tuesday, 13 June 2023.";
    std::fs::write(&article, format!("{title}\n\n{long} Divers searched the quay on Wednesday.\n")).unwrap();
    let mut files = examples();
    files.push(article);
    let mut harness = app_in_default_view(files);
    harness.state_mut().perform(Action::ToggleConflicts);
    harness.run_steps(3);
    // The side panels take what the timeline canvas gives up.
    let widths = |h: &Harness<'_, ChronoscopeApp>| h.get_by_label("Timeline").rect().width();
    harness.state_mut().perform(Action::Select(None));
    harness.run_steps(3);
    let before = widths(&harness);
    // Loading the long title did not widen a panel either: the canvas is as wide as without it.
    let mut plain = app_in_default_view(examples());
    plain.state_mut().perform(Action::ToggleConflicts);
    plain.run_steps(3);
    plain.state_mut().perform(Action::Select(None));
    plain.run_steps(3);
    let without = widths(&plain);
    assert!((before - without).abs() <= 1.0, "a long title took {} px from the canvas", without - before);
    let events: Vec<String> = harness.state().project.timeline.events.iter().map(|e| e.id.to_string()).collect();
    assert!(events.len() >= 2, "{events:?}");
    for id in events.iter().chain(events.iter()) {
        harness.state_mut().perform(Action::Select(Some(id.clone())));
        harness.run_steps(3);
        let now = widths(&harness);
        assert!(now >= before - 1.0, "{id}: the canvas shrank from {before} to {now}: a side panel grew");
    }
}

/// The article list lays out the rows in view only (issue #11, fluid with many articles): with
/// hundreds of articles the first is listed and the last is not, until it is scrolled to.
#[test]
fn a_long_article_list_lays_out_only_the_rows_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..300)
        .map(|i| {
            let path = dir.path().join(format!("{i:03}.txt"));
            std::fs::write(&path, format!("Report number {i}\n\nThe mill burned on Monday, 12 June 2023.\n")).unwrap();
            path
        })
        .collect();
    let harness = app_with(files);
    assert_eq!(harness.state().project.timeline.documents.len(), 300);
    assert!(harness.query_all_by_label("Report number 0").next().is_some(), "the first row is drawn");
    assert!(harness.query_all_by_label("Report number 299").next().is_none(), "the last row is not laid out");
}
