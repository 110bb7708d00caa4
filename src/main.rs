//! The `chronoscope` command: the desktop window by default (`chronoscope [FILE...]`), and the
//! headless `extract`, `export` and `eval` subcommands.

mod cli;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "chronoscope",
    version,
    about = "Reconstruct timelines from news articles",
    after_help = "Chronoscope is MIT-licensed. It includes a part-of-speech model derived from the Universal \
                  Dependencies English Web Treebank (Silveira et al., https://github.com/UniversalDependencies/\
                  UD_English-EWT), licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); \
                  see assets/pos/README.md.",
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles to open in the window.
    files: Vec<PathBuf>,
    /// Story anchor ("day zero") for the window, YYYY-MM-DD.
    #[arg(long, value_parser = cli::parse_date)]
    anchor: Option<chrono::NaiveDate>,
}

#[derive(Subcommand)]
enum Command {
    /// Find, resolve and place every time phrase of the articles; print a summary to stderr and
    /// write the timeline as JSON, JSON lines, TimeML, PNG, SVG, CSV, TimelineJS or a report.
    Extract(cli::extract::ExtractArgs),
    /// Write a saved project (with the user's corrections) as JSON, TimeML, PNG, SVG, CSV,
    /// TimelineJS or a report, without a window.
    Export(cli::export::ExportArgs),
    /// Score the tagger against TimeML gold files (TempEval-3 style).
    Eval(cli::eval::EvalArgs),
}

fn main() {
    cli::allocator::return_large_blocks_when_freed();
    let args = Args::parse();
    let code = match args.command {
        Some(Command::Extract(extract)) => cli::extract::run(&extract),
        Some(Command::Export(export)) => cli::export::run(&export),
        Some(Command::Eval(eval)) => cli::eval::run(&eval),
        None => cli::window::run(args.files, args.anchor),
    };
    std::process::exit(code);
}
