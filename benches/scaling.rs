//! Does the cost of reading and extracting stay linear on hostile and dense inputs? Each case is
//! generated at two sizes, N and 2N, and run through what `chronoscope extract --json` does (read
//! the file with its format's reader, extract, stream the JSON to a temp file). For each size it
//! prints the wall time and the peak heap (counted by a wrapping allocator, so the figure is exact
//! and the same on every run), then the 2N/N ratios and peak heap over input size. Linear means a
//! ratio near 2 (the target: at most 2.6) and peak memory under 20x the input.
//! Run: cargo bench --bench scaling  (add a case name to run only the cases containing it)

use chronoscope::export::json;
use chronoscope::ingest;
use chronoscope::pipeline::{build_timeline, Settings};
use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting live and peak bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; the wrapper only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One generated input: a file name (its extension picks the reader) and the text for `n` units.
struct Case {
    name: &'static str,
    file: &'static str,
    n: usize,
    make: fn(usize) -> String,
}

fn repeat(n: usize, unit: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&unit(i));
    }
    out
}

fn comma_dates(n: usize) -> String {
    repeat(n, |i| format!("March {}, 2017, ", i % 28 + 1))
}

fn two_days_later(n: usize) -> String {
    repeat(n, |_| "two days later ".to_string())
}

fn month_names(n: usize) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    repeat(n, |i| format!("{} ", MONTHS[i % 12]))
}

fn dense_lines(n: usize) -> String {
    repeat(n, |i| format!("On March {}, 2017 the council met again.\n", i % 28 + 1))
}

fn brackets(n: usize) -> String {
    "[".repeat(n)
}

fn nested_links(n: usize) -> String {
    let mut out = "[".repeat(n);
    out.push_str("text on Monday");
    for _ in 0..n {
        out.push_str("](http://x.example)");
    }
    out
}

fn nested_articles(n: usize) -> String {
    let mut out = "<html><body>".to_string();
    for i in 0..n {
        let _ = write!(out, "<article><p>Part {i} on Monday.</p>");
    }
    out.push_str(&"</article>".repeat(n));
    out.push_str("</body></html>");
    out
}

fn nested_divs(n: usize) -> String {
    let mut out = "<html><body>".to_string();
    out.push_str(&"<div>".repeat(n));
    out.push_str("The vote was on Tuesday.");
    out.push_str(&"</div>".repeat(n));
    out.push_str("</body></html>");
    out
}

fn timeml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<TimeML>\n<DOCID>bench</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2017-03-22\" functionInDocument=\"CREATION_TIME\">2017-03-22</TIMEX3></DCT>\n<TEXT>{body}</TEXT>\n</TimeML>\n"
    )
}

fn timeml_timexes(n: usize) -> String {
    timeml(&repeat(n, |i| {
        format!(
            "The council met on <TIMEX3 tid=\"t{}\" type=\"DATE\" value=\"2017-03-{:02}\">March {}</TIMEX3>.\n",
            i + 1,
            i % 28 + 1,
            i % 28 + 1
        )
    }))
}

fn timeml_nested(n: usize) -> String {
    timeml(&("<s>".repeat(n) + "The vote was on Tuesday." + &"</s>".repeat(n)))
}

const CASES: &[Case] = &[
    Case { name: "run-on sentence of comma-separated dates", file: "dates.txt", n: 20_000, make: comma_dates },
    Case { name: "\"two days later\" repeated", file: "later.txt", n: 26_000, make: two_days_later },
    Case { name: "run of month names", file: "months.txt", n: 120_000, make: month_names },
    Case { name: "dense lines of dates", file: "dense.txt", n: 100_000, make: dense_lines },
    Case { name: "markdown: opening brackets", file: "brackets.md", n: 1_000_000, make: brackets },
    Case { name: "markdown: nested links", file: "links.md", n: 20_000, make: nested_links },
    Case { name: "html: nested articles", file: "articles.html", n: 40_000, make: nested_articles },
    Case { name: "html: nested divs", file: "divs.html", n: 100_000, make: nested_divs },
    Case { name: "timeml: dense TIMEX3 tags", file: "dense.tml", n: 50_000, make: timeml_timexes },
    Case { name: "timeml: nested elements", file: "nested.tml", n: 100_000, make: timeml_nested },
];

/// What one run cost.
struct Cost {
    input: usize,
    seconds: f64,
    peak: usize,
    events: usize,
}

fn run(case: &Case, n: usize, dir: &std::path::Path) -> Result<Cost, String> {
    let text = (case.make)(n);
    let input = dir.join(case.file);
    std::fs::write(&input, &text).map_err(|e| format!("writing {}: {e}", input.display()))?;
    drop(text);
    let output = dir.join("out.json");
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let base = LIVE.load(Ordering::Relaxed);
    let started = Instant::now();
    let doc = ingest::load(&input).map_err(|e| e.to_string())?;
    let input_bytes = std::fs::metadata(&input).map(|m| m.len() as usize).unwrap_or(0);
    let anchor = chrono::NaiveDate::from_ymd_opt(2017, 3, 22).unwrap_or_default();
    let timeline = build_timeline(std::slice::from_ref(&doc), &Settings { anchor, dct: None });
    json::write_file(&output, &timeline).map_err(|e| format!("writing the JSON: {e}"))?;
    let events = timeline.events.len();
    drop(timeline);
    drop(doc);
    Ok(Cost {
        input: input_bytes,
        seconds: started.elapsed().as_secs_f64(),
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(base),
        events,
    })
}

/// Runs per size; the fastest is reported (the peak heap is the same in every run).
const RUNS: usize = 3;

fn best_of(runs: usize, case: &Case, n: usize, dir: &std::path::Path) -> Result<Cost, String> {
    let mut best = run(case, n, dir)?;
    for _ in 1..runs {
        let next = run(case, n, dir)?;
        if next.seconds < best.seconds {
            best = Cost { peak: best.peak.max(next.peak), ..next };
        }
    }
    Ok(best)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("error: cannot make a temp dir: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "{:<44} {:>9} {:>8} {:>9} {:>8} | {:>6} {:>6} {:>7}",
        "case", "input MB", "s", "peak MB", "events", "time", "memory", "peak/in"
    );
    for case in CASES.iter().filter(|c| filter.is_empty() || filter.iter().any(|f| c.name.contains(f.as_str()))) {
        let (small, large) =
            match (best_of(RUNS, case, case.n, dir.path()), best_of(RUNS, case, case.n * 2, dir.path())) {
                (Ok(small), Ok(large)) => (small, large),
                (Err(e), _) | (_, Err(e)) => {
                    println!("{:<44} failed: {e}", case.name);
                    continue;
                }
            };
        for (cost, label) in [(&small, "N"), (&large, "2N")] {
            println!(
                "{:<44} {:>9.2} {:>8.3} {:>9.1} {:>8}",
                format!("{} ({label})", case.name),
                mb(cost.input),
                cost.seconds,
                mb(cost.peak),
                cost.events
            );
        }
        let time_ratio = large.seconds / small.seconds.max(1e-9);
        let memory_ratio = large.peak as f64 / small.peak.max(1) as f64;
        let per_input = large.peak as f64 / large.input.max(1) as f64;
        let verdict = if time_ratio <= 2.6 && memory_ratio <= 2.6 { "linear" } else { "NOT LINEAR" };
        println!(
            "{:<44} {:>38} | {:>6.2} {:>6.2} {:>6.1}x  {verdict}",
            "", "2N/N:", time_ratio, memory_ratio, per_input
        );
    }
}
