//! The TempEval-3 style scorer on hand-made cases, so it cannot silently lie: exact, partial
//! overlap, miss, spurious, wrong type and wrong value, micro totals and the rendered report.

use chronoscope::eval::Entity;
use chronoscope::eval::{self, score_document, Counts, ErrorKind, EvalReport};
use chronoscope::timex::TimexType;
use std::path::{Path, PathBuf};

const TEXT: &str = "On Monday, 5 March 1998, the bank said prices fell for the last two weeks.";

/// An entity over the first occurrence of `phrase` in `TEXT`.
fn e(phrase: &str, timex_type: TimexType, value: &str) -> Entity {
    let byte = TEXT.find(phrase).unwrap_or_else(|| panic!("{phrase:?} not in text"));
    let start = TEXT[..byte].chars().count();
    Entity { start, end: start + phrase.chars().count(), text: phrase.into(), timex_type, value: value.into() }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn exact_match_scores_one() {
    let gold = [e("Monday", TimexType::Date, "1998-03-02")];
    let score = score_document("d", TEXT, &gold, &gold);
    let c = score.counts;
    assert_eq!(c, Counts { gold: 1, system: 1, strict: 1, relaxed: 1, type_ok: 1, value_ok: 1 });
    assert!(close(c.strict().f1, 1.0) && close(c.relaxed().f1, 1.0));
    assert!(close(c.type_f1(), 1.0) && close(c.value_f1(), 1.0));
    assert!(score.errors.is_empty());
}

#[test]
fn partial_overlap_is_relaxed_not_strict() {
    let gold = [e("the last two weeks", TimexType::Duration, "P2W")];
    let system = [e("two weeks", TimexType::Duration, "P2W")];
    let score = score_document("d", TEXT, &gold, &system);
    assert_eq!(score.counts.strict, 0);
    assert_eq!(score.counts.relaxed, 1);
    assert!(close(score.counts.strict().f1, 0.0));
    assert!(close(score.counts.relaxed().f1, 1.0));
    assert!(close(score.counts.value_f1(), 1.0));
    assert_eq!(score.errors.len(), 1);
    assert_eq!(score.errors[0].kind, ErrorKind::Extent);
}

#[test]
fn extents_are_compared_on_tokens_not_characters() {
    // "Monday," without the comma token vs with it: different tokens, so not strict.
    let gold = [e("5 March 1998", TimexType::Date, "1998-03-05")];
    let mut system = e("5 March 1998", TimexType::Date, "1998-03-05");
    system.end -= 1; // "5 March 199" still covers the same three tokens
    let score = score_document("d", TEXT, &gold, &[system]);
    assert_eq!(score.counts.strict, 1);
    let comma = e("Monday,", TimexType::Date, "1998-03-02");
    let score = score_document("d", TEXT, &[e("Monday", TimexType::Date, "1998-03-02")], &[comma]);
    assert_eq!((score.counts.strict, score.counts.relaxed), (0, 1));
}

#[test]
fn miss_and_spurious_count_against_recall_and_precision() {
    let gold = [e("Monday", TimexType::Date, "1998-03-02"), e("5 March 1998", TimexType::Date, "1998-03-05")];
    let system = [e("Monday", TimexType::Date, "1998-03-02"), e("the bank", TimexType::Date, "XXXX")];
    let score = score_document("d", TEXT, &gold, &system);
    let c = score.counts;
    assert_eq!((c.gold, c.system, c.strict, c.relaxed), (2, 2, 1, 1));
    assert!(close(c.strict().precision, 0.5) && close(c.strict().recall, 0.5));
    let kinds: Vec<_> = score.errors.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [ErrorKind::Missed, ErrorKind::Spurious]);
    assert_eq!(score.errors[0].gold.as_ref().unwrap().text, "5 March 1998");
    assert_eq!(score.errors[1].system.as_ref().unwrap().text, "the bank");
}

#[test]
fn wrong_value_and_type_lower_attribute_scores_only() {
    let gold = [e("Monday", TimexType::Date, "1998-03-02"), e("the last two weeks", TimexType::Duration, "P2W")];
    let system = [e("Monday", TimexType::Date, "1998-03-09"), e("the last two weeks", TimexType::Date, "P2W")];
    let score = score_document("d", TEXT, &gold, &system);
    let c = score.counts;
    assert_eq!((c.strict, c.relaxed, c.type_ok, c.value_ok), (2, 2, 1, 1));
    assert!(close(c.relaxed().f1, 1.0));
    assert!(close(c.type_f1(), 0.5) && close(c.value_f1(), 0.5));
    let kinds: Vec<_> = score.errors.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [ErrorKind::WrongValue, ErrorKind::WrongType]);
    // Per type: gold DATE found with the wrong value; gold DURATION found with the right value;
    // both system entities are DATEs and both matched.
    let [date, _, duration, _] = score.by_type;
    assert_eq!((date.gold, date.gold_found, date.value_ok, date.system, date.system_matched), (1, 1, 0, 2, 2));
    assert_eq!((duration.gold, duration.gold_found, duration.value_ok, duration.system), (1, 1, 1, 0));
}

