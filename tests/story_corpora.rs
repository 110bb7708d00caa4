//! The claim and implied-event corpora (src/story/claims.corpus, src/story/implied.corpus): a
//! sentence with the phrase in [brackets] and TAB-separated expectations, `!` lines with the span
//! that must stay empty in {braces}, `@reference YYYY-MM-DD` lines. Also the seeds: the claims and
//! implied events the two seed articles must yield, and a randomized no-panic test over fragments.

use chrono::NaiveDate;
use chronoscope::story::claims::{self, Claim, ClaimStatus};
use chronoscope::story::implied::{self, Implied};
use chronoscope::text::offsets::CharOffsets;
use chronoscope::text::sentences;
use std::path::{Path, PathBuf};

mod common;
use common::unbracket;

/// One corpus line: text without markers, the marked span in chars, the expectations.
struct Case {
    line: usize,
    text: String,
    span: Option<(usize, usize)>,
    negative: bool,
    fields: Vec<String>,
}

fn parse_case(line: usize, source: &str) -> Case {
    let negative = source.starts_with('!');
    let body = source.trim_start_matches('!');
    let (sentence, rest) = body.split_once('\t').unwrap_or((body, ""));
    let (open, close) = if negative { ('{', '}') } else { ('[', ']') };
    let (text, span) = unbracket(sentence, open, close);
    let fields = rest.split('\t').filter(|f| !f.is_empty()).map(str::to_string).collect();
    Case { line, text, span, negative, fields }
}

fn read(text: &str, reference: NaiveDate) -> (Vec<Claim>, Vec<Implied>) {
    let offsets = CharOffsets::new(text);
    let spans = sentences::split(text);
    let found = claims::extract("d1", text, &offsets, &spans);
    let events = implied::extract(text, &offsets, &spans, &found, reference);
    (found, events)
}

/// Runs a corpus: `check` returns a problem for a positive case, negatives are checked against
/// the spans `spans_of` gives.
fn run_corpus(
    name: &str,
    check: impl Fn(&Case, &[Claim], &[Implied], NaiveDate) -> Option<String>,
    spans_of: impl Fn(&[Claim], &[Implied]) -> Vec<(usize, usize, String)>,
) -> (usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/story").join(name);
    let source = std::fs::read_to_string(&path).unwrap();
    let mut reference = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    let (mut count, mut problems) = (0, Vec::new());
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(date) = line.strip_prefix("@reference ") {
            reference = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").unwrap();
            continue;
        }
        count += 1;
        let case = parse_case(index + 1, line);
        let (found, events) = read(&case.text, reference);
        if case.negative {
            let (start, end) = case.span.unwrap_or((0, usize::MAX));
            for (s, e, what) in spans_of(&found, &events) {
                if s < end && start < e {
                    problems.push(format!("{name}:{}: {what} must not be found", case.line));
                }
            }
        } else if case.span.is_none() {
            problems.push(format!("{name}:{}: a positive example needs [brackets]", case.line));
        } else if let Some(problem) = check(&case, &found, &events, reference) {
            problems.push(format!("{name}:{}: {problem}", case.line));
        }
    }
    (count, problems)
}

fn claim_summary(c: &Claim) -> String {
    let q = serde_json::to_value(c.quantity).unwrap();
    format!("{:?} {} {} {} {:?} {:?} {:?}", c.text, c.subject, q["value"], q["mod"], c.status, c.person, c.qualifiers)
}

/// claims.corpus: subject, value, MOD, then optional `status=`, `person=`, `qual=` fields.
fn check_claim(case: &Case, found: &[Claim], _: &[Implied], _: NaiveDate) -> Option<String> {
    let (start, end) = case.span?;
    let all: Vec<String> = found.iter().map(claim_summary).collect();
    let Some(claim) = found.iter().find(|c| c.start == start && c.end == end) else {
        return Some(format!("{:?}: claim not found; got {all:?}", case.text));
    };
    let q = serde_json::to_value(claim.quantity).unwrap();
    let mut want = case.fields.iter();
    let (subject, value, modifier) = (want.next()?, want.next()?, want.next()?);
    let mut wrong = Vec::new();
    if claim.subject != *subject
        || q["value"] != value.parse::<u64>().unwrap_or(u64::MAX)
        || q["mod"] != modifier.as_str()
    {
        wrong.push(format!("want {subject} {value} {modifier}"));
    }
    for extra in want {
        let (key, expected) = extra.split_once('=').unwrap_or((extra, ""));
        let ok = match key {
            "status" => format!("{:?}", claim.status).eq_ignore_ascii_case(expected),
            "person" => claim.person.as_deref() == Some(expected).filter(|p| !p.is_empty()),
            "qual" => claim.qualifiers.iter().any(|q| q == expected),
            _ => false,
        };
        if !ok {
            wrong.push(format!("want {extra}"));
        }
    }
    (!wrong.is_empty()).then(|| format!("got {}; {}", claim_summary(claim), wrong.join(", ")))
}

