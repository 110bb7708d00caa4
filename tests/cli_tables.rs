//! `--csv`, `--timelinejs` and `--report` (issue #11), run through the real binary on the bundled
//! examples: each output is parsed back (the CSV with the `csv` crate, the TimelineJS JSON
//! against the field set Knight Lab documents, the report's Markdown with a CommonMark parser and
//! its HTML with an HTML parser) and compared with a snapshot (`UPDATE_SNAPSHOTS=1 cargo test
//! --test cli_tables` after an intended change).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chronoscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope")).args(args).current_dir(root()).output().unwrap()
}

const EXAMPLES: [&str; 3] = [
    "assets/examples/marrowby-courier-fire.txt",
    "assets/examples/valley-ledger-aftermath.md",
    "assets/examples/marrowby-courier-investigation.html",
];

fn extract_to(flag: &str) -> Vec<u8> {
    extract_with(&[flag, "-"])
}

fn extract_with(more: &[&str]) -> Vec<u8> {
    let mut args = vec!["extract"];
    args.extend(EXAMPLES);
    args.extend(["--anchor", "2023-06-13"]);
    args.extend(more);
    let out = chronoscope(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn csv_reads_back_with_one_row_per_visible_event() {
    let bytes = extract_to("--csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, chronoscope::export::csv::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(rows.len(), events.iter().filter(|e| e["hidden"] != true).count());
    // Sentences with commas and quotes read back whole, and rows are in time order.
    let sentence = rows.iter().map(|r| &r[5]).find(|s| s.contains(',')).expect("a sentence with a comma");
    assert!(events.iter().any(|e| e["sentence"]["text"] == sentence), "{sentence}");
    let starts: Vec<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "rows are in time order");
    let snapshot = root().join("tests/snapshots/examples_timeline.csv");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, &bytes).unwrap();
    }
    let want = std::fs::read(&snapshot).expect("snapshot exists; create it with UPDATE_SNAPSHOTS=1");
    assert!(want == bytes, "CSV differs from {}; if intended, rerun with UPDATE_SNAPSHOTS=1", snapshot.display());
}

/// The fields of a TimelineJS 3 slide and date, as Knight Lab's JSON format documents them.
const SLIDE_FIELDS: &[&str] =
    &["start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"];
const DATE_FIELDS: &[&str] = &["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"];

fn check_date(date: &Value) {
    let fields = date.as_object().unwrap();
    assert!(fields.keys().all(|k| DATE_FIELDS.contains(&k.as_str())), "{date}");
    assert!(date["year"].is_i64(), "a date has a year: {date}");
    if let Some(month) = date.get("month") {
        assert!((1..=12).contains(&month.as_i64().unwrap()));
    }
    if let Some(day) = date.get("day") {
        assert!((1..=31).contains(&day.as_i64().unwrap()));
    }
}

#[test]
fn timelinejs_holds_only_documented_fields_and_one_slide_per_story_event() {
    let json: Value = serde_json::from_slice(&extract_to("--timelinejs")).unwrap();
    let top = json.as_object().unwrap();
    assert!(top.keys().all(|k| ["events", "title", "eras", "scale"].contains(&k.as_str())), "{:?}", top.keys());
    let slides = json["events"].as_array().unwrap();
    assert!(!slides.is_empty());
    for slide in slides {
        assert!(slide.as_object().unwrap().keys().all(|k| SLIDE_FIELDS.contains(&k.as_str())), "{slide}");
        check_date(&slide["start_date"]);
        if let Some(end) = slide.get("end_date") {
            check_date(end);
        }
        let headline = slide["text"]["headline"].as_str().unwrap();
        assert!(!headline.is_empty() && !headline.contains('<'), "{headline}");
        assert!(slide["text"]["text"].as_str().unwrap().starts_with("<p>"));
    }
    let ids: std::collections::BTreeSet<&str> = slides.iter().map(|s| s["unique_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), slides.len(), "one slide per story event");
    let timeline: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let shared = timeline["stories"].as_array().unwrap().iter().find(|s| s["documents"].as_array().unwrap().len() >= 2);
    let shared = shared.expect("two outlets report one happening");
    let slide = slides.iter().find(|s| s["unique_id"] == shared["id"]).expect("the shared story event has a slide");
    assert_eq!(
        slide["text"]["text"].as_str().unwrap().matches("<p>").count(),
        shared["events"].as_array().unwrap().len()
    );
    assert!(slide.get("group").is_none(), "a slide several sources report belongs to no one source");
    check_snapshot("examples_timelinejs.json", &extract_to("--timelinejs"));
}

#[test]
fn two_outputs_cannot_both_go_to_stdout() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--csv", "-", "--timelinejs", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--csv and --timelinejs both name stdout"));
}