#[test]
fn matching_is_one_to_one_and_prefers_exact_extents() {
    // Two system entities overlap one gold entity: only one may match, and the exact one wins
    // even though it comes second.
    let gold = [e("5 March 1998", TimexType::Date, "1998-03-05")];
    let system = [e("March", TimexType::Date, "1998-03"), e("5 March 1998", TimexType::Date, "1998-03-05")];
    let score = score_document("d", TEXT, &gold, &system);
    assert_eq!((score.counts.strict, score.counts.relaxed), (1, 1));
    assert_eq!(score.errors.len(), 1);
    assert_eq!(score.errors[0].kind, ErrorKind::Spurious);
    assert_eq!(score.errors[0].system.as_ref().unwrap().text, "March");
}

#[test]
fn nothing_found_scores_zero_not_nan() {
    let gold = [e("Monday", TimexType::Date, "1998-03-02")];
    let c = score_document("d", TEXT, &gold, &[]).counts;
    assert!(close(c.strict().f1, 0.0) && close(c.relaxed().precision, 0.0) && close(c.value_f1(), 0.0));
    assert!(c.value_f1().is_finite());
}

#[test]
fn overall_is_micro_averaged_and_documents_sorted() {
    let gold = [e("Monday", TimexType::Date, "1998-03-02")];
    let good = score_document("b.tml", TEXT, &gold, &gold);
    let gold3 = [
        e("Monday", TimexType::Date, "x"),
        e("5 March 1998", TimexType::Date, "y"),
        e("the bank", TimexType::Date, "z"),
    ];
    let bad = score_document("a.tml", TEXT, &gold3, &[]);
    let report = EvalReport::from_documents(vec![good, bad], vec!["a note".into()]);
    assert_eq!(report.documents[0].name, "a.tml");
    assert_eq!((report.overall.gold, report.overall.system, report.overall.strict), (4, 1, 1));
    assert!(close(report.overall.strict().recall, 0.25));
    assert!(close(report.overall.strict().precision, 1.0));
    let text = report.render(true);
    let overall = text.find("OVERALL").unwrap();
    assert!(overall < text.find("a.tml").unwrap() && text.find("a.tml").unwrap() < text.find("b.tml").unwrap());
    assert!(text.contains("25.0") && text.contains("40.0"), "{text}"); // R = 25%, F1 = 40%
    assert!(text.contains("a note"));
    assert_eq!(report.by_type[0].gold, 4);
    assert!(close(report.by_type[0].recall(), 0.25));
    assert!(text.contains("By type") && text.contains("DURATION"), "{text}");
    assert!(text.contains("MISSED") && text.contains("\"5 March 1998\""), "{text}");
    assert!(!report.render(false).contains("MISSED"));
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

#[test]
fn run_reads_gold_from_files_and_directories() {
    let report = eval::run(&[fixture("")]).unwrap();
    // The directory holds snippet.tml (2 gold TIMEX3s) and broken.tml (skipped with a note).
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].name, "snippet.tml");
    assert_eq!(report.overall.gold, 2);
    assert!(report.notes.iter().any(|n| n.contains("broken.tml") && n.contains("malformed")), "{:?}", report.notes);
    let single = eval::run(&[fixture("snippet.tml"), fixture("snippet.tml")]).unwrap();
    assert_eq!(single.documents.len(), 1);
}

#[test]
fn run_refuses_missing_paths_and_empty_sets() {
    assert!(eval::run(&[fixture("nope.tml")]).is_err());
    assert!(eval::run(&[fixture("broken.tml")]).unwrap_err().contains("malformed"));
}

#[test]
fn gold_without_a_dct_resolves_against_a_date_in_its_text_never_today() {
    // Regression: eval resolved a document without a DCT against today's date.
    let dir = tempfile::tempdir().unwrap();
    let with_date = dir.path().join("dated.tml");
    std::fs::write(
        &with_date,
        "<TimeML><TEXT>The plant closed on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2017-03-22\">March 22, 2017</TIMEX3>. \
         It reopened <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2017-03-23\">the next day</TIMEX3>.</TEXT></TimeML>",
    )
    .unwrap();
    let undated = dir.path().join("undated.tml");
    std::fs::write(&undated, "<TimeML><TEXT>Nothing here says when.</TEXT></TimeML>").unwrap();
    let report = eval::run(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(report.documents.len(), 1, "{:?}", report.notes);
    assert_eq!(report.documents[0].name, "dated.tml");
    assert!(report.notes.iter().any(|n| n.contains("dated.tml") && n.contains("2017-03-22")), "{:?}", report.notes);
    assert!(report.notes.iter().any(|n| n.contains("undated.tml") && n.contains("no date")), "{:?}", report.notes);
    let today = chrono::Local::now().date_naive().to_string();
    assert!(report.notes.iter().all(|n| !n.contains(&today)), "{:?}", report.notes);
}