/// implied.corpus: kind, label, first day, end day (exclusive).
fn check_implied(case: &Case, _: &[Claim], events: &[Implied], _: NaiveDate) -> Option<String> {
    let (start, end) = case.span?;
    let all: Vec<String> = events
        .iter()
        .map(|e| format!("{} {}..{} @{}..{}", e.label, e.start, e.end, e.phrase_start, e.phrase_end))
        .collect();
    let Some(event) = events.iter().find(|e| e.phrase_start == start && e.phrase_end == end) else {
        return Some(format!("{:?}: implied event not found; got {all:?}", case.text));
    };
    let kind = serde_json::to_value(event.kind).unwrap();
    let got = [
        kind.as_str().unwrap_or("").to_string(),
        event.label.clone(),
        event.start.date().to_string(),
        event.end.date().to_string(),
    ];
    (got.as_slice() != case.fields.as_slice())
        .then(|| format!("got {got:?}, want {:?} ({})", case.fields, event.explanation))
}

#[test]
fn claims_corpus_passes() {
    let (count, problems) = run_corpus("claims.corpus", check_claim, |found, _| {
        found.iter().map(|c| (c.start, c.end, claim_summary(c))).collect()
    });
    println!("claims.corpus: {count} examples");
    assert!(count >= 40, "claims.corpus has {count} examples");
    assert!(problems.is_empty(), "{} of {count} fail:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn implied_corpus_passes() {
    let (count, problems) = run_corpus("implied.corpus", check_implied, |_, events| {
        events.iter().map(|e| (e.phrase_start, e.phrase_end, e.label.clone())).collect()
    });
    println!("implied.corpus: {count} examples");
    assert!(count >= 12, "implied.corpus has {count} examples");
    assert!(problems.is_empty(), "{} of {count} fail:\n{}", problems.len(), problems.join("\n"));
}

fn seeds_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.join("expected_story.json").exists().then_some(dir)
}

/// One seed article: its file name, its claims each with its sentence, its implied events.
type SeedReading = (String, Vec<(Claim, String)>, Vec<Implied>);

/// Every claim and implied event of each seed article, with the sentence each claim sits in.
fn read_seeds(dir: &Path) -> Vec<SeedReading> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let reference = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let spans = sentences::split(&text);
            let (found, events) = read(&text, reference);
            let with_sentences = found
                .into_iter()
                .map(|c| (c.clone(), text[spans[c.sentence].start..spans[c.sentence].end].to_string()))
                .collect();
            (path.file_name().unwrap().to_string_lossy().into_owned(), with_sentences, events)
        })
        .collect()
}

