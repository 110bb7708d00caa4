//! Runs every rule family's example corpus (src/tagger/rules/*.corpus) through the whole
//! pipeline: phrase in context + reference date → span, TIMEX3 type, value and mod; and the
//! negative examples, which must stay untagged.

use chrono::NaiveDate;
use chronoscope::ingest::{Document, SourceFormat};
use chronoscope::pipeline::{extract_document, Settings};
use std::path::{Path, PathBuf};

mod common;
use common::unbracket;

struct Case {
    line: usize,
    text: String,
    /// Expected phrase span in chars, or the forbidden span for negatives (None = whole text).
    span: Option<(usize, usize)>,
    expect: Option<(String, String, Option<String>)>,
}

fn parse_case(line_no: usize, line: &str) -> Case {
    let negative = line.starts_with('!');
    let body = line.trim_start_matches('!');
    let (sentence, rest) = body.split_once('\t').unwrap_or((body, ""));
    let (open, close) = if negative { ('{', '}') } else { ('[', ']') };
    let (text, span) = unbracket(sentence, open, close);
    let expect = (!negative).then(|| {
        let fields: Vec<&str> = rest.split('\t').collect();
        assert!(fields.len() >= 2, "line {line_no}: want sentence<TAB>TYPE<TAB>VALUE[<TAB>MOD]");
        (fields[0].to_string(), fields[1].to_string(), fields.get(2).map(|m| m.to_string()))
    });
    assert!(negative || span.is_some(), "line {line_no}: a positive example needs [brackets]");
    Case { line: line_no, text, span, expect }
}

fn run_corpus(path: &Path) -> (usize, Vec<String>) {
    let source = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut settings = Settings { anchor: NaiveDate::from_ymd_opt(2017, 3, 22).unwrap(), dct: None };
    let mut problems = Vec::new();
    let mut count = 0;
    for (index, line) in source.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(date) = line.strip_prefix("@anchor ") {
            settings.anchor = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").unwrap();
            settings.dct = None;
            continue;
        }
        if let Some(dct) = line.strip_prefix("@dct ") {
            settings.dct = Some(dct.trim().to_string());
            continue;
        }
        count += 1;
        let case = parse_case(line_no, line);
        let doc = Document {
            path: PathBuf::from(format!("{name}:{line_no}")),
            title: String::new(),
            text: case.text.clone(),
            dct: None,
            byline: None,
            format: SourceFormat::Text,
            breaks: Vec::new(),
            warnings: Vec::new(),
        };
        let result = extract_document(&doc, "d1", &settings);
        let found: Vec<String> = result.mentions.iter().map(|m| format!("{:?}={}", m.text, m.value)).collect();
        match (&case.expect, case.span) {
            (Some((kind, value, modifier)), Some((start, end))) => {
                let Some(m) = result.mentions.iter().find(|m| m.start == start && m.end == end) else {
                    problems.push(format!("{name}:{}: {:?}: phrase not found; got {found:?}", case.line, case.text));
                    continue;
                };
                let got = (m.timex_type.as_str(), m.value.as_str(), m.modifier.as_deref());
                if got != (kind.as_str(), value.as_str(), modifier.as_deref()) {
                    problems.push(format!(
                        "{name}:{}: {:?}: got {} {} {:?}, want {kind} {value} {modifier:?} ({})",
                        case.line, m.text, got.0, got.1, got.2, m.explanation
                    ));
                }
            }
            (None, span) => {
                let (start, end) = span.unwrap_or((0, usize::MAX));
                for m in result.mentions.iter().filter(|m| m.start < end && start < m.end) {
                    problems.push(format!("{name}:{}: {:?} must not be tagged ({})", case.line, m.text, m.rule));
                }
            }
            _ => unreachable!(),
        }
    }
    (count, problems)
}

#[test]
fn every_rule_corpus_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/tagger/rules");
    let mut corpora: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "corpus"))
        .collect();
    corpora.sort();
    assert!(corpora.len() >= 7, "expected a corpus per rule family, found {corpora:?}");
    let mut all = Vec::new();
    let mut total = 0;
    for corpus in &corpora {
        let (count, problems) = run_corpus(corpus);
        assert!(count > 0, "{} has no examples", corpus.display());
        total += count;
        all.extend(problems);
    }
    assert!(all.is_empty(), "{} of {total} corpus examples fail:\n{}", all.len(), all.join("\n"));
}
