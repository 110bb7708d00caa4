//! `chronoscope eval GOLD...`: TempEval-3 style scores of the tagger against TimeML gold, or
//! with `--events` the dating of events against the gold TLINKs.

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct EvalArgs {
    /// TimeML files or directories of them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// List every miss, spurious match and wrong value.
    #[arg(long)]
    errors: bool,
    /// Score events instead of time phrases: which sentences that the gold TLINKs date get an
    /// event, and on which day.
    #[arg(long)]
    events: bool,
}

pub fn run(args: &EvalArgs) -> i32 {
    let rendered = if args.events {
        chronoscope::eval::run_events(&args.gold).map(|report| report.render(args.errors))
    } else {
        chronoscope::eval::run(&args.gold).map(|report| report.render(args.errors))
    };
    match rendered {
        Ok(report) => write_report(&report),
        Err(message) => {
            say!("chronoscope eval: {message}");
            1
        }
    }
}

/// Writes the report to stdout. A failure (a reader that stopped early, a full disk) is reported
/// on stderr and in the exit code, as `extract` does, never as a panic.
fn write_report(report: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(report.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            say!("chronoscope eval: could not write the report: {e}");
            1
        }
    }
}
