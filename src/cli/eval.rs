//! `chronoscope eval GOLD...`: TempEval-3 style scores of the tagger against TimeML gold.

use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct EvalArgs {
    /// TimeML files or directories of them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
    /// List every miss, spurious match and wrong value.
    #[arg(long)]
    errors: bool,
}

pub fn run(args: &EvalArgs) -> i32 {
    // TEMPORARY until src/eval lands (helper work in progress).
    let _ = (&args.gold, args.errors);
    eprintln!("chronoscope eval: not built yet");
    1
}
