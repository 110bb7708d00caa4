//! Inferring day zero without keeping the texts (issue #11, peak memory): each text is let go
//! once read, and the documents extracted again under the inferred day are read again from their
//! files. The timeline must be the one inferring with the texts kept gives; a file changed in
//! between is an error, never another article's results under the first one's id.

use chronoscope::export::json;
use chronoscope::ingest::{self, Document};
use chronoscope::pipeline::{self, Reusable, Settings};
use std::path::Path;

const COUNCIL: &str = "The council met on March 1, 2017. A bomb exploded in Leeds on March 22, 2017, killing two.";
const VAN: &str = "The bomb that exploded in Leeds on March 22, 2017 was hidden in a van.";
/// An article with its own publication date: day zero places nothing in it, and its first
/// extraction is kept, between two that are read again.
const DATED: &str = "<TimeML><DOCID>c</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-03-23\" \
                     functionInDocument=\"CREATION_TIME\">March 23, 2017</TIMEX3></DCT><TEXT>Police searched \
                     a flat in Leeds on Thursday.</TEXT></TimeML>";

fn write_articles(dir: &Path) -> Vec<Document> {
    [("a.txt", COUNCIL), ("c.tml", DATED), ("b.txt", VAN)]
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            ingest::load(&path).unwrap()
        })
        .collect()
}

#[test]
fn reading_the_texts_again_gives_the_timeline_keeping_them_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = write_articles(dir.path());
    let ids = pipeline::document_ids(&docs);
    let sources: Vec<(&str, &Document)> = ids.iter().map(String::as_str).zip(&docs).collect();
    let (kept_day, _, kept) = pipeline::infer_anchor_keeping(&sources, &|| {}).unwrap();
    let kept = pipeline::build_timeline_reusing(&sources, &Settings { anchor: kept_day, dct: None }, kept);

    let (day, why, reusable) = pipeline::infer_anchor_releasing_texts(&ids, &mut docs, &|| {}).unwrap();
    assert_eq!(day.to_string(), "2017-03-22", "{why}");
    // The provisional day (the first date written) was not day zero: the two articles with no
    // publication date are extracted again from their files; the dated one is kept.
    let kept_or_not: Vec<bool> = match &reusable {
        Reusable::Documents(results) => results.iter().map(Option::is_some).collect(),
        Reusable::Timeline(_) => Vec::new(),
    };
    assert_eq!(kept_or_not, [false, true, false]);
    assert!(docs.iter().all(|doc| doc.text.is_empty()), "every text was let go");
    let again =
        pipeline::build_timeline_reading_again(&ids, &docs, &Settings { anchor: day, dct: None }, reusable, &|| {})
            .unwrap();
    assert!(again.events.iter().any(|e| e.label.starts_with("Police searched")));
    assert_eq!(json::to_string(&again), json::to_string(&kept));
}

#[test]
fn an_article_changed_before_it_is_read_again_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = write_articles(dir.path());
    let ids = pipeline::document_ids(&docs);
    let (day, _, reusable) = pipeline::infer_anchor_releasing_texts(&ids, &mut docs, &|| {}).unwrap();
    std::fs::write(dir.path().join("b.txt"), "The van was towed away on March 23, 2017.").unwrap();
    let message =
        pipeline::build_timeline_reading_again(&ids, &docs, &Settings { anchor: day, dct: None }, reusable, &|| {})
            .err()
            .unwrap();
    assert!(message.contains("b.txt changed while it was being read"), "{message}");
}