fn check_snapshot(name: &str, bytes: &[u8]) {
    let snapshot = root().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&snapshot, bytes).unwrap();
    }
    let want = std::fs::read(&snapshot).expect("snapshot exists; create it with UPDATE_SNAPSHOTS=1");
    assert!(want == bytes, "output differs from {}; if intended, rerun with UPDATE_SNAPSHOTS=1", snapshot.display());
}

/// The sentences of the visible events, as the JSON holds them.
fn visible_sentences() -> Vec<String> {
    let json: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["hidden"] != true)
        .map(|e| e["sentence"]["text"].as_str().unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The Markdown report read as CommonMark: a heading per period after "Sources", every visible
/// event's sentence quoted as plain text (escaping leaves the words as written), the conflicts.
#[test]
fn the_markdown_report_reads_back_as_the_chronology() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let bytes = extract_with(&["--report", "-"]);
    let markdown = String::from_utf8(bytes.clone()).unwrap();
    let (mut headings, mut items, mut text) = (Vec::new(), Vec::new(), String::new());
    let mut quote_links: Vec<String> = Vec::new();
    for event in Parser::new(&markdown) {
        match event {
            // A quote's "[2]" links to its article, titled with the article's title.
            Event::Start(Tag::Link { dest_url, title, .. }) if !title.is_empty() => {
                quote_links.push(format!("{dest_url} {title}"))
            }
            Event::Start(Tag::Heading { .. } | Tag::Item) => text.clear(),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Heading(level)) => headings.push((level, text.clone())),
            Event::End(TagEnd::Item) => items.push(text.clone()),
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) | Event::Html(_) => {
                panic!("article text became HTML in the Markdown: {event:?}")
            }
            _ => {}
        }
    }
    assert_eq!(headings[0], (HeadingLevel::H1, "Chronology".to_string()));
    assert_eq!(headings[1].1, "Sources");
    assert!(headings.iter().any(|(_, h)| h == "Tue 13 Jun 2023"), "{headings:?}");
    assert!(headings.iter().any(|(_, h)| h == "Conflicts between sources"), "{headings:?}");
    for sentence in visible_sentences() {
        let quoted = format!("\u{201c}{sentence}\u{201d}");
        assert!(items.iter().any(|i| i.contains(&quoted)), "not quoted: {sentence}");
    }
    assert!(quote_links.len() >= visible_sentences().len(), "every quote links to its article: {quote_links:?}");
    let fire =
        "assets/examples/marrowby-courier-fire.txt Fire guts Dunmore cold store in Marrowby; security guard missing";
    assert!(quote_links.iter().any(|l| l == fire), "{quote_links:?}");
    check_snapshot("examples_report.md", &bytes);
}