#[test]
fn seeds_yield_their_claims_and_implied_events() {
    let Some(dir) = seeds_dir() else {
        println!("skipped: ../shared/seeds is absent");
        return;
    };
    let seeds = read_seeds(&dir);
    let claims: Vec<&(Claim, String)> = seeds.iter().flat_map(|(_, c, _)| c).collect();
    for (file, found, events) in &seeds {
        for (c, _) in found {
            println!("{file}: claim {}", claim_summary(c));
        }
        for e in events {
            println!("{file}: implied {} {}..{} ({})", e.label, e.start.date(), e.end.date(), e.explanation);
        }
    }
    let has = |subject: &str, value: u64, sentence_part: &str| {
        claims
            .iter()
            .filter(|(c, s)| c.subject == subject && c.quantity.value == value && s.contains(sentence_part))
            .count()
    };
    assert_eq!(has("dead", 4, "left four people dead"), 1);
    assert!(claims.iter().any(|(c, _)| c.subject == "dead" && c.qualifiers == ["including the assailant"]));
    assert_eq!(has("dead", 5, "left five people dead"), 1);
    assert_eq!(has("dead", 2, "two people killed"), 1);
    assert_eq!(has("arrested", 8, "eight arrests") + has("arrested", 8, "arrested eight people"), 2);
    let ages = |person: &str, years: u64| {
        claims
            .iter()
            .filter(|(c, _)| c.subject == "age" && c.person.as_deref() == Some(person) && c.quantity.value == years)
            .count()
    };
    assert_eq!(ages("Khalid Masood", 52), 2);
    assert_eq!(ages("Keith Palmer", 48), 1);

    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected_story.json")).unwrap()).unwrap();
    let events: Vec<&Implied> = seeds.iter().flat_map(|(_, _, e)| e).collect();
    for want in expected["implied"].as_array().unwrap() {
        let kind = want["kind"].as_str().unwrap();
        let years: Vec<i32> = want["years"].as_array().unwrap().iter().map(|y| y.as_i64().unwrap() as i32).collect();
        let matches = events.iter().any(|e| {
            let event_kind = serde_json::to_value(e.kind).unwrap();
            let first = chrono::Datelike::year(&e.start);
            let last = chrono::Datelike::year(&(e.end - chrono::Duration::days(1)));
            event_kind == kind && years.contains(&first) && years.contains(&last) && !e.label.starts_with('(')
        });
        assert!(matches, "no implied event for {want}");
    }
    let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
    for label in ["Khalid Masood born", "Keith Palmer born", "Keith Palmer started", "Kurt Cochran and Melissa married"]
    {
        assert!(labels.contains(&label), "{label} missing from {labels:?}");
    }
}

const FRAGMENTS: &[&str] = &[
    "four",
    "people",
    "dead",
    ",",
    "including",
    "the",
    "assailant",
    ".",
    "killed",
    "12",
    "12,000",
    "more than",
    "dozens",
    "several dozen",
    "injured",
    "toll",
    "rose to",
    "from the initial reports of",
    "arrested",
    "Khalid",
    "Masood",
    "52",
    "-year",
    "-",
    "old",
    "aged",
    "a",
    "15-year",
    "veteran",
    "silver",
    "wedding",
    "anniversary",
    "25th",
    "his wife",
    "Melissa",
    "He",
    "for",
    "years",
    "after",
    "at",
    "$",
    "%",
    "1990s",
    "Room",
    "1440",
    ".38",
    "’s",
    "é",
    "twenty",
    "-five",
    "of",
    "the",
    "\n\n",
    ":",
    "worked",
    "there",
    "death",
];

#[test]
fn no_panic_on_fragments() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let reference = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(FRAGMENTS[(seed % FRAGMENTS.len() as u64) as usize]);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        seed = seed.wrapping_add(1);
        let (found, events) = read(&text, reference);
        let chars = text.chars().count();
        for c in &found {
            assert!(c.start <= c.end && c.end <= chars, "{text:?}: {c:?}");
            let written: String = text.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(written, c.text, "{text:?}");
        }
        for e in &events {
            assert!(e.phrase_start <= e.phrase_end && e.phrase_end <= chars && !e.label.is_empty(), "{text:?}: {e:?}");
        }
    }
}

/// One pass over the tokens: a single "sentence" of 60,000 words full of names, counts, ages and
/// anniversaries reads in well under the time a quadratic scan would take.
#[test]
fn cost_stays_linear_on_one_huge_sentence() {
    let unit = "Kurt Cochran and Melissa Jones, 52, killed 12 people, including the driver, his wife Anna \
                a 15-year veteran for 20 years their 25th anniversary aged 40 dozens injured ";
    let text = unit.repeat(2_500);
    let reference = NaiveDate::from_ymd_opt(2017, 3, 22).unwrap();
    let started = std::time::Instant::now();
    let (found, events) = read(&text, reference);
    let elapsed = started.elapsed();
    assert!(found.len() >= 2_500 && !events.is_empty());
    assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
}

#[test]
fn statuses_serialise_in_lower_case() {
    assert_eq!(serde_json::to_string(&ClaimStatus::Revised).unwrap(), "\"revised\"");
}