/// The HTML report through an HTML parser: self-contained (no script, no external resource),
/// one article per story event, every quote linked to a listed source, every conflict's link to
/// an article of the page.
#[test]
fn the_html_report_is_one_self_contained_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chronology.html");
    extract_with(&["--report", path.to_str().unwrap()]);
    let bytes = std::fs::read(&path).unwrap();
    let page = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(page.select(&select("head > title, head > style, head > meta[charset]")).count(), 3);
    assert_eq!(page.select(&select("script, link, img, iframe, object")).count(), 0);
    assert!(page.select(&select("[src], [style]")).next().is_none(), "no external or inline-attribute resources");
    let ids: Vec<&str> = page.select(&select("[id]")).filter_map(|e| e.value().attr("id")).collect();
    let json: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let shown_stories = json["stories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|id| json["events"].as_array().unwrap().iter().any(|e| &e["id"] == id && e["hidden"] != true))
        })
        .count();
    assert_eq!(page.select(&select("article")).count(), shown_stories);
    for link in page.select(&select("a[href^='#']")) {
        let target = &link.value().attr("href").unwrap()[1..];
        assert!(ids.contains(&target), "a link to #{target}, which the page does not have");
    }
    let quotes: Vec<String> = page.select(&select("article blockquote")).map(|q| q.text().collect()).collect();
    for sentence in visible_sentences() {
        assert!(quotes.iter().any(|q| q.contains(&sentence)), "not quoted: {sentence}");
    }
    assert!(page.select(&select("span.mark.disputed")).next().is_some(), "the disputed fire is marked");
    check_snapshot("examples_report.html", &bytes);
}

/// A report whose name says no format is refused before any work, with what to do.
#[test]
fn a_report_needs_a_format_it_can_tell() {
    let out = chronoscope(&["extract", EXAMPLES[0], "--anchor", "2023-06-13", "--report", "chronology.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name it .md or .html"));
    assert!(!root().join("chronology.txt").exists());
    let html = extract_with(&["--report", "-", "--report-format", "html"]);
    assert!(html.starts_with(b"<!DOCTYPE html>"));
}

/// The texts, and the root's attributes, of an SVG read with an XML parser (which also checks
/// that every element is closed and every entity is valid).
fn read_svg(text: &str) -> (Vec<(String, String)>, Vec<String>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut root, mut texts, mut in_text) = (Vec::new(), Vec::<String>::new(), false);
    loop {
        match reader.read_event().expect("well-formed SVG") {
            Event::Start(e) if e.name().as_ref() == "svg" => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap();
                    root.push((a.key.as_ref().to_string(), value.into_owned()));
                }
            }
            Event::Start(e) => {
                in_text = e.name().as_ref() == "text";
                if in_text {
                    texts.push(String::new());
                }
            }
            Event::Text(t) if in_text => texts.last_mut().unwrap().push_str(&t),
            Event::GeneralRef(r) if in_text => {
                let entity = match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    other => panic!("unexpected entity &{other};"),
                };
                texts.last_mut().unwrap().push_str(entity);
            }
            Event::End(_) => in_text = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (root, texts)
}

/// `--svg` (issue #11): the PNG's drawing as vectors with real text, of the size asked for.
#[test]
fn the_svg_is_the_drawing_with_its_labels_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("timeline.svg");
    extract_with(&["--svg", out.to_str().unwrap(), "--image-size", "1600x900"]);
    let bytes = std::fs::read(&out).unwrap();
    let (root, texts) = read_svg(std::str::from_utf8(&bytes).expect("UTF-8"));
    let attribute = |name: &str| root.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    assert_eq!((attribute("width"), attribute("height")), (Some("1600"), Some("900")));
    assert_eq!(attribute("viewBox"), Some("0 0 1600 900"));
    let json: Value = serde_json::from_slice(&extract_to("--json")).unwrap();
    let labels: Vec<&str> = json["stories"].as_array().unwrap().iter().filter_map(|e| e["label"].as_str()).collect();
    let drawn = labels
        .iter()
        .filter(|label| {
            texts.iter().any(|t| {
                t.trim_end_matches('…') == **label || (t.ends_with('…') && label.starts_with(t.trim_end_matches('…')))
            })
        })
        .count();
    assert!(drawn * 2 > labels.len(), "only {drawn} of {} story labels are text in the SVG: {texts:?}", labels.len());
    assert!(texts.iter().any(|t| t.starts_with("Anchor")), "the anchor pill is text: {texts:?}");
    check_snapshot("examples_timeline.svg", &bytes);
}
